// @vitest-environment happy-dom
/**
 * A page session as the content script runs it: no extractor of its own, the article's text sent
 * to the background (`extract-article`), which answers with the statements. A worker that does not
 * answer is asked again; an answer for a reading that went stale is dropped; an answer that does
 * not fit the text paints nothing.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageSession } from '../../utils/content/session';
import { extract } from '../../utils/extract';
import type {
  BackgroundMessage,
  BackgroundReply,
  ExtractArticle,
  IngestPage,
  IngestPageReply,
  PageStatusReply,
} from '../../utils/messages';

beforeAll(() => {
  class FakeHighlight extends Set<Range> {
    priority = 0;
  }
  const g = globalThis as unknown as { Highlight: unknown; CSS: { highlights?: Map<string, unknown> } };
  g.Highlight = FakeHighlight;
  g.CSS = Object.assign(g.CSS ?? {}, { highlights: new Map<string, unknown>() });
});

const highlighted = () => {
  const registry = (globalThis as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights;
  return ['saywho-direct', 'saywho-partial', 'saywho-indirect'].reduce(
    (n, name) => n + (registry.get(name)?.size ?? 0),
    0,
  );
};

const URL = 'http://127.0.0.1/004.html';

function loadArticle(): HTMLElement {
  const html = readFileSync(join(__dirname, '../fixtures/pages/004.html'), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...Array.from(document.importNode(parsed.head, true).childNodes));
  document.body.replaceChildren(...Array.from(document.importNode(parsed.body, true).childNodes));
  return document.querySelector('.post-body') as HTMLElement;
}

function stored(message: IngestPage): IngestPageReply {
  return {
    ok: true,
    pageId: 1,
    statements: message.statements.map((_, i) => ({
      statementId: i + 1,
      related: 0,
      conflicts: 0,
      saved: false,
      strongest: null,
    })),
  };
}

type Extraction = (message: ExtractArticle) => Promise<BackgroundReply | undefined>;

/** A background that extracts as the worker does (or as `extraction` says) and stores every page. */
function background(extraction: Extraction = async (m) => ({ ok: true, statements: extract(m.text) })) {
  const extractions: ExtractArticle[] = [];
  const ingests: IngestPage[] = [];
  return {
    extractions,
    ingests,
    send: async (message: BackgroundMessage): Promise<BackgroundReply | undefined> => {
      if (message.type === 'extract-article') {
        extractions.push(message);
        return extraction(message);
      }
      if (message.type === 'ingest-page') {
        ingests.push(message);
        return stored(message);
      }
      return undefined;
    },
  };
}

function status(session: PageSession): PageStatusReply {
  return session.handleMessage({ type: 'page-status' }) as PageStatusReply;
}

describe('PageSession extracting in the background', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  const session = (send: (m: BackgroundMessage) => Promise<BackgroundReply | undefined>) =>
    new PageSession({ doc: document, url: () => URL, send, signal: controller.signal, debounceMs: 400 });

  it('sends the article text in one message, paints the statements that come back, and stores them', async () => {
    loadArticle();
    const bg = background();
    const s = session(bg.send);
    await s.start();
    expect(bg.extractions).toHaveLength(1);
    const text = bg.extractions[0]!.text;
    const expected = extract(text);
    expect(expected.length).toBeGreaterThan(5);
    expect(s.statementCount).toBe(expected.length);
    expect(highlighted()).toBe(expected.length);
    expect(bg.ingests).toHaveLength(1);
    expect(bg.ingests[0]!.statements.map((x) => x.text)).toEqual(expected.map((x) => x.text));
    expect(status(s)).toMatchObject({ status: 'article', store: 'answered' });
    expect(status(s).reading).toBeUndefined();
  });

  it('asks again a second later when the worker is stopped, and paints once it answers', async () => {
    loadArticle();
    let down = true;
    const bg = background(async (m) => {
      if (down) throw new Error('Could not establish connection. Receiving end does not exist.');
      return { ok: true, statements: extract(m.text) };
    });
    const s = session(bg.send);
    const started = s.start();
    await vi.waitFor(() => expect(status(s).reading).toBe('waiting'));
    expect(bg.extractions).toHaveLength(1);
    expect(highlighted()).toBe(0);
    expect(bg.ingests).toHaveLength(0);

    down = false;
    await vi.advanceTimersByTimeAsync(1_000);
    await started;
    expect(bg.extractions).toHaveLength(2);
    expect(highlighted()).toBe(s.statementCount);
    expect(s.statementCount).toBeGreaterThan(5);
    expect(status(s).reading).toBeUndefined();
    expect(bg.ingests).toHaveLength(1);
  });

  it('after every try, says the background is unreachable, and reads again when the page changes', async () => {
    const article = loadArticle();
    let down = true;
    const bg = background(async (m) => (down ? undefined : { ok: true, statements: extract(m.text) }));
    const s = session(bg.send);
    void s.start();
    // The pauses are 1, 2, 4, 8 and 16 s (the store's): six tries in all.
    for (let t = 0; t < 60 && status(s).reading !== 'unreachable'; t++) {
      await vi.waitFor(() => expect(status(s).reading).toBeDefined());
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(bg.extractions).toHaveLength(6);
    expect(status(s)).toMatchObject({ status: 'article', statements: 0, reading: 'unreachable' });
    expect(highlighted()).toBe(0);

    down = false;
    const p = document.createElement('p');
    p.textContent = '“The bridge will stay open through the winter,” said Inspector Mara Quill.';
    article.append(p);
    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() => expect(bg.extractions).toHaveLength(7));
    await vi.waitFor(() => expect(highlighted()).toBeGreaterThan(5));
    expect(status(s).reading).toBeUndefined();
  });

  it('drops the answer for a reading the page made stale, and paints the newer one', async () => {
    const article = loadArticle();
    const held: { message: ExtractArticle; answer: () => void }[] = [];
    const bg = background(
      (m) =>
        new Promise((resolve) => {
          held.push({ message: m, answer: () => resolve({ ok: true, statements: extract(m.text) }) });
        }),
    );
    const s = session(bg.send);
    void s.start();
    await vi.waitFor(() => expect(held).toHaveLength(1));
    // While the worker extracts, a new quotation is added: a new reading starts after the debounce.
    const p = document.createElement('p');
    p.textContent = '“The ferry will run on Sundays from May,” said Inspector Mara Quill.';
    article.append(p);
    await vi.advanceTimersByTimeAsync(500);
    await vi.waitFor(() => expect(held).toHaveLength(2));
    expect(held[1]!.message.text).toContain('The ferry will run on Sundays');

    // The first answer arrives late: it belongs to a stale reading and paints nothing.
    held[0]!.answer();
    await vi.advanceTimersByTimeAsync(0);
    expect(highlighted()).toBe(0);
    expect(bg.ingests).toHaveLength(0);

    held[1]!.answer();
    await vi.waitFor(() => expect(bg.ingests).toHaveLength(1));
    expect(bg.ingests[0]!.statements.map((x) => x.text).join('|')).toContain('The ferry will run on Sundays');
    expect(highlighted()).toBe(s.statementCount);
  });

  it('paints nothing from an answer that does not fit the text, and says why in the log', async () => {
    loadArticle();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = background(async (m) => ({
      ok: true,
      // Offsets shifted by one: the words are no longer the text between them.
      statements: extract(m.text).map((x) => ({ ...x, start: x.start + 1, end: x.end + 1 })),
    }));
    const s = session(bg.send);
    await s.start();
    expect(bg.extractions).toHaveLength(1);
    expect(highlighted()).toBe(0);
    expect(s.statementCount).toBe(0);
    expect(bg.ingests).toHaveLength(0);
    expect(status(s)).toMatchObject({ status: 'article', reading: 'refused' });
    expect(warn).toHaveBeenCalledWith(
      'Saywho could not read this page:',
      'invalid reply at statements.0: its text is not the text between start and end',
    );
    // Not asked again for the same text: a reply that does not fit is no reply to retry.
    await vi.advanceTimersByTimeAsync(60_000);
    expect(bg.extractions).toHaveLength(1);
  });

  it('paints nothing when the background says extraction failed', async () => {
    loadArticle();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    const bg = background(async () => ({ ok: false, error: 'the extractor failed: out of memory' }));
    const s = session(bg.send);
    await s.start();
    expect(highlighted()).toBe(0);
    expect(status(s).reading).toBe('refused');
    expect(warn).toHaveBeenCalledWith(
      'Saywho could not read this page:',
      'the background could not read the article: the extractor failed: out of memory',
    );
  });
});
