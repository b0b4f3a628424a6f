/**
 * Framing attributions after the clause in the word-pattern pass: CLAUSE, according to X.
 * CLAUSE, X said.  CLAUSE, said X.  (the tail is read by attribution.ts), with a discourse
 * marker opening the clause left out.
 */

import { type Attribution, speakerLike, tailAttribution } from './attribution';
import {
  type IndirectCandidate,
  type IndirectSentence,
  looksLikeClause,
  trimClause,
} from './indirect-clause';
import { isQuoteMark } from './sentence-split';
import { isSpace, tokenize } from './text';

/** CLAUSE, according to X.  /  CLAUSE, X said.  /  CLAUSE, said X. */
export function trailingFrame(s: IndirectSentence): IndirectCandidate | null {
  const { text } = s;
  let e = s.end;
  // (a bracketed sentence ends with its closing bracket)
  const bracketed = text[s.start] === '(';
  while (
    e > s.start &&
    (text[e - 1] === '.' || isSpace(text[e - 1]) || text[e - 1] === '!' || (bracketed && text[e - 1] === ')'))
  )
    e--;
  // "CLAUSE, the report says — also in line with …": the attribution may end at a spaced dash
  const dash = text.slice(s.start, e).search(/ (\u2014|\u2013|--) /);
  return frameBefore(s, e) ?? (dash > 0 ? frameBefore(s, s.start + dash) : null);
}

/** CLAUSE, ATTRIBUTION ending at `e`. */
function frameBefore(s: IndirectSentence, e: number): IndirectCandidate | null {
  const { text } = s;
  // find the last comma before e with an attribution tail
  let commas = 0;
  for (let i = e - 1; i > s.start && i > e - 200 && commas < 3; i--) {
    if (text[i] !== ',') continue;
    commas++;
    if (s.inside(i)) break;
    const tail = tailAttribution(text, i + 1, e) ?? beforeAdjunct(s, i + 1, e);
    if (!tail) continue;
    return framedClause(s, i, tail);
  }
  return null;
}

/**
 * "CLAUSE, the Ledger reported, down from 19% a week earlier.", "CLAUSE, the operator said, citing
 * repairs.": an attribution followed by a verbless or participial adjunct frames the clause all
 * the same.
 */
function beforeAdjunct(s: IndirectSentence, from: number, e: number): Attribution | null {
  const { text } = s;
  const j = text.indexOf(',', from);
  if (j < 0 || j >= e || s.inside(j)) return null;
  const rest = tokenize(text, j + 1, e);
  if (rest.length === 0) return null;
  // "CLAUSE, the operator said, citing repairs." / "…, adding that …": a participial adjunct of
  // the attribution, whatever it holds
  const participle = /^\p{Ll}+ing$/u.test((rest[0] as { text: string }).text);
  if (!participle && looksLikeClause(rest)) return null;
  return tailAttribution(text, from, j);
}

/** The clause before the comma at `comma`, attributed to the tail after it. */
function framedClause(s: IndirectSentence, comma: number, tail: Attribution): IndirectCandidate | null {
  const { text } = s;
  if (
    !tail.np ||
    !(tail.cue.info === null || tail.cue.info.clause) ||
    !(speakerLike(tail.np) || tail.cue.info === null)
  )
    return null;
  const [cs0, ce] = trimClause(text, s.start, comma);
  const cs = skipDiscourseMarker(text, cs0, ce);
  if (ce <= cs || isQuoteMark(text[cs])) return null;
  const body = tokenize(text, cs, ce);
  if (!looksLikeClause(body)) return null;
  return {
    start: cs,
    end: ce,
    np: tail.np,
    cue: tail.cue.text,
    para: s.p.index,
    continuesPrev: false,
  };
}

const DISCOURSE = [
  'of course',
  'however',
  'still',
  'indeed',
  'meanwhile',
  'in fact',
  'moreover',
  'nonetheless',
  'nevertheless',
  'furthermore',
  'but',
  'and',
  'yet',
  'so',
];

/** "Of course, the very quality …" → "the very quality …". */
function skipDiscourseMarker(text: string, s: number, e: number): number {
  const head = text.slice(s, Math.min(e, s + 16)).toLowerCase();
  for (const d of DISCOURSE) {
    if (head.startsWith(`${d},`)) return skipSp(text, s + d.length + 1, e);
    if ((d === 'but' || d === 'and' || d === 'yet' || d === 'so') && head.startsWith(`${d} `))
      return skipSp(text, s + d.length + 1, e);
  }
  return s;
}

function skipSp(text: string, i: number, e: number): number {
  while (i < e && isSpace(text[i])) i++;
  return i;
}
