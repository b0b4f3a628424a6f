/**
 * Noun phrases read forwards from a position ("said the city auditor", "according to Ambassador to
 * Kenya Martin Kimani"): a determiner or possessor, name and noun words, a description before a
 * name, trimmed to its head, with an anonymous source's post-modifier.
 */

import { lemmatize } from '../nlp/lemma';
import { nounClass } from '../nlp/noun-classes';
import { cueVerb } from './cues';
import {
  ANON_HEADS,
  CAPITAL_STOPWORDS,
  DETERMINERS,
  INDEPENDENT_POSSESSIVES,
  NAME_PARTICLES,
  POSSESSIVE_PRONOUNS,
  ROLE_NOUNS,
  SUBJECT_PRONOUNS,
  TIME_ADVERBS,
  TIME_DETERMINERS,
  TIME_NOUNS,
  TITLES,
} from './lexicon';
import { bare, isCapitalised, onlySpacesBetween, startsTimeExpression } from './names';
import {
  BACK_POSTMOD,
  isAge,
  isFunctionWord,
  isHeadWord,
  isInnerConnector,
  isNPWord,
  isQuoteChar,
  makeNP,
  type NP,
  personNoun,
  roleWord,
} from './np-core';
import { isLower, isPossessive, skipSpaces, type Token, tokenize } from './text';

/**
 * Noun phrase starting at `from` (after spaces), e.g. after an inverted cue: "said Leavitt",
 * "tweeted Qatar Foreign Ministry spokesperson Majed al-Ansari", "said the source close to …".
 */
export function npForward(text: string, from: number, limit: number, withPostmod = true): NP | null {
  const end = Math.min(limit, from + 160);
  const toks = tokenize(text, from, end);
  const t0 = toks[0];
  if (!t0 || !onlySpacesBetween(text, from, t0.start)) return null;
  const b0 = bare(t0.text);
  if (SUBJECT_PRONOUNS.has(b0)) return makeNP(text, [t0], '');
  const st: ForwardState = { text, toks, taken: [], det: '', headSeen: -1, unknownRun: 0 };
  let k = 0;
  if (DETERMINERS.has(b0) || POSSESSIVE_PRONOUNS.has(b0)) {
    st.det = b0;
    st.taken.push(t0);
    k = 1;
  } else if (isPossessive(t0.text) && isCapitalised(t0.text)) {
    st.det = 'poss';
    st.taken.push(t0);
    k = 1;
  }
  for (; k < toks.length; k++) {
    const next = extendForward(st, k);
    if (next === null) break;
    k = next;
  }
  trimToHead(st);
  const { taken, det } = st;
  if (taken.length === 0 || (det !== '' && taken.length === 1)) return null;
  const np = makeNP(text, taken, det);
  if (!np) return null;
  if (
    withPostmod &&
    (np.kind === 'anon' || (np.kind === 'person' && !isCapitalised((taken[taken.length - 1] as Token).text)))
  )
    withForwardPostmod(text, toks, np, taken.length);
  if (withPostmod && np.end === (taken[taken.length - 1] as Token).end)
    withOf(text, toks, np, taken.length, limit);
  return np;
}

/**
 * "members of the victims’ families", "relatives of the dead": a common noun of people (WordNet's
 * person and group nouns) is identified by its "of" phrase, which belongs to the speaker.
 */
function withOf(text: string, toks: Token[], np: NP, taken: number, limit: number): void {
  const ofTok = toks[taken];
  const head = np.tokens[np.head] as Token;
  if (ofTok?.text !== 'of' || !onlySpacesBetween(text, np.end, ofTok.start)) return;
  if (!isLower(head.text[0] ?? '')) return;
  const w = head.text.toLowerCase();
  if (nounClass(lemmatize(w, w.endsWith('s') ? 'NNS' : 'NN')) === null) return;
  // "a friend of his said": an independent possessive closes the phrase
  const pron = toks[taken + 1];
  const after = toks[taken + 2];
  if (
    pron &&
    INDEPENDENT_POSSESSIVES.has(pron.text) &&
    (!after || !isLower(after.text[0] ?? '') || cueVerb(after.text) !== undefined)
  ) {
    np.end = pron.end;
    np.text = text.slice(np.start, pron.end);
    return;
  }
  const inner = npForward(text, ofTok.end, limit, false);
  if (!inner || inner.start !== skipSpaces(text, ofTok.end, limit)) return;
  np.end = inner.end;
  np.text = text.slice(np.start, inner.end);
}

/** A noun phrase being read forwards: its tokens, determiner, head and the words it is unsure of. */
interface ForwardState {
  text: string;
  toks: Token[];
  taken: Token[];
  det: string;
  headSeen: number;
  unknownRun: number;
}

/** Is the word after the time word at `k` a word of content it may modify ("a late Monday statement")? */
function modifiesNext(toks: readonly Token[], k: number): boolean {
  const next = toks[k + 1]?.text ?? '';
  return isLower(next[0] ?? '') && !isFunctionWord(next);
}

/** Takes token k (and maybe a few after it) into the phrase: the last index taken, or null to stop. */
function extendForward(st: ForwardState, k: number): number | null {
  const { text, toks, taken, det } = st;
  const t = toks[k] as Token;
  const prev = taken[taken.length - 1];
  if (prev && !onlySpacesBetween(text, prev.end, t.start)) return null;
  const w = t.text;
  // "de Miranda notes", "Obama states": a verb after a name, not a noun ("notes", "states")
  if (prev && isCapitalised(prev.text) && !isCapitalised(w)) {
    const cv = cueVerb(w);
    if (cv && (cv.form === 's' || cv.form === 'past')) return null;
  }
  // "said Mayor Lena Ortiz on Tuesday": the time expression is not part of the name (but in
  // "a Friday report" the day is a modifier of the phrase)
  if ((det === '' || (prev && isCapitalised(prev.text))) && startsTimeExpression(toks, k)) return null;
  // "according to a study Monday in Nature", "a statement Tuesday from the company": after the
  // head noun, a day that modifies nothing after it is a time adjunct, not part of the phrase
  if (prev && det !== '' && taken.length > 1 && startsTimeExpression(toks, k) && !modifiesNext(toks, k))
    return null;
  const nextCap = toks[k + 1] !== undefined && isCapitalised((toks[k + 1] as Token).text);
  // "Minister of the Interior Ana Ruiz", "Ambassador to the United Nations Martin Kimani"
  const theCap =
    toks[k + 1]?.text === 'the' && toks[k + 2] !== undefined && isCapitalised((toks[k + 2] as Token).text);
  if (theCap && prev !== undefined && isCapitalised(prev.text) && isInnerConnector(w, taken)) {
    taken.push(t, toks[k + 1] as Token);
    st.unknownRun = 0;
    return k + 1;
  }
  // "co-founder and chief executive Ana Ruiz": roles coordinated before one name (`roleWord`)
  if (w === 'and' && roleWord(prev) && roleWord(toks[k + 1])) {
    taken.push(t);
    return k;
  }
  if (
    isNPWord(w) ||
    (NAME_PARTICLES.has(w.toLowerCase()) &&
      (nextCap ||
        (NAME_PARTICLES.has(toks[k + 1]?.text.toLowerCase() ?? '') &&
          isCapitalised(toks[k + 2]?.text ?? '')))) ||
    (nextCap && prev !== undefined && isCapitalised(prev.text) && isInnerConnector(w, taken))
  ) {
    taken.push(t);
    if (isHeadWord(w)) st.headSeen = taken.length - 1;
    st.unknownRun = 0;
    return k;
  }
  // "the 54-year-old nurse", "the 3rd-ranked senator": a hyphenated number is a modifier
  const numeric = /^\d[\d,.]*(?:-\p{L}+)+$/u.test(w);
  // "The mayor met the protesters": an article inside the phrase starts another one, so the
  // unknown word before it was a verb
  if (w === 'the' || w === 'a' || w === 'an') {
    if (st.unknownRun > 0) {
      taken.length -= st.unknownRun;
      st.unknownRun = 0;
    }
    return null;
  }
  if ((isLower(w[0]) || numeric) && det !== '' && st.unknownRun < 2 && !isFunctionWord(w)) {
    const cv = cueVerb(w);
    const punctAfter = /[.,;:]/.test(text[t.end] ?? '');
    if (cv && cv.form !== 'base' && !punctAfter) return null;
    taken.push(t);
    st.unknownRun++;
    return k;
  }
  // a lower-case description before a name: "farmer Ellen Marsh", "local resident Ann Lee"
  if (isLower(w[0]) && det === '' && taken.length < 4 && !isFunctionWord(w) && !cueVerb(w)) {
    const q = descriptionBeforeName(text, toks, k);
    // after three words ("Met Office chief meteorologist Paul Gundersen") only a noun of a person
    if (q > 0 && (taken.length < 3 || personNoun((toks[q - 1] as Token).text))) {
      for (let r = k; r < q; r++) taken.push(toks[r] as Token);
      return q - 1;
    }
  }
  return null;
}

/**
 * "farmer Ellen Marsh", "fire chief Luis Romero": lower-case words from token k up to the capital
 * of a name; the index of that capital, or 0 when they are no description of it.
 */
function descriptionBeforeName(text: string, toks: Token[], k: number): number {
  let q = k + 1;
  while (
    q < toks.length &&
    q < k + 3 &&
    isLower((toks[q] as Token).text[0]) &&
    !isFunctionWord((toks[q] as Token).text)
  )
    q++;
  const cap = toks[q];
  // only spaces between the words; a two-word description ends in a title or role noun
  // ("fire chief Luis Romero", not "reporters aboard Air Force One")
  let spaced = cap !== undefined;
  for (let r = k; r < q && spaced; r++)
    spaced = onlySpacesBetween(text, (toks[r] as Token).end, (toks[r + 1] as Token).start);
  if (q - k > 1) {
    const last = bare((toks[q - 1] as Token).text);
    spaced &&= TITLES.has(last) || ROLE_NOUNS.has(last) || ANON_HEADS.has(last);
  }
  return cap && spaced && isCapitalised(cap.text) && !CAPITAL_STOPWORDS.has(cap.text) ? q : 0;
}

/**
 * Trims trailing non-head words, unless the phrase ends at punctuation or before a verb of saying
 * ("according to the city auditor,", "the inspector said").
 */
function trimToHead(st: ForwardState): void {
  const { text, toks, taken, det } = st;
  const lastT = taken[taken.length - 1];
  const nextT = toks[taken.length];
  const afterCh = lastT ? text[lastT.end] : undefined;
  const nextCue = nextT !== undefined ? cueVerb(nextT.text) : undefined;
  const boundaryAfter =
    lastT !== undefined &&
    (afterCh === ',' ||
      afterCh === '.' ||
      afterCh === ';' ||
      afterCh === ':' ||
      (nextT !== undefined &&
        onlySpacesBetween(text, lastT.end, nextT.start) &&
        nextCue !== undefined &&
        nextCue.form !== 'base'));
  if (
    boundaryAfter &&
    det !== '' &&
    lastT &&
    ((isLower(lastT.text[0]) && !isFunctionWord(lastT.text) && !lastT.text.endsWith('ed')) ||
      // "the 54-year-old said": an age standing for the person
      isAge(lastT.text))
  )
    st.headSeen = taken.length - 1;
  while (taken.length > 0 && taken.length - 1 > st.headSeen) {
    const t = taken[taken.length - 1] as Token;
    if (isHeadWord(t.text) || (taken.length === 1 && det === '')) break;
    taken.pop();
  }
}

/**
 * Prepositions of place that open an anonymous source's identifying post-modifier ("a GOP insider
 * in New Hampshire", "an official at the ministry").
 */
const PLACE_POSTMOD = new Set(['in', 'at', 'from', 'inside', 'within']);

/** Verbs of saying in the base form that end a post-modifier ("sources familiar with it say"). */
const POSTMOD_END_VERBS = new Set(['say', 'tell', 'claim', 'insist', 'warn', 'believe']);

/**
 * "the source close to Trump’s national security team", "sources familiar with the matter": the
 * post-modifier after an anonymous head, up to punctuation, a verb of saying or a relative word.
 */
function withForwardPostmod(text: string, toks: Token[], np: NP, taken: number): void {
  const nextTok = toks[taken];
  if (!nextTok || !onlySpacesBetween(text, np.end, nextTok.start)) return;
  const place = np.kind === 'anon' && PLACE_POSTMOD.has(nextTok.text.toLowerCase());
  if (!BACK_POSTMOD.has(nextTok.text.toLowerCase()) && !place) return;
  let e = nextTok.end;
  // (up to 24 words: "close to the president’s national security team and a U.S. official
  // familiar with the matter")
  for (let q = taken + 1; q < toks.length && q < taken + 24; q++) {
    const tq = toks[q] as Token;
    const gap = text.slice(e, tq.start);
    if (/[,.;:\n]/.test(gap) || [...gap].some(isQuoteChar)) break;
    const lw = tq.text.toLowerCase();
    const cv = cueVerb(lw);
    // "a source in Kyiv on Monday": the time is the report's, not the source's
    if (place && (startsTimeExpression(toks, q) || TIME_ADVERBS.has(lw))) break;
    if (place && TIME_DETERMINERS.has(lw) && TIME_NOUNS.has(toks[q + 1]?.text.toLowerCase() ?? '')) break;
    if (
      (cv && cv.form !== 'base' && cv.form !== 'ing') ||
      lw === 'that' ||
      lw === 'who' ||
      lw === 'which' ||
      lw === 'both' ||
      lw === 'speaking'
    )
      break;
    if (cv && cv.form === 'base' && tq.text === lw && POSTMOD_END_VERBS.has(lw)) break;
    e = tq.end;
  }
  np.end = e;
  np.text = text.slice(np.start, e);
}
