/**
 * Archive search at 10,000 entries, in Node: `ArchiveIndex` (build once, then search per keystroke)
 * against the floor — one bare `Array.filter` over the same entries' texts with `includes`, no
 * folding, no other fields, no sorting. The archive end-to-end test times the same queries from
 * keystroke to painted list in Chromium; this gives the figure without a browser.
 */
import { ArchiveIndex, EMPTY_FILTER } from '../utils/store/archive-search';
import { ARCHIVE_QUERIES, generateArchiveEntries } from './harness/archive-entries';

/** Median ms of `fn` over repeated runs filling about `budgetMs` (at least 5). */
function median(fn: () => unknown, budgetMs = 200): number {
  fn();
  const samples: number[] = [];
  const started = performance.now();
  while (samples.length < 5 || (performance.now() - started < budgetMs && samples.length < 500)) {
    const t0 = performance.now();
    fn();
    samples.push(performance.now() - t0);
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

export interface ArchiveBenchRow {
  query: string;
  results: number;
  searchMs: number;
  floorMs: number;
}

export function runArchiveBench(count = 10_000): {
  buildMs: number;
  rows: ArchiveBenchRow[];
} {
  const entries = generateArchiveEntries(count);
  const floorScan = (q: string) => entries.filter((e) => e.snapshot.text.includes(q));
  const buildMs = median(() => new ArchiveIndex(entries));
  const index = new ArchiveIndex(entries);
  const rows = ARCHIVE_QUERIES.map((query) => ({
    query,
    results: index.search({ ...EMPTY_FILTER, query }).length,
    searchMs: median(() => index.search({ ...EMPTY_FILTER, query })),
    floorMs: median(() => floorScan(query)),
  }));
  return { buildMs, rows };
}
