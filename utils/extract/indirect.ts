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
 */

import { cueAt, ingSubject, isPreposition, speakerLike, subjectOf, tailAttribution } from './attribution';
import { isBoilerplate } from './boilerplate';
import { isBeliefVerb, isEvidentialVerb } from './cues';
import { DETERMINERS, ORG_HEADS, PUBLICATIONS } from './lexicon';
import type { QuoteSpan } from './quotes';
import { isCapitalised, isFunctionWord, type NP, npBackward, npForward } from './speakers';
import {
  isDigit,
  isLower,
  isSentenceEnd,
  isSpace,
  isUpper,
  key,
  type Paragraph,
  type Token,
  tokenize,
} from './text';

export interface IndirectCandidate {
  start: number;
  end: number;
  np: NP | null;
  cue: string;
  para: number;
  continuesPrev: boolean;
}

const MAX_SENTENCE = 1200;

/** Verbs that report a claim with a bare (zero-that) clause. */
const ZERO_THAT = new Set([
  'say',
  'tell',
  'insist',
  'claim',
  'add',
  'warn',
  'argue',
  'suggest',
  'admit',
  'predict',
  'concede',
  'contend',
  'maintain',
  'assert',
  'write',
  'tweet',
  'state',
  'stance',
]);

/** Copular stance adjectives: "The Press Council is concerned the laws would …". */
const STANCE_ADJ = new Set([
  'concerned',
  'adamant',
  'convinced',
  'confident',
  'certain',
  'insistent',
  'worried',
  'sure',
]);

/** Nouns reporting a proposition: "his vow that", "Netanyahu’s declaration that". */
const NOMINAL_THAT = new Set([
  'declaration',
  'vow',
  'statement',
  'claim',
  'claims',
  'insistence',
  'assertion',
  'notion',
  'view',
  'position',
  'argument',
  'warning',
  'promise',
  'pledge',
  'contention',
  'suggestion',
  'admission',
  'assurance',
  'assurances',
  'prediction',
  'allegation',
  'accusation',
  'conclusion',
  'finding',
  'findings',
  'announcement',
]);

/** Auxiliaries and copulas: a content clause must contain a finite verb; these prove one. */
const FINITE = new Set(
  `is are was were has have had will would can could shall should may might must did does do
  isn't aren't wasn't weren't hasn't haven't hadn't won't wouldn't can't couldn't shouldn't didn't doesn't don't
  remains remained needs needed means meant wants wanted plans planned seems seemed appears appeared
  became becomes`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

function normQ(w: string): string {
  return w.replace(/\u2019/g, "'").toLowerCase();
}

/** Heuristic: does [s, e) read like a clause (has a finite verb) rather than a bare noun phrase? */
function looksLikeClause(toks: Token[]): boolean {
  if (toks.length < 3) return false;
  for (let i = 1; i < toks.length && i < 25; i++) {
    const w = normQ((toks[i] as Token).text);
    if (FINITE.has(w)) return true;
    const prev = normQ((toks[i - 1] as Token).text);
    // past tense/3sg after a noun-ish token: "Netanyahu notified", "Trump knew"
    if (
      i >= 1 &&
      (w.endsWith('ed') || (w.endsWith('s') && !w.endsWith('ss') && w.length > 3)) &&
      !DETERMINERS.has(prev) &&
      !isFunctionWord(prev) &&
      isLower(w[0])
    ) {
      if (!w.endsWith("'s")) return true;
    }
    if (IRREGULAR_PAST.has(w) && !DETERMINERS.has(prev)) return true;
  }
  return false;
}

const IRREGULAR_PAST = new Set(
  `knew said told went came gave took made found thought felt left kept brought began became
  got held saw sent spent stood won lost paid met led ran fell rose grew drew chose spoke wrote`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

function isQuoteMark(ch: string | undefined): boolean {
  return (
    ch === '"' || ch === '\u201c' || ch === '\u201d' || ch === '\u201e' || ch === '\u00ab' || ch === '\u00bb'
  );
}

export interface Sentence {
  start: number;
  end: number;
}

/** Sentences of a paragraph; boundaries inside quotations are ignored unless the quote closes there. */
export function sentencesOf(text: string, p: Paragraph, inside: (pos: number) => boolean): Sentence[] {
  const out: Sentence[] = [];
  let s = p.start;
  for (let i = p.start; i < p.end; i++) {
    const c = text[i];
    if (c !== '.' && c !== '!' && c !== '?') continue;
    if (!isSentenceEnd(text, i, p.end)) continue;
    if (inside(i) && !isQuoteMark(text[i + 1])) continue;
    let e = i + 1;
    while (e < p.end && (isQuoteMark(text[e]) || text[e] === ')' || text[e] === "'" || text[e] === '\u2019'))
      e++;
    out.push({ start: s, end: e });
    s = e;
    while (s < p.end && isSpace(text[s])) s++;
    i = s - 1;
  }
  if (s < p.end) out.push({ start: s, end: p.end });
  return out;
}

/** Trims a clause [s, e): leading "that", trailing punctuation and spaces. */
function trimClause(text: string, s: number, e: number): [number, number] {
  while (s < e && isSpace(text[s])) s++;
  while (
    e > s &&
    (isSpace(text[e - 1]) ||
      text[e - 1] === '.' ||
      text[e - 1] === ',' ||
      text[e - 1] === ';' ||
      text[e - 1] === ':')
  )
    e--;
  return [s, e];
}

/** End of a content clause starting at `s`: cut at ", according to", ", and he …", ", while …". */
function clauseEnd(text: string, toks: Token[], from: number, sentEnd: number): number {
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as Token;
    if (t.start < from) continue;
    if (t.start >= sentEnd) break;
    const lw0 = t.text.toLowerCase();
    if ((lw0 === 'and' || lw0 === 'but') && k > 0) {
      const nx = cueAt(text, toks, k + 1);
      if (nx?.info && (nx.info.form === 'past' || nx.info.form === 's')) return (toks[k - 1] as Token).end;
    }
    const gap = text.slice((toks[k - 1] as Token | undefined)?.end ?? t.start, t.start);
    if (!gap.includes(',') && !gap.includes(';')) continue;
    const w = t.text.toLowerCase();
    const n1 = toks[k + 1]?.text.toLowerCase() ?? '';
    if (w === 'according' && n1 === 'to') return (toks[k - 1] as Token).end;
    if (w === 'while' || w === 'whereas' || w === 'although' || w === 'though')
      return (toks[k - 1] as Token).end;
    if (
      (w === 'and' || w === 'but') &&
      (n1 === 'he' || n1 === 'she' || n1 === 'they' || n1 === 'i' || n1 === 'we')
    ) {
      return (toks[k - 1] as Token).end;
    }
    if (gap.includes(';')) return (toks[k - 1] as Token).end;
  }
  return sentEnd;
}

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

/** The attribution governing a list paragraph ("X also said:" followed by items). */
export interface ListContext {
  np: NP;
  cue: string;
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
  const sentEnd = s.end;
  const found: IndirectCandidate[] = [];

  // verb and nominal cues inside the sentence
  for (let k = 0; k < toks.length; k++) {
    const t = toks[k] as Token;
    const low = t.text.toLowerCase();
    // nominal: "his vow on Monday that", "Netanyahu’s declaration that", "Among its key findings:"
    if (NOMINAL_THAT.has(low)) {
      const nom = nominal(text, toks, k, sentEnd, p);
      if (nom) found.push(...nom);
      continue;
    }
    // stance: "is concerned", "is adamant"
    if (STANCE_ADJ.has(low) && k >= 2) {
      const cop = (toks[k - 1] as Token).text.toLowerCase();
      if (cop === 'is' || cop === 'are' || cop === 'was' || cop === 'were') {
        const subj = npBackward(text, (toks[k - 2] as Token).end, s.start);
        if (subj && isOrgLike(subj) && speakerLike(subj)) {
          const cl = complement(text, toks, k, t.end, sentEnd, 'stance');
          if (cl) {
            for (const c of cl)
              found.push({
                ...c,
                np: subj,
                cue: text.slice((toks[k - 1] as Token).start, t.end),
                para: p.index,
              });
          }
        }
      }
      continue;
    }
    const cue = cueAt(text, toks, k, { allowBase: true });
    if (!cue?.info?.clause || isBeliefVerb(cue.info.lemma)) continue;
    // skip nouns spelt like verbs ("the report", "a claim")
    const prevLow = toks[k - 1]?.text.toLowerCase() ?? '';
    if (DETERMINERS.has(prevLow)) continue;
    if (
      cue.info.form === 'base' &&
      !(prevLow.endsWith('s') || prevLow === 'they' || prevLow === 'we' || prevLow === 'to')
    )
      continue;
    // negation / condition
    if (
      prevLow === 'not' ||
      prevLow === "n't" ||
      prevLow === 'never' ||
      prevLow.endsWith("n't") ||
      prevLow.endsWith('n\u2019t')
    )
      continue;
    let subj: NP | null = null;
    let cueStart = t.start;
    let limit = sentEnd;
    if (cue.info.form === 'ing') {
      const r = ingSubject(text, toks, k, sentEnd);
      subj = r.np;
      limit = r.limit;
    } else if (prevLow === 'and' || prevLow === 'but') {
      subj = coordinatedSubject(text, toks, k, s.start, found);
    } else if (prevLow === 'to' && cue.info.form === 'base') {
      continue; // "vowed to say", infinitival
    } else {
      subj = subjectOf(text, toks, k, s.start);
      if (!subj) {
        // "said Leavitt" inverted before a clause is rare; skip
        continue;
      }
    }
    if (!subj || !speakerLike(subj, isEvidentialVerb(cue.info.lemma))) continue;
    // "if X says", "whether X said"
    const lead = toks[toks.indexOf(subj.tokens[0] as Token) - 1]?.text.toLowerCase() ?? '';
    if (lead === 'if' || lead === 'whether' || lead === 'unless') continue;
    const cl = complement(text, toks, k, cue.end, limit, cue.info.lemma);
    if (!cl) continue;
    let first = true;
    for (const c of cl) {
      found.push({
        ...c,
        np: subj,
        cue: text.slice(cueStart, cue.end),
        para: p.index,
        continuesPrev: c.continuesPrev && !first ? true : c.continuesPrev,
      });
      first = false;
    }
    cueStart = t.start;
  }

  // framing attributions ("According to X, …", "…, X said.") only when no cue verb inside
  // the sentence already reports a clause (that one is nearer to the content)
  const framed: IndirectCandidate[] = [];
  // According to X, CLAUSE.
  const t0 = toks[0] as Token;
  if (t0.text.toLowerCase() === 'according' && toks[1]?.text.toLowerCase() === 'to') {
    const np = npForward(text, (toks[1] as Token).end, sentEnd);
    if (np) {
      let c = np.end;
      while (c < sentEnd && text[c] !== ',') c++;
      if (c < sentEnd && c - np.end < 80) {
        const [cs, ce] = trimClause(text, c + 1, clauseEnd(text, toks, c + 1, sentEnd));
        if (ce > cs)
          framed.push({
            start: cs,
            end: ce,
            np,
            cue: text.slice(t0.start, (toks[1] as Token).end),
            para: p.index,
            continuesPrev: false,
          });
      }
    }
  }

  // CLAUSE, according to X.  /  CLAUSE, X said.  /  CLAUSE, said X.
  {
    let e = sentEnd;
    while (e > s.start && (text[e - 1] === '.' || isSpace(text[e - 1]) || text[e - 1] === '!')) e--;
    // find the last comma before e with an attribution tail
    let commas = 0;
    for (let i = e - 1; i > s.start && i > e - 200 && commas < 3; i--) {
      if (text[i] !== ',') continue;
      commas++;
      if (inside(i)) break;
      const tail = tailAttribution(text, i + 1, e);
      if (!tail) continue;
      if (
        tail.np &&
        (tail.cue.info === null || tail.cue.info.clause) &&
        (speakerLike(tail.np) || tail.cue.info === null)
      ) {
        const [cs0, ce] = trimClause(text, s.start, i);
        const cs = skipDiscourseMarker(text, cs0, ce);
        if (ce > cs && !isQuoteMark(text[cs])) {
          const body = tokenize(text, cs, ce);
          if (looksLikeClause(body))
            framed.push({
              start: cs,
              end: ce,
              np: tail.np,
              cue: tail.cue.text,
              para: p.index,
              continuesPrev: false,
            });
        }
      }
      break;
    }
  }

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

/** Subject shared by a coordinated verb: "Claude acknowledged … and insisted that …". */
function coordinatedSubject(
  text: string,
  toks: Token[],
  k: number,
  sentStart: number,
  found: IndirectCandidate[],
): NP | null {
  const prevFound = found[found.length - 1];
  if (prevFound?.np && prevFound.np.start >= sentStart) return prevFound.np;
  // nearest earlier verb-like token with a subject: "Netanyahu defiantly defended the strike and insisted"
  for (let j = k - 2; j >= 1; j--) {
    const w = (toks[j] as Token).text;
    const lw = w.toLowerCase();
    const verbish =
      isLower(w[0]) &&
      (lw.endsWith('ed') || IRREGULAR_PAST.has(lw) || (cueAt(text, toks, j)?.info?.form ?? '') === 'past');
    if (!verbish) continue;
    const subj = subjectOf(text, toks, j, sentStart);
    if (subj && speakerLike(subj)) return subj;
  }
  return null;
}

interface Clause {
  start: number;
  end: number;
  continuesPrev: boolean;
}

/**
 * The content clause after a cue ending at `from`: optional adverbials, "that", then up to the
 * clause end; split at ", and that" / " and that".
 */
function complement(
  text: string,
  toks: Token[],
  k: number,
  from: number,
  sentEnd: number,
  lemma: string,
): Clause[] | null {
  // index of first token after the cue
  let j = k + 1;
  while (j < toks.length && (toks[j] as Token).start < from) j++;
  const first = toks[j];
  if (!first) return null;
  // the cue must be followed by a space (not a comma: "said, adding")
  const gap = text.slice(from, first.start);
  if (gap.includes(',') || gap.includes(':') || gap.includes('.') || [...gap].some(isQuoteMark)) {
    return null;
  }
  let start = -1;
  const fl = first.text.toLowerCase();
  if (fl === 'that') {
    start = first.end;
  } else {
    // adverbials before "that": "at the time that", "on Monday that", "on his social media channels that"
    for (let q = j; q < toks.length && q < j + 8; q++) {
      const w = (toks[q] as Token).text.toLowerCase();
      const prevT = toks[q - 1] as Token;
      if (q > j && text.slice(prevT.end, (toks[q] as Token).start).trim() !== '') break;
      if (w === 'that' && q > j) {
        const head = (toks[j] as Token).text.toLowerCase();
        if (
          isPreposition(head) ||
          TIME_WORDS.has(head) ||
          head === 'further' ||
          head === 'also' ||
          head === 'publicly' ||
          head === 'repeatedly' ||
          head.endsWith('ly') ||
          head === 'today' ||
          head === 'yesterday' ||
          head === 'again' ||
          head === 'later' ||
          head === 'earlier'
        ) {
          start = (toks[q] as Token).end;
        }
        break;
      }
    }
    if (start < 0) {
      if (!ZERO_THAT.has(lemma) && lemma !== 'stance') return null;
      // zero-that: clause starts with a subject-like word (not a preposition, gerund or adverb)
      if (isPreposition(first.text) || (isLower(fl[0]) && (fl.endsWith('ing') || fl.endsWith('ly'))))
        return null;
      if (
        isFunctionWord(first.text) &&
        ![
          'the',
          'a',
          'an',
          'he',
          'she',
          'they',
          'it',
          'we',
          'i',
          'his',
          'her',
          'their',
          'its',
          'there',
          'this',
          'no',
          'some',
          'all',
          'most',
          'many',
        ].includes(fl)
      )
        return null;
      start = first.start;
    }
  }
  const body = tokenize(text, start, sentEnd);
  const end = clauseEnd(text, body, start, sentEnd);
  const clauseToks = body.filter((t) => t.end <= end);
  if (!looksLikeClause(clauseToks)) return null;
  // split at "and that" / ", and that"
  const out: Clause[] = [];
  let segStart = start;
  for (let q = 0; q + 1 < clauseToks.length; q++) {
    const a = clauseToks[q] as Token;
    const b = clauseToks[q + 1] as Token;
    if (a.text.toLowerCase() === 'and' && b.text.toLowerCase() === 'that' && a.start > segStart + 4) {
      const [cs, ce] = trimClause(text, segStart, a.start);
      if (ce > cs) out.push({ start: cs, end: ce, continuesPrev: out.length > 0 });
      segStart = b.end;
    }
  }
  const [cs, ce] = trimClause(text, segStart, end);
  if (ce > cs) out.push({ start: cs, end: ce, continuesPrev: out.length > 0 });
  // a quote-mark opening right at the clause start means the quote carries it (mixed quote)
  return out.length > 0 ? out : null;
}

/** "his vow on Monday that …", "Netanyahu’s declaration that …", "Among its key findings: …". */
function nominal(
  text: string,
  toks: Token[],
  k: number,
  sentEnd: number,
  p: Paragraph,
): IndirectCandidate[] | null {
  const noun = toks[k] as Token;
  // possessor: token before (optionally one modifier in between: "his stated position", "its key findings")
  let pi = k - 1;
  let possTok = toks[pi];
  let mod: Token | null = null;
  if (possTok && !isPossessor(possTok.text)) {
    mod = possTok;
    pi--;
    possTok = toks[pi];
  }
  if (!possTok || !isPossessor(possTok.text)) return null;
  if (mod && (isFunctionWord(mod.text) || isCapitalised(mod.text))) return null;
  // possessor NP: pronoun or capitalised name(s) with ’s
  let np: NP | null;
  const pl = possTok.text.toLowerCase();
  if (pl === 'his' || pl === 'her' || pl === 'its' || pl === 'their') {
    np = {
      start: possTok.start,
      end: possTok.end,
      text: possTok.text,
      tokens: [possTok],
      head: 0,
      kind: 'pronoun',
      det: '',
    };
  } else {
    np = npBackward(text, possTok.end, Math.max(p.start, possTok.start - 80));
    if (!np) return null;
    if (!isCapitalised((np.tokens[np.tokens.length - 1] as Token).text)) return null;
    if (PUBLICATIONS.has(np.text)) return null;
  }
  const cueStart = (mod ?? noun).start;
  // "that" (possibly after a short adverbial) or ":" right after the noun
  const after = text[noun.end];
  if (after === ':') {
    const [cs, ce] = trimClause(text, noun.end + 1, sentEnd);
    if (ce - cs < 10) return null;
    return [
      { start: cs, end: ce, np, cue: text.slice(cueStart, noun.end), para: p.index, continuesPrev: false },
    ];
  }
  const cl = complement(text, toks, k, noun.end, sentEnd, 'nominal');
  if (!cl) return null;
  // nominal reports need an explicit "that"
  const thatTok = toks.find((t) => t.start >= noun.end && t.text.toLowerCase() === 'that');
  if (!thatTok || thatTok.start - noun.end > 40) return null;
  return cl.map((c) => ({ ...c, np, cue: text.slice(cueStart, noun.end), para: p.index }));
}

function isPossessor(w: string): boolean {
  const l = w.toLowerCase();
  if (l === 'his' || l === 'her' || l === 'its' || l === 'their') return true;
  return (l.endsWith('\u2019s') || l.endsWith("'s")) && isUpper(w[0]);
}

/** Items listed under "X (also) said:" — paragraphs without quote marks or final period. */
function listItems(
  text: string,
  paras: Paragraph[],
  pi: number,
  sents: Sentence[],
  inside: (pos: number) => boolean,
  out: IndirectCandidate[],
  lists: Map<number, ListContext>,
): void {
  const p = paras[pi] as Paragraph;
  if (text[p.end - 1] !== ':') return;
  const last = sents[sents.length - 1];
  if (!last) return;
  const toks = tokenize(text, last.start, p.end);
  // cue verb just before the colon
  let k = toks.length - 1;
  while (k >= 0 && !cueAt(text, toks, k)) {
    if (toks.length - k > 3) return;
    k--;
  }
  if (k < 0) return;
  const cue = cueAt(text, toks, k);
  if (!cue?.info?.clause) return;
  const subj = subjectOf(text, toks, k, last.start);
  if (!subj || !speakerLike(subj)) return;
  for (let q = pi + 1; q < paras.length && q < pi + 15; q++) {
    const item = paras[q] as Paragraph;
    const len = item.end - item.start;
    if (len === 0) break;
    if (len > 300 || isBoilerplate(text, item)) break;
    const lastCh = text[item.end - 1];
    if (lastCh === '.' && len > 160) break;
    const first = text[item.start];
    if (isDigit(first)) break;
    let hasQuote = false;
    for (let i = item.start; i < item.end; i++) if (isQuoteMark(text[i]) && !inside(-1)) hasQuote = true;
    // an imperative link line ("Read the full transcript") is not an item
    const w0 = text.slice(item.start, Math.min(item.end, item.start + 12)).toLowerCase();
    if (
      w0.startsWith('read ') ||
      w0.startsWith('watch ') ||
      w0.startsWith('see ') ||
      w0.startsWith('click ') ||
      w0.startsWith('listen ')
    )
      break;
    const [cs, ce] = trimClause(text, item.start, item.end);
    if (!hasQuote && ce > cs)
      out.push({ start: cs, end: ce, np: subj, cue: cue.text, para: item.index, continuesPrev: false });
    if (hasQuote) lists.set(item.index, { np: subj, cue: cue.text });
  }
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

/** An organisation-like subject: "The Press Council", "the media union", "the government". */
function isOrgLike(np: NP): boolean {
  const h = np.tokens[np.head];
  if (!h) return false;
  const b = key(h.text);
  if (ORG_HEADS.has(b)) return true;
  if (isCapitalised(h.text) && np.tokens.length >= 2 && np.det === 'the') return true;
  return false;
}

const TIME_WORDS = new Set([
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'today',
  'yesterday',
  'tonight',
  'last',
  'this',
  'recently',
  'previously',
  'earlier',
  'later',
]);
