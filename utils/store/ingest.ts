/**
 * Ingest: one page's statements into the store, in one transaction, and what they relate to.
 * Reading a page again adds nothing new and removes what the page no longer has (saved quotes
 * stay); the same page in two tabs is stored once. A page and its site add statements only within
 * their budgets (budget.ts).
 *
 * Candidates come from an index, never from a scan: the multi-entry `keys` index (MinHash bands
 * and topic words). The pure classifier decides what each pair is.
 *
 * This module runs the transaction's steps in order: the reads (key filter, page, speakers:
 * ingest-speakers.ts, and the plan of its rows: ingest-rows.ts), the rows the reading becomes
 * (ingest-rows.ts), their candidates (ingest-candidates.ts), the writes (ingest-writes.ts) with the
 * classification running meanwhile (ingest-classify.ts), and the answer (ingest-summaries.ts).
 */

import type { PageReading, StatementPayload, StatementSummary } from '../domain';
import { type BudgetRow, budgetSite, charge, PAGE_BUDGET, siteRoom } from './budget';
import type { PageRow, SaywhoDb, StatementRow } from './db';
import { plainKey } from './index-keys';
import {
  asksOf,
  candidatesOf,
  indexLookups,
  MAX_IDS_PER_KEY,
  type StatementKeys,
  speakerChannel,
  statementKeys,
} from './ingest-candidates';
import { classifyNew, PairMatcher, relationRows } from './ingest-classify';
import {
  ownReading,
  type PageRows,
  PROVISIONAL_ID,
  pageRowOf,
  planRows,
  type RowPlan,
  statementRows,
} from './ingest-rows';
import { planSpeakers, type SpeakerDraft, speakersOf } from './ingest-speakers';
import { freshSummaries } from './ingest-summaries';
import { linkedRows, realIds, startWrites } from './ingest-writes';
import { type KeyFilter, keyFilterCommitted, keyFilterFor } from './key-filter';
import { pageKeyOf } from './page-key';
import { statementSummaries } from './queries';
import { evictOverLimit, storeGrew } from './retention';
import { inTurn } from './turns';

export {
  MAX_IDS_PER_KEY,
  PAGE_CANDIDATES,
  PAGE_SPEAKER_CANDIDATES,
  SPEAKER_CANDIDATES,
} from './ingest-candidates';
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

/** One ingest: the reading, the page's key and budget site, and when. */
interface Ingest {
  db: SaywhoDb;
  message: PageReading;
  /** The statements the page may hold: its budget's first. */
  statements: StatementPayload[];
  key: string;
  site: string;
  now: number;
  origin: string | undefined;
}

/** What the transaction leaves to do once it has committed. */
interface Committed {
  filter: KeyFilter | null;
  writtenUpTo: number;
  /** Statements added less statements removed. */
  grew: number;
}

export async function ingestPage(
  db: SaywhoDb,
  message: PageReading,
  now: number = Date.now(),
  options: IngestOptions = {},
): Promise<IngestResult> {
  const { page: meta } = message;
  // A page holds at most its budget's first statements: nothing beyond is keyed or looked up.
  const statements = message.statements.slice(0, PAGE_BUDGET);
  const run: Ingest = {
    db,
    message,
    statements,
    key: pageKeyOf(meta),
    site: budgetSite(options.origin, meta.url),
    now,
    origin: options.origin,
  };
  const committed: Committed = { filter: null, writtenUpTo: 0, grew: 0 };
  const tables = [db.pages, db.speakers, db.statements, db.relations, db.archive, db.keyFilter, db.budgets];
  const result = inTurn(db, () => db.transaction('rw', tables, transaction(run, committed)));
  const value = await result;
  if (committed.filter) keyFilterCommitted(db, committed.filter, committed.writtenUpTo);
  storeGrew(db, committed.grew);
  // After the answer is ready, in its own turn: a failed eviction is tried again after the next page.
  if (options.storeLimit !== undefined) void evictOverLimit(db, options.storeLimit).catch(() => undefined);
  return value;
}

/**
 * The transaction's body, the async function Dexie is given: Dexie follows a transaction through
 * its native awaits by a zone, so every await here is a Dexie request's, or a step's that awaits
 * only Dexie requests. The reads, the rows and their candidates; then, called last, the writes and
 * the answer (`writeAndAnswer`).
 */
function transaction(run: Ingest, committed: Committed): () => Promise<IngestResult> {
  const { db, message, statements, key, now } = run;
  return async () => {
    // Everything is read before anything is written: in Chromium a read after a write in the
    // same transaction goes through the uncommitted-write overlay and costs more. Keys the
    // store's key filter proves absent are not asked at all.
    let t = performance.now();
    const start = t;
    const work = await keyFilterFor(db);
    phase('filter', start);
    committed.filter = work;
    // A new page and new speakers get the ids after the highest ones, so that the statements'
    // write need not wait for theirs (ids of rows deleted since may be given again: nothing
    // refers to a page or a speaker once it is deleted).
    const lastIds = Promise.all([
      db.pages.orderBy(':id').lastKey() as Promise<number | undefined>,
      db.speakers.orderBy(':id').lastKey() as Promise<number | undefined>,
    ]);
    // Keys from the concepts rarest in the store (its concept counts come with the key filter).
    const keysOf = statementKeys(statements, work.concepts);
    const lookupKeys = [...new Set(keysOf.flatMap((k) => k.lookup))].filter((k) => work.mayHave(k));
    phase('keys', start);
    const lookups = indexLookups(db, lookupKeys, MAX_IDS_PER_KEY).then((lists) => {
      phase('lookups', start);
      return lists;
    });
    // After the lookups: IndexedDB answers a transaction's requests in order, and the lookups
    // are the longest wait (asked first, they were measured faster than behind these reads).
    const existingPage = db.pages.where('key').equals(key).first();
    const spent = db.budgets.get(run.site);
    let speakers = await planSpeakers(db, key, speakersOf(statements));
    const existing = await existingPage;
    const own = ownReading(existing, run.origin);
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
    const bySpeaker = speakerChannel(db, speakers);
    // A page read from another origin keeps its row's label; its statements are filed under it.
    const pageOf = { id: existing?.id ?? PROVISIONAL_ID, site: existing?.site ?? message.page.site };
    const rows = statementRows(statements, plan, keep, speakers, pageOf, keysOf, now);
    t = phase('prepare', t);

    // Only statements new to the store are matched, so a second reading adds nothing. Their
    // candidates are chosen and loaded now, before the writes.
    const matcher = new PairMatcher(db);
    let candidates = new Map<StatementRow, StatementRow[]>();
    if (rows.added.length > 0) {
      const found = await lookups;
      const storedKeys = new Map(lookupKeys.map((k, i) => [k, found.ids[i]!]));
      const asks = asksOf(rows, keysOf, matcher);
      candidates = await candidatesOf(
        db,
        matcher,
        rows.added,
        asks.keys,
        storedKeys,
        found.rows,
        asks.speakerOf,
        await bySpeaker,
        new Set(rows.goneIds),
      );
      t = phase('candidates', t);
    }
    const read = { work, lastIds, keysOf, spent, existing, own, plan, budget };
    return writeAndAnswer(run, committed, read, { speakers, rows, matcher, candidates }, t);
  };
}

/** What the transaction read before writing, and the plan it made. */
interface Reading {
  /** The store's key filter, with its concept counts. */
  work: KeyFilter;
  /** The highest page and speaker ids. */
  lastIds: Promise<[number | undefined, number | undefined]>;
  /** The keys of each statement sent. */
  keysOf: StatementKeys[];
  /** What the page's site has added in its budget window. */
  spent: Promise<BudgetRow | undefined>;
  /** The page's stored row, if it was read before, and whether this reading may rewrite it. */
  existing: PageRow | undefined;
  own: boolean;
  plan: RowPlan;
  budget: IngestResult['budget'];
}

/** The rows a reading becomes, before they are written, and their candidates. */
interface Prepared {
  /** The speakers of the statements stored. */
  speakers: ReadonlyMap<string, SpeakerDraft>;
  rows: PageRows;
  matcher: PairMatcher;
  candidates: ReadonlyMap<StatementRow, readonly StatementRow[]>;
}

/**
 * The writes: the page and its speakers (small, their ids are needed), then the statements,
 * classified while IndexedDB writes them, then the relations found; then the answer. The rest of
 * the transaction's body (`transaction`), called last, so its awaits follow the body's own.
 */
async function writeAndAnswer(
  run: Ingest,
  committed: Committed,
  read: Reading,
  { speakers, rows, matcher, candidates }: Prepared,
  since: number,
): Promise<IngestResult> {
  const { db, now } = run;
  const { existing, plan, work } = read;
  const page = pageRowOf(run.message.page, run.key, existing, read.own, now, run.origin);
  const [lastPage, lastSpeaker] = await read.lastIds;
  if (!existing) page.id = (lastPage ?? 0) + 1;
  const writing = startWrites(db, page, existing !== undefined, speakers, lastSpeaker ?? 0, rows);
  // Classification is pure computation: it runs while the bulk write above is in flight.
  const matchStart = performance.now();
  const found =
    rows.added.length > 0 ? classifyNew(matcher, page, rows.speakerOf, rows.added, candidates) : [];
  phase('match', matchStart);
  const newIds = await writing.adding;
  await Promise.all([writing.pageAndSpeakers, writing.removing]);
  let t = phase('write', since);
  realIds(rows, newIds);
  const links = linkedRows(rows, plan);
  const relations = relationRows(found, now);
  await Promise.all([
    links.length > 0 ? db.statements.bulkPut(links) : null,
    relations.length > 0 ? db.relations.bulkAdd(relations) : null,
    rows.added.length > 0 ? db.budgets.put(charge(run.site, await read.spent, now, rows.added.length)) : null,
  ]);
  // The keys written join the filter; it covers them once this transaction has committed.
  work.add(rows.kept.flatMap((r) => r.keys.map(plainKey)));
  for (const [i, row] of rows.rows.entries()) {
    if (row && plan.prior[i] === undefined) work.concepts.addStatement(read.keysOf[i]!.concepts);
  }
  committed.writtenUpTo = Math.max(0, ...rows.kept.map((r) => r.id));
  committed.grew = rows.added.length - rows.goneIds.length;
  t = phase('classify', t);

  const ids = rows.kept.map((r) => r.id);
  // A page all new: its statements' relations are the ones just found, none saved. Otherwise
  // the store says (statements read before have relations and saves of their own).
  const summaries =
    rows.added.length === rows.kept.length
      ? await freshSummaries(db, ids, relations, found, page)
      : await statementSummaries(db, ids);
  phase('summaries', t);
  let next = 0;
  return withBudget(
    {
      pageId: page.id,
      statements: run.message.statements.map((_, i) => (rows.rows[i] ? summaries[next++]! : unstored())),
    },
    read.budget,
  );
}

function unstored(): StatementSummary {
  return { statementId: 0, ...UNSTORED };
}

function withBudget(result: IngestResult, budget: IngestResult['budget']): IngestResult {
  return budget ? { ...result, budget } : result;
}
