import { describe, expect, it, vi } from 'vitest';
import { captureSelection } from '../../utils/background/capture-selection';
import { parseCaptureQuery } from '../../utils/capture-query';
import { type ContentMessage, type SelectionCapture, sendingToContent } from '../../utils/messages';

const page = {
  url: 'https://news.example/story',
  canonicalUrl: null,
  title: 'Council votes on the bridge',
  site: 'News Example',
  publishedAt: '2025-05-07',
};

/** Browser calls as the background passes them in; the content script answers with `reply`. */
function browserWith(reply: () => Promise<unknown>) {
  const asked: Array<{ tabId: number; message: ContentMessage }> = [];
  const opened: Array<SelectionCapture | null> = [];
  return {
    asked,
    opened,
    effects: {
      // The browser's raw channel, typed as the background types it.
      sendToTab: sendingToContent(async (tabId: number, message: ContentMessage) => {
        asked.push({ tabId, message });
        return reply();
      }),
      // The form reads the query as capture.html does.
      openCaptureForm: vi.fn(async (query: string) => {
        opened.push(parseCaptureQuery(`?${query}`));
      }),
    },
  };
}

const tab = { id: 4, url: 'https://news.example/story#comments', title: 'Council votes - News Example' };

describe('capture by hand', () => {
  it('opens the form with the speaker prefilled when the selection overlaps a detected statement', async () => {
    const overlap: SelectionCapture = {
      text: 'reopen in May',
      speaker: 'Ada Park',
      kind: 'direct',
      cue: 'said',
      statementId: 31,
      page,
    };
    const browser = browserWith(async () => ({ ok: true, selection: overlap }));
    const opened = await captureSelection(tab, 'reopen in May', browser.effects);
    expect(browser.asked).toEqual([{ tabId: 4, message: { type: 'selection-statement' } }]);
    expect(opened).toEqual(overlap);
    expect(browser.opened).toEqual([overlap]);
  });

  it('opens the form with an empty speaker to fill in when the selection overlaps no statement', async () => {
    const loose: SelectionCapture = {
      text: 'The council met on Tuesday.',
      speaker: null,
      kind: 'direct',
      cue: null,
      statementId: null,
      page,
    };
    const browser = browserWith(async () => ({ ok: true, selection: loose }));
    await captureSelection(tab, 'The council met on Tuesday.', browser.effects);
    expect(browser.opened).toEqual([loose]);
    expect(browser.opened[0]?.speaker).toBeNull();
  });

  it("falls back to the menu's text and the tab when no content script answers", async () => {
    const browser = browserWith(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const opened = await captureSelection(tab, '  We will\n vote again. ', browser.effects);
    const expected: SelectionCapture = {
      text: 'We will vote again.',
      speaker: null,
      kind: 'direct',
      cue: null,
      statementId: null,
      page: {
        url: 'https://news.example/story',
        canonicalUrl: null,
        title: 'Council votes - News Example',
        site: 'news.example',
        publishedAt: null,
      },
    };
    expect(opened).toEqual(expected);
    expect(browser.opened).toEqual([expected]);
  });

  it("falls back to the menu's text when the page has no selection of its own (a form field) or refuses", async () => {
    for (const reply of [{ ok: true, selection: null }, { ok: false, error: 'refused' }, undefined]) {
      const browser = browserWith(async () => reply);
      const opened = await captureSelection(tab, 'typed in a box', browser.effects);
      expect(opened).toMatchObject({ text: 'typed in a box', speaker: null, statementId: null });
      expect(browser.opened).toHaveLength(1);
    }
  });

  it('opens nothing without a tab, without text, or on a page extensions may not read', async () => {
    const none = async () => {
      throw new Error('no content script');
    };
    const cases: Array<[Parameters<typeof captureSelection>[0], string | undefined]> = [
      [undefined, 'words'],
      [{ url: 'https://news.example/' }, 'words'],
      [tab, undefined],
      [tab, '   '],
      [{ id: 5, url: 'chrome://settings/', title: 'Settings' }, 'words'],
      [{ id: 6, url: 'https://chromewebstore.google.com/detail/x', title: 'Store' }, 'words'],
    ];
    for (const [t, text] of cases) {
      const browser = browserWith(none);
      expect(await captureSelection(t, text, browser.effects)).toBeNull();
      expect(browser.effects.openCaptureForm).not.toHaveBeenCalled();
    }
  });
});

describe('capture by hand: where the page really is, and private windows', () => {
  it("files the quote under the tab's real address and hostname, not the page's claims", async () => {
    const claimed: SelectionCapture = {
      text: 'We never promised any bridge at all.',
      speaker: 'Ada Park',
      kind: 'direct',
      cue: 'said',
      statementId: null,
      page: {
        url: 'https://www.nytimes.com/2025/real-story.html',
        canonicalUrl: 'https://www.nytimes.com/2025/real-story.html',
        title: 'The real story',
        site: 'The New York Times',
        publishedAt: null,
      },
    };
    const browser = browserWith(async () => ({ ok: true, selection: claimed }));
    const evil = { id: 8, url: 'https://evil.example/fake#top', title: 'Fake' };
    await captureSelection(evil, claimed.text, browser.effects);
    expect(browser.opened).toEqual([
      {
        ...claimed,
        page: { ...claimed.page, url: 'https://evil.example/fake', canonicalUrl: null, site: 'evil.example' },
      },
    ]);
  });

  it('keeps what the page declares about its own site', async () => {
    const own: SelectionCapture = {
      text: 'reopen in May',
      speaker: 'Ada Park',
      kind: 'direct',
      cue: 'said',
      statementId: 31,
      page: { ...page, canonicalUrl: 'https://www.news.example/story' },
    };
    const browser = browserWith(async () => ({ ok: true, selection: own }));
    await captureSelection(tab, own.text, browser.effects);
    expect(browser.opened).toEqual([own]);
  });

  it('opens nothing from a private window, asks nothing of its page, and tells the reader why', async () => {
    const browser = browserWith(async () => ({ ok: true, selection: null }));
    const refused: Array<[number, string]> = [];
    const effects = {
      ...browser.effects,
      refuse: async (tabId: number, reason: string) => {
        refused.push([tabId, reason]);
      },
    };
    const privateTab = { ...tab, incognito: true };
    expect(await captureSelection(privateTab, 'reopen in May', effects)).toBeNull();
    expect(browser.asked).toEqual([]);
    expect(browser.opened).toEqual([]);
    expect(refused).toEqual([[4, 'Saywho keeps nothing from private windows.']]);
  });
});
