/**
 * What is this pair of statements? The store finds candidates through `matchKeys` and the speaker
 * index; this decides, purely, which relations hold and why, in one line a reader can check.
 */
import type { RelationType } from '../domain';
import { type ConflictCue, conflictScore, conflictWords } from './calibration';
import {
  type ClaimFeatures,
  type Conflict,
  claimFeatures,
  denialConflict,
  detectConflict,
  oppositePolarity,
  type SharedTopic,
  sharedTopic,
  topicOf,
} from './contradiction';
import { editCounts, innerEditCounts, type WordDiffOp, wordDiff } from './diff';
import { personalName, type SpeakerInfo, type SpeakerKind, sameSpeaker, speaksFor } from './identity';
import { normalizeText } from './normalize';
import { embedded, saysPart } from './reasons';
import { synonyms } from './related';
import type { Concept } from './topic';

export interface MatchStatement {
  text: string;
  kind: 'direct' | 'partial' | 'indirect';
  speakerName: string | null;
  speakerType: SpeakerKind | null;
  pageKey: string;
  /** Label of the page's site, for reasons ("example.com"). */
  site: string;
  /** Set when the caller knows this pair is one utterance (linked by `continues`): nothing is related. */
  continuesSameUtterance?: boolean;
  /** Id of the statement's `continues` chain on its page: two segments with one id are one utterance. */
  utterance?: string | number | null;
  /** Other forms the speaker was mentioned by; lets a spokesperson stand for their organisation. */
  speakerAliases?: readonly string[];
  /**
   * The verb by which the speaker denies the statement, a reported clause ("denied": "Qatar denied
   * that it had been warned"), as `denialVerb` reads it from the cue; absent when the speaker asserts it.
   */
  deniedBy?: string;
  /**
   * Words around the statement that are not the statement: the rest of its utterance and the
   * lead-in ("calls to officials came “too late.”"). Only used to find what a short fragment is about.
   */
  context?: string;
}

export interface Relation {
  type: RelationType;
  score: number;
  reason: string;
  diff?: WordDiffOp[];
  /** A contradiction's cue, which its score is calibrated by (calibration.ts). */
  cue?: ConflictCue;
}

export interface ClassifyOptions {
  /** Full names the caller knows; a bare surname is merged only when it fits exactly one. */
  knownNames?: readonly string[];
  /**
   * Look only for a conflict: for two statements of one page that share no index key and no
   * speaker (ingest's page channel), where a reprint, a misattribution or one speaker's subject
   * cannot be what joins them.
   */
  conflictOnly?: boolean;
}

/** A quoted text at least this long given to two named people is a misattribution, not a coincidence. */
const MIN_MISATTRIBUTION_WORDS = 6;
/** Share of words that must survive for two printings to count as one utterance, altered. */
const ALTERED_SIMILARITY = 0.75;
/**
 * Words a short quote may have replaced and still be one quote, altered, and the words it keeps: a
 * six-word quote (MIN_MISATTRIBUTION_WORDS) with two replaced keeps four. Over the 90,951 pairs of
 * different direct and partial quotes of at most twelve words in the gold (the invented news
 * included), all given to one speaker, neither five nor four kept words finds an altered quote.
 */
const MAX_REPLACED = 2;
const SHORT_QUOTE_KEPT = 4;

function speakerInfo(s: MatchStatement): SpeakerInfo {
  return { name: s.speakerName, type: s.speakerType, pageKey: s.pageKey, aliases: s.speakerAliases ?? [] };
}

function who(s: MatchStatement): string {
  return s.speakerName ?? 'no named speaker';
}

/** A speaker who is a name, not a description: only names can be misattributed. */
function isNamed(s: MatchStatement): boolean {
  if (s.speakerName === null) return false;
  if (s.speakerType === 'anonymous') return false;
  if (s.speakerType === 'organization') return true;
  return personalName(s.speakerName) !== null;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function list(cs: readonly Concept[], max = 4): string {
  // Entities first: they say best what the statements share.
  const sorted = [...cs].sort((x, y) => Number(y.entity) - Number(x.entity));
  return sorted
    .slice(0, max)
    .map((c) => c.word)
    .join(', ');
}

/** Is the word sequence `small` inside `big` (both normalised, space-separated)? */
function containsWords(big: string, small: string): boolean {
  return small.length > 0 && ` ${big} `.includes(` ${small} `);
}

interface TextMatch {
  /** Same words after normalisation, or one inside the other. */
  exact: boolean;
  contained: boolean;
  /** Words the two share in order, over the longer (or, for a fragment, the shorter) one. */
  similarity: number;
  diff: WordDiffOp[];
  shared: number;
  /** Words of the shorter printing as the diff counts them (the unit of `shared`). */
  shorter: number;
  /** Words capitalised differently inside the quote, as "first vs second" examples (stored vs read). */
  caseChanges: string[];
}

/** Quick bag-of-words overlap to skip the diff for pairs that cannot be the same words. */
function bagOverlap(wa: readonly string[], wb: readonly string[]): number {
  const counts = new Map<string, number>();
  for (const w of wa) counts.set(w, (counts.get(w) ?? 0) + 1);
  let shared = 0;
  for (const w of wb) {
    const c = counts.get(w) ?? 0;
    if (c > 0) {
      shared++;
      counts.set(w, c - 1);
    }
  }
  return shared / Math.max(1, Math.min(wa.length, wb.length));
}

/** A statement's normalised text and its words, computed once per statement. */
const normalCache = new WeakMap<MatchStatement, { text: string; words: string[] }>();
function normal(s: MatchStatement): { text: string; words: string[] } {
  let n = normalCache.get(s);
  if (!n) {
    const text = normalizeText(s.text);
    n = { text, words: text.split(' ') };
    normalCache.set(s, n);
  }
  return n;
}

function compareTexts(sa: MatchStatement, sb: MatchStatement): TextMatch | null {
  const { text: na, words: wa } = normal(sa);
  const { text: nb, words: wb } = normal(sb);
  if (na.length === 0 || nb.length === 0) return null;
  const a = sa.text;
  const b = sb.text;
  if (bagOverlap(wa, wb) < 0.6) return null;
  const diff = wordDiff(a, b);
  const { equal, deleted, inserted } = editCounts(diff);
  const exact = na === nb;
  const contained = !exact && (containsWords(na, nb) || containsWords(nb, na));
  // Shares in the diff's own words: the normalised text splits compounds ("long-term", "U.S.-led")
  // that the diff keeps whole, and a share of the one over a count of the other undercounts.
  const similarity = contained ? 1 : equal / (equal + Math.max(deleted, inserted));
  const shorter = equal + Math.min(deleted, inserted);
  return { exact, contained, similarity, diff, shared: equal, shorter, caseChanges: caseChanges(diff) };
}

/**
 * Words printed with other capitals inside the quote ("Sovereign Nation" vs "sovereign nation"),
 * as "a vs b" examples. The first word (a sentence start) does not count, nor does punctuation:
 * outlets change quote marks, dashes and commas by house style.
 */
function caseChanges(diff: readonly WordDiffOp[]): string[] {
  const out: string[] = [];
  let first = true;
  for (const op of diff) {
    if (op.op === 'insert') continue;
    for (const [j, wa] of op.words.entries()) {
      const wb = op.printedB?.[j];
      if (!first && op.op === 'equal' && wb !== undefined) {
        const x = trimPunctuation(wa);
        const y = trimPunctuation(wb);
        if (x !== y && x.toLowerCase() === y.toLowerCase()) out.push(`‘${x}’ vs ‘${y}’`);
      }
      first = false;
    }
  }
  return out;
}

/** A word without the quote marks and punctuation around it. */
function trimPunctuation(w: string): string {
  let s = 0;
  let e = w.length;
  while (s < e && !/[\p{L}\p{N}]/u.test(w[s]!)) s++;
  while (e > s && !/[\p{L}\p{N}]/u.test(w[e - 1]!)) e--;
  return w.slice(s, e);
}

function sameUtterance(a: MatchStatement, b: MatchStatement): boolean {
  if (a.continuesSameUtterance || b.continuesSameUtterance) return true;
  return (
    a.pageKey === b.pageKey &&
    a.utterance !== undefined &&
    a.utterance !== null &&
    a.utterance === b.utterance
  );
}

/** Words of a speaker's name, to resolve "it"/"he" and to keep the name out of the topic; none for a description. */
function nameWords(s: MatchStatement): readonly string[] {
  if (s.speakerName === null || !isNamed(s)) return [];
  if (s.speakerType === 'organization') return normalizeText(s.speakerName).split(' ');
  return personalName(s.speakerName) ?? [];
}

const featureCache = new WeakMap<MatchStatement, ClaimFeatures>();
function features(s: MatchStatement): ClaimFeatures {
  let f = featureCache.get(s);
  if (!f) {
    const speakerWords = nameWords(s);
    f = claimFeatures(s.text, s.context ?? '', speakerWords);
    featureCache.set(s, f);
  }
  return f;
}

/** A possible conflict about one event, worded for the reader; inside one article only as `oneArticleConflict` allows. */
function conflictRelation(
  a: MatchStatement,
  b: MatchStatement,
  fa: ClaimFeatures,
  fb: ClaimFeatures,
): Relation | null {
  // One side denies a clause, the other asserts: only a denial of the other's claim conflicts.
  const found = oneDenies(a, b)
    ? a.deniedBy
      ? denialConflict(fa, fb, a.deniedBy)
      : denialConflict(fb, fa, b.deniedBy!)
    : detectConflict(fb, fa);
  if (!found || (a.pageKey === b.pageKey && !oneArticleConflict(found, a, b))) return null;
  // (detectConflict read the stored statement b as its first side)
  const [wb, wa] = [found.words?.a, found.words?.b];
  const [nb, na] = [found.nth?.a ?? 0, found.nth?.b ?? 0];
  const score = conflictScore(found.cue);
  return {
    type: 'contradiction',
    score,
    cue: found.cue,
    reason: `${conflictWords(score)} — ${found.because}: ${saysPart(who(b), b.site, b.text, wb, nb, b.deniedBy)}; ${saysPart(who(a), a.site, a.text, wa, na, a.deniedBy)}`,
  };
}

/** Does one side deny its clause and the other not? Then they say opposite things of it. */
function oneDenies(a: MatchStatement, b: MatchStatement): boolean {
  return !a.deniedBy !== !b.deniedBy;
}

/** What classifyPair knows about a pair before it looks at the words. */
interface Pair {
  a: MatchStatement;
  b: MatchStatement;
  equivalent: boolean;
  differentNamed: boolean;
  quoted: boolean;
  /** A predicate negated on one side and asserted on the other, the stored side (b) first. */
  polarity: string | null;
  /**
   * One speaker in one article: one account, read together by the writer, which cannot conflict
   * with itself ("they don't know much" and "I know more than the generals").
   */
  oneAccount: boolean;
}

/**
 * The relations between two statements, strongest first; empty when they are unrelated.
 * `a` is the statement being read, `b` one already stored (reasons name `b` first).
 */
export function classifyPair(
  a: MatchStatement,
  b: MatchStatement,
  options: ClassifyOptions = {},
): Relation[] {
  if (sameUtterance(a, b)) return [];
  const out: Relation[] = [];
  const ia = speakerInfo(a);
  const ib = speakerInfo(b);
  const sameSpk = sameSpeaker(ia, ib, { knownNames: options.knownNames ?? [] });
  const equivalent = sameSpk || speaksFor(ia, ib) || speaksFor(ib, ia);
  const fa = features(a);
  const fb = features(b);
  const oneAccount = a.pageKey === b.pageKey && equivalent;
  if (options.conflictOnly) {
    const conflict = oneAccount ? null : conflictRelation(a, b, fa, fb);
    return conflict ? [conflict] : [];
  }
  const pair: Pair = {
    a,
    b,
    equivalent,
    differentNamed: isNamed(a) && isNamed(b) && !equivalent,
    quoted: a.kind !== 'indirect' && b.kind !== 'indirect',
    polarity: oppositePolarity(fb, fa),
    oneAccount,
  };

  // 1. The same words, or nearly: reprint, misattribution, alteration.
  // The diff runs from the stored wording (b) to the one being read (a): "added" means added by a.
  // A clause denied is not the words of the one who asserts it (nor theirs printed again).
  const m = oneDenies(a, b) ? null : compareTexts(b, a);
  const sameWords = m ? sameWordRelations(pair, m, out) : false;

  // 2. A possible conflict about one event (either side may be a paraphrase); inside one article
  // only between different speakers.
  const conflict = sameWords || pair.oneAccount ? null : conflictRelation(a, b, fa, fb);
  if (conflict) out.push(conflict);

  // 3. One speaker: the same claim reported twice, or the same subject on another occasion.
  if (!sameWords && equivalent) {
    const paraphrase =
      (a.kind === 'indirect' || b.kind === 'indirect') &&
      !conflict &&
      !pair.polarity &&
      !oneDenies(a, b) &&
      sameClaim(fa, fb);
    const topic = sharedTopic(fa, fb);
    if (paraphrase) {
      out.push({
        type: 'same-quote',
        score: 0.6,
        reason: `same claim by ${who(a)} reported by ${b.site} and ${a.site}: ${list(paraphrase)}`,
      });
    } else if (sameSpk && a.speakerType !== 'organization' && sameSubject(topic)) {
      const ta = topicOf(fa);
      const tb = topicOf(fb);
      const overlap = topic.concepts.length / Math.max(1, Math.min(ta.size, tb.size));
      out.push({
        type: 'same-speaker-topic',
        score: Math.min(0.9, 0.3 + overlap / 2),
        reason: `${who(a)} on ${list(topic.concepts)} (${b.site} and ${a.site})`,
      });
    }
  }
  return out.sort((x, y) => y.score - x.score);
}

/**
 * Two speakers of one article, whom the writer quotes side by side, conflict by contrasted words
 * (a negation, antonyms) only where each states them itself, not inside a clause it reports ("were
 * not notified that Yoon would declare martial law" says nothing against "would not declare it").
 */
function oneArticleConflict(c: Conflict, a: MatchStatement, b: MatchStatement): boolean {
  if (c.cue === 'refutation') return true;
  return !embedded(b.text, c.words?.a, c.nth?.a) && !embedded(a.text, c.words?.b, c.nth?.b);
}

/**
 * Relations of two printings of (nearly) the same words: reprint, misattribution, alteration.
 * Pushes them to `out`; true when the pair is one utterance printed twice, so that a paraphrase or
 * a conflict is not looked for as well.
 */
function sameWordRelations(p: Pair, m: TextMatch, out: Relation[]): boolean {
  const { a, b, equivalent, differentNamed, quoted } = p;
  const onePage = a.pageKey === b.pageKey;
  const shortest = Math.min(normal(a).words.length, normal(b).words.length);
  const long = shortest >= MIN_MISATTRIBUTION_WORDS;
  // A short quote with at most two words replaced is still one quote, altered, when one speaker
  // (or no named one on either side) is given both: seven words with two changed keep only 71 %,
  // six words 67 %.
  const fewReplaced =
    !differentNamed && quoted && m.shared >= SHORT_QUOTE_KEPT && m.shared >= m.shorter - MAX_REPLACED;
  const near = (m.similarity >= ALTERED_SIMILARITY || fewReplaced) && long;
  if (p.polarity && (m.exact || m.contained || near)) return negatedWords(p, m, near, out);
  const words = plural(m.shared, 'word');
  if (m.exact || m.contained) {
    // One article printing the same words twice under two names names one speaker two ways ("the
    // President-elect", "Donald Trump"): a misattribution is between two reports.
    if (differentNamed && long && !onePage) {
      out.push({
        type: 'misattribution',
        score: Math.min(1, 0.6 + shortest / 50),
        reason: `same ${words}; ${b.site} says ${who(b)}, ${a.site} says ${who(a)}`,
      });
    } else if (equivalent || ((!differentNamed || onePage) && long)) {
      const part = m.contained ? 'quoted in part' : 'printed';
      out.push({
        type: 'same-quote',
        score: m.exact ? 1 : 0.8,
        reason: `same ${words}, also ${part} by ${b.site}${b.speakerName ? ` (${b.speakerName})` : ''}`,
      });
    } else {
      return false;
    }
    if (quoted && m.caseChanges.length > 0 && long) {
      const n = m.caseChanges.length;
      out.push({
        type: 'altered-quote',
        score: 0.3,
        reason: `same words, ${plural(n, 'word')} capitalised differently: ${m.caseChanges.slice(0, 3).join(', ')}${n > 3 ? ', …' : ''} (${b.site} vs ${a.site})`,
        diff: m.diff,
      });
    }
    return true;
  }
  if (!near) return false;
  const { deleted, inserted } = editCounts(m.diff);
  if (quoted) {
    // A printing that quotes the other in part leaves words out at its ends: not changes to the quote
    const changes = innerEditCounts(m.diff);
    out.push({
      type: 'altered-quote',
      score: Math.min(1, 0.5 + (deleted + inserted) / 20),
      reason: changes.outside
        ? `quoted in part with ${plural(changes.deleted, 'word')} removed and ${plural(changes.inserted, 'word')} added: ${b.site} vs ${a.site}`
        : `same quote with ${plural(deleted, 'word')} removed and ${plural(inserted, 'word')} added: ${b.site} vs ${a.site}`,
      diff: m.diff,
    });
    if (differentNamed && !onePage) {
      out.push({
        type: 'misattribution',
        score: 0.6 * m.similarity,
        reason: `nearly the same ${plural(m.shared, 'word')}; ${b.site} says ${who(b)}, ${a.site} says ${who(a)}`,
      });
    }
    return true;
  }
  if (!equivalent) return false;
  out.push({
    type: 'same-quote',
    score: 0.7 * m.similarity,
    reason: `nearly the same ${plural(m.shared, 'word')} (a paraphrase), also in ${b.site}`,
  });
  return true;
}

/**
 * (Nearly) the same words, but one side negates what the other asserts: not a reprint nor a
 * misattribution, a possible conflict. Printed as a quote by one speaker (or unnamed ones), it is
 * also an altered quote, whose reason names the negation.
 */
function negatedWords(p: Pair, m: TextMatch, near: boolean, out: Relation[]): boolean {
  const { a, b } = p;
  const score = conflictScore('negated-words');
  if (!p.oneAccount)
    out.push({
      type: 'contradiction',
      score,
      cue: 'negated-words',
      reason: `${conflictWords(score)} — the same words but ${p.polarity}: ${saysPart(who(b), b.site, b.text)}; ${saysPart(who(a), a.site, a.text)}`,
    });
  if (p.quoted && !p.differentNamed && near && !m.contained) {
    const { deleted, inserted } = editCounts(m.diff);
    out.push({
      type: 'altered-quote',
      score: Math.min(1, 0.6 + (deleted + inserted) / 20),
      reason: `same quote with the negation changed, ${p.polarity}: ${plural(deleted, 'word')} removed and ${plural(inserted, 'word')} added (${b.site} vs ${a.site})`,
      diff: m.diff,
    });
  }
  return true;
}

/**
 * Share of the shorter claim's content words the other must have for one claim reworded. Chosen on
 * the tune part of PERSPECTRUM's paraphrases as the lowest share that keeps precision at 95 % or
 * more (0.75 → 0.7: tune P 96.0 → 95.7 %, R 28.3 → 30.5 %; check P 97.4 → 97.6 %, R 24.0 → 25.9 %;
 * 0.65 fell to 94.7 % on tune).
 */
const SAME_CLAIM_SMALL = 0.7;

/**
 * Two reports of one claim: most of the content words of each are in the other (own words only,
 * not context). No name in common is needed: a claim
 * reworded by its speaker often names no one ("the new levy would hurt small farmers").
 */
function sameClaim(fa: ClaimFeatures, fb: ClaimFeatures): Concept[] | null {
  const shared: Concept[] = [];
  const used = new Set<string>();
  for (const [k, c] of fa.own) {
    if (c.viaSpeaker) continue;
    // The same word, or for a word not a name, one of the same sense ("bought" / "purchased").
    let o = fb.own.get(k);
    if (!o && !c.entity)
      o = [...fb.own.values()].find(
        (x) => !x.entity && !fa.own.has(x.key) && !used.has(x.key) && synonyms(k, x.key),
      );
    if (!o || o.viaSpeaker) continue;
    used.add(o.key);
    shared.push(c);
  }
  const small = Math.min(fa.own.size, fb.own.size);
  const large = Math.max(fa.own.size, fb.own.size);
  if (shared.length >= 3 && shared.length >= SAME_CLAIM_SMALL * small && shared.length >= 0.4 * large)
    return shared;
  return null;
}

/** Enough in common to call it one subject: two concepts, at least one of them not a bare name. */
function sameSubject(topic: SharedTopic): boolean {
  const predicates = topic.concepts.filter((c) => !c.entity).length;
  return topic.weight >= 2 && predicates >= 1;
}
