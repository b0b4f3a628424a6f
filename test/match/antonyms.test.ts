/**
 * Antonym axes taken from WordNet (utils/match/model/wordnet-antonyms.ts) rather than a hand list:
 * opposite ends of one axis said of one thing are a possible conflict; a negated end, both ends in
 * one statement, or ends said of different things are not. Only descriptive adjectives and verbs
 * outside the converse files make axes (scripts/lexicon/build-wordnet-antonyms.ts): converse,
 * directional and relational pairs ("bought"/"sold", "arrived"/"left", "national"/"local") agree.
 * Invented sentences only.
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

  // Pattern: descriptive adjectives of two states clash: a value of "guilt", of "safety".
  it('guilty vs innocent, safe vs dangerous', () => {
    const guilty = st('A Halden jury found the former Orsk port director guilty of fraud.');
    const innocent = st('A Halden jury found the former Orsk port director innocent of fraud.', other);
    expect(types(guilty, innocent)).toContain('contradiction');
    const safe = st('Inspectors said the Tamsin rail bridge is safe for freight trains.');
    const dangerous = st('Inspectors said the Tamsin rail bridge is dangerous for freight trains.', other);
    expect(types(safe, dangerous)).toContain('contradiction');
  });

  // Pattern: two verbs of one antonym pair clash, whatever their tense.
  it('increase vs decrease', () => {
    const a = st('The Harlow council will increase the toll on the Orsk bridge in March.');
    const b = st('The Harlow council decreased the toll on the Orsk bridge in March.', other);
    expect(types(a, b)).toContain('contradiction');
  });

  // Pattern: a verb's synonyms in the antonym sense stand with it ("prohibit" with "forbid", "allow" with "let").
  it('a synonym of a verb end: permit vs prohibit, allow vs prevent', () => {
    const permit = st('The Halden council will permit street markets in the old town this summer.');
    const prohibit = st(
      'The Halden council will prohibit street markets in the old town this summer.',
      other,
    );
    expect(types(permit, prohibit)).toContain('contradiction');
    const allow = st('The new Varga county rules allow farmers to sell raw milk at the gate.');
    const prevent = st(
      'The new Varga county rules prevent farmers from selling raw milk at the gate.',
      other,
    );
    expect(types(allow, prevent)).toContain('contradiction');
  });

  // Pattern: "acknowledged" stands with "admit" against "deny"; "confirmed" against "denied" is
  // the refutation cue ("denied" calls the claim false), not an antonym.
  it('acknowledged or confirmed vs denied', () => {
    const denied = st('The Halden ministry denied the leak at the Orsk chemical plant.');
    const acknowledged = st('The Halden ministry acknowledged the leak at the Orsk chemical plant.', other);
    const confirmed = st('The Halden ministry confirmed the leak at the Orsk chemical plant.', other);
    expect(types(denied, acknowledged)).toContain('contradiction');
    expect(types(denied, confirmed)).toContain('contradiction');
  });

  // Pattern: an adjective head's satellite stands with it ("huge" with "large", against "small").
  it('a satellite of an adjective head: huge vs small', () => {
    const a = st('The Pellam district deficit for the Orsk bridge is huge.');
    const b = st('The Pellam district deficit for the Orsk bridge is small.', other);
    expect(types(a, b)).toContain('contradiction');
  });

  // Pattern: a converse pair tells one transfer or contest from its two sides: both are true.
  it('converses agree: bought vs sold, won vs lost', () => {
    const bought = st('The Harlow club bought the striker Dario Venn from Ajax for 30 million euros.');
    const sold = st('Ajax sold the striker Dario Venn to the Harlow club for 30 million euros.', other);
    expect(types(bought, sold)).not.toContain('contradiction');
    const won = st('Harlow won the cup final against Varga in extra time.');
    const lost = st('Varga lost the cup final to Harlow in extra time.', other);
    expect(types(won, lost)).not.toContain('contradiction');
  });

  // Pattern: directional verbs of motion are no opposite states.
  it('motion agrees: arrived in one city vs left another, come vs go', () => {
    const arrived = st('The foreign minister arrived in Paris on Tuesday for the Orsk talks.');
    const left = st('The foreign minister left Berlin on Tuesday for the Orsk talks.', other);
    expect(types(arrived, left)).not.toContain('contradiction');
    const come = st('Delegates from Varga will come to Geneva for the Orsk talks next week.');
    const go = st('Delegates from Varga will go to Geneva for the Orsk talks next week.', other);
    expect(types(come, go)).not.toContain('contradiction');
  });

  // Pattern: relational and directional adjectives and noun pairs stand on no axis.
  it('national vs local, north vs south, question vs answer are no axes', () => {
    const national = st('The national broadcaster covered the Orsk floods live on Sunday.');
    const local = st('The local broadcaster covered the Orsk floods live on Sunday.', other);
    expect(types(national, local)).not.toContain('contradiction');
    for (const text of [
      'Flooding blocked the northern road to the Orsk dam.',
      'Flooding blocked the southern road to the Orsk dam.',
      'The Halden mayor took a question on the Orsk budget.',
      'The Halden mayor gave an answer on the Orsk budget.',
      'Ajax sold the striker.',
      'Harlow won the final.',
    ])
      expect(claimFeatures(text).axes.size, text).toBe(0);
  });

  // Pattern: a verb and the noun derived from its antonym share the axis ("admitted" vs "denial").
  it('a noun derived from a verb: admitted vs a denial', () => {
    const a = st('The Halden ministry admitted the leak at the Orsk plant.');
    const b = st('The Halden ministry issued a denial of the leak at the Orsk plant.', other);
    expect(types(a, b)).toContain('contradiction');
  });

  // Pattern: a noun derived from an adjective names its scale, not a value on it: no axis.
  it('a noun derived from an adjective: "the ability" stands on no axis', () => {
    expect(claimFeatures('The rule limits the ability of the Orsk port board.').axes.size).toBe(0);
    expect(claimFeatures('The Orsk port board is able to borrow.').axes.size).toBe(1);
  });

  // Pattern: after "more"/"less" an antonym is a comparison, and inside a hyphenated compound it
  // is part of another word ("long-awaited" is no length).
  it('comparisons and compounds take no sign', () => {
    const safe = st('Inspectors said the Tamsin rail bridge is safe for freight trains.');
    const more = st('Inspectors said the Tamsin rail bridge is more dangerous for freight trains.', other);
    expect(types(safe, more)).not.toContain('contradiction');
    const awaited = st('The Pellam council published its long-awaited report on the Orsk bridge repairs.');
    const brief = st('The Pellam council published a short report on the Orsk bridge repairs.', other);
    expect(types(awaited, brief)).not.toContain('contradiction');
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
    const up = st('The Harlow council will increase the toll on the Orsk bridge in March.');
    const both = st(
      'The Harlow council will decrease the toll on the ferry and increase the toll on the Orsk bridge in March.',
      other,
    );
    expect(
      types(up, st('The Harlow council decreased the toll on the Orsk bridge in March.', other)),
    ).toContain('contradiction');
    expect(types(up, both)).not.toContain('contradiction');
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
    const thin = claimFeatures('The ice on the Orsk lake is thin.').axes;
    const thick = [...claimFeatures('The ice on the Orsk lake is thick.').axes];
    const fat = [...claimFeatures('The Orsk lake trout are fat.').axes];
    expect(thin.size).toBe(2);
    expect(thin.get(thick[0]![0])?.sign).toBe(-thick[0]![1].sign);
    expect(thin.get(fat[0]![0])?.sign).toBe(-fat[0]![1].sign);
  });
});

describe('an antonym a negation reaches', () => {
  // Pattern: a word a negation reaches but does not head ("did not find any failure") takes no
  // side of its axis; the same word asserted still clashes.
  it('takes no side', () => {
    const staff = st('The hospital staff succeeded during the flood, the Tarrow inquiry found.', other);
    const notFound = st(
      'The Tarrow inquiry did not find any failure by the hospital staff during the flood.',
    );
    const found = st('The Tarrow inquiry found failure by the hospital staff during the flood.');
    expect(types(staff, notFound)).not.toContain('contradiction');
    expect(types(staff, found)).toContain('contradiction');
  });
});
