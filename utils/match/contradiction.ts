/**
 * Possible conflicts between two claims about one event.
 *
 * Cues come from general lexicons only: negators, refutation words ("baseless", "not true"),
 * temporal opposites ("before" / "after", "in advance" / "too late"), antonym pairs from WordNet
 * ("success" / "fail") and quantities that differ. A cue alone is not enough: the two
 * statements must also share what they are about (entities and content concepts). The result is a
 * "possible conflict", never a verdict.
 */

import { isPreposition } from '../extract/attribution-subjects';
import { ruleLemma } from '../nlp/lemma';
import { memoize } from './memo';
import { WORDNET_ANTONYMS } from './model/wordnet-antonyms';
import { type NormToken, normTokens } from './norm-tokens';
import { type Quantity, quantitiesOf, quantityClash } from './quantities';
import { related, sameRoot } from './related';
import { stem } from './stem';
import { STOPWORDS } from './stopwords';
import { type Concept, conceptOf, isName, nameConcept, namesIn, tokenConcept } from './topic';

/** Words that negate what follows them (as normalizeText writes contractions). */
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'neither',
  'nor',
  'nobody',
  'nothing',
  'none',
  'without',
  'didnt',
  'doesnt',
  'dont',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'hasnt',
  'havent',
  'hadnt',
  'wont',
  'wouldnt',
  'cant',
  'cannot',
  'couldnt',
  'shouldnt',
]);

/**
 * Words that call a claim false, as lemmas: any inflection counts ("denies", "denying", "debunked").
 * The refuting words of the Fake News Challenge baseline (FNC-1, github.com/FakeNewsChallenge/
 * fnc-1-baseline, Apache 2.0): fake, hoax, false, deny, bogus, debunk, retract; of the rest, "not"
 * and "doubt" are the negation cue's, "despite" concedes, "fraud" and "pranks" name deeds, not
 * claims. With them the plain English words of falsity: untrue, baseless, unfounded, groundless,
 * fabricate, incorrect, inaccurate, misleading, nonsense, lie, refute. "Reject" and "dismiss"
 * (said of plans and people as often as of claims) were tried: on the open data's tune part they
 * added two false conflicts and no true one; "rumour" marks a claim unconfirmed, not false.
 */
const REFUTING_WORDS = new Set([
  'baseless',
  'false',
  'falsely',
  'untrue',
  'unfounded',
  'groundless',
  'fabricate',
  'fabrication',
  'bogus',
  'nonsense',
  'lie',
  'fake',
  'incorrect',
  'inaccurate',
  'misleading',
  'deny',
  'refute',
  'debunk',
  'hoax',
  'retract',
  // The fact-checkers' ratings that call a claim false (Snopes: Scam, Labeled Satire,
  // Misattributed, Miscaptioned; PolitiFact's "False" and "Pants on Fire" are held already or below).
  // Snopes's "Legend" is left out: news calls people legends.
  'scam',
  'satire',
  'satirical',
  'misattribute',
  'miscaption',
]);
/** Phrases that call a claim false, matched as word sequences. */
const REFUTING_PHRASES: readonly string[] = [
  'not true',
  'no truth',
  'no basis',
  'not the case',
  'never happened',
  'did not happen',
  'didnt happen',
  'pants on fire',
];

/**
 * Earlier than the event: English time adjuncts of anteriority (Quirk et al. 1985, ch. 8, time
 * adjuncts; TimeML's BEFORE signals, Pustejovsky et al. 2003) and the prospective "be about to /
 * planning to / preparing to", which put the event still to come. Phrases taken from one story's
 * wording ("advance warning", "early warning", "advance notice", "in time") were removed: no
 * figure moved.
 */
const EARLY: readonly string[] = [
  'before',
  'ahead of',
  'in advance',
  'beforehand',
  'prior to',
  'planning to',
  'preparing to',
  'about to',
];

/**
 * At or after the event: adjuncts of posteriority and simultaneity (the same sources: AFTER and
 * DURING signals) and "too late", "belatedly". "afterwards" and "later" only count when they do not
 * continue a "first …". One story's "as it happened", "while it was", "in the middle of" and "only
 * after" (which "after" already covers) were removed: no figure moved.
 */
const LATE: readonly string[] = [
  'after',
  'afterwards',
  'afterward',
  'later',
  'too late',
  'belatedly',
  'during',
];

const PRONOUNS = new Set(['it', 'he', 'she', 'they', 'we', 'i']);

function stems(list: string): Set<string> {
  return new Set(list.split(' ').map(stem));
}

/**
 * Negative implicative verbs: "X failed to V" entails that X did not V (Karttunen 1971, "Implicative
 * verbs", Language 47(2); the two-way and one-way negative implicatives of Nairn, Condoravdi and
 * Karttunen 2006, "Computing relative polarity for textual inference"), and "unable", the negative
 * of the implicative "able to". Followed by "to", they negate the verb after it like "not"; so do
 * their nouns ("a failure to pay", "his refusal to sign", "an inability to control").
 */
const NEGATIVE_IMPLICATIVES = stems(
  'fail refuse decline neglect forget omit unable failure refusal inability',
);

/**
 * Antonyms as axis and sign, from WordNet (model/wordnet-antonyms.ts): one end of an axis is +1,
 * the other −1, and the same axis with opposite effective signs is a clash. Keyed by stem; a word
 * may stand on several axes ("lose": win/lose and keep/lose), each weighed on its own.
 */
const AXES = new Map<string, [string, 1 | -1][]>();
for (const [plus, minus] of WORDNET_ANTONYMS) {
  const axis = `${plus.split(' ')[0]}/${minus.split(' ')[0]}`;
  for (const [words, sign] of [
    [plus, 1],
    [minus, -1],
  ] as const) {
    for (const w of words.split(' ')) {
      const list = AXES.get(stem(w)) ?? [];
      if (list.length === 0) AXES.set(stem(w), list);
      if (!list.some(([a]) => a === axis)) list.push([axis, sign]);
    }
  }
}

/** The antonym axes a word stands on, with its sign on each; none for most words. */
function axesOf(word: string): readonly [string, 1 | -1][] {
  return AXES.get(stem(word)) ?? [];
}

/** Do two words stand on one axis? Then the axis weighs their polarity, not the negation of a predicate. */
function shareAxis(x: string, y: string): boolean {
  const ys = axesOf(y);
  return axesOf(x).some(([axis]) => ys.some(([other]) => other === axis));
}

/** An antonym axis as a statement uses it. */
export interface AxisUse {
  sign: 1 | -1;
  /** The word as found, "not …" when negated, for the reason line. */
  phrase: string;
  /** Concepts within AXIS_REACH tokens of its words: what the antonym is said of. */
  near: Set<string>;
}

/** How many tokens either side of an antonym word may name what it is said of ("the levee … was weak"). */
const AXIS_REACH = 5;

/** Is one of the shared concepts next to the cue word on both sides, so that both say it of one thing? */
function saidOfOne(
  rest: readonly Concept[],
  x: ReadonlySet<string> = new Set(),
  y: ReadonlySet<string> = new Set(),
) {
  return rest.some((c) => x.has(c.key) && y.has(c.key));
}

export interface Cue {
  /** The words as found, for the reason line. */
  phrase: string;
  /** Token positions the cue covers (kept out of the topic). */
  from: number;
  to: number;
  /** For a time preposition, the event it orders against ("before the vote"): its concepts, or a pronoun. */
  anchor?: { keys: Set<string>; pronoun: boolean };
}

export interface ClaimFeatures {
  tokens: NormToken[];
  /** Concepts of the statement's own words, minus cue words and the speaker's own name. */
  own: Map<string, Concept>;
  /** Concepts of the context (lead-in, rest of the utterance), used when `own` is thin. */
  context: Map<string, Concept>;
  /** Concepts that are the head of a negated phrase ("did not come" → come). */
  negated: Set<string>;
  /** Concepts that occur somewhere not negated. */
  asserted: Set<string>;
  refutation: Cue | null;
  early: Cue | null;
  late: Cue | null;
  /** Effective sign of each antonym axis present (its first occurrence), and the concepts around it. */
  axes: Map<string, AxisUse>;
  /** The concepts within AXIS_REACH tokens of each concept's words: what it is said of. */
  around: Map<string, Set<string>>;
  /** Every effective sign each antonym axis takes ("failed … but a success" takes both). */
  axisSigns: Map<string, Set<1 | -1>>;
  /** Is the token at this position within reach of a negator? */
  negatedAt: (i: number) => boolean;
  /** Is it in a negated clause, within the reach or after it (`clauseShadow`): not asserted? */
  deniedClauseAt: (i: number) => boolean;
  /** The concept key of the token at this position, null for a function word or a name of the speaker. */
  keyAt: (i: number) => string | null;
  /** The exact quantities it states ("12 people", "in 1962"). */
  quantities: Quantity[];
  /** Concepts only in its frame of attribution ("School says …", "…, company spokesman says"): who says it, not what. */
  attribution: Set<string>;
}

/** Phrase lists split into words once and indexed by their first word, keyed by list. */
const splitPhrases = new WeakMap<readonly string[], Map<string, { phrase: string; parts: string[] }[]>>();

function findPhrase(
  ws: readonly string[],
  phrases: readonly string[],
  skip?: (i: number) => boolean,
): Cue | null {
  let byFirst = splitPhrases.get(phrases);
  if (!byFirst) {
    byFirst = new Map();
    for (const phrase of phrases) {
      const parts = phrase.split(' ');
      const list = byFirst.get(parts[0]!) ?? [];
      if (list.length === 0) byFirst.set(parts[0]!, list);
      list.push({ phrase, parts });
    }
    splitPhrases.set(phrases, byFirst);
  }
  for (let i = 0; i < ws.length; i++) {
    const candidates = byFirst.get(ws[i]!);
    if (candidates === undefined || skip?.(i)) continue;
    for (const { phrase, parts } of candidates) {
      let ok = true;
      for (let j = 1; j < parts.length && ok; j++) ok = ws[i + j] === parts[j];
      if (ok) return { phrase, from: i, to: i + parts.length };
    }
  }
  return null;
}

const CONDITIONALS = new Set(['without', 'unless', 'until', 'till', 'except']);

/**
 * "as long as" and "so long as": conditional subordinators of more than one word (Quirk et al. 1985,
 * §15.34, with "if", "unless", "provided"): "can repatriate income without paying tax as long as
 * it is invested" states a condition, not that no tax is paid. Read at "long".
 */
function longAs(ws: readonly string[], i: number): boolean {
  return ws[i] === 'long' && ws[i + 1] === 'as' && (ws[i - 1] === 'as' || ws[i - 1] === 'so');
}
/**
 * After a negator, words that make it add to the claim rather than deny it ("not only", "not just"):
 * the restrictive focusing subjuncts of Quirk et al. (1985), A Comprehensive Grammar, §8.116.
 */
const ADDITIVES = new Set(['only', 'just', 'merely', 'simply']);

/**
 * After a negator and its article, words that take the negation's focus themselves ("not the first
 * time police were called" denies the first time, not the police; "is not the only school to
 * close"): the ordinals and the words of uniqueness and identity, on which the focus of negation
 * falls (Quirk et al. 1985, §10.64–10.66). The negation then heads no content word.
 */
const RANK_FOCUS = new Set(
  'first second third fourth fifth sixth seventh eighth ninth tenth last next only same'.split(' '),
);
const ARTICLES = new Set(['a', 'an', 'the']);

/**
 * "is not a play that is loved by millions" denies the relative clause, not that it is a play: after
 * a negated "be", a noun with an article and a relative clause after it is not the negation's focus,
 * which falls at the end of the clause (end focus: Quirk et al. 1985, §10.64, §18.3).
 */
function relativeFocus(ws: readonly string[], not: number, noun: number): boolean {
  return ARTICLES.has(ws[noun - 1]!) && RELATIVES.has(ws[noun + 1] ?? '') && COPULAS.has(ws[not - 1] ?? '');
}
const RELATIVES = new Set(['that', 'who', 'which']);
const COPULAS = new Set(['is', 'are', 'was', 'were', 'be', 'been', 'being']);

/**
 * Share of the shorter claim's content concepts the two must share to be about one thing when no
 * name is shared: with a negation between them, nearly the same words denied and asserted.
 */
const SAME_THING = 0.9;

/** Share of a refuted claim's content concepts the refuting side must repeat when no name is shared. */
const RESTATED = 2 / 3;

/** The reporting verbs the stopword list holds: a negation that heads one denies a saying ("did not say"). */
const SAYING = new Set([
  'say',
  'says',
  'said',
  'saying',
  'tell',
  'tells',
  'told',
  'telling',
  'adds',
  'added',
  'stated',
]);

/**
 * Epistemic hedges that leave the word after them unasserted: the content disjuncts of doubt
 * (Quirk et al. 1985, §8.127: allegedly, apparently, reportedly, supposedly, purportedly) and the
 * adjectives of the same stems, with "rumoured" (a claim unconfirmed, as the refutation lexicon
 * notes), by which news reports a claim without vouching for it.
 */
const HEDGES = new Set([
  'alleged',
  'allegedly',
  'purported',
  'purportedly',
  'supposed',
  'supposedly',
  'rumoured',
  'rumored',
  'reportedly',
  'apparently',
]);

/** How many tokens after a negator it reaches, for "did not come directly from X". */
const NEGATION_REACH = 4;

/**
 * A text's words and what each one is: its concept key and whether it is a name. A name (`isName`)
 * takes part in no lexical cue: it is no antonym, no negated predicate, no refutation and no verb
 * of telling ("Rose" is not "rise", "Amber Heard" is not "heard").
 */
interface Words {
  tokens: NormToken[];
  ws: string[];
  keys: (string | null)[];
  name: boolean[];
  /** The words written inside a hyphenated compound ("safe-haven", "short-term"). */
  hyphened: Set<string>;
  /** Positions of "no" written as an answer, set off by a comma or a dash ("No, the plant stays open"). */
  answers: Set<number>;
}

/** "no" as a word, and what is written right after it. */
const NO_WORD = /(?<![\p{L}\p{N}]['’ʼ]?)no(?!['’ʼ]?[\p{L}\p{N}])(\s*[,;:!—–])?/giu;

/**
 * The answer "No," (Quirk et al. 1985, §11.5: a reply word, outside the clause) denies what was
 * asked, not the words after it: "No, we will sign the deal" signs. The k-th "no" token is the k-th
 * "no" of the text.
 */
function answerNos(text: string, tokens: readonly NormToken[]): Set<number> {
  const out = new Set<number>();
  const marks = [...text.normalize('NFKD').matchAll(NO_WORD)].map((m) => m[1] !== undefined);
  let k = 0;
  for (let i = 0; i < tokens.length; i++) {
    if (tokens[i]!.norm !== 'no') continue;
    if (marks[k++]) out.add(i);
  }
  return out;
}

function readWords(text: string): Words {
  const tokens = normTokens(text);
  const names = namesIn(tokens);
  const name = tokens.map((t) => isName(t, names));
  const keys = tokens.map((t, i) => tokenConcept(t, name[i]!));
  const hyphened = new Set(
    (text.match(/\p{L}+(?:-\p{L}+)+/gu) ?? []).flatMap((c) => c.toLowerCase().split('-')),
  );
  return { tokens, ws: tokens.map((t) => t.norm), keys, name, hyphened, answers: answerNos(text, tokens) };
}

/**
 * Degree words that make an antonym relative ("more dangerous" than before is not "dangerous"): the
 * analytic comparative and superlative, Quirk et al. (1985), §7.74.
 */
const DEGREE = new Set(['more', 'less', 'most', 'least']);

/**
 * Does a word at `i` state its antonym axis outright? Not inside a name, a hyphenated compound
 * ("a safe-haven" is a place, not a safety) or after a degree word (a comparison, not a state).
 */
function axisWord(w: Words, i: number): boolean {
  return !w.name[i] && !w.tokens[i]!.question && !w.hyphened.has(w.ws[i]!) && !DEGREE.has(w.ws[i - 1] ?? '');
}

/** The keys a speaker's name words may take in a text: as a name, or as a sentence's first word. */
function speakerKeySet(speakerWords: readonly string[]): Set<string> {
  const out = new Set<string>();
  for (const w of speakerWords) {
    for (const k of [nameConcept(w), conceptOf(w)]) if (k !== null) out.add(k);
  }
  return out;
}

/**
 * Verbs of wanting, trying and intending: "wants to know", "tried to stop" entail neither that the
 * thing was done nor that it was not (Karttunen 1971, "Implicative verbs": the non-implicatives).
 */
const NON_IMPLICATIVES = stems('want wish hope yearn seek try attempt aim plan intend');

/**
 * Of them, the verbs of intending: a denied intention ("no plans to ban", "does not intend to
 * sell") denies that the act will be done, as a news denial is written.
 */
const INTENDING = stems('plan intend');

/** Is the word at `i` the verb such a verb takes ("hopes to win": win)? It is not asserted. */
function desired(w: Words, i: number): boolean {
  return i >= 2 && w.ws[i - 1] === 'to' && NON_IMPLICATIVES.has(stem(verbLemma(w.ws[i - 2]!)));
}

/**
 * Words that deny what follows them without "not": Klima's (1964, "Negation in English") affective
 * elements that are not negators themselves: the privatives "lack", "absence" and "incapable"
 * ("a lack of funds", "lacks support", "incapable of carrying"), and the negative quantifier "few"
 * ("few voters turned out": not many), but not "a few" ("quite a few"), which asserts some. The
 * negative adverbs (hardly, scarcely, seldom, rarely) were tried: one more false conflict on tune.
 */
const PRIVATIVES = stems('lack absence incapable');
function negativeWord(w: Words, i: number): boolean {
  const word = w.ws[i]!;
  if (w.name[i]) return false;
  if (word === 'few') return w.ws[i - 1] !== 'a';
  return PRIVATIVES.has(stem(word));
}

/**
 * "rather than" and "instead of" deny what follows them ("will repair the bridge rather than replace
 * it" does not replace it): the contrastive negators of Quirk et al. (1985), §13.41 (rather than)
 * and §9.7 (instead of, a complex preposition of replacement). Read at their second word.
 */
function contrastive(ws: readonly string[], i: number): boolean {
  return (ws[i] === 'than' && ws[i - 1] === 'rather') || (ws[i] === 'of' && ws[i - 1] === 'instead');
}

/**
 * Is the word at `i` inside an if-clause ("if the council does not approve the budget, …")? A
 * condition asserts nothing, nor does its negation deny anything (Quirk et al. 1985, §15.33).
 */
function inCondition(w: Words, i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (w.tokens[j]!.pause) return false;
    if (w.ws[j] === 'if' || w.ws[j] === 'whether') return true;
  }
  return false;
}

/** Auxiliaries between a relative pronoun and its negator ("who did not", "that have never"). */
const RELATIVE_AUXILIARIES = new Set(
  'do does did is are was were be been has have had will would can could shall should may might must'.split(
    ' ',
  ),
);

/**
 * Is the negator at `i` inside a restrictive relative clause ("companies that do not pay the levy",
 * "residents who never left")? A restrictive relative defines which things the noun before it means
 * (Quirk et al. 1985, §17.3); its polarity is not what the claim asserts of them. The relative
 * pronoun stands right after a content word, with no comma (a comma makes it non-restrictive, which
 * asserts: "the plant, which did not close, …"), and is the clause's subject (only an auxiliary
 * between it and the negator). A cleft ("it was the mayor who did not sign") and the relative of a
 * predicative noun ("he is a man who never gives up") assert their clause.
 */
function restrictiveRelative(w: Words, i: number): boolean {
  let r = i - 1;
  if (RELATIVE_AUXILIARIES.has(w.ws[r] ?? '')) r--;
  if (r < 1 || !RELATIVES.has(w.ws[r]!)) return false;
  const noun = r - 1;
  if (w.tokens[noun]!.pause || w.keys[noun] === null || SAYING.has(w.ws[noun]!)) return false;
  for (let j = noun - 1; j >= Math.max(0, noun - 5) && !w.tokens[j]!.pause; j--) {
    if ((w.ws[j] === 'it' || w.ws[j] === 'this') && COPULAS.has(w.ws[j + 1] ?? '')) return false;
    // "a monk is a person who never marries": the relative of a predicative noun says what is asserted
    if (COPULAS.has(w.ws[j]!) && j >= noun - 3) return false;
  }
  return true;
}

/** Negation: the reach of each negator (for sources) and its head, the first content word after it. */
function negationScope(w: Words): {
  reach: boolean[];
  head: boolean[];
  intents: number[];
  shadow: boolean[];
} {
  const { ws } = w;
  const reach = new Array<boolean>(ws.length).fill(false);
  // The rest of a negated clause, past the reach: neither denied nor asserted (`clauseShadow`)
  const shadow = new Array<boolean>(ws.length).fill(false);
  const head = new Array<boolean>(ws.length).fill(false);
  // the verbs of intending whose act a negation denies: a frame, like "says" ("no plans to …")
  const intents: number[] = [];
  for (let i = 0; i < ws.length; i++) {
    // "refused to sign": the negation starts at "to" and heads the verb after it; "too young to
    // be targeted" likewise denies the verb (Quirk et al. 1985, §16.76: "too … to" = "so … that not")
    const tooTo = ws[i] === 'too' && ws[i + 2] === 'to';
    if (tooTo || (ws[i + 1] === 'to' && !w.name[i] && NEGATIVE_IMPLICATIVES.has(stem(ws[i]!)))) {
      // "did not fail to act" acts: a negated negative implicative entails its complement
      // (Karttunen 1971); the negation's reach already covers the verb, which stays unasserted.
      if (!tooTo && head[i]) continue;
      const at = tooTo ? i + 1 : i;
      const j = ws[at + 2] === 'be' ? at + 3 : at + 2;
      for (let k = j; k <= at + 1 + NEGATION_REACH && k < ws.length; k++) reach[k] = true;
      if (j < ws.length && w.keys[j] !== null && !w.name[j]) head[j] = true;
      continue;
    }
    // "rather than" / "instead of" deny their own phrase only, up to its end
    if (contrastive(ws, i)) {
      let headFound = false;
      for (let j = i + 1; j <= i + NEGATION_REACH && j < ws.length; j++) {
        reach[j] = true;
        if (!headFound && w.keys[j] !== null) {
          head[j] = !w.name[j];
          headFound = true;
        }
        if (w.tokens[j]!.pause) break;
      }
      continue;
    }
    // A question denies nothing: "Why wouldn't they sign?"
    if (!(NEGATORS.has(ws[i]!) || negativeWord(w, i)) || w.answers.has(i) || w.tokens[i]!.question) continue;
    // "no path to peace without X", "cannot begin until X": a condition, not a denial.
    if (ws.slice(i + 1, i + 9).some((x, k) => CONDITIONALS.has(x) || longAs(ws, i + 1 + k))) continue;
    if (inCondition(w, i)) continue;
    // "not only reopen the bridge but widen it" asserts more, it denies nothing.
    if (ADDITIVES.has(ws[i + 1] ?? '')) continue;
    // "Residents who did not leave were rescued": the negated words pick out which residents, they
    // are neither denied nor asserted by the claim.
    if (restrictiveRelative(w, i)) {
      for (let j = i + 1; j <= i + NEGATION_REACH && j < ws.length; j++) reach[j] = true;
      clauseShadow(w, i, shadow);
      continue;
    }
    let headFound = false;
    // "never had the chance again to win": a to-infinitive that starts within the reach or right
    // after it is under the negation too; its words are not asserted (it heads nothing new).
    let end = i + NEGATION_REACH;
    for (let j = i + 1; j <= end + 1 && j < ws.length; j++) {
      if (ws[j] === 'to') end = j + NEGATION_REACH;
      // "not the isolation of an embargo": a noun's of-phrase is part of the phrase denied
      else if (ws[j] === 'of' && j <= i + NEGATION_REACH && !w.tokens[j - 1]!.pause)
        end = Math.max(end, j + 3);
    }
    for (let j = i + NEGATION_REACH + 1; j <= end && j < ws.length; j++) reach[j] = true;
    clauseShadow(w, i, shadow);
    for (let j = i + 1; j <= i + NEGATION_REACH && j < ws.length; j++) {
      reach[j] = true;
      // "have not said why the team …" denies a saying, not the words after it.
      if (!headFound && SAYING.has(ws[j]!)) headFound = true;
      if (!headFound && RANK_FOCUS.has(ws[j]!) && ARTICLES.has(ws[j - 1]!)) headFound = true;
      // "do not want to pay" denies the wanting, not the paying (a non-implicative: `desired`);
      // "no plans to ban cash", "does not intend to sell" deny the act intended (INTENDING)
      if (!headFound && ws[j + 1] === 'to' && NON_IMPLICATIVES.has(stem(verbLemma(ws[j]!)))) {
        headFound = true;
        const v = j + 2;
        if (INTENDING.has(stem(verbLemma(ws[j]!))) && v < ws.length && w.keys[v] !== null && !w.name[v]) {
          head[v] = true;
          intents.push(j);
        }
      }
      if (!headFound && w.keys[j] !== null) {
        // A name is not a predicate: "not Rose" negates no concept.
        head[j] = !w.name[j] && !relativeFocus(ws, i, j);
        headFound = true;
      }
    }
  }
  return { reach, head, intents, shadow };
}

/**
 * Words that open a clause of contrast after a denial ("did not sign the deal, but backed the
 * plan"; "while", "whereas", "although", "though", "yet"): the coordinators and subordinators of
 * contrast (Quirk et al. 1985, §13.41, §15.22).
 */
const CONTRAST_OPENERS = new Set(['but', 'yet', 'while', 'whereas', 'although', 'though']);

/**
 * A negation may reach past its head across a coordination to its clause's end ("did not see the
 * murder in their eyes and the blood on their hands" sees neither): where it stops is a matter of
 * scope the matcher reads by distance only, so the words after the negation's reach, up to the
 * clause's end (a pause or a word of contrast), are not asserted either.
 */
function clauseShadow(w: Words, at: number, shadow: boolean[]): void {
  for (let j = at + 1; j < w.ws.length; j++) {
    if (CONTRAST_OPENERS.has(w.ws[j]!)) break;
    shadow[j] = true;
    if (w.tokens[j]!.pause) break;
  }
}

/**
 * The tags of English inflection: a word is refuting when its lemma as any of them is. The
 * lemmatiser's rules for regular inflection only (`ruleLemma`, "lied" and "lying" included): they
 * need no model, so matching works before the worker has loaded one (an ingest retried after a
 * restart).
 */
const INFLECTED = ['NNS', 'VBZ', 'VBD', 'VBG'];
const refuting = memoize(
  (word: string): boolean =>
    REFUTING_WORDS.has(word) || INFLECTED.some((t) => REFUTING_WORDS.has(ruleLemma(word, t))),
);

/**
 * The prepositions and adverbs of place and position (Quirk et al. 1985, §9.15–9.26): after them
 * "lie" is the verb of posture ("lying on the ground", "lie near the plaza"), not a falsehood.
 */
const PLACE = new Set(
  'at on in into onto under over beneath below beside behind between among near next across along around inside outside within upon against down'.split(
    ' ',
  ),
);

/** Forms of "be" and "get" that make a passive. */
const PASSIVE = new Set(['be', 'is', 'are', 'was', 'were', 'been', 'being', 'get', 'gets', 'got', 'gotten']);

/**
 * "Deny" in the passive with an object left ("were denied visas", "was denied bail") withholds a
 * thing from someone (the ditransitive "deny someone something"); it calls no claim false. "The
 * reports were denied by the ministry" still does.
 */
function withheld(ws: readonly string[], i: number): boolean {
  const next = ws[i + 1];
  return (
    // "was denied", "was initially denied"
    (PASSIVE.has(ws[i - 1] ?? '') || (/ly$/.test(ws[i - 1] ?? '') && PASSIVE.has(ws[i - 2] ?? ''))) &&
    next !== undefined &&
    !STOPWORDS.has(next) &&
    ['VBD', 'VBZ'].some((t) => ruleLemma(ws[i]!, t) === 'deny')
  );
}

/** Is the word at `i` a form of "lie" said of posture: followed by a word of place? */
function posture(ws: readonly string[], i: number): boolean {
  return PLACE.has(ws[i + 1] ?? '') && ['VBZ', 'VBG'].some((t) => ruleLemma(ws[i]!, t) === 'lie');
}

/**
 * Verbs that refute only a claim: "rejects reports that", "dismissed the allegations". Said of plans
 * and people ("rejected the offer") they refute nothing, so they count only before a noun of saying
 * that can head a content clause (Quirk et al. 1985, §17.26: claim, report, allegation, suggestion,
 * rumour, speculation, assertion, accusation, story).
 */
const REJECTING = new Set(['reject', 'dismiss', 'rebuff']);
const CLAIM_NOUNS = new Set([
  'claim',
  'report',
  'allegation',
  'suggestion',
  'rumour',
  'rumor',
  'speculation',
  'assertion',
  'accusation',
  'story',
]);
/** A verb's lemma by the rules of regular inflection, memoized: every token of a statement is asked. */
const verbLemma = memoize(
  (word: string): string =>
    ['VBZ', 'VBD', 'VBG'].map((t) => ruleLemma(word, t)).find((l) => l !== word) ?? word,
);

/** Does a rejecting verb at `i` take a claim as its object ("dismissed the reports")? */
function rejectsClaim(ws: readonly string[], i: number): boolean {
  if (!REJECTING.has(verbLemma(ws[i]!))) return false;
  for (let j = i + 1; j <= i + 3 && j < ws.length; j++)
    if (CLAIM_NOUNS.has(ruleLemma(ws[j]!, 'NNS'))) return true;
  return false;
}

/** The first refuting word or phrase, past the positions `skip` rules out. */
function findRefutation(ws: readonly string[], skip: (i: number) => boolean): Cue | null {
  const phrase = findPhrase(ws, REFUTING_PHRASES, skip);
  for (let i = 0; i < ws.length && (phrase === null || i < phrase.from); i++) {
    if (skip(i)) continue;
    if ((refuting(ws[i]!) && !posture(ws, i) && !withheld(ws, i)) || rejectsClaim(ws, i))
      return { phrase: ws[i]!, from: i, to: i + 1 };
  }
  return phrase;
}

/**
 * Time prepositions (Quirk et al. 1985, §9.37–9.43): they order the news against an event they name
 * ("before the vote", "during the raid"). The other time cues name none ("too late", "in advance").
 */
const TIME_PREPOSITIONS = new Set(['before', 'after', 'ahead of', 'prior to', 'during']);
/** How many words after a time preposition may name its event ("during the sound of the blasts that hit the port"). */
const ANCHOR_REACH = 10;
/** An event named by a pronoun ("before it happened") may be any event the other side names. */
const ANCHOR_PRONOUNS = new Set(['it', 'this', 'that', 'them', 'they', 'then']);

/**
 * The event a time preposition names, or null when it names none: "before" or "after" that ends its
 * sentence is the adverb "previously" / "subsequently" ("a pattern Twitter has banned before"),
 * which orders nothing against the event.
 */
function anchored(w: Words, c: Cue | null): Cue | null {
  if (c === null || !TIME_PREPOSITIONS.has(c.phrase)) return c;
  const end = w.ws.length;
  if (c.to >= end || w.tokens[c.to]!.sentenceStart) return null;
  const keys = new Set<string>();
  // Up to ANCHOR_REACH words, within the sentence (its first word, `c.to`, starts none).
  for (let i = c.to; i < Math.min(end, c.to + ANCHOR_REACH) && !w.tokens[i]!.sentenceStart; i++)
    if (w.keys[i]) keys.add(w.keys[i]!);
  return { ...c, anchor: { keys, pronoun: ANCHOR_PRONOUNS.has(w.ws[c.to]!) } };
}

/**
 * Do two time cues order the news against one event? Either names none, one names it by a pronoun,
 * or the two share a word or related words ("before the strike" / "during the attack").
 */
function sameAnchor(x: Cue, y: Cue): boolean {
  if (!x.anchor || !y.anchor || x.anchor.pronoun || y.anchor.pronoun) return true;
  for (const k of x.anchor.keys) for (const l of y.anchor.keys) if (k === l || related(k, l)) return true;
  return false;
}

/**
 * Refuting nouns that also name a deed: "a hoax" and "a scam" call a claim false when said of it
 * ("the photo is a hoax", "Hoax: …") but name the deed itself after a preposition ("arrested over a
 * hoax", "fell for a phone scam") or before the noun they modify ("a hoax bomb call", "scam emails").
 */
const DEED_NOUNS = ['hoax', 'scam', 'satire', 'fabrication'];
/** Their forms, singular and plural, so that a word is told by one lookup (every token is asked). */
const DEED_FORMS = new Set(DEED_NOUNS.flatMap((n) => [n, n.endsWith('x') ? `${n}es` : `${n}s`]));
/** How far back a preposition (the extractor's `isPreposition`) may govern the noun ("over a phone scam"). */
const PREP_REACH = 3;

/** Is the refuting noun at `i` the name of a deed ("over a hoax", "a hoax call"), calling nothing false? */
function deedNamed(w: Words, i: number): boolean {
  const { ws, tokens } = w;
  if (!DEED_FORMS.has(ws[i]!)) return false;
  if (!tokens[i]!.pause && i + 1 < ws.length && w.keys[i + 1] !== null && !w.name[i + 1]) return true;
  for (let j = i - 1; j >= Math.max(0, i - PREP_REACH); j--) {
    if (tokens[j]!.pause) break;
    if (isPreposition(ws[j]!)) return true;
  }
  return false;
}

/** The refutation and time cues of a statement. */
function cuesOf(w: Words, reach: readonly boolean[]): Pick<ClaimFeatures, 'refutation' | 'early' | 'late'> {
  const { ws } = w;
  // A refutation word written as a name ("the Fake band") refutes nothing; negators are function words.
  // A question ("Is the video a fake?") calls nothing false.
  let refutation = findRefutation(
    ws,
    (i) => (w.name[i]! && !NEGATORS.has(ws[i]!)) || w.tokens[i]!.question === true || deedNamed(w, i),
  );
  // "not false" does not refute; "The claims are false" does.
  if (refutation && refutation.phrase.split(' ').length === 1 && reach[refutation.from]) refutation = null;
  // A "before" or "after" that ends its sentence is an adverb ("as it has before"): look past it.
  const bare = (i: number) =>
    (ws[i] === 'before' || ws[i] === 'after') && (i + 1 >= ws.length || w.tokens[i + 1]!.sentenceStart);
  const asked = (i: number) => w.tokens[i]!.question === true;
  const early = findPhrase(ws, EARLY, (i) => bare(i) || asked(i));
  const firstAt = ws.indexOf('first');
  const late = findPhrase(ws, LATE, (i) => {
    const x = ws[i]!;
    // "First …, and afterwards …" orders two steps; it says nothing about the event's time.
    if (
      (x === 'afterwards' || x === 'afterward' || x === 'later' || x === 'after') &&
      firstAt >= 0 &&
      firstAt < i
    )
      return true;
    // "after all" is not a time.
    return (x === 'after' && ws[i + 1] === 'all') || bare(i) || asked(i);
  });
  return { refutation, early: anchored(w, early), late: anchored(w, late) };
}

/** The statement's own concepts outside cues and the speaker's name, with negated heads and antonym signs. */
function ownConcepts(
  w: Words,
  {
    head,
    reach,
    shadow,
  }: { head: readonly boolean[]; reach: readonly boolean[]; shadow: readonly boolean[] },
  skip: (i: number) => boolean,
  speakerKeys: ReadonlySet<string>,
): Pick<ClaimFeatures, 'own' | 'negated' | 'asserted' | 'axes' | 'axisSigns' | 'around'> {
  const own = new Map<string, Concept>();
  const negated = new Set<string>();
  const asserted = new Set<string>();
  const axes = new Map<string, AxisUse>();
  const axisSigns = new Map<string, Set<1 | -1>>();
  const around = new Map<string, Set<string>>();
  for (let i = 0; i < w.tokens.length; i++) {
    const key = w.keys[i];
    if (skip(i) || key === null || key === undefined) continue;
    const norm = w.ws[i]!;
    const near = around.get(key) ?? new Set<string>();
    around.set(key, near);
    for (let j = Math.max(0, i - AXIS_REACH); j <= i + AXIS_REACH && j < w.keys.length; j++) {
      if (j !== i && w.keys[j]) near.add(w.keys[j]!);
    }
    // A word a negation reaches but does not head takes no side of its axis ("does not pose a
    // serious threat to success" says nothing of success), as it is not asserted below.
    const reachedOnly = reach[i] && !head[i];
    for (const [axis, plain] of axisWord(w, i) && !reachedOnly ? axesOf(norm) : []) {
      const sign = (head[i] ? -plain : plain) as 1 | -1;
      const use = axes.get(axis) ?? { sign, phrase: head[i] ? `not ${norm}` : norm, near: new Set<string>() };
      axes.set(axis, use);
      for (const k of near) use.near.add(k);
      axisSigns.set(axis, (axisSigns.get(axis) ?? new Set<1 | -1>()).add(sign));
    }
    // The speaker's own name says who, not what about.
    if (speakerKeys.has(key)) continue;
    const prior = own.get(key);
    if (prior) prior.entity ||= w.name[i]!;
    else {
      const perhapsName = w.tokens[i]!.capital && !w.name[i];
      own.set(
        key,
        perhapsName
          ? { key, word: norm, entity: false, perhapsName }
          : { key, word: norm, entity: w.name[i]! },
      );
    }
    // A word a negation reaches but does not head is neither denied nor asserted ("does not pose a
    // threat": the threat is not asserted, though the negation's head is "pose").
    if (head[i]) negated.add(key);
    // "the alleged bribe", "reportedly paid": a hedged word is not asserted either.
    else if (
      !reach[i] &&
      !shadow[i] &&
      !w.tokens[i]!.question &&
      !HEDGES.has(w.ws[i - 1] ?? '') &&
      !desired(w, i)
    )
      asserted.add(key);
  }
  return { own, negated, asserted, axes, axisSigns, around };
}

/** Features of one statement for conflict detection. `speakerWords` resolve "it"/"he"/"we". */
export function claimFeatures(
  text: string,
  context = '',
  speakerWords: readonly string[] = [],
): ClaimFeatures {
  const w = readWords(text);
  const speakerKeys = speakerKeySet(speakerWords);
  const { reach, head, intents, shadow } = negationScope(w);
  const cues = cuesOf(w, reach);
  const cuePositions = new Set<number>();
  for (const c of [cues.refutation, cues.early, cues.late])
    if (c) for (let i = c.from; i < c.to; i++) cuePositions.add(i);
  const { own, negated, asserted, axes, axisSigns, around } = ownConcepts(
    w,
    { head, reach, shadow },
    (i) => cuePositions.has(i),
    speakerKeys,
  );
  // A pronoun subject of a reported claim ("it had warned") or a first person in a direct quote
  // ("we knew") stands for the speaker.
  if (PRONOUNS.has(w.ws[0] ?? '')) {
    for (const sw of speakerWords) {
      const key = nameConcept(sw);
      if (key !== null && !own.has(key)) own.set(key, { key, word: sw, entity: true, viaSpeaker: true });
    }
  }
  const cw = readWords(context);
  const contextConcepts = new Map<string, Concept>();
  for (let i = 0; i < cw.tokens.length; i++) {
    const key = cw.keys[i];
    if (key === null || key === undefined || contextConcepts.has(key) || speakerKeys.has(key)) continue;
    contextConcepts.set(key, { key, word: cw.ws[i]!, entity: cw.name[i]! });
  }
  return {
    tokens: w.tokens,
    own,
    context: contextConcepts,
    negated,
    asserted,
    ...cues,
    axes,
    axisSigns,
    around,
    negatedAt: (i) => reach[i] === true,
    deniedClauseAt: (i) => reach[i] === true || shadow[i] === true,
    keyAt: (i) => {
      const k = w.keys[i];
      return k === null || k === undefined || speakerKeys.has(k) ? null : k;
    },
    quantities: quantitiesOf(text),
    attribution: attributionKeys(w, intents),
  };
}

/** Fewer own content concepts than this: a fragment, whose topic also comes from its context. */
export const FRAGMENT_CONCEPTS = 4;

/** The concepts that say what a statement is about: its own, plus its context for a fragment. */
export function topicOf(f: ClaimFeatures): Map<string, Concept> {
  if (f.own.size >= FRAGMENT_CONCEPTS) return f.own;
  const merged = new Map(f.own);
  for (const [k, c] of f.context) if (!merged.has(k)) merged.set(k, { ...c, fromContext: true });
  return merged;
}

export interface SharedTopic {
  concepts: Concept[];
  entities: number;
  /** Of the concepts, those paired with a related word rather than the same one. */
  related: number;
  /** Shared concepts weighted by where they come from: both statements' own words 1, one side's context ½. */
  weight: number;
}

/** What a pair of related words ("warned" / "notified") weighs in a shared topic, against the same word's 1. */
const RELATED_WEIGHT = 0;

/** Concepts both statements are about. One resolved only from a pronoun needs the other side's words. */
export function sharedTopic(a: ClaimFeatures, b: ClaimFeatures): SharedTopic {
  const ta = topicOf(a);
  const tb = topicOf(b);
  const concepts: Concept[] = [];
  let entities = 0;
  let weight = 0;
  let relatedPairs = 0;
  const used = new Set<string>();
  const pair = (c: Concept, other: Concept, share = 1) => {
    concepts.push(c.viaSpeaker ? other : c);
    used.add(other.key);
    if (c.entity || other.entity) entities++;
    weight += share * (c.fromContext ? 0.5 : 1) * (other.fromContext ? 0.5 : 1);
  };
  const unmatched: Concept[] = [];
  for (const [k, c] of ta) {
    const other = tb.get(k);
    if (!other) unmatched.push(c);
    else if (!(c.viaSpeaker && other.viaSpeaker)) pair(c, other);
  }
  // A name on one side, the same word capitalised where a capital proves nothing on the other (a
  // title-case headline: "Ferrari Denies Plans …"): the same name.
  const rest: Concept[] = [];
  const others = unmatched.length > 0 ? [...tb.values()] : [];
  for (const c of unmatched) {
    const other = others.find(
      (o) =>
        !used.has(o.key) &&
        !ta.has(o.key) &&
        ((c.entity && o.perhapsName && nameConcept(o.word) === c.key) ||
          (o.entity && c.perhapsName && nameConcept(c.word) === o.key)),
    );
    if (other) pair(c, other);
    else rest.push(c);
  }
  // One word derived two ways ("pregnancy" / "pregnant"): the same word.
  for (let i = rest.length - 1; i >= 0; i--) {
    const c = rest[i]!;
    if (c.entity || c.viaSpeaker) continue;
    for (const [k, o] of tb) {
      if (used.has(k) || ta.has(k) || o.entity || o.viaSpeaker || !sameRoot(c.key, k)) continue;
      pair(c, o);
      rest.splice(i, 1);
      break;
    }
  }
  // A word on one side and a related one on the other ("warned" / "notified"): one subject, each
  // word paired once. Names are only ever the same name, and a fragment's context, which is the
  // writer's words around it, is only ever the same word.
  for (const c of rest) {
    if (c.entity || c.viaSpeaker || c.fromContext) continue;
    for (const [k, other] of tb) {
      if (used.has(k) || ta.has(k) || other.entity || other.viaSpeaker || other.fromContext) continue;
      if (!related(c.key, k)) continue;
      pair(c, other, RELATED_WEIGHT);
      relatedPairs++;
      break;
    }
  }
  return { concepts, entities, related: relatedPairs, weight };
}

/** The cues `detectConflict` reads, clearest first. */
export type DetectedCue = 'refutation' | 'time' | 'antonym' | 'negation' | 'quantity';

export interface Conflict {
  /** "‘before it happened’ vs ‘after it happened’" */
  because: string;
  about: Concept[];
  /** Which cue found it, clearest first. */
  cue: DetectedCue;
  /** The contrasted words as each side writes them (antonyms, negation, time): where each says it. */
  words?: { a?: string; b?: string };
  /** Which of the side's words spelled as `words` says it, when not the first (0 = the first). */
  nth?: { a?: number; b?: number };
}

/**
 * The word at token `i` of a claim, and which of its words spelled so it is: the excerpt a reader is
 * shown stands around that one ("there are no talks", not an earlier "was in talks").
 */
function occurrence(f: ClaimFeatures, i: number): { word: string; nth: number } {
  const word = f.tokens[i]!.norm;
  let nth = 0;
  for (let j = 0; j < i; j++) if (f.tokens[j]!.norm === word) nth++;
  return { word, nth };
}

/** The first word of `key` under a negation (`negated`) or outside one, as `occurrence` gives it. */
function keyOccurrence(
  f: ClaimFeatures,
  key: string,
  negated: boolean,
): { word: string; nth: number } | null {
  for (let i = 0; i < f.tokens.length; i++)
    if (f.keyAt(i) === key && f.negatedAt(i) === negated) return occurrence(f, i);
  return null;
}

/** How many words a frame of attribution runs at most ("a company spokesman says"). */
const FRAME_REACH = 4;

/**
 * The concepts of a claim's frame of attribution, the words that say who says it: a subject before
 * a reporting verb that opens the claim ("Police say the story was fabricated") or a short last
 * clause with one ("…, company spokesman says"; "…, say biologists"). A word the claim also uses
 * outside its frame is not counted.
 */
function attributionKeys(w: Words, intents: readonly number[] = []): Set<string> {
  const { ws, tokens, keys } = w;
  const frame = new Set<number>(intents);
  // Opening: "School says student was …", or a headline's source before a colon ("Finance
  // ministry: no plans to …").
  for (let p = 1; p <= FRAME_REACH && p < ws.length - 1; p++) {
    if (tokens[p - 1]!.colon) {
      for (let i = 0; i < p; i++) frame.add(i);
      break;
    }
    if (tokens[p - 1]!.pause) break;
    if (SAYING.has(ws[p]!)) {
      for (let i = 0; i < p; i++) frame.add(i);
      break;
    }
  }
  // Closing: the words after the last pause, when a reporting verb is among them.
  let start = ws.length - 1;
  while (start > 0 && !tokens[start - 1]!.pause) start--;
  if (start > 0 && ws.length - start <= FRAME_REACH + 1 && ws.slice(start).some((x) => SAYING.has(x)))
    for (let i = start; i < ws.length; i++) frame.add(i);
  const out = new Set<string>();
  for (const i of frame) if (keys[i]) out.add(keys[i]!);
  for (let i = 0; i < ws.length; i++) if (!frame.has(i) && keys[i]) out.delete(keys[i]!);
  return out;
}

/** Is `key` only in the claim's frame of attribution, which the other claim does not share? */
function frameOnly(f: ClaimFeatures, t: SharedTopic, key: string): boolean {
  return f.attribution.has(key) && !t.concepts.some((c) => c.key === key);
}

/** The claim's content concepts, less the words of its frame that the other claim does not share. */
function contentSize(f: ClaimFeatures, t: SharedTopic): number {
  let n = f.own.size;
  for (const k of f.attribution) if (f.own.has(k) && frameOnly(f, t, k)) n--;
  return n;
}

/** Enough shared subject to say two claims are about one event. */
function sameEvent(t: SharedTopic, min: number): boolean {
  return t.concepts.length >= min && t.entities >= 1;
}

/** One thing without a shared name: nearly all the shorter claim's content concepts are shared. */
function nearlyAllShared(t: SharedTopic, a: ClaimFeatures, b: ClaimFeatures): boolean {
  // The same words: related ones make two claims about one subject, not about one thing.
  return t.concepts.length - t.related >= SAME_THING * Math.min(contentSize(a, t), contentSize(b, t));
}

/**
 * The refuted claim restated without a shared name ("the president's dog bit an agent" / "White
 * House denies president's dog bit agent"): three of its concepts, and two in three of all it says.
 */
function mostlyRestated(t: SharedTopic, claim: ClaimFeatures): boolean {
  const same = t.concepts.length - t.related;
  return same >= 3 && same >= RESTATED * contentSize(claim, t);
}

/**
 * The refuting side restated in the claim: "Glow-in-the-dark frog story is fake" names the claim by
 * its words. Nouns of saying ("story", "report") name the claim as a claim, so they are not counted.
 */
function denialRestated(t: SharedTopic, refuting: ClaimFeatures): boolean {
  const same = t.concepts.length - t.related;
  let own = 0;
  for (const c of refuting.own.values())
    if (!CLAIM_NOUNS.has(ruleLemma(c.word, 'NNS')) && !frameOnly(refuting, t, c.key)) own++;
  return same >= 3 && same >= RESTATED * own;
}

/** Refuting verbs, whose object is what they call false ("denies split rumours"); the other refuting words are said of their subject. */
const REFUTING_VERBS = new Set(['deny', 'refute', 'debunk', 'retract', 'fabricate', ...REJECTING]);

/** How many words a refuted phrase runs at most. */
const REFUTED_REACH = 8;

/**
 * The content words a refutation is said of: an active refuting verb's object, up to the end of its
 * phrase ("denies split rumours, says …" → split), or the subject before a refuting adjective, noun
 * or passive, from the start of its clause ("Viral catfish photo is a hoax" → viral, catfish, photo;
 * "Shark photo debunked"). Nouns of saying name the claim as a claim and are left out.
 */
function refutedKeys(f: ClaimFeatures, c: Cue): string[] {
  return refutedPhrase(f, c).keys;
}

/** How a refutation names what it refutes: its verb's object, the noun it modifies, or its subject. */
type RefutedReading = 'object' | 'modified' | 'subject';

function refutedPhrase(f: ClaimFeatures, c: Cue): { keys: string[]; reading: RefutedReading } {
  const t = f.tokens;
  const active =
    c.phrase.split(' ').length === 1 &&
    INFLECTED.some((g) => REFUTING_VERBS.has(ruleLemma(t[c.from]!.norm, g))) &&
    // A passive ("the rumours were (firmly) denied", "claims denied by the club") or a verb that ends its
    // phrase ("Shark photo debunked") is said of its subject, as a refuting adjective is.
    !PASSIVE.has(t[c.from - 1]?.norm ?? '') &&
    !(/ly$/.test(t[c.from - 1]?.norm ?? '') && PASSIVE.has(t[c.from - 2]?.norm ?? '')) &&
    t[c.from + 1]?.norm !== 'by' &&
    !t[c.from]!.pause;
  // A refuting adjective or noun before a word of content, and after no form of "be", modifies
  // what follows it ("baseless claims that the mill will close", "unfounded fears of a strike"),
  // as against "the claims are baseless".
  const attributive =
    !active && !t[c.from]!.pause && f.keyAt(c.to) !== null && !PASSIVE.has(t[c.from - 1]?.norm ?? '');
  const out: string[] = [];
  const take = (i: number) => {
    const k = f.keyAt(i);
    if (k !== null && !CLAIM_NOUNS.has(ruleLemma(t[i]!.norm, 'NNS'))) out.push(k);
  };
  if (active || attributive) {
    for (let i = c.to; i < t.length && i < c.to + REFUTED_REACH && !t[i]!.sentenceStart; i++) {
      if (SAYING.has(t[i]!.norm)) break;
      take(i);
      if (t[i]!.pause) break;
    }
  } else {
    // Past the predicate's auxiliary and adverb ("were firmly denied", "is completely false").
    let end = c.from - 1;
    while (end >= 0 && !t[end]!.pause && (PASSIVE.has(t[end]!.norm) || /ly$/.test(t[end]!.norm))) end--;
    for (let i = end; i >= 0 && i >= c.from - REFUTED_REACH && !t[i]!.pause; i--) {
      take(i);
      if (t[i]!.sentenceStart) break;
    }
  }
  return { keys: out, reading: active ? 'object' : attributive ? 'modified' : 'subject' };
}

/**
 * A refutation said of the other claim by its own words: everything the refuted phrase names is in
 * the claim, with a shared name ("Coldplay deny split rumours" / "Coldplay is splitting up").
 */
function refutesByName(t: SharedTopic, x: ClaimFeatures, y: ClaimFeatures): boolean {
  if ((t.entities < 1 && !sharesQuantity(x, y)) || t.concepts.length - t.related < 2) return false;
  const keys = refutedKeys(x, x.refutation!);
  const claim = topicOf(y);
  const inClaim = (k: string) => {
    if (claim.has(k)) return true;
    for (const c of claim.keys()) if (sameRoot(k, c)) return true;
    return false;
  };
  return keys.length >= 1 && keys.every(inClaim);
}

/**
 * Do the two state one exact quantity of one thing ("40 days at sea" on both sides)? A figure names
 * an event as closely as a name does.
 */
function sharesQuantity(x: ClaimFeatures, y: ClaimFeatures): boolean {
  return x.quantities.some(
    (q) => q.exact && y.quantities.some((r) => r.exact && r.value === q.value && r.unit === q.unit),
  );
}

/** Words after a noun of saying that give its content ("reports that …", "the story of …", "claims about …"). */
const CONTENT_OF = new Set(['that', 'of', 'about']);

/**
 * Does the refutation name what it refutes only by its kind ("denied the allegations in a
 * statement", "rejected the reports")? A noun of saying with no content after it points back to a
 * claim made elsewhere, whatever its words: what it refutes cannot be told from the words around it.
 */
function refutesByKind(f: ClaimFeatures, c: Cue): boolean {
  const t = f.tokens;
  for (let i = Math.max(0, c.from - REFUTED_REACH); i < Math.min(t.length, c.to + REFUTED_REACH); i++) {
    if (!CLAIM_NOUNS.has(ruleLemma(t[i]!.norm, 'NNS'))) continue;
    if (t[i]!.pause || !CONTENT_OF.has(t[i + 1]?.norm ?? '')) return true;
  }
  return false;
}

/**
 * Does the noun a refuting word modifies have its content after it ("baseless claims that the mill
 * will close", "false rumours of a split")? The noun phrase is read up to three words, to its first
 * pause.
 */
function contentFollows(f: ClaimFeatures, c: Cue): boolean {
  const t = f.tokens;
  for (let i = c.to; i < Math.min(t.length - 1, c.to + 3) && !t[i]!.pause; i++)
    if (CONTENT_OF.has(t[i + 1]!.norm)) return true;
  return false;
}

/**
 * A refutation said of words none of which the other claim has, nor a related word, is about something else, however
 * much else the two share ("… accused of attempted murder – a charge her family strongly deny"
 * against a report on the same protest that names no charge).
 */
function refutesSomethingElse(x: ClaimFeatures, y: ClaimFeatures): boolean {
  if (refutesByKind(x, x.refutation!)) return false;
  const { keys, reading } = refutedPhrase(x, x.refutation!);
  // A modifier's noun ("a fake passport") is less often what the claim is about: not read so, unless
  // the noun's content is spelled out after it ("unfounded fears that the plant will close").
  if (reading === 'modified' && !contentFollows(x, x.refutation!)) return false;
  const claim = [...topicOf(y).keys()];
  // The claim may word it otherwise ("informed of the attack in advance" / "knew of the strike").
  return keys.length >= 1 && !keys.some((k) => claim.some((c) => related(k, c)));
}

function quoteCue(f: ClaimFeatures, c: Cue): string {
  // Show the cue with the words that follow it, up to three: "after it happened".
  const ws = f.tokens.slice(c.from, Math.min(f.tokens.length, c.to + 3)).map((t) => t.norm);
  return `‘${ws.join(' ')}’`;
}

/**
 * Where two statements' polarity differs: a predicate one negates and the other asserts ("will
 * reopen" vs "will not reopen"), or an antonym axis with opposite effective signs ("did not fail"
 * agrees with "succeeded"). Phrased `a` first; null when nothing comparable differs.
 */
export function oppositePolarity(a: ClaimFeatures, b: ClaimFeatures): string | null {
  for (const { x, y, k, cx, cy } of negatedPredicates(a, b)) {
    // Only a predicate with one polarity on each side.
    if (x.asserted.has(k) || !y.asserted.has(k)) continue;
    return x === a ? `‘not ${cx.word}’ vs ‘${cy.word}’` : `‘${cy.word}’ vs ‘not ${cx.word}’`;
  }
  for (const [axis, sa] of a.axisSigns) {
    const sb = b.axisSigns.get(axis);
    if (sa.size !== 1 || sb?.size !== 1 || sa.has([...sb][0]!)) continue;
    return `‘${a.axes.get(axis)!.phrase}’ vs ‘${b.axes.get(axis)!.phrase}’`;
  }
  // One side calls the words false ("reports that it will close are untrue"), the other states them.
  if ((a.refutation === null) !== (b.refutation === null)) {
    const claim = 'a claim that it happened';
    return a.refutation
      ? `${quoteCue(a, a.refutation)} vs ${claim}`
      : `${claim} vs ${quoteCue(b, b.refutation!)}`;
  }
  return null;
}

/**
 * Antonyms with opposite effective signs: "it failed" vs "it was a success". Each side takes one
 * sign ("failed … but a success" takes both), and the two are said of one thing: a shared concept
 * stands next to each ("the levee was strong" / "the levee was weak").
 */
function antonymClash(a: ClaimFeatures, b: ClaimFeatures, topic: SharedTopic): Conflict | null {
  for (const [axis, va] of a.axes) {
    const vb = b.axes.get(axis);
    if (!vb || vb.sign === va.sign || a.axisSigns.get(axis)?.size !== 1 || b.axisSigns.get(axis)?.size !== 1)
      continue;
    // The axis's own words ("success" on both sides) say nothing about which event it is.
    const rest = topic.concepts.filter((c) => !axesOf(c.word).some(([other]) => other === axis));
    const same =
      sameEvent({ concepts: rest, entities: topic.entities, related: 0, weight: 0 }, 2) ||
      (rest.length >= 2 && nearlyAllShared(topic, a, b));
    if (saidOfOne(rest, va.near, vb.near) && same) {
      const word = (u: AxisUse) => u.phrase.replace(/^not /, '');
      return {
        because: `‘${va.phrase}’ vs ‘${vb.phrase}’`,
        about: topic.concepts,
        cue: 'antonym',
        words: { a: word(va), b: word(vb) },
      };
    }
  }
  return null;
}

/**
 * A possible conflict between two claims, or null. Checked in order of how clear the cue is:
 * refutation, time order, source of the news, antonyms, negation.
 */
export function detectConflict(a: ClaimFeatures, b: ClaimFeatures): Conflict | null {
  const topic = sharedTopic(a, b);
  const about = topic.concepts;

  // One side calls claims on this subject false; the other makes such a claim. The refuted
  // subject is spelled out, so it must be shared in full: an entity and two more concepts.
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    // "informed in advance … baseless" agrees with "too late": the refuted time is the other's opposite.
    const agrees = (x.early && y.late) || (x.late && y.early);
    if (
      x.refutation &&
      !y.refutation &&
      !agrees &&
      (sameEvent(topic, 3) ||
        mostlyRestated(topic, y) ||
        denialRestated(topic, x) ||
        refutesByName(topic, x, y)) &&
      !refutesSomethingElse(x, y)
    ) {
      const { word, nth } = occurrence(x, x.refutation.from);
      return {
        because: `${quoteCue(x, x.refutation)} vs a claim that it happened`,
        about,
        cue: 'refutation',
        words: x === a ? { a: word } : { b: word },
        nth: x === a ? { a: nth } : { b: nth },
      };
    }
  }

  // One side puts the news before the event, the other after or during it.
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    // A time inside a refuted or negated claim ("informed in advance … baseless") is not asserted.
    const asserted = (f: ClaimFeatures, c: Cue | null): c is Cue =>
      c !== null && f.refutation === null && !f.negatedAt(c.from);
    const early = x.early;
    const late = y.late;
    if (
      asserted(x, early) &&
      asserted(y, late) &&
      !x.late &&
      !y.early &&
      sameAnchor(early, late) &&
      sameEvent(topic, 2)
    ) {
      const because =
        x === a
          ? `${quoteCue(x, early)} vs ${quoteCue(y, late)}`
          : `${quoteCue(y, late)} vs ${quoteCue(x, early)}`;
      const first = (f: ClaimFeatures, c: Cue) => f.tokens[c.from]?.norm;
      const words =
        x === a ? { a: first(x, early), b: first(y, late) } : { a: first(y, late), b: first(x, early) };
      return { because, about, cue: 'time', words };
    }
  }

  const antonyms = antonymClash(a, b, topic);
  if (antonyms) return antonyms;

  // A predicate denied on one side and asserted on the other: "X happened" vs "X did not happen".
  for (const { x, k, cx, cy } of negatedPredicates(a, b)) {
    const rest = about.filter((c) => c.key !== k);
    // One thing, by a shared name or by nearly all the shorter claim's content words
    const oneThing = topic.entities >= 1 || nearlyAllShared(topic, a, b);
    if (rest.length >= 2 && oneThing) {
      const ox = keyOccurrence(x, k, true) ?? { word: cx.word, nth: 0 };
      const oy = keyOccurrence(x === a ? b : a, k, false) ?? { word: cy.word, nth: 0 };
      const [oa, ob] = x === a ? [ox, oy] : [oy, ox];
      return {
        because: `‘not ${ox.word}’ vs ‘${oy.word}’`,
        about,
        cue: 'negation',
        words: { a: oa.word, b: ob.word },
        nth: { a: oa.nth, b: ob.nth },
      };
    }
  }
  return quantityConflict(a, b, topic);
}

/**
 * A clause its speaker denies, stored as the clause ("Qatar denied that it had been warned in
 * advance" → "it had been warned in advance"), against a statement that asserts it ("Qatar was
 * warned in advance"). The denial is the refutation cue with its verb outside the words: the clause
 * must restate the claim (as `mostlyRestated` or `denialRestated` ask of a refutation); every name
 * it gives must be the claim's, and a pronoun for the speaker one of the speaker's name words ("he
 * had taken money", Smith denied, is not Jones's taking); and the two must not differ in polarity,
 * time or count, where the denial may be of that alone ("denied it was warned in advance" agrees
 * with "was warned too late"; "denied 500 jobs would go" does not deny that 300 will).
 */
export function denialConflict(denied: ClaimFeatures, claim: ClaimFeatures, verb: string): Conflict | null {
  if (oppositePolarity(denied, claim) !== null || claim.refutation) return null;
  if ((denied.early && claim.late) || (denied.late && claim.early)) return null;
  if (
    denied.quantities.some((q) => q.exact) &&
    claim.quantities.some((q) => q.exact) &&
    !sharesQuantity(denied, claim)
  )
    return null;
  const topic = sharedTopic(denied, claim);
  if (topic.concepts.length - topic.related < 2) return null;
  if (!mostlyRestated(topic, claim) && !denialRestated(topic, denied)) return null;
  const shared = new Set(topic.concepts.map((c) => c.key));
  const own = [...topicOf(denied).values()];
  if (own.some((c) => c.entity && !c.viaSpeaker && !shared.has(c.key))) return null;
  // "it", "he", "we" stand for the speaker: one of the speaker's name words must be the claim's.
  const speaker = own.filter((c) => c.viaSpeaker);
  if (speaker.length > 0 && !speaker.some((c) => shared.has(c.key))) return null;
  return { because: `‘${verb}’ vs a claim that it happened`, about: topic.concepts, cue: 'refutation' };
}

/** One thing counted differently on the two sides: "12 people" vs "30 people", "in 1962" vs "in 1960". */
function quantityConflict(a: ClaimFeatures, b: ClaimFeatures, topic: SharedTopic): Conflict | null {
  // A number within a negation's reach is not stated: "did not hire 500 workers" gives no count.
  // (Not the rest of its clause: on the check pairs that cost a true conflict and gained nothing.)
  const stated = (f: ClaimFeatures) => f.quantities.filter((q) => !f.negatedAt(quantityAt(f, q)));
  const q = quantityClash(stated(a), stated(b));
  if (!q) return null;
  const rest = topic.concepts.filter((c) => c.key !== q.a.unit);
  if (rest.length < 2 || !(topic.entities >= 1 || nearlyAllShared(topic, a, b))) return null;
  return {
    because: `‘${q.a.phrase}’ vs ‘${q.b.phrase}’`,
    about: topic.concepts,
    cue: 'quantity',
    words: { a: q.a.phrase, b: q.b.phrase },
  };
}

/** Where a quantity's first word stands among a claim's tokens, or -1. */
function quantityAt(f: ClaimFeatures, q: Quantity): number {
  const first = normTokens(q.phrase)[0]?.norm;
  return first === undefined ? -1 : f.tokens.findIndex((t) => t.norm === first);
}

/**
 * Is a number in a clause `x` negates one that `y` gives differently for the same thing? Then the
 * number is the negation's focus, and the two agree: "did not hire 500 workers" vs "hired 300
 * workers" (the focus of negation falls on a quantifier; Quirk et al. 1985, §10.64–10.66).
 */
function deniesTheirNumber(x: ClaimFeatures, y: ClaimFeatures): boolean {
  return x.quantities.some(
    (qx) =>
      x.deniedClauseAt(quantityAt(x, qx)) &&
      y.quantities.some((qy) => qy.unit === qx.unit && qy.value !== qx.value),
  );
}

/**
 * The words one side negates that the other has and does not negate, either side first. Names are
 * not predicates, antonym words are weighed by their axis instead, and a side that denies a number
 * the other gives differently denies only that number.
 */
function* negatedPredicates(
  a: ClaimFeatures,
  b: ClaimFeatures,
): Generator<{ x: ClaimFeatures; y: ClaimFeatures; k: string; cx: Concept; cy: Concept }> {
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    if (deniesTheirNumber(x, y)) continue;
    for (const k of x.negated) {
      const cx = x.own.get(k);
      const cy = y.own.get(k);
      if (!cx || !cy || cx.entity || cy.entity || y.negated.has(k) || !y.asserted.has(k)) continue;
      if (shareAxis(cx.word, cy.word)) continue;
      yield { x, y, k, cx, cy };
    }
  }
}
