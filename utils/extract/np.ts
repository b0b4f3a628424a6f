/**
 * Noun phrases around a cue, read by words: forward and backward in bounded windows, their kind
 * (person, anonymous, organisation, publication, document, pronoun), coordination.
 */

import { cueVerb } from './cues';
import {
  ANON_HEADS,
  CAPITAL_STOPWORDS,
  DETERMINERS,
  DOC_HEADS,
  NAME_PARTICLES,
  NON_PERSON_WORDS,
  ORG_HEADS,
  POSSESSIVE_PRONOUNS,
  PUBLICATION_TAILS,
  PUBLICATIONS,
  ROLE_NOUNS,
  SUBJECT_PRONOUNS,
  TITLES,
} from './lexicon';
import {
  affiliationAt,
  bare,
  type EntityKind,
  isCapitalised,
  MODIFIERS,
  onlySpacesBetween,
  startsTimeExpression,
} from './names';
import { isLower, isPossessive, isSpace, isUpper, stripPossessive, type Token, tokenize } from './text';

export interface NP {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Index into tokens of the head word. */
  head: number;
  kind: EntityKind;
  /** Determiner at the left edge ("the", "a", "three", "his"), lower-cased, or ''. */
  det: string;
}

export function classify(tokens: Token[], det: string): { kind: EntityKind; head: number } {
  const n = tokens.length;
  const last = tokens[n - 1] as Token;
  const lastBare = bare(last.text);
  if (
    n === 1 &&
    (SUBJECT_PRONOUNS.has(lastBare) || POSSESSIVE_PRONOUNS.has(lastBare) || lastBare === 'whose')
  ) {
    return { kind: 'pronoun', head: 0 };
  }
  // "Officials", "Critics", "Sources", "The report" capitalised only by sentence position
  if (n === 1 && isCapitalised(last.text) && last.text.slice(1) === last.text.slice(1).toLowerCase()) {
    const low = lastBare;
    const sing = low.endsWith('s') ? low.slice(0, -1) : low;
    if (ANON_HEADS.has(low) || ANON_HEADS.has(sing) || ROLE_NOUNS.has(low) || ROLE_NOUNS.has(sing))
      return { kind: 'anon', head: 0 };
    if (DOC_HEADS.has(low) || DOC_HEADS.has(sing)) return { kind: 'doc', head: 0 };
    if (ORG_HEADS.has(low)) return { kind: 'org', head: 0 };
  }
  if (isCapitalised(last.text)) {
    const lastW = stripPossessive(last.text);
    if (PUBLICATIONS.has(lastW) || PUBLICATION_TAILS.has(lastW)) return { kind: 'pub', head: n - 1 };
    return { kind: 'person', head: n - 1 };
  }
  if (DOC_HEADS.has(lastBare)) return { kind: 'doc', head: n - 1 };
  if (ORG_HEADS.has(lastBare)) return { kind: 'org', head: n - 1 };
  if (ANON_HEADS.has(lastBare) || ROLE_NOUNS.has(lastBare)) {
    return { kind: det === 'the' || det === 'this' || det === 'that' ? 'person' : 'anon', head: n - 1 };
  }
  return { kind: 'anon', head: n - 1 };
}

/** Words that may start a post-modifier of an anonymous source ("familiar with", "close to"). */
export const POSTMOD = new Set([
  'familiar',
  'close',
  'knowledgeable',
  'briefed',
  'involved',
  'with',
  'who',
  'from',
  'in',
  'at',
  'for',
]);

export function isNPWord(w: string): boolean {
  const b = bare(w);
  return (
    isCapitalised(w) ||
    TITLES.has(b) ||
    ROLE_NOUNS.has(b) ||
    ANON_HEADS.has(b) ||
    ORG_HEADS.has(b) ||
    DOC_HEADS.has(b) ||
    MODIFIERS.has(b)
  );
}

export function isHeadWord(w: string): boolean {
  const b = bare(w);
  return (
    isCapitalised(w) ||
    ROLE_NOUNS.has(b) ||
    ANON_HEADS.has(b) ||
    ORG_HEADS.has(b) ||
    DOC_HEADS.has(b) ||
    TITLES.has(b)
  );
}

export function makeNP(text: string, toks: Token[], det: string): NP | null {
  if (toks.length === 0) return null;
  const first = toks[0] as Token;
  const last = toks[toks.length - 1] as Token;
  const { kind, head } = classify(toks, det);
  return {
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
    tokens: toks,
    head,
    kind,
    det,
  };
}

/**
 * The noun phrase text[start, end) as a whole, found by another pass (reported.ts reads noun
 * phrases from part-of-speech tags): its determiner and kind as `makeNP` gives them.
 */
export function npOfSpan(text: string, start: number, end: number, headEnd = end): NP | null {
  const toks = tokenize(text, start, headEnd);
  const b0 = toks[0] ? bare(toks[0].text) : '';
  const det = DETERMINERS.has(b0) || POSSESSIVE_PRONOUNS.has(b0) ? b0 : '';
  const np = makeNP(text, toks, det);
  // a post-modifier ("Those around the mayor") is part of the mention, not of the head
  return np && headEnd < end ? { ...np, end, text: text.slice(start, end) } : np;
}

/**
 * Noun phrase starting at `from` (after spaces), e.g. after an inverted cue: "said Leavitt",
 * "tweeted Qatar Foreign Ministry spokesperson Majed al-Ansari", "said the source close to …".
 */
export function npForward(text: string, from: number, limit: number, withPostmod = true): NP | null {
  const end = Math.min(limit, from + 160);
  const toks = tokenize(text, from, end);
  const t0 = toks[0];
  if (!t0 || !onlySpacesBetween(text, from, t0.start)) return null;
  const b0 = bare(t0.text);
  if (SUBJECT_PRONOUNS.has(b0)) return makeNP(text, [t0], '');
  const taken: Token[] = [];
  let det = '';
  let k = 0;
  if (DETERMINERS.has(b0) || POSSESSIVE_PRONOUNS.has(b0)) {
    det = b0;
    taken.push(t0);
    k = 1;
  } else if (isPossessive(t0.text) && isCapitalised(t0.text)) {
    det = 'poss';
    taken.push(t0);
    k = 1;
  }
  let headSeen = -1;
  let unknownRun = 0;
  for (; k < toks.length; k++) {
    const t = toks[k] as Token;
    const prev = taken[taken.length - 1];
    if (prev && !onlySpacesBetween(text, prev.end, t.start)) break;
    const w = t.text;
    // "de Miranda notes", "Obama states": a verb after a name, not a noun ("notes", "states")
    if (prev && isCapitalised(prev.text) && !isCapitalised(w)) {
      const cv = cueVerb(w);
      if (cv && (cv.form === 's' || cv.form === 'past')) break;
    }
    // "said Mayor Lena Ortiz on Tuesday": the time expression is not part of the name (but in
    // "a Friday report" the day is a modifier of the phrase)
    if ((det === '' || (prev && isCapitalised(prev.text))) && startsTimeExpression(toks, k)) break;
    const nextCap = toks[k + 1] !== undefined && isCapitalised((toks[k + 1] as Token).text);
    // "Minister of the Interior Ana Ruiz", "Ambassador to the United Nations Martin Kimani"
    const theCap =
      toks[k + 1]?.text === 'the' && toks[k + 2] !== undefined && isCapitalised((toks[k + 2] as Token).text);
    if (theCap && prev !== undefined && isCapitalised(prev.text) && isInnerConnector(w, taken)) {
      taken.push(t, toks[k + 1] as Token);
      k++;
      unknownRun = 0;
      continue;
    }
    if (
      isNPWord(w) ||
      (NAME_PARTICLES.has(w.toLowerCase()) && nextCap) ||
      (nextCap && prev !== undefined && isCapitalised(prev.text) && isInnerConnector(w, taken))
    ) {
      taken.push(t);
      if (isHeadWord(w)) headSeen = taken.length - 1;
      unknownRun = 0;
      if (isPossessive(w) && !isCapitalised(w)) break;
      continue;
    }
    if (isLower(w[0]) && det !== '' && unknownRun < 2 && !isFunctionWord(w)) {
      const cv = cueVerb(w);
      const punctAfter = /[.,;:]/.test(text[t.end] ?? '');
      if (cv && cv.form !== 'base' && !punctAfter) break;
      taken.push(t);
      unknownRun++;
      continue;
    }
    // a lower-case description before a name: "farmer Ellen Marsh", "local resident Ann Lee"
    if (isLower(w[0]) && det === '' && taken.length < 3 && !isFunctionWord(w) && !cueVerb(w)) {
      let q = k + 1;
      while (
        q < toks.length &&
        q < k + 3 &&
        isLower((toks[q] as Token).text[0]) &&
        !isFunctionWord((toks[q] as Token).text)
      )
        q++;
      const cap = toks[q];
      // only spaces between the words; a two-word description ends in a title or role noun
      // ("fire chief Luis Romero", not "reporters aboard Air Force One")
      let spaced = cap !== undefined;
      for (let r = k; r < q && spaced; r++)
        spaced = onlySpacesBetween(text, (toks[r] as Token).end, (toks[r + 1] as Token).start);
      if (q - k > 1) {
        const last = bare((toks[q - 1] as Token).text);
        spaced &&= TITLES.has(last) || ROLE_NOUNS.has(last) || ANON_HEADS.has(last);
      }
      if (cap && spaced && isCapitalised(cap.text) && !CAPITAL_STOPWORDS.has(cap.text)) {
        for (let r = k; r < q; r++) taken.push(toks[r] as Token);
        k = q - 1;
        continue;
      }
    }
    break;
  }
  // trim trailing non-head words, unless the phrase ends at punctuation or before a verb of
  // saying ("according to the city auditor,", "the inspector said")
  const lastT = taken[taken.length - 1];
  const nextT = toks[taken.length];
  const afterCh = lastT ? text[lastT.end] : undefined;
  const nextCue = nextT !== undefined ? cueVerb(nextT.text) : undefined;
  const boundaryAfter =
    lastT !== undefined &&
    (afterCh === ',' ||
      afterCh === '.' ||
      afterCh === ';' ||
      afterCh === ':' ||
      (nextT !== undefined &&
        onlySpacesBetween(text, lastT.end, nextT.start) &&
        nextCue !== undefined &&
        nextCue.form !== 'base'));
  if (
    boundaryAfter &&
    det !== '' &&
    lastT &&
    isLower(lastT.text[0]) &&
    !isFunctionWord(lastT.text) &&
    !lastT.text.endsWith('ed')
  )
    headSeen = taken.length - 1;
  while (taken.length > 0 && taken.length - 1 > headSeen) {
    const t = taken[taken.length - 1] as Token;
    if (isHeadWord(t.text) || (taken.length === 1 && det === '')) break;
    taken.pop();
  }
  if (taken.length === 0 || (det !== '' && taken.length === 1)) return null;
  const np = makeNP(text, taken, det);
  if (!np) return null;
  if (
    withPostmod &&
    (np.kind === 'anon' || (np.kind === 'person' && !isCapitalised((taken[taken.length - 1] as Token).text)))
  ) {
    // "the source close to Trump’s national security team", "sources familiar with the matter"
    const nextTok = toks[taken.length];
    if (
      nextTok &&
      onlySpacesBetween(text, np.end, nextTok.start) &&
      POSTMOD.has(nextTok.text.toLowerCase())
    ) {
      const nw = nextTok.text.toLowerCase();
      if (
        nw === 'familiar' ||
        nw === 'close' ||
        nw === 'knowledgeable' ||
        nw === 'briefed' ||
        nw === 'involved'
      ) {
        let e = nextTok.end;
        for (let q = taken.length + 1; q < toks.length && q < taken.length + 14; q++) {
          const tq = toks[q] as Token;
          const gap = text.slice(e, tq.start);
          if (
            gap.includes(',') ||
            gap.includes('.') ||
            gap.includes(';') ||
            gap.includes(':') ||
            gap.includes('\n') ||
            [...gap].some(isQuoteChar)
          )
            break;
          const lw = tq.text.toLowerCase();
          const cv = cueVerb(lw);
          if (
            (cv && cv.form !== 'base' && cv.form !== 'ing') ||
            lw === 'that' ||
            lw === 'who' ||
            lw === 'which' ||
            lw === 'both' ||
            lw === 'speaking'
          )
            break;
          if (
            cv &&
            cv.form === 'base' &&
            tq.text === lw &&
            (lw === 'say' ||
              lw === 'tell' ||
              lw === 'claim' ||
              lw === 'insist' ||
              lw === 'warn' ||
              lw === 'believe')
          )
            break;
          e = tq.end;
        }
        np.end = e;
        np.text = text.slice(np.start, e);
      }
    }
  }
  return np;
}

/** "of", "on", "for" (and "and" after an organisation word) inside a capitalised name. */
export function isInnerConnector(w: string, before: Token[]): boolean {
  if (w === 'of' || w === 'on' || w === 'for') return true;
  // a title's complement: "Ambassador to Kenya", "Adviser to the President"
  if (w === 'to') return before.length > 0 && TITLES.has(bare((before[before.length - 1] as Token).text));
  if (w === 'and' || w === '&') return before.some((t) => NON_PERSON_WORDS.has(stripPossessive(t.text)));
  return false;
}

export function isQuoteChar(ch: string | undefined): boolean {
  return ch === '"' || ch === '\u201c' || ch === '\u201d';
}

export const FUNCTION_WORDS = new Set(
  `and or but nor so yet for of to in on at by with from into onto upon about above below after
  before during since until while when where why how what which who whom whose that this these
  those than then as if because although though whether not no is are was were be been being has
  have had do does did will would can could shall should may might must said says told tell
  also just only even still very more most less least much such own same other another any
  all each every both either neither some few many several it its it's he she they them his her
  their we us our i me my you your there here however`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

export function isFunctionWord(w: string): boolean {
  return FUNCTION_WORDS.has(bare(w));
}

/**
 * Noun phrase ending at `to` (before spaces): the subject of a cue verb ("Trump told",
 * "a senior Israeli official told", "The Trump administration also claimed").
 */
export function npBackward(text: string, to: number, limit: number): NP | null {
  const start = Math.max(limit, to - 200);
  const toks = tokenize(text, start, to);
  const n = toks.length;
  const tl = toks[n - 1];
  if (!tl || !onlySpacesBetween(text, tl.end, to)) return null;
  const bl = bare(tl.text);
  if (SUBJECT_PRONOUNS.has(bl)) return makeNP(text, [tl], '');
  if (POSSESSIVE_PRONOUNS.has(bl) || bl === 'whose') return makeNP(text, [tl], '');
  if (!isHeadWord(tl.text) && !(isLower(tl.text[0]) && !isFunctionWord(tl.text))) return null;
  const taken: Token[] = [tl];
  let det = '';
  let unknown = 0;
  let committed = 1; // tokens accepted for certain
  for (let k = n - 2; k >= 0; k--) {
    const t = toks[k] as Token;
    const nx = taken[0] as Token;
    if (!onlySpacesBetween(text, t.end, nx.start)) break;
    const w = t.text;
    const b = bare(w);
    if (DETERMINERS.has(b) || POSSESSIVE_PRONOUNS.has(b)) {
      if (CAPITAL_STOPWORDS.has(w) && !DETERMINERS.has(b)) break;
      taken.unshift(t);
      det = b;
      committed = taken.length;
      break;
    }
    if (isPossessive(w) && isCapitalised(w)) {
      // "Trump’s Middle East envoy", "Netanyahu’s Likud party" — include the possessor
      taken.unshift(t);
      det = 'poss';
      committed = taken.length;
      // extend over the possessor's own capitalised run ("Prime Minister Netanyahu’s")
      for (let q = k - 1; q >= 0; q--) {
        const tq = toks[q] as Token;
        const first = taken[0] as Token;
        if (
          !onlySpacesBetween(text, tq.end, first.start) ||
          !isCapitalised(tq.text) ||
          CAPITAL_STOPWORDS.has(tq.text)
        )
          break;
        taken.unshift(tq);
        committed = taken.length;
      }
      break;
    }
    if (CAPITAL_STOPWORDS.has(w)) break;
    const prevTok = toks[k - 1];
    if (
      isNPWord(w) ||
      (NAME_PARTICLES.has(w.toLowerCase()) && isCapitalised(nx.text)) ||
      (isCapitalised(nx.text) &&
        prevTok !== undefined &&
        isCapitalised(prevTok.text) &&
        !CAPITAL_STOPWORDS.has(prevTok.text) &&
        isInnerConnector(w, [prevTok]))
    ) {
      taken.unshift(t);
      if (unknown === 0) committed = taken.length;
      continue;
    }
    if (isLower(w[0]) && !isFunctionWord(w) && unknown < 2) {
      taken.unshift(t);
      unknown++;
      continue;
    }
    break;
  }
  const keep = taken.slice(taken.length - committed);
  // a lone lower-case unknown word is not a subject ("it seems like he bombs someone")
  if (keep.length === 1) {
    const w = (keep[0] as Token).text;
    if (!isHeadWord(w) && !SUBJECT_PRONOUNS.has(bare(w))) return null;
    if (!isCapitalised(w) && !SUBJECT_PRONOUNS.has(bare(w)) && det === '') {
      // bare plural ("officials", "sources", "analysts") is fine; bare singular role is not
      if (!bare(w).endsWith('s')) return null;
    }
  }
  const np = makeNP(text, keep, det);
  if (np) {
    // "sources familiar with the process", "a person close to the president"
    const i0 = toks.indexOf(keep[0] as Token);
    const prep = toks[i0 - 1];
    const adj = toks[i0 - 2];
    // "a spokeswoman for the transport department", "an official at the ministry"
    if (prep && ['for', 'at', 'of', 'from', 'with', 'in'].includes(prep.text) && np.kind !== 'pronoun') {
      const owner = npBackward(
        text,
        prep.start - 1 >= 0 && isSpace(text[prep.start - 1]) ? prep.start - 1 : prep.start,
        limit,
      );
      const oh = owner ? bare((owner.tokens[owner.head] as Token).text) : '';
      const human =
        ANON_HEADS.has(oh) ||
        ROLE_NOUNS.has(oh) ||
        ANON_HEADS.has(oh.replace(/s$/, '')) ||
        ROLE_NOUNS.has(oh.replace(/s$/, ''));
      if (
        owner &&
        owner.kind !== 'pronoun' &&
        human &&
        !isCapitalised((owner.tokens[owner.head] as Token).text)
      ) {
        return { ...owner, end: np.end, text: text.slice(owner.start, np.end) };
      }
      // "Tom Reid of the transit authority", "Dana Cole at The Boston Globe": a person's full name
      // with the body they belong to; the person speaks
      if (
        owner &&
        owner.kind === 'person' &&
        owner.det === '' &&
        owner.tokens.length >= 2 &&
        owner.tokens.every((t) => isCapitalised(t.text)) &&
        np.kind !== 'person' &&
        ['of', 'at', 'from', 'with'].includes(prep.text)
      ) {
        return { ...owner, end: np.end, text: text.slice(owner.start, np.end) };
      }
    }
    if (
      prep &&
      adj &&
      BACK_POSTMOD.has(adj.text.toLowerCase()) &&
      ['with', 'to', 'about', 'on', 'in'].includes(prep.text)
    ) {
      const head = npBackward(
        text,
        adj.start - 1 >= 0 && isSpace(text[adj.start - 1]) ? adj.start - 1 : adj.start,
        limit,
      );
      if (head && head.kind === 'anon') {
        return { ...head, end: np.end, text: text.slice(head.start, np.end) };
      }
    }
  }
  return np;
}

export const BACK_POSTMOD = new Set(['familiar', 'close', 'knowledgeable', 'briefed', 'involved']);

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
  const isName = (x: NP | null): x is NP =>
    x !== null && x.kind === 'person' && x.det === '' && isCapitalised((x.tokens[x.head] as Token).text);
  if (!isName(np)) return null;
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
