/**
 * Speakers described rather than named: joint speakers ("Ana Ruiz and Li Wei"), groups ("Some in
 * the party"), nationals and party members ("one Nevada Republican"), someone's office ("his
 * office"), possessed roles ("Trump’s envoy") and plain descriptions; with the word helpers for
 * descriptions (their words, their conjoined parts).
 */

import { DEMONYMS, DETERMINERS } from './lexicon';
import { bare, PREPOSITIONS } from './names';
import { describe, makeNP, type NP } from './np';
import type { Resolved, ResolveRule } from './speaker-state';
import { isPossessive, stripPossessive, type Token, tokenize } from './text';

/** Lower-cased words of a noun phrase's tokens. */
export function tokenWords(np: NP): string[] {
  return np.tokens.map((t) => bare(t.text));
}

/** Lower-cased words of a noun phrase's full text (including a post-modifier). */
export function npWords(text: string, np: NP): string[] {
  return tokenize(text, np.start, np.end).map((t) => bare(t.text));
}

/** A description kept as it is written, keyed by its words. */
function asDescription(np: NP, kind: 'anon' | 'org' = 'anon'): Resolved {
  return { name: describe(np), kind, key: tokenWords(np).join(' ') };
}

function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * "Ana Ruiz and Li Wei said": a coordination of persons is one joint speaker; if any conjunct is
 * not a person, the last conjunct speaks.
 */
export const jointRule: ResolveRule = (s, np) => {
  const conjuncts = (np as NP & { conjuncts?: NP[] }).conjuncts;
  if (!conjuncts) return undefined;
  const names: string[] = [];
  for (const c of conjuncts) {
    const r = s.resolve(c);
    if (r?.kind !== 'person') return s.resolve(conjuncts[conjuncts.length - 1] as NP);
    names.push(r.name);
  }
  const nm = joinNames(names);
  return { name: nm, kind: 'anon', key: nm.toLowerCase() };
};

/**
 * "Some in the party", "Those around the mayor", "Many of them": a determiner standing as the
 * head of its phrase is a group described by what follows; never the body named after it.
 */
export const determinerGroupRule: ResolveRule = (_s, np) => {
  const t1 = np.tokens[1];
  if (
    t1 &&
    DETERMINERS.has(bare((np.tokens[0] as Token).text)) &&
    (PREPOSITIONS.has(bare(t1.text)) || bare(t1.text) === 'in' || bare(t1.text) === 'around')
  )
    return asDescription(np);
  return undefined;
};

/** "another commonwealth Democrat", "one Nevada Republican": a party member or a national described, not named. */
export const demonymRule: ResolveRule = (_s, np) => {
  const head = stripPossessive((np.tokens[np.head] as Token).text);
  if (
    np.det !== '' &&
    np.det !== 'the' &&
    np.det !== 'poss' &&
    np.head === np.tokens.length - 1 &&
    (DEMONYMS.has(head) || DEMONYMS.has(head.replace(/s$/, '')))
  )
    return asDescription(np);
  return undefined;
};

/** A phrase determined by "his", "her" or "its". */
function possessivePronoun(np: NP): boolean {
  return np.det === 'his' || np.det === 'her' || np.det === 'its';
}

/** The possessive pronoun that determines `np`, as a phrase of its own (to resolve its owner). */
function determinerPronoun(np: NP): NP {
  const first = np.tokens[0] as Token;
  return { ...np, end: first.end, text: first.text, tokens: [first], head: 0, kind: 'pronoun' };
}

/**
 * "his office", "her spokesman", "its board": the organisation or aide of the person (or body)
 * the possessive pronoun stands for ("Alan Whitfield's office").
 */
export const possessiveOwnerRule: ResolveRule = (s, np) => {
  if (!possessivePronoun(np) || np.tokens.length <= 1) return undefined;
  const owner = s.resolve(determinerPronoun(np));
  if (!owner) return undefined;
  const nm = `${owner.name}\u2019s ${np.tokens
    .slice(1)
    .map((t) => t.text)
    .join(' ')}`;
  return { name: nm, kind: np.kind === 'org' ? 'org' : 'anon', key: bare(nm) };
};

/**
 * "the ministry’s statement", "Reid’s letter", "her statement": a document said of its owner is the
 * owner's writing, and a written source's speaker is its author. The owner is the noun phrase
 * before the possessive, or the pronoun, resolved.
 */
export const possessedDocumentRule: ResolveRule = (s, np) => {
  if (np.kind !== 'doc') return undefined;
  if (possessivePronoun(np)) return s.resolve(determinerPronoun(np)) ?? undefined;
  let k = np.head - 1;
  while (k >= 0 && !isPossessive((np.tokens[k] as Token).text)) k--;
  if (k < 0) return undefined;
  // the owner's words, the possessive's ending left off ("the authority’s" → "the authority")
  const poss = np.tokens[k] as Token;
  const bareEnd = poss.start + stripPossessive(poss.text).length;
  const toks = [...np.tokens.slice(0, k), { ...poss, text: s.text.slice(poss.start, bareEnd), end: bareEnd }];
  const owner = makeNP(s.text, toks, np.det === 'poss' ? '' : np.det);
  return (owner && owner.kind !== 'doc' && s.resolve(owner)) || undefined;
};

/** "Trump’s Middle East envoy": kept as the description. */
export const possessorRule: ResolveRule = (_s, np) =>
  np.det === 'poss' ? asDescription(np, np.kind === 'org' ? 'org' : 'anon') : undefined;

/** Whatever no other rule took: an anonymous description ("a senior official"). */
export const descriptionRule: ResolveRule = (_s, np) => asDescription(np);

/** "a person close to X and a U.S. official familiar with Y" → the two descriptions. */
export function splitConjuncts(text: string, np: NP): NP[] {
  const toks = tokenize(text, np.start, np.end);
  const out: NP[] = [];
  let from = 0;
  for (let i = 1; i + 1 < toks.length; i++) {
    const t = toks[i] as Token;
    const n = toks[i + 1] as Token;
    if (
      t.text === 'and' &&
      (n.text === 'a' || n.text === 'an' || n.text === 'the' || n.text === 'one' || n.text === 'another')
    ) {
      const part = toks.slice(from, i);
      const np1 = partNP(text, part);
      if (np1) out.push(np1);
      from = i + 1;
    }
  }
  if (out.length === 0) return [];
  const last = partNP(text, toks.slice(from));
  if (last) out.push(last);
  return out;
}

function partNP(text: string, toks: Token[]): NP | null {
  if (toks.length === 0) return null;
  const first = toks[0] as Token;
  const last = toks[toks.length - 1] as Token;
  const det = bare(first.text);
  return {
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
    tokens: toks,
    head: toks.length - 1,
    kind: 'anon',
    det: DETERMINERS.has(det) ? det : '',
  };
}
