/**
 * The background's store transactions, one at a time. Dexie follows a transaction through native
 * `await`s by a global zone, and two transactions' async functions interleaving in one context can
 * lose a transaction's zone: its requests go elsewhere and it commits early (seen end to end with
 * an ingest beside a key filter being loaded). So the background runs its writes (ingests, saves,
 * eviction) in turn (`inTurn`), and a read ahead (the key filter loaded while a page is still being
 * read, key-filter.ts) runs only when no write is running, and the next write waits for it.
 */
import type { SaywhoDb } from './db';

/** A read ahead in flight, the writes queued or running, and the last write queued, per store. */
const readingAhead = new WeakMap<SaywhoDb, Promise<void>>();
const writes = new WeakMap<SaywhoDb, number>();
const lastWrite = new WeakMap<SaywhoDb, Promise<unknown>>();

/**
 * Runs `load` unless a read ahead is in flight (its promise is returned) or a write is queued (it
 * does nothing: the write reads what it needs itself). Its failure is nobody's: it resolves.
 */
export function readAhead(db: SaywhoDb, load: () => Promise<unknown>): Promise<void> {
  const inFlight = readingAhead.get(db);
  if (inFlight) return inFlight;
  if ((writes.get(db) ?? 0) > 0) return Promise.resolve();
  const loading = load()
    .then(
      () => undefined,
      () => undefined,
    )
    .finally(() => readingAhead.delete(db));
  readingAhead.set(db, loading);
  return loading;
}

/** The read ahead in flight, if any, else a resolved promise. */
export function preparedAhead(db: SaywhoDb): Promise<void> {
  return readingAhead.get(db) ?? Promise.resolve();
}

/**
 * Runs one of the background's store transactions (an ingest, a save, an eviction step) once no
 * read ahead is in flight and the writes queued before it have ended; keeps reads ahead from
 * starting meanwhile.
 */
export function inTurn<T>(db: SaywhoDb, run: () => Promise<T>): Promise<T> {
  writes.set(db, (writes.get(db) ?? 0) + 1);
  const before = lastWrite.get(db) ?? Promise.resolve();
  const mine = before
    .then(() => readingAhead.get(db))
    .then(run)
    .finally(() => writes.set(db, (writes.get(db) ?? 1) - 1));
  lastWrite.set(
    db,
    mine.catch(() => undefined),
  );
  return mine;
}
