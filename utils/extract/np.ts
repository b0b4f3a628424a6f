import { ANON_HEADS, DETERMINERS, ROLE_NOUNS, TITLES } from './lexicon';
import { affiliationAt, bare, isCapitalised, MODIFIERS } from './names';
import { npBackward } from './np-backward';
import type { NP } from './np-core';
import { npForward } from './np-forward';
import { isUpper, type Token, tokenize } from './text';

export * from './np-core';
export { npBackward, npForward };

// ---------------------------------------------------------------------------------------------
// Resolution

/** Lower-cases the first letter of a description unless it is a proper noun. */
export function describe(np: NP): string {
  let s = np.text;
  const first = np.tokens[0] as Token;
  const fb = bare(first.text);
  const common =
    DETERMINERS.has(fb) ||
    ANON_HEADS.has(fb) ||
    ROLE_NOUNS.has(fb) ||
    ANON_HEADS.has(fb.replace(/s$/, '')) ||
    MODIFIERS.has(fb);
  if (common && isUpper(s[0]) && first.text.slice(1) === first.text.slice(1).toLowerCase())
    s = s[0]?.toLowerCase() + s.slice(1);
  return s;
}

/**
 * Names coordinated with `np` ("Maria Lopez and Tom Reid said", "said Ana Silva, Tom Reid and
 * Jo Park"): a speaker named by a coordination of personal names is the group of them, not its
 * nearest conjunct. Returns the phrase widened over the coordination, with its conjuncts, or null
 * when `np` is not one name of such a coordination. Only capitalised names count as conjuncts
 * ("the mayor and the auditor" are two reports more often than one joint speaker).
 */
export function coordination(text: string, np: NP): (NP & { conjuncts?: NP[] }) | null {
  // a phrase of titles only ("Deputy Prime Minister") names an office, not a person
  const isName = (x: NP | null): x is NP =>
    x !== null &&
    x.kind === 'person' &&
    x.det === '' &&
    isCapitalised((x.tokens[x.head] as Token).text) &&
    !x.tokens.every((t) => TITLES.has(bare(t.text)));
  if (!isName(np)) return affiliatedPerson(text, np);
  const parts: NP[] = [np];
  // leftwards: "A, B and np" / "A and np"
  let left = np.start;
  let sawAnd = false;
  for (let n = 0; n < 4; n++) {
    const before = text.slice(Math.max(0, left - 8), left);
    const m = /(?:,\s*and|\s+and|,)\s+$/.exec(before);
    if (!m || (m[0].trim() === ',' && !sawAnd && parts.length === 1)) break;
    const cut = left - m[0].length;
    const prev = npBackward(text, cut, Math.max(0, cut - 60));
    if (!isName(prev) || prev.end !== cut) break;
    // "Priya Nair of Ernst and Young": "and" joins the names inside the person's phrase of
    // affiliation, not two speakers; the person speaks
    if (affiliationAt(tokenize(text, prev.start, prev.end).map((t) => t.text)) > 0) {
      if (parts.length > 1 || m[0].trim() !== 'and') break;
      return { ...prev, end: np.end, text: text.slice(prev.start, np.end) };
    }
    if (m[0].includes('and')) sawAnd = true;
    parts.unshift(prev);
    left = prev.start;
    if (m[0].includes('and') && n > 0) break;
  }
  // rightwards: "np and B", "np, B and C"
  let right = np.end;
  for (let n = 0; n < 4 && !sawAnd; n++) {
    const after = text.slice(right, right + 8);
    const m = /^(?:,?\s+and\s+|,\s+)/.exec(after);
    if (!m) break;
    const at = right + m[0].length;
    const next = npForward(text, at, Math.min(text.length, at + 60), false);
    if (!isName(next) || next.start !== at) break;
    parts.push(next);
    right = next.end;
    if (m[0].includes('and')) sawAnd = true;
  }
  if (parts.length < 2 || !sawAnd) return null;
  const first = parts[0] as NP;
  const last = parts[parts.length - 1] as NP;
  return {
    ...np,
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
    tokens: parts.flatMap((x) => x.tokens),
    head: parts.slice(0, -1).reduce((a, x) => a + x.tokens.length, 0) + last.head,
    conjuncts: parts,
  };
}

/**
 * "Tom Reid of The Globe and Mail said": a body's name with "and" inside it ends the phrase of a
 * person's affiliation, and the person speaks; null when the words before " and " are no such
 * phrase.
 */
function affiliatedPerson(text: string, np: NP): NP | null {
  if (np.kind !== 'pub' && np.kind !== 'org') return null;
  const m = /\s+and\s+$/.exec(text.slice(Math.max(0, np.start - 8), np.start));
  if (!m) return null;
  const cut = np.start - m[0].length;
  const prev = npBackward(text, cut, Math.max(0, cut - 80));
  if (!prev || prev.end !== cut || prev.kind !== 'person') return null;
  const words = tokenize(text, prev.start, prev.end).map((t) => t.text);
  return affiliationAt(words) > 0 ? { ...prev, end: np.end, text: text.slice(prev.start, np.end) } : null;
}
