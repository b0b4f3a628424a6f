/**
 * The tagger's weights in the form they ship: a binary blob (base64 in a module) plus two text
 * fields. Written by scripts/train-tagger.ts, read by utils/nlp/tagger.ts.
 *
 * Binary layout (little-endian), each section a stream of its own so that gzip finds its patterns:
 *   u32 magic "SWT1" · u8 hash bits B · u8 0 · u16 0 · u32 features · u32 entries · f32 step ·
 *   keys: the features' B-bit buckets (key >>> (32 − B)), ascending, as varint deltas ·
 *   counts: entries per feature, one byte each ·
 *   tags: per entry its tag index ·
 *   weights: per entry a signed byte q (never 0) on a logarithmic scale:
 *   weight = sign(q) · exp((|q| − 1) · step) in units of the smallest weight kept (the pruning
 *   threshold; a common factor does not change which tag scores highest).
 * Text fields: `tags`, the tag set in index order separated by spaces; `dict`, the frequent words
 * whose tag is certain, one line per tag: `tagIndex\tword word…`; `lexicon` (base64), the words
 * with their ambiguity class (the set of tags a word had in training): u32 count, the words' hashes
 * `fnv(lower case)` ascending as varint deltas, then each one's class id as a varint.
 */

export interface ShippedModel {
  tags: string;
  dict: string;
  lexicon: string;
  weights: string;
}

export const MAGIC = 0x31545753; // "SWT1"

export interface DecodedModel {
  tags: string[];
  dict: Map<string, number>;
  lexicon: Lexicon;
  hashBits: number;
  /** Open-addressing table: bucket + 1 per slot (0 = empty), and the feature index in that slot. */
  slotKey: Int32Array;
  slotFeature: Int32Array;
  mask: number;
  /** Entries of feature f are [offsets[f], offsets[f + 1]). */
  offsets: Uint32Array;
  entryTag: Uint8Array;
  /** Weight codes; `weightOf[code]` is the weight as an integer (1/64 of the pruning threshold). */
  entryCode: Uint8Array;
  weightOf: Int32Array;
}

/** Word hash → ambiguity class, by binary search over the sorted hashes (nothing to build on load). */
export class Lexicon {
  constructor(
    private readonly hashes: Uint32Array,
    private readonly classes: Uint16Array,
  ) {}

  get(hash: number): number | undefined {
    const h = hash >>> 0;
    let lo = 0;
    let hi = this.hashes.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      const v = this.hashes[mid]!;
      if (v === h) return this.classes[mid];
      if (v < h) lo = mid + 1;
      else hi = mid - 1;
    }
    return undefined;
  }
}

export interface EncodeInput {
  hashBits: number;
  /** Log step of the weight codes. */
  step: number;
  /** Buckets ascending; per feature its (tag, code) entries with tags ascending, codes ±1…127. */
  features: Array<{ bucket: number; tags: number[]; codes: number[] }>;
}

/** The integer weight of a code (see the layout above). */
export function codeValue(q: number, step: number): number {
  const v = Math.round(64 * Math.exp((Math.abs(q) - 1) * step));
  return q < 0 ? -v : v;
}

const HEADER = 20;

/** The lexicon section: word hashes ascending with their class ids. */
export function encodeLexicon(lexicon: ReadonlyMap<number, number>): Uint8Array {
  const hashes = [...lexicon.keys()].sort((a, b) => a - b);
  const out: number[] = [];
  pushVarint(out, hashes.length);
  let prev = 0;
  for (const h of hashes) {
    pushVarint(out, h - prev);
    prev = h;
  }
  for (const h of hashes) pushVarint(out, lexicon.get(h)!);
  return Uint8Array.from(out);
}

function decodeLexicon(bytes: Uint8Array): Lexicon {
  let at = 0;
  const next = (): number => {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[at++]!;
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    return v;
  };
  const n = next();
  const hashes = new Uint32Array(n);
  let prev = 0;
  for (let i = 0; i < n; i++) {
    prev += next();
    hashes[i] = prev;
  }
  const classes = new Uint16Array(n);
  for (let i = 0; i < n; i++) classes[i] = next();
  return new Lexicon(hashes, classes);
}

function pushVarint(out: number[], v: number): void {
  let x = v >>> 0;
  while (x >= 0x80) {
    out.push((x & 0x7f) | 0x80);
    x >>>= 7;
  }
  out.push(x);
}

export function encodeWeights(input: EncodeInput): Uint8Array {
  const keys: number[] = [];
  const counts: number[] = [];
  const tags: number[] = [];
  const weights: number[] = [];
  let prev = 0;
  let entries = 0;
  for (const f of input.features) {
    pushVarint(keys, f.bucket - prev);
    prev = f.bucket;
    counts.push(f.tags.length);
    for (let i = 0; i < f.tags.length; i++) {
      tags.push(f.tags[i]!);
      weights.push(f.codes[i]! & 0xff);
      entries++;
    }
  }
  const header = new Uint8Array(HEADER);
  const view = new DataView(header.buffer);
  view.setUint32(0, MAGIC, true);
  view.setUint8(4, input.hashBits);
  view.setUint32(8, input.features.length, true);
  view.setUint32(12, entries, true);
  view.setFloat32(16, input.step, true);
  const out = new Uint8Array(HEADER + keys.length + counts.length + tags.length + weights.length);
  out.set(header, 0);
  let at = HEADER;
  for (const part of [keys, counts, tags, weights]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Uint8Array(128);
for (let i = 0; i < 64; i++) BASE64_VALUE[BASE64.charCodeAt(i)] = i;

export function decodeBase64(s: string): Uint8Array {
  // Native where the platform has it (recent browsers), else by hand.
  const native = (Uint8Array as unknown as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
  if (native) return native(s);
  let len = s.length;
  while (len > 0 && s.charCodeAt(len - 1) === 61) len--; // '=' padding
  const out = new Uint8Array((len * 3) >> 2);
  let o = 0;
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const v =
      (BASE64_VALUE[s.charCodeAt(i)]! << 18) |
      (BASE64_VALUE[s.charCodeAt(i + 1)]! << 12) |
      (BASE64_VALUE[s.charCodeAt(i + 2)]! << 6) |
      BASE64_VALUE[s.charCodeAt(i + 3)]!;
    out[o++] = v >> 16;
    out[o++] = (v >> 8) & 0xff;
    out[o++] = v & 0xff;
  }
  if (len - i >= 2) {
    const v = (BASE64_VALUE[s.charCodeAt(i)]! << 18) | (BASE64_VALUE[s.charCodeAt(i + 1)]! << 12);
    out[o++] = v >> 16;
    if (len - i === 3) out[o++] = ((v | (BASE64_VALUE[s.charCodeAt(i + 2)]! << 6)) >> 8) & 0xff;
  }
  return out;
}

export function encodeBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(s);
}

function parseWordLines(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const line of text.split('\n')) {
    const tab = line.indexOf('\t');
    if (tab < 0) continue;
    const value = Number(line.slice(0, tab));
    for (const word of line.slice(tab + 1).split(' ')) if (word) map.set(word, value);
  }
  return map;
}

export function decodeModel(
  model: ShippedModel | { tags: string; dict: string; lexicon: Uint8Array; bytes: Uint8Array },
): DecodedModel {
  const bytes = 'bytes' in model ? model.bytes : decodeBase64(model.weights);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (view.getUint32(0, true) !== MAGIC) throw new Error('tagger model: bad magic');
  const hashBits = view.getUint8(4);
  const nFeatures = view.getUint32(8, true);
  const nEntries = view.getUint32(12, true);
  const step = view.getFloat32(16, true);
  let at = HEADER;
  let size = 1;
  while (size < nFeatures * 2) size <<= 1;
  const slotKey = new Int32Array(size);
  const slotFeature = new Int32Array(size);
  const mask = size - 1;
  const buckets = new Uint32Array(nFeatures);
  let prev = 0;
  for (let f = 0; f < nFeatures; f++) {
    let v = 0;
    let shift = 0;
    let b: number;
    do {
      b = bytes[at++]!;
      v += (b & 0x7f) * 2 ** shift;
      shift += 7;
    } while (b & 0x80);
    prev += v;
    buckets[f] = prev;
  }
  const offsets = new Uint32Array(nFeatures + 1);
  for (let f = 0; f < nFeatures; f++) offsets[f + 1] = offsets[f]! + bytes[at++]!;
  const entryTag = bytes.subarray(at, at + nEntries);
  at += nEntries;
  const entryCode = bytes.subarray(at, at + nEntries);
  const weightOf = new Int32Array(256);
  for (let q = 1; q < 128; q++) {
    weightOf[q] = codeValue(q, step);
    weightOf[256 - q] = -weightOf[q]!;
  }
  for (let f = 0; f < nFeatures; f++) {
    const bucket = buckets[f]!;
    let slot = hashSlot(bucket) & mask;
    while (slotKey[slot] !== 0) slot = (slot + 1) & mask;
    slotKey[slot] = bucket + 1;
    slotFeature[slot] = f;
  }
  const tags = model.tags.split(' ');
  const dict = parseWordLines(model.dict);
  const lexicon = decodeLexicon(
    typeof model.lexicon === 'string' ? decodeBase64(model.lexicon) : model.lexicon,
  );
  return {
    tags,
    dict,
    lexicon,
    hashBits,
    slotKey,
    slotFeature,
    mask,
    offsets,
    entryTag,
    entryCode,
    weightOf,
  };
}

/** Slot of a bucket in the open-addressing table (buckets are hashes already; mix the low bits). */
export function hashSlot(bucket: number): number {
  return Math.imul(bucket, 0x9e3779b1) >>> 7;
}
