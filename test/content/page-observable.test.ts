// @vitest-environment happy-dom
/**
 * What a page's scripts can observe of Saywho must not depend on the reader's store: the
 * highlight registry, the DOM (Saywho's host, its attributes, its text), mutation records and the
 * card. Here the store answers that every statement conflicts with something read elsewhere and is
 * saved; the page must see exactly what it saw before the answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PageSession } from '../../utils/content/session';
import type { BackgroundMessage, BackgroundReply } from '../../utils/messages';
import { extractLocally } from '../helpers/local-extract';
import { inlineCard } from './inline-card';

beforeAll(() => {
  class FakeHighlight extends Set<Range> {
    priority = 0;
  }
  const g = globalThis as unknown as { Highlight: unknown; CSS: { highlights?: Map<string, unknown> } };
  g.Highlight = FakeHighlight;
  g.CSS = Object.assign(g.CSS ?? {}, { highlights: new Map<string, unknown>() });
});

const registry = () =>
  (globalThis as unknown as { CSS: { highlights: Map<string, Set<Range>> } }).CSS.highlights;

/** Everything the page's scripts can read: registry names and ranges, the DOM as markup and text. */
function pageView() {
  return {
    highlights: [...registry()].map(([name, h]) => [name, [...h].map((r) => r.toString())]),
    markup: document.documentElement.outerHTML,
    text: document.documentElement.textContent,
  };
}

function loadArticle(): void {
  const html = readFileSync(join(__dirname, '../fixtures/pages/002.html'), 'utf8');
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  document.head.replaceChildren(...Array.from(document.importNode(parsed.head, true).childNodes));
  document.body.replaceChildren(...Array.from(document.importNode(parsed.body, true).childNodes));
}

describe('what a page can observe of Saywho', () => {
  const controller = new AbortController();
  afterEach(() => controller.abort());

  it('does not change when the store answers that statements conflict, are related or saved', async () => {
    loadArticle();
    let answer: (reply: BackgroundReply) => void = () => {};
    const sent: BackgroundMessage[] = [];
    const card = inlineCard();
    const session = new PageSession({
      extract: extractLocally,
      doc: document,
      url: () => 'http://127.0.0.1/002.html',
      send: (message) => {
        sent.push(message);
        return new Promise((resolve) => {
          answer = resolve;
        });
      },
      signal: controller.signal,
      card: card.factory,
    });
    const started = session.start();
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    const ingest = sent[0]!;
    if (ingest.type !== 'ingest-page') throw new Error('expected the page');

    // Painted from the page alone; Saywho's host is already there, before the store says anything.
    expect(document.querySelector('saywho-layer')).not.toBeNull();
    const before = pageView();
    const records: MutationRecord[] = [];
    const observer = new MutationObserver((r) => records.push(...r));
    observer.observe(document, { subtree: true, childList: true, attributes: true, characterData: true });

    answer({
      ok: true,
      pageId: 3,
      statements: ingest.statements.map((_, i) => ({
        statementId: i + 1,
        related: 2,
        conflicts: 1,
        saved: true,
        strongest: {
          type: 'contradiction',
          conflict: true,
          reason: 'negation',
          otherSpeaker: 'Someone Else',
          otherTitle: 'A page the reader read elsewhere',
          otherSite: 'Elsewhere Daily',
          otherUrl: 'https://elsewhere.example/story',
        },
      })),
    });
    await started;
    await new Promise((r) => setTimeout(r, 20));
    // The reader sees it…
    expect(session.storeMarkCount('conflict')).toBe(ingest.statements.length);
    expect(session.storeMarkCount('saved')).toBe(ingest.statements.length);
    // …the page does not.
    observer.takeRecords();
    observer.disconnect();
    expect(records).toEqual([]);
    expect(pageView()).toEqual(before);
    expect(before.text).not.toContain('Elsewhere Daily');

    // Opening the card (the reader's click) shows the other page — in the card's own document.
    session.openCard(0);
    await vi.waitFor(() => expect(card.text()).toContain('A page the reader read elsewhere'));
    expect(document.documentElement.textContent).not.toContain('A page the reader read elsewhere');
    expect(pageView()).toEqual(before);
  });
});
