/**
 * Behaviour tests on invented sentences (not from the corpus) for speaker rules added after
 * behaviour.test.ts grew long: one group per general pattern.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../utils/extract';
import { NameRegistry } from '../../utils/extract/names';
import type { Statement } from '../../utils/extract/types';

function run(text: string): Statement[] {
  const out = extract(text);
  for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  return out;
}

const pairs = (out: Statement[]) => out.map((s) => [s.text, s.speaker?.name ?? null]);

const speakerOf = (out: Statement[], prefix: string) =>
  out.find((s) => s.text.startsWith(prefix))?.speaker?.name ?? null;

describe('a belief inside a report', () => {
  // "X said Y believes the plan is “dead”": the quoted word is X's, who reports Y's belief
  it('gives the quoted words to the reporting speaker, not to the believer', () => {
    const out = run('Days later, the governor’s aide Tom Reid said Cole still thinks the levy is “a scam.”');
    expect(speakerOf(out, 'a scam')).toBe('Tom Reid');
  });
  // "told Ambrose he had shown “…”": evidence reported by a speaker quotes the speaker too
  it('gives words quoted as the object of an evidential verb inside a report to the reporter', () => {
    const told = run(
      'Passing sentence, Judge Ines Varga told Pruitt he had shown “a cold contempt for his victims”.',
    );
    expect(told[0]?.speaker?.mention).toBe('Judge Ines Varga');
    const said = run('Judge Ines Varga said Pruitt had shown “a cold contempt for his victims”.');
    expect(speakerOf(said, 'a cold contempt')).toBe('Ines Varga');
  });
  it('keeps the believer when no one reports the belief', () => {
    const out = run('Cole still believes the levy is “a scam.”');
    expect(speakerOf(out, 'a scam')).toBe('Cole');
  });
});

describe('a colon introduction with an irregular verb', () => {
  // "Ruiz put it bluntly: “…”": the subject of a finite verb before the colon, known by its tag
  it('gives the quotation to the subject of "put it bluntly"', () => {
    const out = run('Lopez put it bluntly: “We have no money left for the road repairs this year.”');
    expect(speakerOf(out, 'We have no money')).toBe('Lopez');
  });
});

describe('a reporting form after an article or a possessive is a noun', () => {
  // "the figures", "their claims": not the verbs "figure" and "claim"
  it('takes no speaker from a noun that looks like a reporting verb', () => {
    const out = run('The planners put the figures in a table: “Spending rose again last year.”');
    expect(out.filter((s) => s.cue === 'figures')).toEqual([]);
  });
});

describe('an attribution in the sentence after the quotation', () => {
  // "“…” That was the message from X.", "Those were the words of X.", "So said X.": the next
  // sentence names whose words the quoted sentence was
  it('reads a demonstrative or "So said" sentence after a quoted sentence', () => {
    for (const after of [
      'That was the message from Ana Ruiz, the union leader, on Monday.',
      'Those were the words of Ana Ruiz.',
      'So said Ana Ruiz, the union leader.',
      'The remarks came from Ana Ruiz.',
    ]) {
      const out = run(`The vote was close. “We will not pay a penny more.” ${after}`);
      expect(speakerOf(out, 'We will not pay')).toBe('Ana Ruiz');
    }
  });
  it('takes no speaker from a sentence about something else', () => {
    const out = run(
      'The vote was close. “We will not pay a penny more.” That was the view in the town hall.',
    );
    expect(speakerOf(out, 'We will not pay')).toBeNull();
  });
});

describe('a given name alone for one of two people who share a surname', () => {
  // "Tomas Walsh … his father, Ernie Walsh … “…,” Ernie said.": the given name picks the person
  it('links the given name to the full name it begins', () => {
    const out = run(
      'Tomas Walsh was 15 when he left school. His father, Ernie Walsh, says the school failed him.\n“Nobody called us,” Ernie said.',
    );
    expect(speakerOf(out, 'Nobody called us')).toBe('Ernie Walsh');
  });
});

describe('a place after a preposition is not the speaker', () => {
  // "a federal judge in Texas ruled", "Police in the city of Leeds said": the person or body
  // before the phrase speaks, not the place in it
  it('keeps the person or body before "in PLACE" and "of PLACE"', () => {
    const judge = run('Earlier this year, a federal judge in Ohio ruled that the policy was unlawful.');
    expect(judge[0]?.speaker?.name).toBe('a federal judge in Ohio');
    const police = run('Police in the city of Derby said on Monday that two men had been arrested.');
    expect(police[0]?.speaker?.name).toBe('Police');
  });
});

describe('a number inside a parenthesis after the subject', () => {
  // "The firm, which employs 3,000 people, said": the comma of "3,000" closes nothing
  it('reads past the thousands separator to the subject', () => {
    const out = run(
      'A spokesperson for the mill, which employs 3,000 people in the valley, said that the plant would close.',
    );
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([
      ['the plant would close', 'a spokesperson for the mill'],
    ]);
  });
});

describe('the subject of the sentence before a pronoun', () => {
  // "The mayor met the protesters. She said …": the subject ends before its verb and the object
  it('reads a described person who is the subject before "she"', () => {
    const out = run('The mayor met the protesters. She told them that the bridge would reopen.');
    expect(out.map((s) => s.speaker?.name)).toEqual(['the mayor']);
  });
  // "The company lost money. It said …": a past form the tagger read as an adjective is the verb
  it('reads a body whose verb the tagger took for an adjective before "it"', () => {
    const out = run('The company lost money last year. It said that sales would recover.');
    expect(out.map((s) => s.speaker?.name)).toEqual(['company']);
  });
  // "Acme Corp. …": a legal form ends a company's name, so "it" can stand for it
  it('knows a company by its legal form', () => {
    const out = run('Zentrix Corp. lost money last year. It said that sales would recover.');
    expect(out.map((s) => s.speaker?.name)).toEqual(['Zentrix Corp.']);
  });
});

describe('several parentheses between the subject and its verb', () => {
  // "Shawn Styles, 30, who works next door, said": an age, an appositive, a relative clause or an
  // "including" list, one after another, before the reporting verb
  it('reads the subject before an age and a relative clause or an appositive', () => {
    const a = run('Dan Okoro, 30, who works at a garage next door, said he saw three police cars.');
    expect(a.map((s) => [s.text, s.speaker?.name])).toEqual([['he saw three police cars', 'Dan Okoro']]);
    const b = run('Lina Haddad, 36, the owner of a bakery near the square, said she heard two shots.');
    expect(b.map((s) => [s.text, s.speaker?.name])).toEqual([['she heard two shots', 'Lina Haddad']]);
  });
  it('reads the same after a quotation', () => {
    const out = run('“I saw the cars,” Dan Okoro, 30, who works at a garage next door, said.');
    expect(out.map((s) => s.speaker?.name)).toEqual(['Dan Okoro']);
  });
  // "One student at a college in Durham, North Carolina, said": a region after a place is a
  // parenthesis, and the phrase is headed by its first noun, not by the place
  it('keeps a common-noun subject with a place in it', () => {
    const out = run('One student at a college in Leeds, England, said he disliked the rules.');
    expect(out.map((s) => s.speaker?.name)).toEqual(['one student at a college in Leeds']);
  });
});

describe('an independent possessive after "of"', () => {
  // "a friend of mine remarked", "a friend of his said": the noun before "of" with its possessive
  it('reads "X of mine/hers/his" as the speaker, before and after the quotation', () => {
    const a = run('As a friend of mine remarked, “It takes a machine to beat a machine.”');
    expect(a.map((s) => s.speaker?.name)).toEqual(['a friend of mine']);
    const b = run('Tom Reid was arrested on Monday. “He is innocent,” a friend of his said.');
    expect(b.map((s) => s.speaker?.name)).toEqual(['a friend of his']);
    const c = run('Tom Reid was arrested on Monday. A friend of his told the paper he was innocent.');
    expect(c.map((s) => [s.text, s.speaker?.name])).toEqual([['he was innocent', 'a friend of his']]);
  });
});

describe('a described speaker with a post-modifier, and again after a pronoun', () => {
  // "One student at Duke University in Durham said …": the head noun is the word before the
  // phrase after it ("student", a person), and a later "he" that stood for the description stands
  // for it still; the person named elsewhere in the story is not the antecedent
  it('keeps "he" with the described nurse through several sentences', () => {
    const out = run(
      'Many voters said they backed Mayor Tom Reid. One nurse at the city hospital in Eastfield said he had waited hours for a bus. “I was turned away from a clinic,” he said. “Nobody could tell me why,” he added.',
    );
    const nurse = 'one nurse at the city hospital in Eastfield';
    expect(out.map((s) => s.speaker?.name)).toEqual(['many voters', nurse, nurse, nurse]);
  });
});

describe('an existential "there" before a participle', () => {
  // "There are videos of fans screaming “…”": the quotation is the participle's object and
  // "there" is no subject that speaks; a later "he said" gives it to the person who spoke last
  it('gives no quotation to "There"', () => {
    const out = run(
      '“The launch was flawless,” said Ana Ruiz, the mission director. There are now hundreds of videos of fans screaming “Go, Comet, go!” at their screens.',
    );
    expect(out.map((s) => s.speaker?.name ?? null)).not.toContain('There');
  });
});

describe('a place name and its region before the verb', () => {
  // "a nurse from Leeds, England, said": the region between commas belongs to the place before it
  // (the entity typer reads it as a place), so it is no appositive naming the speaker
  it('gives the report to the description, not to the region', () => {
    const a = run('A nurse from Leeds, England, said the ward was full.');
    expect(pairs(a)).toEqual([['the ward was full', 'a nurse from Leeds']]);
    const b = run(
      'Ana Ruiz, who teaches at the state university in Austin, Texas, has warned that the plan could “push rents even higher.”',
    );
    expect(b.map((s) => s.speaker?.name)).toEqual(['Ana Ruiz']);
  });
  it('does so after an inverted verb too', () => {
    const out = run('“The ward is full,” said a nurse from Leeds, England, who asked not to be named.');
    expect(out.map((s) => s.speaker?.name)).toEqual(['a nurse from Leeds']);
  });
  it('still reads a name in an appositive as the speaker', () => {
    const out = run('The head of the agency, John Smith, said the plan was sound.');
    expect(pairs(out)).toEqual([['the plan was sound', 'John Smith']]);
  });
});

describe('a person called by a given name in apposition', () => {
  // "A nursing student, Anna, said …": a given name alone (the gazetteer's) in apposition to a
  // description of a person is a person, so a later "she" is hers
  it('gives "she" to the person called by her given name', () => {
    const out = run(
      'Tom Reid runs the college. A nursing student, Anna, said her class had held a vote. “Nobody asked us first,” she said.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['Anna', 'Anna']);
  });
});

describe('a demonstrative description as the antecedent of a pronoun', () => {
  // "This student cancelled … “…,” he wrote.": a demonstrative and a noun WordNet knows as a
  // person open the sentence before the pronoun, after every person named
  it('gives "he" to "this student"', () => {
    const out = run(
      'Tom Reid runs the college. This student cancelled a second interview because he feared for his safety. “The mood on campus is getting worse,” he wrote in an email.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['this student']);
  });
});

describe('a pronoun subject of a verb of replying', () => {
  // "The host quipped, “…?” to which she replied, “…”": one replies to someone else, so "she" is
  // not the speaker quoted just before in the same sentence; a reply to someone not quoted
  // ("When asked by a reader …, she responded") keeps the salient speaker
  it('gives the reply to the other person', () => {
    const out = run(
      'Ana Ruiz sat down with the host on Monday. The host quipped, “Isn’t that against the rules?” to which she replied, “Apparently not.” She continued, “I wore it four times.”',
    );
    expect(out.slice(-2).map((s) => s.speaker?.name)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
  });
  it('keeps the speaker when the reply is to someone not quoted', () => {
    const out = run(
      'Ana Ruiz said that the show was “finished.” When asked by a reader to name her hero, she responded, “My mother.”',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['Ana Ruiz', 'Ana Ruiz']);
  });
});

describe('a word capitalised by its place before a comma', () => {
  // "Update: On Tuesday, I got a reply from Ana Ruiz, who confirmed that …": a capital stopword
  // alone ("Update", "First", "Most") opening a stretch before a comma is no subject of the clause
  // after it, so the search for the subject goes on
  it('reads the report of the person who confirmed it', () => {
    const out = run(
      'Update: On Tuesday, I got a reply from Ana Ruiz, who confirmed that the voice does indeed belong to Tom Reid, “one of the firm’s earliest employees, who helped shape its voice.”',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['Ana Ruiz']);
  });

  // "First, saying that …": a sentence adverb alone before a comma is no subject of the participle
  // that reports after it either; a pronoun there ("He, too, …") still is one
  it('gives a participle no adverb for its subject', () => {
    const out = run('Finally, saying that the new stadium will “pay for itself” is a stretch.');
    expect(out.map((s) => s.speaker?.name ?? null)).not.toContain('Finally');
    const he = run('Tom Reid left the hall. He, too, walked out, saying the vote was “a farce.”');
    expect(he.map((s) => s.speaker?.name)).toContain('Tom Reid');
  });
});

describe('a determiner that opens a sentence before a name', () => {
  // "Another Eastfield student said …": a determiner is capitalised by its place and is no part of
  // a name, so no person "Another Eastfield" is the antecedent of a later "he"
  it('gives "he" to the described student', () => {
    const out = run(
      'Tom Reid opened the new bus depot on Monday. Another Eastfield student said the buses were late. “We waited for hours,” he said.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual([
      'another Eastfield student',
      'another Eastfield student',
    ]);
  });
});

describe('a heading line in title case', () => {
  // "Skip Navigation", "Garden Sheds and Recycling Bins": on a line in title case every word is
  // capitalised, so its capitals name no one; no pronoun finds its antecedent there
  it('names no one from a heading', () => {
    const out = run(
      'Tom Reid, the club chairman, spoke after the match on Saturday.\n\nSkip Navigation\n\nThe pitch will be relaid in June, he said.\n\nGarden Sheds and Recycling Bins\n\nThe east stand would be closed, he added.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['Tom Reid', 'Tom Reid']);
  });
});

describe('a verb that opens a sentence before a name', () => {
  // "Replied Stephen Jones: …": the first word of a sentence is capitalised by its place; a verb
  // there is no part of the name (a given name such as "Mark" or "Will" is)
  it('keeps the verb out of the name', () => {
    const out = run(
      'The club was sold in May. Replied Stephen Jones: “We will see.” Stephen added that the club was safe.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['Stephen Jones', 'Stephen Jones']);
  });
  // "Will HTV raise its prices?": a modal that opens a question is the auxiliary,
  // though "Will" is a given name
  it('keeps a modal that opens a question out of the name', () => {
    const out = run(
      'HTV bought the cable network last year. Will HTV raise its prices? Last night HTV announced that its streaming service would be free.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['HTV']);
    const named = run('Will Hart spoke first. “Is it fair?” Hart asked.');
    expect(named.map((s) => s.speaker?.name)).toEqual(['Will Hart']);
  });
  it('keeps a given name that is also a verb', () => {
    const out = run('Mark Kelly spoke first. “We will see,” Kelly said.');
    expect(out.map((s) => s.speaker?.name)).toEqual(['Mark Kelly']);
  });
});

describe('a possessed relation as the antecedent of a pronoun', () => {
  // "Tom Reid's mother spoke to reporters. “…,” she said.": a person described by a relation to
  // someone named opens the sentence before the pronoun
  it('gives the quotation to "X’s mother"', () => {
    const out = run(
      'Tom Reid’s mother spoke to reporters outside the court. “My son is innocent,” she said.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['Tom Reid’s mother']);
  });
});

describe('two name particles and an inverted colon introduction', () => {
  // "Ana de la Cruz": two particles before the surname belong to the name
  it('reads a name with two particles', () => {
    expect(run('“We are not ready,” said Ana de la Cruz.').map((s) => s.speaker?.name)).toEqual([
      'Ana de la Cruz',
    ]);
  });
  // "Added the mayor: “…”": a capitalised reporting verb, then its subject up to the colon
  it('reads an inverted introduction before a colon', () => {
    expect(run('Added the mayor: “We are not ready.”').map((s) => s.speaker?.name)).toEqual(['the mayor']);
  });
});

describe('perceived and quoted speakers after a quotation', () => {
  // "“…,” Ana Ruiz is heard saying": a passive verb of perceiving before the -ing cue;
  // "“…,” the statement quoted Ana Ruiz as saying": the object of "quoted … as saying" speaks
  it('gives the quotation to the person heard or quoted', () => {
    const lead = 'Tom Reid spoke first. “We are ready,” he said.\n';
    for (const s of [
      '“We are not ready,” Ana Ruiz is heard saying in the video.',
      '“We are not ready,” the statement quoted Ana Ruiz as saying.',
    ]) {
      const out = run(lead + s).filter((x) => x.start >= lead.length);
      expect(out.map((x) => x.speaker?.name)).toEqual(['Ana Ruiz']);
    }
  });
});

describe('a document named by its author', () => {
  // "the IMF report says", "The Pentagon study found": a name before the document noun is the
  // author, who speaks through it
  it('gives the report to the name before the document noun', () => {
    const out = run('Officials met on Monday. The Pentagon study found that the jets were unsafe.');
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([['the jets were unsafe', 'Pentagon']]);
  });
});

describe('"the company" and "the ministry" for the body named before', () => {
  // "The Ministry of Health reported … The ministry said": the name that holds the noun; a company
  // named with its legal form is "the company"; a capitalised common noun alone names nothing
  it('links the definite noun to the named body', () => {
    const a = run(
      'The Ministry of Health reported 40 cases. The ministry said that the outbreak was contained.',
    );
    expect(a.map((s) => s.speaker?.name)).toEqual(['Ministry of Health']);
    const b = run('Zentrix Corp. lost money last year. The company said that sales would recover.');
    expect(b.map((s) => s.speaker?.name)).toEqual(['Zentrix Corp.']);
    const c = run('Ministry officials met on Monday. The ministry said the outbreak was over.');
    expect(c.map((s) => s.speaker?.name)).toEqual(['ministry']);
  });
});

describe('a determiner heading a phrase of people', () => {
  // "those close to X", "many familiar with Y": a pronominal determiner with a post-modifier is
  // the speaker (Quirk §6.45), also when the modifier holds a hyphenated title (read as HYPH)
  it('gives the report to "those close to" a person with a hyphenated title', () => {
    const out = run('Those close to the president-elect say that he rarely changes his mind.');
    expect(speakerOf(out, 'he rarely changes')).toBe('those close to the president-elect');
  });
  it('reads "many familiar with" as the speaker, not the deal', () => {
    const out = run('Many familiar with the merger said the board would reject it.');
    expect(speakerOf(out, 'the board would')).toBe('many familiar with the merger');
  });
});

describe('a relation noun before "to"', () => {
  // "aides to the governor", "an adviser to the minister": the relation noun speaks, not its owner
  it('gives the report to the aides, not the governor', () => {
    const out = run('Aides to the governor said she would sign the budget on Friday.');
    expect(speakerOf(out, 'she would sign')).toBe('aides to the governor');
  });
  it('gives the report to the adviser, not the minister', () => {
    const out = run('An adviser to the finance minister said the levy would be dropped.');
    expect(speakerOf(out, 'the levy would')?.toLowerCase()).toBe('an adviser to the finance minister');
  });
});

describe('a speaker label before a colon', () => {
  // transcripts and reaction round-ups: "Name: “…”", after a heading that ends with a dash
  const roundUp = [
    'Tom Reid, the mayor, said on Sunday that the talks had failed.',
    'United Kingdom — Britain’s Foreign Secretary Ana Ruiz: “We welcome the ceasefire and urge both sides to keep it.”',
    'European Union — The EU’s foreign policy chief Dan Okoro: “This is a first step toward a lasting peace.”',
  ].join('\n');
  it('gives each quotation to its label, not to the person named before', () => {
    const out = run(roundUp);
    expect(speakerOf(out, 'We welcome')).toBe('Ana Ruiz');
    expect(speakerOf(out, 'This is a first step')).toBe('Dan Okoro');
    expect(out.find((s) => s.text.startsWith('We welcome'))?.cue).toBe(':');
  });
  it('takes a one-word label only for a person named in full elsewhere', () => {
    const out = run(
      [
        'Prime Minister Christopher Luxon spoke first, then the opposition leader.',
        'Ana Ruiz: “The deal is weak, and it will not last the winter.”',
        'Update: “The talks have ended for the night.”',
        'Luxon: “We hope this holds, and we will help where we can.”',
      ].join('\n'),
    );
    expect(speakerOf(out, 'The deal is weak')).toBe('Ana Ruiz');
    expect(speakerOf(out, 'We hope this holds')).toBe('Christopher Luxon');
    expect(out.find((s) => s.text.startsWith('We hope'))?.cue).toBe(':');
    expect(speakerOf(out, 'The talks have ended')).not.toBe('Update');
  });
  it('reads coordinated titles before one name, and in an appositive', () => {
    const out = run(
      [
        'Tom Reid, the mayor, said on Sunday that the talks had failed.',
        'Qatar — Prime Minister and Foreign Minister Ahmed Al Rashid: “This is a first step toward a lasting peace.”',
        'Spain — Ana Ruiz Perez, Deputy Prime Minister and Foreign Minister: “We will send aid by sea within days.”',
      ].join('\n'),
    );
    expect(speakerOf(out, 'This is a first step')).toBe('Ahmed Al Rashid');
    expect(speakerOf(out, 'We will send aid')).toBe('Ana Ruiz Perez');
  });
  it('takes a publication as a one-word label', () => {
    const out = run(
      'Tom Reid, the mayor, said the talks had failed.\nPress — Reuters: “The talks have ended without a deal.”',
    );
    expect(speakerOf(out, 'The talks have ended')).toBe('Reuters');
  });
});

describe('the agent after a participle', () => {
  // "a memo seen by Reuters says": the agent of reading or obtaining does not speak; the agent of
  // authorship does ("a survey released by the council says")
  it('keeps the document as the subject of "a memo seen by Reuters says"', () => {
    const out = run(
      'A leaked internal memo seen by Reuters says staff who refuse the transfer may lose their jobs.',
    );
    expect(speakerOf(out, 'staff who refuse')).not.toBe('Reuters');
    expect(speakerOf(out, 'staff who refuse')?.toLowerCase()).toContain('memo');
  });
  it('gives "a survey released Monday by the Transit Council says" to the council', () => {
    const out = run('A survey released Monday by the Transit Council says ridership fell by a third.');
    expect(speakerOf(out, 'ridership fell')).toBe('Transit Council');
  });
  it('does not make the reader of a document its author for a later "the memo says"', () => {
    const out = run(
      'A memo seen by Reuters was sent to all staff on Friday. The memo says the plant will close in June.',
    );
    expect(speakerOf(out, 'the plant will close')).not.toBe('Reuters');
    const authored = run(
      'A report released by the Transit Council was sent to all staff on Friday. The report says ridership will fall in June.',
    );
    expect(speakerOf(authored, 'ridership will fall')).toBe('Transit Council');
  });
});

describe('a weekday ends a time phrase', () => {
  // "posts on the forum from Friday": the day is when, not who; the phrase's noun heads it
  it('does not name Friday as the speaker', () => {
    const out = run('Posts on the forum from Friday claimed that a power cut had hit the town.');
    expect(speakerOf(out, 'a power cut')).not.toBe('Friday');
  });
  it('gives "according to a survey released Monday by X" to X', () => {
    const out = run(
      'According to a survey released Monday by the Transit Council, ridership fell by a third.',
    );
    expect(speakerOf(out, 'ridership fell')).toBe('Transit Council');
  });
});

describe('"and" after a report coordinates the reporting verbs', () => {
  // "X theorized that A had occurred, and wrote that B": the subject of "wrote" is X, not A's subject
  it('gives the second report to the subject of the first reporting verb', () => {
    const out = run(
      'Posts on the forum from Friday theorized that a power cut had occurred, and wrote that the pumps had failed.',
    );
    expect(speakerOf(out, 'the pumps had failed')?.toLowerCase()).toBe('posts on the forum from friday');
  });
});

describe('a body with "and" in its name after a person', () => {
  // "Tom Reid of The Globe and Mail": the affiliation ends with the body's name; the person speaks
  it("gives the quotation to the person, not to the end of the body's name", () => {
    const out = run(
      'Writing in a column, Dan Okoro of The Globe and Mail called the dispute “a war of words”.',
    );
    expect(speakerOf(out, 'a war of words')).toBe('Dan Okoro');
  });
});

describe('a relation noun after "whose"', () => {
  // "the farmers, whose leaders described the plan as “…”": the leaders speak, not the sentence's subject
  it('does not give the quotation to the subject of the main clause', () => {
    const out = run('The mayor met the farmers, whose leaders described the plan as “a disaster.”');
    expect(speakerOf(out, 'a disaster')).not.toBe('the mayor');
    expect(speakerOf(out, 'a disaster')).toContain('leaders');
  });
});

describe('a name in square brackets', () => {
  // "“…,” [Reid] said": an editor's bracketed name for a pronoun is the speaker
  it('gives the quotation to the bracketed name', () => {
    const out = run(
      'Tom Reid spoke first. Ana Ruiz said the ferry was unsafe. “The ferry has never been safer,” [Reid] said.',
    );
    expect(speakerOf(out, 'The ferry has never')).toBe('Tom Reid');
  });
});

describe('an inverted "Said" before a name and a quotation', () => {
  // "Said Ana Ruiz: “…”": the verb is no given name when a quotation follows the name
  it('keeps "Said" out of the speaker’s name, and keeps a person named Said', () => {
    expect(
      speakerOf(
        run('The hearing went on past midnight. Said Ana Ruiz: “We will not stop now.”'),
        'We will not',
      ),
    ).toBe('Ana Ruiz');
    expect(
      speakerOf(
        run('Said Hassan spoke first at the hearing. “We will not stop now,” he said.'),
        'We will not',
      ),
    ).toBe('Said Hassan');
  });
});

describe('a soft hyphen in a speaker', () => {
  // U+00AD is invisible on the page: it is no part of the speaker's name (the mention keeps the text)
  it('leaves the soft hyphen out of the name', () => {
    const text = 'The plant will close in June, \u00adsources said.';
    const s = run(text).find((x) => x.text.startsWith('The plant'));
    expect(s?.speaker?.name).toBe('sources');
    expect(text.slice(s?.speaker?.mentionStart ?? 0).startsWith(s?.speaker?.mention ?? '#')).toBe(true);
  });
});

describe('a long post-modifier of an anonymous source', () => {
  // "a person close to … and a U.S. official familiar with the matter": read to its end, not cut
  // after a fixed number of words
  it('keeps the whole source phrase', () => {
    const out = run(
      'The talks failed on Tuesday, according to a person close to the mayor’s budget and planning team and a city official familiar with the matter, both speaking anonymously.',
    );
    expect(speakerOf(out, 'The talks failed')?.endsWith('familiar with the matter')).toBe(true);
  });
});

describe('a body named by a capitalised name', () => {
  // a capitalised name headed by a body noun is an organisation, named in full, not by its last word
  it('names the body in full', () => {
    const out = run(
      'The Finance Ministry said the budget would be cut. The Defence Department said the drills were routine.',
    );
    expect(speakerOf(out, 'the budget would be cut')).toBe('Finance Ministry');
    expect(speakerOf(out, 'the drills were routine')).toBe('Defence Department');
  });
  // "the Ministry of Fisheries": a capitalised body noun before "of" heads the name
  it('names a body written with "of" in full', () => {
    const out = run(
      'The Ministry of Fisheries said quotas would be cut. The Department of the Interior said the park would reopen.',
    );
    expect(speakerOf(out, 'quotas would be cut')).toBe('Ministry of Fisheries');
    expect(speakerOf(out, 'the park would reopen')).toBe('Department of the Interior');
  });
  // a person named after the body's name stays the speaker
  it('keeps the person named after the body', () => {
    const out = run('Chairman of the Guild of Bakers Tom Reid said prices would rise.');
    expect(speakerOf(out, 'prices would rise')).toBe('Tom Reid');
  });
  // another body of the same kind is not the one named before ("the Interior Ministry")
  it('does not merge two ministries', () => {
    const out = run(
      'The Foreign Ministry said the envoy had been recalled. The Interior Ministry said the border stayed open.',
    );
    expect(speakerOf(out, 'the border stayed open')).toBe('Interior Ministry');
  });
  // the name a phrase ends with, not the phrase: "the country's Foreign Ministry"
  it('leaves a lower-case possessor out of the name', () => {
    const out = run('The country’s Health Ministry said supplies were secure.');
    expect(speakerOf(out, 'supplies were secure')).toBe('Health Ministry');
  });
  // a body is not the person whose title names it ("Health Authority Chairman Tom Reid")
  it('does not give the body’s words to its chairman', () => {
    const out = run(
      'Health Authority Chairman Tom Reid visited the ward on Monday. The Health Authority said that the beds were ready.',
    );
    expect(speakerOf(out, 'the beds were ready')).toBe('Health Authority');
  });
});

describe('a document with no author named', () => {
  // "the report" is its author's only when the text says who wrote it; another body that spoke
  // before is not that author
  it('keeps the document as the speaker', () => {
    const out = run(
      'The drivers’ union said on Monday that it would strike. A report published on Tuesday found that fares rose by a tenth. The report said that buses ran late.',
    );
    expect(speakerOf(out, 'buses ran late')).not.toBe('drivers’ union');
    expect(speakerOf(out, 'buses ran late')).toMatch(/report/);
  });
  it('gives the document to the body that released it', () => {
    const out = run('The transit board released a report on Monday. The report said that buses ran late.');
    expect(speakerOf(out, 'buses ran late')).toMatch(/board/);
  });
});

describe('"it" for a body named inside a subject', () => {
  // "Shares of the company fell after it warned …": "it" stands for the body the subject's
  // "of"-complement names, not for the shares
  it('gives the report to the body', () => {
    const out = run('Shares of the carmaker fell 6 percent after it warned that sales would slow.');
    expect(speakerOf(out, 'sales would slow')).toMatch(/carmaker/);
  });
});

describe('a document "from" people', () => {
  // "a letter from the family said …": a group or person noun after "from" is the document's author
  it('gives the report to the writers', () => {
    const out = run('A letter from the family said that the boy was safe.');
    expect(speakerOf(out, 'the boy was safe')).toBe('the family');
  });
  it('keeps a document from a place as the document', () => {
    const out = run('A report from the region said that the roads were closed.');
    expect(speakerOf(out, 'the roads were closed')).toMatch(/report/);
  });
});

describe('a one-word name shown to be a person by its apposition', () => {
  // "Ortiz, who …, said" and "Okafor, 54, said": a relative "who" or an age marks a person, so a
  // later he or she can stand for that name
  it('resolves "he" to a name followed by "who"', () => {
    const out = run(
      'Mendoza, who has run the ferry for a decade, said bookings had fallen. He said fuel was the problem.',
    );
    expect(speakerOf(out, 'fuel was')).toBe('Mendoza');
  });
  it('resolves "she" to a name followed by an age', () => {
    const out = run('Adeyemi, 61, said the clinic had closed. She said patients now travel to the city.');
    expect(speakerOf(out, 'patients now')).toBe('Adeyemi');
  });
  it('does not resolve "he" to a name followed by "which"', () => {
    const out = run(
      'Halvorsen, which builds the ferries, said orders had fallen. He said fuel was the problem.',
    );
    expect(speakerOf(out, 'fuel was')).toBeNull();
  });
});

describe('a possessor described by a common noun', () => {
  // "The ministry's message was simple: “…”": the possessor speaks, named without its "'s"
  it('names the speaker without the possessive ending', () => {
    const out = run('The coach’s message was simple: “Keep the ball.”');
    expect(speakerOf(out, 'Keep the ball')).toBe('the coach');
  });
});

describe('"they" and "it" reach back over sentences about things', () => {
  // a plural of things is no "they" who speak; the people named before it are
  it('passes over a plural subject that names things', () => {
    const out = run(
      'The engineers tested the dam for a year. Several designs were rejected. They said that the wall must be rebuilt.',
    );
    expect(speakerOf(out, 'the wall')).toBe('the engineers');
  });
  // each of the three sentences before the pronoun's counts, not the spaces between them
  it('finds the body two sentences back', () => {
    const out = run(
      'The ministry reviewed the plan in May. Two options were drawn up. It said the cheaper one would be chosen.',
    );
    expect(speakerOf(out, 'the cheaper')).toBe('ministry');
  });
});

describe('a plural possessor in the speaker’s phrase', () => {
  // "the nurses’ union": the apostrophe after a plural s belongs to the phrase, not a quotation
  it('keeps the possessor with a typographic apostrophe', () => {
    const out = run('The nurses’ union said “the offer is an insult.”');
    expect(speakerOf(out, 'the offer')).toBe('nurses’ union');
  });
  it('keeps it with a straight apostrophe', () => {
    const out = run("The dockers' union said the port would close on Friday.");
    expect(speakerOf(out, 'the port')).toBe("dockers' union");
  });
});

describe('a titled name with its affiliation', () => {
  // "Dr. Anil Rao of Johns Hopkins University": the name ends at the affiliation, after the title
  it('names the person without title or affiliation', () => {
    const out = run('Dr. Mira Collins of Ohio State University called the results “promising.”');
    expect(speakerOf(out, 'promising')).toBe('Mira Collins');
  });
  it('lets a later pronoun stand for that person', () => {
    const out = run(
      'Prof. Mira Collins of Ohio State University, who was not involved in the study, praised it. But she cautioned that the sample was small.',
    );
    expect(speakerOf(out, 'the sample')).toBe('Mira Collins');
  });
});

describe('two people with one surname', () => {
  // "Rob Hall" after "Jessica Hall" is someone else: his mentions, and a pronoun after them, are his
  it('resolves a pronoun after the second person to that person', () => {
    const out = run(
      'Jessica Hall, 17, won the race on Sunday. Her father, Rob Hall, watched from the stands. “She trained every morning,” he said.',
    );
    expect(speakerOf(out, 'She trained')).toBe('Rob Hall');
  });
  // the end of a full name already known is that person, not a second one ("Black Elk")
  it('keeps a two-word surname with the person named in full before', () => {
    const out = run(
      'Linda Black Elk, a healer, spoke at the camp. “We are preparing for the worst,” Black Elk said.',
    );
    expect(speakerOf(out, 'We are preparing')).toBe('Linda Black Elk');
  });
});

describe('a document with its author after a participle of authorship', () => {
  // "The report, published by X, …" and "a report issued last year by X": X wrote it and speaks
  it('gives a report within commas to the body that published it', () => {
    const out = run('The review, commissioned by the city council, found that the pier was unsafe.');
    expect(speakerOf(out, 'the pier')).toBe('city council');
  });
  it('gives it to a group of people named by a plural noun', () => {
    const out = run('The study, conducted by researchers, found that recovery was faster at home.');
    expect(speakerOf(out, 'recovery')).toBe('researchers');
  });
});

describe('the plural of a listed head noun heads the phrase', () => {
  // titles, roles and documents are listed in the singular; "party leaders", "union chiefs",
  // "court filings" are read through the lemma
  it('names plural titles after a quotation, with their modifier', () => {
    const out = run(
      '“We will not accept the offer,” union chiefs said. “The talks are over,” local leaders said on Monday.',
    );
    expect(speakerOf(out, 'We will not accept')).toBe('union chiefs');
    expect(speakerOf(out, 'The talks are over')).toBe('local leaders');
  });
  it('names them before a reported clause too', () => {
    const out = run('Party leaders said the vote would go ahead in March.');
    expect(speakerOf(out, 'the vote would go ahead')).toBe('party leaders');
  });
  it('keeps a plural document whole after "according to"', () => {
    const out = run('According to court filings, the airline knew of the fault for two years.');
    expect(speakerOf(out, 'the airline knew')).toBe('court filings');
  });
});

describe("a sentence's capitalised first word before a full name", () => {
  // Pattern: an adjective that opens a sentence before a full name ("Longtime", "Outspoken") is
  // capitalised by its place, not part of the name: the name starts at the given name.
  it('is left out of the speaker’s name', () => {
    const out = run(
      'Outspoken Martha Lindqvist critic Tomas Berg has left the party. “Tomas was a gifted organiser and a loyal colleague,” Lindqvist said in a statement.',
    );
    expect(speakerOf(out, 'Tomas was')).toBe('Martha Lindqvist');
  });

  // Pattern: with no given name after it, the word stays unless the article writes the name without it.
  it('stays when nothing says otherwise, goes when the name is written without it', () => {
    const kept = run('Chukwuma Okafor Eze spoke on Sunday. “We will rebuild the church,” Eze said.');
    expect(speakerOf(kept, 'We will')).toBe('Chukwuma Okafor Eze');
    const seen = run(
      'Veteran Okafor Eze announced his retirement. Okafor Eze, 71, led the club for a decade. “I leave with no regrets at all,” Eze said.',
    );
    expect(speakerOf(seen, 'I leave')).toBe('Okafor Eze');
  });
});

describe('a body whose name has "for", "on" or "and" inside', () => {
  // Pattern: after a word that names a kind of body ("Office", "Committee", "Centers"), "for",
  // "on" and "and" join the capitals after them to the body's name; no person is read out of it.
  it('is named in full', () => {
    const cases: Array<[string, string]> = [
      ['The Office for Rail Safety said the line would reopen on Monday.', 'Office for Rail Safety'],
      ['The Committee on Water Resources said the dam was sound.', 'Committee on Water Resources'],
      [
        'The Centers for Soil Research and Outreach said yields would fall.',
        'Centers for Soil Research and Outreach',
      ],
      ['The Ministry of Ports and Harbours said the quay was safe.', 'Ministry of Ports and Harbours'],
    ];
    for (const [text, name] of cases) expect(run(text)[0]?.speaker?.name).toBe(name);
  });

  // Pattern: a title with "for" before a person's name stays the person's title.
  it('keeps a titled person', () => {
    const out = run('Minister for Coastal Affairs Dana Whitlock said the ferry would run.');
    expect(out[0]?.speaker?.name).toBe('Dana Whitlock');
  });
});

describe('"she" and a name the typer doubts', () => {
  // Pattern: a woman's given name (the gazetteer's) makes a person, whatever the entity typer
  // reads into a surname that ends like a place ("-land"): "she" goes to her, not to a company.
  it('resolves to the woman named with a title', () => {
    const out = run(
      [
        'Lawyers said Ortega, who ran Redwater Freight Systems, moved the money.',
        'Assistant U.S. Attorney Denise Hartland told jurors on Tuesday that Ortega had treated the firm “like a piggy bank,” and she urged them to ignore what she called his “smile campaign” in court.',
        '“He lied to the board and he lied to the bank,” Hartland said. “He lied to everyone.”',
        '“There are always victims,” Hartland told reporters after the verdict.',
      ].join('\n'),
    );
    expect(speakerOf(out, 'smile campaign')).toBe('Denise Hartland');
  });
});

describe('a title is context for the entity typer, not part of the name', () => {
  // Pattern: "Assistant U.S. Attorney Denise Varga": the typer reads the name's own words, with
  // the title as the words before it, and finds a person.
  it('finds a person', () => {
    for (const t of [
      'Assistant U.S. Attorney Denise Varga told jurors on Tuesday that the firm was a sham.',
      'Senior Crown Prosecutor Alan Pereira told the court the evidence was clear.',
    ]) {
      const names = new NameRegistry(t);
      for (const _ of names.scan(() => false)) {
        // read to the end
      }
      const key = [...names.bySurname.keys()][0] ?? '';
      expect(names.personLikelihood(key)).toBeGreaterThan(0.5);
    }
  });
});

describe('"he added" goes on with the last speaker', () => {
  // Pattern: "“…,” he added." is said by the last person who spoke, even when another man was
  // named (as the subject of a sentence) in between.
  it('not the man named in between', () => {
    const out = run(
      [
        'Harbour City manager Owen Tallis said his side had been too slow from the start. “We never got going,” Tallis said.',
        'Winger Sam Ruddock missed the game with a knee injury and will be out for six weeks.',
        '“Sam is a big loss for us, no doubt about it,” he added.',
      ].join('\n'),
    );
    expect(speakerOf(out, 'Sam is a big loss')).toBe('Owen Tallis');
  });

  // Pattern: a verb that does not go on ("said") still takes the salient person.
  it('not when the verb does not go on', () => {
    const out = run(
      [
        '“We never got going,” Harbour City manager Owen Tallis said.',
        'Winger Sam Ruddock missed the game with a knee injury.',
        '“I will be back before Christmas,” he said on Monday.',
      ].join('\n'),
    );
    expect(speakerOf(out, 'I will be back')).toBe('Sam Ruddock');
  });
});

describe('a noun compound before "and said"', () => {
  // Pattern: "lowered its sales forecast … and said": "forecast" after "its sales" is the
  // compound's noun, not the verb "and said" shares its subject with; the company speaks.
  it('is no verb', () => {
    const out = run(
      'Tarlow Foods lowered its annual sales forecast on Tuesday, blaming weak demand, and said it would close a plant in Ohio.',
    );
    expect(speakerOf(out, 'it would close')).toBe('Tarlow Foods');
  });
});

describe('"it" after a sentence opened by a conjunction', () => {
  // Pattern: "But the union wants “…,” it said.": the sentence's own body is "it", past the
  // opening "But" / "However,", not a body that spoke earlier.
  it('is the body that opens the sentence', () => {
    for (const link of ['But', 'However,']) {
      const out = run(
        `The inspectors' report said the depot was unsafe. ${link} the union wants “a full inquiry,” it said.`,
      );
      expect(speakerOf(out, 'a full inquiry')).toBe('union');
    }
  });
});

describe('roles coordinated before one name', () => {
  // Pattern: "chairman and chief executive X", "co-founder and CEO X": one person's titles joined by
  // "and", before or after the quotation.
  it('name one person', () => {
    expect(run('“We will close the plant,” said chairman and CEO Maria Ostrova.')[0]?.speaker?.name).toBe(
      'Maria Ostrova',
    );
    expect(
      run(
        '“This money is for building stores,” co-founder and chief executive Priya Nandan told reporters.',
      )[0]?.speaker?.name,
    ).toBe('Priya Nandan');
  });
});

describe('a noun in -ing after a possessive', () => {
  // Pattern: "its rail-safety messaging is “…”": after a possessive (and one hyphened modifier) a
  // word in -ing is a noun, not a participle of speaking with no subject; the quote stays with
  // the reporting verb of its sentence.
  it('keeps the speaker for the second quote', () => {
    const out = run(
      'The transport agency said in a statement that it was “studying the report closely” and that its rail-safety messaging is “reviewed every month.”',
    );
    expect(speakerOf(out, 'reviewed every month')).toBe('transport agency');
  });
});

describe('a plural possessive inside a body’s name', () => {
  // "the Transport Workers’ Union": the apostrophe after a plural in -s is part of the name
  it('keeps the apostrophe of a plural possessive inside the name, curly or straight', () => {
    const curly = run('Fares will rise by a fifth in April, the Rail Passengers’ Council said.');
    expect(curly[0]?.speaker?.name).toBe('Rail Passengers’ Council');
    const straight = run("Fares will rise by a fifth in April, the Rail Passengers' Council said.");
    expect(straight[0]?.speaker?.name).toBe("Rail Passengers' Council");
  });
  it('still drops the possessive that ends a name', () => {
    const out = run('The Teachers’ Federation’s lawyer said the ruling would be appealed.');
    expect(out[0]?.speaker?.name ?? '').not.toMatch(/’$/);
  });
});

describe('an age standing for the person before a reported clause', () => {
  // "The 47-year-old said …": a definite age heads the subject as it does after a quotation
  it('reads the age as the subject of an indirect report', () => {
    const out = run('The 62-year-old said she had not been told about the fine.');
    expect(pairs(out)).toEqual([['she had not been told about the fine', 'the 62-year-old']]);
  });
  it('resolves the age to the person the text is about', () => {
    const out = run(
      '“We were second best,” Marta Ilic said. On Sunday the 62-year-old said the club would appeal the ban.',
    );
    expect(speakerOf(out, 'the club would appeal')).toBe('Marta Ilic');
  });
});

describe('a described person with the body they belong to', () => {
  // "Veteran pollster Maria Lopez of Ipsos": the name begins at its given name, after the description
  it('names the person, not the name with its body', () => {
    const out = run('Veteran pollster Carla Mendes of Datafolk said the race was tied.');
    expect(pairs(out)).toEqual([['the race was tied', 'Carla Mendes']]);
  });
  // "Political analyst Prof. … of the … Institute": the person speaks, not the institute
  it('reads a titled name after a description as the owner of the affiliation', () => {
    const out = run(
      'Political scientist Dr. Tomasz Wierzba of the Baltic Institute of Public Affairs said turnout had been underestimated.',
    );
    expect(pairs(out)).toEqual([['turnout had been underestimated', 'Tomasz Wierzba']]);
  });
  it('keeps a body that follows a title and a role as the speaker when no name is there', () => {
    const out = run('The head of research at the Baltic Institute of Public Affairs said turnout was low.');
    expect(speakerOf(out, 'turnout was low')).not.toBe('Tomasz Wierzba');
    expect(out).toHaveLength(1);
  });
});

describe('"that" after a verb that may take an addressee', () => {
  // "cautioned that exit polls in the state had …": "that" is the complementiser, not a demonstrative
  it('reads the content clause, not "that …" as the one cautioned', () => {
    const out = run(
      'Political analyst Prof. Vusumuzi Dlamini of the Eastern Cape Policy Institute cautioned that exit polls in the province had underestimated rural turnout.',
    );
    expect(pairs(out)).toEqual([
      ['exit polls in the province had underestimated rural turnout', 'Vusumuzi Dlamini'],
    ]);
  });
  // "warned the banks on Monday that …": an addressee the word scan does not know, read by its tags
  it('reads an unknown noun as the addressee before a time phrase and "that"', () => {
    const out = run('The regulator warned the lenders on Monday that losses had been understated.');
    expect(pairs(out)).toEqual([['losses had been understated', 'the regulator']]);
  });
  // a function word in -s ("this", "his") is no verb: "around this time" is no reported clause
  it('reads no clause in a time phrase after an addressee', () => {
    const out = run('“The mayor will lose,” Adams told a colleague around this time. He did not resign.');
    expect(out.map((s) => [s.kind, s.text])).toEqual([['direct', 'The mayor will lose,']]);
  });
  it('still reads an addressee after the verb', () => {
    const out = run('The regulator warned lenders that losses had been understated.');
    expect(out.map((s) => s.text)).toEqual(['losses had been understated']);
  });
});

describe('a name after a comma and "and" opens a clause', () => {
  // ", and Ilves was asked whether she …": the name is a subject, not the object of "and"
  it('takes the subject of a clause joined by ", and" as the antecedent of a later pronoun', () => {
    const out = run(
      [
        '“Jo was brilliant,” Kadri Ilves said of her striker Jo Pike.',
        '',
        'Pike has scored eight goals this season, and Ilves was asked whether she feared losing her.',
        '',
        '“Nobody has called me yet,” she said.',
      ].join('\n'),
    );
    expect(speakerOf(out, 'Nobody has called')).toBe('Kadri Ilves');
  });
  it('still reads a name joined to another by "and" alone as an object', () => {
    const r = new NameRegistry('The minister met Anna Berg and Lisa Holm on Monday.');
    const g = r.scan(() => false);
    while (!g.next().done);
    expect(r.occurrences.find((o) => o.surname === 'holm')?.object).toBe(true);
  });
});

describe('a reduced relative clause inside a subject', () => {
  // "A staff report presented to trustees said …": the tagger reads "presented" as a past tense;
  // before a reporting verb whose subject no preposition may govern, it is a participle
  it('reads the whole phrase as the subject, not the object of "to"', () => {
    const out = run('A safety review circulated to councillors said two bridges needed urgent repairs.');
    expect(pairs(out)).toEqual([
      ['two bridges needed urgent repairs', 'a safety review circulated to councillors'],
    ]);
  });
  // (the tag-read pass: the word pass reads no subject before "said teachers at …")
  it('reads the reduced relative in the tag-read pass too', () => {
    const out = run(
      'A budget paper presented to trustees said teachers at the district’s 40 schools had reported a rise in absences.',
    );
    expect(pairs(out)).toEqual([
      [
        'teachers at the district’s 40 schools had reported a rise in absences',
        'a budget paper presented to trustees',
      ],
    ]);
  });
  it('does not stretch a pronoun subject back over the clause before it', () => {
    const out = run('Ms. Ortega clashed with Mr. Lind after she announced that the vote would be delayed.');
    expect(pairs(out)).toEqual([['the vote would be delayed', 'Ortega']]);
  });
});

describe('abbreviated ranks and titles of British and Australian news style', () => {
  // "Det Supt …", "Cllr …", "Cr …": an abbreviated title is no part of the person's name
  it('leaves the abbreviated title out of the name and resolves "she" to the person', () => {
    const out = run(
      [
        'Det Supt Hannah Cole of Eastfield Police said the van had been found burnt out.',
        '',
        '“We are not looking for anyone else,” she said.',
        '',
        'Cllr Mark Obi said the road would reopen on Monday.',
      ].join('\n'),
    );
    expect(pairs(out)).toEqual([
      ['the van had been found burnt out', 'Hannah Cole'],
      ['We are not looking for anyone else,', 'Hannah Cole'],
      ['the road would reopen on Monday', 'Mark Obi'],
    ]);
  });
});

describe('a person noun capitalised by its place before a body', () => {
  // "Analysts at Norrington Securities estimated …": the analysts speak, not the firm
  it('keeps the people as the head of the phrase', () => {
    const out = run('Analysts at Halden Securities estimated that the strike would cost £40m a week.');
    expect(pairs(out)).toEqual([['the strike would cost £40m a week', 'analysts at Halden Securities']]);
  });
  it('still reads a capitalised name that opens the sentence as the name', () => {
    const out = run('Halden Bank estimated that the strike would cost £40m a week.');
    expect(out[0]?.speaker?.name).toBe('Halden Bank');
  });
});

describe('number agreement for a definite source', () => {
  // "the Vestrian official" is the one official named before, not the officials named since
  it('resolves a singular definite source past a plural one of the same head', () => {
    const out = run(
      [
        'A senior Vestrian official told reporters that the talks had nearly collapsed.',
        '',
        'Vestrian military officials have alleged that troops moved closer to the border.',
        '',
        'Asked whether the issue could derail the deal, the Vestrian official replied: “It could.”',
      ].join('\n'),
    );
    expect(speakerOf(out, 'It could')).toBe('a senior Vestrian official');
  });
  it('still resolves "the people" to people described before', () => {
    const out = run(
      'Executives met the minister, according to three people familiar with the talks. No deal was reached, the people said.',
    );
    expect(speakerOf(out, 'No deal was reached')).toBe('three people familiar with the talks');
  });
});

describe('a time adjunct between "and" and a reporting verb', () => {
  // "… and on Monday promised that …": the verb is coordinated; a day or a year is no subject
  it('gives the clause to the subject of the first verb, not to the day', () => {
    const out = run('The utility raised its tariffs and on Monday promised that bills would fall in spring.');
    expect(pairs(out)).toEqual([['bills would fall in spring', 'the utility']]);
  });
  it('reads a year after "in" the same way', () => {
    const out = run('The utility raised its tariffs and in 2023 promised that bills would fall.');
    expect(out.map((s) => s.speaker?.name)).not.toContain('2023');
  });
});

describe('a name in apposition to a prepositional object', () => {
  // An appositive takes the role of the noun it renames: "by her agent, X" names an object, so a
  // later "her" is not said of it
  it('passes over a body renaming an object and resolves "her" to the person the sentences are about', () => {
    const out = run(
      [
        'Irene Castell, the sculptor whose bronze gates stand outside the national library, has died aged 91.',
        'Her death was confirmed by her gallery, Halden Fine Art, on Monday. Her son said in a statement that she had been working until the end.',
      ].join('\n'),
    );
    expect(speakerOf(out, 'she had been working')).toBe('Irene Castell’s son');
  });
  it('still reads a name after a fronted phrase as the subject', () => {
    const out = run(
      'Speaking to the company’s lawyers, Ruth Okafor, 54, said the claim was false. At the meeting, Daniel Price said a deal was close.',
    );
    expect(pairs(out)).toEqual([
      ['the claim was false', 'Ruth Okafor'],
      ['a deal was close', 'Daniel Price'],
    ]);
  });
});

describe('a pronoun whose sex rules out the last speaker', () => {
  // "he" after a woman spoke names someone else: the nearest fitting person, object or not
  it('resolves "he" to the man named as an object, not to the woman who spoke last', () => {
    const out = run(
      'Ruth Okafor said the strike would go ahead. Okafor later met with the union’s leader, Daniel Price, on Friday. He said the talks had gone well.',
    );
    expect(speakerOf(out, 'the talks had gone well')).toBe('Daniel Price');
  });
  it('still gives "she" to the woman who spoke last', () => {
    const out = run(
      'Ruth Okafor said the strike would go ahead. Okafor later met with the union’s leader, Daniel Price, on Friday. She said the talks had gone well.',
    );
    expect(speakerOf(out, 'the talks had gone well')).toBe('Ruth Okafor');
  });
});

describe('a document said of its owner', () => {
  // a written source's speaker is its author: "the board's statement", "Ms Hale's letter", "her memo"
  it('gives the words of a possessed document to its owner', () => {
    const out = run(
      [
        'The county transit board announced on Wednesday that it would cut two night routes.',
        'The board’s statement said: “Ridership after midnight has fallen by half since 2019.”',
        'Councillor Mara Hale wrote to the board the next day. Hale’s letter said: “Night workers have no other way home.”',
        'Her letter added: “I will ask for the vote to be taken again.”',
      ].join('\n'),
    );
    expect(speakerOf(out, 'Ridership after midnight')).toBe('county transit board');
    expect(speakerOf(out, 'Night workers')).toBe('Mara Hale');
    expect(speakerOf(out, 'I will ask')).toBe('Mara Hale');
  });
  it('still keeps an office or an envoy as the description', () => {
    const out = run('Mara Hale was away. “The councillor is on leave,” her office said.');
    expect(speakerOf(out, 'The councillor is on leave')).toBe('Mara Hale’s office');
  });
});

describe('a body described by an appositive with a participle, or by a predicate nominal', () => {
  // "X, a delivery firm based in Leeds," and "X is the largest energy company": "the firm" and
  // "the company" later are X
  it('resolves "the firm" to the body an appositive with a participial phrase described', () => {
    const out = run(
      [
        'Parcelway, a courier firm based in Hull, said on Monday that it would cut 150 jobs.',
        'The firm said most of the cuts would fall on its head office.',
      ].join('\n'),
    );
    expect(speakerOf(out, 'most of the cuts')).toBe('Parcelway');
  });
  it('resolves "the company" to the body a predicate nominal described', () => {
    const out = run(
      [
        'Northgrid is the largest energy company in the region.',
        'The company said on Tuesday that tariffs would rise by 6 percent in April.',
      ].join('\n'),
    );
    expect(speakerOf(out, 'tariffs would rise')).toBe('Northgrid');
  });
});

describe('a bare body noun right after a named body spoke', () => {
  // news names a body once and then calls it by its kind: "The Port Authority said … The agency added …"
  it('resolves "the agency" to the body that spoke just before', () => {
    const out = run(
      'The Harbour Safety Authority said on Friday that two cranes had failed inspection. The agency added that the port would stay open.',
    );
    expect(speakerOf(out, 'the port would stay open')).toBe('Harbour Safety Authority');
  });
  it('does not reach past another speaker', () => {
    const out = run(
      'The Harbour Safety Authority said on Friday that two cranes had failed inspection. Dock worker Sam Reyes said the cranes had been faulty for months. The agency added that the port would stay open.',
    );
    expect(speakerOf(out, 'the port would stay open')).not.toBe('Harbour Safety Authority');
  });
});

describe('a subject with a reduced relative clause that ends in a place name', () => {
  // "A man accused of … in Bradford told a jury …": the place is a preposition's object, the
  // subject is the noun of people the participle follows (Quirk §17.27)
  it('gives the report to the accused, not to the town', () => {
    const out = run(
      'A man accused of setting fire to a warehouse in Dunmore told a jury he had been asleep at home.',
    );
    expect(speakerOf(out, 'he had been asleep')).toBe(
      'a man accused of setting fire to a warehouse in Dunmore',
    );
  });
  it("reads a described subject with a participle's phrase whole", () => {
    const out = run('A woman charged over a crash in Eastleigh said she had been driving slowly.');
    expect(speakerOf(out, 'she had been driving')).toBe('a woman charged over a crash in Eastleigh');
  });
  it('still gives the report to a named subject after a place', () => {
    const out = run('In Dunmore, Mayor Ellen Cross said the warehouse would be rebuilt.');
    expect(speakerOf(out, 'the warehouse would be rebuilt')).toBe('Ellen Cross');
  });
});

describe('a plural noun of people before a name after a preposition', () => {
  // "Analysts at Krone Securities said …": the people speak; a plural noun is never a title
  // before a name, whatever the typer makes of the name after it
  it('gives a partial quote inside the report to the analysts, not the firm', () => {
    const out = run(
      'Analysts at Krone Securities said the warning was “worse than feared” and cut their target.',
    );
    expect(speakerOf(out, 'worse than feared')).toBe('analysts at Krone Securities');
  });
  it('gives it to aides, not to the person they serve', () => {
    const out = run('Aides to Tom Reid said the senator was “deeply disappointed” by the vote.');
    expect(speakerOf(out, 'deeply disappointed')).toBe('aides to Tom Reid');
  });
});

describe('a pronoun contracted with "is" before a colon', () => {
  // "It’s …:", "That’s …:" contract "is"; only a name's "’s" is a possessive ("Ruiz’s response:")
  it('does not read "It’s" as a possessive name introducing the quotation', () => {
    const out = run(
      'The campaign issued a statement on Friday. It’s the kind of statement that needs reading twice: “We won by a landslide, the biggest in history.”',
    );
    expect(out.map((s) => s.speaker?.name ?? null)).not.toContain('It');
  });
  it('still reads a possessive name before a colon', () => {
    const out = run('Ana Ruiz met the press. Ruiz’s answer: “We will see them in court.”');
    expect(out.map((s) => s.speaker?.name)).toEqual(['Ana Ruiz']);
  });
});

describe('a bare body noun attributing a sentence whose subject is a name', () => {
  // wire copy: "X will cut jobs, the company said" — the body is the sentence's subject
  it('gives the report to the named body that opens the sentence', () => {
    expect(
      pairs(run('Krone Logistics will cut 1,200 jobs over the next year, the company said on Thursday.')),
    ).toEqual([['Krone Logistics will cut 1,200 jobs over the next year', 'Krone Logistics']]);
    expect(pairs(run('The Harlow Dockers Union has rejected the pay offer, the union said.'))).toEqual([
      ['The Harlow Dockers Union has rejected the pay offer', 'Harlow Dockers Union'],
    ]);
  });

  // a person's name or a place is no body of that kind; a pronoun subject names none
  it('keeps the body noun after a person, a place or a pronoun', () => {
    for (const t of [
      'Tom Reid will step down as chairman in May, the company said.',
      'Germany will send 40 tanks to Poland, the ministry said.',
      'Its board approved a dividend of 32 cents, the company said.',
    ]) {
      const name = run(t)[0]?.speaker?.name;
      expect(name === 'company' || name === 'ministry').toBe(true);
    }
  });
});

describe('verbs of judgement by speech, and a verb in a relative clause inside a report', () => {
  // "accused X of “…”" quotes the accuser's words, as "condemned X as “…”" does (FrameNet's
  // Judgment_communication verbs)
  it('gives the words after "accused X of" to the accuser', () => {
    const out = run(
      'Councillor Ana Ruiz accused the majority of “rushing the sale through before Christmas.”',
    );
    expect(pairs(out)).toEqual([['rushing the sale through before Christmas.', 'Ana Ruiz']]);
  });

  // a relative clause inside another verb's content clause ("said that residents who had
  // accused …") is not the quotation's attribution; a relative clause on the speaker itself is
  it('reads past a verb in a relative clause inside a report', () => {
    const out = run(
      [
        'Last December, Mayor Ana Hale said that residents who had accused Mr. Reid of neglect “deserve a full answer.”',
        'The deal was confirmed on Friday in a joint statement that called the talks “frank and useful.”',
      ].join('\n'),
    );
    expect(speakerOf(out, 'deserve a full answer')).toBe('Ana Hale');
    expect(speakerOf(out, 'frank and useful')).not.toBeNull();
  });
});

describe('a quantifier with the partitive of a pronoun as the speaker', () => {
  // "One of them said: “…”": the quantifier and its of-phrase are the subject, as "One senator" is
  it('gives a quotation after "One of them said:" to that phrase', () => {
    const out = run(
      'Two other senators are weighing the same move. One of them, speaking on condition of anonymity, said: “She has done what many of us have thought about.”',
    );
    expect(speakerOf(out, 'She has done')).toBe('one of them');
  });
});

describe('a participle of saying that opens its sentence', () => {
  // "Writing on Instagram, X …": the participle's subject is the main clause's, after its comma
  it('gives a quotation in the main clause to the subject after the participle', () => {
    const out = run(
      'Kelby City signed Tomas Novak on Friday. Writing on Instagram, Novak thanked Dunmore fans for “four unforgettable years”.',
    );
    expect(speakerOf(out, 'four unforgettable years')).toBe('Tomas Novak');
  });
});

describe('names joined by "and" after "the"', () => {
  // "The Health and Safety Executive said": a definite article opens no person's name, so the
  // capitalised words it opens, joined by "and", are one subject
  it('reads the whole name after "the"', () => {
    const out = run(
      'The Roads and Bridges Authority said the viaduct would reopen in June. The Fisheries and Coast Agency said the quota was fair.',
    );
    expect(out.map((s) => s.speaker?.name.replace(/^the /i, '') ?? null)).toEqual([
      'Roads and Bridges Authority',
      'Fisheries and Coast Agency',
    ]);
  });
});

describe('a bare classifier before a name after a preposition', () => {
  // "analysts at brokerage Sahyadri Research", "a spokeswoman for local MP Sarah Jennings": news
  // classes a name with a bare noun or adjective; the people before the preposition speak
  it('gives the words to the people before the preposition', () => {
    const out = run(
      'Analysts at brokerage Kestrel Research wrote in a note that the sector was “heading for a shakeout” this year. A spokeswoman for local MP Sarah Jennings said the road would reopen.',
    );
    expect(out.map((s) => s.speaker?.name ?? null)).toEqual([
      'analysts at brokerage Kestrel Research',
      'a spokeswoman for local MP Sarah Jennings',
    ]);
  });
});
