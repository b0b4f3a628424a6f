/**
 * A claim and a report that calls it false, on invented news sentences (none from the corpora):
 * headline-style denials with no name in common, the same words called false, the reply "No,",
 * and "lie" as a posture.
 */
import { describe, expect, it } from 'vitest';
import { classifyPair } from '../../utils/match/classify';
import { claimFeatures, sharedTopic } from '../../utils/match/contradiction';
import { other, st } from './statements';

const unnamed = { speakerName: null, speakerType: null } as const;
const conflict = (a: string, b: string) =>
  classifyPair(st(a, unnamed), st(b, { ...unnamed, ...other })).find((r) => r.type === 'contradiction');

describe('a claim called false', () => {
  // Pattern: a denial restates most of the claim it denies, though no name is shared ("officials
  // deny the bus fleet will switch to hydrogen").
  it('without a shared name, when most of the claim is restated', () => {
    const c = conflict(
      'The council’s bus fleet will switch to hydrogen next year.',
      'Transport officials deny bus fleet will switch to hydrogen',
    );
    expect(c?.reason).toContain('deny');
    // Two shared words are a subject, not the claim: "the bus fleet" denied of something else.
    expect(
      conflict(
        'The council’s bus fleet will switch to hydrogen next year.',
        'Transport officials deny the bus fleet is overcrowded at rush hour',
      ),
    ).toBeUndefined();
    // A denial of another claim on a shared name's subject is none either.
    expect(
      conflict(
        'Ryanair will add twelve routes from Dublin this winter.',
        'Ryanair denies its pilots are planning a strike',
      ),
    ).toBeUndefined();
  });

  // Pattern: a hoax headline names the rumour by the claim's own words ("the talking parrot video is
  // fake"), while the claim says more than the headline repeats.
  it('when the refuting side is made of the claim’s words', () => {
    const c = conflict(
      'A pet shop owner in Leicester filmed a parrot that can recite the alphabet in three languages.',
      'Alphabet-reciting parrot story is a hoax',
    );
    expect(c?.reason).toContain('hoax');
    // The same short headline with words the claim does not have is about something else.
    expect(
      conflict(
        'A pet shop owner in Leicester filmed a parrot that can recite the alphabet in three languages.',
        'Alphabet-reciting parrot sold at auction story is a hoax',
      ),
    ).toBeUndefined();
  });

  // Pattern: "X denies <handle> rumours": a short denial names the claim by a word or two of it,
  // and the one who denies is the claim's subject.
  it('when everything the denial is said of is in the claim, with a shared name', () => {
    const claim = 'The carmaker Volvo is moving its European headquarters to Amsterdam next spring.';
    expect(conflict(claim, 'Volvo denies Amsterdam rumours, says Gothenburg remains home')?.reason).toContain(
      'denies',
    );
    // The denial names something the claim does not say: another claim about the same company.
    expect(conflict(claim, 'Volvo denies layoff rumours, says Gothenburg remains home')).toBeUndefined();
    // The refuting adjective is said of its subject: all of it must be the claim's.
    expect(conflict(claim, 'Volvo Amsterdam story is false, says chairman')?.reason).toContain('false');
    expect(conflict(claim, 'Volvo plant closure story is false, says chairman')).toBeUndefined();
    // A passive is said of its subject, as an adjective is.
    expect(conflict(claim, 'Volvo Amsterdam rumours denied by chairman')?.reason).toContain('denied');
    expect(conflict(claim, 'Volvo Amsterdam rumours were firmly denied on Friday')?.reason).toContain(
      'denied',
    );
    expect(conflict(claim, 'Volvo layoff rumours denied by chairman')).toBeUndefined();
  });

  // Pattern: nearly the same words, one side calling them false ("reports that … are untrue"): a
  // possible conflict, not only a reworded reprint.
  it('the same words called false', () => {
    const c = conflict(
      'The steelworks will close in March with the loss of 300 jobs.',
      'Reports that the steelworks will close in March with the loss of 300 jobs are untrue.',
    );
    expect(c?.reason).toContain('untrue');
    // Both calling the same thing false agree.
    expect(
      conflict(
        'Reports that the steelworks will close in March with the loss of 300 jobs are untrue.',
        'Reports that the steelworks will close in March with the loss of 300 jobs are untrue, the union says.',
      ),
    ).toBeUndefined();
  });
});

describe('the reply "No,"', () => {
  // Pattern: a quote opening with the answer "No," asserts what follows it.
  it('does not negate the words after it', () => {
    const c = conflict(
      'We will not sign the agreement with the union this week.',
      'No, we will sign the agreement with the union this week.',
    );
    expect(c?.reason).toContain('not sign');
    // The denial is the "not" after it: the reason names the verb, not "not mayor".
    const d = conflict(
      'The mayor of Carlisle resigned on Tuesday evening.',
      'No — the mayor of Carlisle has not resigned, his office said.',
    );
    expect(d?.reason).toContain('not resigned');
    // "no" as a determiner still negates: "no jobs will be lost".
    expect(claimFeatures('No jobs will be lost at the plant.').negated.size).toBeGreaterThan(0);
  });
});

describe('"lie"', () => {
  // Pattern: "lie" followed by a word of place is the verb of posture, not a falsehood.
  it('of posture refutes nothing', () => {
    expect(claimFeatures('A man was lying on the pavement outside the station.').refutation).toBeNull();
    expect(claimFeatures('Three hikers lie under the snow near the pass.').refutation).toBeNull();
    expect(claimFeatures('He is lying about the money, the prosecutor said.').refutation?.phrase).toBe(
      'lying',
    );
    expect(claimFeatures('The minister lied to parliament in May.').refutation?.phrase).toBe('lied');
  });
});

describe('a headline in title case', () => {
  // Pattern: a title-case denial is read word by word ("Denies" is a verb, not a name), and a name
  // it shares with the claim is still one name.
  it('denies a claim as a sentence-case one does', () => {
    const claim = 'Heathrow will build a third runway by 2030, the airport’s owners said.';
    expect(conflict(claim, 'Heathrow Denies It Will Build a Third Runway by 2030')?.reason).toContain(
      'denies',
    );
    expect(conflict(claim, 'Heathrow denies it will build a third runway by 2030')?.reason).toContain(
      'denies',
    );
    // Agreeing in title case is no conflict.
    expect(conflict(claim, 'Heathrow to Build Third Runway by 2030, Owners Say')).toBeUndefined();
  });

  // Pattern: a name written as one in prose and capitalised where capitals prove nothing is shared.
  it('shares a name with the prose that writes it as one', () => {
    const a = claimFeatures('The new terminal at Stansted will open in June.');
    const b = claimFeatures('Stansted Terminal Will Not Open in June');
    const topic = sharedTopic(a, b);
    expect(topic.entities).toBeGreaterThanOrEqual(1);
    expect(topic.concepts.map((c) => c.word)).toContain('stansted');
  });
});

describe('rejecting a claim', () => {
  // Pattern: "reject", "dismiss", "rebuff" refute only a claim ("rejected reports that …"), not an
  // offer or a person.
  it('refutes when its object is a noun of saying', () => {
    const phrase = (t: string) => claimFeatures(t).refutation?.phrase;
    expect(phrase('The ministry rejected reports that the dam had cracked.')).toBe('rejected');
    expect(phrase('Officials dismissed the allegations as politically motivated.')).toBe('dismissed');
    expect(phrase('The union rejected the pay offer on Friday.')).toBeUndefined();
    expect(phrase('The coach dismissed two players before the final.')).toBeUndefined();
  });
});

describe('time order needs one event', () => {
  const said = (speakerName: string, site = {}) => ({ speakerName, speakerType: 'person' as const, ...site });
  const timeConflict = (a: string, b: string) =>
    classifyPair(st(a, said('Ana Ruiz')), st(b, said('Tom Reid', other))).find(
      (r) => r.type === 'contradiction',
    );

  // Pattern: "before X" and "after Y" conflict only when X and Y are one event (or one is "it").
  it('the events the two prepositions name must be one', () => {
    expect(
      timeConflict(
        'The Harlow council was told about the leak before the inspection.',
        'Harlow council members only learned of the leak after the inspection of the pipes.',
      )?.reason,
    ).toContain('before the inspection');
    expect(
      timeConflict(
        'The Harlow council was told about the leak before it was made public.',
        'Harlow council members only learned of the leak after the inspection of the pipes.',
      ),
    ).toBeDefined();
    // Two different events: told of the leak before the inspection, fixed it after the storm.
    expect(
      timeConflict(
        'The Harlow council was told about the leak before the inspection.',
        'The Harlow council repaired the leak after the storm.',
      ),
    ).toBeUndefined();
  });

  // Pattern: "before" ending its sentence is the adverb "previously", no time order.
  it('a sentence-final "before" orders nothing', () => {
    expect(claimFeatures('The Harlow council has closed the pool before.').early).toBeNull();
    // The time preposition after it is still read, with its event.
    const f = claimFeatures('The pool has closed before. Staff were told before the inspection.');
    expect([...(f.early?.anchor?.keys ?? [])]).toContain('inspection');
  });
});

describe('senses that call nothing false', () => {
  // Pattern: "deny" in the passive with an object left withholds something ("were denied visas").
  it('"denied visas" is a refusal, "the reports were denied" a refutation', () => {
    expect(claimFeatures('The players had been denied visas to enter the country.').refutation).toBeNull();
    expect(claimFeatures('The team was initially denied entry at the border.').refutation).toBeNull();
    expect(claimFeatures('The reports were denied by the ministry.').refutation?.phrase).toBe('denied');
  });

  // Pattern: a negated reporting verb denies a saying, not what follows it.
  it('"have not said why the team …" negates no word of the team', () => {
    const f = claimFeatures('Officials have not said why the team was stopped at the border.');
    expect(f.negated.size).toBe(0);
    expect(claimFeatures('Officials have not stopped the team at the border.').negated.size).toBe(1);
  });
});

describe('hedged words', () => {
  // Pattern: "alleged", "reportedly" report a claim without vouching for it: the word after them is not asserted.
  it('are not asserted, so a denial does not clash with them', () => {
    expect(
      claimFeatures('Prosecutors are looking into the alleged bribe paid to the Harlow mayor.').asserted,
    ).not.toContain('bribe');
    expect(
      claimFeatures('Prosecutors are looking into the bribe paid to the Harlow mayor.').asserted,
    ).toContain('bribe');
    expect(
      conflict(
        'Prosecutors are looking into the alleged bribe paid to the Harlow mayor by the contractor.',
        'The Harlow mayor was paid no bribe by the contractor, his lawyer said.',
      ),
    ).toBeUndefined();
  });
});

describe('a question', () => {
  // Pattern: a question asserts nothing: "Is the video a fake?" calls nothing false, "Why wouldn't
  // they sign?" denies nothing.
  it('carries no refutation, negation or assertion', () => {
    const f = claimFeatures('Is the Harlow flood video a fake? Experts are still looking at it.');
    expect(f.refutation).toBeNull();
    expect(f.asserted).not.toContain('flood');
    expect(f.asserted).toContain('expert');
    expect(claimFeatures('Why would the council not sign the harbour deal?').negated.size).toBe(0);
    expect(
      conflict(
        'A video shows the Harlow flood sweeping away three cars on Monday.',
        'Is the video of the Harlow flood sweeping away three cars a fake?',
      ),
    ).toBeUndefined();
    expect(
      conflict(
        'A video shows the Harlow flood sweeping away three cars on Monday.',
        'The video of the Harlow flood sweeping away three cars is a fake.',
      ),
    ).toBeDefined();
  });
});

describe('what a denial is said of', () => {
  // Pattern: a report on one event mentions a denial of something else ("accused of X – a charge
  // his family deny"); the denial's subject is not in the other claim, however much else is shared.
  it('is no conflict when its subject is none of the other claim’s words', () => {
    expect(
      conflict(
        'A protester at the Harlow harbour blockade was arrested on Sunday and accused of assaulting police officers – a charge his family strongly deny.',
        'Protesters at the Harlow harbour blockade were beaten by police officers on Sunday.',
      ),
    ).toBeUndefined();
    // Its subject in the claim: still a denial of it.
    expect(
      conflict(
        'The story of the Harlow mayor’s resignation over the harbour contract is false.',
        'The Harlow mayor resigned over the harbour contract on Sunday.',
      )?.cue,
    ).toBe('refutation');
  });

  // Pattern: "denied the allegations" names a claim by its kind, not its words: it may deny
  // anything said of the person, so where it is said ("in an interview") tells nothing.
  it('is still a conflict when it names the claim only by its kind', () => {
    expect(
      conflict(
        'Minister Ana Ruiz denied the allegations in a radio interview on Sunday.',
        'Minister Ana Ruiz took payments from the harbour contractor, the newspaper reported.',
      )?.cue,
    ).toBe('refutation');
  });

  // Pattern: a refuting adjective before a noun is said of that noun and what follows it
  // ("baseless rumours of a split"), not of the words before it.
  it('reads a refuting adjective before its noun as said of what follows', () => {
    expect(
      conflict(
        'Baseless rumours of a Coldplay split, the band’s manager told fans',
        'Coldplay are splitting up after 25 years',
      )?.cue,
    ).toBe('refutation');
  });
  // Pattern: a refuting adjective whose noun has its content after it ("unfounded suspicions that
  // they leaked …") is said of that content; when none of it is in the other claim, it is about
  // something else, however much else the two share.
  it('reads a refuting adjective’s spelled-out content as what it is said of', () => {
    expect(
      conflict(
        'Staff at the Harlow port authority fear they will be sidelined by the new board on the strength of unfounded suspicions that they leaked the tender documents.',
        'The new board of the Harlow port authority refuses to name its staff, who remain anxious',
      ),
    ).toBeUndefined();
    // The content in the claim: still a conflict.
    expect(
      conflict(
        'The Harlow port authority dismissed unfounded fears that its container terminal will close next year.',
        'The Harlow port authority’s container terminal will close next year.',
      ),
    ).toBeDefined();
  });
  // Pattern: a denial with no name in common but the same exact figure ("story of 24 minutes")
  // names one event as a name would.
  it('takes a shared exact figure as an anchor, as a shared name', () => {
    expect(
      conflict(
        'A diver held his breath for 24 minutes off the coast.',
        'Doctors say the diver’s story of 24 minutes is untrue',
      )?.cue,
    ).toBe('refutation');
    // Another figure: no refutation of this claim.
    expect(
      conflict(
        'A diver held his breath for 24 minutes off the coast.',
        'Doctors say the diver’s story of 25 minutes is untrue',
      )?.cue,
    ).not.toBe('refutation');
  });
});

describe('the fact-checkers’ words', () => {
  // Pattern: the ratings fact-checkers give a false claim (a scam, satire, misattributed) call it false.
  it('reads a scam, satire and a misattributed quote as a claim called false', () => {
    expect(
      conflict(
        'Every shopper at the Harlow Aldi gets a free 50-pound voucher this weekend.',
        'That viral Harlow Aldi voucher for shoppers is a scam',
      )?.cue,
    ).toBe('refutation');
    expect(
      conflict(
        'The mayor of Harlow has banned umbrellas in the town centre.',
        'Harlow mayor umbrella ban story is satire, local paper says',
      )?.cue,
    ).toBe('refutation');
    expect(
      conflict(
        'The actor Tom Hanks said that fame is a prison.',
        'Fame quote widely shared online is misattributed to Tom Hanks',
      )?.cue,
    ).toBe('refutation');
  });

  // Pattern: "hoax" and "scam" after a preposition or before their noun name a deed ("arrested
  // over a hoax bomb call"), not a claim called false.
  it('does not read a hoax or a scam named as a deed as a denial', () => {
    expect(
      conflict(
        'Police in Harlow arrested two men on Monday.',
        'Police arrested two Harlow men on Monday over a hoax bomb call',
      ),
    ).toBeUndefined();
    expect(
      conflict(
        'Police in Harlow arrested two men on Monday.',
        'Police arrested two Harlow men on Monday over a phone scam that targeted pensioners',
      ),
    ).toBeUndefined();
  });
});
