/** The personal archive: quotes the reader chose to keep. */
import type { PageMeta, StatementSnapshot } from '../messages';
import type { ArchiveEntryRow, ArchiveSnapshot, SaywhoDb } from './db';
import { forgetKeyFilter } from './key-filter';

/** Saves a stored statement to the archive with a snapshot of its text and source; saving twice keeps one entry. */
export async function saveStatement(
  db: SaywhoDb,
  statementId: number,
  options: { note?: string; tags?: string[]; now?: number } = {},
): Promise<number> {
  return db.transaction('rw', [db.statements, db.pages, db.archive], async () => {
    const existing = await db.archive.where('statementId').equals(statementId).first();
    if (existing) return existing.id;
    const statement = await db.statements.get(statementId);
    if (!statement)
      throw new Error(`No stored statement ${statementId}: the page may need to be read again.`);
    const page = await db.pages.get(statement.pageId);
    return db.archive.add({
      statementId,
      snapshot: {
        text: statement.text,
        kind: statement.kind,
        speaker: statement.speakerName,
        cue: statement.cue,
        pageUrl: page?.url ?? '',
        pageTitle: page?.title ?? '',
        site: page?.site ?? '',
        publishedAt: page?.publishedAt ?? null,
      },
      note: options.note ?? '',
      tags: cleanTags(options.tags ?? []),
      savedAt: options.now ?? Date.now(),
    } as Parameters<typeof db.archive.add>[0]);
  });
}

/** Tags as the reader typed them, trimmed, without empties or repeats (case-insensitively). */
export function cleanTags(tags: readonly string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const raw of tags) {
    const tag = raw.trim().slice(0, 100);
    if (!tag || seen.has(tag.toLowerCase())) continue;
    seen.add(tag.toLowerCase());
    out.push(tag);
  }
  return out.slice(0, 50);
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

/**
 * Saves a quote captured by hand (a selection). It keeps the link to a stored statement only when
 * that statement exists; saving the same words from the same page for the same speaker twice keeps one entry.
 */
export async function saveCapture(db: SaywhoDb, capture: Capture): Promise<number> {
  const text = capture.snapshot.text.trim();
  if (!text) throw new Error('There is no text to save: select the words first.');
  return db.transaction('rw', [db.statements, db.archive], async () => {
    const statementId =
      capture.statementId !== null && (await db.statements.get(capture.statementId))
        ? capture.statementId
        : null;
    const speaker = capture.snapshot.speaker?.trim() || null;
    const existing = await db.archive
      .filter(
        (e) =>
          e.snapshot.text === text &&
          e.snapshot.pageUrl === capture.snapshot.pageUrl &&
          e.snapshot.speaker === speaker,
      )
      .first();
    if (existing) return existing.id;
    return db.archive.add({
      statementId,
      snapshot: { ...capture.snapshot, text, speaker },
      note: capture.note ?? '',
      tags: cleanTags(capture.tags ?? []),
      savedAt: capture.now ?? Date.now(),
    } as Parameters<typeof db.archive.add>[0]);
  });
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

export async function updateEntry(db: SaywhoDb, id: number, changes: { note?: string; tags?: string[] }) {
  const patch: Partial<ArchiveEntryRow> = {};
  if (changes.note !== undefined) patch.note = changes.note;
  if (changes.tags !== undefined) patch.tags = cleanTags(changes.tags);
  const n = await db.archive.update(id, patch);
  if (n === 0) throw new Error('This entry is no longer in the archive.');
}

/** Deletes an entry and returns it, so the reader can undo. */
export async function deleteEntry(db: SaywhoDb, id: number): Promise<ArchiveEntryRow | null> {
  return db.transaction('rw', db.archive, async () => {
    const row = await db.archive.get(id);
    if (row) await db.archive.delete(id);
    return row ?? null;
  });
}

/** Puts a deleted entry back, with its id. */
export async function restoreEntry(db: SaywhoDb, row: ArchiveEntryRow): Promise<void> {
  await db.archive.put(row);
}

/** Deletes everything Saywho stored: pages, speakers, statements, relations and the archive. */
export async function clearAllData(db: SaywhoDb): Promise<void> {
  const tables = [db.pages, db.speakers, db.statements, db.relations, db.archive, db.keyFilter];
  await db.transaction('rw', tables, async () => {
    await Promise.all(tables.map((table) => table.clear()));
  });
  forgetKeyFilter(db);
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
