/**
 * Behaviour tests on invented sentences (not from the corpus), one group per requirement.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../utils/extract';
import { isAdverb } from '../../utils/extract/attribution-cues';
import type { Statement } from '../../utils/extract/types';

function run(text: string): Statement[] {
  const out = extract(text);
  for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.start);
  return out;
}

const find = (out: Statement[], prefix: string) => out.find((s) => s.text.startsWith(prefix));

describe('quote marks', () => {
  it('reads straight quotation marks inside a curly quotation as a quotation within it', () => {
    const t = [
      '“He told me "never again" and walked out of the room,” said Eve Mallory, the commissioner.',
      '“They wrote <img src=x onerror="alert(1)"> in the letter to us,” said Sam Ortiz.',
    ].join('\n');
    const out = run(t);
    expect(out.map((s) => [s.text, s.kind, s.speaker?.name])).toEqual([
      ['He told me "never again" and walked out of the room,', 'direct', 'Eve Mallory'],
      ['They wrote <img src=x onerror="alert(1)"> in the letter to us,', 'direct', 'Sam Ortiz'],
    ]);
  });

  it('takes quotations in scripts without capitals, and behind bidi or zero-width characters, as direct', () => {
    const t = [
      'Layla Haddad leads the opposition bloc on the council.',
      '“هذا القرار لن يمر أبدا في هذا المجلس,” said Haddad.',
      '“\u202eThis sentence carries a right-to-left override\u202c and is still a quotation,” said Haddad.',
      '“\u200bWe\u200b will fight this plan in court,” said Haddad.',
    ].join('\n');
    const out = run(t);
    expect(out.map((s) => [s.kind, s.speaker?.name])).toEqual([
      ['direct', 'Layla Haddad'],
      ['direct', 'Layla Haddad'],
      ['direct', 'Layla Haddad'],
    ]);
  });

  it('reads curly, straight and mixed marks', () => {
    const t = [
      'Mayor Elena Ortiz opened the new bridge on Saturday.',
      '“This bridge will carry our city into the next century,” Ortiz said.',
      '"We waited twenty years for it," said Tom Becker, a local shop owner.',
      '"Traffic will finally move,” Becker added.',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'This bridge')?.speaker?.name).toBe('Elena Ortiz');
    expect(find(out, 'We waited')?.speaker?.name).toBe('Tom Becker');
    expect(find(out, 'Traffic will')?.speaker?.name).toBe('Tom Becker');
    expect(out.filter((s) => s.kind === 'direct')).toHaveLength(3);
  });

  it('skips doubled marks and bounds an unclosed quote to its paragraph', () => {
    const t = [
      'Coach Dana Willis was upbeat.',
      '““We played our best game of the season,” Willis said.',
      'The fans, however, were “not impressed by the second half',
      'Tickets for the next match go on sale on Monday.',
    ].join('\n');
    const out = run(t);
    const q = find(out, 'We played');
    expect(q?.speaker?.name).toBe('Dana Willis');
    for (const s of out) expect(s.text.includes('\n')).toBe(false);
    expect(out.some((s) => s.text.startsWith('Tickets'))).toBe(false);
  });

  it('links a quotation that runs over several paragraphs', () => {
    const t = [
      'Professor Hannah Lindqvist described the findings at length.',
      '“The glacier has lost a third of its mass since 1990. We measured it every summer.',
      '“Nothing in the records prepares you for that speed,” Lindqvist said.',
    ].join('\n');
    const out = run(t);
    const a = out.findIndex((s) => s.text.startsWith('The glacier'));
    const b = out.findIndex((s) => s.text.startsWith('Nothing in'));
    expect(a).toBeGreaterThanOrEqual(0);
    expect(out[b]?.continues).toBe(a);
    expect(out[a]?.speaker?.name).toBe('Hannah Lindqvist');
    expect(out[b]?.speaker?.name).toBe('Hannah Lindqvist');
  });

  it('splits one utterance around its attribution', () => {
    const t =
      'Senator Paul Grady spoke after the vote.\n“We did what we promised,” said Grady. “However, the work is not finished.”';
    const out = run(t);
    const a = out.findIndex((s) => s.text.startsWith('We did'));
    const b = out.findIndex((s) => s.text.startsWith('However'));
    expect(out[b]?.continues).toBe(a);
    expect(out[b]?.speaker?.name).toBe('Paul Grady');
    expect(out[a]?.cue).toBe('said');
  });

  // Text pasted or saved with a blank line between paragraphs: the blank line separates, it is no
  // paragraph, so a quotation left open runs on into the next one and takes its attribution.
  it('runs a quotation on across a blank line and gives the opening segment the speaker named at its end', () => {
    const t = [
      'The harbour board met behind closed doors on Thursday.',
      '',
      '"Every winter the same berths silt up, and every spring we pay to dredge them again. That cannot go on.',
      '',
      '"We will put a permanent fix to the board before the budget is set," chair Ruth Okafor said.',
    ].join('\n');
    const out = run(t);
    expect(out.map((s) => [s.text.slice(0, 20), s.kind, s.speaker?.name])).toEqual([
      ['Every winter the sam', 'direct', 'Ruth Okafor'],
      ['We will put a perman', 'direct', 'Ruth Okafor'],
    ]);
    expect(out[1]?.continues).toBe(0);
  });

  // A quote-only paragraph goes on in the words of the speaker of the paragraph before, blank line or not.
  it('gives a quote-only paragraph after a blank line the speaker of the paragraph above', () => {
    const t = [
      '"The bridge will reopen in May," the county engineer, Tomas Varga, said on Friday.',
      '',
      '"Until then the ferry runs every half hour, and it is free for residents."',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'Until then')?.speaker?.name).toBe('Tomas Varga');
  });

  // A quotation interrupted by its attribution goes on in lower case: the second segment is the
  // rest of the speaker's sentence (direct) and continues the first; words of the writer's own
  // sentence between two quotations are no attribution.
  it('reads the lower-case second segment of an interrupted quotation as direct and linked', () => {
    const out = run(
      [
        '“The new timetable is not good enough,” Councillor Ruth Okafor said, “and passengers know it.”',
        'Visitors often say “lovely,” and then say something like, “we will be back next year.”',
      ].join('\n'),
    );
    const second = find(out, 'and passengers know it');
    expect(second?.kind).toBe('direct');
    expect(second?.continues).toBe(out.findIndex((s) => s.text.startsWith('The new timetable')));
    expect(find(out, 'we will be back')?.kind).not.toBe('direct');
  });

  // A paragraph under a drop capital often leaves out its opening mark: a closing mark that is the
  // paragraph's first, after a quotation's end punctuation and before an attribution or the
  // paragraph's end, closes a quotation that opened with the paragraph.
  it('reads a quotation whose opening mark the page left out', () => {
    const t = [
      'The new ferry was two years late and ten million pounds over budget.',
      'We had to redesign the hull twice before the yard could even start welding," admits Nadia Brook, the project director. She joined in 2021.',
      'Nobody on the island will remember the delay once the crossings run every hour."',
      'The council meets again on Monday.',
    ].join('\n');
    const out = run(t);
    expect(out.map((s) => [s.text.slice(0, 20), s.kind, s.speaker?.name])).toEqual([
      ['We had to redesign t', 'direct', 'Nadia Brook'],
      ['Nobody on the island', 'direct', 'Nadia Brook'],
    ]);
  });

  // A stray mark after a word that no attribution follows is a typo, not a quotation's end.
  it('does not open a quotation at the paragraph start for a stray mark before ordinary words', () => {
    const t =
      'The ferry will carry cars and freight," Under the plan, the crossings run every hour and residents travel free.';
    expect(run(t).filter((s) => s.kind === 'direct')).toEqual([]);
  });
});

describe('attribution', () => {
  it('finds speakers before, after and inside the quote', () => {
    const t = [
      'Chief Executive Maria Santos announced the merger on Tuesday.',
      'Santos told investors: “This deal doubles our reach.”',
      '“Our customers will notice nothing,” Santos said, “except lower prices.”',
      '“It is a bold move,” said analyst Kevin Park.',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'This deal')?.speaker?.name).toBe('Maria Santos');
    expect(find(out, 'Our customers')?.speaker?.name).toBe('Maria Santos');
    const ex = find(out, 'except lower');
    expect(ex?.speaker?.name).toBe('Maria Santos');
    expect(find(out, 'It is a bold')?.speaker?.name).toBe('Kevin Park');
  });

  // a sentence that is only a subject and a reporting verb attributes the quotation before it
  it('reads an attribution written as a sentence of its own after the quotation', () => {
    const t = [
      'The flood reached the square on Sunday.',
      '“We will have the pumps running by Friday.” Delacroix said.',
      '“Everyone should stay upstairs tonight.” The fire chief told reporters.',
      '“The river is falling.” Crews worked through the night.',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'We will have')?.speaker?.name).toBe('Delacroix');
    expect(find(out, 'Everyone should')?.speaker?.mention).toBe('The fire chief');
    // a following sentence that says something else is not an attribution
    expect(find(out, 'The river is falling')?.speaker?.mention).not.toBe('Crews');
  });

  // a quoted sentence is always someone's words: with no attribution, the speaker of the
  // statement just before it goes on; with none at all, it is kept with its speaker not named
  it('keeps a quoted sentence that has no attribution', () => {
    const named = run(
      [
        'Rescue teams reached the village at dawn, the regional governor, Ana Petrov, said.',
        'The road had been closed for three days. “We could not get a truck through the mud.”',
      ].join('\n'),
    );
    expect(find(named, 'We could not')?.speaker?.name).toBe('Ana Petrov');
    const alone = run(
      [
        'The storm passed overnight.',
        '“Nobody expected the water to rise this fast.”',
        'Schools stayed shut.',
      ].join('\n'),
    );
    const q = find(alone, 'Nobody expected');
    expect(q?.kind).toBe('direct');
    expect(q?.speaker).toBeNull();
    // a quoted title or slogan without a verb stays unmarked
    expect(find(run('The fair took “The World of Tomorrow.” as its motto.'), 'The World')).toBeUndefined();
  });

  // verbs of manner of speaking (Levin's class 37.3) introduce quotations like "said" does
  it('reads manner-of-speaking verbs as cues', () => {
    const out = run(
      [
        'Hundreds gathered outside the depot on Saturday.',
        '“Keep the buses running,” the protesters chanted.',
        '“This meeting is over,” the chairwoman snapped.',
        '“We were never told,” Maria Lind sobbed.',
      ].join('\n'),
    );
    expect(find(out, 'Keep the buses')?.cue).toBe('chanted');
    expect(find(out, 'This meeting')?.speaker?.mention).toBe('the chairwoman');
    expect(find(out, 'We were never')?.speaker?.name).toBe('Maria Lind');
  });

  it('strips titles and handles appositives', () => {
    const t = [
      'Canadian Foreign Minister Louise Tremblay met her counterpart in Oslo.',
      'Tremblay, the veteran diplomat, said: “We agree on far more than we disagree on.”',
      '“The talks were frank,” the minister added.',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'We agree')?.speaker?.name).toBe('Louise Tremblay');
    expect(find(out, 'The talks')?.speaker?.name).toBe('Louise Tremblay');
  });

  it('knows many reporting cues', () => {
    const t = [
      'Governor Alan Whitfield faced questions about the budget.',
      '“The numbers add up,” Whitfield insisted.',
      '“We will not raise taxes,” he declared.',
      '“Schools come first,” Whitfield wrote on social media.',
      'In a statement, his office said: “The governor remains committed to the plan.”',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'The numbers')?.cue).toBe('insisted');
    expect(find(out, 'We will not')?.speaker?.name).toBe('Alan Whitfield');
    expect(find(out, 'Schools come')?.speaker?.name).toBe('Alan Whitfield');
    // "his office": the governor's office, not a bare "office"
    const st = find(out, 'The governor remains');
    expect(st?.text).toBe('The governor remains committed to the plan.');
    expect(st?.speaker?.name).toBe('Alan Whitfield\u2019s office');
    expect(st?.speaker?.mention).toBe('his office');
  });

  // One case per reporting cue: [cue, article, statement text, speaker name, kind, cue as written].
  const cueCases: Array<[string, string, string, string, Statement['kind'], string]> = [
    [
      'tweeted',
      'Senator Rachel Kim voted against the bill on Friday.\n“The vote is a disgrace,” Kim tweeted on Sunday.',
      'The vote is a disgrace,',
      'Rachel Kim',
      'direct',
      'tweeted',
    ],
    [
      'tweeted',
      'Mayor Tom Fischer tweeted that the parade would go ahead despite the rain.',
      'the parade would go ahead despite the rain',
      'Tom Fischer',
      'indirect',
      'tweeted',
    ],
    [
      'continued',
      'Coach Marco Alvarez praised his players after the final.\n“They never stopped running,” Alvarez said.\n“We still have a lot to fix before the playoffs,” he continued.',
      'We still have a lot to fix before the playoffs,',
      'Marco Alvarez',
      'direct',
      'continued',
    ],
    [
      'continued',
      'Environment Minister Sofia Reyes visited the river on Monday.\nReyes told reporters: “The water is clean again.” She continued: “Fish have returned.”',
      'Fish have returned.',
      'Sofia Reyes',
      'direct',
      'continued',
    ],
    [
      'explained',
      '“The virus changes faster than we expected,” explained Dr. Priya Natarajan, who led the study.',
      'The virus changes faster than we expected,',
      'Priya Natarajan',
      'direct',
      'explained',
    ],
    [
      'stated',
      'The company’s chief executive, Owen Fletcher, stated that the plant would close by June.',
      'the plant would close by June',
      'Owen Fletcher',
      'indirect',
      'stated',
    ],
    [
      'stated',
      'Former ambassador Peter Lund stated: “Sanctions alone will not end this war.”',
      'Sanctions alone will not end this war.',
      'Peter Lund',
      'direct',
      'stated',
    ],
    [
      'declared',
      '“This war is over,” President Amara Okonkwo declared in a televised address.',
      'This war is over,',
      'Amara Okonkwo',
      'direct',
      'declared',
    ],
    [
      'insisted',
      'Finance Minister Jonas Berg insisted that the budget was balanced.',
      'the budget was balanced',
      'Jonas Berg',
      'indirect',
      'insisted',
    ],
    [
      'wrote',
      'In a letter to parents, principal Helen Grady wrote that classes would resume on Monday.',
      'classes would resume on Monday',
      'Helen Grady',
      'indirect',
      'wrote',
    ],
    [
      'according to',
      'The fire started in a kitchen on the third floor, according to fire chief Luis Romero.',
      'The fire started in a kitchen on the third floor',
      'Luis Romero',
      'indirect',
      'according to',
    ],
    [
      'according to',
      'According to a hospital spokeswoman, three people were treated for smoke inhalation.',
      'three people were treated for smoke inhalation',
      'a hospital spokeswoman',
      'indirect',
      'According to',
    ],
    [
      'in a statement',
      'In a statement, the World Health Organization said the outbreak was under control.',
      'the outbreak was under control',
      'World Health Organization',
      'indirect',
      'said',
    ],
    [
      'said in a statement',
      'Three people were taken to hospital, the fire service said in a statement.',
      'Three people were taken to hospital',
      'fire service',
      'indirect',
      'said in a statement',
    ],
    [
      'colon',
      'Opposition leader Tomás Varga was blunt: “This budget punishes the poor.”',
      'This budget punishes the poor.',
      'Tomás Varga',
      'direct',
      'was blunt',
    ],
    [
      'colon',
      'Union head Carla Jensen had a simple message for the company: “Pay us what we are worth.”',
      'Pay us what we are worth.',
      'Carla Jensen',
      'direct',
      'had a simple message for the company',
    ],
  ];

  it.each(cueCases)('reads the cue "%s": %s', (_cue, article, text, speaker, kind, written) => {
    const out = run(article);
    const st = out.find((s) => s.text === text);
    expect(st, `statements: ${JSON.stringify(out.map((s) => [s.text, s.speaker?.name]))}`).toBeDefined();
    expect(st?.speaker?.name).toBe(speaker);
    expect(st?.kind).toBe(kind);
    expect(st?.cue).toBe(written);
  });

  it('does not give a quotation after "was asked:" to the person asked', () => {
    const out = run('Senator Ana Ruiz was asked at the hearing: “Will you resign?”');
    expect(out.filter((s) => s.speaker?.name === 'Ana Ruiz')).toEqual([]);
  });

  it('reads a possessive statement with a colon introduction', () => {
    const t =
      'Premier Nadia Rahman issued a terse response.\nRahman’s statement was short: “We will not negotiate under threat.”';
    const out = run(t);
    expect(find(out, 'We will not negotiate')?.speaker?.name).toBe('Nadia Rahman');
  });
});

describe('partial quotes, scare quotes and titles', () => {
  it('keeps an attributed fragment as partial and drops scare quotes and titles', () => {
    const t = [
      'Inspector Raj Mehta called the raid “a complete success” on Friday.',
      'The so-called “smart meters” were installed in 2019.',
      'The exhibition, titled “Light and Shadow,” opens next week.',
      'Fans know the striker as “the Wall.”',
    ].join('\n');
    const out = run(t);
    const p = find(out, 'a complete success');
    expect(p?.kind).toBe('partial');
    expect(p?.speaker?.name).toBe('Raj Mehta');
    expect(find(out, 'smart meters')).toBeUndefined();
    expect(find(out, 'Light and Shadow')).toBeUndefined();
    expect(find(out, 'the Wall')).toBeUndefined();
  });

  // "“Imola” suggests a sparser take": a quoted name in title case with no comma of its own before
  // the verb is that verb's subject, not its words; speech before its verb keeps its comma
  it('reads a quoted name before its verb as the subject', () => {
    const out = run(
      'On the second side, “Harbour Lights” recalls the band’s early records. “We wanted it to sound old,” said singer Ana Ruiz.',
    );
    expect(find(out, 'Harbour Lights')).toBeUndefined();
    expect(find(out, 'We wanted it to sound old')?.speaker?.name).toBe('Ana Ruiz');
  });

  it('does not take titles of works for utterances', () => {
    const out = run(
      'In her book “The Long Road,” historian Ann Lee writes that the war changed everything.\nThe film “Heat” opened in 1995.',
    );
    expect(find(out, 'The Long Road')).toBeUndefined();
    expect(find(out, 'Heat')).toBeUndefined();
    expect(find(out, 'the war changed')?.speaker?.name).toBe('Ann Lee');
  });
});

describe('indirect speech', () => {
  it('extracts that-clauses, zero-that clauses and according-to', () => {
    const t = [
      'Police Commissioner Grace Holloway said that crime fell by ten percent last year.',
      'Holloway told reporters the new patrols had made the difference.',
      'According to the city auditor, the overtime budget was exceeded in March.',
      'The trains will run every five minutes, the transport agency said.',
    ].join('\n');
    const out = run(t);
    const a = find(out, 'crime fell');
    expect(a?.kind).toBe('indirect');
    expect(a?.text).toBe('crime fell by ten percent last year');
    expect(a?.speaker?.name).toBe('Grace Holloway');
    expect(find(out, 'the new patrols')?.speaker?.name).toBe('Grace Holloway');
    expect(find(out, 'the overtime budget')?.speaker?.name).toBe('the city auditor');
    expect(find(out, 'The trains will run')?.kind).toBe('indirect');
  });

  it('splits coordinated that-clauses', () => {
    const t = 'The ministry claimed that the dam was safe, and that no village was at risk.';
    const out = run(t);
    const a = out.findIndex((s) => s.text === 'the dam was safe');
    const b = out.findIndex((s) => s.text === 'no village was at risk');
    expect(a).toBeGreaterThanOrEqual(0);
    expect(out[b]?.continues).toBe(a);
  });

  it('ignores beliefs, hopes, questions and noun-phrase objects', () => {
    const t = [
      'Many residents hope that the factory will reopen.',
      'The mayor asked whether the money would arrive.',
      'The senator criticized the decision.',
    ].join('\n');
    expect(run(t)).toHaveLength(0);
  });
});

describe('speakers', () => {
  it('resolves pronouns and role nouns to the person named earlier', () => {
    const t = [
      'Prime Minister Astrid Kowalski arrived in Brussels on Monday.',
      '“Europe must stand together,” she said.',
      'Later, the prime minister said that the summit had been productive.',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'Europe must')?.speaker?.name).toBe('Astrid Kowalski');
    expect(find(out, 'Europe must')?.speaker?.mention).toBe('she');
    expect(find(out, 'the summit')?.speaker?.name).toBe('Astrid Kowalski');
  });

  // two people who share a surname are two speakers; the bare surname stays with the first
  it('keeps apart people who share a surname', () => {
    const t = [
      'Coach Tomas Walsh praised his squad after the final.',
      '“They never stopped running,” Walsh said.',
      'His father, Ernie Walsh, watched from the stands. “I have never been prouder,” Ernie Walsh said.',
      '“We go again next season,” Walsh said.',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'They never')?.speaker?.name).toBe('Tomas Walsh');
    expect(find(out, 'I have never')?.speaker?.name).toBe('Ernie Walsh');
    expect(find(out, 'We go again')?.speaker?.name).toBe('Tomas Walsh');
    const titled = run(
      [
        'President Marsh opened the summit on Monday.',
        'Lena Marsh, the president’s daughter, spoke after him. “It was a long night,” Lena Marsh said.',
        '“We are ready to talk,” Marsh said.',
      ].join('\n'),
    );
    expect(find(titled, 'It was a long')?.speaker?.name).toBe('Lena Marsh');
    expect(find(titled, 'We are ready')?.speaker?.name).toBe('Marsh');
  });

  // a photo credit ("Name/Agency") names the photographer, who is not in the story
  it('does not take the photographer of a credit line for the antecedent of "he"', () => {
    const t = [
      'Mayor Tomas Duarte spoke at the reopening of the old bridge on Friday.',
      'Tomas Duarte at the reopening of the bridge. Kenji Morales/Reuters',
      'He said: "The bridge is safe for everyone."',
    ].join('\n');
    expect(find(run(t), 'The bridge is safe')?.speaker?.name).toBe('Tomas Duarte');
  });

  it('keeps anonymous sources as described and resolves "the official" to them', () => {
    const t = [
      '“The deal is dead,” a senior European diplomat told reporters.',
      'The diplomat said that talks would not resume before autumn.',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'The deal is dead')?.speaker?.name).toBe('a senior European diplomat');
    expect(find(out, 'talks would not')?.speaker?.name).toBe('a senior European diplomat');
  });

  it('treats a publication as speaker but not as addressee', () => {
    const t = [
      'The company is preparing layoffs, according to Reuters.',
      'A spokesman told Reuters that no decision had been made.',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'The company is preparing')?.speaker?.name).toBe('Reuters');
    const b = find(out, 'no decision');
    expect(b?.speaker?.name).toBe('a spokesman');
    expect(b?.cue).toBe('told Reuters');
  });

  it('gives an unattributed quote paragraph to the previous speaker', () => {
    const t = [
      '“We expected rain, not a flood,” farmer Luis Ortega said.',
      '“The whole harvest is gone.”',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'The whole harvest')?.speaker?.name).toBe('Luis Ortega');
  });

  // a finite verb after a comma-closed quotation and its subject is the attribution, listed or not
  it('reads any verb after a quotation and its subject as the cue, by its tag', () => {
    const t = [
      '“The pumps were never tested,” the audit states.',
      '“You will pay for this,” the letter began.',
      '“Nobody asked us,” the fishermen grumbled outside the town hall.',
      '“I won by a landslide,” the senator fumed in a late-night post.',
    ].join('\n');
    const out = run(t);
    expect(out.map((s) => [s.text, s.speaker?.name, s.cue])).toEqual([
      ['The pumps were never tested,', 'the audit', 'states'],
      ['You will pay for this,', 'the letter', 'began'],
      ['Nobody asked us,', 'the fishermen', 'grumbled'],
      ['I won by a landslide,', 'the senator', 'fumed'],
    ]);
    // a verb with an object of its own does not report the quotation before it
    expect(run('“Bridges,” the council approved a new budget on Monday.')).toEqual([]);
    // the misread verb is found when the next sentence is a quotation with verbs of its own
    const two = run('“The pumps were never tested,” the audit states. “Nobody was told.”');
    expect(two.map((s) => [s.text, s.speaker?.name])).toEqual([
      ['The pumps were never tested,', 'the audit'],
      ['Nobody was told.', 'the audit'],
    ]);
  });

  // "“…,” Okafor beams.": a word in -s between a name (or he/she) and the sentence's end is the
  // subject's verb, though the tagger reads "Okafor beams" as a plural noun after a name
  it('reads a verb in -s that ends the sentence after a name as the cue', () => {
    const t = [
      'The new stand opened on Saturday.',
      '“We talked them out of the orange seats,” Ana Okafor beams.',
      '“It took two winters to build,” she shrugs.',
    ].join('\n');
    const out = run(t);
    expect(out.map((s) => [s.speaker?.name, s.cue])).toEqual([
      ['Ana Okafor', 'beams'],
      ['Ana Okafor', 'shrugs'],
    ]);
  });

  // prepositional source phrases ("according to", "in the words of") before or after a quotation,
  // with a named appositive preferred to the description before it
  it('reads "in the words of" and "according to" on either side of a quotation', () => {
    const t = [
      'Ruth Obi spoke first.',
      'The plan is “dead on arrival,” according to the mayor.',
      'The levy was “a disgrace,” in the words of the coroner, Ada Marsh, who resigned.',
      'In the words of the county surveyor, Paul Ilves, “the bridge was never safe.”',
    ].join('\n');
    expect(run(t).map((s) => [s.text, s.speaker?.name, s.cue])).toEqual([
      ['dead on arrival,', 'the mayor', 'according to'],
      ['a disgrace,', 'Ada Marsh', 'in the words of'],
      ['the bridge was never safe.', 'Paul Ilves', 'In the words of'],
    ]);
  });

  // "they" stands for the nearest plural subject (a plural noun phrase, coordinated names) or body,
  // not for a name that ends in -s
  // … also past a fronted phrase of time, for a subject outside the word lists, and in the
  // pronoun's own sentence
  it('resolves "they" past a fronted phrase and in its own sentence', () => {
    const t = [
      'Marc Hadley left in 2005.',
      'On September 29, church officials met the sheriff. “We want the drives back,” they said.',
      'Tom Reid spoke first. On Monday, nurses walked out of the hospital, and they said the ward was unsafe.',
    ].join('\n\n');
    const out = run(t);
    expect(find(out, 'We want')?.speaker?.name).toBe('church officials');
    expect(find(out, 'the ward')?.speaker?.name).toBe('nurses');
  });

  it('resolves "they" to a plural subject or a body', () => {
    const t = [
      'Residents said the water smelled of fuel. “We cannot drink it,” they said.',
      'Farida Osman and Joel Brandt run the shelter. “We were never consulted,” they said.',
      'Protesters gathered outside the ministry on Monday. “We will be back,” they chanted.',
      'The researchers tested 400 samples. They found that the levels had doubled.',
      'The company said profits fell. “We are disappointed,” they said.',
    ].join('\n\n');
    const out = run(t);
    const by = (w: string) => find(out, w)?.speaker?.name;
    expect(by('We cannot drink')).toBe('residents');
    expect(by('We were never consulted')).toBe('Farida Osman and Joel Brandt');
    expect(by('We will be back')).toBe('protesters');
    expect(by('the levels had doubled')).toBe('the researchers');
    expect(by('We are disappointed')).toBe('company');
  });

  // he/she after a sentence whose subject is a definite role noun named after everyone else: the
  // role is the antecedent when its gender fits
  it('resolves he/she to a role-noun subject of the sentence before', () => {
    const t = [
      '“It is over,” said Kim Lowe, the coach.',
      'The first lady spoke in Ohio. “We must vote,” she said.',
      'The prime minister flew to Oslo on Monday. “The talks went well,” he said.',
      'The chairwoman opened the ward. “It was a long day,” she said.',
      'The chairwoman opened the ward. “It was a long day,” he said.',
    ].join('\n\n');
    const out = run(t).map((s) => s.speaker?.name);
    expect(out).toEqual(['Kim Lowe', 'the first lady', 'the prime minister', 'the chairwoman', 'Kim Lowe']);
  });

  // a subject outside every word list, read by its tags (determiner, adjectives, numbers, nouns),
  // before, after or inverted around a quotation; an object after "called" is not a subject
  it('reads a common-noun subject by its tags around a quotation', () => {
    const t = [
      'The ward was full. “We are exhausted and nobody listens to us,” nurses said.',
      '“It is a scandal,” the 41-year-old goalkeeper said.',
      'The 41-year-old goalkeeper said: “It is a scandal and I am angry.”',
      'The tide came in. Said the weary caretaker: “The roof leaked for years.”',
      'Kim Lowe, the coach, has called the verdict “a disgrace to the sport.”',
    ].join('\n\n');
    expect(run(t).map((s) => s.speaker?.name)).toEqual([
      'nurses',
      'the 41-year-old goalkeeper',
      'the 41-year-old goalkeeper',
      'the weary caretaker',
      'Kim Lowe',
    ]);
  });

  // a quotation with no attribution in a paragraph that names a person as a sentence's subject
  // before it is that person's; otherwise the previous paragraph's speaker goes on
  it('gives an unattributed quotation to the subject person of its paragraph', () => {
    const t = [
      '“The budget is balanced,” one official said.',
      'In May, Amaka Okafor toured the flooded towns in the north. “We will rebuild every school.” Her critics were unmoved.',
      '“Nobody asked us,” said Tom Reid, a farmer.',
      '“We lost the whole harvest.”',
    ].join('\n\n');
    expect(run(t).map((s) => s.speaker?.name)).toEqual([
      'one official',
      'Amaka Okafor',
      'Tom Reid',
      'Tom Reid',
    ]);
  });

  // a first word shared by two full names (two Parks) stands for the one named last before it
  it('links a shared first word of two full names to the one named last', () => {
    const t = [
      'Opposition leader Park Ji-hoon called for calm. Interior Minister Park Min-jae resigned on Thursday. Park said he regretted the chaos.',
      'Park Ji-hoon toured the port on Friday. “We will rebuild the docks,” Park said.',
    ].join('\n\n');
    expect(run(t).map((s) => s.speaker?.name)).toEqual(['Park Min-jae', 'Park Ji-hoon']);
  });

  // a subject with a post-nominal adjective and its phrase is whole ("people familiar with her
  // thinking"); a party member or national with a determiner is described, not named
  it('keeps described speakers whole', () => {
    const t = [
      'Amaka Okafor spoke on Monday. Later, people familiar with her thinking said that she would not run again.',
      '“He is sharp,” added another upstate Democrat.',
      '“Who cares?” one Nevada Republican asked.',
    ].join('\n\n');
    expect(run(t).map((s) => s.speaker?.name)).toEqual([
      'people familiar with her thinking',
      'another upstate Democrat',
      'one Nevada Republican',
    ]);
  });

  // a pull quote (a quotation set apart as its own paragraph) repeats words someone says in the
  // article: theirs, not the previous speaker's
  it('gives a pull quote to the speaker of the words it repeats', () => {
    const t = [
      '“We will not back down,” said Ana Ruiz, a nurse.',
      '‘A slow, slow disaster’',
      'Tom Reid, the hospital director, was blunt. “What we have here is a slow, slow disaster,” Reid said.',
    ].join('\n\n');
    const out = run(t);
    expect(find(out, 'A slow')?.speaker?.name).toBe('Tom Reid');
  });

  // a day after the head noun that modifies nothing after it is a time adjunct ("according to a
  // study Monday in …"); before a noun it modifies, it stays ("a late Monday statement from …")
  it('leaves a day after the head noun out of the speaker’s phrase', () => {
    const study = run(
      'Offices are kept too cold, according to a study Monday in the Harlow Medical Journal.',
    );
    expect(find(study, 'Offices are kept')?.speaker?.name).toBe('a study');
    const late = run('The plant will close in May, according to a late Monday statement from the company.');
    expect(find(late, 'The plant will close')?.speaker?.name).toBe('company');
  });

  // a pronoun with a verb contracted onto it ("I’ve") is no part of a name, even after a
  // capitalised sentence adverb ("Recently I’ve been …")
  it('takes no contracted pronoun for a name', () => {
    const out = run(
      [
        '“It’s all going to hell!”',
        '“We are totally screwed.”',
        'Recently I’ve been watching a drama about a ferry crew. In one episode, sailors gather on deck and one says, “This is just a bump in the road.”',
      ].join('\n'),
    );
    expect(find(out, 'This is just a bump')).toBeDefined();
    for (const s of out) expect(s.speaker?.name ?? '').not.toContain('I’ve');
  });

  // an appositive whose closing comma is missing ("Eric Durr, director of public affairs at …
  // told reporters"): the name before it speaks, not the body the role belongs to
  it('gives a report to the name before an unclosed appositive', () => {
    const out = run(
      'Eric Durr, director of public affairs at the Harlow Port Authority told reporters the plane was on a routine flight.',
    );
    expect(find(out, 'the plane was')?.speaker?.name).toBe('Eric Durr');
    // a subject right after a comma is no appositive
    const tired = run('Exhausted, Maria Lopez told reporters the search would go on overnight.');
    expect(find(tired, 'the search')?.speaker?.name).toBe('Maria Lopez');
  });

  // a name may open with its number ("9News", "247Sports"): the addressee of "told", not the
  // start of the report
  it('reads a name that opens with a number as a name', () => {
    const out = run('A source told 9News that the Harlow road would reopen on Monday.');
    expect(out[0]?.text).toBe('the Harlow road would reopen on Monday');
  });

  // a quotation in title case (three capitalised words or more, the short ones small, no final
  // stop) is the title of a song, a show or a campaign: speech is not written so
  it('reads a quotation in title case as a title', () => {
    const out = run(
      'A nervous, 54-year-old mayor with big plans had been practising singing “Down by the Harlow Docks” for two full weeks before the gala.',
    );
    expect(find(out, 'Down by the Harlow Docks')).toBeUndefined();
    // a sentence quoted in ordinary case is still a statement
    const said = run(
      'The mayor had been practising for weeks. “Down by the docks we sing every night,” he said.',
    );
    expect(find(said, 'Down by the docks')).toBeDefined();
  });

  // two capitalised words quoted as the object of a preposition ("the gloom of “Harbour
  // Lights”") are a title too; a quotation in ordinary case there is still words of a speaker
  it('reads two title-case words after a preposition as a title', () => {
    const out = run('The record closes with the slow gloom of “Harbour Lights”, the singer said.');
    expect(out.map((s) => [s.kind, s.text])).toEqual([
      ['indirect', 'The record closes with the slow gloom of “Harbour Lights”'],
    ]);
    const said = run('The mayor warned of “a dangerous precedent” on Monday.');
    expect(find(said, 'a dangerous precedent')).toBeDefined();
  });

  // a title in title case after its owner's possessive ("WTVR's “Capitol Week”") is a programme,
  // not words of the speaker around it
  it('reads a title after a possessive as no statement', () => {
    const out = run(
      'The senator admitted that "of course" the vote bothered him. Senator Ana Ruiz, who was asked on WTVR\'s "Capitol Week" if the delay bothered her, declined to comment.',
    );
    expect(find(out, 'of course')).toBeDefined();
    expect(find(out, 'Capitol Week')).toBeUndefined();
  });

  // a capitalised label between a determiner and the noun it names ("the “Later” tray") is a
  // name, said by nobody, whatever verb of asking stands near it
  it('reads a quoted label before its noun as no statement', () => {
    const out = run(
      'If my editor asked me to leave letters in the “Later” tray, I would still answer them by Friday.',
    );
    expect(find(out, 'Later')).toBeUndefined();
  });

  // a quoted report that quotes someone (a newspaper's account quoted as a block): the inner
  // quotation, attributed inside the outer one ("'…,' [Hughes] told the jury"), is the speaker's
  it('reads the inner quotation of a quoted report as its speaker’s', () => {
    const t = [
      'Defense attorney Mark Hughes spoke for two hours. The Harlow Gazette reported on his closing argument:',
      "\" 'There is anger here, certainly, but it goes a lot further than that,' [Hughes] told the jury.",
      "\" 'Every bit of it came from things he read online.'",
    ].join('\n');
    const out = run(t);
    expect(find(out, 'There is anger here')?.speaker?.name).toBe('Mark Hughes');
    expect(find(out, 'There is anger here')?.text).not.toContain('told the jury');
    // a title quoted inside the words is no inner quotation
    const title = run('“‘Harlow Nights’ changed my whole life,” the singer Ana Ruiz said.');
    expect(find(title, '‘Harlow Nights’')?.text).toBe('‘Harlow Nights’ changed my whole life,');
  });

  // a heading condenses the words it quotes (drops some, keeps their order), and they may be said
  // in a quotation that continues its speaker's previous one
  it('gives a heading that condenses a continued quotation to its speaker', () => {
    const t = [
      '“Every winter the council promises a new ferry,” said Tom Reid, a retired harbourmaster.',
      '‘We are one storm from running out’',
      '“When the ferry stops, the shop is empty within days,” said Moira Grant, who runs the island shop.',
      '“We are always just one storm away from running out of bread.”',
    ].join('\n');
    expect(find(run(t), 'We are one storm')?.speaker?.name).toBe('Moira Grant');
  });

  // a quotation ending in "?" or "!" followed by a capital: its own sentence's introduction wins
  // over the next sentence's subject and verb; with none, "“…?” Okafor said." still attributes
  it('keeps the introduction of a question over the sentence after it', () => {
    const t = [
      'One Nevada Democrat asked simply, “Who cares?” An Iowa Republican answered that question: “Nobody cares.”',
      'The mayor was asked about the vote. “Why would I resign?” Okafor said.',
    ].join('\n\n');
    expect(run(t).map((s) => s.speaker?.name)).toEqual([
      'one Nevada Democrat',
      'an Iowa Republican',
      'Okafor',
    ]);
  });

  // "the group" is the body an appositive described as a group; "the letter" is by whoever sent it
  it('links a definite description to the body described and a document to its sender', () => {
    const t = [
      'The mayor was criticized by Friends of the Harbor, a local conservation group. On Monday, the group sent a letter to the council.',
      'The letter said the dredging had killed the oyster beds.',
      'The group said it would sue.',
    ].join('\n\n');
    const out = run(t).filter((s) => s.kind === 'indirect');
    expect(out.map((s) => s.speaker?.name)).toEqual(['Friends of the Harbor', 'Friends of the Harbor']);
  });

  // a possessive pronoun may take a possessor of its own sentence ("X’s stance … and his vow")
  it('resolves his/her to a possessor in the same sentence', () => {
    const t =
      'Okonkwo Eze met the press. Most voters back Ana Ruiz’s stance on taxes and her vow on Monday that there would be no new levy.';
    expect(run(t).map((s) => s.speaker?.name)).toEqual(['Ana Ruiz']);
  });

  // a quotation that is a paragraph of its own, with no statement before it, belongs to the most
  // salient person before it, of either sex
  it('gives a lone quotation paragraph to the salient person before it, woman or man', () => {
    const t = ['Ana Ruiz has run the shelter since 2010.', '“We have never turned anyone away.”'].join(
      '\n\n',
    );
    expect(run(t).map((s) => s.speaker?.name)).toEqual(['Ana Ruiz']);
  });

  // a subject with prepositional phrases after a quotation ("a spokesman for the fire service
  // said"), and a document's author written after it ("a statement from the ministry")
  it('reads post-modified subjects after a quotation and documents by their authors', () => {
    const t = [
      'Tom Reid spoke first.',
      '“Nobody was hurt in the blaze,” a spokesman for the fire service said.',
      '“We will not close the ward,” according to a statement from the ministry.',
      '“The roof held up well,” the head of the fire service told reporters.',
    ].join('\n\n');
    expect(run(t).map((s) => [s.speaker?.mention, s.speaker?.name])).toEqual([
      ['a spokesman for the fire service', 'a spokesman for the fire service'],
      ['a statement', 'ministry'],
      ['the head of the fire service', 'the head of the fire service'],
    ]);
  });

  // a colon introduction by a possessive full name and a noun ("Ana Ruiz’s response:")
  it('reads a possessive full name before a colon as the speaker', () => {
    const t = ['Ana Ruiz met the press.', 'Ana Ruiz’s response: “We will see them in court soon.”'].join(
      '\n\n',
    );
    expect(run(t).map((s) => [s.speaker?.name, s.cue])).toEqual([['Ana Ruiz', 'response']]);
  });

  // inflected cue forms the table does not spell (consonant doubling, British spelling) are read
  // by the lemmatiser; a naming verb before a quoted proper name is no statement
  it('reads doubled and British cue forms, and skips names given by a naming verb', () => {
    const t = [
      '“We will win this,” Ana Ruiz quipped.',
      '“It is over for the club,” blogged Tom Reid.',
      'Dana Cole dubbed the dispute “a war without end.”',
      'The attack was launched by a group labelled “Red Dawn” on a forum.',
    ].join('\n\n');
    expect(run(t).map((s) => [s.text, s.cue])).toEqual([
      ['We will win this,', 'quipped'],
      ['It is over for the club,', 'blogged'],
      ['a war without end.', 'dubbed'],
    ]);
  });

  // a coordination of names as the subject is one joint speaker, not its nearest conjunct
  it('names every person of a coordinated subject', () => {
    const t = [
      'Farida Osman and Joel Brandt said the clinic would close in May.',
      '“We were never consulted,” said Ines Duval, Marco Ricci and Hana Sato, who run the shelter.',
      'Joel Brandt met the minister. The minister and Farida Osman said the talks had failed.',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'the clinic')?.speaker?.name).toBe('Farida Osman and Joel Brandt');
    expect(find(out, 'the clinic')?.speaker?.mention).toBe('Farida Osman and Joel Brandt');
    expect(find(out, 'We were never')?.speaker?.name).toBe('Ines Duval, Marco Ricci and Hana Sato');
    // a description and a name are not joined: only names make a group
    expect(find(out, 'the talks')?.speaker?.name).toBe('Farida Osman');
  });

  // one word of a full name stands for its bearer: a family name written first, a given name
  it('links a name that begins a full name used alone later', () => {
    const t = [
      'Opposition leader Park Min-jun addressed the rally on Saturday.',
      'Park said the vote had been rigged.',
      'Harriet Quist, a novelist, spoke next. Harriet said the library must stay open.',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'the vote had')?.speaker?.name).toBe('Park Min-jun');
    expect(find(out, 'the library')?.speaker?.name).toBe('Harriet Quist');
  });

  // a subject pronoun goes to the subject of the nearest sentence that has one, not to a name
  // seen only as an object, a possessor or after an article (a caption, "a Gallup poll")
  it('passes over names that are not subjects when resolving he and she', () => {
    const t = [
      'Senator Ruth Abara said the tax was unfair to farmers.',
      'A Pemberton Trust survey released on Friday put support for the tax at 31%.',
      '“We will repeal it in the spring,” she said.',
      'Governor Luis Ferrante spoke in Dover. Mourners gathered at Saint Brendan Chapel.',
      '“The state will pay for the repairs,” he said.',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'We will repeal')?.speaker?.name).toBe('Ruth Abara');
    expect(find(out, 'The state will pay')?.speaker?.name).toBe('Luis Ferrante');
  });

  // a pull quote or epigraph signed with a dash and a name that closes the paragraph
  it('reads a dash signature after a quotation as its attribution', () => {
    const t = [
      '“We will not close a single ward this winter.” — Amira Costa, health minister',
      'The ministry published its plan on Monday.',
      '"The river is rising faster than last year." - Jonas Weber',
      'Officials said the outlook was “the best in years” - but the figures disagree.',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'We will not close')?.speaker?.name).toBe('Amira Costa');
    expect(find(out, 'The river is rising')?.speaker?.name).toBe('Jonas Weber');
    // a dash inside the sentence, followed by more words, is no signature
    expect(find(out, 'the best in years')?.speaker?.name).toBe('officials');
  });

  // an absolute clause "with NP V-ing" names the speaker of its own participle
  it('takes the subject of "with NP writing/saying" as the speaker', () => {
    const t = [
      'Residents packed the hearing, with one pensioner shouting “Shame on all of you!”',
      'The board approved the plan, with trustee Omar Haddad saying the cost was justified.',
    ].join('\n');
    const out = run(t);
    expect(find(out, 'Shame on')?.speaker?.name).toBe('one pensioner');
    expect(find(out, 'the cost was')?.speaker?.name).toBe('Omar Haddad');
  });

  it('ends the speaker mention at the name, before a day or date after it', () => {
    const t = [
      '“The ferry will run again by spring,” said Commissioner Nadia Volkov on Thursday.',
      '“Nobody was hurt,” said Piet Brandt Sunday.',
      '“The lease ends soon,” said Oona Kerr on March 4.',
      '“We asked for more time,” said Theresa May on Monday.',
      'The refinery will close, according to a Friday memo by the owners.',
    ].join('\n');
    const out = run(t);
    const mention = (prefix: string) => {
      const sp = find(out, prefix)?.speaker;
      return sp ? [sp.name, sp.mention, t.slice(sp.mentionStart, sp.mentionStart + sp.mention.length)] : null;
    };
    expect(mention('The ferry')).toEqual([
      'Nadia Volkov',
      'Commissioner Nadia Volkov',
      'Commissioner Nadia Volkov',
    ]);
    expect(mention('Nobody was hurt')).toEqual(['Piet Brandt', 'Piet Brandt', 'Piet Brandt']);
    expect(mention('The lease')).toEqual(['Oona Kerr', 'Oona Kerr', 'Oona Kerr']);
    // A month name is a name when no preposition or day number makes it a date.
    expect(mention('We asked')).toEqual(['Theresa May', 'Theresa May', 'Theresa May']);
    // A day before a noun is part of the phrase, not the end of it; the memo speaks for its authors.
    expect(find(out, 'The refinery')?.speaker?.mention).toBe('a Friday memo');
    expect(find(out, 'The refinery')?.speaker?.name).toBe('the owners');
  });
});

describe('wire-copy patterns', () => {
  const t = [
    'Flood warnings issued as river bursts its banks',
    'Residents of Kelby were evacuated overnight after the River Sorn burst its banks, the Environment Agency said.',
    '‘We have never seen water this high,’ said farmer Ellen Marsh, whose fields are under water. ‘It’s heartbreaking.’',
    'The agency’s flood manager, Dr Peter Okafor, said the defences had “performed as designed” but warned that more rain was forecast.',
    '“We’re asking people to stay away from the riverbank,” he added.',
    'In an email, a spokeswoman for the transport department said the agency was reviewing the report.',
    'Officials said Tuesday that the bridge would reopen in May.',
    'The Met Office said rain would ease by Thursday, according to its latest forecast.',
    'Sarah Mills met Daniel Reed at the station.',
    '“It was a long day,” he said.',
    '— Environment Agency (@EnvAgency) March 3, 2024',
  ].join('\n');
  const out = run(t);

  it('reads single-mark quotations and descriptions before names', () => {
    expect(find(out, 'We have never')?.speaker?.name).toBe('Ellen Marsh');
    expect(find(out, 'It’s heartbreaking')?.continues).toBe(
      out.findIndex((s) => s.text.startsWith('We have never')),
    );
  });

  it('prefers a name in an appositive over the role before it', () => {
    expect(find(out, 'performed as designed')?.speaker?.name).toBe('Peter Okafor');
    expect(find(out, 'more rain was forecast')?.speaker?.name).toBe('Peter Okafor');
    expect(find(out, 'We’re asking')?.speaker?.name).toBe('Peter Okafor');
  });

  // a description of four words before a name, a body's name and a role ("Met Office chief
  // meteorologist Paul Gundersen"), when its last word is a noun of a person
  it('reads a four-word description before a name after a quotation', () => {
    const got = run(
      '“This is a serious situation,” Met Office chief meteorologist Paul Gundersen told reporters on Monday.',
    );
    expect(got.map((s) => [s.kind, s.speaker?.name])).toEqual([['direct', 'Paul Gundersen']]);
  });

  // a description that ends with a body's name ("The Speaker of the House", "the head of the
  // Harlow Trust") or whose head is a capitalised role ("The local MP") is still a description:
  // the name in its appositive is the speaker
  it('prefers the appositive name over a description ending with a named body', () => {
    const text = [
      'The Speaker of the House, Alan Greaves, said an inquiry would begin next week.',
      'The head of the Harlow Trust, Dame Judith Kerr, said the park would stay open.',
      'The local MP, Sarah Jennings, said she had written to the education secretary.',
    ].join('\n');
    const got = run(text).map((s) => [s.text, s.speaker?.name]);
    expect(got).toEqual([
      ['an inquiry would begin next week', 'Alan Greaves'],
      ['the park would stay open', 'Judith Kerr'],
      ['she had written to the education secretary', 'Sarah Jennings'],
    ]);
  });

  it('keeps "a spokeswoman for X" whole and skips time words before "that"', () => {
    expect(find(out, 'the agency was reviewing')?.speaker?.name).toBe(
      'a spokeswoman for the transport department',
    );
    expect(find(out, 'the bridge would reopen')?.text).toBe('the bridge would reopen in May');
    expect(find(out, 'the bridge would reopen')?.speaker?.name).toBe('officials');
  });

  it('prefers the verb inside the sentence over a framing "according to"', () => {
    expect(find(out, 'rain would ease')?.text).toBe('rain would ease by Thursday');
    expect(find(out, 'rain would ease')?.speaker?.name).toBe('Met Office');
  });

  it('uses gender to resolve he/she', () => {
    expect(find(out, 'It was a long day')?.speaker?.name).toBe('Daniel Reed');
  });

  it('does not attribute a headline or a tweet signature', () => {
    expect(out.some((s) => s.start < t.indexOf('Residents'))).toBe(false);
    expect(out.some((s) => s.text.includes('@EnvAgency'))).toBe(false);
  });
});

describe('boilerplate', () => {
  it('yields nothing for captions, credits and widgets', () => {
    const t = [
      '3 View gallery',
      '(Photo: AP/Jane Doe)',
      'Post a Comment',
      'No comments:',
      'Click here to subscribe',
    ].join('\n');
    expect(run(t)).toHaveLength(0);
  });
});

function lineOf(parts: string[], n: number): string {
  const out: string[] = [];
  let len = 0;
  for (let i = 0; len < n; i++) {
    const p = parts[i % parts.length] as string;
    out.push(p);
    len += p.length;
  }
  return out.join('');
}

describe('two reports spliced by a comma', () => {
  // "While A says X, B says Y": the second report has its own subject and clause; an interposed
  // ", officials say," inside the first is not a second report
  it('reads both reports, and keeps an interposed attribution inside the first', () => {
    const out = run(
      'While the council maintained that the bridge was safe, the engineers said that its cables were worn.',
    );
    expect(find(out, 'the bridge was safe')?.text).toBe('the bridge was safe');
    expect(find(out, 'its cables were worn')?.speaker?.name).toBe('the engineers');
    const one = run('The mayor said the plan, officials say, is fair.');
    expect(one).toHaveLength(1);
  });
});

describe('the public verbs of English (Biber 1988, after Quirk)', () => {
  // every verb of the published list reports its content clause, not only the common ones
  it('reads a confession, a guarantee and a submission as reports', () => {
    expect(
      find(run('The former treasurer confessed that he had moved the funds.'), 'he had moved')?.cue,
    ).toBe('confessed');
    expect(
      find(run('The operator guaranteed that every passenger would be refunded.'), 'every passenger')?.cue,
    ).toBe('guaranteed');
    expect(find(run('Her lawyers submitted that the search had been unlawful.'), 'the search had')?.cue).toBe(
      'submitted',
    );
  });
});

describe('according to a source with an appositive', () => {
  // "according to ROLE, NAME, CLAUSE" and "according to NAME, ROLE, CLAUSE": the appositive names
  // the same source and is no part of the clause; a possessive description is read whole
  it('takes the name as the source and starts the clause after the appositive', () => {
    const a = run("According to the union's treasurer, Marta Quinn, the strike fund will last six weeks.");
    expect(a[0]?.text).toBe('the strike fund will last six weeks');
    expect(a[0]?.speaker?.name).toBe('Marta Quinn');
    const b = run("According to Marta Quinn, the union's treasurer, the strike fund will last six weeks.");
    expect(b[0]?.text).toBe('the strike fund will last six weeks');
    expect(b[0]?.speaker?.name).toBe('Marta Quinn');
    const c = run("According to the company's spokesman, the plant will close next year.");
    expect(c[0]?.speaker?.mention).toBe("the company's spokesman");
  });

  it('leaves a relative clause after the subject in the clause', () => {
    const out = run('According to Quinn, the driver, who was 45, died at the scene.');
    expect(out[0]?.text).toBe('the driver, who was 45, died at the scene');
  });
});

describe('"it" and "they" for a body named as a subject', () => {
  // a body that opened a recent sentence ("The ministry denied the report.") is what a later "it"
  // (or "they") stands for, though it said nothing before; a storm or a road never is
  it('resolves "it" to the organisation of a recent sentence, not to a thing', () => {
    const out = run(
      'The transport ministry rejected the audit on Monday. It said the figures were out of date.',
    );
    expect(find(out, 'the figures were')?.speaker?.name).toBe('transport ministry');
    const church = run('The church disputed the account. They also claimed the volunteer had left freely.');
    expect(find(church, 'the volunteer had left')?.speaker?.name).toBe('the church');
    expect(run('The storm reached the coast overnight. It said the damage was severe.')).toEqual([]);
  });

  // an unresolved "they" stands for a body, never for one person described by a common noun
  // ("a Welsh farmer"), who is "he" or "she" ("they" only for a group)
  it('does not give "they" to one person described by a common noun', () => {
    const out = run(
      'Welsh farmer claims Harlow Water poisoned his herd\nGareth Evans, a Welsh farmer, has claimed that Harlow Water poisoned his herd.\nIn a statement to the British Broadcasting Corporation, the Utility denied these allegations:\nHis cattle never drank from the reservoir. They also claimed Evans was paid for the loss.',
    );
    expect(find(out, 'Evans was paid')?.speaker?.name).toBe('Utility');
  });
});

describe('infinitives that entail the report', () => {
  // "went on to suggest", "hastened to add" (implicative and aspectual verbs, Karttunen 1971): the
  // report happened; "plans to announce", "is expected to say" report nothing yet
  it('reads what was gone on to say, not what is planned', () => {
    const out = run('The senator went on to suggest that the vote could be delayed.');
    expect(find(out, 'the vote could be delayed')?.speaker?.name).toBe('the senator');
    const hasten = run('The chairman hastened to add that no jobs would be lost.');
    expect(find(hasten, 'no jobs would be lost')?.speaker?.name).toBe('the chairman');
    expect(run('The minister plans to announce that fares will rise in May.')).toEqual([]);
    expect(run('The mayor is expected to say that the plant will close.')).toEqual([]);
  });
});

describe('made clear that', () => {
  // "make (it) clear/plain/known that": a light-verb report by an agent, not by the weather; a
  // final aside after a dash is the writer's, not the reported clause's
  it('reads the clause an agent made clear, up to a final aside', () => {
    const out = run(
      'The new coach made clear that she saw the job as a first step — a prospect the owners welcomed.',
    );
    expect(find(out, 'she saw the job')?.text).toBe('she saw the job as a first step');
    expect(find(out, 'she saw the job')?.speaker?.name).toBe('the new coach');
    const plain = run('The chancellor has made it plain that no tax will rise this year.');
    expect(find(plain, 'no tax will rise')?.cue).toBe('made it plain');
    expect(run('The heavy rain made it clear that the final would be called off.')).toEqual([]);
  });

  // "made (it) clear" takes a content clause without "that" as "say" does; a noun phrase after it
  // ("made clear the scale of …") is no report
  it('reads a clause without "that" after "made clear", not a noun phrase', () => {
    const out = run(
      'The rail unions have made clear they will not call off the strike. The audit made clear the scale of the losses.',
    );
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([
      ['they will not call off the strike', 'the rail unions'],
    ]);
  });

  it('keeps an aside closed by a second dash inside the clause', () => {
    const out = run('The mayor said that the bridge — closed since May — would reopen in June.');
    expect(out[0]?.text).toBe('the bridge — closed since May — would reopen in June');
  });
});

describe('an absolute clause with its own speaker', () => {
  // "X said A, with Y saying B": the absolute clause ends the first report and makes a second one;
  // an absolute clause without a reporting verb stays in the first
  it('splits at ", with NP saying"', () => {
    const out = run('The mayor said the budget is balanced, with the auditor saying it is not.');
    expect(find(out, 'the budget is balanced')?.text).toBe('the budget is balanced');
    expect(find(out, 'it is not')?.speaker?.name).toBe('the auditor');
    const one = run('The mayor said the budget is balanced, with taxes falling for a third year.');
    expect(one).toHaveLength(1);
  });
});

describe('a participle after "without"', () => {
  // "without saying …" is an act not done: no report, and no cue for a quotation near it
  it('reads nothing said without saying', () => {
    expect(run('The senator left the chamber without saying that the vote was delayed.')).toEqual([]);
    const out = run(
      'Without mentioning the mayor by name, the governor quietly tore into him, insinuating that the city would lose a "steady hand" in January.',
    );
    expect(out.filter((s) => s.cue === 'mentioning')).toEqual([]);
  });
});

describe("an anonymous source's place", () => {
  // "a Republican insider in Iowa", "an official at the ministry": the place identifies the
  // anonymous source and belongs to its description; the time of the report does not
  it('keeps the place of an anonymous source and leaves out the time', () => {
    const out = run('“The bill is dead,” said a Republican insider in the early primary state of Iowa.');
    expect(out[0]?.speaker?.name).toBe('a Republican insider in the early primary state of Iowa');
    const time = run('“We are ready,” said a senior source in Kyiv last week.');
    expect(time[0]?.speaker?.name).toBe('a senior source in Kyiv');
    const lead = run('A senior official at the ministry said the talks had stalled.');
    expect(lead[0]?.speaker?.name).toBe('a senior official at the ministry');
  });
});

describe('a trailing attribution before an adjunct', () => {
  // "CLAUSE, X reported, down from 19% a week earlier.": the verbless adjunct after the attribution
  // belongs to the clause's sentence, and the attribution still frames the clause
  it('frames the clause when a verbless phrase follows the attribution', () => {
    const out = run(
      'A poll released on Friday showed support for the mayor at 13%, the Daily Ledger reported, down from 19% a week earlier.',
    );
    expect(out[0]?.text).toBe('A poll released on Friday showed support for the mayor at 13%');
    expect(out[0]?.speaker?.name).toBe('Daily Ledger');
  });
});

describe("the writer's setting after a report", () => {
  // ", amid public anger …" sets the scene for the report; it is not what was said
  it('ends the clause before ", but" and the writer\'s contrast', () => {
    const out = run(
      'The retailer says it has no plans to sell the unit, but most analysts expect a sale within a year.',
    );
    expect(out[0]?.text).toBe('it has no plans to sell the unit');
  });

  it('ends the clause before ", amid"', () => {
    const out = run(
      'Opposition lawmakers had said that if the motion failed they would return to it on Wednesday, amid public anger over the order.',
    );
    expect(out[0]?.text).toBe('if the motion failed they would return to it on Wednesday');
  });
});

describe('adverbs between subject and cue', () => {
  // an -ly word is an adverb unless it is a name (capitalised) or a noun WordNet knows first as a
  // person or group ("ally", "family"); no list of exceptions
  it('tells -ly adverbs from -ly names and nouns', () => {
    expect(isAdverb('repeatedly')).toBe(true);
    expect(isAdverb('publicly')).toBe(true);
    expect(isAdverb('ally')).toBe(false);
    expect(isAdverb('family')).toBe(false);
    expect(isAdverb('Kelly')).toBe(false);
  });
});

describe('rulings', () => {
  // a court's or an official's ruling is a reported claim ("ruled that …"); "rule" as "govern" or
  // "rule out" takes no content clause and reports nothing
  it('reads what a court ruled, not a party that ruled a country', () => {
    const out = run('An appeals court ruled on Friday that the county had drawn its maps unlawfully.');
    expect(find(out, 'the county had drawn')?.speaker?.name).toBe('appeals court');
    expect(run('The party ruled the province for four decades before the war.')).toEqual([]);
    expect(run('The health minister ruled out a return to school closures this winter.')).toEqual([]);
  });
});

describe('the subject of a trailing participle', () => {
  // "X verbed Y, suggesting that …": the participle's subject is the main clause's subject, which
  // ends before its finite verb (a past tense is not a participle modifier of the subject)
  it('stops the subject before the main verb', () => {
    const out = run(
      'The finance minister rejected the audit, suggesting that its authors had misread the accounts.',
    );
    expect(find(out, 'its authors had misread')?.speaker?.mention).toBe('The finance minister');
  });
});

describe('subjects that can suggest', () => {
  // verbs of evidence ("suggest", "indicate") report only with an agent as subject: a person or a
  // group by WordNet's noun classes, not only the role nouns of the lexicon
  it('reads a report whose subject is a person noun outside the role lexicon', () => {
    const out = run('The first lady suggested that the election had drained the country of hope.');
    expect(find(out, 'the election had drained')?.speaker?.name).toBe('the first lady');
    const things = run('The figures suggested that the economy had slowed.');
    expect(find(things, 'the economy had slowed')).toBeUndefined();
  });
});

describe('titles with a complement before a name', () => {
  // a title's prepositional complement ("Ambassador to Kenya", "Minister of the Interior") is part
  // of the role phrase; the person is the name after it
  it('names the person after "Ambassador to Kenya" and "Minister of the Interior"', () => {
    const a = run('According to Ambassador to Kenya Martin Kimani, the plan is fair.');
    expect(find(a, 'the plan is fair')?.speaker?.name).toBe('Martin Kimani');
    const b = run('According to Minister of the Interior Ana Ruiz, the plan is fair.');
    expect(find(b, 'the plan is fair')?.speaker?.name).toBe('Ana Ruiz');
  });

  // "X, the vote showed a shift.": a verb with an object after a comma is a sentence of its own,
  // not a trailing attribution of what comes before the comma
  it('does not read a clause with an object as a trailing attribution', () => {
    const out = run('According to the harbour master, Ines Duarte, the survey showed a decline.');
    expect(out.some((s) => s.text.startsWith('According to'))).toBe(false);
  });
});

describe('he and she never reach a place', () => {
  // entity typing (utils/nlp/entity.ts): a name every mention of which reads as a place ("flights
  // to …", "roads in …") is no antecedent of "she", even as the subject of the sentence before
  it('passes over a place named as a subject to the person before it', () => {
    const out = run(
      'Flights to Port Vila were cancelled. Ships left Port Vila at dawn, and roads in Port Vila were closed.\n' +
        'Anna Weber, a nurse, stayed.\nPort Vila was hit again on Tuesday.\n“We lost everything,” she said.',
    );
    expect(find(out, 'We lost everything')?.speaker?.name).toBe('Anna Weber');
  });
});

describe('pronouns after a described speaker', () => {
  // a person described by a common noun ("the coach", "a nurse") who spoke last is the antecedent
  // of "he"/"she" when no fitting name comes after them
  it('gives "he continued" to the coach who spoke before', () => {
    const out = run('“It was a long season,” the coach said. “We lost to a better side,” he continued.');
    expect(find(out, 'We lost to a better side')?.speaker?.name).toBe('the coach');
  });
  it('keeps a named person who spoke after the described one', () => {
    const out = run(
      '“The road is closed,” a police officer said. “We expect delays,” Tom Berger said. “It will take days,” he added.',
    );
    expect(find(out, 'It will take days')?.speaker?.name).toBe('Tom Berger');
  });
  it('does not give "she" to a man described by a male noun', () => {
    const out = run('Jana Holm runs the shelter. “We are full,” her brother said. “We need beds,” she said.');
    expect(find(out, 'We need beds')?.speaker?.name).toBe('Jana Holm');
  });
});

describe('gender agreement as evidence', () => {
  // a subject whose sex nothing shows, and which reads less like a person, gives way to a person
  // of the same sentence whose given name shows the pronoun's gender
  it('gives "she" to the woman a firm hired, not to the firm', () => {
    const out = run('Ostrava Freight hired Maria Gomez in May. She said the warehouse would expand.');
    expect(out[0]?.speaker?.name).toBe('Maria Gomez');
  });
  it('keeps the subject when its gender fits', () => {
    const out = run('Paul Keller hired Maria Gomez in May. He said the warehouse would expand.');
    expect(out[0]?.speaker?.name).toBe('Paul Keller');
  });
});

describe('a capitalised role that names no one', () => {
  // "The Prime Minister said": the role is the speaker, never its last word as if it were a name
  it('keeps the whole role', () => {
    const out = run(
      'The Foreign Minister said the talks had failed. The Chief Executive said profits would rise.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['the Foreign Minister', 'the Chief Executive']);
  });
  it('still links the role to the person named with it', () => {
    const out = run('Prime Minister Jonas Dahl spoke on Monday. The Prime Minister said aid would follow.');
    expect(out[0]?.speaker?.name).toBe('Jonas Dahl');
  });
});

describe('a source phrase inside the clause', () => {
  // "X, according to NP, Y": the source phrase interrupts one clause, read as two linked segments
  it('reads both segments around "according to" as one report', () => {
    const out = run('The ferry service, according to the harbour authority, will resume on Monday.');
    expect(out.map((s) => [s.text, s.speaker?.name, s.continues])).toEqual([
      ['The ferry service', 'harbour authority', null],
      ['will resume on Monday', 'harbour authority', 0],
    ]);
  });
  it('splits after a modal and skips an appositive naming the source', () => {
    const out = run(
      'The exhibition will, according to Ana Ruiz, the museum curator, travel to Lyon next year.',
    );
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([
      ['The exhibition will', 'Ana Ruiz'],
      ['travel to Lyon next year', 'Ana Ruiz'],
    ]);
  });
  it('reads the clause after a fronted adverbial', () => {
    const out = run(
      'So far this year, according to county officials, the reservoir has lost a third of its water.',
    );
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([
      ['the reservoir has lost a third of its water', 'county officials'],
    ]);
  });
});

describe('clauses that open with a quantity', () => {
  // a reported clause may open with a predeterminer ("half the", "all the") or a comparative
  // quantifier ("more", "most"), with or without an adverb before it
  it('reads "roughly half the …" and "nearly all the …"', () => {
    const out = run(
      'Dr. Okafor said roughly half the wards were closed. Nurses said nearly all the beds were taken.',
    );
    expect(out.map((s) => s.text)).toEqual([
      'roughly half the wards were closed',
      'nearly all the beds were taken',
    ]);
  });
  it('reads "more …" and "most …"', () => {
    const out = run(
      'The warden said more hikers were lost each summer. Rangers said most trails had reopened.',
    );
    expect(out.map((s) => s.text)).toEqual(['more hikers were lost each summer', 'most trails had reopened']);
  });
});

describe('a past tense the tagger reads as a participle', () => {
  // "Torres said by phone …": a participle right after its subject, with no auxiliary, is a past
  it('reads the clause after "said by phone"', () => {
    const out = run('Torres said by phone the clinic had closed for the winter.');
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([
      ['the clinic had closed for the winter', 'Torres'],
    ]);
  });
  it('does not read a passive participle as a report', () => {
    const out = run('The suspect was said by neighbours to be quiet.');
    expect(out).toEqual([]);
  });
});

describe('time phrases and headlines', () => {
  // "announced last December": a month or weekday after "last"/"this" is a time phrase
  it('reads the clause after "last December" and "last Friday"', () => {
    const out = run(
      'The ministry announced last December it would close the mine. The union said last Friday the talks had failed.',
    );
    expect(out.map((s) => s.text)).toEqual(['it would close the mine', 'the talks had failed']);
  });
  // headline English: "Court rules ban is legal" (the tagger reads "rules" as a plural noun)
  it("reads a headline's verb after a singular noun", () => {
    const out = run('Appeals court rules border fence is unlawful\nThe ruling came on Monday.');
    expect(out.map((s) => [s.text, s.cue])).toEqual([['border fence is unlawful', 'rules']]);
    expect(run('The court rules were changed last year.')).toEqual([]);
  });
});

describe('a role written as a title before a name', () => {
  // "Novelist Jo Reyes": a person noun (WordNet) before a known given name is a role, not the name
  it('names the person without the role', () => {
    const out = run(
      'Novelist Jo Reyes said the sequel was finished. Choreographer Lena Ortiz said rehearsals had begun.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['Jo Reyes', 'Lena Ortiz']);
  });
  // "Policy Consultant Bill Bowtell": the role noun's capitalised modifiers belong to the role too
  it('takes the role with the words that modify it', () => {
    const out = run(
      'Transport Consultant Maya Okafor said the tram line would be late. “It will not open in May,” said Senior Planner Tom Reid.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['Maya Okafor', 'Tom Reid']);
  });
  it('leaves a two-word name alone', () => {
    const out = run('Hunter Ellis said the season was over.');
    expect(out[0]?.speaker?.name).toBe('Hunter Ellis');
  });
});

describe('reports in a relative clause', () => {
  // ", who said CLAUSE, VERB …": the report ends where the main clause resumes
  it('ends the report at the comma before the main verb', () => {
    const out = run(
      'The treasurer, who said the accounts were in order, resigned on Friday. Ruiz, who has long argued that fares are too high, will run again.',
    );
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([
      ['the accounts were in order', 'the treasurer'],
      ['fares are too high', 'Ruiz'],
    ]);
  });
});

describe('demands in the mandative subjunctive', () => {
  // "urged that the vote be delayed": a mandative verb of saying reports a that-clause whose verb
  // is a base form, or has "should"; without such a clause it reports nothing
  it('reads a subjunctive or "should" clause after a mandative verb', () => {
    const out = run(
      'The inspectors recommended that the plant be closed. Parents urged that classes should resume. Police asked that drivers avoid the bridge.',
    );
    expect(out.map((s) => [s.text, s.cue])).toEqual([
      ['the plant be closed', 'recommended'],
      ['classes should resume', 'urged'],
      ['drivers avoid the bridge', 'asked'],
    ]);
  });
  it('reads no report in "asked that question" or "asked them to"', () => {
    expect(run('The senator asked that question twice. The mayor asked residents to stay home.')).toEqual([]);
  });
  it('accepts "be" after "that" in a stance report of a body', () => {
    const out = run('The press union is adamant that the law be repealed.');
    expect(out.map((s) => s.text)).toEqual(['the law be repealed']);
  });
});

describe('nominal reports with a described possessor', () => {
  // "the ministry's assertion that …": a body or person described, not only named, can own the
  // reporting noun; the speaker is named without the possessive ending
  it('reads the assertion of a described body', () => {
    const out = run('The ruling contradicted the ministry’s repeated assertion that the dam was safe.');
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([['the dam was safe', 'ministry']]);
  });
  it('does not read a possessor that cannot speak', () => {
    expect(run('The storm’s warning that floods were coming went unheeded.')).toEqual([]);
  });
});

describe('the administration', () => {
  // "a Republican administration" is generic: "the administration" is the one the article names
  it('links "the administration" past a generic one to the one named', () => {
    const out = run(
      'The Harmon administration took office in May. She was the first envoy for a Republican administration in a decade. The administration said the talks would resume.',
    );
    expect(out[0]?.speaker?.name).toBe('Harmon administration');
  });
});

describe("the writer's conclusion and possessed nouns", () => {
  // ", so CLAUSE" after a report is the writer's conclusion from it
  it('ends the report before ", so" and a clause of its own', () => {
    const out = run(
      'The tribunal has ruled that the strike was lawful, so the union’s leaders expect a quick deal.',
    );
    expect(out.map((s) => s.text)).toEqual(['the strike was lawful']);
  });
  it('keeps "so" inside the report when no clause follows it', () => {
    const out = run('The coach said the team was tired, so tired that it lost.');
    expect(out[0]?.text).toBe('the team was tired, so tired that it lost');
  });
  // after a possessive, a base form spelt like a verb is a noun ("Lena’s tweet", "the mayor’s claim")
  it('does not read a possessed noun as a reporting verb', () => {
    expect(run('Lena Ortiz’s tweet drew thousands of replies.')).toEqual([]);
  });
});

describe('a nominal report as a subject', () => {
  // "Ana Ruiz’s vow that A makes B harder": the that-clause of a possessed reporting noun in
  // subject position ends before the main clause's verb
  it('ends the clause before the main verb', () => {
    const out = run(
      'The talks stalled, and Ana Ruiz’s vow that the mine would never reopen makes a deal less likely.',
    );
    expect(out.map((s) => [s.text, s.speaker?.name, s.cue])).toEqual([
      ['the mine would never reopen', 'Ana Ruiz', 'vow'],
    ]);
  });
  it('runs to the end when the noun phrase is an object', () => {
    const out = run('Critics questioned Ana Ruiz’s vow that the mine would never reopen after the flood.');
    expect(out[0]?.text).toBe('the mine would never reopen after the flood');
  });
});

describe('attributions after a quotation: ages and joint speakers', () => {
  // "the 54-year-old Ortiz said", "the 54-year-old said": an age is a modifier, or stands for
  // the person the text is about
  it('reads an age before a name, and an age alone as the person just named', () => {
    const out = run(
      'Jonas Dahl opened the meeting. “We have waited too long,” the 61-year-old Dahl said.\nPriya Nair arrived later. “I am hopeful,” the 47-year-old said.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['Jonas Dahl', 'Priya Nair']);
  });
  // names coordinated before the verb speak together
  it('gives a quotation to names coordinated before the verb', () => {
    const out = run('“We will appeal,” Ana Lima and Tom Berger said in a joint statement.');
    expect(out.map((s) => [s.speaker?.name, s.cue])).toEqual([['Ana Lima and Tom Berger', 'said']]);
  });
});

describe('what stands between a speaker and the verb', () => {
  // "Sen. Ana Ruiz (D-Texas) said": a short parenthesis after the name
  it('reads past a party label in parentheses, before a quotation and before a clause', () => {
    const out = run(
      '“The bill is dead,” Sen. Ana Ruiz (D-Texas) said.\nRep. Tom Berger (R-Ohio) said the vote would be close.',
    );
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([
      ['The bill is dead,', 'Ana Ruiz'],
      ['the vote would be close', 'Tom Berger'],
    ]);
  });
  // "X can be heard saying": a modal opens the verb group of the subject
  it('finds the subject before a modal', () => {
    const out = run('In the recording, Tom Berger can be heard saying, “Get out of the building.”');
    expect(out[0]?.speaker?.name).toBe('Tom Berger');
  });
  // "said Monday in a statement": a time word after the cue is its adjunct, not a clause subject
  it('reads no clause in a time word and a phrase after the cue', () => {
    const out = run('“We will rebuild,” Tom Berger said Monday in a statement posted online.');
    expect(out.map((s) => s.kind)).toEqual(['direct']);
  });
});

describe('plural and collective subjects, irregular pasts', () => {
  // "Police say …", "…, police say.": a collective noun (WordNet group) or an irregular plural
  // takes the plural present; a bare organisation word speaks
  it('reads "police say" before and after the clause', () => {
    const out = run('Police say the gunman fled on foot. The bridge was closed for hours, police say.');
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([
      ['the gunman fled on foot', 'Police'],
      ['The bridge was closed for hours', 'police'],
    ]);
  });
  it('reads an interposed "police say" before a past the tagger reads as a participle', () => {
    const out = run('The gunman, police say, fled on foot.');
    expect(out.map((s) => s.text)).toEqual(['The gunman', 'fled on foot']);
  });
  it('reads "people say" and "children say"', () => {
    const out = run('People say the market closed early. Children say the teacher left.');
    expect(out.map((s) => s.text)).toEqual(['the market closed early', 'the teacher left']);
  });
  // an irregular past is a finite verb ("the gunman fled", "the tower shook")
  it('reads a clause whose only verb is an irregular past', () => {
    const out = run('Witnesses told reporters the old tower shook for a minute.');
    expect(out.map((s) => s.text)).toEqual(['the old tower shook for a minute']);
  });
});

describe('a name in the appositive of a description, after a quotation', () => {
  // ",” the lawyer, Sam Berg, said" / ",” said the city’s lawyer, Sam Berg.": the name speaks
  it('gives the quotation to the name, before or after the verb', () => {
    const out = run(
      '“We will appeal,” the family’s lawyer, Sam Berg, said.\n“We will win,” said the city’s attorney, Ana Lima.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['Sam Berg', 'Ana Lima']);
  });
  it('keeps a named speaker whose appositive is a description', () => {
    const out = run('“We will appeal,” Sam Berg, the family’s lawyer, said.');
    expect(out[0]?.speaker?.name).toBe('Sam Berg');
  });
});

describe('groups identified by an "of" phrase', () => {
  // "Residents of the town, many of them farmers, say …", "said relatives of the crew": a
  // common noun of people keeps the "of" phrase that identifies it
  it('keeps the "of" phrase before a parenthesis and after an inverted verb', () => {
    const out = run(
      'Residents of the valley, many of them farmers, say the river is poisoned.\n“We want answers,” said relatives of the crew.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['residents of the valley', 'relatives of the crew']);
  });
  it('does not take a titled name for a group ("CEO of the council Ana Lima")', () => {
    const out = run('CEO of the Housing Council Ana Lima told the BBC the plan was unfair.');
    expect(out[0]?.speaker?.name).toBe('Ana Lima');
  });
});

describe('clause ends and coordinated that-clauses', () => {
  // "said A but that B": two reported clauses, as with "and that"
  it('splits at "but that"', () => {
    const out = run('Dr. Okafor said the ward was full but that no patient had been turned away.');
    expect(out.map((s) => s.text)).toEqual(['the ward was full', 'no patient had been turned away']);
  });
  // "said A, which she described as “…”": a quotation inside a relative clause after the reported
  // clause ends the clause before the relative; the clause is not lost to the quotation
  it('keeps a reported clause whose relative clause holds a quotation', () => {
    const out = run(
      'Mayor Ellen Voss said the city would sell two car parks, which she described as “a drain on every budget.”',
    );
    expect(out.map((s) => [s.kind, s.text, s.speaker?.name])).toEqual([
      ['indirect', 'the city would sell two car parks', 'Ellen Voss'],
      ['partial', 'a drain on every budget.', 'Ellen Voss'],
    ]);
  });
  it('still drops a reported clause that a quotation carries itself', () => {
    const out = run('Mayor Ellen Voss said the car parks were “a drain on every budget.”');
    expect(out.map((s) => s.kind)).toEqual(['partial']);
  });
  // the tag-read pass splits "said A and that B" too ("The firm’s head of safety, Ana Ruiz, said …")
  it('splits a clause the tag-read pass found at "and that"', () => {
    const out = run(
      'The council’s head of housing, Rosa Delgado, said rents would be frozen for tenants and that repairs would be faster.',
    );
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([
      ['rents would be frozen for tenants', 'Rosa Delgado'],
      ['repairs would be faster', 'Rosa Delgado'],
    ]);
  });
  // "said A, but that B": the comma before "but that" does not turn it into the writer's contrast
  it('splits at ", but that" as at "but that"', () => {
    const out = run(
      'Two executives said the airline had held talks with a rival carrier, but that no deal was near.',
    );
    expect(out.map((s) => s.text)).toEqual([
      'the airline had held talks with a rival carrier',
      'no deal was near',
    ]);
    expect(out.map((s) => s.speaker?.name)).toEqual(['two executives', 'two executives']);
  });
  // ", but …" without "that" stays the writer's contrast
  it('still cuts at a comma and "but" that opens no content clause', () => {
    const out = run('The mayor said the bridge would reopen in May, but few residents believe it.');
    expect(out.map((s) => s.text)).toEqual(['the bridge would reopen in May']);
  });
  // "maintained her innocence, saying …": an object then a participial report is no clause
  it('reads the participial report, not the object before it', () => {
    const out = run('The driver maintained his innocence, saying he had stopped at the light.');
    expect(out.map((s) => [s.text, s.cue])).toEqual([['he had stopped at the light', 'saying']]);
  });
  // "…, the sources said, and CLAUSE": the trailing attribution frames the clause before it
  it("reads a trailing attribution followed by the writer's next clause", () => {
    const out = run('The mine will close in May, the workers said, and the town fears the worst.');
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([
      ['The mine will close in May', 'the workers'],
    ]);
  });
});

describe('a name quoted by someone else', () => {
  // "quoted Reid as saying", "recalled Reid telling her": the name before the -ing report speaks
  it('gives the quotation to the name before "as saying" and before "telling"', () => {
    const out = run(
      'The newspaper quoted Tom Reid as saying: “We will win.”\nAna Lima recalled Sam Berg telling her: “Keep going.”',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['Tom Reid', 'Sam Berg']);
  });
  it('keeps the subject when a comma stands before the -ing report', () => {
    const out = run('Ana Lima thanked Sam Berg, saying: “He saved us.”');
    expect(out[0]?.speaker?.name).toBe('Ana Lima');
  });
});

describe('photo credits', () => {
  // "Name / Agency", spaced or not, names a photographer, never a speaker
  it('does not give a quotation to the photographer of a caption', () => {
    const out = run(
      'President Ilse Varga spoke on Monday.\nVarga waves to supporters in Graz on Monday.Peter Lind / AFP - Getty Images\n“I will serve,” he said.',
    );
    expect(find(out, 'I will serve')?.speaker?.name).not.toBe('Peter Lind');
  });
  it('passes over the agencies after the slash, and a titled name after a preposition', () => {
    const out = run(
      '“We will win,” said President Tomas Varga.\nAn image of President Tomas Varga is raised at a rally on Monday.Peter Lind / AFP - Getty Images\n“I will serve,” he said.',
    );
    expect(find(out, 'I will serve')?.speaker?.name).toBe('Tomas Varga');
  });
  it('reads a name after a slash in running text as a name, not a credit', () => {
    const out = run(
      'Tom Berg said the trial works. The HIV/AIDS researcher Ana Lima disagreed. “It fails,” she said.',
    );
    expect(find(out, 'It fails')?.speaker?.name).toBe('Ana Lima');
  });
  it('reads a titled name after a preposition as an object, not a subject for "he"', () => {
    const out = run(
      'Governor Luis Ferrante spoke in Dover.\nMourners gathered with Mayor Tom Ruiz.\n“The state will pay,” he said.',
    );
    expect(find(out, 'The state will pay')?.speaker?.name).toBe('Luis Ferrante');
  });
});

describe('robustness', () => {
  it('handles empty and quote-free input', () => {
    expect(extract('')).toEqual([]);
    expect(extract('Just a sentence without any speech.')).toEqual([]);
  });

  it('finishes on 1 MB of adversarial quote marks with valid offsets', () => {
    const parts = [
      '“',
      '”',
      '"',
      "'",
      '‘',
      '’',
      ' said ',
      ' he ',
      'Smith',
      ', ',
      '. ',
      'the source',
      ' according to ',
      ' that ',
      '““',
      '””',
      'X said: ',
      '\n',
      'word ',
    ];
    let seed = 12345;
    const chunks: string[] = [];
    let len = 0;
    while (len < 1_000_000) {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      const p = parts[seed % parts.length] as string;
      chunks.push(p);
      len += p.length;
    }
    const lines = chunks.join('');
    for (const text of [lines, '“'.repeat(300_000) + '”'.repeat(300_000)]) {
      const out = extract(text);
      let bad = 0;
      let prev = -1;
      for (let i = 0; i < out.length; i++) {
        const s = out[i] as (typeof out)[number];
        if (s.start < 0 || s.end > text.length || s.start >= s.end || s.start < prev) bad++;
        if (text.slice(s.start, s.end) !== s.text || s.text.includes('\n')) bad++;
        if (s.continues !== null && (s.continues < 0 || s.continues >= i)) bad++;
        prev = s.start;
      }
      expect(bad).toBe(0);
    }
  }, 30_000);

  it('stays linear on pathological runs (dots, huge words, capitals, cues)', () => {
    const texts = [
      'a.'.repeat(150_000),
      `${'a'.repeat(150_000)}. ${'b'.repeat(150_000)}`,
      'Abc '.repeat(75_000),
      'Smith said that '.repeat(20_000),
      '"a '.repeat(100_000),
      lineOf(['“', 'x', '”', ' he said. '], 300_000),
    ];
    for (const text of texts) {
      const out = extract(text);
      expect(out.every((s) => text.slice(s.start, s.end) === s.text)).toBe(true);
    }
  }, 30_000);
});

describe('single marks outside, double marks inside (British style)', () => {
  // Guardian/Times style: ‘…’ quotes, “…” for a quotation within it, and a quotation over
  // paragraphs reopens each paragraph with ‘ and closes only at its end
  const text = [
    'Rangers boss Lena Brody praised her goalkeeper after the draw.',
    '',
    '‘Ivo was superb,’ Brody said. ‘People talk about his saves but what he organises in front of him is what wins games.',
    '',
    '‘He is 20 and he talks like he is 35. I told him at the break: “Keep shouting.” He did.’',
    '',
    'The point leaves Rangers sixth.',
  ].join('\n');
  const out = run(text);
  it('reads a quotation with a double-mark quotation inside as one, with its speaker', () => {
    const q = find(out, 'He is 20');
    expect(q?.text).toBe(
      'He is 20 and he talks like he is 35. I told him at the break: “Keep shouting.” He did.',
    );
    expect(q?.speaker?.name).toBe('Lena Brody');
    expect(out.some((s) => s.text.startsWith('Keep shouting'))).toBe(false);
  });
  it('reads a single-mark quotation left open at its paragraph end as running on', () => {
    const q = find(out, 'People talk about');
    expect(q?.kind).toBe('direct');
    expect(q?.speaker?.name).toBe('Lena Brody');
  });
  it('keeps double marks primary when a single-mark term precedes a double-mark quotation', () => {
    const o = run('The so-called ‘green levy’ was dropped. “It was never popular,” Brody said.');
    expect(o.map((s) => [s.text, s.speaker?.name])).toEqual([['It was never popular,', 'Brody']]);
  });
});

describe('a name after "known as"', () => {
  // "known as “Tally Crew,”": the naming participle stands before "as"; the quotation is a name,
  // and the report around it is read whole
  it('reads a quoted name after "known as" as no statement inside an attributed sentence', () => {
    const out = run('The club’s youth scheme, known as “Green Shoots,” was cut last year, the council said.');
    expect(out.map((s) => [s.kind, s.text])).toEqual([
      ['indirect', 'The club’s youth scheme, known as “Green Shoots,” was cut last year'],
    ]);
  });
  it('reads no statement in a name after "known as" that would inherit the speaker before it', () => {
    const out = run(
      '“Lock your doors,” the sergeant said. The force runs a campaign known as “Safe Streets”.',
    );
    expect(out.map((s) => s.text)).toEqual(['Lock your doors,']);
  });
  it('still reads a partial quotation after "as" without a naming word', () => {
    const out = run('The mayor described the cuts as “a betrayal of every family here.”');
    expect(out.map((s) => s.kind)).toEqual(['partial']);
  });
});
