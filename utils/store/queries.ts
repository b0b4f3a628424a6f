/** Read models for the popup and archive: plain async functions, wrapped in `liveQuery` by the UI. */

import type { StatementSummary } from '../domain';
import { isConflict } from '../match/relate';
import type { ArchiveEntryRow, PageRow, RelationRow, SaywhoDb, StatementRow } from './db';
import { pageKeyOf } from './page-key';

export interface RelatedStatement {
  relation: RelationRow;
  statement: StatementRow;
  page: PageRow | null;
}

export interface StatementView {
  statement: StatementRow;
  /** The speaker's canonical name across pages (the fullest form read), for the speaker view. */
  speakerCanonical: string | null;
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
  const speakerIds = [...new Set(rows.flatMap((r) => (r.speakerId === null ? [] : [r.speakerId])))];
  const speakers = new Map(
    (await db.speakers.bulkGet(speakerIds)).flatMap((sp) => (sp ? [[sp.id, sp.name] as const] : [])),
  );

  // A relation between two statements of this page is in both lists: each once.
  const relations = [...new Map([...asA, ...asB].map((r) => [r.id, r])).values()];
  const statements = rows.map((statement): StatementView => {
    const related: RelatedStatement[] = [];
    for (const relation of relations) {
      const otherId =
        relation.a === statement.id ? relation.b : relation.b === statement.id ? relation.a : null;
      if (otherId === null) continue;
      const other = others.get(otherId);
      if (!other) continue;
      related.push({ relation, statement: other, page: pages.get(other.pageId) ?? null });
    }
    // Conflicts first: they are what the reader most needs to see.
    related.sort((x, y) => Number(isConflict(y.relation)) - Number(isConflict(x.relation)));
    return {
      statement,
      speakerCanonical:
        (statement.speakerId === null ? undefined : speakers.get(statement.speakerId)) ??
        statement.speakerName,
      related,
      conflicts: related.filter((r) => isConflict(r.relation)).length,
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
  const relations = [...new Map([...asA, ...asB].map((r) => [r.id, r])).values()];
  const strongest = strongestRelations(ids, relations);
  // The other side of each strongest relation and its page in two bulk reads (not two reads per
  // statement: a page on a story already read relates most of its statements).
  const otherIds = [...new Set([...strongest].map(([id, r]) => (r.a === id ? r.b : r.a)))];
  const others = new Map(
    (await db.statements.bulkGet(otherIds)).flatMap((s) => (s ? [[s.id, s] as const] : [])),
  );
  const pageIds = [...new Set([...others.values()].map((s) => s.pageId))];
  const pages = new Map((await db.pages.bulkGet(pageIds)).flatMap((p) => (p ? [[p.id, p] as const] : [])));
  return summariesOf(ids, relations, savedIds, others, pages);
}

/**
 * Which of two relations is stronger (positive: `x`): conflicts first, then the higher score, then
 * the newer pair, so the choice does not depend on the order relations were read in.
 */
function stronger(
  x: Pick<RelationRow, 'a' | 'b' | 'type' | 'score'>,
  y: Pick<RelationRow, 'a' | 'b' | 'type' | 'score'>,
): number {
  return Number(isConflict(x)) - Number(isConflict(y)) || x.score - y.score || x.a - y.a || x.b - y.b;
}

/** Each statement's strongest relation: conflicts first, then the highest score. */
export function strongestRelations<R extends Pick<RelationRow, 'a' | 'b' | 'type' | 'score'>>(
  ids: readonly number[],
  relations: readonly R[],
): Map<number, R> {
  const out = new Map<number, R>();
  for (const r of relations) {
    for (const id of [r.a, r.b]) {
      const best = out.get(id);
      if (!best || stronger(r, best) > 0) out.set(id, r);
    }
  }
  const wanted = new Set(ids);
  for (const id of out.keys()) if (!wanted.has(id)) out.delete(id);
  return out;
}

/**
 * The summaries of `ids` from what is known of them: every relation they are in, which are saved,
 * and the other side of each one's strongest relation with its page (absent ones show blank).
 */
export function summariesOf(
  ids: readonly number[],
  relations: readonly Pick<RelationRow, 'a' | 'b' | 'type' | 'score' | 'reason'>[],
  savedIds: ReadonlySet<number | null | undefined>,
  others: ReadonlyMap<number, StatementRow>,
  pages: ReadonlyMap<number, PageRow>,
): StatementSummary[] {
  const byStatement = new Map<number, (typeof relations)[number][]>();
  for (const r of relations) {
    for (const id of r.a === r.b ? [r.a] : [r.a, r.b])
      byStatement.set(id, [...(byStatement.get(id) ?? []), r]);
  }
  const strongestOf = strongestRelations(ids, relations);
  return ids.map((id) => {
    const rels = byStatement.get(id) ?? [];
    const conflicts = rels.filter((r) => isConflict(r)).length;
    const strongest = strongestOf.get(id);
    let strongestView: StatementSummary['strongest'] = null;
    if (strongest) {
      const other = others.get(strongest.a === id ? strongest.b : strongest.a);
      const page = other ? pages.get(other.pageId) : undefined;
      strongestView = {
        type: strongest.type,
        conflict: isConflict(strongest),
        reason: strongest.reason,
        otherSpeaker: other?.speakerName ?? null,
        otherTitle: page?.title ?? '',
        otherSite: page?.site ?? '',
        otherUrl: page?.url ?? '',
      };
    }
    return {
      statementId: id,
      related: rels.length - conflicts,
      conflicts,
      saved: savedIds.has(id),
      strongest: strongestView,
    };
  });
}

export interface ArchiveView {
  entries: ArchiveEntryRow[];
  /** Entries whose statement has a conflicting statement in the store. */
  conflictEntryIds: Set<number>;
}

/** Statement ids (of `ids`) with at least one conflicting relation. */
async function conflictedStatements(db: SaywhoDb, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const [asA, asB] = await Promise.all([
    db.relations.where('a').anyOf(ids).filter(isConflict).toArray(),
    db.relations.where('b').anyOf(ids).filter(isConflict).toArray(),
  ]);
  const wanted = new Set(ids);
  const out = new Set<number>();
  for (const r of asA) if (wanted.has(r.a)) out.add(r.a);
  for (const r of asB) if (wanted.has(r.b)) out.add(r.b);
  return out;
}

/** Everything the archive page needs: all entries, newest first, and which of them conflict. */
export async function archiveView(db: SaywhoDb): Promise<ArchiveView> {
  const entries = await archiveEntries(db);
  const ids = [...new Set(entries.flatMap((e) => (e.statementId === null ? [] : [e.statementId])))];
  const conflicted = await conflictedStatements(db, ids);
  return {
    entries,
    conflictEntryIds: new Set(
      entries.filter((e) => e.statementId !== null && conflicted.has(e.statementId)).map((e) => e.id),
    ),
  };
}

export interface TimelineItem {
  /** `s<statementId>` or `e<entryId>`: stable across renders. */
  key: string;
  text: string;
  kind: StatementRow['kind'];
  pageUrl: string;
  pageTitle: string;
  site: string;
  /** Prefix and suffix on the page, for a text-fragment link, when the statement is stored. */
  prefix: string;
  suffix: string;
  /** When it was said as far as Saywho knows: the page's publication date, else when it was read or saved. */
  at: number;
  conflicts: number;
  related: number;
  saved: boolean;
}

function dateOf(published: string | null | undefined, fallback: number): number {
  if (published) {
    const t = Date.parse(published);
    if (!Number.isNaN(t)) return t;
  }
  return fallback;
}

/**
 * Everything one speaker said that Saywho knows of, oldest first: statements read (any speaker
 * record with this name, since anonymous speakers never share a key) and quotes saved by hand.
 */
export async function speakerTimeline(db: SaywhoDb, name: string): Promise<TimelineItem[]> {
  // By the canonical name; else by a form an article gave ("Ada Park" for "Mayor Ada Park").
  let speakerIds = await db.speakers.where('name').equals(name).primaryKeys();
  if (speakerIds.length === 0) speakerIds = await db.speakers.where('aliases').equals(name).primaryKeys();
  const statements = speakerIds.length
    ? await db.statements.where('speakerId').anyOf(speakerIds).toArray()
    : [];
  const ids = statements.map((s) => s.id);
  const [asA, asB, saved, captured] = await Promise.all([
    db.relations.where('a').anyOf(ids).toArray(),
    db.relations.where('b').anyOf(ids).toArray(),
    db.archive.where('statementId').anyOf(ids).toArray(),
    db.archive.filter((e) => e.statementId === null && e.snapshot.speaker === name).toArray(),
  ]);
  const pages = new Map(
    (await db.pages.bulkGet([...new Set(statements.map((s) => s.pageId))])).flatMap((p) =>
      p ? [[p.id, p]] : [],
    ),
  );
  const counts = new Map<number, { conflicts: number; related: number }>();
  const bump = (id: number, r: RelationRow) => {
    const c = counts.get(id) ?? { conflicts: 0, related: 0 };
    if (isConflict(r)) c.conflicts++;
    else c.related++;
    counts.set(id, c);
  };
  for (const r of asA) bump(r.a, r);
  for (const r of asB) bump(r.b, r);
  const savedIds = new Set(saved.map((e) => e.statementId));
  const items: TimelineItem[] = statements.map((s) => {
    const page = pages.get(s.pageId);
    const c = counts.get(s.id) ?? { conflicts: 0, related: 0 };
    return {
      key: `s${s.id}`,
      text: s.text,
      kind: s.kind,
      pageUrl: page?.url ?? '',
      pageTitle: page?.title ?? '',
      site: page?.site ?? '',
      prefix: s.prefix,
      suffix: s.suffix,
      at: dateOf(page?.publishedAt, page?.firstReadAt ?? 0),
      conflicts: c.conflicts,
      related: c.related,
      saved: savedIds.has(s.id),
    };
  });
  for (const e of captured) {
    items.push({
      key: `e${e.id}`,
      text: e.snapshot.text,
      kind: e.snapshot.kind,
      pageUrl: e.snapshot.pageUrl,
      pageTitle: e.snapshot.pageTitle,
      site: e.snapshot.site,
      prefix: '',
      suffix: '',
      at: dateOf(e.snapshot.publishedAt, e.savedAt),
      conflicts: 0,
      related: 0,
      saved: true,
    });
  }
  return items.sort((x, y) => x.at - y.at || x.key.localeCompare(y.key));
}

export interface SpeakerGroup {
  /** The speaker's name as this page gives it, or null for statements without one. */
  speaker: string | null;
  /** The name the speaker view knows them by (the fullest form read on any page). */
  canonical: string | null;
  statements: StatementView[];
  conflicts: number;
}

/**
 * The popup's grouping: one group per speaker, groups with conflicts first (most conflicts first),
 * then by how many statements, unattributed last; inside a group, conflicting statements first,
 * then in page order.
 */
export function groupBySpeaker(statements: readonly StatementView[]): SpeakerGroup[] {
  const groups = new Map<string | null, StatementView[]>();
  for (const s of statements) {
    const key = s.statement.speakerName;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return [...groups]
    .map(([speaker, list]) => ({
      speaker,
      canonical: list[0]!.speakerCanonical,
      statements: [...list].sort(
        (a, b) => Number(b.conflicts > 0) - Number(a.conflicts > 0) || a.statement.start - b.statement.start,
      ),
      conflicts: list.filter((s) => s.conflicts > 0).length,
    }))
    .sort(
      (a, b) =>
        b.conflicts - a.conflicts ||
        Number(a.speaker === null) - Number(b.speaker === null) ||
        b.statements.length - a.statements.length ||
        (a.speaker ?? '').localeCompare(b.speaker ?? ''),
    );
}
