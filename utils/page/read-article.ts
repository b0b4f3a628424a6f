/**
 * Reads the article on a page: its region, its text model, its statements and what of them the
 * background stores. The extraction itself is injected (`ArticleExtractor`): the content script asks the
 * background worker (utils/content/remote-extract.ts), tests extract in place
 * (test/helpers/local-extract.ts). This module imports no extractor code, so the content script
 * carries none.
 */

import type { PageReading, StatementPayload } from '../domain';
import type { Statement } from '../extract/types';
import { judgeArticleSteps } from './article-judge';
import { findArticleRootSteps } from './article-region';
import { MAX_ARTICLE_CHARS } from './limits';
import { readPageMeta } from './meta';
import { buildTextModelSteps, type TextModel } from './text-model';

export interface ArticleReading {
  root: Element;
  model: TextModel;
  statements: Statement[];
  found: PageReading;
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

  /**
   * Waits for `waiting` outside Saywho's tasks: the current task ends now, and the next begins
   * when the wait is over (the page's event loop runs meanwhile; the wait is no task of Saywho's).
   */
  async idle<T>(waiting: Promise<T>): Promise<T> {
    this.end();
    try {
      return await waiting;
    } finally {
      this.since = this.now();
    }
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

/** What an extractor is given besides the text, to share the page's main thread politely. */
export interface ExtractionTurns {
  /** Gives the page a turn once the current task is over budget; true when the reading is stale. */
  breathe: () => Promise<boolean>;
  /** True once the reading is no longer wanted (the page changed, Saywho was switched off). */
  stale: () => boolean;
  /**
   * Waits for work done elsewhere (the background's reply, a pause before asking again): Saywho's
   * current task ends where the wait begins, and a new one starts when it is over, so the wait is
   * never counted as a task of Saywho's on the page.
   */
  idle: <T>(waiting: Promise<T>) => Promise<T>;
}

/**
 * Finds the statements of an article's text: exactly `extract(text)`'s, or null when the reading
 * went stale meanwhile. Throws `ExtractionFailed` when they cannot be had (the reading is dropped,
 * with no highlights).
 */
export type ArticleExtractor = (text: string, turns: ExtractionTurns) => Promise<Statement[] | null>;

/**
 * The statements of an article could not be had: `unreachable`, no answer from where they are
 * computed (the background worker, after every try); `refused`, an answer Saywho does not trust
 * or an error. The message says why, for the log.
 */
export class ExtractionFailed extends Error {
  override name = 'ExtractionFailed';

  constructor(
    readonly failure: 'unreachable' | 'refused',
    reason: string,
  ) {
    super(reason);
  }
}

export interface ReadOptions {
  /** Finds the statements of the article's text (see `ArticleExtractor`). */
  extract: ArticleExtractor;
  /** After a pause, true drops this reading (the page changed, or Saywho was switched off). */
  stale?: () => boolean;
  /** The last reading of the page: an unchanged text is not extracted again. */
  previous?: ArticleReading | null;
  /** Told as soon as the page is found to be an article, before it is read. */
  onArticle?: () => void;
  /** Told why a page is not read as an article ("not English", "too little running text", …). */
  onRefused?: (reason: string) => void;
  /** True: the reader asked for this page to be read whatever it looks like. */
  readAnyway?: () => boolean;
}

/**
 * Reads the page's article, or returns null when the page does not look like an article.
 *
 * Three steps — find the article, build its text model, extract — with `clock.breathe()` between
 * them, so a long article is read over several tasks and the page keeps answering input. After a
 * pause, `stale()` true drops this reading ('stale'). Given the `previous` reading, an unchanged
 * text is not extracted again. An extractor that fails throws (`ExtractionFailed`).
 */
export async function readArticleInSteps(
  doc: Document,
  pageUrl: string,
  clock: TaskClock,
  { extract, stale = () => false, previous = null, onArticle, onRefused, readAnyway }: ReadOptions,
): Promise<ArticleReading | null | 'stale'> {
  let t = clock.now();
  const root = await stepThrough(findArticleRootSteps(doc), () => clock.breathe(stale));
  if (root === null) return 'stale';
  const judged = await stepThrough(judgeArticleSteps(doc, root), () => clock.breathe(stale));
  if (judged === null) return 'stale';
  clock.record('find', t);
  if (!judged.isArticle && !readAnyway?.()) {
    onRefused?.(judged.reason);
    return null;
  }
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
  t = clock.now();
  const statements =
    text.length === 0
      ? []
      : await extract(text, {
          breathe: () => clock.breathe(stale),
          stale,
          idle: (waiting) => clock.idle(waiting),
        });
  if (statements === null || stale() || !root.isConnected) return 'stale';
  clock.record('extract', t);
  return articleReading(doc, pageUrl, root, model, statements, truncated);
}

/** The part of the model's text Saywho reads: whole paragraphs up to the limit. */
export function readableText(model: TextModel): { text: string; truncated: boolean } {
  const length = readableLength(model.text);
  return length === model.text.length
    ? { text: model.text, truncated: false }
    : { text: model.text.slice(0, length), truncated: true };
}

export function articleReading(
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
    found: {
      page: readPageMeta(doc, pageUrl),
      statements: statements.map((s) => toPayload(model.text, s)),
    },
  };
}
