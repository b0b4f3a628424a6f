/** The personal archive: quotes the reader chose to keep. */
import { isPlausiblePublishedAt } from '../dates';
import { isWebUrl, type PageMeta } from '../domain';
import type { ArchiveEntryRow, ArchiveSnapshot, SaywhoDb } from './db';
import { forgetKeyFilter } from './key-filter';

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

/**
 * Saves a stored statement to the archive with a snapshot of its text and source. Saving it again
 * keeps one entry and adds the new note and tags to it (`mergeIntoEntry`).
 */
export async function saveStatement(
  db: SaywhoDb,
  statementId: number,
  options: { note?: string; tags?: string[]; now?: number } = {},
): Promise<SaveResult> {
  return db.transaction('rw', [db.statements, db.pages, db.archive], async () => {
    const existing = await db.archive.where('statementId').equals(statementId).first();
    if (existing) return mergeIntoEntry(db, existing, options);
    const statement = await db.statements.get(statementId);
    if (!statement)
      throw new Error(`No stored statement ${statementId}: the page may need to be read again.`);
    const page = await db.pages.get(statement.pageId);
    const id = await db.archive.add({
      statementId,
      snapshot: {
        text: statement.text,
        kind: statement.kind,
        speaker: statement.speakerName,
        cue: statement.cue,
        pageUrl: page?.url ?? '',
        pageTitle: page?.title ?? '',
        site: page?.site ?? '',
        publishedAt: keptPublishedAt(page?.publishedAt),
      },
      note: options.note ?? '',
      tags: cleanTags(options.tags ?? []),
      savedAt: options.now ?? Date.now(),
    } as Parameters<typeof db.archive.add>[0]);
    return { id, alreadySaved: null };
  });
}

/**
 * Adds a new note and tags to an entry the archive already holds: the note after a blank line
 * unless the entry's note has it already, the tags it lacks. Throws, changing nothing, when the
 * note or the tags would pass what an entry keeps (an export would no longer import).
 */
async function mergeIntoEntry(
  db: SaywhoDb,
  entry: ArchiveEntryRow,
  added: { note?: string; tags?: readonly string[] },
): Promise<SaveResult> {
  const note = noteWith(entry.note, added.note ?? '');
  const had = new Set(entry.tags.map((t) => t.trim().toLowerCase()));
  const tagsAdded = uniqueTags(added.tags ?? []).filter((t) => !had.has(t.toLowerCase()));
  const tags = [...entry.tags, ...tagsAdded];
  if (note !== null && note.length > MAX_NOTE) {
    throw new Error(
      `This quote is already saved, and your note added to its note would pass ${MAX_NOTE.toLocaleString('en')} characters: nothing was changed. Shorten the note, or edit the entry in the archive.`,
    );
  }
  if (tags.length > MAX_TAGS) {
    throw new Error(
      `This quote is already saved, and your tags added to its tags would pass ${MAX_TAGS}: nothing was changed. Remove some tags in the archive first.`,
    );
  }
  const patch: Partial<ArchiveEntryRow> = {};
  if (note !== null) patch.note = note;
  if (tagsAdded.length > 0) patch.tags = tags;
  if (Object.keys(patch).length > 0) await db.archive.update(entry.id, patch);
  return { id: entry.id, alreadySaved: { noteAdded: note !== null, tagsAdded } };
}

/** `current` with `added` after a blank line; null when there is nothing new to add. */
function noteWith(current: string, added: string): string | null {
  const note = added.trim();
  if (!note) return null;
  const paragraphs = current.split(/\n\s*\n/).map((p) => p.trim());
  if (paragraphs.includes(note)) return null;
  return current.trim() ? `${current.trimEnd()}\n\n${note}` : note;
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

/**
 * A page's publication date as an entry keeps it: words that are no date as they are, a date only
 * when it is plausible (a CMS's `0001-01-01` or a year-9999 date is no publication date, and an
 * export holding one would not import).
 */
function keptPublishedAt(value: string | null | undefined): string | null {
  return value && isPlausiblePublishedAt(value) ? value : null;
}

/** Tags as the reader typed them, trimmed, without empties or repeats (case-insensitively), at most 50. */
export function cleanTags(tags: readonly string[]): string[] {
  return uniqueTags(tags).slice(0, MAX_TAGS);
}

/** Tags trimmed (100 characters at most), without empties or repeats (case-insensitively), first form kept. */
function uniqueTags(tags: readonly string[]): string[] {
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

/**
 * Saves a quote captured by hand (a selection). It keeps the link to a stored statement only when
 * that statement exists. Saving the same words from the same page for the same speaker again
 * keeps one entry and adds the new note and tags to it (`mergeIntoEntry`).
 */
export async function saveCapture(db: SaywhoDb, capture: Capture): Promise<SaveResult> {
  const text = capture.snapshot.text.trim();
  if (!text) throw new Error('There is no text to save: select the words first.');
  if (capture.snapshot.pageUrl !== '' && !isWebUrl(capture.snapshot.pageUrl))
    throw new Error('Saywho keeps quotes from web pages (http or https addresses) only.');
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
    if (existing) return mergeIntoEntry(db, existing, capture);
    const id = await db.archive.add({
      statementId,
      snapshot: {
        ...capture.snapshot,
        text,
        speaker,
        publishedAt: keptPublishedAt(capture.snapshot.publishedAt),
      },
      note: capture.note ?? '',
      tags: cleanTags(capture.tags ?? []),
      savedAt: capture.now ?? Date.now(),
    } as Parameters<typeof db.archive.add>[0]);
    return { id, alreadySaved: null };
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
  if (changes.note !== undefined && changes.note.length > MAX_NOTE)
    throw new Error(`A note holds at most ${MAX_NOTE.toLocaleString('en')} characters.`);
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
  const tables = [db.pages, db.speakers, db.statements, db.relations, db.archive, db.keyFilter, db.budgets];
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
