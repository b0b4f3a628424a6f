// The five seed fixture pages must keep what makes them realistic news pages (page furniture and
// varied markup, test/fixtures/pages/README.md): the end-to-end and article-region tests rely on it.
// The checks live in test/fixtures/pages/verify.mjs (also runnable as plain Node); here they run
// in the suite, and each check is shown to fail on a page that lost the thing it checks.
import { describe, expect, it } from 'vitest';
import { PAGES, type Page, readFixture, verifyPage } from './fixtures/pages/verify.mjs';

const pages = Object.keys(PAGES) as Page[];

describe('fixture news pages', () => {
  it.each(pages)('%s.html has its seed text, page furniture and markup variety', (page) => {
    const { html, seed } = readFixture(page);
    expect(verifyPage(page, html, seed)).toEqual([]);
  });

  // Each mutation removes one piece of furniture from a page; the verifier must name what is missing.
  const losses: [string, Page, (html: string) => string, RegExp][] = [
    [
      'site header',
      '000',
      (h) => h.replace(/<header class="site-header">[\s\S]*?<\/header>/, ''),
      /site <header>/,
    ],
    ['nav', '003', (h) => h.replace(/<nav\b[\s\S]*?<\/nav>/, ''), /<nav>/],
    ['headline', '002', (h) => h.replace(/<h1>[\s\S]*?<\/h1>/, ''), /exactly one <h1>/],
    ['byline', '001', (h) => h.replace(/<span class="article-header__author">[^<]*<\/span>/, ''), /byline/],
    ['figure', '000', (h) => h.replace(/<figure\b[\s\S]*?<\/figure>/g, ''), /<figure>/],
    ['ad slot', '004', (h) => h.replace(/<div class="ad-slot"[^>]*>Advertisement<\/div>/g, ''), /ad slot/],
    [
      'related links',
      '002',
      (h) => h.replace(/<aside class="related"[\s\S]*?<\/aside>/, ''),
      /aside with Related articles/,
    ],
    [
      'comments',
      '003',
      (h) => h.replace(/<section id="comments"[\s\S]*?<\/section>/, ''),
      /section#comments/,
    ],
    ['footer', '001', (h) => h.replace(/<footer\b[\s\S]*?<\/footer>/, ''), /<footer>/],
    [
      'quotes broken by inline elements',
      '000',
      (h) => h.replace(/<a href="\/video[^"]*">(“Unilaterally bombing)<\/a>/, '$1'),
      /no <a> breaking a quotation/,
    ],
    [
      'nested divs without <p>',
      '001',
      (h) => h.replace(/<div class="para__inner">/, '<p class="x"></p>$&'),
      /<p> in/,
    ],
    [
      'blockquotes',
      '002',
      (h) => h.replace(/<blockquote\b[^>]*>/g, '<p>').replace(/<\/blockquote>/g, '</p>'),
      /blockquote/,
    ],
    [
      'straight quotes',
      '004',
      (h) => h.replace(/"We feel/, '“We feel').replace(/"lives matter"/, '“lives matter”'),
      /straight-quoted/,
    ],
  ];

  it.each(losses)('fails a page that lost its %s', (_what, page, mutate, expected) => {
    const { html, seed } = readFixture(page);
    const lost = mutate(html);
    expect(lost).not.toBe(html);
    const failures = verifyPage(page, lost, seed);
    expect(
      failures.some((f) => expected.test(f)),
      failures.join('\n'),
    ).toBe(true);
  });
});
