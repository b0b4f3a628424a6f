/**
 * The extraction gold in test/fixtures and its fixed tune/check split (issue 13, point 4), for
 * `cli eval` and the tests: one place that says which document is in which part.
 *
 * - seeds: `seeds/<doc>.txt` with `gold/<doc>.json` (5 invented-source articles), all tune.
 * - pages: `real-pages/<page>/` — `article.txt`, `gold.json`, `source.html` (the saved page) and
 *   `expected.html` (Readability's reading of it); 30 pages, 10 of them check.
 * - wikinews: `gum-news/<doc>/` — `article.txt`, `gold.json`; 24 Wikinews articles from GUM, 8 check.
 *
 * The check lists are in `test/fixtures/split.json`; every other document is tune. Tune on the
 * tune part; on the check part look only at figures.
 *
 * - invented news: `invented-news/<doc>/` — 30 articles invented for the project and annotated by
 *   a helper who read no code of the extractor (2026-12-06, nineteenth session), split in
 *   `invented-news/split.json` (dev 15 → tune, check 15). Read by `loadInventedNews`, apart from
 *   `loadCorpus`, so that the figures of the older sets stay comparable across sessions.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GoldDoc, GoldQuote } from './score';

export const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');

export type Part = 'tune' | 'check';
export type Source = 'seed' | 'page' | 'wikinews' | 'invented';

export interface CorpusDoc {
  /** File stem for a seed (`000_f9c8db96b910917a`), folder name for a page or a Wikinews article. */
  name: string;
  source: Source;
  part: Part;
  /** The annotated text (seed or `article.txt`); gold offsets are UTF-16 offsets into it. */
  text: string;
  gold: GoldDoc;
  /** The saved page (`source.html`), for pages only. */
  html?: string;
}

interface SplitFile {
  check: { 'real-pages': string[]; 'gum-news': string[] };
}

/** The check part's document names, by folder. */
export function checkNames(): { pages: ReadonlySet<string>; wikinews: ReadonlySet<string> } {
  const split = JSON.parse(readFileSync(join(FIXTURES, 'split.json'), 'utf8')) as SplitFile;
  return { pages: new Set(split.check['real-pages']), wikinews: new Set(split.check['gum-news']) };
}

/**
 * Reads a gold file. Five Wikinews direct quotes whose marks are malformed in the source are typed
 * `indirect` there so that the corpus checker passes; their note begins "SOURCE DEFECT" and the
 * corpus notes say to treat them as direct, so they are scored as direct.
 */
export function readGold(file: string): GoldDoc {
  const gold = JSON.parse(readFileSync(file, 'utf8')) as GoldDoc;
  return {
    ...gold,
    quotes: gold.quotes.map(
      (q): GoldQuote => (q.note?.startsWith('SOURCE DEFECT') ? { ...q, kind: 'direct' } : q),
    ),
  };
}

function folders(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(dir, d.name, 'gold.json')))
    .map((d) => d.name)
    .sort();
}

/** Every gold document, seeds first, then pages, then Wikinews, each in name order. */
export function loadCorpus(): CorpusDoc[] {
  const check = checkNames();
  const docs: CorpusDoc[] = [];
  for (const file of readdirSync(join(FIXTURES, 'seeds'))
    .filter((f) => f.endsWith('.txt'))
    .sort()) {
    const name = file.replace(/\.txt$/, '');
    docs.push({
      name,
      source: 'seed',
      part: 'tune',
      text: readFileSync(join(FIXTURES, 'seeds', file), 'utf8'),
      gold: readGold(join(FIXTURES, 'gold', `${name}.json`)),
    });
  }
  const pagesDir = join(FIXTURES, 'real-pages');
  for (const name of folders(pagesDir)) {
    docs.push({
      name,
      source: 'page',
      part: check.pages.has(name) ? 'check' : 'tune',
      text: readFileSync(join(pagesDir, name, 'article.txt'), 'utf8'),
      gold: readGold(join(pagesDir, name, 'gold.json')),
      html: join(pagesDir, name, 'source.html'),
    });
  }
  const newsDir = join(FIXTURES, 'gum-news');
  for (const name of folders(newsDir)) {
    docs.push({
      name,
      source: 'wikinews',
      part: check.wikinews.has(name) ? 'check' : 'tune',
      text: readFileSync(join(newsDir, name, 'article.txt'), 'utf8'),
      gold: readGold(join(newsDir, name, 'gold.json')),
    });
  }
  return docs;
}

/** The invented news articles (`invented-news/`), dev as tune and check as check, in name order. */
export function loadInventedNews(): CorpusDoc[] {
  const dir = join(FIXTURES, 'invented-news');
  const split = JSON.parse(readFileSync(join(dir, 'split.json'), 'utf8')) as { check: string[] };
  const check = new Set(split.check);
  return folders(dir).map((name) => ({
    name,
    source: 'invented' as const,
    part: check.has(name) ? ('check' as const) : ('tune' as const),
    text: readFileSync(join(dir, name, 'article.txt'), 'utf8'),
    gold: readGold(join(dir, name, 'gold.json')),
  }));
}
