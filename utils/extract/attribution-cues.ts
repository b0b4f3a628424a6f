/**
 * Cues of attribution: the reporting expression at a token (a listed verb, a nominal cue, a verb
 * read by its tag), with the fillers and addressees around it; and the shape every attribution
 * search returns (a cue with its speaker noun phrase).
 */

import { nounClass } from '../nlp/noun-classes';
import { CUE_FILLERS, type CueInfo, cueVerb, isBeliefVerb, NOMINAL_CUES } from './cues';
import { IRREGULAR_PAST } from './lexicon';
import { isCapitalised } from './names';
import { isFunctionWord, type NP, npForward, npOfSpan } from './np';
import type { SentenceTagger, Tagged } from './reported-tags';
import { isLower, isSentenceEndAt, isSpace, skipSpaces, type Token, tokenize } from './text';

export interface Cue {
  start: number;
  end: number;
  text: string;
  info: CueInfo | null;
  /** The verb is followed by its addressee ("told reporters"). */
  addressee: NP | null;
}

export interface Attribution {
  cue: Cue;
  np: NP | null;
  /** Where the attribution text lies relative to the quote. */
  where: 'before' | 'after' | 'end' | 'colon';
}

/** The tagger that reads the verb after a quotation when no listed cue is there (see `taggedCue`). */
export let verbTagger: SentenceTagger | null = null;

export function useAttributionTagger(tagger: SentenceTagger | null): void {
  verbTagger = tagger;
}

/** Verbs that are auxiliaries or copulas, never the reporting verb of a quotation. */
export const NOT_A_CUE_LEMMA = new Set(['be', 'have', 'do', 'get', 'become', 'seem']);

/**
 * A verb right after a quotation and its subject that is not in the cue lexicon ("," the report
 * states.", "," the email began.", "," the mayor fumed in a tweet."): in English news a finite verb
 * whose subject follows a quotation closed by a comma, "?" or "!" and which takes no object of its
 * own has the quotation as its object, so it is the attribution whatever the verb. Read by its
 * tag (finite: VBD, VBZ, or VBP after a plural subject), not by a list; the verb must be followed
 * by the sentence end, a comma, a preposition, a particle or an adverb, never by an object.
 * `k` indexes `toks` (the window after the quotation); returns null when the verb is not there.
 */
export function taggedCue(
  text: string,
  toks: Token[],
  k: number,
  plural: boolean,
  from: number,
  end: number,
): Cue | null {
  const t = toks[k];
  if (!verbTagger || !t || !isLower(t.text[0])) return null;
  let stop = t.end;
  while (stop < end && text[stop] !== '\n' && !(text[stop] === '.' && isSentenceEndAt(text, stop, end)))
    stop++;
  // the subject is tagged with the verb: a verb alone is often read as a participle
  const tagged: Tagged[] = verbTagger(text, from, Math.min(end, stop + 1));
  const at = tagged.findIndex((x) => x.start === t.start);
  const v = tagged[at];
  if (!v) return null;
  const nx = tagged[at + 1];
  // ("“…,” Jones beams.": a word in -s between a name or "he"/"she" and the sentence's end is that
  // subject's verb, though the tagger reads it as a plural noun, "Jones beams")
  const prev = tagged[at - 1];
  const endsVerb =
    v.tag === 'NNS' &&
    !plural &&
    (prev?.tag === 'NNP' || prev?.tag === 'PRP') &&
    (nx === undefined || nx.text === '.' || nx.text === '!');
  // a past participle straight after the subject, with no auxiliary, is a past tense the tagger
  // misread ("the President-elect fumed in a tweet")
  const finite =
    v.tag === 'VBD' || v.tag === 'VBZ' || v.tag === 'VBN' || (plural && v.tag === 'VBP') || endsVerb;
  if (!finite || NOT_A_CUE_LEMMA.has(v.lemma)) return null;
  if (nx) {
    const ok =
      /^[.,;:!?\u2014\u2013]$/.test(nx.text) ||
      nx.tag === 'IN' ||
      nx.tag === 'RP' ||
      nx.tag === 'RB' ||
      nx.tag === 'TO' ||
      nx.tag === 'NNP'; // a weekday or month: "said Tuesday"
    if (!ok) return null;
  }
  return {
    start: t.start,
    end: t.end,
    text: t.text,
    info: { lemma: v.lemma, clause: false, form: v.tag === 'VBD' ? 'past' : 's' },
    addressee: null,
  };
}

/** Verbs whose object is the addressee ("told reporters", "reassured Dermer that"). */
export const ADDRESSEE_VERBS = new Set([
  'tell',
  'inform',
  'assure',
  'reassure',
  'brief',
  'remind',
  'notify',
  'warn',
  'advise',
  'caution',
  'promise',
]);

/**
 * The addressee after a verb of telling that ends at `from`: any noun phrase after "tell"; after
 * the others, one that "that" follows ("reassured Dermer that"), that closes the clause ("…, the
 * auditor warned the council."), or that a phrase of time or place follows ("advised the board on
 * Monday"). Never a pronoun (kept apart: "told him").
 */
function addresseeAfter(text: string, from: number, lemma: string): NP | null {
  // (a noun the word scan does not know, read by its tags: "warned the banks on Monday that")
  const np =
    npForward(text, from, Math.min(text.length, from + 80), false) ??
    taggedNPAt(
      text,
      tagToSentenceEnd(text, skipSpaces(text, from, from + 3), Math.min(text.length, from + 80)),
    )?.np ??
    null;
  if (!np || np.kind === 'pronoun') return null;
  // "cautioned that exit polls in the state had …": after a verb of saying "that" opens the content
  // clause; it is no demonstrative before an addressee
  if (np.tokens[0]?.text.toLowerCase() === 'that') return null;
  if (lemma === 'tell') return np;
  const after = tokenize(text, np.end, Math.min(text.length, np.end + 12))[0];
  if (after === undefined || /^[.!?,;:]$/.test(after.text)) return np;
  const low = after.text.toLowerCase();
  return low === 'that' || ADJUNCT_OPENERS.has(low) ? np : null;
}

/** Tags that may stand inside a common noun phrase before its head ("the 41-year-old goalkeeper"). */
export const NP_INNER = /^(JJ[RS]?|CD|NNS?|HYPH|VBN)$/;

/** The tagged words from `from` to the end of its sentence (bounded by `limit`). */
export function tagToSentenceEnd(text: string, from: number, limit: number): Tagged[] {
  if (!verbTagger) return [];
  let stop = from;
  const max = Math.min(limit, from + 120);
  while (stop < max && text[stop] !== '\n' && !(text[stop] === '.' && isSentenceEndAt(text, stop, max)))
    stop++;
  return verbTagger(text, from, Math.min(max, stop + 1));
}

/**
 * A common noun phrase the word scan does not know, read by its tags: an optional determiner,
 * adjectives, numbers and nouns ending in a common noun ("nurses", "the 41-year-old goalkeeper").
 * Forward from the first tagged word; returns the phrase and the index of the word after it.
 */
export function taggedNPAt(text: string, tagged: Tagged[]): { np: NP; next: number } | null {
  let j = 0;
  if (tagged[0]?.tag === 'DT' || tagged[0]?.tag === 'PRP$') j = 1;
  const first = j;
  while (j < tagged.length && NP_INNER.test((tagged[j] as Tagged).tag)) j++;
  const head = tagged[j - 1];
  if (j === first || !head || (head.tag !== 'NN' && head.tag !== 'NNS')) return null;
  const np = npOfSpan(text, (tagged[0] as Tagged).start, head.end);
  return np ? { np, next: j } : null;
}

/** Words that open a phrase of time or place after an addressee ("on Monday", "in a letter", "last week"). */
const ADJUNCT_OPENERS = new Set(['on', 'in', 'at', 'during', 'after', 'before', 'last', 'this', 'earlier']);

/**
 * An adverb between subject and cue ("officials repeatedly said"): a filler of the lexicon, or a
 * lower-case word in -ly that WordNet does not know first as a person or group noun ("family",
 * "ally"); a capitalised -ly word is a name ("Italy", "Kelly"). "only" is a focusing word, not a
 * filler.
 */
export function isAdverb(w: string): boolean {
  const b = w.toLowerCase();
  if (CUE_FILLERS.has(b)) return true;
  return b.length > 4 && b.endsWith('ly') && b !== 'only' && w[0] === b[0] && nounClass(b) === null;
}

export function gapIsSpace(text: string, a: number, b: number): boolean {
  if (b < a || b - a > 3) return false;
  for (let k = a; k < b; k++) if (!isSpace(text[k])) return false;
  return true;
}

/**
 * If token k is a reporting verb, returns the cue span (extended with the addressee of "tell",
 * particles "out"/"as"/"in a statement").
 */
/** "a friend of his told": the token before k is "his" standing alone after "of". */
export function independentHis(toks: readonly Token[], k: number): boolean {
  return toks[k - 1]?.text.toLowerCase() === 'his' && toks[k - 2]?.text === 'of';
}

const NOUN_DETERMINERS = new Set(['the', 'a', 'an', 'these', 'his', 'its', 'our', 'my', 'your', 'their']);

export function cueAt(
  text: string,
  toks: Token[],
  k: number,
  opts: { allowBase?: boolean } = {},
): Cue | null {
  const t = toks[k];
  if (!t) return null;
  const w = t.text;
  if (!isLower(w[0]) && !(k === 0 && isCapitalised(w))) return null;
  const info = cueVerb(w);
  if (!info) return null;
  if (info.form === 'base' && !opts.allowBase) return null;
  // "the figures", "its claims", "their reports": after an article or a possessive that cannot be
  // an object ("her" can), the form is a noun
  // ("a friend of his told": after "of", "his" stands alone)
  const det = toks[k - 1]?.text.toLowerCase() ?? '';
  if (NOUN_DETERMINERS.has(det) && !independentHis(toks, k)) return null;
  // "without mentioning him by name": a participle after "without" is an act not done
  if (info.form === 'ing' && toks[k - 1]?.text.toLowerCase() === 'without') return null;
  let end = t.end;
  let addressee: NP | null = null;
  const next = toks[k + 1];
  const nextLow = next && gapIsSpace(text, t.end, next.start) ? next.text.toLowerCase() : '';
  if (ADDRESSEE_VERBS.has(info.lemma)) {
    const np = addresseeAfter(text, t.end, info.lemma);
    if (np) {
      addressee = np;
      end = np.end;
    } else if (
      nextLow === 'him' ||
      nextLow === 'her' ||
      nextLow === 'them' ||
      nextLow === 'us' ||
      nextLow === 'me'
    ) {
      end = (next as Token).end;
    } else if (info.lemma === 'tell') {
      // "told reporters", "told the website", "told Israeli media"
      if (next && nextLow && !isFunctionWord(nextLow) && isLower(nextLow[0]) && nextLow !== 'that') {
        end = (next as Token).end;
      } else if (next && (nextLow === 'the' || nextLow === 'a' || nextLow === 'an')) {
        const noun = toks[k + 2];
        if (noun && gapIsSpace(text, next.end, noun.start) && !isFunctionWord(noun.text)) end = noun.end;
      }
    }
  } else if (info.lemma === 'point' && nextLow === 'out') {
    end = (next as Token).end;
  } else if (info.lemma === 'point') {
    return null;
  } else if ((info.lemma === 'describe' || info.lemma === 'hint') && (nextLow === 'as' || nextLow === 'at')) {
    end = (next as Token).end;
  } else if (info.lemma === 'signal' && nextLow === 'to') {
    const np = npForward(text, (next as Token).end, (next as Token).end + 60, false);
    if (np) end = np.end;
  } else if (nextLow === 'in' || nextLow === 'on') {
    // "said in a statement", "wrote in a letter", "said on Twitter"
    const det = toks[k + 2];
    const noun = toks[k + 3];
    if (
      det &&
      noun &&
      (det.text === 'a' ||
        det.text === 'an' ||
        det.text === 'his' ||
        det.text === 'her' ||
        det.text === 'their' ||
        det.text === 'its' ||
        det.text === 'the')
    ) {
      if (NOMINAL_CUES.has(noun.text.toLowerCase()) && gapIsSpace(text, det.end, noun.start)) end = noun.end;
    }
  }
  return { start: t.start, end, text: text.slice(t.start, end), info, addressee };
}

/** Skips adverbs, auxiliaries and time words leftwards from token index k (inclusive). */
export function skipFillersBack(toks: Token[], k: number, text: string): number {
  let j = k;
  let n = 0;
  while (j >= 0 && n < 4) {
    const t = toks[j] as Token;
    const nx = toks[j + 1];
    if (nx && !gapIsSpace(text, t.end, nx.start)) break;
    if (!isAdverb(t.text)) break;
    j--;
    n++;
  }
  return j;
}

/** A reporting verb (not one of belief) among the tokens before k. */
export function speechCueBefore(text: string, toks: Token[], k: number): boolean {
  for (let j = k - 1; j >= 0; j--) {
    const info = cueAt(text, toks, j)?.info;
    if (info?.clause && !isBeliefVerb(info.lemma)) return true;
  }
  return false;
}

/** Auxiliaries between a relative pronoun and its verb ("who had accused", "that has long argued"). */
const RELATIVE_AUXILIARIES = new Set([
  'has',
  'have',
  'had',
  'was',
  'were',
  'is',
  'are',
  'also',
  'long',
  'once',
]);

/**
 * Is the verb at token k in a relative clause ("who had accused") inside the content clause of an
 * earlier verb of saying ("said that women who had accused …")? A relative clause on the speaker
 * itself ("in a joint statement that called the talks …") is the attribution.
 */
export function relativeInReport(text: string, toks: Token[], k: number): boolean {
  let rel = k - 1;
  while (rel >= 0 && rel > k - 3 && RELATIVE_AUXILIARIES.has((toks[rel] as Token).text.toLowerCase())) rel--;
  if (!/^(who|that|which)$/i.test(toks[rel]?.text ?? '')) return false;
  let that = false;
  for (let j = rel - 1; j >= 0; j--) {
    if (cueAt(text, toks, j)?.info?.clause && that) return true;
    if ((toks[j] as Token).text.toLowerCase() === 'that') that = true;
  }
  return false;
}

const PASSIVE_AUXILIARIES = new Set([
  'is',
  'was',
  'are',
  'were',
  'be',
  'been',
  'can',
  'could',
  'may',
  'might',
]);

/** A past participle by its form: regular "-ed", an irregular past (lexicon.ts) or "-en"/"-wn" ("seen", "shown"). */
function participleForm(w: string): boolean {
  return w.endsWith('ed') || IRREGULAR_PAST.has(w) || /[^e]en$|wn$/.test(w);
}

/** "is heard saying", "can be seen telling": auxiliaries, one participle, then an -ing cue; or null. */
export function perceivedIng(text: string, toks: Token[], k: number): Cue | null {
  let j = k;
  while (j < toks.length && j < k + 3 && PASSIVE_AUXILIARIES.has(toks[j]?.text.toLowerCase() ?? '')) j++;
  if (j === k || !participleForm(toks[j]?.text.toLowerCase() ?? '')) return null;
  j++;
  if (toks[j]?.text === 'as') j++;
  const cue = cueAt(text, toks, j);
  return cue?.info?.form === 'ing' ? cue : null;
}

/** "quoted Ana Ruiz as saying": after the cue, a name, "as" and an -ing cue name the speaker. */
export function objectAsSaying(text: string, toks: Token[], cue: Cue): Attribution | null {
  const np = npForward(
    text,
    skipSpaces(text, cue.end, text.length),
    Math.min(text.length, cue.end + 80),
    false,
  );
  if (!np) return null;
  const j = toks.findIndex((t) => t.start >= np.end);
  if (j < 0 || toks[j]?.text !== 'as') return null;
  const ing = cueAt(text, toks, j + 1);
  return ing?.info?.form === 'ing' ? { cue: ing, np, where: 'after' } : null;
}
