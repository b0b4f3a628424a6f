/**
 * "Is this English news?" (issue 14, point 3): each rule of the judgement on invented pages, and
 * the article each rule must leave alone.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { judgeArticle } from '../../utils/page/article-judge';
import { findArticleRoot } from '../../utils/page/article-region';

function judge(html: string) {
  const { document } = parseHTML(html);
  const doc = document as unknown as Document;
  return judgeArticle(doc, findArticleRoot(doc));
}

const P =
  'The county board voted on Tuesday to close two branch libraries, a move that officials said would save about $400,000 a year, while residents who packed the meeting urged members to wait.';
const story = (n: number) => Array.from({ length: n }, () => `<p>${P}</p>`).join('');

describe('judgeArticle: what a page declares it is not', () => {
  it('refuses a page carrying the citation_* tags of scholarly papers (a preprint)', () => {
    const head =
      '<meta name="citation_title" content="Nucleosome spacing in urine DNA"><meta name="citation_author" content="Ana Ruiz">';
    expect(judge(`<html><head>${head}</head><body><main>${story(5)}</main></body></html>`)).toEqual({
      isArticle: false,
      reason: 'scholarly paper',
    });
    // one stray citation tag is not a paper
    expect(
      judge(
        `<html><head><meta name="citation_title" content="x"></head><body><main>${story(5)}</main></body></html>`,
      ).isArticle,
    ).toBe(true);
  });

  it('refuses Open Graph media and object pages, but not an article that embeds a video', () => {
    for (const [type, reason] of [
      ['video.other', 'video page'],
      ['music.song', 'music page'],
      ['object', 'not an article page'],
      ['profile', 'profile page'],
    ]) {
      const html = `<html><head><meta property="og:type" content="${type}"></head><body><main>${story(5)}</main></body></html>`;
      expect(judge(html), type).toEqual({ isArticle: false, reason });
    }
    const ld = JSON.stringify({ '@type': 'NewsArticle', video: { '@type': 'VideoObject' } });
    expect(
      judge(
        `<html><head><script type="application/ld+json">${ld}</script></head><body><main>${story(5)}</main></body></html>`,
      ).isArticle,
    ).toBe(true);
  });

  it('refuses a declared forum post unless the page also declares itself an article', () => {
    const forum = JSON.stringify({ '@type': 'DiscussionForumPosting', headline: 'Library closures' });
    expect(
      judge(
        `<html><head><script type="application/ld+json">${forum}</script></head><body><main>${story(5)}</main></body></html>`,
      ),
    ).toEqual({ isArticle: false, reason: 'discussion thread' });
    const both = JSON.stringify([{ '@type': 'NewsArticle' }, { '@type': 'DiscussionForumPosting' }]);
    expect(
      judge(
        `<html><head><script type="application/ld+json">${both}</script></head><body><main>${story(5)}</main></body></html>`,
      ).isArticle,
    ).toBe(true);
  });
});

describe('judgeArticle: instructions, documentation and collections a page declares', () => {
  // schema.org HowTo, Recipe, TechArticle, APIReference and CollectionPage are not news; an
  // article type declared beside them wins
  const page = (ld: unknown) =>
    `<html><head><script type="application/ld+json">${JSON.stringify(ld)}</script></head><body><main>${story(5)}</main></body></html>`;
  it('refuses a declared how-to, recipe, documentation page or section front', () => {
    for (const [type, reason] of [
      ['HowTo', 'how-to page'],
      ['Recipe', 'recipe'],
      ['TechArticle', 'documentation'],
      ['APIReference', 'documentation'],
      ['CollectionPage', 'front page or section front'],
    ])
      expect(judge(page({ '@type': type, name: 'Library closures' })), type).toEqual({
        isArticle: false,
        reason,
      });
  });
  it('reads a news article that also declares a collection it belongs to', () => {
    expect(judge(page([{ '@type': 'NewsArticle' }, { '@type': 'CollectionPage' }])).isArticle).toBe(true);
  });
});

describe('judgeArticle: what the region is built like', () => {
  it('refuses a thread of posts by five or more users, each headed by a profile link', () => {
    const posts = ['mara_k', 'jdoe', 'lib_fan', 'tomw', 'quietreader']
      .map((u) => `<div class="post"><a href="/user/${u}/">${u}</a><p>${P}</p></div>`)
      .join('');
    expect(judge(`<html><body><div class="thread">${posts}</div></body></html>`)).toEqual({
      isArticle: false,
      reason: 'discussion thread',
    });
  });

  it('reads an article that links to its two authors and to a person mentioned', () => {
    const byline = '<a href="/profile/ana-ruiz">Ana Ruiz</a> and <a href="/profile/tom-reid">Tom Reid</a>';
    expect(
      judge(`<html><body><article><p>By ${byline}</p>${story(5)}</article></body></html>`).isArticle,
    ).toBe(true);
  });

  it('refuses a paste shown line by line, but reads a live blog whose items are posts', () => {
    const lines = Array.from(
      { length: 40 },
      (_, i) => `<li><div>Line ${i}: the council met and the mayor said the vote would wait.</div></li>`,
    ).join('');
    const paste = `<html><body><div class="source"><ol class="text">${lines}</ol></div></body></html>`;
    expect(judge(paste)).toEqual({ isArticle: false, reason: 'listing' });
    const posts = Array.from({ length: 25 }, () => `<li class="post"><p>${P}</p><p>${P}</p></li>`).join('');
    expect(judge(`<html><body><ul class="live">${posts}</ul></body></html>`).isArticle).toBe(true);
  });

  it('reads a short story of one long paragraph or two, and refuses a lone short one', () => {
    expect(
      judge(
        `<html><body><article><h1>Libraries close</h1><p>${P} ${P}</p><p>${P}</p></article></body></html>`,
      ).isArticle,
    ).toBe(true);
    const long = `<p>${P} ${P} ${P}</p>`;
    expect(
      judge(`<html><body><article><h1>Libraries close</h1>${long}</article></body></html>`).isArticle,
    ).toBe(true);
    expect(judge(`<html><body><article><h1>Libraries close</h1>${story(1)}</article></body></html>`)).toEqual(
      {
        isArticle: false,
        reason: 'too little running text',
      },
    );
  });
});

describe('judgeArticle: encyclopedias', () => {
  it('refuses a page whose generator is wiki software', () => {
    const head = '<meta name="generator" content="MediaWiki 1.43.0-wmf.12">';
    expect(judge(`<html><head>${head}</head><body><main>${story(5)}</main></body></html>`)).toEqual({
      isArticle: false,
      reason: 'wiki page',
    });
    const cms = '<meta name="generator" content="WordPress 6.5">';
    expect(judge(`<html><head>${cms}</head><body><main>${story(5)}</main></body></html>`).isArticle).toBe(
      true,
    );
  });

  it('refuses a region with numbered citation marks, not an article with a footnote or two', () => {
    const cited = (n: number) =>
      Array.from(
        { length: 6 },
        (_, i) => `<p>${P}${i < n ? `<sup><a href="#cite-${i}">[${i + 1}]</a></sup>` : ''}</p>`,
      ).join('');
    expect(judge(`<html><body><main>${cited(6)}</main></body></html>`)).toEqual({
      isArticle: false,
      reason: 'reference page',
    });
    expect(judge(`<html><body><main>${cited(2)}</main></body></html>`).isArticle).toBe(true);
  });
});

describe('judgeArticle: records', () => {
  it('refuses a registry entry laid out as labelled fields, with prose in some of them', () => {
    const fields = [
      'Study type:',
      'Enrollment:',
      'Start date:',
      'Completion date:',
      'Sponsor:',
      'Phase:',
      'Ages eligible:',
      'Sexes eligible:',
      'Healthy volunteers:',
      'Sampling method:',
      'Brief summary:',
      'Locations:',
    ]
      .map((label) => `<tr><td>${label}</td><td>Observational cohort, 40 participants</td></tr>`)
      .join('');
    const html = `<html><body><main><div>${P}</div><div>${P}</div><div>${P}</div><div>${P}</div><table>${fields}</table></main></body></html>`;
    expect(judge(html)).toEqual({ isArticle: false, reason: 'record' });
  });

  it('reads a story with a short box of labelled figures', () => {
    const box = ['Last week:', 'My guess:', 'Actual:']
      .map((label) => `<div>${label}</div><div>$25 million</div>`)
      .join('');
    expect(judge(`<html><body><article>${story(6)}${box}${story(2)}</article></body></html>`).isArticle).toBe(
      true,
    );
  });
});

describe('judgeArticle: fiction', () => {
  // novels, web serials and fan fiction are divided into chapters; news is not
  const dialogue = Array.from(
    { length: 6 },
    () =>
      '<p>“We should leave before the tide turns,” said Mara, pulling her coat tighter as the wind rose over the harbour wall and the lamps went out one by one.</p>',
  ).join('');

  it('refuses a chapter of a story, by its heading or by the page title', () => {
    expect(
      judge(
        `<html><body><main><h2>CHAPTER IV.</h2>${dialogue}<h2>CHAPTER V.</h2>${dialogue}</main></body></html>`,
      ),
    ).toEqual({
      isArticle: false,
      reason: 'fiction or book chapter',
    });
    const titled = `<html><head><title>The Long Tide - Chapter 3 - harbourlights</title></head><body><main>${dialogue}</main></body></html>`;
    expect(judge(titled).reason).toBe('fiction or book chapter');
  });

  it('reads news that mentions a chapter', () => {
    const news = `<html><head><title>Retailer files for Chapter 11 bankruptcy protection</title></head><body><article><h2>Chapter 11: what it means for shoppers</h2>${story(5)}</article></body></html>`;
    expect(judge(news).isArticle).toBe(true);
  });

  // how-to guides, recipes and tutorials number their steps in headings; news does not
  it('refuses directions divided into three step headings', () => {
    const step = (n: number, what: string) =>
      `<h3>Step ${n}: ${what}</h3><p>Unscrew the four bolts that hold the cover, keeping them in a cup so none rolls away, and lift the panel straight up without bending the clips.</p>`;
    const guide = `<html><head><title>How to replace a dishwasher pump</title></head><body><article>${step(1, 'Turn off the power')}${step(2, 'Remove the cover')}${step(3, 'Lift out the pump')}</article></body></html>`;
    expect(judge(guide)).toEqual({ isArticle: false, reason: 'how-to page' });
  });
  it('reads news with one or two steps in its headings', () => {
    const news = `<html><head><title>Council takes first step on libraries</title></head><body><article><h2>Step one: the vote</h2>${story(3)}<h2>Step two: the budget</h2>${story(3)}</article></body></html>`;
    expect(judge(news).isArticle).toBe(true);
  });
});
