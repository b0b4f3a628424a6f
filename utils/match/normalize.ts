/**
 * Text keys for matching statements across pages.
 *
 * The exact key is what large quote corpora use: lower case, punctuation removed, whitespace
 * collapsed. Two printings that differ only in case, quote style, commas or dashes get one key.
 */

/**
 * Lower case, letters and digits only, words separated by one space. Each pattern is a single
 * character class (linear, no backtracking). Combining accents (split off by NFKD), soft hyphens
 * and apostrophes vanish without a gap: "didn’t" → "didnt", "Netan\u00adyahu" → "netanyahu".
 */
export function normalizeText(text: string): string {
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[\p{M}\u00ad'’ʼ]/gu, '')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Words of the normalised text. */
export function words(text: string): string[] {
  const normal = normalizeText(text);
  return normal.length === 0 ? [] : normal.split(' ');
}

/**
 * cyrb53: a fast 53-bit string hash, returned as a fixed-width base-36 string so it indexes well.
 * Collisions are harmless here: candidates are always re-checked on their full normalised text.
 */
export function hashKey(text: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return base36(4294967296 * (2097151 & h2) + (h1 >>> 0));
}

const DIGITS = '0123456789abcdefghijklmnopqrstuvwxyz';

/**
 * An integer below 2⁵³ in base 36, zero-padded to 11 digits: what `value.toString(36).padStart(11,
 * '0')` gives, without the engine's general radix conversion (made for fractions too), which was
 * most of the time a statement's match keys took.
 */
function base36(value: number): string {
  let out = '';
  let v = value;
  for (let i = 0; i < 11; i++) {
    const q = Math.floor(v / 36);
    out = DIGITS[v - q * 36]! + out;
    v = q;
  }
  return out;
}

/**
 * Two independent 32-bit hashes of a key (FNV-1a and a Murmur-style mix), the second odd: the
 * probes of the store's Bloom filter (h1 + i·h2) and the cells of its concept counts. Never
 * change it: persisted snapshots depend on it.
 */
export function twoHashes(key: string): [number, number] {
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

/** The exact-match key of a statement's text. */
export function exactKey(text: string): string {
  return hashKey(normalizeText(text));
}
