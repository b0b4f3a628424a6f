/**
 * Source phrases ("according to X"): a clause attributed by a prepositional phrase naming its
 * source, before or after it, rather than by a reporting verb; for the tag-based pass
 * (reported.ts) and the word-pattern pass (indirect.ts). The phrase after a quotation or a
 * clause's tail is read by attribution.ts through `sourcePhraseAt` (lexicon.ts).
 */

import {
  type IndirectCandidate,
  type IndirectSentence,
  trimClause,
  clauseEnd as wordClauseEnd,
} from './indirect-clause';
import { AUTHORSHIP_PARTICIPLES, sourcePhraseAt } from './lexicon';
import { bare, isCapitalised } from './names';
import { type NP, personNoun, roleWord, npForward as wordNpForward } from './np';
import { clauseAt, clauseEnd } from './reported-clause';
import { npForward } from './reported-np';
import {
  candidate,
  hasFinite,
  isFiniteTag,
  type ReportedCandidate,
  type Span,
  type Tagged,
} from './reported-tags';
import { isSpace, type Token } from './text';

/**
 * "According to NP(,) CLAUSE."  "CLAUSE, according to NP."  (or another source phrase of the
 * lexicon: "in the words of NP"). The source of a document is its author: "according to a survey
 * released Monday by the Transit Council" is the council's.
 */
export function accordingTo(toks: Tagged[], end: number, para: number): ReportedCandidate[] | null {
  for (let k = 0; k + 2 < end; k++) {
    const n = sourcePhraseAt(toks, k);
    if (n === 0) continue;
    const phrase = toks
      .slice(k, k + n)
      .map((t) => t.text.toLowerCase())
      .join(' ');
    const np = npForward(toks, k + n, end);
    if (!np) return null;
    const source = authorOf(toks, np, end);
    let after = postModified(toks, source.after, end);
    if (after > source.after) source.span = { ...source.span, to: after };
    // at the start, or after the bracket that opens a bracketed sentence
    if (toks.slice(0, k).every((t) => t.tag === '-LRB-')) {
      if (after < end && (toks[after] as Tagged).text === ',') after++;
      let span = source.span;
      const app = taggedAppositive(toks, span, after, end);
      if (app) {
        if (taggedName(toks, app)) span = app;
        after = app.to + 1;
      }
      if (!clauseAt(toks, after, end)) return null;
      const c = candidate(toks, after, clauseEnd(toks, after, end).to, span, phrase, para);
      return c ? [c] : null;
    }
    // "…, according to X." — or with no comma after a finite clause when X is a determined or
    // named source ("… attended the event according to the event website"; not "according to plan")
    const first = toks[source.span.from] as Tagged | undefined;
    const named = toks
      .slice(source.span.from, source.span.to)
      .some((x) => x.tag === 'NNP' || x.tag === 'NNPS');
    const sourceLike = named || first?.tag === 'DT' || first?.tag === 'PRP$';
    const comma = (toks[k - 1] as Tagged).text === ',';
    if (comma && after < end && (toks[after] as Tagged).text === ',')
      return medial(toks, { k, after: after + 1, end, para }, source.span, phrase);
    if ((!comma && !sourceLike) || after < end) return null;
    const clauseTo = comma ? k - 1 : k;
    if (!hasFinite(toks, 0, clauseTo)) return null;
    const c = candidate(toks, 0, clauseTo, source.span, phrase, para);
    return c ? [c] : null;
  }
  return null;
}

/**
 * "X, according to NP, Y.": the source phrase interrupts the clause. After a fronted adverbial
 * with no verb of its own ("So far, according to officials, the plan has worked") the clause is Y;
 * otherwise X and Y are two segments of one clause ("The ferry, according to the operator, will
 * resume Monday"; "The ferry will, according to …, resume"), the second continuing the first.
 */
function medial(
  toks: Tagged[],
  at: { k: number; after: number; end: number; para: number },
  source: Span,
  phrase: string,
): ReportedCandidate[] | null {
  const { k, end, para } = at;
  let after = at.after;
  // "The plant, which, according to the ministry, employs 2,000 people, …", "documents which,
  // according to Reuters, show …": inside a relative clause the source attributes its predicate,
  // up to the clause's closing comma or bracket
  const rel = toks[k - 2] as Tagged | undefined;
  const relOpen = toks[k - 3];
  if (rel && /^(WDT|WP)$/.test(rel.tag) && relOpen && /^(,|\(|-LRB-|NNS?|NNPS?)$/.test(relOpen.tag)) {
    let to = after;
    while (to < end && !/^[,;)\u2014\u2013]$/.test((toks[to] as Tagged).text)) to++;
    // the relative pronoun is the subject, so the predicate opens with its verb; a finite verb in
    // -s or -ed is one whatever the tagger read ("employs" as a plural noun)
    const v = toks[after] as Tagged | undefined;
    if (!v || (!hasFinite(toks, after, to) && !/^\p{Ll}+(s|ed)$/u.test(v.text))) return null;
    const c = candidate(toks, after, to, source, phrase, para);
    return c ? [c] : null;
  }
  // "according to Ana Ruiz, the curator, …": an appositive names the same source
  const app = taggedAppositive(toks, source, after, end);
  if (app) {
    if (taggedName(toks, app)) source = app;
    after = app.to + 1;
  }
  if (after >= end) return null;
  const comma = k - 1;
  if (clauseAt(toks, after, end)) {
    // Y has a subject of its own: after a fronted adverbial, Y is the clause; after a clause
    // X, which of the two the source belongs to is not known
    if (hasFinite(toks, 0, comma)) return null;
    const c = candidate(toks, after, clauseEnd(toks, after, end).to, source, phrase, para);
    return c ? [c] : null;
  }
  // Y continues X only as its predicate: a verb ("will resume"), or an adverb before one
  const y = toks[after] as Tagged;
  // after a modal the next word is its verb, whatever the tagger read ("will, …, travel")
  const afterModal = (toks[comma - 1] as Tagged | undefined)?.tag === 'MD';
  if (!(afterModal || isFiniteTag(y.tag) || y.tag === 'MD' || y.tag === 'VB' || y.tag === 'RB')) return null;
  if (!hasFinite(toks, 0, comma) && !hasFinite(toks, after, end)) return null;
  const a = candidate(toks, 0, comma, source, phrase, para);
  const b = candidate(toks, after, clauseEnd(toks, after, end).to, source, phrase, para, true);
  return a && b ? [a, b] : null;
}

/** A name: proper nouns only ("Ali Mehraban"). */
function taggedName(toks: Tagged[], np: Span): boolean {
  for (let i = np.from; i < np.to; i++) {
    const tag = (toks[i] as Tagged).tag;
    if (tag !== 'NNP' && tag !== 'NNPS') return false;
  }
  return np.to > np.from;
}

/** `appositive` below, on tagged words: the noun phrase at `from`, closed by a comma. */
function taggedAppositive(toks: Tagged[], source: Span, from: number, end: number): Span | null {
  const found = npForward(toks, from, end);
  if (!found || taggedName(toks, found) === taggedName(toks, source)) return null;
  // "Ana Ruiz, deputy director of the flood centre at the university, …"
  const np = { ...found, to: postModified(toks, found.to, end) };
  if ((toks[np.to] as Tagged | undefined)?.text !== ',') return null;
  const next = (toks[np.to + 1] as Tagged | undefined)?.tag;
  if (next === 'WP' || next === 'WDT' || next === 'WP$') return null;
  return np;
}

/**
 * The end of a noun phrase's post-modifiers before a comma or the sentence's end: prepositional phrases ("of the flood
 * centre at the university") and an adjective or participle with its own ("familiar with the
 * case", "briefed on the plan"); `i` itself when they do not reach one.
 */
function postModified(toks: Tagged[], i: number, end: number): number {
  let j = i;
  for (let n = 0; n < 3 && j < end; n++) {
    const t = toks[j] as Tagged;
    if ((t.tag === 'JJ' || t.tag === 'VBN') && n === 0 && toks[j + 1]?.tag === 'IN') j++;
    // a two-word preposition: "out of", "ahead of"
    if (
      /^(RP|RB|IN)$/.test(toks[j]?.tag ?? '') &&
      toks[j + 1]?.tag === 'IN' &&
      /^of$/i.test(toks[j + 1]?.text ?? '')
    )
      j++;
    const p = toks[j] as Tagged | undefined;
    if (p?.tag !== 'IN' || /^(that|if|whether)$/i.test(p.text)) break;
    const inner = npForward(toks, j + 1, end);
    if (!inner) break;
    j = inner.to;
  }
  const stop = toks[j] as Tagged | undefined;
  return j > i && (stop?.text === ',' || j >= end || stop?.tag === '.') ? j : i;
}

/** The noun phrase's author when it is a document "released by X", "published by X", or itself. */
function authorOf(toks: Tagged[], np: Span, end: number): { span: Span; after: number } {
  let i = np.to;
  // "of X" belongs to the noun phrase: "the head of the agency"
  if (i < end && (toks[i] as Tagged).text.toLowerCase() === 'of') {
    const inner = npForward(toks, i + 1, end);
    if (inner) i = inner.to;
  }
  const full: Span = { from: np.from, to: i, headTo: np.to };
  const v = toks[i];
  // "a survey released Monday by X": the agent of a participle of authorship (lexicon.ts)
  if (v && v.tag === 'VBN' && AUTHORSHIP_PARTICIPLES.has(v.text.toLowerCase())) {
    for (let k = i + 1; k < end && k < i + 6; k++) {
      if ((toks[k] as Tagged).text.toLowerCase() === 'by') {
        const by = npForward(toks, k + 1, end);
        if (by) return { span: by, after: by.to };
        break;
      }
    }
  }
  return { span: np.to === i ? np : full, after: i };
}

/**
 * According to X, CLAUSE.  In the words of X, CLAUSE.  (the word-pattern pass: the sentence's
 * tokens outside quotations)
 */
export function leadingSourcePhrase(s: IndirectSentence): IndirectCandidate | null {
  const { text, toks, end: sentEnd } = s;
  const t0 = toks[0] as Token;
  const n = sourcePhraseAt(toks, 0);
  if (n === 0) return null;
  const phraseEnd = (toks[n - 1] as Token).end;
  const np = wordNpForward(text, phraseEnd, sentEnd);
  if (!np) return null;
  let c = np.end;
  while (c < sentEnd && text[c] !== ',') c++;
  if (c >= sentEnd || c - np.end >= 80) return null;
  let source = np;
  // "According to a survey released Monday by the Transit Council, …": the author speaks
  const by = /^\s+by\s+/.exec(text.slice(np.end, c));
  if (by && np.tokens.some((t) => AUTHORSHIP_PARTICIPLES.has(t.text.toLowerCase()))) {
    const author = wordNpForward(text, np.end + by[0].length, c);
    if (author) source = author;
  }
  const app = appositive(text, np, c + 1, sentEnd);
  if (app) {
    if (isName(app.np)) source = app.np;
    c = app.comma;
  }
  const [cs, ce] = trimClause(text, c + 1, wordClauseEnd(text, toks, c + 1, sentEnd));
  if (ce <= cs) return null;
  return {
    start: cs,
    end: ce,
    np: source,
    cue: text.slice(t0.start, phraseEnd),
    para: s.p.index,
    continuesPrev: false,
  };
}

/** A name: a person's noun phrase of capitalised words with no determiner ("Ali Mehraban"). */
function isName(np: NP): boolean {
  // ("Deputy News Director" is a title in capitals, no name)
  const title = roleWord(np.tokens[np.head]);
  return np.kind === 'person' && np.det === '' && !title && np.tokens.every((t) => isCapitalised(t.text));
}

/**
 * "According to the team's coach, Ali Mehraban, CLAUSE" / "According to Ali Mehraban, the team's
 * coach, CLAUSE": a noun phrase between two commas after the source, one of the two a name and
 * the other a description, is an appositive naming the same source; the clause starts after it.
 * Not an appositive when a relative clause follows ("According to Ruiz, the driver, who …").
 */
function appositive(
  text: string,
  source: NP,
  from: number,
  sentEnd: number,
): { np: NP; comma: number } | null {
  let f = from;
  while (f < sentEnd && isSpace(text[f])) f++;
  const np = wordNpForward(text, f, sentEnd, false);
  if (!np || isName(np) === isName(source)) return null;
  let c = np.end;
  // a role with its body after it ("a spokeswoman for the airport", "Deputy News Director at
  // Buzzfeed"): a preposition's phrase with no comma, up to the comma that closes the appositive
  const of = /^\s+(?:at|of|for|with|from|in|on)\s[^,;:]{1,60}?(?=\s*,)/.exec(text.slice(c, sentEnd));
  if (of && personNoun(bare((np.tokens[np.head] as Token).text)) && !isName(np)) c += of[0].length;
  while (c < sentEnd && isSpace(text[c])) c++;
  if (text[c] !== ',') return null;
  const next = /^\s*([A-Za-z]+)/.exec(text.slice(c + 1, c + 40))?.[1]?.toLowerCase();
  if (next === 'who' || next === 'which' || next === 'whose' || next === 'whom') return null;
  return { np, comma: c };
}
