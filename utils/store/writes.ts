/**
 * Every write to the store, in one place: reading a page into it (ingest.ts), saving, editing,
 * deleting and importing archive entries, forgetting pages, eviction (retention.ts) and clearing
 * it all. Each runs in turn with the other writes of its context (turns.ts): in the background
 * beside ingests and eviction, in the popup, archive and options pages beside that page's own
 * writes; between contexts, IndexedDB runs one read-write transaction on a table at a time.
 * Outside utils/store the store is written only through this module (test/architecture.test.ts);
 * the UI reads through `useLiveQuery` (components/use-live-query.ts) and queries.ts.
 */
import { isPlausiblePublishedAt } from '../dates';
import { isWebUrl } from '../domain';
import { type Capture, cleanTags, MAX_NOTE, MAX_TAGS, type SaveResult, uniqueTags } from './archive';
import type { ArchiveEntryRow, SaywhoDb } from './db';
import { dedupKey, type ExportedEntry, parseArchiveJson } from './export';
import { forgetKeyFilter } from './key-filter';
import { inTurn } from './turns';

/** Reads a page's statements into the store (runs in turn itself). */
export { ingestPage } from './ingest';
/** The reader's "forget pages read before" and the store's eviction over its limit (each step in turn). */
export { evictOverLimit, forgetPagesReadBefore } from './retention';

/**
 * Saves a stored statement to the archive with a snapshot of its text and source. Saving it again
 * keeps one entry and adds the new note and tags to it (`mergeIntoEntry`).
 */
export async function saveStatement(
  db: SaywhoDb,
  statementId: number,
  options: { note?: string; tags?: string[]; now?: number } = {},
): Promise<SaveResult> {
  return inTurn(db, () =>
    db.transaction('rw', [db.statements, db.pages, db.archive], async () => {
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
      });
      return { id, alreadySaved: null };
    }),
  );
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

/**
 * A page's publication date as an entry keeps it: words that are no date as they are, a date only
 * when it is plausible (a CMS's `0001-01-01` or a year-9999 date is no publication date, and an
 * export holding one would not import).
 */
function keptPublishedAt(value: string | null | undefined): string | null {
  return value && isPlausiblePublishedAt(value) ? value : null;
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
  return inTurn(db, () =>
    db.transaction('rw', [db.statements, db.archive], async () => {
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
      });
      return { id, alreadySaved: null };
    }),
  );
}

/** Changes an entry's note or tags; throws when the note is too long or the entry is gone. */
export async function updateEntry(db: SaywhoDb, id: number, changes: { note?: string; tags?: string[] }) {
  if (changes.note !== undefined && changes.note.length > MAX_NOTE)
    throw new Error(`A note holds at most ${MAX_NOTE.toLocaleString('en')} characters.`);
  const patch: Partial<ArchiveEntryRow> = {};
  if (changes.note !== undefined) patch.note = changes.note;
  if (changes.tags !== undefined) patch.tags = cleanTags(changes.tags);
  const n = await inTurn(db, () => db.archive.update(id, patch));
  if (n === 0) throw new Error('This entry is no longer in the archive.');
}

/** Deletes an entry and returns it, so the reader can undo. */
export async function deleteEntry(db: SaywhoDb, id: number): Promise<ArchiveEntryRow | null> {
  return inTurn(db, () =>
    db.transaction('rw', db.archive, async () => {
      const row = await db.archive.get(id);
      if (row) await db.archive.delete(id);
      return row ?? null;
    }),
  );
}

/** Puts a deleted entry back, with its id. */
export async function restoreEntry(db: SaywhoDb, row: ArchiveEntryRow): Promise<void> {
  await inTurn(db, () => db.archive.put(row));
}

/** Deletes everything Saywho stored: pages, speakers, statements, relations and the archive. */
export async function clearAllData(db: SaywhoDb): Promise<void> {
  const tables = [db.pages, db.speakers, db.statements, db.relations, db.archive, db.keyFilter, db.budgets];
  await inTurn(db, async () => {
    await db.transaction('rw', tables, async () => {
      await Promise.all(tables.map((table) => table.clear()));
    });
    // Within the turn: the next ingest finds the filter of an empty store, not the old one's.
    forgetKeyFilter(db);
  });
}

export interface ImportResult {
  added: number;
  skipped: number;
}

export interface ImportOptions {
  /** Called after each chunk with entries written so far and the total to write. */
  onProgress?: (done: number, total: number) => void;
  chunkSize?: number;
}

/**
 * Imports an export file into the archive in one transaction: a bad file, or any failure on the
 * way, changes nothing. Entries already in the archive (same text, speaker and page) are skipped.
 * A `statementId` is kept only when this store holds that statement with the same words; otherwise
 * the entry is kept as a hand-captured quote (`statementId: null`).
 */
export async function importArchiveJson(
  db: SaywhoDb,
  raw: string,
  options: ImportOptions = {},
): Promise<{ ok: true; result: ImportResult } | { ok: false; error: string }> {
  const parsed = parseArchiveJson(raw);
  if (!parsed.ok) return parsed;
  const chunkSize = options.chunkSize ?? 500;
  try {
    const result = await inTurn(db, () =>
      db.transaction('rw', [db.archive, db.statements], async () => {
        const seen = new Set<string>();
        await db.archive.each((e) => {
          seen.add(dedupKey(e.snapshot));
        });
        const fresh: ExportedEntry[] = [];
        for (const e of parsed.data.entries) {
          const key = dedupKey(e.snapshot);
          if (seen.has(key)) continue;
          seen.add(key);
          fresh.push(e);
        }
        const ids = [...new Set(fresh.flatMap((e) => (e.statementId === null ? [] : [e.statementId])))];
        const statements = await db.statements.bulkGet(ids);
        const known = new Map(ids.map((id, i) => [id, statements[i]?.text]));
        const rows = fresh.map((e) => ({
          ...e,
          statementId:
            e.statementId !== null && known.get(e.statementId) === e.snapshot.text ? e.statementId : null,
        }));
        options.onProgress?.(0, rows.length);
        for (let i = 0; i < rows.length; i += chunkSize) {
          await db.archive.bulkAdd(rows.slice(i, i + chunkSize));
          options.onProgress?.(Math.min(rows.length, i + chunkSize), rows.length);
        }
        return { added: rows.length, skipped: parsed.data.entries.length - rows.length };
      }),
    );
    return { ok: true, result };
  } catch (error) {
    return {
      ok: false,
      error: `Nothing was imported: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
}
