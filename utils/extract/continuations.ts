/**
 * Speakers from the context (discourse coreference between quotations): a quotation continues the
 * previous segment of a multi-paragraph quotation or of its paragraph, a quote-only paragraph goes
 * on in the previous speaker's words, an unattributed quoted sentence is the context person's, and
 * an opening segment may wait (pending) for an attribution later in its quotation.
 */

import { type Draft, type ExtractContext, type QuoteState, toSpeaker } from './drafts';
import { isUtterance } from './kinds';
import { isSpace, type Paragraph } from './text';

function isParaStart(text: string, para: Paragraph, pos: number): boolean {
  for (let k = para.start; k < pos; k++) if (!isSpace(text[k])) return false;
  return true;
}

/**
 * Links the quotation to the drafts before it (`prevInPara`: the last quotation draft of its
 * paragraph) and fills in a speaker from the context where it has none of its own. Returns false
 * when the quotation is nobody's utterance (a scare quote, a title, a caption).
 */
export function linkToContext(ctx: ExtractContext, st: QuoteState, prevInPara: Draft | null): boolean {
  const prevD = ctx.drafts[ctx.drafts.length - 1];
  if (st.q.continuesPrevParagraph && prevD?.quote?.runsOn) continueQuotation(st, prevD);
  else if (!st.att) inheritUnattributed(ctx, st, prevInPara, prevD);
  else if (prevInPara?.quote && (prevInPara.attribution === st.att || interrupts(prevInPara, st)))
    st.cont = prevInPara;
  if (!st.att && !st.res) return speakerOfUnattributed(ctx, st, prevD);
  if (st.cont?.pending && !st.res) st.pending = true;
  return true;
}

/**
 * "“It is not good enough,” Tom Reid said, “and patients know it.”": one attribution, after the
 * first segment and before the second, interrupts one quotation.
 */
function interrupts(prev: Draft, st: QuoteState): boolean {
  const a = prev.attribution;
  const b = st.att;
  return (
    a !== null && b !== null && a.where === 'after' && b.where === 'before' && a.cue.start === b.cue.start
  );
}

/** A paragraph that goes on with the quotation the paragraph before left open. */
function continueQuotation(st: QuoteState, prevD: Draft): void {
  if (!st.att || !st.res) {
    st.res = prevD.resolved;
    st.att = prevD.attribution;
    st.inherited = !prevD.pending;
  } else if (prevD.pending) {
    // the attribution comes at the end of a multi-paragraph quotation: give it to the
    // earlier segments too
    const { att, res } = st;
    for (let d: Draft | null = prevD; d?.pending; d = d.continues) {
      d.pending = false;
      d.resolved = res;
      d.attribution = att;
      d.cue = att.cue.text;
      d.speaker = toSpeaker(att.np, res, false);
    }
  }
  st.cont = prevD;
}

/**
 * No attribution of its own: continue the previous segment in this paragraph, or a quote-only
 * paragraph continuing the previous speaker.
 */
function inheritUnattributed(
  ctx: ExtractContext,
  st: QuoteState,
  prevInPara: Draft | null,
  prevD: Draft | undefined,
): void {
  const { q, para } = st;
  const quoteOnly = () => isParaStart(ctx.text, para, q.open) && (ctx.outsideLetters[q.para] ?? 0) < 3;
  if (prevInPara?.quote) {
    st.res = prevInPara.resolved;
    st.att = prevInPara.attribution;
    st.inherited = true;
    st.cont = prevInPara;
  } else if (quoteOnly() && prevD && prevD.para >= q.para - 1 && prevD.resolved) {
    st.res = prevD.resolved;
    st.att = prevD.attribution;
    st.inherited = true;
    if (prevD.quote && (prevD.kind === 'direct' || prevD.kind === 'partial')) st.cont = prevD;
  } else if (quoteOnly() && q.close >= 0 && st.kind === 'direct') {
    // context speaker: the most salient person before this paragraph, of either sex (it
    // was read as an implicit "he", which passed over every woman)
    const person = ctx.resolver.contextPerson(q.open);
    if (person) {
      st.res = person;
      st.inherited = true;
    }
  }
}

/**
 * A quotation with neither attribution nor speaker: an opening segment of a multi-paragraph
 * quotation waits for one; a quoted sentence that reads as an utterance takes a speaker from the
 * context; anything else is dropped (false).
 */
function speakerOfUnattributed(ctx: ExtractContext, st: QuoteState, prevD: Draft | undefined): boolean {
  const { q, para } = st;
  if (q.runsOn) {
    // an opening segment of a multi-paragraph quotation may get its attribution later
    st.pending = true;
  } else if (!(st.kind === 'direct' && isUtterance(ctx.text, q, ctx.tagger()))) {
    return false; // nobody's utterance (scare quote, title, caption)
  } else if (prevD?.resolved && prevD.para === q.para) {
    // a quoted sentence with no attribution of its own, right after another statement, goes
    // on in that speaker's words (news style repeats the attribution only when it changes)
    st.res = prevD.resolved;
    st.att = prevD.attribution;
    st.inherited = true;
  } else {
    // … or, when its own paragraph names a person as the subject of the sentence before it
    // ("Haley became a regular on the talk shows. “…”"), that person; else the speaker of
    // the paragraph before. (The person the sentence after it is about, "“…” President
    // Trump accepted her resignation.", was tried: it lowered the tune part.)
    const before = ctx.resolver.subjectPersonIn(para.start, q.open);
    if (before) st.res = before;
    else if (prevD?.resolved && prevD.para >= q.para - 1) {
      st.res = prevD.resolved;
      st.att = prevD.attribution;
      st.inherited = true;
    }
  }
  // a quoted sentence with no speaker anywhere is still someone's words: kept, with the
  // speaker not named, rather than left unmarked
  return true;
}
