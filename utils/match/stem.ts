/**
 * The matcher's stemmer: two forms of one word meet (plurals, -ed, -ing, -ly, -ation, a silent e,
 * a few irregular verbs), names keep their spelling, and a few places meet their demonyms.
 */
import { memoize } from './memo';

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
  return singleFinalL(spelling(w));
}

/**
 * A final "ll" after two syllables or more is one l (Porter's step 5b), so the British doubled l
 * meets its base and the American spelling: "cancelled", "cancels", "canceled" → cancel;
 * "installed", "install" → instal. One syllable keeps it: "fill", "kill", "fall".
 */
function singleFinalL(w: string): string {
  return w.endsWith('ll') && /^[^aeiouy]*(?:[aeiouy]+[^aeiouy]+){2,}$/.test(w) ? w.slice(0, -1) : w;
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
