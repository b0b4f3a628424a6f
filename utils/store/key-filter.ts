/**
 * Which match keys the store may hold: a Bloom filter over the plain keys of every stored
 * statement, so ingest never asks the index about a key no statement has (most LSH band keys of a
 * new quote). A Bloom filter never says "absent" for a key that was added; it says "maybe" for a
 * few it never saw (one in a few thousand here), which only costs a lookup.
 *
 * Kept in segments of fixed capacity (a new one starts when the last is full), persisted in the
 * `keyFilter` table inside the same transaction as the statements it covers, and held in memory
 * per database while the background worker lives. `upTo` is the highest statement id whose keys
 * are in: statements above it (written before the filter existed, or by any other path) are read
 * and added before the filter is used, so the filter can lag but never miss.
 */

/** Keys per segment before the next one starts. */
export const SEGMENT_KEYS = 1 << 16;
/** Bits per segment: 16 bits per key. */
const SEGMENT_BITS = SEGMENT_KEYS * 16;
/** Probes per key: ln 2 × bits per key ≈ 11, for a false-positive rate near 0.05 % per full segment. */
const PROBES = 11;

export interface KeyFilterRow {
  /** Segment number, from 0. */
  id: number;
  bits: Uint32Array;
  /** Keys added to this segment. */
  count: number;
  /** Highest statement id whose keys are in the filter, as of writing this segment. */
  upTo: number;
}

/** Two independent 32-bit hashes of a key (FNV-1a and a Murmur-style mix); probes are h1 + i·h2. */
function hashes(key: string): [number, number] {
  let h1 = 0x811c9dc5;
  let h2 = 0x9747b28c;
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995);
    h2 ^= h2 >>> 15;
  }
  h2 = Math.imul(h2 ^ (h2 >>> 13), 0xc2b2ae35);
  return [h1 >>> 0, (h2 ^ (h2 >>> 16)) | 1];
}

export class KeyFilter {
  private constructor(
    private readonly segments: KeyFilterRow[],
    public upTo: number,
  ) {}

  static empty(): KeyFilter {
    return new KeyFilter([], 0);
  }

  /** The filter as persisted (rows in any order). */
  static fromRows(rows: readonly KeyFilterRow[]): KeyFilter {
    const segments = [...rows].sort((a, b) => a.id - b.id);
    segments.forEach((s, i) => {
      if (s.id !== i || s.bits.length !== SEGMENT_BITS / 32)
        throw new Error('key filter rows are not contiguous');
    });
    return new KeyFilter(segments, Math.max(0, ...segments.map((s) => s.upTo)));
  }

  /** False only when no key added so far is `key`. */
  mayHave(key: string): boolean {
    if (this.segments.length === 0) return false;
    const [h1, h2] = hashes(key);
    for (const { bits } of this.segments) {
      let all = true;
      for (let i = 0; i < PROBES; i++) {
        const bit = (h1 + Math.imul(i, h2)) >>> 0;
        const at = bit % SEGMENT_BITS;
        if (((bits[at >>> 5] ?? 0) & (1 << (at & 31))) === 0) {
          all = false;
          break;
        }
      }
      if (all) return true;
    }
    return false;
  }

  /**
   * A copy to add to, sharing the full segments: the copy is installed only once the transaction
   * that persisted it has committed, so a failed ingest leaves the filter in memory as it was.
   */
  fork(): KeyFilter {
    const last = this.segments.at(-1);
    const segments = this.segments.slice(0, -1);
    if (last) segments.push({ ...last, bits: last.bits.slice() });
    return new KeyFilter(segments, this.upTo);
  }

  /** Adds keys; returns the segments changed (to persist). Use on a fork. */
  add(keys: Iterable<string>, upTo: number): KeyFilterRow[] {
    const changed = new Set<KeyFilterRow>();
    for (const key of keys) {
      let last = this.segments.at(-1);
      if (!last || last.count >= SEGMENT_KEYS) {
        last = {
          id: this.segments.length,
          bits: new Uint32Array(SEGMENT_BITS / 32),
          count: 0,
          upTo: this.upTo,
        };
        this.segments.push(last);
      }
      const [h1, h2] = hashes(key);
      for (let i = 0; i < PROBES; i++) {
        const at = ((h1 + Math.imul(i, h2)) >>> 0) % SEGMENT_BITS;
        last.bits[at >>> 5] = (last.bits[at >>> 5] ?? 0) | (1 << (at & 31));
      }
      last.count++;
      changed.add(last);
    }
    this.upTo = Math.max(this.upTo, upTo);
    const last = this.segments.at(-1);
    if (last) {
      last.upTo = this.upTo;
      changed.add(last);
    }
    return [...changed];
  }

  get keyCount(): number {
    return this.segments.reduce((n, s) => n + s.count, 0);
  }
}
