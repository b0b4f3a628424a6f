/**
 * Extraction in the background worker: the content script sends an article's text
 * (`extract-article`), the worker finds its statements. The extractor and the models it reads are
 * loaded once, here, instead of being parsed on every page the content script runs on.
 */
import { extract, extractInSlices } from '../extract';
import type { Statement } from '../extract/types';

/**
 * How long the worker extracts before it lets other messages (another tab's article, an ingest,
 * a save) have a turn. The worker has no page to keep responsive, and an extraction is what stands
 * between a page and its first highlights, so a typical article is extracted in one go: giving
 * turns in the middle of it let a first page's store preparation (the database created, 1 s on a
 * busy machine) delay its highlights, and many tabs opened at once would all finish late instead
 * of one after another. Only a very long article (up to 300,000 characters) gives turns.
 */
const SLICE_MS = 200;

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
  extracting = true;
  await ensureModels();
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

/** A short article in the shape the extractor reads: every pass runs on it once. */
const WARM_UP_TEXT = [
  'The city council voted on Tuesday to reopen the harbour bridge, officials said.',
  '“We will rebuild it by spring,” said Mayor Ada Park. “Nobody should wait longer.”',
  'Park told reporters that the repairs would cost less than expected, according to the city.',
].join('\n');

let warm = false;
/** Set once an article's extraction has begun: the warm-up's run on its short text is then moot. */
let extracting = false;
/** Makes the models ready; the worker sets it at its start (utils/background/models.ts). */
let ensureModels: () => Promise<void> = async () => undefined;

/**
 * How long after the models are ready the extractor runs on the short text. A worker woken by a
 * page is handed that page's article only after its start-up tasks: run at once, the short text
 * made the article wait (by 15–30 ms on this 2-core machine; measured over 16 woken workers, found
 * → painted 301–314 ms with it at once, 286 without it, 293 with it after this delay). By the
 * delay's end such an article is being extracted and the run is skipped; a worker started without
 * a page waiting (the browser's start, the popup) still compiles its code before the next article.
 */
export const WARM_UP_DELAY_MS = 100;

/**
 * Readies the extractor when the worker starts, in two tasks: first the models are read and
 * decoded (`load`; every extraction waits for them, and a failed read is tried again by the next);
 * then, unless an article is already being extracted, the extractor runs once on a short text,
 * so its code is compiled before the first article arrives.
 */
export function warmUpExtractor({
  load = ensureModels,
  schedule = (task) => setTimeout(task, WARM_UP_DELAY_MS),
  run = () => extract(WARM_UP_TEXT),
}: {
  load?: () => Promise<void>;
  schedule?: (task: () => void) => void;
  run?: () => unknown;
} = {}): void {
  if (warm) return;
  warm = true;
  ensureModels = load;
  load().then(
    () =>
      schedule(() => {
        if (extracting) return;
        try {
          run();
        } catch {
          // The first article will say what is wrong.
        }
      }),
    // The first article tries again and says what is wrong.
    () => undefined,
  );
}
