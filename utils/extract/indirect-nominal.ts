/**
 * Nominal reports in the word-pattern pass: a possessor and a noun reporting a proposition,
 * then "that" or a colon ("his vow that …", "Netanyahu’s declaration that …", "its key findings: …").
 */

import { complement, type IndirectCandidate, type IndirectSentence, trimClause } from './indirect-clause';
import { PUBLICATIONS } from './lexicon';
import { isCapitalised } from './names';
import { isFunctionWord, type NP, npBackward } from './np';
import { speakerLike } from './speaker-like';
import type { Token } from './text';

/**
 * Nouns reporting a proposition: "his vow that", "Netanyahu’s declaration that". The nouns of
 * speech acts among the nouns that control a that-clause in news (Biber et al. 1999, Longman
 * Grammar, §8.13.1, "nouns of communication": claim, statement, argument, assertion, suggestion,
 * …), nominalisations of the reporting verbs in cues.ts, with the stance nouns "view", "notion" and
 * "position" and the findings of a report. Not the factual and perception nouns ("the fact that").
 */
export const NOMINAL_THAT = new Set([
  'declaration',
  'vow',
  'statement',
  'claim',
  'claims',
  'insistence',
  'assertion',
  'notion',
  'view',
  'position',
  'argument',
  'warning',
  'promise',
  'pledge',
  'contention',
  'suggestion',
  'admission',
  'assurance',
  'assurances',
  'prediction',
  'allegation',
  'accusation',
  'conclusion',
  'finding',
  'findings',
  'announcement',
]);

/** "his vow on Monday that …", "Netanyahu’s declaration that …", "Among its key findings: …". */
export function nominal(s: IndirectSentence, k: number): IndirectCandidate[] | null {
  const { text, toks, end: sentEnd, p } = s;
  const noun = toks[k] as Token;
  // possessor: token before (optionally one modifier in between: "his stated position", "its key findings")
  let pi = k - 1;
  let possTok = toks[pi];
  let mod: Token | null = null;
  if (possTok && !isPossessor(possTok.text)) {
    mod = possTok;
    pi--;
    possTok = toks[pi];
  }
  if (!possTok || !isPossessor(possTok.text)) return null;
  if (mod && (isFunctionWord(mod.text) || isCapitalised(mod.text))) return null;
  // possessor NP: pronoun or capitalised name(s) with ’s
  let np: NP | null;
  const pl = possTok.text.toLowerCase();
  if (pl === 'his' || pl === 'her' || pl === 'its' || pl === 'their') {
    np = {
      start: possTok.start,
      end: possTok.end,
      text: possTok.text,
      tokens: [possTok],
      head: 0,
      kind: 'pronoun',
      det: '',
    };
  } else {
    np = npBackward(text, possTok.end, Math.max(p.start, possTok.start - 80));
    if (!np) return null;
    // a named possessor, or a body or person described ("the administration's assertion")
    if (!isCapitalised((np.tokens[np.tokens.length - 1] as Token).text) && !speakerLike(np, true))
      return null;
    if (PUBLICATIONS.has(np.text)) return null;
    np = withoutPossessive(np);
  }
  const cueStart = (mod ?? noun).start;
  // "that" (possibly after a short adverbial) or ":" right after the noun
  const after = text[noun.end];
  if (after === ':') {
    const [cs, ce] = trimClause(text, noun.end + 1, sentEnd);
    if (ce - cs < 10) return null;
    return [
      { start: cs, end: ce, np, cue: text.slice(cueStart, noun.end), para: p.index, continuesPrev: false },
    ];
  }
  const cl = complement(s, k, noun.end, sentEnd, 'nominal');
  if (!cl) return null;
  // nominal reports need an explicit "that"
  const thatTok = toks.find((t) => t.start >= noun.end && t.text.toLowerCase() === 'that');
  if (!thatTok || thatTok.start - noun.end > 40) return null;
  return cl.map((c) => ({ ...c, np, cue: text.slice(cueStart, noun.end), para: p.index }));
}

function isPossessor(w: string): boolean {
  const l = w.toLowerCase();
  if (l === 'his' || l === 'her' || l === 'its' || l === 'their') return true;
  return l.endsWith('\u2019s') || l.endsWith("'s");
}

/** The noun phrase without its possessive ending ("the administration’s" → "the administration"). */
export function withoutPossessive(np: NP): NP {
  const last = np.tokens[np.tokens.length - 1] as Token;
  const m = /(?:'|\u2019)s$/i.exec(last.text);
  if (!m) return np;
  const cut = m[0].length;
  const tokens = [
    ...np.tokens.slice(0, -1),
    { ...last, text: last.text.slice(0, -cut), end: last.end - cut },
  ];
  return { ...np, tokens, end: np.end - cut, text: np.text.slice(0, -cut) };
}
