import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { looksLikeArticle } from '../../utils/page/article-judge';
import { findArticleRoot } from '../../utils/page/article-region';

function judge(html: string): boolean {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  return looksLikeArticle(doc, findArticleRoot(doc));
}

const sentence =
  'The committee met for six hours on Thursday, and members said the proposal, which would cut bus routes, was far from settled.';

describe('looksLikeArticle', () => {
  it('accepts the fixture news pages and the saved real pages', () => {
    const fixtures = join(import.meta.dirname, '..', 'fixtures');
    for (const id of ['000', '001', '002', '003', '004']) {
      expect(judge(readFileSync(join(fixtures, 'pages', `${id}.html`), 'utf8')), id).toBe(true);
    }
    for (const name of ['bbc-1', 'citylab-1', 'cnn', 'herald-sun-1', 'wapo-2']) {
      expect(judge(readFileSync(join(fixtures, 'real-pages', name, 'source.html'), 'utf8')), name).toBe(true);
    }
  });

  it('rejects the fixture search results, web-mail inbox and product pages (no metadata to go by)', () => {
    const app = join(import.meta.dirname, '..', 'fixtures', 'pages', 'app');
    for (const name of ['search', 'inbox', 'product']) {
      const html = readFileSync(join(app, `${name}.html`), 'utf8');
      expect(html, name).not.toMatch(/og:type|application\/ld\+json/);
      expect(judge(html), name).toBe(false);
    }
  });

  it('rejects a search results page', () => {
    const results = Array.from(
      { length: 10 },
      (_, i) =>
        `<li class="result"><a href="/r${i}">Result ${i}: bus routes</a><div class="snippet">Bus routes in the city, timetables and “fares”, said the site…</div></li>`,
    ).join('');
    expect(judge(`<html><body><form><input name="q"></form><ol>${results}</ol></body></html>`)).toBe(false);
  });

  it('rejects a web mail inbox', () => {
    const rows = Array.from(
      { length: 30 },
      (_, i) =>
        `<tr><td><a href="#m${i}">Alex</a></td><td><a href="#m${i}">Re: meeting “tomorrow”, she said</a></td><td>10:${i}</td></tr>`,
    ).join('');
    expect(judge(`<html><body><table>${rows}</table></body></html>`)).toBe(false);
  });

  it('rejects a product page even with a long description', () => {
    const html = `<html><head><meta property="og:type" content="product"></head><body><main><h1>Kettle</h1>
      <p>${sentence}</p><p>${sentence}</p><p>${sentence}</p><p>${sentence}</p></main></body></html>`;
    expect(judge(html)).toBe(false);
  });

  it('accepts a plain article without metadata', () => {
    expect(
      judge(
        `<html><body><div><p>${sentence}</p><p>${sentence}</p><p>${sentence}</p><p>${sentence}</p><p>${sentence}</p><p>${sentence}</p></div></body></html>`,
      ),
    ).toBe(true);
  });
});
