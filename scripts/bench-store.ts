/** Bundles scripts/bench/store-entry.ts and runs it in headless Chromium on a 127.0.0.1 page. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import type { StoreBenchRow } from './bench/store-entry';
import { chromiumPath, serveStatic } from './harness/harness';

export interface StoreBench {
  rows: StoreBenchRow[];
  /** Bytes on disk per statement at the end of the run, after its timed writes and deletes. */
  bytesPerStatementAtEnd: number;
}

export async function runStoreBench(
  sizes: number[],
  workload: 'zipf' | 'uniform' = 'zipf',
): Promise<StoreBench> {
  const dir = mkdtempSync(join(tmpdir(), 'saywho-bench-'));
  const profile = mkdtempSync(join(tmpdir(), 'saywho-bench-profile-'));
  await build({
    entryPoints: [join(import.meta.dirname, 'bench', 'store-entry.ts')],
    bundle: true,
    format: 'esm',
    outfile: join(dir, 'bench.js'),
    logLevel: 'error',
  });
  writeFileSync(
    join(dir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><script type="module" src="bench.js"></script>',
  );
  const server = await serveStatic(dir);
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath(),
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  try {
    const page = await context.newPage();
    // SAYWHO_PROFILE=file.cpuprofile: a CPU profile of the timed readings at the largest size
    // (the page turns it on and off through this binding; open the file in DevTools).
    const profilePath = process.env.SAYWHO_PROFILE;
    if (profilePath) {
      const cdp = await context.newCDPSession(page);
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
      await page.exposeFunction('saywhoProfile', async (on: boolean) => {
        if (on) await cdp.send('Profiler.start');
        else writeFileSync(profilePath, JSON.stringify((await cdp.send('Profiler.stop')).profile));
      });
    }
    await page.goto(server.url('index.html'));
    await page.waitForFunction(() => 'saywhoBench' in window);
    return await page.evaluate(
      ([s, w]) =>
        (
          window as unknown as { saywhoBench: { run(s: number[], w: string): Promise<StoreBench> } }
        ).saywhoBench.run(s, w),
      [sizes, workload] as const,
    );
  } finally {
    await context.close();
    await server.close();
    rmSync(dir, { recursive: true, force: true });
    rmSync(profile, { recursive: true, force: true });
  }
}
