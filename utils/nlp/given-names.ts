/**
 * Given names from a public gazetteer (U.S. Social Security Administration counts, see
 * ./model/given-names.ts and ./model/LICENSES.md): whether a word is a known given name and, when
 * at least nine in ten of its bearers share a sex, which. Used as evidence, never as a rule on
 * its own: for he/she agreement and to find where a person's name begins in a run of capitals
 * ("Minister of Education Stefania Giannini").
 */
import { modelData } from './model-data';

export type GivenSex = 'female' | 'male' | 'either';

let table: Map<string, GivenSex> | null = null;

function decoded(): Map<string, GivenSex> {
  if (table) return table;
  const t = new Map<string, GivenSex>();
  for (const sex of ['female', 'male', 'either'] as const) {
    for (const name of modelData().givenNames[sex].split(' ')) if (name) t.set(name, sex);
  }
  table = t;
  return t;
}

/** The gazetteer's entry for a capitalised word ("Stefania" → female), or null. */
export function givenName(word: string): GivenSex | null {
  // a name is written with a capital and lower-case letters after it ("Stefania", not "NATO")
  if (!/^\p{Lu}[\p{Ll}'’-]+$/u.test(word)) return null;
  return decoded().get(word.toLowerCase()) ?? null;
}
