/**
 * Features of a proper-name mention for the entity typer (person / organisation / place / other):
 * the words of the name, their shapes and endings, the public given-name gazetteer's verdict on
 * its first word, and the words around it. Shared by training (scripts/entities/) and the product
 * (./entity.ts) so that both see exactly the same features.
 */
import { givenName } from './given-names';
import { nounClassOf } from './noun-classes';

export interface MentionContext {
  /** The words of the name as written ("Church", "of", "Scientology"). */
  words: readonly string[];
  /** Up to two words before the name, nearest last. */
  before: readonly string[];
  /** Up to two words after the name, nearest first. */
  after: readonly string[];
}

function shape(w: string): string {
  if (/^\p{Lu}+$/u.test(w)) return w.length <= 5 ? 'AA' : 'AAA';
  if (/^\p{Lu}\.$/u.test(w)) return 'A.';
  if (/^\p{Lu}[\p{Ll}'’-]+$/u.test(w)) return 'Aa';
  if (/^\p{Ll}+$/u.test(w)) return 'a';
  if (/\d/.test(w)) return 'd';
  return 'x';
}

function low(w: string): string {
  return w.toLowerCase().replace(/[’']s$/, '');
}

/** The feature names of a mention; a feature is present or absent. */
export function mentionFeatures(m: MentionContext): string[] {
  const f: string[] = ['bias'];
  const n = m.words.length;
  const first = m.words[0] ?? '';
  const last = m.words[n - 1] ?? '';
  f.push(`n=${Math.min(n, 4)}`);
  for (const w of m.words) f.push(`w=${low(w)}`);
  f.push(`first=${low(first)}`, `last=${low(last)}`);
  f.push(`shape=${m.words.map(shape).join('')}`.slice(0, 16));
  f.push(`suf3=${low(last).slice(-3)}`, `suf2=${low(last).slice(-2)}`, `fsuf3=${low(first).slice(-3)}`);
  f.push(`given=${givenName(first.replace(/\.$/, '')) ?? 'no'}`);
  if (n >= 2) f.push(`given2=${givenName(m.words[1] ?? '') ?? 'no'}`);
  if (/[’']s$/.test(last)) f.push('possessive');
  // what WordNet makes of the name's words as common nouns ("Council", "Party": a group)
  const wordClass = (w: string) => (/^\p{Lu}\p{Ll}+$/u.test(w) ? nounClassOf(low(w)) : null);
  for (const w of m.words) {
    const c = wordClass(w);
    if (c) f.push(`wn=${c}`);
  }
  const lastClass = wordClass(last);
  f.push(`wnlast=${lastClass ?? 'no'}`);
  // a name that ends in the plural of a common noun names a group ("Red Sox", "Motors", "Pirates")
  if (n >= 2 && /^\p{Lu}\p{Ll}+[^s'’]s$/u.test(last)) f.push(`plural=${lastClass ?? 'no'}`);
  const b1 = m.before[m.before.length - 1];
  const b2 = m.before[m.before.length - 2];
  const a1 = m.after[0];
  const a2 = m.after[1];
  f.push(`b1=${b1 === undefined ? '<s>' : low(b1)}`);
  if (b2 !== undefined && b1 !== undefined) f.push(`b2b1=${low(b2)} ${low(b1)}`);
  f.push(`a1=${a1 === undefined ? '</s>' : low(a1)}`);
  if (a1 !== undefined && a2 !== undefined) f.push(`a1a2=${low(a1)} ${low(a2)}`);
  if (b1 !== undefined) f.push(`b1shape=${shape(b1)}`);
  return f;
}

export const ENTITY_CLASSES = ['person', 'organization', 'place', 'other'] as const;
export type EntityClass = (typeof ENTITY_CLASSES)[number];
