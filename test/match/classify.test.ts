/**
 * The classifier on invented sentences (none from the seed corpus): each relation type, and the
 * cases that must stay unrelated.
 */
import { describe, expect, it } from 'vitest';
import { conflictScore, conflictWords } from '../../utils/match/calibration';
import { classifyPair } from '../../utils/match/classify';
import { other, st, types } from './statements';

describe('same-quote', () => {
  it('a reprint with other punctuation and case on another site', () => {
    const a = st('We will reopen the bridge by the end of the summer, whatever the cost.');
    const b = st('“We will reopen the bridge by the end of the summer — whatever the cost,”', other);
    const rel = classifyPair(a, b);
    expect(rel.map((r) => r.type)).toEqual(['same-quote']);
    expect(rel[0]!.reason).toContain('same 14 words');
    expect(rel[0]!.reason).toContain('two.example');
  });

  it('a short fragment of a longer quote by the same speaker', () => {
    const a = st('unacceptable', { kind: 'partial' });
    const b = st('Frankly this delay is unacceptable to the families who were promised answers.', other);
    expect(types(a, b)).toEqual(['same-quote']);
  });

  it('the same claim paraphrased by two reporters', () => {
    const a = st('the ministry had alerted Portugal about the storm two days before it hit', {
      kind: 'indirect',
      speakerName: 'Health Ministry',
      speakerType: 'organization',
    });
    const b = st('officials alerted Portugal to the coming storm', {
      ...other,
      kind: 'indirect',
      speakerName: 'the Health Ministry',
      speakerType: 'organization',
    });
    expect(types(a, b)).toEqual(['same-quote']);
  });

  // Pattern: one speaker's claim reported twice in other words, naming no one: most content words shared.
  it('the same claim reworded, with no name in it', () => {
    const a = st('the new levy would hurt small farmers and push up food prices', { kind: 'indirect' });
    const b = st('small farmers would be hurt by the levy, which would also push food prices higher', {
      ...other,
      kind: 'indirect',
    });
    expect(types(a, b)).toEqual(['same-quote']);
  });

  // Pattern: a reworded claim keeps seven in ten of the shorter wording's content words (two of
  // the facilities named differently) and is still one claim.
  it('the same claim with seven in ten of its words', () => {
    const a = st('the council would shut the libraries, swimming pools and youth centres of the town', {
      kind: 'indirect',
    });
    const b = st("the town's libraries, pools and sports halls would be shut by the council", {
      ...other,
      kind: 'indirect',
    });
    expect(types(a, b)).toEqual(['same-quote']);
  });

  // Pattern: one speaker on one subject with different claims is no reprint.
  it('not two claims of one speaker that share a subject only', () => {
    const a = st('the new levy would hurt small farmers', { kind: 'indirect' });
    const b = st('the levy was first proposed by regional councils in the spring', {
      ...other,
      kind: 'indirect',
    });
    expect(types(a, b)).not.toContain('same-quote');
  });

  it('a spokesperson stands for the organisation they speak for', () => {
    const a = st('the agency had alerted Portugal about the coming storm', {
      kind: 'indirect',
      speakerName: 'Weather Agency',
      speakerType: 'organization',
      speakerAliases: ['the Weather Agency'],
    });
    const b = st('the agency alerted Portugal about the storm', {
      ...other,
      kind: 'indirect',
      speakerName: 'Ana Costa',
      speakerAliases: ['Weather Agency spokesperson Ana Costa'],
    });
    expect(types(a, b)).toContain('same-quote');
  });
});

describe('misattribution', () => {
  it('the same words given to a different named speaker', () => {
    const a = st('Nobody in this city should have to choose between rent and medicine.');
    const b = st('Nobody in this city should have to choose between rent and medicine,', {
      ...other,
      speakerName: 'Governor Tom Becker',
    });
    const rel = classifyPair(a, b);
    expect(rel.map((r) => r.type)).toEqual(['misattribution']);
    expect(rel[0]!.reason).toBe(
      'same 12 words; two.example says Governor Tom Becker, one.example says Maria Lopez',
    );
  });

  it('is not claimed for a short phrase or an anonymous speaker', () => {
    expect(types(st('a disaster'), st('a disaster', { ...other, speakerName: 'Tom Becker' }))).toEqual([]);
    const anon = st('Nobody in this city should have to choose between rent and medicine.', {
      ...other,
      speakerName: 'a city official',
      speakerType: 'anonymous',
    });
    expect(types(st('Nobody in this city should have to choose between rent and medicine.'), anon)).toEqual([
      'same-quote',
    ]);
  });
});

describe('altered-quote', () => {
  // Pattern: a seven-word quote with two words replaced keeps 5 of 7 words (under 75 %) and is
  // still the same quote, altered, when the same speaker is given both.
  it('a short quote with two words replaced', () => {
    const a = st('We will protect every single plant job.');
    const b = st('We will protect every single factory worker.', other);
    expect(types(a, b)).toContain('altered-quote');
  });

  // Pattern: a six-word quote, the shortest a reprint is judged on, with two words replaced keeps
  // four of six and is the same quote, altered, when the same speaker is given both.
  it('a six-word quote with two words replaced', () => {
    const a = st('Nobody here wants another harbour strike.');
    const b = st('Nobody here wants another winter closure.', other);
    expect(types(a, b)).toContain('altered-quote');
    // under two names it is two people's words, not one quote altered
    expect(types(a, { ...b, speakerName: 'Tom Becker' })).not.toContain('altered-quote');
  });

  // Pattern: compounds ("long-term", "storm-damaged") are one word to the diff and two to the
  // normalised text; two words replaced in a quote full of them are still two words replaced.
  it('a quote with compounds and two words replaced', () => {
    const a = st('Our long-term plan is to rebuild the storm-damaged quay by the spring.');
    const b = st('Our long-term budget is to rebuild the storm-damaged ferry by the spring.', other);
    expect(types(a, b)).toContain('altered-quote');
  });

  // Pattern: two short quotes of one speaker that share a frame but replace more are two quotes.
  it('not two short quotes that share only their frame', () => {
    const a = st('We will protect every single plant job.');
    const b = st('We will fight every single budget cut.', other);
    expect(types(a, b)).not.toContain('altered-quote');
  });

  // Pattern: a reprint takes up a long quote mid-way ("… we cannot …") with two words changed: the
  // leading ellipsis is no word, and the reason counts the changes, not the words left out.
  it('a quote taken up mid-way with two words changed', () => {
    const a = st(
      'The harbour is closed for now. … We cannot send the ferries back to a port that is full of storm debris, not to mention the lack of fuel.',
    );
    const b = st(
      '… We cannot send the crews back to a port that is full of storm wreckage, not to mention the lack of fuel.',
      other,
    );
    const rel = classifyPair(b, a);
    const altered = rel.find((r) => r.type === 'altered-quote');
    expect(altered?.reason).toContain('quoted in part with 2 words removed and 2 words added');
  });

  it('the same quote with words changed, with a word diff', () => {
    const a = st('The new stadium will be paid for entirely by private investors and not by taxpayers.');
    const b = st('The new stadium will be paid for mostly by private investors and not by taxpayers.', other);
    const rel = classifyPair(a, b);
    expect(rel.map((r) => r.type)).toEqual(['altered-quote']);
    const changed = rel[0]!
      .diff!.filter((op) => op.op !== 'equal')
      .map((op) => `${op.op}:${op.words.join(' ')}`);
    // From the stored wording (b) to the one read (a).
    expect(changed).toEqual(['delete:mostly', 'insert:entirely']);
  });

  it('capitals and commas changed inside the quote are reported, weakly', () => {
    const a = st('Our Union and its Workers deserve a fair contract, and they will get one.');
    const b = st('Our union and its workers deserve a fair contract and they will get one,', other);
    const rel = classifyPair(a, b);
    expect(rel.map((r) => r.type)).toEqual(['same-quote', 'altered-quote']);
    expect(rel[1]!.score).toBeLessThan(0.5);
  });
});

describe('contradiction', () => {
  const officials = {
    speakerName: 'city officials',
    speakerType: 'anonymous' as const,
    kind: 'indirect' as const,
  };

  it('a denial against the claim it denies', () => {
    const a = st(
      'Mayor Grant was told about the contamination of the Elm Street reservoir in March',
      officials,
    );
    const b = st('The claims that Mayor Grant was told about the reservoir contamination are false,', {
      ...other,
      speakerName: 'Jo Park',
    });
    const rel = classifyPair(a, b);
    expect(rel.map((r) => r.type)).toEqual(['contradiction']);
    // Scored by its cue, and worded by the score: "possible conflict" at the operating point.
    expect(rel[0]!).toMatchObject({ cue: 'refutation', score: conflictScore('refutation') });
    expect(rel[0]!.reason).toMatch(new RegExp(`^${conflictWords(rel[0]!.score)} — ‘false’ vs a claim`));
  });

  it('before the vote vs after the vote', () => {
    const a = st('Senator Hale learned of the amendment before the vote', officials);
    const b = st('Senator Hale only heard about the amendment after the vote', {
      ...other,
      ...officials,
      speakerName: 'aides to the senator',
    });
    const rel = classifyPair(a, b);
    expect(rel.map((r) => r.type)).toEqual(['contradiction']);
    expect(rel[0]!.reason).toContain('‘after the vote’ vs ‘before the vote’');
    // who says what, in their own words
    expect(rel[0]!.reason).toContain('aides to the senator (two.example): “Senator Hale only heard');
  });

  it('warned in advance vs warned too late', () => {
    const a = st('the coast guard warned the Marlow fishermen in advance of the storm', officials);
    const b = st('the warning to the Marlow fishermen came too late to escape the storm', {
      ...other,
      ...officials,
    });
    expect(types(a, b)).toEqual(['contradiction']);
  });

  it('a negated predicate: knew vs did not know', () => {
    const a = st('Director Vance knew about the audit findings at the Orion plant', officials);
    const b = st('Director Vance never knew about the audit findings at the Orion plant', {
      ...other,
      ...officials,
    });
    expect(types(a, b)).toEqual(['contradiction']);
  });

  it('antonyms: the launch failed vs the launch succeeded', () => {
    const a = st('the Kestrel satellite launch failed over the Pacific', officials);
    const b = st('the Kestrel satellite launch over the Pacific was a success', { ...other, ...officials });
    expect(types(a, b)).toEqual(['contradiction']);
    // "did not fail" agrees with "was a success".
    const c = st('the Kestrel satellite launch over the Pacific did not fail', { ...other, ...officials });
    expect(types(b, c)).not.toContain('contradiction');
  });

  it('works inside one page too', () => {
    const a = st('Senator Hale learned of the amendment before the vote', officials);
    const b = st('Senator Hale heard about the amendment after the vote', {
      ...officials,
      speakerName: 'his aides',
    });
    expect(types(a, b)).toEqual(['contradiction']);
  });

  it('needs a shared subject: opposite cues about different things are no conflict', () => {
    const a = st('the library closed before the flood', officials);
    const b = st('Senator Hale heard about the amendment after the vote', { ...other, ...officials });
    expect(types(a, b)).toEqual([]);
  });

  it('needs the same recipient: a warning to one party vs news to another', () => {
    const a = st('the agency warned Portugal about the storm before it hit', officials);
    const b = st('Spain was informed about the storm after it hit', { ...other, ...officials });
    expect(types(a, b)).toEqual([]);
  });

  it('a condition is not a denial: "no peace without X" does not deny peace', () => {
    const a = st('There is no lasting peace in Carthia without new elections.', { speakerName: 'Lena Ruiz' });
    const b = st('A lasting peace in Carthia is within reach.', { ...other, speakerName: 'Omar Said' });
    expect(types(a, b)).toEqual([]);
  });
});

describe('same-speaker-topic', () => {
  it('one person on one subject on two occasions', () => {
    const a = st('The harbour expansion will create two thousand jobs for the Brixton docks.');
    const b = st('Nobody has shown me a better plan for the docks than the harbour expansion.', other);
    const rel = classifyPair(a, b);
    expect(rel.map((r) => r.type)).toEqual(['same-speaker-topic']);
    expect(rel[0]!.reason).toMatch(/^Maria Lopez on /);
  });

  it('"Lopez" and "Mayor Maria Lopez" are one speaker', () => {
    const a = st('The harbour expansion will create jobs for the Brixton docks.', { speakerName: 'Lopez' });
    const b = st('The Brixton docks need the harbour expansion now.', {
      ...other,
      speakerName: 'Mayor Maria Lopez',
    });
    expect(types(a, b)).toEqual(['same-speaker-topic']);
  });

  it('not for different people with the same role', () => {
    const a = st('The harbour expansion will create jobs for the Brixton docks.', {
      speakerName: 'the mayor',
    });
    const b = st('The Brixton docks need the harbour expansion now.', { ...other, speakerName: 'the mayor' });
    expect(types(a, b)).toEqual([]);
  });

  it('not for organisations (publications reporting) nor for segments of one utterance', () => {
    const org = {
      speakerName: 'The Daily Ledger',
      speakerType: 'organization' as const,
      kind: 'indirect' as const,
    };
    const a = st('the harbour expansion will create jobs for the Brixton docks', org);
    const b = st('the Brixton docks expect delays to the harbour expansion', org);
    expect(types(a, b)).toEqual([]);
    const c = st('The harbour expansion will create jobs for the Brixton docks.', { utterance: 'u1' });
    const d = st('The Brixton docks need the harbour expansion now.', { utterance: 'u1' });
    expect(types(c, d)).toEqual([]);
    expect(types(st(c.text), st(d.text, { continuesSameUtterance: true }))).toEqual([]);
  });

  it('anonymous sources are never one speaker across pages', () => {
    const anon = { speakerName: 'a senior official', speakerType: 'anonymous' as const };
    const a = st('The harbour expansion will create jobs for the Brixton docks.', anon);
    const b = st('The Brixton docks need the harbour expansion now.', { ...other, ...anon });
    expect(types(a, b)).toEqual([]);
    const c = st('The Brixton docks need the harbour expansion now.', anon);
    expect(types(a, c)).toEqual(['same-speaker-topic']);
  });
});
