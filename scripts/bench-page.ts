/**
 * The cost of Saywho on a page, in real Chromium with the built extension: the content script's own
 * timings, asked of it from an extension page (`page-timings`; read = article region + text model +
 * extraction, which the background worker does (`extract-article`), so the read spans its round
 * trip; paint = Ranges + highlights; each task Saywho ran, `task` — the work is split into tasks
 * once it runs past a budget), the time from the article being found to its first highlights
 * painted, the page's longest task seen by the Long Tasks API, and the floor — walking the page's
 * text nodes — measured on the same page in the same run. Pages load in a fresh browser, so the
 * first is cold; the last is read right after the worker was stopped, as Chromium stops an idle one.
 */
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  launchWithExtension,
  newProfileDir,
  pageTimings,
  ROOT,
  removeProfileDir,
  serveStatic,
  stopWorker,
  type TaskTiming,
  waitForHighlights,
} from './harness/harness';
import { runSweep, type SweepResult } from './harness/sweep-run';

export interface PageBenchRow {
  page: string;
  kb: number;
  statements: number;
  readMs: number;
  paintMs: number;
  /** From the article found (end of `find`) to its first highlights painted (end of `paint`). */
  foundToPaintMs: number;
  /** Of which the extraction: the `extract-article` round trip to the background worker. */
  extractMs: number;
  /** Saywho's longest task on the page, and how many tasks its first reading took. */
  saywhoTaskMs: number;
  saywhoTasks: number;
  longestTaskMs: number;
  floorMs: number;
}

/** The first reading's way from the article found to its highlights painted. */
export function firstPaint(timings: TaskTiming[]): { foundToPaintMs: number; extractMs: number } {
  const paint = timings.find((t) => t.name === 'paint');
  if (!paint) return { foundToPaintMs: Number.NaN, extractMs: Number.NaN };
  const before = (name: string) => timings.filter((t) => t.name === name && t.start <= paint.start).at(-1);
  const find = before('find');
  const extract = before('extract');
  return {
    foundToPaintMs: find ? paint.start + paint.duration - (find.start + find.duration) : Number.NaN,
    extractMs: extract?.duration ?? Number.NaN,
  };
}

const PAGES = [
  { page: '002.html', file: '002.html' },
  { page: 'bbc-1.html', file: 'bbc-1.html' },
  { page: 'generated-1mb.html', file: 'generated-1mb.html' },
  // a single reading of a woken worker moves by ±100 ms on a busy machine: the median of several
  { page: '001.html, worker stopped', file: '001.html', stopWorker: true, repeat: 7 },
  // as over a slow network: the page's HTML after its first 600 bytes comes 600 ms later
  { page: '001.html, worker stopped, slow network', file: '001.html?hold=600', stopWorker: true, repeat: 7 },
];

/** The reading whose found → painted is the median of `rows`, named with how many there were. */
function medianRow(rows: PageBenchRow[]): PageBenchRow {
  const sorted = [...rows].sort((a, b) => a.foundToPaintMs - b.foundToPaintMs);
  const mid = sorted[Math.floor((sorted.length - 1) / 2)]!;
  return rows.length > 1
    ? {
        ...mid,
        page: `${mid.page} (median of ${rows.length}: ${sorted[0]!.foundToPaintMs.toFixed(0)}–${sorted.at(-1)!.foundToPaintMs.toFixed(0)} ms)`,
      }
    : mid;
}

export async function runPageBench(generatedArticle: string): Promise<PageBenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'saywho-page-bench-'));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'real-pages', 'bbc-1', 'source.html'), join(dir, 'bbc-1.html'));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'pages', '002.html'), join(dir, '002.html'));
  copyFileSync(join(ROOT, 'test', 'fixtures', 'pages', '001.html'), join(dir, '001.html'));
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
    // Saywho's timings are asked from an extension page: it outlives a stopped worker.
    const ext = await browser.context.newPage();
    await ext.goto(`chrome-extension://${browser.extensionId}/options.html`);
    // the worker is stopped from a blank page (an extension page that has just loaded wakes it)
    const blank = await browser.context.newPage();
    for (const { page: name, file, stopWorker: stop, repeat = 1 } of PAGES) {
      const readings: PageBenchRow[] = [];
      for (let run = 0; run < repeat; run++) {
        if (stop) await stopWorker(browser, blank);
        const page = await browser.context.newPage();
        // tsx compiles with esbuild's keepNames, which wraps functions in a `__name` helper that the
        // page does not have: give it one.
        await page.addInitScript({ content: 'window.__name = (f) => f;' });
        await page.addInitScript(() => {
          const w = window as unknown as { __longTasks: number[] };
          w.__longTasks = [];
          new PerformanceObserver((list) => {
            for (const e of list.getEntries()) w.__longTasks.push(e.duration);
          }).observe({ type: 'longtask', buffered: true });
        });
        await page.goto(server.url(file));
        await waitForHighlights(page, 60_000);
        await page.waitForTimeout(500);
        const timings = await pageTimings(page, ext);
        const longest = (name: string) =>
          timings.filter((t) => t.name === name).reduce((m, t) => Math.max(m, t.duration), 0);
        const row = await page.evaluate(() => {
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
          // Repeat the walk for 50 ms at least: one walk of a small page is below the timer's resolution.
          let runs = 0;
          const t = performance.now();
          while (performance.now() - t < 50 || runs < 3) {
            walk();
            runs++;
          }
          const floor = (performance.now() - t) / runs;
          let statements = 0;
          for (const n of ['saywho-direct', 'saywho-partial', 'saywho-indirect'])
            statements += CSS.highlights.get(n)?.size ?? 0;
          return {
            longestTaskMs: Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks),
            floorMs: floor,
            statements,
            kb: document.documentElement.outerHTML.length / 1024,
          };
        });
        readings.push({
          page: name,
          readMs: longest('read'),
          paintMs: longest('paint'),
          ...firstPaint(timings),
          saywhoTaskMs: longest('task'),
          saywhoTasks: timings.filter((t) => t.name === 'task').length,
          ...row,
        });
        await page.close();
      }
      rows.push(medianRow(readings));
    }
  } finally {
    await browser.close();
    await server.close();
    removeProfileDir(profile);
    rmSync(dir, { recursive: true, force: true });
  }
  return rows;
}

export interface TickingBenchRow {
  windowMs: number;
  /** Saywho's readings of the page in the window (its first reading is before it). */
  readings: number;
  /** Saywho's tasks in the window: their sum (its main-thread time) and the longest. */
  saywhoMs: number;
  longestTaskMs: number;
}

/**
 * A long live page whose text ticks every 100 ms inside the article — a seconds counter, a reader
 * count, a clock (`test/fixtures/pages/app/ticking.html`): Saywho's main-thread time in the
 * `windowMs` after its first reading and painting.
 */
export async function runTickingBench(windowMs = 20_000): Promise<TickingBenchRow> {
  const server = await serveStatic();
  const profile = newProfileDir();
  const browser = await launchWithExtension(profile);
  try {
    const page = await browser.context.newPage();
    await page.goto(server.url('app/ticking.html'));
    await waitForHighlights(page, 60_000);
    const painted = async () => (await pageTimings(page, browser.worker)).some((t) => t.name === 'paint');
    while (!(await painted())) await page.waitForTimeout(100);
    await page.waitForTimeout(1_000);
    const from = await page.evaluate(() => performance.now());
    await page.waitForTimeout(windowMs);
    const inWindow = (await pageTimings(page, browser.worker)).filter(
      (t) => t.start >= from && t.start < from + windowMs,
    );
    const tasks = inWindow.filter((t) => t.name === 'task');
    return {
      windowMs,
      readings: inWindow.filter((t) => t.name === 'read').length,
      saywhoMs: tasks.reduce((sum, t) => sum + t.duration, 0),
      longestTaskMs: tasks.reduce((m, t) => Math.max(m, t.duration), 0),
    };
  } finally {
    await browser.close();
    await server.close();
    removeProfileDir(profile);
  }
}

/**
 * The real-pages sweep of the end-to-end test (scripts/harness/sweep-run.ts), in a fresh browser: each
 * page's judgement, statements, errors, DOM changes, Saywho's longest task and the time to its
 * reading. Reported, never asserted.
 */
export async function runSweepBench(): Promise<SweepResult[]> {
  const profile = newProfileDir();
  const browser = await launchWithExtension(profile);
  try {
    // tsx's keepNames helper, for any function it wrapped that runs in the page (see runPageBench)
    await browser.context.addInitScript({ content: 'window.__name = (f) => f;' });
    return await runSweep(browser.context, browser.worker);
  } finally {
    await browser.close();
    removeProfileDir(profile);
  }
}
