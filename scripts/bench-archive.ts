/**
 * Archive search at 10,000 entries, in Node: `ArchiveIndex` (build once, then search per keystroke)
 * against the floor — one bare `Array.filter` over the same entries' texts with `includes`, no
 * folding, no other fields, no sorting. The archive end-to-end test times the same queries from
 * keystroke to painted list in Chromium; this gives the figure without a browser.
 */
import { ArchiveIndex, EMPTY_FILTER } from '../utils/store/archive-search';
import type { ArchiveEntryRow } from '../utils/store/db';

/** The queries typed in the archive e2e test, in order (a word growing, two words, a rare one, none). */
export const ARCHIVE_QUERIES = ['r', 'ri', 'river', 'river vote', 'number9999', 'speaker 7', ''];

/** `count` archive entries shaped like the e2e test's import: 12 topics, 50 speakers, 9 sites. */
export function generateArchiveEntries(count: number): ArchiveEntryRow[] {
  const words = 'peace bridge economy vote border tariff school river budget election court health'.split(
    ' ',
  );
  return Array.from({ length: count }, (_, i) => ({
    id: i + 1,
    statementId: null,
    snapshot: {
      text: `We will ${words[i % words.length]} and ${words[(i * 7) % words.length]} number${i} today.`,
      kind: 'direct' as const,
      speaker: `Speaker ${i % 50}`,
      cue: 'said',
      pageUrl: `https://site${i % 9}.example/${i}`,
      pageTitle: `Title ${i}`,
      site: `site${i % 9}.example`,
    },
    note: i % 10 === 0 ? `note ${i}` : '',
    tags: i % 7 === 0 ? ['bulk'] : [],
    savedAt: 1_600_000_000_000 + i * 1000,
  }));
}

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
