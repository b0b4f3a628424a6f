/**
 * The matcher's words: lower-case letters and digits, with how each was written (a capital, all
 * capitals, at a sentence start), so that names can be told from common words. Distinct from the
 * extractor's tokens (utils/extract/text.ts: words as written, with offsets) and the tagger's
 * (utils/nlp/tokenize.ts: spans for part-of-speech tagging).
 */

import { STOPWORDS } from './stopwords';

export interface NormToken {
  /** Lower case, letters and digits only ("didn’t" → "didnt", "U.S." → "us"). */
  norm: string;
  /** Written with a capital first letter (and not only because it starts a sentence, when we can tell). */
  capital: boolean;
  /** First word of a sentence in the original text. */
  sentenceStart: boolean;
  /** A word of a sentence written in title case (`markTitleCase`): its capital is no evidence of a name. */
  titleCase?: true;
  /** A word of a sentence that ends with a question mark: it asks, it asserts nothing. */
  question?: true;
  /** Written all in capitals, at least two letters ("US", "NATO"). */
  upper: boolean;
  /** Followed by a mark that ends a clause or a phrase (, ; : – — ( ) or a sentence's end). */
  pause?: true;
  /** Followed by a colon ("Finance ministry: no plans to …"). */
  colon?: true;
}

/** Marks after which a clause or phrase ends: the word before them is `pause`. */
const PAUSES = new Set([',', ';', ':', '\u2013', '\u2014', '(', ')', '.', '!', '?', '\n']);

/**
 * Splits text into word tokens, keeping case information. Dotted acronyms ("U.S.", "U.K.") become one
 * token. One pass over the characters, no regular-expression backtracking.
 */

export function normTokens(text: string): NormToken[] {
  const out: NormToken[] = [];
  const src = text.normalize('NFKD');
  let cur = '';
  let curCapital = false;
  let atSentenceStart = true;
  let nextSentenceStart = true;
  let sentenceFrom = 0;
  // Words written right after a hyphen that follows a word ("Self-driving": "driving").
  const inCompound = new Set<number>();
  let wordEnd = -1;
  const flush = (pause: boolean) => {
    if (cur.length > 0) {
      const upper = cur.length >= 2 && cur === cur.toUpperCase() && cur !== cur.toLowerCase();
      if (nextSentenceStart) sentenceFrom = out.length;
      const norm = cur.toLowerCase();
      const sentenceStart = nextSentenceStart;
      out.push(
        pause
          ? { norm, capital: curCapital, sentenceStart, upper, pause: true }
          : { norm, capital: curCapital, sentenceStart, upper },
      );
      nextSentenceStart = false;
    }
    cur = '';
    curCapital = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    const code = src.charCodeAt(i);
    // ASCII is decided by its code; only other characters need Unicode classes.
    const ascii = code < 0x80;
    if (ascii ? code === 0x27 : /\p{M}/u.test(ch) || ch === '\u00ad' || ch === '’' || ch === 'ʼ') continue;
    const upperCase = ascii ? code >= 0x41 && code <= 0x5a : /\p{Lu}/u.test(ch);
    const wordChar = ascii
      ? upperCase || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)
      : /[\p{L}\p{N}]/u.test(ch);
    if (wordChar) {
      if (cur.length === 0) {
        if (i >= 2 && wordEnd === i - 1 && src[i - 1] === '-') inCompound.add(out.length);
        curCapital = upperCase;
        nextSentenceStart = atSentenceStart;
        atSentenceStart = false;
      }
      cur += ch;
      continue;
    }
    // "U.S." / "U.K.": a single capital letter followed by a dot and another capital stays one word.
    if (ch === '.' && cur.length === 1 && /\p{Lu}/u.test(cur) && /\p{Lu}/u.test(src[i + 1] ?? '')) continue;
    if (ch === '.' && cur.length > 1 && /^(\p{Lu}\p{Lu})+$/u.test(cur) && /\p{Lu}/u.test(src[i + 1] ?? ''))
      continue;
    const wasAcronym = cur.length >= 2 && cur === cur.toUpperCase() && /\p{Lu}/u.test(cur);
    // The word before a mark that ends a phrase; not the dot of "U.S." or of "3.5".
    const pause = PAUSES.has(ch) && !(ch === '.' && (wasAcronym || /\d/.test(src[i + 1] ?? '')));
    const had = cur.length > 0;
    if (had) wordEnd = i;
    flush(pause);
    // "the drop (since May)": a mark after a space ends the phrase of the word before the space.
    if (pause && !had && out.length > 0 && !out[out.length - 1]!.pause)
      out[out.length - 1] = { ...out[out.length - 1]!, pause: true };
    if (ch === ':' && out.length > 0) out[out.length - 1] = { ...out[out.length - 1]!, colon: true };
    // A question mark makes the sentence before it a question.
    if (ch === '?') for (let k = sentenceFrom; k < out.length; k++) out[k] = { ...out[k]!, question: true };
    // A full stop ends a sentence, except the dot that closes an acronym ("U.S. officials").
    if ((ch === '.' && !wasAcronym) || ch === '!' || ch === '?' || ch === '\n') atSentenceStart = true;
  }
  flush(true);
  // The text's end ends its last phrase.
  if (out.length > 0 && !out[out.length - 1]!.pause)
    out[out.length - 1] = { ...out[out.length - 1]!, pause: true };
  return markTitleCase(out, inCompound);
}

/** Fewer capitalised words than this inside a sentence are no sign of title case. */
const TITLE_MIN_WORDS = 3;

/**
 * A sentence written in title case ("Ferrari Denies Plans to Move Headquarters"), as headlines and
 * titles are: every content word inside it has a capital (function words may not), and at least
 * three words have one. Its capitals say nothing about names, as a sentence's first capital says
 * nothing: each of its words is marked `titleCase`. Prose that names people and places
 * has a lower-case verb or noun among them ("Prime Minister Keir Starmer met …"). `inCompound`:
 * the positions of words written after a hyphen inside a compound, whose case proves nothing.
 */
export function markTitleCase(tokens: NormToken[], inCompound?: ReadonlySet<number>): NormToken[] {
  let start = 0;
  while (start < tokens.length) {
    let end = start + 1;
    while (end < tokens.length && !tokens[end]!.sentenceStart) end++;
    let capitals = 0;
    let lower = false;
    for (let i = start + 1; i < end && !lower; i++) {
      const t = tokens[i]!;
      // A compound's later parts keep their small letter in many styles ("Self-driving Taxi Firm").
      if (/^\d/.test(t.norm) || t.upper || inCompound?.has(i)) continue;
      if (t.capital) capitals++;
      else if (!STOPWORDS.has(t.norm)) lower = true;
    }
    if (!lower && capitals >= TITLE_MIN_WORDS)
      for (let i = start + 1; i < end; i++) tokens[i] = { ...tokens[i]!, titleCase: true };
    start = end;
  }
  return tokens;
}
