/**
 * Quote-mark scanner. One left-to-right pass per paragraph with a two-state machine (outside /
 * inside a quotation). Linear in the input; no regular expressions.
 *
 * - Curly “ ” „ ‟ « » and straight " marks, mixed freely (a straight " may close a curly “).
 * - A straight " is an opener or closer by its neighbours (space/start before → opener; space,
 *   punctuation or end after → closer); a curly mark in the wrong place is re-read the same way.
 * - Doubled marks (““, ””) count as one.
 * - An opener while already inside drops the earlier, unbalanced opener (no nesting, no runaway).
 * - A quote still open at the end of its paragraph ends there; if the next paragraph opens with a
 *   mark, that paragraph's quote is marked as its continuation (multi-paragraph quotation).
 * - Single marks ‘ ’ are used only when a paragraph has no double marks and they pair cleanly
 *   around words (not apostrophes).
 */

import { cueVerb } from './cues';
import {
  CLOSE_CONTEXT,
  DOUBLE_CLOSE,
  DOUBLE_OPEN,
  isDoubleMark,
  isParaStartMark,
  leftOpenish,
  nextParaStartsWithMark,
  type QuoteSpan,
  rightCloseish,
  STRAIGHT,
  trimRange,
} from './quote-marks';
import { scanSingle, singlePrimary } from './quotes-single';
import { isDigit, isLetter, isSpace, type Paragraph } from './text';

export type { QuoteSpan } from './quote-marks';

type Role = 'open' | 'close' | 'either' | 'none';

function markRole(text: string, i: number, paraStart: number, paraEnd: number): Role {
  const ch = text[i];
  const prev = i > paraStart ? text[i - 1] : undefined;
  const next = i + 1 < paraEnd ? text[i + 1] : undefined;
  const lo = leftOpenish(prev);
  const rc = rightCloseish(next);
  if (ch === STRAIGHT) {
    // 5'10" or 12" – an inch mark.
    if (isDigit(prev) && !lo) return 'none';
    if (lo && !rc) return 'open';
    if (rc && !lo) return 'close';
    return 'either';
  }
  if (ch !== undefined && DOUBLE_OPEN.has(ch)) {
    // A curly opener with a word before it and space after is a misused closer.
    if (!lo && rc && prev !== undefined && (isLetter(prev) || CLOSE_CONTEXT.has(prev))) return 'close';
    return ch === '\u00ab' ? 'open' : lo || !rc ? 'open' : 'either';
  }
  if (ch !== undefined && DOUBLE_CLOSE.has(ch)) {
    if (lo && !rc && next !== undefined && isLetter(next)) return 'open';
    return 'close';
  }
  return 'none';
}

export function scanQuotes(text: string, paras: Paragraph[]): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let carry = false; // previous paragraph ended inside an open quotation
  for (const p of paras) {
    const before = out.length;
    // British style: single marks outside, double marks for a quotation within a quotation
    if (singlePrimary(text, p, carry, out)) {
      carry = out[out.length - 1]?.runsOn === true && out.length > before;
      continue;
    }
    const hasDouble = scanDouble(text, p, carry, out);
    if (!hasDouble) scanSingle(text, p, out, carry);
    else unnest(text, p, out, before);
    const last = out.length > before ? out[out.length - 1] : undefined;
    carry = last?.runsOn === true;
  }
  return out;
}

/**
 * For each straight mark of a paragraph that also has curly closers: how many straight marks lie
 * from it up to the next curly closer, and where that closer is. One backward pass, linear.
 * Lets “He said "never" twice,” read as one quotation with a quotation inside.
 */
function straightRuns(text: string, p: Paragraph): Map<number, { count: number; close: number }> | null {
  let straight = false;
  let curly = false;
  for (let i = p.start; i < p.end && !(straight && curly); i++) {
    const ch = text[i];
    if (ch === STRAIGHT) straight = true;
    else if (ch !== undefined && DOUBLE_CLOSE.has(ch)) curly = true;
  }
  if (!straight || !curly) return null;
  const out = new Map<number, { count: number; close: number }>();
  let close = -1;
  let count = 0;
  for (let i = p.end - 1; i >= p.start; i--) {
    const ch = text[i];
    if (ch !== undefined && DOUBLE_CLOSE.has(ch)) {
      close = i;
      count = 0;
    } else if (ch === STRAIGHT && close >= 0) {
      out.set(i, { count: ++count, close });
    }
  }
  return out;
}

/** State of the double-mark scan of one paragraph. */
interface DoubleScan {
  text: string;
  p: Paragraph;
  /** The previous paragraph ended inside an open quotation. */
  carry: boolean;
  out: QuoteSpan[];
  /** Offset of the opening mark, or -1 outside a quotation. */
  openAt: number;
  contentStart: number;
  firstInPara: boolean;
  /** Straight marks before this curly closer are a quotation inside the quotation. */
  nestedUntil: number;
  runs: Map<number, { count: number; close: number }> | null;
}

/** Double-mark quotations of one paragraph; returns whether it has any double mark. */
function scanDouble(text: string, p: Paragraph, carry: boolean, out: QuoteSpan[]): boolean {
  const st: DoubleScan = {
    text,
    p,
    carry,
    out,
    openAt: -1,
    contentStart: -1,
    firstInPara: true,
    nestedUntil: -1,
    runs: straightRuns(text, p),
  };
  let any = false;
  for (let i = p.start; i < p.end; i++) {
    const ch = text[i];
    if (!isDoubleMark(ch)) continue;
    any = true;
    if (nestedStraight(st, i)) continue;
    let role = markRole(text, i, p.start, p.end);
    if (role === 'none') continue;
    if (role === 'either') role = st.openAt >= 0 ? 'close' : 'open';
    if (role === 'open') openMark(st, i);
    else i = closeMark(st, i);
  }
  if (st.openAt >= 0) closeAtParagraphEnd(st);
  return any;
}

/** A straight mark inside a curly quotation that pairs with another before the curly closer. */
function nestedStraight(st: DoubleScan, i: number): boolean {
  const { text, runs } = st;
  if (text[i] !== STRAIGHT || st.openAt < 0 || text[st.openAt] === STRAIGHT || !runs) return false;
  if (i < st.nestedUntil) return true;
  const run = runs.get(i);
  // Paired straight marks, then the curly closer: nested, not the end of the quotation.
  if (run && run.count % 2 === 0) {
    st.nestedUntil = run.close;
    return true;
  }
  return false;
}

function openMark(st: DoubleScan, i: number): void {
  // doubled opener (only marks/spaces since the last opener) → extend
  if (st.openAt >= 0 && onlyMarks(st.text, st.contentStart, i)) {
    st.contentStart = i + 1;
    return;
  }
  st.openAt = i;
  st.contentStart = i + 1;
}

function onlyMarks(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (!isSpace(text[k]) && !isDoubleMark(text[k])) return false;
  return true;
}

/** A closing mark at `i`; returns the offset the scan continues after (past a doubled closer). */
function closeMark(st: DoubleScan, i: number): number {
  const { text, p } = st;
  if (st.openAt < 0) {
    if (!lostOpener(st, i)) return i; // stray closer
    st.openAt = p.start;
    st.contentStart = p.start;
  }
  const [s, e] = trimRange(text, st.contentStart, i);
  if (e <= s) {
    // "“”" empty or doubled closer right after opener: treat as doubled opener glitch
    return i;
  }
  st.out.push({
    open: st.openAt,
    close: i,
    start: s,
    end: e,
    para: p.index,
    continuesPrevParagraph: st.firstInPara && st.carry && isParaStartMark(text, st.openAt, p),
    runsOn: false,
    single: false,
  });
  st.firstInPara = false;
  st.openAt = -1;
  st.contentStart = -1;
  // skip a doubled closer
  while (
    i + 1 < p.end &&
    (text[i + 1] === '\u201d' || text[i + 1] === STRAIGHT) &&
    rightCloseish(text[i + 2])
  )
    i++;
  return i;
}

/** Punctuation that ends a quotation's words right before its closing mark ("…,” she said"). */
const QUOTE_END_PUNCTUATION = new Set([',', '.', '!', '?', '\u2026', '\u2014']);

/**
 * A closing mark that is its paragraph's first mark, with no opener before it: a quotation whose
 * opening mark the page left out, as magazines do in a paragraph under a drop capital ("We just
 * needed time,” admits the engineer). Read so only when the shape says a quotation ended there:
 * punctuation before the mark, and an attribution or the paragraph's end after it.
 */
function lostOpener(st: DoubleScan, i: number): boolean {
  const { text, p } = st;
  if (!st.firstInPara || !QUOTE_END_PUNCTUATION.has(text[i - 1] ?? '')) return false;
  const after = text.slice(i + 1, p.end);
  return after.trim() === '' || attributed(after);
}

/** A quotation still open when its paragraph ends: it ends there, and may run on. */
function closeAtParagraphEnd(st: DoubleScan): void {
  const { text, p } = st;
  const [s, e] = trimRange(text, st.contentStart, p.end);
  if (e <= s) return;
  st.out.push({
    open: st.openAt,
    close: -1,
    start: s,
    end: e,
    para: p.index,
    continuesPrevParagraph: st.firstInPara && st.carry && isParaStartMark(text, st.openAt, p),
    runsOn: nextParaStartsWithMark(text, p),
    single: false,
  });
}

/** Words the inner quotation of a quoted report has at least: fewer is a title or a term. */
const MIN_NESTED_WORDS = 4;
/** How many words after the inner quotation its reporting verb may come ("[Bruck] told the jury"). */
const ATTRIBUTION_REACH = 5;

/** Does the text after an inner quotation attribute it: a reporting verb among its first words? */
function attributed(after: string): boolean {
  const words = after.match(/[\p{L}]+/gu) ?? [];
  return words.slice(0, ATTRIBUTION_REACH).some((w) => cueVerb(w) !== undefined);
}

/**
 * A quoted report that quotes someone: a double-mark quotation that opens with a single-mark one
 * and goes on after it ("“‘There is anger here,’ [Hughes] said.” the paper wrote"; in a
 * multi-paragraph block, "“‘…,’ Hughes said."). The words quoted are the inner quotation's, and
 * what follows it is their attribution: the inner quotations stand for the outer one.
 */
function unnest(text: string, p: Paragraph, out: QuoteSpan[], from: number): void {
  for (let k = from; k < out.length; k++) {
    const outer = out[k] as QuoteSpan;
    const first = text[outer.start];
    if (outer.single || (first !== '\u2018' && first !== "'")) continue;
    const inner: QuoteSpan[] = [];
    scanSingle(text, { start: outer.start, end: outer.end, index: p.index }, inner);
    const last = inner[inner.length - 1];
    // the inner quotation must end before the outer does, with its attribution after it (a
    // reporting verb within a few words), and be a sentence, not a title ("“‘Hamilton’ changed
    // my life,” she said" quotes a title inside the words)
    if (!last || inner[0]?.open !== outer.start || !attributed(text.slice(last.close + 1, outer.end)))
      continue;
    if (inner.some((q) => text.slice(q.start, q.end).split(/\s+/).length < MIN_NESTED_WORDS)) continue;
    out.splice(k, 1, ...inner);
    k += inner.length - 1;
  }
}
