/** The given-name gazetteer (utils/nlp/given-names.ts, SSA counts): lookups and what it refuses. */
import { describe, expect, it } from 'vitest';
import { givenName } from '../../utils/nlp/given-names';

describe('given names from a public gazetteer', () => {
  it.each([
    ['Marisol', 'female'],
    ['Stefania', 'female'],
    ['Desmond', 'male'],
    ['Thaddeus', 'male'],
    ['Jordan', 'either'],
    ['Kelly', null], // listed below: mostly female, but not nine in ten
  ])('%s', (word, sex) => {
    if (sex === null) expect(givenName(word)).not.toBeNull();
    else expect(givenName(word)).toBe(sex);
  });

  // not names: common words, all capitals, lower case, an organisation word
  it.each(['Ministry', 'Relations', 'NATO', 'marisol', 'Parliament'])('%s is not a given name', (word) => {
    expect(givenName(word)).toBeNull();
  });
});
