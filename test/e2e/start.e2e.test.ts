/**
 * `npm start` headless, as on a machine with no display: it serves the sample pages, opens
 * Chromium with the built extension, prints what Saywho found on each page, saves screenshots and
 * exits cleanly; `npm start -- --firefox` the same in Firefox. (`--no-build`: the build step of
 * `npm start` is what `npm test` has just done.)
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ROOT } from '../../scripts/harness/harness';

const run = promisify(execFile);

async function start(...args: string[]): Promise<string> {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const { stdout } = await run(
    join(ROOT, 'node_modules', '.bin', 'tsx'),
    ['scripts/start.ts', '--no-build', ...args],
    {
      cwd: ROOT,
      env,
      timeout: 120_000,
      maxBuffer: 16 * 1024 * 1024,
    },
  );
  return stdout;
}

function expectReport(stdout: string, prefix: string): void {
  for (const page of ['000', '001', '002', '003', '004']) {
    const line = stdout.match(new RegExp(`^${page}\\.html — .*: (\\d+) statements$`, 'm'));
    expect(line, `${page}.html is reported`).not.toBeNull();
    expect(Number(line![1])).toBeGreaterThan(0);
    for (const kind of ['page', 'popup']) {
      const shot = join(ROOT, 'test-output', 'start', `${prefix}${page}-${kind}.png`);
      expect(existsSync(shot) && statSync(shot).size > 10_000, shot).toBe(true);
    }
  }
  // Read in order, 001 finds 000's quote under another speaker.
  expect(stdout).toMatch(/↳ Same words, different speaker: Karoline Leavitt/);
  expect(stdout).toMatch(/Screenshots saved in /);
}

/** What `npm start` printed in Chromium, to compare Firefox's with. */
let chromium = '';

it('npm start prints the statements and relations it found on every sample page and saves screenshots', async () => {
  const stdout = await start();
  chromium = stdout;
  expect(stdout).toMatch(/Chromium headless/);
  expectReport(stdout, '');
}, 150_000);

it('npm start -- --firefox does the same in Firefox with the Firefox build', async () => {
  const stdout = await start('--firefox');
  expect(stdout).toMatch(/Firefox headless/);
  expectReport(stdout, 'firefox-');
  // The same statements as in Chromium, page by page.
  const counts = (text: string) =>
    text.match(/^\d{3}\.html — .*: \d+ statements$/gm)?.map((l) => l.replace(/ — .*:/, ':'));
  expect(counts(stdout)).toEqual(counts(chromium || (await start())));
}, 300_000);
