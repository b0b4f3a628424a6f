/**
 * Ingest: one page's statements into the store, in one transaction, and what they relate to.
 * Reading a page again adds nothing new and removes what the page no longer has (saved quotes
 * stay); the same page in two tabs is stored once. A page and its site add statements only within
 * their budgets (budget.ts).
 *
 * Candidates come from an index, never from a scan: the multi-entry `keys` index (MinHash bands
 * and topic words). The pure classifier decides what each pair is.
 */

import Dexie, { type Transaction } from 'dexie';
import type { PageReading, StatementPayload, StatementSummary } from '../domain';
import { classifyPair, type MatchStatement, type Relation } from '../match/classify';
import { CANDIDATE_WEIGHT, candidateKeys } from '../match/fingerprint';
import { inferSpeakerKind, sameSpeaker, speakerIdentityKey } from '../match/identity';
import { exactKey, normalizeText } from '../match/normalize';
import { budgetSite, charge, PAGE_BUDGET, siteRoom } from './budget';
import type { PageRow, RelationRow, SaywhoDb, SpeakerRow, StatementRow } from './db';
import { codeWeight, indexedKeys, keyCodes, keyRange, plainKey } from './index-keys';
import { type KeyFilter, keyFilterCommitted, keyFilterFor } from './key-filter';
import { pageKeyOf } from './page-key';
import { statementSummaries, summariesOf } from './queries';
import { evictOverLimit, storeGrew } from './retention';
import { inTurn } from './turns';

export { pageKeyOf } from './page-key';

export interface IngestOptions {
  /**
   * The real origin (scheme://host:port) of the page read, as the browser reported the sender.
   * A page row is rewritten, and its statements replaced, only by a reading from the origin that
   * created it. Absent: a local caller (CLI, benchmark), trusted as the row's own origin.
   */
  origin?: string;
  /**
   * The store's size limit in statements (the reader's setting, retention.ts): once the ingest has
   * committed, the oldest unsaved statements are evicted while the store is over it.
   */
  storeLimit?: number;
}

export interface IngestResult {
  pageId: number;
  /** One per statement sent, in order; statementId 0 for a statement not stored (over budget). */
  statements: StatementSummary[];
  /** Some statements were not stored: the page, or its site, reached its budget (budget.ts). */
  budget?: 'page' | 'site';
}

/** The summary of a statement that was not stored. */
const UNSTORED: Omit<StatementSummary, 'statementId'> = {
  related: 0,
  conflicts: 0,
  saved: false,
  strongest: null,
};

/**
 * Phase timings as user-timing measures (`saywho:ingest:<phase>`), read by `npm run bench` and
 * visible in DevTools' performance panel for the service worker. Cheap enough to leave on.
 */
function phase(name: string, since: number): number {
  const now = performance.now();
  // Only the latest of each phase is kept, so a long-lived worker's timeline stays small.
  performance.clearMeasures(`saywho:ingest:${name}`);
  performance.measure(`saywho:ingest:${name}`, { start: since, end: now });
  return now;
}

/** At most this many candidates are classified per statement, those sharing the most keys first. */
const MAX_CANDIDATES = 24;
/**
 * A key shared by more statements than this is a common word: only its newest statements are
 * candidates through it (rarer keys still find older ones). Bounds the work per key as the store
 * grows, the way search engines cut stop words: the index is read as a range of at most this many
 * entries (see index-keys.ts), so a lookup costs the same at 1,000 statements and at 100,000.
 * A topic pair's statements are read whole (`indexLookups`): this also bounds the rows a key
 * brings. (48 cost a third more lookup time at 100,000 statements for no relation found.)
 */
export const MAX_IDS_PER_KEY = 16;
/** Newest statements of the same named speaker that are candidates of a new statement. */
export const SPEAKER_CANDIDATES = 16;
/** The same speaker's statements just before a new one on its page that are its candidates. */
export const PAGE_SPEAKER_CANDIDATES = 8;
/**
 * Statements of any speaker just before a new one on its page that are its candidates: an article
 * sets one side's account against the other's within a few paragraphs, often in other words than
 * the keys the index holds ("Qatar was warned" / "reports that Qatar was informed … are baseless").
 */
export const PAGE_CANDIDATES = 8;

/**
 * Ids given to a page's new statements until they are written: above any id IndexedDB hands out
 * in practice, and in page order, so "newest first" still holds when candidates are ranked.
 */
const PROVISIONAL_ID = 2 ** 52;

export async function ingestPage(
  db: SaywhoDb,
  message: PageReading,
  now: number = Date.now(),
  options: IngestOptions = {},
): Promise<IngestResult> {
  const { page: meta } = message;
  // A page holds at most its budget's first statements: nothing beyond is keyed or looked up.
  const statements = message.statements.slice(0, PAGE_BUDGET);
  const key = pageKeyOf(meta);
  const site = budgetSite(options.origin, meta.url);
  let filter: KeyFilter | null = null;
  let writtenUpTo = 0;
  /** Statements added less statements removed. */
  let grew = 0;
  const tables = [db.pages, db.speakers, db.statements, db.relations, db.archive, db.keyFilter, db.budgets];
  const result = inTurn(db, () =>
    db.transaction('rw', tables, async (): Promise<IngestResult> => {
      // Everything is read before anything is written: in Chromium a read after a write in the
      // same transaction goes through the uncommitted-write overlay and costs more. Keys the
      // store's key filter proves absent are not asked at all.
      let t = performance.now();
      const start = t;
      const work = await keyFilterFor(db);
      phase('filter', start);
      filter = work;
      // A new page and new speakers get the ids after the highest ones, so that the statements'
      // write need not wait for theirs (ids of rows deleted since may be given again: nothing
      // refers to a page or a speaker once it is deleted).
      const lastIds = Promise.all([
        db.pages.orderBy(':id').lastKey() as Promise<number | undefined>,
        db.speakers.orderBy(':id').lastKey() as Promise<number | undefined>,
      ]);
      // Keys from the concepts rarest in the store (its concept counts come with the key filter).
      const keysOf = statements.map((s) => {
        const keys = candidateKeys(s.text, `${s.prefix} ${s.suffix}`, work.concepts, s.speaker?.name);
        return { stored: keyCodes(keys.stored), lookup: keyCodes(keys.lookup), concepts: keys.concepts };
      });
      const lookupKeys = [...new Set(keysOf.flatMap((k) => k.lookup))].filter((k) => work.mayHave(k));
      phase('keys', start);
      const lookups = indexLookups(db, lookupKeys, MAX_IDS_PER_KEY).then((lists) => {
        phase('lookups', start);
        return lists;
      });
      // After the lookups: IndexedDB answers a transaction's requests in order, and the lookups
      // are the longest wait (asked first, they were measured faster than behind these reads).
      const existingPage = db.pages.where('key').equals(key).first();
      const spent = db.budgets.get(site);
      let speakers = await planSpeakers(db, key, speakersOf(statements));
      const existing = await existingPage;
      const own = ownReading(existing, options.origin);
      const stored = existing ? await db.statements.where('pageId').equals(existing.id).toArray() : [];
      const plan = await planRows(db, statements, stored, own, siteRoom(await spent, now));
      const budget =
        plan.limitedBy ?? (message.statements.length > statements.length ? ('page' as const) : undefined);
      const keep = plan.prior.map((p, i) => p !== undefined || plan.fresh[i]!);
      if (!existing && !keep.includes(true) && statements.length > 0) {
        // Over the site's budget, a page not stored before leaves no trace.
        return withBudget({ pageId: 0, statements: message.statements.map(() => unstored()) }, budget);
      }
      if (keep.includes(false)) {
        // Only the speakers of the statements stored are stored.
        speakers = await planSpeakers(db, key, speakersOf(statements.filter((_, i) => keep[i])));
      }
      // The speaker channel: the newest statements of each named speaker already stored (anonymous
      // sources and bare roles are only themselves on their own page, compared in memory below).
      const namedSpeakers = [...new Set([...speakers.values()].map((d) => d.row))].filter(
        (sp) => sp.id !== 0 && sp.type !== 'anonymous' && !sp.identityKey.startsWith('page:'),
      );
      const bySpeaker = newestPerKey<StatementRow>(
        rawIndex(db.statements.name, 'speakerId'),
        namedSpeakers.map((sp) => sp.id),
        SPEAKER_CANDIDATES,
      ).then((lists) => new Map(namedSpeakers.map((sp, i) => [sp, lists[i]!])));
      // A page read from another origin keeps its row's label; its statements are filed under it.
      const pageSite = existing?.site ?? meta.site;
      /** The row of each statement sent, or null when it is not stored (over budget). */
      const rows: Array<StatementRow | null> = [];
      /** The stored speaker of each row (its id is known once speakers are written). */
      const speakerOf: Array<SpeakerRow | null> = [];
      for (const [i, s] of statements.entries()) {
        const prior = plan.prior[i];
        const speaker = s.speaker && keep[i] ? speakers.get(s.speaker.name)!.row : null;
        speakerOf.push(speaker);
        if (!keep[i]) {
          rows.push(null);
          continue;
        }
        rows.push({
          id: prior?.id ?? PROVISIONAL_ID + i,
          pageId: existing?.id ?? PROVISIONAL_ID,
          site: pageSite,
          text: s.text,
          occurrence: plan.occurrences[i]!,
          kind: s.kind,
          // Set once the page's speakers are written (a new one has no id before).
          speakerId: null,
          // The name as this article gives it; the speaker row keeps the fullest form across pages.
          speakerName: s.speaker?.name ?? null,
          mention: s.speaker?.mention ?? null,
          cue: s.cue,
          start: s.start,
          end: s.end,
          continuesId: null,
          utteranceId: null,
          // A statement read before keeps its index entries (and their time): nothing changes.
          keys: prior ? prior.keys : indexedKeys(keysOf[i]!.stored, now),
          prefix: s.prefix,
          suffix: s.suffix,
        });
      }
      // Links between the segments of one utterance (new statements' ids are provisional until written).
      for (const [i, s] of statements.entries()) {
        const row = rows[i];
        if (!row) continue;
        let root = i;
        // Only ever back to an earlier segment, so a malformed chain cannot loop.
        while ((statements[root]?.continues ?? root) < root) root = statements[root]!.continues!;
        row.continuesId = s.continues === null ? null : (rows[s.continues]?.id ?? null);
        row.utteranceId = root === i ? null : (rows[root]?.id ?? null);
      }
      const added = rows.filter((r, i): r is StatementRow => r !== null && plan.prior[i] === undefined);
      const kept = rows.filter((r): r is StatementRow => r !== null);
      const goneIds = plan.gone.map((r) => r.id);
      t = phase('prepare', t);

      // Only statements new to the store are matched, so a second reading adds nothing. Their
      // candidates are chosen and loaded now, before the writes.
      const matcher = new PairMatcher(db);
      let candidates = new Map<StatementRow, StatementRow[]>();
      if (added.length > 0) {
        const found = await lookups;
        const storedKeys = new Map(lookupKeys.map((k, i) => [k, found.ids[i]!]));
        // A statement of this page is compared with the page's other new statements in memory, so
        // it can use all of its keys there; the index was asked only about its lookup keys.
        const asks = new Map<StatementRow, number[]>();
        const speakerOfRow = new Map<StatementRow, SpeakerRow | null>();
        for (const [i, row] of rows.entries()) {
          if (!row) continue;
          asks.set(row, [...keysOf[i]!.lookup, ...keysOf[i]!.stored]);
          speakerOfRow.set(row, speakerOf[i]!);
          matcher.conceptsOf.set(row.id, keysOf[i]!.concepts);
        }
        candidates = await matcher.candidatesOf(
          added,
          asks,
          storedKeys,
          found.rows,
          speakerOfRow,
          await bySpeaker,
          new Set(goneIds),
        );
        t = phase('candidates', t);
      }

      // The writes: the page and its speakers (small, their ids are needed), then the statements,
      // classified while IndexedDB writes them, then the relations found.
      let page: PageRow;
      if (existing) {
        // A reading from another origin never rewrites the row (its URL, title, site, canonical).
        page = own
          ? {
              ...existing,
              url: meta.url,
              title: meta.title || existing.title,
              lastReadAt: now,
              ...(existing.origin === undefined && options.origin !== undefined
                ? { origin: options.origin }
                : {}),
            }
          : { ...existing, lastReadAt: now };
      } else {
        const fields = {
          key,
          url: meta.url,
          canonicalUrl: meta.canonicalUrl,
          title: meta.title,
          site: meta.site,
          publishedAt: meta.publishedAt,
          firstReadAt: now,
          lastReadAt: now,
          ...(options.origin !== undefined ? { origin: options.origin } : {}),
        };
        page = { ...fields, id: 0 };
      }
      const [lastPage, lastSpeaker] = await lastIds;
      if (!existing) page.id = (lastPage ?? 0) + 1;
      // The page, its speakers and its statements all in flight at once.
      const pageAndSpeakers = Promise.all([
        existing ? db.pages.put(page) : db.pages.add(page),
        writeSpeakers(db, speakers, lastSpeaker ?? 0),
      ]);
      for (const [i, row] of rows.entries()) {
        if (!row) continue;
        row.pageId = page.id;
        row.speakerId = speakerOf[i]?.id ?? null;
      }
      const adding = db.statements.bulkAdd(
        added.map(({ id: _, ...row }) => row),
        { allKeys: true },
      );
      // What the page no longer has, with its relations (the key filter keeps its keys: it may
      // over-report, never under-report).
      const removing =
        goneIds.length === 0
          ? Promise.resolve()
          : Promise.all([
              db.statements.bulkDelete(goneIds),
              db.relations.where('a').anyOf(goneIds).delete(),
              db.relations.where('b').anyOf(goneIds).delete(),
            ]);
      // Classification is pure computation: it runs while the bulk write above is in flight.
      const found: Array<{ row: StatementRow; other: StatementRow; relations: Relation[] }> = [];
      const matchStart = performance.now();
      if (added.length > 0) {
        matcher.know(page, speakerOf);
        const freshRows = new Set(added);
        for (const row of added) {
          for (const other of candidates.get(row) ?? []) {
            // A pair of two statements new on this page is classified once, from the later one.
            if (freshRows.has(other) && other.id > row.id) continue;
            if (sameUtterance(row, other)) continue;
            const relations = matcher.classify(row, other);
            if (relations.length > 0) found.push({ row, other, relations });
          }
        }
      }
      phase('match', matchStart);
      const newIds = await adding;
      await Promise.all([pageAndSpeakers, removing]);
      t = phase('write', t);
      const real = new Map(added.map((row, j) => [row.id, newIds[j]!]));
      for (const row of kept) {
        row.id = real.get(row.id) ?? row.id;
        if (row.continuesId !== null) row.continuesId = real.get(row.continuesId) ?? row.continuesId;
        if (row.utteranceId !== null) row.utteranceId = real.get(row.utteranceId) ?? row.utteranceId;
      }
      const links = rows.filter(
        (r, i): r is StatementRow =>
          r !== null && (plan.prior[i] !== undefined || r.continuesId !== null || r.utteranceId !== null),
      );
      const relations = found.flatMap(({ row, other, relations }) =>
        relations.map((relation) => ({ a: row.id, b: other.id, ...relation, createdAt: now })),
      );
      await Promise.all([
        links.length > 0 ? db.statements.bulkPut(links) : null,
        relations.length > 0 ? db.relations.bulkAdd(relations) : null,
        added.length > 0 ? db.budgets.put(charge(site, await spent, now, added.length)) : null,
      ]);
      // The keys written join the filter; it covers them once this transaction has committed.
      work.add(kept.flatMap((r) => r.keys.map(plainKey)));
      for (const [i, row] of rows.entries()) {
        if (row && plan.prior[i] === undefined) work.concepts.addStatement(keysOf[i]!.concepts);
      }
      writtenUpTo = Math.max(0, ...kept.map((r) => r.id));
      grew = added.length - goneIds.length;
      t = phase('classify', t);

      const ids = kept.map((r) => r.id);
      // A page all new: its statements' relations are the ones just found, none saved. Otherwise
      // the store says (statements read before have relations and saves of their own).
      const summaries =
        added.length === kept.length
          ? await freshSummaries(db, ids, relations, found, page)
          : await statementSummaries(db, ids);
      phase('summaries', t);
      let next = 0;
      return withBudget(
        {
          pageId: page.id,
          statements: message.statements.map((_, i) => (rows[i] ? summaries[next++]! : unstored())),
        },
        budget,
      );
    }),
  );
  const value = await result;
  if (filter) keyFilterCommitted(db, filter, writtenUpTo);
  storeGrew(db, grew);
  // After the answer is ready, in its own turn: a failed eviction is tried again after the next page.
  if (options.storeLimit !== undefined) void evictOverLimit(db, options.storeLimit).catch(() => undefined);
  return value;
}

/** The summaries of a page's new statements, from the relations found for them. */
async function freshSummaries(
  db: SaywhoDb,
  ids: number[],
  relations: ReadonlyArray<Pick<RelationRow, 'a' | 'b' | 'type' | 'score' | 'reason'>>,
  found: ReadonlyArray<{ row: StatementRow; other: StatementRow }>,
  page: PageRow,
): Promise<StatementSummary[]> {
  const others = new Map<number, StatementRow>();
  for (const { row, other } of found) {
    others.set(row.id, row);
    others.set(other.id, other);
  }
  const pages = new Map([[page.id, page]]);
  const pageIds = [...new Set([...others.values()].map((r) => r.pageId))].filter((id) => id !== page.id);
  if (pageIds.length > 0) for (const p of await db.pages.bulkGet(pageIds)) if (p) pages.set(p.id, p);
  return summariesOf(ids, relations, new Set(), others, pages);
}

function unstored(): StatementSummary {
  return { statementId: 0, ...UNSTORED };
}

function withBudget(result: IngestResult, budget: IngestResult['budget']): IngestResult {
  return budget ? { ...result, budget } : result;
}

function speakersOf(statements: readonly StatementPayload[]): Array<{ name: string; mention: string }> {
  return statements.flatMap((s) => (s.speaker ? [s.speaker] : []));
}

/**
 * Whether a reading may rewrite the stored page row and replace its statements: it comes from the
 * origin that created the row, or the row has none yet (stored before rows had one), or the caller
 * gave no origin (a local caller).
 */
function ownReading(existing: PageRow | undefined, origin: string | undefined): boolean {
  return !existing || origin === undefined || existing.origin === undefined || existing.origin === origin;
}

/** What becomes of each statement of a reading, and of the page's stored statements. */
interface RowPlan {
  /** The stored statement each one is (same words, same occurrence on the page), if any. */
  prior: Array<StatementRow | undefined>;
  /** Each one is new and stored (within the budgets). */
  fresh: boolean[];
  occurrences: number[];
  /** Stored statements the page no longer has, to delete. */
  gone: StatementRow[];
  /** The budget that kept new statements out, if one did. */
  limitedBy?: 'page' | 'site';
}

/**
 * Matches a reading against the page's stored statements: those read again keep their rows; those
 * the page no longer has go, unless saved in the archive — and only on the row's own origin's
 * reading, and not on a reading that found nothing (a page still loading). New ones are stored in
 * page order while the page and the site have room.
 */
async function planRows(
  db: SaywhoDb,
  statements: readonly StatementPayload[],
  stored: readonly StatementRow[],
  own: boolean,
  siteLeft: number,
): Promise<RowPlan> {
  const storedBy = new Map(stored.map((r) => [`${exactKey(r.text)}#${r.occurrence}`, r]));
  const seen = new Map<string, number>();
  const plan: RowPlan = { prior: [], fresh: [], occurrences: [], gone: [] };
  for (const s of statements) {
    const ek = exactKey(s.text);
    const occurrence = seen.get(ek) ?? 0;
    seen.set(ek, occurrence + 1);
    plan.occurrences.push(occurrence);
    plan.prior.push(storedBy.get(`${ek}#${occurrence}`));
  }
  const matched = new Set(plan.prior.flatMap((p) => (p ? [p.id] : [])));
  const absent = own && statements.length > 0 ? stored.filter((r) => !matched.has(r.id)) : [];
  if (absent.length > 0) {
    const saved = new Set(
      (
        await db.archive
          .where('statementId')
          .anyOf(absent.map((r) => r.id))
          .toArray()
      ).map((e) => e.statementId),
    );
    plan.gone = absent.filter((r) => !saved.has(r.id));
  }
  const pageLeft = PAGE_BUDGET - (stored.length - plan.gone.length);
  const room = Math.min(pageLeft, siteLeft);
  let taken = 0;
  for (const prior of plan.prior) {
    const fresh = prior === undefined && taken < room;
    if (fresh) taken++;
    plan.fresh.push(fresh);
    if (prior === undefined && !fresh) plan.limitedBy = pageLeft <= siteLeft ? 'page' : 'site';
  }
  return plan;
}

/** A page's speaker as it will be stored: found by name (id set) or new (id 0 until written). */
interface SpeakerDraft {
  row: SpeakerRow;
  fresh: boolean;
  dirty: boolean;
}

/**
 * Finds the stored speakers for a page's names, or drafts new ones, in one parallel lookup of
 * every identity key; nothing is written (see `writeSpeakers`). Forms of one name merge across
 * pages and within the page ("Trump" then "Donald Trump"); the fullest form becomes the name, the
 * others aliases.
 */
async function planSpeakers(
  db: SaywhoDb,
  pageKey: string,
  speakers: ReadonlyArray<{ name: string; mention: string }>,
): Promise<Map<string, SpeakerDraft>> {
  const named = new Map<string, { identity: string | null; identityKey: string; type: SpeakerRow['type'] }>();
  for (const { name } of speakers) {
    if (named.has(name)) continue;
    const type = inferSpeakerKind(name);
    const identity = speakerIdentityKey(name, type);
    // Anonymous sources and bare roles are only themselves on the page they were read on.
    named.set(name, { identity, identityKey: identity ?? `page:${pageKey}:${normalizeText(name)}`, type });
  }
  const identityKeys = [...new Set([...named.values()].map((n) => n.identityKey))];
  const index = rawIndex(db.speakers.name, 'identityKey');
  const stored = await answers<SpeakerRow[]>(identityKeys.map((k) => index.getAll(k)));
  const byKey = new Map<string, SpeakerDraft[]>(
    identityKeys.map((k, i) => [k, stored[i]!.map((row) => ({ row, fresh: false, dirty: false }))]),
  );
  const drafts = new Map<string, SpeakerDraft>();
  for (const { name, mention } of speakers) {
    let draft = drafts.get(name);
    if (!draft) {
      const { identity, identityKey, type } = named.get(name)!;
      const me = { name, type, pageKey };
      const list = byKey.get(identityKey)!;
      draft = list.find(
        (c) => identity === null || sameSpeaker(me, { name: c.row.name, type: c.row.type, pageKey }),
      );
      if (!draft) {
        draft = { row: { id: 0, identityKey, name, aliases: [], type }, fresh: true, dirty: true };
        list.push(draft);
      } else if (name.length > draft.row.name.length && identity !== null) {
        // Keep the fullest form as the name: "Trump" becomes "Donald Trump".
        const { row } = draft;
        if (!row.aliases.includes(row.name)) row.aliases = [...row.aliases, row.name];
        row.name = name;
        draft.dirty = true;
      } else if (name !== draft.row.name && !draft.row.aliases.includes(name)) {
        draft.row.aliases = [...draft.row.aliases, name];
        draft.dirty = true;
      }
      drafts.set(name, draft);
    }
    const { row } = draft;
    if (mention && mention !== row.name && !row.aliases.includes(mention)) {
      row.aliases = [...row.aliases, mention];
      draft.dirty = true;
    }
  }
  return drafts;
}

/**
 * Writes new and changed speakers of `planSpeakers`; new rows get the ids after `lastId` (the
 * highest speaker id), set before this returns, so rows referring to them can be written at once.
 */
function writeSpeakers(
  db: SaywhoDb,
  drafts: ReadonlyMap<string, SpeakerDraft>,
  lastId: number,
): Promise<unknown> {
  const all = [...new Set(drafts.values())];
  const fresh = all.filter((d) => d.fresh);
  for (const [i, d] of fresh.entries()) d.row.id = lastId + 1 + i;
  return Promise.all([
    fresh.length > 0 ? db.speakers.bulkAdd(fresh.map((d) => d.row)) : null,
    db.speakers.bulkPut(all.filter((d) => d.dirty && !d.fresh).map((d) => d.row)),
  ]);
}

/** Candidate lookup through indexes, and the pure classifier on each candidate pair. */
class PairMatcher {
  private readonly pages = new Map<number, PageRow>();
  private readonly speakers = new Map<number, SpeakerRow>();
  /** One object per statement, so the classifier's per-statement feature cache is hit. */
  private readonly sides = new Map<StatementRow, MatchStatement>();
  /** Each new statement's candidates that only the page channel brought (provisional ids). */
  private readonly pageOnly = new Map<StatementRow, Set<number>>();
  /** The concepts of the page's new statements (provisional ids), as their keys were computed. */
  readonly conceptsOf = new Map<number, readonly string[]>();

  /**
   * Do two of the page's statements share a content word? No conflict rule fires without two
   * concepts in common; one is asked here, before either statement's claim is read.
   */
  private shareAWord(x: number, y: number): boolean {
    const b = new Set(this.conceptsOf.get(y) ?? []);
    return (this.conceptsOf.get(x) ?? []).some((k) => b.has(k));
  }

  constructor(private readonly db: SaywhoDb) {}

  /**
   * Candidates of each new statement, best first: statements holding keys it asks about (`asks`,
   * key codes: index-keys.ts)
   * that weigh `CANDIDATE_WEIGHT` or more (one band key or topic word alone is weak evidence).
   * `stored` is what the multi-entry index holds under each key asked (see `indexLookups`); only
   * the chosen rows are loaded, with their pages and speakers, in three bulk reads. `rows` are the
   * page's new statements, not written yet (provisional ids); `bySpeaker` the newest stored
   * statements of each of the page's speakers; `gone` statements this page no longer has, being
   * deleted (never candidates).
   */
  async candidatesOf(
    rows: StatementRow[],
    asks: ReadonlyMap<StatementRow, readonly number[]>,
    stored: ReadonlyMap<number, readonly number[]>,
    storedRows: ReadonlyMap<number, StatementRow>,
    speakerOf: ReadonlyMap<StatementRow, SpeakerRow | null>,
    bySpeaker: ReadonlyMap<SpeakerRow, readonly StatementRow[]> = new Map(),
    gone: ReadonlySet<number> = new Set(),
  ): Promise<Map<StatementRow, StatementRow[]>> {
    // Stored statements under each key (asked before this page was written), plus this page's
    // own new statements, which the index does not hold yet.
    const perKey = new Map<number, number[]>();
    for (const [k, ids] of stored) perKey.set(k, [...ids]);
    for (const row of rows) {
      for (const k of new Set(row.keys.map(plainKey))) {
        const list = perKey.get(k);
        if (list) list.push(row.id);
        else perKey.set(k, [row.id]);
      }
    }
    // This page's new statements by speaker, in page order.
    const onPage = new Map<SpeakerRow, number[]>();
    const pagePosition = new Map<StatementRow, number>();
    for (const row of rows) {
      const speaker = speakerOf.get(row);
      if (!speaker) continue;
      const list = onPage.get(speaker) ?? [];
      if (list.length === 0) onPage.set(speaker, list);
      pagePosition.set(row, list.length);
      list.push(row.id);
    }
    const rowPosition = new Map(rows.map((r, i) => [r, i]));
    const chosen = new Map<StatementRow, number[]>();
    const wanted = new Set<number>();
    for (const row of rows) {
      const shared = new Map<number, number>();
      for (const k of new Set(asks.get(row) ?? [])) {
        const weight = codeWeight(k);
        for (const id of perKey.get(k) ?? []) shared.set(id, (shared.get(id) ?? 0) + weight);
      }
      const ids: Array<[number, number]> = [];
      for (const entry of shared) {
        if (entry[1] >= CANDIDATE_WEIGHT && entry[0] !== row.id && !gone.has(entry[0])) ids.push(entry);
      }
      ids.sort((x, y) => y[1] - x[1] || y[0] - x[0]);
      const best = ids.slice(0, MAX_CANDIDATES).map(([id]) => id);
      const speaker = speakerOf.get(row);
      // The same speaker's newest statements, whatever words they share: the classifier decides
      // whether it is one subject.
      for (const other of (speaker && bySpeaker.get(speaker)) ?? []) {
        if (!best.includes(other.id) && !gone.has(other.id)) best.push(other.id);
      }
      // And the same speaker's statements just before it on this page (anonymous sources too:
      // they are themselves on their own page), which the index does not hold yet. Only the
      // nearest few, so a page quoting one person a thousand times stays linear.
      if (speaker) {
        const mine = onPage.get(speaker)!;
        const at = pagePosition.get(row)!;
        for (const id of mine.slice(Math.max(0, at - PAGE_SPEAKER_CANDIDATES), at)) {
          if (!best.includes(id)) best.push(id);
        }
      }
      // And the page's statements just before it, whoever says them: for a conflict only.
      const at = rowPosition.get(row)!;
      const pageOnly = new Set<number>();
      for (const other of rows.slice(Math.max(0, at - PAGE_CANDIDATES), at)) {
        if (best.includes(other.id) || !this.shareAWord(row.id, other.id)) continue;
        best.push(other.id);
        pageOnly.add(other.id);
      }
      this.pageOnly.set(row, pageOnly);
      chosen.set(row, best);
      for (const id of best) wanted.add(id);
    }
    // Rows the lookups or the speaker channel brought are not read again.
    const loaded = new Map<number, StatementRow>(rows.map((r) => [r.id, r]));
    for (const list of bySpeaker.values()) for (const r of list) loaded.set(r.id, r);
    const missing = [...wanted].filter((id) => !loaded.has(id) && !storedRows.has(id));
    const others = (await this.db.statements.bulkGet(missing)).flatMap((r) => (r ? [r] : []));
    for (const r of others) loaded.set(r.id, r);
    for (const id of wanted) {
      const r = storedRows.get(id);
      if (r) loaded.set(id, r);
    }
    const storedCandidates = [...wanted].flatMap((id) => {
      const r = id < PROVISIONAL_ID ? loaded.get(id) : undefined;
      return r ? [r] : [];
    });
    await this.preload(storedCandidates);
    const out = new Map<StatementRow, StatementRow[]>();
    for (const row of rows) {
      out.set(
        row,
        (chosen.get(row) ?? []).flatMap((id) => {
          const other = loaded.get(id);
          return other ? [other] : [];
        }),
      );
    }
    return out;
  }

  /**
   * Speakers of stored statements about to be classified, and the pages of those stored before
   * statements carried their site, in two bulk reads.
   */
  private async preload(rows: StatementRow[]): Promise<void> {
    const pageIds = [...new Set(rows.flatMap((r) => (r.site === undefined ? [r.pageId] : [])))].filter(
      (id) => !this.pages.has(id),
    );
    const speakerIds = [...new Set(rows.flatMap((r) => (r.speakerId === null ? [] : [r.speakerId])))].filter(
      (id) => !this.speakers.has(id),
    );
    const [pages, speakers] = await Promise.all([
      this.db.pages.bulkGet(pageIds),
      this.db.speakers.bulkGet(speakerIds),
    ]);
    for (const p of pages) if (p) this.pages.set(p.id, p);
    for (const sp of speakers) if (sp) this.speakers.set(sp.id, sp);
  }

  /** The page being read and its speakers, as just written (new names and aliases included). */
  know(page: PageRow, speakers: ReadonlyArray<SpeakerRow | null>): void {
    this.pages.set(page.id, page);
    for (const sp of speakers) if (sp) this.speakers.set(sp.id, sp);
  }

  classify(a: StatementRow, b: StatementRow) {
    const conflictOnly = this.pageOnly.get(a)?.has(b.id) === true;
    return classifyPair(this.side(a), this.side(b), { conflictOnly });
  }

  private side(row: StatementRow): MatchStatement {
    const known = this.sides.get(row);
    if (known) return known;
    const page = row.site === undefined ? this.pages.get(row.pageId) : undefined;
    const speaker = row.speakerId === null ? undefined : this.speakers.get(row.speakerId);
    const side: MatchStatement = {
      text: row.text,
      kind: row.kind,
      speakerName: speaker?.name ?? row.speakerName,
      speakerType: speaker?.type ?? null,
      // The page's id stands for the page: only equality matters.
      pageKey: String(row.pageId),
      site: row.site ?? page?.site ?? '',
      utterance: `${row.pageId}:${row.utteranceId ?? row.id}`,
      speakerAliases: speaker?.aliases ?? [],
      context: `${row.prefix} ${row.suffix}`,
    };
    this.sides.set(row, side);
    return side;
  }
}

function sameUtterance(a: StatementRow, b: StatementRow): boolean {
  return a.pageId === b.pageId && (a.utteranceId ?? a.id) === (b.utteranceId ?? b.id);
}

/**
 * An index of the current Dexie transaction's own IndexedDB transaction: a page asks about tens of
 * speakers, and Dexie's per-query promise and collection machinery costs more than IndexedDB's
 * answer (see `indexLookups`).
 */
function rawIndex(table: string, index: string): IDBIndex {
  const tx = Dexie.currentTransaction as (Transaction & { idbtrans?: IDBTransaction }) | null;
  if (!tx?.idbtrans) throw new Error('raw index reads run inside a Dexie transaction');
  return tx.idbtrans.objectStore(table).index(index);
}

/** The results of requests all in flight at once, in order. */
function answers<T>(requests: readonly IDBRequest[]): Promise<T[]> {
  return new Promise((resolve, reject) => {
    const out: T[] = new Array(requests.length);
    let pending = requests.length;
    if (pending === 0) resolve(out);
    requests.forEach((request, i) => {
      request.onsuccess = () => {
        out[i] = request.result as T;
        if (--pending === 0) resolve(out);
      };
      request.onerror = () => reject(request.error);
    });
  });
}

/** `IDBIndex.getAllRecords` (IndexedDB 3.0: Chromium 141 and later), where the browser has it. */
type RecordsIndex = IDBIndex & {
  getAllRecords?(options: {
    query: IDBKeyRange;
    count: number;
    direction: IDBCursorDirection;
  }): IDBRequest<Array<{ value: unknown }>>;
};

/**
 * The last `n` values under each key of an index (highest primary keys first), all requests in
 * flight at once: one `getAllRecords` read each where the browser has it, else a cursor walked
 * backwards (a round trip per value).
 */
function newestPerKey<T>(index: IDBIndex, keys: readonly IDBValidKey[], n: number): Promise<T[][]> {
  const records = index as RecordsIndex;
  if (typeof records.getAllRecords === 'function') {
    return answers<Array<{ value: T }>>(
      keys.map((key) =>
        records.getAllRecords!({ query: IDBKeyRange.only(key), count: n, direction: 'prev' }),
      ),
    ).then((lists) => lists.map((list) => list.map((r) => r.value)));
  }
  return new Promise((resolve, reject) => {
    const out: T[][] = keys.map(() => []);
    let pending = keys.length;
    if (pending === 0) resolve(out);
    keys.forEach((key, i) => {
      const cursor = index.openCursor(IDBKeyRange.only(key), 'prev');
      cursor.onsuccess = () => {
        const c = cursor.result;
        const found = out[i]!;
        if (c) found.push(c.value as T);
        if (c && found.length < n) c.continue();
        else if (--pending === 0) resolve(out);
      };
      cursor.onerror = () => reject(cursor.error);
    });
  });
}

/**
 * The newest `cap` statements under each match key of the `keys` index, all requests in flight
 * at once on the current transaction's own IndexedDB index: one bounded range read per key
 * (index-keys.ts orders each key's entries newest first). A key that alone makes a candidate (a
 * topic pair) is read with its rows, so its statements need no second read; other keys (LSH
 * bands, which need a second shared key) only with their ids. The same queries as Dexie's
 * `where(index).between(…).limit(cap)`, without its per-query promise and collection machinery,
 * which costs more than IndexedDB itself when a page asks about a thousand keys.
 */
function indexLookups(
  db: SaywhoDb,
  keys: readonly number[],
  cap: number,
): Promise<{ ids: number[][]; rows: Map<number, StatementRow> }> {
  const tx = Dexie.currentTransaction as (Transaction & { idbtrans?: IDBTransaction }) | null;
  if (!tx?.idbtrans) throw new Error('indexLookups runs inside a Dexie transaction');
  const index = tx.idbtrans.objectStore(db.statements.name).index('keys');
  return new Promise((resolve, reject) => {
    const ids: number[][] = new Array(keys.length);
    const rows = new Map<number, StatementRow>();
    let pending = keys.length;
    if (pending === 0) resolve({ ids, rows });
    keys.forEach((k, i) => {
      const withRows = codeWeight(k) >= CANDIDATE_WEIGHT;
      const request = withRows ? index.getAll(keyRange(k), cap) : index.getAllKeys(keyRange(k), cap);
      request.onsuccess = () => {
        if (withRows) {
          const found = request.result as StatementRow[];
          ids[i] = found.map((r) => r.id);
          for (const r of found) rows.set(r.id, r);
        } else {
          ids[i] = request.result as number[];
        }
        if (--pending === 0) resolve({ ids, rows });
      };
      request.onerror = () => reject(request.error);
    });
  });
}
