/**
 * Is a common noun a person or a group of people? From WordNet 3.0's lexicographer files (the most
 * frequent sense of the noun is in noun.person or noun.group; ./model/wordnet-nouns.ts): "nurse",
 * "goalkeeper", "forecaster", "first lady" are people, "police", "staff", "utility" groups. Evidence
 * that a subject can say something, used where the extractor needs an agent.
 */
import { lemmatize } from './lemma';
import { modelData } from './model-data';

let table: Map<string, 'person' | 'group'> | null = null;

/** 'person', 'group' or null, for a lower-case singular noun. */
export function nounClass(lemma: string): 'person' | 'group' | null {
  if (!table) {
    const t = new Map<string, 'person' | 'group'>();
    const nouns = modelData().wordnetNouns;
    for (const w of nouns.group.split(' ')) if (w) t.set(w, 'group');
    for (const w of nouns.person.split(' ')) if (w) t.set(w, 'person');
    table = t;
  }
  return table.get(lemma) ?? null;
}

/** `nounClass` of a lower-case noun in the singular or the plural ("researchers" → person). */
export function nounClassOf(word: string): 'person' | 'group' | null {
  return nounClass(word) ?? nounClass(lemmatize(word, 'NNS'));
}
