import { describe, expect, it } from 'vitest';
import { lemmatize, ruleLemma } from '../../utils/nlp/lemma';

describe('lemmatiser', () => {
  it('inflects regular verbs back by rule', () => {
    const cases: Array<[string, string, string]> = [
      ['claims', 'VBZ', 'claim'],
      ['watches', 'VBZ', 'watch'],
      ['carries', 'VBZ', 'carry'],
      ['warned', 'VBD', 'warn'],
      ['stopped', 'VBD', 'stop'],
      ['hoped', 'VBD', 'hope'],
      ['operated', 'VBN', 'operate'],
      ['doubled', 'VBN', 'double'],
      ['required', 'VBN', 'require'],
      ['visited', 'VBD', 'visit'],
      ['added', 'VBD', 'add'],
      ['travelled', 'VBD', 'travel'],
      ['called', 'VBD', 'call'],
      ['making', 'VBG', 'make'],
      ['running', 'VBG', 'run'],
      ['saying', 'VBG', 'say'],
      ['dying', 'VBG', 'die'],
      ['died', 'VBD', 'die'],
    ];
    for (const [word, tag, lemma] of cases) expect(ruleLemma(word, tag), `${word}/${tag}`).toBe(lemma);
  });

  it('inflects regular nouns back by rule', () => {
    expect(ruleLemma('reports', 'NNS')).toBe('report');
    expect(ruleLemma('policies', 'NNS')).toBe('policy');
    expect(ruleLemma('boxes', 'NNS')).toBe('box');
    expect(ruleLemma('churches', 'NNS')).toBe('church');
    expect(ruleLemma('chairwomen', 'NNS')).toBe('chairwoman');
  });

  it('uses the exceptions learned from the treebanks for irregular forms', () => {
    expect(lemmatize('said', 'VBD')).toBe('say');
    expect(lemmatize('told', 'VBD')).toBe('tell');
    expect(lemmatize('wrote', 'VBD')).toBe('write');
    expect(lemmatize('was', 'VBD')).toBe('be');
    expect(lemmatize('has', 'VBZ')).toBe('have');
    expect(lemmatize('children', 'NNS')).toBe('child');
    expect(lemmatize('men', 'NNS')).toBe('man');
    expect(lemmatize('Said', 'VBD')).toBe('say');
    expect(lemmatize('n’t', 'RB')).toBe('not');
  });

  it('keeps proper nouns as written and lower-cases other words', () => {
    expect(lemmatize('Kelly', 'NNP')).toBe('Kelly');
    expect(lemmatize('The', 'DT')).toBe('the');
    expect(lemmatize('Reports', 'NNS')).toBe('report');
  });
});
