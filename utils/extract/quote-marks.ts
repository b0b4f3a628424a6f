/**
 * Quote marks and their neighbours, shared by the double-mark and the single-mark scans: which
 * marks open and close, what may stand before an opener and after a closer, and the paragraph
 * edges a quotation may run over.
 */

import { isSpace, type Paragraph } from './text';

export interface QuoteSpan {
  /** Offset of the opening mark (of the first mark if doubled). */
  open: number;
  /** Offset of the closing mark, or -1 when the paragraph ended first. */
  close: number;
  /** Text content offsets (trimmed of surrounding spaces). */
  start: number;
  end: number;
  para: number;
  /** Opened inside an earlier paragraph's quotation that was left open (multi-paragraph quote). */
  continuesPrevParagraph: boolean;
  /** Left open at the paragraph end, with the next paragraph reopening. */
  runsOn: boolean;
  single: boolean;
}

export const DOUBLE_OPEN = new Set(['\u201c', '\u201e', '\u201f', '\u00ab']);
export const DOUBLE_CLOSE = new Set(['\u201d', '\u00bb']);
export const STRAIGHT = '"';

export function isDoubleMark(ch: string | undefined): boolean {
  return ch === STRAIGHT || (ch !== undefined && (DOUBLE_OPEN.has(ch) || DOUBLE_CLOSE.has(ch)));
}

const OPEN_CONTEXT = new Set(['(', '[', '{', '\u2014', '\u2013', '-', '/', ':', '\u2026']);
export const CLOSE_CONTEXT = new Set([
  '.',
  ',',
  ';',
  ':',
  '!',
  '?',
  ')',
  ']',
  '}',
  '\u2014',
  '\u2013',
  '-',
  '\u2026',
  "'",
  '\u2019',
]);

export function leftOpenish(prev: string | undefined): boolean {
  return prev === undefined || isSpace(prev) || OPEN_CONTEXT.has(prev) || isDoubleMark(prev);
}

export function rightCloseish(next: string | undefined): boolean {
  return next === undefined || isSpace(next) || CLOSE_CONTEXT.has(next) || isDoubleMark(next);
}

/** Trims spaces inside [s, e). */
export function trimRange(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpace(text[s])) s++;
  while (e > s && isSpace(text[e - 1])) e--;
  return [s, e];
}

export function isParaStartMark(text: string, at: number, p: Paragraph): boolean {
  for (let k = p.start; k < at; k++) if (!isSpace(text[k])) return false;
  return true;
}

/** Does the paragraph after `p` open with a double mark (with `single`, a curly single one)? */
export function nextParaStartsWithMark(text: string, p: Paragraph, single = false): boolean {
  let k = p.end;
  // skip newline(s) and spaces: only the immediately following non-empty line counts
  let lines = 0;
  while (k < text.length && (text[k] === '\n' || text[k] === '\r' || isSpace(text[k]))) {
    if (text[k] === '\n') lines++;
    k++;
  }
  if (lines === 0 || lines > 3) return false;
  const ch = text[k];
  if (single) return ch === '\u2018';
  return ch === '\u201c' || ch === '\u201e' || ch === STRAIGHT || ch === '\u00ab';
}
