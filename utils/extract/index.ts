/**
 * Saywho's quotation and attribution extractor.
 *
 * `extract(text)` takes article text (one paragraph per line) and returns the statements it
 * contains — direct quotes, partial (woven-in) quotes and indirect reported speech — in document
 * order, each with UTF-16 offsets such that `text.slice(start, end) === text`, the speaker
 * (canonical name + the mention at this statement), the cue, and `continues` links between
 * segments of one utterance.
 *
 * Pipeline: paragraphs → quote-mark scan (quotes.ts) → name registry (speakers.ts) → per-quote
 * attribution (attribution.ts) → indirect speech (indirect.ts) → continuation links.
 * Every step is linear in the input or works on a bounded window around a quote or sentence.
 */

import {
  type Attribution,
  attributionAfter,
  attributionAtEnd,
  attributionBefore,
  plausibleSpeaker,
  speakerLike,
  useAttributionTagger,
} from './attribution';
import { isBoilerplate } from './boilerplate';
import { cueVerb, NAMING_VERBS } from './cues';
import { findIndirect, type IndirectCandidate, type ListContext, sentencesOf } from './indirect';
import { CAPITAL_STOPWORDS } from './lexicon';
import { type QuoteSpan, scanQuotes } from './quotes';
import { findReported, type ReportedCandidate, type SentenceTagger, trimReportedClause } from './reported';
import {
  coordination,
  isCapitalised,
  NameRegistry,
  type NP,
  npForward,
  npOfSpan,
  type Resolved,
  Resolver,
} from './speakers';
import { tagSentence } from './tagging';
import {
  beginTokenCache,
  endTokenCache,
  isDigit,
  isLetter,
  isLower,
  isSpace,
  isUpper,
  key,
  type Paragraph,
  paragraphs,
  sentenceEnd,
  sentenceStart,
  type Token,
  tokenize,
  useTokenCache,
} from './text';
import type { SpeakerRef, Statement, StatementKind } from './types';

export type { SpeakerRef, Statement, StatementKind } from './types';

const SENTENCE_WINDOW = 700;

interface Draft {
  start: number;
  end: number;
  kind: StatementKind;
  speaker: SpeakerRef | null;
  resolved: Resolved | null;
  cue: string | null;
  /** Draft (not index) this one continues. */
  continues: Draft | null;
  quote: QuoteSpan | null;
  para: number;
  /** Waiting for an attribution later in a multi-paragraph quotation. */
  pending?: boolean;
  /** The attribution was inherited from another segment. */
  inherited: boolean;
  attribution: Attribution | null;
}

const FORMAT_CHAR = /\p{Cf}/u;

function isCaseless(ch: string): boolean {
  return ch.toLowerCase() === ch.toUpperCase();
}

function firstLetterIndex(text: string, s: number, e: number): number {
  for (let i = s; i < e; i++) {
    const c = text[i];
    if (c === '[' || c === '(' || c === '.' || c === '\u2026' || isSpace(c) || c === "'" || c === '\u2018')
      continue;
    // Invisible format characters (bidi controls, zero-width joiners) say nothing about the start.
    if (c !== undefined && FORMAT_CHAR.test(c)) continue;
    return i;
  }
  return -1;
}

function lastNonSpace(text: string, from: number, to: number): string {
  for (let i = from - 1; i >= to; i--) if (!isSpace(text[i])) return text[i] ?? '';
  return '';
}

/** direct: complete sentence(s) presented as such; partial: a fragment woven into the writer's sentence. */
function quoteKind(text: string, q: QuoteSpan, para: Paragraph, sentStart: number): StatementKind {
  const fi = firstLetterIndex(text, q.start, q.end);
  const first = fi >= 0 ? text[fi] : '';
  // Scripts without case (Arabic, Hebrew, CJK…) cannot mark a sentence start with a capital.
  const startsUpper = isUpper(first) || isDigit(first) || (isLetter(first) && isCaseless(first ?? ''));
  if (!startsUpper) return 'partial';
  if (q.continuesPrevParagraph) return 'direct';
  const prev = lastNonSpace(text, q.open, Math.max(para.start, sentStart));
  if (
    prev === '' ||
    prev === ':' ||
    prev === ',' ||
    prev === '\u2014' ||
    prev === '\u2013' ||
    prev === '.' ||
    prev === '\u201d' ||
    prev === '"'
  )
    return 'direct';
  const lastCh = lastNonSpace(text, q.end, q.start);
  if (lastCh === '.' || lastCh === '!' || lastCh === '?' || lastCh === '\u2026') {
    // a run-in full sentence needs at least a few words
    let words = 0;
    for (let i = q.start; i < q.end; i++) if (isSpace(text[i])) words++;
    if (words >= 2) return 'direct';
  }
  if (lastCh === ',') {
    let words = 0;
    for (let i = q.start; i < q.end; i++) if (isSpace(text[i])) words++;
    if (words >= 3) return 'direct';
  }
  return 'partial';
}

/** Words just before a partial quote that mark a term rather than an utterance. */
/** Nouns that introduce the title of a work, not an utterance. */
const TITLE_NOUNS = new Set([
  'book',
  'books',
  'film',
  'movie',
  'song',
  'album',
  'novel',
  'memoir',
  'show',
  'series',
  'play',
  'essay',
  'poem',
  'documentary',
  'podcast',
  'headline',
  'exhibition',
  'painting',
  'single',
  'episode',
  'titled',
  'entitled',
  'hashtag',
  'slogan',
  'motto',
]);

const SCARE_MARKERS = new Set([
  'so-called',
  'dubbed',
  'nicknamed',
  'titled',
  'entitled',
  'named',
  'word',
  'term',
  'phrase',
  'slogan',
  'label',
  'motto',
  'reading',
  'read',
  'known',
  'called',
  'calls',
  'sign',
  'banner',
]);

function precedingWord(text: string, pos: number, paraStart: number): string {
  const limit = Math.max(paraStart, pos - 60);
  let e = pos;
  while (e > limit && isSpace(text[e - 1])) e--;
  let s = e;
  while (s > limit && !isSpace(text[s - 1]) && text[s - 1] !== '\n') s--;
  return text.slice(s, e).toLowerCase();
}

function toSpeaker(np: NP | null, res: Resolved | null, inherited: boolean): SpeakerRef | null {
  if (!res) return null;
  if (!np) return { name: res.name, mention: res.name, mentionStart: -1 };
  return { name: res.name, mention: np.text, mentionStart: inherited ? -1 : np.start };
}

/** The tagger the reported-speech pass reads sentences with (tests may swap it). */
let sentenceTagger: SentenceTagger | null = tagSentence;

useAttributionTagger(tagSentence);

export function useSentenceTagger(tagger: SentenceTagger | null): void {
  sentenceTagger = tagger;
  useAttributionTagger(tagger);
}

/**
 * Adds the tag-based pass's reports where the word-pattern pass found none (neither overlaps
 * another), keeping `indirect` in document order.
 */
function addReported(text: string, indirect: IndirectCandidate[], reported: ReportedCandidate[]): void {
  const added: IndirectCandidate[] = [];
  let prevKept = false;
  // `indirect` is in document order and its clauses do not overlap, so their ends rise too: the
  // clauses overlapping a span are one run, found by binary search (linear in the article)
  const overlappingOf = (start: number, end: number): IndirectCandidate[] => {
    let lo = 0;
    let hi = indirect.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((indirect[mid] as IndirectCandidate).end <= start) lo = mid + 1;
      else hi = mid;
    }
    const out: IndirectCandidate[] = [];
    for (let i = lo; i < indirect.length && (indirect[i] as IndirectCandidate).start < end; i++)
      if ((indirect[i] as IndirectCandidate).end > start) out.push(indirect[i] as IndirectCandidate);
    return out;
  };
  for (const r of reported) {
    const overlapping = overlappingOf(r.start, r.end);
    // the word-pattern pass ran a clause on past what ends it ("said Tuesday the …", "…, adding
    // that …", "… and the auditor said …"): the tag-based clause inside it is the report
    const old = overlapping.length === 1 ? (overlapping[0] as IndirectCandidate) : null;
    if (
      old &&
      r.subject &&
      old.start <= r.start &&
      r.end <= old.end &&
      (old.start < r.start || r.end < old.end)
    ) {
      indirect.splice(indirect.indexOf(old), 1);
    }
    // the same clause with a subject the tags read further left ("people familiar with her
    // thinking" where the word pass saw "her thinking"): the longer subject
    if (old && r.subject && old.start === r.start && old.end === r.end && old.np) {
      const sub = r.subject;
      if (sub.start < old.np.start && sub.end >= old.np.end && sub.end <= old.np.end + 1) {
        const np = npOfSpan(text, sub.start, sub.end, sub.headEnd);
        if (np) old.np = np;
      }
    }
    const overlaps = overlappingOf(r.start, r.end).length > 0;
    if (overlaps || !r.subject || (r.continuesPrev && !prevKept)) {
      prevKept = false;
      continue;
    }
    const np = npOfSpan(text, r.subject.start, r.subject.end, r.subject.headEnd);
    if (!np) {
      prevKept = false;
      continue;
    }
    added.push({ start: r.start, end: r.end, np, cue: r.cue, para: r.para, continuesPrev: r.continuesPrev });
    prevKept = true;
  }
  if (added.length === 0) return;
  indirect.push(...added);
  indirect.sort((a, b) => a.start - b.start);
}

export function extract(text: string): Statement[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const steps = extractSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same extraction spread over several tasks: between steps, once the current task has run
 * past its budget, `breathe()` lets the page run and returns true when the result is no longer
 * wanted (then null is returned). The statements are exactly those `extract` finds.
 */
export async function extractInSlices(
  text: string,
  breathe: () => Promise<boolean>,
): Promise<Statement[] | null> {
  if (typeof text !== 'string' || text.length === 0) return [];
  const steps = extractSteps(text);
  try {
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (await breathe()) return null;
    }
  } finally {
    steps.return([]);
  }
}

/**
 * The extraction as a generator that yields between passes and every so often inside the long
 * ones. The token cache is (re)installed at every resumption, since another extraction may have
 * run while this one was paused; it only ever speeds look-ups up and never changes a result.
 */
function* extractSteps(text: string): Generator<void, Statement[], void> {
  const tokens = beginTokenCache(text);
  yield;
  const inner = extractImpl(text);
  try {
    for (;;) {
      useTokenCache(text, tokens);
      const step = inner.next();
      if (step.done) return step.value;
      yield;
    }
  } finally {
    endTokenCache(text);
  }
}

function* extractImpl(text: string): Generator<void, Statement[], void> {
  const paras = paragraphs(text);
  yield;
  const allQuotes = scanQuotes(text, paras);
  yield;
  const quotes = allQuotes.filter((q) => {
    const p = paras[q.para];
    return p !== undefined && !isBoilerplate(text, p);
  });
  // quote masks for the name registry (binary search over sorted spans)
  const insideQuote = (pos: number): boolean => {
    let lo = 0;
    let hi = allQuotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const q = allQuotes[mid] as QuoteSpan;
      if (q.end <= pos) lo = mid + 1;
      else hi = mid;
    }
    const q = allQuotes[lo];
    return q !== undefined && q.start <= pos && pos < q.end;
  };
  const names = new NameRegistry(text);
  yield* names.scan(insideQuote);
  // letters outside quotation marks per paragraph (a quote-only paragraph has none)
  const outsideLetters: number[] = paras.map(() => 0);
  {
    let qi = 0;
    for (const p of paras) {
      if ((p.index & 63) === 63) yield;
      let n = 0;
      for (let i = p.start; i < p.end; i++) {
        while (qi < allQuotes.length && (allQuotes[qi] as QuoteSpan).end <= i) qi++;
        const q = allQuotes[qi];
        if (q && q.open <= i && i < (q.close >= 0 ? q.close + 1 : q.end)) continue;
        if (isLetterFast(text.charCodeAt(i))) n++;
      }
      outsideLetters[p.index] = n;
    }
  }
  yield;
  const resolver = new Resolver(text, names, insideQuote, sentenceTagger);

  // indirect candidates first (sentence-level), so their speakers feed salience in order
  const lists = new Map<number, ListContext>();
  const indirect = yield* findIndirect(text, paras, allQuotes, insideQuote, lists);
  if (sentenceTagger) {
    const reported = yield* findReported(
      text,
      paras,
      (p) => sentencesOf(text, p, insideQuote),
      insideQuote,
      sentenceTagger,
    );
    addReported(text, indirect, reported);
    // every pass's reported clause ends where the writer's sentence takes over again
    for (const c of indirect) {
      const ss = sentenceStart(text, c.start, Math.max(0, c.start - 600));
      c.end = trimReportedClause(text, ss, c.start, c.end, sentenceTagger);
    }
  }
  /** The indirect candidate whose clause contains [s, e), if any (binary search). */
  const clauseAround = (s: number, e: number) => {
    let lo = 0;
    let hi = indirect.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((indirect[mid] as IndirectCandidate).end < e) lo = mid + 1;
      else hi = mid;
    }
    const c = indirect[lo];
    return c !== undefined && c.start <= s && e <= c.end ? c : undefined;
  };
  const drafts: Draft[] = [];
  let ii = 0;
  const flushIndirect = (upTo: number) => {
    while (ii < indirect.length && (indirect[ii] as (typeof indirect)[number]).start < upTo) {
      const c = indirect[ii] as (typeof indirect)[number];
      ii++;
      if (c.np) c.np = coordination(text, c.np) ?? c.np;
      const res = c.np ? resolver.resolve(c.np) : null;
      if (!res) continue;
      registerRoles(c.np, res);
      resolver.rememberNP(c.np, res, c.np ? c.np.start : c.start);
      drafts.push({
        start: c.start,
        end: c.end,
        kind: 'indirect',
        speaker: toSpeaker(c.np, res, false),
        resolved: res,
        cue: c.cue,
        continues: c.continuesPrev ? (drafts[drafts.length - 1] ?? null) : null,
        quote: null,
        para: c.para,
        inherited: false,
        attribution: null,
      });
    }
  };

  const registerRoles = (np: NP | null, res: Resolved) => {
    if (!np) return;
    const app = (np as NP & { appositive?: NP | null }).appositive;
    if (app && res.kind === 'person') {
      const words = app.tokens.map((t) => key(t.text)).filter((w) => w !== 'the' && w !== 'a' && w !== 'an');
      names.addRole(res.key, words.join(' '));
    }
  };

  let prevDraftInPara: Draft | null = null;
  let prevPara = -1;
  for (let qi = 0; qi < quotes.length; qi++) {
    if ((qi & 127) === 127) yield;
    const q = quotes[qi] as QuoteSpan;
    const para = paras[q.para] as Paragraph;
    flushIndirect(q.start);
    if (q.para !== prevPara) {
      prevDraftInPara = null;
      prevPara = q.para;
    }
    const sStart = sentenceStart(text, q.open, Math.max(para.start, q.open - SENTENCE_WINDOW));
    const closeEnd = q.close >= 0 ? q.close + 1 : q.end;
    const sEnd = sentenceEnd(
      text,
      Math.max(closeEnd - 1, q.end - 1),
      Math.min(para.end, closeEnd + SENTENCE_WINDOW),
    );
    let kind = quoteKind(text, q, para, sStart);

    // 1. attribution right after the closing mark, 2. before the opening mark in the sentence,
    // 3. at the end of the sentence.
    // text before the quote in the same sentence, after any earlier quote of this sentence
    let preFrom = sStart;
    const prevQ = qi > 0 ? quotes[qi - 1] : undefined;
    if (prevQ && prevQ.para === q.para && prevQ.close >= 0 && prevQ.close + 1 > preFrom)
      preFrom = prevQ.close + 1;
    let att: Attribution | null = null;
    if (q.close >= 0) {
      const lastCh = lastNonSpace(text, q.end, q.start);
      const nextTok = text.slice(q.close + 1, q.close + 3);
      const allowAfter = lastCh !== '.' || /^\s*[a-z]/.test(nextTok);
      // “Who cares?” followed by a capital may start a new sentence: when the quotation's own
      // sentence introduces it ("One Democrat asked simply, “Who cares?” An Iowa Republican
      // answered: …"), that attribution is its own
      const newSentence = (lastCh === '?' || lastCh === '!') && /^\s*\p{Lu}/u.test(nextTok);
      const own = newSentence ? attributionBefore(text, preFrom, q.open) : null;
      if (own) att = own;
      else if (allowAfter) att = attributionAfter(text, q.close + 1, para.end);
      // “We will rebuild the pier.” Okafor said.  — a sentence that is only a subject and a
      // reporting verb cannot stand alone: it attributes the quotation before it
      else att = bareAttributionSentence(text, q.close + 1, para.end);
    }
    if (!att) {
      const before = attributionBefore(text, preFrom, q.open);
      if (before) att = before;
    }
    if (!att && q.close >= 0) att = attributionAtEnd(text, q.close + 1, sEnd);
    if (!att && q.close >= 0 && lastNonSpace(text, q.end, q.start) !== '.') {
      // attribution after a quote that ends with "?" or "!" etc., or after a period misplaced
      att = attributionAfter(text, q.close + 1, para.end);
    }
    if (!att && q.close >= 0) att = dashSignature(text, q.close + 1, para.end);
    if (att && !plausibleSpeaker(att.np) && att.np) att = { ...att, np: null };
    // colon introduction with no verb: "Trump’s statement went further …, blaming Netanyahu:"
    if (!att) att = colonIntro(text, preFrom, q.open);
    // a list item under "X also said:"
    const list = lists.get(q.para);
    if (!att && list) {
      att = {
        cue: { start: -1, end: -1, text: list.cue, info: null, addressee: null },
        np: list.np,
        where: 'before',
      };
    }

    let res: Resolved | null = null;
    let inherited = false;
    let cont: Draft | null = null;
    if (att?.np) {
      const np = coordination(text, att.np) ?? att.np;
      att = { ...att, np };
      res = resolver.resolve(np);
      if (res) registerRoles(np, res);
    }
    const prevD = drafts[drafts.length - 1];
    if (q.continuesPrevParagraph && prevD?.quote?.runsOn) {
      if (!att || !res) {
        res = prevD.resolved;
        att = prevD.attribution;
        inherited = !prevD.pending;
      } else if (prevD.pending) {
        // the attribution comes at the end of a multi-paragraph quotation: give it to the
        // earlier segments too
        for (let d: Draft | null = prevD; d?.pending; d = d.continues) {
          d.pending = false;
          d.resolved = res;
          d.attribution = att;
          d.cue = att.cue.text;
          d.speaker = toSpeaker(att.np, res, false);
        }
      }
      cont = prevD;
    } else if (!att) {
      // no attribution of its own: continue the previous segment in this paragraph, or a
      // quote-only paragraph continuing the previous speaker
      if (prevDraftInPara?.quote) {
        res = prevDraftInPara.resolved;
        att = prevDraftInPara.attribution;
        inherited = true;
        cont = prevDraftInPara;
      } else if (
        isParaStart(text, para, q.open) &&
        (outsideLetters[q.para] ?? 0) < 3 &&
        prevD &&
        prevD.para >= q.para - 1 &&
        prevD.resolved
      ) {
        res = prevD.resolved;
        att = prevD.attribution;
        inherited = true;
        if (prevD.quote && (prevD.kind === 'direct' || prevD.kind === 'partial')) cont = prevD;
      } else if (
        isParaStart(text, para, q.open) &&
        (outsideLetters[q.para] ?? 0) < 3 &&
        q.close >= 0 &&
        kind === 'direct'
      ) {
        // context speaker: the most salient person before this paragraph, of either sex (it
        // was read as an implicit "he", which passed over every woman)
        const person = resolver.contextPerson(q.open);
        if (person) {
          res = person;
          inherited = true;
        }
      }
    } else if (prevDraftInPara?.quote && prevDraftInPara.attribution === att) {
      cont = prevDraftInPara;
    }
    let pending = false;
    if (!att && !res) {
      if (q.runsOn) {
        // an opening segment of a multi-paragraph quotation may get its attribution later
        pending = true;
      } else if (!(kind === 'direct' && isUtterance(text, q))) {
        continue; // nobody's utterance (scare quote, title, caption)
      } else if (prevD?.resolved && prevD.para === q.para) {
        // a quoted sentence with no attribution of its own, right after another statement, goes
        // on in that speaker's words (news style repeats the attribution only when it changes)
        res = prevD.resolved;
        att = prevD.attribution;
        inherited = true;
      } else {
        // … or, when its own paragraph names a person as the subject of the sentence before it
        // ("Haley became a regular on the talk shows. “…”"), that person; else the speaker of
        // the paragraph before. (The person the sentence after it is about, "“…” President
        // Trump accepted her resignation.", was tried: it lowered the tune part.)
        const before = resolver.subjectPersonIn(para.start, q.open);
        if (before) res = before;
        else if (prevD?.resolved && prevD.para >= q.para - 1) {
          res = prevD.resolved;
          att = prevD.attribution;
          inherited = true;
        }
      }
      // a quoted sentence with no speaker anywhere is still someone's words: kept, with the
      // speaker not named, rather than left unmarked
    } else if (cont?.pending && !res) {
      pending = true;
    }
    if (pending) {
      const d: Draft = {
        start: q.start,
        end: q.end,
        kind,
        speaker: null,
        resolved: null,
        cue: null,
        continues: cont,
        quote: q,
        para: q.para,
        inherited: false,
        attribution: null,
        pending: true,
      };
      drafts.push(d);
      prevDraftInPara = d;
      continue;
    }
    // a short quoted term after a determiner inside a reported clause is the writer's term
    // ("the report suggested the U.S. might not be the “jobs machine” it thinks it is")
    if (
      kind === 'partial' &&
      !inherited &&
      isDeterminedTerm(text, q, para.start) &&
      clauseAround(q.open, q.close + 1)
    )
      continue;
    // titles of works: "her book “The Long Road,” …", "the film “Heat”"
    if (!inherited && TITLE_NOUNS.has(precedingWord(text, q.open, para.start).replace(/[,:]$/, ''))) continue;
    // a naming verb before a quoted proper name names something, nobody says it ("a user
    // labelled “Anonymous”", "a group dubbed “Red Dawn”"): every word of it capitalised
    if (
      kind === 'partial' &&
      !inherited &&
      att?.cue.info &&
      NAMING_VERBS.has(att.cue.info.lemma) &&
      /^(\p{Lu}[\p{L}'’.-]*\s*){1,4}$/u.test(text.slice(q.start, q.end).trim())
    )
      continue;
    if (kind === 'partial' && !inherited) {
      const pw = precedingWord(text, q.open, para.start);
      if (
        SCARE_MARKERS.has(pw) &&
        !(att?.cue.info && (att.cue.info.lemma === 'call' || att.cue.info.lemma === 'describe') && att.np)
      )
        continue;
    }
    if (kind === 'partial' && !att?.np && !inherited && !att?.cue.text.includes(' ')) {
      // partial with a bare cue and no speaker: keep only agentless passives ("was described as")
      if (!att) continue;
    }
    // a post attribution links the next segment in the same paragraph
    if (q.continuesPrevParagraph && prevD?.quote?.runsOn) kind = kind === 'partial' ? prevD.kind : 'direct';
    if (res && !inherited) resolver.rememberNP(att?.np ?? null, res, att?.np ? att.np.start : q.open);
    const d: Draft = {
      start: q.start,
      end: q.end,
      kind,
      speaker: toSpeaker(att?.np ?? null, res, inherited),
      resolved: res,
      cue: att ? att.cue.text : null,
      continues: cont,
      quote: q,
      para: q.para,
      inherited,
      attribution: att,
    };
    drafts.push(d);
    prevDraftInPara = d;
  }
  flushIndirect(Number.POSITIVE_INFINITY);
  yield;

  const finalDrafts = resolveMixed(
    text,
    drafts
      .filter((d) => !d.pending || (d.kind === 'direct' && d.quote !== null && isUtterance(text, d.quote)))
      .map((d) =>
        d.pending ? { ...d, pending: false, continues: d.continues?.pending ? null : d.continues } : d,
      ),
  );
  finalDrafts.sort((a, b) => a.start - b.start);
  pullQuotes(text, paras, finalDrafts);
  const index = new Map<Draft, number>();
  finalDrafts.forEach((d, i) => {
    index.set(d, i);
  });
  const out: Statement[] = [];
  for (const d of finalDrafts) {
    const c = d.continues ? index.get(d.continues) : undefined;
    out.push({
      text: text.slice(d.start, d.end),
      kind: d.kind,
      start: d.start,
      end: d.end,
      speaker: d.speaker,
      cue: d.cue,
      continues: c !== undefined && c < out.length ? c : null,
    });
  }
  return out;
}

/** Lower-case words of a span, for comparing quotations ("A messy, messy mess" → "a messy messy mess"). */
function wordsOf(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/**
 * Pull quotes: a quotation that makes up a paragraph of its own (a heading or a pull quote set
 * apart from the text) and has no attribution of its own repeats words someone says elsewhere
 * in the article; it is theirs. Drafts are changed in place.
 */
function pullQuotes(text: string, paras: Paragraph[], drafts: Draft[]): void {
  const bare = (a: number, b: number) => text.slice(a, b).replace(/[\s'"‘’“”.,!?]/g, '').length;
  // the words of every quotation with a speaker of its own, computed once; a short heading is
  // looked up in them (at most 40 headings, so that the work stays linear in the text)
  let sources: Array<{ words: string; d: Draft }> | null = null;
  let looked = 0;
  for (const d of drafts) {
    if (!d.quote || (d.resolved && !d.inherited)) continue;
    const para = paras[d.quote.para];
    // a paragraph of its own: nothing but the quotation, its marks and punctuation
    if (!para || para.end - para.start > d.end - d.start + 8 || d.end - d.start > 200) continue;
    if (bare(para.start, para.end) !== bare(d.start, d.end)) continue;
    const words = wordsOf(text.slice(d.start, d.end));
    if (words.split(' ').length < 2 || ++looked > 40) continue;
    sources ??= drafts
      .filter((e) => e.quote && e.resolved && !e.inherited)
      .map((e) => ({ words: ` ${wordsOf(text.slice(e.start, e.end))} `, d: e }));
    const source = sources.find((e) => e.d !== d && e.words.includes(` ${words} `))?.d;
    if (!source?.speaker) continue;
    d.resolved = source.resolved;
    d.speaker = { ...source.speaker, mentionStart: -1 };
    d.cue = source.cue;
    d.inherited = true;
  }
}

/**
 * A quoted full sentence that reads as something said: at least four words with a finite verb
 * by its tags ("We will rebuild the pier."), not a title or a slogan without one ("The World of
 * Tomorrow.").
 */
function isUtterance(text: string, q: QuoteSpan): boolean {
  if (!sentenceTagger || q.end - q.start > 2000) return false;
  const toks = sentenceTagger(text, q.start, q.end);
  let words = 0;
  let finite = false;
  for (const t of toks) {
    if (/\p{L}/u.test(t.text)) words++;
    if (t.tag === 'VBD' || t.tag === 'VBZ' || t.tag === 'VBP' || t.tag === 'MD') finite = true;
  }
  return words >= 4 && finite;
}

/**
 * The attribution after a closed quotation when it makes up the whole next sentence
 * ("Okafor said.", "the mayor told reporters."), or null.
 */
function bareAttributionSentence(text: string, from: number, paraEnd: number): Attribution | null {
  const att = attributionAfter(text, from, paraEnd);
  if (!att?.np || !att.cue.info) return null;
  let e = Math.max(att.np.end, att.cue.end);
  while (e < paraEnd && isSpace(text[e])) e++;
  const ch = text[e];
  return ch === '.' || ch === '!' || e >= paraEnd ? att : null;
}

/**
 * A signature after a quotation, closing its paragraph: `“…” — Maria Lopez`, `"…" - Maria Lopez,
 * union leader` (pull quotes, epigraphs, quote boxes). The dash is the cue; the name must reach the
 * paragraph's end, alone or with an appositive after a comma.
 */
function dashSignature(text: string, from: number, paraEnd: number): Attribution | null {
  let i = from;
  while (i < paraEnd && (text[i] === ' ' || text[i] === '\u00a0')) i++;
  const dash = text[i];
  if (dash !== '-' && dash !== '\u2013' && dash !== '\u2014') return null;
  const cueAt = i;
  i++;
  while (i < paraEnd && (text[i] === ' ' || text[i] === '\u00a0')) i++;
  if (!isCapitalised(text.slice(i, i + 2))) return null;
  const np = npForward(text, i, Math.min(paraEnd, i + 120), false);
  if (np?.kind !== 'person' || !plausibleSpeaker(np)) return null;
  let e = np.end;
  if (text[e] === ',') {
    const end = text.indexOf('\n', e);
    const stop = end < 0 || end > paraEnd ? paraEnd : end;
    if (stop - e > 120 || /[.!?\u201c\u201d"]/.test(text.slice(e, stop).trimEnd().slice(0, -1))) return null;
    e = stop;
  }
  while (e < paraEnd && isSpace(text[e])) e++;
  if (e < paraEnd && !(text[e] === '.' && e + 1 >= paraEnd)) return null;
  return {
    cue: { start: cueAt, end: cueAt + 1, text: dash, info: null, addressee: null },
    np,
    where: 'after',
  };
}

function isParaStart(text: string, para: Paragraph, pos: number): boolean {
  for (let k = para.start; k < pos; k++) if (!isSpace(text[k])) return false;
  return true;
}

/**
 * A colon introduction with no reporting verb: `X’s statement went further …: “…”` (the
 * possessor, cue = the noun) or `De Miranda evokes … in his introduction: “…”` (the sentence
 * subject, cue = its verb).
 */
function colonIntro(text: string, from: number, open: number): Attribution | null {
  let e = open;
  while (e > from && isSpace(text[e - 1])) e--;
  if (text[e - 1] !== ':') return null;
  const toks = tokenize(text, from, e);
  let t0 = toks[0];
  if (!t0) return null;
  let k0 = 0;
  // skip a short fronted adverbial ("In a statement, …", "On Monday, …")
  for (let k = 1; k < toks.length && k < 6; k++) {
    const gap = text.slice((toks[k - 1] as Token).end, (toks[k] as Token).start);
    if (gap.includes(',')) {
      if (isUpper(t0.text[0]) && CAPITAL_STOPWORDS.has(t0.text)) {
        k0 = k;
        t0 = toks[k] as Token;
      }
      break;
    }
  }
  // "Ruiz’s response:", "Ana Ruiz’s answer:": a possessive name, then a lower-case noun
  let kp = k0;
  while (
    kp < k0 + 3 &&
    kp + 1 < toks.length &&
    isUpper((toks[kp] as Token).text[0]) &&
    !/(\u2019s|'s)$/.test((toks[kp] as Token).text)
  )
    kp++;
  const wp = (toks[kp] as Token | undefined)?.text ?? '';
  if ((wp.endsWith('\u2019s') || wp.endsWith("'s")) && isUpper(wp[0])) {
    const t1 = toks[kp + 1];
    if (t1 && isLower(t1.text[0])) {
      const nameToks = toks.slice(k0, kp + 1);
      const np: NP = {
        start: t0.start,
        end: (toks[kp] as Token).end,
        text: text.slice(t0.start, (toks[kp] as Token).end),
        tokens: nameToks,
        head: nameToks.length - 1,
        kind: 'person',
        det: '',
      };
      return {
        cue: { start: t1.start, end: t1.end, text: t1.text, info: null, addressee: null },
        np,
        where: 'colon',
      };
    }
  }
  const np = npForward(text, t0.start, e, false);
  if (!np || !speakerLike(np) || np.kind === 'doc') return null;
  let k = k0;
  while (k < toks.length && (toks[k] as Token).end <= np.end) k++;
  while (k < toks.length && isAdverbLike((toks[k] as Token).text)) k++;
  const v = toks[k];
  if (!v || !isLower(v.text[0])) return null;
  // "Varga was blunt: “…”", "Jensen had a simple message for the company: “…”": the subject of a
  // short copular or "have" clause before the colon (not a passive "was asked:", "was told:")
  if (COPULA_OR_HAVE.has(v.text)) {
    const rest = toks.slice(k + 1);
    const next = rest[0];
    if (!next || rest.length > 7 || !isLower(next.text[0])) return null;
    if (next.text.endsWith('ed') || cueVerb(next.text)?.form === 'past') return null;
    return {
      cue: { start: v.start, end: e - 1, text: text.slice(v.start, e - 1), info: null, addressee: null },
      np,
      where: 'colon',
    };
  }
  if (isFunctionWordLite(v.text)) return null;
  const vl = v.text.toLowerCase();
  if (!(vl.endsWith('s') || vl.endsWith('ed') || cueVerb(vl))) return null;
  return {
    cue: { start: v.start, end: v.end, text: v.text, info: cueVerb(vl) ?? null, addressee: null },
    np,
    where: 'colon',
  };
}

const COPULA_OR_HAVE = new Set(['is', 'are', 'was', 'were', 'has', 'had']);

function isAdverbLike(w: string): boolean {
  return w.length > 4 && w.endsWith('ly');
}

function _tokenizeSimple(
  text: string,
  from: number,
  to: number,
): Array<{ text: string; start: number; end: number }> {
  const out: Array<{ text: string; start: number; end: number }> = [];
  let i = from;
  while (i < to) {
    while (i < to && (isSpace(text[i]) || text[i] === ',')) i++;
    const s = i;
    while (i < to && !isSpace(text[i]) && text[i] !== ',') i++;
    if (i > s) out.push({ text: text.slice(s, i), start: s, end: i });
    if (out.length > 4) break;
  }
  return out;
}

const COORD = new Set(['or', 'and', 'but', 'nor']);

/**
 * Mixed quotes: an indirect clause that contains a kept quotation is not double-annotated. If
 * the quotation only continues a complete clause ("… all the hostages “or it is over for you”"),
 * the clause is trimmed to end before it; otherwise the indirect segment is dropped.
 */
function resolveMixed(text: string, drafts: Draft[]): Draft[] {
  const quotes = drafts.filter((d) => d.quote).sort((a, b) => a.start - b.start);
  const out: Draft[] = [];
  for (const d of drafts) {
    if (d.quote) {
      out.push(d);
      continue;
    }
    // quotes whose opening mark lies before d.end and that end after d.start (binary search)
    let lo = 0;
    let hi = quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((quotes[mid] as Draft).end <= d.start) lo = mid + 1;
      else hi = mid;
    }
    const inner: Draft[] = [];
    for (let k = lo; k < quotes.length && inner.length === 0; k++) {
      const q = quotes[k] as Draft;
      if (q.quote && q.quote.open >= d.end) break;
      if (q.quote && q.end > d.start) inner.push(q);
    }
    if (inner.length === 0) {
      out.push(d);
      continue;
    }
    const q = inner[0] as Draft;
    const open = (q.quote as QuoteSpan).open;
    if (open <= d.start) continue;
    const firstWord =
      text
        .slice(q.start, Math.min(q.end, q.start + 6))
        .split(/[\s,]/)[0]
        ?.toLowerCase() ?? '';
    let e = open;
    while (e > d.start && (isSpace(text[e - 1]) || text[e - 1] === ',')) e--;
    const body = text.slice(d.start, e);
    const words = body.split(' ').length;
    const lastWord = body.slice(body.lastIndexOf(' ') + 1).toLowerCase();
    if (COORD.has(firstWord) && words >= 3 && !isFunctionWordLite(lastWord)) {
      d.end = e;
      if (q.continues === null && q.resolved && d.resolved && q.resolved.name === d.resolved.name)
        q.continues = d;
      out.push(d);
    }
  }
  return out;
}

function isFunctionWordLite(w: string): boolean {
  return [
    'is',
    'are',
    'was',
    'were',
    'be',
    'the',
    'a',
    'an',
    'of',
    'to',
    'as',
    'that',
    'and',
    'or',
    'but',
  ].includes(w);
}

/** A quoted term of at most three words, no final punctuation, right after "the"/"a"/"an". */
function isDeterminedTerm(text: string, q: QuoteSpan, paraStart: number): boolean {
  if (q.close < 0 || q.end - q.start > 40) return false;
  const inner = text.slice(q.start, q.end);
  const last = inner[inner.length - 1] ?? '';
  if (last === '.' || last === ',' || last === '!' || last === '?') return false;
  if (inner.split(' ').length > 3) return false;
  const pw = precedingWord(text, q.open, paraStart);
  return pw === 'the' || pw === 'a' || pw === 'an';
}

function isLetterFast(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000);
}
