/**
 * A page on another site that declares a stored page's canonical link and site name (test/fixtures/
 * pages/app/hijack.html, on evil.localhost) takes nothing over: the real page (000.html, on
 * capitalledger.localhost) keeps its row, title and name; the hostile page's quote is filed under
 * its own address and hostname, and where it is shown as related, its real hostname shows.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { waitForHighlights } from '../../scripts/harness/harness';
import { useExtensionSession } from './session';

const session = useExtensionSession();

async function read(url: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(url);
  await waitForHighlights(page);
  return page;
}

async function openPopup(pageUrl: string): Promise<Page> {
  const popup = await session.browser.context.newPage();
  await popup.goto(
    `chrome-extension://${session.browser.extensionId}/popup.html?url=${encodeURIComponent(pageUrl)}`,
  );
  await popup.locator('.statement').first().waitFor({ timeout: 15_000 });
  return popup;
}

/** Words 000.html gives to "a senior Israeli official"; the hostile page gives them to someone else. */
const INVENTED = 'Trump knew about the strike before the missiles were launched.';

describe("a page's declared identity", () => {
  it('does not let a page on another site take over a stored page or its name', async () => {
    const realUrl = session.server.urlOn('capitalledger', '000.html');
    const hostileUrl = session.server.urlOn('evil', 'app/hijack.html');
    const real = await read(realUrl);
    const realPopup = await openPopup(realUrl);
    const before = await realPopup.locator('.statement__text').allTextContents();
    await realPopup.close();

    const hostile = await read(hostileUrl);
    // The hostile page has its own row, under its real hostname, with its quote.
    const hostilePopup = await openPopup(hostileUrl);
    await expect(hostilePopup.locator('.page-head__site').textContent()).resolves.toBe('evil.localhost');
    const hostileTexts = await hostilePopup.locator('.statement__text').allTextContents();
    expect(hostileTexts.some((t) => t.includes(INVENTED))).toBe(true);
    await hostilePopup.close();

    // The real page keeps its title, its name (beside its real hostname) and its statements.
    const popup = await openPopup(realUrl);
    await expect(popup.locator('.page-head__title').textContent()).resolves.toBe(
      'Rubio Stands With Netanyahu in Jerusalem as Doha Strike Tests U.S.-Israel Ties',
    );
    await expect(popup.locator('.page-head__site').textContent()).resolves.toBe(
      'The Capital Ledger · capitalledger.localhost',
    );
    await expect(popup.locator('.statement__text').allTextContents()).resolves.toEqual(before);
    // The same words given to another speaker are still shown, as printed on evil.localhost.
    const sites = await popup.locator('.related__site').allTextContents();
    expect(sites).toContain('evil.localhost');
    expect(sites).not.toContain('The Capital Ledger');
    for (const p of [popup, hostile, real]) await p.close();
  });
});
