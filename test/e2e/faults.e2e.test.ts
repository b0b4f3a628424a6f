/**
 * Faults in a real Chromium: the service worker stopped in the middle of a session, and a full
 * disk (every IndexedDB write in the worker failing with QuotaExceededError).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, tabIdOf, waitForHighlights } from '../../scripts/harness/harness';
import { useExtensionSession } from './session';

const session = useExtensionSession();

const extensionPage = (path: string) => `chrome-extension://${session.browser.extensionId}/${path}`;

/** An extension page to ask the WebExtension API from, whatever state the worker is in. */
async function extensionTab(): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(extensionPage('options.html'));
  return page;
}

/** The toolbar badge and title of the tab showing `page` (asked from an extension page). */
async function badgeOf(ext: Page, page: Page): Promise<{ text: string; title: string }> {
  const tabId = await tabIdOf(page, ext);
  return ext.evaluate(
    async (tabId) => ({
      text: await chrome.action.getBadgeText({ tabId }),
      title: await chrome.action.getTitle({ tabId }),
    }),
    tabId,
  );
}

/** The running service worker: woken by a message (the one stopped earlier stays listed, stale). */
async function liveWorker(ext: Page) {
  await ext.evaluate(() => chrome.runtime.sendMessage({ type: 'wake-up' }).catch(() => undefined));
  const workers = session.browser.context
    .serviceWorkers()
    .filter((w) => w.url().includes(session.browser.extensionId));
  return workers.at(-1)!;
}

async function readPage(name: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(session.server.url(name));
  await waitForHighlights(page);
  return page;
}

describe('the service worker stopped mid-session', () => {
  it('loses nothing, and the next page and the next save work', async () => {
    const first = await readPage('000.html');
    const ext = await extensionTab();
    // The first page of a fresh browser also creates the store: not a latency test, so no 1 s limit.
    await expect
      .poll(async () => Number.parseInt((await badgeOf(ext, first)).text, 10), { timeout: 10_000 })
      .toBeGreaterThan(0);
    // Not an error badge: the first page of a fresh worker (its store prepared ahead) was stored.
    expect((await badgeOf(ext, first)).title).not.toMatch(/Could not store/);

    // Stop every service worker, as Chrome does to an idle extension.
    const cdp = await session.browser.context.newCDPSession(ext);
    await cdp.send('ServiceWorker.enable');
    const stopped = new Promise<void>((resolve) => {
      cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
        if (
          e.versions.some(
            (v) => v.scriptURL.includes(session.browser.extensionId) && v.runningStatus === 'stopped',
          )
        ) {
          resolve();
        }
      });
    });
    await cdp.send('ServiceWorker.stopAllWorkers');
    await stopped;

    // The next page wakes the worker: it is stored and matched against the page read before.
    const second = await readPage('001.html');
    const popup = await session.browser.context.newPage();
    await popup.goto(extensionPage(`popup.html?url=${encodeURIComponent(session.server.url('001.html'))}`));
    const misattributed = popup.locator('.statement', { hasText: 'Unilaterally bombing inside Qatar' });
    await misattributed.first().waitFor({ timeout: 15_000 });
    await expect.poll(() => misattributed.first().locator('.badge--conflict').count()).toBeGreaterThan(0);

    // Stop it again, then save from the popup: the save wakes it and lands in the archive.
    await cdp.send('ServiceWorker.stopAllWorkers');
    await popup
      .getByRole('button', { name: /Save to archive/ })
      .first()
      .click();
    // The popup writes the archive itself: leaving the page before the write commits would drop it.
    await popup.getByText('Saved to archive').first().waitFor({ timeout: 15_000 });
    await popup.goto(extensionPage('archive.html'));
    await expect.poll(() => popup.locator('.entry').count(), { timeout: 15_000 }).toBe(1);
    await Promise.all([first.close(), second.close(), popup.close(), ext.close()]);
  });
});

describe('the service worker stopped in the middle of an ingest', () => {
  it('leaves the page waiting, not sent, and it is stored once the worker is back', async () => {
    const ext = await extensionTab();
    // The worker's writes never finish: the ingest hangs inside its transaction, as when Chrome
    // stops a worker in the middle of one.
    const worker = await liveWorker(ext);
    await worker.evaluate(() => {
      const proto = IDBObjectStore.prototype;
      const hang = () => ({}) as IDBRequest;
      proto.add = hang;
      proto.put = hang;
    });
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('003.html'));
    await waitForHighlights(page);
    const tabId = await tabIdOf(page, ext);
    const storeState = () =>
      ext.evaluate(
        (id) =>
          chrome.tabs
            .sendMessage(id, { type: 'page-status' })
            .then((r: { store?: string } | undefined) => r?.store ?? null),
        tabId,
      );
    await expect.poll(storeState, { timeout: 10_000 }).toBe('sending');

    // Chrome stops the worker mid-ingest: the content script's message gets no answer.
    const cdp = await session.browser.context.newCDPSession(ext);
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
    // The content script says it is waiting, asks again a second later, and a fresh worker (its
    // writes unharmed) stores the page.
    await expect.poll(storeState, { timeout: 5_000 }).toBe('waiting');
    await expect
      .poll(async () => Number.parseInt((await badgeOf(ext, page)).text, 10), { timeout: 20_000 })
      .toBeGreaterThan(0);
    await expect.poll(storeState, { timeout: 10_000 }).toBe('answered');
    const popup = await session.browser.context.newPage();
    await popup.goto(extensionPage(`popup.html?url=${encodeURIComponent(page.url())}&tab=${tabId}`));
    await popup.locator('.statement').first().waitFor({ timeout: 15_000 });
    await cdp.detach();
    await Promise.all([page.close(), popup.close(), ext.close()]);
  });
});

describe('a full disk', () => {
  it('is shown on the toolbar and in the popup, and clears when space is back', async () => {
    const ext = await extensionTab();
    // DevTools' Storage.overrideQuotaForOrigin did not make the extension origin's writes fail
    // here, so the disk fills up where the worker writes: every IndexedDB write throws what a
    // full disk throws.
    const worker = await liveWorker(ext);
    await worker.evaluate(() => {
      const g = globalThis as unknown as { __saywhoRestore?: () => void };
      const proto = IDBObjectStore.prototype;
      const { add, put } = proto;
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      proto.add = full;
      proto.put = full;
      g.__saywhoRestore = () => {
        proto.add = add;
        proto.put = put;
      };
    });

    const page = await readPage('002.html');
    await expect
      .poll(() => badgeOf(ext, page), { timeout: 15_000 })
      .toEqual({
        text: 'FULL',
        title: expect.stringMatching(/storage for Saywho is full/),
      });
    const pageTab = await tabIdOf(page, ext);
    const popup = await session.browser.context.newPage();
    await popup.setViewportSize({ width: 440, height: 700 });
    await popup.goto(
      extensionPage(`popup.html?url=${encodeURIComponent(session.server.url('002.html'))}&tab=${pageTab}`),
    );
    const alert = popup.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^Storage full\. .*storage for Saywho is full/);
    // The page has quotations; the popup says they could not be stored, not that there are none.
    await popup.locator('[data-state="not-stored"]').waitFor();
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-storage-full.png') });

    // Space again: reading the page once more stores it, and the warning goes away.
    await worker.evaluate(() => (globalThis as unknown as { __saywhoRestore: () => void }).__saywhoRestore());
    await page.reload();
    await waitForHighlights(page);
    await expect
      .poll(async () => Number.parseInt((await badgeOf(ext, page)).text, 10), { timeout: 10_000 })
      .toBeGreaterThan(0);
    await popup.reload();
    await popup.locator('.statement').first().waitFor({ timeout: 15_000 });
    expect(await popup.getByRole('alert').count()).toBe(0);
    await Promise.all([page.close(), popup.close(), ext.close()]);
  });
});
