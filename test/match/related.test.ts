/**
 * Related words from WordNet (utils/match/related.ts): what makes two reports of one event meet
 * when they word it differently, and what does not. Invented sentences only.
 */
import { describe, expect, it } from 'vitest';
import { candidateKeys } from '../../utils/match/fingerprint';
import { related, relatedStems, sameRoot } from '../../utils/match/related';
import { stem } from '../../utils/match/stem';
import { conceptOf } from '../../utils/match/topic';
import { other, st, types } from './statements';

const rel = (a: string, b: string) => related(stem(a), stem(b));

describe('related words', () => {
  // Pattern: one is a kind of the other (a hypernym one step up).
  it('relates a word to the kind of thing or event it names', () => {
    expect(rel('notified', 'informed')).toBe(true);
    expect(rel('warned', 'informed')).toBe(true);
    expect(rel('bombing', 'attack')).toBe(true);
    expect(rel('murder', 'killing')).toBe(true);
  });

  // Pattern: two words of one sense.
  it('relates two words of one sense', () => {
    expect(rel('purchase', 'buy')).toBe(true);
    expect(rel('agreement', 'deal')).toBe(true);
  });

  // Pattern: two kinds of one thing only when that thing has few kinds.
  it('relates two kinds of a narrow thing, not of a broad one', () => {
    expect(rel('strike', 'bombing')).toBe(true);
    // Both ways to communicate: talking is no kind of informing.
    expect(rel('talks', 'informed')).toBe(false);
  });

  // Pattern: relatedness is not transitive and not a topic of its own.
  it('leaves unrelated news words apart', () => {
    expect(rel('budget', 'flood')).toBe(false);
    expect(rel('bridge', 'election')).toBe(false);
    expect(rel('hospital', 'harbour')).toBe(false);
  });

  it('lists a word’s related words, a word never its own', () => {
    const list = relatedStems(stem('notified'), 40);
    expect(list).toContain(stem('inform'));
    expect(list).not.toContain(stem('notified'));
    expect(relatedStems(stem('notified'), 1)).toHaveLength(1);
    expect(relatedStems('zzqx', 10)).toEqual([]);
  });
});

describe('related words in matching', () => {
  // Pattern: two reports of one event in other words meet in the store's index: a name and a
  // related word.
  it('asks the index for a name with a related word', () => {
    const older = candidateKeys('Residents of Harlow were warned about the flood');
    const newer = candidateKeys('Residents of Harlow were alerted about the flood');
    const unrelated = candidateKeys('Residents of Harlow were thanked about the flood');
    const pairs = (k: string[]) => k.filter((x) => x.startsWith('p:'));
    const meet = (x: { lookup: string[] }) => pairs(x.lookup).filter((k) => older.stored.includes(k));
    expect(meet(newer).length).toBeGreaterThan(meet(unrelated).length);
  });

  // Pattern: the speaker's own name anchors a lookup ("it learned …" speaks of the speaker).
  it('anchors a lookup on the speaker’s name', () => {
    const older = candidateKeys('Kessler was notified of the strike before it began');
    const said = 'it learned about the strike from the army';
    const withSpeaker = candidateKeys(said, '', undefined, 'Kessler administration');
    const without = candidateKeys(said);
    const meet = (x: { lookup: string[] }) => x.lookup.filter((k) => older.stored.includes(k));
    expect(meet(withSpeaker).length).toBeGreaterThan(meet(without).length);
  });

  // Pattern: a time-order conflict between reports that word the event differently.
  it('sets "warned before" against "informed only after" for one event', () => {
    const a = st('The council warned Harlow before the storm', { speakerName: 'Mayor Ada Park' });
    const said = (verb: string) =>
      st(`Harlow was ${verb} of the gale only after it hit`, { ...other, speakerName: 'Tom Reid' });
    expect(types(said('informed'), a)).toContain('contradiction');
    // "thanked" is no way of warning: nothing says the two speak of one event.
    expect(types(said('thanked'), a)).not.toContain('contradiction');
  });

  // Pattern: a name spelled like a related word is a name ("Strike" the surname).
  it('never relates a name to a word', () => {
    const a = st('Lawyers for Ms Strike filed the appeal in Harlow on Monday', { speakerName: 'Tom Reid' });
    const b = st('The attack hit the fuel depot in Harlow on Monday', { ...other, speakerName: 'Ada Park' });
    expect(types(b, a)).not.toContain('contradiction');
  });
});

describe('synonyms in one speaker’s claim reworded', () => {
  const claim = (text: string, over = {}) => st(text, { kind: 'indirect', ...over });
  // Pattern: a reworded report of one claim: the same sense in other words ("bought" / "purchased").
  it('takes a claim with a word of the same sense for the same claim', () => {
    const a = claim('the depot will be purchased by the council');
    const b = claim('the council will buy the depot', other);
    expect(types(b, a)).toContain('same-quote');
  });

  // Pattern: a related word that is not the same sense changes the claim ("warned" is a way to
  // inform, and says more).
  it('does not take a merely related word for the same sense', () => {
    const a = claim('the council informed the tenants');
    const b = claim('the council warned the tenants', other);
    expect(types(b, a)).not.toContain('same-quote');
  });
});

describe('one word derived two ways', () => {
  // Pattern: a derivational suffix taken off ("pregnancy" / "pregnant", "investigation" /
  // "investigate") leaves one root of five letters or more; a short root proves nothing
  // ("station" / "state", "signal" / "sign").
  it('tells a shared root of five letters from a chance likeness', () => {
    expect(sameRoot(conceptOf('pregnancy')!, conceptOf('pregnant')!)).toBe(true);
    expect(sameRoot(conceptOf('investigation')!, conceptOf('investigate')!)).toBe(true);
    expect(sameRoot(conceptOf('station')!, conceptOf('state')!)).toBe(false);
    expect(sameRoot(conceptOf('signal')!, conceptOf('sign')!)).toBe(false);
    expect(sameRoot(conceptOf('portion')!, conceptOf('port')!)).toBe(false);
  });
  // A denial that names the claim by a word derived from the claim's ("pregnancy rumours" /
  // "is pregnant") is said of it.
  it('finds a denial worded with a derived word', () => {
    const a = st('The ambassador Ana Ruiz is pregnant with twins.', { kind: 'indirect' });
    const b = st('Ana Ruiz pregnancy reports are false, embassy says', { ...other, kind: 'indirect' });
    expect(types(b, a)).toContain('contradiction');
  });
});
