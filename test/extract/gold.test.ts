/**
 * Scores extract() against the hand-annotated gold (seeds and five real news pages) and asserts
 * the quality floors. The real pages are read twice: from their plain article.txt and from the
 * saved HTML through the extension's own article-region code (the CLI's .html path). The figures
 * table is printed so regressions are visible in CI logs.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadArticle } from '../../scripts/load-article';
import { extract } from '../../utils/extract';
import { combine, formatRow, type GoldDoc, placeIn, type Score, score } from '../../utils/extract/score';

const FIX = join(__dirname, '..', 'fixtures');

function seedDocs(): Array<[string, string, GoldDoc]> {
  const dir = join(FIX, 'seeds');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((f) => [
      f.slice(0, 3),
      readFileSync(join(dir, f), 'utf8'),
      JSON.parse(readFileSync(join(FIX, 'gold', f.replace(/\.txt$/, '.json')), 'utf8')) as GoldDoc,
    ]);
}

function pageDocs(): Array<[string, string, GoldDoc]> {
  const dir = join(FIX, 'real-pages');
  return readdirSync(dir)
    .filter((d) => statSync(join(dir, d)).isDirectory())
    .sort()
    .map((d) => [
      d,
      readFileSync(join(dir, d, 'article.txt'), 'utf8'),
      JSON.parse(readFileSync(join(dir, d, 'gold.json'), 'utf8')) as GoldDoc,
    ]);
}

function run(docs: Array<[string, string, GoldDoc]>, label: string): Score {
  const rows: string[] = [];
  const scores: Score[] = [];
  for (const [name, text, gold] of docs) {
    const pred = extract(text);
    for (const s of pred) expect(text.slice(s.start, s.end)).toBe(s.text);
    const sc = score(gold, pred, text);
    scores.push(sc);
    rows.push(formatRow(name, sc));
  }
  const all = combine(scores);
  rows.push(formatRow(label, all));
  console.log(rows.join('\n'));
  return all;
}

describe('extract() against gold', () => {
  it('meets the floors on the seed gold', () => {
    const docs = seedDocs();
    expect(docs.length).toBe(5);
    const s = run(docs, 'SEEDS');
    expect(s.at80.f1).toBeGreaterThanOrEqual(95);
    expect(s.speakerAccuracy).toBeGreaterThanOrEqual(95);
    const ind = s.byKind.indirect;
    expect((100 * ind.matched80) / ind.gold).toBeGreaterThanOrEqual(85);
  });

  it('meets the floor on the real pages', () => {
    const docs = pageDocs();
    expect(docs.length).toBe(5);
    const s = run(docs, 'PAGES');
    expect(s.at80.f1).toBeGreaterThanOrEqual(90);
  });

  it('meets the floor on the real pages read from their saved HTML, with nothing from outside the article', () => {
    const dir = join(FIX, 'real-pages');
    const docs = pageDocs();
    expect(docs.length).toBe(5);
    const rows: string[] = [];
    const scores: Score[] = [];
    for (const [name, text, gold] of docs) {
      const html = loadArticle(join(dir, name, 'source.html'));
      const pred = extract(html.text);
      expect(pred.length).toBeGreaterThan(0);
      for (const s of pred) expect(html.text.slice(s.start, s.end)).toBe(s.text);
      // Every statement read from the page is words of the article itself (not a caption, a
      // related-article link, a comment or other page furniture).
      const outside = pred.map((s) => s.text).filter((t) => !text.includes(t));
      expect(outside, name).toEqual([]);
      // Scored in the article text's own offsets, where the gold is.
      const sc = score(gold, placeIn(text, pred), text);
      scores.push(sc);
      rows.push(formatRow(`${name} html`, sc));
    }
    const all = combine(scores);
    rows.push(formatRow('PAGES html', all));
    console.log(rows.join('\n'));
    expect(all.at80.f1).toBeGreaterThanOrEqual(90);
  });
});
