/**
 * The article region on real saved news pages and on the fixture pages: the paragraphs that carry
 * quotes are kept, and nothing Saywho extracts comes from outside the article.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { extract } from '../../utils/extract';
import { findArticleRoot } from '../../utils/page/article-region';
import { buildTextModel } from '../../utils/page/text-model';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
const REAL = join(FIXTURES, 'real-pages');

function articleText(html: string): string {
  const { document } = parseHTML(html);
  return buildTextModel(findArticleRoot(document as unknown as Document)).text;
}

interface GoldQuote {
  kind: string;
  text: string;
}

describe('article region on real news pages', () => {
  // The five pages Saywho was first developed on; the other 25 of real-pages are gold for the
  // extraction figures (scripts/corpus.ts), ten of them in the check part.
  const pages = ['bbc-1', 'citylab-1', 'cnn', 'herald-sun-1', 'wapo-2'];

  it('has the five saved pages', () => {
    expect(pages).toHaveLength(5);
  });

  it.each(pages)(
    '%s: keeps every quoted passage and yields no statement from outside the article',
    (name) => {
      const text = articleText(readFileSync(join(REAL, name, 'source.html'), 'utf8'));
      const expected = readFileSync(join(REAL, name, 'article.txt'), 'utf8');
      const gold = JSON.parse(readFileSync(join(REAL, name, 'gold.json'), 'utf8')) as { quotes: GoldQuote[] };
      // Captions are not article text for Saywho (the issue says so), even where the gold annotates one.
      const { document: reference } = parseHTML(readFileSync(join(REAL, name, 'expected.html'), 'utf8'));
      const captions = Array.from(reference.querySelectorAll('figcaption'), (f) =>
        (f.textContent ?? '').replace(/\s+/g, ' '),
      );
      const missing = gold.quotes
        .filter(
          (q) => q.kind !== 'scare' && !captions.some((c) => c.includes(q.text)) && !text.includes(q.text),
        )
        .map((q) => q.text);
      expect(missing).toEqual([]);
      const outside = extract(text)
        .map((s) => s.text)
        .filter((t) => !expected.includes(t));
      expect(outside).toEqual([]);
      // Nearly all of what we keep is article text: page furniture stays out.
      const lines = text.split('\n').filter(Boolean);
      const foreign = lines.filter((l) => !expected.includes(l));
      expect(foreign.length).toBeLessThanOrEqual(Math.max(2, Math.round(lines.length * 0.15)));
    },
  );
});

describe('article region on the fixture pages', () => {
  const seeds = readdirSync(join(FIXTURES, 'seeds')).sort();
  it.each(seeds.map((s) => [s.slice(0, 3), s]))('%s.html reads as its seed article', (id, seed) => {
    const text = articleText(readFileSync(join(FIXTURES, 'pages', `${id}.html`), 'utf8'));
    const seedText = readFileSync(join(FIXTURES, 'seeds', seed), 'utf8');
    const seedLines = new Set(seedText.split('\n'));
    // Every line we read is a line of the seed (headline and byline of an article header aside)…
    const foreign = text.split('\n').filter((l) => l && !seedLines.has(l));
    expect(foreign.length).toBeLessThanOrEqual(2);
    // …and the statements found on the page are those found in the seed text.
    const fromPage = extract(text).map((s) => `${s.kind}|${s.speaker?.name ?? ''}|${s.text}`);
    const fromSeed = extract(seedText).map((s) => `${s.kind}|${s.speaker?.name ?? ''}|${s.text}`);
    expect(fromPage).toEqual(fromSeed);
  });
});

describe('article region: page hints are evidence, not verdicts', () => {
  // schema.org's articleBody given as a <meta> in <head> (some sites do) holds no text: the
  // region is found from the body, and the page is still an article
  it('ignores an articleBody mark that holds no running text', () => {
    const paragraph = (n: number) =>
      `<p>Paragraph ${n} of the report on the harbour, which reopened on Friday after a week of repairs, with crews, divers and inspectors at work.</p>`;
    const html = `<!doctype html><html lang="en"><head><title>Harbour reopens</title>
      <meta itemprop="articleBody" content="The harbour reopened on Friday."></head>
      <body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
      <article><h1>Harbour reopens</h1>${[1, 2, 3, 4, 5].map(paragraph).join('')}
      <p>“We are open again,” said Ines Duarte, the harbour master.</p></article>
      <footer>© The Coast Gazette</footer></body></html>`;
    const text = articleText(html);
    expect(text).toContain('Paragraph 5 of the report');
    expect(text).toContain('We are open again');
    expect(text).not.toContain('Home');
  });

  // class words are evidence: a layout wrapper named for the ad margins around it ("page-ad-
  // margins", "layout-with-sidebar") holds the whole story and is not furniture, while a real
  // related-links block inside it still is
  it('reads a story inside a wrapper whose class names furniture', () => {
    const paragraph = (n: number) =>
      `<p>Paragraph ${n} of the council's budget story, which was approved on Tuesday after a long debate, with cuts to parks, libraries and roads.</p>`;
    const html = `<!doctype html><html lang="en"><head><title>Budget passes</title></head>
      <body><div class="page-ad-margins"><nav><a href="/">Home</a></nav>
      <main><article><h1>Budget passes</h1>${[1, 2, 3, 4, 5, 6].map(paragraph).join('')}
      <p>“It is a fair budget,” said Omar Velez, the council treasurer, after the vote.</p></article>
      <div class="related-stories"><p>Earlier this year the council, after weeks of talks, voted on a new transit plan for the city.</p></div>
      </main></div></body></html>`;
    const text = articleText(html);
    expect(text).toContain('Paragraph 1 of the council');
    expect(text).toContain('It is a fair budget');
    expect(text).not.toContain('transit plan');
  });

  // teaser streams are known by structure: repeated siblings, each short with a headline link —
  // not by class names, which here say nothing
  const story = (n: number) =>
    `<p>Paragraph ${n} of the report on the river flood, which closed two bridges on Monday, as crews, engineers and volunteers worked through the night.</p>`;
  const teaser = (title: string) =>
    `<div class="c9"><h3><a href="/x">${title}</a></h3><p>A summary of another story on this site, two lines at most, written to make the reader click.</p></div>`;
  it('leaves out a stream of teasers inside the story block, whatever its classes', () => {
    const html = `<!doctype html><html lang="en"><head><title>Flood</title></head><body><div class="c1">
      <article><h1>River flood closes bridges</h1>${[1, 2, 3, 4, 5].map(story).join('')}
      <p>“We have never seen the water this high,” said Petra Lind, the county engineer.</p>
      ${teaser('Mayor unveils new plan for downtown parking')}${teaser('School board delays vote on later start times')}
      ${teaser('Three injured in highway crash near the airport')}${teaser('Local bakery wins national award for its rye')}
      </article></div></body></html>`;
    const text = articleText(html);
    expect(text).toContain('Paragraph 5 of the report');
    expect(text).toContain('never seen the water this high');
    expect(text).not.toContain('downtown parking');
    expect(text).not.toContain('later start times');
  });

  it('keeps a list in the story whose items are not headline links', () => {
    const html = `<!doctype html><html lang="en"><head><title>Flood</title></head><body>
      <article><h1>River flood closes bridges</h1>${[1, 2, 3, 4].map(story).join('')}
      <ul><li>The Elm Street bridge is closed until Friday.</li><li>The ferry runs every hour, <a href="/f">see the timetable</a>.</li>
      <li>Schools in the valley open two hours late.</li></ul></article></body></html>`;
    const text = articleText(html);
    expect(text).toContain('Elm Street bridge is closed');
    expect(text).toContain('ferry runs every hour');
  });

  // a story printed in two blocks (its first paragraphs, an advertisement, the rest) meets in an
  // ancestor whose other additions are small: the region takes in both blocks
  it('reads the first paragraphs of a story printed in a block of their own', () => {
    const para = (n: number) =>
      `<p>Paragraph ${n} of the story on the new stadium, which the city approved on Thursday after years of delay and two lawsuits.</p>`;
    const html = `<!doctype html><html lang="en"><head><title>Stadium</title></head><body><main>
      <article><div class="top"><h1>City approves stadium</h1></div>
      <div class="sup"><div class="b1">${[1, 2, 3, 4, 5].map(para).join('')}</div></div>
      <div class="interrupt">Advertisement</div>
      <div class="sup"><div class="b2">${Array.from({ length: 24 }, (_, i) => para(i + 6)).join('')}</div></div>
      <div class="survey">Tell us what you think.</div></article></main></body></html>`;
    const text = articleText(html);
    expect(text).toContain('Paragraph 1 of the story');
    expect(text).toContain('Paragraph 29 of the story');
  });
});
