// @vitest-environment happy-dom
/**
 * `readArticleInSteps` with the extraction injected: in place (tests, CLI) or by the background
 * (the content script). Stale readings are dropped wherever they wait, a failed extraction is not
 * a reading, and time spent waiting for the background is not counted as Saywho's work on the page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { extract } from '../../utils/extract';
import {
  type ArticleExtractor,
  type ArticleReading,
  ExtractionFailed,
  PageTimings,
  readArticleInSteps,
  TaskClock,
} from '../../utils/page/read-article';
import { extractLocally } from '../helpers/local-extract';

const URL = 'http://127.0.0.1/004.html';

function loadArticle(): void {
  const html = readFileSync(join(__dirname, '../fixtures/pages/004.html'), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...Array.from(document.importNode(parsed.head, true).childNodes));
  document.body.replaceChildren(...Array.from(document.importNode(parsed.body, true).childNodes));
}

/** A clock whose time moves only when the test says: `advance(ms)`. */
function fakeClock() {
  let now = 0;
  const timings = new PageTimings();
  const perf = { now: () => now } as Performance;
  return {
    clock: new TaskClock(perf, timings, 12, async () => undefined),
    timings,
    advance: (ms: number) => {
      now += ms;
    },
  };
}

function deferred<T>() {
  let resolve: (value: T) => void = () => {};
  const promise = new Promise<T>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

async function readLocally(): Promise<ArticleReading> {
  const read = await readArticleInSteps(document, URL, fakeClock().clock, { extract: extractLocally });
  if (!read || read === 'stale') throw new Error(`expected a reading, got ${read}`);
  return read;
}

describe('readArticleInSteps with an injected extractor', () => {
  it('reads the article with the extraction in place: exactly what extract finds', async () => {
    loadArticle();
    const read = await readLocally();
    expect(read.statements.length).toBeGreaterThan(5);
    expect(read.statements).toEqual(extract(read.model.text));
    expect(read.found.statements).toHaveLength(read.statements.length);
  });

  it('gives the extractor the text it reads, and takes its statements', async () => {
    loadArticle();
    const local = await readLocally();
    const extractor = vi.fn<ArticleExtractor>(async (text) => extract(text));
    const read = await readArticleInSteps(document, URL, fakeClock().clock, { extract: extractor });
    expect(extractor).toHaveBeenCalledTimes(1);
    expect(extractor.mock.calls[0]![0]).toBe(local.model.text);
    expect(read).toMatchObject({ statements: local.statements });
  });

  it('drops a reading whose extraction answers once it is stale', async () => {
    loadArticle();
    const reply = deferred<ReturnType<typeof extract>>();
    let stale = false;
    const extractor = vi.fn<ArticleExtractor>((text, { idle }) =>
      idle(reply.promise.then(() => extract(text))),
    );
    const reading = readArticleInSteps(document, URL, fakeClock().clock, {
      extract: extractor,
      stale: () => stale,
    });
    await vi.waitFor(() => expect(extractor).toHaveBeenCalled());
    // The page changed while the worker extracted: its answer must not paint.
    stale = true;
    reply.resolve([]);
    expect(await reading).toBe('stale');
  });

  it('drops a reading whose extractor says it went stale (null)', async () => {
    loadArticle();
    expect(await readArticleInSteps(document, URL, fakeClock().clock, { extract: async () => null })).toBe(
      'stale',
    );
  });

  it('lets a failed extraction through, so the reading is dropped with its reason', async () => {
    loadArticle();
    const failing: ArticleExtractor = async () => {
      throw new ExtractionFailed('refused', 'invalid reply at statements.0: end must be after start');
    };
    await expect(readArticleInSteps(document, URL, fakeClock().clock, { extract: failing })).rejects.toThrow(
      /end must be after start/,
    );
  });

  it('does not ask the extractor again for an unchanged text, nor for a page that is no article', async () => {
    loadArticle();
    const previous = await readLocally();
    const extractor = vi.fn<ArticleExtractor>(async () => []);
    const read = await readArticleInSteps(document, URL, fakeClock().clock, { extract: extractor, previous });
    expect(read).toMatchObject({ statements: previous.statements });
    document.body.replaceChildren(Object.assign(document.createElement('p'), { textContent: 'Menu' }));
    expect(await readArticleInSteps(document, URL, fakeClock().clock, { extract: extractor })).toBeNull();
    expect(extractor).not.toHaveBeenCalled();
  });

  it('does not count the wait for the background as a task of Saywho on the page', async () => {
    loadArticle();
    const { clock, timings, advance } = fakeClock();
    const read = await readArticleInSteps(document, URL, clock, {
      extract: (text, { idle }) =>
        idle(
          (async () => {
            await Promise.resolve();
            // The worker takes 400 ms: the page's event loop runs meanwhile.
            advance(400);
            return extract(text);
          })(),
        ),
    });
    expect(read).not.toBe('stale');
    const list = timings.list();
    expect(list.filter((t) => t.name === 'task').every((t) => t.duration < 400)).toBe(true);
    expect(list.find((t) => t.name === 'extract')?.duration).toBe(400);
  });
});
