/**
 * Single-mark quotations: ‘…’ or '…' in paragraphs without double marks, and paragraphs quoted in
 * the British way (single marks outside, double marks for a quotation within a quotation).
 */

import {
  isDoubleMark,
  isParaStartMark,
  leftOpenish,
  nextParaStartsWithMark,
  type QuoteSpan,
  rightCloseish,
  trimRange,
} from './quote-marks';
import { isDigit, isLetter, isSpace, type Paragraph } from './text';

/**
 * A paragraph quoted in the British way (Guardian and Times style guides; Quirk App. III.21): it
 * opens its first quotation with a curly single mark, and every double mark in it lies inside a
 * single-mark quotation (a quotation within a quotation). Its single-mark quotations are added to
 * `out` and true returned; otherwise nothing is added.
 */
export function singlePrimary(text: string, p: Paragraph, carry: boolean, out: QuoteSpan[]): boolean {
  let first = -1;
  for (let i = p.start; i < p.end && first < 0; i++) {
    const ch = text[i];
    if (isDoubleMark(ch)) return false;
    if (ch === '\u2018' && leftOpenish(i > p.start ? text[i - 1] : undefined) && isLetterOrDigit(text[i + 1]))
      first = i;
  }
  if (first < 0) return false;
  const spans: QuoteSpan[] = [];
  scanSingle(text, p, spans, carry);
  if (spans.length === 0) return false;
  for (let i = p.start; i < p.end; i++) {
    if (!isDoubleMark(text[i])) continue;
    const inside = spans.some((q) => q.open < i && (q.close < 0 ? p.end : q.close) > i);
    if (!inside) return false;
  }
  out.push(...spans);
  return true;
}

function isLetterOrDigit(ch: string | undefined): boolean {
  return isLetter(ch) || isDigit(ch);
}

/**
 * Single-mark quotations (‘…’ or '…') in paragraphs without double marks, or with double marks
 * only inside them. A curly one still open at the paragraph's end ends there and runs on when the
 * next paragraph opens with one, as with double marks.
 */
export function scanSingle(text: string, p: Paragraph, out: QuoteSpan[], carry = false): void {
  let openAt = -1;
  let firstInPara = true;
  for (let i = p.start; i < p.end; i++) {
    const ch = text[i];
    if (ch !== '\u2018' && ch !== '\u2019' && ch !== "'") continue;
    const prev = i > p.start ? text[i - 1] : undefined;
    const next = i + 1 < p.end ? text[i + 1] : undefined;
    // apostrophe inside a word (don't, Netanyahu’s) or after s (leaders’)
    if (isLetter(prev) && isLetter(next)) continue;
    if (openAt < 0) {
      if ((ch === '\u2018' || ch === "'") && leftOpenish(prev) && (isLetter(next) || isDigit(next))) {
        openAt = i;
      }
      continue;
    }
    if ((ch === '\u2019' || ch === "'") && !isSpace(prev) && rightCloseish(next)) {
      // "leaders’ " after plural s with space: ambiguous; accept as closer
      const [s, e] = trimRange(text, openAt + 1, i);
      if (e > s) {
        out.push({
          open: openAt,
          close: i,
          start: s,
          end: e,
          para: p.index,
          continuesPrevParagraph: firstInPara && carry && isParaStartMark(text, openAt, p),
          runsOn: false,
          single: true,
        });
        firstInPara = false;
      }
      openAt = -1;
    } else if (ch === '\u2018' && leftOpenish(prev)) {
      openAt = i;
    }
  }
  // a curly quotation open at the paragraph's end (a quotation over several paragraphs)
  if (openAt >= 0 && text[openAt] === '\u2018') {
    const [s, e] = trimRange(text, openAt + 1, p.end);
    const runsOn = nextParaStartsWithMark(text, p, true);
    if (e > s && (runsOn || (firstInPara && carry)))
      out.push({
        open: openAt,
        close: -1,
        start: s,
        end: e,
        para: p.index,
        continuesPrevParagraph: firstInPara && carry && isParaStartMark(text, openAt, p),
        runsOn,
        single: true,
      });
  }
}
