/**
 * Sentences of a paragraph, the stage after the quote marks: a sentence boundary inside a
 * quotation is no boundary unless the quotation closes there.
 */

import { isSentenceEnd, isSpace, type Paragraph } from './text';

export function isQuoteMark(ch: string | undefined): boolean {
  return (
    ch === '"' || ch === '\u201c' || ch === '\u201d' || ch === '\u201e' || ch === '\u00ab' || ch === '\u00bb'
  );
}

export interface Sentence {
  start: number;
  end: number;
}

/** Sentences of a paragraph; boundaries inside quotations are ignored unless the quote closes there. */
export function sentencesOf(text: string, p: Paragraph, inside: (pos: number) => boolean): Sentence[] {
  const out: Sentence[] = [];
  let s = p.start;
  for (let i = p.start; i < p.end; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    if (!isSentenceEnd(text, i, p.end)) continue;
    if (inside(i) && !isQuoteMark(text[i + 1])) continue;
    let e = i + 1;
    while (e < p.end && (isQuoteMark(text[e]) || text[e] === ')' || text[e] === "'" || text[e] === '\u2019'))
      e++;
    out.push({ start: s, end: e });
    s = e;
    while (s < p.end && isSpace(text[s])) s++;
    i = s - 1;
  }
  if (s < p.end) out.push({ start: s, end: p.end });
  return out;
}
