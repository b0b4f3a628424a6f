/**
 * A stopped worker is woken as a page starts loading (the `document_start` content script sends
 * `wake-up`), not when the article is found: on a page whose HTML arrives slowly, the worker is
 * running while the page is still loading, and the page is then read and painted as usual.
 * (Excluded sites send nothing: test/content/wake-up.test.ts.)
 */
import { describe, expect, it } from 'vitest';
import { stopWorker, waitForHighlights } from '../../scripts/harness/harness';
import { useExtensionSession } from './session';

const session = useExtensionSession();

/** 001.html, whose HTML after its first 600 bytes comes this much later (a slow network). */
const HOLD_MS = 2_500;

describe('waking the worker', () => {
  it('starts a stopped worker while the page is still loading, then reads the page as usual', async () => {
    const { browser } = session;
    // first a page read as usual, so that the worker has nothing of its start left to do
    const first = await browser.context.newPage();
    await first.goto(session.server.url('002.html'));
    await waitForHighlights(first, 30_000);
    await first.close();
    // a blank page to talk to the DevTools protocol from (an extension page would wake the worker)
    const ext = await browser.context.newPage();
    // the worker's running status, as the DevTools protocol reports each change
    const statuses: string[] = [];
    const cdp = await browser.context.newCDPSession(ext);
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      for (const v of e.versions)
        if (v.scriptURL.includes(browser.extensionId)) statuses.push(v.runningStatus);
    });
    await cdp.send('ServiceWorker.enable');
    await stopWorker(browser, ext);
    await new Promise((ok) => setTimeout(ok, 500));
    expect(statuses.at(-1)).toBe('stopped');
    const page = await browser.context.newPage();
    await page.goto(session.server.url(`001.html?hold=${HOLD_MS}`), { waitUntil: 'commit' });
    // well before the rest of the HTML (and so the article) has come
    await new Promise((ok) => setTimeout(ok, 1_000));
    expect(await page.evaluate(() => document.readyState)).toBe('loading');
    expect(statuses.at(-1)).toBe('running');
    await waitForHighlights(page, 30_000);
    await page.close();
    await cdp.detach();
    await ext.close();
  });
});
