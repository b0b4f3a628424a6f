/**
 * A tokenizer in the conventions of the Universal Dependencies English treebanks (EWT, GUM), which
 * are Penn Treebank's with hyphenated compounds split: "don't" → do n't, "can't" → ca n't, the
 * possessive and the clitics 's 're 've 'll 'd 'm as tokens of their own, punctuation and quote
 * marks split off, "U.S." and "Dr." kept whole. Every token carries its UTF-16 offsets into the input,
 * so `text.slice(start, end) === token.text` always.
 *
 * One left-to-right pass over the input; each whitespace-delimited chunk is split by index
 * arithmetic (no regular expression, no repeated slicing), so the work is linear in the input.
 */

import { isSpaceCode } from './space';

export interface Span {
  start: number;
  end: number;
  text: string;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

function isAsciiLetter(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
}

/** A letter or digit, ASCII or not (non-ASCII symbols and punctuation are ruled out by range). */
function isWordCode(c: number): boolean {
  if (c < 128) return isAsciiLetter(c) || isDigitCode(c);
  if (c >= 0x2000 && c <= 0x2bff) return false; // general punctuation, arrows, symbols
  if (c >= 0x3000 && c <= 0x303f) return false;
  if (c === 0xab || c === 0xbb || c === 0xbf || c === 0xa1 || c === 0xa7 || c === 0xb6) return false;
  if (c >= 0xa2 && c <= 0xa5) return false; // currency
  return c !== 0xb7 && c !== 0xd7 && c !== 0xf7;
}

function isApostrophe(c: number): boolean {
  return c === 39 || c === 0x2019;
}

function isDashCode(c: number): boolean {
  return c === 0x2013 || c === 0x2014 || c === 0x2015 || c === 0x2212;
}

/** Marks split off the front of a word. */
function isLeading(c: number): boolean {
  return (
    c === 34 || // "
    c === 39 || // '
    c === 96 || // `
    c === 40 || // (
    c === 91 || // [
    c === 123 || // {
    c === 0x2018 ||
    c === 0x201c ||
    c === 0x201e ||
    c === 0x2019 || // a closing mark misused as opening
    c === 0x201d ||
    c === 0xab ||
    c === 0xbb ||
    c === 0x2039 ||
    c === 0x203a ||
    c === 0xbf ||
    c === 0xa1 ||
    c === 42 || // *
    c === 36 || // $
    c === 0xa3 ||
    c === 0x20ac ||
    c === 0xa5 ||
    c === 0x2026 ||
    c === 35 || // # (PTB splits it off; so does EWT)
    c === 126 || // ~
    c === 60 || // <
    c === 62 ||
    isDashCode(c)
  );
}

/** Marks split off the end of a word. */
function isTrailing(c: number): boolean {
  return (
    c === 44 || // ,
    c === 59 || // ;
    c === 58 || // :
    c === 33 || // !
    c === 63 || // ?
    c === 34 ||
    c === 39 ||
    c === 41 || // )
    c === 93 || // ]
    c === 125 || // }
    c === 0x2019 ||
    c === 0x201d ||
    c === 0x2018 ||
    c === 0x201c ||
    c === 0xbb ||
    c === 0xab ||
    c === 0x203a ||
    c === 0x2039 ||
    c === 0x2026 ||
    c === 42 ||
    c === 37 || // %
    c === 0xa2 ||
    c === 62 ||
    c === 60 ||
    isDashCode(c)
  );
}

/**
 * Abbreviations written with a final period that is part of the word (titles, company suffixes,
 * months, US state abbreviations of the AP style, Latin abbreviations). A general list of English
 * abbreviations as used in news, not tied to any text here. Lower case, without the period.
 */
const ABBREVIATIONS = new Set(
  (
    'mr mrs ms messrs dr prof sr jr st mt ft gov sen rep gen lt col maj sgt capt cmdr adm cpl pvt rev ' +
    'hon pres supt atty insp det inc ltd co corp bros llc plc dept univ assn est no nos vol vols fig figs ' +
    'vs etc al approx ca cf jan feb mar apr jun jul aug sep sept oct nov dec mon tue tues wed thu thur ' +
    'thurs fri sat sun ave blvd rd hwy ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md ' +
    'mass mich minn miss mo mont neb nev okla ore pa tenn tex va vt wash wis wyo'
  ).split(' '),
);

/** Abbreviations that are also common words: kept with their period only before a lowercase word or a digit. */
const AMBIGUOUS_ABBREVIATIONS = new Set(
  'no co fig est mass miss ill ind wash sun sat wed mar jan la pa ca del ore'.split(' '),
);

/** Prefixes that keep their hyphen inside one token ("non-stop", "e-mail"), as in EWT and GUM. */
const HYPHEN_PREFIXES = new Set(
  'e non mid pre anti re post co pro multi ex sub semi neo cross vice un micro intra inter counter socio over'.split(
    ' ',
  ),
);

function lowerAscii(text: string, from: number, to: number): string {
  return text.slice(from, to).toLowerCase();
}

/** Whether "word." (the word in [from, to), its period at `to`) keeps its period. */
function keepsPeriod(text: string, from: number, to: number, after: number): boolean {
  const len = to - from;
  if (len <= 0) return false;
  // Initials and letter abbreviations: "J.", "U.S.", "e.g.", "Ph.D."
  if (len === 1) return isAsciiLetter(text.charCodeAt(from)) && isUpperAscii(text.charCodeAt(from));
  if (len <= 10) {
    let inner = false;
    let letters = true;
    for (let k = from; k < to; k++) {
      const c = text.charCodeAt(k);
      if (c === 46) inner = true;
      else if (!isAsciiLetter(c)) letters = false;
    }
    if (inner && letters) return true;
  }
  if (len > 8) return false;
  const lower = lowerAscii(text, from, to);
  if (!ABBREVIATIONS.has(lower)) return false;
  if (!AMBIGUOUS_ABBREVIATIONS.has(lower)) return true;
  // "No. 3", "Co. said" — but "said no." at the end of a sentence.
  const next = after < text.length ? text.charCodeAt(after) : -1;
  return isDigitCode(next) || (next >= 97 && next <= 122);
}

function isUpperAscii(c: number): boolean {
  return c >= 65 && c <= 90;
}

/** The next non-space character's position after `from` (or text.length). */
function nextVisible(text: string, from: number): number {
  let k = from;
  // Bounded look-ahead: a run of spaces longer than this says nothing anyway.
  const limit = Math.min(text.length, from + 16);
  while (k < limit && isSpaceCode(text.charCodeAt(k))) k++;
  return k;
}

function isUrlLike(text: string, from: number, to: number): boolean {
  // "http://", "https://", "www.", or an e-mail address (an @ with a letter on each side).
  if (to - from >= 4) {
    const c0 = text.charCodeAt(from);
    if ((c0 === 104 || c0 === 72) && (text.startsWith('http://', from) || text.startsWith('https://', from)))
      return true;
    if ((c0 === 119 || c0 === 87) && text.startsWith('www.', from)) return true;
  }
  for (let k = from + 1; k < to - 1; k++) {
    if (text.charCodeAt(k) === 64) {
      return isWordCode(text.charCodeAt(k - 1)) && isWordCode(text.charCodeAt(k + 1));
    }
  }
  return false;
}

const CLITICS = ['s', 're', 've', 'll', 'd', 'm'];

/**
 * Pushes the tokens of a word with no whitespace, no leading or trailing punctuation: clitics,
 * "n't", and a few fused forms (cannot, gonna) split off as the treebanks do.
 */
function pushWord(text: string, from: number, to: number, out: Span[]): void {
  const len = to - from;
  if (len <= 0) return;
  // n't: "don't" → do n't, "can't" → ca n't, "won't" → wo n't
  if (
    len >= 4 &&
    isApostrophe(text.charCodeAt(to - 2)) &&
    (text.charCodeAt(to - 3) | 32) === 110 &&
    (text.charCodeAt(to - 1) | 32) === 116
  ) {
    push(text, from, to - 3, out);
    push(text, to - 3, to, out);
    return;
  }
  // 's 're 've 'll 'd 'm
  for (let k = Math.max(from + 1, to - 3); k < to - 1; k++) {
    if (!isApostrophe(text.charCodeAt(k))) continue;
    const rest = lowerAscii(text, k + 1, to);
    if (CLITICS.includes(rest)) {
      push(text, from, k, out);
      push(text, k, to, out);
      return;
    }
  }
  if (len === 6 || len === 5) {
    const lower = lowerAscii(text, from, to);
    if (lower === 'cannot') {
      push(text, from, from + 3, out);
      push(text, from + 3, to, out);
      return;
    }
    if (lower === 'gonna' || lower === 'wanna' || lower === 'gotta') {
      push(text, from, from + 3, out);
      push(text, from + 3, to, out);
      return;
    }
  }
  push(text, from, to, out);
}

function push(text: string, from: number, to: number, out: Span[]): void {
  if (to > from) out.push({ start: from, end: to, text: text.slice(from, to) });
}

/**
 * The middle of a chunk (its leading and trailing marks already split off): split at dashes,
 * quote marks, brackets and commas inside words, and at hyphens between words (but not after a
 * prefix like "non-", nor inside numbers like "1-800-555" or dates like "3/14/2025").
 */
function pushMiddle(text: string, from: number, to: number, out: Span[]): void {
  let wordStart = from;
  let k = from;
  while (k < to) {
    const c = text.charCodeAt(k);
    let cut = 0; // length of a separator token at k, 0 if none
    if (isDashCode(c) || c === 0x2026) cut = 1;
    else if (c === 45 && k + 1 < to && text.charCodeAt(k + 1) === 45) {
      cut = 2;
      while (k + cut < to && text.charCodeAt(k + cut) === 45) cut++;
    } else if (c === 45 && k > wordStart && k + 1 < to) {
      const before = text.charCodeAt(k - 1);
      const after = text.charCodeAt(k + 1);
      const digits = isDigitCode(before) && isDigitCode(after);
      if (!digits && isWordCode(before) && isWordCode(after)) {
        const prefix = k - wordStart <= 8 ? lowerAscii(text, wordStart, k) : '';
        if (!HYPHEN_PREFIXES.has(prefix)) cut = 1;
      }
    } else if (
      c === 34 ||
      c === 0x201c ||
      c === 0x201d ||
      c === 40 ||
      c === 41 ||
      c === 91 ||
      c === 93 ||
      c === 59 ||
      c === 33 ||
      c === 63
    ) {
      cut = 1;
    } else if (
      c === 44 &&
      !(k > from && isDigitCode(text.charCodeAt(k - 1)) && isDigitCode(text.charCodeAt(k + 1)))
    ) {
      cut = 1;
    }
    if (cut > 0) {
      pushWord(text, wordStart, k, out);
      push(text, k, k + cut, out);
      k += cut;
      wordStart = k;
    } else {
      k++;
    }
  }
  pushWord(text, wordStart, to, out);
}

/** Splits one whitespace-free chunk [from, to) into tokens. */
function pushChunk(text: string, from: number, to: number, out: Span[]): void {
  let a = from;
  let b = to;
  // Leading marks, one token each (a run of dashes or dots as one).
  while (a < b) {
    const c = text.charCodeAt(a);
    if (c === 45 && a + 1 < b && text.charCodeAt(a + 1) === 45) {
      let e = a + 2;
      while (e < b && text.charCodeAt(e) === 45) e++;
      push(text, a, e, out);
      a = e;
      continue;
    }
    if ((c === 42 || c === 61) && a + 1 < b && text.charCodeAt(a + 1) === c) {
      let e = a + 2;
      while (e < b && text.charCodeAt(e) === c) e++;
      push(text, a, e, out);
      a = e;
      continue;
    }
    if (c === 46 && a + 2 < b && text.charCodeAt(a + 1) === 46 && text.charCodeAt(a + 2) === 46) {
      let e = a + 3;
      while (e < b && text.charCodeAt(e) === 46) e++;
      push(text, a, e, out);
      a = e;
      continue;
    }
    if (!isLeading(c)) break;
    // A clitic written apart ("John 's") or an elided year ("'90s") keeps its apostrophe.
    if (isApostrophe(c) && a + 1 < b) {
      const rest = b - a - 1;
      const c1 = text.charCodeAt(a + 1);
      if (isDigitCode(c1) && rest >= 2 && rest <= 3) break;
      if (rest <= 2 && CLITICS.includes(lowerAscii(text, a + 1, b))) break;
    }
    push(text, a, a + 1, out);
    a++;
  }
  if (a >= b) return;
  if (isUrlLike(text, a, b)) {
    // Keep the address whole, but not a sentence's final mark after it.
    while (b > a + 1) {
      const c = text.charCodeAt(b - 1);
      if (
        c === 46 ||
        c === 44 ||
        c === 59 ||
        c === 58 ||
        c === 33 ||
        c === 63 ||
        c === 41 ||
        c === 34 ||
        c === 62 ||
        c === 0x201d
      )
        b--;
      else break;
    }
    push(text, a, b, out);
    if (b < to) pushTrailing(text, b, to, out);
    return;
  }
  // Trailing marks, found right to left, pushed left to right afterwards.
  const after = nextVisible(text, to);
  while (b > a) {
    const c = text.charCodeAt(b - 1);
    if (c === 46) {
      let d = b - 1;
      while (d > a && text.charCodeAt(d - 1) === 46) d--;
      if (b - d >= 2) {
        b = d; // an ellipsis
        continue;
      }
      if (d > a && keepsPeriod(text, a, d, after)) break;
      b = d;
      continue;
    }
    if (c === 45 && b - 1 > a && text.charCodeAt(b - 2) === 45) {
      let d = b - 2;
      while (d > a && text.charCodeAt(d - 1) === 45) d--;
      b = d;
      continue;
    }
    if (!isTrailing(c)) break;
    // "dogs'" keeps its apostrophe as a token of its own (POS), which is what happens anyway.
    b--;
  }
  pushMiddle(text, a, b, out);
  if (b < to) pushTrailing(text, b, to, out);
}

function isFinalMark(c: number): boolean {
  return c === 46 || c === 33 || c === 63;
}

/**
 * Tokens of a run of trailing marks: a run of sentence-final marks as one token ("!!!", "?!",
 * ".?"), a run of one repeated mark as one ("--", "**"), a smiley (":)", ";-)") as one, anything
 * else one by one.
 */
function pushTrailing(text: string, from: number, to: number, out: Span[]): void {
  let k = from;
  while (k < to) {
    const c = text.charCodeAt(k);
    let e = k + 1;
    if (isFinalMark(c)) {
      while (e < to && isFinalMark(text.charCodeAt(e))) e++;
    } else if ((c === 58 || c === 59) && e < to) {
      if (text.charCodeAt(e) === 45 && e + 1 < to) e++;
      const d = text.charCodeAt(e);
      e = d === 41 || d === 40 ? e + 1 : k + 1;
    } else if (c === 45 || c === 42 || c === 61) {
      while (e < to && text.charCodeAt(e) === c) e++;
    }
    push(text, k, e, out);
    k = e;
  }
}

/** The tokens of `text`, in order, with UTF-16 offsets. */
export function tokenSpans(text: string): Span[] {
  const out: Span[] = [];
  const n = text.length;
  let i = 0;
  while (i < n) {
    while (i < n && isSpaceCode(text.charCodeAt(i))) i++;
    if (i >= n) break;
    let j = i;
    while (j < n && !isSpaceCode(text.charCodeAt(j))) j++;
    pushChunk(text, i, j, out);
    i = j;
  }
  return out;
}

/** A token of sentence-final marks only: ".", "!!!", "?!", "...", "…". */
function isSentenceFinal(t: Span): boolean {
  for (let k = 0; k < t.text.length; k++) {
    const c = t.text.charCodeAt(k);
    if (!(isFinalMark(c) || c === 0x2026)) return false;
  }
  return t.text.length > 0;
}

function isCloser(t: Span): boolean {
  if (t.text.length !== 1) return t.text === "''";
  const c = t.text.charCodeAt(0);
  return c === 34 || c === 39 || c === 0x2019 || c === 0x201d || c === 41 || c === 93 || c === 0xbb;
}

function startsSentence(t: Span): boolean {
  const c = t.text.charCodeAt(0);
  if (isDigitCode(c)) return true;
  if (c === 34 || c === 0x201c || c === 0x2018 || c === 40 || c === 91 || c === 39 || c === 0xab) return true;
  const ch = t.text[0]!;
  return ch !== ch.toLowerCase();
}

/**
 * Groups tokens into sentences: a break after ".", "!", "?" or "…" (and the closing quote marks
 * or brackets that follow it) when the next token starts like a sentence (a capital, a digit, an
 * opening mark), and at every line break. Abbreviations keep their period inside the token
 * ("Dr."), so they do not end a sentence.
 */
export function splitSentences(text: string, tokens: readonly Span[]): Span[][] {
  const sentences: Span[][] = [];
  let current: Span[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (current.length > 0) {
      const prev = current[current.length - 1]!;
      let breakHere = false;
      // A line break between the two tokens.
      for (let k = prev.end; k < t.start; k++) {
        const c = text.charCodeAt(k);
        if (c === 10 || c === 13 || c === 0x2028 || c === 0x2029) {
          breakHere = true;
          break;
        }
      }
      if (!breakHere && startsSentence(t) && !isCloser(t)) {
        // The previous token ends the sentence, or closes a quote or bracket right after one that does.
        let back = current.length - 1;
        while (back > 0 && isCloser(current[back]!)) back--;
        const final = current[back]!;
        if (isSentenceFinal(final)) breakHere = true;
      }
      if (breakHere) {
        sentences.push(current);
        current = [];
      }
    }
    current.push(t);
  }
  if (current.length > 0) sentences.push(current);
  return sentences;
}
