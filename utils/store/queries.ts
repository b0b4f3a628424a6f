/** Read models for the popup and archive: plain async functions, wrapped in `liveQuery` by the UI. */

import { CONFLICT_TYPES } from '../match/relate';
import type { StatementSummary } from '../messages';
import type { ArchiveEntryRow, PageRow, RelationRow, SaywhoDb, StatementRow } from './db';
import { pageKeyOf } from './ingest';

export interface RelatedStatement {
  relation: RelationRow;
  statement: StatementRow;
  page: PageRow | null;
}

export interface StatementView {
  statement: StatementRow;
  related: RelatedStatement[];
  conflicts: number;
  savedEntryId: number | null;
}

export interface PageView {
  page: PageRow;
  statements: StatementView[];
}

/** The stored page a tab shows: by the URL last read, or by its key (canonical URL, or URL without fragment). */
export async function findPage(db: SaywhoDb, url: string): Promise<PageRow | null> {
  const byUrl = await db.pages.where('url').equals(url).first();
  if (byUrl) return byUrl;
  return (
    (await db.pages
      .where('key')
      .equals(pageKeyOf({ url, canonicalUrl: null }))
      .first()) ?? null
  );
}

/** Everything the popup shows for one page. */
export async function pageView(db: SaywhoDb, url: string): Promise<PageView | null> {
  const page = await findPage(db, url);
  if (!page) return null;
  const rows = await db.statements.where('pageId').equals(page.id).sortBy('start');
  const ids = rows.map((r) => r.id);
  const [asA, asB, saved] = await Promise.all([
    db.relations.where('a').anyOf(ids).toArray(),
    db.relations.where('b').anyOf(ids).toArray(),
    db.archive.where('statementId').anyOf(ids).toArray(),
  ]);
  const otherIds = new Set<number>();
  for (const r of asA) otherIds.add(r.b);
  for (const r of asB) otherIds.add(r.a);
  const others = new Map((await db.statements.bulkGet([...otherIds])).flatMap((s) => (s ? [[s.id, s]] : [])));
  const pageIds = new Set([...others.values()].map((s) => s.pageId));
  const pages = new Map((await db.pages.bulkGet([...pageIds])).flatMap((p) => (p ? [[p.id, p]] : [])));
  const savedBy = new Map(saved.map((e) => [e.statementId, e.id]));

  const statements = rows.map((statement): StatementView => {
    const related: RelatedStatement[] = [];
    for (const relation of [...asA, ...asB]) {
      const otherId =
        relation.a === statement.id ? relation.b : relation.b === statement.id ? relation.a : null;
      if (otherId === null) continue;
      const other = others.get(otherId);
      if (!other) continue;
      related.push({ relation, statement: other, page: pages.get(other.pageId) ?? null });
    }
    // Conflicts first: they are what the reader most needs to see.
    related.sort(
      (x, y) => Number(CONFLICT_TYPES.has(y.relation.type)) - Number(CONFLICT_TYPES.has(x.relation.type)),
    );
    return {
      statement,
      related,
      conflicts: related.filter((r) => CONFLICT_TYPES.has(r.relation.type)).length,
      savedEntryId: savedBy.get(statement.id) ?? null,
    };
  });
  return { page, statements };
}

/** Archive entries, newest first. */
export async function archiveEntries(db: SaywhoDb): Promise<ArchiveEntryRow[]> {
  return db.archive.orderBy('savedAt').reverse().toArray();
}

/**
 * What the page is told about each statement: counts of related and conflicting statements, the
 * strongest relation with where the other statement was printed, and whether it is saved.
 */
export async function statementSummaries(db: SaywhoDb, ids: number[]): Promise<StatementSummary[]> {
  const [asA, asB, saved] = await Promise.all([
    db.relations.where('a').anyOf(ids).toArray(),
    db.relations.where('b').anyOf(ids).toArray(),
    db.archive.where('statementId').anyOf(ids).primaryKeys(),
  ]);
  const savedIds = new Set((await db.archive.bulkGet(saved)).map((e) => e?.statementId));
  const byStatement = new Map<number, RelationRow[]>();
  for (const r of asA) byStatement.set(r.a, [...(byStatement.get(r.a) ?? []), r]);
  for (const r of asB) byStatement.set(r.b, [...(byStatement.get(r.b) ?? []), r]);
  const out: StatementSummary[] = [];
  for (const id of ids) {
    const rels = byStatement.get(id) ?? [];
    const conflicts = rels.filter((r) => CONFLICT_TYPES.has(r.type));
    const strongest = [...conflicts, ...rels.filter((r) => !CONFLICT_TYPES.has(r.type))].sort(
      (x, y) => Number(CONFLICT_TYPES.has(y.type)) - Number(CONFLICT_TYPES.has(x.type)) || y.score - x.score,
    )[0];
    let strongestView: StatementSummary['strongest'] = null;
    if (strongest) {
      const other = await db.statements.get(strongest.a === id ? strongest.b : strongest.a);
      const page = other ? await db.pages.get(other.pageId) : undefined;
      strongestView = {
        type: strongest.type,
        reason: strongest.reason,
        otherSpeaker: other?.speakerName ?? null,
        otherTitle: page?.title ?? '',
        otherSite: page?.site ?? '',
        otherUrl: page?.url ?? '',
      };
    }
    out.push({
      statementId: id,
      related: rels.length - conflicts.length,
      conflicts: conflicts.length,
      saved: savedIds.has(id),
      strongest: strongestView,
    });
  }
  return out;
}
