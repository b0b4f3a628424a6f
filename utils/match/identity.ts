/**
 * Is this the same speaker? Names as extractors write them: "Trump", "President Trump",
 * "U.S. President Donald Trump" are one person; "Secretary of State" alone names nobody; an
 * anonymous source is only ever itself, on its own page.
 */

import { memoize } from './memo';
import { normalizeText } from './normalize';

const ANONYMOUS_HEADS = new Set([
  'official',
  'officials',
  'source',
  'sources',
  'person',
  'people',
  'aide',
  'aides',
  'diplomat',
  'diplomats',
  'spokesperson',
  'spokesman',
  'spokeswoman',
  'insider',
  'insiders',
  'adviser',
  'advisers',
  'advisor',
  'advisors',
  'member',
  'members',
]);

const INDEFINITE = new Set(['a', 'an', 'one', 'two', 'three', 'four', 'several', 'some', 'many', 'unnamed']);

/** An anonymous source is described, not named: "a senior Israeli official", "sources familiar with the matter". */
function describedType(name: string): 'anonymous' | 'person' {
  const ws = normalizeText(name).split(' ');
  const first = ws[0] ?? '';
  if (INDEFINITE.has(first)) return 'anonymous';
  if (ws.some((w) => w === 'unnamed' || w === 'anonymous')) return 'anonymous';
  if (first === 'sources' || first === 'officials') return 'anonymous';
  // "U.S. officials", "Israeli officials": a plural head with no proper name.
  const last = ws[ws.length - 1] ?? '';
  if (
    ANONYMOUS_HEADS.has(last) &&
    /^[a-z]/.test(name.trim()) === false &&
    ws.length <= 3 &&
    last.endsWith('s')
  ) {
    return 'anonymous';
  }
  return 'person';
}

export type SpeakerKind = 'person' | 'organization' | 'anonymous';

export interface SpeakerInfo {
  name: string | null;
  type?: SpeakerKind | null;
  /** Identity of the page the statement was read on: anonymous sources never leave it. */
  pageKey: string;
  /** Other forms the speaker was mentioned by ("White House spokesperson Karoline Leavitt"). */
  aliases?: readonly string[];
}

/** Titles, offices and roles: they describe a person but are not part of a name. */
const ROLE_WORDS = new Set(
  (
    'president vice prime minister ministers secretary undersecretary deputy assistant state foreign defense defence interior ' +
    'spokesperson spokesman spokeswoman spokespeople press senator sen rep representative congressman congresswoman governor gov mayor ' +
    'general gen admiral adm colonel col lieutenant lt major maj captain capt sergeant commander chief head leader ' +
    'chancellor king queen prince princess sheikh emir crown premier ambassador envoy special senior former acting interim ' +
    'mr mrs ms dr prof professor sir dame lord lady judge justice attorney counsel director chair chairman chairwoman chairperson ' +
    'ceo cfo founder executive officer official adviser advisor aide analyst expert economist researcher correspondent reporter editor ' +
    'pope cardinal bishop rabbi imam reverend rev father saint st the a an of for to and his her their its our my ' +
    'white house department ministry office council cabinet national security team'
  ).split(' '),
);

/** Words that end organisation names ("Trump administration", "Foreign Ministry", "The Washington Post"). */
const ORG_HEADS = new Set(
  (
    'administration government ministry department office council agency army military forces force police party committee ' +
    'commission court company corporation corp inc ltd group university institute foundation union authority bank fund ' +
    'house team campaign organization organisation association network times post news journal report media channel service ' +
    'parliament congress senate assembly embassy mission bureau board federation alliance coalition movement nations'
  ).split(' '),
);

/** Name particles kept inside a surname ("al-Ansari", "bin Salman", "van der Leyen"). */
const PARTICLES = new Set([
  'al',
  'el',
  'bin',
  'ibn',
  'de',
  'del',
  'da',
  'di',
  'van',
  'von',
  'der',
  'den',
  'la',
  'le',
]);
const SUFFIXES = new Set(['jr', 'sr', 'ii', 'iii', 'iv']);

/** Words of a name as written, split on spaces (hyphens stay inside a word: "al-Ansari"). */
function rawWords(name: string): string[] {
  return name
    .trim()
    .split(/\s+/)
    .filter((w) => w.length > 0);
}

const POSSESSIVE = /[’']s?$/u;

/** Kind of a speaker when the caller does not know it: described sources, organisations, people. */
export const inferSpeakerKind: (name: string) => SpeakerKind = memoize(readSpeakerKind);

function readSpeakerKind(name: string): SpeakerKind {
  if (describedType(name) === 'anonymous') return 'anonymous';
  const ws = normalizeText(name).split(' ');
  const last = ws[ws.length - 1] ?? '';
  if (ORG_HEADS.has(last)) return 'organization';
  // All lower case ("the source", "officials familiar with the talks") describes, it does not name.
  if (!/\p{Lu}/u.test(name)) return 'anonymous';
  return 'person';
}

/**
 * The personal name inside a mention, as normalised words: titles and roles before it are dropped
 * ("U.S. President Donald Trump" → ["donald", "trump"]). Null when nothing is left but a role
 * ("Secretary of State", "the prime minister", "Trump’s Middle East envoy").
 */
export const personalName: (mention: string) => readonly string[] | null = memoize(readPersonalName);

function readPersonalName(mention: string): readonly string[] | null {
  const ws = rawWords(mention);
  // The name is what follows the last role word, the last lower-case (descriptive) word and the
  // last possessive ("Trump’s Middle East envoy Steve Witkoff" → "Steve Witkoff").
  let start = 0;
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const n = normalizeText(w);
    const particle = PARTICLES.has(n.split(' ')[0] ?? '');
    const lowerCase = !/^\p{Lu}/u.test(w) && !particle;
    const possessive = POSSESSIVE.test(w) && i < ws.length - 1;
    if (ROLE_WORDS.has(n) || lowerCase || possessive) start = i + 1;
  }
  const rest = ws
    .slice(start)
    .flatMap((w) => normalizeText(w.replace(POSSESSIVE, '')).split(' '))
    .filter((w) => w.length > 0 && !SUFFIXES.has(w));
  return rest.length === 0 ? null : rest;
}

/** Surname of a name's words: the last word, with its particles ("al ansari"). */
function surname(nameWords: readonly string[]): string {
  let i = nameWords.length - 1;
  while (i > 0 && PARTICLES.has(nameWords[i - 1]!)) i--;
  return nameWords.slice(i).join(' ');
}

function orgName(name: string): string {
  const ws = normalizeText(name).split(' ');
  while (ws.length > 1 && (ws[0] === 'the' || ws[0] === 'a')) ws.shift();
  return ws.join(' ');
}

/**
 * A coarse key for finding candidates of the same speaker: the surname of a person, the name of an
 * organisation, null for a role or an anonymous source (those are only matched on their page).
 * Two people with one surname share a key; `sameSpeaker` tells them apart.
 */
export function speakerIdentityKey(name: string, type?: SpeakerKind | null): string | null {
  const kind = type ?? inferSpeakerKind(name);
  if (kind === 'anonymous') return null;
  if (kind === 'organization') return `o:${orgName(name)}`;
  const words = personalName(name);
  return words === null ? null : `p:${surname(words)}`;
}

export interface SameSpeakerOptions {
  /**
   * Full names known to the caller (say, the speakers on this page or in the store). A bare
   * surname is merged only when it fits exactly one of them; without a list it is merged.
   */
  knownNames?: readonly string[];
}

/** Do two mentions name one person? Surname-only matches a full name with that surname. */
function samePersonName(
  a: readonly string[],
  b: readonly string[],
  known: readonly string[] | undefined,
): boolean {
  if (surname(a) !== surname(b)) return false;
  const firstA = a.length > 1 ? a[0]! : null;
  const firstB = b.length > 1 ? b[0]! : null;
  if (firstA !== null && firstB !== null) {
    // "Donald Trump" vs "D. Trump": an initial fits a first name.
    if (firstA === firstB) return true;
    return (
      (firstA.length === 1 && firstB.startsWith(firstA)) || (firstB.length === 1 && firstA.startsWith(firstB))
    );
  }
  if (firstA === null && firstB === null) return true;
  // One side is a bare surname: ambiguous if the caller knows two people with that surname.
  if (known === undefined) return true;
  const full = new Set<string>();
  for (const k of known) {
    const w = personalName(k);
    if (w !== null && w.length > 1 && surname(w) === surname(a)) full.add(w.join(' '));
  }
  return full.size <= 1;
}

function kindOf(s: SpeakerInfo): SpeakerKind | null {
  if (s.name === null) return null;
  return s.type ?? inferSpeakerKind(s.name);
}

/**
 * Are two statements' speakers one speaker?
 * - named people: same surname, compatible first names (titles ignored);
 * - organisations: same name without the article;
 * - anonymous sources and bare roles: only on one page, and only with the same description.
 */
export function sameSpeaker(a: SpeakerInfo, b: SpeakerInfo, options: SameSpeakerOptions = {}): boolean {
  if (a.name === null || b.name === null) return false;
  const ka = kindOf(a);
  const kb = kindOf(b);
  const describedA = ka === 'anonymous' || (ka === 'person' && personalName(a.name) === null);
  const describedB = kb === 'anonymous' || (kb === 'person' && personalName(b.name) === null);
  if (describedA || describedB) {
    // A description is itself only where it was written.
    return describedA && describedB && a.pageKey === b.pageKey && orgName(a.name) === orgName(b.name);
  }
  if (ka !== kb) return false;
  if (ka === 'organization') return orgName(a.name) === orgName(b.name);
  return samePersonName(personalName(a.name)!, personalName(b.name)!, options.knownNames);
}

const SPOKES_ROLES = ['spokesperson', 'spokesman', 'spokeswoman', 'press secretary', 'mouthpiece'];

/**
 * Does a person speak for an organisation? True when one of the person's mentions is
 * "<organisation> spokesperson <Name>" and that organisation is a name or alias of the other.
 * A spokesperson's statement is the organisation's statement.
 */
export function speaksFor(person: SpeakerInfo, org: SpeakerInfo): boolean {
  if (person.name === null || org.name === null) return false;
  if (kindOf(person) !== 'person' || kindOf(org) !== 'organization') return false;
  const orgForms = new Set([org.name, ...(org.aliases ?? [])].map(orgName).filter((n) => n.length > 0));
  for (const mention of [person.name, ...(person.aliases ?? [])]) {
    const normal = normalizeText(mention);
    for (const role of SPOKES_ROLES) {
      const at = normal.indexOf(` ${role} `);
      if (at <= 0) continue;
      const before = orgName(normal.slice(0, at));
      // "former State Department spokesperson" speaks for nobody now.
      if (before.startsWith('former ')) continue;
      if (orgForms.has(before)) return true;
    }
  }
  return false;
}
