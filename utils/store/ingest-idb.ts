/**
 * Ingest's raw IndexedDB reads: requests put straight on the current Dexie transaction's own
 * IndexedDB transaction, all in flight at once. A page asks about tens of speakers and hundreds of
 * keys, and Dexie's per-query promise and collection machinery costs more than IndexedDB's answer.
 */
import Dexie, { type Transaction } from 'dexie';

/**
 * An index of the current Dexie transaction's own IndexedDB transaction: a page asks about tens of
 * speakers, and Dexie's per-query promise and collection machinery costs more than IndexedDB's
 * answer (see `indexLookups`, ingest-candidates.ts).
 */
export function rawIndex(table: string, index: string): IDBIndex {
  const tx = Dexie.currentTransaction as (Transaction & { idbtrans?: IDBTransaction }) | null;
  if (!tx?.idbtrans) throw new Error('raw index reads run inside a Dexie transaction');
  return tx.idbtrans.objectStore(table).index(index);
}

/** The results of requests all in flight at once, in order. */
export function answers<T>(requests: readonly IDBRequest[]): Promise<T[]> {
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
export function newestPerKey<T>(index: IDBIndex, keys: readonly IDBValidKey[], n: number): Promise<T[][]> {
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
