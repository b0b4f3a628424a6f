/**
 * Extraction by the background worker, the content script's default: the article's text goes in
 * one `extract-article` message and the statements come back. The page's scripts see none of it
 * (the message travels through the extension's runtime). The reply is checked against the text
 * before anything is painted from it; a worker that does not answer is asked again after the same
 * pauses as the store (`RETRY_MS`).
 */
import type { BackgroundMessage } from '../messages';
import { extractReplySteps } from '../messages';
import { MAX_ARTICLE_CHARS } from '../page/limits';
import { type ArticleExtractor, ExtractionFailed } from '../page/read-article';
import { RETRY_MS } from './retry';

export interface RemoteExtractOptions {
  send: (message: BackgroundMessage) => Promise<unknown>;
  /** Waits before asking again when the background did not answer (default `RETRY_MS`). */
  retryMs?: readonly number[];
  /** Told when the background did not answer and it is asked again after a pause. */
  onWaiting?: () => void;
  /** A pause (tests use fake timers). */
  sleep?: (ms: number) => Promise<void>;
}

const sleepFor = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * The extractor that asks the background. A reply that comes when the reading is stale is dropped
 * (null); one that does not fit the text (`extractReplySteps`) or says the background
 * failed is not trusted: `ExtractionFailed` ('refused'), not tried again. No answer at all
 * (the send rejects or resolves empty) is tried again after each pause of `retryMs`, then
 * `ExtractionFailed` ('unreachable').
 */
export function remoteExtractor({
  send,
  retryMs = RETRY_MS,
  onWaiting,
  sleep = sleepFor,
}: RemoteExtractOptions): ArticleExtractor {
  return async (text, { breathe, stale, idle }) => {
    if (text.length > MAX_ARTICLE_CHARS)
      throw new ExtractionFailed('refused', `the article text is longer than ${MAX_ARTICLE_CHARS}`);
    const message: BackgroundMessage = { type: 'extract-article', text };
    for (let tries = 1; ; tries++) {
      let reply: unknown;
      try {
        reply = await idle(send(message));
      } catch {
        reply = undefined;
      }
      if (stale()) return null;
      if (reply !== undefined) {
        // Checked over short tasks: a long article's reply holds thousands of statements.
        const steps = extractReplySteps(text, reply);
        for (;;) {
          const step = steps.next();
          if (step.done) {
            if (!step.value.ok) throw new ExtractionFailed('refused', step.value.error);
            return step.value.statements;
          }
          if (await breathe()) return null;
        }
      }
      const pause = retryMs[tries - 1];
      if (pause === undefined) {
        throw new ExtractionFailed(
          'unreachable',
          `the background did not answer (${tries} ${tries === 1 ? 'try' : 'tries'})`,
        );
      }
      onWaiting?.();
      await idle(sleep(pause));
      if (stale()) return null;
    }
  };
}
