/**
 * The cost of Saywho on a page, in real Chromium with the built extension: the content script's own
 * user-timing measures (read = article region + text model + extraction; paint = Ranges +
 * highlights), the page's longest task while Saywho runs, and the floor — walking the page's text
 * nodes — measured on the same page in the same run.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launchWithExtension,
  newProfileDir,
  ROOT,
  removeProfileDir,
  serveStatic,
  waitForHighlights,
} from '../test/e2e/harness';

export interface PageBenchRow {
  page: string;
  kb: number;
  statements: number;
  readMs: number;
  paintMs: number;
  longestTaskMs: number;
  floorMs: number;
}

export async function runPageBench(generatedArticle: string): Promise<PageBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'saywho-page-bench-'));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'real-pages', 'bbc-1', 'source.html'), join(dir, 'bbc-1.html'));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'pages', '002.html'), join(dir, '002.html'));
  const paragraphs = generatedArticle
    .split('\n')
    .filter(Boolean)
    .map((p) => `<p>${p.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</p>`)
    .join('\n');
  writeFileSync(
    join(dir, 'generated-1mb.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Generated</title><meta property="og:type" content="article"></head><body><article>${paragraphs}</article></body></html>`,
  );
  const server = await serveStatic(dir);
  const profile = newProfileDir();
  const browser = await launchWithExtension(profile);
  const rows: PageBenchRow[] = [];
  try {
    for (const name of ['002.html', 'bbc-1.html', 'generated-1mb.html']) {
      const page = await browser.context.newPage();
      await page.addInitScript(() => {
        const w = window as unknown as { __longTasks: number[] };
        w.__longTasks = [];
        new PerformanceObserver((list) => {
          for (const e of list.getEntries()) w.__longTasks.push(e.duration);
        }).observe({ type: 'longtask', buffered: true });
      });
      await page.goto(server.url(name));
      await waitForHighlights(page, 60_000);
      await page.waitForTimeout(500);
      const row = await page.evaluate(() => {
        const measure = (n: string) =>
          performance.getEntriesByName(n).reduce((m, e) => Math.max(m, e.duration), 0);
        const walk = () => {
          let chars = 0;
          const stack: Node[] = [document.body];
          while (stack.length > 0) {
            const node = stack.pop()!;
            if (node.nodeType === 3) chars += (node.nodeValue ?? '').length;
            for (let c = node.lastChild; c; c = c.previousSibling) stack.push(c);
          }
          return chars;
        };
        const samples: number[] = [];
        for (let i = 0; i < 15; i++) {
          const t = performance.now();
          walk();
          samples.push(performance.now() - t);
        }
        samples.sort((a, b) => a - b);
        let statements = 0;
        for (const n of ['saywho-direct', 'saywho-partial', 'saywho-indirect'])
          statements += CSS.highlights.get(n)?.size ?? 0;
        return {
          readMs: measure('saywho:read'),
          paintMs: measure('saywho:paint'),
          longestTaskMs: Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks),
          floorMs: samples[7]!,
          statements,
          kb: document.documentElement.outerHTML.length / 1024,
        };
      });
      rows.push({ page: name, ...row });
      await page.close();
    }
  } finally {
    await browser.close();
    await server.close();
    removeProfileDir(profile);
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}
