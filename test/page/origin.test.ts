import { describe, expect, it } from 'vitest';
import type { PageMeta } from '../../utils/domain';
import { sameSite, siteNameAgrees, trustedPageMeta } from '../../utils/page/origin';

const declared = (over: Partial<PageMeta> = {}): PageMeta => ({
  url: 'https://www.news.example/2025/story',
  canonicalUrl: null,
  title: 'A story',
  site: 'News',
  publishedAt: null,
  ...over,
});

describe('sameSite: one registrable domain (Public Suffix List), or one host where there is none', () => {
  it.each([
    ['the same host', 'https://www.news.example/a', 'https://www.news.example/b', true],
    ['a sibling host of one domain', 'https://www.news.example/a', 'https://amp.news.example/b', true],
    ['the bare domain and its www', 'https://news.example/a', 'https://www.news.example/a', true],
    ['another scheme, same domain', 'http://news.example/a', 'https://news.example/a', true],
    ['another site', 'https://evil.example/a', 'https://news.example/a', false],
    ['a look-alike ending', 'https://news.example.evil.example/', 'https://news.example/', false],
    ['a domain that contains the other', 'https://mynews.example/', 'https://news.example/', false],
    ['two sites under a multi-part suffix', 'https://a.co.uk/', 'https://b.co.uk/', false],
    ['one site under a multi-part suffix', 'https://www.bbc.co.uk/news', 'https://bbc.co.uk/x', true],
    [
      'sibling sites on a shared host (private suffix)',
      'https://a.github.io/',
      'https://b.github.io/',
      false,
    ],
    ['one site on a shared host', 'https://a.github.io/x', 'https://a.github.io/y', true],
    ['one IP address', 'http://127.0.0.1:8080/a', 'http://127.0.0.1:9090/b', true],
    ['two IP addresses', 'http://127.0.0.1/a', 'http://127.0.0.2/a', false],
    ['an IP address and a name', 'http://127.0.0.1/a', 'http://localhost/a', false],
    ['localhost twice', 'http://localhost:3000/a', 'http://localhost:4000/b', true],
    ['a single-label host and a name under it', 'http://localhost/a', 'http://news.localhost/a', false],
    ['IPv6 loopback twice', 'http://[::1]:80/a', 'http://[::1]:81/b', true],
    ['a bare public suffix and a site under it', 'https://github.io/', 'https://a.github.io/', false],
    ['not a URL', 'news', 'https://news.example/', false],
  ])('%s', (_label, a, b, same) => {
    expect(sameSite(a, b)).toBe(same);
    expect(sameSite(b, a)).toBe(same);
  });
});

describe('siteNameAgrees: the domain label spelled from the name, words whole, by initial or skipped', () => {
  it.each([
    ['The New York Times', 'https://www.nytimes.com/x'],
    ['BBC News', 'https://www.bbc.co.uk/news/x'],
    ['Financial Times', 'https://www.ft.com/content/x'],
    ['The Guardian', 'https://www.theguardian.com/x'],
    ['NBC News', 'https://www.nbcnews.com/x'],
    ['the new york times', 'https://nytimes.com/'],
    ['LE MONDE', 'https://www.lemonde.fr/'],
    ['Le Télégramme', 'https://www.letelegramme.fr/'],
    ['La Croix', 'https://www.la-croix.com/'],
    ['AT&T Newsroom', 'https://about.att.com/'],
    ['nytimes.com', 'https://www.nytimes.com/'],
    ['20 Minutes', 'https://www.20minutes.fr/'],
    ['The Capital Ledger', 'http://capitalledger.localhost:8080/000.html'],
    ['Alice writes', 'https://alice.github.io/post'],
  ])('"%s" agrees with %s', (name, url) => {
    expect(siteNameAgrees(name, url)).toBe(true);
  });

  it.each([
    ['The New York Times', 'https://nytimes-real.com/x', 'letters left over'],
    ['The New York Times', 'https://evil.example/x', 'another label'],
    ['The New York Times', 'https://nytimesx.com/', 'one letter left over'],
    ['BBC News', 'https://www.bbc-news-today.com/', 'words left over in the domain'],
    ['New York Times', 'https://ewyork.com/', 'a word is used whole or by its initial, not from its middle'],
    ['Times New York', 'https://nytimes.com/', 'words out of order'],
    ['Times', 'https://t.co/', 'a one-letter label gets no name'],
    ['', 'https://www.nytimes.com/', 'an empty name'],
    ['GitHub', 'https://alice.github.io/', 'the shared host, not the site on it'],
    ['localhost', 'http://localhost:3000/', 'a single-label host has no registrable domain'],
    ['Loopback', 'http://127.0.0.1/', 'an IP address has no registrable domain'],
    ['The New York Times', 'not a url', 'no real URL'],
  ])('"%s" does not agree with %s (%s)', (name, url) => {
    expect(siteNameAgrees(name, url)).toBe(false);
  });
});

describe('trustedPageMeta: what a page declares, checked against where it really is', () => {
  it('keeps everything a page declares about its own site', () => {
    const page = declared({
      canonicalUrl: 'https://news.example/2025/story',
      site: 'News',
      url: 'https://www.news.example/2025/story?ref=home',
    });
    expect(trustedPageMeta(page, 'https://www.news.example/2025/story?ref=home')).toEqual(page);
  });

  it('keeps a canonical on a sibling host of the same domain', () => {
    const page = declared({ canonicalUrl: 'https://www.news.example/2025/story' });
    const real = 'https://amp.news.example/2025/story';
    expect(trustedPageMeta({ ...page, url: real }, real).canonicalUrl).toBe(page.canonicalUrl);
  });

  it('drops a canonical on another site, so the page keeps its own identity', () => {
    const page = declared({
      url: 'https://evil.example/fake',
      canonicalUrl: 'https://www.nytimes.com/2025/real-story.html',
      site: 'The New York Times',
    });
    expect(trustedPageMeta(page, 'https://evil.example/fake')).toEqual({
      ...page,
      canonicalUrl: null,
      site: 'evil.example',
    });
  });

  it('drops a canonical on a sibling site under a shared public suffix', () => {
    const page = declared({ url: 'https://a.github.io/x', canonicalUrl: 'https://b.github.io/x', site: 'a' });
    expect(trustedPageMeta(page, 'https://a.github.io/x').canonicalUrl).toBeNull();
  });

  it('on an IP address or localhost, keeps a canonical only on the very same host', () => {
    const ip = 'http://127.0.0.1:8080/000.html';
    expect(
      trustedPageMeta(declared({ url: ip, canonicalUrl: 'http://news.example/x' }), ip).canonicalUrl,
    ).toBe(null);
    expect(
      trustedPageMeta(declared({ url: ip, canonicalUrl: 'http://127.0.0.1:8080/canonical' }), ip)
        .canonicalUrl,
    ).toBe('http://127.0.0.1:8080/canonical');
    const local = 'http://localhost:3000/a';
    expect(
      trustedPageMeta(declared({ url: local, canonicalUrl: 'http://other.localhost/a' }), local).canonicalUrl,
    ).toBeNull();
    expect(
      trustedPageMeta(declared({ url: local, canonicalUrl: 'http://localhost:3000/b' }), local).canonicalUrl,
    ).toBe('http://localhost:3000/b');
  });

  it('replaces a declared URL on another origin by the real one', () => {
    const page = declared({ url: 'https://www.nytimes.com/2025/real-story.html', site: 'evil.example' });
    expect(trustedPageMeta(page, 'https://evil.example/fake').url).toBe('https://evil.example/fake');
    // Same site but another origin (scheme or host) is not the page either.
    expect(trustedPageMeta(declared(), 'https://amp.news.example/2025/story').url).toBe(
      'https://amp.news.example/2025/story',
    );
  });

  it('keeps a declared URL of the same origin (a page moves within its origin with history.pushState)', () => {
    const page = declared({ url: 'https://www.news.example/2025/next-story' });
    expect(trustedPageMeta(page, 'https://www.news.example/2025/story').url).toBe(page.url);
  });

  it('labels a page whose site name does not agree with its domain by its real hostname', () => {
    const page = declared({ url: 'https://nytimes-real.com/x', site: 'The New York Times' });
    expect(trustedPageMeta(page, 'https://nytimes-real.com/x').site).toBe('nytimes-real.com');
    const agreeing = declared({ url: 'https://www.nytimes.com/x', site: 'The New York Times' });
    expect(trustedPageMeta(agreeing, 'https://www.nytimes.com/x').site).toBe('The New York Times');
  });

  it('keeps a site label that is the real hostname, also on an IP address', () => {
    const ip = 'http://127.0.0.1:8080/a';
    expect(trustedPageMeta(declared({ url: ip, site: '127.0.0.1' }), ip).site).toBe('127.0.0.1');
    expect(trustedPageMeta(declared({ url: ip, site: 'The Capital Ledger' }), ip).site).toBe('127.0.0.1');
  });

  it('leaves the title and the publication date as the page gives them', () => {
    const page = declared({ title: 'Anything at all', publishedAt: '2025-09-15' });
    const trusted = trustedPageMeta(page, 'https://evil.example/');
    expect(trusted.title).toBe('Anything at all');
    expect(trusted.publishedAt).toBe('2025-09-15');
  });
});
