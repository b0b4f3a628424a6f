/**
 * Extraction in the background worker: the content script sends an article's text
 * (`extract-article`), the worker finds its statements. The extractor and the models it reads are
 * loaded once, here, instead of being parsed on every page the content script runs on.
 */
import { extractInSlices } from '../extract';
import type { Statement } from '../extract/types';

/**
 * How long the worker extracts before it lets other messages (another tab's article, an ingest,
 * a save) have a turn. The worker has no page to keep responsive, so the slice is longer than the
 * content script's; a typical article is extracted in one.
 */
const SLICE_MS = 40;

/** A turn of the worker's event loop: a task queued behind the messages already waiting. */
export function yieldToWorker(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The statements of `text`, exactly as `extract(text)` finds them, computed over tasks of about
 * `sliceMs` each, so one long article does not hold every other message back.
 */
export async function extractArticle(
  text: string,
  {
    sliceMs = SLICE_MS,
    pause = yieldToWorker,
    now = () => performance.now(),
  }: { sliceMs?: number; pause?: () => Promise<void>; now?: () => number } = {},
): Promise<Statement[]> {
  let since = now();
  const statements = await extractInSlices(text, async () => {
    if (now() - since < sliceMs) return false;
    await pause();
    since = now();
    return false;
  });
  // Never dropped here: a reading the page no longer wants is dropped by the page.
  return statements ?? [];
}
