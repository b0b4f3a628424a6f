/**
 * How match keys are written into the statements' multi-entry `keys` index, and read back.
 *
 * Each key is tagged with when its statement was read, counted down, so that in index order a
 * key's newest statements come first. A lookup then reads one key range with a count — the newest
 * `cap` entries — and never a whole posting list, however common the key has become. (A plain
 * `getAllKeys(key)` reads every statement ever stored under the key: its cost grows with the
 * store. Measured in Chromium at 100,000 statements: 500 common keys read whole take 1.1 s, read
 * capped at 32 as ranges 0.2 s.) Standard IndexedDB 2.0, so Chromium, Firefox and fake-indexeddb
 * behave alike.
 *
 * An entry is one number: a 32-bit code of the match key times 2²¹, plus the time tag (10-minute
 * steps since 2020, counted down from 2²¹ − 1, until November 2059; later readings share the last
 * tag). Every index entry holds its key twice (in the index and in the row), and IndexedDB writes
 * a string key as UTF-16 with its length but a number in 8 bytes: with the 19-character strings of
 * schema 4 ("p:3k9x0a1bz~f8a1c2d") a statement of 23 keys took 1.53 kB in Chromium (all tables and
 * indexes, measured by a throwaway variant of the store benchmark), with numbers 1.16 kB.
 * Collisions between codes only add candidates, which the classifier checks.
 */
import { CANDIDATE_WEIGHT, keyWeight } from '../match/fingerprint';

const TAG_BITS = 21;
const TAG_SPAN = 2 ** TAG_BITS;
const LAST_TAG = TAG_SPAN - 1;
/** 2020-01-01T00:00Z: tags count from here. */
const EPOCH = Date.UTC(2020, 0, 1);
const STEP = 10 * 60_000;
/** Codes of keys that make a candidate alone (topic pairs) are in the upper half. */
const STRONG = 2 ** 31;

/** FNV-1a then MurmurHash3's finaliser: a well-mixed 32-bit hash of a string. */
function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The code of a match key (fingerprint.ts): 31 bits of its hash, in the upper half when the key
 * alone makes a candidate (`keyWeight`), so `codeWeight` needs no lookup.
 */
export function keyCode(key: string): number {
  const low = hash32(key) >>> 1;
  return keyWeight(key) >= CANDIDATE_WEIGHT ? STRONG + low : low;
}

/** The codes of match keys, in order. */
export function keyCodes(keys: readonly string[]): number[] {
  return keys.map(keyCode);
}

/** What sharing a key of this code says of two statements: its key's `keyWeight`. */
export function codeWeight(code: number): number {
  return code >= STRONG ? CANDIDATE_WEIGHT : 1;
}

/** The time tag of a reading at `readAt` (epoch ms): newer readings get smaller tags. */
function tagOf(readAt: number): number {
  const step = Math.floor((readAt - EPOCH) / STEP);
  return LAST_TAG - Math.min(LAST_TAG, Math.max(0, step));
}

/** The index entries of a statement's key codes, read at `readAt` (epoch ms). */
export function indexedKeys(codes: readonly number[], readAt: number): number[] {
  return taggedKeys(codes, tagOf(readAt));
}

/** The index entries of key codes with the time tag `tag` (`entryTag` of an entry of theirs). */
export function taggedKeys(codes: readonly number[], tag: number): number[] {
  return codes.map((c) => c * TAG_SPAN + tag);
}

/** The key code of an index entry (the entry without its time tag). */
export function plainKey(entry: number): number {
  return Math.floor(entry / TAG_SPAN);
}

/** The time tag of an index entry: when its statement was read, as `indexedKeys` wrote it. */
export function entryTag(entry: number): number {
  return entry % TAG_SPAN;
}

/** Every index entry of one key code, newest first in index order. */
export function keyRange(code: number): IDBKeyRange {
  return IDBKeyRange.bound(code * TAG_SPAN, code * TAG_SPAN + LAST_TAG);
}

/**
 * Schema 3 and 4's entries, strings: "<key>~<minute read>", the minute counted down from 0xfffffff
 * in 7 hex digits. Frozen: the upgrades to versions 3 and 4 write them, the upgrade to version 5
 * reads them (db.ts).
 */
const V4_LAST_MINUTE = 0xfffffff;

export function v4IndexedKeys(keys: readonly string[], readAt: number): string[] {
  const minute = Math.min(V4_LAST_MINUTE, Math.max(0, Math.floor(readAt / 60_000)));
  const tag = (V4_LAST_MINUTE - minute).toString(16).padStart(7, '0');
  return keys.map((k) => `${k}~${tag}`);
}

export function v4PlainKey(entry: string): string {
  const at = entry.lastIndexOf('~');
  return at === -1 ? entry : entry.slice(0, at);
}

/** A schema-4 entry as this schema's, keeping when its statement was read; null if it has no tag. */
export function fromV4Entry(entry: string): number | null {
  const at = entry.lastIndexOf('~');
  if (at === -1) return null;
  const minute = V4_LAST_MINUTE - Number.parseInt(entry.slice(at + 1), 16);
  if (!Number.isFinite(minute)) return null;
  return indexedKeys([keyCode(entry.slice(0, at))], minute * 60_000)[0]!;
}
