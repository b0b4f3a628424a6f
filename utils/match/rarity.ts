/**
 * How common each topic concept is across the store: the statistics that let "the strongest
 * concepts of a statement" mean the most specific ones *in this reader's news*, as inverse
 * document frequency does in search engines. Without them a statement's topic pairs are made of
 * its capitalised and long words, and in a large store many such pairs are shared by chance
 * ("said" and "government" are long words): each shared pair costs an index read and brings a
 * candidate that is nothing. With them, a word in every tenth statement ranks below one in a
 * thousandth.
 *
 * A count-min sketch: two rows of 16-bit saturating counters; a concept's count is the smaller of
 * its two cells, never below its true count and above it only by collisions. 128 kB whatever the
 * store's size. Pure; the background worker keeps one with its key filter (key-filter.ts).
 */

import { twoHashes } from './normalize';

/** Counters per row. */
export const SKETCH_WIDTH = 1 << 15;
const DEPTH = 2;
const MAX_COUNT = 0xffff;
/**
 * Below this many statements the counts say little about a word; statements rank their concepts
 * by how specific they look alone (`specificity`), as a new store does.
 */
export const MIN_STATEMENTS = 2_000;

/** The counter of `key` in each row. */
function cells(key: string): [number, number] {
  const [h1, h2] = twoHashes(key);
  return [h1 % SKETCH_WIDTH, SKETCH_WIDTH + ((h2 >>> 1) % SKETCH_WIDTH)];
}

export class ConceptCounts {
  constructor(
    /** DEPTH rows of SKETCH_WIDTH counters. */
    readonly counts: Uint16Array = new Uint16Array(SKETCH_WIDTH * DEPTH),
    /** Statements counted. */
    public total = 0,
  ) {
    if (counts.length !== SKETCH_WIDTH * DEPTH) throw new Error('concept counts of the wrong size');
  }

  /** Counts one statement's concepts (each once, however often the statement repeats it). */
  addStatement(conceptKeys: Iterable<string>): void {
    for (const key of new Set(conceptKeys)) {
      for (const at of cells(key)) if (this.counts[at]! < MAX_COUNT) this.counts[at]!++;
    }
    this.total++;
  }

  /** Statements counted that hold `key` (an upper bound). */
  count(key: string): number {
    const [a, b] = cells(key);
    return Math.min(this.counts[a]!, this.counts[b]!);
  }

  /**
   * Inverse document frequency of a concept, ln((N + 1) / (n + 1)); null while the store holds
   * fewer than `MIN_STATEMENTS` statements.
   */
  idf(key: string): number | null {
    if (this.total < MIN_STATEMENTS) return null;
    return Math.log((this.total + 1) / (this.count(key) + 1));
  }
}
