/**
 * Indirect (reported) speech: a content clause with a stated source.
 *
 *   X said / claimed / told Y (that) CLAUSE.          X’s declaration / vow / notion that CLAUSE.
 *   According to X, CLAUSE.    CLAUSE, according to X.    CLAUSE, X said.    CLAUSE, said X.
 *   …, saying (that) CLAUSE (subject of the main clause).   X is concerned / adamant CLAUSE.
 *   Among its key findings: CLAUSE.    X also said:  ⏎ item ⏎ item (list items under a colon).
 *
 * The clause is returned without "that" and without final punctuation; two coordinated
 * that-clauses ("that A, and that B") become two segments, the second continuing the first.
 * Everything runs per sentence over tokens of that sentence (bounded), so the pass is linear.
 *
 * This file runs the pass over paragraphs and sentences and keeps one candidate per stretch of
 * text; the rules live by family in indirect-clause.ts (content clauses), indirect-cues.ts and
 * indirect-nominal.ts (cues inside the sentence), source-phrase.ts ("According to X, …"),
 * indirect-frame.ts (", X said." after the clause) and indirect-lists.ts (items under "X said:").
 */

import { isBoilerplate } from './boilerplate';
import type { IndirectCandidate, IndirectSentence } from './indirect-clause';
import { reportsAt } from './indirect-cues';
import { trailingFrame } from './indirect-frame';
import { type ListContext, listItems } from './indirect-lists';
import type { QuoteSpan } from './quotes';
import { type Sentence, sentencesOf } from './sentence-split';
import { leadingSourcePhrase } from './source-phrase';
import { type Paragraph, tokenize } from './text';

export type { IndirectCandidate } from './indirect-clause';
export type { ListContext } from './indirect-lists';
export { type Sentence, sentencesOf } from './sentence-split';

const MAX_SENTENCE = 1200;

export function* findIndirect(
  text: string,
  paras: Paragraph[],
  quotes: QuoteSpan[],
  inside: (pos: number) => boolean,
  lists: Map<number, ListContext> = new Map(),
): Generator<void, IndirectCandidate[], void> {
  const out: IndirectCandidate[] = [];
  let qi = 0;
  for (let pi = 0; pi < paras.length; pi++) {
    // A generator, so a long article can be read over several tasks: a pause every 32 paragraphs.
    if ((pi & 31) === 31) yield;
    const p = paras[pi] as Paragraph;
    if (p.end <= p.start || isBoilerplate(text, p)) continue;
    while (qi < quotes.length && (quotes[qi] as QuoteSpan).para < p.index) qi++;
    const sents = sentencesOf(text, p, inside);
    for (const s of sents) {
      if (s.end - s.start > MAX_SENTENCE) continue;
      sentence(text, s, p, inside, out);
    }
    // list items under "X also said:"
    listItems(text, paras, pi, sents, inside, out, lists);
  }
  // list items are found ahead of their own paragraphs: restore document order, drop overlaps
  out.sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: IndirectCandidate[] = [];
  let lastEnd = -1;
  for (const c of out) {
    if (c.start < lastEnd) continue;
    kept.push(c);
    lastEnd = c.end;
  }
  return kept;
}

function sentence(
  text: string,
  s: Sentence,
  p: Paragraph,
  inside: (pos: number) => boolean,
  out: IndirectCandidate[],
): void {
  const all = tokenize(text, s.start, s.end);
  const toks = all.filter((t) => !inside(t.start));
  if (toks.length < 4) return;
  const sent: IndirectSentence = { text, toks, start: s.start, end: s.end, p, inside };
  const found: IndirectCandidate[] = [];

  // verb and nominal cues inside the sentence
  for (let k = 0; k < toks.length; k++) reportsAt(sent, k, found);

  // framing attributions ("According to X, …", "…, X said.") only when no cue verb inside
  // the sentence already reports a clause (that one is nearer to the content)
  const framed: IndirectCandidate[] = [];
  // According to X, CLAUSE.
  const leadingFrame = leadingSourcePhrase(sent);
  if (leadingFrame) framed.push(leadingFrame);
  // CLAUSE, according to X.  /  CLAUSE, X said.  /  CLAUSE, said X.
  const tail = trailingFrame(sent);
  if (tail) framed.push(tail);

  if (found.length === 0) found.push(...framed);
  else for (const f of framed) if (!found.some((g) => g.start < f.end && f.start < g.end)) found.push(f);

  // keep non-overlapping, first-come by start
  found.sort((a, b) => a.start - b.start || b.end - a.end);
  let lastEnd = -1;
  for (const f of found) {
    if (f.start < lastEnd) continue;
    if (f.end - f.start < 8) continue;
    out.push(f);
    lastEnd = f.end;
  }
}
