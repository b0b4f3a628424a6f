/**
 * Feature extraction shared by the tagger (utils/nlp/tagger.ts) and its training script
 * (scripts/train-tagger.ts): both must compute exactly the same feature keys, so this file is the
 * only place that defines them. A feature is a 32-bit hash of (template, value); nothing here
 * builds strings per feature, and every function is linear in the length of the words it reads.
 */

/** Templates. Changing, adding or removing one changes the keys: retrain after any edit here. */
const T = {
  Bias: 1,
  Word: 2,
  Suffix1: 3,
  Suffix2: 4,
  Suffix3: 5,
  Suffix4: 6,
  Prefix1: 7,
  Prefix2: 8,
  Shape: 9,
  Flags: 10,
  Tag1: 11,
  Tag2: 12,
  Tag12: 13,
  Tag1Word: 14,
  PrevWord: 15,
  PrevSuffix3: 16,
  Prev2Word: 17,
  NextWord: 18,
  NextSuffix3: 19,
  Next2Word: 20,
  WordNextWord: 21,
  PrevWordWord: 22,
  Tag1Suffix3: 23,
  NextShape: 24,
  PrevShape: 25,
  Tag1NextWord: 26,
  CaseWord: 27,
  Amb: 28,
  NextAmb: 29,
  Next2Amb: 30,
  AmbNextAmb: 31,
  Tag1Amb: 32,
  PrevAmb: 33,
  Tag1NextAmb: 34,
} as const;

/** Padding values for positions before the sentence and after it. */
const START = 0x5354_4152; // "STAR"
const END = 0x454e_4421; // "END!"
/** Tag index used for "no previous tag" (before the sentence). Real tags are 0..n-1. */
export const NO_TAG = 255;

/** FNV-1a over UTF-16 code units of s[from, to). */
export function fnv(s: string, from = 0, to = s.length): number {
  let h = 0x811c9dc5;
  for (let i = from; i < to; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A feature key from a template and one or two values (murmur3's finaliser as the mixer). */
export function key(template: number, a: number, b = 0): number {
  let h = Math.imul(template, 0x9e3779b1) ^ a;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h ^= Math.imul(b, 0xc2b2ae35);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/**
 * The form the tagger reads: typographic quotes and apostrophes as their ASCII forms (the
 * treebanks are mostly ASCII, news is mostly typographic), the ellipsis character as "...".
 */
export function normalizeWord(word: string): string {
  let plain = true;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 0x2018 && c <= 0x2026) {
      plain = false;
      break;
    }
  }
  if (plain) return word;
  let out = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === 0x2018 || c === 0x2019 || c === 0x201a || c === 0x201b) out += "'";
    else if (c === 0x201c || c === 0x201d || c === 0x201e || c === 0x201f) out += '"';
    else if (c === 0x2026) out += '...';
    else out += word[i];
  }
  return out;
}

/** Words longer than this are read by their first and last characters only. */
const MAX_WORD = 40;

/** The form the features read: normalised, and cut to its ends when very long. */
export function readForm(word: string): string {
  const form = normalizeWord(word);
  return form.length > MAX_WORD ? form.slice(0, MAX_WORD / 2) + form.slice(form.length - MAX_WORD / 2) : form;
}

function charClass(c: number): number {
  if (c >= 65 && c <= 90) return 88; // X
  if (c >= 97 && c <= 122) return 120; // x
  if (c >= 48 && c <= 57) return 100; // d
  if (c < 128) return c; // punctuation stays itself
  // Non-ASCII: letters by case, anything else as one class.
  const ch = String.fromCharCode(c);
  const lo = ch.toLowerCase();
  const up = ch.toUpperCase();
  if (lo !== up) return ch === up ? 88 : 120;
  return 126; // ~
}

/** Per-word values, computed once per token; the per-position features combine them. */
export interface Prepared {
  /** Number of real tokens. Arrays are padded with two positions on each side. */
  n: number;
  /** The normalised form, case kept (for the tag dictionary). */
  forms: string[];
  word: Uint32Array;
  caseWord: Uint32Array;
  s1: Uint32Array;
  s2: Uint32Array;
  s3: Uint32Array;
  s4: Uint32Array;
  p1: Uint32Array;
  p2: Uint32Array;
  shape: Uint32Array;
  flags: Uint32Array;
  /** Ambiguity class of the word (the tags it had in training), 0 when not in the lexicon. */
  amb: Uint32Array;
}

const PAD = 2;

/**
 * Reads the words of one sentence. `words` are tokens as written; they are normalised here.
 * `lexicon` maps lower-case forms, by their hash `fnv(lower)`, to their ambiguity class (1…).
 */
export function prepare(
  words: readonly string[],
  lexicon?: { get(hash: number): number | undefined },
): Prepared {
  const n = words.length;
  const size = n + 2 * PAD;
  const p: Prepared = {
    n,
    forms: new Array<string>(n),
    word: new Uint32Array(size),
    caseWord: new Uint32Array(size),
    s1: new Uint32Array(size),
    s2: new Uint32Array(size),
    s3: new Uint32Array(size),
    s4: new Uint32Array(size),
    p1: new Uint32Array(size),
    p2: new Uint32Array(size),
    shape: new Uint32Array(size),
    flags: new Uint32Array(size),
    amb: new Uint32Array(size),
  };
  for (const arr of [p.word, p.caseWord, p.s1, p.s2, p.s3, p.s4, p.p1, p.p2, p.shape, p.flags, p.amb]) {
    arr[0] = arr[1] = START;
    arr[size - 1] = arr[size - 2] = END;
  }
  for (let i = 0; i < n; i++) {
    const form = readForm(words[i]!);
    p.forms[i] = form;
    const j = i + PAD;
    const lower = form.toLowerCase();
    const len = lower.length;
    // Numbers by their kind, not their digits (as Honnibal's tagger does).
    const c0 = lower.charCodeAt(0);
    let isNum = c0 >= 48 && c0 <= 57;
    let allDigits = isNum;
    let upper = 0;
    let hyphen = 0;
    let digit = 0;
    let shapeHash = 0x811c9dc5;
    let last = -1;
    let shapeLen = 0;
    for (let k = 0; k < len; k++) {
      const c = form.charCodeAt(k);
      if (c >= 48 && c <= 57) digit = 1;
      else allDigits = false;
      if (c === 45) hyphen = 1;
      const cls = charClass(c);
      if (cls === 88) upper++;
      if (cls !== last && shapeLen < 8) {
        shapeHash = Math.imul(shapeHash ^ cls, 0x01000193);
        shapeLen++;
        last = cls;
      }
    }
    if (isNum && !allDigits) {
      // "3.5", "1,000", "10:30", "1990s", "5th": still a number if only digits and separators.
      for (let k = 0; k < len; k++) {
        const c = lower.charCodeAt(k);
        if (!((c >= 48 && c <= 57) || c === 44 || c === 46 || c === 58 || c === 47)) {
          isNum = false;
          break;
        }
      }
    }
    const lowerHash = fnv(lower);
    const wordValue = allDigits && len === 4 ? 0x59454152 : isNum ? 0x44494749 : lowerHash;
    p.word[j] = wordValue;
    p.s1[j] = fnv(lower, len - 1);
    p.s2[j] = len >= 2 ? fnv(lower, len - 2) : START;
    p.s3[j] = len >= 3 ? fnv(lower, len - 3) : START;
    p.s4[j] = len >= 4 ? fnv(lower, len - 4) : START;
    p.p1[j] = fnv(lower, 0, 1);
    p.p2[j] = len >= 2 ? fnv(lower, 0, 2) : START;
    p.shape[j] = shapeHash >>> 0;
    const cap = upper > 0 && charClass(form.charCodeAt(0)) === 88 ? 1 : 0;
    const allCaps = upper > 1 && upper === len ? 1 : 0;
    p.flags[j] = cap | (allCaps << 1) | ((i === 0 ? 1 : 0) << 2) | (hyphen << 3) | (digit << 4);
    // The exact form of a capitalised word not at the start of the sentence.
    p.caseWord[j] = cap && i > 0 ? fnv(form) : 0;
    p.amb[j] = lexicon?.get(lowerHash) ?? 0;
  }
  return p;
}

/** Number of features `features` writes at most. */
export const MAX_FEATURES = 40;

/**
 * The feature keys of position i given the two previous predicted tags (NO_TAG before the
 * sentence), written to `out`; returns how many.
 */
export function features(p: Prepared, i: number, t1: number, t2: number, out: Uint32Array): number {
  const j = i + PAD;
  const w = p.word[j]!;
  let n = 0;
  out[n++] = key(T.Bias, 0);
  out[n++] = key(T.Word, w);
  out[n++] = key(T.Suffix1, p.s1[j]!);
  out[n++] = key(T.Suffix2, p.s2[j]!);
  out[n++] = key(T.Suffix3, p.s3[j]!);
  out[n++] = key(T.Suffix4, p.s4[j]!);
  out[n++] = key(T.Prefix1, p.p1[j]!);
  out[n++] = key(T.Prefix2, p.p2[j]!);
  out[n++] = key(T.Shape, p.shape[j]!);
  out[n++] = key(T.Flags, p.flags[j]!);
  out[n++] = key(T.Tag1, t1);
  out[n++] = key(T.Tag2, t2);
  out[n++] = key(T.Tag12, t1, t2);
  out[n++] = key(T.Tag1Word, w, t1);
  out[n++] = key(T.PrevWord, p.word[j - 1]!);
  out[n++] = key(T.PrevSuffix3, p.s3[j - 1]!);
  out[n++] = key(T.Prev2Word, p.word[j - 2]!);
  out[n++] = key(T.NextWord, p.word[j + 1]!);
  out[n++] = key(T.NextSuffix3, p.s3[j + 1]!);
  out[n++] = key(T.Next2Word, p.word[j + 2]!);
  out[n++] = key(T.WordNextWord, w, p.word[j + 1]!);
  out[n++] = key(T.PrevWordWord, p.word[j - 1]!, w);
  out[n++] = key(T.Tag1Suffix3, p.s3[j]!, t1);
  out[n++] = key(T.NextShape, p.shape[j + 1]!);
  out[n++] = key(T.PrevShape, p.shape[j - 1]!);
  out[n++] = key(T.Tag1NextWord, p.word[j + 1]!, t1);
  const amb = p.amb[j]!;
  out[n++] = key(T.Amb, amb);
  out[n++] = key(T.NextAmb, p.amb[j + 1]!);
  out[n++] = key(T.Next2Amb, p.amb[j + 2]!);
  out[n++] = key(T.AmbNextAmb, amb, p.amb[j + 1]!);
  out[n++] = key(T.Tag1Amb, amb, t1);
  out[n++] = key(T.PrevAmb, p.amb[j - 1]!);
  out[n++] = key(T.Tag1NextAmb, p.amb[j + 1]!, t1);
  const cw = p.caseWord[j]!;
  if (cw !== 0) out[n++] = key(T.CaseWord, cw);
  return n;
}
