/**
 * Keeping up with live pages in a real browser: a page that swaps in a new <body> (Turbo, pjax),
 * and a long page whose text ticks every 100 ms.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { pageTimings, tabIdOf, waitForHighlights } from '../../scripts/harness/harness';
import { useExtensionSession } from './session';

const session = useExtensionSession();

async function statementCount(page: Page): Promise<number> {
  const tabId = await tabIdOf(page, session.browser.worker);
  const status = (await session.browser.worker.evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'page-status' }),
    tabId,
  )) as { statements: number };
  return status.statements;
}

/** Texts of the page's painted quotations (the page-derived highlights). */
function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const name of ['saywho-direct', 'saywho-partial', 'saywho-indirect']) {
      CSS.highlights.get(name)?.forEach((r) => {
        out.push((r as Range).toString());
      });
    }
    return out;
  });
}

const reads = async (page: Page) =>
  (await pageTimings(page, session.browser.worker)).filter((t) => t.name === 'read').length;

describe('a live page', () => {
  it('is followed after it swaps in a new <body>, as Turbo Drive does', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('003.html'));
    await waitForHighlights(page);
    const before = await statementCount(page);
    await page.evaluate(() => {
      const next = document.createElement('body');
      next.append(document.querySelector('article')!.cloneNode(true));
      document.documentElement.replaceChild(next, document.body);
    });
    await page.waitForTimeout(1_000);
    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '“The talks will resume in Doha next week,” said a senior mediator.';
      document.querySelector('article')!.append(p);
    });
    await expect
      .poll(() => paintedTexts(page), { timeout: 10_000 })
      .toContain('The talks will resume in Doha next week,');
    expect(await statementCount(page)).toBe(before + 1);
    await page.close();
  });

  it('is not read again while only its counters tick, and a new quotation is still read', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('app/ticking.html'));
    await waitForHighlights(page, 30_000);
    await expect.poll(() => reads(page), { timeout: 30_000 }).toBeGreaterThan(0);
    const first = await reads(page);
    const before = await statementCount(page);
    // Five seconds of ticking (50 changes of the counters and the clock): no reading.
    await page.waitForTimeout(5_000);
    expect(await page.evaluate(() => (window as unknown as { __ticks: number }).__ticks)).toBeGreaterThan(40);
    expect(await reads(page)).toBe(first);

    await page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = '“Talks will resume on Thursday,” said Nadia Brook.';
      document.getElementById('story')!.append(p);
    });
    await expect.poll(() => statementCount(page), { timeout: 10_000 }).toBe(before + 1);
    await page.close();
  });
});
