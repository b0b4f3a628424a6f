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
 */

import { cueVerb, isBeliefVerb, isEvidentialVerb } from './cues';
import { ANON_HEADS, ORG_HEADS, ROLE_NOUNS, WEEKDAYS } from './lexicon';
import type { Paragraph } from './text';

/** A token with its Penn Treebank tag and lemma (utils/nlp). Offsets index the article text. */
export interface Tagged {
  start: number;
  end: number;
  text: string;
  tag: string;
  lemma: string;
}

/** Tags the words of text[from, to) as one sentence. */
export type SentenceTagger = (text: string, from: number, to: number) => Tagged[];

export interface ReportedCandidate {
  start: number;
  end: number;
  /** The speaker's noun phrase [start, end), or null when it is the previous report's subject. */
  subject: { start: number; end: number; headEnd: number } | null;
  cue: string;
  para: number;
  /** Second segment of a clause split by an interposed attribution. */
  continuesPrev: boolean;
}

const MAX_SENTENCE = 1200;

const isFiniteTag = (tag: string) => tag === 'VBD' || tag === 'VBZ' || tag === 'VBP' || tag === 'MD';
const isVerbTag = (tag: string) => tag.startsWith('VB') || tag === 'MD';
const isNounTag = (tag: string) => tag === 'NN' || tag === 'NNS' || tag === 'NNP' || tag === 'NNPS';
/** Tags a noun phrase is made of, left of its head: "the 41-year-old Brazilian goalkeeper". */
const NP_INNER = new Set([
  'DT',
  'PDT',
  'PRP$',
  'POS',
  'CD',
  'JJ',
  'JJR',
  'JJS',
  'NN',
  'NNS',
  'NNP',
  'NNPS',
  'HYPH',
  'VBN',
  'VBG',
  'NFP',
]);
/** Words that open a clause but make it a question or a condition, not a report of a claim. */
const NOT_A_CLAUSE_START = new Set([
  'if',
  'whether',
  'how',
  'why',
  'what',
  'when',
  'where',
  'who',
  'which',
  'to',
]);

/**
 * Verbs of communication that take a content clause: the lemmas of cues.ts marked `clause`
 * (the reporting verbs of English, grouped after Levin 1993, classes 37.1–37.9 and 48.1.2),
 * except belief verbs, whose clause is a view rather than a report.
 */
function reportingLemma(lemma: string): boolean {
  const info = cueVerb(lemma);
  return info !== undefined && info.lemma === lemma && info.clause && !isBeliefVerb(lemma);
}

/**
 * Verbs whose first object is the addressee ("told reporters", "assured voters", "warned
 * residents"): Levin's tell (37.2) and advise (37.9) classes.
 */
const ADDRESSEE_VERBS = new Set([
  'tell',
  'inform',
  'assure',
  'reassure',
  'remind',
  'warn',
  'notify',
  'brief',
  'advise',
  'caution',
  'promise',
  'show',
  'convince',
]);

/** Words that open the reported clause itself, never a phrase to skip before it. */
const CLAUSE_OPENERS = new Set(['that', 'if', 'whether']);

/** Time words a reporting verb is often followed by ("said Monday", "said last week"). */
const TIME_WORDS = new Set([
  'today',
  'yesterday',
  'tonight',
  'earlier',
  'later',
  'recently',
  'previously',
  'again',
]);

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
  if (according) {
    out.push(...according);
    return;
  }
  let lastSubject: Span | null = null;
  for (let v = 0; v < end; v++) {
    const t = toks[v] as Tagged;
    if (quoted[v] || !isVerbTag(t.tag) || t.tag === 'MD' || !reportingLemma(t.lemma)) continue;
    if (negated(toks, v)) continue;
    const r: ReportedCandidate[] | null =
      trailing(text, toks, v, end, para) ??
      interposed(text, toks, v, end, para) ??
      leading(text, toks, v, end, para, lastSubject);
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
  out.push(...found);
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

/**
 * "and the auditor said": token k starts a second report coordinated with the first (a
 * conjunction, then a subject noun phrase and a reporting verb).
 */
function coordinatedReport(toks: Tagged[], k: number, end: number): boolean {
  const t = toks[k] as Tagged;
  if (t.tag !== 'CC') return false;
  // "… and claim she …": the same subject reports again
  let a = k + 1;
  while (a < end && (toks[a] as Tagged).tag === 'RB') a++;
  const bare = toks[a];
  if (bare && (bare.tag === 'VBD' || bare.tag === 'VBZ' || bare.tag === 'VBP') && reportingLemma(bare.lemma))
    return true;
  const np = npForward(toks, k + 1, end);
  if (!np) return false;
  const v = toks[np.to];
  return v !== undefined && isVerbTag(v.tag) && reportingLemma(v.lemma);
}

interface Span {
  /** First token index. */
  from: number;
  /** One past the last token index. */
  to: number;
  /** One past the head noun phrase, when a post-modifier follows it ("Those around the mayor"). */
  headTo?: number;
}

/** The noun phrase that ends just before token `v` (skipping adverbs and auxiliaries). */
function subjectBefore(toks: Tagged[], v: number, floor: number): Span | null {
  let j = v - 1;
  // "has said", "had told", "also said", "later told", "has repeatedly said"
  let skipped = 0;
  while (j >= floor && skipped < 3) {
    const tag = (toks[j] as Tagged).tag;
    // a capitalised "adverb" right before the verb is the subject ("Donnelly said")
    const capitalRB = tag === 'RB' && /^\p{Lu}/u.test((toks[j] as Tagged).text);
    const adverb = (tag === 'RB' && !capitalRB) || tag === 'RBR' || tag === 'RBS';
    if (adverb || tag === 'VBZ' || tag === 'VBD' || tag === 'VBP' || tag === 'MD') {
      j--;
      skipped++;
      continue;
    }
    break;
  }
  if (j < floor) return null;
  // "… the minister, Kim Ho, who said he took responsibility": the noun phrase the relative
  // pronoun stands for
  if ((toks[j] as Tagged).tag === 'WP' && j - 1 > floor && (toks[j - 1] as Tagged).text === ',') {
    return npBackwardFrom(toks, j - 2, floor, false);
  }
  // "Tom Reid, a spokesman for the operator, said": the noun phrase before the appositive
  if ((toks[j] as Tagged).text === ',') {
    let c = j - 1;
    while (c > floor && c > j - 14 && (toks[c] as Tagged).text !== ',') c--;
    if (c <= floor || (toks[c] as Tagged).text !== ',') return null;
    const app = npBackwardFrom(toks, j - 1, c + 1, true);
    if (!app || app.from !== c + 1) return null;
    const head = npBackwardFrom(toks, c - 1, floor, false);
    // "the regional governor, Ana Petrov, said": the name in the appositive names the speaker
    const named = (sp: Span) => (toks[sp.to - 1] as Tagged).tag === 'NNP';
    if (head && !named(head) && named(app)) return { from: app.from, to: app.from + nameLength(toks, app) };
    return head;
  }
  return withPartitive(toks, npBackwardFrom(toks, j, floor, false) ?? objectPronoun(toks, j), floor);
}

/** "them" right after "of": the object of a partitive ("Many of them said"). */
function objectPronoun(toks: Tagged[], j: number): Span | null {
  const t = toks[j] as Tagged;
  return t.text.toLowerCase() === 'them' && (toks[j - 1] as Tagged | undefined)?.text.toLowerCase() === 'of'
    ? { from: j, to: j + 1 }
    : null;
}

/**
 * A subject noun phrase with what comes before it in the same phrase: a partitive ("Many of them",
 * "a number of Democrats", "two of the nurses") and a post-modifying phrase ("Democrats in key
 * early states"), up to two prepositions back. The phrase must open its clause.
 */
function withPartitive(toks: Tagged[], sp: Span | null, floor: number): Span | null {
  if (!sp) return null;
  let from = sp.from;
  for (let n = 0; n < 2; n++) {
    const prep = toks[from - 1];
    if (prep?.tag !== 'IN' || from - 2 < floor) break;
    const q = toks[from - 2] as Tagged;
    let start = -1;
    // a quantifier before "of": "Many", "Some", "Two", "Most", "a number", "none"
    if (prep.text.toLowerCase() === 'of' && /^(JJ|JJS|DT|CD)$/.test(q.tag)) start = from - 2;
    // a pronoun-like determiner with its phrase: "Those around the mayor", "Some in the party"
    else if (
      (q.tag === 'DT' || q.tag === 'JJ' || q.tag === 'JJS') &&
      (from - 2 === floor ||
        /^[,;:]$/.test((toks[from - 3] as Tagged | undefined)?.text ?? '') ||
        (toks[from - 3] as Tagged | undefined)?.tag === 'CC')
    )
      start = from - 2;
    else if ((q.tag === 'JJ' || q.tag === 'VBN') && from - 3 >= floor) {
      // a post-nominal adjective or participle with its phrase: "people familiar with her
      // thinking", "officials close to the talks", "a source briefed on the plan"
      const head = npBackwardFrom(toks, from - 3, floor, false);
      if (head && isNounTag((toks[head.to - 1] as Tagged).tag)) start = head.from;
    } else {
      const head = npBackwardFrom(toks, from - 2, floor, false);
      if (head && isNounTag((toks[head.to - 1] as Tagged).tag)) start = head.from;
    }
    if (start < 0) break;
    if (start - 1 >= floor && /^(DT)$/.test((toks[start - 1] as Tagged).tag)) start--;
    from = start;
  }
  if (from === sp.from) return sp;
  const before = toks[from - 1];
  if (before && from > floor && !/^(,|CC|:)$/.test(before.tag) && before.text !== ',') return sp;
  return { from, to: sp.to };
}

/** Tokens of the proper name that opens a noun phrase ("Ana Petrov" of "Ana Petrov of Leeds"). */
function nameLength(toks: Tagged[], sp: Span): number {
  let n = 0;
  while (sp.from + n < sp.to && (toks[sp.from + n] as Tagged).tag === 'NNP') n++;
  return Math.max(1, n);
}

/**
 * The noun phrase whose last token is `j`, read leftwards: a noun or pronoun head, then
 * modifiers and a determiner. `withPost`: a post-modifier ("for the operator") may end it.
 */
function npBackwardFrom(toks: Tagged[], j: number, floor: number, withPost: boolean): Span | null {
  if (j < floor) return null;
  let last = j;
  const head = toks[last] as Tagged;
  if (head.tag === 'PRP') {
    const w = head.text.toLowerCase();
    return w === 'it' || w === 'he' || w === 'she' || w === 'they' || w === 'we' || w === 'i' || w === 'you'
      ? { from: j, to: j + 1 }
      : null;
  }
  if (withPost) {
    // "a spokesman for the operator": skip back over "IN NP" tails
    for (let k = j; k > floor && k > j - 10; k--) {
      if ((toks[k] as Tagged).tag === 'IN' && isNounTag((toks[k - 1] as Tagged).tag)) {
        last = k - 1;
        break;
      }
    }
  }
  // "Donnelly said": a capitalised word the tagger read as an adverb (-ly), alone before the
  // verb at the start of a clause, is a name; an adverb there would need a subject after it
  const lone = toks[last] as Tagged;
  if (
    lone.tag === 'RB' &&
    /^\p{Lu}\p{Ll}/u.test(lone.text) &&
    (last === floor ||
      /^[,;]$/.test((toks[last - 1] as Tagged).text) ||
      (toks[last - 1] as Tagged).tag === 'CC')
  )
    return { from: last, to: last + 1 };
  if (!isNounTag((toks[last] as Tagged).tag) && (toks[last] as Tagged).tag !== 'CD') return null;
  let i = last;
  while (i - 1 >= floor) {
    const p = toks[i - 1] as Tagged;
    if (!NP_INNER.has(p.tag)) break;
    // two words of a noun phrase are written together or with one space
    if (!onlySpace(p, toks[i] as Tagged)) break;
    i--;
    if (p.tag === 'DT' || p.tag === 'PRP$' || p.tag === 'PDT') break;
  }
  // a modifier cannot end a noun phrase's left edge on a participle: "driver hurt" is not one
  while (i < last && ((toks[i] as Tagged).tag === 'VBN' || (toks[i] as Tagged).tag === 'VBG')) i++;
  return { from: i, to: j + 1 };
}

function onlySpace(a: Tagged, b: Tagged): boolean {
  return b.start - a.end <= 1;
}

/** The noun phrase starting at token `k`: "Tom Reid", "the utility", "a senior official". */
function npForward(toks: Tagged[], k: number, end: number): Span | null {
  if (k >= end) return null;
  const t0 = toks[k] as Tagged;
  if (t0.tag === 'PRP') return { from: k, to: k + 1 };
  let i = k;
  let head = -1;
  while (i < end) {
    const t = toks[i] as Tagged;
    // coordinated nouns or modifiers without a determiner of their own: one phrase ("the nurses
    // and doctors union", "police and firefighters")
    const nx = toks[i + 1];
    if (t.tag === 'CC' && head === i - 1 && i + 1 < end && nx && (isNounTag(nx.tag) || nx.tag === 'JJ')) {
      i++;
      continue;
    }
    if (!NP_INNER.has(t.tag)) break;
    if (i > k && (t.tag === 'DT' || t.tag === 'PDT')) break;
    if (isNounTag(t.tag) || t.tag === 'CD') head = i;
    i++;
  }
  if (head < 0) return null;
  return { from: k, to: head + 1 };
}

/** Where the reported clause after the verb at `v` starts, or -1 (skips "that", addressee, PPs). */
function clauseStart(toks: Tagged[], v: number, end: number): { at: number; that: boolean } | null {
  let k = v + 1;
  const lemma = (toks[v] as Tagged).lemma;
  // "pointed out that", "went on to say"
  if (k < end && (toks[k] as Tagged).tag === 'RP') k++;
  for (let guard = 0; guard < 4 && k < end; guard++) {
    const t = toks[k] as Tagged;
    const w = t.text.toLowerCase();
    if (w === 'that' && (t.tag === 'IN' || t.tag === 'WDT' || t.tag === 'DT')) {
      // "said that the bridge …" but not "said that was wrong" (demonstrative subject)
      const nx = toks[k + 1];
      if (nx && isFiniteTag(nx.tag)) return { at: k, that: false };
      return { at: k + 1, that: true };
    }
    if (w === ',') {
      // "said, however, that …" / "said, in a statement, that …"
      let c = k + 1;
      while (c < end && c < k + 8 && (toks[c] as Tagged).text !== ',') c++;
      if (
        c < end &&
        (toks[c] as Tagged).text === ',' &&
        (toks[c + 1] as Tagged | undefined)?.text.toLowerCase() === 'that'
      ) {
        k = c + 1;
        continue;
      }
      return null;
    }
    // "told reporters", "warned residents": the addressee
    if (
      ADDRESSEE_VERBS.has(lemma) &&
      (isNounTag(t.tag) || t.tag === 'PRP' || t.tag === 'DT' || t.tag === 'PRP$')
    ) {
      const np = npForward(toks, k, end);
      if (np && np.to < end) {
        const nx = toks[np.to] as Tagged;
        // an object then "to" is an infinitival order ("warned residents to avoid"), not a report
        if (nx.text.toLowerCase() === 'to') return null;
        // "told reporters that …", "told reporters on Tuesday that …": the addressee is skipped
        // when a clause, "that" or a phrase of time or place follows it
        const nxLow = nx.text.toLowerCase();
        if (
          guard === 0 &&
          (clauseAt(toks, np.to, end) || nxLow === 'that' || (nx.tag === 'IN' && !CLAUSE_OPENERS.has(nxLow)))
        ) {
          k = np.to;
          continue;
        }
      }
    }
    // "said on Monday", "said in a statement", "said by text message"
    if (t.tag === 'IN' && w !== 'that' && w !== 'if' && w !== 'whether') {
      const np = npForward(toks, k + 1, end);
      if (np) {
        k = np.to;
        // a second phrase ("in a statement on Monday"), but not the complementiser after the
        // first ("said on Tuesday that …")
        const w2 = k < end ? (toks[k] as Tagged).text.toLowerCase() : '';
        if (k < end && (toks[k] as Tagged).tag === 'IN' && w !== 'of' && !CLAUSE_OPENERS.has(w2)) {
          const np2 = npForward(toks, k + 1, end);
          if (np2) k = np2.to;
        }
        continue;
      }
      return null;
    }
    // "said Monday", "said last week", "said Tuesday night"
    if (WEEKDAYS.has(w) || TIME_WORDS.has(w)) {
      k++;
      if (k < end && /^(night|morning|evening|afternoon)$/i.test((toks[k] as Tagged).text)) k++;
      continue;
    }
    if (w === 'last' || w === 'this') {
      const nx = toks[k + 1];
      if (nx && /^(week|month|year|weekend|spring|summer|fall|autumn|winter)$/i.test(nx.text)) {
        k += 2;
        continue;
      }
    }
    break;
  }
  if (k >= end) return null;
  return { at: k, that: false };
}

/**
 * A finite clause starts at `k`: a subject (a pronoun, "there", or a noun phrase with at most two
 * prepositional post-modifiers: "the number of people on the list"), then adverbs, then a finite
 * verb. An object with a relative clause ("acknowledged the talks that X had held") is not one.
 * A short adverbial may come first: "Separately, the board said …" is read from the subject.
 */
function clauseAt(toks: Tagged[], k: number, end: number): boolean {
  const t0 = toks[k];
  if (!t0) return false;
  const w0 = t0.text.toLowerCase();
  if (NOT_A_CLAUSE_START.has(w0)) return false;
  let i: number;
  if (t0.tag === 'PRP' || t0.tag === 'EX') i = k + 1;
  else {
    // "about 550 people", "more than half of the staff", "roughly a third"
    let from = k;
    while (from < end && from < k + 3 && (toks[from] as Tagged).tag === 'RB') from++;
    // "over 345 pilgrims", "under 10 percent": a preposition before a number modifies it
    if (from === k && t0.tag === 'IN' && (toks[k + 1] as Tagged | undefined)?.tag === 'CD') from++;
    if (
      from < end &&
      (toks[from] as Tagged).tag === 'JJR' &&
      (toks[from + 1] as Tagged | undefined)?.tag === 'IN'
    )
      from += 2;
    const np = npForward(toks, from, end);
    if (!np) return false;
    i = np.to;
    for (let pp = 0; pp < 2 && i < end && (toks[i] as Tagged).tag === 'IN'; pp++) {
      const inner = npForward(toks, i + 1, end);
      if (!inner) break;
      i = inner.to;
    }
  }
  // adverbs, and a quotation mark where a quoted fragment starts at the verb ("they “don't …”")
  while (i < end && ((toks[i] as Tagged).tag === 'RB' || isQuoteMark((toks[i] as Tagged).text))) i++;
  const v = toks[i];
  return v !== undefined && i < end && isFiniteTag(v.tag);
}

/** Finite verbs and perfect participles report; "with reports suggesting", "would say" do not. */
function reportingForm(toks: Tagged[], v: number): boolean {
  const tag = (toks[v] as Tagged).tag;
  if (tag === 'VBD' || tag === 'VBZ' || tag === 'VBP') return true;
  // "Those close to him say": a base form right after its subject is the present tense (VB for
  // VBP is the tagger's commonest slip); after "will", "to" or "did" it is not a report of its own
  if (tag === 'VB') {
    const prev = toks[v - 1];
    return prev !== undefined && (isNounTag(prev.tag) || prev.tag === 'PRP');
  }
  if (tag === 'VBN') {
    const prev =
      toks[v - 1]?.lemma === 'have' ? toks[v - 1] : toks[v - 2]?.lemma === 'have' ? toks[v - 2] : undefined;
    return prev !== undefined;
  }
  return false;
}

function isQuoteMark(w: string): boolean {
  return w === '"' || w === '\u201c' || w === '\u201d' || w === '``' || w === "''";
}

function isDash(w: string): boolean {
  return w === '\u2014' || w === '\u2015' || w === '\u2013' || w === '--';
}

/** Any finite verb in toks[from, to). */
function hasFinite(toks: Tagged[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isFiniteTag((toks[i] as Tagged).tag)) return true;
  return false;
}

/** Where a clause that started at `from` ends: a new report, a participial report, "according to". */
/**
 * After a comma inside a reported clause, what belongs to the writer's sentence rather than to
 * the report: the main clause's own coordinated verb (", but has given few signs …"), a comment
 * clause (", as has been speculated") and an appositive that sums the report up (", a concern
 * that …"). Not a participial clause (", killing three people"): measured, most belong to the report.
 */
function endsReportedClause(toks: Tagged[], k: number): boolean {
  const a = toks[k];
  const b = toks[k + 1];
  if (!a) return false;
  const low = a.text.toLowerCase();
  // ", but has …", ", and was …": a verb with no subject of its own continues the main clause
  if (a.tag === 'CC' && b && /^(VBD|VBZ|VBP|MD)$/.test(b.tag)) return true;
  // ", as has been …", ", as is …": a comment clause on the whole sentence
  if (low === 'as' && b && /^(VBD|VBZ|VBP|MD)$/.test(b.tag)) return true;
  // ", a concern that …", ", a move which …": a summary appositive
  if ((low === 'a' || low === 'an') && b && /^NNS?$/.test(b.tag)) {
    const c = toks[k + 2];
    if (c && (c.tag === 'WDT' || c.text.toLowerCase() === 'that')) return true;
  }
  return false;
}

/**
 * Ends a reported clause found by any pass where the writer's sentence takes over again: a past
 * verb after "and" parallel to the reporting verb, `endsReportedClause`, or the main clause after
 * a fronted subordinate one. `sentenceStart` is where the clause's sentence starts; returns the
 * new end, or `end` unchanged.
 */
export function trimReportedClause(
  text: string,
  sentenceStart: number,
  start: number,
  end: number,
  tagger: SentenceTagger,
): number {
  // tagged with its whole sentence (a clause cut out of it tags differently)
  const toks = tagger(text, sentenceStart, Math.min(text.length, end + 1)).filter(
    (t) => t.start >= start && t.end <= end,
  );
  const cut = (i: number): number => {
    let e = (toks[i] as Tagged).start;
    while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
    return e;
  };
  // "said her son had been careful and compared him to …": a simple past after "and", when the
  // report's own verb group is not one, goes with the reporting verb
  const fin = toks.findIndex((t) => /^(VBD|VBZ|VBP|MD)$/.test(t.tag));
  const head = toks[fin];
  const simplePast = head?.tag === 'VBD' && !/^(VBN|VBG|VB|RB)$/.test(toks[fin + 1]?.tag ?? '');
  if (head && !simplePast) {
    // a participle-looking form ("praised/VBN") too, unless the report's verb group is perfect or
    // passive ("had sunk and praised" may share its "had")
    const shared =
      /^(VBN|VBG)$/.test(toks[fin + 1]?.tag ?? '') || /^(VBN|VBG)$/.test(toks[fin + 2]?.tag ?? '');
    const past = shared ? /^VBD$/ : /^VB[DN]$/;
    for (let i = fin + 1; i < toks.length - 1; i++) {
      const t = toks[i] as Tagged;
      if (t.tag === 'CC' && t.text.toLowerCase() === 'and' && past.test((toks[i + 1] as Tagged).tag))
        return cut(i);
    }
  }
  for (let i = 1; i < toks.length - 1; i++) {
    if ((toks[i] as Tagged).text !== ',') continue;
    if (endsReportedClause(toks, i + 1)) return cut(i);
  }
  // "After officials protested that the summit would expose divisions, the White House broadened
  // the theme": a report inside a fronted subordinate clause ends where the main clause begins
  // (a comma, then a subject and a finite verb)
  const lead = text.slice(sentenceStart, start);
  const opener = /^[\s"“‘']*(\p{L}+)/u.exec(lead)?.[1]?.toLowerCase() ?? '';
  if (SUBORDINATORS.has(opener) && !lead.includes(',')) {
    for (let i = 1; i < toks.length - 1; i++)
      if ((toks[i] as Tagged).text === ',' && clauseAt(toks, i + 1, toks.length)) return cut(i);
  }
  return end;
}

/**
 * Subordinating conjunctions of English (a closed class: Quirk et al. 1985, §14.12): a sentence
 * that opens with one puts its report inside a fronted clause.
 */
const SUBORDINATORS = new Set([
  'after',
  'although',
  'as',
  'because',
  'before',
  'if',
  'once',
  'since',
  'though',
  'unless',
  'until',
  'when',
  'whenever',
  'whereas',
  'while',
]);

function clauseEnd(toks: Tagged[], from: number, end: number): { to: number; next: 'ing' | 'and' | null } {
  for (let i = from + 1; i < end; i++) {
    const t = toks[i] as Tagged;
    // "… said A ― they B": a single dash before a clause of its own ends the reported clause
    // (one before an elaboration, "— specifically, the number of …", does not); a pair of dashes
    // encloses an aside in it
    if (isDash(t.text)) {
      let close = i + 1;
      while (close < end && !isDash((toks[close] as Tagged).text)) close++;
      if (close >= end) {
        if (clauseAt(toks, i + 1, end)) return { to: i, next: null };
        continue;
      }
      i = close;
      continue;
    }
    if (t.text === ',' || t.text === ';') {
      const nx = toks[i + 1];
      if (nx && nx.tag === 'VBG' && reportingLemma(nx.lemma)) return { to: i, next: 'ing' };
      if (nx && nx.text.toLowerCase() === 'according') return { to: i, next: null };
      if (nx && coordinatedReport(toks, i + 1, end)) return { to: i, next: 'and' };
    }
    if (coordinatedReport(toks, i, end)) return { to: i, next: 'and' };
  }
  return { to: end, next: null };
}

function candidate(
  toks: Tagged[],
  from: number,
  to: number,
  subject: Span | null,
  cue: string,
  para: number,
  continuesPrev = false,
): ReportedCandidate | null {
  while (to > from && /^[,;:\u2014\u2013-]$/.test((toks[to - 1] as Tagged).text)) to--;
  if (to - from < 2) return null;
  return {
    start: (toks[from] as Tagged).start,
    end: (toks[to - 1] as Tagged).end,
    subject: subject
      ? {
          start: (toks[subject.from] as Tagged).start,
          end: (toks[subject.to - 1] as Tagged).end,
          headEnd: (toks[(subject.headTo ?? subject.to) - 1] as Tagged).end,
        }
      : null,
    cue,
    para,
    continuesPrev,
  };
}

function cueText(text: string, toks: Tagged[], v: number, upTo: number): string {
  return text.slice((toks[v] as Tagged).start, (toks[Math.max(v, upTo - 1)] as Tagged).end);
}

/** NP V (that) CLAUSE, and what follows it in the same sentence. */
function leading(
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

/**
 * "According to NP(,) CLAUSE."  "CLAUSE, according to NP."  The source of a document is its author:
 * "according to a survey released Monday by the Transit Council" is the council's.
 */
function accordingTo(toks: Tagged[], end: number, para: number): ReportedCandidate[] | null {
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

/** "Those", "Many", "Some" heading a noun phrase with a post-modifier. */
function determinerOnly(toks: Tagged[], j: number): Span | null {
  const headless = (t: Tagged | undefined) =>
    t !== undefined && (t.tag === 'DT' || t.tag === 'JJ' || t.tag === 'CD');
  if (!headless(toks[j])) return null;
  let i = j;
  while (i > 0 && headless(toks[i - 1])) i--;
  return { from: i, to: j + 1 };
}

/** A subject that can say something: a name, a personal pronoun, or a noun phrase headed by one. */
function agentive(toks: Tagged[], subj: Span): boolean {
  const head = toks[(subj.headTo ?? subj.to) - 1] as Tagged;
  if (head.tag === 'NNP' || head.tag === 'NNPS') return true;
  if (head.tag === 'PRP') return /^(he|she|they|we|i)$/i.test(head.text);
  // people and organisations by the general role and organisation nouns of lexicon.ts
  const lemma = head.lemma.toLowerCase();
  return ROLE_NOUNS.has(lemma) || ANON_HEADS.has(lemma) || ORG_HEADS.has(lemma);
}

/** CLAUSE, NP V.   CLAUSE, V NP.   (the attribution closes the sentence) */
function trailing(
  text: string,
  toks: Tagged[],
  v: number,
  end: number,
  para: number,
): ReportedCandidate[] | null {
  // after the verb: nothing, or a short tail ("in a statement", "on Monday", "told reporters")
  const tailOk = (k: number): boolean => {
    if (k >= end) return true;
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
    if (tailOk(v + 1) && hasFinite(toks, 0, comma) && clauseAt(toks, 0, comma)) {
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
      if (hasFinite(toks, 0, comma) && clauseAt(toks, 0, comma)) {
        const c = candidate(toks, 0, comma, np, (toks[v] as Tagged).text, para);
        return c ? [c] : null;
      }
    }
  }
  return null;
}

/** X, NP V, Y.   (the attribution interrupts the clause) */
function interposed(
  _text: string,
  toks: Tagged[],
  v: number,
  end: number,
  para: number,
): ReportedCandidate[] | null {
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
  // X is the clause's subject (a noun phrase or more), Y its predicate, with the finite verb
  if (!hasFinite(toks, rest, end) || hasFinite(toks, 0, comma1)) return null;
  if (!isFiniteTag((toks[rest] as Tagged).tag) && (toks[rest] as Tagged).tag !== 'RB') return null;
  const cue = (toks[v] as Tagged).text;
  const a = candidate(toks, 0, comma1, subj, cue, para);
  const b = candidate(toks, rest, clauseEnd(toks, rest, end).to, subj, cue, para, true);
  return a && b ? [a, b] : null;
}
