/**
 * Trailing and interposed attributions in the reported-speech pass: CLAUSE, NP V.  CLAUSE, V NP.
 * X, NP V, Y.
 */

import { clauseAt, clauseEnd, clauseStart } from './reported-clause';
import { npBackwardFrom, npForward } from './reported-np';
import { subjectBefore } from './reported-subject';
import {
  candidate,
  cueText,
  hasFinite,
  isFiniteTag,
  pastSlip,
  type ReportedCandidate,
  type Tagged,
  type VerbSite,
} from './reported-tags';

/** CLAUSE, NP V.   CLAUSE, V NP.   (the attribution closes the sentence) */
export function trailing(site: VerbSite): ReportedCandidate[] | null {
  const { text, toks, v, end, para } = site;
  // after the verb: nothing, or a short tail ("in a statement", "on Monday", "told reporters")
  const tailOk = (k: number): boolean => {
    if (k >= end) return true;
    // "…, the sources said, and a deal is unlikely": the writer's next clause follows
    if ((toks[k] as Tagged).text === ',' && (toks[k + 1] as Tagged | undefined)?.tag === 'CC') return true;
    const cs = clauseStart(toks, k - 1, end);
    return cs !== null && cs.at >= end;
  };
  // CLAUSE, NP V
  let subj = subjectBefore(toks, v, 0);
  // "…, a spokesman for the council said": the subject's head comes before its post-modifier
  if (subj && subj.from >= 3 && (toks[subj.from - 1] as Tagged).tag === 'IN') {
    const headNp = npBackwardFrom(toks, subj.from - 2, 0, false);
    if (headNp && headNp.from >= 2 && (toks[headNp.from - 1] as Tagged).text === ',')
      subj = { from: headNp.from, to: subj.to, headTo: headNp.to };
  }
  if (subj && subj.from >= 2 && (toks[subj.from - 1] as Tagged).text === ',') {
    const comma = subj.from - 1;
    if (tailOk(v + 1) && hasFinite(toks, 0, comma) && clauseOrAside(toks, comma)) {
      const c = candidate(toks, 0, comma, subj, cueText(text, toks, v, Math.min(end, v + 1)), para);
      return c ? [c] : null;
    }
  }
  // CLAUSE, V NP  ("said Tom Reid, a spokesman for the operator")
  if (v >= 2 && (toks[v - 1] as Tagged).text === ',') {
    let np = npForward(toks, v + 1, end);
    // "said a spokeswoman for the operator": one post-modifying phrase
    if (np && np.to < end && (toks[np.to] as Tagged).tag === 'IN') {
      const pp = npForward(toks, np.to + 1, end);
      if (pp && (pp.to >= end || (toks[pp.to] as Tagged).text === ','))
        np = { from: np.from, to: pp.to, headTo: np.to };
    }
    if (np && (np.to >= end || (toks[np.to] as Tagged).text === ',')) {
      const comma = v - 1;
      if (hasFinite(toks, 0, comma) && clauseOrAside(toks, comma)) {
        const c = candidate(toks, 0, comma, np, (toks[v] as Tagged).text, para);
        return c ? [c] : null;
      }
    }
  }
  return null;
}

/**
 * A clause opens the sentence and ends before `to`: its subject may carry an aside between commas,
 * dashes or brackets ("The bridge, the oldest in the city, is unsafe").
 */
function clauseOrAside(toks: Tagged[], to: number): boolean {
  if (clauseAt(toks, 0, to)) return true;
  const np = npForward(toks, 0, to);
  const open = np ? toks[np.to] : undefined;
  if (!np || !open || !/^(,|\u2014|\u2013|--|\(|-LRB-)$/.test(open.text)) return false;
  const closer =
    open.text === '(' || open.text === '-LRB-'
      ? /^(\)|-RRB-)$/
      : new RegExp(`^${open.text === ',' ? ',' : open.text}$`);
  for (let i = np.to + 1; i < to && i < np.to + 14; i++) {
    if (!closer.test((toks[i] as Tagged).text)) continue;
    let f = i + 1;
    while (f < to && (toks[f] as Tagged).tag === 'RB') f++;
    return f < to && (isFiniteTag((toks[f] as Tagged).tag) || (toks[f] as Tagged).tag === 'MD');
  }
  return false;
}

/** X, NP V, Y.   (the attribution interrupts the clause) */
export function interposed(site: VerbSite): ReportedCandidate[] | null {
  const { toks, v, end, para } = site;
  const subj = subjectBefore(toks, v, 0);
  if (!subj || subj.from < 2 || (toks[subj.from - 1] as Tagged).text !== ',') return null;
  if ((toks[v + 1] as Tagged | undefined)?.text !== ',') return null;
  const comma1 = subj.from - 1;
  const rest = v + 2;
  if (rest >= end) return null;
  // "So far, insiders said, Pence has done well": a fronted adverbial with no verb of its own,
  // then the attribution, then the whole reported clause
  if (!hasFinite(toks, 0, comma1) && clauseAt(toks, rest, end)) {
    const c = candidate(toks, rest, clauseEnd(toks, rest, end).to, subj, (toks[v] as Tagged).text, para);
    return c ? [c] : null;
  }
  // "If all homes met the standard, Reid added, the city could …": a fronted subordinate clause
  // (a conjunction opens it) before the attribution, the main clause after it; both reported
  const t0 = toks[0] as Tagged;
  if ((t0.tag === 'IN' || t0.tag === 'WRB') && !/^that$/i.test(t0.text) && hasFinite(toks, 0, comma1)) {
    if (!clauseAt(toks, rest, end)) return null;
    const cue = (toks[v] as Tagged).text;
    const a = candidate(toks, 0, comma1, subj, cue, para);
    const b = candidate(toks, rest, clauseEnd(toks, rest, end).to, subj, cue, para, true);
    return a && b ? [a, b] : null;
  }
  // "There is no evidence, Reid insisted, that the vote was rigged": a clause whose noun takes
  // the "that" clause after the attribution; both parts are reported
  if (
    hasFinite(toks, 0, comma1) &&
    (toks[rest] as Tagged).text.toLowerCase() === 'that' &&
    clauseAt(toks, rest + 1, end)
  ) {
    const cue = (toks[v] as Tagged).text;
    const a = candidate(toks, 0, comma1, subj, cue, para);
    const b = candidate(toks, rest, clauseEnd(toks, rest + 1, end).to, subj, cue, para, true);
    return a && b ? [a, b] : null;
  }
  // X is the clause's subject (a noun phrase or more), Y its predicate, with the finite verb (a
  // participle opening Y is the tagger's slip for the past: "The suspect, police say, fled")
  const y = toks[rest] as Tagged;
  const slip = pastSlip(y);
  if ((!hasFinite(toks, rest, end) && !slip) || hasFinite(toks, 0, comma1)) return null;
  if (!isFiniteTag(y.tag) && y.tag !== 'RB' && !slip) return null;
  const cue = (toks[v] as Tagged).text;
  const a = candidate(toks, 0, comma1, subj, cue, para);
  const b = candidate(toks, rest, clauseEnd(toks, rest, end).to, subj, cue, para, true);
  return a && b ? [a, b] : null;
}
