/**
 * Words that name one thing or one kind of event, from WordNet (model/wordnet-concepts.ts): two
 * stems are related when they share a sense ("purchase", "buy"), when a sense of one is, one step
 * up, a sense of the other ("notify" is a way to "inform"; a "bombing" is an "attack"), or when both
 * are kinds of one narrow thing (at most MAX_SIBLINGS kinds: "strike" and "bombing"; not "talk" and
 * "inform", two of the many ways to communicate). Not transitive. For aligning two claims on one
 * subject and for finding them in the store; only `synonyms`, one sense, may make two wordings one
 * claim.
 */
import { memoize } from './memo';
import { WORDNET_CONCEPTS } from './model/wordnet-concepts';

interface Entry {
  senses: readonly number[];
  up: readonly number[];
  /** Place in the table: commoner words come first. */
  order: number;
}
interface Table {
  entries: Map<string, Entry>;
  /** Node → the stems that have it as a sense, and those that have it one step up. */
  asSense: Map<number, string[]>;
  asUp: Map<number, string[]>;
}
let table: Table | null = null;

function load(): Table {
  if (table) return table;
  const entries = new Map<string, Entry>();
  const asSense = new Map<number, string[]>();
  const asUp = new Map<number, string[]>();
  const add = (m: Map<number, string[]>, n: number, s: string) => {
    const list = m.get(n) ?? [];
    list.push(s);
    m.set(n, list);
  };
  const nums = (x: string) => (x === '' ? [] : x.split(',').map(Number));
  for (const e of WORDNET_CONCEPTS.split(' ')) {
    const at = e.indexOf(':');
    const slash = e.indexOf('/');
    const s = e.slice(0, at);
    const entry = { senses: nums(e.slice(at + 1, slash)), up: nums(e.slice(slash + 1)), order: entries.size };
    entries.set(s, entry);
    for (const n of entry.senses) add(asSense, n, s);
    for (const n of entry.up) add(asUp, n, s);
  }
  table = { entries, asSense, asUp };
  return table;
}

/** Two kinds of one thing are related only when it has at most this many kinds in the table. */
const MAX_SIBLINGS = 12;

/** Stem → its related stems, each with how many links join them; built once a stem is asked about. */
const linksMemo = new Map<string, Map<string, number>>();

function linksOf(s: string): Map<string, number> {
  const known = linksMemo.get(s);
  if (known) return known;
  const { entries, asSense, asUp } = load();
  const e = entries.get(s);
  const links = new Map<string, number>();
  const count = (others: readonly string[] | undefined) => {
    for (const o of others ?? []) if (o !== s) links.set(o, (links.get(o) ?? 0) + 1);
  };
  if (e) {
    // One sense, or one's sense one step above the other's.
    for (const n of e.senses) {
      count(asSense.get(n));
      count(asUp.get(n));
    }
    for (const n of e.up) {
      count(asSense.get(n));
      // Two kinds of one thing, when that thing has few kinds: "bombing" and "strike", both attacks.
      if ((asUp.get(n)?.length ?? 0) <= MAX_SIBLINGS) count(asUp.get(n));
    }
  }
  linksMemo.set(s, links);
  return links;
}

/** Are two concept stems the same or related words? */
export function related(a: string, b: string): boolean {
  return a === b || linksOf(a).has(b);
}

/** The stems related to one, most links first, then commoner words; at most `max`. */
export function relatedStems(s: string, max: number): string[] {
  return ranked(s).slice(0, max);
}

/** Every stem related to one, in `relatedStems` order: sorted once per stem (new words' keys ask it). */
const ranked = memoize((s: string): readonly string[] => {
  const { entries } = load();
  return [...linksOf(s)]
    .sort((x, y) => y[1] - x[1] || entries.get(x[0])!.order - entries.get(y[0])!.order)
    .map(([w]) => w);
});

/** Do two stems share a sense (synonyms: "purchase", "buy")? Narrower than `related`. */
export function synonyms(a: string, b: string): boolean {
  if (a === b) return true;
  const { entries } = load();
  const x = entries.get(a)?.senses;
  const y = entries.get(b)?.senses;
  return x !== undefined && y !== undefined && x.some((n) => y.includes(n));
}

/**
 * The derivational suffixes of English nouns and adjectives as the stemmer leaves them (Quirk et
 * al. 1985, Appendix I.30–I.44: -ance/-ancy/-ant, -ence/-ency/-ent, -ion, -ment, -ness, -ity, -al,
 * -ive, -er/-or, -ist, -ure, and -ate as the stemmer cuts it), longest first.
 */
const DERIVATIONAL = [
  'ation',
  'ition',
  'ancy',
  'anci',
  'ency',
  'enci',
  'ance',
  'ence',
  'ment',
  'ness',
  'anc',
  'enc',
  'ity',
  'iti',
  'ion',
  'ant',
  'ent',
  'ial',
  'ive',
  'ist',
  'ure',
  'ur',
  'al',
  'at',
  'er',
  'or',
];

/** The shortest root two words may share to be one word derived two ways. */
const ROOT_MIN = 5;

/** A stem less one derivational suffix, or the stem itself. */
const rootOf = memoize((s: string): string => {
  for (const x of DERIVATIONAL)
    if (s.length - x.length >= ROOT_MIN && s.endsWith(x)) return s.slice(0, -x.length);
  return s;
});

/**
 * One word derived two ways ("pregnancy" / "pregnant", "resignation" / "resign"): the same root
 * once a derivational suffix is taken off, five letters at least.
 */
export function sameRoot(a: string, b: string): boolean {
  if (a === b) return true;
  const ra = rootOf(a);
  const rb = rootOf(b);
  return ra.length >= ROOT_MIN && (ra === rb || ra === b || rb === a);
}
