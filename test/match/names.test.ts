/**
 * A capitalised word inside a sentence is a name: it keeps its own key and takes part in no
 * lexical cue (word forms, synonym classes, antonyms, negated predicates, refutations).
 * Invented sentences only.
 */
import { describe, expect, it } from 'vitest';
import { claimFeatures, sharedTopic } from '../../utils/match/contradiction';
import { concepts } from '../../utils/match/topic';

const keys = (text: string) => concepts(text).map((c) => c.key);
const shared = (a: string, b: string) => keys(a).filter((k) => keys(b).includes(k));

describe('names are not word forms', () => {
  // Pattern: a name spelled like an irregular verb form ("Rose", "Won") is not that verb.
  it('"Rose" the councillor shares nothing with prices that rose', () => {
    const a = 'The harbour levy is unfair, councillor Rose told reporters.';
    const b = 'Harbour fees rose for a third month in a row.';
    expect(shared(a, b)).toEqual(['harbour']);
    expect(concepts(a).find((c) => c.word === 'rose')).toMatchObject({ key: 'rose', entity: true });
  });

  // Pattern: a name ending like an inflection (-ing, -ed) is not stemmed into a verb or noun.
  it('"Fielding" and "Mohammed" keep their spelling', () => {
    expect(shared('Judge Fielding adjourned the hearing.', 'Volunteers cleared the field.')).toEqual([]);
    expect(keys('Officials met Mohammed at the border.')).toContain('mohammed');
  });

  // Pattern: a name spelled like a word related to another is related to nothing.
  it('"Strike" the surname is no attack', () => {
    const a = claimFeatures('Lawyers for Ms Strike filed the appeal.');
    const b = claimFeatures('The attack hit the fuel depot.');
    expect(sharedTopic(a, b).concepts).toEqual([]);
  });

  // Pattern: a word written as a name elsewhere in the text is a name at a sentence start too.
  it('a sentence-initial capital is a name when the text writes it so inside a sentence', () => {
    const cs = concepts('Rose signed the order. Officials said Rose acted alone.');
    expect(cs.map((c) => c.key)).not.toContain('rise');
    // Without other evidence a sentence start proves nothing: "Rising prices" is still "rise".
    expect(keys('Rising prices hurt the port.')).toContain('rise');
  });
});

describe('names take part in no conflict cue', () => {
  // Pattern: a capitalised word is never an antonym ("Rose" is not "increase", "Lost" not "lose").
  it('antonym axes', () => {
    expect(claimFeatures('The voters were young.').axes.size).toBeGreaterThan(0);
    expect(claimFeatures('The vote was called by Senator Young.').axes.size).toBe(0);
    expect(claimFeatures('The trail to the dam was long.').axes.size).toBeGreaterThan(0);
    expect(claimFeatures('The Long Valley trail reopened in May.').axes.size).toBe(0);
  });

  // Pattern: a name right after a negator is not a negated predicate.
  it('negated heads', () => {
    expect([...claimFeatures('It was not Rose who signed the order.').negated]).toEqual([]);
    expect([...claimFeatures('It was not signed by the mayor.').negated]).toEqual(['sign']);
  });

  // Pattern: a refuting word in any inflection calls the claim false ("denying", "debunks", "hoaxes").
  it('refutations in any inflection', () => {
    const phrase = (t: string) => claimFeatures(t).refutation?.phrase;
    expect(phrase('The port authority is denying that the cranes were sold.')).toBe('denying');
    expect(phrase('A new study debunks the idea that the reservoir is leaking.')).toBe('debunks');
    expect(phrase('Police say the bomb threats against the schools were hoaxes.')).toBe('hoaxes');
    expect(phrase('The paper retracted its report on the mayor’s expenses.')).toBe('retracted');
    // A word that only shares a stem is none: "fabric" is no "fabrication".
    expect(
      claimFeatures('The seats are covered in a fabric made from recycled bottles.').refutation,
    ).toBeNull();
  });

  // Pattern: a refutation word written as a name ("False Bay") refutes nothing.
  it('refutations', () => {
    expect(claimFeatures('The regatta at False Bay will go ahead.').refutation).toBeNull();
    expect(claimFeatures('Reports that the regatta will go ahead are false.').refutation?.phrase).toBe(
      'false',
    );
  });
});
