/**
 * The walking skeleton through every context, in a real Chromium with the built extension:
 * content script (extract + paint) → background (Dexie) → popup and archive (read the store).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  highlightSizes,
  ROOT,
  SCREENSHOTS,
  storeMarks,
  tabIdOf,
  waitForHighlights,
  waitForStoreMark,
} from '../../scripts/harness/harness';
import { extract } from '../../utils/extract';
import { useExtensionSession } from './session';

const SEED = (name: string) => readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', name), 'utf8');
const SEED_000 = SEED('000_f9c8db96b910917a.txt');

const session = useExtensionSession();

function popupUrl(pageUrl: string): string {
  return `chrome-extension://${session.browser.extensionId}/popup.html?url=${encodeURIComponent(pageUrl)}`;
}

/** Opens the popup for a page and waits until it lists the page's statements. */
async function openPopup(pageUrl: string): Promise<Page> {
  const popup = await session.browser.context.newPage();
  await popup.setViewportSize({ width: 440, height: 900 });
  await popup.goto(popupUrl(pageUrl));
  await popup.locator('.statement').first().waitFor({ timeout: 15_000 });
  return popup;
}

/** Records every DOM mutation of the page after parsing, in the page's own world. */
async function watchMutations(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __saywhoMutations: string[] };
    w.__saywhoMutations = [];
    document.addEventListener('DOMContentLoaded', () => {
      new MutationObserver((records) => {
        for (const r of records) {
          w.__saywhoMutations.push(`${r.type} on <${(r.target as Element).nodeName ?? r.target.nodeName}>`);
        }
      }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
    });
  });
}

describe('Saywho in Chromium', () => {
  it('paints every extracted statement on seed 000 and leaves the page DOM unchanged', async () => {
    const page = await session.browser.context.newPage();
    await watchMutations(page);
    await page.goto(session.server.url('000.html'));
    await waitForHighlights(page);

    const expected = extract(SEED_000);
    expect(expected.length).toBeGreaterThan(10);
    const sizes = await highlightSizes(page);
    const painted =
      (sizes['saywho-direct'] ?? 0) + (sizes['saywho-partial'] ?? 0) + (sizes['saywho-indirect'] ?? 0);
    expect(painted).toBe(expected.length);
    // Every attributed mention named in the text is painted too.
    const mentions = expected.filter((s) => s.speaker && s.speaker.mentionStart >= 0);
    expect(sizes['saywho-speaker'] ?? 0).toBeGreaterThan(0);
    expect(sizes['saywho-speaker'] ?? 0).toBeLessThanOrEqual(mentions.length);

    // The painted text is the statement's text: the ranges map back to the right words.
    const paintedTexts = await page.evaluate(() => {
      const out: string[] = [];
      for (const name of ['saywho-direct', 'saywho-partial', 'saywho-indirect']) {
        CSS.highlights.get(name)?.forEach((r) => {
          out.push((r as Range).toString());
        });
      }
      return out.sort();
    });
    expect(paintedTexts).toEqual(expected.map((s) => s.text).sort());

    // Nothing was inserted, removed or changed in the page after it was parsed but Saywho's one
    // host after <body> (empty to the page: its marks and card are in a closed shadow root)…
    const mutations = await page.evaluate(
      () => (window as unknown as { __saywhoMutations: string[] }).__saywhoMutations,
    );
    expect(mutations).toEqual(['childList on <HTML>']);
    expect(await page.evaluate(() => document.documentElement.lastElementChild?.nodeName)).toBe(
      'SAYWHO-LAYER',
    );
    // …and the served HTML parsed afresh has exactly the same body as the live page.
    const served = readFileSync(join(ROOT, 'test', 'fixtures', 'pages', '000.html'), 'utf8');
    const same = await page.evaluate((html) => {
      const fresh = new DOMParser().parseFromString(html, 'text/html');
      return fresh.body.innerHTML === document.body.innerHTML;
    }, served);
    expect(same).toBe(true);

    await page.screenshot({ path: join(SCREENSHOTS, '000-page.png'), fullPage: true });
    const popup = await openPopup(page.url());
    expect(await popup.locator('.statement').count()).toBe(expected.length);
    await popup.screenshot({ path: join(SCREENSHOTS, '000-popup.png'), fullPage: true });
    await popup.close();
    await page.close();
  });

  it('shows, in the popup for 001, the “Unilaterally bombing inside Qatar” quote given to a different speaker on 000', async () => {
    const first = await session.browser.context.newPage();
    await first.goto(session.server.url('000.html'));
    await waitForHighlights(first);
    // The popup reading 000 from the store proves the background has stored it.
    (await openPopup(first.url())).close();

    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('001.html'));
    await waitForHighlights(page);
    // The background's answer marks the quote as conflicting on the page itself.
    await waitForStoreMark(page, 'conflict');
    await page.screenshot({ path: join(SCREENSHOTS, '001-page.png'), fullPage: true });

    // The toolbar badge: 001's statement count marked with "!" on the conflict colour…
    const badge = async (tab: Page) => {
      const tabId = await tabIdOf(tab, session.browser.worker);
      return session.browser.worker.evaluate(
        async (id) => ({
          text: await chrome.action.getBadgeText({ tabId: id }),
          colour: await chrome.action.getBadgeBackgroundColor({ tabId: id }),
          title: await chrome.action.getTitle({ tabId: id }),
        }),
        tabId,
      );
    };
    const painted = async (tab: Page) => {
      const sizes = await highlightSizes(tab);
      return (sizes['saywho-direct'] ?? 0) + (sizes['saywho-partial'] ?? 0) + (sizes['saywho-indirect'] ?? 0);
    };
    await expect.poll(async () => (await badge(page)).text, { timeout: 10_000 }).toMatch(/^\d+!$/);
    const conflicted = await badge(page);
    expect(conflicted.text).toBe(`${await painted(page)}!`);
    expect(conflicted.colour).toEqual([0xc6, 0x28, 0x28, 255]);
    expect(conflicted.title).toContain('some in conflict');
    // …and an article that conflicts with nothing read (a port strike, not the Gulf) has its count alone.
    const calm = await session.browser.context.newPage();
    await calm.goto(session.server.url('app/dark.html'));
    await waitForHighlights(calm);
    await expect.poll(async () => (await badge(calm)).text, { timeout: 10_000 }).toMatch(/^\d+/);
    const plain = await badge(calm);
    expect(plain.text).toBe(String(await painted(calm)));
    expect(plain.colour).toEqual([0x5b, 0x5b, 0x66, 255]);
    expect(plain.title).not.toContain('conflict');
    expect((await storeMarks(calm)).conflict).toBe(0);
    await calm.close();

    const popup = await openPopup(page.url());
    // Related statements show their text too: find the statement by its own text.
    const item = popup.locator('.statement').filter({
      has: popup.locator('.statement__text', { hasText: 'Unilaterally bombing inside Qatar' }),
    });
    await expect(item.count()).resolves.toBe(1);
    await expect(item.locator('.statement__speaker').textContent()).resolves.toBe('Donald Trump');
    const match = item.locator('.related__item[data-relation-type="misattribution"]');
    await expect(match.count()).resolves.toBe(1);
    await expect(match.locator('.related__speaker').textContent()).resolves.toBe('Karoline Leavitt');
    const source = match.locator('a.related__source');
    const title000 = await first.evaluate(
      () => document.querySelector('meta[property="og:title"]')?.getAttribute('content') ?? '',
    );
    await expect(source.textContent()).resolves.toBe(title000);
    // The link opens the other page at the quote (a text fragment).
    const href = (await source.getAttribute('href')) ?? '';
    expect(href.startsWith(`${first.url()}#:~:text=`)).toBe(true);
    await item.scrollIntoViewIfNeeded();
    await popup.screenshot({ path: join(SCREENSHOTS, '001-popup.png'), fullPage: true });
    await Promise.all([popup.close(), page.close(), first.close()]);
  });

  it('keeps a saved quote in the archive after the browser is closed and reopened on the same profile', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('002.html'));
    await waitForHighlights(page);
    const popup = await openPopup(page.url());
    const item = popup.locator('.statement').first();
    const text = await item.locator('.statement__text').textContent();
    await item.getByRole('button', { name: 'Save to archive' }).click();
    await item.getByText('Saved to archive').waitFor();
    await session.relaunch();
    const archive = await session.browser.context.newPage();
    await archive.goto(`chrome-extension://${session.browser.extensionId}/archive.html`);
    await archive.locator('.entry').first().waitFor({ timeout: 15_000 });
    expect(await archive.locator('.entry').count()).toBe(1);
    expect(await archive.locator('.entry__text').first().textContent()).toBe(text);
    await archive.screenshot({ path: join(SCREENSHOTS, 'archive.png'), fullPage: true });
  });
});
