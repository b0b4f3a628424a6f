/**
 * Attribution finding: the cue (reporting expression) and the speaker noun phrase around a
 * quotation or inside a sentence. All searches are confined to the quote's sentence or a short
 * window after/before it.
 */

import { CUE_FILLERS, type CueInfo, cueVerb, NOMINAL_CUES } from './cues';
import { ANON_HEADS, DETERMINERS, DOC_HEADS, ORG_HEADS, ROLE_NOUNS, sourcePhraseAt } from './lexicon';
import type { SentenceTagger, Tagged } from './reported';
import { isCapitalised, isFunctionWord, type NP, npBackward, npForward, npOfSpan } from './speakers';
import {
  isLower,
  isSentenceEnd,
  isSpace,
  key,
  sentenceStart,
  skipSpaces,
  type Token,
  tokenize,
} from './text';

export interface Cue {
  start: number;
  end: number;
  text: string;
  info: CueInfo | null;
  /** The verb is followed by its addressee ("told reporters"). */
  addressee: NP | null;
}

export interface Attribution {
  cue: Cue;
  np: NP | null;
  /** Where the attribution text lies relative to the quote. */
  where: 'before' | 'after' | 'end' | 'colon';
}

const MAX_WINDOW = 240;

/** The tagger that reads the verb after a quotation when no listed cue is there (see `taggedCue`). */
let verbTagger: SentenceTagger | null = null;

export function useAttributionTagger(tagger: SentenceTagger | null): void {
  verbTagger = tagger;
}

/** Verbs that are auxiliaries or copulas, never the reporting verb of a quotation. */
const NOT_A_CUE_LEMMA = new Set(['be', 'have', 'do', 'get', 'become', 'seem']);

/**
 * A verb right after a quotation and its subject that is not in the cue lexicon ("," the report
 * states.", "," the email began.", "," the mayor fumed in a tweet."): in English news a finite verb
 * whose subject follows a quotation closed by a comma, "?" or "!" and which takes no object of its
 * own has the quotation as its object, so it is the attribution whatever the verb. Read by its
 * tag (finite: VBD, VBZ, or VBP after a plural subject), not by a list; the verb must be followed
 * by the sentence end, a comma, a preposition, a particle or an adverb, never by an object.
 * `k` indexes `toks` (the window after the quotation); returns null when the verb is not there.
 */
function taggedCue(
  text: string,
  toks: Token[],
  k: number,
  plural: boolean,
  from: number,
  end: number,
): Cue | null {
  const t = toks[k];
  if (!verbTagger || !t || !isLower(t.text[0])) return null;
  let stop = t.end;
  while (stop < end && text[stop] !== '\n' && !(text[stop] === '.' && isSentenceEndAt(text, stop, end)))
    stop++;
  // the subject is tagged with the verb: a verb alone is often read as a participle
  const tagged: Tagged[] = verbTagger(text, from, Math.min(end, stop + 1));
  const at = tagged.findIndex((x) => x.start === t.start);
  const v = tagged[at];
  if (!v) return null;
  // a past participle straight after the subject, with no auxiliary, is a past tense the tagger
  // misread ("the President-elect fumed in a tweet")
  const finite = v.tag === 'VBD' || v.tag === 'VBZ' || v.tag === 'VBN' || (plural && v.tag === 'VBP');
  if (!finite || NOT_A_CUE_LEMMA.has(v.lemma)) return null;
  const nx = tagged[at + 1];
  if (nx) {
    const ok =
      /^[.,;:!?\u2014\u2013]$/.test(nx.text) ||
      nx.tag === 'IN' ||
      nx.tag === 'RP' ||
      nx.tag === 'RB' ||
      nx.tag === 'TO' ||
      nx.tag === 'NNP'; // a weekday or month: "said Tuesday"
    if (!ok) return null;
  }
  return {
    start: t.start,
    end: t.end,
    text: t.text,
    info: { lemma: v.lemma, clause: false, form: v.tag === 'VBD' ? 'past' : 's' },
    addressee: null,
  };
}

/** Verbs whose object is the addressee ("told reporters", "reassured Dermer that"). */
const ADDRESSEE_VERBS = new Set([
  'tell',
  'inform',
  'assure',
  'reassure',
  'brief',
  'remind',
  'notify',
  'warn',
  'advise',
  'caution',
  'promise',
]);

function isAdverb(w: string): boolean {
  const b = w.toLowerCase();
  return (
    (b.length > 4 && b.endsWith('ly') && b !== 'only' && b !== 'family' && b !== 'italy') ||
    CUE_FILLERS.has(b)
  );
}

function gapIsSpace(text: string, a: number, b: number): boolean {
  if (b < a || b - a > 3) return false;
  for (let k = a; k < b; k++) if (!isSpace(text[k])) return false;
  return true;
}

/**
 * If token k is a reporting verb, returns the cue span (extended with the addressee of "tell",
 * particles "out"/"as"/"in a statement").
 */
export function cueAt(
  text: string,
  toks: Token[],
  k: number,
  opts: { allowBase?: boolean } = {},
): Cue | null {
  const t = toks[k];
  if (!t) return null;
  const w = t.text;
  if (!isLower(w[0]) && !(k === 0 && isCapitalised(w))) return null;
  const info = cueVerb(w);
  if (!info) return null;
  if (info.form === 'base' && !opts.allowBase) return null;
  let end = t.end;
  let addressee: NP | null = null;
  const next = toks[k + 1];
  const nextLow = next && gapIsSpace(text, t.end, next.start) ? next.text.toLowerCase() : '';
  if (ADDRESSEE_VERBS.has(info.lemma)) {
    const np = npForward(text, t.end, Math.min(text.length, t.end + 80), false);
    const afterNp = np ? tokenize(text, np.end, Math.min(text.length, np.end + 12))[0] : undefined;
    const thatFollows = afterNp !== undefined && afterNp.text.toLowerCase() === 'that';
    if (np && np.kind !== 'pronoun' && (info.lemma === 'tell' || thatFollows)) {
      addressee = np;
      end = np.end;
    } else if (
      nextLow === 'him' ||
      nextLow === 'her' ||
      nextLow === 'them' ||
      nextLow === 'us' ||
      nextLow === 'me'
    ) {
      end = (next as Token).end;
    } else if (info.lemma === 'tell') {
      // "told reporters", "told the website", "told Israeli media"
      if (next && nextLow && !isFunctionWord(nextLow) && isLower(nextLow[0]) && nextLow !== 'that') {
        end = (next as Token).end;
      } else if (next && (nextLow === 'the' || nextLow === 'a' || nextLow === 'an')) {
        const noun = toks[k + 2];
        if (noun && gapIsSpace(text, next.end, noun.start) && !isFunctionWord(noun.text)) end = noun.end;
      }
    }
  } else if (info.lemma === 'point' && nextLow === 'out') {
    end = (next as Token).end;
  } else if (info.lemma === 'point') {
    return null;
  } else if ((info.lemma === 'describe' || info.lemma === 'hint') && (nextLow === 'as' || nextLow === 'at')) {
    end = (next as Token).end;
  } else if (info.lemma === 'signal' && nextLow === 'to') {
    const np = npForward(text, (next as Token).end, (next as Token).end + 60, false);
    if (np) end = np.end;
  } else if (nextLow === 'in' || nextLow === 'on') {
    // "said in a statement", "wrote in a letter", "said on Twitter"
    const det = toks[k + 2];
    const noun = toks[k + 3];
    if (
      det &&
      noun &&
      (det.text === 'a' ||
        det.text === 'an' ||
        det.text === 'his' ||
        det.text === 'her' ||
        det.text === 'their' ||
        det.text === 'its' ||
        det.text === 'the')
    ) {
      if (NOMINAL_CUES.has(noun.text.toLowerCase()) && gapIsSpace(text, det.end, noun.start)) end = noun.end;
    }
  }
  return { start: t.start, end, text: text.slice(t.start, end), info, addressee };
}

/** Skips adverbs, auxiliaries and time words leftwards from token index k (inclusive). */
function skipFillersBack(toks: Token[], k: number, text: string): number {
  let j = k;
  let n = 0;
  while (j >= 0 && n < 4) {
    const t = toks[j] as Token;
    const nx = toks[j + 1];
    if (nx && !gapIsSpace(text, t.end, nx.start)) break;
    if (!isAdverb(t.text)) break;
    j--;
    n++;
  }
  return j;
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
    return npBackward(text, tj.end, limit) ?? taggedNPBackward(text, tj.end, limit, cueTok.end);
  }
  // parenthetical before the verb: "A defense official, speaking anonymously, called",
  // appositive "Rama, the Albanian leader, said"
  const close = tj.end + comma;
  const open = findParentheticalStart(text, close, limit);
  if (open < 0) return null;
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
    !isCapitalised(beforeHead.text) &&
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
function withAppositive(text: string, np: NP, limit: number): NP {
  if (text[np.end] !== ',') return np;
  const close = nextComma(text, np.end + 1, Math.min(limit, np.end + 160));
  if (close < 0) return np;
  const found = npForward(text, np.end + 1, close, false);
  const app = found && found.end >= close - 1 ? found : null;
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

/** Finds the comma opening a parenthetical that ends at the comma `close` (bounded). */
function findParentheticalStart(text: string, close: number, limit: number): number {
  const lim = Math.max(limit, close - 160);
  for (let i = close - 1; i >= lim; i--) {
    const c = text[i];
    if (c === ',') return i;
    if (c === '.' || c === ';' || c === ':' || c === '"' || c === '\u201c' || c === '\u201d' || c === '\n')
      return -1;
  }
  return -1;
}

/**
 * Attribution after a quote's closing mark: `” said Leavitt`, `,” he continued`,
 * `,” Trump told reporters last week`, `,” tweeted Qatar Foreign Ministry spokesperson …`.
 */
export function attributionAfter(text: string, from: number, limit: number): Attribution | null {
  let i = from;
  while (i < limit && (isSpace(text[i]) || text[i] === ',' || text[i] === '\u2014' || text[i] === '\u2013'))
    i++;
  if (i - from > 4) return null;
  const end = Math.min(limit, i + MAX_WINDOW);
  const toks = tokenize(text, i, end);
  const t0 = toks[0];
  if (!t0 || t0.start !== i) return null;
  // ",” according to the mayor", ",” in the words of one nurse"
  const phrase = sourcePhraseAt(toks, 0);
  if (phrase > 0) {
    const pEnd = (toks[phrase - 1] as Token).end;
    const np = npForward(text, pEnd, end);
    return np
      ? {
          cue: { start: t0.start, end: pEnd, text: text.slice(t0.start, pEnd), info: null, addressee: null },
          np: withAppositive(text, np, end),
          where: 'after',
        }
      : null;
  }
  // "as the Washington Post put it", "as Smith noted"
  if (t0.text === 'as') {
    const np = npForward(text, t0.end, end, false);
    if (np && speakerLike(np)) {
      let k = 1;
      while (k < toks.length && (toks[k] as Token).end <= np.end) k++;
      const v = toks[k];
      const it = toks[k + 1];
      if (v && it && v.text === 'put' && it.text === 'it') {
        return {
          cue: {
            start: v.start,
            end: it.end,
            text: text.slice(v.start, it.end),
            info: null,
            addressee: null,
          },
          np,
          where: 'after',
        };
      }
      const cue = cueAt(text, toks, k);
      if (cue) return { cue, np, where: 'after' };
    }
    return null;
  }
  // inverted: cue NP
  const c0 = cueAt(text, toks, 0);
  if (c0?.info && c0.info.form !== 'ing') {
    const np = npForward(text, c0.end, end) ?? taggedNPForward(text, skipSpaces(text, c0.end, end), end);
    if (np && np.kind !== 'pronoun') {
      return { cue: c0, np, where: 'after' };
    }
    if (np && np.kind === 'pronoun') return { cue: c0, np, where: 'after' };
  }
  // normal: NP (fillers) cue, possibly with an appositive or relative clause in between:
  // "Ruby Chen, whose … war, told Israeli media", "Rama, the Albanian leader, said"
  const found = npForward(text, i, end);
  if (!found) return afterQuote(text, from) ? taggedSubjectCue(text, toks, i, limit) : null;
  const np = withPostModifier(text, found, end);
  let after = np.end;
  if (text[after] === ',') {
    const close = nextComma(text, after + 1, Math.min(limit, after + 260));
    if (close > 0) {
      const appositive = npForward(text, after + 1, close, false);
      (np as NP & { appositive?: NP | null }).appositive =
        appositive && appositive.end >= close - 1 ? appositive : null;
      after = close + 1;
    }
  }
  let k = 0;
  while (k < toks.length && (toks[k] as Token).end <= after) k++;
  // skip fillers
  let n = 0;
  while (k < toks.length && n < 3 && isAdverb((toks[k] as Token).text) && !cueVerb((toks[k] as Token).text)) {
    k++;
    n++;
  }
  const quoted = afterQuote(text, from);
  const cue =
    cueAt(text, toks, k, { allowBase: isPluralNP(np) }) ??
    (quoted ? taggedCue(text, toks, k, isPluralNP(np), np.start, limit) : null);
  if (cue) return { cue, np, where: 'after' };
  return quoted ? verbInsideNP(text, toks, np, limit) : null;
}

/**
 * A subject with up to two prepositional phrases after its head, when a reporting verb follows
 * them ("a spokesman for the fire service said", "the statement from the ministry said"): the
 * whole phrase, its head unchanged. Otherwise the phrase as found.
 */
function withPostModifier(text: string, np: NP, end: number): NP {
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

/** Tags that may stand inside a common noun phrase before its head ("the 41-year-old goalkeeper"). */
const NP_INNER = /^(JJ[RS]?|CD|NNS?|HYPH|VBN)$/;

/** The tagged words from `from` to the end of its sentence (bounded by `limit`). */
function tagToSentenceEnd(text: string, from: number, limit: number): Tagged[] {
  if (!verbTagger) return [];
  let stop = from;
  const max = Math.min(limit, from + 120);
  while (stop < max && text[stop] !== '\n' && !(text[stop] === '.' && isSentenceEndAt(text, stop, max)))
    stop++;
  return verbTagger(text, from, Math.min(max, stop + 1));
}

/**
 * A common noun phrase the word scan does not know, read by its tags: an optional determiner,
 * adjectives, numbers and nouns ending in a common noun ("nurses", "the 41-year-old goalkeeper").
 * Forward from the first tagged word; returns the phrase and the index of the word after it.
 */
function taggedNPAt(text: string, tagged: Tagged[]): { np: NP; next: number } | null {
  let j = 0;
  if (tagged[0]?.tag === 'DT' || tagged[0]?.tag === 'PRP$') j = 1;
  const first = j;
  while (j < tagged.length && NP_INNER.test((tagged[j] as Tagged).tag)) j++;
  const head = tagged[j - 1];
  if (j === first || !head || (head.tag !== 'NN' && head.tag !== 'NNS')) return null;
  const np = npOfSpan(text, (tagged[0] as Tagged).start, head.end);
  return np ? { np, next: j } : null;
}

/** The tag-read noun phrase that starts at `from` ("said nurses on the night shift"). */
function taggedNPForward(text: string, from: number, limit: number): NP | null {
  return taggedNPAt(text, tagToSentenceEnd(text, from, limit))?.np ?? null;
}

/**
 * The tag-read common noun phrase that ends at `to` ("The 41-year-old goalkeeper| said"), when
 * the tagger also reads the cue word ending at `verbEnd` as a verb ("media reports" is a noun).
 */
function taggedNPBackward(text: string, to: number, limit: number, verbEnd: number): NP | null {
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
function taggedSubjectCue(text: string, toks: Token[], i: number, limit: number): Attribution | null {
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
function verbInsideNP(text: string, toks: Token[], np: NP, limit: number): Attribution | null {
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

/** `from` follows a quotation closed by a comma, "?", "!" or a dash inside or right after its marks. */
function afterQuote(text: string, from: number): boolean {
  let i = from - 1;
  while (i >= 0 && (text[i] === '"' || text[i] === '\u201d' || text[i] === '\u2019' || text[i] === "'")) i--;
  const c = text[i];
  const after = text[from];
  return c === ',' || c === '?' || c === '!' || c === '\u2014' || after === ',';
}

/** The comma closing an appositive/relative clause that starts at `from` (no sentence end, no quote). */
function nextComma(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text[i];
    if (c === ',') return i;
    if (c === '\n' || c === '"' || c === '\u201c' || c === '\u201d' || c === ';') return -1;
    if ((c === '.' || c === '!' || c === '?') && isSentenceEndAt(text, i, to)) return -1;
  }
  return -1;
}

function isSentenceEndAt(text: string, i: number, to: number): boolean {
  return isSentenceEnd(text, i, Math.max(to, i + 3));
}

function isPluralNP(np: NP): boolean {
  const h = np.tokens[np.head];
  if (!h) return false;
  const b = key(h.text);
  return (
    b === 'they' || b === 'we' || b === 'i' || b === 'you' || (b.endsWith('s') && !isCapitalised(h.text))
  );
}

/**
 * Attribution before a quote within its sentence: `X said: “`, `X told reporters that … “`,
 * `A Qatari official said, speaking anonymously, “`, `according to X, … “`.
 * `sentStart` bounds the search. Returns the rightmost cue with a subject.
 */
export function attributionBefore(text: string, sentStart: number, open: number): Attribution | null {
  const from = Math.max(sentStart, open - MAX_WINDOW);
  const toks = tokenize(text, from, open);
  for (let k = toks.length - 1; k >= 0; k--) {
    const t = toks[k] as Token;
    const low = t.text.toLowerCase();
    // "according to X", "in the words of X"
    const phrase = sourcePhraseAt(toks, k);
    if (phrase > 0) {
      const to = toks[k + phrase - 1] as Token;
      const np = npForward(text, to.end, open);
      if (np)
        return {
          cue: {
            start: t.start,
            end: to.end,
            text: text.slice(t.start, to.end),
            info: null,
            addressee: null,
          },
          np: withAppositive(text, np, open),
          where: 'before',
        };
      continue;
    }
    // "as X put it"
    if (low === 'put' && toks[k + 1]?.text.toLowerCase() === 'it') {
      const np = npBackward(text, t.start - 1, from);
      const asTok = np ? toks.find((x) => x.end <= np.start && x.end >= np.start - 4) : undefined;
      if (np && asTok && asTok.text.toLowerCase() === 'as') {
        const it = toks[k + 1] as Token;
        return {
          cue: {
            start: t.start,
            end: it.end,
            text: text.slice(t.start, it.end),
            info: null,
            addressee: null,
          },
          np,
          where: 'before',
        };
      }
    }
    const cue = cueAt(text, toks, k, { allowBase: true });
    if (!cue?.info) continue;
    if (cue.info.form === 'base') {
      const prevTok = toks[k - 1];
      const pl = prevTok ? prevTok.text.toLowerCase() : '';
      const subj = subjectOf(text, toks, k, from);
      if (pl === 'to' && prevTok) {
        // "declined to characterize", "went on to say": subject of the governing verb
        const gov = toks[k - 2];
        if (gov) {
          const s2 = subjectOf(text, toks, k - 2, from);
          if (s2)
            return {
              cue: { ...cue, start: gov.start, text: text.slice(gov.start, cue.end) },
              np: s2,
              where: 'before',
            };
        }
        continue;
      }
      if (
        !(subj && isPluralNP(subj)) &&
        !(pl === 'as' || pl === 'would' || pl === 'will' || pl === 'did' || pl === 'could')
      )
        continue;
      if (subj) return { cue, np: subj, where: 'before' };
      continue;
    }
    if (cue.info.form === 'ing') {
      const pw = toks[k - 1]?.text.toLowerCase() ?? '';
      if (DETERMINERS.has(pw) || pw.endsWith('\u2019s') || pw.endsWith("'s")) continue; // "the warning"
      // "…, saying …": subject of the main clause
      const subj = ingSubject(text, toks, k, open).np ?? mainSubject(text, toks, k, from);
      return { cue, np: subj, where: 'before' };
    }
    const prevTok = toks[k - 1];
    const pl = prevTok ? prevTok.text.toLowerCase() : '';
    if (pl === 'was' || pl === 'were' || pl === 'been' || pl === 'is' || pl === 'are' || pl === 'be') {
      // passive "was described as": agent after "by", else agentless
      if (!prevTok) continue;
      const byTok = toks.find((x, idx) => idx > k && x.text === 'by' && x.end <= open);
      const agent = byTok ? npForward(text, byTok.end, open) : null;
      if (cue.info.lemma !== 'describe' && cue.info.lemma !== 'call' && !agent) continue;
      return {
        cue: { ...cue, start: prevTok.start, text: text.slice(prevTok.start, cue.end) },
        np: agent,
        where: 'before',
      };
    }
    let subj = subjectOf(text, toks, k, from);
    if (!subj) {
      // inverted "said X:" — the NP must run up to the quote (or a colon/comma before it)
      // (a phrase only the tags read must end at a colon or comma: in "called the plan “reckless”"
      // the phrase is the verb's object)
      const listed = npForward(text, cue.end, open);
      const tagRead = listed ? null : taggedNPForward(text, skipSpaces(text, cue.end, open), open);
      const inv = listed ?? (tagRead && /[:,]/.test(text.slice(tagRead.end, open)) ? tagRead : null);
      if (inv && inv.kind !== 'pronoun' && onlyPunctBetween(text, inv.end, open)) subj = inv;
      else if (cue.info.form === 'past') subj = mainSubject(text, toks, k, from);
    }
    if (!subj || isDeterminerOnly(subj)) continue;
    return { cue, np: subj, where: 'before' };
  }
  return null;
}

function onlyPunctBetween(text: string, a: number, b: number): boolean {
  if (b - a > 4) return false;
  for (let k = a; k < b; k++) {
    const c = text[k];
    if (!isSpace(c) && c !== ',' && c !== ':' && c !== '\u2014') return false;
  }
  return true;
}

function isDeterminerOnly(np: NP): boolean {
  return np.tokens.length === 1 && DETERMINERS.has((np.tokens[0] as Token).text.toLowerCase());
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
      if (
        after &&
        (after.text === 'has' || after.text === 'had' || after.text === 'was' || after.text === 'is')
      )
        return np;
    }
  }
  return null;
}

/**
 * Attribution at the end of the sentence containing a quote (after the quote):
 * `… to hold up on their ICC plans, Indyk said.` or `…, according to X.`
 */
export function attributionAtEnd(text: string, from: number, sentEnd: number): Attribution | null {
  // last comma in (from, sentEnd)
  let e = sentEnd;
  while (
    e > from &&
    (text[e - 1] === '.' || text[e - 1] === '!' || text[e - 1] === '?' || isSpace(text[e - 1]))
  )
    e--;
  let comma = -1;
  for (let i = e - 1; i >= from && i >= e - 120; i--) {
    const c = text[i];
    if (c === ',') {
      comma = i;
      break;
    }
    if (c === '"' || c === '\u201c' || c === '\u201d' || c === ';' || c === ':') break;
  }
  if (comma < 0) return null;
  const tail = tailAttribution(text, comma + 1, e);
  if (tail) tail.where = 'end';
  return tail;
}

/** Nouns of time that a determiner may bring after a reporting verb ("said this week"). */
const TIME_NOUNS = new Set([
  'week',
  'month',
  'year',
  'day',
  'morning',
  'afternoon',
  'evening',
  'night',
  'weekend',
  'time',
]);

/** Parses `[ ]NP cue` / `cue NP` / `according to NP` filling exactly [from, to). */
export function tailAttribution(text: string, from: number, to: number): Attribution | null {
  const toks = tokenize(text, from, to);
  if (toks.length === 0 || toks.length > 30) return null;
  const t0 = toks[0] as Token;
  const last = toks[toks.length - 1] as Token;
  if (!gapIsSpace(text, last.end, to)) return null;
  const phrase = sourcePhraseAt(toks, 0);
  if (phrase > 0) {
    const pEnd = (toks[phrase - 1] as Token).end;
    const np = npForward(text, pEnd, to);
    if (np)
      return {
        cue: { start: t0.start, end: pEnd, text: text.slice(t0.start, pEnd), info: null, addressee: null },
        np,
        where: 'end',
      };
    return null;
  }
  const c0 = cueAt(text, toks, 0);
  if (c0?.info && c0.info.form !== 'ing') {
    const np = npForward(text, c0.end, to);
    if (np && np.end >= to - 1) return { cue: c0, np, where: 'end' };
  }
  if (toks.length > 16) return null;
  const np = npForward(text, t0.start, to);
  if (!np) return null;
  let k = 0;
  while (k < toks.length && (toks[k] as Token).end <= np.end) k++;
  let n = 0;
  while (k < toks.length && n < 3 && isAdverb((toks[k] as Token).text) && !cueVerb((toks[k] as Token).text)) {
    k++;
    n++;
  }
  const cue = cueAt(text, toks, k, { allowBase: isPluralNP(np) });
  if (!cue) return null;
  // the rest must be short (time adverbials, "in a statement")
  const rest = tokenize(text, cue.end, to);
  if (rest.length > 5) return null;
  // … and no object: "…, the vote showed a shift." is a sentence of its own, not an attribution
  // (a determiner after the verb starts a noun phrase, except a time: "said this week")
  const r0 = rest[0]?.text.toLowerCase() ?? '';
  if (DETERMINERS.has(r0) && !TIME_NOUNS.has(rest[1]?.text.toLowerCase() ?? '')) return null;
  // … and never a clause of its own ("…, Democrats said the bill is dead": that is the report)
  if (
    rest.length > 1 &&
    verbTagger?.(text, t0.start, to).some((x) => x.start >= cue.end && /^(VBD|VBZ|VBP|MD)$/.test(x.tag))
  )
    return null;
  return { cue, np, where: 'end' };
}

/** Is this NP a plausible speaker (not a bare document head like "Reports")? */
export function plausibleSpeaker(np: NP | null): boolean {
  if (!np) return false;
  const h = np.tokens[np.head];
  if (!h) return false;
  const b = key(h.text);
  if ((DOC_HEADS.has(b) || DOC_HEADS.has(b.replace(/s$/, ''))) && np.det === '') return false;
  if (ORG_HEADS.has(b) && np.det === '' && np.tokens.length === 1) return false;
  return true;
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
  const fronted =
    k === 1 || (k >= 2 && /[,;:]/.test(text.slice((toks[k - 2] as Token).end, (toks[k - 1] as Token).start)));
  if (fronted && FRONTING.has(prevLow)) {
    for (let i = (toks[k] as Token).end; i < sentEnd && i < (toks[k] as Token).end + 400; i++) {
      if (text[i] === ',') return { np: npForward(text, i + 1, sentEnd, false), limit: i };
    }
    return { np: null, limit: sentEnd };
  }
  const cueTok = toks[k] as Token;
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

const FRONTING = new Set(['after', 'before', 'while', 'upon', 'by', 'when', 'since']);

/** First speaker-like NP in toks[from..k) that is not the object of a preposition. */
function firstSubjectNP(text: string, toks: Token[], from: number, k: number): NP | null {
  const cueTok = toks[k] as Token;
  for (let j = from; j < k; j++) {
    const t = toks[j] as Token;
    const prev = toks[j - 1];
    if (prev && j > from && (isPreposition(prev.text) || DETERMINERS.has(prev.text.toLowerCase()))) continue;
    const lw = t.text.toLowerCase();
    if (isFunctionWord(t.text) && !DETERMINERS.has(lw) && lw !== 'he' && lw !== 'she' && lw !== 'they')
      continue;
    const np = npForward(text, t.start, cueTok.start, false);
    if (!np || (np.kind === 'pronoun' && key(np.text) === 'it')) continue;
    if (!speakerLike(np)) continue;
    const after = toks.find((x) => x.start >= np.end);
    if (after && isPreposition(after.text)) continue;
    return np;
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

/** Speaker-like subjects only: people, pronouns, anonymous human sources, organisations, documents. */
export function speakerLike(np: NP | null, strict = false): boolean {
  if (!np || !plausibleSpeaker(np)) return false;
  const h = np.tokens[np.head];
  if (!h) return false;
  const b = key(h.text);
  if (np.kind === 'pronoun')
    return (
      b === 'he' ||
      b === 'she' ||
      b === 'they' ||
      b === 'it' ||
      b === 'his' ||
      b === 'her' ||
      b === 'its' ||
      b === 'their'
    );
  if (isCapitalised(h.text)) {
    // not a sentence-initial adverb etc. (an all-caps acronym such as "US" is a name)
    return h.text.length > 1 && h.text === h.text.toUpperCase() ? true : !isFunctionWord(h.text);
  }
  const sing = b.endsWith('s') ? b.slice(0, -1) : b;
  if (ANON_HEADS.has(b) || ANON_HEADS.has(sing) || ROLE_NOUNS.has(b) || ROLE_NOUNS.has(sing)) return true;
  if (ORG_HEADS.has(b) || ORG_HEADS.has(sing)) return np.det !== '' || np.tokens.length > 1;
  if (DOC_HEADS.has(b) || DOC_HEADS.has(sing))
    return np.det === 'the' || np.det === 'this' || np.det === 'its' || np.det === 'poss' || np.det === 'a';
  // any other noun phrase in a speaker's place ("the utility said", "“…,” the drivers chanted"):
  // determined or plural, as a subject of saying is; a bare singular is more likely a word of
  // the sentence than a speaker. `strict`: the word-pattern pass's subjects of a reported
  // clause, where a thing can be the subject ("The figures suggest …")
  return !strict && (np.det !== '' || b.endsWith('s'));
}
