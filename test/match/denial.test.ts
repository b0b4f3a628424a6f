/**
 * A reported clause its speaker denies ("The council denied that the library would close") against
 * statements that assert it, deny it too or deny its opposite. Invented sentences only.
 */
import { describe, expect, it } from 'vitest';
import { classifyPair, type MatchStatement } from '../../utils/match/classify';
import { denialVerb } from '../../utils/match/denial';
import { other, st, types } from './statements';

const reported = (text: string, speakerName: string, over: Partial<MatchStatement> = {}) =>
  st(text, { kind: 'indirect', speakerName, speakerType: 'person', ...over });
const denied = (text: string, speakerName: string, over: Partial<MatchStatement> = {}) =>
  reported(text, speakerName, { deniedBy: 'denied', ...over });

describe('denialVerb', () => {
  // Pattern: any form of "deny" in the cue of reported speech denies the clause; a quotation
  // introduced by "denied" is the speaker's own words, and "said" denies nothing.
  it('reads a form of "deny" in the cue of an indirect statement only', () => {
    expect(denialVerb('indirect', 'denied')).toBe('denied');
    expect(denialVerb('indirect', 'has denied')).toBe('denied');
    expect(denialVerb('indirect', 'denies')).toBe('denies');
    expect(denialVerb('indirect', 'denied reports')).toBe('denied');
    expect(denialVerb('direct', 'denied')).toBeUndefined();
    expect(denialVerb('indirect', 'said')).toBeUndefined();
    expect(denialVerb('indirect', null)).toBeUndefined();
  });
});

describe('a denied clause against a claim', () => {
  // Pattern: "X denied that Y" read after "Y, Z said": a possible conflict that says who denied what.
  it('conflicts with the claim it denies, and names the denial', () => {
    const claim = reported('the Harlow library would close in March', 'Tom Reid', other);
    const denial = denied('the Harlow library would close in March', 'Anna Kovacs');
    const rel = classifyPair(denial, claim);
    expect(rel.map((r) => r.type)).toEqual(['contradiction']);
    expect(rel[0]!.reason).toContain(
      'Anna Kovacs (one.example) denied: “the Harlow library would close in March”',
    );
    expect(rel[0]!.reason).toContain('Tom Reid (two.example): “');
  });

  // Pattern: the denial restates the claim in other words and with a pronoun for the speaker.
  it('a pronoun for the speaker who denies', () => {
    const claim = reported('Peter Lund took money from the Harlow pension fund', 'the prosecutors', other);
    const denial = denied('he had taken money from the Harlow pension fund', 'Peter Lund');
    expect(types(denial, claim)).toEqual(['contradiction']);
    // someone else's taking is not what Lund denies
    const another = reported('Maria Holt took money from the Harlow pension fund', 'the prosecutors', other);
    expect(types(denial, another)).not.toContain('contradiction');
  });

  // Pattern: denying a clause agrees with its negation, and two denials of one clause agree.
  it('no conflict with the negated claim or another denial', () => {
    const denial = denied('the Harlow library would close in March', 'Anna Kovacs');
    const negated = reported('the Harlow library would not close in March', 'Tom Reid', other);
    expect(types(denial, negated)).not.toContain('contradiction');
    const again = denied('the Harlow library would close in March', 'Tom Reid', other);
    expect(types(denial, again)).not.toContain('contradiction');
  });

  // Pattern: a denial is no reprint: the same words asserted by one speaker and denied by
  // another are not a misattribution, nor, by one speaker, the same claim.
  it('no misattribution and no same claim', () => {
    const denial = denied('the Harlow library would close in March', 'Anna Kovacs');
    const claim = reported('the Harlow library would close in March', 'Tom Reid', other);
    expect(types(denial, claim)).not.toContain('misattribution');
    const own = reported('the Harlow library would close in March', 'Anna Kovacs', other);
    const t = types(denial, own);
    expect(t).not.toContain('same-quote');
    expect(t).toContain('contradiction');
  });

  // Pattern: a denial of one time or one number is not a denial of another ("denied it was warned
  // in advance" agrees with "was warned too late").
  it('agrees with a claim of another time or number', () => {
    const denial = denied('the council had been warned about the flooding in advance', 'Anna Kovacs');
    const late = reported('the council was warned about the flooding too late', 'Tom Reid', other);
    expect(types(denial, late)).not.toContain('contradiction');
    const jobs = denied('the Harlow plant would cut 500 jobs', 'Anna Kovacs');
    const fewer = reported('the Harlow plant will cut 300 jobs', 'Tom Reid', other);
    expect(types(jobs, fewer)).not.toContain('contradiction');
  });
});
