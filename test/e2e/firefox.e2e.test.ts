/**
 * The Firefox build (.output/firefox-mv2, Manifest V2) in a real headless Firefox (Debian's
 * firefox-esr), against the fixture pages on 127.0.0.1: what test/e2e/extension.e2e.test.ts checks
 * in Chromium, on the same fixtures and with the same counts. Highlights painted through the CSS
 * Custom Highlight API (Firefox has it from 140, Saywho's minimum), the popup listing the page's
 * statements, the toolbar badge (MV2's browserAction), a conflict mark after a second page, a saved
 * quote surviving a restart on the same profile, the options page, and no error of Saywho's on
 * Firefox's output.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type FirefoxExtensionBrowser,
  firefoxBadge,
  firefoxStoreMarks,
  launchFirefoxWithExtension,
  pollPage,
} from '../../scripts/harness/firefox-harness';
import {
  hasSaywhoHighlights,
  newProfileDir,
  paintedStatements,
  ROOT,
  readHighlightSizes,
  readPaintedTexts,
  removeProfileDir,
  SCREENSHOTS,
  type StaticServer,
  serveStatic,
} from '../../scripts/harness/harness';
import { extract } from '../../utils/extract';

const SEED_000 = readFileSync(join(ROOT, 'test', 'fixtures', 'seeds', '000_f9c8db96b910917a.txt'), 'utf8');
const CONFLICT = [0xc6, 0x28, 0x28, 255];
const PLAIN = [0x5b, 0x5b, 0x66, 255];

let server: StaticServer;
let profile: string;
let firefox: FirefoxExtensionBrowser;
/** Firefox's output over every launch of this file. */
const output: string[] = [];
const saywhoOutput: string[] = [];
/** An extension page kept open to ask the extension's APIs (tabs, browserAction). */
let probe: Page;

async function launch(uuid?: string): Promise<void> {
  firefox = await launchFirefoxWithExtension(profile, uuid ? { uuid } : {});
  probe = await firefox.openExtensionPage('options.html', 'h1');
}

async function closeFirefox(): Promise<void> {
  if (!firefox) return;
  output.push(...firefox.output());
  saywhoOutput.push(...firefox.extensionOutput());
  await firefox.close();
}

beforeAll(async () => {
  server = await serveStatic();
  profile = newProfileDir();
  await launch();
});

afterAll(async () => {
  await closeFirefox();
  await server?.close();
  if (profile) removeProfileDir(profile);
});

/** Opens a fixture page in a new tab and waits until Saywho has painted it. */
async function openArticle(path: string): Promise<Page> {
  const page = await firefox.browser.newPage();
  await page.goto(server.url(path));
  await pollPage(page, hasSaywhoHighlights, undefined, { what: `Saywho's highlights on ${path}` });
  return page;
}

/** Opens the popup for a page in a tab and waits until it lists the page's statements. */
function openPopup(pageUrl: string): Promise<Page> {
  return firefox.openExtensionPage(`popup.html?url=${encodeURIComponent(pageUrl)}`, '.statement');
}

async function painted(page: Page): Promise<number> {
  return paintedStatements(await page.evaluate(readHighlightSizes));
}

/** Waits until a statement of `page` carries `kind` from the store. */
async function waitForStoreMark(page: Page, kind: 'related' | 'conflict' | 'saved'): Promise<void> {
  await expect
    .poll(async () => (await firefoxStoreMarks(firefox.browser, page))[kind], { timeout: 15_000 })
    .toBeGreaterThan(0);
}

describe('Saywho in Firefox', () => {
  it('paints every extracted statement on seed 000 (as in Chromium) and the popup lists them', async () => {
    const page = await openArticle('000.html');
    const expected = extract(SEED_000);
    expect(expected.length).toBeGreaterThan(10);
    const sizes = await page.evaluate(readHighlightSizes);
    expect(paintedStatements(sizes)).toBe(expected.length);
    const mentions = expected.filter((s) => s.speaker && s.speaker.mentionStart >= 0);
    expect(sizes['saywho-speaker'] ?? 0).toBeGreaterThan(0);
    expect(sizes['saywho-speaker'] ?? 0).toBeLessThanOrEqual(mentions.length);
    // The painted ranges are the statements' words.
    expect(await page.evaluate(readPaintedTexts)).toEqual(expected.map((s) => s.text).sort());
    // Saywho's one host after <body>; its marks and card are in a closed shadow root.
    expect(await page.evaluate(() => document.documentElement.lastElementChild?.nodeName)).toBe(
      'SAYWHO-LAYER',
    );
    expect(await page.evaluate(() => document.querySelector('saywho-layer')?.shadowRoot ?? null)).toBeNull();
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-000-page.png'), fullPage: true });

    const popup = await openPopup(page.url());
    expect(await popup.evaluate(() => document.querySelectorAll('.statement').length)).toBe(expected.length);
    await popup.setViewport({ width: 440, height: 900 }).catch(() => undefined);
    await popup.screenshot({ path: join(SCREENSHOTS, 'firefox-000-popup.png'), fullPage: true });

    // The toolbar badge (browserAction in this MV2 build) counts the page's statements.
    await expect
      .poll(async () => (await firefoxBadge(page, probe)).text, { timeout: 10_000 })
      .toMatch(/^\d+/);
    expect((await firefoxBadge(page, probe)).text.replace('!', '')).toBe(String(expected.length));
    await popup.close();
    await page.close();
  });

  it('marks 001’s quote given to another speaker on 000 as a conflict: page mark, badge, popup', async () => {
    const first = await openArticle('000.html');
    (await openPopup(first.url())).close();

    const page = await openArticle('001.html');
    await waitForStoreMark(page, 'conflict');
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-001-page.png'), fullPage: true });

    await expect
      .poll(async () => (await firefoxBadge(page, probe)).text, { timeout: 10_000 })
      .toMatch(/^\d+!$/);
    const conflicted = await firefoxBadge(page, probe);
    expect(conflicted.text).toBe(`${await painted(page)}!`);
    expect(conflicted.colour).toEqual(CONFLICT);
    expect(conflicted.title).toContain('some in conflict');

    // An article that conflicts with nothing read has its count alone, on the plain colour.
    const calm = await openArticle('app/dark.html');
    await expect
      .poll(async () => (await firefoxBadge(calm, probe)).text, { timeout: 10_000 })
      .toMatch(/^\d+/);
    const plain = await firefoxBadge(calm, probe);
    expect(plain.text).toBe(String(await painted(calm)));
    expect(plain.colour).toEqual(PLAIN);
    expect(plain.title).not.toContain('conflict');
    expect((await firefoxStoreMarks(firefox.browser, calm)).conflict).toBe(0);
    await calm.close();

    // The conflicting quote brought on screen: its mark is drawn under it (marks are drawn only
    // for what is on screen, so the full-page picture above does not show them).
    await page.evaluate(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) {
        if (walker.currentNode.nodeValue?.includes('Unilaterally bombing inside Qatar')) {
          walker.currentNode.parentElement?.scrollIntoView({ block: 'center' });
          return;
        }
      }
    });
    await expect
      .poll(async () => (await firefoxStoreMarks(firefox.browser, page)).drawn.conflict, { timeout: 5_000 })
      .toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'firefox-001-conflict.png') });

    const popup = await openPopup(page.url());
    const item = await popup.evaluate(() => {
      const li = Array.from(document.querySelectorAll('.statement')).find((s) =>
        s.querySelector('.statement__text')?.textContent?.includes('Unilaterally bombing inside Qatar'),
      );
      const match = li?.querySelector('.related__item[data-relation-type="misattribution"]');
      return {
        speaker: li?.querySelector('.statement__speaker')?.textContent ?? null,
        otherSpeaker: match?.querySelector('.related__speaker')?.textContent ?? null,
        source: match?.querySelector('a.related__source')?.getAttribute('href') ?? null,
      };
    });
    expect(item.speaker).toBe('Donald Trump');
    expect(item.otherSpeaker).toBe('Karoline Leavitt');
    expect(item.source?.startsWith(`${first.url()}#:~:text=`)).toBe(true);
    await popup.setViewport({ width: 440, height: 900 }).catch(() => undefined);
    await popup.screenshot({ path: join(SCREENSHOTS, 'firefox-001-popup.png'), fullPage: true });
    await Promise.all([popup.close(), page.close(), first.close()]);
  });

  it('keeps a saved quote in the archive after Firefox is closed and reopened on the same profile', async () => {
    const page = await openArticle('002.html');
    const popup = await openPopup(page.url());
    const text = await popup.evaluate(
      () => document.querySelector('.statement .statement__text')?.textContent,
    );
    expect(text).toBeTruthy();
    // A real click on the first statement's Save button.
    await popup.click('.statement:first-child .statement__actions button:not(.statement__toggle)');
    await pollPage(popup, () => document.querySelector('.statement:first-child .saved') !== null, undefined, {
      what: 'Saved to archive',
    });

    const uuid = firefox.uuid;
    await closeFirefox();
    await launch(uuid);
    const archive = await firefox.openExtensionPage('archive.html', '.entry');
    const entries = await archive.evaluate(() =>
      Array.from(document.querySelectorAll('.entry__text')).map((e) => e.textContent),
    );
    expect(entries).toEqual([text]);
    await archive.screenshot({ path: join(SCREENSHOTS, 'firefox-archive.png'), fullPage: true });
    await archive.close();
  });

  it('renders the options page with the store’s contents', async () => {
    const options = await firefox.openExtensionPage('options.html', '[data-state="store-size"]');
    const state = await pollPage(
      options,
      () => {
        const size = document.querySelector('[data-state="store-size"]')?.textContent ?? '';
        if (size.startsWith('Measuring')) return null;
        const auto = document.querySelector<HTMLInputElement>('input[name="autoCollect"]');
        return { heading: document.querySelector('h1')?.textContent, autoCollect: auto?.checked, size };
      },
      undefined,
      { what: 'the store size' },
    );
    expect(state.heading).toBe('Saywho options');
    expect(state.autoCollect).toBe(true);
    // 000, 001, app/dark and 002 were read; one quote was saved, before the restart.
    expect(state.size).toMatch(/^Stored: \d+ statements from \d+ pages? .*, 1 saved quote\./);
    await options.screenshot({ path: join(SCREENSHOTS, 'firefox-options.png'), fullPage: true });
    await options.close();
  });

  it('printed no error of Saywho’s on Firefox’s output', async () => {
    await closeFirefox();
    firefox = undefined as unknown as FirefoxExtensionBrowser;
    // Firefox did print (the driver's address at least): the output was read.
    expect(output.length).toBeGreaterThan(0);
    expect(saywhoOutput.filter((l) => /error|exception|warning|undefined/i.test(l))).toEqual([]);
  });
});
