/**
 * Noun phrases over part-of-speech tags for the reported-speech pass: read leftwards from their
 * last token or rightwards from their first, a proper name's length, a headless determiner.
 */

import { isNounTag, NP_INNER, type Span, type Tagged } from './reported-tags';

/**
 * The noun phrase whose last token is `j`, read leftwards: a noun or pronoun head, then
 * modifiers and a determiner. `withPost`: a post-modifier ("for the operator") may end it.
 */
export function npBackwardFrom(toks: Tagged[], j: number, floor: number, withPost: boolean): Span | null {
  if (j < floor) return null;
  let last = j;
  const head = toks[last] as Tagged;
  if (head.tag === 'PRP') {
    const w = head.text.toLowerCase();
    return w === 'it' || w === 'he' || w === 'she' || w === 'they' || w === 'we' || w === 'i' || w === 'you'
      ? { from: j, to: j + 1 }
      : null;
  }
  if (withPost) {
    // "a spokesman for the operator": skip back over "IN NP" tails
    for (let k = j; k > floor && k > j - 10; k--) {
      if ((toks[k] as Tagged).tag === 'IN' && isNounTag((toks[k - 1] as Tagged).tag)) {
        last = k - 1;
        break;
      }
    }
  }
  // "Donnelly said": a capitalised word the tagger read as an adverb (-ly), alone before the
  // verb at the start of a clause, is a name; an adverb there would need a subject after it
  const lone = toks[last] as Tagged;
  if (
    lone.tag === 'RB' &&
    /^\p{Lu}\p{Ll}/u.test(lone.text) &&
    (last === floor ||
      /^[,;]$/.test((toks[last - 1] as Tagged).text) ||
      (toks[last - 1] as Tagged).tag === 'CC')
  )
    return { from: last, to: last + 1 };
  if (!isNounTag((toks[last] as Tagged).tag) && (toks[last] as Tagged).tag !== 'CD') return null;
  let i = last;
  while (i - 1 >= floor) {
    const p = toks[i - 1] as Tagged;
    if (!NP_INNER.has(p.tag)) break;
    // two words of a noun phrase are written together or with one space
    if (!onlySpace(p, toks[i] as Tagged)) break;
    i--;
    if (p.tag === 'DT' || p.tag === 'PRP$' || p.tag === 'PDT') break;
  }
  // a modifier cannot end a noun phrase's left edge on a participle: "driver hurt" is not one
  while (i < last && ((toks[i] as Tagged).tag === 'VBN' || (toks[i] as Tagged).tag === 'VBG')) i++;
  return { from: i, to: j + 1 };
}

function onlySpace(a: Tagged, b: Tagged): boolean {
  return b.start - a.end <= 1;
}

/** The noun phrase starting at token `k`: "Tom Reid", "the utility", "a senior official". */
export function npForward(toks: Tagged[], k: number, end: number): Span | null {
  if (k >= end) return null;
  const t0 = toks[k] as Tagged;
  if (t0.tag === 'PRP') return { from: k, to: k + 1 };
  let i = k;
  let head = -1;
  while (i < end) {
    const t = toks[i] as Tagged;
    // coordinated nouns or modifiers without a determiner of their own: one phrase ("the nurses
    // and doctors union", "police and firefighters")
    const nx = toks[i + 1];
    if (t.tag === 'CC' && head === i - 1 && i + 1 < end && nx && (isNounTag(nx.tag) || nx.tag === 'JJ')) {
      i++;
      continue;
    }
    if (!NP_INNER.has(t.tag)) break;
    // a determiner after a predeterminer is the same phrase ("half the beds", "all the staff")
    const afterPdt = t.tag === 'DT' && i === k + 1 && t0.tag === 'PDT';
    if (i > k && (t.tag === 'DT' || t.tag === 'PDT') && !afterPdt) break;
    if (isNounTag(t.tag) || t.tag === 'CD') head = i;
    i++;
  }
  if (head < 0) return null;
  return { from: k, to: head + 1 };
}

/** Tokens of the proper name that opens a noun phrase ("Ana Petrov" of "Ana Petrov of Leeds"). */
export function nameLength(toks: Tagged[], sp: Span): number {
  let n = 0;
  while (sp.from + n < sp.to && (toks[sp.from + n] as Tagged).tag === 'NNP') n++;
  return Math.max(1, n);
}

/** "Those", "Many", "Some" heading a noun phrase with a post-modifier. */
export function determinerOnly(toks: Tagged[], j: number): Span | null {
  const headless = (t: Tagged | undefined) =>
    t !== undefined && (t.tag === 'DT' || t.tag === 'JJ' || t.tag === 'CD');
  if (!headless(toks[j])) return null;
  let i = j;
  while (i > 0 && headless(toks[i - 1])) i--;
  return { from: i, to: j + 1 };
}
