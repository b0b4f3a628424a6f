// @vitest-environment happy-dom
/**
 * The popup saves statements of the tab's page itself when auto-collect is off: the page's claims
 * about itself are checked against the tab's real address first; and from a private window's tab
 * it keeps nothing.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PopupApp } from '../../components/PopupApp';
import type { PageStatementsReply } from '../../utils/messages';
import { useTestStore } from '../helpers/store';

const db = useTestStore('popup-trust');
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const $$ = (sel: string) => [...root.querySelectorAll(sel)];

/** What a hostile page's content script reports: another site's address, canonical and name. */
const claimed: PageStatementsReply = {
  ok: true,
  page: {
    url: 'https://www.nytimes.com/2025/real-story.html',
    canonicalUrl: 'https://www.nytimes.com/2025/real-story.html',
    title: 'The real story',
    site: 'The New York Times',
    publishedAt: null,
  },
  statements: [
    { text: 'We never promised any bridge at all.', kind: 'direct', speaker: 'Ada Park', cue: 'said' },
  ],
};

async function saveFirst(): Promise<void> {
  const item = $$('.statement')[0]!;
  [...item.querySelectorAll('button')].find((b) => b.textContent === 'Save to archive')!.click();
  await vi.waitFor(() => expect(item.querySelector('.saved')?.textContent).toBe('Saved to archive'));
}

describe('PopupApp: the page where it really is', () => {
  it("saves a detected statement under the tab's real address and hostname", async () => {
    render(
      <PopupApp
        db={db()}
        pageUrl="https://evil.example/fake"
        archiveUrl="archive.html"
        autoCollect={false}
        detected={claimed}
      />,
      root,
    );
    await vi.waitFor(() => expect($$('.statement')).toHaveLength(1));
    await saveFirst();
    const [entry] = await db().archive.toArray();
    expect(entry?.snapshot).toMatchObject({ pageUrl: 'https://evil.example/fake', site: 'evil.example' });
  });
});

describe('PopupApp in a private window', () => {
  it('says Saywho keeps nothing from private windows, and offers nothing to save', async () => {
    render(
      <PopupApp
        db={db()}
        pageUrl="https://news.example/story"
        archiveUrl="archive.html"
        autoCollect={false}
        detected={{
          ...claimed,
          page: { ...claimed.page!, url: 'https://news.example/story', canonicalUrl: null },
        }}
        privateWindow
      />,
      root,
    );
    await vi.waitFor(() => expect(root.querySelector('[data-state="private"]')).not.toBeNull());
    expect(root.querySelector('[data-state="private"]')?.textContent).toContain(
      'Saywho keeps nothing from private windows.',
    );
    expect($$('.statement')).toHaveLength(0);
    expect([...root.querySelectorAll('button')].map((b) => b.textContent)).not.toContain('Save to archive');
  });
});
