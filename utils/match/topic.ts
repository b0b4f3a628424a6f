/**
 * What a statement is about: content words reduced to "concepts".
 *
 * A concept is a lightly stemmed content word; words related in meaning ("strike" / "attack" /
 * "bombing") keep their own concepts and are paired by related.ts (WordNet). Proper nouns are
 * marked as entities: a shared entity is the best sign that two statements are about one event.
 * A name is keyed by its spelling alone, never as a word form or a related word ("Rose" is not "rise").
 * Everything here is general English; there are no word lists taken from any corpus.
 */

import { memoize } from './memo';
import { hashKey } from './normalize';

export interface Token {
  /** Lower case, letters and digits only ("didn’t" → "didnt", "U.S." → "us"). */
  norm: string;
  /** Written with a capital first letter (and not only because it starts a sentence, when we can tell). */
  capital: boolean;
  /** First word of a sentence in the original text. */
  sentenceStart: boolean;
  /** Written all in capitals, at least two letters ("US", "NATO"). */
  upper: boolean;
}

/**
 * Splits text into word tokens, keeping case information. Dotted acronyms ("U.S.", "U.K.") become one
 * token. One pass over the characters, no regular-expression backtracking.
 */
export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  const src = text.normalize('NFKD');
  let cur = '';
  let curCapital = false;
  let atSentenceStart = true;
  let nextSentenceStart = true;
  const flush = () => {
    if (cur.length > 0) {
      const upper = cur.length >= 2 && cur === cur.toUpperCase() && cur !== cur.toLowerCase();
      out.push({ norm: cur.toLowerCase(), capital: curCapital, sentenceStart: nextSentenceStart, upper });
      nextSentenceStart = false;
    }
    cur = '';
    curCapital = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    const code = src.charCodeAt(i);
    // ASCII is decided by its code; only other characters need Unicode classes.
    const ascii = code < 0x80;
    if (ascii ? code === 0x27 : /\p{M}/u.test(ch) || ch === '\u00ad' || ch === '’' || ch === 'ʼ') continue;
    const upperCase = ascii ? code >= 0x41 && code <= 0x5a : /\p{Lu}/u.test(ch);
    const wordChar = ascii
      ? upperCase || (code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)
      : /[\p{L}\p{N}]/u.test(ch);
    if (wordChar) {
      if (cur.length === 0) {
        curCapital = upperCase;
        nextSentenceStart = atSentenceStart;
        atSentenceStart = false;
      }
      cur += ch;
      continue;
    }
    // "U.S." / "U.K.": a single capital letter followed by a dot and another capital stays one word.
    if (ch === '.' && cur.length === 1 && /\p{Lu}/u.test(cur) && /\p{Lu}/u.test(src[i + 1] ?? '')) continue;
    if (ch === '.' && cur.length > 1 && /^(\p{Lu}\p{Lu})+$/u.test(cur) && /\p{Lu}/u.test(src[i + 1] ?? ''))
      continue;
    const wasAcronym = cur.length >= 2 && cur === cur.toUpperCase() && /\p{Lu}/u.test(cur);
    flush();
    // A full stop ends a sentence, except the dot that closes an acronym ("U.S. officials").
    if ((ch === '.' && !wasAcronym) || ch === '!' || ch === '?' || ch === '\n') atSentenceStart = true;
  }
  flush();
  return out;
}

/** A small general English stopword list: function words, auxiliaries, reporting verbs, fillers. */
const STOP_LIST =
  'a about above across after afterwards again against all almost along already also although always am among an and another any anyone anything are around as at ' +
  'back be became because become been before being below between both but by can cannot could did do does doing done down during each either else enough even ever every everyone everything ' +
  'few first for from further get gets getting got had has have having he her here hers herself him himself his how however i if in indeed into is it its itself just ' +
  'last least less like made make makes many may maybe me might mine more most much must my myself never new next no nobody none nor not nothing now of off often on once one only onto or other others otherwise our ours ourselves out over own ' +
  'per perhaps please put quite rather really same say says said saying see seem seemed seems several she should since so some somehow someone something sometimes still such ' +
  'take than that the their theirs them themselves then there therefore these they thing things this those though through thus time times to together too toward towards ' +
  'under until up upon us very via want wants was way we well were what whatever when whenever where whether which while who whoever whole whom whose why will with within without would ' +
  'yet you your yours yourself yourselves ' +
  // Contractions as normalizeText writes them.
  'dont doesnt didnt isnt arent wasnt werent hasnt havent hadnt wont wouldnt cant couldnt shouldnt im ive id youre weve theyre hes shes its thats theres lets ' +
  // Reporting and filler words: they say how something was said, not what about.
  'told tell tells telling added adds stated statement statements according reported report reports claim claimed claims source sources ' +
  'mr mrs ms dr sir madam yes okay ok oh going gonna lot lots kind sort sure course certainly ' +
  // Numbers and time words that connect unrelated statements.
  'two three four five six seven eight nine ten hundred thousand million billion ' +
  'today yesterday tomorrow week weeks month months year years day days monday tuesday wednesday thursday friday saturday sunday';
export const STOPWORDS: ReadonlySet<string> = new Set(STOP_LIST.split(' '));

/** Irregular verb forms that a suffix stemmer cannot join to their base. */
const IRREGULAR: Record<string, string> = {
  knew: 'know',
  known: 'know',
  knows: 'know',
  came: 'come',
  went: 'go',
  gone: 'go',
  gave: 'give',
  given: 'give',
  took: 'take',
  taken: 'take',
  held: 'hold',
  began: 'begin',
  begun: 'begin',
  brought: 'bring',
  thought: 'think',
  sought: 'seek',
  fought: 'fight',
  won: 'win',
  lost: 'lose',
  met: 'meet',
  left: 'leave',
  struck: 'strike',
  sent: 'send',
  spoke: 'speak',
  spoken: 'speak',
  chose: 'choose',
  chosen: 'choose',
  saw: 'see',
  seen: 'see',
  ran: 'run',
  hid: 'hide',
  hidden: 'hide',
  killed: 'kill',
  dead: 'die',
  death: 'die',
  deaths: 'die',
  children: 'child',
  men: 'man',
  women: 'woman',
  people: 'person',
  freed: 'free',
  led: 'lead',
  heard: 'hear',
  felt: 'feel',
  kept: 'keep',
  paid: 'pay',
  meant: 'mean',
  wrote: 'write',
  written: 'write',
  fell: 'fall',
  fallen: 'fall',
  rose: 'rise',
  risen: 'rise',
  shot: 'shoot',
  stood: 'stand',
  understood: 'understand',
  bought: 'buy',
  caught: 'catch',
  taught: 'teach',
};

/** Place names and their demonyms that suffix rules do not join: names, so names and common words share them. */
const PLACES: Record<string, string> = {
  american: 'usa',
  americans: 'usa',
  america: 'usa',
  us: 'usa',
  usa: 'usa',
  british: 'uk',
  britain: 'uk',
  uk: 'uk',
};

/**
 * A light stemmer in the spirit of Porter's first step: plurals, -ed, -ing, -ly, -ation, and a
 * final silent e. Its only job is that two forms of one word meet; the stems need not be words,
 * but a form of one word must not become another word ("lose" is not "Los", "plane" not "plan").
 */
export const stem: (word: string) => string = memoize(readStem);

/**
 * The key of a name (a capitalised word inside a sentence, an acronym): only the spelling rules
 * that any word follows (plural or possessive s, demonym, silent e), never a word form of the
 * lexicon: "Rose" stays a name, not "rise"; "Reading" is not "read"; "Strike" is related to no word.
 */
export const nameStem: (word: string) => string = memoize(readNameStem);

/** Own keys only: "constructor" or "toString" in a quote must not find Object's methods. */
function lookUp(table: Record<string, string>, word: string): string | undefined {
  return Object.hasOwn(table, word) ? table[word] : undefined;
}

function readStem(word: string): string {
  const place = lookUp(PLACES, word);
  if (place !== undefined) return place;
  const irregular = lookUp(IRREGULAR, word);
  return stemRegular(irregular ?? word);
}

function readNameStem(word: string): string {
  const place = lookUp(PLACES, word);
  if (place !== undefined) return place;
  return word.length <= 3 ? word : spelling(stripPlural(word));
}

function stemRegular(word: string): string {
  if (word.length <= 3) return word;
  let w = stripInflection(stripPlural(word));
  if (w.endsWith('ly') && w.length > 5) w = w.slice(0, -2);
  if (w.endsWith('ation') && w.length > 7) w = w.slice(0, -5);
  else if (w.endsWith('ment') && w.length > 7) w = w.slice(0, -4);
  else if (w.endsWith('ful') && w.length > 6) w = w.slice(0, -3);
  return spelling(w);
}

function stripPlural(w: string): string {
  if (w.endsWith('ies') && w.length > 4) return `${w.slice(0, -3)}y`;
  if (w.endsWith('sses')) return w.slice(0, -2);
  if (w.endsWith('s') && !w.endsWith('ss') && !w.endsWith('us') && !w.endsWith('is')) return w.slice(0, -1);
  return w;
}

/** The three words Porter2's step 1b leaves whole although they end in -eed after a syllable. */
const EED_INVARIANT = new Set(['proceed', 'exceed', 'succeed']);

/**
 * -ed and -ing, as the Snowball English (Porter2) stemmer's step 1 takes them off: -ied is "ie"
 * after one letter ("died" → die, "tied") and y after more ("cried" → cry); a doubled final
 * consonant is undone ("planned" → plan); a short word left behind had a silent e ("hoped" →
 * hope, "losing" → lose). And -ie verbs spell -ying ("dying" → die, "lying", "tying").
 */
function stripInflection(w: string): string {
  if (w.endsWith('ied')) return w.length > 4 ? `${w.slice(0, -3)}y` : w.slice(0, -1);
  // -eed after a syllable is -ee + d ("agreed" → agree, "guaranteed"), as Porter2's step 1b takes
  // it; a word with -eed otherwise ("speed", "proceed") keeps it
  if (w.endsWith('eed')) {
    return /[aeiouy][^aeiouy]/.test(w.slice(0, -3)) && !EED_INVARIANT.has(w) ? w.slice(0, -1) : w;
  }
  if (w.length === 5 && w.endsWith('ying') && !isVowel(w[0]!)) return `${w[0]}ie`;
  let base: string;
  if (w.endsWith('ed') && w.length > 4) base = w.slice(0, -2);
  else if (w.endsWith('ing') && w.length > 5) base = w.slice(0, -3);
  else return w;
  const single = undouble(base);
  if (single !== base) return single;
  return isShortWord(base) ? `${base}e` : base;
}

/** Spelling rules of any word, name or not: demonyms, a silent e, a final y. */
function spelling(word: string): string {
  let w = word;
  // Demonyms: "israeli" → "israel", "qatari" → "qatar", "syrian" → "syria".
  if (w.endsWith('i') && w.length >= 5 && !/[aeiou]i$/.test(w)) w = w.slice(0, -1);
  else if (w.endsWith('ian') && w.length >= 6) w = w.slice(0, -1);
  // A silent e goes, unless dropping it leaves a short word: "plane" is not "plan", "lose" not "los".
  if (w.endsWith('e') && w.length > 3 && !isShortWord(w.slice(0, -1))) w = w.slice(0, -1);
  if (w.endsWith('y') && w.length > 4) w = `${w.slice(0, -1)}i`;
  return w;
}

function isVowel(c: string): boolean {
  return c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u' || c === 'y';
}

/**
 * A short word in Porter2's sense: one vowel group and one final consonant other than w or x
 * ("plan", "los", "hop", "strik"). Such a word takes a silent e as a different word ("plane",
 * "lose", "hope"), and its inflections double the consonant ("planned") or keep the e ("hoped").
 */
function isShortWord(w: string): boolean {
  return /^y?[^aeiouy]*[aeiouy][^aeiouywx]$/.test(w);
}

/** A doubled consonant undone after -ed or -ing ("planned" → plan, "trekked"); not l, s, z, nor a vowel ("agreeing"). */
function undouble(w: string): string {
  const n = w.length;
  if (n >= 3 && w[n - 1] === w[n - 2] && !'lszaeiouy'.includes(w[n - 1]!)) return w.slice(0, -1);
  return w;
}

/** The concept of one lower-case word, or null for a stopword or a word too short to mean much. */
export const conceptOf: (word: string) => string | null = memoize(readConcept);

function readConcept(word: string): string | null {
  if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word)) {
    // "US" is a stopword as a pronoun; the acronym is caught by the tokenizer's capital flag.
    return null;
  }
  return stem(word);
}

/** Words the text writes as names somewhere: with a capital inside a sentence, or in capitals. */
export function namesIn(tokens: readonly Token[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) if (t.upper || (t.capital && !t.sentenceStart)) out.add(t.norm);
  return out;
}

/**
 * Is this token a name? An acronym, or a word with a capital inside a sentence. At a sentence start
 * a capital proves nothing ("However", "Rising prices"), unless the text writes the word so elsewhere.
 */
export function isName(t: Token, names?: ReadonlySet<string>): boolean {
  if (t.upper || (t.capital && !t.sentenceStart)) return true;
  return t.capital && names?.has(t.norm) === true;
}

/**
 * The concept key of a token, or null. A name is keyed by its spelling alone (`nameStem`): it is
 * never a word form of the lexicon nor a related word. Other words go by `conceptOf`.
 */
export function tokenConcept(t: Token, name: boolean): string | null {
  if (!name) return conceptOf(t.norm);
  // An acronym in capitals ("US", "U.S.", "WHO") is a name even when it spells a stopword.
  return t.upper ? nameStem(t.norm) : nameConcept(t.norm);
}

/** The concept of a lower-case word written as a name, or null for a stopword or a short word. */
export function nameConcept(word: string): string | null {
  if (word.length < 2 || STOPWORDS.has(word) || /^\d+$/.test(word)) return null;
  return nameStem(word);
}

export interface Concept {
  key: string;
  /** The first word that gave this concept, as a reader would recognise it. */
  word: string;
  /** A proper noun (or an acronym): a strong sign of what the statement is about. */
  entity: boolean;
  /** Not in the words themselves: a pronoun ("it had warned") resolved to the speaker. */
  viaSpeaker?: boolean;
  /** Not in the statement: from the words around it. */
  fromContext?: boolean;
}

/** Concepts of a text, in order of first appearance, each once. */
export function concepts(text: string): Concept[] {
  const seen = new Map<string, Concept>();
  const tokens = tokenize(text);
  const names = namesIn(tokens);
  for (const t of tokens) {
    const name = isName(t, names);
    const key = tokenConcept(t, name);
    if (key === null) continue;
    const entity = name || key === 'usa' || key === 'uk';
    const prior = seen.get(key);
    if (prior) {
      if (entity) prior.entity = true;
    } else {
      seen.set(key, { key, word: t.norm, entity });
    }
  }
  return [...seen.values()];
}

/**
 * How specific a concept looks without corpus statistics: entities and long words say more about
 * the topic than short common words.
 */
export function specificity(c: Concept): number {
  if (c.entity) return 3;
  return c.key.length >= 7 ? 2 : c.key.length >= 5 ? 1.5 : 1;
}

/** At most this many topic keys per statement, so the index stays small. */
export const MAX_TOPIC_KEYS = 10;

/**
 * Content-word keys for finding statements on the same subject: the most specific concepts of the
 * text, most specific first (ties keep text order). With `idf` (how rare each concept is in the
 * store, rarity.ts), a concept's specificity is weighed by its rarity: a name in every tenth
 * statement ranks below a plain word in a thousandth.
 */
export function topicKeys(
  text: string,
  max: number = MAX_TOPIC_KEYS,
  idf?: (conceptKey: string) => number | null,
): string[] {
  return rankTopics(concepts(text), max, idf);
}

/** `topicKeys` of concepts already found. */
export function rankTopics(
  cs: readonly Concept[],
  max: number,
  idf?: (conceptKey: string) => number | null,
): string[] {
  return rankConcepts(cs, max, idf).map((c) => topicKey(c.key));
}

/** The most specific of some concepts, most specific first (ties keep text order), at most `max`. */
export function rankConcepts(
  cs: readonly Concept[],
  max: number,
  idf?: (conceptKey: string) => number | null,
): Concept[] {
  return cs
    .map((c, i) => ({ c, i, s: specificity(c) * (idf?.(c.key) ?? 1) }))
    .sort((x, y) => y.s - x.s || x.i - y.i)
    .slice(0, max)
    .map(({ c }) => c);
}

/** The index key of one topic concept. */
export function topicKey(conceptKey: string): string {
  return `t:${hashKey(conceptKey).slice(0, 8)}`;
}
