/**
 * Content clauses for the word-pattern reported-speech pass (indirect.ts): the candidate and
 * sentence types, whether a span reads like a clause, trimming it, where it ends, and the
 * clause after a cue (after "that", an adverbial and "that", or with no "that").
 */

import { tag as tagWords } from '../nlp/tagger';
import { cueAt } from './attribution-cues';
import { isPreposition } from './attribution-subjects';
import {
  CONJUNCTIONS_ONLY,
  DETERMINERS,
  IRREGULAR_PAST,
  sourcePhraseAt,
  TIME_ADVERBS,
  TIME_DETERMINERS,
  WEEKDAYS,
} from './lexicon';
import { isFunctionWord, type NP } from './np';
import { isQuoteMark } from './sentence-split';
import { isLower, isSpace, type Paragraph, type Token, tokenize } from './text';

export interface IndirectCandidate {
  start: number;
  end: number;
  np: NP | null;
  cue: string;
  para: number;
  continuesPrev: boolean;
}

/** One sentence under the word-pattern rules: its tokens outside quotations and its extent. */
export interface IndirectSentence {
  text: string;
  /** The sentence's tokens outside quotation marks. */
  toks: Token[];
  start: number;
  end: number;
  p: Paragraph;
  /** Whether an offset lies inside a quotation. */
  inside: (pos: number) => boolean;
}

export interface Clause {
  start: number;
  end: number;
  continuesPrev: boolean;
}

/** Verbs that report a claim with a bare (zero-that) clause. */
const ZERO_THAT = new Set([
  'say',
  'tell',
  'insist',
  'claim',
  'add',
  'warn',
  'argue',
  'suggest',
  'admit',
  'predict',
  'concede',
  'contend',
  'maintain',
  'assert',
  'write',
  'tweet',
  'state',
  'stance',
]);

/** Auxiliaries and copulas: a content clause must contain a finite verb; these prove one. */
const FINITE = new Set(
  `is are was were has have had will would can could shall should may might must did does do
  isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't shouldn't didn't doesn't don't
  remains remained needs needed means meant wants wanted plans planned seems seemed appears appeared
  became becomes`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

function normQ(w: string): string {
  return w.replace(/\u2019/g, "'").toLowerCase();
}

/** Heuristic: does [s, e) read like a clause (has a finite verb) rather than a bare noun phrase? */
export function looksLikeClause(toks: Token[]): boolean {
  if (toks.length < 2) return false;
  for (let i = 1; i < toks.length && i < 25; i++) {
    const w = normQ((toks[i] as Token).text);
    if (FINITE.has(w)) return true;
    const prev = normQ((toks[i - 1] as Token).text);
    // past tense/3sg after a noun-ish token: "Netanyahu notified", "Trump knew"
    // … but not the word after an infinitive's verb, its complement ("residents to stay indoors")
    const infinitive = i >= 2 && normQ((toks[i - 2] as Token).text).toLowerCase() === 'to';
    if (
      i >= 1 &&
      !infinitive &&
      (w.endsWith('ed') || (w.endsWith('s') && !w.endsWith('ss') && w.length > 3)) &&
      // (a function word in -s is no verb: "around this time", "for his part")
      !isFunctionWord(w) &&
      !DETERMINERS.has(prev) &&
      !isFunctionWord(prev) &&
      // a word in -s after a number is its plural noun ("256 points", "20 seats")
      !/^\d[\d,.]*$/.test(prev) &&
      isLower(w[0])
    ) {
      if (!w.endsWith("'s")) return true;
    }
    if (IRREGULAR_PAST.has(w) && !DETERMINERS.has(prev)) return true;
  }
  return false;
}

/** Before the first comma no finite verb, after it a word in -ing: a noun phrase and an adjunct. */
function objectThenParticiple(text: string, toks: Token[]): boolean {
  for (let i = 1; i < toks.length; i++) {
    if (!text.slice((toks[i - 1] as Token).end, (toks[i] as Token).start).includes(',')) continue;
    const w = (toks[i] as Token).text;
    return isLower(w[0]) && w.endsWith('ing') && !looksLikeClause(toks.slice(0, i));
  }
  return false;
}

/** Tags of the words of a simple noun phrase (Penn Treebank). */
const NP_TAGS = /^(DT|PDT|CD|JJ|JJR|JJS|NN|NNS|NNP|NNPS|PRP\$|POS)$/;

/**
 * The noun phrase opening [start, end) is followed right away by a conjunction that heads no
 * phrase (lexicon.ts), by the tagger's reading of the first words.
 */
function objectThenSubordinator(text: string, start: number, end: number): boolean {
  const tagged = tagWords(text.slice(start, Math.min(end, start + 120)));
  let i = 0;
  while (i < tagged.length && NP_TAGS.test((tagged[i] as { tag: string }).tag)) i++;
  const next = tagged[i];
  return i > 0 && !!next && CONJUNCTIONS_ONLY.has(next.text.toLowerCase());
}

/**
 * "adamant that Yoon be removed", "insisted that the report be published": after "that", "be"
 * right after a word that is no function word is the mandative subjunctive's verb.
 */
function subjunctiveBe(toks: Token[]): boolean {
  for (let i = 1; i < toks.length && i < 12; i++) {
    if ((toks[i] as Token).text !== 'be') continue;
    return !isFunctionWord((toks[i - 1] as Token).text);
  }
  return false;
}

/** Trims a clause [s, e): leading "that", trailing punctuation and spaces. */
export function trimClause(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpace(text[s])) s++;
  // the bracket of a bracketed sentence is no part of a clause that does not close it
  if (text[s] === '(' && !text.slice(s, e).includes(')')) s++;
  while (
    e > s &&
    (isSpace(text[e - 1]) ||
      text[e - 1] === '.' ||
      text[e - 1] === ',' ||
      text[e - 1] === ';' ||
      text[e - 1] === ':')
  )
    e--;
  return [s, e];
}

/** "with NP V-ing": a reporting verb in -ing within a few words after "with" at `k`. */
function absoluteReport(text: string, toks: Token[], k: number): boolean {
  for (let j = k + 1; j < toks.length && j <= k + 8; j++) {
    if (/[,;:.]/.test(text.slice((toks[j - 1] as Token).end, (toks[j] as Token).start))) return false;
    if (cueAt(text, toks, j)?.info?.form === 'ing') return true;
  }
  return false;
}

/**
 * End of a content clause starting at `s`: cut at a source phrase (", according to", ", in the words
 * of"), ", and he …", ", while …".
 */
export function clauseEnd(text: string, toks: Token[], from: number, sentEnd: number): number {
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as Token;
    if (t.start < from) continue;
    if (t.start >= sentEnd) break;
    const lw0 = t.text.toLowerCase();
    if ((lw0 === 'and' || lw0 === 'but') && k > 0) {
      const nx = cueAt(text, toks, k + 1);
      if (nx?.info && (nx.info.form === 'past' || nx.info.form === 's')) return (toks[k - 1] as Token).end;
    }
    const gap = text.slice((toks[k - 1] as Token | undefined)?.end ?? t.start, t.start);
    // a final aside after a dash ("… higher office — a possibility that …"): the clause's only
    // dash, none closing it, so it is the writer's afterthought, not part of the clause
    if (
      k > 0 &&
      /\s[\u2014\u2013]\s/.test(gap) &&
      !/[\u2014\u2013]/.test(text.slice(from, (toks[k - 1] as Token).end)) &&
      !/[\u2014\u2013]/.test(text.slice(t.start, sentEnd))
    )
      return (toks[k - 1] as Token).end;
    if (!gap.includes(',') && !gap.includes(';')) continue;
    const w = t.text.toLowerCase();
    const n1 = toks[k + 1]?.text.toLowerCase() ?? '';
    if (sourcePhraseAt(toks, k) > 0) return (toks[k - 1] as Token).end;
    if (w === 'while' || w === 'whereas' || w === 'although' || w === 'though')
      return (toks[k - 1] as Token).end;
    // ", amid public anger …": the writer's setting of the report, not its content
    if (w === 'amid' || w === 'amidst') return (toks[k - 1] as Token).end;
    // "…, but most analysts doubt it": after a comma "but" turns to the writer's contrast (measured:
    // cutting there is right more often than not; a speaker's own "but" is lost from the clause)
    // (", but that …" is not the writer's: "that" opens a second content clause of the same verb)
    if (w === 'but' && k > 0 && n1 !== 'that') return (toks[k - 1] as Token).end;
    // ", with the auditor saying …": an absolute clause with a speaker of its own
    if (w === 'with' && absoluteReport(text, toks, k + 1)) return (toks[k - 1] as Token).end;
    if (
      (w === 'and' || w === 'but') &&
      (n1 === 'he' || n1 === 'she' || n1 === 'they' || n1 === 'i' || n1 === 'we')
    ) {
      return (toks[k - 1] as Token).end;
    }
    if (gap.includes(';')) return (toks[k - 1] as Token).end;
  }
  return sentEnd;
}

/**
 * The content clause after a cue ending at `from`: optional adverbials, "that", then up to the
 * clause end; split at ", and that" / " and that".
 */
export function complement(
  s: IndirectSentence,
  k: number,
  from: number,
  sentEnd: number,
  lemma: string,
): Clause[] | null {
  const { text, toks } = s;
  // index of first token after the cue
  let j = k + 1;
  while (j < toks.length && (toks[j] as Token).start < from) j++;
  const first = toks[j];
  if (!first) return null;
  // the cue must be followed by a space (not a comma: "said, adding")
  const gap = text.slice(from, first.start);
  if (gap.includes(',') || gap.includes(':') || gap.includes('.') || [...gap].some(isQuoteMark)) {
    return null;
  }
  const start = complementStart(text, toks, j, lemma);
  if (start < 0) return null;
  const body = tokenize(text, start, sentEnd);
  const end = clauseEnd(text, body, start, sentEnd);
  const clauseToks = body.filter((t) => t.end <= end);
  const afterThat = /\bthat$/i.test(text.slice(Math.max(0, start - 5), start));
  if (!looksLikeClause(clauseToks) && !(afterThat && subjunctiveBe(clauseToks))) return null;
  // "maintained her innocence, saying …": with no "that", an object then a participial adjunct is
  // no clause (its verbs are the adjunct's)
  if (!afterThat && objectThenParticiple(text, clauseToks)) return null;
  // "said nothing because the jury was out": with no "that", a conjunction right after the first
  // noun phrase shows it was the verb's object
  if (!afterThat && objectThenSubordinator(text, start, end)) return null;
  const out = splitAtAndThat(text, clauseToks, start, end);
  // a quote-mark opening right at the clause start means the quote carries it (mixed quote)
  return out.length > 0 ? out : null;
}

/** Where the clause after the cue starts (its first token is `j`), or -1: after "that", or bare. */
function complementStart(text: string, toks: Token[], j: number, lemma: string): number {
  // "said Monday the …", "said Monday in a statement": a time word after the cue is its adjunct
  while (j + 1 < toks.length && isTimeWord(toks[j] as Token)) j++;
  const first = toks[j] as Token;
  const fl = first.text.toLowerCase();
  if (fl === 'that') return first.end;
  const afterAdverbial = thatAfterAdverbial(text, toks, j);
  if (afterAdverbial >= 0) return afterAdverbial;
  if (!ZERO_THAT.has(lemma) && lemma !== 'stance') return -1;
  // zero-that: clause starts with a subject-like word (not a preposition, gerund or adverb)
  if (isPreposition(first.text) || (isLower(fl[0]) && (fl.endsWith('ing') || fl.endsWith('ly')))) return -1;
  if (isFunctionWord(first.text) && !ZERO_THAT_OPENERS.has(fl)) return -1;
  return first.start;
}

/** A weekday or a deictic time adverb ("Monday", "yesterday", "earlier"). */
function isTimeWord(t: Token): boolean {
  const w = t.text.toLowerCase();
  return WEEKDAYS.has(w) || TIME_ADVERBS.has(w);
}

/**
 * Adverbials before "that": "at the time that", "on Monday that", "on his social media channels
 * that"; the offset after "that", or -1.
 */
function thatAfterAdverbial(text: string, toks: Token[], j: number): number {
  for (let q = j; q < toks.length && q < j + 8; q++) {
    const w = (toks[q] as Token).text.toLowerCase();
    const prevT = toks[q - 1] as Token;
    if (q > j && text.slice(prevT.end, (toks[q] as Token).start).trim() !== '') break;
    if (w === 'that' && q > j)
      return adverbialHead((toks[j] as Token).text.toLowerCase()) ? (toks[q] as Token).end : -1;
  }
  return -1;
}

/** A word that opens an adverbial between a cue and its "that". */
function adverbialHead(head: string): boolean {
  return (
    isPreposition(head) ||
    WEEKDAYS.has(head) ||
    TIME_ADVERBS.has(head) ||
    TIME_DETERMINERS.has(head) ||
    head === 'further' ||
    head === 'also' ||
    // a manner or frequency adverb ("publicly", "repeatedly")
    head.endsWith('ly')
  );
}

/** Function words that may open a zero-that clause (determiners, subject pronouns, quantifiers). */
const ZERO_THAT_OPENERS = new Set([
  'the',
  'a',
  'an',
  'he',
  'she',
  'they',
  'it',
  'we',
  'i',
  'his',
  'her',
  'their',
  'its',
  'there',
  'this',
  'no',
  'some',
  'all',
  'most',
  'many',
]);

/** The clause [start, end) as segments split at "and that" / ", but that", each trimmed. */
export function splitAtAndThat(text: string, clauseToks: Token[], start: number, end: number): Clause[] {
  const out: Clause[] = [];
  let segStart = start;
  for (let q = 0; q + 1 < clauseToks.length; q++) {
    const a = clauseToks[q] as Token;
    const b = clauseToks[q + 1] as Token;
    const conj = a.text.toLowerCase();
    if ((conj === 'and' || conj === 'but') && b.text.toLowerCase() === 'that' && a.start > segStart + 4) {
      const [cs, ce] = trimClause(text, segStart, a.start);
      if (ce > cs) out.push({ start: cs, end: ce, continuesPrev: out.length > 0 });
      segStart = b.end;
    }
  }
  const [cs, ce] = trimClause(text, segStart, end);
  if (ce > cs) out.push({ start: cs, end: ce, continuesPrev: out.length > 0 });
  return out;
}
