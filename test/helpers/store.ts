/**
 * A fresh, empty store for each test: the setup most store, component and background tests share.
 */
import { afterEach, beforeEach } from 'vitest';
import { openDb, type SaywhoDb } from '../../utils/store/db';

/** Numbers the databases of a test file, so no two tests ever share one. */
let n = 0;

/**
 * Opens a store of its own before each test in the calling scope (a file, or a `describe`) and
 * deletes it after the test: the database is named `test-<name>-<n>`. Returns the current test's
 * store.
 *
 * Call it before the scope's own `beforeEach`/`afterEach`: those then run after the store is open
 * and before it is deleted (Vitest runs after-hooks in reverse order), so they may use it.
 *
 * ```ts
 * const db = useTestStore('queries');
 * it('…', async () => {
 *   await ingestPage(db(), …);
 * });
 * ```
 */
export function useTestStore(name: string): () => SaywhoDb {
  let db: SaywhoDb | null = null;
  beforeEach(async () => {
    db = openDb(`test-${name}-${n++}`);
    await db.open();
  });
  afterEach(async () => {
    await db?.delete();
    db = null;
  });
  return () => {
    if (!db) throw new Error('useTestStore: the store exists only while a test runs');
    return db;
  };
}
