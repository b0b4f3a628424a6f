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

describe('hashKey', () => {
  // Stored keys depend on it: its digits must be exactly what the engine's base-36 text of the
  // same 53-bit hash was (cyrb53, zero-padded to 11), as every key stored before was written.
  function cyrb53Text(text: string): string {
    let h1 = 0xdeadbeef;
    let h2 = 0x41c6ce57;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      h1 = Math.imul(h1 ^ ch, 2654435761);
      h2 = Math.imul(h2 ^ ch, 1597334677);
    }
    h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
    h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
    return (4294967296 * (2097151 & h2) + (h1 >>> 0)).toString(36).padStart(11, '0');
  }

  it('writes the same 11 base-36 digits as before, for any text', () => {
    const texts = ['', 'a', 'p:qatar warn', '3:4294967295:17', 'Zürich – “quoted”'];
    for (let i = 0; i < 20_000; i++) texts.push(`k${i} ${(i * 2654435761) % 1000003}`);
    for (const t of texts) expect(hashKey(t)).toBe(cyrb53Text(t));
    expect(hashKey('harbour')).toMatch(/^[0-9a-z]{11}$/);
  });
});
