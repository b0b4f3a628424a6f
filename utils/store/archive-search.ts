/**
 * Search, filters and sorting over the archive, in memory. Pure.
 *
 * The archive page keeps every entry in memory (from a liveQuery) and builds this index once per
 * change: each entry gets one folded string (lower case, accents removed) of its text, speaker,
 * note and tags. A search is then a substring test per query word over those strings, which stays
 * at a few milliseconds for 10,000 entries (measured in test/store/archive-search.test.ts and in
 * the archive end-to-end test) — no search library needed at this size.
 */
import type { StatementKind } from '../extract/types';
import type { ArchiveEntryRow } from './db';

export type ArchiveSort = 'newest' | 'oldest' | 'speaker' | 'site';

export interface ArchiveFilter {
  /** Free text: every word must occur in the text, speaker, note or tags. */
  query: string;
  speaker: string | null;
  site: string | null;
  tag: string | null;
  kind: StatementKind | null;
  /** Saved on or after (ms). */
  from: number | null;
  /** Saved before (ms). */
  to: number | null;
  conflictOnly: boolean;
  sort: ArchiveSort;
}

export const EMPTY_FILTER: ArchiveFilter = {
  query: '',
  speaker: null,
  site: null,
  tag: null,
  kind: null,
  from: null,
  to: null,
  conflictOnly: false,
  sort: 'newest',
};

/** Lower case, accents and typographic quotes folded, so “Cafe” finds “café”. */
export function fold(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[‘’‛′]/g, "'")
    .replace(/[“”„″]/g, '"')
    .toLowerCase();
}

/** What every view says for a statement whose speaker the article does not name (one wording). */
export const UNATTRIBUTED = 'Speaker not named';

export interface Facets {
  speakers: { name: string; count: number }[];
  sites: { name: string; count: number }[];
  tags: { name: string; count: number }[];
}

function countBy(values: Iterable<string>): { name: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts]
    .map(([name, count]) => ({ name, count }))
    .sort((a, b) => b.count - a.count || a.name.localeCompare(b.name));
}

export class ArchiveIndex {
  private readonly haystacks: string[];
  readonly facets: Facets;

  constructor(
    readonly entries: readonly ArchiveEntryRow[],
    /** Entries whose statement has a conflicting statement in the store. */
    readonly conflictEntryIds: ReadonlySet<number> = new Set(),
  ) {
    this.haystacks = entries.map((e) =>
      fold([e.snapshot.text, e.snapshot.speaker ?? '', e.note, e.tags.join(' ')].join('\n')),
    );
    this.facets = {
      speakers: countBy(entries.map((e) => e.snapshot.speaker ?? UNATTRIBUTED)),
      sites: countBy(entries.map((e) => e.snapshot.site).filter((s) => s !== '')),
      tags: countBy(entries.flatMap((e) => e.tags)),
    };
  }

  search(filter: ArchiveFilter): ArchiveEntryRow[] {
    const words = fold(filter.query).split(/\s+/).filter(Boolean);
    const out: ArchiveEntryRow[] = [];
    for (const [i, e] of this.entries.entries()) {
      if (filter.speaker !== null && (e.snapshot.speaker ?? UNATTRIBUTED) !== filter.speaker) continue;
      if (filter.site !== null && e.snapshot.site !== filter.site) continue;
      if (filter.tag !== null && !e.tags.includes(filter.tag)) continue;
      if (filter.kind !== null && e.snapshot.kind !== filter.kind) continue;
      if (filter.from !== null && e.savedAt < filter.from) continue;
      if (filter.to !== null && e.savedAt >= filter.to) continue;
      if (filter.conflictOnly && !this.conflictEntryIds.has(e.id)) continue;
      if (words.length > 0) {
        const hay = this.haystacks[i]!;
        if (!words.every((w) => hay.includes(w))) continue;
      }
      out.push(e);
    }
    return sortEntries(out, filter.sort);
  }
}

export function sortEntries(entries: ArchiveEntryRow[], sort: ArchiveSort): ArchiveEntryRow[] {
  const byNewest = (a: ArchiveEntryRow, b: ArchiveEntryRow) => b.savedAt - a.savedAt || b.id - a.id;
  switch (sort) {
    case 'newest':
      return entries.sort(byNewest);
    case 'oldest':
      return entries.sort((a, b) => -byNewest(a, b));
    case 'speaker':
      return entries.sort(
        (a, b) =>
          (a.snapshot.speaker ?? '\uffff').localeCompare(b.snapshot.speaker ?? '\uffff') || byNewest(a, b),
      );
    case 'site':
      return entries.sort((a, b) => a.snapshot.site.localeCompare(b.snapshot.site) || byNewest(a, b));
  }
}

/** A date input's value (yyyy-mm-dd, local time) as the start of that day in ms, or null. */
export function dayStart(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

/** The start of the day after a date input's value, for an inclusive "to" date. */
export function dayEnd(value: string): number | null {
  const start = dayStart(value);
  if (start === null) return null;
  const d = new Date(start);
  d.setDate(d.getDate() + 1);
  return d.getTime();
}
