/**
 * Subjects of a cue found over the clause around it: the main clause's subject, the subject of a
 * participial cue ("Trump amended her statement, saying …", "quoted Reid as saying"), of a fronted
 * clause ("After claiming that …, he told") and of a relative pronoun's antecedent.
 */

import { gapIsSpace, isAdverb, verbTagger } from './attribution-cues';
import { isPreposition, subjectOf } from './attribution-subjects';
import { BE_FORMS, CAPITAL_STOPWORDS, DETERMINERS, DOC_HEADS, FOCUS_ADVERBS } from './lexicon';
import { isCapitalised } from './names';
import { isFunctionWord, makeNP, type NP, npBackward, npForward, npOfSpan } from './np';
import { agentive } from './reported-subject';
import type { Tagged } from './reported-tags';
import { speakerLike } from './speaker-like';
import { key, type Token } from './text';

/** Auxiliaries and modals that open a verb group after its subject (closed class, Quirk §3.21–3.22). */
const AUXILIARIES = new Set(
  'has had have was were is are did does do can could will would may might must should shall'.split(' '),
);

/**
 * A capitalised function word alone before a comma ("First,", "Still,", "Most,"): a sentence adverb
 * or a fragment, no subject. A pronoun ("He, too, said") stays one.
 */
function adverbBeforeComma(text: string, np: NP): boolean {
  return (
    np.tokens.length === 1 &&
    np.kind !== 'pronoun' &&
    CAPITAL_STOPWORDS.has((np.tokens[0] as Token).text) &&
    /^\s*,/.test(text.slice(np.end, np.end + 3))
  );
}

/** Subject of the clause containing token k: the first NP of the sentence/clause window. */
export function mainSubject(text: string, toks: Token[], k: number, _from: number): NP | null {
  // walk back to the nearest comma-separated clause start that begins with an NP followed by a verb
  for (let j = k - 1; j >= 0; j--) {
    const t = toks[j] as Token;
    const prev = toks[j - 1];
    const boundary = j === 0 || (prev !== undefined && /[,;:]/.test(text.slice(prev.end, t.start)));
    if (!boundary) continue;
    const np = npForward(text, t.start, toks[k]?.start ?? t.end);
    // ("First, saying that …": a sentence adverb capitalised by its place is no subject)
    if (np && np.tokens.length === 1 && CAPITAL_STOPWORDS.has((np.tokens[0] as Token).text)) continue;
    if (
      np &&
      (np.kind === 'person' ||
        np.kind === 'pronoun' ||
        np.kind === 'org' ||
        np.kind === 'anon' ||
        np.kind === 'pub')
    ) {
      // the NP must be followed by a verb-like word (not a preposition): accept
      const after = toks.find((x) => x.start >= np.end);
      if (after && !isFunctionWord(after.text)) return np;
      // an auxiliary or modal opens its verb ("has said", "can be heard saying")
      if (after && AUXILIARIES.has(after.text)) return np;
    }
  }
  return null;
}

/**
 * Subject of a participial cue: "Trump amended her statement, saying …" (the subject of the
 * clause before the comma); "After claiming that …, he told" (the subject after the fronted
 * clause, which then also bounds the reported clause); "Netanyahu’s Likud party, which tried …
 * by saying" (the antecedent of the relative pronoun).
 */
export function ingSubject(
  text: string,
  toks: Token[],
  k: number,
  sentEnd: number,
): { np: NP | null; limit: number } {
  const prevLow = toks[k - 1]?.text.toLowerCase() ?? '';
  // "…, even suggesting that …", "— also warning that …": the participle's clause starts at the
  // adverb before it
  const adverb = toks[k - 1];
  if (
    adverb &&
    k >= 2 &&
    gapIsSpace(text, adverb.end, (toks[k] as Token).start) &&
    (FOCUS_ADVERBS.has(prevLow) || (prevLow.endsWith('ly') && isAdverb(adverb.text)))
  )
    return ingSubject(text, toks, k - 1, sentEnd);
  // "Writing on Instagram, Novak thanked fans for “…”": the main clause's subject
  const opening = k === 0 ? openingParticipleSubject(text, toks, sentEnd) : null;
  if (opening) return opening;
  const fronted =
    k === 1 || (k >= 2 && /[,;:]/.test(text.slice((toks[k - 2] as Token).end, (toks[k - 1] as Token).start)));
  if (fronted && FRONTING.has(prevLow)) {
    for (let i = (toks[k] as Token).end; i < sentEnd && i < (toks[k] as Token).end + 400; i++) {
      if (text[i] === ',') return { np: npForward(text, i + 1, sentEnd, false), limit: i };
    }
    return { np: null, limit: sentEnd };
  }
  const cueTok = toks[k] as Token;
  // "…, calling the report false and saying that …": a participle coordinated with an earlier
  // one of its clause shares that one's subject
  if (prevLow === 'and' || prevLow === 'or') {
    const first = coordinatedParticiple(text, toks, k - 1);
    if (first >= 0) return ingSubject(text, toks, first, sentEnd);
  }
  // "quoted Reid as saying", "recalled Reid telling her": the object of a verb of perceiving or
  // quoting is the subject of the -ing report right after it
  const objectOf = ingObject(text, toks, k) ?? passiveQuoted(text, toks, k);
  if (objectOf) return { np: objectOf, limit: sentEnd };
  // "…, with one resident writing “…”": an absolute clause names its own subject after "with"
  const before = toks[k - 1];
  if (before && gapIsSpace(text, before.end, cueTok.start)) {
    const np = npBackward(text, before.end, Math.max(0, before.start - 120));
    let w = np ? toks.findIndex((t) => t.start === np.start) : -1;
    // a role before a name ("with trustee Omar Haddad saying")
    for (let n = 0; n < 2 && w > 1 && !isFunctionWord((toks[w - 1] as Token).text); n++) w--;
    if (np && w > 0 && (toks[w - 1] as Token).text.toLowerCase() === 'with' && speakerLike(np))
      return { np, limit: sentEnd };
  }
  // "issued a statement saying …", "published reports warning that …": a participle right after
  // a document noun is a reduced relative on it; the document's author reports
  if (before && gapIsSpace(text, before.end, cueTok.start) && isDocumentNoun(prevLow)) {
    const doc = npBackward(text, before.end, Math.max(0, before.start - 80)) ?? makeNP(text, [before], '');
    // only as an object ("issued a statement saying"): a subject's reduced relative has no clear end
    const author = doc ? documentAuthor(text, toks, doc) : null;
    if (author) return { np: author, limit: sentEnd };
  }
  if (prevLow !== 'by' && prevLow !== 'in') {
    const gapBefore = text.slice((toks[k - 1] as Token | undefined)?.end ?? cueTok.start, cueTok.start);
    if (!gapBefore.includes(',') && !gapBefore.includes('\u2014') && !gapBefore.includes('-'))
      return { np: null, limit: sentEnd };
  }
  // start of the clause before the participle
  let clauseFrom = 0;
  for (let j = k - 2; j >= 1; j--) {
    const gap = text.slice((toks[j - 1] as Token).end, (toks[j] as Token).start);
    if (gap.includes(',') || gap.includes(';') || gap.includes(':')) {
      clauseFrom = j;
      break;
    }
  }
  const relTok = toks[clauseFrom];
  if (relTok && (relTok.text === 'which' || relTok.text === 'who') && clauseFrom > 0) {
    const ante = npBackward(text, (toks[clauseFrom - 1] as Token).end, Math.max(0, relTok.start - 200));
    if (ante && speakerLike(ante)) return { np: ante, limit: sentEnd };
  }
  let np = firstSubjectNP(text, toks, clauseFrom, k);
  if (!np && clauseFrom > 0) np = firstSubjectNP(text, toks, 0, k);
  return { np, limit: sentEnd };
}

/**
 * A participle that opens its sentence ("Writing on Instagram, Novak thanked fans for “…”") takes
 * the main clause's subject, after the participle's clause; null when the first token does not
 * open a sentence or no comma ends the participle's clause.
 */
function openingParticipleSubject(
  text: string,
  toks: Token[],
  sentEnd: number,
): { np: NP | null; limit: number } | null {
  const first = toks[0] as Token;
  if (!/(^|[.!?\n][\u201d"’)]?)\s*$/.test(text.slice(Math.max(0, first.start - 3), first.start))) return null;
  const comma = text.indexOf(',', first.end);
  if (comma < 0 || comma >= sentEnd || comma >= first.end + 200) return null;
  return { np: leadingName(text, npForward(text, comma + 1, sentEnd, false)), limit: comma };
}

/** A phrase read forwards from a bare name ends with the name ("Novak thanked Dunmore" → Novak). */
function leadingName(text: string, np: NP | null): NP | null {
  const first = np?.tokens[0];
  if (!np || !first || !isCapitalised(first.text)) return np;
  const lower = np.tokens.findIndex((t) => !isCapitalised(t.text));
  return lower < 0 ? np : npOfSpan(text, first.start, (np.tokens[lower - 1] as Token).end);
}

/**
 * The name right before an -ing cue (after "as" when there is one), itself the object of a verb:
 * "quoted Reid as saying", "recalled Reid telling her", "heard Ana Lima saying". Names only: a
 * common noun there is more often the -ing word's own object ("the officials saying").
 */
function ingObject(text: string, toks: Token[], k: number): NP | null {
  let j = k - 1;
  if (toks[j]?.text === 'as') {
    // "cited a defence ministry source as saying": with "as", a described speaker too
    const described = describedObjectAs(text, toks, j) ?? appositiveNameAs(text, toks, j);
    if (described) return described;
    j--;
  }
  const last = toks[j];
  if (!last || !isCapitalised(last.text) || !gapIsSpace(text, last.end, (toks[j + 1] as Token).start))
    return null;
  // the run of capitalised words that ends there
  const i = capitalRunStart(text, toks, j);
  const np = npOfSpan(text, (toks[i] as Token).start, last.end);
  if (np?.kind !== 'person' || np.det !== '') return null;
  const verb = toks[i - 1];
  // the name follows a verb (not a comma, a preposition or the sentence start)
  if (!verb || !gapIsSpace(text, verb.end, np.start) || isFunctionWord(verb.text) || isCapitalised(verb.text))
    return null;
  return np;
}

/** The first token of the run of up to four capitalised words, one space apart, that ends at token j. */
function capitalRunStart(text: string, toks: Token[], j: number): number {
  let i = j;
  while (
    i - 1 >= 0 &&
    i > j - 4 &&
    isCapitalised((toks[i - 1] as Token).text) &&
    gapIsSpace(text, (toks[i - 1] as Token).end, (toks[i] as Token).start)
  )
    i--;
  return i;
}

/**
 * "quoted a military spokesman, Colonel Arvid Dahl, as saying": a person's name in the appositive
 * that closes right before "as" names the speaker the description before it describes.
 */
function appositiveNameAs(text: string, toks: Token[], as: number): NP | null {
  const last = toks[as - 1];
  if (!last || !isCapitalised(last.text) || text.slice(last.end, (toks[as] as Token).start).trim() !== ',')
    return null;
  const i = capitalRunStart(text, toks, as - 1);
  const open = toks[i - 1];
  if (!open || text.slice(open.end, (toks[i] as Token).start).trim() !== ',' || isCapitalised(open.text))
    return null;
  const np = npOfSpan(text, (toks[i] as Token).start, last.end);
  return np?.kind === 'person' ? np : null;
}

/**
 * The noun phrase before "as" at `as`, itself a verb's object and a speaker: "cited a ministry
 * source as saying", "quoted one official as saying". "as" marks the noun as the -ing report's
 * subject, so a common noun is no longer read as the -ing word's object.
 */
function describedObjectAs(text: string, toks: Token[], as: number): NP | null {
  const before = toks[as - 1];
  if (!before || isCapitalised(before.text) || !gapIsSpace(text, before.end, (toks[as] as Token).start))
    return null;
  const np = npBackward(text, before.end, Math.max(0, before.start - 120));
  if (!np || np.end !== before.end || !speakerLike(np)) return null;
  const verb = toks[toks.findIndex((t) => t.start === np.start) - 1];
  if (!verb || !gapIsSpace(text, verb.end, np.start) || isFunctionWord(verb.text) || isCapitalised(verb.text))
    return null;
  return np;
}

/**
 * The subject of a passive "quoted … as saying" before the -ing cue at `k`: "Reid was quoted as
 * saying", "The suspect was quoted by local media as saying" (the quoting medium is no speaker).
 */
function passiveQuoted(text: string, toks: Token[], k: number): NP | null {
  if (toks[k - 1]?.text !== 'as') return null;
  let q = k - 2;
  // "by local media": the agent of the passive, between the participle and "as"
  for (let n = 0; n < 6 && q > 0 && toks[q]?.text.toLowerCase() !== 'quoted'; n++) q--;
  if (toks[q]?.text.toLowerCase() !== 'quoted' || (q < k - 2 && toks[q + 1]?.text !== 'by')) return null;
  let aux = q - 1;
  // "was widely quoted": an adverb between (the fillers include auxiliaries: stop at one)
  while (
    aux > 0 &&
    !BE_FORMS.has((toks[aux] as Token).text.toLowerCase()) &&
    isAdverb((toks[aux] as Token).text)
  )
    aux--;
  const be = toks[aux];
  if (!be || !BE_FORMS.has(be.text.toLowerCase()) || aux < 1) return null;
  const before = toks[aux - 1] as Token;
  const np = npBackward(text, before.end, Math.max(0, before.start - 120));
  return np && np.end === before.end ? np : null;
}

export const FRONTING = new Set(['after', 'before', 'while', 'upon', 'by', 'when', 'since']);

/** First speaker-like NP in toks[from..k) that is not the object of a preposition. */
export function firstSubjectNP(text: string, toks: Token[], from: number, k: number): NP | null {
  const cueTok = toks[k] as Token;
  // a subject comes before its clause's finite verb: a phrase after it is an object ("The insurer
  // raised its premiums, arguing …" is the insurer's, not "its premiums")
  const verbAt = firstFiniteVerb(text, (toks[from] as Token).start, cueTok.start);
  for (let j = from; j < k; j++) {
    const t = toks[j] as Token;
    if (t.start >= verbAt) break;
    const prev = toks[j - 1];
    if (prev && j > from && (isPreposition(prev.text) || DETERMINERS.has(prev.text.toLowerCase()))) continue;
    const lw = t.text.toLowerCase();
    if (isFunctionWord(t.text) && !DETERMINERS.has(lw) && lw !== 'he' && lw !== 'she' && lw !== 'they')
      continue;
    const np = beforeFiniteVerb(
      text,
      npForward(text, t.start, cueTok.start, false),
      k > j ? cueTok.start : t.end,
    );
    if (!np || (np.kind === 'pronoun' && key(np.text) === 'it')) continue;
    // ("First, saying that …", "Still, arguing …": a sentence adverb capitalised by its place is no subject)
    if (adverbBeforeComma(text, np)) continue;
    if (!speakerLike(np) || !canSpeak(text, np)) continue;
    const after = toks.find((x) => x.start >= np.end);
    if (after && isPreposition(after.text)) continue;
    return np;
  }
  return null;
}

/**
 * A bare common noun capitalised by the sentence start is no name: it speaks only if it names
 * people or a body ("Prices climbed, suggesting …" reports nothing; "Residents marched, saying …"
 * does).
 */
function canSpeak(text: string, np: NP): boolean {
  if (!verbTagger || !/^\p{Lu}/u.test(np.text)) return true;
  const tagged: Tagged[] = verbTagger(text, np.start, np.end);
  const head = tagged[tagged.length - 1];
  if (!head || !/^NNS?$/.test(head.tag) || /^(DT|PRP\$|CD)$/.test(tagged[0]?.tag ?? '')) return true;
  return agentive(tagged, { from: 0, to: tagged.length });
}

/** The first finite verb of tagged words after the first word, or undefined. */
function firstFinite(tagged: readonly Tagged[]): Tagged | undefined {
  return tagged.find(
    (x, i) => i > 0 && (x.tag === 'VBD' || x.tag === 'VBZ' || x.tag === 'VBP' || x.tag === 'MD'),
  );
}

/** Where the first finite verb between `from` and `to` starts, by the tagger; `to` when none. */
function firstFiniteVerb(text: string, from: number, to: number): number {
  if (!verbTagger || to <= from) return to;
  return firstFinite(verbTagger(text, from, to))?.start ?? to;
}

/**
 * A subject read forwards ends before its clause's finite verb: "The minister criticised the envoy,
 * suggesting …" has "The minister" as subject, not a phrase running on through "criticised" (a
 * past tense read as a participle modifier). Asks the tagger for the words of the phrase in their
 * clause (up to `clauseEnd`).
 */
function beforeFiniteVerb(text: string, np: NP | null, clauseEnd: number): NP | null {
  if (!np || !verbTagger || np.end - np.start < 3) return np;
  const tagged: Tagged[] = verbTagger(text, np.start, Math.max(np.end, clauseEnd));
  const verb = firstFinite(tagged.filter((x) => x.start < np.end));
  if (!verb) return np;
  return npForward(text, np.start, verb.start, false);
}

/** A document noun, singular or plural ("statement", "reports"), from the lexicon. */
function isDocumentNoun(w: string): boolean {
  return DOC_HEADS.has(w) || (w.endsWith('s') && DOC_HEADS.has(w.slice(0, -1)));
}

/**
 * The author of a document that is the object of a verb: the subject of "issued", "published",
 * "sent" ("The ministry issued a statement saying …" → the ministry), when it can speak; null
 * otherwise (and when the document is no verb's object).
 */
function documentAuthor(text: string, toks: Token[], doc: NP): NP | null {
  const d = toks.findIndex((t) => t.start === doc.start);
  const verb = toks[d - 1];
  if (d < 2 || !verb || isFunctionWord(verb.text) || isPreposition(verb.text) || !/^\p{Ll}/u.test(verb.text))
    return null;
  // the verb group may open with auxiliaries ("have published", "has now issued")
  let v = d - 1;
  while (v > 0 && AUXILIARIES.has((toks[v - 1] as Token).text.toLowerCase())) v--;
  const subj = subjectOf(text, toks, v, Math.max(0, verb.start - 160));
  return subj && subj.kind !== 'doc' && speakerLike(subj) ? subj : null;
}

/**
 * The index of the -ing participle opening the clause that ends at the conjunction `and` (token
 * `c`): the first word after the last comma before it, when that word is a participle; -1
 * otherwise.
 */
function coordinatedParticiple(text: string, toks: Token[], c: number): number {
  for (let j = c - 1; j >= 1 && j > c - 16; j--) {
    const gap = text.slice((toks[j - 1] as Token).end, (toks[j] as Token).start);
    if (!gap.includes(',')) continue;
    return /^\p{Ll}+ing$/u.test((toks[j] as Token).text) && j < c - 1 ? j : -1;
  }
  return -1;
}
