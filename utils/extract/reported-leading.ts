/**
 * Leading attributions in the reported-speech pass: NP V (that) CLAUSE, with an addressee or a
 * phrase between verb and clause, "As NP V, CLAUSE", a subject shared by a coordinated verb, and
 * a participial second report (", noting that …").
 */

import { isEvidentialVerb } from './cues';
import { clauseAt, clauseEnd, clauseStart } from './reported-clause';
import { determinerOnly, npBackwardFrom } from './reported-np';
import { agentive, subjectBefore } from './reported-subject';
import {
  candidate,
  cueText,
  hasFinite,
  NP_INNER,
  type ReportedCandidate,
  reportingForm,
  type Span,
  type Tagged,
} from './reported-tags';

/** NP V (that) CLAUSE, and what follows it in the same sentence. */
export function leading(
  text: string,
  toks: Tagged[],
  v: number,
  end: number,
  para: number,
  inherited: Span | null = null,
): ReportedCandidate[] | null {
  // "As the mayor told reporters, …" (a participle tag there is the tagger's slip for the past)
  const asClause = /^as$/i.test((toks[0] as Tagged).text);
  if (!reportingForm(toks, v) && !(asClause && (toks[v] as Tagged).tag === 'VBN')) return null;
  let subj = subjectBefore(toks, v, 0);
  // "They claimed A and claim B": a verb right after a conjunction shares the last subject
  if (!subj && inherited) {
    let c = v - 1;
    while (c > 0 && (toks[c] as Tagged).tag === 'RB') c--;
    if ((toks[c] as Tagged | undefined)?.tag === 'CC') subj = inherited;
  }
  if (!subj) return null;
  // "As the mayor told reporters, the bridge is safe": the clause after the comma
  if (subj.from === 1 && asClause) {
    let comma = v + 1;
    while (comma < end && (toks[comma] as Tagged).text !== ',') comma++;
    if (comma >= end - 1 || comma > v + 8 || !clauseAt(toks, comma + 1, end)) return null;
    const e = clauseEnd(toks, comma + 1, end).to;
    const c = candidate(toks, comma + 1, e, subj, cueText(text, toks, v, comma), para);
    return c ? [c] : null;
  }
  if (isEvidentialVerb((toks[v] as Tagged).lemma) && !agentive(toks, subj)) return null;
  // "the official who said", "to say": not a subject of the verb's own clause; "Those around
  // Trump admit": a noun phrase with a post-modifier, whose head is not the nearest noun
  const before = toks[subj.from - 1];
  if (before && (before.tag === 'WP' || before.tag === 'WDT' || before.tag === 'TO' || before.tag === 'POS'))
    return null;
  let subject: Span = subj;
  // "…, Tom Reid, who said": the antecedent of a relative pronoun is the subject as it stands,
  // whatever precedes it ("the resignation of Tom Reid, who said …")
  const relative =
    (toks[subj.to] as Tagged | undefined)?.text === ',' &&
    (toks[subj.to + 1] as Tagged | undefined)?.tag === 'WP';
  if (
    !relative &&
    before &&
    before.tag === 'IN' &&
    subj.from >= 2 &&
    NP_INNER.has((toks[subj.from - 2] as Tagged).tag)
  ) {
    // "Those around the mayor say", "a number of insiders in early states said": the whole
    // noun phrase from the start of the clause; its head is the first noun phrase ("of" keeps
    // the whole: "a majority of insiders")
    const headNp = npBackwardFrom(toks, subj.from - 2, 0, false) ?? determinerOnly(toks, subj.from - 2);
    if (!headNp) return null;
    const ahead = toks[headNp.from - 1];
    if (ahead && !(ahead.tag === 'CC' || ahead.text === ',' || ahead.tag === 'RB')) return null;
    subject = {
      from: headNp.from,
      to: subj.to,
      headTo: before.text.toLowerCase() === 'of' ? subj.to : headNp.to,
    };
  }
  const cs = clauseStart(toks, v, end);
  if (!cs) return null;
  if (!cs.that && !clauseAt(toks, cs.at, end)) return null;
  const { to, next } = clauseEnd(toks, cs.at, end);
  if (!hasFinite(toks, cs.at, to)) return null;
  const cueTo = cs.that ? cs.at - 1 : cs.at;
  const cue = cueText(text, toks, v, cueTo).replace(/[\s,]+$/, '');
  const first = candidate(toks, cs.at, to, subject, cue, para);
  if (!first) return null;
  const out = [first];
  // "…, noting that staff are exhausted": a second report by the same subject
  if (next === 'ing') {
    const g = to + 1;
    const cs2 = clauseStart(toks, g, end);
    if (cs2 && (cs2.that || clauseAt(toks, cs2.at, end))) {
      const e2 = clauseEnd(toks, cs2.at, end).to;
      if (hasFinite(toks, cs2.at, e2)) {
        const c2 = candidate(toks, cs2.at, e2, subject, (toks[g] as Tagged).text, para);
        if (c2) out.push(c2);
      }
    }
  }
  return out;
}
