/**
 * Source phrases ("according to X"): a clause attributed by a prepositional phrase naming its
 * source, before or after it, rather than by a reporting verb.
 */

import { clauseAt, clauseEnd } from './reported-clause';
import { npForward } from './reported-np';
import { candidate, hasFinite, type ReportedCandidate, type Span, type Tagged } from './reported-tags';

/**
 * "According to NP(,) CLAUSE."  "CLAUSE, according to NP."  The source of a document is its author:
 * "according to a survey released Monday by the Transit Council" is the council's.
 */
export function accordingTo(toks: Tagged[], end: number, para: number): ReportedCandidate[] | null {
  for (let k = 0; k + 2 < end; k++) {
    if (
      (toks[k] as Tagged).text.toLowerCase() !== 'according' ||
      (toks[k + 1] as Tagged).text.toLowerCase() !== 'to'
    )
      continue;
    const np = npForward(toks, k + 2, end);
    if (!np) return null;
    const source = authorOf(toks, np, end);
    let after = source.after;
    if (k === 0) {
      if (after < end && (toks[after] as Tagged).text === ',') after++;
      if (!clauseAt(toks, after, end)) return null;
      const c = candidate(toks, after, clauseEnd(toks, after, end).to, source.span, 'according to', para);
      return c ? [c] : null;
    }
    // "…, according to X." — or with no comma after a finite clause when X is a determined or
    // named source ("… attended the event according to the event website"; not "according to plan")
    const first = toks[source.span.from] as Tagged | undefined;
    const named = toks
      .slice(source.span.from, source.span.to)
      .some((x) => x.tag === 'NNP' || x.tag === 'NNPS');
    const sourceLike = named || first?.tag === 'DT' || first?.tag === 'PRP$';
    const comma = (toks[k - 1] as Tagged).text === ',';
    if ((!comma && !sourceLike) || after < end) return null;
    const clauseTo = comma ? k - 1 : k;
    if (!hasFinite(toks, 0, clauseTo)) return null;
    const c = candidate(toks, 0, clauseTo, source.span, 'according to', para);
    return c ? [c] : null;
  }
  return null;
}

/** The noun phrase's author when it is a document "released by X", "published by X", or itself. */
function authorOf(toks: Tagged[], np: Span, end: number): { span: Span; after: number } {
  let i = np.to;
  // "of X" belongs to the noun phrase: "the head of the agency"
  if (i < end && (toks[i] as Tagged).text.toLowerCase() === 'of') {
    const inner = npForward(toks, i + 1, end);
    if (inner) i = inner.to;
  }
  const full: Span = { from: np.from, to: i, headTo: np.to };
  const v = toks[i];
  if (v && v.tag === 'VBN') {
    for (let k = i + 1; k < end && k < i + 6; k++) {
      if ((toks[k] as Tagged).text.toLowerCase() === 'by') {
        const by = npForward(toks, k + 1, end);
        if (by) return { span: by, after: by.to };
        break;
      }
    }
  }
  return { span: np.to === i ? np : full, after: i };
}
