import { describe, expect, it } from 'vitest';
import { tag, tagSentences, tagTokens } from '../../utils/nlp/tagger';
import { coarse, upos } from '../../utils/nlp/tags';

/** "word/TAG" for each token of the text. */
const tagged = (text: string) => tag(text).map((t) => `${t.text}/${t.tag}`);
const tagOf = (text: string, word: string) => tag(text).find((t) => t.text === word)?.tag;

describe('part-of-speech tagger (invented news sentences)', () => {
  it('reads a reporting verb in -s as a verb, not a plural noun', () => {
    expect(tagOf('The company claims that its app is safe.', 'claims')).toBe('VBZ');
    expect(tagOf('The minister says the road will open in May.', 'says')).toBe('VBZ');
    expect(tagOf('The agency warns that rents will rise.', 'warns')).toBe('VBZ');
    expect(tagOf('The report notes that two schools closed.', 'notes')).toBe('VBZ');
  });

  // the tokenizer splits hyphenated compounds as UD does; the hyphen it leaves is always HYPH
  it('tags the hyphen inside a compound HYPH', () => {
    const hyphens = tag('Those close to the president-elect say the 41-year-old will run.').filter(
      (t) => t.text === '-',
    );
    expect(hyphens.map((t) => t.tag)).toEqual(['HYPH', 'HYPH', 'HYPH']);
  });

  // "both", "either", "neither" are conjunctions only before the "and", "or", "nor" that completes
  // them (Penn Treebank); in the treebanks, such a word with no completion is mostly a determiner
  it('reads "both" with no "and" after it as a determiner', () => {
    expect(tagOf('Twelve soldiers died on Sunday, officials from both nations said.', 'both')).toBe('DT');
    expect(tagOf('Both the mayor and the council backed the plan.', 'Both')).toBe('CC');
  });

  it('keeps the noun reading where the word is a noun', () => {
    expect(tagOf('Her claims were rejected by the court.', 'claims')).toBe('NNS');
    expect(tagOf('The reports arrived late on Tuesday.', 'reports')).toBe('NNS');
  });

  it('tags an -ly surname at the start of a sentence as a proper noun', () => {
    expect(tagged('Kelly said the bridge will reopen.')).toEqual([
      'Kelly/NNP',
      'said/VBD',
      'the/DT',
      'bridge/NN',
      'will/MD',
      'reopen/VB',
      './.',
    ]);
  });

  it('tags a bare noun subject before a reporting verb as a noun', () => {
    const tokens = tag('Police said the driver was hurt.');
    expect(['NN', 'NNS', 'NNP']).toContain(tokens[0]!.tag);
    expect(tokens[1]!.tag).toBe('VBD');
    expect(tagOf('Forecasters said the storm would weaken.', 'Forecasters')).toMatch(/^NN/);
  });

  it('reads reported clauses', () => {
    expect(tagged('Haddad said he expects the team to improve.')).toEqual([
      'Haddad/NNP',
      'said/VBD',
      'he/PRP',
      'expects/VBZ',
      'the/DT',
      'team/NN',
      'to/TO',
      'improve/VB',
      './.',
    ]);
  });

  it('tags curly quotes and dashes as punctuation', () => {
    const tokens = tag('“We will rebuild,” Kenyatta said — not soon.');
    expect(tokens[0]!.tag).toBe('``');
    expect(tokens.find((t) => t.text === '”')!.tag).toBe("''");
    expect(tokens.find((t) => t.text === 'Kenyatta')!.tag).toBe('NNP');
    expect(upos(tokens.find((t) => t.text === '—')!.tag)).toBe('PUNCT');
  });

  it('gives lemmas of verbs and nouns', () => {
    const lemma = (text: string, word: string) => tag(text).find((t) => t.text === word)?.lemma;
    expect(lemma('The mayor said the budget is balanced.', 'said')).toBe('say');
    expect(lemma('She told reporters she wrote the letter.', 'told')).toBe('tell');
    expect(lemma('She told reporters she wrote the letter.', 'wrote')).toBe('write');
    expect(lemma('She told reporters she wrote the letter.', 'reporters')).toBe('reporter');
    expect(lemma('The company claims that its app is safe.', 'claims')).toBe('claim');
    expect(lemma('The company claims that its app is safe.', 'is')).toBe('be');
    expect(lemma('Officials have warned that children were hurt.', 'children')).toBe('child');
    expect(lemma('Officials have warned that children were hurt.', 'warned')).toBe('warn');
  });

  it('offers sentence-level tagging of given tokens, and sentences with offsets', () => {
    expect(tagTokens(['Haddad', 'noted', 'the', 'list', 'has', 'doubled', '.'])).toEqual([
      'NNP',
      'VBD',
      'DT',
      'NN',
      'VBZ',
      'VBN',
      '.',
    ]);
    // A capitalised unknown word in -s at the start may come out as a plural noun (NNS): a noun all the same.
    expect(tagTokens(['Lopes', 'noted', 'the', 'list', 'has', 'doubled', '.'])[0]).toMatch(/^NN/);
    const text = 'Lopes said so. Staff agree.';
    const sentences = tagSentences(text);
    expect(sentences).toHaveLength(2);
    for (const t of sentences.flat()) expect(text.slice(t.start, t.end)).toBe(t.text);
    expect(coarse(sentences[1]![1]!.tag)).toBe('verb');
  });

  // Completion only (no timing): a million one-character tokens take a few seconds on a slow machine.
  it('tags a 1 MB adversarial input without throwing', { timeout: 120_000 }, () => {
    const inputs = ['“”‘’'.repeat(250_000), 'Kelly-said '.repeat(90_000), 'A'.repeat(1_000_000)];
    for (const text of inputs) {
      const tokens = tag(text);
      expect(tokens.length).toBeGreaterThan(0);
      for (const t of [tokens[0]!, tokens.at(-1)!]) expect(text.slice(t.start, t.end)).toBe(t.text);
    }
  });
});
