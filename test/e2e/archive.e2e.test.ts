/**
 * The archive, the speaker view and the options page in Chromium: search, filters, sorting,
 * editing, delete with undo, export and import (also at 10,000 entries, timed), auto-collect
 * off, excluded sites, clearing all data; accessibility of each page.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { seriousViolations } from './axe';
import { SCREENSHOTS, waitForHighlights } from './harness';
import { useExtensionSession } from './session';

const session = useExtensionSession();

const ext = (path: string) => `chrome-extension://${session.browser.extensionId}/${path}`;

async function read(file: string): Promise<Page> {
  const page = await session.browser.context.newPage();
  await page.goto(session.server.url(file));
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

describe('the archive', () => {
  it('searches, filters, sorts, edits and deletes with undo', async () => {
    const first = await read('000.html');
    await first.waitForTimeout(300);
    const page = await read('001.html');
    await page.waitForFunction(() => (CSS.highlights.get('saywho-conflict')?.size ?? 0) > 0, null, {
      timeout: 15_000,
    });
    // Save the conflicting quote and two others from the popup, in this order.
    const popup = await openPopup(page.url());
    await popup.locator('.statement').first().waitFor({ timeout: 15_000 });
    const conflicting = popup.locator('.statement--conflict').first();
    const conflictText = (await conflicting.locator('.statement__text').textContent()) ?? '';
    await conflicting.getByRole('button', { name: 'Save to archive' }).click();
    await conflicting.getByText('Saved to archive').waitFor();
    const calm = popup.locator('.statement:not(.statement--conflict)');
    const saved: string[] = [conflictText];
    for (const i of [0, 1]) {
      const item = calm.nth(i);
      saved.push((await item.locator('.statement__text').textContent()) ?? '');
      await item.getByRole('button', { name: 'Save to archive' }).click();
      await item.getByText('Saved to archive').waitFor();
      await popup.waitForTimeout(20); // distinct savedAt
    }
    await popup.close();

    const archive = await openArchive();
    await archive.locator('.entry').first().waitFor({ timeout: 15_000 });
    // Newest first.
    expect(await entryTexts(archive)).toEqual([...saved].reverse());

    // Search by a word of one quote.
    const word = conflictText.split(/[^\p{L}]+/u).reduce((a, b) => (b.length > a.length ? b : a), '');
    await archive.getByLabel('Search text, speaker, note and tags').fill(word);
    expect(await entryTexts(archive)).toEqual(
      saved.filter((t) => t.toLowerCase().includes(word.toLowerCase())),
    );
    await archive.getByLabel('Search text, speaker, note and tags').fill('');

    // Conflict filter.
    await archive.getByLabel('Only with conflicts').check();
    expect(await entryTexts(archive)).toEqual([conflictText]);
    await archive.getByLabel('Only with conflicts').uncheck();

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
    const save = async (name: string) => {
      const [download] = await Promise.all([
        archive.waitForEvent('download'),
        archive.getByRole('button', { name, exact: true }).click(),
      ]);
      return readFileSync((await download.path())!, 'utf8');
    };
    const json = await save('JSON');
    const doc = JSON.parse(json);
    expect(doc).toMatchObject({ format: 'saywho-archive', version: 1 });
    expect(doc.entries).toHaveLength(count);
    expect((await save('CSV')).split('\r\n')[0]).toBe(
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

    // Delete one entry, then import the export: only that one comes back.
    await archive.locator('.entry').first().getByRole('button', { name: 'Delete' }).click();
    await expect.poll(() => archive.locator('.entry').count()).toBe(count - 1);
    await importFile('saywho.json', json);
    await expect
      .poll(() => archive.locator('.status').textContent())
      .toContain(`Imported 1 quote; ${count - 1} already in the archive were skipped`);
    expect(await archive.locator('.entry').count()).toBe(count);
    await archive.close();
  });

  it('stays instant with 10,000 entries (imported with progress)', async () => {
    const archive = await openArchive();
    await archive.locator('.tools').waitFor({ timeout: 15_000 });
    const words = 'peace bridge economy vote border tariff school river budget election court health'.split(
      ' ',
    );
    const entries = Array.from({ length: 10_000 }, (_, i) => ({
      statementId: null,
      snapshot: {
        text: `We will ${words[i % words.length]} and ${words[(i * 7) % words.length]} number${i} today.`,
        kind: 'direct',
        speaker: `Speaker ${i % 50}`,
        cue: 'said',
        pageUrl: `https://site${i % 9}.example/${i}`,
        pageTitle: `Title ${i}`,
        site: `site${i % 9}.example`,
      },
      note: i % 10 === 0 ? `note ${i}` : '',
      tags: i % 7 === 0 ? ['bulk'] : [],
      savedAt: 1_600_000_000_000 + i * 1000,
    }));
    const file = JSON.stringify({ format: 'saywho-archive', version: 1, exportedAt: '', entries });
    await archive
      .locator('input[type="file"]')
      .setInputFiles({ name: 'big.json', mimeType: 'application/json', buffer: Buffer.from(file) });
    await expect
      .poll(() => archive.locator('.status').textContent(), { timeout: 60_000 })
      .toContain('Imported 10000 quotes');
    await expect
      .poll(async () => Number(await archive.locator('.results-count').getAttribute('data-count')), {
        timeout: 30_000,
      })
      .toBeGreaterThanOrEqual(10_000);

    // Let the store settle after the import (the live query re-reads the archive once more).
    await archive.waitForTimeout(1000);
    // Time from a keystroke to the updated list on screen, for a few queries.
    const timings = await archive.evaluate(async () => {
      const input = document.querySelector<HTMLInputElement>('input[type="search"]')!;
      const count = document.querySelector('.results-count')!;
      const out: { query: string; ms: number; count: string | null }[] = [];
      for (const query of ['r', 'ri', 'river', 'river vote', 'number9999', 'speaker 7', '']) {
        const t0 = performance.now();
        input.value = query;
        input.dispatchEvent(new Event('input', { bubbles: true }));
        // Wait until Preact has rendered the result for this query, then for the frame to be painted.
        while (count.getAttribute('data-query') !== query) await new Promise((ok) => setTimeout(ok, 0));
        await new Promise((ok) => requestAnimationFrame(() => ok(null)));
        out.push({ query, ms: performance.now() - t0, count: count.getAttribute('data-count') });
      }
      return out;
    });
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
    await expect(options.getByRole('alertdialog').textContent()).resolves.toMatch(/Delete \d+ pages/);
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
