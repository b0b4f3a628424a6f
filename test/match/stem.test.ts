/**
 * The stemmer joins the forms of one word and never makes one word of two: a silent e is dropped
 * only where that leaves no short word of its own, and -ie verbs keep their e. Invented words show
 * the rules are about spelling, not about a list.
 */
import { describe, expect, it } from 'vitest';
import { claimFeatures } from '../../utils/match/contradiction';
import { stem } from '../../utils/match/stem';
import { conceptOf, concepts } from '../../utils/match/topic';

describe('a silent e does not make one word of two', () => {
  // Pattern: word+e and word are different words when word is one short syllable (lose/los, plane/plan).
  it('keeps apart real pairs', () => {
    for (const without of ['los', 'plan', 'win', 'not', 'cut', 'sit']) {
      expect(stem(`${without}e`), without).not.toBe(stem(without));
    }
  });

  // Pattern: the same rule on invented words: -ed/-ing give the e back after a short syllable, a doubled consonant does not.
  it('joins the forms of invented words, each to its own word', () => {
    for (const w of ['drob', 'fran', 'smop', 'trak', 'glin']) {
      const e = `${w}e`;
      const last = w[w.length - 1];
      expect(stem(e)).not.toBe(stem(w));
      for (const form of [`${w}es`, `${w}ed`, `${w}ing`]) expect(stem(form), form).toBe(stem(e));
      for (const form of [`${w}s`, `${w}${last}ed`, `${w}${last}ing`]) expect(stem(form), form).toBe(stem(w));
    }
  });

  // Pattern: after a longer stem the silent e still goes, so all forms still meet.
  it('still joins longer words with and without their e', () => {
    for (const w of ['glorbate', 'include', 'negotiate']) {
      const base = w.slice(0, -1);
      expect(stem(`${base}ed`)).toBe(stem(w));
      expect(stem(`${base}ing`)).toBe(stem(w));
      expect(stem(`${w}s`)).toBe(stem(w));
    }
  });

  // Pattern: a place name at a sentence start is not a verb form that enters an antonym.
  it('"Los Angeles" is not "lose"', () => {
    expect(conceptOf('los')).not.toBe(conceptOf('lost'));
    expect(claimFeatures('Los Angeles will host the final.').axes.size).toBe(0);
    // "lose" itself stands on no axis: win/lose tells one contest from its two sides (verb.competition).
    expect(claimFeatures('The team will lose the final.').axes.size).toBe(0);
  });
});

describe('-ie verbs', () => {
  // Pattern: one letter + -ied/-ies/-ying is an -ie verb (Porter2 step 1a; ie → y before -ing).
  it('join their forms, real and invented', () => {
    for (const w of ['die', 'tie', 'lie', 'zie']) {
      const c = w[0];
      for (const form of [`${c}ies`, `${c}ied`, `${c}ying`]) expect(stem(form), form).toBe(stem(w));
    }
    // More than one letter before -ied: a -y verb ("cried" → cry, invented "snied" → sny).
    expect(stem('cried')).toBe(stem('cry'));
    expect(stem('snied')).toBe(stem('sny'));
  });

  // Pattern: every form of "die" meets "death" and "dead" in one topic concept.
  it('"died" shares a concept with "death", "dead", "dies" and "dying"', () => {
    const key = (t: string) => concepts(t).map((c) => c.key);
    const died = key('The fisherman died at sea');
    for (const t of [
      'the death of the fisherman',
      'the fisherman is dead',
      'a fisherman dies',
      'a dying fisherman',
    ]) {
      expect(died.filter((k) => key(t).includes(k)).length, t).toBe(2);
    }
  });
});

describe('-eed and doubled letters, as Porter2 takes them', () => {
  // Pattern: -eed after a syllable is -ee + d: the past of a verb in -ee joins the verb (agree/agreed).
  it('joins verbs in -ee with their past and -ing forms', () => {
    for (const w of ['agree', 'guarantee', 'referee', 'blorree']) {
      expect(stem(`${w}d`), w).toBe(stem(w));
      expect(stem(`${w}ing`), w).toBe(stem(w));
    }
  });

  // Pattern: a word in -eed with no syllable before it, and Porter2's invariants, keep their -eed.
  it('keeps speed, need and proceed whole', () => {
    expect(stem('speed')).not.toBe(stem('spe'));
    expect(stem('proceeded')).toBe(stem('proceed'));
    expect(stem('needed')).toBe(stem('need'));
  });

  // Pattern: only a doubled consonant is undone after -ed or -ing ("planned" → plan), never a vowel.
  it('undoes doubled consonants only', () => {
    expect(stem('planned')).toBe(stem('plan'));
    expect(stem('fleeing')).toBe(stem('flee'));
  });

  // Pattern: the British doubled l ("cancelled", "travelled") meets its base and the American
  // spelling (Porter's step 5b: a final ll after two syllables or more is one l); one syllable keeps it.
  it('joins cancelled, canceled and cancels; keeps fill and fall', () => {
    for (const [a, b] of [
      ['cancelled', 'cancels'],
      ['canceled', 'cancel'],
      ['travelling', 'travels'],
      ['labelled', 'label'],
      ['installed', 'install'],
      ['blorvelled', 'blorvel'],
    ])
      expect(stem(a!), a).toBe(stem(b!));
    expect(stem('filled')).toBe('fill');
    expect(stem('falls')).toBe('fall');
    expect(stem('killed')).toBe('kill');
  });
});
