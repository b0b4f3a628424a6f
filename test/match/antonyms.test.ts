/**
 * Antonym axes taken from WordNet (utils/match/model/wordnet-antonyms.ts) rather than a hand list:
 * opposite ends of one axis said of one thing are a possible conflict; a negated end, both ends in
 * one statement, or ends said of different things are not. Invented sentences only.
 */
import { describe, expect, it } from 'vitest';
import { classifyPair, type MatchStatement } from '../../utils/match/classify';
import { claimFeatures } from '../../utils/match/contradiction';

function st(text: string, over: Partial<MatchStatement> = {}): MatchStatement {
  return {
    text,
    kind: 'indirect',
    speakerName: 'county engineers',
    speakerType: 'organization',
    pageKey: 'https://one.example/story',
    site: 'one.example',
    ...over,
  };
}
const other = {
  speakerName: 'the mayor’s office',
  pageKey: 'https://two.example/news',
  site: 'two.example',
};
const types = (a: MatchStatement, b: MatchStatement) => classifyPair(a, b).map((r) => r.type);

describe('antonyms from WordNet', () => {
  // Pattern: two adjectives of one WordNet antonym pair said of one thing clash.
  it('strong vs weak', () => {
    const a = st('The Dunmore levee on the Tamsin river was strong.');
    const b = st('The Dunmore levee on the Tamsin river was weak.', other);
    expect(types(a, b)).toContain('contradiction');
    expect(classifyPair(a, b)[0]!.reason).toContain('‘weak’ vs ‘strong’');
  });

  // Pattern: two verbs of one antonym pair clash, whatever their tense.
  it('open vs close', () => {
    const a = st('The Harlow museum will open its east wing in March.');
    const b = st('The Harlow museum closed its east wing in March.', other);
    expect(types(a, b)).toContain('contradiction');
  });

  // Pattern: an adjective head's satellite stands with it ("huge" with "large", against "small").
  it('a satellite of an adjective head: huge vs small', () => {
    const a = st('The Pellam district deficit for the Orsk bridge is huge.');
    const b = st('The Pellam district deficit for the Orsk bridge is small.', other);
    expect(types(a, b)).toContain('contradiction');
  });

  // Pattern: a verb and the noun derived from its antonym share the axis ("admitted" vs "denial").
  it('a derived noun: admitted vs a denial', () => {
    const a = st('The Halden ministry admitted the leak at the Orsk plant.');
    const b = st('The Halden ministry issued a denial of the leak at the Orsk plant.', other);
    expect(types(a, b)).toContain('contradiction');
  });

  // Pattern: a negated end agrees with the other end ("not weak" is on the side of "strong").
  it('a negated antonym does not clash', () => {
    const strong = st('The Dunmore levee on the Tamsin river was strong.');
    expect(types(strong, st('The Dunmore levee on the Tamsin river was weak.', other))).toContain(
      'contradiction',
    );
    expect(types(strong, st('The Dunmore levee on the Tamsin river was not weak.', other))).not.toContain(
      'contradiction',
    );
  });

  // Pattern: a statement that takes both ends of an axis commits to neither.
  it('both ends in one statement take no sign', () => {
    const open = st('The Harlow museum will open its east wing in March.');
    const both = st('The Harlow museum will close the west wing and open its east wing in March.', other);
    expect(types(open, st('The Harlow museum closed its east wing in March.', other))).toContain(
      'contradiction',
    );
    expect(types(open, both)).not.toContain('contradiction');
  });

  // Pattern: one antonym word each, said of different things in statements on one subject.
  it('ends said of different things do not clash', () => {
    const weak = st('The Brenna dam inquiry heard that the old spillway was weak.');
    const same = st('At the Brenna dam inquiry, engineers said the old spillway was strong.', other);
    const unrelated = st(
      'Engineers at the Brenna dam inquiry gave strong evidence about flood forecasts from the river authority.',
      other,
    );
    expect(types(weak, same)).toContain('contradiction');
    expect(types(weak, unrelated)).not.toContain('contradiction');
  });

  // Pattern: two words of one synonym class ("notified", "learned") said of different things are
  // no predicate denied and asserted.
  it('not notified of one thing vs learned about another', () => {
    const a = st('They were not notified in advance that Governor Tate would sign the Pellam housing order.');
    const b = st('They learned about the Pellam housing order from a radio address by Governor Tate.', other);
    expect(types(a, b)).not.toContain('contradiction');
  });

  // Pattern: a word stands on every axis WordNet gives it, each weighed on its own.
  it('a word on two axes', () => {
    const lose = claimFeatures('The Varga team will lose the final.').axes;
    const win = [...claimFeatures('The Varga team will win the final.').axes];
    const keep = [...claimFeatures('The Varga team will keep the title.').axes];
    expect(lose.size).toBe(2);
    expect(lose.get(win[0]![0])?.sign).toBe(-win[0]![1].sign);
    expect(lose.get(keep[0]![0])?.sign).toBe(-keep[0]![1].sign);
  });
});
