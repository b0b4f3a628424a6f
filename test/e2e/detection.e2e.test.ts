/**
 * What a page's own scripts can tell about Saywho from the page: nothing. Saywho leaves no entry
 * in the page's performance timeline and posts nothing to the page when it starts (WXT's content
 * scripts announce themselves with a message naming the extension's id; Saywho's build does not).
 * And a document that is not HTML (an SVG opened directly) gets nothing, and no error.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, pageTimings, tabIdOf, waitForHighlights } from '../../scripts/harness/harness';
import { useExtensionSession } from './session';

const session = useExtensionSession();

interface Heard {
  messages: string[];
  events: string[];
  entries: string[];
}

/**
 * Listens as a page's script would, from before any content script runs: every message posted to
 * the window, the event WXT's content scripts dispatch on `document` and `window` (its name is the
 * extension's id and the script's), and every performance entry the page can see.
 */
async function listenAsThePage(page: Page, extensionId: string): Promise<void> {
  await page.addInitScript((wxtEvent: string) => {
    const heard = { messages: [] as string[], events: [] as string[], entries: [] as string[] };
    (window as unknown as { __heard: typeof heard }).__heard = heard;
    window.addEventListener('message', (e) => heard.messages.push(JSON.stringify(e.data)), true);
    for (const target of [window, document])
      target.addEventListener(wxtEvent, (e) => heard.events.push(e.type), true);
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) heard.entries.push(`${e.entryType} ${e.name}`);
    }).observe({ entryTypes: ['mark', 'measure'] });
  }, `${extensionId}:content:wxt:content-script-started`);
}

async function heard(page: Page): Promise<Heard> {
  return page.evaluate(() => {
    const h = (window as unknown as { __heard: Heard }).__heard;
    const visible = performance.getEntries().map((e) => `${e.entryType} ${e.name}`);
    return { messages: h.messages, events: h.events, entries: [...h.entries, ...visible] };
  });
}

describe('a page’s scripts', () => {
  it('see no Saywho timings and no startup message while Saywho reads and paints the article', async () => {
    const { extensionId, worker } = session.browser;
    const page = await session.browser.context.newPage();
    await listenAsThePage(page, extensionId);
    await page.goto(session.server.url('002.html'));
    await waitForHighlights(page);
    await page.waitForTimeout(500);

    const h = await heard(page);
    // The fixture page posts nothing itself: anything heard came from an extension.
    expect(h.messages).toEqual([]);
    expect(h.events).toEqual([]);
    expect(h.entries.filter((e) => /saywho|wxt/i.test(e) || e.includes(extensionId))).toEqual([]);
    expect(h.entries.filter((e) => e.startsWith('mark ') || e.startsWith('measure '))).toEqual([]);
    // Saywho's timings are there for Saywho itself, asked from its worker. The article's text went
    // to the worker and its statements came back (`extract`) through the extension's runtime,
    // which the page's scripts neither see nor reach: it heard nothing above.
    const timings = await pageTimings(page, worker);
    for (const name of ['read', 'extract', 'paint', 'task'])
      expect(timings.map((t) => t.name)).toContain(name);
    // And the build holds no announcement to make: WXT's is swapped out (utils/content/quiet-context.ts).
    const script = readFileSync(join(EXTENSION_DIR, 'content-scripts', 'content.js'), 'utf8');
    expect(script).not.toContain('content-script-started');
    expect(script).not.toMatch(/window\.postMessage|\.measure\(/);
    await page.close();
  });
});

describe('an SVG opened directly', () => {
  it('gets nothing from Saywho, and its content script throws nothing', async () => {
    const page = await session.browser.context.newPage();
    const cdp = await page.context().newCDPSession(page);
    const errors: string[] = [];
    // Exceptions in every world of the page, the content script's isolated world included.
    cdp.on('Runtime.exceptionThrown', (e) =>
      errors.push(e.exceptionDetails.exception?.description ?? e.exceptionDetails.text),
    );
    await cdp.send('Runtime.enable');
    await page.goto(session.server.url('app/figure.svg'));
    const tabId = await tabIdOf(page, session.browser.worker);
    // The content script runs there (it answers), and found nothing to read.
    await expect
      .poll(
        () =>
          session.browser.worker.evaluate(
            (id) => chrome.tabs.sendMessage(id, { type: 'page-status' }).catch(() => null),
            tabId,
          ),
        { timeout: 10_000 },
      )
      .toMatchObject({ ok: true, status: 'not-article', statements: 0 });
    await page.waitForTimeout(1_000);
    expect(errors).toEqual([]);
    expect(
      await session.browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
    ).toBe('');
    await cdp.detach();
    await page.close();
  });
});
