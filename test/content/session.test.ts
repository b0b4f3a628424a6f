// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PageSession } from '../../utils/content/session';
import type { BackgroundMessage, BackgroundReply, IngestPageReply } from '../../utils/messages';

// happy-dom has no CSS Custom Highlight API: a registry with the same shape stands in for it.
beforeAll(() => {
  class FakeHighlight extends Set<Range> {
    priority = 0;
  }
  const g = globalThis as unknown as { Highlight: unknown; CSS: { highlights?: Map<string, unknown> } };
  g.Highlight = FakeHighlight;
  g.CSS = Object.assign(g.CSS ?? {}, { highlights: new Map<string, unknown>() });
});

const highlights = () =>
  (globalThis as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights;

function loadArticle(): void {
  const html = readFileSync(join(__dirname, '../fixtures/pages/004.html'), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...Array.from(document.importNode(parsed.head, true).childNodes));
  document.body.replaceChildren(...Array.from(document.importNode(parsed.body, true).childNodes));
}

/** A background whose answer to the page comes only when the test releases it. */
function slowBackground() {
  let release: (reply: BackgroundReply) => void = () => {};
  const sent: BackgroundMessage[] = [];
  const send = (message: BackgroundMessage) => {
    sent.push(message);
    return new Promise<BackgroundReply | undefined>((resolve) => {
      release = resolve;
    });
  };
  return { send, sent, release: (reply: BackgroundReply) => release(reply) };
}

function answerFor(message: BackgroundMessage, conflicts: number): IngestPageReply {
  if (message.type !== 'ingest-page') throw new Error(`expected ingest-page, got ${message.type}`);
  return {
    ok: true,
    pageId: 1,
    statements: message.statements.map((_, i) => ({
      statementId: i + 1,
      related: 1,
      conflicts,
      saved: true,
      strongest: null,
    })),
  };
}

describe('PageSession highlights switch', () => {
  const controller = new AbortController();
  afterEach(() => controller.abort());

  it('stays off when the store answers after highlights were switched off', async () => {
    loadArticle();
    const background = slowBackground();
    const session = new PageSession({
      doc: document,
      url: () => 'http://127.0.0.1/004.html',
      send: background.send,
      signal: controller.signal,
    });
    const started = session.start();
    await vi.waitFor(() => expect(background.sent).toHaveLength(1));
    expect(highlights().get('saywho-direct')?.size ?? 0).toBeGreaterThan(0);

    session.handleMessage({ type: 'toggle-highlights' });
    expect(highlights().size).toBe(0);

    const message = background.sent[0];
    if (!message) throw new Error('nothing sent');
    background.release(answerFor(message, 1));
    await started;
    expect(highlights().size).toBe(0);
    // With highlights off, a statement cannot be opened as a card either.
    session.step(1);
    expect(session.openCardIndex).toBe(-1);

    // On again: the page is read and sent again, and the store's answer paints state.
    session.handleMessage({ type: 'toggle-highlights' });
    await vi.waitFor(() => expect(background.sent).toHaveLength(2));
    const again = background.sent[1];
    if (!again) throw new Error('nothing sent');
    background.release(answerFor(again, 1));
    await new Promise((r) => setTimeout(r, 0));
    expect(highlights().get('saywho-direct')?.size ?? 0).toBeGreaterThan(0);
    expect(highlights().get('saywho-conflict')?.size ?? 0).toBeGreaterThan(0);
    expect(highlights().get('saywho-saved')?.size ?? 0).toBeGreaterThan(0);
  });
});
