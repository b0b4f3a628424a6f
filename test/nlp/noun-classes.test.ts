/** WordNet's noun classes: people and groups of people, and things that are neither. */
import { describe, expect, it } from 'vitest';
import { nounClass } from '../../utils/nlp/noun-classes';

describe('noun classes', () => {
  it('knows people, groups and things', () => {
    expect(nounClass('goalkeeper')).toBe('person');
    expect(nounClass('forecaster')).toBe('person');
    expect(nounClass('police')).toBe('group');
    expect(nounClass('utility')).toBe('group');
    expect(nounClass('bridge')).toBeNull();
    expect(nounClass('figure')).toBeNull();
  });
});
