/**
 * Behaviour tests on invented sentences (not from the corpus) for reported-speech rules added
 * after behaviour.test.ts grew long: one group per general pattern.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../utils/extract';
import { sentencesOf } from '../../utils/extract/indirect';
import type { Statement } from '../../utils/extract/types';

function run(text: string): Statement[] {
  const out = extract(text);
  for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  return out;
}

const pairs = (out: Statement[]) => out.map((s) => [s.text, s.speaker?.name ?? null]);

describe('an absolute clause "with NP V-ing" as a report of its own', () => {
  // "X said A, with Y reporting B": the absolute clause ends A and reports B with its own subject,
  // "that" or not; a fronted one ends before the main clause
  it('splits the first report and reads the second without "that"', () => {
    const out = run(
      'Officials said every claim will be assessed fairly, with the paper reporting no one will be refused.',
    );
    expect(pairs(out)).toEqual([
      ['every claim will be assessed fairly', 'officials'],
      ['no one will be refused', 'the paper'],
    ]);
  });
  it('ends a fronted absolute report before the main clause', () => {
    const out = run('With officials warning that the river could rise, residents left their homes.');
    expect(pairs(out)).toEqual([['the river could rise', 'officials']]);
  });
  it('keeps an absolute clause without a reporting verb in the report', () => {
    const out = run('The mayor said the budget is balanced, with taxes falling for a third year.');
    expect(out.map((s) => s.text)).toEqual(['the budget is balanced, with taxes falling for a third year']);
  });
});

describe('a phrase and a comma between the verb and a clause without "that"', () => {
  // "said by 2050, demand would double": a phrase of time or place after the verb, then a comma
  // and a clause of its own; not after an object ("showed the rating at 13%, the paper reported")
  it('reads the clause after the comma', () => {
    const out = run('The researchers said by 2050, rising demand would double water prices.');
    expect(pairs(out)).toEqual([['rising demand would double water prices', 'the researchers']]);
  });
  it('does not read a clause after an object and its phrase', () => {
    const out = run(
      'A poll released on Friday showed the mayor’s rating at 13%, the Herald reported, down from 19%.',
    );
    expect(out.map((s) => s.speaker?.name)).toEqual(['The Herald']);
  });
});

describe('a report through an implicative verb or the emphatic "do"', () => {
  // "went on to claim that", "was quick to point out that", "did say that": the act was done;
  // "declined to say that" and "did not say that" report nothing
  it('reads the clause after an entailed infinitive or "did"', () => {
    for (const s of [
      'The mayor went on to claim that the levy was fair.',
      'The mayor was quick to point out that the levy was fair.',
      'The mayor did say that the levy was fair.',
    ]) {
      expect(pairs(run(s))).toEqual([['the levy was fair', 'the mayor']]);
    }
  });
  // "went on to call X “…”": the subject of the phrasal "go on" is before "went", not "went" itself
  it('gives a partial quotation after "went on to" to the subject of "went"', () => {
    const out = run('Ana Ruiz went on to call the levy “a tax on the working poor,” and sat down.');
    expect(pairs(out)).toEqual([['a tax on the working poor,', 'Ana Ruiz']]);
  });
  // "allowed the prosecutor to call the delay “…”": the object that controls the infinitive
  // speaks, not the subject of the verb before it, nor a phrase ending in "allowed the"
  it('gives a partial quotation after an object-control infinitive to the object', () => {
    const out = run(
      'On Monday the judge allowed the prosecutor to call the delay “an insult to the victims” in court.',
    );
    expect(pairs(out)).toEqual([['an insult to the victims', 'the prosecutor']]);
  });
  it('reads nothing after a verb that does not entail its infinitive, or a negation', () => {
    expect(run('The mayor declined to say that the levy was fair.')).toEqual([]);
    expect(run('The mayor did not say that the levy was fair.')).toEqual([]);
  });
});

describe('a quantifier standing alone as the subject', () => {
  // "Some say that …", "Many argue …": a determiner or quantifying adjective opening its clause is
  // a pronoun; a demonstrative ("This suggests that") is no speaker
  it('reads "Some say that" and "Most agree"', () => {
    expect(pairs(run('Some say that the town will not survive.'))).toEqual([
      ['the town will not survive', 'Some'],
    ]);
    expect(pairs(run('Most agree the town will not survive.'))).toEqual([
      ['the town will not survive', 'Most'],
    ]);
  });
  it('reads no report after a demonstrative', () => {
    expect(run('This suggests that the town will not survive.')).toEqual([]);
  });
});

describe('a reporting verb coordinated with a verb that is not one', () => {
  // "Acme has a new phone, but argues that …": the subject of the sentence's first verb
  it('shares the opening subject across "but" and "and"', () => {
    expect(pairs(run('Zentrix has a new phone, but argues that it is cheaper.'))).toEqual([
      ['it is cheaper', 'Zentrix'],
    ]);
  });
});

describe('a restrictive relative clause that reports', () => {
  // "a neighbour who said the man had fled": the relative pronoun's antecedent is the speaker
  it('gives the report to the noun phrase before "who" or "that"', () => {
    expect(pairs(run('Police spoke to a neighbour who said the man had fled.'))).toEqual([
      ['the man had fled', 'a neighbour'],
    ]);
    expect(pairs(run('It was the union that said the deal was dead.'))).toEqual([
      ['the deal was dead', 'union'],
    ]);
  });
  it('reads no report when the relative pronoun is the object ("the man who police said fled")', () => {
    expect(run('The man who police said fled was caught on Monday.')).toEqual([]);
  });
});

describe('a trailing attribution with a parenthesis or a relative clause', () => {
  // "CLAUSE, Tom Reid, a spokesman for the police, said.", "CLAUSE, sources who spoke with her
  // said.", "CLAUSE, said people familiar with the matter, who asked not to be named."
  it('reads the speaker through an appositive before the verb', () => {
    const out = run(
      'Officers arrested two men on the motorway, Dan Okoro, a spokesman for the police, said.',
    );
    expect(pairs(out)).toEqual([['Officers arrested two men on the motorway', 'Dan Okoro']]);
  });
  it('reads the speaker through a restrictive relative clause', () => {
    const out = run('Ruiz felt betrayed by her colleagues, sources who spoke with her said.');
    expect(pairs(out)).toEqual([['Ruiz felt betrayed by her colleagues', 'sources']]);
  });
  it('reads an inverted speaker followed by a relative clause', () => {
    const out = run('The deal is close, said people with knowledge of the talks, who asked not to be named.');
    expect(pairs(out)).toEqual([['The deal is close', 'people with knowledge of the talks']]);
  });
});

describe('an attribution between a fronted subordinate clause and its main clause', () => {
  // "If A, Reid added, B": both parts are the report, the second continuing the first
  it('reads both parts', () => {
    const out = run('If all homes met the standard, Reid added, the city could avoid building a new plant.');
    expect(pairs(out)).toEqual([
      ['If all homes met the standard', 'Reid'],
      ['the city could avoid building a new plant', 'Reid'],
    ]);
    expect(out[1]?.continues).toBe(0);
  });
});

describe('a report in a free relative clause', () => {
  // "rejected what it said was a final offer": after "what", a subject, a reporting verb and a
  // finite "be", the predicate is the report; "it" is the body that opens the sentence
  it('reads the predicate after "what X said"', () => {
    expect(pairs(run('The union rejected what it said was a final offer.'))).toEqual([
      ['was a final offer', 'union'],
    ]);
    expect(
      pairs(run('The arch is shaped like two hands, in what the museum says is a symbol of hope.')),
    ).toEqual([['is a symbol of hope', 'the museum']]);
  });
});

describe('a source phrase with post-modifiers', () => {
  // "according to a person familiar with the case, …", "according to Ana Ruiz, deputy director of
  // the flood centre at the university, …": the source's phrase runs to its comma
  it('reads the clause after a post-modified source', () => {
    const out = run(
      'Beginning in 2014, according to a person familiar with the case, Ruiz recorded the meetings.',
    );
    expect(pairs(out)).toEqual([['Ruiz recorded the meetings', 'a person familiar with the case']]);
  });
  it('reads an appositive with prepositional phrases after a named source', () => {
    const out = run(
      'The results, according to Ana Ruiz, deputy director of the flood centre at the university, were mixed.',
    );
    expect(out[0]?.speaker?.name).toBe('Ana Ruiz');
  });
});

describe('a named antecedent of a restrictive "who said"', () => {
  // "remarks from bank governor Ana Ruiz who said last week that …": the name before "who"
  it('gives the report to the name before "who"', () => {
    const out = run(
      'The fund echoed remarks from bank governor Ana Ruiz who said last week that more rate rises are necessary.',
    );
    expect(pairs(out)).toEqual([['more rate rises are necessary', 'Ana Ruiz']]);
  });
});

describe('the antecedent of a non-restrictive "who" or "which" that reports', () => {
  // ", which said …" stands for the body before the comma as ", who said …" for a person
  it('reads a report in a relative clause on a body', () => {
    expect(
      pairs(run('The plan was opposed by the Harlow dockers union, which said it would cost jobs.')),
    ).toEqual([['it would cost jobs', 'Harlow dockers union']]);
  });

  // a name whose capitalised words "of" or "for" joins is one antecedent
  it('keeps a name joined by "of" or "for" whole', () => {
    expect(
      pairs(
        run(
          'The figures were published by the Ministry of Transport, which said 40 new trains had been ordered.',
        ),
      ),
    ).toEqual([['40 new trains had been ordered', 'Ministry of Transport']]);
  });

  // before "who", a person (a noun of a person or a name opening with a given name) whose
  // prepositional phrase holds the last noun phrase is the antecedent, not the body in that phrase
  it('gives "who said" to the person before a prepositional phrase', () => {
    const out = run(
      [
        'The motion was backed by a spokesman for Harlow Council, who said the park must stay open.',
        'It was opposed by Anna Kovacs of Northwater, who said the lease had expired.',
      ].join('\n'),
    );
    expect(pairs(out)).toEqual([
      ['the park must stay open', 'a spokesman for Harlow Council'],
      ['the lease had expired', 'Anna Kovacs'],
    ]);
  });
});

describe('a trailing source phrase with post-modifiers to the end', () => {
  // "…, according to reports from the supply chain.": the source's phrases reach the sentence's end
  it('reads the clause before a post-modified source at the end', () => {
    const out = run(
      'The firm may launch a new phone this year, according to rumors out of the supply chain.',
    );
    expect(pairs(out)).toEqual([
      ['The firm may launch a new phone this year', 'rumors out of the supply chain'],
    ]);
  });
});

describe('a trailing attribution after a clause with an aside, or before a dash', () => {
  // "The bridge, the oldest in the city, is unsafe, engineers said.": the subject's aside between
  // commas, dashes or brackets is part of the clause
  it('reads a clause whose subject carries an aside', () => {
    for (const s of [
      'The bridge, the oldest in the city, is unsafe, engineers said.',
      'The bridge — the oldest in the city — is unsafe, engineers said.',
      'The bridge (the oldest in the city) is unsafe, engineers said.',
    ]) {
      expect(run(s).map((x) => x.speaker?.name)).toEqual(['engineers']);
    }
  });
  // "CLAUSE, the report says — also in line with …": the attribution ends at a spaced dash
  it('reads an attribution followed by a dash and an adjunct', () => {
    const out = run(
      'The economy is overheating, the fund’s report says — also in line with the bank’s view.',
    );
    // (the report is the fund's writing: its author speaks, possessedDocumentRule)
    expect(pairs(out)).toEqual([['The economy is overheating', 'the fund']]);
  });
});

describe('a second report by a coordinated present', () => {
  // "The union claimed A and claim B": a base form after "and", with a clause of its own, reports
  // again for the same subject
  it('splits the two reports', () => {
    const out = run('The union claimed the wage was too low and claim the firm has hidden its profits.');
    expect(pairs(out)).toEqual([
      ['the wage was too low', 'union'],
      ['the firm has hidden its profits', 'union'],
    ]);
  });
});

describe('the adjectives of "insist"', () => {
  // "adamant/insistent that …" states a position whoever holds it; "worried that" is a feeling,
  // reported for bodies only (the corpus convention)
  it('reports the clause of a group of people who are adamant', () => {
    const out = extract('Union leaders are adamant that the strike will go ahead on Monday.');
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([
      ['the strike will go ahead on Monday', 'Union leaders'],
    ]);
  });
  it('reads the subject through an aside before the copula', () => {
    const out = extract('The nurses, by contrast, are insistent that the ward should stay open.');
    expect(out.map((s) => [s.text, s.speaker?.mention])).toEqual([
      ['the ward should stay open', 'The nurses'],
    ]);
  });
  it('reports the stance of bodies named in the plural', () => {
    const out = extract('Farm associations are concerned the government will cut subsidies next year.');
    expect(out.map((s) => [s.text, s.speaker?.mention])).toEqual([
      ['the government will cut subsidies next year', 'Farm associations'],
    ]);
  });
  it('reports nothing for residents who are worried', () => {
    expect(extract('Residents are worried that the plant will close next year.')).toEqual([]);
  });
});

describe('a trailing attribution with a participial adjunct', () => {
  // "CLAUSE, X said, citing …" / "…, adding that …": the -ing adjunct belongs to the attribution,
  // which still frames the clause before it
  it('frames the clause before "X said, adding that …" and reports the added clause too', () => {
    const out = extract(
      'The ferry will run again within a week, the operator said, adding that the new engine had arrived.',
    );
    expect(out.map((s) => [s.text, s.speaker?.mention])).toEqual([
      ['The ferry will run again within a week', 'the operator'],
      ['the new engine had arrived', 'the operator'],
    ]);
  });
  it('frames the clause before "X said, citing …"', () => {
    const out = extract(
      'Bus fares will rise by a fifth in May, the council said, citing the cost of fuel and new drivers.',
    );
    expect(out.map((s) => s.text)).toEqual(['Bus fares will rise by a fifth in May']);
  });
});

describe('a document with a reporting participle', () => {
  // "X issued a statement saying …": the participle is a reduced relative on the document, and
  // the subject that issued it is the speaker
  it('gives the clause to the body that issued the statement', () => {
    const out = extract('The water board has issued a statement saying the reservoir is safe to use again.');
    expect(out.map((s) => [s.text, s.speaker?.mention])).toEqual([
      ['the reservoir is safe to use again', 'The water board'],
    ]);
  });
  it('reports nothing from a document that is the subject', () => {
    expect(extract('A statement saying the talks had failed was posted online on Friday.')).toEqual([]);
  });
});

describe('a source phrase inside a relative clause', () => {
  // "NP, which, according to X, VP, …": the source attributes the relative clause's predicate
  it('reports the predicate of a non-restrictive relative clause', () => {
    const out = extract(
      'The mill, which, according to Reuters, employs 2,000 people, will close next spring.',
    );
    expect(out.map((s) => [s.text, s.speaker?.name])).toEqual([['employs 2,000 people', 'Reuters']]);
  });
  it('ends the predicate at a closing bracket', () => {
    const out = extract(
      'The lake (which, according to a 2021 survey, holds 40 kinds of fish) is shrinking fast.',
    );
    expect(out.map((s) => s.text)).toEqual(['holds 40 kinds of fish']);
  });
});

describe('a sentence in brackets', () => {
  // "… small. (Also, according to X, CLAUSE.)": the bracket opens a new sentence, whose source
  // phrase leads it
  it('splits before the bracket of a bracketed sentence', () => {
    const text =
      'The village is small. (Also, according to census data, it has lost 400 residents.) It is old.';
    const p = { start: 0, end: text.length, index: 0 };
    expect(sentencesOf(text, p, () => false).map((s) => text.slice(s.start, s.end))).toEqual([
      'The village is small.',
      '(Also, according to census data, it has lost 400 residents.)',
      'It is old.',
    ]);
  });
  it('reports the clause after a leading source phrase inside the brackets', () => {
    const out = extract(
      'The village is small. (According to the mayor, it has lost 400 residents since 2010.)',
    );
    expect(out.map((s) => [s.text, s.speaker?.mention])).toEqual([
      ['it has lost 400 residents since 2010', 'the mayor'],
    ]);
  });
  it('does not split before a bracket that opens with a lower-case word', () => {
    const text = 'The fund grew by 4 p.c. (up from 3) last year.';
    const p = { start: 0, end: text.length, index: 0 };
    expect(sentencesOf(text, p, () => false)).toHaveLength(1);
  });
});

describe('coordinated participles', () => {
  // "…, calling X false and saying that …": the second participle shares the first one's subject
  it('gives the clause after "and saying" to the subject of the first participle', () => {
    const out = extract(
      'The mayor hit back on Monday, calling the audit unfair and saying that the auditors had misread the accounts.',
    );
    expect(out.map((s) => [s.text, s.speaker?.mention])).toEqual([
      ['the auditors had misread the accounts', 'The mayor'],
    ]);
  });
  it('reads no subject when "and" joins no participle', () => {
    const out = extract('The mayor hit back on Monday and saying that was unfair.');
    expect(out).toEqual([]);
  });
});

describe('the bracket of a bracketed sentence', () => {
  // "(Ana Ruiz is said to …)": the opening bracket is no part of the clause when it does not close
  it('keeps the opening bracket out of a reported clause', () => {
    const out = extract(
      'The board met twice. (The chairman will resign in May, according to two board members.)',
    );
    expect(out.map((s) => s.text)).toEqual(['The chairman will resign in May']);
  });
  it('keeps it out of a clause before a trailing attribution', () => {
    const out = extract(
      'The board met twice. (The chairman will resign in May, two people close to the board said.)',
    );
    expect(out.map((s) => s.text)).toEqual(['The chairman will resign in May']);
  });
});

describe('a focusing adverb before a reporting participle', () => {
  // "…, even suggesting that …", "— also warning that …": the adverb does not hide the participle
  it('reports the clause after "even suggesting that" for the main subject', () => {
    const out = extract(
      'The council leader attacked the budget on Monday, even suggesting that the town could go bankrupt.',
    );
    expect(out.map((s) => [s.text, s.speaker?.mention])).toEqual([
      ['the town could go bankrupt', 'The council leader'],
    ]);
  });
  it('reports nothing after "not saying that"', () => {
    expect(
      extract('The council leader left the meeting early, not saying that the town could go bankrupt.'),
    ).toEqual([]);
  });
});

describe('a trailing attribution with an addressee', () => {
  // "…, the auditor warned the council.": a verb of telling or advising with its addressee closes
  // the sentence, as "told reporters" does
  it('reads the clause before it as the report', () => {
    expect(pairs(run('The tunnel is unsafe, the engineer warned the council.'))).toEqual([
      ['The tunnel is unsafe', 'the engineer'],
    ]);
    expect(pairs(run('Fares will rise in June, Ana Ruiz advised the committee on Monday.'))).toEqual([
      ['Fares will rise in June', 'Ana Ruiz'],
    ]);
  });
});

describe('an order with an infinitive', () => {
  // "warned residents to stay indoors": the word after an infinitive's verb is its complement,
  // not the finite verb of a reported clause ("indoors" is no verb in -s)
  it('is not a report', () => {
    expect(run('The coastguard warned swimmers to stay indoors.')).toEqual([]);
    expect(run('The coach urged fans to keep calm.')).toEqual([]);
  });
  it('keeps a report whose subject has an infinitive', () => {
    expect(pairs(run('Reid said the plan to widen the road collapsed.'))).toEqual([
      ['the plan to widen the road collapsed', 'Reid'],
    ]);
  });
});

describe('a report by a pronoun with no antecedent', () => {
  // "He said …" opening a text (an excerpt, a live blog entry): still a report, its speaker not named
  it('keeps the report without a speaker', () => {
    const out = run('He said the ferry would sail again on Friday.');
    expect(pairs(out)).toEqual([['the ferry would sail again on Friday', null]]);
  });
  // "it", "they" and "we" with nothing to stand for are no one in particular: nothing is read
  it('reads nothing for "it" with no antecedent', () => {
    expect(run('It said the ferry would sail again on Friday.')).toEqual([]);
  });
});

describe('a reported clause of two words', () => {
  // "found that traffic fell": a subject and its verb are a whole clause
  it('reads a subject and its verb as the report', () => {
    expect(pairs(run('The audit found that costs fell.'))).toEqual([['costs fell', 'the audit']]);
  });
  it('does not read a bare object as a report', () => {
    expect(run('The minister said goodbye.')).toEqual([]);
  });
});

describe('"clarified that"', () => {
  // clarify takes a content clause ("clarified that no troops would be sent"), as explain does
  it('reads the clause after it as a report', () => {
    expect(pairs(run('The agency later clarified that no fees would be charged.'))).toEqual([
      ['no fees would be charged', 'agency'],
    ]);
  });
});

describe('an attribution between a clause and its "that" complement', () => {
  // "There is no evidence, Reid insisted, that …": the noun's "that" clause continues the report
  it('reports both parts, the second continuing the first', () => {
    const out = run('There is no sign, the engineer insisted, that the dam will fail.');
    expect(pairs(out)).toEqual([
      ['There is no sign', 'the engineer'],
      ['that the dam will fail', 'the engineer'],
    ]);
    expect(out[1]?.continues).toBe(0);
  });
});

describe('a judgement verb before the subject’s own words', () => {
  // "condemned the attack as “…”": a verb of judging by speech (Levin 33) introduces the words
  it('gives the quoted words to the subject', () => {
    expect(pairs(run('The bishop condemned the verdict as “a disgrace to the court.”'))).toEqual([
      ['a disgrace to the court.', 'the bishop'],
    ]);
    expect(pairs(run('Union leaders denounced the offer as “an insult.”'))).toEqual([
      ['an insult.', 'Union leaders'],
    ]);
  });
  it('reads nothing without a quotation', () => {
    expect(run('The council praised the volunteers.')).toEqual([]);
  });
});

describe('a passive "was quoted as saying"', () => {
  // the subject of the passive is the speaker; an agent ("by the paper") is the medium, no speaker
  it('gives the report to the passive’s subject', () => {
    expect(pairs(run('Ana Ruiz was quoted as saying that the port would close.'))).toEqual([
      ['the port would close', 'Ana Ruiz'],
    ]);
    expect(pairs(run('The coach was quoted by a local paper as saying that the season was over.'))).toEqual([
      ['the season was over', 'the coach'],
    ]);
  });
});

describe('a parenthesis between dashes after the subject', () => {
  // "NP — aside — V CLAUSE": the subject stands before the pair of dashes
  it('reads the subject before the dashes', () => {
    const out = run('The mayor — who took office in May — said the tunnel would reopen by autumn.');
    expect(pairs(out)).toEqual([['the tunnel would reopen by autumn', 'the mayor']]);
  });
  it('reads nothing when the second dash is not closed by a verb of saying', () => {
    expect(run('The mayor — who took office in May — opened the tunnel.')).toEqual([]);
  });
});

describe('a noun of saying after a verb is no reporting verb', () => {
  // Pattern: "X rejected/denied/dismissed reports that Y": "reports" is the verb's object, and Y is
  // what X calls false, not what X says; "the proposed rules would …" is a noun phrase, not a report.
  it('reads no report in "rejected reports that" or "the proposed rules would"', () => {
    expect(pairs(run('The harbour authority rejected reports that the ferry had been sold.'))).toEqual([]);
    expect(pairs(run('The palace dismissed reports that the prince was ill.'))).toEqual([]);
    expect(pairs(run('Under the proposed rules would come a ban on night flights.'))).toEqual([]);
  });
  // The verb reading stays where no verb comes before it: headline English and plain reports.
  it('keeps "reports" and "rules" as verbs after a noun', () => {
    expect(pairs(run('Court rules ban is legal.'))).toEqual([['ban is legal', 'Court']]);
    expect(pairs(run('The ministry reports that the ferry has been sold.'))).toEqual([
      ['the ferry has been sold', 'ministry'],
    ]);
  });
});

describe('a passive reporting verb', () => {
  // "X was told / assured / warned that …": the subject heard the words and is no speaker; the
  // agent after "by" is, and with no agent the report has no stated source
  it('gives no speaker to the hearer of a passive report', () => {
    const out = run(
      'Tenants were told the heating would be fixed by winter. The club was warned that its licence could be revoked.',
    );
    expect(pairs(out)).toEqual([]);
  });
  it('gives the report to the agent after "by"', () => {
    const out = run('Shareholders were assured by the chairman that the dividend would be paid in full.');
    expect(pairs(out)).toEqual([['the dividend would be paid in full', 'the chairman']]);
  });
  it('keeps the active report beside it', () => {
    const out = run(
      'Parents had been repeatedly told the school would stay open. The head teacher told parents it would close.',
    );
    expect(pairs(out)).toEqual([['it would close', 'the head teacher']]);
  });
});

describe('an object noun phrase before a conjunction', () => {
  // "said nothing because …": a conjunction that heads no phrase (because, while, although, if …)
  // right after the noun phrase opens a clause of its own; the phrase was the verb's object
  it('reads no report in "said nothing because …"', () => {
    const out = run(
      'The judge said nothing because the jury was still out. The coach said little while the players celebrated.',
    );
    expect(pairs(out)).toEqual([]);
  });
  it('keeps a report whose subject has a phrase or a condition after it', () => {
    const out = run(
      'The mayor said the plan as drafted was fair. Reid said the bridge would reopen if the council paid.',
    );
    expect(pairs(out)).toEqual([
      ['the plan as drafted was fair', 'the mayor'],
      ['the bridge would reopen if the council paid', 'Reid'],
    ]);
  });
});

describe('a determiner and an adjective before a noun spelt like a verb', () => {
  // "his frequent claims that …": "claims" is the noun the adjective modifies, not a verb whose
  // subject is "his frequent"; a noun after the determiner keeps the verb reading
  it('reads no subject "his frequent"', () => {
    const out = run('The senator was suspended for his frequent jokes that the referee was blind.');
    expect(out.map((s) => s.speaker?.name ?? null)).not.toContain('his frequent');
  });
  it('keeps "one official said …"', () => {
    const out = run('The talks stalled, and one official said the envoy was perhaps confused.');
    expect(pairs(out)).toEqual([['the envoy was perhaps confused', 'one official']]);
  });
});

describe('a plural noun after a number', () => {
  // "added 256 points to 19,508": a word in -s after a number is a plural noun, no verb, so the
  // words after "added" are its object, no clause; a number opening a clause with a verb stays one
  it('reads no report in an index that "added 256 points"', () => {
    const out = run('The Harlow Industrial Average added 256.8 points to 19,508.6, a fresh record high.');
    expect(pairs(out)).toEqual([]);
  });
  it('keeps a reported clause that opens with a number', () => {
    const out = run('The mayor added 20 people had been hurt. Officials said 12 buildings collapsed.');
    expect(pairs(out)).toEqual([
      ['20 people had been hurt', 'the mayor'],
      ['12 buildings collapsed', 'officials'],
    ]);
  });
});

describe('a subject with three post-modifying phrases', () => {
  // "Posts on the forum for the association from Friday claimed that …": the head noun carries a
  // chain of prepositional phrases; the whole phrase opens the clause and is the subject
  it('reads the report of a subject whose head is three prepositions back', () => {
    const out = run(
      'The council website went offline on Thursday. Posts on the forum for the tenants’ association from Friday claimed that a power cut had caused the outage.',
    );
    expect(pairs(out)).toEqual([
      ['a power cut had caused the outage', 'Posts on the forum for the tenants’ association from Friday'],
    ]);
  });
});

describe('"cited X as saying" with a described source', () => {
  // "as" marks the noun before it as the subject of the -ing report: a described source speaks
  it('gives the report to the source the verb cites', () => {
    const out = run(
      'The Valtic news agency cited a senior navy source as saying that two ships had been recalled.',
    );
    expect(pairs(out)).toEqual([['two ships had been recalled', 'a senior navy source']]);
  });
  it('gives it to a described official a paper quotes', () => {
    const out = run(
      'The Herald quoted one city official as saying that the bridge would stay shut until May.',
    );
    expect(pairs(out)).toEqual([['the bridge would stay shut until May', 'one city official']]);
  });
});

describe('an appositive that names the reported clause as a claim', () => {
  // ", a claim the ministry denies": the writer's comment on the report, not its content
  it('ends a that-clause before it', () => {
    const out = run(
      'Residents said that the new runway would double night flights, a claim the airport denies.',
    );
    expect(pairs(out)).toEqual([['the new runway would double night flights', 'residents']]);
  });
  it('ends a clause without "that" before it, and before a participle', () => {
    const out = run(
      'Residents claim the new runway will double night flights, a claim the airport denies. Pilots say the approach is safe, a view shared by the regulator.',
    );
    expect(pairs(out)).toEqual([
      ['the new runway will double night flights', 'residents'],
      ['the approach is safe', 'Pilots'],
    ]);
  });
});

describe('"according to X, a role at a body, CLAUSE" in a sentence with another report', () => {
  // the appositive after the source may carry its body ("a spokeswoman for the airport",
  // "Deputy News Director at the Courier"); a title in capitals is no name
  it('starts the clause after an appositive with a prepositional phrase', () => {
    const out = run(
      'According to Tom Namako, Deputy News Director at the Courier, the police were unaware of the flight, though they later said it was an exercise.',
    );
    expect(out[0]?.text).toBe('the police were unaware of the flight');
    expect(out[0]?.speaker?.name).toBe('Tom Namako');
  });
  it('does not read a clause with a place in it as an appositive', () => {
    const out = run(
      'According to Ana Ruiz, the terminal in the north has closed, though engineers said the work was not finished.',
    );
    expect(out[0]?.text).toBe('the terminal in the north has closed');
  });
});

describe("a report after a source phrase's clause in the same sentence", () => {
  // "According to X, A, though engineers said B": the concessive clause is the writer's and holds
  // a report of its own
  it("reads both the source phrase's clause and the report after it", () => {
    const out = run(
      'According to Ana Ruiz, a spokeswoman for the airport, the runway will reopen on Friday, though engineers said the work was not finished.',
    );
    expect(pairs(out)).toEqual([
      ['the runway will reopen on Friday', 'Ana Ruiz'],
      ['the work was not finished', 'engineers'],
    ]);
  });
  it('ends a reported clause before ", though"', () => {
    const out = run('The governor said he might veto the bill, though aides reportedly doubted it.');
    expect(out[0]?.text).toBe('he might veto the bill');
  });
});

describe('a trailing subject with "both" and no "and"', () => {
  // "both" without its "and" is a determiner, so the phrase is one subject
  it('reads "officials from both nations said" as the attribution', () => {
    expect(pairs(run('Twelve soldiers were killed on Sunday, officials from both nations said.'))).toEqual([
      ['Twelve soldiers were killed on Sunday', 'officials from both nations'],
    ]);
  });
});

describe('a document with a participle of authorship between the verb and the report', () => {
  // "said in a statement posted on its website that …": the participle and its phrase belong to
  // the document; the report starts after "that", and "posted" is no verb of the document's own
  it('skips the reduced relative and keeps the speaker', () => {
    const out = run(
      [
        'The harbour authority said in a statement posted on its website that the berth would reopen on Monday.',
        'The harbour authority said in a statement posted on its website that crews had “cleared the wreck”.',
      ].join('\n'),
    );
    expect(pairs(out)).toEqual([
      ['the berth would reopen on Monday', 'harbour authority'],
      ['cleared the wreck', 'harbour authority'],
    ]);
  });
});

describe('"quoted X, NAME, as saying"', () => {
  // a person's name in the appositive closed right before "as" names the one quoted
  it('gives the report to the name in the appositive', () => {
    expect(
      pairs(
        run(
          'The agency quoted a military spokesman, Colonel Arvid Dahl, as saying the situation was under control.',
        ),
      ),
    ).toEqual([['the situation was under control', 'Arvid Dahl']]);
  });
});

describe('a clause its speaker denies', () => {
  // "X denied (that) Y" reports Y as the clause X calls false: extracted as reported speech with the
  // cue "denied", which the matcher reads as a denial; a negated "deny" and a denial of a noun
  // phrase ("denied the allegations", "denied any wrongdoing") report no clause
  it('reads the clause after "denied", with or without "that"', () => {
    const out = run(
      'The Harlow council denied that the library would close in March. Mr. Okafor denied he had seen the letter.',
    );
    expect(out.map((s) => [s.text, s.speaker?.name ?? null, s.kind, s.cue])).toEqual([
      ['the library would close in March', 'Harlow council', 'indirect', 'denied'],
      ['he had seen the letter', 'Okafor', 'indirect', 'denied'],
    ]);
  });
  // "denied reports that Y", "denied the allegation that Y": what is denied is the noun's content
  it('reads the content of a noun of saying that "denied" takes', () => {
    const out = run(
      'A spokesman for the club denied reports that the coach would be sacked. The ministry denied the allegation that it had hidden the figures.',
    );
    expect(out.map((s) => [s.text, s.cue])).toEqual([
      ['the coach would be sacked', 'denied reports'],
      ['it had hidden the figures', 'denied the allegation'],
    ]);
  });
  it('reads no clause after a negated "deny" or a denied noun phrase', () => {
    for (const text of [
      'The ministry did not deny that the survey had been delayed.',
      'The company denied the allegations on Tuesday.',
      'The minister denied any wrongdoing.',
    ])
      expect(run(text)).toEqual([]);
  });
});

describe('a report whose subject negates it', () => {
  // "No official said", "Nobody claimed", "None of the ministers said", "No one at the ministry
  // said", "Neither company denied": a negative subject negates the report, as "did not say" does
  it('reads no report after a negative subject', () => {
    for (const text of [
      'No official said the talks had failed.',
      'Nobody claimed that the plan was perfect.',
      'None of the ministers said the deal was dead.',
      'No one at the ministry said the figures were wrong.',
      'Neither company denied that talks had taken place.',
    ])
      expect(run(text), text).toEqual([]);
  });
  // "No 10" (Downing Street, with or without its point) is a name: "no" negates a subject only
  // before a word; and "no" inside the clause negates the clause, not the report
  it('still reads "No 10" and a negation inside the clause', () => {
    const out = run(
      'No 10 said the figures were wrong. No. 10 said the talks would resume. Officials at the ministry said no decision had been taken.',
    );
    expect(out.map((s) => s.text)).toEqual([
      'the figures were wrong',
      'the talks would resume',
      'no decision had been taken',
    ]);
  });
});
