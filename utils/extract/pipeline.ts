/**
 * The extraction pipeline as a generator of named steps, in order: scan (paragraphs, quotation
 * marks, the name registry), reported clauses, one draft per quotation (kind, attribution,
 * speaker, context, filters) with the reported clauses before it drafted in document order, then
 * the passes over all drafts and the statements. It yields between steps and every so often
 * inside the long ones, so that the caller can spread the work over several tasks.
 */

import { isBoilerplate } from './boilerplate';
import { linkToContext } from './continuations';
import {
  type Draft,
  type ExtractContext,
  type QuoteState,
  quoteDraft,
  registerRoles,
  toSpeaker,
} from './drafts';
import type { IndirectCandidate, ListContext } from './indirect';
import { isNonStatement, isUtterance, quoteKind } from './kinds';
import { pullQuotes, resolveMixed } from './mixed';
import { quoteAttribution } from './quote-attribution';
import { type QuoteSpan, scanQuotes } from './quotes';
import type { SentenceTagger } from './reported';
import { clauseAround, reportedClauses, type ScannedText } from './reported-merge';
import { coordination, NameRegistry, Resolver } from './speakers';
import { type Paragraph, paragraphs, sentenceEnd, sentenceStart } from './text';
import type { Statement } from './types';

const SENTENCE_WINDOW = 700;

/** The whole extraction; `tagger` gives the sentence tagger in use at each moment. */
export function* extractImpl(
  text: string,
  tagger: () => SentenceTagger | null,
): Generator<void, Statement[], void> {
  const paras = paragraphs(text);
  yield;
  const allQuotes = scanQuotes(text, paras);
  yield;
  const quotes = allQuotes.filter((q) => {
    const p = paras[q.para];
    return p !== undefined && !isBoilerplate(text, p);
  });
  const scanned: ScannedText = { text, paras, allQuotes, insideQuote: quoteMask(allQuotes) };
  const names = new NameRegistry(text);
  yield* names.scan(scanned.insideQuote);
  const outsideLetters = yield* lettersOutsideQuotes(scanned);
  yield;
  const resolver = new Resolver(text, names, scanned.insideQuote, tagger());
  const lists = new Map<number, ListContext>();
  const indirect = yield* reportedClauses(scanned, lists, tagger);
  const ctx: ExtractContext = {
    text,
    paras,
    quotes,
    names,
    resolver,
    tagger,
    outsideLetters,
    lists,
    indirect,
    drafts: [],
    nextIndirect: 0,
  };
  yield* draftQuotations(ctx);
  yield;
  return statements(ctx);
}

/** Whether a position lies inside a quotation (binary search over the sorted spans), for the name registry. */
function quoteMask(allQuotes: QuoteSpan[]): (pos: number) => boolean {
  return (pos: number): boolean => {
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
}

/** Letters outside quotation marks per paragraph (a quote-only paragraph has none). */
function* lettersOutsideQuotes({ text, paras, allQuotes }: ScannedText): Generator<void, number[], void> {
  const outsideLetters: number[] = paras.map(() => 0);
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
  return outsideLetters;
}

function isLetterFast(c: number): boolean {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 0xc0 && c < 0x2000);
}

/** One draft per kept quotation, in document order, with the reported clauses before each drafted first. */
function* draftQuotations(ctx: ExtractContext): Generator<void, void, void> {
  let prevInPara: Draft | null = null;
  let prevPara = -1;
  for (let qi = 0; qi < ctx.quotes.length; qi++) {
    if ((qi & 127) === 127) yield;
    const q = ctx.quotes[qi] as QuoteSpan;
    draftReportedBefore(ctx, q.start);
    if (q.para !== prevPara) {
      prevInPara = null;
      prevPara = q.para;
    }
    const d = draftQuotation(ctx, qi, prevInPara);
    if (d) {
      ctx.drafts.push(d);
      prevInPara = d;
    }
  }
  draftReportedBefore(ctx, Number.POSITIVE_INFINITY);
}

/** Pronouns that stand for a person only. */
const PERSON_PRONOUNS = new Set(['he', 'she']);

/** Drafts the reported clauses that start before `upTo` and have a speaker (or a person's pronoun). */
function draftReportedBefore(ctx: ExtractContext, upTo: number): void {
  const { text, indirect, drafts, resolver } = ctx;
  while (
    ctx.nextIndirect < indirect.length &&
    (indirect[ctx.nextIndirect] as IndirectCandidate).start < upTo
  ) {
    const c = indirect[ctx.nextIndirect] as IndirectCandidate;
    ctx.nextIndirect++;
    if (c.np) c.np = coordination(text, c.np) ?? c.np;
    const res = c.np ? resolver.resolve(c.np) : null;
    // "He said the team would appeal" with no one before it the pronoun can stand for: a report
    // all the same, whose speaker is not named
    const unnamed = !res && c.np?.kind === 'pronoun' && PERSON_PRONOUNS.has(c.np.text.toLowerCase());
    if (!res && !unnamed) continue;
    if (res) {
      registerRoles(ctx, c.np, res);
      resolver.rememberNP(c.np, res, c.np ? c.np.start : c.start);
    }
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
}

/**
 * The draft of the `qi`th quotation (`prevInPara`: the last quotation draft of its paragraph), or
 * null when it is no statement.
 */
function draftQuotation(ctx: ExtractContext, qi: number, prevInPara: Draft | null): Draft | null {
  const { text, resolver } = ctx;
  const q = ctx.quotes[qi] as QuoteSpan;
  const para = ctx.paras[q.para] as Paragraph;
  const sStart = sentenceStart(text, q.open, Math.max(para.start, q.open - SENTENCE_WINDOW));
  const closeEnd = q.close >= 0 ? q.close + 1 : q.end;
  const sEnd = sentenceEnd(
    text,
    Math.max(closeEnd - 1, q.end - 1),
    Math.min(para.end, closeEnd + SENTENCE_WINDOW),
  );
  const st: QuoteState = {
    q,
    para,
    kind: quoteKind(text, q, para, sStart),
    att: quoteAttribution(ctx, qi, { q, para, sStart, sEnd }),
    res: null,
    inherited: false,
    cont: null,
    pending: false,
  };
  if (st.att?.np) {
    const np = coordination(text, st.att.np) ?? st.att.np;
    st.att = { ...st.att, np };
    st.res = resolver.resolve(np);
    if (st.res) registerRoles(ctx, np, st.res);
  }
  const prevD = ctx.drafts[ctx.drafts.length - 1];
  if (!linkToContext(ctx, st, prevInPara)) return null;
  if (st.pending) return quoteDraft(st);
  if (isNonStatement(text, st, (s, e) => clauseAround(ctx.indirect, s, e) !== undefined)) return null;
  // a post attribution links the next segment in the same paragraph
  if (q.continuesPrevParagraph && prevD?.quote?.runsOn)
    st.kind = st.kind === 'partial' ? prevD.kind : 'direct';
  if (st.res && !st.inherited)
    resolver.rememberNP(st.att?.np ?? null, st.res, st.att?.np ? st.att.np.start : q.open);
  return quoteDraft(st);
}

/** The passes over all drafts (pending segments, mixed quotes, pull quotes) and the statements, in document order. */
function statements(ctx: ExtractContext): Statement[] {
  const { text, paras, drafts } = ctx;
  const finalDrafts = resolveMixed(
    text,
    drafts
      .filter(
        (d) =>
          !d.pending || (d.kind === 'direct' && d.quote !== null && isUtterance(text, d.quote, ctx.tagger())),
      )
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
