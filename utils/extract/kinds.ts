/**
 * Statement kinds and non-statement filters: whether a quotation is a direct quote (complete
 * sentences) or a partial one (a fragment woven into the writer's sentence), and which quotations
 * are nobody's utterance — a term, a title, a name, a scare quote.
 */

import { isPreposition } from './attribution-subjects';
import { cueVerb, NAMING_VERBS } from './cues';
import type { QuoteState } from './drafts';
import type { QuoteSpan } from './quotes';
import type { SentenceTagger } from './reported';
import { isDigit, isLetter, isSpace, isUpper, type Paragraph, titleCaseCapitals } from './text';
import type { StatementKind } from './types';

const FORMAT_CHAR = /\p{Cf}/u;

function isCaseless(ch: string): boolean {
  return ch.toLowerCase() === ch.toUpperCase();
}

function firstLetterIndex(text: string, s: number, e: number): number {
  for (let i = s; i < e; i++) {
    const c = text[i];
    if (c === '[' || c === '(' || c === '.' || c === '\u2026' || isSpace(c) || c === "'" || c === '\u2018')
      continue;
    // Invisible format characters (bidi controls, zero-width joiners) say nothing about the start.
    if (c !== undefined && FORMAT_CHAR.test(c)) continue;
    return i;
  }
  return -1;
}

/** The last non-space character in [to, from), scanning back from `from`, or ''. */
export function lastNonSpace(text: string, from: number, to: number): string {
  for (let i = from - 1; i >= to; i--) if (!isSpace(text[i])) return text[i] ?? '';
  return '';
}

/**
 * "“It is not good enough,” he said, “and patients know it.”": after a segment closed by a comma
 * and an attribution that ends in a comma, a quotation in lower case goes on with the sentence the
 * attribution interrupted.
 */
function resumesSentence(text: string, q: QuoteSpan, sentStart: number): boolean {
  const m = /,\s*[\u201d"]\s+([^\u201c\u201d"\n]{2,80}),\s*$/u.exec(
    text.slice(Math.max(sentStart, q.open - 120), q.open),
  );
  // the words between are an attribution: a finite verb of saying, no coordinator first ("and say
  // something like, “…”" goes on with the writer's sentence)
  const words = m?.[1]?.split(/\s+/) ?? [];
  if (words.length === 0 || /^(and|or|but|then)$/i.test(words[0] ?? '')) return false;
  return words.some((w) => {
    const form = cueVerb(w.replace(/[^\p{L}]/gu, ''))?.form;
    return form === 's' || form === 'past';
  });
}

/** direct: complete sentence(s) presented as such; partial: a fragment woven into the writer's sentence. */
export function quoteKind(text: string, q: QuoteSpan, para: Paragraph, sentStart: number): StatementKind {
  const fi = firstLetterIndex(text, q.start, q.end);
  const first = fi >= 0 ? text[fi] : '';
  // Scripts without case (Arabic, Hebrew, CJK…) cannot mark a sentence start with a capital.
  const startsUpper = isUpper(first) || isDigit(first) || (isLetter(first) && isCaseless(first ?? ''));
  if (!startsUpper) return resumesSentence(text, q, sentStart) ? 'direct' : 'partial';
  if (q.continuesPrevParagraph) return 'direct';
  const prev = lastNonSpace(text, q.open, Math.max(para.start, sentStart));
  if (
    prev === '' ||
    prev === ':' ||
    prev === ',' ||
    prev === '\u2014' ||
    prev === '\u2013' ||
    prev === '.' ||
    prev === '\u201d' ||
    prev === '"'
  )
    return 'direct';
  const lastCh = lastNonSpace(text, q.end, q.start);
  if (lastCh === '.' || lastCh === '!' || lastCh === '?' || lastCh === '\u2026') {
    // a run-in full sentence needs at least a few words
    let words = 0;
    for (let i = q.start; i < q.end; i++) if (isSpace(text[i])) words++;
    if (words >= 2) return 'direct';
  }
  if (lastCh === ',') {
    let words = 0;
    for (let i = q.start; i < q.end; i++) if (isSpace(text[i])) words++;
    if (words >= 3) return 'direct';
  }
  return 'partial';
}

/**
 * Nouns that introduce the title of a work, not an utterance: the everyday nouns of creative and
 * published works (WordNet's hyponyms of "creation" and "publication": book, film, song, album,
 * novel, poem, series, episode, painting, …), the news forms of them (headline, podcast,
 * documentary, single) and the naming participles that put a title after them ("titled",
 * "entitled"), with "hashtag", "slogan" and "motto" for names given to a phrase.
 */
const TITLE_NOUNS = new Set([
  'book',
  'books',
  'film',
  'movie',
  'song',
  'album',
  'novel',
  'memoir',
  'show',
  'series',
  'play',
  'essay',
  'poem',
  'documentary',
  'podcast',
  'headline',
  'exhibition',
  'painting',
  'single',
  'episode',
  'titled',
  'entitled',
  'hashtag',
  'slogan',
  'motto',
]);

/**
 * Words just before a partial quote that mark a term rather than an utterance: the naming verbs
 * (Levin 1993, class 29.3, "dub": call, dub, name, nickname, label, term, title, entitle, with
 * "known (as)"), "so-called", the metalinguistic nouns that name a stretch of language (word,
 * term, phrase, slogan, label, motto) and the written surfaces a phrase is read on ("a sign
 * reading …", "a banner that read …").
 */
const SCARE_MARKERS = new Set([
  'so-called',
  'dubbed',
  'nicknamed',
  'titled',
  'entitled',
  'named',
  'word',
  'term',
  'phrase',
  'slogan',
  'label',
  'motto',
  'reading',
  'read',
  'known',
  'called',
  'calls',
  'sign',
  'banner',
]);

function precedingWord(text: string, pos: number, paraStart: number): string {
  const limit = Math.max(paraStart, pos - 60);
  let e = pos;
  while (e > limit && isSpace(text[e - 1])) e--;
  let s = e;
  while (s > limit && !isSpace(text[s - 1]) && text[s - 1] !== '\n') s--;
  return text.slice(s, e).toLowerCase();
}

/** A quoted term of at most three words, no final punctuation, right after "the"/"a"/"an". */
function isDeterminedTerm(text: string, q: QuoteSpan, paraStart: number): boolean {
  if (q.close < 0 || q.end - q.start > 40) return false;
  const inner = text.slice(q.start, q.end);
  const last = inner[inner.length - 1] ?? '';
  if (last === '.' || last === ',' || last === '!' || last === '?') return false;
  if (inner.split(' ').length > 3) return false;
  const pw = precedingWord(text, q.open, paraStart);
  return pw === 'the' || pw === 'a' || pw === 'an';
}

/**
 * How many capitalised words a quotation in title case has — every word capitalised but the short
 * ones, the first capitalised, no final punctuation ("State of the Union") — or 0 when it is not in
 * title case. At most `maxChars` long.
 */
function titleCapitals(text: string, q: QuoteSpan, maxChars: number): number {
  if (q.close < 0 || q.end - q.start > maxChars) return 0;
  return titleCaseCapitals(text.slice(q.start, q.end).trim().split(/\s+/));
}

/** A quoted title owned by the name before it: title case right after a possessive ("CNN's", "the BBC’s"). */
function ownedTitle(text: string, q: QuoteSpan, para: Paragraph): boolean {
  return /['’]s$/.test(precedingWord(text, q.open, para.start)) && titleCapitals(text, q, 60) > 0;
}

/** Capitalised words a quotation in title case has at least to read as a title with no owner. */
const TITLE_WORDS = 3;

/**
 * A quotation in title case with at least three capitalised words ("singing “Take Me Out to the
 * Ballgame”"): the title of a work, a programme or a campaign. Speech is not written so.
 */
function titleCased(text: string, q: QuoteSpan, para: Paragraph): boolean {
  const capitals = titleCapitals(text, q, 80);
  // (two are enough as the object of a preposition: "the duskiness of “Fifth Terrace”")
  return capitals >= TITLE_WORDS || (capitals >= 2 && isPreposition(precedingWord(text, q.open, para.start)));
}

/**
 * A quoted name as the subject of the verb right after it ("“Imola” suggests a sparser take",
 * "“Hamilton” won eleven Tonys"): at most four words in title case, with no punctuation of their
 * own, and no comma between the closing mark and the word in lower case after it. Speech put
 * before its verb ends with its own comma ("“We will win,” said …").
 */
function titleAsSubject(text: string, q: QuoteSpan, para: Paragraph): boolean {
  if (q.close < 0 || text.slice(q.start, q.end).trim().split(/\s+/).length > 4) return false;
  if (titleCapitals(text, q, 40) === 0) return false;
  return /^ \p{Ll}/u.test(text.slice(q.close + 1, Math.min(para.end, q.close + 20)));
}

/**
 * A quoted label: at most three words, each capitalised, after "the", "a" or "an" and right
 * before a word in lower case that it modifies ("the “Today” folder").
 */
function isLabel(text: string, q: QuoteSpan, para: Paragraph): boolean {
  if (q.close < 0 || !isDeterminedTerm(text, q, para.start)) return false;
  if (!/^(\p{Lu}[\p{L}'’-]*\s*){1,3}$/u.test(text.slice(q.start, q.end).trim())) return false;
  const after = text.slice(q.close + 1, Math.min(para.end, q.close + 40));
  return /^ \p{Ll}/u.test(after);
}

/**
 * A quoted full sentence that reads as something said: at least four words with a finite verb
 * by its tags ("We will rebuild the pier."), not a title or a slogan without one ("The World of
 * Tomorrow.").
 */
export function isUtterance(text: string, q: QuoteSpan, tagger: SentenceTagger | null): boolean {
  if (!tagger || q.end - q.start > 2000) return false;
  const toks = tagger(text, q.start, q.end);
  let words = 0;
  let finite = false;
  for (const t of toks) {
    if (/\p{L}/u.test(t.text)) words++;
    if (t.tag === 'VBD' || t.tag === 'VBZ' || t.tag === 'VBP' || t.tag === 'MD') finite = true;
  }
  return words >= 4 && finite;
}

/**
 * A quotation that is no statement though it has a speaker or a cue: the writer's term, the title
 * of a work, a name, a scare quote, a fragment with a bare cue. `inClause` tells whether a span
 * lies inside a reported clause.
 */
export function isNonStatement(
  text: string,
  { q, para, kind, att, inherited }: QuoteState,
  inClause: (s: number, e: number) => boolean,
): boolean {
  // a short quoted term after a determiner inside a reported clause is the writer's term
  // ("the report suggested the U.S. might not be the “jobs machine” it thinks it is")
  if (
    kind === 'partial' &&
    !inherited &&
    isDeterminedTerm(text, q, para.start) &&
    inClause(q.open, q.close + 1)
  )
    return true;
  // a title in title case, after its owner's possessive ("CNN's “State of the Union”", "the BBC’s
  // “Newsnight”") or of three capitalised words or more ("singing “Take Me Out to the Ballgame”"):
  // a programme or a work, said by nobody, whoever speaks around it
  if (kind === 'partial' && (ownedTitle(text, q, para) || titleCased(text, q, para))) return true;
  // a capitalised label before the noun it names ("the “Today” folder", "the “Remain” side"):
  // a name, said by nobody
  if (kind === 'partial' && !inherited && isLabel(text, q, para)) return true;
  // a name that is its verb's subject ("“Imola” suggests …")
  if (!inherited && titleAsSubject(text, q, para)) return true;
  // titles of works: "her book “The Long Road,” …", "the film “Heat”"
  if (!inherited && TITLE_NOUNS.has(precedingWord(text, q.open, para.start).replace(/[,:]$/, '')))
    return true;
  // a naming verb before a quoted proper name names something, nobody says it ("a user
  // labelled “Anonymous”", "a group dubbed “Red Dawn”"): every word of it capitalised
  if (
    kind === 'partial' &&
    !inherited &&
    att?.cue.info &&
    NAMING_VERBS.has(att.cue.info.lemma) &&
    /^(\p{Lu}[\p{L}'’.-]*\s*){1,4}$/u.test(text.slice(q.start, q.end).trim())
  )
    return true;
  // (inherited too: a quotation after "known as" names something whoever spoke before it)
  if (kind === 'partial') {
    let pw = precedingWord(text, q.open, para.start);
    // "known as “Tally Crew,”": the marker before "as"
    if (pw === 'as') {
      const before = /(\S+)\s+as\s*$/i.exec(text.slice(Math.max(para.start, q.open - 60), q.open));
      pw = before?.[1]?.toLowerCase() ?? pw;
    }
    if (
      SCARE_MARKERS.has(pw) &&
      !(att?.cue.info && (att.cue.info.lemma === 'call' || att.cue.info.lemma === 'describe') && att.np)
    )
      return true;
  }
  if (kind === 'partial' && !att?.np && !inherited && !att?.cue.text.includes(' ')) {
    // partial with a bare cue and no speaker: keep only agentless passives ("was described as")
    if (!att) return true;
  }
  return false;
}
