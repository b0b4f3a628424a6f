import { lemmatize } from '../nlp/lemma';
import { nounClass } from '../nlp/noun-classes';
import {
  CAPITAL_STOPWORDS,
  DETERMINERS,
  INDEPENDENT_POSSESSIVES,
  isOtherParticiple,
  NAME_PARTICLES,
  PARTITIVE_QUANTIFIERS,
  POSSESSIVE_PRONOUNS,
  SUBJECT_PRONOUNS,
} from './lexicon';
import { bare, isCapitalised, onlySpacesBetween } from './names';
import {
  BACK_POSTMOD,
  isAge,
  isFunctionWord,
  isHeadWord,
  isInnerConnector,
  isNPWord,
  makeNP,
  type NP,
  personNoun,
  roleOrSourceNoun,
  roleWord,
} from './np-core';
import { isLower, isPossessive, isSpace, sentenceStart, type Token, tokenize } from './text';

/**
 * Noun phrase ending at `to` (before spaces): the subject of a cue verb ("Trump told",
 * "a senior Israeli official told", "The Trump administration also claimed").
 */
export function npBackward(text: string, to: number, limit: number): NP | null {
  const start = Math.max(limit, to - 200);
  const toks = tokenize(text, start, to);
  const n = toks.length;
  const tl = toks[n - 1];
  if (!tl || !onlySpacesBetween(text, tl.end, to)) return null;
  const bl = bare(tl.text);
  // "a friend of mine", "a colleague of hers": the noun before "of" with its independent possessive
  const ofTok = toks[n - 2];
  if (
    INDEPENDENT_POSSESSIVES.has(bl) &&
    ofTok?.text === 'of' &&
    onlySpacesBetween(text, ofTok.end, tl.start)
  ) {
    const owner = npBackward(
      text,
      ofTok.start > 0 && isSpace(text[ofTok.start - 1]) ? ofTok.start - 1 : ofTok.start,
      limit,
    );
    return owner && owner.kind !== 'pronoun'
      ? { ...owner, end: tl.end, text: text.slice(owner.start, tl.end) }
      : null;
  }
  // "One of them said:", "Some of us told …": a quantifier with the partitive of a pronoun
  const q = toks[n - 3];
  if ((bl === 'them' || bl === 'us') && ofTok?.text === 'of' && q && PARTITIVE_QUANTIFIERS.has(bare(q.text)))
    return onlySpacesBetween(text, q.end, ofTok.start) ? makeNP(text, [q, ofTok, tl], '') : null;
  if (SUBJECT_PRONOUNS.has(bl)) return makeNP(text, [tl], '');
  if (POSSESSIVE_PRONOUNS.has(bl) || bl === 'whose') return makeNP(text, [tl], '');
  // (an age may head the phrase, standing for the person: "the 47-year-old said")
  if (!isHeadWord(tl.text) && !(isLower(tl.text[0]) && !isFunctionWord(tl.text)) && !isAge(tl.text))
    return null;
  const { taken, det, committed } = collectBackward(text, toks, n - 2, tl);
  const keep = taken.slice(taken.length - committed);
  // "the farmers, whose leaders said": a relation noun after "whose" is a subject on its own
  const afterWhose = det === '' && toks[toks.indexOf(keep[0] as Token) - 1]?.text.toLowerCase() === 'whose';
  if (keep.length === 1 && !afterWhose && !loneSubject((keep[0] as Token).text, det)) return null;
  const np = makeNP(text, keep, det);
  return np ? (withOwnerBackward(text, toks, keep, np, limit) ?? np) : np;
}

/**
 * Token `t` is a plural possessor of the word `nx` after it ("the farmers’ union"): it ends in s,
 * an apostrophe and spaces follow, and no single quotation mark opened earlier on its line could
 * close there instead ("called it ‘a tax on farmers’ in May").
 */
function pluralPossessor(text: string, t: Token, nx: Token): boolean {
  const mark = text[t.end];
  if ((mark !== "'" && mark !== '\u2019') || !/s$/i.test(t.text)) return false;
  if (!onlySpacesBetween(text, t.end + 1, nx.start) || nx.start === t.end + 1) return false;
  for (let k = t.start - 1; k >= 0 && k > t.start - 200 && text[k] !== '\n'; k--) {
    const c = text[k];
    if ((c === '\u2018' || c === "'") && (k === 0 || isSpace(text[k - 1]))) return false;
  }
  return true;
}

/**
 * The words of a noun phrase read backwards from its last token: up to a determiner or a
 * possessor (with its own capitalised run), through name words and at most two unknown lower-case
 * words; `committed` counts the tokens accepted for certain.
 */
function collectBackward(
  text: string,
  toks: Token[],
  from: number,
  last: Token,
): { taken: Token[]; det: string; committed: number } {
  const taken: Token[] = [last];
  let det = '';
  let unknown = 0;
  let committed = 1;
  for (let k = from; k >= 0; k--) {
    const t = toks[k] as Token;
    const nx = taken[0] as Token;
    // "the teachers' union": a plural possessor, its apostrophe outside the token
    const plural = pluralPossessor(text, t, nx);
    if (!plural && !onlySpacesBetween(text, t.end, nx.start)) break;
    const w = t.text;
    if (plural) {
      taken.unshift({ text: text.slice(t.start, t.end + 1), start: t.start, end: t.end + 1 });
      committed = taken.length;
      continue;
    }
    const b = bare(w);
    if (DETERMINERS.has(b) || POSSESSIVE_PRONOUNS.has(b)) {
      if (CAPITAL_STOPWORDS.has(w) && !DETERMINERS.has(b)) break;
      taken.unshift(t);
      det = b;
      committed = taken.length;
      break;
    }
    if (isPossessive(w) && isCapitalised(w)) {
      // "Trump’s Middle East envoy", "Netanyahu’s Likud party" — include the possessor
      taken.unshift(t);
      det = 'poss';
      possessorRun(text, toks, k - 1, taken);
      committed = taken.length;
      break;
    }
    if (CAPITAL_STOPWORDS.has(w)) break;
    // "co-founder and chief executive Ana Ruiz", "chairman and CEO …": roles coordinated before
    // one name are one person's titles
    if (b === 'and' && roleWord(toks[k - 1]) && taken.length > 0 && roleWord(nx)) {
      taken.unshift(t);
      continue;
    }
    if ((b === 'and' || w === '&') && theNamesJoined(toks, k, taken)) {
      taken.unshift(t);
      continue;
    }
    const prevTok = toks[k - 1];
    if (
      isNPWord(w) ||
      (NAME_PARTICLES.has(w.toLowerCase()) &&
        (isCapitalised(nx.text) || NAME_PARTICLES.has(nx.text.toLowerCase()))) ||
      (isCapitalised(nx.text) &&
        prevTok !== undefined &&
        isCapitalised(prevTok.text) &&
        !CAPITAL_STOPWORDS.has(prevTok.text) &&
        isInnerConnector(w, capitalsBefore(toks, k)))
    ) {
      taken.unshift(t);
      if (unknown === 0) committed = taken.length;
      continue;
    }
    if (isLower(w[0]) && !isFunctionWord(w) && unknown < 2) {
      taken.unshift(t);
      unknown++;
      continue;
    }
    break;
  }
  return { taken, det, committed };
}

/**
 * Is the "and" at `k` inside one phrase of names after "the" ("The Health and Safety Executive",
 * "the Food and Drug Administration", "the Senate and House committees")? A definite article
 * before a capitalised word takes no person's name, so the names it opens, joined by "and", are one
 * body's name or one coordinated subject; without it ("Procter and Gamble said") two speakers may
 * be meant, and only the last is read.
 */
function theNamesJoined(toks: readonly Token[], k: number, taken: readonly Token[]): boolean {
  if (!taken.every((t) => isCapitalised(t.text) && !CAPITAL_STOPWORDS.has(t.text))) return false;
  let j = k - 1;
  while (j >= 0 && j >= k - 4 && isCapitalised(toks[j]!.text) && !CAPITAL_STOPWORDS.has(toks[j]!.text)) j--;
  return j < k - 1 && j >= 0 && bare(toks[j]!.text).toLowerCase() === 'the';
}

/** Extends a possessor over its own capitalised run ("Prime Minister Netanyahu’s"). */
function possessorRun(text: string, toks: Token[], from: number, taken: Token[]): void {
  for (let q = from; q >= 0; q--) {
    const tq = toks[q] as Token;
    const first = taken[0] as Token;
    if (
      !onlySpacesBetween(text, tq.end, first.start) ||
      !isCapitalised(tq.text) ||
      CAPITAL_STOPWORDS.has(tq.text)
    )
      break;
    taken.unshift(tq);
  }
}

/**
 * Whether one word alone is a subject: a lone lower-case unknown word is not ("it seems like he
 * bombs someone"); a bare plural ("officials", "sources") is, a bare singular role is not.
 */
function loneSubject(w: string, det: string): boolean {
  if (!isHeadWord(w) && !SUBJECT_PRONOUNS.has(bare(w))) return false;
  if (!isCapitalised(w) && !SUBJECT_PRONOUNS.has(bare(w)) && det === '') return bare(w).endsWith('s');
  return true;
}

/**
 * The phrase this one completes, read further back: "a spokeswoman for the transport
 * department", "Tom Reid of the transit authority", "sources familiar with the process"; null
 * when there is none.
 */
function withOwnerBackward(text: string, toks: Token[], keep: Token[], np: NP, limit: number): NP | null {
  const i0 = phraseStart(toks, keep[0] as Token);
  const prep = toks[i0 - 1];
  const adj = toks[i0 - 2];
  const before = (t: Token) => (t.start - 1 >= 0 && isSpace(text[t.start - 1]) ? t.start - 1 : t.start);
  // "a spokeswoman for the transport department", "an official at the ministry", "aides to the
  // governor" (a relation noun before "to")
  if (prep && ['for', 'at', 'of', 'from', 'with', 'in', 'to'].includes(prep.text) && np.kind !== 'pronoun') {
    const owner = npBackward(text, before(prep), limit);
    const oh = owner ? bare((owner.tokens[owner.head] as Token).text) : '';
    // a common noun of people (role lexicon, or WordNet's person and group nouns: "members",
    // "relatives"), capitalised or not ("Residents of the town, …, say")
    const human = roleOrSourceNoun(oh) || nounClass(lemmatize(oh, oh.endsWith('s') ? 'NNS' : 'NN')) !== null;
    const ownerHead = owner ? (owner.tokens[owner.head] as Token) : null;
    const common = ownerHead !== null && (!isCapitalised(ownerHead.text) || owner?.start === ownerHead.start);
    // not when the phrase itself names a person ("CEO of the Refugee Council Enver Solomon")
    // (a single capitalised word, or any after "in", is where the owner is, not who: "a judge in
    // Texas", "police in the city of Leeds")
    const named =
      np.kind === 'person' &&
      isCapitalised((np.tokens[np.head] as Token).text) &&
      prep.text !== 'in' &&
      np.tokens.filter((t) => isCapitalised(t.text)).length >= 2;
    // (a plural noun of people is never a title before a name: "Analysts at Krone Securities",
    // "aides to Tom Reid" — the people speak, whatever the typer makes of the name)
    const plural = /[^s]s$/.test(oh);
    if (
      owner &&
      owner.kind !== 'pronoun' &&
      human &&
      common &&
      (!named || plural) &&
      owner.tokens.length <= 3
    )
      return { ...owner, end: np.end, text: text.slice(owner.start, np.end) };
    // "Tom Reid of the transit authority", "Dana Cole at The Boston Globe": a person's full name
    // with the body they belong to; the person speaks
    if (
      owner &&
      owner.kind === 'person' &&
      owner.det === '' &&
      fullNameEnds(owner) &&
      np.kind !== 'person' &&
      ['of', 'at', 'from', 'with'].includes(prep.text)
    )
      return { ...owner, end: np.end, text: text.slice(owner.start, np.end) };
  }
  // "a memo seen by Reuters says": the agent of a participle after a noun is not the subject;
  // the noun before the participle is — unless the participle makes the agent its document's
  // author ("a survey released by the council says": the council)
  if (prep?.text === 'by' && adj && isOtherParticiple(adj.text)) {
    const head = npBackward(text, before(adj), limit);
    if (head && head.kind !== 'pronoun')
      return { ...head, end: np.end, text: text.slice(head.start, np.end) };
  }
  // "a review circulated to councillors said", "protesters gathered in the square said": a
  // participle with its complement after a noun is a reduced relative clause (Quirk §17.27); the
  // noun before it, not the object of the preposition, is the subject
  if (prep && adj && REDUCED_PREPS.has(prep.text) && isOtherParticiple(adj.text)) {
    const head = npBackward(text, before(adj), limit);
    if (head && head.kind !== 'pronoun' && isLower((head.tokens[head.head] as Token).text[0] ?? ''))
      return { ...head, end: np.end, text: text.slice(head.start, np.end) };
  }
  // "sources familiar with the process", "a person close to the president"
  if (
    prep &&
    adj &&
    BACK_POSTMOD.has(adj.text.toLowerCase()) &&
    ['with', 'to', 'about', 'on', 'in'].includes(prep.text)
  ) {
    const head = npBackward(text, before(adj), limit);
    if (head && head.kind === 'anon') return { ...head, end: np.end, text: text.slice(head.start, np.end) };
  }
  // "A man accused of setting fire to a mosque in Bradford told …": a phrase after a preposition is
  // no subject; when its sentence opens with a noun of people and a participle (a reduced relative,
  // Quirk §17.27), that noun heads the subject
  const opener = prep && isFunctionWord(prep.text) ? reducedRelativeOpener(text, toks, i0, limit) : null;
  if (opener) return { ...opener, end: np.end, text: text.slice(opener.start, np.end) };
  return null;
}

/**
 * Where the phrase whose first kept token is `first` starts: there, or one word earlier at a bare
 * classifier between a preposition and a name ("analysts at brokerage Sahyadri Research", "a
 * spokeswoman for local MP Sarah Jennings": news style), a lower-case word that is no function
 * word, adverb or verb form, with "at", "for", "from", "with" or "of" before it.
 */
function phraseStart(toks: readonly Token[], first: Token): number {
  const i0 = toks.indexOf(first);
  const w = toks[i0 - 1]?.text ?? '';
  const classifier =
    isCapitalised(first.text) &&
    isLower(w[0] ?? '') &&
    !isFunctionWord(w) &&
    !/(ly|ing|ed)$/.test(w) &&
    ['at', 'for', 'from', 'with', 'of'].includes(toks[i0 - 2]?.text ?? '');
  return classifier ? i0 - 1 : i0;
}

/** The sentence's opening "a man accused", "two women arrested": determiner, noun of people, participle. */
function reducedRelativeOpener(text: string, toks: Token[], before: number, limit: number): NP | null {
  const from = sentenceStart(text, (toks[before] as Token).start, limit);
  const s = toks.findIndex((t) => t.start >= from);
  const det = toks[s];
  if (!det || !DETERMINERS.has(bare(det.text))) return null;
  for (let h = s + 1; h <= s + 3 && h + 1 < before; h++) {
    const noun = (toks[h] as Token).text;
    if (!isLower(noun[0] ?? '') || !isOtherParticiple((toks[h + 1] as Token).text)) continue;
    return personNoun(noun) ? makeNP(text, toks.slice(s, h + 1), bare(det.text)) : null;
  }
  return null;
}

/** Prepositions that open a participle's complement in a reduced relative ("sent to parents"). */
const REDUCED_PREPS = new Set(['to', 'in', 'at', 'on', 'with', 'for', 'from']);

/**
 * A phrase that is, or ends in, a full name of two capitalised words or more ("Tom Reid",
 * "political analyst Prof. Jan Nowak"): a description before a person's name does not make the
 * name any less the person's.
 */
function fullNameEnds(np: NP): boolean {
  let run = 0;
  for (let i = np.tokens.length - 1; i >= 0 && isCapitalised((np.tokens[i] as Token).text); i--) run++;
  if (run === np.tokens.length) return run >= 2;
  // (a lower-case description before it: the name after it has two words or more of its own)
  return run >= 2 && np.tokens.slice(0, np.tokens.length - run).some((t) => isLower(t.text[0] ?? ''));
}

/**
 * The capitalised words (and inner connectors) right before token `k`, nearest last: what an inner
 * "and" is read after ("Centers for Disease Control and Prevention").
 */
function capitalsBefore(toks: readonly Token[], k: number): Token[] {
  const out: Token[] = [];
  for (let j = k - 1; j >= 0 && j >= k - 8; j--) {
    const w = (toks[j] as Token).text;
    if (!isCapitalised(w) && !['of', 'for', 'on', 'and'].includes(w)) break;
    out.unshift(toks[j] as Token);
  }
  return out;
}
