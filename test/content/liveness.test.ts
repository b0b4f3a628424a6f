// @vitest-environment happy-dom
/**
 * Keeping up with the page, and with the store, when things go wrong: a store that does not
 * answer, a page that swaps in a new <body>, text that keeps ticking, a document that is not HTML.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageSession, type SessionOptions } from '../../utils/content/session';
import type {
  BackgroundMessage,
  BackgroundReply,
  IngestPage,
  IngestPageReply,
  PageStatusReply,
} from '../../utils/messages';
import { readArticleInSteps } from '../../utils/page/read-article';
import { extractLocally } from '../helpers/local-extract';
import { inlineCard } from './inline-card';

vi.mock('../../utils/page/read-article', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../utils/page/read-article')>();
  return { ...actual, readArticleInSteps: vi.fn(actual.readArticleInSteps) };
});

// happy-dom has no CSS Custom Highlight API: a registry with the same shape stands in for it.
beforeAll(() => {
  class FakeHighlight extends Set<Range> {
    priority = 0;
  }
  const g = globalThis as unknown as { Highlight: unknown; CSS: { highlights?: Map<string, unknown> } };
  g.Highlight = FakeHighlight;
  g.CSS = Object.assign(g.CSS ?? {}, { highlights: new Map<string, unknown>() });
});

const reads = () => vi.mocked(readArticleInSteps).mock.calls.length;

const URL = 'http://127.0.0.1/004.html';

function loadArticle(): HTMLElement {
  const html = readFileSync(join(__dirname, '../fixtures/pages/004.html'), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...Array.from(document.importNode(parsed.head, true).childNodes));
  document.body.replaceChildren(...Array.from(document.importNode(parsed.body, true).childNodes));
  return document.querySelector('.post-body') as HTMLElement;
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

/** The store's answer to a page: every statement stored, each with one conflict. */
function stored(message: IngestPage): IngestPageReply {
  return {
    ok: true,
    pageId: 1,
    statements: message.statements.map((_, i) => ({
      statementId: i + 1,
      related: 0,
      conflicts: 1,
      saved: false,
      strongest: null,
    })),
  };
}

/**
 * A background whose worker is stopped for the first `down` ingests: the send rejects as
 * `runtime.sendMessage` does then (or, with `silent`, resolves with no answer).
 */
function flakyBackground(down: number, { silent = false } = {}) {
  const sent: IngestPage[] = [];
  return {
    sent,
    send: async (message: BackgroundMessage): Promise<BackgroundReply | undefined> => {
      if (message.type !== 'ingest-page') return undefined;
      sent.push(message);
      if (sent.length <= down) {
        if (silent) return undefined;
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }
      return stored(message);
    },
  };
}

function status(session: PageSession): PageStatusReply {
  return session.handleMessage({ type: 'page-status' }) as PageStatusReply;
}

describe('PageSession with a store that does not answer', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  const session = (send: SessionOptions['send']) =>
    new PageSession({
      extract: extractLocally,
      doc: document,
      url: () => URL,
      send,
      signal: controller.signal,
      debounceMs: 400,
    });

  it('keeps the page unsent when the send rejects, says it is waiting, and stores it once the worker is back', async () => {
    loadArticle();
    const bg = flakyBackground(1);
    const s = session(bg.send);
    await s.start();
    expect(bg.sent).toHaveLength(1);
    expect(status(s)).toMatchObject({ status: 'article', store: 'waiting' });
    expect(s.storeMarkCount('conflict')).toBe(0);

    // The worker is back: the next try, a second later, stores the page and paints what it said.
    await vi.advanceTimersByTimeAsync(1_000);
    expect(bg.sent).toHaveLength(2);
    expect(bg.sent[1]).toEqual(bg.sent[0]);
    expect(status(s).store).toBe('answered');
    expect(s.storeMarkCount('conflict')).toBe(s.statementCount);
    // And it stays stored: nothing more is sent.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(bg.sent).toHaveLength(2);
  });

  it('tries again when the send gets no answer at all, waiting longer each time', async () => {
    loadArticle();
    const bg = flakyBackground(3, { silent: true });
    const s = session(bg.send);
    await s.start();
    expect(status(s).store).toBe('waiting');
    await vi.advanceTimersByTimeAsync(1_000);
    expect(bg.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1_999);
    expect(bg.sent).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(bg.sent).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(4_000);
    expect(bg.sent).toHaveLength(4);
    expect(status(s).store).toBe('answered');
    expect(s.storeMarkCount('conflict')).toBe(s.statementCount);
  });

  it('gives up after a few tries, says the store is unreachable, and asks again when the page changes', async () => {
    const article = loadArticle();
    const bg = flakyBackground(6);
    const s = session(bg.send);
    await s.start();
    await vi.advanceTimersByTimeAsync(120_000);
    expect(bg.sent).toHaveLength(6);
    expect(status(s).store).toBe('unreachable');

    article.append(paragraph('“The bridge will stay open through the winter,” said Inspector Mara Quill.'));
    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() => expect(bg.sent).toHaveLength(7));
    expect(bg.sent[6]!.statements.map((x) => x.text).join('|')).toContain('The bridge will stay open');
    expect(status(s).store).toBe('answered');
    expect(s.storeMarkCount('conflict')).toBe(s.statementCount);
  });
});

describe('PageSession saving from the card with a store that does not answer', () => {
  it('says the background did not answer, instead of saving forever', async () => {
    loadArticle();
    const controller = new AbortController();
    const card = inlineCard();
    const saves: BackgroundMessage[] = [];
    const session = new PageSession({
      extract: extractLocally,
      doc: document,
      url: () => URL,
      signal: controller.signal,
      card: card.factory,
      send: async (message) => {
        if (message.type === 'ingest-page') return stored(message);
        saves.push(message);
        throw new Error('Could not establish connection. Receiving end does not exist.');
      },
    });
    try {
      await session.start();
      session.step(1);
      await vi.waitFor(() => expect(card.button('Save')).toBeDefined());
      card.button('Save')!.dispatchEvent(new MouseEvent('click', { bubbles: false }));
      await vi.waitFor(() => expect(card.text()).toContain('did not answer'));
      expect(saves.map((m) => m.type)).toEqual(['save-statement']);
      expect(card.button('Save')?.disabled).toBe(false);
    } finally {
      controller.abort();
    }
  });
});

describe('PageSession on a page that changes', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.mocked(readArticleInSteps).mockClear();
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  const session = (send: SessionOptions['send']) =>
    new PageSession({
      extract: extractLocally,
      doc: document,
      url: () => URL,
      send,
      signal: controller.signal,
      debounceMs: 400,
    });

  it('follows a page that replaces its <body> (Turbo, pjax): paragraphs added to the new body are read', async () => {
    const article = loadArticle();
    const bg = flakyBackground(0);
    const s = session(bg.send);
    await s.start();
    expect(bg.sent).toHaveLength(1);

    // The next page's body, swapped in whole, as Turbo Drive does.
    const next = document.createElement('body');
    next.append(article.cloneNode(true));
    document.documentElement.replaceChild(next, document.body);
    await vi.advanceTimersByTimeAsync(2_000);

    // A paragraph added to the new body later on.
    next
      .querySelector('.post-body')!
      .append(paragraph('“We will reopen the crossing on Friday,” said Inspector Mara Quill.'));
    await vi.advanceTimersByTimeAsync(2_000);
    const texts = bg.sent.at(-1)!.statements.map((x) => x.text);
    expect(texts.join('|')).toContain('We will reopen the crossing on Friday');
    expect(s.statementCount).toBe(texts.length);
  });

  it('does not read again for a counter that ticks in the article, and still picks up a new quotation at once', async () => {
    const article = loadArticle();
    const bg = flakyBackground(0);
    const s = session(bg.send);
    await s.start();
    const before = s.statementCount;
    // A live line in the article: a seconds counter replaced through textContent, a reader count,
    // and a clock whose text node is rewritten in place — every 100 ms for a minute.
    const ago = document.createElement('span');
    ago.textContent = '0';
    const readers = document.createElement('span');
    readers.textContent = '1,204';
    const clock = document.createTextNode(' · 12:00:00');
    const live = paragraph('Updated ');
    live.append(ago, ' seconds ago · ', readers, ' reading', clock);
    article.prepend(live);
    await vi.advanceTimersByTimeAsync(1_000);
    const afterAdding = reads();
    for (let t = 1; t <= 600; t++) {
      ago.textContent = String(Math.floor(t / 10));
      readers.textContent = (1204 + (t % 37)).toLocaleString('en-GB');
      clock.data = ` · 12:${String(Math.floor(t / 600)).padStart(2, '0')}:${String(Math.floor(t / 10) % 60).padStart(2, '0')}`;
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(reads() - afterAdding).toBe(0);

    // A new paragraph with a quotation, while the counter keeps ticking: read within a second.
    article.append(paragraph('“The ferry will run every hour from Monday,” said Inspector Mara Quill.'));
    for (let t = 601; t <= 610; t++) {
      ago.textContent = String(Math.floor(t / 10));
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(
      bg.sent
        .at(-1)!
        .statements.map((x) => x.text)
        .join('|'),
    ).toContain('The ferry will run every hour');
    expect(s.statementCount).toBe(before + 1);
  });

  it('backs off on words that keep changing without new statements, and drops the back-off for a new paragraph', async () => {
    const article = loadArticle();
    const bg = flakyBackground(0);
    const s = session(bg.send);
    await s.start();
    const before = s.statementCount;
    // A ticker in the article whose words change every 100 ms (not just its digits).
    const WORDS = ['calm', 'busy', 'quiet', 'crowded', 'windy', 'sunny'];
    const ticker = paragraph('The harbour is calm.');
    article.append(ticker);
    await vi.advanceTimersByTimeAsync(100);
    const start = reads();
    for (let t = 1; t <= 600; t++) {
      ticker.firstChild!.nodeValue = `The harbour is ${WORDS[t % WORDS.length]}.`;
      await vi.advanceTimersByTimeAsync(100);
    }
    // Read every 1.6 s before; backed off (1.6, 3.2, 6.4, 12.8, 25.6 s…): a handful in a minute.
    const inMinute = reads() - start;
    expect(inMinute).toBeGreaterThanOrEqual(1);
    expect(inMinute).toBeLessThanOrEqual(6);

    // A real new paragraph with a quotation ends the back-off: read within two seconds.
    article.append(paragraph('“The pier will be rebuilt in stone,” said Inspector Mara Quill.'));
    for (let t = 601; t <= 620; t++) {
      ticker.firstChild!.nodeValue = `The harbour is ${WORDS[t % WORDS.length]}.`;
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(
      bg.sent
        .at(-1)!
        .statements.map((x) => x.text)
        .join('|'),
    ).toContain('The pier will be rebuilt in stone');
    expect(s.statementCount).toBe(before + 1);
  });
});

describe('PageSession on a document that is not HTML', () => {
  it('does nothing on an SVG opened directly (no <body> to read or observe), and throws nothing', async () => {
    const controller = new AbortController();
    // The window's document becomes an SVG document's shape: an <svg> root, no <body>.
    const html = document.documentElement;
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    const text = document.createElementNS('http://www.w3.org/2000/svg', 'text');
    text.textContent = '“A quotation in a picture,” said the caption.';
    svg.append(text);
    document.removeChild(html);
    document.appendChild(svg);
    try {
      expect(document.body).toBeNull();
      const send = vi.fn(async () => undefined);
      const session = new PageSession({
        extract: extractLocally,
        doc: document,
        url: () => 'http://127.0.0.1/a.svg',
        send,
        signal: controller.signal,
      });
      await expect(session.start()).resolves.toBeUndefined();
      expect(send).not.toHaveBeenCalled();
      expect(session.handleMessage({ type: 'page-status' })).toMatchObject({
        status: 'not-article',
        statements: 0,
      });
    } finally {
      controller.abort();
      document.removeChild(svg);
      document.appendChild(html);
    }
  });
});

describe('Saywho’s timings', () => {
  it('are kept by the session and answered to page-timings, never left in the page’s performance timeline', async () => {
    loadArticle();
    const controller = new AbortController();
    const measure = vi.spyOn(performance, 'measure');
    const mark = vi.spyOn(performance, 'mark');
    try {
      const session = new PageSession({
        extract: extractLocally,
        doc: document,
        url: () => URL,
        send: async (m) => (m.type === 'ingest-page' ? stored(m) : undefined),
        signal: controller.signal,
      });
      await session.start();
      expect(measure).not.toHaveBeenCalled();
      expect(mark).not.toHaveBeenCalled();
      const reply = session.handleMessage({ type: 'page-timings' }) as {
        ok: true;
        timings: { name: string; start: number; duration: number }[];
      };
      const names = new Set(reply.timings.map((t) => t.name));
      for (const name of ['find', 'model', 'read', 'paint', 'task']) expect(names).toContain(name);
      for (const t of reply.timings) expect(t.duration).toBeGreaterThanOrEqual(0);
    } finally {
      controller.abort();
      measure.mockRestore();
      mark.mockRestore();
    }
  });
});
