import { describe, expect, it } from 'vitest';
import { speakerKey, speakerType } from '../../utils/match/speaker';

describe('speakerType', () => {
  it('tells described sources from named people', () => {
    expect(speakerType('a senior Israeli official')).toBe('anonymous');
    expect(speakerType('sources familiar with the matter')).toBe('anonymous');
    expect(speakerType('three European diplomats')).toBe('anonymous');
    expect(speakerType('U.S. officials')).toBe('anonymous');
    expect(speakerType('Karoline Leavitt')).toBe('person');
    expect(speakerType('Reuters')).toBe('person');
  });
});

describe('speakerKey', () => {
  it('shares a key for a named speaker across pages', () => {
    expect(speakerKey('Donald Trump', 'https://a.example/1')).toBe(
      speakerKey('Donald Trump', 'https://b.example/2'),
    );
  });

  it('never merges anonymous sources of different pages', () => {
    expect(speakerKey('a senior official', 'https://a.example/1')).not.toBe(
      speakerKey('a senior official', 'https://b.example/2'),
    );
  });
});
