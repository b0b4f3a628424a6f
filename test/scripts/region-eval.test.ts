// The article-region score of `cli eval --region`: bag-of-words precision and recall of the text
// Saywho reads against the reference reading.
import { describe, expect, it } from 'vitest';
import { wordOverlap } from '../../scripts/region-eval';

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
