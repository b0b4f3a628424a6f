/**
 * Behaviour tests on invented sentences (not from the corpus) for reports inside other clauses and
 * where such a report ends: one group per general pattern.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../utils/extract';
import type { Statement } from '../../utils/extract/types';

function run(text: string): Statement[] {
  const out = extract(text);
  for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  return out;
}

const pairs = (out: Statement[]) => out.map((s) => [s.text, s.speaker?.name ?? null]);

describe('a report inside a relative clause', () => {
  // "N, which X said could V": the relative pronoun is the reported clause's subject, so the verb
  // after the reporting verb has no subject of its own; the rest of that clause is X's report
  it('reads the clause after the reporting verb, up to the closing comma', () => {
    const out = run('The ferry, which the operator says will sail again in May, is in dry dock.');
    expect(pairs(out)).toEqual([['will sail again in May', 'the operator']]);
  });
  it('reads a restrictive relative clause to the end of the sentence', () => {
    const out = run('Farmers are planting a new wheat that scientists say will need half the water.');
    expect(pairs(out)).toEqual([['will need half the water', 'scientists']]);
  });
  it('reads a relative clause opened by "who"', () => {
    const out = run('Police arrested a man who neighbours said was carrying a knife.');
    expect(pairs(out)).toEqual([['was carrying a knife', 'neighbours']]);
  });
  it('reads nothing where the pronoun is the object of a preposition', () => {
    expect(run('The ruling on which the court has decided was about rent.')).toEqual([]);
  });
});

describe('a participle of saying after the main clause', () => {
  // "NP V …, saying CLAUSE": the free adjunct's subject is the main clause's subject
  it('gives the report to the main clause’s subject', () => {
    const out = run('The retailer closed 40 stores, saying online sales had risen.');
    expect(pairs(out)).toEqual([['online sales had risen', 'the retailer']]);
  });
  it('takes the subject, not an object after the verb', () => {
    const out = run('The insurer raised its premiums, arguing that claims had doubled.');
    expect(pairs(out)).toEqual([['claims had doubled', 'the insurer']]);
  });
  it('reads no report where the subject cannot speak', () => {
    expect(run('Prices climbed for a third month, suggesting that the shortage had worsened.')).toEqual([]);
  });
});

describe('a report inside a restrictive relative clause on the subject', () => {
  // "The N who said A V-ed": the report ends where the main clause's verb comes
  it('ends the report before the main verb', () => {
    const out = run('The engineer who said the tunnel was unsafe retired in June.');
    expect(pairs(out)).toEqual([['the tunnel was unsafe', 'the engineer']]);
  });
  it('ends it before a main verb the tagger reads as a participle', () => {
    const out = run('Fans who said the team had been robbed booed the referee.');
    expect(pairs(out)).toEqual([['the team had been robbed', 'Fans']]);
  });
  it('keeps a clause with two verbs joined by a conjunction', () => {
    const out = run('The driver who said the road was icy and the lights were out was not charged.');
    expect(out.map((s) => s.text)).toEqual(['the road was icy and the lights were out']);
  });
});

describe('a report followed by the whole sentence’s own attribution', () => {
  // "A warned that X, the ministry said in a statement": ", NP said + adjuncts" ends the report
  it('ends the report before a trailing attribution with its adjuncts', () => {
    const out = run(
      'Forecasters warned that the river could burst its banks, the agency said in a bulletin.',
    );
    expect(pairs(out)).toEqual([['the river could burst its banks', 'Forecasters']]);
  });
  it('ends it before a trailing attribution with no adjunct', () => {
    const out = run('The club said ticket sales had doubled, two officials noted.');
    expect(out.map((s) => s.text)).toEqual(['ticket sales had doubled']);
  });
  it('keeps an interposed attribution followed by the rest of the report', () => {
    const out = run('The minister said the plan, critics say, would fail within a year.');
    expect(out.map((s) => s.text)).toEqual(['the plan, critics say, would fail within a year']);
  });
});
