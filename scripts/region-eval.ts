/**
 * `cli eval --region`: how close the article text Saywho reads from a saved page is to the
 * reference reading (issue 14, point 2). For each of the 30 pages of test/fixtures/real-pages the
 * text `cli read` gives is compared with `article.txt` (the plain text of Readability.js's reading,
 * `expected.html`) as bags of words: precision = shared words / our words, recall = shared words /
 * reference words. Pages Saywho does not judge articles score 0 recall. Tune and check parts as
 * for extraction (test/fixtures/split.json): the check part is reported as figures only.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkNames } from './corpus';
import { readPage } from './read';

const PAGES = join(import.meta.dirname, '..', 'test', 'fixtures', 'real-pages');

export interface RegionScore {
  page: string;
  part: 'tune' | 'check';
  isArticle: boolean;
  precision: number;
  recall: number;
  f1: number;
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
    const reading = readPage(page.name, readFileSync(join(dir, 'source.html'), 'utf8'));
    const reference = readFileSync(join(dir, 'article.txt'), 'utf8');
    out.push({
      page: page.name,
      part: check.has(page.name) ? 'check' : 'tune',
      isArticle: reading.isArticle,
      ...wordOverlap(reading.text, reference),
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
