/**
 * Runs in a real Chromium page (bundled by scripts/bench-store.ts): grows a store to 1k, 10k and
 * 100k statements and times ingesting a new 50-statement page against a plain Dexie bulkPut of the
 * same 50 rows, in the same run. Also reports bytes on disk per statement.
 */
import Dexie from 'dexie';
import type { StatementPayload } from '../../utils/domain';
import { candidateKeys } from '../../utils/match/fingerprint';
import { ConceptCounts } from '../../utils/match/rarity';
import { openDb, type StatementRow } from '../../utils/store/db';
import { indexedKeys, keyCodes } from '../../utils/store/index-keys';
import { forgetKeyFilter, keyFilterSettled, prepareKeyFilter } from '../../utils/store/key-filter';
import { ingestPage } from '../../utils/store/writes';

let seed = 7;
/** mulberry32: a small, well-mixed PRNG (a plain LCG's low bits repeat and make degenerate data). */
function rnd(n: number): number {
  seed = (seed + 0x6d2b79f5) | 0;
  let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) % n;
}

const SYLLABLES = [
  'ka',
  'lo',
  'mi',
  'ne',
  'ru',
  'ta',
  'vi',
  'so',
  'pe',
  'da',
  'fo',
  'gi',
  'ha',
  'ju',
  'be',
  'zo',
  'ar',
  'el',
  'un',
  'ix',
  'ost',
  'ren',
  'dal',
  'mur',
];
/** Distinct made-up words of 2 to 4 syllables. */
function madeUpWords(count: number): string[] {
  const out = new Set<string>();
  while (out.size < count) {
    let w = '';
    for (let i = 0, n = 2 + rnd(3); i < n; i++) w += SYLLABLES[rnd(SYLLABLES.length)];
    out.add(w);
  }
  return [...out];
}
const capital = (w: string) => w.replace(/^./, (c) => c.toUpperCase());
const FUNCTION_WORDS = ['the', 'of', 'and', 'to', 'in', 'that', 'is', 'was', 'for', 'on', 'will', 'not'];

/**
 * How the statements' words are drawn.
 * - `zipf` (the default): like news text, content-word frequencies follow Zipf's law (weight
 *   1/(r + 100) for the word of rank r: the hundred most frequent words of English are function
 *   words) over 40,000 words, and a statement names one or two of 5,000 people and places, drawn
 *   by weight 1/(r + 10) (some are in the news every day).
 * - `uniform`: every word of a 6,000-word vocabulary equally likely, no names in the text — a
 *   stress case where any two content words meet in many statements.
 */
export type Workload = 'zipf' | 'uniform';
let workload: Workload = 'zipf';

const ZIPF_WORDS = madeUpWords(40_000);
const UNIFORM_WORDS = madeUpWords(6_000);
const PLACES = madeUpWords(5_000).map(capital);
const NAMES = Array.from({ length: 2000 }, (_, i) => `${capital(ZIPF_WORDS[(i * 7) % 600]!)} ${PLACES[i]!}`);
const NAME_INDEX = new Map(NAMES.map((name, i) => [name, i]));

/**
 * Cumulative Zipf–Mandelbrot weights 1/(r + offset) over n ranks, for drawing a rank by binary
 * search. The offset stands for the words ranked above: in English text the most frequent words
 * are function words (about the top 100), which the generator writes separately; content words
 * continue the curve from there.
 */
function zipfTable(n: number, offset: number): Float64Array {
  const table = new Float64Array(n);
  let sum = 0;
  for (let r = 0; r < n; r++) {
    sum += 1 / (r + 1 + offset);
    table[r] = sum;
  }
  return table;
}
const WORD_RANKS = zipfTable(ZIPF_WORDS.length, 100);
const PLACE_RANKS = zipfTable(PLACES.length, 10);
function zipf(table: Float64Array): number {
  const x = (rnd(1 << 30) / (1 << 30)) * table[table.length - 1]!;
  let lo = 0;
  let hi = table.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (table[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function sentence(): string {
  const out: string[] = [];
  for (let i = 0, n = 12 + rnd(20); i < n; i++) {
    if (i % 3 === 1) out.push(FUNCTION_WORDS[rnd(FUNCTION_WORDS.length)]!);
    else if (workload === 'uniform') out.push(UNIFORM_WORDS[rnd(UNIFORM_WORDS.length)]!);
    else out.push(ZIPF_WORDS[zipf(WORD_RANKS)]!);
  }
  if (workload === 'zipf') {
    for (let k = 0, names = 1 + rnd(2); k < names; k++) {
      out.splice(2 + rnd(out.length - 2), 0, 'in', PLACES[zipf(PLACE_RANKS)]!);
    }
  }
  const s = out.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
}

function payloads(n: number): StatementPayload[] {
  let at = 0;
  return Array.from({ length: n }, () => {
    const text = sentence();
    const name = NAMES[rnd(NAMES.length)]!;
    const start = at + 1;
    at = start + text.length + 20;
    return {
      text,
      kind: (['direct', 'partial', 'indirect'] as const)[rnd(3)]!,
      start,
      end: start + text.length,
      speaker: { name, mention: name.split(' ')[1]!, mentionStart: start + text.length + 8 },
      cue: 'said',
      continues: null,
      prefix: '',
      suffix: ' said the official.',
    };
  });
}

/**
 * The store's concept counts as the seeding goes, so seeded statements get the keys ingest would
 * have given them at that point (their topic pairs depend on how rare their words were).
 */
let seededCounts = new ConceptCounts();

/** A statement row as ingest stores it (keys included); `count` adds it to the concept counts. */
function rowOf(
  p: StatementPayload,
  pageId: number,
  i: number,
  readAt: number,
  count = false,
): Omit<StatementRow, 'id'> {
  const keys = candidateKeys(p.text, `${p.prefix} ${p.suffix}`, seededCounts, p.speaker?.name);
  if (count) seededCounts.addStatement(keys.concepts);
  return {
    pageId,
    site: 'bench.example',
    text: p.text,
    occurrence: 0,
    kind: p.kind,
    // Stored statements have a speaker, and its index entry costs bytes and write time like any
    // other: an id of its own per name, below zero so that no speaker of the speakers table has it
    // (the timed pages' speaker channel finds only what the timed readings stored).
    speakerId: -1 - NAME_INDEX.get(p.speaker!.name)!,
    speakerName: p.speaker!.name,
    mention: p.speaker!.mention,
    cue: p.cue,
    start: p.start,
    end: p.end,
    continuesId: null,
    utteranceId: null,
    keys: indexedKeys(keyCodes(keys.stored), readAt),
    prefix: p.prefix,
    suffix: p.suffix + i,
  };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function usage(): Promise<number> {
  return (await navigator.storage.estimate()).usage ?? 0;
}

/**
 * Usage once it stops moving: IndexedDB (LevelDB in Chromium) writes first to a log and rewrites
 * its files in the background, and while it does, old and new files are both counted. Read every
 * second until two readings agree, for at most 60 s. This does not wait for a compaction the
 * browser has not started: the same store read 912 B a statement after growing and 879 B at the
 * end of the same run, and the figure at the end moved between 845 B and 1,231 B from run to run.
 */
async function settledUsage(): Promise<number> {
  let last = await usage();
  for (let i = 0; i < 60; i++) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = await usage();
    if (now === last) return now;
    last = now;
  }
  return last;
}

export interface StoreBenchRow {
  statements: number;
  ingestMs: number;
  /** The same 50 rows, as stored (with their keys), bulkPut into the store's own statements table. */
  bulkPutMs: number;
  ratio: number;
  /** The 50 statement payloads bulkPut into a table with no index at all: the floor of any write. */
  plainPutMs: number;
  plainRatio: number;
  seedSeconds: number;
  /** Median milliseconds of each ingest phase (the user-timing measures ingest leaves). */
  phases: Record<string, number>;
  /** Altered copies of 50 statements spread over the store's whole history: how many were matched. */
  recall: { found: number; of: number };
  /**
   * Ingest by a worker just woken (MV3 stops an idle service worker after 30 s): the key filter is
   * read from its snapshot and caught up with the statements stored since.
   */
  coldMs: number;
  /** Of which: reading the key filter's snapshot and catching it up. */
  coldFilterMs: number;
  coldRatio: number;
  /** Ingest by a woken worker that loaded the key filter while the page was read (`prepare-store`). */
  preparedMs: number;
  /** Of which, before the statements arrived: loading the key filter. */
  prepareMs: number;
  preparedRatio: number;
  /** Bytes of the key filter's snapshot. */
  filterBytes: number;
  /**
   * Bytes on disk per statement once the store has grown to this size (and its first reading has
   * written the key filter's snapshot), before the timed readings: all tables and indexes.
   */
  bytesPerStatement: number;
}

/**
 * Speed must not be bought with recall: a page of altered copies (one word changed) of 50 stored
 * statements, chosen evenly from the oldest to the newest, is ingested; each copy should be related
 * to its original (same words, altered wording or another speaker). Then the page is removed again.
 */
async function nearDuplicateRecall(
  db: ReturnType<typeof openDb>,
  size: number,
): Promise<{ found: number; of: number }> {
  const ids = await db.statements.orderBy(':id').primaryKeys();
  const picks = Array.from({ length: 50 }, (_, i) => ids[Math.floor(((i + 0.5) * ids.length) / 50)]!);
  const originals = (await db.statements.bulkGet(picks)).filter((r) => r !== undefined);
  const statements: StatementPayload[] = originals.map((o, i) => {
    const words = o.text.split(' ');
    const mid = Math.floor(words.length / 2);
    words[mid] = words[mid] === 'zorbakin' ? 'quelvana' : 'zorbakin';
    const text = words.join(' ');
    return {
      text,
      kind: o.kind,
      start: i * 400,
      end: i * 400 + text.length,
      speaker: o.speakerName
        ? { name: o.speakerName, mention: o.mention ?? o.speakerName, mentionStart: -1 }
        : null,
      cue: o.cue,
      continues: null,
      prefix: '',
      suffix: ' said the official.',
    };
  });
  const url = readingUrl('recall', size);
  const result = await ingestPage(db, {
    page: { url, canonicalUrl: null, title: 'Recall', site: 'bench.example', publishedAt: null },
    statements,
  });
  let found = 0;
  for (const [i, summary] of result.statements.entries()) {
    const relations = await db.relations.where('a').equals(summary.statementId).toArray();
    if (relations.some((r) => r.b === originals[i]!.id)) found++;
  }
  // Leave the store as it was for the next size.
  const added = result.statements.map((s) => s.statementId);
  await db.relations.where('a').anyOf(added).delete();
  await db.statements.bulkDelete(added);
  await db.pages.where('key').equals(url).delete();
  return { found, of: originals.length };
}

/**
 * The page of one timed reading: each on a site of its own, so the site budget (budget.ts, 3,000
 * new statements a day) never refuses a reading of the benchmark, whatever its sizes.
 */
function readingUrl(kind: string, size: number, run = 0): string {
  return `https://bench-${kind}-${size}-${run}.example/`;
}

/** Seeded pages were read one a minute, from this time on (all before the page the bench reads). */
const SEEDED_FROM = Date.UTC(2024, 0, 1);

/** Timed readings at each size (the median is reported). */
const RUNS = 9;
const PHASES = [
  'prepare',
  'filter',
  'keys',
  'lookups',
  'candidates',
  'write',
  'match',
  'classify',
  'summaries',
] as const;

async function run(
  sizes: number[],
  kind: Workload = 'zipf',
): Promise<{ rows: StoreBenchRow[]; bytesPerStatementAtEnd: number }> {
  workload = kind;
  seededCounts = new ConceptCounts();
  await Dexie.delete('saywho-bench');
  await Dexie.delete('saywho-bench-plain');
  const db = openDb('saywho-bench');
  await db.open();
  const plain = new Dexie('saywho-bench-plain');
  plain.version(1).stores({ rows: '++id' });
  await plain.open();
  const before = await usage();
  const rows: StoreBenchRow[] = [];
  let pageNo = 0;
  for (const size of sizes) {
    const t0 = performance.now();
    // Grow the store with synthetic pages of 50 statements, written directly (as ingest would store them).
    while ((await db.statements.count()) < size) {
      const batch: Omit<StatementRow, 'id'>[] = [];
      const readAt = SEEDED_FROM + pageNo * 60_000;
      const pageId = await db.pages.add({
        key: `https://bench.example/seed/${pageNo}`,
        url: `https://bench.example/seed/${pageNo}`,
        canonicalUrl: null,
        title: `Seed page ${pageNo}`,
        site: 'bench.example',
        publishedAt: null,
        firstReadAt: readAt,
        lastReadAt: readAt,
      } as never);
      pageNo++;
      for (const [i, p] of payloads(Math.min(500, size - (await db.statements.count()))).entries()) {
        batch.push(rowOf(p, pageId, i, readAt, true));
      }
      await db.statements.bulkAdd(batch as StatementRow[]);
    }
    const seedSeconds = (performance.now() - t0) / 1000;
    // The seeded rows were written directly: a first reading (not timed) lets the worker's key
    // filter take them in, as a worker that has been reading all along would have, and writes
    // its snapshot.
    const read = (url: string, statements: StatementPayload[]) =>
      ingestPage(db, {
        page: { url, canonicalUrl: null, title: 'Bench page', site: 'bench.example', publishedAt: null },
        statements,
      });
    await read(readingUrl('warmup', size), payloads(50));
    await keyFilterSettled(db);
    // Measured as at the end of the run: with every connection closed the browser tidies its files
    // (LevelDB compacts once the last connection goes), so the figure is the store's size rather
    // than how far the background rewrite of what growing it wrote has got.
    const grown = await db.statements.count();
    db.close();
    plain.close();
    const bytesPerStatement = ((await settledUsage()) - before) / grown;
    await db.open();
    await plain.open();
    const ingest: number[] = [];
    const bulk: number[] = [];
    const plainRuns: number[] = [];
    const phaseRuns: Record<string, number[]> = Object.fromEntries(PHASES.map((p) => [p, []]));
    const profiler = (window as unknown as { saywhoProfile?: (on: boolean) => Promise<void> }).saywhoProfile;
    const profiling = profiler !== undefined && size === sizes.at(-1);
    if (profiling) await profiler(true);
    for (let r = 0; r < RUNS; r++) {
      const statements = payloads(50);
      const t0 = performance.now();
      await plain.table('rows').bulkPut(statements.map((s) => ({ ...s })));
      plainRuns.push(performance.now() - t0);
      // The same rows ingest will write, with their keys, into the same table — then removed.
      const same = statements.map((p, i) => rowOf(p, -1, i, Date.now()));
      const t1 = performance.now();
      const ids = await db.statements.bulkPut(same as StatementRow[], { allKeys: true });
      bulk.push(performance.now() - t1);
      await db.statements.bulkDelete(ids);
      const t2 = performance.now();
      await read(readingUrl('read', size, r), statements);
      ingest.push(performance.now() - t2);
      for (const p of PHASES) {
        phaseRuns[p]!.push(performance.getEntriesByName(`saywho:ingest:${p}`).at(-1)?.duration ?? 0);
      }
    }
    if (profiling) await profiler(false);
    const cold: number[] = [];
    const coldFilter: number[] = [];
    for (let r = 0; r < 3; r++) {
      await keyFilterSettled(db);
      forgetKeyFilter(db);
      const t3 = performance.now();
      await read(readingUrl('cold', size, r), payloads(50));
      cold.push(performance.now() - t3);
      coldFilter.push(performance.getEntriesByName('saywho:ingest:filter').at(-1)?.duration ?? 0);
    }
    // A woken worker told by the content script that an article was found (`prepare-store`):
    // it loads the key filter while the page is read, and the statements come after.
    const prepared: number[] = [];
    const preparing: number[] = [];
    for (let r = 0; r < 3; r++) {
      await keyFilterSettled(db);
      forgetKeyFilter(db);
      const t4 = performance.now();
      await prepareKeyFilter(db);
      preparing.push(performance.now() - t4);
      const t5 = performance.now();
      await read(readingUrl('prepared', size, r), payloads(50));
      prepared.push(performance.now() - t5);
    }
    await keyFilterSettled(db);
    const filterBytes = (await db.keyFilter.toArray()).reduce(
      (n, row) => n + row.bits.byteLength + (row.concepts?.byteLength ?? 0),
      0,
    );
    const recall = await nearDuplicateRecall(db, size);
    rows.push({
      statements: size,
      recall,
      ingestMs: median(ingest),
      bulkPutMs: median(bulk),
      ratio: median(ingest) / median(bulk),
      plainPutMs: median(plainRuns),
      plainRatio: median(ingest) / median(plainRuns),
      seedSeconds,
      coldMs: median(cold),
      coldFilterMs: median(coldFilter),
      coldRatio: median(cold) / median(bulk),
      preparedMs: median(prepared),
      prepareMs: median(preparing),
      preparedRatio: median(prepared) / median(bulk),
      filterBytes,
      bytesPerStatement,
      phases: Object.fromEntries(PHASES.map((p) => [p, median(phaseRuns[p]!)])),
    });
  }
  const count = await db.statements.count();
  db.close();
  plain.close();
  const bytesPerStatementAtEnd = ((await settledUsage()) - before) / count;
  return { rows, bytesPerStatementAtEnd };
}

(window as unknown as { saywhoBench: { run: typeof run } }).saywhoBench = { run };
