/**
 * The part-of-speech tagger as the extractor reads it: one sentence of the article text at a
 * time, offsets into the whole text (utils/nlp does the tagging and the lemmas).
 */
import { tag } from '../nlp/tagger';
import type { SentenceTagger, Tagged } from './reported';

export const tagSentence: SentenceTagger = (text: string, from: number, to: number): Tagged[] => {
  const out: Tagged[] = [];
  for (const t of tag(text.slice(from, to))) {
    out.push({ start: t.start + from, end: t.end + from, text: t.text, tag: t.tag, lemma: t.lemma });
  }
  return out;
};
