/**
 * Which match keys the store may hold: a Bloom filter over the plain keys of every stored
 * statement, so ingest never asks the index about a key no statement has (most LSH band keys and
 * topic pair keys of a new quote). A Bloom filter never says "absent" for a key that was added; it
 * says "maybe" for a few it never saw, which only costs one index lookup.
 *
 * A scalable Bloom filter: segments of doubling capacity, each sized for about 0.12 % false
 * positives when full, so the whole stays near 1 % however large the store grows (7 segments at
 * 100,000 statements), with 14 bits per distinct key. A key already reported present is not added again, so
 * repeated keys (a quote reprinted, two common topic words together) cost no capacity.
 *
 * Coverage is `upTo`: the highest statement id whose keys are all in. Statements above it (written
 * since the last snapshot, by another context, or before the filter existed) are read and added
 * before the filter is used, so the filter can lag but never miss. The background worker keeps it
 * in memory while it lives and writes a snapshot (the `keyFilter` table) once it has grown by
 * `SNAPSHOT_LAG` statements, outside the ingest transaction: a snapshot is only a cache.
 *
 * Along with the keys it counts the statements' topic concepts (`ConceptCounts`, rarity.ts), the
 * statistics that rank a new statement's concepts by how rare they are in the store; they are
 * caught up, snapshotted and reset with the keys.
 *
 * Deleted statements (a page read again, eviction, "forget pages") stay in both: a Bloom filter
 * cannot remove a key, so it may answer "maybe" for keys no statement holds any longer (an index
 * lookup that finds nothing), and the concept counts still count them (a concept looks a little
 * commoner than it is). Neither ever hides a stored statement. The keys are 32-bit key codes
 * (index-keys.ts).
 */

import { ConceptCounts } from '../match/rarity';
import { concepts } from '../match/topic';
import type { KeyFilterRow, SaywhoDb } from './db';
import { plainKey } from './index-keys';
import { preparedAhead, readAhead } from './turns';

/** MurmurHash3's finaliser: mixes a 32-bit value. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The two probe hashes of a key code (a 32-bit hash already, index-keys.ts), for double hashing. */
function hashes(code: number): [number, number] {
  return [fmix32(code), fmix32(code ^ 0x5bd1e995) | 1];
}

/** Keys the first segment holds; each next segment holds twice as many. */
const BASE_CAPACITY = 1 << 14;
/**
 * Bits per key: with 10 probes, about 0.12 % false positives in a full segment. (10 bits and 7
 * probes, 0.8 % a segment, let about 6 % of a new page's absent keys through at 100,000
 * statements: most of its index lookups were for keys no statement had.)
 */
const BITS_PER_KEY = 14;
const PROBES = 10;

interface Segment {
  bits: Uint32Array;
  /** Number of bits (bits.length × 32). */
  size: number;
  capacity: number;
  count: number;
}

function newSegment(index: number): Segment {
  const capacity = BASE_CAPACITY * 2 ** index;
  const words = Math.ceil((capacity * BITS_PER_KEY) / 32);
  return { bits: new Uint32Array(words), size: words * 32, capacity, count: 0 };
}

function segmentHas(s: Segment, h1: number, h2: number): boolean {
  for (let i = 0; i < PROBES; i++) {
    const at = ((h1 + Math.imul(i, h2)) >>> 0) % s.size;
    if (((s.bits[at >>> 5] ?? 0) & (1 << (at & 31))) === 0) return false;
  }
  return true;
}

export class KeyFilter {
  private constructor(
    private readonly segments: Segment[],
    /** Highest statement id whose keys are all in. */
    public upTo: number,
    /** How common each topic concept is among the same statements. */
    readonly concepts: ConceptCounts = new ConceptCounts(),
  ) {}

  static empty(): KeyFilter {
    return new KeyFilter([], 0);
  }

  /** The filter as persisted (rows in any order); throws on rows that do not fit together. */
  static fromRows(rows: readonly KeyFilterRow[]): KeyFilter {
    const sorted = [...rows].sort((a, b) => a.id - b.id);
    const segments = sorted.map((row, i) => {
      const expected = newSegment(i);
      if (
        row.id !== i ||
        !(row.bits instanceof Uint32Array) ||
        row.bits.length !== expected.bits.length ||
        row.capacity !== expected.capacity ||
        row.upTo !== sorted[0]!.upTo
      ) {
        throw new Error('key filter rows do not form one snapshot');
      }
      return { ...expected, bits: row.bits, count: row.count };
    });
    const first = sorted[0];
    let counts: ConceptCounts | undefined;
    try {
      counts = first?.concepts ? new ConceptCounts(first.concepts, first.conceptTotal ?? 0) : undefined;
    } catch {
      counts = undefined;
    }
    if (first && !counts) {
      // Keys without their concept counts: the counts must be rebuilt with the keys.
      throw new Error('key filter rows do not form one snapshot');
    }
    return new KeyFilter(segments, first?.upTo ?? 0, counts);
  }

  /** The rows of a snapshot of this filter. */
  toRows(): KeyFilterRow[] {
    return this.segments.map((s, id) => ({
      id,
      bits: s.bits.slice(),
      capacity: s.capacity,
      count: s.count,
      upTo: this.upTo,
      ...(id === 0 ? { concepts: this.concepts.counts.slice(), conceptTotal: this.concepts.total } : {}),
    }));
  }

  /** False only when no key added so far is `key` (a key code, index-keys.ts). */
  mayHave(key: number): boolean {
    const [h1, h2] = hashes(key);
    for (const s of this.segments) if (segmentHas(s, h1, h2)) return true;
    return false;
  }

  /**
   * Adds keys (coverage, `upTo`, is the caller's to raise once the statements they came from are
   * committed). Returns how many were new to the filter.
   */
  add(keys: Iterable<number>): number {
    let added = 0;
    for (const key of keys) {
      const [h1, h2] = hashes(key);
      // Present, or a false positive that stays one forever (bits are never cleared): either way
      // the filter already answers "maybe" for this key.
      if (this.segments.some((s) => segmentHas(s, h1, h2))) continue;
      let last = this.segments.at(-1);
      if (!last || last.count >= last.capacity) {
        last = newSegment(this.segments.length);
        this.segments.push(last);
      }
      for (let i = 0; i < PROBES; i++) {
        const at = ((h1 + Math.imul(i, h2)) >>> 0) % last.size;
        last.bits[at >>> 5] = (last.bits[at >>> 5] ?? 0) | (1 << (at & 31));
      }
      last.count++;
      added++;
    }
    return added;
  }

  /** Distinct keys added (false positives at adding time not counted). */
  get keyCount(): number {
    return this.segments.reduce((n, s) => n + s.count, 0);
  }

  /** Bytes of filter bits, what a snapshot costs on disk and the worker in memory. */
  get bytes(): number {
    return this.segments.reduce((n, s) => n + s.bits.byteLength, 0);
  }
}

/** Statements added since the last snapshot before a new one is written. */
export const SNAPSHOT_LAG = 1_000;

interface Held {
  filter: KeyFilter;
  /** `upTo` of the snapshot in the store. */
  persistedUpTo: number;
  persisting: Promise<void> | null;
}

/** The filter of each open database, while this context (the background worker) lives. */
const held = new WeakMap<SaywhoDb, Held>();

/**
 * Inside an ingest transaction: the store's key filter, loaded from its snapshot when this context
 * has none, and caught up with every statement above its coverage — so it answers for every
 * statement committed before this transaction.
 */
export async function keyFilterFor(db: SaywhoDb): Promise<KeyFilter> {
  let h = held.get(db);
  const lastId = ((await db.statements.orderBy(':id').lastKey()) as number | undefined) ?? 0;
  if (!h) {
    let filter: KeyFilter;
    try {
      filter = KeyFilter.fromRows(await db.keyFilter.toArray());
    } catch {
      // No snapshot that fits together: start from nothing; the catch-up below refills it.
      filter = KeyFilter.empty();
    }
    // Ids never go back in a store (IndexedDB key generators do not reuse them, also after
    // deletes and clear()), so statements above the snapshot's `upTo` are all it lacks, even when
    // the newest statements were deleted since. The snapshot lives in the store itself: a store
    // deleted and made again has none. What this context holds is dropped when the connection
    // closes (`forgetOnClose`), as it does when the store is deleted.
    h = { filter, persistedUpTo: filter.upTo, persisting: null };
    held.set(db, h);
    forgetOnClose(db);
  }
  const { filter } = h;
  if (lastId > filter.upTo) {
    const keys: number[] = [];
    await db.statements
      .where(':id')
      .above(filter.upTo)
      .each((row) => {
        for (const k of row.keys) keys.push(plainKey(k));
        filter.concepts.addStatement(concepts(row.text).map((c) => c.key));
      });
    filter.add(keys);
    filter.upTo = Math.max(filter.upTo, lastId);
  }
  return filter;
}

const watched = new WeakSet<SaywhoDb>();

/** Drops the held filter when the connection closes: a store reopened may be another one. */
function forgetOnClose(db: SaywhoDb): void {
  if (watched.has(db)) return;
  watched.add(db);
  db.on('close', () => held.delete(db));
}

/**
 * Loads the store's key filter ahead of an ingest, in a read-only transaction of its own: a worker
 * just woken reads the snapshot while the content script is still reading the page. Does nothing
 * when the filter is held or a write is running (an ingest loads the filter itself); never runs
 * beside a write (turns.ts says why).
 */
export function prepareKeyFilter(db: SaywhoDb): Promise<void> {
  if (held.has(db)) return preparedAhead(db);
  return readAhead(db, () => db.transaction('r', [db.statements, db.keyFilter], () => keyFilterFor(db)));
}

/** Whether this context holds the key filter of `db` (tests). */
export function holdsKeyFilter(db: SaywhoDb): boolean {
  return held.has(db);
}

/**
 * After an ingest transaction committed: the filter covers every statement up to `upTo`, the
 * highest id it wrote (its keys were added during the transaction). Writes a snapshot, in its own
 * transaction, once the filter has grown by `SNAPSHOT_LAG` statements since the last one; a
 * failed snapshot only means a longer catch-up next time.
 */
export function keyFilterCommitted(db: SaywhoDb, filter: KeyFilter, upTo: number): void {
  const h = held.get(db);
  if (!h || h.filter !== filter) return;
  filter.upTo = Math.max(filter.upTo, upTo);
  if (h.persisting || filter.upTo - h.persistedUpTo < SNAPSHOT_LAG) return;
  const rows = filter.toRows();
  h.persisting = db
    .transaction('rw', db.keyFilter, async () => {
      await db.keyFilter.clear();
      await db.keyFilter.bulkPut(rows);
    })
    .then(
      () => {
        h.persistedUpTo = rows[0]?.upTo ?? 0;
      },
      () => {},
    )
    .finally(() => {
      h.persisting = null;
    });
}

/** Waits for a snapshot being written (tests, and before closing a store). */
export async function keyFilterSettled(db: SaywhoDb): Promise<void> {
  await held.get(db)?.persisting;
}

/** Drops this context's filter of `db`, as a worker restart would (tests, the benchmark, clear-all). */
export function forgetKeyFilter(db: SaywhoDb): void {
  held.delete(db);
}
