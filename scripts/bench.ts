/**
 * `npm run bench`: performance figures, each against a baseline measured in the same run (a ratio),
 * because these machines are noisy. The README quotes this output.
 *
 * Extraction: for each fixture page and a generated 1 MB article, the time to read the article text
 * from the DOM and extract its statements, against the floor — merely walking the page's text
 * nodes. compromise's `.quotations()` runs on the same texts as a peer (speed, and recall on gold).
 *
 * Article region: Saywho's region + text model against Readability.js's `parse()` on the same
 * parsed documents (the 30 news pages and the English articles of the web set).
 */
// The extractor's model data, as Node tools have them (utils/nlp/model-data.ts).
import '../utils/nlp/model/use-bundled';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import nlp from 'compromise';
import { extract } from '../utils/extract';
import type { Statement } from '../utils/extract/types';
import { findArticleRoot } from '../utils/page/article-region';
import { buildTextModel } from '../utils/page/text-model';
import { runArchiveBench } from './bench-archive';
import { runPageBench, runSweepBench, runTickingBench } from './bench-page';
import { runStoreBench, type StoreBench } from './bench-store';
import { benchTagger } from './bench-tagger';
import { parseLikeBrowser } from './dom';
import { ensureBrowser, realSystem } from './harness/browsers';
import { generateArticle } from './harness/generate-article';
import { sweepReport } from './harness/sweep-run';
import { englishWebArticles, newsPages } from './region-eval';
import { combine, type GoldDoc, score } from './score';

const ROOT = join(import.meta.dirname, '..');
const FIXTURES = join(ROOT, 'test', 'fixtures');
/** The five real pages the figures below were first measured on (real-pages holds 30; `cli eval` scores them all). */
const FIRST_PAGES = ['bbc-1', 'citylab-1', 'cnn', 'herald-sun-1', 'wapo-2'].map((name) => ({ name }));

/** Median time in ms of `fn` over enough runs to fill about `budgetMs`. */
function time(fn: () => unknown, budgetMs = 300): number {
  fn();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 5 || (performance.now() - started < budgetMs && samples.length < 200)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

function walkTextNodes(root: Node): number {
  let chars = 0;
  const stack: Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node.nodeType === 3) chars += (node.nodeValue ?? '').length;
    const children = node.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return chars;
}

function fmt(ms: number): string {
  return ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`;
}

function compromiseStatements(text: string): Statement[] {
  const out: Statement[] = [];
  let from = 0;
  for (const raw of nlp(text).quotations().out('array') as string[]) {
    const inner = raw
      .trim()
      .replace(/^["“”'‘’]+/, '')
      .replace(/["“”'‘’]+$/, '');
    const at = text.indexOf(inner, from);
    if (at === -1 || inner.length === 0) continue;
    from = at + inner.length;
    out.push({
      text: inner,
      kind: 'direct',
      start: at,
      end: at + inner.length,
      speaker: null,
      cue: null,
      continues: null,
    });
  }
  return out;
}

function benchExtraction(): void {
  console.log('## Extraction (Node, linkedom DOM; median of repeated runs)\n');
  console.log(
    '| input | size | walk text nodes (floor) | read article + extract | ratio | extract only | compromise .quotations() | compromise / extract |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|');
  const inputs: Array<{ label: string; html: string }> = [];
  for (const f of readdirSync(join(FIXTURES, 'pages'))
    .filter((f) => f.endsWith('.html'))
    .sort()) {
    inputs.push({ label: `pages/${f}`, html: readFileSync(join(FIXTURES, 'pages', f), 'utf8') });
  }
  for (const d of FIRST_PAGES) {
    inputs.push({
      label: `real-pages/${d.name}`,
      html: readFileSync(join(FIXTURES, 'real-pages', d.name, 'source.html'), 'utf8'),
    });
  }
  const generated = generateArticle(1_000_000);
  const generatedHtml = `<!doctype html><html><body><article>${generated
    .split('\n')
    .filter(Boolean)
    .map((p) => `<p>${p}</p>`)
    .join('')}</article></body></html>`;
  inputs.push({ label: 'generated 1 MB article', html: generatedHtml });

  for (const { label, html } of inputs) {
    const doc = parseLikeBrowser(html);
    const big = html.length > 500_000;
    const floor = time(() => walkTextNodes(doc.body), big ? 1000 : 300);
    const full = time(() => extract(buildTextModel(findArticleRoot(doc)).text), big ? 2000 : 300);
    const text = buildTextModel(findArticleRoot(doc)).text;
    const only = time(() => extract(text), big ? 2000 : 300);
    const peer = time(() => nlp(text).quotations().out('array'), big ? 3000 : 300);
    console.log(
      `| ${label} | ${(html.length / 1024).toFixed(0)} kB | ${fmt(floor)} | ${fmt(full)} | ${(full / floor).toFixed(1)}× | ${fmt(only)} | ${fmt(peer)} | ${(peer / only).toFixed(0)}× |`,
    );
  }

  // Recall on the gold: compromise finds spans only (no speaker, no indirect speech).
  const ours = [];
  const theirs = [];
  for (const file of readdirSync(join(FIXTURES, 'seeds')).sort()) {
    const text = readFileSync(join(FIXTURES, 'seeds', file), 'utf8');
    const gold = JSON.parse(
      readFileSync(join(FIXTURES, 'gold', file.replace('.txt', '.json')), 'utf8'),
    ) as GoldDoc;
    ours.push(score(gold, extract(text)));
    theirs.push(score(gold, compromiseStatements(text)));
  }
  for (const d of FIRST_PAGES) {
    const text = readFileSync(join(FIXTURES, 'real-pages', d.name, 'article.txt'), 'utf8');
    const gold = JSON.parse(
      readFileSync(join(FIXTURES, 'real-pages', d.name, 'gold.json'), 'utf8'),
    ) as GoldDoc;
    ours.push(score(gold, extract(text)));
    theirs.push(score(gold, compromiseStatements(text)));
  }
  const a = combine(ours);
  const b = combine(theirs);
  console.log('\nOn all gold (5 seeds + 5 pages, %d statements):\n', a.at30.gold);
  console.log('| extractor | recall ≥30% | recall ≥80% | F1 ≥80% | speaker accuracy |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `| Saywho | ${a.at30.recall.toFixed(1)} | ${a.at80.recall.toFixed(1)} | ${a.at80.f1.toFixed(1)} | ${a.speakerAccuracy.toFixed(1)}% |`,
  );
  console.log(
    `| compromise .quotations() | ${b.at30.recall.toFixed(1)} | ${b.at80.recall.toFixed(1)} | ${b.at80.f1.toFixed(1)} | — (no speakers) |`,
  );
}

/**
 * One line: Saywho's article region + text model against Readability.js's `parse()`, each once on
 * every document, summed. Each page is parsed once; Saywho reads it first (it does not change the
 * document), then Readability (which does). Both run on a few other pages first, so that neither
 * is timed cold.
 */
function benchRegion(): void {
  const news = newsPages();
  const web = englishWebArticles();
  const pages = [...news, ...web];
  const saywho = (doc: Document) => buildTextModel(findArticleRoot(doc)).text;
  const readability = (doc: Document) => new Readability(doc).parse();
  for (const { html } of pages.filter((_, i) => i % 16 === 0)) {
    const doc = parseLikeBrowser(html);
    saywho(doc);
    readability(doc);
  }
  let ours = 0;
  let theirs = 0;
  for (const { html } of pages) {
    const doc = parseLikeBrowser(html);
    const t0 = performance.now();
    saywho(doc);
    const t1 = performance.now();
    readability(doc);
    ours += t1 - t0;
    theirs += performance.now() - t1;
  }
  console.log(
    `\nArticle region (Node, linkedom; ${news.length} news pages + ${web.length} English web articles, each parsed once, one run each, summed): Saywho region + text model ${fmt(ours)}, Readability.js parse() ${fmt(theirs)}: ${(theirs / ours).toFixed(1)}× Saywho's time.`,
  );
}

async function benchStore(): Promise<void> {
  console.log('\n## Store: ingest + match a new 50-statement page (headless Chromium, real IndexedDB)\n');
  console.log(
    'Baseline (the target ratio): a plain Dexie `bulkPut` of the same 50 rows as ingest stores them',
  );
  console.log(
    '(with their keys) into the same statements table, same store, same run. Also shown: a `bulkPut`',
  );
  console.log('of the 50 payloads into a table with no index, the floor of any write.');
  const sizesArg = process.argv.find((a) => a.startsWith('--store-sizes='));
  const sizes = sizesArg ? sizesArg.slice(14).split(',').map(Number) : [1_000, 10_000, 100_000];
  const workloads: Array<{ workload: 'zipf' | 'uniform'; sizes: number[]; title: string }> = [
    {
      workload: 'zipf',
      sizes,
      title:
        'Statements like news text: Zipf-distributed content words (weight 1/(rank + 100)) over a 40,000-word vocabulary, one or two of 5,000 names each (weight 1/(rank + 10))',
    },
  ];
  if (!process.argv.includes('--no-stress')) {
    workloads.push({
      workload: 'uniform',
      sizes: [sizes.at(-1)!],
      title:
        'Stress case: every word of a 6,000-word vocabulary equally likely and no names, so any two content words meet in many statements',
    });
  }
  for (const { workload, sizes: these, title } of workloads) {
    console.log(`\n### ${title}\n`);
    const { rows, bytesPerStatementAtEnd } = await runStoreBench(these, workload);
    printStoreRows(rows, bytesPerStatementAtEnd);
  }
  console.log(
    '\nA woken worker (Chromium stops an idle extension service worker after 30 s) first reads the key filter snapshot and catches up with the statements stored since it was written (fewer than 1,000). Told by the content script that an article was found (`prepare-store`), it does so while the page is read, and the ingest that follows finds the filter loaded.',
  );
}

function printStoreRows(rows: StoreBench['rows'], bytesAtEnd: number): void {
  console.log(
    '| statements in store | ingest + match (median of 9) | bulkPut same rows, same table | ratio | bulkPut, no index | ratio | ingest by a woken worker (median of 3) | of which reading the key filter | ratio | woken, filter loaded while the page is read (median of 3) | ratio | loading it ahead | key filter snapshot |',
  );
  console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.statements.toLocaleString('en')} | ${fmt(r.ingestMs)} | ${fmt(r.bulkPutMs)} | ${r.ratio.toFixed(1)}× | ${fmt(r.plainPutMs)} | ${r.plainRatio.toFixed(0)}× | ${fmt(r.coldMs)} | ${fmt(r.coldFilterMs)} | ${r.coldRatio.toFixed(1)}× | ${fmt(r.preparedMs)} | ${r.preparedRatio.toFixed(1)}× | ${fmt(r.prepareMs)} | ${(r.filterBytes / 1024).toFixed(0)} kB |`,
    );
  }
  const phases = Object.keys(rows[0]?.phases ?? {});
  console.log('\nWhere ingest spends its time (median ms per phase, user-timing `saywho:ingest:*`):\n');
  console.log(`| statements in store | ${phases.join(' | ')} |`);
  console.log(`|---:|${phases.map(() => '---:').join('|')}|`);
  for (const r of rows) {
    console.log(
      `| ${r.statements.toLocaleString('en')} | ${phases.map((p) => fmt(r.phases[p] ?? 0)).join(' | ')} |`,
    );
  }
  console.log(
    '\nRecall: altered copies (one word changed) of 50 stored statements, spread from the oldest to the newest, matched to their originals:',
  );
  console.log(
    rows.map((r) => `${r.statements.toLocaleString('en')}: ${r.recall.found}/${r.recall.of}`).join(', '),
  );
  console.log(
    '\nBytes on disk per statement (navigator.storage.estimate, read once two readings a second apart agree; all tables and indexes), after growing the store to each size:',
  );
  console.log(
    `${rows.map((r) => `${r.statements.toLocaleString('en')}: ${r.bytesPerStatement.toFixed(0)} B`).join(', ')}; at the end of the run, after its timed writes and deletes: ${bytesAtEnd.toFixed(0)} B`,
  );
}

async function benchPage(): Promise<void> {
  console.log('\n## On the page: the built extension in headless Chromium\n');
  console.log('found → painted = from the article found to its first highlights painted (target: 300 ms');
  console.log('on a typical article); extraction = of which the `extract-article` round trip to the');
  console.log('background worker, which extracts; read = article region + text model + extraction; paint =');
  console.log("Ranges + highlights (the content script's own timings, pauses included). Saywho splits its");
  console.log('work on the page into tasks once it runs past 12 ms, giving the page a turn in between;');
  console.log("waiting for the worker is no task of Saywho's. longest task = Saywho's longest (`task`;");
  console.log('target: none over 50 ms), tasks = how many its first reading took. Long Tasks API = the');
  console.log('longest task the page reported while loading. floor = walking every text node of the page');
  console.log('once, same page, same run. The first page meets a cold content script (fresh browser); the');
  console.log(
    'last two are read right after the worker was stopped, as Chromium stops an idle one (the median of 7\nreadings; the last over a slow network: the HTML after its first 600 bytes comes 600 ms later).\n',
  );
  console.log(
    '| page | size | statements | found → painted | extraction | read | paint | Saywho longest task | tasks | longest task / floor | Long Tasks API max |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of await runPageBench(generateArticle(1_000_000))) {
    console.log(
      `| ${r.page} | ${r.kb.toFixed(0)} kB | ${r.statements} | ${fmt(r.foundToPaintMs)} | ${fmt(r.extractMs)} | ${fmt(r.readMs)} | ${fmt(r.paintMs)} | ${fmt(r.saywhoTaskMs)} | ${r.saywhoTasks} | ${(r.saywhoTaskMs / r.floorMs).toFixed(0)}× | ${r.longestTaskMs ? fmt(r.longestTaskMs) : '< 50 ms (none)'} |`,
    );
  }
  const tick = await runTickingBench();
  console.log(
    `\nA long live page ticking every 100 ms (app/ticking.html), the ${tick.windowMs / 1000} s after its first reading: ${tick.readings} readings, Saywho's tasks ${fmt(tick.saywhoMs)} in all, longest ${fmt(tick.longestTaskMs)}.`,
  );
}

async function benchSweep(): Promise<void> {
  console.log('\n## The real-pages sweep: the built extension in headless Chromium\n');
  console.log(
    'The end-to-end sweep (scripts/harness/sweep-run.ts): the 30 saved news pages and the 150 pages of',
  );
  console.log("other sites, served locally with the pages' own scripts off. Per page: Saywho's judgement");
  console.log('(read, or refused and why), its statements, those outside the article (news pages), errors,');
  console.log("DOM changes not Saywho's, Saywho's longest task, and the time from navigation to its reading");
  console.log(
    'done (the end of its `read` timing; the page loads first, and Saywho starts at document idle).\n',
  );
  for (const line of sweepReport(await runSweepBench())) console.log(line);
}

function benchArchive(): void {
  console.log('\n## Archive search at 10,000 entries (Node; median of repeated runs)\n');
  console.log('ArchiveIndex.search (every query word in text, speaker, note or tags, accents folded, sorted');
  console.log(
    'newest first) against the floor: a bare `Array.filter` of the same entries by `text.includes`.\n',
  );
  const { buildMs, rows } = runArchiveBench(10_000);
  console.log('| query | results | ArchiveIndex.search | bare filter (floor) | ratio |');
  console.log('|---|---:|---:|---:|---:|');
  for (const r of rows) {
    console.log(
      `| ${r.query ? `\`${r.query}\`` : '(empty)'} | ${r.results.toLocaleString('en')} | ${fmt(r.searchMs)} | ${fmt(r.floorMs)} | ${(r.searchMs / r.floorMs).toFixed(1)}× |`,
    );
  }
  console.log(`\nBuilding the index (once per archive change): ${fmt(buildMs)}.`);
}

/**
 * Before any work: the page, sweep and store parts run in Chromium (installed here when missing and
 * possible, else the one command to run is said), and the page and sweep parts measure the built
 * extension, built now from the current code (`--no-build` keeps the last build).
 */
function prepare(): void {
  // the page part or the sweep, both in the built extension
  const page = !process.argv.includes('--no-page') || !process.argv.includes('--no-sweep');
  if (!page && process.argv.includes('--no-store')) return;
  try {
    ensureBrowser('chromium', realSystem());
  } catch (e) {
    console.error(
      `${(e as Error).message}\n\nThe page, sweep and store parts of the bench need it (--no-page --no-sweep --no-store skip them).`,
    );
    process.exit(1);
  }
  if (!page || process.argv.includes('--no-build')) return;
  console.error('Building the extension for the page and sweep parts (wxt build)…');
  const built = spawnSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  if (built.status !== 0) {
    console.error(
      `${built.stdout}${built.stderr}\nThe build failed: the page and sweep parts measure the built extension.`,
    );
    process.exit(1);
  }
}

prepare();
if (!process.argv.includes('--no-extract')) benchExtraction();
if (!process.argv.includes('--no-region')) benchRegion();
if (!process.argv.includes('--no-tagger')) benchTagger();
if (!process.argv.includes('--no-archive')) benchArchive();
if (!process.argv.includes('--no-page')) await benchPage();
if (!process.argv.includes('--no-sweep')) await benchSweep();
if (!process.argv.includes('--no-store')) await benchStore();
