/**
 * Nearly the same words with a negation added or removed are not one quote printed twice: they
 * are a possible conflict, and an altered quote says so. Invented sentences only.
 */
import { describe, expect, it } from 'vitest';
import { classifyPair } from '../../utils/match/classify';
import { claimFeatures } from '../../utils/match/contradiction';
import { other, st, types } from './statements';

describe('a negation changes the claim', () => {
  // Pattern: a quote printed with and without "not" by one speaker: a conflict and an altered quote naming the negation.
  it('the same speaker, quoted', () => {
    const a = st('The bridge will not reopen on Monday.');
    const b = st('The bridge will reopen on Monday.', other);
    const rel = classifyPair(a, b);
    expect(rel.map((r) => r.type).sort()).toEqual(['altered-quote', 'contradiction']);
    expect(rel.find((r) => r.type === 'contradiction')!.reason).toContain('‘reopen’ vs ‘not reopen’');
    expect(rel.find((r) => r.type === 'altered-quote')!.reason).toContain('negation');
  });

  // Pattern: the same words with and without a negator from two named people disagree; it is no misattribution.
  it('two speakers', () => {
    const a = st('The bridge will reopen on Monday.');
    const b = st('The bridge will never reopen on Monday.', { ...other, speakerName: 'Tom Becker' });
    expect(types(a, b)).toEqual(['contradiction']);
  });

  // Pattern: one speaker reported with and without a negation is not "the same claim".
  it('reported speech', () => {
    const a = st('the Elm Street bridge would reopen to traffic on Monday', { kind: 'indirect' });
    const b = st('the Elm Street bridge would not reopen to traffic on Monday', {
      ...other,
      kind: 'indirect',
    });
    const t = types(a, b);
    expect(t).toContain('contradiction');
    expect(t).not.toContain('same-quote');
  });

  // Pattern: a partial quote that leaves out the negation of the full quote is not "quoted in part".
  it('a fragment without the negation', () => {
    const a = st('reopen the Elm Street bridge', { kind: 'partial' });
    const b = st('We will not reopen the Elm Street bridge this year.', other);
    expect(types(a, b)).toEqual(['contradiction']);
  });

  // Pattern: a longer quote that negates something else and asserts the fragment still contains it.
  it('a fragment inside a quote that negates another thing', () => {
    const a = st('reopen the Elm Street bridge', { kind: 'partial' });
    const b = st('We will not reopen the tunnel, but we will reopen the Elm Street bridge.', other);
    expect(types(a, b)).toEqual(['same-quote']);
    const c = st('the launch of the Kestrel satellite was a success', { kind: 'partial' });
    const d = st('The landing failed, but the launch of the Kestrel satellite was a success.', other);
    expect(types(c, d)).toEqual(['same-quote']);
  });

  // Pattern: "not only", "not just" add to a claim; they deny nothing.
  it('"not only" is no negation', () => {
    const a = st('The council will not only reopen the Elm bridge on Monday.');
    const b = st('The council will reopen the Elm bridge on Monday.', other);
    expect(types(a, b)).toEqual(['altered-quote']);
  });

  // Pattern: two negations that say the same thing ("not" vs "never") are still one quote, altered.
  it('the same polarity either way', () => {
    const a = st('The bridge will not reopen on Monday.');
    const b = st('The bridge will never reopen on Monday.', other);
    expect(types(a, b)).toEqual(['altered-quote']);
  });
});

describe('conflicts inside one article', () => {
  // one speaker's statements in one article are one account: the writer printed them together
  it('finds no conflict between two statements of one speaker on one page', () => {
    const a = st('The council did not approve the new harbour wall in March.', { kind: 'indirect' });
    const b = st('The council approved the new harbour wall in March.', { kind: 'indirect' });
    expect(types(a, b)).not.toContain('contradiction');
  });
  it('still finds it between two speakers on one page', () => {
    const a = st('The council did not approve the new harbour wall in March.', { kind: 'indirect' });
    const b = st('The council approved the new harbour wall in March.', {
      kind: 'indirect',
      speakerName: 'Tom Reid',
    });
    expect(types(a, b)).toContain('contradiction');
  });
  it('still finds it for one speaker on two pages', () => {
    const a = st('The council did not approve the new harbour wall in March.', { kind: 'indirect' });
    const b = st('The council approved the new harbour wall in March.', { kind: 'indirect', ...other });
    expect(types(a, b)).toContain('contradiction');
  });
});

describe('one speaker’s words negated inside one article', () => {
  // the same words with and without "not" by one speaker on one page are still one account
  it('finds no conflict', () => {
    const a = st('We will not close the clinic on Fridays.');
    const b = st('We will close the clinic on Fridays.');
    expect(types(a, b)).not.toContain('contradiction');
  });
  it('finds one on two pages', () => {
    const a = st('We will not close the clinic on Fridays.');
    const b = st('We will close the clinic on Fridays.', other);
    expect(types(a, b)).toContain('contradiction');
  });
});

describe('what a negation reaches but does not head', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };

  // Pattern: "does not pose a risk" denies the posing; the risk it reaches is not asserted, so it
  // does not clash with another report that the risk is absent.
  it('is not asserted: two reports that deny the same risk do not conflict', () => {
    const a = st('The new Brennan Street depot does not pose a risk to Harbour Point residents.', unnamed);
    const b = st('The Brennan Street depot is no risk to Harbour Point residents, engineers said.', {
      ...unnamed,
      ...other,
    });
    expect(types(b, a)).not.toContain('contradiction');
  });

  // Pattern: the negation's head itself is still denied against a report that asserts it.
  it('leaves the head denied: not approved vs approved', () => {
    const a = st('The council did not approve the Lakeside stadium plan on Tuesday.', unnamed);
    const b = st('The council approved the Lakeside stadium plan on Tuesday.', { ...unnamed, ...other });
    expect(types(b, a)).toContain('contradiction');
  });
});

describe('a negative implicative verb negates the verb after "to"', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };

  // Pattern: "refused to V" entails "did not V" (Karttunen's implicatives): against "V-ed", a conflict.
  it('refused to approve vs approved', () => {
    const a = st('The Harwood council refused to approve the Lakeside stadium plan on Tuesday.', unnamed);
    const b = st('The Harwood council approved the Lakeside stadium plan on Tuesday.', {
      ...unnamed,
      ...other,
    });
    expect(types(b, a)).toContain('contradiction');
  });

  // Pattern: "declined to V" and "did not V" say the same; no conflict between them.
  it('declined to confirm agrees with did not confirm', () => {
    const a = st('The Ridgeway ministry declined to confirm the Harlow mine closure report.', unnamed);
    const b = st('The Ridgeway ministry did not confirm the Harlow mine closure report.', {
      ...unnamed,
      ...other,
    });
    expect(types(b, a)).not.toContain('contradiction');
  });

  // Pattern: a negated negative implicative ("did not fail to V", "has not refused to V") entails V:
  // no conflict with "V-ed".
  it('did not refuse to sign agrees with signed', () => {
    const a = st('The Harwood council did not refuse to sign the Lakeside stadium lease.', unnamed);
    const b = st('The Harwood council signed the Lakeside stadium lease.', { ...unnamed, ...other });
    expect(types(b, a)).not.toContain('contradiction');
    expect(types(a, b)).not.toContain('contradiction');
  });
});

describe('one thing without a shared name', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };

  // Pattern: nearly all of the shorter claim's content words, denied on one side and asserted on
  // the other, are one thing even when no name is shared.
  it('the council will not scrap the night bus vs would scrap it', () => {
    const a = st('the council will not scrap the night bus service this winter', unnamed);
    const b = st(
      'officials said the council would scrap the night bus service this winter as fuel costs rise',
      {
        ...unnamed,
        ...other,
      },
    );
    expect(types(b, a)).toContain('contradiction');
  });

  // Pattern: the same holds for an antonym axis taken with opposite signs ("not safe" vs "safe").
  it('the river dam is not safe vs was safe', () => {
    const a = st('the river dam is not safe after the winter floods', unnamed);
    const b = st('inspectors said on Friday the river dam was safe after the winter floods', {
      ...unnamed,
      ...other,
    });
    expect(types(b, a)).toContain('contradiction');
  });

  // Pattern: a word or two in common with a negation between them is not one thing.
  it('not through shared words alone', () => {
    const a = st('residents were told not to drink the tap water', unnamed);
    const b = st('the tap water was believed to contain lead from old pipes', { ...unnamed, ...other });
    expect(types(b, a)).not.toContain('contradiction');
  });
});

describe('"too … to" denies the verb after "to"', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };

  // Pattern: "too divided to approve" says it will not approve (Quirk §16.76): against "will approve", a conflict.
  it('too divided to approve vs will approve', () => {
    const a = st('The Harlow council is too divided to approve the stadium plan this year', unnamed);
    const b = st('The Harlow council will approve the stadium plan this year', { ...unnamed, ...other });
    expect(types(b, a)).toContain('contradiction');
  });

  // Pattern: "too young to be sent" and "should not send" say the same; no conflict.
  it('too young to be sent agrees with should not be sent', () => {
    const a = st('The Brennan Street cadets are too young to be sent to the Harlow base', unnamed);
    const b = st('The Brennan Street cadets should not be sent to the Harlow base', { ...unnamed, ...other });
    expect(types(b, a)).not.toContain('contradiction');
  });
});

describe('"unable to" and "failed to" as negations', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };

  // Pattern: "could not agree" and "was unable to agree" say the same (the paraphrase case).
  it('could not agree agrees with was unable to agree', () => {
    const a = st('The Harlow council could not agree on a budget for the new year', unnamed);
    const b = st('The Harlow council was unable to agree on a budget for the new year', {
      ...unnamed,
      ...other,
    });
    expect(types(b, a)).not.toContain('contradiction');
  });

  // Pattern: the nouns of the negative implicatives ("inability to", "failure to", "refusal to")
  // deny the verb after them as the verbs do: "cannot be repaid" agrees with "an inability to repay".
  it('an inability, a failure or a refusal to act agrees with a negated act', () => {
    const a = st('Farm loans taken out in the drought cannot be renewed', unnamed);
    for (const text of [
      'There is an inability to renew farm loans taken out in the drought',
      'Farmers report a failure to renew loans taken out in the drought',
    ])
      expect(types(st(text, { ...unnamed, ...other }), a), text).not.toContain('contradiction');
    const c = st('The bank renewed the farm loans taken out in the drought', unnamed);
    expect(
      types(
        st('The bank confirmed its refusal to renew the farm loans taken out in the drought', {
          ...unnamed,
          ...other,
        }),
        c,
      ),
    ).toContain('contradiction');
  });

  // Pattern: "failed to agree" against "agreed" is a conflict, the past form joining its verb.
  it('failed to agree vs agreed', () => {
    const a = st('The Harlow council failed to agree on a budget for the new year', unnamed);
    const b = st('The Harlow council agreed on a budget for the new year', { ...unnamed, ...other });
    expect(types(b, a)).toContain('contradiction');
  });
});

describe('"rather than" and "instead of" deny what follows them', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };
  // Pattern: "repair X rather than replace it" does not replace X: it agrees with "will not replace X"
  // and disagrees with "will replace X".
  it('rather than', () => {
    const a = st('The Ashby council will repair the Mill Lane bridge rather than replace it', unnamed);
    const no = st('The Ashby council will not replace the Mill Lane bridge', { ...unnamed, ...other });
    const yes = st('The Ashby council will replace the Mill Lane bridge', { ...unnamed, ...other });
    expect(types(no, a)).not.toContain('contradiction');
    expect(types(yes, a)).toContain('contradiction');
  });

  // Pattern: "instead of X," denies its own phrase only: the clause after the comma is asserted.
  it('instead of, up to the end of its phrase', () => {
    const f = claimFeatures('Instead of new tolls, drivers on the Severn crossing will pay a yearly fee.');
    expect(f.negated).toContain('toll');
    expect(f.asserted).toContain('driver');
  });

  // Pattern: a noun's of-phrase is part of the phrase a "not" denies ("not the isolation of a
  // blockade"): it agrees with "instead of a blockade".
  it('an of-phrase inside the denied phrase', () => {
    const a = st(
      'Free trade, not the isolation of a blockade, will bring growth to the Tamsin Islands',
      unnamed,
    );
    const b = st('Instead of a blockade, free trade will bring growth to the Tamsin Islands', {
      ...unnamed,
      ...other,
    });
    expect(types(b, a)).not.toContain('contradiction');
  });
});

describe('British and American spellings of one verb', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };
  // Pattern: "has not cancelled" denies "cancels": the doubled l of British spelling is one verb.
  it('has not cancelled vs cancels', () => {
    const a = st('Ferry operator Nordlink cancels all sailings to Bergen', unnamed);
    const b = st('Nordlink has not cancelled its sailings to Bergen, the operator said', {
      ...unnamed,
      ...other,
    });
    expect(types(b, a)).toContain('contradiction');
  });
});

describe('a to-infinitive under a negation', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };

  // Pattern: "never had the chance again to win" does not say that one won; it agrees with "never won".
  it('is not asserted', () => {
    expect(
      claimFeatures('The Harlow striker never had the chance again to win the county cup.').asserted,
    ).not.toContain('win');
    const a = st('The Harlow striker never had the chance again to win the county cup', unnamed);
    const b = st('The Harlow striker never won the county cup', { ...unnamed, ...other });
    expect(types(b, a)).not.toContain('contradiction');
    // Out of the negation's reach and after no "to", a word stays asserted.
    expect(
      claimFeatures('The striker did not play on Sunday, and the Harlow side went on and won the county cup.')
        .asserted,
    ).toContain('win');
  });
});

describe('words that deny without "not"', () => {
  const unnamed = { speakerName: null, speakerType: null } as const;
  const conflict = (a: string, b: string) =>
    classifyPair(st(a, unnamed), st(b, { ...unnamed, ...other })).some((r) => r.type === 'contradiction');

  // Pattern: a privative ("lacks", "a lack of") denies what follows it, as "does not have" would.
  it('reads "lacks" as a negation', () => {
    expect(
      conflict(
        'The Harlow council lacks the money to repair the old bridge.',
        'The Harlow council has the money to repair the old bridge.',
      ),
    ).toBe(true);
  });

  // Pattern: two negative wordings of one fact agree ("incapable of" / "failed to", "few" / "not many").
  it('finds no conflict between two negative wordings', () => {
    expect(
      conflict(
        'The old Harlow ferry was incapable of carrying lorries across the estuary.',
        'The old Harlow ferry failed to carry lorries across the estuary.',
      ),
    ).toBe(false);
    expect(
      conflict(
        'Few residents of Harlow supported the ring road plan.',
        'Not many residents of Harlow supported the ring road plan.',
      ),
    ).toBe(false);
  });

  // Pattern: "a few" asserts some, so it still conflicts with "no".
  it('keeps "a few" positive', () => {
    expect(
      conflict(
        'A few residents of Harlow supported the ring road plan.',
        'No residents of Harlow supported the ring road plan.',
      ),
    ).toBe(true);
  });
  // Pattern: a verb of wanting or trying asserts nothing of the verb it takes ("want to sign" is
  // not "signed"), so its denial is no conflict; the deed itself still is.
  it('does not read "want to V" as V', () => {
    expect(
      conflict(
        'Harlow United want to sign the Danish striker Lars Holm this summer.',
        'Harlow United will not sign the Danish striker Lars Holm this summer.',
      ),
    ).toBe(false);
    expect(
      conflict(
        'Harlow United signed the Danish striker Lars Holm this summer.',
        'Harlow United did not sign the Danish striker Lars Holm this summer.',
      ),
    ).toBe(true);
  });
  // Pattern: a headline's frame of attribution ("The college says …", "…, spokeswoman says") says
  // who denies, not what: the denied words alone must restate the claim.
  it('leaves the frame of attribution out of what a denial must restate', () => {
    const claim = 'A lecturer was suspended for writing a critical blog post.';
    expect(conflict(claim, 'The college says lecturer was never suspended over blog post')).toBe(true);
    expect(conflict(claim, 'Lecturer was never suspended over blog post, college spokeswoman says')).toBe(
      true,
    );
    // Something else denied, with the same frame: no conflict.
    expect(conflict(claim, 'The college says lecturer was never suspended over unpaid fees')).toBe(false);
  });
  // Pattern: a denied intention ("no plans to V", "does not intend to V") denies that V will be
  // done, and a headline's source before a colon ("Water board: …") is its frame of attribution.
  it('reads "no plans to V" as denying V', () => {
    const claim = 'The water board will sell the reservoir to a developer.';
    expect(conflict(claim, 'The water board has no plans to sell the reservoir to a developer.')).toBe(true);
    expect(conflict(claim, 'Water board: no plans to sell reservoir to developer')).toBe(true);
    // The intention denied is another act: no conflict.
    expect(conflict(claim, 'Water board: no plans to drain reservoir')).toBe(false);
  });
  // Pattern: "do not want to V" denies the wanting, not V ("don't want to pay taxes" is said of
  // people who pay them).
  it('reads "not want to V" as denying the wanting', () => {
    expect(
      conflict(
        'Harlow United do not want to sell the Danish striker Lars Holm this summer.',
        'Harlow United are selling the Danish striker Lars Holm this summer.',
      ),
    ).toBe(false);
  });
});

describe('where a negation stops', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };
  // Pattern: a negation may reach a coordinated phrase to its clause's end ("did not find X and Y"
  // finds neither): the words there are not asserted, so two such denials do not conflict.
  it('a coordination in the denied clause is not asserted', () => {
    const a = st(
      'Investigators did not find the knife in the car and the fingerprints of the driver on the door',
      unnamed,
    );
    const b = st('Investigators did not find fingerprints of the driver on the door and a knife in the car', {
      ...unnamed,
      ...other,
    });
    expect(types(b, a)).not.toContain('contradiction');
    expect(
      claimFeatures('Investigators did not find the knife in the car and the fingerprints').asserted,
    ).not.toContain('fingerprint');
  });

  // Pattern: a clause of contrast after the denial ("…, but backed X") asserts again.
  it('a clause of contrast asserts again', () => {
    const a = st('Shareholders of Denmore did not back the merger with Altona, nor the new board', unnamed);
    const b = st(
      'Shareholders of Denmore did not approve the new board, but they backed the merger with Altona',
      {
        ...unnamed,
        ...other,
      },
    );
    expect(types(b, a)).toContain('contradiction');
    expect(claimFeatures('The board did not meet on Monday but approved the merger').asserted).toContain(
      'merger',
    );
  });

  // Pattern: "not the first / the only / the same …" denies the rank, not the noun after it.
  it('an ordinal or "only" takes the focus', () => {
    const a = st('It was not the first time police had been called to the house on Elm Street', unnamed);
    const b = st('Police had been called to the house on Elm Street twice this year', {
      ...unnamed,
      ...other,
    });
    expect(types(b, a)).not.toContain('contradiction');
    expect(claimFeatures('Ravenna is not the only city to ban cars').negated).not.toContain('city');
    // without a rank word the noun is denied
    const c = st('Police were not called to the house on Elm Street', unnamed);
    expect(types(b, c)).toContain('contradiction');
  });
});

describe('a relative clause takes the focus of a negated "be"', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };
  // Pattern: "X is not a N that …" denies what the relative clause says, not that X is a N.
  it('is not a N that …', () => {
    const a = st('The Kestrel Bay plant is not a site that stores nuclear waste', unnamed);
    const b = st('The Kestrel Bay plant is a site for coal storage near the harbour', {
      ...unnamed,
      ...other,
    });
    expect(types(b, a)).not.toContain('contradiction');
    // without the relative clause the noun is denied
    expect(claimFeatures('The Kestrel Bay plant is not a site for coal').negated).toContain('site');
  });
});

describe('a condition denies nothing', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };
  // Pattern: a negation inside an if-clause states a condition; it does not deny that the thing happened.
  it('if … does not …', () => {
    const a = st(
      'If the Ashby council does not approve the pool budget by Friday, the pool will close',
      unnamed,
    );
    const b = st('The Ashby council approved the pool budget on Friday', { ...unnamed, ...other });
    expect(types(b, a)).not.toContain('contradiction');
    // the same denial outside a condition conflicts
    const c = st('The Ashby council did not approve the pool budget on Friday', unnamed);
    expect(types(b, c)).toContain('contradiction');
  });
});

describe('"as long as" states a condition', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };
  // Pattern: "can do X without paying Y as long as Z" sets a condition; it denies no paying.
  it('without … as long as', () => {
    const a = st(
      'Farmers in Carrow can sell surplus milk without paying the county levy as long as it goes to schools',
      unnamed,
    );
    const b = st('Farmers in Carrow are paying the county levy on surplus milk', { ...unnamed, ...other });
    expect(types(b, a)).not.toContain('contradiction');
    // without the condition the levy is denied
    const c = st('Farmers in Carrow sell surplus milk without paying the county levy', unnamed);
    expect(types(b, c)).toContain('contradiction');
  });
});

describe('a negation inside a restrictive relative clause picks out which ones', () => {
  const unnamed = { speakerName: null, speakerType: null, kind: 'indirect' as const };
  // Pattern: "N who/that did not V" defines which N are meant; the claim neither denies nor asserts V.
  it('who did not …', () => {
    const a = st(
      'Residents of Brayford who did not leave their homes were rescued by boat on Sunday',
      unnamed,
    );
    const b = st('Residents of Brayford left their homes on Sunday', { ...unnamed, ...other });
    expect(types(b, a)).not.toContain('contradiction');
    // set off by commas the relative asserts, and the denial conflicts
    const c = st('The residents of Brayford, who did not leave their homes on Sunday, were rescued', unnamed);
    expect(types(b, c)).toContain('contradiction');
  });

  // Pattern: "that does not V" after a noun, with no comma, is restrictive as well.
  it('that does not …', () => {
    const a = st('Shops in Kelling that do not pay the new waste levy will be fined by the council', unnamed);
    const b = st('Shops in Kelling pay the new waste levy to the council', { ...unnamed, ...other });
    expect(types(b, a)).not.toContain('contradiction');
  });

  // Pattern: a cleft ("it was X who did not V") and a predicative noun ("is a man who never V") assert their clause.
  it('a cleft and a predicative noun assert', () => {
    const b = st('The Dunmore mayor signed the harbour contract on Tuesday', { ...unnamed, ...other });
    const cleft = st('It was the Dunmore mayor who did not sign the harbour contract on Tuesday', unnamed);
    expect(types(b, cleft)).toContain('contradiction');
    const said = st('Mayor Ilse Dunmore practises law in the harbour town', { ...unnamed, ...other });
    const pred = st('Mayor Ilse Dunmore is a woman who never practises law in the harbour town', unnamed);
    expect(types(said, pred)).toContain('contradiction');
  });
});
