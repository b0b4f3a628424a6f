/**
 * `cli eval --region`: how close the article text Saywho reads from a saved page is to the
 * reference reading (issue 14, point 2). For each of the 30 pages of test/fixtures/real-pages the
 * text `cli read` gives is compared with `article.txt` (the plain text of Readability.js's reading,
 * `expected.html`) as bags of words: precision = shared words / our words, recall = shared words /
 * reference words. Pages Saywho does not judge articles score 0 recall. Tune and check parts as
 * for extraction (test/fixtures/split.json): the check part is reported as figures only.
 *
 * Readability.js itself (@mozilla/readability, a devDependency) is run here too, on a fresh
 * `parseLikeBrowser` document of the same HTML: on the 30 pages against the same references (a
 * sanity check: the references are its own reading, made in a browser), and on the English articles
 * of the web set (test/fixtures/web-pages, which have no reference) as the yardstick Saywho's
 * article region (its text model's text, whether or not Saywho then judges the page an article) is
 * compared with, page by page, in the same bags of words. `--json` keeps its array of pages, each
 * with Readability.js's own scores added (`readability`); the web-set comparison is printed as text
 * only (an array has no room for it without changing its shape, which other tools read).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readability } from '@mozilla/readability';
import { judgeArticle } from '../utils/page/article-judge';
import { findArticleRoot } from '../utils/page/article-region';
import { buildTextModel } from '../utils/page/text-model';
import { checkNames } from './corpus';
import { parseLikeBrowser } from './dom';
import { readPage } from './read';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');
const PAGES = join(FIXTURES, 'real-pages');
const WEB_PAGES = join(FIXTURES, 'web-pages');

export interface RegionScore {
  page: string;
  part: 'tune' | 'check';
  isArticle: boolean;
  precision: number;
  recall: number;
  f1: number;
  /** Readability.js's own text, run here on the same HTML, against the same reference. */
  readability: { precision: number; recall: number; f1: number };
}

function words(text: string): Map<string, number> {
  const bag = new Map<string, number>();
  for (const m of text.toLowerCase().matchAll(/[\p{L}\p{N}]+/gu)) bag.set(m[0], (bag.get(m[0]) ?? 0) + 1);
  return bag;
}

function size(bag: Map<string, number>): number {
  let n = 0;
  for (const c of bag.values()) n += c;
  return n;
}

/** How many words (as `wordOverlap` counts them) `text` has. */
export function wordCount(text: string): number {
  return size(words(text));
}

/**
 * Readability.js's plain text of a saved page, on a fresh document built as `cli read` builds its
 * own (Readability changes the document it reads); "" when it finds no article (null).
 */
export function readabilityText(html: string): string {
  return new Readability(parseLikeBrowser(html)).parse()?.textContent ?? '';
}

/** Bag-of-words precision, recall and F1 of `ours` against `reference`. */
export function wordOverlap(
  ours: string,
  reference: string,
): { precision: number; recall: number; f1: number } {
  const a = words(ours);
  const b = words(reference);
  let shared = 0;
  for (const [w, c] of a) shared += Math.min(c, b.get(w) ?? 0);
  const precision = size(a) === 0 ? 0 : shared / size(a);
  const recall = size(b) === 0 ? 0 : shared / size(b);
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { precision, recall, f1 };
}

export function regionScores(): RegionScore[] {
  const check = checkNames().pages;
  const out: RegionScore[] = [];
  for (const page of readdirSync(PAGES, { withFileTypes: true })) {
    if (!page.isDirectory()) continue;
    const dir = join(PAGES, page.name);
    const html = readFileSync(join(dir, 'source.html'), 'utf8');
    const reading = readPage(page.name, html);
    const reference = readFileSync(join(dir, 'article.txt'), 'utf8');
    out.push({
      page: page.name,
      part: check.has(page.name) ? 'check' : 'tune',
      isArticle: reading.isArticle,
      ...wordOverlap(reading.text, reference),
      readability: wordOverlap(readabilityText(html), reference),
    });
  }
  return out.sort((x, y) => x.page.localeCompare(y.page));
}

/** The table `cli eval --region` prints: per tune page, then the mean of each part. */
export function formatRegion(scores: RegionScore[], docs: boolean): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  const lines = ['| pages | read as articles | P | R | F1 (mean) |', '|---|---:|---:|---:|---:|'];
  if (docs) {
    for (const s of scores.filter((x) => x.part === 'tune'))
      lines.push(
        `| ${s.page} | ${s.isArticle ? 'yes' : 'no'} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} |`,
      );
  }
  for (const part of ['tune', 'check'] as const) {
    const xs = scores.filter((x) => x.part === part);
    const mean = (f: (s: RegionScore) => number) => xs.reduce((a, s) => a + f(s), 0) / Math.max(1, xs.length);
    lines.push(
      `| ${part.toUpperCase()} (${xs.length}) | ${xs.filter((x) => x.isArticle).length} | ${pct(mean((s) => s.precision))} | ${pct(mean((s) => s.recall))} | ${pct(mean((s) => s.f1))} |`,
    );
  }
  return lines.join('\n');
}

/**
 * The sanity line under that table: Readability.js run here (parse5 → linkedom) against the
 * references it made in a browser, beside Saywho's F1, per part (aggregates only, as above).
 */
export function formatReadabilityCheck(scores: RegionScore[]): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  const parts = (['tune', 'check'] as const).map((part) => {
    const xs = scores.filter((x) => x.part === part);
    const mean = (f: (s: RegionScore) => number) => xs.reduce((a, s) => a + f(s), 0) / Math.max(1, xs.length);
    return `${part.toUpperCase()} (${xs.length}) F1 ${pct(mean((s) => s.readability.f1))} (P ${pct(mean((s) => s.readability.precision))}, R ${pct(mean((s) => s.readability.recall))}), Saywho ${pct(mean((s) => s.f1))}`;
  });
  return `Readability.js run here on the same DOM (parseLikeBrowser) vs article.txt: ${parts.join('; ')}`;
}

/** One web page: Saywho's article region against Readability.js's reading. */
export interface Agreement {
  page: string;
  /** Bag-of-words F1 of the two texts (symmetric). */
  f1: number;
  /** Words in the text of Saywho's article region. */
  saywhoWords: number;
  /** Words in Readability.js's `textContent` (0 when it returns null). */
  readabilityWords: number;
  /** Whether Saywho judges the page an article and reads it (a judgement on the region, not part of it). */
  read: boolean;
}

export function agreement(page: string, saywho: string, readability: string, read: boolean): Agreement {
  return {
    page,
    f1: wordOverlap(saywho, readability).f1,
    saywhoWords: wordCount(saywho),
    readabilityWords: wordCount(readability),
    read,
  };
}

export interface AgreementSummary {
  pages: number;
  /** Mean F1 over every page (a page one side reads nothing of counts 0). */
  meanF1: number;
  /** Pages both read something of, and their mean F1. */
  bothRead: number;
  meanF1BothRead: number;
  /** Readability.js finds nothing, Saywho's region has words. */
  onlySaywho: number;
  /** Saywho's region has no words, Readability.js finds something. */
  onlyReadability: number;
  /** Neither finds any words. */
  neither: number;
  /** Pages Saywho judges no article (it would not read them), whatever its region holds. */
  refused: number;
  /** The `lowest` pages of least agreement, least first (ties by name). */
  lowest: Agreement[];
}

export function summariseAgreement(rows: Agreement[], lowest = 10): AgreementSummary {
  const mean = (xs: Agreement[]) => xs.reduce((a, r) => a + r.f1, 0) / Math.max(1, xs.length);
  const both = rows.filter((r) => r.saywhoWords > 0 && r.readabilityWords > 0);
  return {
    pages: rows.length,
    meanF1: mean(rows),
    bothRead: both.length,
    meanF1BothRead: mean(both),
    onlySaywho: rows.filter((r) => r.saywhoWords > 0 && r.readabilityWords === 0).length,
    onlyReadability: rows.filter((r) => r.saywhoWords === 0 && r.readabilityWords > 0).length,
    neither: rows.filter((r) => r.saywhoWords === 0 && r.readabilityWords === 0).length,
    refused: rows.filter((r) => !r.read).length,
    lowest: [...rows].sort((a, b) => a.f1 - b.f1 || a.page.localeCompare(b.page)).slice(0, lowest),
  };
}

/**
 * Every page of the web set labelled an English article: the text of Saywho's article region
 * (`findArticleRoot`, then `buildTextModel`) against Readability.js's `textContent`.
 */
export function webAgreement(): Agreement[] {
  return englishWebArticles().map(({ page, html }) => {
    const doc = parseLikeBrowser(html);
    const root = findArticleRoot(doc);
    const read = judgeArticle(doc, root).isArticle;
    return agreement(page, buildTextModel(root).text, readabilityText(html), read);
  });
}

/** The saved HTML of the 30 news pages (test/fixtures/real-pages), by name. */
export function newsPages(): Array<{ page: string; html: string }> {
  return readdirSync(PAGES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ page: d.name, html: readFileSync(join(PAGES, d.name, 'source.html'), 'utf8') }))
    .sort((x, y) => x.page.localeCompare(y.page));
}

/** The pages of the web set labelled an English article (test/fixtures/web-pages/labels.jsonl), by name. */
export function englishWebArticles(): Array<{ page: string; html: string }> {
  return readFileSync(join(WEB_PAGES, 'labels.jsonl'), 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as { page: string; kind: string; language: string })
    .filter((l) => l.kind === 'article' && l.language === 'en')
    .map((l) => ({ page: l.page, html: readFileSync(join(WEB_PAGES, `${l.page}.html`), 'utf8') }))
    .sort((x, y) => x.page.localeCompare(y.page));
}

/** The lines `cli eval --region` prints for the web set, after the table and the sanity line. */
export function formatAgreement(summary: AgreementSummary): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  const lines = [
    `Web set (test/fixtures/web-pages, ${summary.pages} pages labelled article + en): Saywho's article region vs Readability.js's textContent, bag-of-words F1:`,
    `mean agreement ${pct(summary.meanF1)} over ${summary.pages} pages, ${pct(summary.meanF1BothRead)} over the ${summary.bothRead} where both find words; Readability.js nothing, Saywho something: ${summary.onlySaywho}; Saywho nothing, Readability.js something: ${summary.onlyReadability}; neither: ${summary.neither}; judged no article by Saywho (not read, region scored all the same): ${summary.refused}`,
    `Lowest agreement (${summary.lowest.length}):`,
    '| page | F1 | Saywho words | Readability.js words | Saywho reads it |',
    '|---|---:|---:|---:|---|',
  ];
  for (const r of summary.lowest)
    lines.push(
      `| ${r.page} | ${pct(r.f1)} | ${r.saywhoWords} | ${r.readabilityWords} | ${r.read ? 'yes' : 'no'} |`,
    );
  return lines.join('\n');
}
