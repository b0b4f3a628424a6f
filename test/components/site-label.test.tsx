// @vitest-environment happy-dom
/**
 * A site's name is what a page declares about itself: wherever Saywho shows it, the real hostname
 * (from the stored address) stands beside it, so a name alone never vouches for a source.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArchiveApp } from '../../components/ArchiveApp';
import { siteLabel } from '../../components/format';
import { PopupApp } from '../../components/PopupApp';
import { StatementCard } from '../../components/StatementCard';
import type { StatementPayload } from '../../utils/domain';
import { ingestPage } from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('site-label');
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('siteLabel', () => {
  it.each([
    ['The New York Times', 'https://www.nytimes.com/2025/x.html', 'The New York Times · nytimes.com'],
    ['BBC News', 'https://www.bbc.co.uk/news/x', 'BBC News · bbc.co.uk'],
    ['News', 'https://amp.news.example/x', 'News · amp.news.example'],
    ['nytimes.com', 'https://www.nytimes.com/x', 'nytimes.com'],
    ['www.nytimes.com', 'https://www.nytimes.com/x', 'nytimes.com'],
    ['NEWS.EXAMPLE', 'https://news.example/x', 'news.example'],
    ['', 'https://news.example/x', 'news.example'],
    ['  ', 'http://127.0.0.1:8080/x', '127.0.0.1'],
  ])('"%s" at %s reads "%s"', (site, url, label) => {
    expect(siteLabel(site, url)).toBe(label);
  });

  it('shows the name alone when the address has no hostname to show', () => {
    expect(siteLabel('Old import', 'javascript:alert(1)')).toBe('Old import');
    expect(siteLabel('Old import', 'not a url')).toBe('Old import');
  });
});

function statement(text: string, speaker: string, start = 0): StatementPayload {
  return {
    text,
    kind: 'direct',
    start,
    end: start + text.length,
    speaker: { name: speaker, mention: speaker.split(' ').pop()!, mentionStart: -1 },
    cue: 'said',
    continues: null,
    prefix: '',
    suffix: '',
  };
}

const QUOTE = 'We were never told about the raid before it happened, and we condemn it.';

describe('the popup', () => {
  it('shows the hostname beside the site name of a related statement and of the page itself', async () => {
    const page = (url: string, site: string) => ({
      url,
      canonicalUrl: null,
      title: `Title of ${url}`,
      site,
      publishedAt: null,
    });
    await ingestPage(db(), {
      page: page('https://www.daily.example/a', 'The Daily'),
      statements: [statement(QUOTE, 'Ada Park')],
    });
    await ingestPage(db(), {
      page: page('https://two.example/b', 'Two'),
      statements: [statement(QUOTE, 'Ben Ode')],
    });
    render(<PopupApp db={db()} pageUrl="https://two.example/b" archiveUrl="archive.html" />, root);
    await vi.waitFor(() => expect(root.querySelector('.related__site')).not.toBeNull());
    expect(root.querySelector('.related__site')?.textContent).toBe('The Daily · daily.example');
    expect(root.querySelector('.page-head__site')?.textContent).toBe('Two · two.example');
  });
});

describe('the in-page card', () => {
  it('shows the hostname beside the site name of the strongest relation', () => {
    const noop = vi.fn();
    render(
      <StatementCard
        statement={{ text: QUOTE, kind: 'direct', speaker: 'Ben Ode', mention: 'Ode', cue: 'said' }}
        summary={{
          statementId: 7,
          related: 0,
          conflicts: 1,
          saved: false,
          strongest: {
            type: 'misattribution',
            conflict: true,
            reason: 'the same words, another speaker',
            otherSpeaker: 'Ada Park',
            otherTitle: 'The raid',
            otherSite: 'The New York Times',
            otherUrl: 'https://nytimes-real.example/raid',
          },
        }}
        status={{ saving: false, error: null }}
        onSave={noop}
        onOpenView={noop}
        onClose={noop}
      />,
      root,
    );
    expect(root.querySelector('.card__strongest')?.textContent).toContain(
      'The raid · The New York Times · nytimes-real.example',
    );
  });
});

describe('the archive and the speaker view', () => {
  beforeEach(async () => {
    await db().archive.add({
      statementId: null,
      snapshot: {
        text: QUOTE,
        kind: 'direct',
        speaker: 'Ada Park',
        cue: 'said',
        pageUrl: 'https://www.daily.example/a',
        pageTitle: 'The raid',
        site: 'The Daily',
        publishedAt: null,
      },
      note: '',
      tags: [],
      savedAt: Date.UTC(2025, 8, 9, 9),
    });
  });

  it('shows the hostname beside the site name of a saved quote', async () => {
    render(<ArchiveApp db={db()} />, root);
    await vi.waitFor(() => expect(root.querySelector('.entry__site')).not.toBeNull());
    expect(root.querySelector('.entry__site')?.textContent).toBe(' · The Daily · daily.example');
  });

  it("shows it in a speaker's timeline too", async () => {
    render(<ArchiveApp db={db()} speaker="Ada Park" />, root);
    await vi.waitFor(() => expect(root.querySelector('.timeline__item')).not.toBeNull());
    expect(root.querySelector('.timeline__item .entry__meta')?.textContent).toContain(
      'The Daily · daily.example',
    );
  });
});
