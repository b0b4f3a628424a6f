/**
 * The archive, the speaker view and the options page in Chromium: search, filters, sorting,
 * editing, delete with undo, export and import (also at 10,000 entries, timed), auto-collect
 * off, excluded sites, clearing all data; accessibility of each page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ARCHIVE_QUERIES, generateArchiveEntries } from '../../scripts/harness/archive-entries';
import { SCREENSHOTS, waitForHighlights, waitForStoreMark } from '../../scripts/harness/harness';
import { seriousViolations } from './axe';
import { readmeScreenshot, useReadmeLocale } from './readme-screenshots';
import { useExtensionSession } from './session';

const session = useExtensionSession();

const ext = (path: string) => `chrome-extension://${session.browser.extensionId}/${path}`;

/** Reads a fixture page, on a site of its own when `site` is given (`<site>.localhost`). */
async function read(file: string, site?: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(site ? session.server.urlOn(site, file) : session.server.url(file));
  await waitForHighlights(page);
  return page;
}

async function openPopup(pageUrl: string): Promise<Page> {
  const popup = await session.browser.context.newPage();
  await popup.setViewportSize({ width: 440, height: 900 });
  await popup.goto(ext(`popup.html?url=${encodeURIComponent(pageUrl)}`));
  return popup;
}

async function openArchive(query = ''): Promise<Page> {
  const archive = await session.browser.context.newPage();
  await archive.goto(ext(`archive.html${query}`));
  return archive;
}

const entryTexts = (archive: Page) => archive.locator('.entry__text').allTextContents();

/** 9:00 UTC on a day of September 2025, shortly after the fixture articles were published. */
const septemberDay = (day: number) => Date.UTC(2025, 8, day, 9, 0, 0);

/**
 * Clicks "Save to archive" on a popup statement with the popup's clock at `time`, so the entry's
 * saved date (shown in the archive, filtered by the date range, seen on the README screenshot)
 * does not depend on when the test runs. Returns the statement's text and kind label.
 */
async function saveAt(popup: Page, item: Locator, time: number): Promise<{ text: string; kind: string }> {
  await popup.evaluate((t) => {
    Date.now = () => t;
  }, time);
  await item.getByRole('button', { name: 'Save to archive' }).click();
  await item.getByText('Saved to archive').waitFor();
  const text = (await item.locator('.statement__text').textContent()) ?? '';
  const kind = ((await item.locator('.statement__kind').textContent()) ?? '').replace(/^\s*·\s*/, '');
  return { text, kind };
}

describe('the archive', () => {
  it('searches, filters by site, kind and date, sorts, edits and deletes with undo', async () => {
    // Each on its own site, so each keeps the site name it declares (it spells its domain).
    const first = await read('000.html', 'capitalledger');
    await first.waitForTimeout(300);
    const page = await read('001.html', 'levantdailywire');
    await waitForStoreMark(page, 'conflict');
    // Save the conflicting quote and two others from 001's popup, a day apart, then one quote of
    // another site (000) on the fourth day.
    const popup = await openPopup(page.url());
    await popup.locator('.statement').first().waitFor({ timeout: 15_000 });
    const calm = popup.locator('.statement:not(.statement--conflict)');
    const saves = [
      await saveAt(popup, popup.locator('.statement--conflict').first(), septemberDay(16)),
      await saveAt(popup, calm.nth(0), septemberDay(17)),
      await saveAt(popup, calm.nth(1), septemberDay(18)),
    ];
    await popup.close();
    const otherPopup = await openPopup(first.url());
    await otherPopup.locator('.statement').first().waitFor({ timeout: 15_000 });
    saves.push(
      await saveAt(
        otherPopup,
        otherPopup.locator('.statement:not(.statement--conflict)').first(),
        septemberDay(19),
      ),
    );
    await otherPopup.close();
    const saved = saves.map((s) => s.text);
    const conflictText = saved[0]!;
    const newestFirst = (texts: string[]) => saved.filter((t) => texts.includes(t)).reverse();

    const archive = await session.browser.context.newPage();
    await useReadmeLocale(archive);
    await archive.goto(ext('archive.html'));
    await archive.locator('.entry').first().waitFor({ timeout: 15_000 });
    // Newest first.
    expect(await entryTexts(archive)).toEqual([...saved].reverse());

    // Search by a word of one quote.
    const word = conflictText.split(/[^\p{L}]+/u).reduce((a, b) => (b.length > a.length ? b : a), '');
    await archive.getByLabel('Search text, speaker, note and tags').fill(word);
    expect(await entryTexts(archive)).toEqual(
      newestFirst(saved.filter((t) => t.toLowerCase().includes(word.toLowerCase()))),
    );
    await archive.getByLabel('Search text, speaker, note and tags').fill('');

    // Conflict filter.
    await archive.getByLabel('Only with conflicts').check();
    expect(await entryTexts(archive)).toEqual([conflictText]);
    await archive.getByLabel('Only with conflicts').uncheck();

    // Site filter: the options are the two sites with their counts; each shows its own quotes.
    const site = archive.getByLabel('Site', { exact: true });
    await expect(site.locator('option').allTextContents()).resolves.toEqual([
      'Any site',
      'Levant Daily Wire (3)',
      'The Capital Ledger (1)',
    ]);
    await site.selectOption('The Capital Ledger');
    expect(await entryTexts(archive)).toEqual([saved[3]]);
    await site.selectOption('Levant Daily Wire');
    expect(await entryTexts(archive)).toEqual(newestFirst(saved.slice(0, 3)));
    await site.selectOption('');
    expect(await entryTexts(archive)).toEqual([...saved].reverse());

    // Kind filter: each kind shows exactly the saved quotes of that kind (as the popup named it).
    const kind = archive.getByLabel('Kind', { exact: true });
    const kinds = [...new Set(saves.map((s) => s.kind))];
    expect(kinds.length).toBeGreaterThan(1);
    for (const label of kinds) {
      await kind.selectOption({ label });
      expect(await entryTexts(archive)).toEqual(
        newestFirst(saves.filter((s) => s.kind === label).map((s) => s.text)),
      );
    }
    await kind.selectOption('');

    // Date range (the days are inclusive): from the 17th; to the 17th; the 17th to the 18th.
    const from = archive.getByLabel('Saved from');
    const to = archive.getByLabel('Saved to');
    await from.fill('2025-09-17');
    expect(await entryTexts(archive)).toEqual(newestFirst(saved.slice(1)));
    await to.fill('2025-09-17');
    expect(await entryTexts(archive)).toEqual([saved[1]]);
    await to.fill('2025-09-18');
    expect(await entryTexts(archive)).toEqual(newestFirst(saved.slice(1, 3)));
    await from.fill('');
    expect(await entryTexts(archive)).toEqual(newestFirst(saved.slice(0, 3)));
    await to.fill('');
    expect(await entryTexts(archive)).toEqual([...saved].reverse());

    // Sort oldest first.
    await archive.getByLabel('Sort', { exact: true }).selectOption('oldest');
    expect(await entryTexts(archive)).toEqual(saved);
    await archive.getByLabel('Sort', { exact: true }).selectOption('newest');

    // Edit note and tags of the conflicting entry, then filter by the tag and search the note.
    const entry = archive.locator('.entry', { hasText: conflictText });
    await entry.getByRole('button', { name: 'Edit note and tags' }).click();
    await entry.getByLabel('Note').fill('Who really said it?');
    await entry.getByLabel('Tags (comma separated)').fill('attribution, qatar');
    await entry.getByRole('button', { name: 'Save', exact: true }).click();
    await expect.poll(() => entry.locator('.entry__note').textContent()).toBe('Who really said it?');
    await archive.getByLabel('Tag', { exact: true }).selectOption('attribution');
    expect(await entryTexts(archive)).toEqual([conflictText]);
    await archive.getByLabel('Tag', { exact: true }).selectOption('');
    await archive.getByLabel('Search text, speaker, note and tags').fill('really said');
    expect(await entryTexts(archive)).toEqual([conflictText]);
    await archive.getByLabel('Search text, speaker, note and tags').fill('');

    // Speaker filter: every entry shown has that speaker.
    const speaker = (await entry.locator('.entry__speaker').textContent()) ?? '';
    await archive.getByLabel('Speaker', { exact: true }).selectOption(speaker);
    for (const s of await archive.locator('.entry__speaker').allTextContents()) expect(s).toBe(speaker);
    await archive.getByLabel('Speaker', { exact: true }).selectOption('');

    expect(await seriousViolations(archive)).toEqual([]);
    await archive.screenshot({ path: join(SCREENSHOTS, 'archive-search.png'), fullPage: true });
    // The README's picture: every filter cleared, nothing focused.
    expect(await entryTexts(archive)).toEqual([...saved].reverse());
    await archive.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await readmeScreenshot(archive, 'archive.png');

    // Delete, then undo.
    await archive.locator('.entry', { hasText: saved[1]! }).getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => entryTexts(archive)).not.toContain(saved[1]);
    await archive.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => entryTexts(archive)).toEqual([...saved].reverse());
    await Promise.all([archive.close(), page.close(), first.close()]);
  });

  it('shows everything one speaker said, over time, conflicts marked', async () => {
    const archive = await openArchive();
    const entry = archive.locator('.entry--conflict').first();
    await entry.waitFor({ timeout: 15_000 });
    const speaker = (await entry.locator('.entry__speaker').textContent()) ?? '';
    await entry.locator('a.entry__speaker').click();
    await archive.waitForURL(/speaker=/);
    expect(new URL(archive.url()).searchParams.get('speaker')).toBe(speaker);
    await expect(archive.locator('h1').textContent()).resolves.toBe(`Everything ${speaker} said`);
    await archive.locator('.timeline__item').first().waitFor();
    expect(await archive.locator('.timeline__item--conflict').count()).toBeGreaterThan(0);
    const dates = await archive
      .locator('.timeline__date')
      .evaluateAll((els) => els.map((e) => Date.parse(e.getAttribute('datetime') ?? '')));
    expect(dates).toEqual([...dates].sort((a, b) => a - b));
    expect(await seriousViolations(archive)).toEqual([]);
    await archive.screenshot({ path: join(SCREENSHOTS, 'speaker-view.png'), fullPage: true });
    await archive.close();
  });

  it('exports JSON, CSV and Markdown, and imports JSON with duplicates skipped and bad files refused', async () => {
    const archive = await openArchive();
    await archive.locator('.entry').first().waitFor({ timeout: 15_000 });
    const count = await archive.locator('.entry').count();
    const saveBytes = async (name: string) => {
      const [download] = await Promise.all([
        archive.waitForEvent('download'),
        archive.getByRole('button', { name, exact: true }).click(),
      ]);
      return readFileSync((await download.path())!);
    };
    const save = async (name: string) => (await saveBytes(name)).toString('utf8');
    const json = await save('JSON');
    const doc = JSON.parse(json);
    expect(doc).toMatchObject({ format: 'saywho-archive', version: 1 });
    expect(doc.entries).toHaveLength(count);
    // The CSV file starts with the UTF-8 byte-order mark, so spreadsheet programs read it as UTF-8.
    const csv = await saveBytes('CSV');
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(csv.subarray(3).toString('utf8').split('\r\n')[0]).toBe(
      'savedAt,speaker,text,kind,cue,pageTitle,site,pageUrl,note,tags',
    );
    expect(await save('Markdown')).toMatch(/^# Saywho archive/);

    const importFile = (name: string, content: string) =>
      archive
        .locator('input[type="file"]')
        .setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content) });

    // A bad file: a clear message, nothing changed.
    await importFile(
      'bad.json',
      JSON.stringify({ ...doc, entries: [{ ...doc.entries[0], snapshot: null }] }),
    );
    await expect
      .poll(() => archive.locator('.status').textContent())
      .toContain('does not fit the archive format');
    expect(await archive.locator('.entry').count()).toBe(count);
    // A date no Date can hold: refused, naming the entry and the field; nothing changed.
    await importFile(
      'far-future.json',
      JSON.stringify({ ...doc, entries: [{ ...doc.entries[0], savedAt: 1e16 }] }),
    );
    await expect
      .poll(() => archive.locator('.status').textContent())
      .toMatch(/at entries\.0\.savedAt \(entry 1, .+\): must be a date between 1990-01-01 and/);
    expect(await archive.locator('.entry').count()).toBe(count);

    // Delete one entry, then import the export: only that one comes back.
    await archive.locator('.entry').first().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => archive.locator('.entry').count()).toBe(count - 1);
    await importFile('saywho.json', json);
    await expect
      .poll(() => archive.locator('.status').textContent())
      .toContain(`Imported 1 quote; ${count - 1} already in the archive were skipped`);
    // The list follows the store (liveQuery) a moment after the import's own message.
    await expect.poll(() => archive.locator('.entry').count()).toBe(count);
    await archive.close();
  });

  it('stays instant with 10,000 entries (imported with progress)', async () => {
    const archive = await openArchive();
    await archive.locator('.tools').waitFor({ timeout: 15_000 });
    // The entries and queries `npm run bench` times in Node, here from keystroke to screen.
    const entries = generateArchiveEntries(10_000).map(({ id: _id, ...entry }) => entry);
    const file = JSON.stringify({ format: 'saywho-archive', version: 1, exportedAt: '', entries });
    // Record every state the progress indicator shows while the file is imported.
    await archive.evaluate(() => {
      const seen: { state: string; done: number; total: number; text: string }[] = [];
      (window as unknown as { progressSeen: typeof seen }).progressSeen = seen;
      const record = () => {
        const el = document.querySelector<HTMLElement>('.import-progress');
        if (!el) return;
        const sample = {
          state: el.dataset.state ?? '',
          done: Number(el.dataset.done),
          total: Number(el.dataset.total),
          text: el.textContent ?? '',
        };
        const last = seen.at(-1);
        if (!last || last.state !== sample.state || last.done !== sample.done || last.total !== sample.total)
          seen.push(sample);
      };
      new MutationObserver(record).observe(document.body, {
        subtree: true,
        childList: true,
        attributes: true,
        characterData: true,
      });
    });
    await archive
      .locator('input[type="file"]')
      .setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect
      .poll(() => archive.locator('.status').textContent(), { timeout: 60_000 })
      .toContain('Imported 10000 quotes');
    // The indicator appeared while the import ran, counted up, and ends full with the final count.
    const progress = await archive.evaluate(
      () =>
        (
          window as unknown as {
            progressSeen: { state: string; done: number; total: number; text: string }[];
          }
        ).progressSeen,
    );
    const running = progress.filter((p) => p.state === 'running' && p.total === 10_000);
    expect(running.length).toBeGreaterThan(1);
    expect(running.some((p) => p.done > 0 && p.done < 10_000)).toBe(true);
    const counts = running.map((p) => p.done);
    expect(counts).toEqual([...counts].sort((a, b) => a - b));
    expect(progress.at(-1)).toMatchObject({ state: 'done', done: 10_000, total: 10_000 });
    await expect(archive.locator('.import-progress__text').textContent()).resolves.toBe(
      'Imported 10,000 of 10,000',
    );
    await expect(archive.locator('.import-progress progress').getAttribute('value')).resolves.toBe('10000');
    await expect
      .poll(async () => Number(await archive.locator('.results-count').getAttribute('data-count')), {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(10_000);

    // Let the store settle after the import (the live query re-reads the archive once more).
    await archive.waitForTimeout(1000);
    // Time from a keystroke to the updated list on screen, for a few queries.
    const timings = await archive.evaluate(async (queries) => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      const count = document.querySelector('.results-count')!;
      const out: { query: string; ms: number; count: string | null }[] = [];
      for (const query of queries) {
        const t0 = performance.now();
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // Wait until Preact has rendered the result for this query, then for the frame to be painted.
        while (count.getAttribute('data-query') !== query) await new Promise((ok) => setTimeout(ok, 0));
        await new Promise((ok) => requestAnimationFrame(() => ok(null)));
        out.push({ query, ms: performance.now() - t0, count: count.getAttribute('data-count') });
      }
      return out;
    }, ARCHIVE_QUERIES);
    console.info(
      'archive search at 10,000 entries (ms to screen):',
      timings.map((t) => `${t.query || '∅'} ${t.ms.toFixed(0)}`).join(', '),
    );
    expect(timings.find((t) => t.query === 'number9999')?.count).toBe('1');
    for (const t of timings) expect(t.ms).toBeLessThan(250);
    await archive.close();
  });
});

describe('the options page', () => {
  it('turns auto-collect off and on, excludes sites, and clears all data after confirmation', async () => {
    const options = await session.browser.context.newPage();
    await options.goto(ext('options.html'));
    const auto = options.getByLabel('Auto-collect statements from the articles I read');
    await expect(auto.isChecked()).resolves.toBe(true);
    expect(await seriousViolations(options)).toEqual([]);

    // Off: a page read now is highlighted but not stored.
    await auto.uncheck();
    await expect
      .poll(() => session.browser.worker.evaluate(() => chrome.storage.local.get('autoCollect')))
      .toEqual({
        autoCollect: false,
      });
    const page = await read('003.html');
    await page.waitForTimeout(800);
    const popup = await openPopup(page.url());
    await popup.locator('[data-state="collect-off"]').waitFor();
    await Promise.all([popup.close(), page.close()]);
    await auto.check();

    // Excluded site: nothing happens on it.
    await options.getByLabel('Sites where Saywho does nothing, one per line').fill('127.0.0.1/004.html');
    await options.getByRole('button', { name: 'Save excluded sites' }).click();
    await options.getByText('Saved: 1 excluded site').waitFor();
    const excluded = await session.browser.context.newPage();
    await excluded.goto(session.server.url('004.html'));
    await excluded.waitForTimeout(1500);
    expect(await excluded.evaluate(() => CSS.highlights.size)).toBe(0);
    const excludedPopup = await openPopup(excluded.url());
    await excludedPopup.locator('[data-state="excluded"]').waitFor();
    await Promise.all([excludedPopup.close(), excluded.close()]);
    // Other pages of the same host still work.
    (await read('002.html')).close();
    await options.getByLabel('Sites where Saywho does nothing, one per line').fill('');
    await options.getByRole('button', { name: 'Save excluded sites' }).click();
    await options.getByText('Saved: 0 excluded sites').waitFor();

    // Clear all data: asks first, cancel keeps everything, confirm deletes everything.
    await options.getByRole('button', { name: 'Clear all data…' }).click();
    await expect(options.getByRole('alertdialog').textContent()).resolves.toMatch(
      /Delete [\d,]+ pages?, [\d,]+ statements? and [\d,]+ saved quotes?\?/,
    );
    expect(await seriousViolations(options)).toEqual([]);
    await options.screenshot({ path: join(SCREENSHOTS, 'options.png'), fullPage: true });
    await options.getByRole('button', { name: 'Cancel' }).click();
    const archive = await openArchive();
    await archive.locator('.entry').first().waitFor({ timeout: 15_000 });
    await options.getByRole('button', { name: 'Clear all data…' }).click();
    await options.getByRole('button', { name: 'Delete everything' }).click();
    await options.getByText('All Saywho data on this device was deleted.').waitFor();
    await archive.locator('[data-state="empty-archive"]').waitFor({ timeout: 15_000 });
    await Promise.all([archive.close(), options.close()]);
  });
});
