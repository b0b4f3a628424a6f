/**
 * Clause boundaries for the reported-speech pass: where the reported clause after a reporting verb
 * starts (past "that", an addressee, phrases of time and place), whether a finite clause starts at
 * a token, where the clause ends, and a second report coordinated with the first.
 */

import { NOMINAL_THAT } from './indirect-nominal';
import { CONJUNCTIONS_ONLY, MONTHS, sourcePhraseAt, TIME_ADVERBS, WEEKDAYS } from './lexicon';
import { npForward } from './reported-np';
import {
  isDash,
  isFiniteTag,
  isNounTag,
  isQuoteMark,
  isVerbTag,
  reportingLemma,
  type Tagged,
} from './reported-tags';

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

/** Where a reported clause starts, and whether a "that" came before it. */
export interface ClauseStart {
  at: number;
  that: boolean;
}

/** What a step over the words between verb and clause found: no report at all, or not its phrase. */
const STOP = -1;
const NOT_THIS = -2;

/** Where the reported clause after the verb at `v` starts, or null (skips "that", addressee, PPs). */
export function clauseStart(toks: Tagged[], v: number, end: number): ClauseStart | null {
  let k = v + 1;
  const lemma = (toks[v] as Tagged).lemma;
  // "pointed out that", "went on to say"
  if (k < end && (toks[k] as Tagged).tag === 'RP') k++;
  // "denied reports that …", "denied the claim that …": the clause denied is the noun's content
  if (lemma === 'deny') {
    const that = deniedNounThat(toks, k, end);
    if (that >= 0) return complementiser(toks, that);
  }
  let phraseOnly = false;
  for (let guard = 0; guard < 4 && k < end; guard++) {
    const t = toks[k] as Tagged;
    const w = t.text.toLowerCase();
    if (w === 'that' && (t.tag === 'IN' || t.tag === 'WDT' || t.tag === 'DT')) return complementiser(toks, k);
    let next = NOT_THIS;
    // "said by 2050, demand would double": after a phrase of time or place (no object), a comma
    // before a clause of its own
    if (w === ',') next = phraseOnly && clauseAt(toks, k + 1, end) ? k + 1 : parenthesis(toks, k, end);
    else {
      // "told reporters", "warned residents": the addressee
      if (
        ADDRESSEE_VERBS.has(lemma) &&
        (isNounTag(t.tag) || t.tag === 'PRP' || t.tag === 'DT' || t.tag === 'PRP$')
      )
        next = addressee(toks, k, end, guard === 0);
      // "said on Monday", "said in a statement", "said by text message"
      if (next === NOT_THIS && t.tag === 'IN' && w !== 'that' && w !== 'if' && w !== 'whether') {
        next = prepositionalPhrases(toks, k, end);
        phraseOnly = guard === 0 || phraseOnly;
      } else if (next === NOT_THIS) {
        next = timePhrase(toks, k, end);
        phraseOnly = guard === 0 || phraseOnly;
      } else phraseOnly = false;
    }
    if (next === STOP) return null;
    if (next === NOT_THIS) break;
    k = next;
  }
  if (k >= end) return null;
  return { at: k, that: false };
}

/**
 * The "that" after a noun of saying that a denial takes as its object ("denied reports that",
 * "denied the allegation that", "denied his earlier claim that"): a determiner or possessive, a
 * modifier, then the noun (a reporting noun of indirect-nominal.ts or the noun of a reporting
 * verb: "report", "claim"), or -1.
 */
function deniedNounThat(toks: Tagged[], k: number, end: number): number {
  let i = k;
  if (i < end && /^(DT|PRP\$)$/.test((toks[i] as Tagged).tag)) i++;
  if (i < end && /^(JJ|VBN)$/.test((toks[i] as Tagged).tag)) i++;
  const noun = toks[i];
  if (!noun || !isNounTag(noun.tag) || i + 1 >= end) return -1;
  const lemma = noun.lemma.toLowerCase();
  const ofSaying =
    NOMINAL_THAT.has(lemma) || NOMINAL_THAT.has(noun.text.toLowerCase()) || reportingLemma(lemma);
  return ofSaying && (toks[i + 1] as Tagged).text.toLowerCase() === 'that' ? i + 1 : -1;
}

/** "said that the bridge …" but not "said that was wrong" (demonstrative subject). */
function complementiser(toks: Tagged[], k: number): ClauseStart {
  const nx = toks[k + 1];
  if (nx && isFiniteTag(nx.tag)) return { at: k, that: false };
  return { at: k + 1, that: true };
}

/** "said, however, that …" / "said, in a statement, that …": the token after the second comma. */
function parenthesis(toks: Tagged[], k: number, end: number): number {
  let c = k + 1;
  while (c < end && c < k + 8 && (toks[c] as Tagged).text !== ',') c++;
  if (
    c < end &&
    (toks[c] as Tagged).text === ',' &&
    (toks[c + 1] as Tagged | undefined)?.text.toLowerCase() === 'that'
  )
    return c + 1;
  return STOP;
}

/** The addressee of a tell-verb at `k` ("told reporters"), skipped when the report follows it. */
function addressee(toks: Tagged[], k: number, end: number, first: boolean): number {
  const np = npForward(toks, k, end);
  if (!np || np.to >= end) return NOT_THIS;
  const nx = toks[np.to] as Tagged;
  // an object then "to" is an infinitival order ("warned residents to avoid"), not a report
  if (nx.text.toLowerCase() === 'to') return STOP;
  // "told reporters that …", "told reporters on Tuesday that …": the addressee is skipped
  // when a clause, "that" or a phrase of time or place follows it
  const nxLow = nx.text.toLowerCase();
  if (
    first &&
    (clauseAt(toks, np.to, end) || nxLow === 'that' || (nx.tag === 'IN' && !CLAUSE_OPENERS.has(nxLow)))
  )
    return np.to;
  return NOT_THIS;
}

/** The preposition at `k` with its noun phrase, and a second such phrase after it. */
function prepositionalPhrases(toks: Tagged[], k: number, end: number): number {
  const w = (toks[k] as Tagged).text.toLowerCase();
  const np = npForward(toks, k + 1, end);
  if (!np) return STOP;
  k = np.to;
  // a participle with its phrase on the noun ("in a statement posted on Telegram", "in a letter
  // sent to staff"): a reduced relative, part of the phrase
  const p = toks[k + 1];
  if (
    k + 2 < end &&
    (toks[k] as Tagged).tag === 'VBN' &&
    p?.tag === 'IN' &&
    !CLAUSE_OPENERS.has(p.text.toLowerCase())
  ) {
    const np3 = npForward(toks, k + 2, end);
    if (np3) k = np3.to;
  }
  // a second phrase ("in a statement on Monday"), but not the complementiser after the
  // first ("said on Tuesday that …")
  const w2 = k < end ? (toks[k] as Tagged).text.toLowerCase() : '';
  if (k < end && (toks[k] as Tagged).tag === 'IN' && w !== 'of' && !CLAUSE_OPENERS.has(w2)) {
    const np2 = npForward(toks, k + 1, end);
    if (np2) k = np2.to;
  }
  return k;
}

/** "said Monday", "said last week", "said Tuesday night": the token after the time phrase. */
function timePhrase(toks: Tagged[], k: number, end: number): number {
  const w = (toks[k] as Tagged).text.toLowerCase();
  if (WEEKDAYS.has(w) || TIME_ADVERBS.has(w)) {
    k++;
    if (k < end && /^(night|morning|evening|afternoon)$/i.test((toks[k] as Tagged).text)) k++;
    return k;
  }
  if (w === 'last' || w === 'this') {
    const nx = toks[k + 1];
    if (nx && /^(week|month|year|weekend|spring|summer|fall|autumn|winter)$/i.test(nx.text)) return k + 2;
    // "announced last December", "said this Friday"
    const nw = nx?.text.toLowerCase() ?? '';
    if (MONTHS.has(nw) || WEEKDAYS.has(nw)) return k + 2;
  }
  return NOT_THIS;
}

/**
 * A finite clause starts at `k`: a subject (a pronoun, "there", or a noun phrase with at most two
 * prepositional post-modifiers: "the number of people on the list"), then adverbs, then a finite
 * verb. An object with a relative clause ("acknowledged the talks that X had held") is not one.
 * A short adverbial may come first: "Separately, the board said …" is read from the subject.
 */
export function clauseAt(toks: Tagged[], k: number, end: number): boolean {
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
    // "more patients", "most residents": a comparative read as an adverb quantifies the noun
    const q = toks[from] as Tagged | undefined;
    const nq = toks[from + 1] as Tagged | undefined;
    if (q && nq && (q.tag === 'RBR' || q.tag === 'RBS') && (nq.tag === 'NNS' || nq.tag === 'NN')) from++;
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
    // (a conjunction that heads no phrase opens a clause of its own: "nothing because the jury was out")
    for (
      let pp = 0;
      pp < 2 &&
      i < end &&
      (toks[i] as Tagged).tag === 'IN' &&
      !CONJUNCTIONS_ONLY.has((toks[i] as Tagged).text.toLowerCase());
      pp++
    ) {
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

/** Subordinators of concession and contrast (Quirk et al. 1985, §15.19, §15.45). */
const CONTRASTIVE = new Set(['though', 'although', 'while', 'whereas']);

/** Where a clause that started at `from` ends: a new report, a participial report, a source phrase. */
export function clauseEnd(
  toks: Tagged[],
  from: number,
  end: number,
): { to: number; next: 'ing' | 'and' | null } {
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
      // ", according to X", ", in the words of X": the source phrase is no part of the clause
      if (sourcePhraseAt(toks, i + 1) > 0) return { to: i, next: null };
      if (nx && coordinatedReport(toks, i + 1, end)) return { to: i, next: 'and' };
      // "…, with the auditor reporting B": an absolute clause with a speaker of its own
      if (nx?.text.toLowerCase() === 'with' && absoluteReport(toks, i + 2, end)) return { to: i, next: null };
      if (nx && splicedReport(toks, i + 1, end)) return { to: i, next: null };
      // ", though …", ", while …": a concessive or contrastive clause is the writer's, as the word
      // pass reads it (indirect-clause.ts)
      if (nx && CONTRASTIVE.has(nx.text.toLowerCase())) return { to: i, next: null };
      // "…, so Trump’s tweet raised fears": ", so" before a clause of its own is the writer's
      // conclusion from the report, not part of it
      if (nx && nx.text.toLowerCase() === 'so' && clauseAt(toks, i + 2, end)) return { to: i, next: null };
    }
    if (coordinatedReport(toks, i, end)) return { to: i, next: 'and' };
  }
  return { to: end, next: null };
}

/** "with NP V-ing": a reporting verb in -ing within a few words after "with", no punctuation between. */
function absoluteReport(toks: Tagged[], k: number, end: number): boolean {
  for (let j = k + 1; j < end && j <= k + 8; j++) {
    const t = toks[j] as Tagged;
    if (t.tag === ',' || t.tag === ':' || t.tag === '.') return false;
    if (t.tag === 'VBG' && reportingLemma(t.lemma)) return true;
  }
  return false;
}

/**
 * "While the government asserts that A, the tribe says that B": after a comma, a second report
 * with its own subject and clause (not an interposed ", officials say," inside the first).
 */
function splicedReport(toks: Tagged[], k: number, end: number): boolean {
  const np = npForward(toks, k, end);
  if (!np) return false;
  const v = toks[np.to];
  if (!v || !(v.tag === 'VBD' || v.tag === 'VBZ' || v.tag === 'VBP') || !reportingLemma(v.lemma))
    return false;
  const after = toks[np.to + 1];
  return after !== undefined && (/^that$/i.test(after.text) || clauseAt(toks, np.to + 1, end));
}

/**
 * "and the auditor said": token k starts a second report coordinated with the first (a
 * conjunction, then a subject noun phrase and a reporting verb).
 */
export function coordinatedReport(toks: Tagged[], k: number, end: number): boolean {
  const t = toks[k] as Tagged;
  if (t.tag !== 'CC') return false;
  // "… and claim she …": the same subject reports again
  let a = k + 1;
  while (a < end && (toks[a] as Tagged).tag === 'RB') a++;
  const bare = toks[a];
  // (a base form there is the present of a plural subject: "They claimed A and claim B")
  if (
    bare &&
    /^VB[DZP]?$/.test(bare.tag) &&
    reportingLemma(bare.lemma) &&
    (bare.tag !== 'VB' || clauseAt(toks, a + 1, end) || /^that$/i.test(toks[a + 1]?.text ?? ''))
  )
    return true;
  const np = npForward(toks, k + 1, end);
  if (!np) return false;
  const v = toks[np.to];
  return v !== undefined && isVerbTag(v.tag) && reportingLemma(v.lemma);
}
