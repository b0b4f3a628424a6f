/**
 * The speaker noun phrase of an attribution: subjects before and after a cue, appositives and
 * post-modifiers, subjects read over tags, participial and fronted subjects, and whether a noun
 * phrase can be a speaker at all.
 */

import { typeMention } from '../nlp/entity';
import { nounClass } from '../nlp/noun-classes';
import {
  type Attribution,
  cueAt,
  gapIsSpace,
  NP_INNER,
  skipFillersBack,
  taggedCue,
  taggedNPAt,
  tagToSentenceEnd,
  verbTagger,
} from './attribution-cues';
import { TITLES } from './lexicon';
import { isCapitalised } from './names';
import { type NP, npBackward, npForward, npOfSpan } from './np';
import { personNoun } from './np-core';
import type { Tagged } from './reported-tags';
import { isPluralNP } from './speaker-like';
import { inNumber, isSentenceEndAt, nextComma, sentenceStart, type Token, tokenize } from './text';

/**
 * "Eric Durr, director of public affairs at the state's military division told reporters …": an
 * appositive whose closing comma is missing. When the subject found before the verb lies in a
 * stretch that opens with a comma and a word naming a person's role (WordNet's person nouns, a
 * title) with what it is a role of ("director of …"), right after a capitalised name, the name is
 * the speaker and the stretch its appositive.
 */
function unclosedAppositive(text: string, np: NP | null, limit: number): NP | null {
  if (!np) return null;
  const open = findParentheticalStart(text, np.start, limit);
  if (open < 0) return null;
  // a role and what it is a role of: "director of", "spokesman for", "head at"
  const [first, second] = tokenize(text, open + 1, np.end);
  if (!first || !second || !roleWord(first.text) || !ROLE_OF.has(second.text.toLowerCase())) return null;
  // the role opens the stretch before the subject found ("Director of Public Affairs at …"); a
  // subject right after the comma is no appositive ("Exasperated, Jerry asked")
  if (first.start >= np.start) return null;
  const name = npBackward(text, open, limit);
  if (name?.kind !== 'person' || !isCapitalised((name.tokens[name.head] as Token).text)) return null;
  const app = npForward(text, open + 1, np.end, false);
  (name as NP & { appositive?: NP | null }).appositive = app;
  return name;
}

/** The prepositions that tie a role to what it is a role of. */
const ROLE_OF = new Set(['of', 'at', 'for', 'with']);

/** A word naming a person's role: a title, or a noun WordNet knows first as a person ("director"). */
function roleWord(w: string): boolean {
  const low = w.toLowerCase();
  return TITLES.has(low) || nounClass(low) === 'person';
}

/** Is the phrase the object of a preposition after a noun of a person ("the head of X")? */
function ofPerson(text: string, np: NP): boolean {
  const m = /([\p{L}-]+)\s+(?:of|for|at)\s+$/u.exec(text.slice(Math.max(0, np.start - 40), np.start));
  return m !== null && personNoun(m[1] as string);
}

/** Subject NP of a cue verb at token index k (skipping adverbs and one parenthetical). */
export function subjectOf(text: string, toks: Token[], k: number, limit: number): NP | null {
  const cueTok = toks[k] as Token;
  const j = skipFillersBack(toks, k - 1, text);
  if (j < 0) return null;
  const tj = toks[j] as Token;
  const nextStart = (toks[j + 1] ?? cueTok).start;
  const gap = text.slice(tj.end, nextStart);
  if (gap.length > 4) return null;
  const comma = gap.indexOf(',');
  if (comma < 0) {
    if (!gapIsSpace(text, tj.end, nextStart)) return null;
    const np = npBackward(text, tj.end, limit) ?? taggedNPBackward(text, tj.end, limit, cueTok.end);
    return unclosedAppositive(text, np, limit) ?? np;
  }
  // parenthetical before the verb: "A defense official, speaking anonymously, called",
  // appositive "Rama, the Albanian leader, said"
  let close = tj.end + comma;
  let open = findParentheticalStart(text, close, limit);
  if (open < 0) return null;
  // "A nurse from Leeds, England, said": a region after a place name is part of the place
  if (placeRegion(text, open, close)) {
    close = open;
    open = findParentheticalStart(text, close, limit);
    if (open < 0) return npBackward(text, close, limit);
  }
  const before = npBackward(text, open, limit);
  if (!before) return null;
  const appositive = npForward(text, open + 1, close, false);
  const app = appositive && appositive.end >= close - 1 ? appositive : null;
  // "The agency’s flood manager, Dr Peter Okafor, said": the name in the appositive is the speaker
  const beforeHead = before.tokens[before.head];
  const appHead = app ? app.tokens[app.head] : undefined;
  if (
    app &&
    appHead &&
    beforeHead &&
    isCapitalised(appHead.text) &&
    // a description, also one whose head is a capitalised role ("The local MP, Sarah Jennings,")
    // or that ends with a named body ("the head of the Harlow Trust, Dame Judith Kerr,")
    (!isCapitalised(beforeHead.text) || personNoun(beforeHead.text) || ofPerson(text, before)) &&
    app.kind === 'person'
  ) {
    (app as NP & { appositive?: NP | null }).appositive = before;
    return app;
  }
  (before as NP & { appositive?: NP | null }).appositive = app;
  return before;
}

/**
 * A noun phrase and the appositive after it (", NP,"): a capitalised name in the appositive of a
 * lower-case description is the speaker ("the county coroner, Ada Marsh, …"); otherwise the phrase,
 * with the appositive kept beside it.
 */
export function withAppositive(text: string, np: NP, limit: number): NP {
  if (text[np.end] !== ',') return np;
  let close = nextComma(text, np.end + 1, Math.min(limit, np.end + 160));
  if (close < 0) {
    // ",” said the city’s lawyer, Sam Berg.": the appositive may close the sentence
    close = Math.min(limit, np.end + 160);
    while (close > np.end && /[\s.!?]/.test(text[close - 1] ?? '')) close--;
  }
  const found = npForward(text, np.end + 1, close, false);
  // ("a nurse from Leeds, England": the region is the place's, no appositive)
  const app = found && found.end >= close - 1 && !placeRegion(text, np.end, close) ? found : null;
  const head = np.tokens[np.head];
  const appHead = app?.tokens[app.head];
  if (
    app &&
    appHead &&
    head &&
    app.kind === 'person' &&
    isCapitalised(appHead.text) &&
    !isCapitalised(head.text)
  ) {
    (app as NP & { appositive?: NP | null }).appositive = np;
    return app;
  }
  (np as NP & { appositive?: NP | null }).appositive = app;
  return np;
}

/**
 * ", England," after "Leeds": the stretch between the commas `open` and `close` is one capitalised
 * name that the entity typer reads as a place, right after a capitalised word (a place name and
 * its region or country, as news writes them).
 */
function placeRegion(text: string, open: number, close: number): boolean {
  const words = text
    .slice(open + 1, close)
    .trim()
    .split(/\s+/);
  if (words.length > 3 || !words.every((w) => isCapitalised(w))) return false;
  const before = text
    .slice(Math.max(0, open - 40), open)
    .trim()
    .split(/\s+/);
  if (!isCapitalised(before[before.length - 1] ?? '')) return false;
  return typeMention({ words, before: before.slice(-2), after: [','] }).type === 'place';
}

/** Finds the comma opening a parenthetical that ends at the comma `close` (bounded). */
export function findParentheticalStart(text: string, close: number, limit: number): number {
  const lim = Math.max(limit, close - 160);
  for (let i = close - 1; i >= lim; i--) {
    const c = text[i];
    if (c === ',' && !inNumber(text, i)) return i;
    if (c === '.' || c === ';' || c === ':' || c === '"' || c === '\u201c' || c === '\u201d' || c === '\n')
      return -1;
  }
  return -1;
}

/**
 * A subject with up to two prepositional phrases after its head, when a reporting verb follows
 * them ("a spokesman for the fire service said", "the statement from the ministry said"): the
 * whole phrase, its head unchanged. Otherwise the phrase as found.
 */
export function withPostModifier(text: string, np: NP, end: number): NP {
  let e = np.end;
  for (let n = 0; n < 2; n++) {
    const m = /^ (for|of|at|from|with|in|on) /.exec(text.slice(e, e + 7));
    if (!m) break;
    const inner = npForward(text, e + m[0].length, end, false);
    if (!inner) break;
    e = inner.end;
    const next = tokenize(text, e, Math.min(end, e + 40));
    if (next[0] && gapIsSpace(text, e, next[0].start) && cueAt(text, next, 0, { allowBase: isPluralNP(np) }))
      return { ...np, end: e, text: text.slice(np.start, e) };
  }
  return np;
}

/** The tag-read noun phrase that starts at `from` ("said nurses on the night shift"). */
export function taggedNPForward(text: string, from: number, limit: number): NP | null {
  return taggedNPAt(text, tagToSentenceEnd(text, from, limit))?.np ?? null;
}

/**
 * The tag-read common noun phrase that ends at `to` ("The 41-year-old goalkeeper| said"), when
 * the tagger also reads the cue word ending at `verbEnd` as a verb ("media reports" is a noun).
 */
export function taggedNPBackward(text: string, to: number, limit: number, verbEnd: number): NP | null {
  if (!verbTagger) return null;
  const from = sentenceStart(text, to, Math.max(limit, to - 200));
  const tagged = verbTagger(text, from, verbEnd);
  if (!tagged.pop()?.tag.startsWith('VB')) return null;
  let j = tagged.length - 1;
  const head = tagged[j];
  if (!head || (head.tag !== 'NN' && head.tag !== 'NNS') || !gapIsSpace(text, head.end, to)) return null;
  while (j > 0 && NP_INNER.test((tagged[j - 1] as Tagged).tag)) j--;
  if (j > 0 && ((tagged[j - 1] as Tagged).tag === 'DT' || (tagged[j - 1] as Tagged).tag === 'PRP$')) j--;
  // a subject opens its clause: at the sentence start or after a comma, a conjunction or a quote
  const before = tagged[j - 1];
  if (before && !/^(,|CC|``|''|:)$/.test(before.tag) && !/^[,;:\u201c\u201d"]$/.test(before.text))
    return null;
  return npOfSpan(text, (tagged[j] as Tagged).start, head.end);
}

/**
 * After a comma-closed quotation, a subject the word scan does not know, read by its tags
 * (`taggedNPAt`), then the finite verb that is the cue.
 */
export function taggedSubjectCue(text: string, toks: Token[], i: number, limit: number): Attribution | null {
  const tagged = tagToSentenceEnd(text, i, limit);
  const found = taggedNPAt(text, tagged);
  if (!found) return null;
  const { np, next: j } = found;
  const head = tagged[j - 1] as Tagged;
  const k = toks.findIndex((x) => x.start === tagged[j]?.start);
  if (k < 0) return null;
  const cue =
    cueAt(text, toks, k, { allowBase: head.tag === 'NNS' }) ??
    taggedCue(text, toks, k, head.tag === 'NNS', np.start, limit);
  return cue ? { cue, np, where: 'after' } : null;
}

/**
 * The word scan read a verb as the head of the subject ("the report states", "the email began":
 * "states" and "began" look like nouns or modifiers to it): when the tagger reads a finite verb
 * inside the noun phrase, the phrase ends before it and that verb is the cue.
 */
export function verbInsideNP(text: string, toks: Token[], np: NP, limit: number): Attribution | null {
  if (!verbTagger || np.tokens.length < 2) return null;
  // the clause ends with its sentence: a quotation after it has verbs of its own
  let stop = np.end;
  const max = Math.min(limit, np.end + 80);
  while (stop < max && text[stop] !== '\n' && !(text[stop] === '.' && isSentenceEndAt(text, stop, max)))
    stop++;
  const tagged = verbTagger(text, np.start, Math.min(max, stop + 1));
  // a clause after a quotation has a verb: when the tagger finds none, a plural-looking last word
  // after a noun is the verb it misread ("the report states.", "the statement reads.")
  const verbless = !tagged.some((x) => x.tag.startsWith('VB') || x.tag === 'MD');
  for (let j = 1; j < tagged.length; j++) {
    const v = tagged[j] as Tagged;
    if (v.start >= np.end) break;
    const misread =
      verbless &&
      v.tag === 'NNS' &&
      v.end === np.end &&
      ((tagged[j - 1] as Tagged).tag === 'NN' || (tagged[j - 1] as Tagged).tag === 'NNP');
    if (v.tag !== 'VBD' && v.tag !== 'VBZ' && v.tag !== 'VBN' && !misread) continue;
    const prev = tagged[j - 1] as Tagged;
    const sub = npOfSpan(text, np.start, prev.end);
    if (!sub) return null;
    const k = toks.findIndex((x) => x.start === v.start);
    if (k < 0) return null;
    const cue =
      cueAt(text, toks, k, {}) ??
      (misread
        ? {
            start: v.start,
            end: v.end,
            text: v.text,
            info: { lemma: v.lemma, clause: false, form: 's' as const },
            addressee: null,
          }
        : taggedCue(text, toks, k, isPluralNP(sub), np.start, limit));
    return cue ? { cue, np: sub, where: 'after' } : null;
  }
  return null;
}

export function isPreposition(w: string): boolean {
  const b = w.toLowerCase();
  return (
    b === 'to' ||
    b === 'of' ||
    b === 'in' ||
    b === 'on' ||
    b === 'at' ||
    b === 'with' ||
    b === 'from' ||
    b === 'for' ||
    b === 'by' ||
    b === 'about' ||
    b === 'between' ||
    b === 'against' ||
    b === 'into' ||
    b === 'over' ||
    b === 'than'
  );
}
