/**
 * Properties of extraction over generated text: it never throws, every offset is in bounds and
 * points at the statement's own text, segments never overlap, and `continues` points backwards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../../utils/extract';

/** News-like pieces, quote marks of every kind, and noise, glued together at random. */
const piece = fc.oneof(
  fc.constantFrom(
    '“',
    '”',
    '"',
    "'",
    '‘',
    '’',
    '««',
    '—',
    ', said ',
    ' said ',
    ' told reporters ',
    'according to ',
    ' he added.',
    'The minister',
    'Ada Park',
    'a senior official',
    ' that ',
    '. ',
    ': ',
    '\n',
    '\n\n',
    'We will not back down',
    'It was a mistake',
  ),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 6 }),
);
const name = fc.constantFrom('Ada Park', 'the minister', 'a senior official', 'he', 'Tom Lee', 'Reuters');
const words = fc.constantFrom('We will not back down', 'It was a mistake', 'Nothing has changed', 'x');
/** Quote-shaped sentences, so that the properties are checked on real statements too. */
const sentence = fc.oneof(
  fc.tuple(words, name).map(([w, n]) => `“${w},” said ${n}.`),
  fc.tuple(name, words).map(([n, w]) => `${n} said "${w}".`),
  fc.tuple(name, words).map(([n, w]) => `${n} told reporters that ${w.toLowerCase()}.`),
  fc.tuple(words, name).map(([w, n]) => `According to ${n}, ${w.toLowerCase()}.`),
);
const article = fc
  .array(fc.oneof(piece, sentence, sentence), { maxLength: 60 })
  .map((parts) => parts.join(''));

describe('extract (property)', () => {
  it('never throws; offsets in bounds and exact; segments ordered and disjoint; continues points back', () => {
    let found = 0;
    fc.assert(
      fc.property(article, (text) => {
        const statements = extract(text);
        found += statements.length;
        let lastEnd = 0;
        for (const [i, s] of statements.entries()) {
          expect(s.start).toBeGreaterThanOrEqual(0);
          expect(s.end).toBeLessThanOrEqual(text.length);
          expect(s.end).toBeGreaterThan(s.start);
          expect(text.slice(s.start, s.end)).toBe(s.text);
          expect(s.start).toBeGreaterThanOrEqual(lastEnd);
          lastEnd = s.end;
          if (s.continues !== null) expect(s.continues).toBeLessThan(i);
          if (s.speaker && s.speaker.mentionStart >= 0) {
            expect(
              text.slice(s.speaker.mentionStart, s.speaker.mentionStart + s.speaker.mention.length),
            ).toBe(s.speaker.mention);
          }
        }
      }),
      { numRuns: 400 },
    );
    // The generator does produce quotes: the properties were checked on real statements.
    expect(found).toBeGreaterThan(50);
  });
});
