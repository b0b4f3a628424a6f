/**
 * Auto-collect off, in Chromium: a page read is highlighted but nothing of it is stored; the card
 * says collection is off and still saves, the popup lists the page's statements to save, and the
 * store ends with exactly the saved quotes (no page, statement or speaker rows).
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  cardSnapshot,
  SCREENSHOTS,
  storeMarks,
  tabIdOf,
  waitForHighlights,
} from '../../scripts/harness/harness';
import { seriousViolations } from './axe';
import { useExtensionSession } from './session';

const session = useExtensionSession();

const ext = (path: string) => `chrome-extension://${session.browser.extensionId}/${path}`;

const cardText = async (page: Page) => (await cardSnapshot(page))?.text ?? '';

/** Clicks the centre of a card button (the card is in a closed shadow root). */
async function clickCardButton(page: Page, label: string): Promise<void> {
  await expect.poll(async () => (await cardSnapshot(page))?.buttons[label] !== undefined).toBe(true);
  const button = (await cardSnapshot(page))!.buttons[label]!;
  await page.mouse.click(button.x, button.y);
}

/** Scrolls to the first painted statement and returns its text and a point on it. */
async function firstStatement(page: Page): Promise<{ text: string; x: number; y: number }> {
  return page.evaluate(() => {
    const ranges: Range[] = [];
    for (const name of ['saywho-direct', 'saywho-partial', 'saywho-indirect']) {
      CSS.highlights.get(name)?.forEach((r) => {
        ranges.push(r as Range);
      });
    }
    // The first in the page's order.
    ranges.sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b));
    const range = ranges[0]!;
    range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    const rect = range.getClientRects()[0]!;
    return {
      text: range.toString(),
      x: rect.left + Math.min(20, rect.width / 2),
      y: rect.top + rect.height / 2,
    };
  });
}

/** Row counts of the store's tables and the archive's entries, read in an extension page. */
async function store(from: Page) {
  return from.evaluate(
    () =>
      new Promise<{
        counts: Record<string, number>;
        archive: {
          text: string;
          speaker: string | null;
          note: string;
          pageUrl: string;
          statementId: number | null;
        }[];
      }>((ok, fail) => {
        const open = indexedDB.open('saywho');
        open.onerror = () => fail(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const names = ['pages', 'speakers', 'statements', 'relations'];
          const tx = db.transaction([...names, 'archive']);
          const counts: Record<string, number> = {};
          for (const name of names) {
            const req = tx.objectStore(name).count();
            req.onsuccess = () => {
              counts[name] = req.result;
            };
          }
          const all = tx.objectStore('archive').getAll();
          tx.oncomplete = () => {
            db.close();
            ok({
              counts,
              archive: all.result.map((e) => ({
                text: e.snapshot.text,
                speaker: e.snapshot.speaker,
                note: e.note,
                pageUrl: e.snapshot.pageUrl,
                statementId: e.statementId,
              })),
            });
          };
        };
      }),
  );
}

describe('auto-collect off', () => {
  it('stores only the quotes saved from the card and the popup', async () => {
    const options = await session.browser.context.newPage();
    await options.goto(ext('options.html'));
    await options.getByLabel('Auto-collect statements from the articles I read').uncheck();
    await expect
      .poll(() => session.browser.worker.evaluate(() => chrome.storage.local.get('autoCollect')))
      .toEqual({ autoCollect: false });

    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('003.html'));
    await waitForHighlights(page);
    const tabId = await tabIdOf(page, session.browser.worker);
    const status = (await session.browser.worker.evaluate(
      (tabId) => chrome.tabs.sendMessage(tabId, { type: 'page-status' }),
      tabId,
    )) as { statements: number };
    expect(status.statements).toBeGreaterThan(3);
    // The badge counts the page's statements (nothing stored is no reason to show 0), and says why.
    await expect
      .poll(() => session.browser.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), tabId))
      .toBe(String(status.statements));
    await expect(
      session.browser.worker.evaluate((tabId) => chrome.action.getTitle({ tabId }), tabId),
    ).resolves.toContain('auto-collect is off');

    // The card: collection is off (not "checking"), Save and Open in Saywho work.
    const first = await firstStatement(page);
    await page.mouse.click(first.x, first.y);
    await expect.poll(() => cardText(page)).toContain('Auto-collect is off');
    expect(await cardText(page)).not.toContain('Checking your reading history');
    await page.screenshot({ path: join(SCREENSHOTS, 'card-collect-off.png') });
    await clickCardButton(page, 'Save');
    await expect.poll(() => cardText(page)).toContain('Saved');
    expect((await storeMarks(page)).saved).toBe(1);

    // Open in Saywho: the popup's view of this page, which asks this tab for its statements.
    const [view] = await Promise.all([
      session.browser.context.waitForEvent('page', { timeout: 10_000 }),
      clickCardButton(page, 'Open in Saywho'),
    ]);
    await view.waitForLoadState();
    const viewUrl = new URL(view.url());
    expect(viewUrl.pathname).toBe('/popup.html');
    expect(viewUrl.searchParams.get('url')).toBe(page.url());
    expect(viewUrl.searchParams.get('tab')).toBe(String(tabId));
    await view.setViewportSize({ width: 440, height: 900 });
    await view.locator('[data-state="collect-off"]').waitFor({ timeout: 15_000 });
    await expect.poll(() => view.locator('.statement').count()).toBe(status.statements);
    // The quote saved from the card is marked; save another one, with a note.
    const savedItem = view.locator('.statement', { has: view.locator('.saved') });
    await expect(savedItem.locator('.statement__text').allTextContents()).resolves.toEqual([first.text]);
    // The last statement not saved yet, pinned by its index on the page (saving changes its buttons).
    const index = await view
      .locator('.statement', { has: view.getByRole('button', { name: 'Save to archive' }) })
      .last()
      .getAttribute('data-detected-index');
    const other = view.locator(`.statement[data-detected-index="${index}"]`);
    const otherText = (await other.locator('.statement__text').textContent()) ?? '';
    const otherSpeaker = (await other.locator('.statement__speaker').textContent()) ?? '';
    await other.getByRole('button', { name: 'Add note and tags' }).click();
    await other.getByLabel('Note').fill('Saved without collecting');
    await other.getByRole('button', { name: 'Save to archive' }).click();
    await other.getByText('Saved to archive').waitFor();
    expect(await seriousViolations(view)).toEqual([]);
    await view.screenshot({ path: join(SCREENSHOTS, 'popup-collect-off.png'), fullPage: true });

    // The store: exactly the two quotes, as snapshots of this page; nothing else of it.
    const stored = await store(view);
    expect(stored.counts).toEqual({ pages: 0, speakers: 0, statements: 0, relations: 0 });
    expect(stored.archive).toHaveLength(2);
    expect(stored.archive.map((e) => e.text).sort()).toEqual([first.text, otherText].sort());
    for (const e of stored.archive) {
      expect(e.pageUrl).toBe(page.url());
      expect(e.statementId).toBeNull();
    }
    expect(stored.archive.find((e) => e.text === otherText)).toMatchObject({
      speaker: otherSpeaker === 'Speaker not named' ? null : otherSpeaker,
      note: 'Saved without collecting',
    });
    const archive = await session.browser.context.newPage();
    await archive.goto(ext('archive.html'));
    await expect.poll(() => archive.locator('.entry__text').allTextContents()).toHaveLength(2);
    await expect(archive.locator('.entry__text').allTextContents()).resolves.toEqual(
      expect.arrayContaining([first.text, otherText]),
    );

    // Read again later: both saved quotes are marked on the page, and still nothing is stored.
    await page.reload();
    await waitForHighlights(page);
    await expect.poll(async () => (await storeMarks(page)).saved).toBe(2);
    expect((await store(view)).counts.statements).toBe(0);
    await Promise.all([archive.close(), view.close(), page.close(), options.close()]);
  });
});
