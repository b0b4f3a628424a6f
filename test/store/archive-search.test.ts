import { describe, expect, it } from 'vitest';
import { ArchiveIndex, dayEnd, dayStart, EMPTY_FILTER, fold } from '../../utils/store/archive-search';
import type { ArchiveEntryRow } from '../../utils/store/db';

const WORDS = 'peace bridge economy vote border tariff school river budget election court health'.split(' ');

function entry(i: number, over: Partial<ArchiveEntryRow> = {}): ArchiveEntryRow {
  return {
    id: i,
    statementId: i,
    snapshot: {
      text: `We will ${WORDS[i % WORDS.length]} and ${WORDS[(i * 7) % WORDS.length]} number${i} today, again and again.`,
      kind: i % 3 === 0 ? 'indirect' : 'direct',
      speaker: i % 5 === 0 ? null : `Speaker ${i % 40}`,
      cue: 'said',
      pageUrl: `https://site${i % 9}.example/${i}`,
      pageTitle: `Title ${i}`,
      site: `Site ${i % 9}`,
    },
    note: i % 4 === 0 ? `remember café ${i}` : '',
    tags: i % 6 === 0 ? ['politics'] : [],
    savedAt: 1_700_000_000_000 + i * 60_000,
    ...over,
  };
}

describe('ArchiveIndex', () => {
  const entries = [
    entry(1, {
      snapshot: { ...entry(1).snapshot, text: 'The Bridge will open in spring', speaker: 'Ada Park' },
    }),
    entry(2, {
      snapshot: { ...entry(2).snapshot, text: 'Taxes stay low', speaker: 'Ben Ode', kind: 'indirect' },
    }),
    entry(3, {
      snapshot: { ...entry(3).snapshot, kind: 'direct' },
      note: 'Check against the Café interview',
      tags: ['transport', 'check'],
    }),
  ];
  const index = new ArchiveIndex(entries, new Set([2]));

  it('finds every query word in text, speaker, note or tags, ignoring case and accents', () => {
    expect(index.search({ ...EMPTY_FILTER, query: 'bridge ada' }).map((e) => e.id)).toEqual([1]);
    expect(index.search({ ...EMPTY_FILTER, query: 'cafe' }).map((e) => e.id)).toEqual([3]);
    expect(index.search({ ...EMPTY_FILTER, query: 'transport' }).map((e) => e.id)).toEqual([3]);
    expect(index.search({ ...EMPTY_FILTER, query: 'bridge taxes' })).toEqual([]);
  });

  it('filters by speaker, site, tag, kind, date range and conflict', () => {
    expect(index.search({ ...EMPTY_FILTER, speaker: 'Ben Ode' }).map((e) => e.id)).toEqual([2]);
    expect(index.search({ ...EMPTY_FILTER, tag: 'check' }).map((e) => e.id)).toEqual([3]);
    expect(index.search({ ...EMPTY_FILTER, kind: 'indirect' }).map((e) => e.id)).toEqual([2]);
    expect(index.search({ ...EMPTY_FILTER, site: 'Site 3' }).map((e) => e.id)).toEqual([3]);
    expect(index.search({ ...EMPTY_FILTER, conflictOnly: true }).map((e) => e.id)).toEqual([2]);
    const t2 = entries[1]!.savedAt;
    expect(index.search({ ...EMPTY_FILTER, from: t2, to: t2 + 1 }).map((e) => e.id)).toEqual([2]);
  });

  it('sorts newest first by default, and oldest, by speaker or by site on request', () => {
    expect(index.search(EMPTY_FILTER).map((e) => e.id)).toEqual([3, 2, 1]);
    expect(index.search({ ...EMPTY_FILTER, sort: 'oldest' }).map((e) => e.id)).toEqual([1, 2, 3]);
    expect(index.search({ ...EMPTY_FILTER, sort: 'speaker' }).map((e) => e.snapshot.speaker)).toEqual([
      'Ada Park',
      'Ben Ode',
      'Speaker 3',
    ]);
  });

  it('counts facets', () => {
    expect(index.facets.tags).toEqual([
      { name: 'check', count: 1 },
      { name: 'transport', count: 1 },
    ]);
    expect(index.facets.speakers.map((s) => s.name)).toEqual(['Ada Park', 'Ben Ode', 'Speaker 3']);
  });

  it('searches 10,000 entries: the one entry a rare word names, every entry a common one names', () => {
    // How fast is measured by `npm run bench` (archive search, as ratios), never asserted here.
    const many = Array.from({ length: 10_000 }, (_, i) => entry(i + 1));
    const big = new ArchiveIndex(many, new Set([5, 10]));
    expect(big.search({ ...EMPTY_FILTER, query: 'number9999' }).map((e) => e.id)).toEqual([9999]);
    expect(big.search({ ...EMPTY_FILTER, query: 'zzz' })).toEqual([]);
    expect(big.search({ ...EMPTY_FILTER, query: 'today' })).toHaveLength(10_000);
    expect(big.search({ ...EMPTY_FILTER, conflictOnly: true }).map((e) => e.id)).toEqual([10, 5]);
  });
});

describe('fold and dates', () => {
  it('folds accents, case and curly quotes', () => {
    expect(fold('Café “Niño” ’s')).toBe('cafe "nino" \'s');
  });
  it('turns date inputs into a local-day range', () => {
    const start = dayStart('2025-03-04')!;
    expect(new Date(start).getDate()).toBe(4);
    expect(dayEnd('2025-03-04')! - start).toBeGreaterThanOrEqual(23 * 3600_000);
    expect(dayStart('')).toBeNull();
  });
});
