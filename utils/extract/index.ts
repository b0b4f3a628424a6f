/**
 * Saywho's quotation and attribution extractor.
 *
 * `extract(text)` takes article text (one paragraph per line) and returns the statements it
 * contains — direct quotes, partial (woven-in) quotes and indirect reported speech — in document
 * order, each with UTF-16 offsets such that `text.slice(start, end) === text`, the speaker
 * (canonical name + the mention at this statement), the cue, and `continues` links between
 * segments of one utterance.
 *
 * Pipeline (pipeline.ts runs it, in this order):
 *  1. paragraphs and sentences — text.ts (tokens, sentence bounds), boilerplate.ts;
 *  2. quote marks — quotes.ts (quotation spans, multi-paragraph quotations);
 *  3. names — names.ts (the name registry, scanned outside quotations), np.ts (noun phrases);
 *  4. reported speech — indirect.ts (word patterns, sentences and clauses), reported.ts (tags),
 *     merged and trimmed by reported-merge.ts; cues.ts and lexicon.ts give the cue words;
 *  5. per quotation, in document order, with the reported clauses before it drafted first:
 *     kind — kinds.ts (direct or partial);
 *     attribution — quote-attribution.ts (where to look, bare, dash and colon forms) over
 *       attribution.ts (the attribution patterns around a quote);
 *     speaker — speakers.ts (resolution of the noun phrase, salience);
 *     coreference — continuations.ts (continued segments, context speakers, pending segments);
 *     filters — kinds.ts (terms, titles, names and scare quotes are no statements);
 *  6. over all drafts — mixed.ts (mixed quotes, pull quotes), then the statements.
 * Drafts and the context the steps share are in drafts.ts. Every step is linear in the input or
 * works on a bounded window around a quote or sentence.
 */

import { useAttributionTagger } from './attribution';
import { extractImpl } from './pipeline';
import type { SentenceTagger } from './reported';
import { tagSentence } from './tagging';
import { beginTokenCache, endTokenCache, useTokenCache } from './text';
import type { Statement } from './types';

export type { SpeakerRef, Statement, StatementKind } from './types';

/** The tagger the reported-speech pass reads sentences with. */
const sentenceTagger: SentenceTagger = tagSentence;

useAttributionTagger(tagSentence);

export function extract(text: string): Statement[] {
  if (typeof text !== 'string' || text.length === 0) return [];
  const steps = extractSteps(text);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * The same extraction spread over several tasks: between steps, once the current task has run
 * past its budget, `breathe()` lets the page run and returns true when the result is no longer
 * wanted (then null is returned). The statements are exactly those `extract` finds.
 */
export async function extractInSlices(
  text: string,
  breathe: () => Promise<boolean>,
): Promise<Statement[] | null> {
  if (typeof text !== 'string' || text.length === 0) return [];
  const steps = extractSteps(text);
  try {
    for (;;) {
      const step = steps.next();
      if (step.done) return step.value;
      if (await breathe()) return null;
    }
  } finally {
    steps.return([]);
  }
}

/**
 * The extraction as a generator that yields between passes and every so often inside the long
 * ones. The token cache is (re)installed at every resumption, since another extraction may have
 * run while this one was paused; it only ever speeds look-ups up and never changes a result.
 */
function* extractSteps(text: string): Generator<void, Statement[], void> {
  const tokens = beginTokenCache(text);
  yield;
  const inner = extractImpl(text, () => sentenceTagger);
  try {
    for (;;) {
      useTokenCache(text, tokens);
      const step = inner.next();
      if (step.done) return step.value;
      yield;
    }
  } finally {
    endTokenCache(text);
  }
}
