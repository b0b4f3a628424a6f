/**
 * Training side of the tagger: an averaged perceptron (Collins 2002; greedy, as in Honnibal's
 * "A good part-of-speech tagger in about 200 lines of Python", 2013) over the features of
 * utils/nlp/features.ts. Weights are sparse: each feature keeps a linked list of (tag, weight)
 * entries in typed arrays, with the running totals needed for averaging.
 */
import { features, MAX_FEATURES, NO_TAG, type Prepared, prepare } from '../../utils/nlp/features';

export interface TrainSentence {
  words: string[];
  /** Gold tag indices. */
  tags: number[];
  /** Prepared once, reused every epoch. */
  prepared?: Prepared;
}

export class Perceptron {
  readonly nTags: number;
  readonly featureOf = new Map<number, number>();
  head = new Int32Array(1 << 16).fill(-1);
  keys = new Uint32Array(1 << 16);
  nFeatures = 0;
  entryTag = new Uint8Array(1 << 18);
  entryW = new Float64Array(1 << 18);
  entryTotal = new Float64Array(1 << 18);
  entryStamp = new Float64Array(1 << 18);
  entryNext = new Int32Array(1 << 18);
  nEntries = 0;
  /** Instances seen (the clock of the averaging). */
  now = 0;
  readonly dict: Map<string, number>;
  readonly lexicon: Map<number, number>;
  /** When set, only these feature keys get weights (a frequency cut-off). */
  allowed: Set<number> | null = null;

  constructor(nTags: number, dict: Map<string, number>, lexicon: Map<number, number>) {
    this.nTags = nTags;
    this.dict = dict;
    this.lexicon = lexicon;
  }

  private feature(key: number): number {
    let f = this.featureOf.get(key);
    if (f === undefined) {
      f = this.nFeatures++;
      if (f >= this.head.length) {
        const head = new Int32Array(this.head.length * 2).fill(-1);
        head.set(this.head);
        this.head = head;
        const keys = new Uint32Array(this.keys.length * 2);
        keys.set(this.keys);
        this.keys = keys;
      }
      this.keys[f] = key;
      this.featureOf.set(key, f);
    }
    return f;
  }

  private entry(f: number, tag: number): number {
    for (let e = this.head[f]!; e >= 0; e = this.entryNext[e]!) if (this.entryTag[e] === tag) return e;
    const e = this.nEntries++;
    if (e >= this.entryTag.length) this.grow();
    this.entryTag[e] = tag;
    this.entryW[e] = 0;
    this.entryTotal[e] = 0;
    this.entryStamp[e] = this.now;
    this.entryNext[e] = this.head[f]!;
    this.head[f] = e;
    return e;
  }

  private grow(): void {
    const size = this.entryTag.length * 2;
    const tag = new Uint8Array(size);
    tag.set(this.entryTag);
    this.entryTag = tag;
    for (const name of ['entryW', 'entryTotal', 'entryStamp'] as const) {
      const a = new Float64Array(size);
      a.set(this[name]);
      this[name] = a;
    }
    const next = new Int32Array(size);
    next.set(this.entryNext);
    this.entryNext = next;
  }

  /** Scores of every tag for the given feature keys, with the given weights (live or averaged). */
  score(keys: Uint32Array, n: number, weights: Float64Array, scores: Float64Array): void {
    scores.fill(0);
    for (let k = 0; k < n; k++) {
      const f = this.featureOf.get(keys[k]!);
      if (f === undefined) continue;
      // Entries added after `weights` was taken (an earlier epoch's average) weigh nothing in it.
      for (let e = this.head[f]!; e >= 0; e = this.entryNext[e]!) {
        const t = this.entryTag[e]!;
        scores[t] = scores[t]! + (weights[e] ?? 0);
      }
    }
  }

  private update(truth: number, guess: number, keys: Uint32Array, n: number): void {
    this.now++;
    if (truth === guess) return;
    for (let k = 0; k < n; k++) {
      if (this.allowed && !this.allowed.has(keys[k]!)) continue;
      const f = this.feature(keys[k]!);
      this.bump(this.entry(f, truth), 1);
      this.bump(this.entry(f, guess), -1);
    }
  }

  private bump(e: number, v: number): void {
    this.entryTotal[e]! += (this.now - this.entryStamp[e]!) * this.entryW[e]!;
    this.entryStamp[e] = this.now;
    this.entryW[e]! += v;
  }

  /** One pass over the sentences in the given order; returns the training accuracy. */
  epoch(sentences: TrainSentence[]): number {
    const keys = new Uint32Array(MAX_FEATURES);
    const scores = new Float64Array(this.nTags);
    let right = 0;
    let total = 0;
    for (const s of sentences) {
      s.prepared ??= prepare(s.words, this.lexicon);
      const p = s.prepared;
      let t1 = NO_TAG;
      let t2 = NO_TAG;
      for (let i = 0; i < p.n; i++) {
        let guess = this.dict.get(p.forms[i]!);
        if (guess === undefined) {
          const n = features(p, i, t1, t2, keys);
          this.score(keys, n, this.entryW, scores);
          guess = argmax(scores);
          this.update(s.tags[i]!, guess, keys, n);
        }
        if (guess === s.tags[i]) right++;
        total++;
        t2 = t1;
        t1 = guess;
      }
    }
    return right / total;
  }

  /** The averaged weights, entry by entry. */
  averaged(): Float64Array {
    const avg = new Float64Array(this.nEntries);
    for (let e = 0; e < this.nEntries; e++) {
      const total = this.entryTotal[e]! + (this.now - this.entryStamp[e]!) * this.entryW[e]!;
      avg[e] = total / this.now;
    }
    return avg;
  }

  /** Greedy tagging with the given weights (the float model, before pruning). */
  tag(words: string[], weights: Float64Array): number[] {
    const p = prepare(words, this.lexicon);
    const keys = new Uint32Array(MAX_FEATURES);
    const scores = new Float64Array(this.nTags);
    const out: number[] = [];
    let t1 = NO_TAG;
    let t2 = NO_TAG;
    for (let i = 0; i < p.n; i++) {
      let guess = this.dict.get(p.forms[i]!);
      if (guess === undefined) {
        const n = features(p, i, t1, t2, keys);
        this.score(keys, n, weights, scores);
        guess = argmax(scores);
      }
      out.push(guess);
      t2 = t1;
      t1 = guess;
    }
    return out;
  }

  /** Every feature with its entries under the given weights: [key, tags[], weights[]]. */
  *entries(weights: Float64Array): Generator<{ key: number; tags: number[]; weights: number[] }> {
    for (let f = 0; f < this.nFeatures; f++) {
      const tags: number[] = [];
      const ws: number[] = [];
      for (let e = this.head[f]!; e >= 0; e = this.entryNext[e]!) {
        tags.push(this.entryTag[e]!);
        ws.push(weights[e] ?? 0);
      }
      yield { key: this.keys[f]!, tags, weights: ws };
    }
  }
}

/**
 * How often each feature fires on the training data with the gold tags as history, and the
 * position (template) that produced it.
 */
export function countFeatures(
  sentences: TrainSentence[],
  dict: Map<string, number>,
): { counts: Map<number, number>; position: Map<number, number> } {
  const counts = new Map<number, number>();
  const position = new Map<number, number>();
  const keys = new Uint32Array(MAX_FEATURES);
  for (const s of sentences) {
    const p = s.prepared!;
    let t1 = NO_TAG;
    let t2 = NO_TAG;
    for (let i = 0; i < p.n; i++) {
      if (!dict.has(p.forms[i]!)) {
        const n = features(p, i, t1, t2, keys);
        for (let k = 0; k < n; k++) {
          const key = keys[k]!;
          const c = counts.get(key);
          if (c === undefined) {
            counts.set(key, 1);
            position.set(key, k);
          } else counts.set(key, c + 1);
        }
      }
      t2 = t1;
      t1 = s.tags[i]!;
    }
  }
  return { counts, position };
}

export function argmax(scores: Float64Array | Int32Array): number {
  let best = 0;
  let top = scores[0]!;
  for (let t = 1; t < scores.length; t++) {
    if (scores[t]! > top) {
      top = scores[t]!;
      best = t;
    }
  }
  return best;
}

/** A seeded generator (mulberry32) so that training is deterministic. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: T[], random: () => number): void {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
}
