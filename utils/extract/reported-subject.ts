/**
 * The subject of a reporting verb in the reported-speech pass: the noun phrase before the verb
 * (past auxiliaries and adverbs, through an appositive or a relative pronoun), partitive and
 * post-modified subjects ("Many of them", "people familiar with her thinking"), and whether a
 * subject can say anything at all.
 */

import { givenName } from '../nlp/given-names';
import { nounClass } from '../nlp/noun-classes';
import { ANON_HEADS, DEMONSTRATIVES, ORG_HEADS, ROLE_NOUNS } from './lexicon';
import { personNoun } from './np-core';
import { determinerOnly, nameLength, npBackwardFrom } from './reported-np';
import { isDash, isNounTag, NP_INNER, type Span, type Tagged } from './reported-tags';

/** The noun phrase that ends just before token `v` (skipping adverbs and auxiliaries). */
export function subjectBefore(toks: Tagged[], v: number, floor: number): Span | null {
  let j = v - 1;
  // "has said", "had told", "also said", "later told", "has repeatedly said"
  let skipped = 0;
  while (j >= floor && skipped < 3) {
    const tag = (toks[j] as Tagged).tag;
    // a capitalised "adverb" right before the verb is the subject ("Donnelly said")
    const capitalRB = tag === 'RB' && /^\p{Lu}/u.test((toks[j] as Tagged).text);
    const adverb = (tag === 'RB' && !capitalRB) || tag === 'RBR' || tag === 'RBS';
    if (adverb || tag === 'VBZ' || tag === 'VBD' || tag === 'VBP' || tag === 'MD') {
      j--;
      skipped++;
      continue;
    }
    break;
  }
  if (j < floor) return null;
  // "Sen. Ana Ruiz (D-Texas) said": a short parenthesis after the subject
  if ((toks[j] as Tagged).text === ')') {
    let o = j - 1;
    while (o > floor && o > j - 10 && (toks[o] as Tagged).text !== '(' && (toks[o] as Tagged).text !== ')')
      o--;
    if (o > floor && (toks[o] as Tagged).text === '(') j = o - 1;
  }
  // "… the minister, Kim Ho, who said he took responsibility", "a neighbour who said the man
  // had fled": the noun phrase the relative pronoun stands for; after a comma "which" too ("was
  // opposed by the union, which said it would cost jobs")
  const rel = toks[j] as Tagged;
  if (relativePronoun(rel) && j - 1 > floor && (toks[j - 1] as Tagged).text === ',') {
    const np = npBackwardFrom(toks, j - 2, floor, false);
    return np && (personBefore(toks, np, rel, floor) ?? wholeName(toks, np, floor));
  }
  if ((rel.tag === 'WP' && /^who$/i.test(rel.text)) || (rel.tag === 'WDT' && /^that$/i.test(rel.text))) {
    const np = npBackwardFrom(toks, j - 1, floor, false);
    return np && isNounTag((toks[np.to - 1] as Tagged).tag) ? np : null;
  }
  // "Tom Reid, a spokesman for the operator, said", "Shawn Styles, 30, who works next door,
  // said": the noun phrase before one or more parentheses set off by commas
  if ((toks[j] as Tagged).text === ',') return beforeParentheses(toks, j, floor);
  // "The senator — who has denied wrongdoing — said": a parenthesis set off by a pair of dashes
  if (isDash((toks[j] as Tagged).text)) return beforeDashes(toks, j, floor);
  return (
    withPartitive(toks, npBackwardFrom(toks, j, floor, false) ?? objectPronoun(toks, j), floor) ??
    quantifierSubject(toks, j, floor)
  );
}

/**
 * "Some say that …", "Many argue …", "Both said …": a determiner or quantifying adjective standing
 * alone at the start of its clause is a pronoun (not a demonstrative: "This suggests …").
 */
function quantifierSubject(toks: Tagged[], j: number, floor: number): Span | null {
  const t = toks[j] as Tagged;
  const w = t.text.toLowerCase();
  if (!/^(DT|JJ|JJS|CD)$/.test(t.tag) || DEMONSTRATIVES.has(w) || /^(the|a|an|no)$/.test(w)) return null;
  const before = toks[j - 1];
  if (j > floor && before && !/^(,|CC|:)$/.test(before.tag) && before.text !== ',') return null;
  return { from: j, to: j + 1 };
}

/**
 * The subject before a chain of up to three parentheses ending at the comma `j`: an appositive, an
 * age, a relative or participial clause, an "including" list, a region after a place ("in Durham,
 * North Carolina,"). The subject must open its clause. A name in a single appositive of a
 * description names the speaker ("the regional governor, Ana Petrov, said").
 */
function beforeParentheses(toks: Tagged[], j: number, floor: number): Span | null {
  let close = j;
  let head: Span | null = null;
  let segments = 0;
  while (segments < 3 && !head) {
    let c = close - 1;
    while (c > floor && c > close - 16 && !/^[,;:]$/.test((toks[c] as Tagged).text)) c--;
    if (c <= floor || (toks[c] as Tagged).text !== ',' || !parenthesis(toks, c + 1, close)) return null;
    segments++;
    const h = withPartitive(toks, npBackwardFrom(toks, c - 1, floor, false), floor);
    if (h && opensClause(toks, h, floor)) head = h;
    close = c;
  }
  if (!head) return null;
  // "the regional governor, Ana Petrov, said": the name in a single appositive names the speaker
  const app = segments === 1 ? npBackwardFrom(toks, j - 1, close + 1, true) : null;
  const named = (sp: Span) => (toks[sp.to - 1] as Tagged).tag === 'NNP';
  if (app && app.from === close + 1 && !named(head) && named(app))
    return { from: app.from, to: app.from + nameLength(toks, app) };
  return head;
}

/** The subject before a parenthesis between two dashes, the second at `j`; it opens its clause. */
function beforeDashes(toks: Tagged[], j: number, floor: number): Span | null {
  let o = j - 1;
  while (o > floor && o > j - 16 && !isDash((toks[o] as Tagged).text)) o--;
  if (o <= floor || !isDash((toks[o] as Tagged).text) || !parenthesis(toks, o + 1, j)) return null;
  const h = withPartitive(toks, npBackwardFrom(toks, o - 1, floor, false), floor);
  return h && opensClause(toks, h, floor) ? h : null;
}

/** Tokens [from, to) read as a parenthesis after a subject. */
function parenthesis(toks: Tagged[], from: number, to: number): boolean {
  const t = toks[from];
  if (!t || from >= to) return false;
  if (t.tag === 'CD' && to - from === 1) return true; // an age: "Styles, 30, said"
  if (/^(WP|WP\$|WDT|VBG|VBN|DT|PRP\$|JJ|JJS|NN|NNS|NNP|NNPS|CD)$/.test(t.tag)) return true;
  // "including the top seller", "in a statement", "for his part"
  return t.tag === 'IN' || t.tag === 'RB' || t.text.toLowerCase() === 'including';
}

/** The phrase opens its clause: at the floor, or after a fronted phrase and its comma. */
function opensClause(toks: Tagged[], sp: Span, floor: number): boolean {
  if (sp.from === floor) return true;
  const before = toks[sp.from - 1] as Tagged;
  if (before.tag === 'CC') return true;
  return before.text === ',' && /^(IN|RB|VBG|VBN|TO)$/.test((toks[floor] as Tagged).tag);
}

/** "them" right after "of": the object of a partitive ("Many of them said"). */
function objectPronoun(toks: Tagged[], j: number): Span | null {
  const t = toks[j] as Tagged;
  return t.text.toLowerCase() === 'them' && (toks[j - 1] as Tagged | undefined)?.text.toLowerCase() === 'of'
    ? { from: j, to: j + 1 }
    : null;
}

/** Prepositional phrases a subject's head may carry after it ("Posts on the forum for the association from Friday"). */
const POST_MODIFIERS = 3;

/**
 * A subject noun phrase with what comes before it in the same phrase: a partitive ("Many of them",
 * "a number of Democrats", "two of the nurses") and a post-modifying phrase ("Democrats in key
 * early states"), up to three prepositions back. The phrase must open its clause.
 */
function withPartitive(toks: Tagged[], sp: Span | null, floor: number): Span | null {
  if (!sp) return null;
  let from = sp.from;
  for (let n = 0; n < POST_MODIFIERS; n++) {
    const prep = toks[from - 1];
    // (a reduced relative only right before the subject noun: "a report presented to trustees said")
    const reduced = n === 0 && isNounTag((toks[sp.to - 1] as Tagged).tag) && reducedRelative(toks, from - 2);
    if ((prep?.tag !== 'IN' && !(prep?.tag === 'TO' && reduced)) || from - 2 < floor) break;
    const q = toks[from - 2] as Tagged;
    let start = -1;
    // a quantifier before "of": "Many", "Some", "Two", "Most", "a number", "none"
    if (prep.text.toLowerCase() === 'of' && /^(JJ|JJS|DT|CD)$/.test(q.tag)) start = from - 2;
    // a pronoun-like determiner with its phrase: "Those around the mayor", "Some in the party"
    else if (
      (q.tag === 'DT' || q.tag === 'JJ' || q.tag === 'JJS') &&
      (from - 2 === floor ||
        /^[,;:]$/.test((toks[from - 3] as Tagged | undefined)?.text ?? '') ||
        (toks[from - 3] as Tagged | undefined)?.tag === 'CC')
    )
      start = from - 2;
    else if ((q.tag === 'JJ' || q.tag === 'VBN' || reduced) && from - 3 >= floor) {
      // a post-nominal adjective or participle with its phrase: "people familiar with her
      // thinking", "officials close to the talks", "a source briefed on the plan"
      const head = npBackwardFrom(toks, from - 3, floor, false);
      if (head && isNounTag((toks[head.to - 1] as Tagged).tag)) start = head.from;
    } else {
      const head = npBackwardFrom(toks, from - 2, floor, false);
      if (head && isNounTag((toks[head.to - 1] as Tagged).tag)) start = head.from;
    }
    if (start < 0) break;
    if (start - 1 >= floor && /^(DT)$/.test((toks[start - 1] as Tagged).tag)) start--;
    from = start;
  }
  if (from === sp.from) return sp;
  const before = toks[from - 1];
  if (before && from > floor && !/^(,|CC|:)$/.test(before.tag) && before.text !== ',') return sp;
  return { from, to: sp.to };
}

/**
 * "A staff report presented to trustees said": a past form in -ed right after a noun, itself
 * before the reporting verb's subject, is the participle of a reduced relative clause (the tagger
 * reads it as the past tense; the verb after it needs a subject that no preposition governs).
 */
function reducedRelative(toks: Tagged[], q: number): boolean {
  const t = toks[q];
  return (
    t !== undefined &&
    t.tag === 'VBD' &&
    /ed$/i.test(t.text) &&
    isNounTag((toks[q - 1] as Tagged | undefined)?.tag ?? '')
  );
}

/** A subject that can say something: a name, a personal pronoun, or a noun phrase headed by one. */
export function agentive(toks: Tagged[], subj: Span): boolean {
  const head = toks[(subj.headTo ?? subj.to) - 1] as Tagged;
  if (head.tag === 'NNP' || head.tag === 'NNPS') return true;
  if (head.tag === 'PRP') return /^(he|she|they|we|i)$/i.test(head.text);
  // people and organisations by the general role and organisation nouns of lexicon.ts, and any
  // noun WordNet knows first as a person or a group ("the first lady", "forecasters")
  const lemma = head.lemma.toLowerCase();
  return ROLE_NOUNS.has(lemma) || ANON_HEADS.has(lemma) || ORG_HEADS.has(lemma) || nounClass(lemma) !== null;
}

/**
 * The subject of a leading report with what opens its phrase: "Those around Trump admit" is a noun
 * phrase with a post-modifier, whose head is not the nearest noun. Null when the phrase before it
 * does not open a clause.
 */
/**
 * A name whose capitalised parts "of" or "for" joins is one noun phrase: "the Ministry of Defence",
 * "the Office for National Statistics" (an organisation's name as English writes it).
 */
function wholeName(toks: Tagged[], np: Span, floor: number): Span {
  const proper = (t: Tagged | undefined) => t !== undefined && /^NNPS?$/.test(t.tag);
  let from = np.from;
  while (from - 2 >= floor && proper(toks[from]) && /^(of|for)$/i.test(toks[from - 1]?.text ?? '')) {
    if (!proper(toks[from - 2])) break;
    const before = npBackwardFrom(toks, from - 2, floor, false);
    if (!before) break;
    from = before.from;
  }
  return from === np.from ? np : { from, to: np.to };
}

/**
 * "a spokesman for Harlow Council, who said", "Tom Reid of the Harlow Trust, who said": before
 * "who", a noun of a person or a person's name whose prepositional phrase holds the last noun
 * phrase is the antecedent (a body is rarely "who"); the whole phrase is the speaker, as a
 * subject's is ("A spokesman for the council said").
 */
function personBefore(toks: Tagged[], np: Span, rel: Tagged, floor: number): Span | null {
  const prep = toks[np.from - 1];
  if (!/^who$/i.test(rel.text) || prep?.tag !== 'IN' || !/^(of|for|at|from|with)$/i.test(prep.text))
    return null;
  const head = npBackwardFrom(toks, np.from - 2, floor, false);
  const noun = head && (toks[head.to - 1] as Tagged);
  if (!head || !noun) return null;
  // a noun of a person, or a name that opens with a given name ("Tom Reid of the Harlow Trust")
  const first = toks[head.from] as Tagged;
  const named = /^NNPS?$/.test(noun.tag) && /^NNP$/.test(first.tag) && givenName(first.text) !== null;
  if (!named && !(/^NNS?$/.test(noun.tag) && personNoun(noun.text))) return null;
  return { from: head.from, to: np.to, headTo: head.to };
}

/** A pronoun that opens a non-restrictive relative clause on a noun: "who", or "which" (tagged WDT). */
function relativePronoun(t: Tagged | undefined): boolean {
  return t !== undefined && (t.tag === 'WP' || (t.tag === 'WDT' && /^which$/i.test(t.text)));
}

export function postModifiedSubject(toks: Tagged[], subj: Span): Span | null {
  const before = toks[subj.from - 1];
  // "…, Tom Reid, who said": the antecedent of a relative pronoun is the subject as it stands,
  // whatever precedes it ("the resignation of Tom Reid, who said …")
  const after = toks[subj.to] as Tagged | undefined;
  const relative =
    (after?.text === ',' && relativePronoun(toks[subj.to + 1])) ||
    // "remarks from Ana Ruiz who said": a restrictive relative clause too
    (after?.tag === 'WP' && /^who$/i.test(after.text));
  if (
    relative ||
    !before ||
    before.tag !== 'IN' ||
    subj.from < 2 ||
    !NP_INNER.has((toks[subj.from - 2] as Tagged).tag)
  )
    return subj;
  // "Those around the mayor say", "a number of insiders in early states said": the whole
  // noun phrase from the start of the clause; its head is the first noun phrase ("of" keeps
  // the whole: "a majority of insiders")
  const headNp = npBackwardFrom(toks, subj.from - 2, 0, false) ?? determinerOnly(toks, subj.from - 2);
  if (!headNp) return null;
  const ahead = toks[headNp.from - 1];
  if (ahead && !(ahead.tag === 'CC' || ahead.text === ',' || ahead.tag === 'RB')) return null;
  return {
    from: headNp.from,
    to: subj.to,
    headTo: before.text.toLowerCase() === 'of' ? subj.to : headNp.to,
  };
}
