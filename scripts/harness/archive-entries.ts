/**
 * Generated archive entries, the same for the archive's end-to-end test (imported through the
 * archive page) and the archive search benchmark (scripts/bench-archive.ts).
 */
import type { ArchiveEntryRow } from '../../utils/store/db';

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
