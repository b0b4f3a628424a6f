/**
 * On the page: the card, live pages, SPA navigation, controls and pages that are not articles.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  cardFrame,
  cardSnapshot,
  EXTENSION_DIR,
  highlightSizes,
  pageTimings,
  SCREENSHOTS,
  storeMarks,
  tabIdOf,
  waitForHighlights,
  waitForStoreMark,
} from '../../scripts/harness/harness';
import { useExtensionSession } from './session';

const session = useExtensionSession();

/** Texts of all painted statements, sorted. */
async function paintedTexts(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const name of ['saywho-direct', 'saywho-partial', 'saywho-indirect']) {
      CSS.highlights.get(name)?.forEach((r) => {
        out.push((r as Range).toString());
      });
    }
    return out.sort();
  });
}

/** Centre of the first client rect of the painted range whose text starts with `prefix`. */
async function pointOnStatement(page: Page, prefix: string): Promise<{ x: number; y: number }> {
  const point = await page.evaluate((p) => {
    for (const name of ['saywho-direct', 'saywho-partial', 'saywho-indirect']) {
      let found: DOMRect | null = null;
      CSS.highlights.get(name)?.forEach((r) => {
        const range = r as Range;
        if (!found && range.toString().startsWith(p)) {
          range.startContainer.parentElement?.scrollIntoView({ block: 'center' });
          found = range.getClientRects()[0] ?? null;
        }
      });
      if (found) {
        const rect = found as DOMRect;
        return { x: rect.left + Math.min(20, rect.width / 2), y: rect.top + rect.height / 2 };
      }
    }
    return null;
  }, prefix);
  if (!point) throw new Error(`no painted statement starts with ${prefix}`);
  return point;
}

async function cardText(page: Page): Promise<string> {
  return (await cardSnapshot(page))?.text ?? '';
}

async function cardOpen(page: Page): Promise<boolean> {
  return (await cardSnapshot(page)) !== null;
}

async function sendToTab(page: Page, message: unknown): Promise<void> {
  const tabId = await tabIdOf(page, session.browser.worker);
  await session.browser.worker.evaluate(({ tabId, message }) => chrome.tabs.sendMessage(tabId, message), {
    tabId,
    message,
  });
}

describe('the card', () => {
  it('opens on click with speaker, counts and the strongest conflict; one card; Esc closes it', async () => {
    const first = await session.browser.context.newPage();
    await first.goto(session.server.url('000.html'));
    await waitForHighlights(first);
    await first.waitForTimeout(500);
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('001.html'));
    await waitForHighlights(page);
    await waitForStoreMark(page, 'conflict');

    const point = await pointOnStatement(page, 'Unilaterally bombing');
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => cardOpen(page)).toBe(true);
    const text = await cardText(page);
    expect(text).toContain('Donald Trump');
    // The misattribution and the altered wording are both possible conflicts.
    expect(text).toMatch(/[12] possible conflicts?/);
    expect(text).toContain('Karoline Leavitt');
    expect(text).toContain('Same words, different speaker');
    // One host, after <body>, and the card is inside the viewport.
    expect(await page.locator('saywho-layer').count()).toBe(1);
    expect(await page.evaluate(() => document.documentElement.lastElementChild?.nodeName)).toBe(
      'SAYWHO-LAYER',
    );
    const box = (await cardSnapshot(page))?.box ?? null;
    const viewport = page.viewportSize()!;
    expect(box).not.toBeNull();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.y).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(viewport.width);
    expect(box!.y + box!.height).toBeLessThanOrEqual(viewport.height);
    // The store's answer is in (the conflict mark came with it): the counts are final.
    expect(text).not.toContain('Checking your reading history');
    expect(text).toMatch(/[1-9]\d* related statements?/);
    await page.screenshot({ path: join(SCREENSHOTS, 'card-001.png') });

    // Page CSS cannot reach into the card.
    await page.addStyleTag({ content: '.card, button { display: none !important; color: red !important; }' });
    const styled = await cardSnapshot(page);
    expect(styled?.box?.width).toBe(box!.width);
    expect(styled?.box?.height).toBe(box!.height);

    // Clicking another statement replaces the card: still one.
    const other = await pointOnStatement(page, 'The focus is on our national security');
    await page.mouse.click(other.x, other.y);
    await expect.poll(() => cardText(page)).toContain('Qatari official');
    expect(await page.locator('saywho-layer').count()).toBe(1);

    await page.keyboard.press('Escape');
    await expect.poll(() => cardOpen(page)).toBe(false);
    await Promise.all([page.close(), first.close()]);
  });

  it('opens on hover, stays while the pointer is on it, closes when it leaves or on Esc; Open in Saywho shows the statement', async () => {
    const first = await session.browser.context.newPage();
    await first.goto(session.server.url('000.html'));
    await waitForHighlights(first);
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('001.html'));
    await waitForHighlights(page);
    await waitForStoreMark(page, 'conflict');
    const blank = { x: page.viewportSize()!.width - 40, y: 450 };
    const hover = async () => {
      const point = await pointOnStatement(page, 'Unilaterally bombing');
      await page.mouse.move(point.x - 4, point.y);
      await page.mouse.move(point.x, point.y);
    };

    // Hovering, no click: the card opens with the statement's speaker and the store's counts.
    await hover();
    await expect.poll(() => cardOpen(page), { timeout: 5_000 }).toBe(true);
    await expect.poll(() => cardText(page)).not.toContain('Checking your reading history');
    const text = await cardText(page);
    expect(text).toContain('Donald Trump');
    const related = Number(/(\d+) related statements?/.exec(text)?.[1]);
    const conflicts = Number(/(\d+) possible conflicts?/.exec(text)?.[1]);
    expect(conflicts).toBeGreaterThan(0);
    expect(related).toBeGreaterThanOrEqual(conflicts);
    await page.screenshot({ path: join(SCREENSHOTS, 'card-hover.png') });

    // The pointer moves onto the card: it stays open (Save and the link are reachable).
    const box = (await cardSnapshot(page))!.box!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForTimeout(1_000);
    expect(await cardOpen(page)).toBe(true);
    // …and away from card and highlight: it closes.
    await page.mouse.move(blank.x, blank.y);
    await expect.poll(() => cardOpen(page), { timeout: 5_000 }).toBe(false);

    // Hover again, then Esc.
    await hover();
    await expect.poll(() => cardOpen(page), { timeout: 5_000 }).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOpen(page)).toBe(false);

    // A card opened by a click stays when the pointer leaves.
    const point = await pointOnStatement(page, 'Unilaterally bombing');
    await page.mouse.click(point.x, point.y);
    await expect.poll(() => cardOpen(page), { timeout: 5_000 }).toBe(true);
    await page.mouse.move(blank.x, blank.y);
    await page.waitForTimeout(1_000);
    expect(await cardOpen(page)).toBe(true);

    // "Open in Saywho" opens the popup's view on this page with this statement open.
    const link = (await cardSnapshot(page))!.buttons['Open in Saywho']!;
    const [view] = await Promise.all([
      session.browser.context.waitForEvent('page', { timeout: 10_000 }),
      page.mouse.click(link.x, link.y),
    ]);
    await view.waitForLoadState();
    const viewUrl = new URL(view.url());
    expect(`${viewUrl.protocol}//${viewUrl.host}${viewUrl.pathname}`).toBe(
      `chrome-extension://${session.browser.extensionId}/popup.html`,
    );
    expect(viewUrl.searchParams.get('url')).toBe(page.url());
    const statementId = viewUrl.searchParams.get('statement');
    expect(statementId).toMatch(/^\d+$/);
    const item = view.locator(`.statement[data-statement-id="${statementId}"]`);
    await item.waitFor({ timeout: 15_000 });
    await expect(item.locator('.statement__text').textContent()).resolves.toContain(
      'Unilaterally bombing inside Qatar',
    );
    await expect(item.locator('.statement__speaker').textContent()).resolves.toBe('Donald Trump');
    // Opened, with the related statements the card counted.
    await expect(item.getByRole('button', { name: 'Hide details' }).count()).resolves.toBe(1);
    await expect.poll(() => item.locator('.related__item').count()).toBe(related);
    await expect(item.locator('.related__item[data-relation-type="misattribution"]').count()).resolves.toBe(
      1,
    );
    // Scrolled to, and not hidden under the popup's sticky top bar.
    const barBottom = await view.locator('.topbar').evaluate((e) => e.getBoundingClientRect().bottom);
    const itemTop = await item.evaluate((e) => e.getBoundingClientRect().top);
    expect(itemTop).toBeGreaterThanOrEqual(barBottom);
    expect(itemTop).toBeLessThan(view.viewportSize()!.height / 2);
    await view.screenshot({ path: join(SCREENSHOTS, 'card-open-view.png') });
    await Promise.all([view.close(), page.close(), first.close()]);
  });

  it('saves from the card and marks the statement as saved on the page', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('003.html'));
    await waitForHighlights(page);
    const texts = await paintedTexts(page);
    const point = await pointOnStatement(page, texts[0]!.slice(0, 12));
    await page.mouse.click(point.x, point.y);
    // Save is enabled once the background has answered for this page.
    await expect.poll(() => cardText(page)).not.toContain('Checking your reading history');
    await expect.poll(async () => (await cardSnapshot(page))?.buttons.Save !== undefined).toBe(true);
    const save = (await cardSnapshot(page))!.buttons.Save!;
    await page.mouse.click(save.x, save.y);
    await expect.poll(() => cardText(page)).toContain('Saved');
    expect((await storeMarks(page)).saved).toBe(1);
    const archive = await session.browser.context.newPage();
    await archive.goto(`chrome-extension://${session.browser.extensionId}/archive.html`);
    await expect.poll(() => archive.locator('.entry__text').allTextContents()).toContain(texts[0]);
    await Promise.all([archive.close(), page.close()]);
  });

  it('is reachable from the keyboard: the next-statement command opens and focuses the card', async () => {
    // The browser registered every command of the manifest with its suggested shortcut (Chromium
    // silently leaves a command without one when the key is taken by the browser).
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as {
      commands: Record<string, { suggested_key: { default: string } }>;
    };
    const registered = await session.browser.worker.evaluate(() => chrome.commands.getAll());
    const names = Object.keys(manifest.commands).sort();
    expect(names).toEqual(['next-statement', 'save-selection', 'toggle-highlights']);
    for (const name of names) {
      expect(registered.find((c) => c.name === name)?.shortcut, name).toBe(
        manifest.commands[name]!.suggested_key.default,
      );
    }
    // Headless Chromium does not deliver extension shortcuts from key presses, so the message the
    // background's command handler forwards (utils/background/commands.ts, unit-tested) is sent here.
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('002.html'));
    await waitForHighlights(page);
    await sendToTab(page, { type: 'next-statement', direction: 1 });
    await expect.poll(() => cardOpen(page)).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.nodeName)).toBe('SAYWHO-LAYER');
    // …and inside the card's frame, the card itself has the focus.
    expect(await cardFrame(page)?.evaluate(() => document.activeElement?.className)).toBe('card');
    await page.screenshot({ path: join(SCREENSHOTS, 'card-keyboard.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => cardOpen(page)).toBe(false);
    await page.close();
  });
});

describe('live pages', () => {
  it('follows paragraphs added later and re-rendered text, and the page’s own script keeps working', async () => {
    const page = await session.browser.context.newPage();
    await page.addInitScript(() => {
      const w = window as unknown as { __foreign: string[] };
      w.__foreign = [];
      document.addEventListener('DOMContentLoaded', () => {
        // Anything added to the page that the page's own script does not add (paragraphs, text) is foreign.
        new MutationObserver((records) => {
          for (const r of records) {
            for (const n of Array.from(r.addedNodes)) {
              if (n.nodeName !== 'P' && n.nodeName !== '#text' && n.nodeName !== 'SAYWHO-LAYER')
                w.__foreign.push(n.nodeName);
            }
            if (r.type === 'attributes') w.__foreign.push(`@${r.attributeName}`);
          }
        }).observe(document, { subtree: true, childList: true, attributes: true });
      });
    });
    await page.goto(session.server.url('app/live.html'));
    await waitForHighlights(page);
    expect(await paintedTexts(page)).toContain(
      'We would rather be late than be wrong about the safety of that bridge,',
    );

    // The lazy paragraph arrives after 1.2 s; the re-render of #p2 after 2 s.
    await expect
      .poll(() => paintedTexts(page), { timeout: 10_000 })
      .toContain('The delay is unacceptable, and the contractor must pay for it,');
    // The speaker underline covers the name, not the time expression after it.
    const mentions = () =>
      page.evaluate(() => {
        const out: string[] = [];
        CSS.highlights.get('saywho-speaker')?.forEach((r) => {
          out.push((r as Range).toString());
        });
        return out.sort();
      });
    expect(await mentions()).toContain('Mayor Lena Ortiz');
    expect((await mentions()).join('|')).not.toContain('Tuesday');

    // The page re-renders #p2 (same words, new nodes): its quotation and speaker are painted again,
    // on the new paragraph, and every painted range is on the live page.
    await page.waitForFunction(() => (window as unknown as { __rerendered?: boolean }).__rerendered === true);
    const anchoring = () =>
      page.evaluate(() => {
        const p2 = document.getElementById('p2');
        const inP2 = (name: string) => {
          const texts: string[] = [];
          CSS.highlights.get(name)?.forEach((r) => {
            const range = r as Range;
            if (p2?.contains(range.startContainer) && p2.contains(range.endContainer))
              texts.push(range.toString());
          });
          return texts.sort();
        };
        let detached = 0;
        for (const h of CSS.highlights.values()) {
          h.forEach((r) => {
            if (!(r as Range).startContainer.isConnected) detached++;
          });
        }
        return { direct: inP2('saywho-direct'), speaker: inP2('saywho-speaker'), detached };
      });
    await expect.poll(anchoring, { timeout: 10_000 }).toEqual({
      direct: [
        'Every cable will be checked twice.',
        'We would rather be late than be wrong about the safety of that bridge,',
      ],
      speaker: ['Helen Marsh'],
      detached: 0,
    });

    await page.getByRole('button', { name: 'Read more' }).click();
    await expect
      .poll(() => paintedTexts(page), { timeout: 10_000 })
      .toContain('no intention of paying a cent more');

    const ticks = Number(await page.locator('#ticks').textContent());
    expect(ticks).toBeGreaterThan(5);
    expect(await page.evaluate(() => (window as unknown as { __foreign: string[] }).__foreign)).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'live.png'), fullPage: true });
    await page.close();
  });

  it('reads the new article after SPA navigation through the history API', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('app/spa.html'));
    await waitForHighlights(page);
    expect((await paintedTexts(page)).join('|')).toContain('Students told us again');
    await page.click('#next');
    expect(page.url()).toMatch(/\/app\/spa-2$/);
    await expect
      .poll(() => paintedTexts(page), { timeout: 10_000 })
      .toContain('We cannot sail without a full crew, and we will not cut corners on safety,');
    expect((await paintedTexts(page)).join('|')).not.toContain('Students told us again');
    const popup = await session.browser.context.newPage();
    await popup.goto(
      `chrome-extension://${session.browser.extensionId}/popup.html?url=${encodeURIComponent(page.url())}`,
    );
    await expect
      .poll(() => popup.locator('.statement__speaker').allTextContents(), { timeout: 10_000 })
      .toContain('Marco Villa');
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('controls', () => {
  it('toggles highlights with the command, and leaves search results, an inbox and a product page alone', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('004.html'));
    await waitForHighlights(page);
    const toggle = () => sendToTab(page, { type: 'toggle-highlights' });
    await toggle();
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    await toggle();
    await waitForHighlights(page);

    const pageTab = await tabIdOf(page, session.browser.worker);
    await expect
      .poll(async () =>
        Number.parseInt(
          await session.browser.worker.evaluate((tabId) => chrome.action.getBadgeText({ tabId }), pageTab),
          10,
        ),
      )
      .toBeGreaterThan(0);

    await page.close();

    // Pages that are not articles — search results, a web-mail inbox, a shop's product page, each
    // with a quotation or two in its short items — get nothing: no highlight, no badge, and the
    // popup says why.
    for (const name of ['search', 'inbox', 'product']) {
      const other = await session.browser.context.newPage();
      await other.goto(session.server.url(`app/${name}.html`));
      const tabId = await tabIdOf(other, session.browser.worker);
      // The content script has read the page (it reports a `read` timing) and judged it.
      await expect
        .poll(async () => (await pageTimings(other, session.browser.worker)).some((t) => t.name === 'read'), {
          timeout: 10_000,
        })
        .toBe(true);
      const status = await session.browser.worker.evaluate(
        (id) =>
          chrome.tabs
            .sendMessage(id, { type: 'page-status' })
            .then((r: { status?: string } | undefined) => r?.status ?? null),
        tabId,
      );
      expect(status, name).toBe('not-article');
      expect(await other.evaluate(() => CSS.highlights.size), name).toBe(0);
      expect(
        await session.browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId),
        name,
      ).toBe('');
      await other.screenshot({ path: join(SCREENSHOTS, `not-article-${name}.png`) });
      const popup = await session.browser.context.newPage();
      await popup.goto(
        `chrome-extension://${session.browser.extensionId}/popup.html?url=${encodeURIComponent(other.url())}&tab=${tabId}`,
      );
      await expect(popup.locator('[data-state="not-article"]').textContent(), name).resolves.toContain(
        'does not look like a news article',
      );
      await Promise.all([popup.close(), other.close()]);
    }
  });

  it('switches Saywho off and on for a site from the popup, and open pages follow at once', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('003.html'));
    await waitForHighlights(page);
    const popup = await session.browser.context.newPage();
    await popup.goto(
      `chrome-extension://${session.browser.extensionId}/popup.html?url=${encodeURIComponent(page.url())}`,
    );
    const toggle = popup.getByRole('switch', { name: 'Saywho on 127.0.0.1' });
    await expect(toggle.isChecked()).resolves.toBe(true);
    await toggle.click();
    await expect.poll(() => page.evaluate(() => CSS.highlights.size)).toBe(0);
    await expect(toggle.isChecked()).resolves.toBe(false);
    await toggle.click();
    await waitForHighlights(page);
    await Promise.all([popup.close(), page.close()]);
  });

  it('paints readable highlights on a dark page', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('app/dark.html'));
    await waitForHighlights(page);
    const sizes = await highlightSizes(page);
    expect((sizes['saywho-direct'] ?? 0) + (sizes['saywho-indirect'] ?? 0)).toBeGreaterThanOrEqual(3);
    await page.screenshot({ path: join(SCREENSHOTS, 'dark-page.png') });
    await page.close();
  });

  it('explains restricted pages in the popup', async () => {
    const popup = await session.browser.context.newPage();
    await popup.goto(
      `chrome-extension://${session.browser.extensionId}/popup.html?url=${encodeURIComponent('chrome://extensions')}`,
    );
    await expect(popup.locator('[data-state="restricted"]').textContent()).resolves.toContain(
      'Browsers do not let extensions',
    );
    await popup.close();
  });
});
