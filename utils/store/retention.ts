/**
 * How the store stays within its size: eviction of the oldest unsaved statements once it passes the
 * reader's limit, and "forget pages read before …". Saved quotes are never deleted here: their
 * statements and pages stay, so the archive, the popup and the speaker view keep finding them.
 *
 * The limit is a number of statements: IndexedDB's size on disk is only known roughly
 * (`navigator.storage.estimate()`), and it shrinks only when the browser compacts its files, so a
 * loop "delete until the estimate drops" would delete far too much. A statement costs about
 * `BYTES_PER_STATEMENT` on disk, all tables and indexes (measured by `npm run bench`).
 */
import type { SaywhoDb, StatementRow } from './db';
import { inTurn } from './turns';

/** Bytes on disk per statement, rounded up from `npm run bench` (all tables and indexes). */
export const BYTES_PER_STATEMENT = 1_000;
/** The store size limit the reader starts with, in MB. */
export const DEFAULT_STORE_LIMIT_MB = 200;
/** The smallest and largest limits the options page accepts, in MB. */
export const MIN_STORE_LIMIT_MB = 10;
export const MAX_STORE_LIMIT_MB = 10_000;
/**
 * Eviction brings the store down to this share of its limit, so that it runs once in a while
 * rather than after every page.
 */
export const EVICT_TO = 0.9;
/** Pages forgotten per transaction: short transactions, so ingests wait little. */
const PAGES_PER_STEP = 100;

/** The statements a store of `mb` megabytes holds. */
export function statementLimit(mb: number): number {
  return Math.floor((mb * 1_000_000) / BYTES_PER_STATEMENT);
}

export interface Removal {
  pages: number;
  statements: number;
  /** Saved statements kept (their pages too). */
  keptSaved: number;
}

const NOTHING: Removal = { pages: 0, statements: 0, keptSaved: 0 };

function plus(a: Removal, b: Removal): Removal {
  return {
    pages: a.pages + b.pages,
    statements: a.statements + b.statements,
    keptSaved: a.keptSaved + b.keptSaved,
  };
}

function tables(db: SaywhoDb) {
  return [db.pages, db.speakers, db.statements, db.relations, db.archive];
}

/**
 * Inside a transaction: deletes the statements of `pageIds` that no archive entry holds, with their
 * relations; the pages left with no statement; and the speakers left with none (a name read only
 * on forgotten pages is forgotten too).
 */
async function forgetPages(db: SaywhoDb, pageIds: readonly number[]): Promise<Removal> {
  if (pageIds.length === 0) return NOTHING;
  const rows = await db.statements.where('pageId').anyOf(pageIds).toArray();
  const saved = new Set(
    (
      await db.archive
        .where('statementId')
        .anyOf(rows.map((r) => r.id))
        .toArray()
    ).map((e) => e.statementId),
  );
  const doomed = rows.filter((r) => !saved.has(r.id));
  const ids = doomed.map((r) => r.id);
  const keptPages = new Set(rows.filter((r) => saved.has(r.id)).map((r) => r.pageId));
  const pagesGone = pageIds.filter((id) => !keptPages.has(id));
  await Promise.all([
    db.relations.where('a').anyOf(ids).delete(),
    db.relations.where('b').anyOf(ids).delete(),
    db.statements.bulkDelete(ids),
    db.pages.bulkDelete(pagesGone),
  ]);
  await forgetLonelySpeakers(db, doomed);
  return { pages: pagesGone.length, statements: ids.length, keptSaved: rows.length - ids.length };
}

async function forgetLonelySpeakers(db: SaywhoDb, deleted: readonly StatementRow[]): Promise<void> {
  const speakerIds = [...new Set(deleted.flatMap((r) => (r.speakerId === null ? [] : [r.speakerId])))];
  const left = await Promise.all(
    speakerIds.map((id) => db.statements.where('speakerId').equals(id).primaryKeys()),
  );
  await db.speakers.bulkDelete(speakerIds.filter((_, i) => left[i]!.length === 0));
}

/**
 * Forgets the pages last read before `before` (epoch ms) with their statements and relations,
 * never archive entries (a saved quote keeps its statement and page). Also drops the budget
 * windows that began before it. Runs in steps of a few pages, each its own transaction.
 */
export async function forgetPagesReadBefore(db: SaywhoDb, before: number): Promise<Removal> {
  let total = NOTHING;
  let skip = 0;
  for (;;) {
    const step = await inTurn(db, () =>
      db.transaction('rw', tables(db), async () => {
        const ids = await db.pages
          .where('lastReadAt')
          .below(before)
          .offset(skip)
          .limit(PAGES_PER_STEP)
          .primaryKeys();
        return { ids, removal: await forgetPages(db, ids) };
      }),
    );
    total = plus(total, step.removal);
    // Pages kept for their saved quotes stay in the range: step over them next time.
    skip += step.ids.length - step.removal.pages;
    if (step.ids.length < PAGES_PER_STEP) break;
  }
  await inTurn(db, () => db.budgets.filter((b) => b.since < before).delete());
  return total;
}

/** Pages last read before `before` and their statements (saved ones included), for a confirmation. */
export async function readBefore(
  db: SaywhoDb,
  before: number,
): Promise<{ pages: number; statements: number }> {
  const ids = await db.pages.where('lastReadAt').below(before).primaryKeys();
  const statements = ids.length === 0 ? 0 : await db.statements.where('pageId').anyOf(ids).count();
  return { pages: ids.length, statements };
}

/** What the store holds, for the options page. */
export interface StoreSize {
  pages: number;
  statements: number;
  saved: number;
  /** Oldest and newest page reading (epoch ms), null when no page is stored. */
  oldestRead: number | null;
  newestRead: number | null;
}

export async function storeSize(db: SaywhoDb): Promise<StoreSize> {
  const [pages, statements, saved, oldest, newest] = await Promise.all([
    db.pages.count(),
    db.statements.count(),
    db.archive.count(),
    db.pages.orderBy('lastReadAt').first(),
    db.pages.orderBy('lastReadAt').last(),
  ]);
  return {
    pages,
    statements,
    saved,
    oldestRead: oldest?.lastReadAt ?? null,
    newestRead: newest?.lastReadAt ?? null,
  };
}

/**
 * Statements in each store, as this context last counted them plus what its ingests added since
 * (`storeGrew`). Other contexts only delete, so it may run high, never low: a count above the
 * limit is checked against the store before anything is evicted.
 */
const counted = new WeakMap<SaywhoDb, number>();

/** Told by ingest how many statements it added (negative: removed). */
export function storeGrew(db: SaywhoDb, by: number): void {
  const known = counted.get(db);
  if (known !== undefined) counted.set(db, known + by);
}

/** Waits for an eviction in flight (tests, and the options page's figures). */
export async function evictionSettled(db: SaywhoDb): Promise<void> {
  await evicting.get(db);
}

/** Evictions queued or running, per store: one at a time. */
const evicting = new WeakMap<SaywhoDb, Promise<Removal>>();

/**
 * After an ingest: when the store holds more than `limit` statements, deletes the unsaved
 * statements of the pages read longest ago (with their relations, the pages left empty and the
 * speakers left with no statement) until it holds `EVICT_TO` of the limit. Each step is its own
 * transaction, run in turn with ingests (`inTurn`), never inside one: the page that was just read
 * has its answer already. Saved quotes are never evicted.
 */
export function evictOverLimit(db: SaywhoDb, limit: number): Promise<Removal> {
  const running = evicting.get(db);
  if (running) return running;
  const known = counted.get(db);
  if (known !== undefined && known <= limit) return Promise.resolve(NOTHING);
  const run = evict(db, limit).finally(() => evicting.delete(db));
  evicting.set(db, run);
  return run;
}

async function evict(db: SaywhoDb, limit: number): Promise<Removal> {
  // Counted in turn too: nothing of this runs beside an ingest's transaction (see `inTurn`).
  let count = await inTurn(db, () => db.statements.count());
  counted.set(db, count);
  if (count <= limit) return NOTHING;
  const target = Math.floor(limit * EVICT_TO);
  let total = NOTHING;
  let skip = 0;
  while (count > target) {
    const excess = count - target;
    const step = await inTurn(db, () =>
      db.transaction('rw', tables(db), async () => {
        const oldest = await db.pages.orderBy('lastReadAt').offset(skip).limit(PAGES_PER_STEP).toArray();
        // The oldest pages whose statements cover the excess, whole pages at a time.
        const perPage = await Promise.all(
          oldest.map((p) => db.statements.where('pageId').equals(p.id).count()),
        );
        const ids: number[] = [];
        let covered = 0;
        for (const [i, page] of oldest.entries()) {
          if (covered >= excess) break;
          ids.push(page.id);
          covered += perPage[i]!;
        }
        return { ids, seen: oldest.length, removal: await forgetPages(db, ids) };
      }),
    );
    total = plus(total, step.removal);
    count -= step.removal.statements;
    counted.set(db, count);
    skip += step.ids.length - step.removal.pages;
    // Nothing more to take: every page left holds only saved quotes.
    if (step.seen === 0) break;
  }
  return total;
}
