/**
 * The real-pages sweep (issue 14), shared by its end-to-end test (sweep.e2e.test.ts, which asserts)
 * and `npm run bench` (which reports): the built extension in Chromium over the 30 saved news pages
 * (test/fixtures/real-pages, each with Readability's reading of its article) and the 150 pages of
 * other sites (test/fixtures/web-pages, labelled article / not-article and English / other),
 * served on 127.0.0.1 with every outside request blocked and the pages' own scripts switched off
 * by a Content-Security-Policy (so that every change to the DOM is Saywho's). Per page: Saywho's
 * judgement, its statements, statements outside the article, errors, DOM changes, Saywho's longest
 * task (wall-clock, and thread time from Chromium's trace) and the time from navigation to its reading done; and the markdown report of them all.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Worker } from 'playwright-core';
import { LAYER_HOST_TAG } from '../../utils/page/layer-host';
import { pageTimings, ROOT, type StaticServer, serveStatic, tabIdOf } from './harness';
import { tasksOnTrace, tracePage } from './task-trace';

const FIXTURES = join(ROOT, 'test', 'fixtures');
const OUT = join(ROOT, 'test-output');

export interface SweepPage {
  /** Path under test/fixtures. */
  path: string;
  name: string;
  set: 'news' | 'web';
  kind: 'article' | 'not-article';
  language: 'en' | 'other';
  /** Readability's reading of the article (news pages). */
  reference?: string;
}

/** The news pages (test/fixtures/real-pages), then the other sites' (web-pages/labels.jsonl). */
export function sweepPages(): SweepPage[] {
  const news = readdirSync(join(FIXTURES, 'real-pages'))
    .filter((d) => !d.includes('.'))
    .sort()
    .map(
      (d): SweepPage => ({
        path: `real-pages/${d}/source.html`,
        name: d,
        set: 'news',
        kind: 'article',
        language: 'en',
        reference: readFileSync(join(FIXTURES, 'real-pages', d, 'article.txt'), 'utf8'),
      }),
    );
  const labels = readFileSync(join(FIXTURES, 'web-pages', 'labels.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { page: string; kind: SweepPage['kind']; language: SweepPage['language'] });
  const web = labels.map(
    (l): SweepPage => ({
      path: `web-pages/${l.page}.html`,
      name: l.page,
      set: 'web',
      kind: l.kind,
      language: l.language,
    }),
  );
  return [...news, ...web];
}

export interface SweepResult {
  page: SweepPage;
  status: string;
  reason: string;
  statements: string[];
  outside: number;
  /** The page's errors and Saywho's (the content script's console errors). */
  errors: string[];
  /** DOM changes after the page was parsed that are not Saywho's host element. */
  changes: string[];
  longestTask: number;
  /**
   * The most thread time (CPU) one of Saywho's tasks took, from Chromium's trace of the page's
   * main thread (task-trace.ts): the work in a task, without the time the thread waited for a CPU.
   * NaN when the trace did not find the page's navigation.
   */
  longestTaskCpu: number;
  /** The thread time of the task in `longestTask` (NaN as above). */
  longestTaskThreadTime: number;
  /** From navigation to Saywho's first reading done (the end of its `read` timing); NaN if none. */
  readDone: number;
}

const squash = (s: string) =>
  s
    .normalize('NFKC')
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/\s+/g, ' ')
    .trim()
    .toLowerCase();

/** Records, in the page's world, every DOM change after the document was parsed. */
function watchDom(host: string): void {
  const changes: string[] = [];
  (window as unknown as { __sweepChanges: string[] }).__sweepChanges = changes;
  document.addEventListener('DOMContentLoaded', () => {
    new MutationObserver((records) => {
      for (const r of records) {
        if (r.type === 'childList') {
          for (const n of Array.from(r.addedNodes)) {
            if (n.nodeName.toLowerCase() !== host)
              changes.push(`added ${n.nodeName} to ${r.target.nodeName}`);
          }
          for (const n of Array.from(r.removedNodes)) {
            if (n.nodeName.toLowerCase() !== host)
              changes.push(`removed ${n.nodeName} from ${r.target.nodeName}`);
          }
        } else changes.push(`${r.type} ${r.attributeName ?? ''} on ${r.target.nodeName}`);
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * Sweeps every page in `context` (a browser with the built extension, whose worker is `worker`):
 * serves test/fixtures, blocks every outside request, switches the pages' scripts off and watches
 * their DOM. The route is taken off again at the end; the DOM watcher stays on the context.
 */
export async function runSweep(context: BrowserContext, worker: Worker): Promise<SweepResult[]> {
  const server: StaticServer = await serveStatic(FIXTURES);
  // Nothing leaves the machine; the pages' own scripts do not run (the content script does).
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname !== '127.0.0.1') return route.abort();
    if (route.request().resourceType() !== 'document') return route.continue();
    const response = await route.fetch();
    return route.fulfill({
      response,
      headers: { ...response.headers(), 'content-security-policy': "script-src 'none'" },
    });
  });
  await context.addInitScript(watchDom, LAYER_HOST_TAG);
  const results: SweepResult[] = [];
  try {
    // one tab at a time: the tab is found as the active one (the extension may not read tab URLs)
    for (const p of sweepPages()) results.push(await sweepOne(p, server, context, worker));
  } finally {
    await context.unroute('**/*');
    await server.close();
  }
  return results;
}

async function sweepOne(
  p: SweepPage,
  server: StaticServer,
  context: BrowserContext,
  worker: Worker,
): Promise<SweepResult> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => {
    // Saywho's own errors (the content script's) name the extension; the page's CSP reports do not
    if (m.type() === 'error' && m.location().url.startsWith('chrome-extension://')) errors.push(m.text());
  });
  const trace = await tracePage(context, page);
  try {
    await page.goto(server.url(p.path), { waitUntil: 'load', timeout: 30_000 });
    const tabId = await tabIdOf(page, worker);
    // Saywho has read (or refused) the page once it reports a `read` timing
    for (let i = 0; i < 200 && !(await pageTimings(tabId, worker)).some((t) => t.name === 'read'); i++)
      await page.waitForTimeout(50);
    const status = (await worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'page-status' }).catch(() => null),
      tabId,
    )) as { status?: string; reason?: string } | null;
    const found = (await worker.evaluate(
      (id) => chrome.tabs.sendMessage(id, { type: 'page-statements' }).catch(() => null),
      tabId,
    )) as { statements?: { text: string }[] } | null;
    const statements = (found?.statements ?? []).map((s) => s.text);
    const reference = p.reference ? squash(p.reference) : null;
    const outside = reference ? statements.filter((s) => !reference.includes(squash(s))).length : 0;
    const timings = await pageTimings(tabId, worker);
    const longestTask = Math.max(0, ...timings.filter((t) => t.name === 'task').map((t) => t.duration));
    const traced = tasksOnTrace(await trace.stop(), timings, p.path);
    const longestTaskCpu = traced ? Math.max(0, ...traced.map((t) => t.cpu)) : Number.NaN;
    const longestTaskThreadTime = traced
      ? ([...traced].sort((a, b) => b.wall - a.wall)[0]?.cpu ?? 0)
      : Number.NaN;
    // the page's clock starts at its navigation
    const read = timings.find((t) => t.name === 'read');
    const changes = await page.evaluate(
      () => (window as unknown as { __sweepChanges?: string[] }).__sweepChanges ?? [],
    );
    return {
      page: p,
      status: status?.status ?? 'no answer',
      reason: status?.reason ?? '',
      statements,
      outside,
      errors,
      changes,
      longestTask,
      longestTaskCpu,
      longestTaskThreadTime,
      readDone: read ? read.start + read.duration : Number.NaN,
    };
  } finally {
    await page.close();
  }
}

const ms = (n: number, digits = 0) => (Number.isNaN(n) ? '—' : n.toFixed(digits));

function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * One line: pages, read, refused, Saywho's longest task (max, median), pages with a task over 50 ms
 * of wall-clock time and of thread time.
 */
export function sweepSummary(results: SweepResult[]): string {
  const refused = results.filter((r) => r.status === 'not-article').length;
  const unanswered = results.filter((r) => r.status === 'no answer').length;
  const tasks = results.map((r) => r.longestTask);
  const over = results.filter((r) => r.longestTask > 50).length;
  const cpu = results.map((r) => r.longestTaskCpu).filter((t) => !Number.isNaN(t));
  const overCpu = results.filter((r) => r.longestTaskCpu > 50).length;
  const done = results.map((r) => r.readDone).filter((t) => !Number.isNaN(t));
  return [
    `${results.length} pages: ${results.length - refused - unanswered} read, ${refused} refused`,
    ...(unanswered ? [`${unanswered} with no answer`] : []),
    `Saywho's longest task max ${ms(Math.max(0, ...tasks))} ms, median ${ms(median(tasks), 1)} ms`,
    `${over} pages with a task over 50 ms`,
    `its longest task's thread time max ${ms(Math.max(0, ...cpu), 1)} ms, median ${ms(median(cpu), 1)} ms`,
    `${overCpu} pages with a task over 50 ms of thread time`,
    ...(cpu.length < results.length ? [`${results.length - cpu.length} pages not found in the trace`] : []),
    `reading done a median ${ms(median(done))} ms after navigation (max ${ms(Math.max(0, ...done))} ms).`,
  ].join('; ');
}

/**
 * The report: pages read and refused by set, kind and language, the summary, the longest tasks,
 * then every page's row.
 */
export function sweepReport(results: SweepResult[]): string[] {
  const row = (r: SweepResult) =>
    `| ${r.page.set} | ${r.page.name} | ${r.page.kind} | ${r.page.language} | ${r.status}${r.reason ? ` (${r.reason})` : ''} | ${r.statements.length} | ${r.outside} | ${r.errors.length} | ${r.changes.length} | ${r.longestTask.toFixed(1)} | ${ms(r.longestTaskCpu, 1)} | ${ms(r.readDone)} |`;
  const cell = (set: string, kind: string, language: string) => {
    const of = results.filter(
      (r) => r.page.set === set && r.page.kind === kind && r.page.language === language,
    );
    const read = of.filter((r) => r.status !== 'not-article').length;
    return `| ${set} | ${kind} | ${language} | ${of.length} | ${read} | ${of.length - read} |`;
  };
  const longest = [...results].sort((a, b) => b.longestTask - a.longestTask).slice(0, 5);
  const longestCpu = results
    .filter((r) => !Number.isNaN(r.longestTaskCpu))
    .sort((a, b) => b.longestTaskCpu - a.longestTaskCpu)
    .slice(0, 5);
  return [
    '| set | kind | language | pages | read | refused |',
    '| --- | --- | --- | ---: | ---: | ---: |',
    cell('news', 'article', 'en'),
    cell('web', 'article', 'en'),
    cell('web', 'article', 'other'),
    cell('web', 'not-article', 'en'),
    cell('web', 'not-article', 'other'),
    '',
    sweepSummary(results),
    '',
    `Saywho's longest tasks: ${longest.map((r) => `${r.page.name} ${r.longestTask.toFixed(0)} ms (thread time ${ms(r.longestTaskThreadTime)} ms)`).join(', ')}.`,
    `Most thread time in one task: ${longestCpu.map((r) => `${r.page.name} ${r.longestTaskCpu.toFixed(1)} ms`).join(', ')}.`,
    '',
    '| set | page | kind | language | status | statements | outside the article | errors | DOM changes | longest task (ms) | most thread time in a task (ms) | read done (ms after navigation) |',
    '| --- | --- | --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...results.map(row),
  ];
}

/** Writes test-output/sweep.md and logs its head (the tables before the pages' rows). */
export function writeSweepReport(results: SweepResult[]): void {
  mkdirSync(OUT, { recursive: true });
  const lines = ['# Real-pages sweep', '', ...sweepReport(results)];
  writeFileSync(join(OUT, 'sweep.md'), `${lines.join('\n')}\n`);
  console.log(lines.slice(0, 16).join('\n'));
}
