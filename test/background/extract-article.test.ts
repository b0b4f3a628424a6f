/**
 * `extract-article`: the content script sends an article's text, the background worker extracts
 * its statements. The message is validated like any other (a page cannot reach it, and nothing a
 * page's text holds is trusted), extraction is not storage (private windows and auto-collect off
 * get their statements), and the worker answers exactly what `extract` finds.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateArticle } from '../../scripts/harness/generate-article';
import { extractArticle } from '../../utils/background/extract';
import { handleBackgroundMessage, receiveBackgroundMessage } from '../../utils/background/handle-message';
import { extract } from '../../utils/extract';
import { parseBackgroundMessage, type Sender } from '../../utils/messages';
import { MAX_ARTICLE_CHARS } from '../../utils/page/limits';
import { useTestStore } from '../helpers/store';

const TEXT = readFileSync(join(__dirname, '../fixtures/real-pages/bbc-1/article.txt'), 'utf8');

const db = useTestStore('extract-article');

const own = { id: 'saywho-id', baseUrl: 'chrome-extension://saywho-id/' };
const tab: Sender = { id: own.id, url: 'https://news.example/story', tab: { id: 7 } };

describe('the extract-article message', () => {
  it('is accepted with the article text, up to the limit the content script reads', () => {
    expect(parseBackgroundMessage({ type: 'extract-article', text: TEXT })).toMatchObject({ ok: true });
    expect(parseBackgroundMessage({ type: 'extract-article', text: '' })).toMatchObject({ ok: true });
    const longest = 'a'.repeat(MAX_ARTICLE_CHARS);
    expect(parseBackgroundMessage({ type: 'extract-article', text: longest })).toMatchObject({ ok: true });
  });

  it.each([
    [
      'a text past the limit',
      { type: 'extract-article', text: 'a'.repeat(MAX_ARTICLE_CHARS + 1) },
      'invalid message at text: the article text is 300,001 characters, more than the 300,000 Saywho reads',
    ],
    ['no text', { type: 'extract-article' }, /^invalid message at text: Invalid key: Expected "text"/],
    ['a text that is not a string', { type: 'extract-article', text: ['“Hi,” she said.'] }, /at text/],
    ['a text that is a number', { type: 'extract-article', text: 42 }, /at text/],
  ])('rejects %s with a clear message', (_label, message, error) => {
    const parsed = parseBackgroundMessage(message);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });
});

describe('the background answering extract-article', () => {
  it("answers our content script with exactly extract's statements, and stores nothing", async () => {
    const reply = await receiveBackgroundMessage(db(), { type: 'extract-article', text: TEXT }, tab, own);
    expect(reply).toEqual({ ok: true, statements: extract(TEXT) });
    if (reply.ok && 'statements' in reply) expect(reply.statements.length).toBeGreaterThan(10);
    expect(await db().pages.count()).toBe(0);
    expect(await db().statements.count()).toBe(0);
  });

  it('refuses anyone but our content script in a tab, before reading the text', async () => {
    const stranger = await receiveBackgroundMessage(
      db(),
      { type: 'extract-article', text: TEXT },
      { id: 'other-extension', tab: { id: 7 }, url: 'https://news.example/' },
      own,
    );
    expect(stranger).toEqual({ ok: false, error: 'refused: the message was not sent by Saywho' });
    // Our own extension page is not a tab's content script either.
    const page = await receiveBackgroundMessage(
      db(),
      { type: 'extract-article', text: TEXT },
      { id: own.id, url: `${own.baseUrl}popup.html` },
      own,
    );
    expect(page).toEqual({ ok: false, error: 'refused: this message must come from a page in a tab' });
  });

  it('refuses a text past the limit with the reason, and extracts nothing', async () => {
    const reply = await receiveBackgroundMessage(
      db(),
      { type: 'extract-article', text: `${TEXT}\n`.repeat(Math.ceil(MAX_ARTICLE_CHARS / TEXT.length) + 1) },
      tab,
      own,
    );
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(/more than the 300,000 Saywho reads/);
  });

  it('extracts for a private window and with auto-collect off: extraction is not storage', async () => {
    const incognito = await receiveBackgroundMessage(
      db(),
      { type: 'extract-article', text: TEXT },
      { ...tab, tab: { id: 7, incognito: true } },
      own,
    );
    expect(incognito).toEqual({ ok: true, statements: extract(TEXT) });
    const off = await handleBackgroundMessage(
      db(),
      { type: 'extract-article', text: TEXT },
      { openTab: async () => undefined, viewUrl: () => '', autoCollect: async () => false },
      { tabId: 7, url: 'https://news.example/story' },
    );
    expect(off).toEqual({ ok: true, statements: extract(TEXT) });
    expect(await db().statements.count()).toBe(0);
  });
});

describe('extractArticle in the worker', () => {
  it("gives other messages turns on a long article, and finds exactly extract's statements", async () => {
    const long = generateArticle(60_000);
    let turns = 0;
    let clock = 0;
    const statements = await extractArticle(long, {
      sliceMs: 5,
      // Every look at the clock is a millisecond of work.
      now: () => clock++,
      pause: async () => {
        turns++;
      },
    });
    expect(statements).toEqual(extract(long));
    expect(turns).toBeGreaterThan(3);
  });

  it('extracts a typical article in one turn', async () => {
    let turns = 0;
    const statements = await extractArticle(TEXT, {
      pause: async () => {
        turns++;
      },
      now: () => 0,
    });
    expect(statements).toEqual(extract(TEXT));
    expect(turns).toBe(0);
  });
});

describe('warmUpExtractor', () => {
  // a fresh copy of the modules each time (the warm-up happens once per worker), with the model
  // data provided again, as the worker's start does
  const fresh = async () => {
    vi.resetModules();
    await import('../../utils/nlp/model/use-bundled');
    return import('../../utils/background/extract');
  };
  // the warm-up's second task is scheduled once the models are read (a promise)
  const settled = () => new Promise((resolve) => setTimeout(resolve, 0));
  it('runs the extractor once on a short text when the worker starts, and changes nothing it answers', async () => {
    const { warmUpExtractor, extractArticle: fromFresh } = await fresh();
    const tasks: (() => void)[] = [];
    let runs = 0;
    const options = { schedule: (task: () => void) => tasks.push(task), run: () => runs++ };
    warmUpExtractor(options);
    warmUpExtractor(options);
    await settled();
    for (const task of tasks) task();
    expect(runs).toBe(1);
    expect(await fromFresh(TEXT)).toEqual(extract(TEXT));
  });
  it('skips the short text when an article is already being extracted', async () => {
    const { warmUpExtractor, extractArticle: fromFresh } = await fresh();
    const tasks: (() => void)[] = [];
    let runs = 0;
    warmUpExtractor({ schedule: (task) => tasks.push(task), run: () => runs++ });
    const reading = fromFresh(TEXT);
    await settled();
    for (const task of tasks) task();
    expect(runs).toBe(0);
    expect(await reading).toEqual(extract(TEXT));
  });
  // the default run is the real extractor on the short text: nothing it leaves behind (decoded
  // models, memoised words) changes what the first article gets
  it('leaves the first article’s statements as they are', async () => {
    const { warmUpExtractor, extractArticle: fromFresh } = await fresh();
    warmUpExtractor({ schedule: (task) => task() });
    await settled();
    expect(await fromFresh(TEXT)).toEqual(extract(TEXT));
  });
  // a worker woken by a page gets the article after its start-up tasks: the short text waits a
  // little, so that it never delays that article
  it('runs the short text only after a delay, and not at all once a page’s article has come', async () => {
    for (const articleComes of [false, true]) {
      const { warmUpExtractor, extractArticle: fromFresh, WARM_UP_DELAY_MS } = await fresh();
      vi.useFakeTimers();
      try {
        let runs = 0;
        warmUpExtractor({ run: () => runs++ });
        await vi.advanceTimersByTimeAsync(WARM_UP_DELAY_MS - 1);
        expect(runs).toBe(0);
        if (articleComes) await fromFresh('“We will rebuild,” the mayor said.');
        await vi.advanceTimersByTimeAsync(1);
        expect(runs).toBe(articleComes ? 0 : 1);
      } finally {
        vi.useRealTimers();
      }
    }
  });
  it('makes every extraction wait for the models, and a failed read is tried again', async () => {
    const { warmUpExtractor, extractArticle: fromFresh } = await fresh();
    let reads = 0;
    let release = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    warmUpExtractor({
      load: async () => {
        reads++;
        if (reads === 1) throw new Error('the models could not be read from models.json (status 404)');
        await gate;
      },
      schedule: () => undefined,
    });
    await settled();
    // the first read failed: the article's extraction reads again, and waits for that read
    let done = false;
    const reading = fromFresh(TEXT).then((s) => {
      done = true;
      return s;
    });
    await settled();
    expect(reads).toBe(2);
    expect(done).toBe(false);
    release();
    expect(await reading).toEqual(extract(TEXT));
  });
});
