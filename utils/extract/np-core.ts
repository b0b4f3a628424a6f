/**
 * Noun phrases: the NP type, what kind of entity a phrase names, and the word tests the forward and
 * backward readers (np-forward.ts, np-backward.ts) share. np.ts builds on them (descriptions,
 * coordination, affiliations).
 */
import { givenName } from '../nlp/given-names';
import { lemmatize } from '../nlp/lemma';
import { nounClassOf } from '../nlp/noun-classes';
import {
  ANON_HEADS,
  DETERMINERS,
  DOC_HEADS,
  LEGAL_FORMS,
  ORG_HEADS,
  POSSESSIVE_PRONOUNS,
  PUBLICATION_TAILS,
  PUBLICATIONS,
  ROLE_NOUNS,
  SUBJECT_PRONOUNS,
  TITLES,
  WEEKDAYS,
} from './lexicon';
import { bodyAnd, PREPOSITIONS } from './name-parts';
import { bare, type EntityKind, isCapitalised, MODIFIERS } from './names';
import { stripPossessive, type Token, tokenize } from './text';

export interface NP {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Index into tokens of the head word. */
  head: number;
  kind: EntityKind;
  /** Determiner at the left edge ("the", "a", "three", "his"), lower-cased, or ''. */
  det: string;
}

export function classify(tokens: Token[], det: string): { kind: EntityKind; head: number } {
  const n = tokens.length;
  const last = tokens[n - 1] as Token;
  const lastBare = bare(last.text);
  if (
    n === 1 &&
    (SUBJECT_PRONOUNS.has(lastBare) || POSSESSIVE_PRONOUNS.has(lastBare) || lastBare === 'whose')
  ) {
    return { kind: 'pronoun', head: 0 };
  }
  // "Officials", "Critics", "Sources", "The report" capitalised only by sentence position
  if (n === 1 && isCapitalised(last.text) && last.text.slice(1) === last.text.slice(1).toLowerCase()) {
    const low = lastBare;
    const sing = low.endsWith('s') ? low.slice(0, -1) : low;
    if (ANON_HEADS.has(low) || ANON_HEADS.has(sing) || ROLE_NOUNS.has(low) || ROLE_NOUNS.has(sing))
      return { kind: 'anon', head: 0 };
    if (DOC_HEADS.has(low) || DOC_HEADS.has(sing)) return { kind: 'doc', head: 0 };
    if (ORG_HEADS.has(low)) return { kind: 'org', head: 0 };
  }
  // "posts on the forum from Friday", "a survey released Monday": a weekday ends a time phrase,
  // never heads a speaker's; the phrase is headed by its first word's noun
  if (n > 1 && WEEKDAYS.has(lastBare)) {
    const first = det === '' ? 0 : 1;
    const firstBare = bare((tokens[first] ?? last).text);
    const sing = firstBare.endsWith('s') ? firstBare.slice(0, -1) : firstBare;
    return { kind: DOC_HEADS.has(sing) ? 'doc' : 'anon', head: first };
  }
  if (isCapitalised(last.text)) {
    const lastW = stripPossessive(last.text);
    if (PUBLICATIONS.has(lastW) || PUBLICATION_TAILS.has(lastW)) return { kind: 'pub', head: n - 1 };
    // "Acme Corp.", "Shell plc": a company's legal form ends its name
    if (n > 1 && LEGAL_FORMS.has(lastW.replace(/\.$/, ''))) return { kind: 'org', head: n - 1 };
    // "the Treasury Department", "The Foreign Ministry": a capitalised name headed by a body noun
    if (n > 1 && ORG_HEADS.has(bare(lastW))) return { kind: 'org', head: n - 1 };
    // "the Ministry of Health", "the Bank of England": a capitalised body noun before "of"
    const of = tokens.findIndex((t, i) => i > 0 && t.text === 'of');
    const before = tokens[of - 1];
    if (
      of > 0 &&
      before &&
      isCapitalised(before.text) &&
      ORG_HEADS.has(bare(before.text)) &&
      !personAfter(tokens, of + 1)
    )
      return { kind: 'org', head: of - 1 };
    return { kind: 'person', head: n - 1 };
  }
  if (DOC_HEADS.has(lastBare)) return { kind: 'doc', head: n - 1 };
  if (ORG_HEADS.has(lastBare)) return { kind: 'org', head: n - 1 };
  if (ANON_HEADS.has(lastBare) || ROLE_NOUNS.has(lastBare)) {
    return { kind: det === 'the' || det === 'this' || det === 'that' ? 'person' : 'anon', head: n - 1 };
  }
  return { kind: 'anon', head: n - 1 };
}

/**
 * A person named after a body's name: a title or a given name followed by another capitalised word
 * ("… of Government Employees President J. David Cox", "the Union of Rail Workers Dennis Maguire").
 */
function personAfter(tokens: readonly Token[], from: number): boolean {
  for (let i = from; i + 1 < tokens.length; i++) {
    const w = stripPossessive((tokens[i] as Token).text);
    if (!isCapitalised((tokens[i + 1] as Token).text)) continue;
    if (TITLES.has(bare(w)) || givenName(w) !== null) return true;
  }
  return false;
}

export function isNPWord(w: string): boolean {
  const b = bare(w);
  return (
    isCapitalised(w) ||
    TITLES.has(b) ||
    isPluralHead(b) ||
    ROLE_NOUNS.has(b) ||
    // "co-founder", "co-chair", "cofounder": the prefix of joint action on a role noun
    (b.startsWith('co') && ROLE_NOUNS.has(b.replace(/^co-?/, ''))) ||
    ANON_HEADS.has(b) ||
    ORG_HEADS.has(b) ||
    DOC_HEADS.has(b) ||
    MODIFIERS.has(b)
  );
}

/**
 * "party leaders", "union chiefs", "court filings": the plural of a listed title, role or document
 * heads a phrase too; the lists hold the singular, the plural is read by the lemmatiser, not
 * listed. (Bodies and anonymous heads are left out: with them "Italian secularist associations"
 * lost its modifiers on the tune part. A plural role is no head that closes the phrase: "the
 * nurses and doctors union" goes on to its head.)
 */
function isPluralHead(b: string, asHead = false): boolean {
  if (b.length <= 3 || !b.endsWith('s')) return false;
  const one = lemmatize(b, 'NNS');
  return one !== b && (TITLES.has(one) || DOC_HEADS.has(one) || (!asHead && ROLE_NOUNS.has(one)));
}

/** "54-year-old": an age, which may stand for the person ("the 54-year-old said"). */
export function isAge(w: string): boolean {
  return /^\d+-year-old$/.test(w);
}

export function isHeadWord(w: string): boolean {
  const b = bare(w);
  return (
    isCapitalised(w) ||
    isPluralHead(b, true) ||
    ROLE_NOUNS.has(b) ||
    ANON_HEADS.has(b) ||
    ORG_HEADS.has(b) ||
    DOC_HEADS.has(b) ||
    TITLES.has(b)
  );
}

export function makeNP(text: string, toks: Token[], det: string): NP | null {
  if (toks.length === 0) return null;
  const first = toks[0] as Token;
  const last = toks[toks.length - 1] as Token;
  const { kind, head } = classify(toks, det);
  return {
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
    tokens: toks,
    head,
    kind,
    det,
  };
}

/**
 * The noun phrase text[start, end) as a whole, found by another pass (reported.ts reads noun
 * phrases from part-of-speech tags): its determiner and kind as `makeNP` gives them.
 */
export function npOfSpan(text: string, start: number, end: number, headEnd = end): NP | null {
  if (headEnd === end) headEnd = commonHeadEnd(text, start, end);
  const toks = tokenize(text, start, headEnd);
  const b0 = toks[0] ? bare(toks[0].text) : '';
  const det = DETERMINERS.has(b0) || POSSESSIVE_PRONOUNS.has(b0) ? b0 : '';
  const np = makeNP(text, toks, det);
  // a post-modifier ("Those around the mayor") is part of the mention, not of the head
  return np && headEnd < end ? { ...np, end, text: text.slice(start, end) } : np;
}

/**
 * Where the head of a common-noun phrase with post-modifiers ends: "One student at a college in
 * Durham" is headed by "student", not by the name at its end. `end` for any other phrase.
 */
function commonHeadEnd(text: string, start: number, end: number): number {
  const toks = tokenize(text, start, end);
  const t0 = toks[0];
  // ("Analysts at Norrington Securities": a person noun capitalised only by its place at the start)
  const opener = t0 !== undefined && isCapitalised(t0.text) && commonPersonNoun(bare(t0.text));
  if (!t0 || (isCapitalised(t0.text) && !DETERMINERS.has(bare(t0.text)) && !opener)) return end;
  for (let i = 1; i + 1 < toks.length; i++) {
    const t = toks[i] as Token;
    const prev = toks[i - 1] as Token;
    const lowerPrev = !isCapitalised(prev.text) || (i === 1 && opener);
    if (PREPOSITIONS.has(t.text) && lowerPrev && !DETERMINERS.has(bare(prev.text))) return prev.end;
  }
  return end;
}

/**
 * A plural common noun of people from the source and role lexicons ("analysts", "officials"),
 * never a title ("Chairman of the Guild … Tom Reid" is a title before a name).
 */
function commonPersonNoun(w: string): boolean {
  return /[^s]s$/.test(w) && !TITLES.has(w) && roleOrSourceNoun(w);
}

/**
 * A noun of a person: a title, a noun of the role or source lexicons, or one WordNet knows first as
 * a person ("director", "spokeswoman", "teenager"), singular or plural.
 */
export function personNoun(w: string): boolean {
  const low = w.toLowerCase();
  return TITLES.has(low) || roleOrSourceNoun(low) || nounClassOf(low) === 'person';
}

/** A noun of the role or source lexicons, singular or plural ("official", "analysts"). */
export function roleOrSourceNoun(w: string): boolean {
  const sing = w.replace(/s$/, '');
  return ANON_HEADS.has(w) || ROLE_NOUNS.has(w) || ANON_HEADS.has(sing) || ROLE_NOUNS.has(sing);
}

/** "of", "on", "for" (and "and" after an organisation word) inside a capitalised name. */
export function isInnerConnector(w: string, before: Token[]): boolean {
  if (w === 'of' || w === 'on' || w === 'for') return true;
  // a title's complement: "Ambassador to Kenya", "Adviser to the President"
  if (w === 'to') return before.length > 0 && TITLES.has(bare((before[before.length - 1] as Token).text));
  if (w === 'and' || w === '&') return bodyAnd(before.map((t) => t.text));
  return false;
}

export function isQuoteChar(ch: string | undefined): boolean {
  return ch === '"' || ch === '\u201c' || ch === '\u201d';
}

export const FUNCTION_WORDS = new Set(
  `and or but nor so yet for of to in on at by with from into onto upon about above below after
  before during since until while when where why how what which who whom whose that this these
  those than then as if because although though whether not no is are was were be been being has
  have had do does did will would can could shall should may might must said says told tell
  also just only even still very more most less least much such own same other another any
  all each every both either neither some few many several it its it's he she they them his her
  their we us our i me my you your there here however`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

export function isFunctionWord(w: string): boolean {
  return FUNCTION_WORDS.has(bare(w));
}

export const BACK_POSTMOD = new Set(['familiar', 'close', 'knowledgeable', 'briefed', 'involved']);

/** A role noun or a title ("chief", "co-founder", "CEO"), as a coordinated pre-name role has. */
export function roleWord(t: Token | undefined): boolean {
  if (!t) return false;
  const w = bare(t.text).replace(/^co-/, '');
  return ROLE_NOUNS.has(w) || TITLES.has(w);
}
