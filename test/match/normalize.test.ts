import { describe, expect, it } from 'vitest';
import { exactKey, hashKey, normalizeText, words } from '../../utils/match/normalize';

describe('normalizeText', () => {
  it('lowercases, drops punctuation and quote style, collapses whitespace', () => {
    expect(normalizeText('“Unilaterally bombing inside Qatar, a Sovereign Nation…”')).toBe(
      'unilaterally bombing inside qatar a sovereign nation',
    );
    expect(normalizeText("It didn't   fail —\tat all!")).toBe('it didnt fail at all');
    expect(normalizeText('It didn’t fail')).toBe(normalizeText("It didn't fail"));
  });

  it('removes accents and soft hyphens without splitting words', () => {
    expect(normalizeText('Netan\u00adyahu met Zelenskyy in Zürich')).toBe(
      'netanyahu met zelenskyy in zurich',
    );
  });

  it('gives nothing for text without words', () => {
    expect(normalizeText(' “…” — ')).toBe('');
    expect(words('!!')).toEqual([]);
  });
});

describe('exactKey', () => {
  it('is equal for printings that differ only in case and punctuation, different otherwise', () => {
    expect(exactKey('We will not be party to this, he said.')).toBe(
      exactKey('we will not be party to this he said'),
    );
    expect(exactKey('We will not be party to this')).not.toBe(exactKey('We will be party to this'));
  });

  it('hashes to a fixed-width string', () => {
    expect(hashKey('a')).toHaveLength(11);
    expect(hashKey('')).toHaveLength(11);
    expect(hashKey('a')).not.toBe(hashKey('b'));
  });
});
