/**
 * Attribution of a quotation from its sentence and paragraph: the order in which the places an
 * attribution can stand are tried (after the closing mark, before the opening mark, at the end of
 * the sentence), and the forms attribution.ts does not read — a bare "Okafor said." sentence, a
 * dash signature, a colon introduction with no reporting verb, a list under "X also said:".
 */

import {
  type Attribution,
  attributionAfter,
  attributionAtEnd,
  attributionBefore,
  onlyPunctBetween,
  plausibleSpeaker,
  speakerLike,
} from './attribution';
import { withAppositive } from './attribution-subjects';
import { cueVerb, NOMINAL_CUES } from './cues';
import type { ExtractContext } from './drafts';
import { lastNonSpace } from './kinds';
import { CAPITAL_STOPWORDS, DEMONSTRATIVES } from './lexicon';
import { onlySpacesBetween } from './names';
import type { QuoteSpan } from './quotes';
import type { SentenceTagger } from './reported';
import { speakerLabel } from './speaker-label';
import { isCapitalised, type NP, npForward } from './speakers';
import {
  isLower,
  isPossessive,
  isSpace,
  isUpper,
  type Paragraph,
  skipSpaces,
  type Token,
  tokenize,
} from './text';

/** A quotation and the bounds of the writer's sentence around it. */
export interface QuoteSentence {
  q: QuoteSpan;
  para: Paragraph;
  sStart: number;
  sEnd: number;
}

/**
 * The attribution of the `qi`th quotation: 1. right after the closing mark, 2. before the opening
 * mark in the sentence, 3. at the end of the sentence; then a dash signature, a colon
 * introduction, a list introduction. The speaker is dropped when it is not a plausible one.
 */
export function quoteAttribution(ctx: ExtractContext, qi: number, s: QuoteSentence): Attribution | null {
  const { text } = ctx;
  const { q, para, sStart, sEnd } = s;
  // text before the quote in the same sentence, after any earlier quote of this sentence
  let preFrom = sStart;
  const prevQ = qi > 0 ? ctx.quotes[qi - 1] : undefined;
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
    else
      att = bareAttributionSentence(text, q.close + 1, para.end) ?? cataphoric(text, q.close + 1, para.end);
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
  if (!att) att = colonIntro(text, preFrom, q.open, ctx.tagger());
  // a label with no verb: "Ana Ruiz: “…”", "United Kingdom — The Foreign Office: “…”"
  if (!att) att = speakerLabel(text, preFrom, q.open, ctx.names);
  // a list item under "X also said:"
  const list = ctx.lists.get(q.para);
  if (!att && list) {
    att = {
      cue: { start: -1, end: -1, text: list.cue, info: null, addressee: null },
      np: list.np,
      where: 'before',
    };
  }
  return att;
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

const BE_OR_COME = new Set(['was', 'were', 'is', 'are', 'came', 'come', 'comes']);

/**
 * The sentence after a quoted sentence that names whose words they were: "“…” That was the
 * message from Ana Ruiz.", "Those were the words of the mayor.", "The remarks came from Reid.",
 * "So said Ana Ruiz." — a demonstrative (or a nominal cue after "the") with "be" or "come", then
 * "from"/"of" and the speaker; or "So" with a reporting verb and the speaker.
 */
function cataphoric(text: string, from: number, paraEnd: number): Attribution | null {
  const toks = tokenize(text, from, Math.min(paraEnd, from + 80));
  const [t0, t1] = toks;
  if (!t0 || !t1 || !isUpper(t0.text[0])) return null;
  const w0 = t0.text.toLowerCase();
  const info = cueVerb(t1.text);
  if (w0 === 'so' && info && (info.form === 'past' || info.form === 's')) {
    const np = npForward(text, t1.end, paraEnd);
    return np && speakerLike(np) ? cataphoricAtt(text, t0, t1, withAppositive(text, np, paraEnd)) : null;
  }
  let k = DEMONSTRATIVES.has(w0) ? 1 : w0 === 'the' && NOMINAL_CUES.has(t1.text.toLowerCase()) ? 2 : 0;
  if (k === 0 || !BE_OR_COME.has(toks[k]?.text.toLowerCase() ?? '')) return null;
  // "the message", "her final words": up to three words before "from"/"of"
  const stop = Math.min(toks.length, k + 5);
  for (k++; k < stop; k++) {
    const w = (toks[k] as Token).text.toLowerCase();
    if (w === 'from' || w === 'of') break;
    if (!/^\p{Ll}+$/u.test(w)) return null;
  }
  const prep = toks[k];
  if (!prep || k >= stop) return null;
  const np = npForward(text, prep.end, paraEnd);
  if (!np || !speakerLike(np) || np.kind === 'pronoun' || np.kind === 'doc') return null;
  return cataphoricAtt(text, t0, prep, withAppositive(text, np, paraEnd));
}

function cataphoricAtt(text: string, first: Token, last: Token, np: NP): Attribution {
  return {
    cue: {
      start: first.start,
      end: last.end,
      text: text.slice(first.start, last.end),
      info: null,
      addressee: null,
    },
    np,
    where: 'after',
  };
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

/**
 * A colon introduction with no reporting verb: `X’s statement went further …: “…”` (the
 * possessor, cue = the noun) or `De Miranda evokes … in his introduction: “…”` (the sentence
 * subject, cue = its verb).
 */
function colonIntro(
  text: string,
  from: number,
  open: number,
  tagger: SentenceTagger | null,
): Attribution | null {
  let e = open;
  while (e > from && isSpace(text[e - 1])) e--;
  if (text[e - 1] !== ':') return null;
  const toks = tokenize(text, from, e);
  if (!toks[0]) return null;
  const k0 = afterFrontedAdverbial(text, toks);
  return (
    invertedIntro(text, toks, k0, e) ??
    possessiveIntro(text, toks, k0) ??
    subjectIntro(text, toks, k0, e, tagger)
  );
}

/** "Said Ana Ruiz: “…”", "Added the mayor: “…”": a reporting verb, then its subject up to the colon. */
function invertedIntro(text: string, toks: Token[], k0: number, e: number): Attribution | null {
  const v = toks[k0] as Token;
  const info = isUpper(v.text[0]) ? cueVerb(v.text) : undefined;
  if (!info || (info.form !== 'past' && info.form !== 's')) return null;
  const np = npForward(text, skipSpaces(text, v.end, e), e, false);
  if (!np || !speakerLike(np) || !onlyPunctBetween(text, np.end, e - 1)) return null;
  return { cue: { start: v.start, end: v.end, text: v.text, info, addressee: null }, np, where: 'colon' };
}

/**
 * The index of the first token after a short fronted adverbial ("In a statement, …", "On
 * Monday, …"), or 0.
 */
function afterFrontedAdverbial(text: string, toks: Token[]): number {
  const t0 = toks[0] as Token;
  for (let k = 1; k < toks.length && k < 6; k++) {
    const gap = text.slice((toks[k - 1] as Token).end, (toks[k] as Token).start);
    if (gap.includes(',')) {
      if (isUpper(t0.text[0]) && CAPITAL_STOPWORDS.has(t0.text)) return k;
      break;
    }
  }
  return 0;
}

/** "Ruiz’s response:", "Ana Ruiz’s answer:": a possessive name, then a lower-case noun (the cue). */
function possessiveIntro(text: string, toks: Token[], k0: number): Attribution | null {
  const t0 = toks[k0] as Token;
  let kp = k0;
  while (
    kp < k0 + 3 &&
    kp + 1 < toks.length &&
    isUpper((toks[kp] as Token).text[0]) &&
    !/(\u2019s|'s)$/.test((toks[kp] as Token).text) &&
    // one name: its words stand next to each other ("European Union — The EU’s" is two phrases)
    onlySpacesBetween(text, (toks[kp] as Token).end, (toks[kp + 1] as Token).start)
  )
    kp++;
  const wp = (toks[kp] as Token | undefined)?.text ?? '';
  // ("It’s one of those statements …:" is a contraction, no possessive)
  if (!((wp.endsWith('\u2019s') || wp.endsWith("'s")) && isPossessive(wp) && isUpper(wp[0]))) return null;
  const t1 = toks[kp + 1];
  if (!t1 || !isLower(t1.text[0])) return null;
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

const COPULA_OR_HAVE = new Set(['is', 'are', 'was', 'were', 'has', 'had']);

/** The subject of the sentence before the colon, with its verb (ending at `e`, the colon) as the cue. */
function subjectIntro(
  text: string,
  toks: Token[],
  k0: number,
  e: number,
  tagger: SentenceTagger | null,
): Attribution | null {
  const t0 = toks[k0] as Token;
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
  // a finite verb by its form or, for irregular verbs ("Ruiz put it bluntly:", "Hale gave a
  // short answer:"), by its part of speech
  if (!(vl.endsWith('s') || vl.endsWith('ed') || cueVerb(vl) || isFiniteByTag(text, tagger, toks, v)))
    return null;
  return {
    cue: { start: v.start, end: v.end, text: v.text, info: cueVerb(vl) ?? null, addressee: null },
    np,
    where: 'colon',
  };
}

/** The tagger reads `v` as a finite verb in the clause before the colon. */
function isFiniteByTag(text: string, tagger: SentenceTagger | null, toks: Token[], v: Token): boolean {
  const first = toks[0];
  const last = toks[toks.length - 1];
  if (!tagger || !first || !last) return false;
  const tag = tagger(text, first.start, last.end).find((t) => t.start === v.start)?.tag;
  // right after its subject, a base-form tag is a present or a past the tagger could not tell
  return tag === 'VBD' || tag === 'VBZ' || tag === 'VBP' || tag === 'VB';
}

function isAdverbLike(w: string): boolean {
  return w.length > 4 && w.endsWith('ly');
}

/** A handful of function words that neither end a clause nor act as a colon introduction's verb. */
export function isFunctionWordLite(w: string): boolean {
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
