// @vitest-environment happy-dom
/**
 * Entries an older version (or a hand-edited store) left behind with a date that is none or a page
 * address that is not http(s): the archive, the speaker view and the exports still show every
 * entry, with "unknown date", and never turn such an address into a link. And the CSV the
 * archive downloads really starts with the UTF-8 byte-order mark.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArchiveApp } from '../../components/ArchiveApp';
import { useTestStore } from '../helpers/store';

const db = useTestStore('archive-integrity');
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  vi.restoreAllMocks();
  render(null, root);
  root.remove();
});

/** An entry written straight into the store, as an older version could have left it. */
async function stored(
  text: string,
  over: { savedAt?: number; pageUrl?: string; pageTitle?: string; publishedAt?: string | null } = {},
): Promise<number> {
  return db().archive.add({
    statementId: null,
    snapshot: {
      text,
      kind: 'direct',
      speaker: 'Ada Park',
      cue: 'said',
      pageUrl: over.pageUrl ?? 'https://news.example/story',
      pageTitle: over.pageTitle ?? 'A story',
      site: 'news.example',
      publishedAt: over.publishedAt ?? null,
    },
    note: '',
    tags: [],
    savedAt: over.savedAt ?? Date.UTC(2025, 8, 9, 9),
  });
}

const entries = () => [...root.querySelectorAll('.entry')];
const entry = (text: string) => entries().find((e) => e.querySelector('.entry__text')?.textContent === text)!;
const timelineItem = (text: string) =>
  [...root.querySelectorAll('.timeline__item')].find(
    (e) => e.querySelector('.entry__text')?.textContent === text,
  )!;

describe('the archive with an entry whose date is none', () => {
  it('lists and counts every entry, the bad one with "unknown date"', async () => {
    await stored('A quote saved in the year 318,857.', { savedAt: 1e16 });
    await stored('A quote saved on a real day.');
    render(<ArchiveApp db={db()} />, root);
    await vi.waitFor(() => expect(entries()).toHaveLength(2));
    expect(root.querySelector('.results-count')?.textContent).toBe('2 saved quotes');
    expect(entry('A quote saved in the year 318,857.').querySelector('.entry__meta')?.textContent).toContain(
      'saved unknown date',
    );
    expect(entry('A quote saved on a real day.').querySelector('.entry__meta')?.textContent).not.toContain(
      'unknown date',
    );
  });

  it('shows the entry in the speaker view, with "unknown date" and no machine-readable date', async () => {
    await stored('A quote saved in the year 318,857.', { savedAt: 1e16 });
    await stored('A quote published on a real day.', { publishedAt: '2025-09-09' });
    render(<ArchiveApp db={db()} speaker="Ada Park" />, root);
    await vi.waitFor(() => expect(root.querySelectorAll('.timeline__item')).toHaveLength(2));
    const bad = timelineItem('A quote saved in the year 318,857.').querySelector('.timeline__date')!;
    expect(bad.textContent).toBe('unknown date');
    expect(bad.hasAttribute('datetime')).toBe(false);
    const good = timelineItem('A quote published on a real day.').querySelector('.timeline__date')!;
    expect(good.getAttribute('datetime')).toBe('2025-09-09T00:00:00.000Z');
  });
});

describe('the archive with an entry whose page address is not http(s)', () => {
  const hostile = ['javascript:alert(1)', 'data:text/html,<b>x</b>', 'chrome://settings'];

  it('shows each such address as text, never as a link, and links the http(s) one', async () => {
    for (const [i, pageUrl] of hostile.entries()) await stored(`Hostile quote ${i}.`, { pageUrl });
    await stored('A quote from the web.');
    render(<ArchiveApp db={db()} />, root);
    await vi.waitFor(() => expect(entries()).toHaveLength(4));
    for (const [i, pageUrl] of hostile.entries()) {
      const meta = entry(`Hostile quote ${i}.`).querySelector('.entry__meta')!;
      expect(meta.querySelector('.entry__source')?.tagName).toBe('SPAN');
      expect(meta.textContent).toContain('A story');
      expect([...meta.querySelectorAll('a')].map((a) => a.getAttribute('href'))).not.toContainEqual(
        expect.stringContaining(pageUrl.slice(0, 5)),
      );
    }
    const web = entry('A quote from the web.').querySelector('.entry__source')!;
    expect(web.tagName).toBe('A');
    expect(web.getAttribute('href')).toMatch(/^https:\/\/news\.example\/story#:~:text=/);
    expect(
      [...root.querySelectorAll('a')].filter(
        (a) => !/^(https?:|archive\.html)/.test(a.getAttribute('href') ?? ''),
      ),
    ).toEqual([]);
  });

  it('shows such an address as text in the speaker view too', async () => {
    for (const [i, pageUrl] of hostile.entries())
      await stored(`Hostile quote ${i}.`, { pageUrl, pageTitle: '' });
    render(<ArchiveApp db={db()} speaker="Ada Park" />, root);
    await vi.waitFor(() => expect(root.querySelectorAll('.timeline__item')).toHaveLength(3));
    for (const [i, pageUrl] of hostile.entries()) {
      const item = timelineItem(`Hostile quote ${i}.`);
      expect(item.querySelector('.entry__meta a')).toBeNull();
      expect(item.querySelector('.entry__meta')?.textContent).toContain(pageUrl);
    }
  });
});

describe('the CSV download', () => {
  it('is a UTF-8 file that starts with the byte-order mark, non-Latin text intact', async () => {
    await stored('Η γέφυρα θα ανοίξει ξανά τον Μάιο · 橋は五月に再開します · سيعاد فتح الجسر في مايو');
    const blobs: Blob[] = [];
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      blobs.push(blob as Blob);
      return 'blob:saywho-test';
    });
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    render(<ArchiveApp db={db()} />, root);
    await vi.waitFor(() => expect(entries()).toHaveLength(1));
    [...root.querySelectorAll('button')].find((b) => b.textContent === 'CSV')!.click();
    expect(blobs).toHaveLength(1);
    expect(blobs[0]!.type).toBe('text/csv;charset=utf-8');
    const bytes = new Uint8Array(await blobs[0]!.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder().decode(bytes)).toContain(
      'Η γέφυρα θα ανοίξει ξανά τον Μάιο · 橋は五月に再開します · سيعاد فتح الجسر في مايو',
    );
  });
});
