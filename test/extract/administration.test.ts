import { describe, expect, it } from 'vitest';
import { extract } from '../../utils/extract';

const speakerOf = (paragraphs: string[], text: string) =>
  extract(paragraphs.join('\n')).find((s) => s.text.includes(text))?.speaker?.name ?? null;

describe('“the administration” as a speaker', () => {
  it('is the administration of the president the article names', () => {
    const article = [
      'President Maria Lopez met grain farmers in Ohio on Monday.',
      'The administration said that it would not raise tariffs on grain this year.',
    ];
    expect(speakerOf(article, 'raise tariffs')).toBe('Lopez administration');
  });

  it('is the administration named earlier, when the article names one', () => {
    const article = [
      'President Maria Lopez met grain farmers in Ohio on Monday.',
      'The Harmon administration had promised the same in 2019.',
      'The administration said that it would not raise tariffs on grain this year.',
    ];
    expect(speakerOf(article, 'raise tariffs')).toBe('Harmon administration');
  });

  it('is not named after a vice president, nor guessed when no president is named', () => {
    const article = [
      'Vice President Tom Hale visited a steel plant in Gary.',
      'The administration said that it would not raise tariffs on grain this year.',
    ];
    expect(speakerOf(article, 'raise tariffs')).toBe('administration');
  });
});
