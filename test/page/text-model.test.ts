// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findArticleRoot } from '../../utils/page/article-region';
import { readPageMeta } from '../../utils/page/meta';
import { buildTextModel, rangeFor } from '../../utils/page/text-model';

const PAGE = `
<header class="site-header"><a href="/">The Daily Example</a><nav><a href="/world">World</a> <a href="/politics">Politics</a></nav></header>
<main>
  <div class="story">
    <h1>Bridge to reopen by spring, mayor says</h1>
    <div class="byline">By A. Writer</div>
    <p>The mayor spoke on   Tuesday.\u00a0She was brief.</p>
    <p>“We will <a href="/bridge">rebuild the</a> bridge <em>by spring</em>,” said <span class="name">Ada Park</span>, the city’s mayor.</p>
    <figure><div class="img"></div><figcaption>The old bridge, in 1990. (Photo: Archive)</figcaption></figure>
    <div class="ad-slot">Advertisement</div>
    <p>Critics, including council member Tom Lee, said the plan, costly as it is, would take longer, and that the city has no money.</p>
    <div hidden>Sign up for our newsletter, “it’s free,” we say.</div>
    <p class="promo"><a href="/more">READ MORE: Bridges of the region</a></p>
  </div>
  <aside class="related"><h2>Related</h2><a href="/x">Mayor says “no” to tolls</a></aside>
  <section id="comments"><p>Reader: as Park said, “we will see.”</p></section>
</main>
<footer>© Example</footer>`;

beforeEach(() => {
  document.head.innerHTML =
    '<title>Bridge | Example</title><link rel="canonical" href="/news/bridge"><meta property="og:site_name" content="The Daily Example"><meta property="article:published_time" content="2026-03-01T10:00:00Z">';
  document.body.innerHTML = PAGE;
});

describe('findArticleRoot + buildTextModel', () => {
  it('keeps the article paragraphs, one per line, and nothing from nav, captions, ads, hidden text, promos, asides or comments', () => {
    const root = findArticleRoot(document);
    const model = buildTextModel(root);
    expect(model.text).toBe(
      [
        'Bridge to reopen by spring, mayor says',
        'The mayor spoke on Tuesday. She was brief.',
        '“We will rebuild the bridge by spring,” said Ada Park, the city’s mayor.',
        'Critics, including council member Tom Lee, said the plan, costly as it is, would take longer, and that the city has no money.',
        '',
      ].join('\n'),
    );
  });

  it('maps text offsets back to DOM ranges across inline elements', () => {
    const model = buildTextModel(findArticleRoot(document));
    const quote = 'We will rebuild the bridge by spring,';
    const start = model.text.indexOf(quote);
    const range = rangeFor(model, start, start + quote.length, document);
    expect(range?.toString()).toBe(quote);
    const collapsed = model.text.indexOf('on Tuesday');
    expect(rangeFor(model, collapsed, collapsed + 'on Tuesday'.length, document)?.toString()).toBe(
      'on   Tuesday',
    );
    expect(rangeFor(model, 5, 5, document)).toBeNull();
  });
});

describe('readPageMeta', () => {
  it('reads canonical URL, site, title and date', () => {
    expect(readPageMeta(document, 'https://daily.example/news/bridge?ref=home')).toEqual({
      url: 'https://daily.example/news/bridge?ref=home',
      canonicalUrl: 'https://daily.example/news/bridge',
      title: 'Bridge to reopen by spring, mayor says',
      site: 'The Daily Example',
      publishedAt: '2026-03-01T10:00:00Z',
    });
  });
});
