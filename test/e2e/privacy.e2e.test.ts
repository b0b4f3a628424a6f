/**
 * A page's scripts against the reader's history (issue: history sniffing). The page prints three
 * candidate quotations, one of which the reader met on another page, and does everything a script
 * can do to tell which: it reads the highlight registry, hit-tests the text, inspects Saywho's host,
 * watches mutations and resource timings, dispatches clicks and hovers to open the card, and
 * searches the page's text with `window.find()`. It must learn nothing; the reader, with real
 * input, still sees the mark and the card.
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
import { useExtensionSession } from './session';

const session = useExtensionSession();

const OTHER_TITLE = 'Rubio Stands With Netanyahu in Jerusalem';
const PAGE_DERIVED = ['saywho-direct', 'saywho-partial', 'saywho-indirect', 'saywho-speaker'];

/** The toolbar badge of a tab: set once the background has stored the page. */
async function badge(page: Page): Promise<string> {
  const tabId = await tabIdOf(page, session.browser.worker);
  return session.browser.worker.evaluate((id) => chrome.action.getBadgeText({ tabId: id }), tabId);
}

/** Everything the page's own script can find out, played through page.evaluate (the page's world). */
function spy(page: Page, words: string[]) {
  return page.evaluate(async (words) => {
    const probes = ['probe-a', 'probe-b', 'probe-c'].map((id) => document.getElementById(id)!);
    const names = [...CSS.highlights.keys()].sort();
    const covering = probes.map((p) =>
      names.filter((n) => [...CSS.highlights.get(n)!].some((r) => p.contains((r as Range).startContainer))),
    );
    const hits = probes.map((p) => {
      const r = p.getBoundingClientRect();
      return document.elementFromPoint(r.left + 30, r.top + 12)?.nodeName ?? null;
    });
    const host = document.querySelector('saywho-layer') as HTMLElement | null;
    const hostView = host && {
      rect: JSON.stringify(host.getBoundingClientRect()),
      scroll: [host.scrollWidth, host.scrollHeight, host.clientWidth, host.clientHeight],
      shadow: host.shadowRoot === null,
      text: host.textContent,
      children: host.children.length,
    };
    const size = [document.documentElement.scrollWidth, document.documentElement.scrollHeight];
    // Synthetic input on each probe: hover, click, element.click().
    for (const p of probes) {
      const r = p.getBoundingClientRect();
      const at = { clientX: r.left + 30, clientY: r.top + 12, bubbles: true };
      p.dispatchEvent(new MouseEvent('mousemove', at));
      p.dispatchEvent(new MouseEvent('click', at));
      p.click();
      await new Promise((done) => setTimeout(done, 600));
    }
    // window.find() is not in TypeScript's DOM types (non-standard, but in every browser).
    const find = (window as unknown as { find(text: string): boolean }).find.bind(window);
    const found = words.map((w) => {
      getSelection()?.removeAllRanges();
      return find(w);
    });
    const records = (window as unknown as { __records: Array<{ type: string; added: string[] }> }).__records;
    const resources = performance
      .getEntriesByType('resource')
      .map((e) => e.name)
      .filter((n) => !n.startsWith(location.origin));
    return { names, covering, hits, hostView, size, found, records, resources, frames: window.length };
  }, words);
}

describe('a page that tries to learn what its reader read elsewhere', () => {
  it('learns nothing from highlights, layout, mutations, synthetic input or find; the reader sees the mark and the card', async () => {
    // The reader reads another page that prints probe A's quotation.
    const first = await session.browser.context.newPage();
    await first.goto(session.server.url('000.html'));
    await waitForHighlights(first);
    await expect.poll(() => badge(first), { timeout: 15_000 }).toMatch(/^\d+/);

    const page = await session.browser.context.newPage();
    await page.goto(session.server.url('app/sniff.html'));
    await waitForHighlights(page);
    // The store knows probe A: the reader sees its mark (drawn where the page cannot look).
    await expect
      .poll(
        async () => {
          const marks = await storeMarks(page);
          return marks.related + marks.conflict;
        },
        { timeout: 15_000 },
      )
      .toBeGreaterThan(0);
    await page.screenshot({ path: join(SCREENSHOTS, 'privacy-marks.png') });

    const seen = await spy(page, [OTHER_TITLE, 'related statement', 'possible conflict', 'Capital Ledger']);
    // Only what the page itself holds is in the registry, and the three probes look alike.
    expect(
      seen.names.every((n) => PAGE_DERIVED.includes(n)),
      seen.names.join(),
    ).toBe(true);
    expect(seen.covering[0]).toEqual(seen.covering[1]);
    expect(seen.covering[1]).toEqual(seen.covering[2]);
    expect(seen.covering[0]).toContain('saywho-direct');
    // Hit-testing finds the page's own paragraphs, not Saywho's marks.
    expect(seen.hits).toEqual(['P', 'P', 'P']);
    // The host is closed, empty and of no size; the page's size is its own.
    expect(seen.hostView).toEqual({
      rect: JSON.stringify({ x: 0, y: 0, width: 0, height: 0, top: 0, right: 0, bottom: 0, left: 0 }),
      scroll: [0, 0, 0, 0],
      shadow: true,
      text: '',
      children: 0,
    });
    // The one mutation Saywho made: adding its host (before the store answered, whatever it said).
    expect(seen.records.map((r) => `${r.type}:${r.added.join()}`)).toEqual(['childList:SAYWHO-LAYER']);
    // Synthetic clicks and hovers opened no card; find() finds nothing of the other page.
    expect(await cardSnapshot(page)).toBeNull();
    expect(seen.found).toEqual([false, false, false, false]);
    expect(seen.resources).toEqual([]);

    // The reader's own click opens the card: it names the other page.
    const point = await page.evaluate(() => {
      const r = document.getElementById('probe-a')!.getBoundingClientRect();
      return { x: r.left + 30, y: r.top + 12 };
    });
    await page.mouse.click(point.x, point.y);
    await expect
      .poll(async () => (await cardSnapshot(page))?.text ?? '', { timeout: 10_000 })
      .toContain(OTHER_TITLE);
    expect((await cardSnapshot(page))?.text).toMatch(/\d+ related statements?/);
    await page.screenshot({ path: join(SCREENSHOTS, 'privacy-card.png') });
    // With the card open, the page still finds none of it.
    const open = await page.evaluate(
      (words) =>
        words.map((w) => {
          getSelection()?.removeAllRanges();
          return (window as unknown as { find(text: string): boolean }).find(w);
        }),
      [OTHER_TITLE, 'related statement', 'Capital Ledger'],
    );
    expect(open).toEqual([false, false, false]);
    const after = await spy(page, []);
    expect(after.size).toEqual(seen.size);
    expect(after.hostView).toEqual(seen.hostView);
    await Promise.all([page.close(), first.close()]);
  });
});
