/**
 * A part-of-speech tagger for English: a greedy left-to-right averaged perceptron in the style of
 * Honnibal's "A good part-of-speech tagger in about 200 lines of Python" (2013), predicting Penn
 * Treebank tags (NN, VBZ, NNP…). Trained by scripts/train-tagger.ts on UD English EWT and the open
 * genres of GUM; the weights ship in ./model/tagger-model.ts (CC BY-SA 4.0, see
 * ./model/LICENSES.md). No network, no async: the model is decoded on first use (a few ms).
 */
import { features, MAX_FEATURES, NO_TAG, type Prepared, prepare } from './features';
import { lemmatize } from './lemma';
import { modelData } from './model-data';
import { type DecodedModel, decodeModel, hashSlot } from './model-format';
import { type Span, splitSentences, tokenSpans } from './tokenize';

export interface TaggedToken {
  /** UTF-16 offsets into the text given to `tag`: text.slice(start, end) === token.text. */
  start: number;
  end: number;
  text: string;
  /** Penn Treebank tag (NN, NNS, NNP, VBZ, VBD, JJ, IN, ``…); `upos(tag)` for the universal one. */
  tag: string;
  /** Dictionary form (verbs, nouns), lower case for other words, proper nouns as written. */
  lemma: string;
}

/** A tagger bound to one decoded model (the shipped one by default; training builds others). */
export class Tagger {
  readonly model: DecodedModel;
  private readonly scores: Int32Array;
  private readonly feats = new Uint32Array(MAX_FEATURES);
  private readonly openQuote: number;
  private readonly closeQuote: number;

  constructor(model: DecodedModel) {
    this.model = model;
    this.scores = new Int32Array(model.tags.length);
    this.openQuote = model.tags.indexOf('``');
    this.closeQuote = model.tags.indexOf("''");
  }

  /** Tag indices for one sentence's words. */
  tagIndices(words: readonly string[]): Uint8Array {
    const p = prepare(words, this.model.lexicon);
    return this.predict(p, words);
  }

  /**
   * Typographic quote marks say which way they face (the treebanks mostly have straight ones, whose
   * direction the model guesses from context): “ „ ‘ open, ” closes. ’ alone is left to the model
   * (a closing quote or a possessive apostrophe).
   */
  private quoteTag(word: string): number | undefined {
    if (word.length !== 1) return undefined;
    const c = word.charCodeAt(0);
    if (c === 0x201c || c === 0x201e || c === 0x2018) return this.openQuote;
    if (c === 0x201d) return this.closeQuote;
    return undefined;
  }

  /** Tags for one sentence's words (tokens as the treebanks split them). */
  tagTokens(words: readonly string[]): string[] {
    const idx = this.tagIndices(words);
    const out = new Array<string>(idx.length);
    for (let i = 0; i < idx.length; i++) out[i] = this.model.tags[idx[i]!]!;
    return out;
  }

  private predict(p: Prepared, words: readonly string[]): Uint8Array {
    const m = this.model;
    const out = new Uint8Array(p.n);
    const shift = 32 - m.hashBits;
    const { slotKey, slotFeature, mask, offsets, entryTag, entryCode, weightOf } = m;
    const scores = this.scores;
    const feats = this.feats;
    let t1 = NO_TAG;
    let t2 = NO_TAG;
    for (let i = 0; i < p.n; i++) {
      let best = this.quoteTag(words[i]!) ?? m.dict.get(p.forms[i]!);
      if (best === undefined) {
        scores.fill(0);
        const nf = features(p, i, t1, t2, feats);
        for (let k = 0; k < nf; k++) {
          const bucket = feats[k]! >>> shift;
          let slot = hashSlot(bucket) & mask;
          const want = bucket + 1;
          let found = -1;
          for (;;) {
            const s = slotKey[slot]!;
            if (s === want) {
              found = slotFeature[slot]!;
              break;
            }
            if (s === 0) break;
            slot = (slot + 1) & mask;
          }
          if (found < 0) continue;
          const end = offsets[found + 1]!;
          for (let e = offsets[found]!; e < end; e++) {
            const t = entryTag[e]!;
            scores[t] = scores[t]! + weightOf[entryCode[e]!]!;
          }
        }
        best = 0;
        let top = scores[0]!;
        for (let t = 1; t < scores.length; t++) {
          if (scores[t]! > top) {
            top = scores[t]!;
            best = t;
          }
        }
      }
      out[i] = best;
      t2 = t1;
      t1 = best;
    }
    return out;
  }
}

let shipped: Tagger | null = null;

/** The tagger with the shipped weights, decoded on first use. */
export function defaultTagger(): Tagger {
  shipped ??= new Tagger(decodeModel(modelData().tagger));
  return shipped;
}

/** Penn Treebank tags for one sentence's tokens. */
export function tagTokens(words: readonly string[]): string[] {
  return defaultTagger().tagTokens(words);
}

/** The first words of the correlative conjunctions and the words that complete them. */
const CORRELATIVES: Readonly<Record<string, string>> = { both: 'and', either: 'or', neither: 'nor' };

/**
 * "both", "either", "neither" are conjunctions (CC) only before the "and", "or", "nor" that
 * completes them (Penn Treebank guidelines); without one later in the sentence the model's CC is a
 * determiner ("officials from both nations said").
 */
function correlatives(part: readonly Span[], tags: string[]): void {
  for (let i = 0; i < part.length; i++) {
    const second = CORRELATIVES[part[i]!.text.toLowerCase()];
    if (tags[i] !== 'CC' || second === undefined) continue;
    if (!part.slice(i + 1).some((s) => s.text.toLowerCase() === second)) tags[i] = 'DT';
  }
}

/** Sentences longer than this are tagged in pieces (the tagger looks two tokens each way). */
const MAX_SENTENCE = 400;

/** Tokenizes, splits into sentences, tags and lemmatises `text`; one array per sentence. */
export function tagSentences(text: string, tagger: Tagger = defaultTagger()): TaggedToken[][] {
  const out: TaggedToken[][] = [];
  for (const sentence of splitSentences(text, tokenSpans(text))) {
    const tokens: TaggedToken[] = [];
    for (let from = 0; from < sentence.length; from += MAX_SENTENCE) {
      const part: Span[] = sentence.slice(from, from + MAX_SENTENCE);
      const tags = tagger.tagTokens(part.map((s) => s.text));
      correlatives(part, tags);
      for (let i = 0; i < part.length; i++) {
        const s = part[i]!;
        // the tokenizer split a hyphenated compound here ("president-elect"): in the treebank
        // conventions that hyphen is always HYPH, whatever the model guessed
        const tag =
          s.text === '-' && part[i - 1]?.end === s.start && part[i + 1]?.start === s.end ? 'HYPH' : tags[i]!;
        tokens.push({ start: s.start, end: s.end, text: s.text, tag, lemma: lemmatize(s.text, tag) });
      }
    }
    out.push(tokens);
  }
  return out;
}

/** Tokenizes, tags and lemmatises `text`. */
export function tag(text: string, tagger?: Tagger): TaggedToken[] {
  return tagSentences(text, tagger).flat();
}
