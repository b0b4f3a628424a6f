/** Reads the article on a page: its region, its text model, its statements and the message for the background. */
import { extract, extractInSlices } from '../extract';
import type { Statement } from '../extract/types';
import type { IngestPage, StatementPayload } from '../messages';
import { findArticleRoot, findArticleRootSteps, looksLikeArticle } from './article-region';
import { MAX_ARTICLE_CHARS } from './limits';
import { readPageMeta } from './meta';
import { buildTextModel, buildTextModelSteps, type TextModel } from './text-model';

export interface ArticleReading {
  root: Element;
  model: TextModel;
  statements: Statement[];
  message: IngestPage;
  /** The article was longer than MAX_ARTICLE_CHARS: only its first paragraphs were read. */
  truncated: boolean;
}

/** Where to stop reading: the end of the last whole paragraph within the limit. */
export function readableLength(text: string, max: number = MAX_ARTICLE_CHARS): number {
  if (text.length <= max) return text.length;
  const cut = text.lastIndexOf('\n', max);
  return cut > 0 ? cut : max;
}

const CONTEXT = 32;

export function toPayload(text: string, s: Statement): StatementPayload {
  return {
    text: s.text,
    kind: s.kind,
    start: s.start,
    end: s.end,
    speaker: s.speaker,
    cue: s.cue,
    continues: s.continues,
    prefix: text.slice(Math.max(0, s.start - CONTEXT), s.start),
    suffix: text.slice(s.end, s.end + CONTEXT),
  };
}

/**
 * Gives the page's event loop a turn: a message to ourselves, queued behind whatever the page has
 * waiting — its due timers included. Not `scheduler.yield()`: its continuation jumps ahead of the
 * page's timers, so a page's own clock stood still for the whole reading (the hostile-page e2e
 * test measures it). Not `setTimeout`: timers are throttled to a second in background tabs.
 */
export function yieldToPage(): Promise<void> {
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      channel.port1.close();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

/** One span of Saywho's work on the page, in the page's `performance.now()` time. */
export interface TaskTiming {
  /** `task`: one task Saywho ran; `find`, `model`: reading steps; `read`, `paint`: whole phases. */
  name: string;
  start: number;
  duration: number;
}

/**
 * Saywho's own record of its work on the page. Not user-timing measures: the page shares the
 * performance timeline, and `saywho:*` entries in it told any page's script that Saywho was
 * installed. Kept in the content script's memory, answered only to Saywho's own pages and
 * worker (`page-timings`), bounded so a page open for days does not grow it.
 */
export class PageTimings {
  private entries: TaskTiming[] = [];

  constructor(private readonly limit = 2_000) {}

  record(name: string, start: number, end: number): void {
    this.entries.push({ name, start, duration: end - start });
    // The oldest go in halves: dropping one at a time would copy the array on every task.
    if (this.entries.length > this.limit)
      this.entries = this.entries.slice(Math.floor(this.entries.length / 2));
  }

  list(): TaskTiming[] {
    return this.entries.slice();
  }
}

/**
 * Splits Saywho's work on a page into tasks: `breathe()` gives the page a turn once the current
 * task has run longer than the budget, and every task Saywho ran is recorded as a `task` timing
 * (the bench reads the longest).
 */
export class TaskClock {
  private since: number;

  constructor(
    private readonly perf: Performance | undefined,
    private readonly timings: PageTimings = new PageTimings(),
    private readonly budgetMs = 12,
    private readonly pause: () => Promise<void> = yieldToPage,
  ) {
    this.since = this.now();
  }

  now(): number {
    return this.perf?.now() ?? Date.now();
  }

  /** Records a span of work (a reading step, a phase) that started at `start` and ends now. */
  record(name: string, start: number): void {
    this.timings.record(name, start, this.now());
  }

  /** Ends the current task (if over budget) and waits for the next; true when `stale()` says drop. */
  async breathe(stale: () => boolean): Promise<boolean> {
    if (this.now() - this.since < this.budgetMs) return false;
    this.end();
    await this.pause();
    this.since = this.now();
    return stale();
  }

  /** Records the current task as ended now. */
  end(): void {
    this.record('task', this.since);
  }
}

/** Runs a generator to its end, breathing between steps; null when `breathe` says drop it. */
async function stepThrough<T>(
  steps: Generator<void, T, void>,
  breathe: () => Promise<boolean>,
): Promise<T | null> {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    if (await breathe()) {
      steps.return(undefined as T);
      return null;
    }
  }
}

/**
 * Reads the page's article, or returns null when the page does not look like an article.
 *
 * Three steps — find the article, build its text model, extract (itself in slices) — with
 * `clock.breathe()` between them, so a long article is read over several tasks and the page keeps
 * answering input. After a pause, `stale()` true drops this reading (the page changed, or Saywho
 * was switched off). Given the `previous` reading, an unchanged text is not extracted again.
 * `onArticle` is told as soon as the page is found to be an article, before it is read.
 */
export async function readArticleInSteps(
  doc: Document,
  pageUrl: string,
  clock: TaskClock,
  stale: () => boolean = () => false,
  previous: ArticleReading | null = null,
  onArticle?: () => void,
): Promise<ArticleReading | null | 'stale'> {
  let t = clock.now();
  const root = await stepThrough(findArticleRootSteps(doc), () => clock.breathe(stale));
  if (root === null) return 'stale';
  const found = looksLikeArticle(doc, root);
  clock.record('find', t);
  if (!found) return null;
  onArticle?.();
  if (await clock.breathe(stale)) return 'stale';
  t = clock.now();
  const model = await stepThrough(buildTextModelSteps(root, MAX_ARTICLE_CHARS + 1), () =>
    clock.breathe(stale),
  );
  if (model === null) return 'stale';
  clock.record('model', t);
  if (await clock.breathe(stale)) return 'stale';
  // The model was built from the DOM as it was: if the article left the page meanwhile, read again.
  if (!root.isConnected) return 'stale';
  // The same text as the last reading (the page re-rendered it, or changed something else):
  // extraction depends on the text alone, so its statements stand; only the DOM map is new.
  if (previous && previous.model.text === model.text) {
    return articleReading(doc, pageUrl, root, model, previous.statements, previous.truncated);
  }
  const { text, truncated } = readableText(model);
  const statements = await extractInSlices(text, () => clock.breathe(stale));
  if (statements === null || !root.isConnected) return 'stale';
  return articleReading(doc, pageUrl, root, model, statements, truncated);
}

/** Reads the page's article in one go, or returns null when the page does not look like an article. */
export function readArticle(doc: Document, pageUrl: string): ArticleReading | null {
  const root = findArticleRoot(doc);
  if (!looksLikeArticle(doc, root)) return null;
  // A little past the limit, so the last whole paragraph within it is known to be whole.
  const model = buildTextModel(root, MAX_ARTICLE_CHARS + 1);
  const { text, truncated } = readableText(model);
  return articleReading(doc, pageUrl, root, model, extract(text), truncated);
}

/** The part of the model's text Saywho reads: whole paragraphs up to the limit. */
function readableText(model: TextModel): { text: string; truncated: boolean } {
  const length = readableLength(model.text);
  return length === model.text.length
    ? { text: model.text, truncated: false }
    : { text: model.text.slice(0, length), truncated: true };
}

function articleReading(
  doc: Document,
  pageUrl: string,
  root: Element,
  model: TextModel,
  statements: Statement[],
  truncated: boolean,
): ArticleReading {
  return {
    root,
    model,
    statements,
    truncated,
    message: {
      type: 'ingest-page',
      page: readPageMeta(doc, pageUrl),
      statements: statements.map((s) => toPayload(model.text, s)),
    },
  };
}
