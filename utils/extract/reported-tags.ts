/**
 * Tagged tokens for the reported-speech pass (reported.ts): the token, span and candidate types,
 * the part-of-speech tests the rules share, the reporting-verb test, and building a candidate.
 */

import { cueVerb, isBeliefVerb } from './cues';
import { IMPLICATIVE_ADJECTIVES, IMPLICATIVE_VERBS, MANDATIVE_VERBS, NEGATIVE_PRONOUNS } from './lexicon';

/** A token with its Penn Treebank tag and lemma (utils/nlp). Offsets index the article text. */
export interface Tagged {
  start: number;
  end: number;
  text: string;
  tag: string;
  lemma: string;
}

/** Tags the words of text[from, to) as one sentence. */
export type SentenceTagger = (text: string, from: number, to: number) => Tagged[];

/** A reporting verb in its sentence: what each attribution rule reads. */
export interface VerbSite {
  text: string;
  toks: Tagged[];
  /** The reporting verb's token. */
  v: number;
  /** One past the last token of the sentence's body (before final punctuation). */
  end: number;
  para: number;
}

export interface ReportedCandidate {
  start: number;
  end: number;
  /** The speaker's noun phrase [start, end), or null when it is the previous report's subject. */
  subject: { start: number; end: number; headEnd: number } | null;
  cue: string;
  para: number;
  /** Second segment of a clause split by an interposed attribution. */
  continuesPrev: boolean;
}

export interface Span {
  /** First token index. */
  from: number;
  /** One past the last token index. */
  to: number;
  /** One past the head noun phrase, when a post-modifier follows it ("Those around the mayor"). */
  headTo?: number;
}

export const isFiniteTag = (tag: string) => tag === 'VBD' || tag === 'VBZ' || tag === 'VBP' || tag === 'MD';

export const isVerbTag = (tag: string) => tag.startsWith('VB') || tag === 'MD';

export const isNounTag = (tag: string) => tag === 'NN' || tag === 'NNS' || tag === 'NNP' || tag === 'NNPS';

/** Tags a noun phrase is made of, left of its head: "the 41-year-old Brazilian goalkeeper". */
export const NP_INNER = new Set([
  'DT',
  'PDT',
  'PRP$',
  'POS',
  'CD',
  'JJ',
  'JJR',
  'JJS',
  'NN',
  'NNS',
  'NNP',
  'NNPS',
  'HYPH',
  'VBN',
  'VBG',
  'NFP',
]);

/**
 * Verbs of communication that take a content clause: the lemmas of cues.ts marked `clause`
 * (the reporting verbs of English, grouped after Levin 1993, classes 37.1–37.9 and 48.1.2),
 * except belief verbs, whose clause is a view rather than a report.
 */
export function reportingLemma(lemma: string): boolean {
  const info = cueVerb(lemma);
  return info !== undefined && info.lemma === lemma && info.clause && !isBeliefVerb(lemma);
}

/** "demanded that …", "urged that …": a mandative verb of saying right before "that". */
export function mandativeAt(toks: Tagged[], v: number): boolean {
  return (
    MANDATIVE_VERBS.has((toks[v] as Tagged).lemma) &&
    (toks[v + 1] as Tagged | undefined)?.text.toLowerCase() === 'that'
  );
}

/**
 * The finite verb that governs the infinitive at `v` and entails it ("went on to say", "was quick
 * to point out", "proceeded to claim"): its index, or -1.
 */
export function implicativeHead(toks: Tagged[], v: number): number {
  if ((toks[v - 1] as Tagged | undefined)?.tag !== 'TO') return -1;
  let g = v - 2;
  const particle = /^(RP|RB|IN)$/.test(toks[g]?.tag ?? '') ? (toks[g--] as Tagged).text.toLowerCase() : '';
  const adj = toks[g];
  if (adj?.tag === 'JJ' && IMPLICATIVE_ADJECTIVES.has(adj.text.toLowerCase())) {
    const be = toks[g - 1];
    return be && be.lemma === 'be' && /^VB[DZP]$/.test(be.tag) ? g - 1 : -1;
  }
  const gov = toks[g];
  if (!gov || !/^VB[DZP]$/.test(gov.tag) || !IMPLICATIVE_VERBS.has(gov.lemma)) return -1;
  return gov.lemma !== 'go' || particle === 'on' ? g : -1;
}

/** Finite verbs and perfect participles report; "with reports suggesting", "would say" do not. */
export function reportingForm(toks: Tagged[], v: number): boolean {
  const tag = (toks[v] as Tagged).tag;
  if (tag === 'VBD' || tag === 'VBZ' || tag === 'VBP') return true;
  // "Those close to him say": a base form right after its subject is the present tense (VB for
  // VBP is the tagger's commonest slip); after "will", "to" or "did" it is not a report of its own
  if (tag === 'VB') {
    let p = v - 1;
    const prev = toks[p];
    if (prev !== undefined && (isNounTag(prev.tag) || prev.tag === 'PRP')) return true;
    // "They claimed A and claim B": after a conjunction, a present coordinated with a finite verb
    if (prev?.tag === 'CC' && hasFinite(toks, 0, v - 1)) return true;
    // "did say that", "did indeed say that": the emphatic "do" (its negation is no report)
    if (prev?.tag === 'RB') p--;
    const aux = toks[p];
    if (aux && aux.lemma === 'do' && /^VB[DZP]$/.test(aux.tag)) return true;
    // "went on to say that", "was quick to point out that": a verb that entails its infinitive
    return implicativeHead(toks, v) >= 0;
  }
  if (tag === 'VBN') {
    const prev =
      toks[v - 1]?.lemma === 'have' ? toks[v - 1] : toks[v - 2]?.lemma === 'have' ? toks[v - 2] : undefined;
    if (prev !== undefined) return true;
    // "Torres said by phone the clinic …": a participle right after its subject, with no
    // auxiliary, and before a preposition ("by", "in") is the tagger's slip for the past tense
    // (not when its form differs: "shown")
    const subj = toks[v - 1];
    return (
      subj !== undefined &&
      (isNounTag(subj.tag) || subj.tag === 'PRP') &&
      toks[v + 1]?.tag === 'IN' &&
      pastSlip(toks[v] as Tagged)
    );
  }
  return false;
}

/**
 * A participle tag on a form that is also the past tense: the tagger's commonest slip after a
 * subject ("said", "fled"); not a form of its own ("shown", "given", "done").
 */
export function pastSlip(t: Tagged): boolean {
  return t.tag === 'VBN' && !/n$|ne$/.test(t.text.toLowerCase());
}

export function isQuoteMark(w: string): boolean {
  return w === '"' || w === '\u201c' || w === '\u201d' || w === '``' || w === "''";
}

export function isDash(w: string): boolean {
  return w === '\u2014' || w === '\u2015' || w === '\u2013' || w === '--';
}

/** Any finite verb in toks[from, to). */
export function hasFinite(toks: Tagged[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isFiniteTag((toks[i] as Tagged).tag)) return true;
  return false;
}

/**
 * Does the subject at `from` negate its clause ("No official said", "Nobody claimed", "None of the
 * ministers said", "Neither side said")? The negative pronouns and determiners (Quirk et al. 1985,
 * §10.58): a report so negated reports nothing, as "did not say" does. "No. 10" is a name.
 */
export function negativeSubject(toks: readonly { text: string }[], from: number): boolean {
  if (negativeAt(toks, from)) return true;
  // "None of the ministers said", "No one at the ministry said": the phrase after a preposition
  // belongs to a negative pronoun before it
  if (!SUBJECT_PREPOSITIONS.has(toks[from - 1]?.text.toLowerCase() ?? '')) return false;
  return negativeAt(toks, from - 2) || negativeAt(toks, from - 3);
}

const SUBJECT_PREPOSITIONS = new Set(['of', 'at', 'in', 'from', 'for', 'with']);

function negativeAt(toks: readonly { text: string }[], i: number): boolean {
  const w = toks[i]?.text.toLowerCase() ?? '';
  if (NEGATIVE_PRONOUNS.has(w)) return true;
  return w === 'no' && /^\p{L}/u.test(toks[i + 1]?.text ?? '');
}

export function candidate(
  toks: Tagged[],
  from: number,
  to: number,
  subject: Span | null,
  cue: string,
  para: number,
  continuesPrev = false,
): ReportedCandidate | null {
  if (subject && negativeSubject(toks, subject.from)) return null;
  while (to > from && /^[,;:\u2014\u2013-]$/.test((toks[to - 1] as Tagged).text)) to--;
  // the bracket of a bracketed sentence is no part of a clause that does not close it
  if ((toks[from] as Tagged).tag === '-LRB-' && !toks.slice(from, to).some((t) => t.tag === '-RRB-')) from++;
  if (to - from < 2) return null;
  return {
    start: (toks[from] as Tagged).start,
    end: (toks[to - 1] as Tagged).end,
    subject: subject
      ? {
          start: (toks[subject.from] as Tagged).start,
          end: (toks[subject.to - 1] as Tagged).end,
          headEnd: (toks[(subject.headTo ?? subject.to) - 1] as Tagged).end,
        }
      : null,
    cue,
    para,
    continuesPrev,
  };
}

export function cueText(text: string, toks: Tagged[], v: number, upTo: number): string {
  return text.slice((toks[v] as Tagged).start, (toks[Math.max(v, upTo - 1)] as Tagged).end);
}
