/**
 * Properties of matching over arbitrary text (unicode, lone surrogates, quote marks, empty
 * strings, and news-like words so that real relations are exercised too): candidate keys never
 * throw and stay within MAX_KEYS; the word diff never throws and its operations rebuild both
 * texts; the pair classifier never throws and answers only relation types the protocol knows.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classifyPair, type MatchStatement } from '../../utils/match/classify';
import { wordDiff } from '../../utils/match/diff';
import { lookupKeys, MAX_KEYS, MAX_LOOKUP_KEYS, matchKeys } from '../../utils/match/fingerprint';
import { normalizeText } from '../../utils/match/normalize';
import { RelationTypeSchema } from '../../utils/messages';

const RELATION_TYPES = new Set<string>(RelationTypeSchema.options);

const vocabulary = fc.constantFrom(
  'we',
  'will',
  'not',
  'never',
  'back',
  'down',
  'the',
  'bridge',
  'reopen',
  'election',
  'before',
  'after',
  'council',
  'denied',
  'signed',
  'contract',
  'minister',
  'Park',
  'Ada',
  'Émilie',
  'Straße',
  'مرحبا',
  '日本',
  '“',
  '”',
  '"',
  "'",
  '‘',
  '’',
  '«',
  '»',
  '—',
  ',',
  '.',
  '?',
  '\u200b',
  '\u202e',
  '\u00ad',
  '',
);
/** News-like words and marks, glued with single or odd white space. */
const wordy = fc
  .array(fc.tuple(vocabulary, fc.constantFrom(' ', ' ', ' ', '  ', '\n', '\t', '\u00a0', '')), {
    maxLength: 30,
  })
  .map((parts) => parts.map(([w, s]) => w + s).join(''));
/** Anything: every code point (lone surrogates too), graphemes with combining marks, and the empty string. */
const text = fc.oneof(
  wordy,
  wordy,
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.constant(''),
);
/** Two texts that often share words: a second printing with words dropped, added or changed. */
const pair = fc.oneof(
  fc.tuple(text, text),
  fc
    .tuple(
      wordy,
      fc.array(fc.tuple(fc.nat(40), fc.constantFrom('drop', 'add', 'change', 'case')), { maxLength: 4 }),
    )
    .map(([a, edits]) => {
      const words = a.split(' ');
      for (const [at, edit] of edits) {
        const i = words.length === 0 ? 0 : at % words.length;
        if (edit === 'drop') words.splice(i, 1);
        else if (edit === 'add') words.splice(i, 0, 'indeed');
        else if (edit === 'change') words[i] = 'ally';
        else words[i] = (words[i] ?? '').toUpperCase();
      }
      return [a, words.join(' ')] as [string, string];
    }),
);

/** A text's words as the diff prints them: split on white space, nothing dropped. */
const wordsOf = (t: string) => t.split(/\s+/).filter((w) => w.length > 0);

describe('matchKeys (property)', () => {
  it('never throws, returns at most MAX_KEYS string keys, and the same keys for the same text', () => {
    fc.assert(
      fc.property(text, fc.option(text, { nil: undefined }), (t, context) => {
        const keys = matchKeys(t, context);
        expect(Array.isArray(keys)).toBe(true);
        expect(keys.length).toBeLessThanOrEqual(MAX_KEYS);
        for (const k of keys) expect(typeof k === 'string' && k.length > 0).toBe(true);
        expect(matchKeys(t, context)).toEqual(keys);
        const lookup = lookupKeys(t, context);
        expect(lookup.length).toBeLessThanOrEqual(MAX_LOOKUP_KEYS);
      }),
      { numRuns: 400 },
    );
  });
});

describe('wordDiff (property)', () => {
  it('never throws, and its operations rebuild both texts word for word', () => {
    fc.assert(
      fc.property(
        pair,
        fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }),
        ([a, b], maxEdits) => {
          const ops = wordDiff(a, b, maxEdits === undefined ? {} : { maxEdits });
          const fromA: string[] = [];
          const fromB: string[] = [];
          for (const op of ops) {
            expect(['equal', 'insert', 'delete']).toContain(op.op);
            expect(op.words.length).toBeGreaterThan(0);
            if (op.op !== 'insert') fromA.push(...op.words);
            if (op.op === 'insert') fromB.push(...op.words);
            if (op.op === 'equal') {
              const printedB = op.printedB ?? op.words;
              expect(printedB.length).toBe(op.words.length);
              // Equal words are the same words, however they were printed.
              expect(printedB.map(normalizeText)).toEqual(op.words.map(normalizeText));
              fromB.push(...printedB);
            } else {
              expect(op.printedB).toBeUndefined();
            }
          }
          // A punctuation-only token travels with the word before it ("down ,"): compare word streams.
          expect(wordsOf(fromA.join(' '))).toEqual(wordsOf(a));
          expect(wordsOf(fromB.join(' '))).toEqual(wordsOf(b));
          if (normalizeText(a) === normalizeText(b) && wordsOf(a).length === wordsOf(b).length) {
            expect(ops.every((op) => op.op === 'equal')).toBe(true);
          }
        },
      ),
      { numRuns: 400 },
    );
  });
});

const statement = (t: string): fc.Arbitrary<MatchStatement> =>
  fc.record({
    text: fc.constant(t),
    kind: fc.constantFrom('direct', 'partial', 'indirect'),
    speakerName: fc.option(fc.oneof(fc.constantFrom('Ada Park', 'Park', 'Tom Lee', 'the council'), text), {
      nil: null,
    }),
    speakerType: fc.option(fc.constantFrom('person', 'organization', 'anonymous'), { nil: null }),
    pageKey: fc.constantFrom('https://one.example/a', 'https://two.example/b'),
    site: fc.constantFrom('one.example', 'two.example', ''),
    utterance: fc.option(fc.constantFrom(1, 2, 'u'), { nil: null }),
    speakerAliases: fc.array(text, { maxLength: 2 }),
    context: fc.option(text, { nil: undefined }),
  }) as fc.Arbitrary<MatchStatement>;

describe('classifyPair (property)', () => {
  it('never throws and answers only known relation types, each once, with a score and a reason', () => {
    const pairs = pair.chain(([a, b]) => fc.tuple(statement(a), statement(b)));
    fc.assert(
      fc.property(pairs, fc.array(text, { maxLength: 3 }), ([a, b], knownNames) => {
        const relations = classifyPair(a, b, { knownNames });
        expect(Array.isArray(relations)).toBe(true);
        for (const r of relations) {
          expect(RELATION_TYPES.has(r.type)).toBe(true);
          expect(Number.isFinite(r.score)).toBe(true);
          expect(typeof r.reason === 'string' && r.reason.length > 0).toBe(true);
        }
        expect(new Set(relations.map((r) => r.type)).size).toBe(relations.length);
      }),
      { numRuns: 400 },
    );
  });
});
