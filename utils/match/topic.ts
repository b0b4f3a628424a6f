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
import { type NormToken, normTokens } from './norm-tokens';
import { hashKey } from './normalize';
import { nameStem, stem } from './stem';
import { STOPWORDS } from './stopwords';

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
export function namesIn(tokens: readonly NormToken[]): Set<string> {
  const out = new Set<string>();
  for (const t of tokens) if (t.upper || (t.capital && !t.sentenceStart && !t.titleCase)) out.add(t.norm);
  return out;
}

/**
 * Is this token a name? An acronym, or a word with a capital inside a sentence. At a sentence start
 * or in a title-case headline a capital proves nothing ("However", "Rising prices", "Council
 * Approves Budget"), unless the text writes the word so elsewhere.
 */
export function isName(t: NormToken, names?: ReadonlySet<string>): boolean {
  if (t.upper || (t.capital && !t.sentenceStart && !t.titleCase)) return true;
  return t.capital && names?.has(t.norm) === true;
}

/**
 * The concept key of a token, or null. A name is keyed by its spelling alone (`nameStem`): it is
 * never a word form of the lexicon nor a related word. Other words go by `conceptOf`.
 */
export function tokenConcept(t: NormToken, name: boolean): string | null {
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
  /**
   * Written with a capital where a capital proves nothing (a sentence's first word, a title-case
   * headline): perhaps a name, which another text may write as one.
   */
  perhapsName?: boolean;
}

/** Concepts of a text, in order of first appearance, each once. */
export function concepts(text: string): Concept[] {
  const seen = new Map<string, Concept>();
  const tokens = normTokens(text);
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
