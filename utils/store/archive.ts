/**
 * The personal archive: quotes the reader chose to keep — its limits, tags, snapshots and reads.
 * Its writes (saving, editing, deleting, importing) are in writes.ts.
 */
import type { PageMeta } from '../domain';
import type { ArchiveSnapshot, SaywhoDb } from './db';

/** The longest note an entry keeps, and the most tags (the import and the messages hold to these too). */
export const MAX_NOTE = 10_000;
export const MAX_TAGS = 50;

/**
 * What a save did. `alreadySaved` is null when it added an entry; when the archive already held
 * the quote, it says what of the new note and tags was added to that entry.
 */
export interface SaveResult {
  id: number;
  alreadySaved: SaveMerge | null;
}

/** What the reader is told after saving a quote. */
export function describeSave(result: SaveResult): string {
  const merge = result.alreadySaved;
  if (!merge) return 'Saved to your archive.';
  const added = [merge.noteAdded ? 'note' : '', merge.tagsAdded.length > 0 ? 'tags' : '']
    .filter(Boolean)
    .join(' and ');
  return added ? `Already saved: ${added} added.` : 'Already saved.';
}

/** Tags as the reader typed them, trimmed, without empties or repeats (case-insensitively), at most 50. */
export function cleanTags(tags: readonly string[]): string[] {
  return uniqueTags(tags).slice(0, MAX_TAGS);
}

/** Tags trimmed (100 characters at most), without empties or repeats (case-insensitively), first form kept. */
export function uniqueTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().slice(0, 100);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out;
}

/** Splits a tags text box ("a, b, c") into tags. */
export function parseTags(text: string): string[] {
  return cleanTags(text.split(','));
}

export interface Capture {
  snapshot: ArchiveSnapshot;
  /** The stored statement the selection overlaps, when there is one. */
  statementId: number | null;
  note?: string;
  tags?: string[];
  now?: number;
}

/** A page's URL as the archive keeps it: without the fragment (`#section`, `#:~:text=`). */
export function archivePageUrl(url: string): string {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
}

/** The archive's snapshot of a statement found on a page, for saving it without the store. */
export function snapshotOf(page: PageMeta, statement: StatementSnapshot): ArchiveSnapshot {
  return {
    text: statement.text,
    kind: statement.kind,
    speaker: statement.speaker,
    cue: statement.cue,
    pageUrl: archivePageUrl(page.url),
    pageTitle: page.title,
    site: page.site,
    publishedAt: page.publishedAt,
  };
}

/**
 * The texts of the archive's quotes from one page (trimmed), so a page read without the store
 * (auto-collect off) can still show which of its statements were saved. A scan of the archive:
 * it runs once per page read, and only while auto-collect is off.
 */
export async function savedTextsOnPage(db: SaywhoDb, pageUrl: string): Promise<Set<string>> {
  const url = archivePageUrl(pageUrl);
  const texts = new Set<string>();
  await db.archive
    .filter((e) => archivePageUrl(e.snapshot.pageUrl) === url)
    .each((e) => {
      texts.add(e.snapshot.text.trim());
    });
  return texts;
}

/** How much is stored, for the options page's confirmation. */
export async function storeCounts(db: SaywhoDb) {
  const [pages, statements, archive] = await Promise.all([
    db.pages.count(),
    db.statements.count(),
    db.archive.count(),
  ]);
  return { pages, statements, archive };
}
