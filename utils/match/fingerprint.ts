/**
 * Candidate keys for a Dexie multiEntry index: two statements that may be related share a key.
 *
 * Two channels:
 * - MinHash/LSH over word 3-shingles finds printings of the same words, reworded a little. With
 *   12 bands of 2 rows, a pair with shingle Jaccard 0.5 shares a band with probability
 *   1 − (1 − 0.5²)¹² ≈ 0.97; at 0.3 about 0.68; at 0.1 about 0.11.
 * - Topic keys (see topic.ts) find reworded reprints, paraphrases and possible conflicts that share
 *   few word sequences but several content words.
 * Keys are hashed to short fixed-width strings; collisions only add candidates, which the
 * classifier re-checks.
 */
import { hashKey, words } from './normalize';
import type { ConceptCounts } from './rarity';
import { relatedStems } from './related';
import { type Concept, concepts, nameConcept, rankConcepts, topicKey } from './topic';

export const SHINGLE_SIZE = 3;
export const BANDS = 8;
export const ROWS = 2;

/** Word shingles of normalised text; a text shorter than one shingle is its own single shingle. */
export function shingles(text: string, size: number = SHINGLE_SIZE): string[] {
  const ws = words(text);
  if (ws.length === 0) return [];
  if (ws.length < size) return [ws.join(' ')];
  const out = new Set<string>();
  for (let i = 0; i + size <= ws.length; i++) out.add(ws.slice(i, i + size).join(' '));
  return [...out];
}

/** 32-bit FNV-1a of a string: the base hash of a shingle. */
function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** MurmurHash3's finaliser: mixes a 32-bit value so that seeded variants behave independently. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Fixed seeds: the hash family must never change, or stored keys stop matching new ones. */
const SEEDS: readonly number[] = Array.from({ length: BANDS * ROWS }, (_, i) =>
  fmix32(0x9e3779b9 + i * 0x7f4a7c15),
);

/** MinHash signature: for each seeded hash, the minimum over the shingles. */
export function minhash(shingleSet: readonly string[]): Uint32Array {
  const sig = new Uint32Array(SEEDS.length).fill(0xffffffff);
  for (const sh of shingleSet) {
    const base = fnv1a(sh);
    for (let i = 0; i < SEEDS.length; i++) {
      const h = fmix32(base ^ SEEDS[i]!);
      if (h < sig[i]!) sig[i] = h;
    }
  }
  return sig;
}

/** LSH band keys of a text: one per band, from the band's rows of the MinHash signature. */
export function bandKeys(text: string): string[] {
  const sh = shingles(text);
  // A one- or two-word fragment is found through topic keys and containment, not LSH.
  if (sh.length === 0 || words(text).length < SHINGLE_SIZE) return [];
  const sig = minhash(sh);
  const out: string[] = [];
  for (let band = 0; band < BANDS; band++) {
    let row = `${band}`;
    for (let r = 0; r < ROWS; r++) row += `:${sig[band * ROWS + r]}`;
    out.push(`m${band}:${hashKey(row).slice(0, 8)}`);
  }
  return out;
}

/** Jaccard similarity of two texts' shingle sets (exact, for checking candidates). */
export function shingleJaccard(a: string, b: string): number {
  const sa = new Set(shingles(a));
  const sb = new Set(shingles(b));
  if (sa.size === 0 || sb.size === 0) return 0;
  let inter = 0;
  for (const s of sa) if (sb.has(s)) inter++;
  return inter / (sa.size + sb.size - inter);
}

/**
 * Topic pair keys: one key per pair of a statement's topic concepts, so that "shares two topic
 * words" — what makes a topic candidate — is one index entry instead of two long posting lists
 * intersected. A single topic word is shared by thousands of statements in a large store and
 * reading its postings is what ingest used to spend most of its time on; a pair of words is rare,
 * and the store's key filter proves most pairs absent without asking the index at all.
 *
 * Pairs are listed so that those among the `k` strongest concepts come first, for every `k`:
 * (0,1), (0,2), (1,2), (0,3), (1,3), (2,3), … — so the first C(k, 2) keys are exactly the pairs
 * of the k strongest, which is what `lookupKeys` asks about.
 */
export function topicPairKeys(topics: readonly string[]): string[] {
  const out: string[] = [];
  for (let j = 1; j < topics.length; j++) {
    for (let i = 0; i < j; i++) out.push(pairKey(topics[i]!, topics[j]!));
  }
  return out;
}

/** The index key of two topic keys, in either order. */
function pairKey(x: string, y: string): string {
  const [a, b] = x < y ? [x, y] : [y, x];
  return `p:${hashKey(`${a} ${b}`).slice(0, 9)}`;
}

/** At most this many related words stand in for one topic word in a lookup (related.ts). */
export const RELATED_PER_TOPIC = 40;
/** The strongest words (not names) of a new statement that pair with its names, as written or related. */
export const RELATED_WORDS = 6;
/** At most this many name-and-word pairs asked about beyond the strongest topics' pairs. */
export const MAX_RELATED_KEYS = 32;

/**
 * Pair keys a new statement also asks about: each pair of a name among its strongest topics and
 * one of its strongest words (RELATED_WORDS), as written or replaced by a related word ("Qatar" + "notified"
 * asks for "Qatar" + "warned"). Reports of one event word it differently, and the words an older
 * report stored its keys by may be minor ones here; the name keeps the lookup narrow. The
 * classifier decides what the candidates found so are. At most MAX_RELATED_KEYS.
 */
/** `names` may hold words too (only names are used); `words` are words, not names. */
function relatedPairKeys(names: readonly Concept[], words: readonly Concept[]): string[] {
  const out = new Set<string>();
  const nameKeys = names.filter((n) => n.entity).map((n) => topicKey(n.key));
  // Each word as written first, then its related words, the closest of every word before the next.
  const alternatives = words.map((w) => relatedStems(w.key, RELATED_PER_TOPIC));
  const rounds = [words.map((w) => w.key)];
  for (let i = 0; i < Math.max(0, ...alternatives.map((l) => l.length)); i++)
    rounds.push(alternatives.flatMap((l) => (i < l.length ? [l[i]!] : [])));
  for (const round of rounds)
    for (const word of round)
      for (const name of nameKeys) {
        if (out.size >= MAX_RELATED_KEYS) return [...out];
        out.add(pairKey(name, topicKey(word)));
      }
  return [...out];
}
/**
 * Topic concepts of a stored statement whose pairs go into the index (6 pairs). Every pair is an
 * index entry written with the statement, so this is what a statement costs to write and on disk
 * (about 35 bytes an entry in Chromium, of about 0.8 kB in all): with 10 concepts (45 pairs) a
 * 50-statement page took about twice as long to write at 100,000 statements, and 6 concepts (15
 * pairs) found no more relations on the seed gold than 4 do, nor more altered copies in the store
 * benchmark, while 3 lost a contradiction. A new statement still asks about the pairs of its 6
 * strongest (`LOOKUP_PAIR_TOPICS`), so two statements meet when their shared words are among the 4
 * strongest of the older one and the 6 strongest of the newer one.
 */
export const STORED_PAIR_TOPICS = 4;
/**
 * Speaker–word keys: a statement's speaker (the last capitalised word of its name) with each of its
 * strongest words. The same speaker quoted again with two words changed shares one of them even
 * when the quote is short and casual ("It's actually crappy, you know, these days" keeps "actually")
 * and the speaker has been quoted too often for the speaker channel's newest statements to hold
 * it (an interview quotes one person dozens of times). Stored for the 3 strongest, asked for the 6
 * strongest, as the topic pairs are.
 */
export const STORED_SPEAKER_TOPICS = 3;
/** Upper bound on keys per stored statement: LSH bands, topic pair keys and speaker–word keys (17). */
export const MAX_KEYS = BANDS + (STORED_PAIR_TOPICS * (STORED_PAIR_TOPICS - 1)) / 2 + STORED_SPEAKER_TOPICS;
/**
 * Topic concepts of a new statement whose pairs are looked for (15 pairs): a pair is found when
 * its two words are among the 6 strongest of the new statement and the 4 stored of the older. Pairs the key filter proves absent
 * cost nothing, but each pair present in the store costs an index read and brings candidates to
 * classify: asking about the pairs of 8 or 10 concepts found no more relations on the seed gold
 * and made ingest slower in the store benchmark. Kept apart from `STORED_PAIR_TOPICS` so the two
 * can be tuned separately (asking about more than is stored is allowed).
 */
export const LOOKUP_PAIR_TOPICS = 6;
/**
 * Upper bound on the keys a new statement asks about: bands, the pairs of its strongest topics, and
 * name-and-word pairs.
 */
export const MAX_LOOKUP_KEYS =
  BANDS + (LOOKUP_PAIR_TOPICS * (LOOKUP_PAIR_TOPICS - 1)) / 2 + MAX_RELATED_KEYS + LOOKUP_PAIR_TOPICS;

/**
 * The topic concepts of a statement, strongest first, at most `max`. `context` (the lead-in of a
 * short fragment) adds concepts only when the text itself has too few content words to say what
 * it is about. The list for a smaller `max` is always a prefix of the list for a larger one.
 */
function topicsOf(
  own: readonly Concept[],
  context: string | undefined,
  max: number,
  idf: ((key: string) => number | null) | undefined,
): Concept[] {
  const ranked = rankConcepts(own, max, idf);
  if (context && ranked.length < 3) {
    const have = new Set(ranked.map((c) => c.key));
    for (const c of rankConcepts(concepts(context), max - ranked.length, idf)) {
      if (!have.has(c.key)) ranked.push(c);
      have.add(c.key);
    }
  }
  return ranked;
}

/** The names in a speaker's name: its capitalised words ("Trump administration" → Trump). */
function speakerNames(speaker: string): Concept[] {
  const out: Concept[] = [];
  for (const w of speaker.match(/\p{Lu}[\p{L}'’.-]*/gu) ?? []) {
    const key = nameConcept(w.toLowerCase());
    if (key !== null) out.push({ key, word: w.toLowerCase(), entity: true });
  }
  return out;
}

/** The speaker–word keys of a statement's `n` strongest topics, `names` its speaker's names. */
function speakerWordKeys(names: readonly Concept[], topics: readonly Concept[], n: number): string[] {
  const last = names[names.length - 1];
  if (!last) return [];
  const who = topicKey(last.key);
  return topics
    .slice(0, n)
    .filter((c) => c.key !== last.key)
    .map((c) => `q:${hashKey(`${who} ${topicKey(c.key)}`).slice(0, 9)}`);
}

/**
 * The keys of a statement: those stored in the index with it, and those it looks for; and its
 * concepts (own words), which the store counts. `counts` ranks the concepts by how rare they are
 * in the store (rarity.ts); without, by how specific they look alone.
 */
export function candidateKeys(
  text: string,
  context?: string,
  counts?: ConceptCounts,
  speaker?: string,
): { stored: string[]; lookup: string[]; concepts: string[] } {
  const bands = bandKeys(text);
  const own = concepts(text);
  const idf = counts ? (key: string) => counts.idf(key) : undefined;
  const topics = topicsOf(own, context, Math.max(STORED_PAIR_TOPICS, LOOKUP_PAIR_TOPICS), idf);
  const pairs = topicPairKeys(topics.map((c) => topicKey(c.key)));
  const upTo = (n: number) => pairs.slice(0, (n * (n - 1)) / 2);
  const asked = upTo(LOOKUP_PAIR_TOPICS);
  // The speaker's name anchors too: "it learned …", "we were told …" speak of the speaker.
  const speakerWords = speakerNames(speaker ?? '');
  const names = [...topics.slice(0, LOOKUP_PAIR_TOPICS), ...speakerWords];
  const words = rankConcepts(
    own.filter((c) => !c.entity),
    RELATED_WORDS,
    idf,
  );
  const related = relatedPairKeys(names, words).filter((k) => !asked.includes(k));
  return {
    stored: [
      ...bands,
      ...upTo(STORED_PAIR_TOPICS),
      ...speakerWordKeys(speakerWords, topics, STORED_SPEAKER_TOPICS),
    ],
    lookup: [...bands, ...asked, ...related, ...speakerWordKeys(speakerWords, topics, LOOKUP_PAIR_TOPICS)],
    concepts: own.map((c) => c.key),
  };
}

/**
 * The keys stored with a statement in the multiEntry index: LSH bands, then the topic pair keys
 * of its strongest concepts. Bounded by MAX_KEYS.
 */
export function matchKeys(text: string, context?: string): string[] {
  return candidateKeys(text, context).stored;
}

/**
 * The keys a new statement asks the index about: every LSH band, and the pairs of its strongest
 * topic concepts (`LOOKUP_PAIR_TOPICS`; a superset of what it stores).
 */
export function lookupKeys(text: string, context?: string): string[] {
  return candidateKeys(text, context).lookup;
}

/**
 * What sharing a key says of two statements, in shared topic words or bands: a pair key is two
 * topic words at once, a speaker–word key one speaker and one word. A stored statement is a candidate at a total of 2 or more.
 */
export function keyWeight(key: string): number {
  return key.startsWith('p:') || key.startsWith('q:') ? 2 : 1;
}

/** The total `keyWeight` a stored statement needs to be a candidate of a new one. */
export const CANDIDATE_WEIGHT = 2;
