/**
 * Scores extract() against the hand-annotated gold and asserts quality floors — on the tune part of
 * the fixed tune/check split only (scripts/corpus.ts, test/fixtures/split.json). The check part's
 * figures are printed by `cli eval` and shown in the README, never asserted here: a floor is
 * something one tunes against.
 *
 * The real pages are read twice: from their plain article.txt and from the saved HTML through the
 * extension's own article-region code (the CLI's .html path). The figures tables are printed so
 * regressions are visible in CI logs.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CorpusDoc, checkNames, loadCorpus, loadInventedNews } from '../../scripts/corpus';
import { scoreDoc } from '../../scripts/eval';
import { loadArticle } from '../../scripts/load-article';
import {
  combine,
  formatRow,
  formatTable,
  type GoldDoc,
  placeIn,
  type Score,
  score,
} from '../../scripts/score';
import { extract } from '../../utils/extract';

const FIX = join(__dirname, '..', 'fixtures');
const corpus = loadCorpus();
/** The five real pages Saywho was first developed on (all in the tune part). */
const FIRST_PAGES = ['bbc-1', 'citylab-1', 'cnn', 'herald-sun-1', 'wapo-2'];

function seedDocs(): Array<[string, string, GoldDoc]> {
  return corpus.filter((d) => d.source === 'seed').map((d) => [d.name.slice(0, 3), d.text, d.gold]);
}

function pageDocs(): Array<[string, string, GoldDoc]> {
  return corpus
    .filter((d) => d.source === 'page' && FIRST_PAGES.includes(d.name))
    .map((d) => [d.name, d.text, d.gold]);
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

describe('the tune/check split', () => {
  const check = checkNames();
  const names = (source: CorpusDoc['source'], part?: CorpusDoc['part']) =>
    corpus.filter((d) => d.source === source && (!part || d.part === part)).map((d) => d.name);

  it('is the issue’s: 10 of the 30 pages and the 8 Wikinews articles of gum-news/CHECK are check, the rest tune', () => {
    expect(names('seed', 'tune')).toHaveLength(5);
    expect(names('seed', 'check')).toEqual([]);
    expect(names('page')).toHaveLength(30);
    expect(names('page', 'check')).toEqual([
      'abcnews',
      'cbc',
      'cnn-money',
      'eonline',
      'nytimes-1',
      'politico-3',
      'rawstory',
      'slate',
      'toi',
      'wapo-3',
    ]);
    expect(names('page', 'tune')).toHaveLength(20);
    for (const name of FIRST_PAGES) expect(names('page', 'tune')).toContain(name);
    const listed = readFileSync(join(FIX, 'gum-news', 'CHECK'), 'utf8')
      .split('\n')
      .filter(Boolean)
      .sort();
    expect([...check.wikinews].sort()).toEqual(listed);
    expect(names('wikinews')).toHaveLength(24);
    expect(names('wikinews', 'check')).toEqual(listed);
    expect(names('wikinews', 'tune')).toHaveLength(16);
    // Every name in split.json is a document on disk (a typo would silently move it to tune).
    for (const name of check.pages) expect(names('page')).toContain(name);
  });

  // The invented news set (written by a helper who read no code): 15 dev, 15 check, kept out of
  // loadCorpus, every gold span where its offset says.
  it('keeps the invented news apart, halved, with valid offsets', () => {
    const fresh = loadInventedNews();
    expect(fresh).toHaveLength(30);
    expect(fresh.filter((d) => d.part === 'check').map((d) => d.name)).toEqual(
      Array.from({ length: 15 }, (_, k) => `inv-${k + 16}`),
    );
    expect(corpus.some((d) => d.source === 'invented')).toBe(false);
    for (const d of fresh)
      for (const q of d.gold.quotes) expect(d.text.slice(q.start, q.start + q.text.length)).toBe(q.text);
  });
});

/**
 * Floors on the tune part, a little below the figures of 2026-12-03 (`cli eval`): TUNE pages txt
 * F30 87.3, F80 83.4, speaker 88.1 %, indirect R80 52.6; pages html F80 79.3; wikinews F30 75.3,
 * F80 71.7, speaker 85.7 %, indirect R80 45.3. Raise them as the extractor improves. Speaker floors raised on 2026-12-03 (second session) after
 * tune speaker accuracy reached 90.5 % (pages) and 86.7 % (Wikinews); the Wikinews speaker floor
 * raised again (third speaker pass) at 91.4 %. All tune floors raised on 2026-12-04 to 3–4 points
 * below pages txt F30 94.0, F80 90.6, speaker 95.3 %, indirect 75.9; html F80 84.5; Wikinews F30
 * 87.4, F80 84.2, speaker 93.5 %, indirect 70.3. 2026-12-04: html F80 floor 81 → 86 (89.5 after the
 * article-region work). 2026-12-06: Wikinews speaker floor 90 → 94 (97.4 %).
 */
describe('extract() on the tune part', () => {
  const tune = corpus.filter((d) => d.part === 'tune');
  const scored = tune.map(scoreDoc);
  const indirect80 = (s: Score) => (100 * s.byKind.indirect.matched80) / s.byKind.indirect.gold;
  const table = (label: string, list: Array<{ name: string; score: Score }>): Score => {
    const all = combine(list.map((r) => r.score));
    console.log(
      formatTable([...list.map((r) => ({ label: r.name, score: r.score })), { label, score: all }]),
    );
    return all;
  };

  it('meets the floors on the 20 tune pages read from article.txt', () => {
    const pages = scored.filter((s) => s.doc.source === 'page');
    expect(pages).toHaveLength(20);
    const s = table(
      'TUNE pages txt',
      pages.map((p) => ({ name: `${p.doc.name} txt`, score: p.txt })),
    );
    expect(s.at30.f1).toBeGreaterThanOrEqual(91);
    expect(s.at80.f1).toBeGreaterThanOrEqual(87);
    expect(s.speakerAccuracy).toBeGreaterThanOrEqual(92);
    expect(indirect80(s)).toBeGreaterThanOrEqual(72);
  });

  it('meets the floor on the 20 tune pages read from their saved HTML', () => {
    const pages = scored.filter((s) => s.doc.source === 'page');
    const s = table(
      'TUNE pages html',
      pages.map((p) => ({ name: `${p.doc.name} html`, score: p.html as Score })),
    );
    expect(s.at80.f1).toBeGreaterThanOrEqual(86);
  });

  it('meets the floors on the 16 tune Wikinews articles', () => {
    const news = scored.filter((s) => s.doc.source === 'wikinews');
    expect(news).toHaveLength(16);
    const s = table(
      'TUNE wikinews',
      news.map((n) => ({ name: n.doc.name, score: n.txt })),
    );
    expect(s.at30.f1).toBeGreaterThanOrEqual(84);
    expect(s.at80.f1).toBeGreaterThanOrEqual(81);
    expect(s.speakerAccuracy).toBeGreaterThanOrEqual(94);
    expect(indirect80(s)).toBeGreaterThanOrEqual(67);
  });
});
