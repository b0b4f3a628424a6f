import { describe, expect, it } from 'vitest';
import {
  inferSpeakerKind,
  personalName,
  type SpeakerInfo,
  sameSpeaker,
  speakerIdentityKey,
  speaksFor,
} from '../../utils/match/identity';

const on = (
  name: string | null,
  page = 'https://a.example/1',
  over: Partial<SpeakerInfo> = {},
): SpeakerInfo => ({
  name,
  pageKey: page,
  ...over,
});

describe('personalName', () => {
  it('drops titles, offices and descriptions before the name', () => {
    expect(personalName('Chancellor Erika Vogel')).toEqual(['erika', 'vogel']);
    expect(personalName('Former Finance Minister Paul Okoro')).toEqual(['paul', 'okoro']);
    expect(personalName('Harbour Authority spokesperson Lina al-Masri')).toEqual(['lina', 'al', 'masri']);
    expect(personalName('Vogel’s chief negotiator Ivo Brandt')).toEqual(['ivo', 'brandt']);
  });

  it('is null for a bare role', () => {
    expect(personalName('the finance minister')).toBeNull();
    expect(personalName('Secretary of Defense')).toBeNull();
    expect(personalName('Vogel’s chief negotiator')).toBeNull();
  });
});

describe('sameSpeaker', () => {
  it('joins a surname, a titled name and a full name of one person', () => {
    const forms = ['Vogel', 'Chancellor Vogel', 'Erika Vogel', 'German Chancellor Erika Vogel', 'E. Vogel'];
    for (const x of forms) {
      for (const y of forms)
        expect(sameSpeaker(on(x), on(y, 'https://b.example/2')), `${x} / ${y}`).toBe(true);
    }
  });

  it('keeps apart two people with one surname, and a bare surname when it is ambiguous', () => {
    expect(sameSpeaker(on('Erika Vogel'), on('Hans Vogel'))).toBe(false);
    const knownNames = ['Erika Vogel', 'Hans Vogel'];
    expect(sameSpeaker(on('Vogel'), on('Erika Vogel'), { knownNames })).toBe(false);
    expect(sameSpeaker(on('Vogel'), on('Erika Vogel'), { knownNames: ['Erika Vogel', 'Paul Okoro'] })).toBe(
      true,
    );
  });

  it('never merges two people through a bare role', () => {
    expect(sameSpeaker(on('Secretary of Defense'), on('Secretary of Defense', 'https://b.example/2'))).toBe(
      false,
    );
    expect(sameSpeaker(on('the finance minister'), on('Finance Minister Paul Okoro'))).toBe(false);
    // Two different holders of one office.
    expect(sameSpeaker(on('Defense Secretary Ann Lee'), on('Defense Secretary Raj Patel'))).toBe(false);
  });

  it('never merges anonymous sources across pages; on one page only the same description', () => {
    const anon = { type: 'anonymous' as const };
    expect(sameSpeaker(on('a senior official', 'p1', anon), on('a senior official', 'p2', anon))).toBe(false);
    expect(sameSpeaker(on('a senior official', 'p1', anon), on('a senior official', 'p1', anon))).toBe(true);
    expect(sameSpeaker(on('a senior official', 'p1', anon), on('two diplomats', 'p1', anon))).toBe(false);
    expect(
      sameSpeaker(on('people familiar with the talks', 'p1'), on('people familiar with the talks', 'p2')),
    ).toBe(false);
  });

  it('keeps an organisation apart from the person it is named after', () => {
    expect(sameSpeaker(on('Vogel government'), on('Erika Vogel'))).toBe(false);
    expect(sameSpeaker(on('The Vogel government'), on('Vogel government', 'https://b.example/2'))).toBe(true);
    expect(inferSpeakerKind('The Vogel government')).toBe('organization');
  });

  it('nobody is the same as no speaker', () => {
    expect(sameSpeaker(on(null), on(null))).toBe(false);
  });
});

describe('speakerIdentityKey', () => {
  it('gives one key to every form of a name, none to roles and anonymous sources', () => {
    expect(speakerIdentityKey('Chancellor Erika Vogel')).toBe(speakerIdentityKey('Vogel'));
    expect(speakerIdentityKey('Harbour Authority spokesperson Lina al-Masri')).toBe('p:al masri');
    expect(speakerIdentityKey('the finance minister')).toBeNull();
    expect(speakerIdentityKey('a senior official')).toBeNull();
    expect(speakerIdentityKey('The Vogel government')).toBe('o:vogel government');
  });
});

describe('speaksFor', () => {
  it('a spokesperson speaks for the organisation named in their title', () => {
    const person = on('Lina al-Masri', 'p', { aliases: ['Harbour Authority spokesperson Lina al-Masri'] });
    const org = on('Harbour Authority', 'p', { type: 'organization', aliases: ['the Harbour Authority'] });
    expect(speaksFor(person, org)).toBe(true);
    expect(speaksFor(person, on('City Council', 'p', { type: 'organization' }))).toBe(false);
    const former = on('Lina al-Masri', 'p', {
      aliases: ['former Harbour Authority spokesperson Lina al-Masri'],
    });
    expect(speaksFor(former, org)).toBe(false);
  });
});
