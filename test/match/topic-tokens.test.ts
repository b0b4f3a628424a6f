import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { memoize } from '../../utils/match/memo';
import { markTitleCase, normTokens } from '../../utils/match/norm-tokens';
import { stem } from '../../utils/match/stem';
import { isName, topicKeys } from '../../utils/match/topic';

/**
 * The tokenizer decides ASCII characters by their code and only asks Unicode classes about the
 * rest. This reference asks Unicode classes about every character: both must agree on any text.
 */
type RefToken = {
  norm: string;
  capital: boolean;
  sentenceStart: boolean;
  upper: boolean;
  question?: true;
  pause?: true;
  colon?: true;
};

function referenceTokens(text: string): readonly [RefToken[], Set<number>] {
  const out: RefToken[] = [];
  const compound = new Set<number>();
  let wordEnd = -1;
  const src = text.normalize('NFKD');
  let cur = '';
  let curCapital = false;
  let atSentenceStart = true;
  let nextSentenceStart = true;
  let sentenceFrom = 0;
  const flush = () => {
    if (cur.length > 0) {
      const upper = cur.length >= 2 && cur === cur.toUpperCase() && cur !== cur.toLowerCase();
      if (nextSentenceStart) sentenceFrom = out.length;
      out.push({ norm: cur.toLowerCase(), capital: curCapital, sentenceStart: nextSentenceStart, upper });
      nextSentenceStart = false;
    }
    cur = '';
    curCapital = false;
  };
  for (let i = 0; i < src.length; i++) {
    const ch = src[i]!;
    if (/\p{M}/u.test(ch) || ch === '\u00ad' || ch === "'" || ch === '’' || ch === 'ʼ') continue;
    if (/[\p{L}\p{N}]/u.test(ch)) {
      if (cur.length === 0) {
        if (i >= 2 && wordEnd === i - 1 && src[i - 1] === '-') compound.add(out.length);
        curCapital = /\p{Lu}/u.test(ch);
        nextSentenceStart = atSentenceStart;
        atSentenceStart = false;
      }
      cur += ch;
      continue;
    }
    if (ch === '.' && cur.length === 1 && /\p{Lu}/u.test(cur) && /\p{Lu}/u.test(src[i + 1] ?? '')) continue;
    if (ch === '.' && cur.length > 1 && /^(\p{Lu}\p{Lu})+$/u.test(cur) && /\p{Lu}/u.test(src[i + 1] ?? ''))
      continue;
    const wasAcronym = cur.length >= 2 && cur === cur.toUpperCase() && /\p{Lu}/u.test(cur);
    if (cur.length > 0) wordEnd = i;
    flush();
    const dot = ch === '.' && (wasAcronym || /\d/.test(src[i + 1] ?? ''));
    if (',;:\u2013\u2014().!?\n'.includes(ch) && !dot && out.length > 0 && !out[out.length - 1]!.pause)
      out[out.length - 1] = { ...out[out.length - 1]!, pause: true };
    if (ch === ':' && out.length > 0) out[out.length - 1] = { ...out[out.length - 1]!, colon: true };
    if (ch === '?') for (let k = sentenceFrom; k < out.length; k++) out[k] = { ...out[k]!, question: true };
    if ((ch === '.' && !wasAcronym) || ch === '!' || ch === '?' || ch === '\n') atSentenceStart = true;
  }
  flush();
  if (out.length > 0 && !out[out.length - 1]!.pause)
    out[out.length - 1] = { ...out[out.length - 1]!, pause: true };
  return [out, compound] as const;
}

describe('tokenize', () => {
  it('agrees with Unicode character classes on any mix of ASCII and other scripts', () => {
    const pieces = fc.constantFrom(
      'U.S.',
      'Trump',
      'didn’t',
      "it's",
      'Éire',
      'naïve',
      'Netan\u00adyahu',
      'ΑΘΗΝΑ',
      'Zürich',
      '42',
      '.',
      '!',
      '?',
      ' ',
      '\n',
      ',',
      '—',
      '“',
      '”',
      'NATO',
      'a',
      'Ω',
      '-',
      'Self-driving',
      'ﬁne',
      '\u0301',
      '_',
      '@',
      '[',
      '`',
      '{',
      '~',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string({ maxLength: 4 })), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        const [tokens, compound] = referenceTokens(text);
        expect(normTokens(text)).toEqual(markTitleCase(tokens, compound));
      }),
      { numRuns: 500 },
    );
  });
});

describe('pauses', () => {
  // Pattern: a phrase ends at a comma, colon, dash, bracket or a sentence's end, not at the dot of
  // an acronym or of a decimal.
  it('mark the word before a mark that ends a phrase', () => {
    const paused = (text: string) =>
      normTokens(text)
        .filter((t) => t.pause)
        .map((t) => t.norm);
    expect(paused('The U.S. airline denies merger rumours, says its chief executive.')).toEqual([
      'rumours',
      'executive',
    ]);
    expect(paused('Shares fell 3.5 percent — the steepest drop (since May): analysts')).toEqual([
      'percent',
      'drop',
      'may',
      'analysts',
    ]);
  });
});

describe('title case', () => {
  const names = (text: string) =>
    normTokens(text)
      .filter((t) => isName(t))
      .map((t) => t.norm);

  // Pattern: a headline in title case capitalises its verbs and nouns: the capitals prove no name.
  it('a title-case sentence: capitals are no evidence of a name', () => {
    expect(names('Port Authority Denies Plans to Sell Harbour Cranes')).toEqual([]);
    expect(names('No, the Mayor of Carlisle Has Not Resigned')).toEqual([]);
    // A compound's later parts may keep a small letter in title case ("Self-driving").
    expect(names('Self-driving Taxi Firm Denies Plans to Leave Phoenix')).toEqual([]);
    // A hyphen between spaces joins no compound: a lower-case word after it is prose.
    expect(names('Taxi Firm Boss Quits - shares fall in Phoenix')).toEqual([
      'firm',
      'boss',
      'quits',
      'phoenix',
    ]);
  });

  // Pattern: prose that names people and places still has lower-case words among them.
  it('prose full of names keeps its names', () => {
    expect(names('Prime Minister Keir Starmer met Chancellor Olaf Scholz in Berlin.')).toEqual([
      'minister',
      'keir',
      'starmer',
      'chancellor',
      'olaf',
      'scholz',
      'berlin',
    ]);
    // Two capitalised words are too few to call a sentence title case.
    expect(names('Ask Ada Lovelace.')).toEqual(['ada', 'lovelace']);
    // Each sentence is judged on its own: a title-case headline does not blind the prose after it.
    expect(names('Council Approves Harbour Repairs. The work in Carlisle starts soon.')).toEqual([
      'carlisle',
    ]);
  });
});

describe('memoize', () => {
  it('answers from its cache, including null answers, and starts again when full', () => {
    let calls = 0;
    const f = memoize((s: string) => {
      calls++;
      return s === 'none' ? null : s.length;
    }, 2);
    expect([f('abc'), f('abc'), f('none'), f('none')]).toEqual([3, 3, null, null]);
    expect(calls).toBe(2);
    f('x'); // full: the cache starts again
    expect(f('abc')).toBe(3);
    expect(calls).toBe(4);
  });
});

describe('words that name Object.prototype members', () => {
  it('are words like any other: "constructor" in a statement does not break its keys', () => {
    for (const word of ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__']) {
      expect(typeof stem(word.toLowerCase())).toBe('string');
    }
    expect(topicKeys('The constructor will finish the bridge by spring.').length).toBeGreaterThan(0);
  });
});
