/**
 * The tagger's weights in the form they ship: a binary blob (base64 in a module) plus two text
 * fields. Written by scripts/train-tagger.ts, read by utils/nlp/tagger.ts.
 *
 * Binary layout (little-endian), each section a stream of its own so that gzip finds its patterns:
 *   u32 magic "SWT1" · u8 hash bits B · u8 0 · u16 0 · u32 features · u32 entries · f32 step ·
 *   keys: the features' B-bit buckets (key >>> (32 − B)), ascending, as varint deltas ·
 *   counts: entries per feature, one byte each ·
 *   tags: per entry its tag index, as a delta from the previous entry's of the same feature ·
 *   weights: per entry a signed byte q (never 0) on a logarithmic scale:
 *   weight = sign(q) · exp((|q| − 1) · step) in units of the smallest weight kept (the pruning
 *   threshold; a common factor does not change which tag scores highest).
 * Text fields: `tags`, the tag set in index order separated by spaces; `dict`, the frequent words
 * whose tag is certain, one line per tag: `tagIndex\tword word…`; `lexicon`, lower-case words by
 * ambiguity class (the set of tags a word had in training), one line per class: `classId\tword…`.
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
  lexicon: Map<string, number>;
  hashBits: number;
  /** Open-addressing table: bucket + 1 per slot (0 = empty), and the feature index in that slot. */
  slotKey: Int32Array;
  slotFeature: Int32Array;
  mask: number;
  /** Entries of feature f are [offsets[f], offsets[f + 1]). */
  offsets: Uint32Array;
  entryTag: Uint8Array;
  /** Weights as integers (units of 1/64 of the pruning threshold). */
  entryWeight: Int32Array;
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
    let prevTag = 0;
    for (let i = 0; i < f.tags.length; i++) {
      tags.push(f.tags[i]! - prevTag);
      prevTag = f.tags[i]!;
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

export function decodeBase64(s: string): Uint8Array {
  const bin = atob(s);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
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
  model: ShippedModel | { tags: string; dict: string; lexicon: string; bytes: Uint8Array },
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
  const entryTag = new Uint8Array(nEntries);
  for (let f = 0; f < nFeatures; f++) {
    let t = 0;
    for (let e = offsets[f]!; e < offsets[f + 1]!; e++) {
      t += bytes[at++]!;
      entryTag[e] = t;
    }
  }
  const table = new Int32Array(256);
  for (let q = 1; q < 128; q++) {
    table[q] = codeValue(q, step);
    table[256 - q] = -table[q]!;
  }
  const entryWeight = new Int32Array(nEntries);
  for (let e = 0; e < nEntries; e++) entryWeight[e] = table[bytes[at++]!]!;
  for (let f = 0; f < nFeatures; f++) {
    const bucket = buckets[f]!;
    let slot = hashSlot(bucket) & mask;
    while (slotKey[slot] !== 0) slot = (slot + 1) & mask;
    slotKey[slot] = bucket + 1;
    slotFeature[slot] = f;
  }
  const tags = model.tags.split(' ');
  const dict = parseWordLines(model.dict);
  const lexicon = parseWordLines(model.lexicon);
  return { tags, dict, lexicon, hashBits, slotKey, slotFeature, mask, offsets, entryTag, entryWeight };
}

/** Slot of a bucket in the open-addressing table (buckets are hashes already; mix the low bits). */
export function hashSlot(bucket: number): number {
  return Math.imul(bucket, 0x9e3779b1) >>> 7;
}
