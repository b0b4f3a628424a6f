/**
 * Ingest's writes, in two waves. The first (`startWrites`) puts the page, its speakers and its new
 * statements, and deletes what the page no longer has, all in flight at once (classification runs
 * meanwhile). Then the new statements take the ids IndexedDB gave them (`realIds`), and the second
 * wave puts the rows that refer to them (`linkedRows`) with the relations found and the site's
 * budget charge (ingest.ts: the transaction's body awaits it).
 */
import type { PageRow, SaywhoDb, StatementRow } from './db';
import type { PageRows, RowPlan } from './ingest-rows';
import { type SpeakerDraft, writeSpeakers } from './ingest-speakers';

/**
 * The first wave: the page (`existed`: put over its row, else added with the id it was given), its
 * speakers (new ones get the ids after `lastSpeaker`) and its statements, and the removal of those
 * it no longer has. Returns the writes in flight.
 */
export function startWrites(
  db: SaywhoDb,
  page: PageRow,
  existed: boolean,
  speakers: ReadonlyMap<string, SpeakerDraft>,
  lastSpeaker: number,
  rows: PageRows,
) {
  // The page, its speakers and its statements all in flight at once.
  const pageAndSpeakers = Promise.all([
    existed ? db.pages.put(page) : db.pages.add(page),
    writeSpeakers(db, speakers, lastSpeaker),
  ]);
  fileRows(rows, page.id);
  const adding = db.statements.bulkAdd(
    rows.added.map(({ id: _, ...row }) => row),
    { allKeys: true },
  );
  // What the page no longer has, with its relations (the key filter keeps its keys: it may
  // over-report, never under-report).
  const { goneIds } = rows;
  const removing =
    goneIds.length === 0
      ? Promise.resolve()
      : Promise.all([
          db.statements.bulkDelete(goneIds),
          db.relations.where('a').anyOf(goneIds).delete(),
          db.relations.where('b').anyOf(goneIds).delete(),
        ]);
  return { pageAndSpeakers, adding, removing };
}

/** The page and speaker ids of the rows, once the page and its speakers have theirs. */
function fileRows(page: PageRows, pageId: number): void {
  for (const [i, row] of page.rows.entries()) {
    if (!row) continue;
    row.pageId = pageId;
    row.speakerId = page.speakerOf[i]?.id ?? null;
  }
}

/** New rows, and links to them, take the ids IndexedDB gave (`newIds`, in the order of `added`). */
export function realIds(page: PageRows, newIds: readonly number[]): void {
  const real = new Map(page.added.map((row, j) => [row.id, newIds[j]!]));
  for (const row of page.kept) {
    row.id = real.get(row.id) ?? row.id;
    if (row.continuesId !== null) row.continuesId = real.get(row.continuesId) ?? row.continuesId;
    if (row.utteranceId !== null) row.utteranceId = real.get(row.utteranceId) ?? row.utteranceId;
  }
}

/**
 * Rows to put once the ids are known: the statements read before (as this reading gives them) and
 * new ones linked to another segment (their links hold the real ids now).
 */
export function linkedRows(page: PageRows, plan: RowPlan): StatementRow[] {
  return page.rows.filter(
    (r, i): r is StatementRow =>
      r !== null && (plan.prior[i] !== undefined || r.continuesId !== null || r.utteranceId !== null),
  );
}
