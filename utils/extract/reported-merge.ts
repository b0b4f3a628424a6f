/**
 * Reported speech from both passes: the word-pattern pass (indirect.ts) and the tag-based pass
 * (reported.ts) merged into one list of reported clauses in document order, each trimmed to end
 * where the writer's sentence takes over again, and looked up by position.
 */

import { findIndirect, type IndirectCandidate, type ListContext, sentencesOf } from './indirect';
import { splitAtAndThat } from './indirect-clause';
import { withoutPossessive } from './indirect-nominal';
import type { QuoteSpan } from './quotes';
import { findReported, type ReportedCandidate, type SentenceTagger, trimReportedClause } from './reported';
import { npOfSpan } from './speakers';
import { type Paragraph, sentenceStart, tokenize } from './text';

/** The article as scanned before any attribution: its paragraphs, quotations and quote mask. */
export interface ScannedText {
  text: string;
  paras: Paragraph[];
  /** Every quotation, boilerplate paragraphs included, in document order. */
  allQuotes: QuoteSpan[];
  insideQuote: (pos: number) => boolean;
}

/**
 * The reported clauses of both passes, in document order (sentence-level, found before the
 * quotations are attributed so that their speakers feed salience in order). `lists` receives the
 * list introductions the word-pattern pass finds.
 */
export function* reportedClauses(
  { text, paras, allQuotes, insideQuote }: ScannedText,
  lists: Map<number, ListContext>,
  tagger: () => SentenceTagger | null,
): Generator<void, IndirectCandidate[], void> {
  const indirect = yield* findIndirect(text, paras, allQuotes, insideQuote, lists);
  const sentenceTagger = tagger();
  if (sentenceTagger) {
    const reported = yield* findReported(
      text,
      paras,
      (p) => sentencesOf(text, p, insideQuote),
      insideQuote,
      sentenceTagger,
    );
    dropNounCues(text, indirect, sentenceTagger);
    addReported(text, indirect, reported);
    // every pass's reported clause ends where the writer's sentence takes over again
    for (const c of indirect) {
      const ss = sentenceStart(text, c.start, Math.max(0, c.start - 600));
      c.end = trimReportedClause(text, ss, c.start, c.end, sentenceTagger);
    }
  }
  return indirect;
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
    // the word pass found this very clause: it stands, and a segment continuing it may follow
    if (old && old.start === r.start && old.end === r.end && !r.continuesPrev) {
      prevKept = true;
      continue;
    }
    if (overlaps || !r.subject || (r.continuesPrev && !prevKept)) {
      prevKept = false;
      continue;
    }
    // a nominal report's owner is read with its possessive ending ("Netanyahu’s declaration")
    const owned = npOfSpan(text, r.subject.start, r.subject.end, r.subject.headEnd);
    const np = owned && withoutPossessive(owned);
    if (!np) {
      prevKept = false;
      continue;
    }
    // "said A and that B": two reported clauses, as the word pass splits them
    const parts = splitAtAndThat(text, tokenize(text, r.start, r.end), r.start, r.end);
    for (const c of parts)
      added.push({
        start: c.start,
        end: c.end,
        np,
        cue: r.cue,
        para: r.para,
        continuesPrev: c.continuesPrev || r.continuesPrev,
      });
    prevKept = true;
  }
  if (added.length === 0) return;
  indirect.push(...added);
  indirect.sort((a, b) => a.start - b.start);
}

/** The reported clause that contains [s, e), if any (binary search over `indirect`). */
export function clauseAround(
  indirect: IndirectCandidate[],
  s: number,
  e: number,
): IndirectCandidate | undefined {
  let lo = 0;
  let hi = indirect.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((indirect[mid] as IndirectCandidate).end < e) lo = mid + 1;
    else hi = mid;
  }
  const c = indirect[lo];
  return c !== undefined && c.start <= s && e <= c.end ? c : undefined;
}

/**
 * "The ministry rejected reports that it had been warned": the word pass reads "reports" as the
 * verb of a subject "the ministry rejected". When the tagger reads the subject's last word as a
 * verb and the cue as a noun, the cue is that verb's object (a noun of saying), and the clause is
 * what the subject calls false or discusses, not what it says: no report.
 */
function dropNounCues(text: string, indirect: IndirectCandidate[], tagger: SentenceTagger): void {
  for (let i = indirect.length - 1; i >= 0; i--) {
    const c = indirect[i]!;
    if (!c.np || c.np.end > c.start) continue;
    // Only an -s form can be read as a plural noun: no tagging for "said", "told", "added".
    if (!/^\s*\p{Ll}+s\b/u.test(text.slice(c.np.end, c.start))) continue;
    const ss = sentenceStart(text, c.np.start, Math.max(0, c.np.start - 600));
    const toks = tagger(text, ss, Math.min(text.length, c.start));
    const last = toks.filter((t) => t.end <= c.np!.end).at(-1);
    const cue = toks.find((t) => t.start >= c.np!.end);
    if (last && cue && /^VB[DNPZ]$/.test(last.tag) && /^NNS?$/.test(cue.tag)) indirect.splice(i, 1);
  }
}
