/** The personal archive: quotes the reader chose to keep. */
import type { SaywhoDb } from './db';

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
      },
      note: options.note ?? '',
      tags: options.tags ?? [],
      savedAt: options.now ?? Date.now(),
    } as Parameters<typeof db.archive.add>[0]);
  });
}
