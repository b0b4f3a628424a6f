/**
 * The tag-based reported-speech pass (utils/extract/reported.ts), through `extract`: invented
 * sentences in the style of news English, one general pattern each.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../utils/extract';
import { sentencesOf } from '../../utils/extract/indirect';
import { findReported } from '../../utils/extract/reported';
import { tagSentence } from '../../utils/extract/tagging';
import { paragraphs } from '../../utils/extract/text';

function reports(text: string) {
  return extract(text)
    .filter((s) => s.kind === 'indirect')
    .map((s) => ({ text: s.text, speaker: s.speaker?.mention ?? null, continues: s.continues }));
}

describe('reported speech from part-of-speech tags', () => {
  // a subject noun phrase of any shape: a bare plural, a described person, an -ly surname
  it.each([
    ['Firefighters said the blaze was contained by dawn.', 'the blaze was contained by dawn', 'Firefighters'],
    [
      'The 29-year-old midfielder said his ankle had healed.',
      'his ankle had healed',
      'The 29-year-old midfielder',
    ],
    ['Donnelly said the tunnel will reopen in March.', 'the tunnel will reopen in March', 'Donnelly'],
    [
      'The water board said supplies would return by noon.',
      'supplies would return by noon',
      'The water board',
    ],
  ])('%s', (sentence, clause, speaker) => {
    expect(reports(sentence)).toEqual([{ text: clause, speaker, continues: null }]);
  });

  // a clause with no "that" after any verb of communication, and material between verb and clause
  it.each([
    ['Okafor observed the queue has tripled since spring.', 'the queue has tripled since spring'],
    ['Okafor said by email the depot had shut.', 'the depot had shut'],
    ['Okafor said there is no backlog at the depot.', 'there is no backlog at the depot'],
    ['Okafor said Tuesday the depot would stay shut.', 'the depot would stay shut'],
    ['Okafor told the council the depot would stay shut.', 'the depot would stay shut'],
    ['The airline claims that its new jets are quieter.', 'its new jets are quieter'],
  ])('%s', (sentence, clause) => {
    expect(reports(sentence).map((r) => r.text)).toEqual([clause]);
  });

  // an attribution after the clause, in either order of subject and verb
  it('reads a trailing attribution', () => {
    expect(reports('The harbour will reopen in June, the port authority said.')).toEqual([
      { text: 'The harbour will reopen in June', speaker: 'the port authority', continues: null },
    ]);
    expect(reports('The line will close for a week, said Ana Ruiz, a spokeswoman for the railway.')).toEqual([
      { text: 'The line will close for a week', speaker: 'Ana Ruiz', continues: null },
    ]);
  });

  // an attribution that interrupts the clause: two segments of one report
  it('reads an interposed attribution as two linked segments', () => {
    const r = reports('The backlog, Okafor said, has doubled since June.');
    expect(r.map((x) => x.text)).toEqual(['The backlog', 'has doubled since June']);
    expect(r[1]?.continues).not.toBeNull();
  });

  // two reports in one sentence: coordinated, or a participle that reports again
  it('reads two reports in one sentence', () => {
    expect(reports('The treasurer said the books are balanced and the auditor said they are not.')).toEqual([
      { text: 'the books are balanced', speaker: 'The treasurer', continues: null },
      { text: 'they are not', speaker: 'the auditor', continues: null },
    ]);
    expect(
      reports('Okafor said the backlog doubled, adding that drivers are exhausted.').map((x) => x.text),
    ).toEqual(['the backlog doubled', 'drivers are exhausted']);
  });

  // a subject with a post-modifier is the whole noun phrase, not its last noun
  it('keeps a post-modified subject whole', () => {
    expect(reports('Those close to the coach say he will stay for another season.')).toEqual([
      { text: 'he will stay for another season', speaker: 'Those close to the coach', continues: null },
    ]);
  });

  // a relative pronoun's report belongs to the noun phrase it stands for
  it('gives ", who said …" to the person before it', () => {
    const r = extract(
      'The club accepted the resignation of its treasurer, Ruth Obi, who said she had acted alone.',
    );
    const s = r.find((x) => x.text === 'she had acted alone');
    expect(s?.speaker?.name).toBe('Ruth Obi');
  });

  // a single dash before a clause of its own ends the report; one before an elaboration does not
  it('ends a reported clause at a dash only when a new clause follows it', () => {
    expect(
      reports('Okafor said the depot was too small ― the drivers have known it for years.').map(
        (x) => x.text,
      ),
    ).toEqual(['the depot was too small']);
    expect(
      reports(
        'Okafor said the talks covered matters the union had not agreed to—specifically, the length of shifts.',
      ).map((x) => x.text),
    ).toEqual(['the talks covered matters the union had not agreed to—specifically, the length of shifts']);
  });

  // any determined or plural noun phrase can be the one who says ("the utility said")
  it('takes a noun phrase outside the role-noun lists for a speaker', () => {
    expect(reports('The utility said power would return by midnight.')).toEqual([
      { text: 'power would return by midnight', speaker: 'The utility', continues: null },
    ]);
  });

  // verbs of evidence report only when a person or an organisation is their subject
  it('does not take things that show for speakers', () => {
    expect(reports('The latest figures suggest the economy is slowing.')).toEqual([]);
    expect(reports('His remarks signal that the talks will resume.')).toEqual([]);
    expect(reports('The economists suggest the economy is slowing.').map((x) => x.text)).toEqual([
      'the economy is slowing',
    ]);
  });

  // "according to": before the clause with or without a comma, and after it
  it('reads "according to"', () => {
    expect(reports('According to the coast guard the ferries ran aground overnight.')).toEqual([
      { text: 'the ferries ran aground overnight', speaker: 'the coast guard', continues: null },
    ]);
    expect(reports('Bus fares rose by a fifth last year, according to the Transport Board.')).toEqual([
      { text: 'Bus fares rose by a fifth last year', speaker: 'the Transport Board', continues: null },
    ]);
  });

  // the same subject reports twice through a conjunction
  it('reads a second report that shares its subject', () => {
    expect(
      reports('The owners claimed the pier was safe and insist it will reopen.').map((x) => [
        x.text,
        x.speaker,
      ]),
    ).toEqual([
      ['the pier was safe', 'The owners'],
      ['it will reopen', 'The owners'],
    ]);
  });

  // "As NP V, CLAUSE": the attribution as a fronted clause of comparison
  it('reads "As the mayor told reporters, …"', () => {
    expect(reports('As the mayor told reporters, the bridge will stay open all winter.')).toEqual([
      { text: 'the bridge will stay open all winter', speaker: 'the mayor', continues: null },
    ]);
  });

  // "ADVERBIAL, NP V, CLAUSE": a fronted adverbial, the attribution, then the whole clause
  it.each([
    [
      'So far, party officials said, turnout has been higher than expected.',
      'turnout has been higher than expected',
      'party officials',
    ],
    [
      'On Monday, the harbour master said, the ferries will run again.',
      'the ferries will run again',
      'the harbour master',
    ],
  ])('%s', (sentence, clause, speaker) => {
    expect(reports(sentence)).toEqual([{ text: clause, speaker, continues: null }]);
  });

  // a report in a relative clause: the relative pronoun's antecedent speaks, also after "of"
  it('reads "…, NP, who said CLAUSE" with the antecedent as speaker', () => {
    expect(
      reports('The club confirmed the departure of coach Lena Brandt, who said she was proud of the squad.'),
    ).toEqual([{ text: 'she was proud of the squad', speaker: 'coach Lena Brandt', continues: null }]);
  });

  // a trailing attribution whose subject has a post-modifying phrase, in either order
  it.each([
    [
      'The ferry will stay in port until Friday, a spokeswoman for the harbour authority said.',
      'The ferry will stay in port until Friday',
      'a spokeswoman for the harbour authority',
    ],
    [
      'The repairs will cost more than planned, said a spokesman for the builder.',
      'The repairs will cost more than planned',
      'a spokesman for the builder',
    ],
  ])('%s', (sentence, clause, speaker) => {
    expect(reports(sentence)).toEqual([{ text: clause, speaker, continues: null }]);
  });

  // he/she agree with the sex a public gazetteer gives the first name (names on no list of ours)
  it("resolves she and he by the first name's gazetteer sex", () => {
    const out = extract(
      [
        'Marisol Quintero, the port director, met Desmond Achterberg on Monday.',
        '“The cranes are back in service,” she said.',
        '“We lost three days,” he said.',
      ].join('\n\n'),
    );
    const by = (w: string) => out.find((s) => s.text.includes(w))?.speaker?.name;
    expect(by('cranes')).toBe('Marisol Quintero');
    expect(by('three days')).toBe('Desmond Achterberg');
  });

  // a role with the body it belongs to, then the person: the name begins at the given name the
  // gazetteer knows, just before the surname; a name of its own is never cut
  it.each([
    ['Minister of Fisheries Ingrid Solberg said the quota would be cut.', 'Ingrid Solberg'],
    [
      'President of the Union of Rail Workers Dennis Maguire said the strike would go ahead.',
      'Dennis Maguire',
    ],
    [
      'Director of the Center for Arab - American Studies Leila Haddad said the survey was small.',
      'Leila Haddad',
    ],
    [
      'Chair of the Senate Budget Committee J. Robert Mills Jr. said the bill would pass.',
      'J. Robert Mills Jr.',
    ],
    ['Andres Manuel Lopez Obrador said the plant would open.', 'Andres Manuel Lopez Obrador'],
  ])('%s', (sentence, name) => {
    const out = extract(sentence);
    expect(out).toHaveLength(1);
    expect(out[0]?.speaker?.name).toBe(name);
  });

  // a person's full name with the body they belong to ("NAME of/at ORG"): the person speaks, also
  // when the body's name has "and" in it; coordinated people with roles stay two speakers
  it.each([
    ['Tom Reid of the transit authority said the delay was a scandal.', 'Tom Reid'],
    ['Dana Cole at The Boston Globe said the paper would appeal.', 'Dana Cole'],
    ['Sam Ortiz of Citigroup said the cuts would hurt.', 'Sam Ortiz'],
    ['Priya Nair of Ernst and Young said the audit was clean.', 'Priya Nair'],
    [
      'Secretary of State Rex Tillerson and Defense Secretary Jim Mattis said the talks would go on.',
      'Rex Tillerson and Jim Mattis',
    ],
  ])('%s', (sentence, name) => {
    const out = extract(sentence);
    expect(out).toHaveLength(1);
    expect(out[0]?.speaker?.name).toBe(name);
  });

  // the reported clause ends where the writer's sentence takes over: the main clause's own verb,
  // a comment clause, a summary appositive; a participial clause stays in the report
  it.each([
    ['Okafor said the bridge was safe, but has given no figures.', 'the bridge was safe'],
    ['The minister said the talks would resume, as had been widely expected.', 'the talks would resume'],
    ['Okafor said she would not run again, a decision that stunned her party.', 'she would not run again'],
    [
      'Okafor said the storm hit the coast, killing three people.',
      'the storm hit the coast, killing three people',
    ],
    // a simple past after "and" goes with the reporting verb when the report's verb is not one
    ['Okafor said the ferry is safe and praised its crew.', 'the ferry is safe'],
    ['Okafor said the ferry will sail and thanked its crew.', 'the ferry will sail'],
    ['Okafor said the ferry sank and rescuers found no one.', 'the ferry sank and rescuers found no one'],
  ])('%s', (sentence, clause) => {
    expect(reports(sentence).map((r) => r.text)).toEqual([clause]);
  });

  // a fronted subordinate clause is not a report of its own ("If …, NP said CLAUSE")
  it.each([
    ['If the vote fails, Democrats said the bill is dead.', 'the bill is dead'],
    ['When the storm hit, residents said the sirens were silent.', 'the sirens were silent'],
  ])('%s', (sentence, clause) => {
    expect(reports(sentence).map((r) => r.text)).toEqual([clause]);
  });

  // a partitive or post-modified subject that opens its clause is the whole subject; "them" after
  // "of" stands for the group named before
  it.each([
    [
      'Officials described a chaotic night. Many of them said they heard the news on the radio.',
      'they heard the news on the radio',
      'Many of them',
    ],
    [
      'And if the mayor loses, a number of Democrats in key early states said the party will suffer.',
      'the party will suffer',
      'a number of Democrats in key early states',
    ],
    ['The mayor of the town said the water was safe.', 'the water was safe', 'The mayor of the town'],
  ])('%s', (sentence, clause, mention) => {
    const out = extract(sentence).filter((s) => s.kind === 'indirect');
    expect(out.map((s) => [s.text, s.speaker?.mention])).toEqual([[clause, mention]]);
  });

  // coordinated nouns without a determiner of their own are one source phrase
  it('reads "according to" a source with coordinated modifiers', () => {
    expect(
      reports('More than 40 people were hurt in the clashes, according to the nurses and doctors union.'),
    ).toEqual([
      {
        text: 'More than 40 people were hurt in the clashes',
        speaker: 'the nurses and doctors union',
        continues: null,
      },
    ]);
  });

  // "according to" without its commas: a quantity may open the clause ("over 345 …"), and after
  // a finite clause a determined or named source still frames it; "according to plan" does not
  it.each([
    [
      'According to the Interior Ministry over 300 pilgrims were hurt in the crush.',
      'over 300 pilgrims were hurt in the crush',
      'the Interior Ministry',
    ],
    [
      'Over 4 million visitors attended the fair according to the festival website.',
      'Over 4 million visitors attended the fair',
      'the festival website',
    ],
  ])('%s', (sentence, clause, speaker) => {
    expect(reports(sentence).map((r) => [r.text, r.speaker])).toEqual([[clause, speaker]]);
  });
  it('does not read "according to plan" as a source', () => {
    expect(reports('The works were finished according to plan.')).toEqual([]);
  });

  // a report inside a fronted subordinate clause ends where the main clause begins; a subordinate
  // clause inside the report stays in it
  it.each([
    [
      'After European officials protested that the summit would expose divisions, the White House changed the theme.',
      'the summit would expose divisions',
    ],
    ['When the mayor said the bridge was safe, residents laughed.', 'the bridge was safe'],
    ['Okafor said that when the river rose, the bridge closed.', 'when the river rose, the bridge closed'],
  ])('%s', (sentence, clause) => {
    expect(reports(sentence).map((r) => r.text)).toEqual([clause]);
  });

  // a determiner standing as the head of a subject with its phrase is a described group
  it.each([
    [
      'Those around the mayor admit she has not read the plan.',
      'she has not read the plan',
      'those around the mayor',
    ],
    ['Some in the party said the leader should resign.', 'the leader should resign', 'some in the party'],
  ])('%s', (sentence, clause, speaker) => {
    const out = extract(sentence).filter((s) => s.kind === 'indirect');
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([[clause, speaker]]);
  });

  // phrases of time or place and the addressee between the verb and "that" are skipped, but the
  // complementiser itself is never read as a preposition ("said on Tuesday that she …")
  it.each([
    ['Okafor said on Tuesday that she would step down.', 'said on Tuesday'],
    ['Okafor told reporters on Tuesday that she would step down.', 'told reporters on Tuesday'],
    ['Okafor said in a letter on Friday that she would step down.', 'said in a letter on Friday'],
  ])('%s', (sentence, cue) => {
    const text = sentence;
    const steps = findReported(
      text,
      paragraphs(text),
      (p) => sentencesOf(text, p, () => false),
      () => false,
      tagSentence,
    );
    let r = steps.next();
    while (!r.done) r = steps.next();
    expect(r.value.map((c) => [text.slice(c.start, c.end), c.cue])).toEqual([['she would step down', cue]]);
  });

  // not reports: an order with an infinitive, a negated report, a reported question
  it.each([
    'The council urged residents to boil their water.',
    'The coroner warned drivers to avoid the bridge.',
    'The minister did not say the plan would change.',
    'Okafor asked whether the depot would reopen.',
    'The report, a copy of which was seen by reporters, runs to 40 pages.',
  ])('%s', (sentence) => {
    expect(reports(sentence)).toEqual([]);
  });
});
