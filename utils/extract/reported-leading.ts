/**
 * Leading attributions in the reported-speech pass: NP V (that) CLAUSE, with an addressee or a
 * phrase between verb and clause, "As NP V, CLAUSE", a subject shared by a coordinated verb, and
 * a participial second report (", noting that …").
 */

import { isEvidentialVerb } from './cues';
import { FOCUS_ADVERBS } from './lexicon';
import { clauseAt, clauseEnd, clauseStart } from './reported-clause';
import { npForward } from './reported-np';
import { agentive, postModifiedSubject, subjectBefore } from './reported-subject';
import {
  candidate,
  cueText,
  hasFinite,
  implicativeHead,
  isFiniteTag,
  mandativeAt,
  type ReportedCandidate,
  reportingForm,
  type Span,
  type Tagged,
  type VerbSite,
} from './reported-tags';

/** NP V (that) CLAUSE, and what follows it in the same sentence. */
export function leading(site: VerbSite, inherited: Span | null = null): ReportedCandidate[] | null {
  const { toks, v } = site;
  // "As the mayor told reporters, …" (a participle tag there is the tagger's slip for the past)
  const asClause = /^as$/i.test((toks[0] as Tagged).text);
  const ing = (toks[v] as Tagged).tag === 'VBG';
  if (!reportingForm(toks, v) && !ing && !(asClause && (toks[v] as Tagged).tag === 'VBN')) return null;
  if (ing) {
    const adjunct = adjunctReport(site);
    if (adjunct) return adjunct;
  }
  const head = implicativeHead(toks, v);
  const subj =
    subjectBefore(toks, head >= 0 ? head : v, 0) ?? (ing ? null : sharedSubject(toks, v, inherited));
  if (!subj) return null;
  // "…, with the auditor reporting B": a participle reports only in an absolute clause, whose
  // subject follows "with"
  if (ing && !/^with$/i.test(toks[subj.from - 1]?.text ?? '')) return null;
  if (subj.from === 1 && asClause) return asReport(site, subj);
  if (isEvidentialVerb((toks[v] as Tagged).lemma) && !agentive(toks, subj)) return null;
  // "rejected what it said was a final offer": a free relative whose predicate is the report
  const what = whatReport(site, subj);
  if (what) return what;
  // "the official who said", "to say": not a subject of the verb's own clause
  const before = toks[subj.from - 1];
  if (before && (before.tag === 'WP' || before.tag === 'WDT' || before.tag === 'TO' || before.tag === 'POS'))
    return null;
  const subject = postModifiedSubject(toks, subj);
  if (!subject) return null;
  const first = clauseAfter(site, subject);
  if (!first) return null;
  const out = [first.candidate];
  // "…, noting that staff are exhausted": a second report by the same subject
  if (first.next === 'ing') {
    const c2 = participialReport(site, first.to + 1, subject);
    if (c2) out.push(c2);
  }
  return out;
}

/**
 * "The union rejected what it said was a final offer", "in what the museum says is a symbol of
 * hope": after "what", a subject, a reporting verb and a finite "be", the predicate is the report
 * ("was a final offer"). "two projects, which officials said could be finished by June": after a
 * relative pronoun, a subject and a reporting verb, a finite verb with no subject of its own shows
 * the pronoun is the reported clause's subject; the rest of that clause is the report, up to the
 * comma that closes a relative clause opened by one.
 */
function whatReport(site: VerbSite, subj: Span): ReportedCandidate[] | null {
  const { text, toks, v, end, para } = site;
  const pronoun = toks[subj.from - 1];
  const what = /^what$/i.test(pronoun?.text ?? '');
  // (not "on which the court ruled", "whom": a pronoun that is an object is no clause's subject)
  const relative =
    !what &&
    (pronoun?.tag === 'WDT' || pronoun?.tag === 'WP') &&
    !/^whom$/i.test(pronoun.text) &&
    toks[subj.from - 2]?.tag !== 'IN';
  if (!what && !relative) return null;
  const gap = toks[v + 1];
  if (!gap || !isFiniteTag(gap.tag) || (what && gap.lemma !== 'be')) return null;
  let to = clauseEnd(toks, v + 1, end).to;
  if (relative && toks[subj.from - 2]?.text === ',') {
    const comma = toks.findIndex((t, i) => i > v + 1 && i < to && t.text === ',');
    if (comma > 0) to = comma;
  }
  const c = candidate(toks, v + 1, to, subj, cueText(text, toks, v, v + 1), para);
  return c ? [c] : null;
}

/**
 * "The airline apologised, saying it had hired 300 pilots": a participle of saying after a comma
 * closing the main clause is a free adjunct whose subject is that clause's subject (one that can
 * say something: "Sales fell, suggesting that …" reports nothing). The subject opens the sentence
 * or follows a fronted phrase and its comma.
 */
function adjunctReport(site: VerbSite): ReportedCandidate[] | null {
  const { toks, v } = site;
  let c = v - 1;
  if (FOCUS_ADVERBS.has((toks[c] as Tagged | undefined)?.text.toLowerCase() ?? '')) c--;
  if (c < 2 || (toks[c] as Tagged).text !== ',') return null;
  for (let f = 1; f < c; f++) {
    if (!isFiniteTag((toks[f] as Tagged).tag)) continue;
    const subj = subjectBefore(toks, f, 0);
    if (!subj || (subj.from > 0 && (toks[subj.from - 1] as Tagged).text !== ',')) continue;
    if (!agentive(toks, subj)) return null;
    const first = clauseAfter(site, subj);
    return first ? [first.candidate] : null;
  }
  return null;
}

/** "They claimed A and claim B": a verb right after a conjunction shares the last subject. */
function sharedSubject(toks: Tagged[], v: number, inherited: Span | null): Span | null {
  let c = v - 1;
  while (c > 0 && (toks[c] as Tagged).tag === 'RB') c--;
  if ((toks[c] as Tagged | undefined)?.tag !== 'CC') return null;
  if (inherited) return inherited;
  // "Acme has a new phone but argues that …": the subject of the sentence's first verb, when
  // it opens the sentence
  let f = 0;
  while (f < c && !isFiniteTag((toks[f] as Tagged).tag)) f++;
  if (f >= c) return null;
  const subj = subjectBefore(toks, f, 0);
  return subj && subj.from === 0 ? subj : null;
}

/** "As the mayor told reporters, the bridge is safe": the clause after the comma. */
function asReport(site: VerbSite, subj: Span): ReportedCandidate[] | null {
  const { text, toks, v, end, para } = site;
  let comma = v + 1;
  while (comma < end && (toks[comma] as Tagged).text !== ',') comma++;
  if (comma >= end - 1 || comma > v + 8 || !clauseAt(toks, comma + 1, end)) return null;
  const e = clauseEnd(toks, comma + 1, end).to;
  const c = candidate(toks, comma + 1, e, subj, cueText(text, toks, v, comma), para);
  return c ? [c] : null;
}

/** The reported clause after the verb: its candidate, where it ends, and what comes next. */
function clauseAfter(
  site: VerbSite,
  subject: Span,
): { candidate: ReportedCandidate; to: number; next: 'ing' | 'and' | null } | null {
  const { text, toks, v, end, para } = site;
  const cs = clauseStart(toks, v, end);
  if (!cs) return null;
  if (!cs.that && !clauseAt(toks, cs.at, end)) return null;
  let { to, next } = clauseEnd(toks, cs.at, end);
  // "The mayor, who said the budget was balanced, resigned": in a relative clause set off by
  // commas, the report ends where the main clause's verb resumes after a comma
  if (inRelative(toks, v)) {
    for (let i = cs.at + 1; i < to; i++) {
      const nx = toks[i + 1];
      if ((toks[i] as Tagged).text === ',' && nx && /^(VBD|VBN|VBZ|VBP|MD)$/.test(nx.tag)) {
        to = i;
        next = null;
        break;
      }
    }
  }
  // "The official who said the bridge was safe resigned": in a restrictive relative clause on the
  // sentence's subject, the report ends where the main clause's verb comes
  if (inSubjectRelative(toks, v)) {
    const main = mainVerbAfter(toks, cs.at, to);
    if (main > 0) {
      to = main;
      next = null;
    }
  }
  // "With the mayor saying A, traffic resumed": a fronted absolute clause ends before the main one
  if ((toks[v] as Tagged).tag === 'VBG' && subject.from === 1) {
    for (let i = cs.at + 1; i < to; i++) {
      if ((toks[i] as Tagged).text === ',' && clauseAt(toks, i + 1, end)) {
        to = i;
        next = null;
        break;
      }
    }
  }
  const subj = cs.that && subjunctive(toks, cs.at, to);
  if (!hasFinite(toks, cs.at, to) && !subj) return null;
  // a mandative verb reports only a demand: a subjunctive clause or one with "should"
  if (mandativeAt(toks, v) && !subj && !toks.slice(cs.at, to).some((t) => t.lemma === 'should')) return null;
  const cueTo = cs.that ? cs.at - 1 : cs.at;
  const cue = cueText(text, toks, v, cueTo).replace(/[\s,]+$/, '');
  const first = candidate(toks, cs.at, to, subject, cue, para);
  return first ? { candidate: first, to, next } : null;
}

/**
 * "demanded that the mayor resign", "insisted that the report be published": after "that", a
 * subject then a base-form verb is the mandative subjunctive, a clause without a finite verb.
 */
function subjunctive(toks: Tagged[], from: number, to: number): boolean {
  const np = npForward(toks, from, to);
  if (!np) return false;
  let i = np.to;
  while (i < to && (toks[i] as Tagged).tag === 'RB') i++;
  const verb = toks[i];
  // a plural subject's base form is tagged as the present ("drivers avoid"): the form decides
  return (
    i < to &&
    verb !== undefined &&
    (verb.tag === 'VB' || (verb.tag === 'VBP' && verb.text.toLowerCase() === verb.lemma))
  );
}

/**
 * The relative pronoun that opens the clause of the verb at `v` ("who said", "who has long
 * argued"), past adverbs and auxiliaries: its index, or -1.
 */
function relativeBefore(toks: Tagged[], v: number): number {
  let j = v - 1;
  while (j > 0 && /^(RB|VBZ|VBD|VBP|MD)$/.test((toks[j] as Tagged).tag)) j--;
  const rel = toks[j];
  return rel !== undefined && (rel.tag === 'WP' || rel.tag === 'WDT') ? j : -1;
}

/** The verb at `v` is in a relative clause after a comma (", who said", ", who has long argued"). */
function inRelative(toks: Tagged[], v: number): boolean {
  const j = relativeBefore(toks, v);
  return j > 0 && (toks[j - 1] as Tagged).text === ',';
}

/** The verb at `v` is in a restrictive relative clause ("who said") before the sentence's main verb. */
function inSubjectRelative(toks: Tagged[], v: number): boolean {
  const j = relativeBefore(toks, v);
  if (j < 0 || !/^(who|that|which)$/i.test((toks[j] as Tagged).text)) return false;
  if ((toks[j - 1] as Tagged | undefined)?.text === ',') return false;
  return !hasFinite(toks, 0, j);
}

/**
 * The second finite verb of the clause [from, to) that follows neither a conjunction, a comma, a
 * relative or subordinating word nor a noun or pronoun that could be its own subject: the main
 * clause's verb resuming ("… the bridge was safe resigned"). -1 when none.
 */
function mainVerbAfter(toks: Tagged[], from: number, to: number): number {
  let seen = false;
  for (let i = from; i < to; i++) {
    const prev = toks[i - 1] as Tagged;
    // (a past participle with no auxiliary before it is the tagger's slip for the main verb's past:
    // "was safe resigned/VBN")
    const slip = seen && toks[i]?.tag === 'VBN' && !/^(be|have|get)$/.test(prev.lemma) && prev.tag !== 'RB';
    if (!isFiniteTag((toks[i] as Tagged).tag) && !slip) continue;
    if (!seen) {
      seen = true;
      continue;
    }
    if (!/^(CC|,|:|WDT|WP|IN|PRP|EX|MD|TO|VB[DZP]?|NNP?S?|CD)$/.test(prev.tag) && prev.text !== ',') return i;
  }
  return -1;
}

/** The clause of a participial report at token `g` (", noting that …"), by the same subject. */
function participialReport(site: VerbSite, g: number, subject: Span): ReportedCandidate | null {
  const { toks, end, para } = site;
  const cs2 = clauseStart(toks, g, end);
  if (!cs2 || !(cs2.that || clauseAt(toks, cs2.at, end))) return null;
  const e2 = clauseEnd(toks, cs2.at, end).to;
  if (!hasFinite(toks, cs2.at, e2)) return null;
  return candidate(toks, cs2.at, e2, subject, (toks[g] as Tagged).text, para);
}
