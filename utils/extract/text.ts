/**
 * Low-level text helpers shared by the extractor: character classes, a word tokenizer over a
 * bounded window, paragraph and sentence boundaries. All hand-written scanners, linear in the
 * window they are given; no regular expression here runs over unbounded input.
 */

export interface Token {
  /** The word as written (may include internal apostrophes, hyphens, soft hyphens, abbreviation dots). */
  text: string;
  start: number;
  end: number;
}

const LETTER_RE = /^\p{L}$/u;

export function isLetter(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  const c = ch.charCodeAt(0);
  if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) return true;
  if (c < 0xc0 || (c >= 0x2000 && c <= 0x2bff) || (c >= 0x3000 && c <= 0x303f)) return false;
  return LETTER_RE.test(ch);
}

export function isDigit(ch: string | undefined): boolean {
  if (ch === undefined) return false;
  const c = ch.charCodeAt(0);
  return c >= 48 && c <= 57;
}

export function isUpper(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  return isLetter(ch) && ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

export function isLower(ch: string | undefined): boolean {
  if (ch === undefined || ch === '') return false;
  return isLetter(ch) && ch === ch.toLowerCase() && ch !== ch.toUpperCase();
}

export function isSpace(ch: string | undefined): boolean {
  return ch === ' ' || ch === '\t' || ch === '\u00a0' || ch === '\r' || ch === '\u2009' || ch === '\u202f';
}

const SOFT_HYPHEN = '\u00ad';

function isWordChar(ch: string | undefined): boolean {
  return ch === SOFT_HYPHEN || isLetter(ch) || isDigit(ch);
}

/** Apostrophes and hyphens that may join two halves of one word. */
function isJoiner(ch: string | undefined): boolean {
  return ch === "'" || ch === '\u2019' || ch === '-' || ch === '\u2011' || ch === '&';
}

/** Abbreviations that keep their trailing period and do not end a sentence. */
export const ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'sen',
  'rep',
  'gov',
  'gen',
  'col',
  'lt',
  'sgt',
  'capt',
  'cmdr',
  'adm',
  'maj',
  'st',
  'jr',
  'sr',
  'rev',
  'hon',
  'pres',
  'supt',
  'insp',
  'det',
  'no',
  'vs',
  'etc',
  'inc',
  'corp',
  'ltd',
  'co',
  'jan',
  'feb',
  'mar',
  'apr',
  'aug',
  'sept',
  'sep',
  'oct',
  'nov',
  'dec',
  'mt',
  'ft',
]);

/**
 * Tokenizes `text` between `from` and `to` into words. A word is a run of letters/digits that may
 * contain joiners (`al-Ansari`, `Netanyahu’s`), abbreviation dots (`U.S.`, `Mr.`, `M.`).
 */
export function tokenize(text: string, from: number, to: number): Token[] {
  if (cache !== null && text === cache.text) return cachedRange(cache.tokens, from, to);
  return tokenizeRaw(text, from, to);
}

let cache: { text: string; tokens: Token[] } | null = null;

/**
 * Tokenizes the whole text once so that the many bounded window look-ups made while extracting
 * (around every quote and cue) become binary searches. Call `endTokenCache` when done.
 */
export function beginTokenCache(text: string): Token[] {
  cache = { text, tokens: tokenizeRaw(text, 0, text.length) };
  return cache.tokens;
}

/** Installs tokens made earlier by `beginTokenCache` for the same text (a paused extraction resuming). */
export function useTokenCache(text: string, tokens: Token[]): void {
  if (cache?.tokens !== tokens) cache = { text, tokens };
}

/** Drops the cache, if it is this text's (another extraction may have replaced it). */
export function endTokenCache(text?: string): void {
  if (text === undefined || cache?.text === text) cache = null;
}

/** Tokens lying entirely inside [from, to). */
function cachedRange(tokens: Token[], from: number, to: number): Token[] {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((tokens[mid] as Token).start < from) lo = mid + 1;
    else hi = mid;
  }
  let e = lo;
  while (e < tokens.length && (tokens[e] as Token).end <= to) e++;
  return tokens.slice(lo, e);
}

function tokenizeRaw(text: string, from: number, to: number): Token[] {
  const out: Token[] = [];
  let i = Math.max(0, from);
  const end = Math.min(text.length, to);
  while (i < end) {
    const ch = text[i];
    if (!isWordChar(ch)) {
      i++;
      continue;
    }
    const s = i;
    while (i < end) {
      const c = text[i];
      if (isWordChar(c)) {
        i++;
      } else if ((isJoiner(c) || c === '.') && isWordChar(text[i + 1]) && i + 1 < end) {
        // "U.S" inner dot, "al-Ansari", "Netanyahu’s"
        if (c === '.' && (i - s > 12 || !(i - s === 1 || isDottedAbbrev(text, s, i)))) break;
        i++;
      } else {
        break;
      }
    }
    // Keep the trailing dot of abbreviations and initials.
    if (text[i] === '.' && i < end) {
      const w = text.slice(s, i);
      if (
        ABBREVIATIONS.has(w.toLowerCase()) ||
        (w.length === 1 && isUpper(w)) ||
        (w.includes('.') && isDottedAbbrev(text, s, i))
      ) {
        i++;
      }
    }
    out.push({ text: text.slice(s, i), start: s, end: i });
  }
  return out;
}

/** `U.S`, `U.N`, `D.C`: single letters separated by dots. */
function isDottedAbbrev(text: string, s: number, e: number): boolean {
  for (let k = s; k < e; k++) {
    const c = text[k];
    const even = (k - s) % 2 === 0;
    if (even ? !isLetter(c) : c !== '.') return false;
  }
  return true;
}

/** Removes soft hyphens and normalises apostrophes for comparisons. */
export function norm(word: string): string {
  let out = '';
  for (const ch of word) {
    if (ch === SOFT_HYPHEN) continue;
    out += ch === '\u2019' || ch === '\u2018' ? "'" : ch;
  }
  return out;
}

/** Lower-cased, soft-hyphen free, possessive stripped form of a word. */
export function key(word: string): string {
  let w = norm(word).toLowerCase();
  if (w.endsWith("'s")) w = w.slice(0, -2);
  else if (w.endsWith("s'")) w = w.slice(0, -1);
  return w;
}

/** Words whose "'s" contracts "is", "has" or "us", never a possessive (Quirk et al. 1985, §3.23). */
const CONTRACTED = new Set('it he she that this there here what who where when how let'.split(' '));

export function isPossessive(word: string): boolean {
  const w = norm(word);
  return (w.endsWith("'s") && !CONTRACTED.has(w.slice(0, -2).toLowerCase())) || w.endsWith("s'");
}

export function stripPossessive(word: string): string {
  const w = word;
  if (w.endsWith("'s") || w.endsWith('\u2019s')) return w.slice(0, -2);
  if (w.endsWith("s'") || w.endsWith('s\u2019')) return w.slice(0, -1);
  return w;
}

/**
 * The words of a name as the text writes them. A plural in -s inside a name keeps the apostrophe
 * that makes it possessive ("Transport Workers’ Union", "Veterans' Affairs"), which the tokenizer
 * leaves out of the word because no letter follows it.
 */
export function nameWords(text: string, toks: readonly Token[]): string {
  return toks
    .map((t, i) => {
      const ap = text[t.end];
      const inner = i < toks.length - 1 && /s$/i.test(t.text);
      return inner && (ap === "'" || ap === '\u2019') ? t.text + ap : t.text;
    })
    .join(' ');
}

export interface Paragraph {
  start: number;
  end: number;
  index: number;
}

/**
 * Splits the text into lines (paragraphs); offsets exclude the newline and trailing spaces. A blank
 * line separates paragraphs and is none itself: the paragraphs either side of it are neighbours
 * (a quotation left open runs on into the next one; "the paragraph before" is the one above it).
 */
export function paragraphs(text: string): Paragraph[] {
  const out: Paragraph[] = [];
  let s = 0;
  let idx = 0;
  for (let i = 0; i <= text.length; i++) {
    if (i === text.length || text[i] === '\n') {
      let e = i;
      while (e > s && (isSpace(text[e - 1]) || text[e - 1] === '\r')) e--;
      let b = s;
      while (b < e && isSpace(text[b])) b++;
      if (e > b) out.push({ start: b, end: e, index: idx++ });
      s = i + 1;
    }
  }
  return out;
}

const CLOSERS = new Set(['"', '\u201d', '\u2019', "'", ')', ']', '\u00bb']);

/**
 * True when the period/!/? at `i` ends a sentence: not an abbreviation or an initial, and
 * followed by space (optionally after closing marks) and then a capital, digit or opening mark,
 * or by the end of the paragraph.
 */
export function isSentenceEnd(text: string, i: number, paraEnd: number): boolean {
  const ch = text[i];
  if (ch !== '.' && ch !== '!' && ch !== '?' && ch !== '\u2026') return false;
  if (ch === '.') {
    // abbreviation or initial?
    let s = i;
    while (s > 0 && i - s < 24 && (isWordChar(text[s - 1]) || text[s - 1] === '.')) s--;
    const w = text.slice(s, i);
    if (w.length > 0) {
      const lw = w.toLowerCase();
      if (ABBREVIATIONS.has(lw)) return false;
      if (w.length === 1 && isUpper(w)) return false;
      if (w.includes('.') && isDottedAbbrev(text, s, i)) {
        // "U.S." ends a sentence only if a capital follows and ... ambiguous; treat as end only
        // when followed by a capitalised word that is not itself a name-like continuation.
        let k = i + 1;
        while (k < paraEnd && isSpace(text[k])) k++;
        if (k >= paraEnd) return true;
        return false;
      }
    }
  }
  let k = i + 1;
  while (k < paraEnd && (CLOSERS.has(text[k] ?? '') || text[k] === '.')) k++;
  if (k >= paraEnd || text[k] === '\n') return true;
  if (!isSpace(text[k])) return false;
  while (k < paraEnd && isSpace(text[k])) k++;
  if (k >= paraEnd) return true;
  const n = text[k];
  // a sentence in brackets starts with its bracket: "… small. (Also, …)"
  if (n === '(') return isUpper(text[k + 1]);
  return isUpper(n) || isDigit(n) || n === '"' || n === '\u201c' || n === '\u2018' || n === "'" || n === '[';
}

/** Start of the sentence containing `pos`, searching no further back than `limit`. */
export function sentenceStart(text: string, pos: number, limit: number): number {
  for (let i = pos - 1; i >= limit; i--) {
    if (text[i] === '\n') return i + 1;
    if (isSentenceEnd(text, i, pos + 1)) {
      let k = i + 1;
      while (k < pos && (CLOSERS.has(text[k] ?? '') || isSpace(text[k]))) k++;
      return k;
    }
  }
  return limit;
}

/** End (exclusive, after the terminal mark) of the sentence containing `pos`. */
export function sentenceEnd(text: string, pos: number, limit: number): number {
  for (let i = pos; i < limit; i++) {
    if (text[i] === '\n') return i;
    if (isSentenceEnd(text, i, limit)) return i + 1;
  }
  return limit;
}

export function skipSpaces(text: string, i: number, limit: number): number {
  while (i < limit && isSpace(text[i])) i++;
  return i;
}

/** `from` follows a quotation closed by a comma, "?", "!" or a dash inside or right after its marks. */
export function afterQuote(text: string, from: number): boolean {
  let i = from - 1;
  while (i >= 0 && (text[i] === '"' || text[i] === '\u201d' || text[i] === '\u2019' || text[i] === "'")) i--;
  const c = text[i];
  const after = text[from];
  return c === ',' || c === '?' || c === '!' || c === '\u2014' || after === ',';
}

/** The comma closing an appositive/relative clause that starts at `from` (no sentence end, no quote). */
export function nextComma(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === ',' && !inNumber(text, i)) return i;
    if (c === '\n' || c === '"' || c === '\u201c' || c === '\u201d' || c === ';') return -1;
    if ((c === '.' || c === '!' || c === '?') && isSentenceEndAt(text, i, to)) return -1;
  }
  return -1;
}

export function isSentenceEndAt(text: string, i: number, to: number): boolean {
  return isSentenceEnd(text, i, Math.max(to, i + 3));
}

/** The comma at `i` groups the digits of a number ("3,000"), between two digits. */
export function inNumber(text: string, i: number): boolean {
  return isDigit(text[i - 1]) && isDigit(text[i + 1]);
}

/** Short words a title leaves in lower case ("State of the Union", "Meet the Press"). */
const TITLE_SMALL = new Set([
  'a',
  'an',
  'the',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'and',
  'or',
  'with',
  'by',
  'from',
]);

/**
 * How many capitalised words `words` have when they are in title case — every word capitalised
 * but the short ones, the first capitalised, no final punctuation ("State of the Union") — else 0.
 */
export function titleCaseCapitals(words: readonly string[]): number {
  if (/[.,!?;:]$/.test(words[words.length - 1] ?? '')) return 0;
  let capitals = 0;
  for (const [i, w] of words.entries()) {
    if (/^\p{Lu}/u.test(w)) capitals++;
    else if (i === 0 || !TITLE_SMALL.has(w)) return 0;
  }
  return capitals;
}
