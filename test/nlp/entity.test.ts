/** The entity typer: a learned model's verdicts on invented news mentions, and document votes. */
import { describe, expect, it } from 'vitest';
import { EntityVotes, typeMention } from '../../utils/nlp/entity';

const mention = (before: string, name: string, after: string) => ({
  words: name.split(' '),
  before: before ? before.split(' ') : [],
  after: after ? after.split(' ') : [],
});

describe('entity typer', () => {
  it('types a full personal name after a reporting verb as a person', () => {
    expect(typeMention(mention('said', 'Tom Reid', ', a spokesman')).type).toBe('person');
    expect(typeMention(mention('', 'Mr. Haddad', 'told reporters')).type).toBe('person');
  });

  it('types a destination after "flights to" as a place', () => {
    expect(typeMention(mention('flights to', 'Nairobi', 'were cancelled')).type).toBe('place');
  });

  it('types an upper-case acronym as an organisation', () => {
    expect(typeMention(mention('according to', 'NATO', ',')).type).toBe('organization');
  });

  // WordNet's verdict on a name's words as common nouns ("Council": a group) and a plural last
  // word ("Rovers") are evidence of a body
  it('types a name of a council or a team as an organisation', () => {
    expect(typeMention(mention('the', 'Harlow Council', 'will')).type).toBe('organization');
    expect(typeMention(mention('against the', 'Kelby Rovers', 'on')).type).toBe('organization');
  });

  it('lets every mention of a name in a document vote', () => {
    const votes = new EntityVotes();
    expect(votes.person('springfield')).toBeNull();
    votes.add('springfield', mention('the mayor of', 'Springfield', ','));
    votes.add('springfield', mention('schools in', 'Springfield', 'will'));
    votes.add('reid', mention('said', 'Tom Reid', '.'));
    expect(votes.person('springfield')).toBeLessThan(0.5);
    expect(votes.person('reid')).toBeGreaterThan(0.5);
  });
});
