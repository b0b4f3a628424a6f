// The article-region score of `cli eval --region`: bag-of-words precision and recall of the text
// Saywho reads against the reference reading.
import { describe, expect, it } from 'vitest';
import {
  agreement,
  formatAgreement,
  formatReadabilityCheck,
  readabilityText,
  summariseAgreement,
  wordOverlap,
} from '../../scripts/region-eval';

describe('wordOverlap', () => {
  it('scores shared words as bags, whatever their order and case', () => {
    expect(wordOverlap('The ferry sails at noon.', 'at noon the Ferry sails')).toEqual({
      precision: 1,
      recall: 1,
      f1: 1,
    });
  });

  it('counts extra text against precision and missing text against recall', () => {
    const s = wordOverlap('ferry sails Subscribe now', 'the ferry sails');
    expect(s.precision).toBeCloseTo(2 / 4);
    expect(s.recall).toBeCloseTo(2 / 3);
    expect(s.f1).toBeCloseTo((2 * 0.5 * (2 / 3)) / (0.5 + 2 / 3));
    // a repeated word counts as often as the reference has it
    expect(wordOverlap('storm storm storm', 'storm').precision).toBeCloseTo(1 / 3);
    expect(wordOverlap('', 'storm')).toEqual({ precision: 0, recall: 0, f1: 0 });
  });
});

// The web set's comparison with Readability.js: per page, the two texts' bag-of-words F1 and sizes;
// over the pages, the mean, who found nothing, and the pages of least agreement.
describe('agreement', () => {
  it('scores two texts symmetrically and counts the words of each', () => {
    const a = agreement('p', 'The ferry sails at noon. Subscribe now', 'the ferry sails at noon', true);
    const b = agreement('p', 'the ferry sails at noon', 'The ferry sails at noon. Subscribe now', true);
    expect(a.f1).toBeCloseTo((2 * (5 / 7) * 1) / (5 / 7 + 1));
    expect(b.f1).toBeCloseTo(a.f1);
    expect(a).toMatchObject({ saywhoWords: 7, readabilityWords: 5, read: true });
    expect(agreement('p', '', '', false)).toEqual({
      page: 'p',
      f1: 0,
      saywhoWords: 0,
      readabilityWords: 0,
      read: false,
    });
  });
});

describe('summariseAgreement', () => {
  const row = (page: string, f1: number, saywhoWords: number, readabilityWords: number, read = true) => ({
    page,
    f1,
    saywhoWords,
    readabilityWords,
    read,
  });
  const rows = [
    row('a', 1, 100, 100),
    row('b', 0.5, 80, 120),
    row('c', 0, 50, 0),
    row('d', 0, 0, 40, false),
    row('e', 0, 0, 0, false),
    row('f', 0.5, 60, 60),
  ];

  it('means the F1 over every page and over the pages both found words on', () => {
    const s = summariseAgreement(rows);
    expect(s.pages).toBe(6);
    expect(s.meanF1).toBeCloseTo(2 / 6);
    expect(s.bothRead).toBe(3);
    expect(s.meanF1BothRead).toBeCloseTo(2 / 3);
  });

  it('counts the pages only one side, or neither, found words on, and the pages Saywho refuses', () => {
    expect(summariseAgreement(rows)).toMatchObject({
      onlySaywho: 1,
      onlyReadability: 1,
      neither: 1,
      refused: 2,
    });
  });

  it('lists the pages of least agreement, least first, ties by name, as many as asked', () => {
    expect(summariseAgreement(rows, 4).lowest.map((r) => r.page)).toEqual(['c', 'd', 'e', 'b']);
    expect(summariseAgreement(rows).lowest).toHaveLength(6);
    expect(summariseAgreement([]).meanF1).toBe(0);
  });

  it('prints the summary and one table row per low page', () => {
    const text = formatAgreement(summariseAgreement(rows, 2));
    expect(text).toContain('mean agreement 33.3 over 6 pages, 66.7 over the 3 where both find words');
    expect(text).toContain(
      'Readability.js nothing, Saywho something: 1; Saywho nothing, Readability.js something: 1',
    );
    expect(text.split('\n').filter((l) => /^\| [a-z] \|/.test(l))).toEqual([
      '| c | 0.0 | 50 | 0 | yes |',
      '| d | 0.0 | 0 | 40 | no |',
    ]);
  });
});

describe('readabilityText', () => {
  it("gives Readability.js's article text without the page's navigation and footer, and '' for an empty page", () => {
    const p =
      'The council voted on Tuesday to reopen the old bridge to traffic after three years of repairs, a decision residents had long asked for. ';
    const html = `<html><body><nav><a href="/">Home</a> <a href="/news">News</a></nav><article><p>${p.repeat(3)}</p><p>${p.repeat(3)}</p></article><footer>Copyright Example Times</footer></body></html>`;
    const text = readabilityText(html);
    expect(wordOverlap(text, p.repeat(6)).f1).toBe(1);
    expect(text).not.toContain('Copyright');
    expect(readabilityText('<html><body></body></html>')).toBe('');
  });
});

describe('formatReadabilityCheck', () => {
  const score = (page: string, part: 'tune' | 'check', f1: number, readabilityF1: number) => ({
    page,
    part,
    isArticle: true,
    precision: f1,
    recall: f1,
    f1,
    readability: { precision: readabilityF1, recall: readabilityF1, f1: readabilityF1 },
  });

  it("prints Readability.js's mean F1 beside Saywho's, per part", () => {
    const line = formatReadabilityCheck([
      score('a', 'tune', 0.9, 1),
      score('b', 'tune', 0.8, 0.98),
      score('c', 'check', 0.7, 0.5),
    ]);
    expect(line).toContain('TUNE (2) F1 99.0 (P 99.0, R 99.0), Saywho 85.0');
    expect(line).toContain('CHECK (1) F1 50.0 (P 50.0, R 50.0), Saywho 70.0');
  });
});
