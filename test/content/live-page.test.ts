// @vitest-environment happy-dom
/**
 * Live pages: changes to the article are read once per burst (debounced, with a ceiling), and the
 * re-reading is incremental: an unchanged text is not extracted again, and the store is asked
 * only when the statements changed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PageSession } from '../../utils/content/session';
import { extractInSlices } from '../../utils/extract';
import type { BackgroundMessage, BackgroundReply, IngestPage, IngestPageReply } from '../../utils/messages';
import { readArticleInSteps } from '../../utils/page/read-article';
import { extractLocally } from '../helpers/local-extract';

vi.mock('../../utils/page/read-article', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../utils/page/read-article')>();
  return { ...actual, readArticleInSteps: vi.fn(actual.readArticleInSteps) };
});
vi.mock('../../utils/extract', async (importOriginal) => {
  const actual = await importOriginal<typeof import('../../utils/extract')>();
  return { ...actual, extractInSlices: vi.fn(actual.extractInSlices) };
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
const extractions = () => vi.mocked(extractInSlices).mock.calls.length;

function loadArticle(): HTMLElement {
  const html = readFileSync(join(__dirname, '../fixtures/pages/004.html'), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...Array.from(document.importNode(parsed.head, true).childNodes));
  document.body.replaceChildren(...Array.from(document.importNode(parsed.body, true).childNodes));
  return document.querySelector('.post-body') as HTMLElement;
}

/** A background that records what it is sent and says every statement has one conflict. */
function background() {
  const sent: IngestPage[] = [];
  let hold: Promise<void> | null = null;
  let release = () => {};
  return {
    sent,
    /** The next answers wait until `release()`. */
    holdAnswers() {
      hold = new Promise((r) => {
        release = () => {
          hold = null;
          r();
        };
      });
    },
    release: () => release(),
    send: async (message: BackgroundMessage): Promise<BackgroundReply | undefined> => {
      if (message.type !== 'ingest-page') return undefined;
      sent.push(message);
      if (hold) await hold;
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
      } satisfies IngestPageReply;
    },
  };
}

function paragraph(text: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

const PLACES =
  'Avon Brent Clyde Derwent Eden Frome Garry Hodder Isla Kent Leven Mole Nene Ouse Parrett Quoich Roding Severn Tees Ure'.split(
    ' ',
  );

describe('PageSession on a live page', () => {
  let controller: AbortController;
  beforeEach(() => {
    controller = new AbortController();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval', 'Date'] });
    vi.mocked(readArticleInSteps).mockClear();
    vi.mocked(extractInSlices).mockClear();
  });
  afterEach(() => {
    controller.abort();
    vi.useRealTimers();
  });

  it('reads a burst of 20 added paragraphs once, and sends the store one message with all of them', async () => {
    const article = loadArticle();
    const bg = background();
    const session = new PageSession({
      extract: extractLocally,
      doc: document,
      url: () => 'http://127.0.0.1/004.html',
      send: bg.send,
      signal: controller.signal,
      debounceMs: 400,
    });
    await session.start();
    expect(reads()).toBe(1);
    expect(bg.sent).toHaveLength(1);
    const before = bg.sent[0]!.statements.length;

    // Twenty paragraphs, one every 30 ms, as an infinite scroll or a live blog would add them.
    for (const [i, place] of PLACES.entries()) {
      article.append(
        paragraph(`“The ${place} crossing will reopen in week ${i + 1},” said Inspector Mara Quill.`),
      );
      await vi.advanceTimersByTimeAsync(30);
    }
    // Nothing read while the page kept changing…
    expect(reads()).toBe(1);
    // …and one reading once it was quiet for the debounce time.
    await vi.advanceTimersByTimeAsync(450);
    await vi.waitFor(() => expect(bg.sent).toHaveLength(2));
    await vi.advanceTimersByTimeAsync(2_000);
    expect(reads()).toBe(2);
    expect(extractions()).toBe(2);
    expect(bg.sent).toHaveLength(2);
    const texts = bg.sent[1]!.statements.map((s) => s.text);
    expect(texts).toHaveLength(before + 20);
    for (const place of PLACES) expect(texts.join('|')).toContain(`The ${place} crossing will reopen`);
    expect(session.statementCount).toBe(before + 20);
  });

  it('still reads a page that never stops changing, at the ceiling of four debounce times', async () => {
    const article = loadArticle();
    const bg = background();
    const session = new PageSession({
      extract: extractLocally,
      doc: document,
      url: () => 'http://127.0.0.1/004.html',
      send: bg.send,
      signal: controller.signal,
      debounceMs: 400,
    });
    await session.start();
    // A ticker inside the article changes its words every 100 ms for 4 s (a change of digits
    // alone is not read again at all: see liveness.test.ts).
    const EDITORS = ['Ana', 'Ben', 'Cleo'];
    const ticker = paragraph('Updated 0 seconds ago by Ana.');
    article.append(ticker);
    for (let t = 1; t <= 40; t++) {
      ticker.textContent = `Updated ${t} seconds ago by ${EDITORS[t % 3]}.`;
      await vi.advanceTimersByTimeAsync(100);
    }
    // 40 changes, read about every 1.6 s rather than 40 times or never.
    expect(reads() - 1).toBeGreaterThanOrEqual(2);
    expect(reads() - 1).toBeLessThanOrEqual(3);
  });

  it('does not extract an unchanged text again, nor ask the store about statements it has answered for', async () => {
    const article = loadArticle();
    const bg = background();
    const session = new PageSession({
      extract: extractLocally,
      doc: document,
      url: () => 'http://127.0.0.1/004.html',
      send: bg.send,
      signal: controller.signal,
      debounceMs: 400,
    });
    await session.start();
    const n = session.statementCount;
    expect(session.storeMarkCount('conflict')).toBe(n);

    // The page re-renders a paragraph: same words, new nodes. Re-anchored, not extracted, not sent.
    const first = article.querySelector('p') as HTMLParagraphElement;
    const oldText = first.firstChild;
    first.replaceWith(paragraph(first.textContent ?? ''));
    await vi.advanceTimersByTimeAsync(450);
    await vi.waitFor(() => expect(reads()).toBe(2));
    await vi.advanceTimersByTimeAsync(100);
    expect(extractions()).toBe(1);
    expect(bg.sent).toHaveLength(1);
    expect(session.storeMarkCount('conflict')).toBe(n);
    const ranges = [
      ...(globalThis as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights
        .get('saywho-indirect')!
        .values(),
    ];
    expect(ranges.every((r) => r.startContainer.isConnected)).toBe(true);
    expect(ranges.some((r) => r.startContainer === oldText)).toBe(false);

    // A paragraph without any statement: extracted (the text changed), but nothing to send.
    article.append(paragraph('The talks are expected to continue next week in a neutral venue.'));
    await vi.advanceTimersByTimeAsync(450);
    await vi.waitFor(() => expect(reads()).toBe(3));
    await vi.advanceTimersByTimeAsync(100);
    expect(extractions()).toBe(2);
    expect(session.statementCount).toBe(n);
    expect(bg.sent).toHaveLength(1);
    expect(session.storeMarkCount('conflict')).toBe(n);

    // A new quotation: sent, and while the store answers the statements it knows keep their marks.
    bg.holdAnswers();
    article.append(paragraph('“We will not be rushed into a bad deal,” said Inspector Mara Quill.'));
    await vi.advanceTimersByTimeAsync(450);
    await vi.waitFor(() => expect(bg.sent).toHaveLength(2));
    expect(session.statementCount).toBe(n + 1);
    expect(session.storeMarkCount('conflict')).toBe(n);
    bg.release();
    await vi.waitFor(() => expect(session.storeMarkCount('conflict')).toBe(n + 1));
  });
});
