// @vitest-environment happy-dom
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PageSession } from '../../utils/content/session';
import type { BackgroundMessage, BackgroundReply, IngestPageReply } from '../../utils/messages';
import { extractLocally } from '../helpers/local-extract';
import { inlineCard } from './inline-card';

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
      extract: extractLocally,
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
    // What the store said is drawn where the page cannot read it, never in the shared registry.
    expect(session.storeMarkCount('conflict')).toBeGreaterThan(0);
    expect(session.storeMarkCount('saved')).toBeGreaterThan(0);
    expect([...highlights().keys()].filter((n) => /related|conflict|saved/.test(n))).toEqual([]);
  });
});

describe('PageSession with auto-collect off', () => {
  const controller = new AbortController();
  afterEach(() => {
    controller.abort();
    vi.restoreAllMocks();
  });

  it('opens a card that says collection is off, saves the statement as a snapshot, and marks it saved', async () => {
    loadArticle();
    const card = inlineCard();
    const background = slowBackground();
    const session = new PageSession({
      extract: extractLocally,
      doc: document,
      url: () => 'http://127.0.0.1/004.html',
      send: background.send,
      signal: controller.signal,
      card: card.factory,
    });
    const started = session.start();
    await vi.waitFor(() => expect(background.sent).toHaveLength(1));
    const ingest = background.sent[0];
    if (ingest?.type !== 'ingest-page') throw new Error('expected the page first');
    // What the background answers with auto-collect off: one empty summary per statement.
    background.release({
      ok: true,
      pageId: 0,
      statements: ingest.statements.map(() => ({
        statementId: 0,
        related: 0,
        conflicts: 0,
        saved: false,
        strongest: null,
      })),
      autoCollect: false,
    });
    await started;

    session.step(1);
    await vi.waitFor(() => expect(card.text()).toContain('Auto-collect is off'));
    expect(card.text()).not.toContain('Checking your reading history');
    const save = card.button('Save');
    const open = card.button('Open in Saywho');
    expect(save?.disabled).toBe(false);
    expect(open?.disabled).toBe(false);

    // The card is another document in the browser: its clicks never reach the page's handlers.
    const press = (button: HTMLButtonElement) =>
      button.dispatchEvent(new MouseEvent('click', { bubbles: false }));
    press(save!);
    await vi.waitFor(() => expect(background.sent).toHaveLength(2));
    const first = ingest.statements[0]!;
    expect(background.sent[1]).toEqual({
      type: 'save-snapshot',
      page: ingest.page,
      statement: { text: first.text, kind: first.kind, speaker: first.speaker?.name ?? null, cue: first.cue },
    });
    background.release({ ok: true, entryId: 1 });
    await vi.waitFor(() => expect(card.text()).toContain('Saved'));
    expect(session.storeMarkCount('saved')).toBe(1);

    // Open in Saywho asks for the page's view without a statement id (none is stored).
    press(card.button('Open in Saywho')!);
    await vi.waitFor(() => expect(background.sent).toHaveLength(3));
    expect(background.sent[2]).toEqual({ type: 'open-view', url: 'http://127.0.0.1/004.html' });

    // The popup can ask for the page's statements, to save them from there.
    const listed = session.handleMessage({ type: 'page-statements' });
    expect(listed).toMatchObject({ ok: true, page: ingest.page });
    expect((listed as { statements: unknown[] }).statements).toHaveLength(ingest.statements.length);
    expect((listed as { statements: unknown[] }).statements[0]).toEqual(
      (background.sent[1] as { statement: unknown }).statement,
    );
  });
});

describe('PageSession asks the background to prepare its store', () => {
  it('once, as soon as the page is an article and before its statements are sent', async () => {
    loadArticle();
    const controller = new AbortController();
    const background = slowBackground();
    const events: string[] = [];
    const session = new PageSession({
      extract: extractLocally,
      doc: document,
      url: () => 'http://127.0.0.1/004.html',
      send: (message) => {
        events.push(message.type);
        return background.send(message);
      },
      signal: controller.signal,
      prepare: () => events.push('prepare'),
    });
    void session.start();
    await vi.waitFor(() => expect(background.sent).toHaveLength(1));
    background.release(answerFor(background.sent[0]!, 0));
    // A second reading (the page changed) does not ask again.
    await session.refresh();
    expect(events[0]).toBe('prepare');
    expect(events.filter((e) => e === 'prepare')).toHaveLength(1);
    expect(events).toContain('ingest-page');
    controller.abort();
  });

  it('not on a page that is not an article', async () => {
    document.body.replaceChildren();
    const menu = document.createElement('nav');
    menu.textContent = 'Home · Sport · Weather';
    document.body.append(menu);
    const controller = new AbortController();
    const prepared: number[] = [];
    const sent: BackgroundMessage[] = [];
    const session = new PageSession({
      extract: extractLocally,
      doc: document,
      url: () => 'http://127.0.0.1/menu.html',
      send: async (message) => {
        sent.push(message);
        return undefined;
      },
      signal: controller.signal,
      prepare: () => prepared.push(1),
    });
    await session.start();
    expect(session.handleMessage({ type: 'page-status' })).toMatchObject({ status: 'not-article' });
    expect(sent).toEqual([]);
    expect(prepared).toEqual([]);
    controller.abort();
  });
});

describe('PageSession in a private window', () => {
  it('tells the card the page is private: it offers nothing to save', async () => {
    loadArticle();
    const controller = new AbortController();
    const card = inlineCard();
    const background = slowBackground();
    const session = new PageSession({
      extract: extractLocally,
      doc: document,
      url: () => 'http://127.0.0.1/004.html',
      send: background.send,
      signal: controller.signal,
      card: card.factory,
    });
    const started = session.start();
    await vi.waitFor(() => expect(background.sent).toHaveLength(1));
    const ingest = background.sent[0];
    if (ingest?.type !== 'ingest-page') throw new Error('expected the page first');
    // What the background answers for a private window's tab: nothing kept, nothing compared.
    background.release({
      ok: true,
      pageId: 0,
      statements: ingest.statements.map(() => ({
        statementId: 0,
        related: 0,
        conflicts: 0,
        saved: false,
        strongest: null,
      })),
      autoCollect: false,
      private: true,
    });
    await started;
    session.step(1);
    await vi.waitFor(() => expect(card.text()).toContain('Saywho keeps nothing from private windows'));
    expect(card.button('Save')).toBeUndefined();
    expect(card.button('Open in Saywho')).toBeUndefined();
    controller.abort();
  });
});

describe('PageSession: a page that is not English news, read anyway', () => {
  // an invented French report with a quotation: Saywho reads English only, so it says why it left
  // the page alone, and reads it when the reader asks
  const para =
    '<p>Le conseil municipal a voté mardi la fermeture du vieux pont, après que les ingénieurs ont déclaré que ses piliers ne sont plus sûrs pour les camions et les bus.</p>';
  const html = `<article><h1>Le pont fermé</h1>${para.repeat(5)}<p>« Nous n'avons pas le choix », a dit la maire, Claire Dubois, lors de la séance.</p></article>`;

  it('gives the reason, then reads the page when asked', async () => {
    document.body.innerHTML = html;
    const controller = new AbortController();
    const sent: BackgroundMessage[] = [];
    const session = new PageSession({
      extract: extractLocally,
      doc: document,
      url: () => 'http://127.0.0.1/pont.html',
      send: async (message) => {
        sent.push(message);
        return undefined;
      },
      signal: controller.signal,
    });
    await session.start();
    expect(session.handleMessage({ type: 'page-status' })).toMatchObject({
      status: 'not-article',
      reason: 'not English',
    });
    session.handleMessage({ type: 'read-anyway' });
    await vi.waitFor(() =>
      expect(session.handleMessage({ type: 'page-status' })).not.toMatchObject({ status: 'not-article' }),
    );
    expect(session.handleMessage({ type: 'page-status' })).not.toHaveProperty('reason');
    controller.abort();
  });

  it('reads every page of a site the reader chose to read anyway', async () => {
    document.body.innerHTML = html;
    const controller = new AbortController();
    const session = new PageSession({
      extract: extractLocally,
      doc: document,
      url: () => 'http://127.0.0.1/pont.html',
      send: async () => undefined,
      signal: controller.signal,
      readAnyway: () => true,
    });
    await session.start();
    expect(session.handleMessage({ type: 'page-status' })).not.toMatchObject({ status: 'not-article' });
    controller.abort();
  });
});
