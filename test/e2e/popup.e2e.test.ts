/**
 * The popup in Chromium: statements grouped by speaker, conflicts first; related statements with
 * their sources and a link that opens the other page at the quote; saving with a note and tags;
 * the empty states; capture by hand from a selection; accessibility.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SCREENSHOTS, tabIdOf, waitForHighlights, waitForStoreMark } from '../../scripts/harness/harness';
import { captureQuery } from '../../utils/capture-query';
import { CONFLICT_OPERATING_POINT, conflictScore } from '../../utils/match/calibration';
import type { SelectionReply } from '../../utils/messages';
import { seriousViolations } from './axe';
import { readmeScreenshot, useReadmeLocale } from './readme-screenshots';
import { useExtensionSession } from './session';

const session = useExtensionSession();

async function openPopup(pageUrl: string, tabId?: number): Promise<Page> {
  const popup = await session.browser.context.newPage();
  await popup.setViewportSize({ width: 440, height: 900 });
  const tab = tabId === undefined ? '' : `&tab=${tabId}`;
  await popup.goto(
    `chrome-extension://${session.browser.extensionId}/popup.html?url=${encodeURIComponent(pageUrl)}${tab}`,
  );
  return popup;
}

describe('the popup', () => {
  it('says nothing is stored yet on a fresh profile', async () => {
    const popup = await openPopup(session.server.url('000.html'));
    await expect(popup.locator('[data-state="empty-store"]').textContent()).resolves.toContain(
      'Nothing stored yet',
    );
    await popup.close();
  });

  it('groups statements by speaker with counts, conflicts first, and expands one to its related statements', async () => {
    // Each on a site of its own, which its declared site name spells: the name is kept.
    const first = await session.browser.context.newPage();
    await first.goto(session.server.urlOn('capitalledger', '000.html'));
    await waitForHighlights(first);
    const page = await session.browser.context.newPage();
    await page.goto(session.server.urlOn('levantdailywire', '001.html'));
    await waitForHighlights(page);
    await waitForStoreMark(page, 'conflict');

    const popup = await openPopup(page.url(), await tabIdOf(page, session.browser.worker));
    await useReadmeLocale(popup);
    await popup.locator('.group').first().waitFor({ timeout: 15_000 });
    const groups = popup.locator('.group');
    const heads = await popup.locator('.group__head').allTextContents();
    expect(heads.length).toBeGreaterThan(1);
    // The first group has a conflict; every head says how many statements.
    await expect(groups.first().getAttribute('class')).resolves.toContain('group--conflict');
    for (const h of heads) expect(h).toMatch(/\d+ statements?/);
    const total = heads.reduce((sum, h) => sum + Number(/(\d+) statements?/.exec(h)?.[1] ?? 0), 0);
    expect(total).toBe(await popup.locator('.statement').count());

    const item = popup.locator('.statement').filter({
      has: popup.locator('.statement__text', { hasText: 'Unilaterally bombing inside Qatar' }),
    });
    const toggle = item.locator('.statement__toggle');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('false');
    // Keyboard: focus the toggle and press Enter.
    await toggle.focus();
    await popup.keyboard.press('Enter');
    await expect(toggle.getAttribute('aria-expanded')).resolves.toBe('true');
    const related = item.locator('.related__item[data-relation-type="misattribution"]');
    await related.waitFor();
    await expect(related.locator('.related__text').textContent()).resolves.toContain('Unilaterally bombing');
    await expect(related.locator('.related__speaker').textContent()).resolves.toBe('Karoline Leavitt');
    // The name the page declared, and beside it the hostname it was really read on.
    await expect(related.locator('.related__site').textContent()).resolves.toBe(
      'The Capital Ledger · capitalledger.localhost',
    );
    await expect(related.locator('.related__date').textContent()).resolves.toMatch(/\d{4}/);
    await expect(related.locator('.related__reason').textContent()).resolves.not.toBe('');

    // Karoline Leavitt's "warned Qatar ahead of the strike" against Trump's "too late", two speakers
    // of one article: a contradiction found by time order, shown as a possible conflict only when
    // the time cue's calibrated score reaches the operating point (match/calibration.ts).
    const late = popup.locator('.statement').filter({
      has: popup.locator('.statement__text', { hasText: /^“?too late/ }),
    });
    await late.locator('.statement__toggle').click();
    const disagree = late.locator('.related__item[data-relation-type="contradiction"]');
    await disagree.waitFor();
    const shown = conflictScore('time') >= CONFLICT_OPERATING_POINT;
    await expect(disagree.locator('.badge').textContent()).resolves.toBe(
      shown ? 'Possible conflict' : 'May disagree',
    );
    await expect(disagree.locator('.badge--conflict').count()).resolves.toBe(shown ? 1 : 0);
    await expect(late.getAttribute('class')).resolves.toBe(
      shown ? 'statement statement--conflict' : 'statement',
    );
    // The label says what it is; the reason says why, naming who says what.
    await expect(disagree.locator('.related__reason').textContent()).resolves.toMatch(
      /^‘ahead of the strike’ vs ‘too late’: Karoline Leavitt/,
    );
    await late.screenshot({ path: join(SCREENSHOTS, 'popup-may-disagree.png') });

    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-full.png'), fullPage: true });
    await readmeScreenshot(popup, 'popup.png');
    expect(await seriousViolations(popup)).toEqual([]);

    // The source link opens 000 scrolled to the quote (a text fragment).
    const href = (await related.locator('a.related__source').getAttribute('href')) ?? '';
    expect(href.startsWith(`${first.url()}#:~:text=`)).toBe(true);
    const opened = await session.browser.context.newPage();
    await opened.goto(href);
    await expect.poll(() => opened.evaluate(() => window.scrollY), { timeout: 10_000 }).toBeGreaterThan(200);
    await Promise.all([opened.close(), popup.close(), page.close(), first.close()]);
  });

  it('shows a denial read after the claim it denies as a possible conflict, saying who denied', async () => {
    // "Tom Reid said the county would close the library" on one site, "Anna Kovacs denied that the
    // county would close the library" on another (test/fixtures/pages/app/library-*.html).
    const claim = await session.browser.context.newPage();
    await claim.goto(session.server.urlOn('valleycourier', 'app/library-claim.html'));
    await waitForHighlights(claim);
    const page = await session.browser.context.newPage();
    await page.goto(session.server.urlOn('harbourpost', 'app/library-denial.html'));
    await waitForHighlights(page);
    await waitForStoreMark(page, 'conflict');
    const popup = await openPopup(page.url(), await tabIdOf(page, session.browser.worker));
    const item = popup.locator('.statement').filter({
      has: popup.locator('.statement__text', { hasText: 'the county would close the Riverside library' }),
    });
    await item.waitFor({ timeout: 15_000 });
    await expect(item.locator('.statement__cue').textContent()).resolves.toContain('denied');
    await item.locator('.statement__toggle').click();
    const conflict = item.locator('.related__item[data-relation-type="contradiction"]');
    await conflict.waitFor();
    await expect(conflict.locator('.badge').textContent()).resolves.toBe('Possible conflict');
    await expect(conflict.locator('.related__speaker').textContent()).resolves.toBe('Tom Reid');
    await expect(conflict.locator('.related__reason').textContent()).resolves.toContain(
      'Anna Kovacs (Harbour Evening Post) denied: “the county would close the Riverside library in March”',
    );
    // no misattribution: the same words, denied, are not Reid's words under her name
    await expect(item.locator('.related__item[data-relation-type="misattribution"]').count()).resolves.toBe(
      0,
    );
    await item.screenshot({ path: join(SCREENSHOTS, 'popup-denial.png') });
    await Promise.all([popup.close(), page.close(), claim.close()]);
  });

  it('saves a statement with a note and tags', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('002.html'));
    await waitForHighlights(page);
    const popup = await openPopup(page.url());
    const item = popup.locator('.statement').first();
    await item.waitFor({ timeout: 15_000 });
    const text = await item.locator('.statement__text').textContent();
    await item.locator('.statement__toggle').click();
    await item.getByLabel('Note').fill('Compare with the briefing');
    await item.getByLabel('Tags (comma separated)').fill('briefing, follow-up');
    await item.getByRole('button', { name: 'Save to archive' }).click();
    await item.getByText('Saved to archive').waitFor();

    const archive = await session.browser.context.newPage();
    await archive.goto(`chrome-extension://${session.browser.extensionId}/archive.html`);
    const entry = archive.locator('.entry', { hasText: text ?? '' });
    await entry.waitFor({ timeout: 15_000 });
    await expect(entry.locator('.entry__note').textContent()).resolves.toBe('Compare with the briefing');
    await expect(entry.locator('.tag').allTextContents()).resolves.toEqual(['briefing', 'follow-up']);
    await Promise.all([archive.close(), popup.close(), page.close()]);
  });

  it('says when a page is not an article', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('app/search.html'));
    await page.waitForTimeout(1000);
    const popup = await openPopup(page.url(), await tabIdOf(page, session.browser.worker));
    await expect(popup.locator('[data-state="not-article"]').textContent()).resolves.toContain(
      'does not look like a news article',
    );
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-not-article.png') });
    // "Read this page anyway": the page is read whatever it looks like, and the popup says so
    await popup.getByRole('button', { name: 'Read this page anyway' }).click();
    await popup.locator('[data-state="not-article"]').waitFor({ state: 'detached', timeout: 10_000 });
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-read-anyway.png') });
    await Promise.all([popup.close(), page.close()]);
  });

  it('says when an article has no quotations', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('app/no-quotes.html'));
    const tabId = await tabIdOf(page, session.browser.worker);
    // The content script has read the page: an article, with nothing said in it.
    await expect
      .poll(
        () =>
          session.browser.worker
            .evaluate((tabId) => chrome.tabs.sendMessage(tabId, { type: 'page-status' }), tabId)
            .catch(() => null),
        { timeout: 15_000 },
      )
      .toMatchObject({ ok: true, status: 'no-statements', statements: 0 });
    expect(await page.evaluate(() => CSS.highlights.size)).toBe(0);
    const popup = await openPopup(page.url(), tabId);
    await expect(popup.locator('[data-state="no-statements"]').textContent()).resolves.toContain(
      'found no quotations or attributed claims on this page',
    );
    expect(await popup.locator('.statement').count()).toBe(0);
    await popup.screenshot({ path: join(SCREENSHOTS, 'popup-no-statements.png') });
    await Promise.all([popup.close(), page.close()]);
  });
});

describe('capture by hand', () => {
  it('registers the context menu item and the keyboard command', async () => {
    const manifest = await session.browser.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.permissions).toContain('contextMenus');
    expect(Object.keys(manifest.commands ?? {})).toContain('save-selection');
    // Updating a menu item that does not exist fails: this proves the item was created.
    await session.browser.worker.evaluate(() => chrome.contextMenus.update('saywho-save-selection', {}));
  });

  it('answers with the speaker of the statement a selection overlaps, and saves it linked to that statement', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('001.html'));
    await waitForHighlights(page);
    await page.waitForTimeout(500);
    // Select a few words inside a painted quote.
    const selected = await page.evaluate(() => {
      const range = CSS.highlights.get('saywho-direct')?.values().next().value as Range;
      const sel = document.getSelection()!;
      sel.removeAllRanges();
      const r = range.cloneRange();
      const node = r.startContainer;
      if (node.nodeType === Node.TEXT_NODE)
        r.setEnd(node, Math.min((node as Text).length, r.startOffset + 20));
      sel.addRange(r);
      return sel.toString();
    });
    const tabId = await tabIdOf(page, session.browser.worker);
    const reply = (await session.browser.worker.evaluate(
      (tabId) => chrome.tabs.sendMessage(tabId, { type: 'selection-statement' }),
      tabId,
    )) as SelectionReply;
    expect(reply.ok).toBe(true);
    if (!reply.ok || !reply.selection) throw new Error('no selection');
    expect(reply.selection.text).toBe(selected.replace(/\s+/g, ' ').trim());
    expect(reply.selection.speaker).not.toBeNull();
    expect(reply.selection.statementId).toBeGreaterThan(0);

    // The background opens this page with the same query; fill it in and save.
    const form = await session.browser.context.newPage();
    await form.goto(
      `chrome-extension://${session.browser.extensionId}/capture.html?${captureQuery(reply.selection)}`,
    );
    await expect(form.getByLabel('Speaker').inputValue()).resolves.toBe(reply.selection.speaker);
    expect(await seriousViolations(form)).toEqual([]);
    await form.getByLabel('Note', { exact: true }).fill('Captured by hand');
    await form.getByRole('button', { name: 'Save to archive' }).click();
    await form.locator('[data-state="saved"]').waitFor();
    const entryId = Number(await form.locator('[data-state="saved"]').getAttribute('data-entry-id'));
    const stored = await form.evaluate(
      (id) =>
        new Promise<{ statementId: number | null; note: string }>((ok, fail) => {
          const open = indexedDB.open('saywho');
          open.onerror = () => fail(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('archive').objectStore('archive').get(id);
            get.onsuccess = () => ok(get.result);
          };
        }),
      entryId,
    );
    expect(stored).toMatchObject({ statementId: reply.selection.statementId, note: 'Captured by hand' });

    // Outside every statement: no speaker, and the entry is not linked to a statement.
    await page.evaluate(() => {
      const h1 = document.querySelector('h1')!;
      const r = document.createRange();
      r.selectNodeContents(h1);
      document.getSelection()!.removeAllRanges();
      document.getSelection()!.addRange(r);
    });
    const outside = (await session.browser.worker.evaluate(
      (tabId) => chrome.tabs.sendMessage(tabId, { type: 'selection-statement' }),
      tabId,
    )) as SelectionReply;
    expect(outside).toMatchObject({ ok: true, selection: { speaker: null, statementId: null } });
    if (!outside.ok || !outside.selection) throw new Error('no selection');

    // The reader names the speaker Saywho did not detect, and saves.
    const byHand = await session.browser.context.newPage();
    await byHand.goto(
      `chrome-extension://${session.browser.extensionId}/capture.html?${captureQuery(outside.selection)}`,
    );
    await expect(byHand.getByLabel('Speaker').inputValue()).resolves.toBe('');
    await expect(byHand.locator('#speaker-hint').textContent()).resolves.toContain(
      'did not detect a speaker',
    );
    await byHand.getByLabel('Speaker').fill('The Levant Daily Wire desk');
    await byHand.getByRole('button', { name: 'Save to archive' }).click();
    await byHand.locator('[data-state="saved"]').waitFor();
    const handId = Number(await byHand.locator('[data-state="saved"]').getAttribute('data-entry-id'));
    const archive = await session.browser.context.newPage();
    await archive.goto(`chrome-extension://${session.browser.extensionId}/archive.html`);
    const entry = archive.locator(`.entry[data-entry-id="${handId}"]`);
    await entry.waitFor({ timeout: 15_000 });
    await expect(entry.locator('.entry__text').textContent()).resolves.toBe(outside.selection.text);
    await expect(entry.locator('.entry__speaker').textContent()).resolves.toBe('The Levant Daily Wire desk');
    await Promise.all([archive.close(), byHand.close(), form.close(), page.close()]);
  });
});
