/**
 * Reported speech read from part-of-speech tags: the shapes English news gives an attribution,
 * recognised by the grammar of the sentence (a verb of communication by its tag and lemma, a
 * subject noun phrase of any shape, a finite clause) rather than by lists of words.
 *
 *   NP V (that) CLAUSE        "Police said the driver was hurt." "Lopes noted the list has doubled."
 *   NP V PP (that) CLAUSE     "Lopes said by text message the clinic had closed."
 *   NP V NP (that) CLAUSE     "The mayor told reporters the budget is balanced." (addressee verbs)
 *   CLAUSE, NP V.             "The bridge will reopen in May, the council said."
 *   CLAUSE, V NP.             "The crossing will close, said Tom Reid, a spokesman for the operator."
 *   X, NP V, Y.               "The waiting list, Lopes said, has doubled."  (two linked segments)
 *   …, V-ing (that) CLAUSE    "Lopes said the list doubled, noting that staff are exhausted."
 *   A and NP V B              "The mayor said the budget is balanced and the auditor said it is not."
 *
 * This pass adds to the older word-pattern pass (indirect.ts) where that one finds nothing; the
 * extractor keeps the older pass's candidate where both find one.
 * Every step reads a bounded window of one sentence's tokens, so the pass is linear.
 *
 * This file runs the pass over the sentences; the rules live by family in reported-tags.ts (tokens,
 * tag tests, candidates), reported-np.ts and reported-subject.ts (noun phrases, subjects),
 * reported-clause.ts (clause boundaries), reported-leading.ts and reported-trailing.ts (the shapes
 * above), source-phrase.ts ("according to") and reported-trim.ts (trimming any pass's clause).
 */

import { clauseAt, coordinatedReport } from './reported-clause';
import { leading } from './reported-leading';
import { nominalReport } from './reported-nominal';
import {
  hasFinite,
  isVerbTag,
  mandativeAt,
  type ReportedCandidate,
  reportingLemma,
  type SentenceTagger,
  type Span,
  type Tagged,
  type VerbSite,
} from './reported-tags';
import { interposed, trailing } from './reported-trailing';
import { accordingTo } from './source-phrase';
import type { Paragraph } from './text';

export type { ReportedCandidate, SentenceTagger, Tagged } from './reported-tags';
export { trimReportedClause } from './reported-trim';

const MAX_SENTENCE = 1200;

export function* findReported(
  text: string,
  paras: Paragraph[],
  sentencesOf: (p: Paragraph) => Array<{ start: number; end: number }>,
  inside: (pos: number) => boolean,
  tagger: SentenceTagger,
): Generator<void, ReportedCandidate[], void> {
  const out: ReportedCandidate[] = [];
  for (let pi = 0; pi < paras.length; pi++) {
    if ((pi & 15) === 15) yield;
    const p = paras[pi] as Paragraph;
    if (p.end <= p.start) continue;
    for (const s of sentencesOf(p)) {
      if (s.end - s.start > MAX_SENTENCE) continue;
      const toks = tagger(text, s.start, s.end);
      if (toks.length < 4) continue;
      const quoted = toks.map((t) => inside(t.start));
      sentence(text, toks, quoted, p.index, out);
    }
  }
  return out;
}

/** Index of the last token of the sentence's body (before final punctuation). */
function bodyEnd(toks: Tagged[]): number {
  let e = toks.length;
  while (e > 0 && /^[.!?;:,\u2026"'\u201d\u2019)]+$/.test((toks[e - 1] as Tagged).text)) e--;
  return e;
}

/**
 * Reports in one sentence. `quoted[i]`: token i is inside quotation marks. A verb or subject in a
 * quotation is the quoted speaker's, not an attribution; a clause before a trailing attribution
 * that holds a quotation is that quotation's (the quote pass reads it); a clause after the verb
 * may hold a quoted fragment, which the extractor keeps as a partial quote instead.
 */
function sentence(
  text: string,
  toks: Tagged[],
  quoted: boolean[],
  para: number,
  out: ReportedCandidate[],
): void {
  const end = bodyEnd(toks);
  const found: ReportedCandidate[] = [];
  const anyQuoted = (from: number, to: number) => {
    for (let i = from; i < to; i++) if (quoted[i]) return true;
    return false;
  };
  const according = anyQuoted(0, end) ? null : accordingTo(toks, end, para);
  if (according) out.push(...according);
  // a source phrase's clause is read; a report after it is searched for as in any sentence
  // ("According to X, A, though engineers said B")
  const after = according ? Math.max(...according.map((c) => c.end)) : -1;
  let lastSubject: Span | null = null;
  for (let k = 0; k < end; k++) {
    if (quoted[k] || (toks[k] as Tagged).start < after) continue;
    const nom = nominalReport(toks, k, end, para);
    if (nom && !anyQuoted(k, end)) found.push(nom);
  }
  for (let v = 0; v < end; v++) {
    if (headlineVerb(toks, v, end)) toks[v] = { ...(toks[v] as Tagged), tag: 'VBZ' };
    const t = toks[v] as Tagged;
    if (quoted[v] || t.start < after || !isVerbTag(t.tag) || t.tag === 'MD') continue;
    if (!reportingLemma(t.lemma) && !mandativeAt(toks, v)) continue;
    if (negated(toks, v)) continue;
    const site: VerbSite = { text, toks, v, end, para };
    const r: ReportedCandidate[] | null = trailing(site) ?? interposed(site) ?? leading(site, lastSubject);
    if (!r) continue;
    const s0: ReportedCandidate['subject'] = r[0]?.subject ?? null;
    if (s0) {
      const from: number = toks.findIndex((x) => x.start === s0.start);
      const to: number = toks.findIndex((x) => x.end === s0.end) + 1;
      const headTo: number = toks.findIndex((x) => x.end === s0.headEnd) + 1;
      if (from >= 0 && to > from) lastSubject = { from, to, headTo: headTo > from ? headTo : to };
    }
    const first = r[0] as ReportedCandidate;
    // a quotation before a trailing or interposed attribution belongs to the quote pass
    if ((first.start < t.start && anyQuoted(0, v)) || r.some((c) => c.subject && c.subject.start < 0))
      continue;
    const subjTok = first.subject ? toks.findIndex((x) => x.start === first.subject?.start) : -1;
    if (subjTok >= 0 && quoted[subjTok]) continue;
    found.push(...r);
    // a report's clause is not searched for further reports, except a coordinated one
    const last = r[r.length - 1] as ReportedCandidate;
    while (v + 1 < end && (toks[v + 1] as Tagged).end <= last.end && !coordinatedReport(toks, v + 1, end))
      v++;
  }
  out.push(...found.filter((c) => c.start >= after));
}

/**
 * "Court rules ban is legal", "Woman claims firm cheated her": the -s form of a reporting verb
 * the tagger read as a plural noun, right after a singular noun that opens the sentence with no
 * verb before it, and followed by a finite clause, is the verb (headline English).
 */
function headlineVerb(toks: Tagged[], v: number, end: number): boolean {
  const t = toks[v] as Tagged;
  const prev = toks[v - 1];
  if (t.tag !== 'NNS' || !prev || (prev.tag !== 'NN' && prev.tag !== 'NNP')) return false;
  if (!reportingLemma(t.lemma) || hasFinite(toks, 0, v)) return false;
  return clauseAt(toks, v + 1, end) && hasFinite(toks, v + 1, end);
}

/** "did not say", "never said", "would not confirm": a negated report is not a report. */
function negated(toks: Tagged[], v: number): boolean {
  for (let k = v - 1; k >= 0 && k >= v - 3; k--) {
    const w = (toks[k] as Tagged).text.toLowerCase();
    if (
      w === 'not' ||
      w === "n't" ||
      w === 'n\u2019t' ||
      w === 'never' ||
      w.endsWith("n't") ||
      w.endsWith('n\u2019t')
    )
      return true;
    const tag = (toks[k] as Tagged).tag;
    if (!(tag === 'RB' || tag === 'MD' || tag.startsWith('VB'))) break;
  }
  return false;
}
