/**
 * What a reader is told about a possible conflict, and which conflicts two speakers of one article
 * can have. Invented sentences only.
 */
import { describe, expect, it } from 'vitest';
import { classifyPair } from '../../utils/match/classify';
import { embedded, excerpt } from '../../utils/match/reasons';
import { other, st, types } from './statements';

describe('excerpts', () => {
  it('gives a short statement whole, without its final punctuation', () => {
    expect(excerpt('The bridge will reopen in May.')).toBe('The bridge will reopen in May');
  });
  it('cuts a long one around the contrasted word', () => {
    const text =
      'After months of delays and two failed inspections the regional transport agency said on Monday that the old harbour bridge would not reopen before the spring';
    const e = excerpt(text, 'reopen');
    expect(e).toContain('would not reopen');
    expect(e.startsWith('…')).toBe(true);
    expect(e.split(' ').length).toBeLessThanOrEqual(12);
  });
  it('tells a word inside a reported clause from one stated outright', () => {
    expect(embedded('they were not told that the mayor would close the pool', 'close')).toBe(true);
    expect(embedded('the mayor would not close the pool', 'close')).toBe(false);
  });
});

describe('the excerpt stands where the contrasted word is said', () => {
  // Pattern: a body restates the rumour before it denies it; the reader is shown the denial
  // ("there was no merger"), not the earlier restatement ("talk of a merger")
  it('shows the negated word, not an earlier one spelled alike', () => {
    const body = st(
      'Shares in Corvane rose on Tuesday after talk of a merger with the smaller Tessaly spread among traders in London. The company later said there was no merger planned with Tessaly and no approach had been made.',
      { kind: 'indirect', speakerName: null, speakerType: null, ...other },
    );
    const claim = st('Corvane agrees merger with rival Tessaly', {
      kind: 'indirect',
      speakerName: null,
      speakerType: null,
    });
    const conflict = classifyPair(claim, body).find((r) => r.type === 'contradiction');
    expect(conflict?.reason).toContain('there was no merger');
  });
});

describe('the reason names who says what, in their words', () => {
  it('quotes each side around the contrasted words', () => {
    const a = st(
      'The Lyndon Street bridge will not reopen to traffic in May, engineers at the agency warned.',
      {
        kind: 'indirect',
        speakerName: 'the transport agency',
      },
    );
    const b = st('The Lyndon Street bridge will reopen in May.', {
      kind: 'indirect',
      ...other,
      speakerName: 'Tom Reid',
    });
    const rel = classifyPair(a, b).find((r) => r.type === 'contradiction');
    expect(rel?.reason).toContain('Tom Reid (two.example): “The Lyndon Street bridge will reopen in May”');
    expect(rel?.reason).toContain(
      'the transport agency (one.example): “…Lyndon Street bridge will not reopen',
    );
  });
});

describe('two speakers of one article', () => {
  // the writer quotes both: a conflict needs words each states itself, not a clause it reports
  it('finds no conflict with words inside a reported clause', () => {
    const a = st('they were not told in advance that Mayor Reid would close the harbour pool', {
      kind: 'indirect',
      speakerName: 'pool staff',
    });
    const b = st('Mayor Reid would not close the harbour pool a second time', {
      kind: 'indirect',
      speakerName: 'Mayor Ana Ruiz',
    });
    expect(types(a, b)).not.toContain('contradiction');
  });
  it('finds one between words each states itself', () => {
    const a = st('Mayor Reid closed the harbour pool on Friday.', {
      kind: 'indirect',
      speakerName: 'pool staff',
    });
    const b = st('Mayor Reid did not close the harbour pool on Friday.', {
      kind: 'indirect',
      speakerName: 'Ana Ruiz',
    });
    expect(types(a, b)).toContain('contradiction');
  });
});
