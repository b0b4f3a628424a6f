import { describe, expect, it } from 'vitest';
import { splitSentences, tokenSpans } from '../../utils/nlp/tokenize';

const words = (text: string) => tokenSpans(text).map((t) => t.text);

function expectExactOffsets(text: string): void {
  for (const t of tokenSpans(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
}

describe('tokenize (UD/PTB conventions)', () => {
  it('splits clitics and negation as the treebanks do', () => {
    expect(words("They don't know. It's the mayor's plan; we can't, won't, cannot.")).toEqual([
      'They',
      'do',
      "n't",
      'know',
      '.',
      'It',
      "'s",
      'the',
      'mayor',
      "'s",
      'plan',
      ';',
      'we',
      'ca',
      "n't",
      ',',
      'wo',
      "n't",
      ',',
      'can',
      'not',
      '.',
    ]);
    expect(words("I'm sure they've said we'll see what you'd do.")).toEqual([
      'I',
      "'m",
      'sure',
      'they',
      "'ve",
      'said',
      'we',
      "'ll",
      'see',
      'what',
      'you',
      "'d",
      'do',
      '.',
    ]);
  });

  it('splits typographic apostrophes and quotes with exact offsets', () => {
    const text = '“We didn’t see it,” the council’s chair said. ‘Never.’';
    expect(words(text)).toEqual([
      '“',
      'We',
      'did',
      'n’t',
      'see',
      'it',
      ',',
      '”',
      'the',
      'council',
      '’s',
      'chair',
      'said',
      '.',
      '‘',
      'Never',
      '.',
      '’',
    ]);
    expectExactOffsets(text);
    const chair = tokenSpans(text).find((t) => t.text === 'chair')!;
    expect(chair.start).toBe(text.indexOf('chair'));
  });

  it('keeps abbreviations and numbers whole, splits currency and percent', () => {
    expect(words('Dr. Ruiz of the U.S. Senate paid $1,250.50 (about 3.5%) on Jan. 5 at 10:30 a.m.')).toEqual([
      'Dr.',
      'Ruiz',
      'of',
      'the',
      'U.S.',
      'Senate',
      'paid',
      '$',
      '1,250.50',
      '(',
      'about',
      '3.5',
      '%',
      ')',
      'on',
      'Jan.',
      '5',
      'at',
      '10:30',
      'a.m.',
    ]);
  });

  it('splits em dashes, en dashes and hyphenated compounds but not prefixes', () => {
    const text = 'The 41-year-old goalkeeper—a non-stop e-mail writer – left.';
    expect(words(text)).toEqual([
      'The',
      '41',
      '-',
      'year',
      '-',
      'old',
      'goalkeeper',
      '—',
      'a',
      'non-stop',
      'e-mail',
      'writer',
      '–',
      'left',
      '.',
    ]);
    expectExactOffsets(text);
  });

  it('keeps addresses whole and groups repeated marks', () => {
    expect(words('See https://example.org/a-b?c=1, or mail desk@example.com!!! Really?!')).toEqual([
      'See',
      'https://example.org/a-b?c=1',
      ',',
      'or',
      'mail',
      'desk@example.com',
      '!!!',
      'Really',
      '?!',
    ]);
  });

  it('offsets are UTF-16 indexes, also after astral characters', () => {
    const text = 'Fans 🎉 cheered — “loudly.”';
    expectExactOffsets(text);
    expect(words(text)).toEqual(['Fans', '🎉', 'cheered', '—', '“', 'loudly', '.', '”']);
  });

  it('splits sentences after final marks and closing quotes, and at line breaks', () => {
    const text =
      '“We will rebuild the bridge.” Kenyatta said. Dr. Ruiz agreed!\nHeadline without stop\nNext one.';
    const sentences = splitSentences(text, tokenSpans(text)).map((s) => s.map((t) => t.text).join(' '));
    expect(sentences).toEqual([
      '“ We will rebuild the bridge . ”',
      'Kenyatta said .',
      'Dr. Ruiz agreed !',
      'Headline without stop',
      'Next one .',
    ]);
  });

  // Completion only (no timing): some of these are a million tokens.
  it('handles adversarial 1 MB inputs in one pass without throwing', { timeout: 120_000 }, () => {
    const patterns = [
      'a'.repeat(1_000_000),
      "'".repeat(1_000_000),
      '-'.repeat(500_000) + '.'.repeat(500_000),
      'http'.repeat(250_000),
      "n't's".repeat(200_000),
      'U.S.'.repeat(250_000),
      '“a”—'.repeat(250_000),
      'x-'.repeat(500_000),
      ' .'.repeat(500_000),
      '(:'.repeat(500_000),
    ];
    for (const text of patterns) {
      const tokens = tokenSpans(text);
      expect(tokens.length).toBeGreaterThan(0);
      const last = tokens.at(-1)!;
      expect(text.slice(last.start, last.end)).toBe(last.text);
      splitSentences(text, tokens);
    }
  });
});
