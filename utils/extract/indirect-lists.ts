/**
 * List items in the word-pattern pass: paragraphs listed under "X (also) said:", each a clause by X.
 */

import { cueAt, speakerLike, subjectOf } from './attribution';
import { isBoilerplate } from './boilerplate';
import { type IndirectCandidate, trimClause } from './indirect-clause';
import { isQuoteMark, type Sentence } from './sentence-split';
import type { NP } from './speakers';
import { isDigit, type Paragraph, tokenize } from './text';

/** The attribution governing a list paragraph ("X also said:" followed by items). */
export interface ListContext {
  np: NP;
  cue: string;
}

/** Items listed under "X (also) said:" — paragraphs without quote marks or final period. */
export function listItems(
  text: string,
  paras: Paragraph[],
  pi: number,
  sents: Sentence[],
  inside: (pos: number) => boolean,
  out: IndirectCandidate[],
  lists: Map<number, ListContext>,
): void {
  const p = paras[pi] as Paragraph;
  if (text[p.end - 1] !== ':') return;
  const last = sents[sents.length - 1];
  if (!last) return;
  const toks = tokenize(text, last.start, p.end);
  // cue verb just before the colon
  let k = toks.length - 1;
  while (k >= 0 && !cueAt(text, toks, k)) {
    if (toks.length - k > 3) return;
    k--;
  }
  if (k < 0) return;
  const cue = cueAt(text, toks, k);
  if (!cue?.info?.clause) return;
  const subj = subjectOf(text, toks, k, last.start);
  if (!subj || !speakerLike(subj)) return;
  for (let q = pi + 1; q < paras.length && q < pi + 15; q++) {
    const item = paras[q] as Paragraph;
    const len = item.end - item.start;
    if (len === 0) break;
    if (len > 300 || isBoilerplate(text, item)) break;
    const lastCh = text[item.end - 1];
    if (lastCh === '.' && len > 160) break;
    const first = text[item.start];
    if (isDigit(first)) break;
    let hasQuote = false;
    for (let i = item.start; i < item.end; i++) if (isQuoteMark(text[i]) && !inside(-1)) hasQuote = true;
    // an imperative link line ("Read the full transcript") is not an item
    const w0 = text.slice(item.start, Math.min(item.end, item.start + 12)).toLowerCase();
    if (
      w0.startsWith('read ') ||
      w0.startsWith('watch ') ||
      w0.startsWith('see ') ||
      w0.startsWith('click ') ||
      w0.startsWith('listen ')
    )
      break;
    const [cs, ce] = trimClause(text, item.start, item.end);
    if (!hasQuote && ce > cs)
      out.push({ start: cs, end: ce, np: subj, cue: cue.text, para: item.index, continuesPrev: false });
    if (hasQuote) lists.set(item.index, { np: subj, cue: cue.text });
  }
}
