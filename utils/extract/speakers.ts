/**
 * Speaker mentions: noun-phrase detection around a cue (forward and backward, bounded windows),
 * the document's name registry (fullest form per surname), and resolution of pronouns, role
 * nouns and anonymous descriptions to a canonical speaker.
 */

import { givenName } from '../nlp/given-names';
import { cueVerb } from './cues';
import {
  ANON_HEADS,
  CAPITAL_STOPWORDS,
  DEMONYMS,
  DETERMINERS,
  DOC_HEADS,
  FEMALE_ROLES,
  MALE_ROLES,
  MONTHS,
  NAME_PARTICLES,
  NON_PERSON_WORDS,
  ORG_HEADS,
  POSSESSIVE_PRONOUNS,
  PUBLICATION_TAILS,
  PUBLICATIONS,
  ROLE_NOUNS,
  SUBJECT_PRONOUNS,
  TITLES,
  WEEKDAYS,
} from './lexicon';
import type { SentenceTagger } from './reported';
import {
  isLetter,
  isLower,
  isPossessive,
  isSpace,
  isUpper,
  key,
  norm,
  sentenceEnd,
  sentenceStart,
  stripPossessive,
  type Token,
  tokenize,
} from './text';

export type EntityKind = 'person' | 'anon' | 'org' | 'pub' | 'doc' | 'pronoun';

export interface Mention {
  start: number;
  end: number;
  text: string;
}

// ---------------------------------------------------------------------------------------------
// Token classes

/** Lower-case words allowed inside a noun phrase before its head ("senior", "former", "top"). */
const MODIFIERS = new Set(
  `senior former top chief deputy acting interim foreign national international local regional
  federal state military defense defence security intelligence white house press government
  administration high-ranking high-level ranking junior veteran longtime long-time former-
  anonymous unnamed unidentified independent opposition ruling outgoing incoming current new
  special peace trade finance health justice interior economic political party campaign
  israeli palestinian american u.s. european british french german russian chinese iranian
  qatari egyptian saudi arab turkish ukrainian indian japanese korean australian canadian
  mexican spanish italian dutch polish swiss swedish norwegian danish irish scottish welsh
  albanian lebanese syrian jordanian iraqi afghan pakistani emirati african asian western eastern
  northern southern middle senior-level mid-level one-time two-time first second third
  associate assistant executive managing general principal lead leading prominent key close
  other same two three several many`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

export function isCapitalised(word: string): boolean {
  const w = norm(word);
  if (isUpper(w[0])) return true;
  // al-Ansari, el-Sisi, bin
  const dash = w.indexOf('-');
  if (dash > 0 && NAME_PARTICLES.has(w.slice(0, dash).toLowerCase()) && isUpper(w[dash + 1])) return true;
  return false;
}

function bare(word: string): string {
  return key(word).replace(/\.$/, '');
}

function onlySpacesBetween(text: string, a: number, b: number): boolean {
  if (b - a > 3) return false;
  for (let k = a; k < b; k++) if (!isSpace(text[k])) return false;
  return true;
}

// ---------------------------------------------------------------------------------------------
// Name registry

export interface NameInfo {
  /** Canonical person name: fullest form seen (titles stripped). */
  name: string;
  tokens: number;
  /** Role phrases seen before the name ("prime minister", "white house spokesperson"). */
  roles: Set<string>;
  female: boolean | null;
  /** First named with a title ("President Trump"): the writer's full reference to the person. */
  titled?: boolean;
}

export interface NameOccurrence {
  start: number;
  end: number;
  surname: string;
  /** "Trump’s": a possessor, rarely the antecedent of a subject pronoun. */
  possessive: boolean;
  /** Right after a preposition ("with Netanyahu"): an object, not a subject. */
  object: boolean;
  /**
   * After an article ("a Gallup Korea poll", "the Emanuel AME Church"): a personal name takes no
   * article, so this is a name of something else or a modifier, never a person acting.
   */
  modifier?: boolean;
}

const PREPOSITIONS = new Set([
  'with',
  'to',
  'by',
  'of',
  'from',
  'about',
  'against',
  'for',
  'on',
  'at',
  'into',
  'than',
  'between',
  'and',
]);

/**
 * Does a time expression start at token k — "Tuesday", "on Tuesday", "on May 3", "in March"?
 * A weekday never belongs to a person's name; a month only after a preposition or before a day
 * number, so "Theresa May" stays a name. The name before it ends there.
 */
export function startsTimeExpression(toks: readonly Token[], k: number): boolean {
  const t = toks[k];
  if (!t) return false;
  const low = stripPossessive(t.text).toLowerCase();
  if (low === 'on' || low === 'in' || low === 'of' || low === 'since' || low === 'until') {
    const next = toks[k + 1];
    if (!next) return false;
    const nextLow = stripPossessive(next.text).toLowerCase();
    return WEEKDAYS.has(nextLow) || MONTHS.has(nextLow);
  }
  if (!isCapitalised(t.text)) return false;
  if (WEEKDAYS.has(low)) return true;
  return MONTHS.has(low) && /^\d/.test(toks[k + 1]?.text ?? '');
}

/** Lower-case words that join a role to the body or place it belongs to inside a run of capitals. */
const RUN_CONNECTORS = new Set(['of', 'on', 'for', 'at', 'to', 'the', 'in', '-', '–']);

/**
 * Where a person's name begins in a run of capitals that first names a role or a body ("Minister
 * of Education Stefania Giannini", "… Council on American-Islamic Relations Alia Salem"): at the
 * word before the surname (initials and "Jr." passed over) when the given-name gazetteer knows it
 * ("J. David Cox Sr." whole). Only after a connector inside the run (`afterConnector`: the run
 * follows one), and never further left, since many given names are also places ("Texas",
 * "Madison"): 0 when there is no such evidence, so a name of its own is never cut.
 */
export function givenNameStart(words: readonly string[], afterConnector = false): number {
  let from = afterConnector ? 0 : -1;
  for (let k = 0; k < words.length; k++) if (RUN_CONNECTORS.has(words[k] ?? '')) from = k + 1;
  if (from < 0) return 0;
  const initial = (w: string | undefined) => w !== undefined && /^\p{Lu}\.$/u.test(w);
  let k = words.length - 1;
  if (/^(Jr|Sr|II|III|IV)\.?$/.test(words[k] ?? '')) k--;
  // the surname: not a word that ends the name of a place, body or publication ("Boston Globe")
  const surname = stripPossessive(words[k] ?? '');
  if (NON_PERSON_WORDS.has(surname) || PUBLICATION_TAILS.has(surname) || PUBLICATIONS.has(surname)) return 0;
  k--;
  while (k >= from && initial(words[k])) k--;
  if (k < from || givenName(stripPossessive(words[k] ?? '')) === null) return 0;
  while (k - 1 >= from && initial(words[k - 1])) k--;
  return k;
}

/**
 * "Priya Nair of Ernst", "Sam Ortiz at Citigroup": a person's full name, then the body they belong
 * to. Returns the index of the preposition when the words before it are a name that begins with a
 * given name the gazetteer knows (two words or more, no title, no word of a place or body) and no
 * person's name ends the run; otherwise -1. "Secretary of State Rex Tillerson" is not one.
 */
export function affiliationAt(words: readonly string[]): number {
  const c = words.findIndex((w) => w === 'of' || w === 'at' || w === 'from');
  if (c < 2 || givenNameStart(words) > 0) return -1;
  const name = words.slice(0, c);
  if (!name.every(isCapitalised) || givenName(name[0] ?? '') === null) return -1;
  for (const w of name) {
    const b = stripPossessive(w);
    if (TITLES.has(bare(w)) || NON_PERSON_WORDS.has(b) || PUBLICATION_TAILS.has(b) || PUBLICATIONS.has(b))
      return -1;
  }
  return c;
}

/** Strips titles, places and organisation words from the left of a capitalised run. */
export function personNameFrom(
  tokens: string[],
  afterConnector = false,
): { name: string[]; title: string[] } | null {
  let i = 0;
  while (i < tokens.length && CAPITAL_STOPWORDS.has(stripPossessive(tokens[i] ?? ''))) i++;
  const g = givenNameStart(tokens, afterConnector);
  if (g > 0) return { name: tokens.slice(g), title: tokens.slice(i, g) };
  const aff = affiliationAt(tokens.slice(i));
  if (aff > 0) return { name: tokens.slice(i, i + aff), title: [] };
  let cut = i;
  for (let k = i; k < tokens.length; k++) {
    const w = tokens[k] ?? '';
    const b = bare(w);
    const isDotted = w.includes('.') && w.length <= 5 && w.length > 2 && !/^[A-Z]\.$/.test(w);
    if (TITLES.has(b) || NON_PERSON_WORDS.has(stripPossessive(w)) || isDotted) cut = k + 1;
  }
  const name = tokens.slice(cut);
  // trailing possessive belongs to the name
  if (name.length === 0) return null;
  for (const w of name) {
    if (w === 'of') return null;
    const sw = stripPossessive(w);
    if (DEMONYMS.has(sw) || (sw.endsWith('s') && DEMONYMS.has(sw.slice(0, -1)))) return null;
    if (NON_PERSON_WORDS.has(stripPossessive(w)) || PUBLICATIONS.has(stripPossessive(w))) return null;
  }
  const first = name[0] ?? '';
  if (NAME_PARTICLES.has(first.toLowerCase()) && name.length === 1) return null;
  return { name, title: tokens.slice(i, cut) };
}

export class NameRegistry {
  readonly bySurname = new Map<string, NameInfo>();
  /** People who share a surname with someone named earlier, by "given surname". */
  readonly byFull = new Map<string, NameInfo>();
  readonly occurrences: NameOccurrence[] = [];

  constructor(readonly text: string) {}

  /**
   * Reads every capitalised run of the text: names (fullest form per surname), then occurrences
   * of known surnames outside quotes. A generator: it yields now and then, so a caller may spread
   * a long article over several tasks (see `extractInSlices`).
   */
  *scan(insideQuote: (pos: number) => boolean): Generator<void, void, void> {
    const text = this.text;
    const toks = tokenize(text, 0, text.length);
    yield;
    const runs: Array<{ run: Token[]; prev: Token | undefined }> = [];
    let i = 0;
    let beat = 0;
    while (i < toks.length) {
      if ((++beat & 4095) === 0) yield;
      const t = toks[i];
      if (!t || !isCapitalised(t.text)) {
        i++;
        continue;
      }
      // capitalised run (with name particles), no punctuation in between
      let j = i;
      const run: Token[] = [t];
      while (j + 1 < toks.length) {
        const cur = toks[j] as Token;
        const nx = toks[j + 1] as Token;
        if (isPossessive(cur.text)) break;
        if (!onlySpacesBetween(text, cur.end, nx.start)) break;
        if (startsTimeExpression(toks, j + 1)) break;
        if (isCapitalised(nx.text)) {
          run.push(nx);
          j++;
          continue;
        }
        if (NAME_PARTICLES.has(nx.text.toLowerCase()) || nx.text === 'of') {
          const after = toks[j + 2];
          if (after && isCapitalised(after.text) && onlySpacesBetween(text, nx.end, after.start)) {
            run.push(nx);
            j++;
            continue;
          }
        }
        break;
      }
      // "Win Carter/Getty Images", "Jo Lee/AP": a photo credit names who took the picture, not
      // someone in the story (a name joined to an agency by a slash)
      const credit = run.some(
        (r) => r.text.includes('/') || text[r.end] === '/' || text[r.start - 1] === '/',
      );
      if (!credit) runs.push({ run, prev: toks[i - 1] });
      i = j + 1;
    }
    // pass 1: names (fullest form per surname); pass 2: occurrences of known surnames
    yield;
    const parsed: Array<(typeof runs)[number] & { res: ReturnType<NameRegistry['addRun']> }> = [];
    for (const r of runs) {
      if ((++beat & 1023) === 0) yield;
      // the run continues a longer name after a hyphen ("American - Islamic Relations Alia Salem");
      // after a preposition it is more often a place ("at Saint Brendan Chapel") and is not cut
      const prev = r.prev;
      const start = (r.run[0] as Token).start;
      const afterConnector =
        prev !== undefined && isCapitalised(prev.text) && /^\s*[-–]\s*$/.test(text.slice(prev.end, start));
      parsed.push({ ...r, res: this.addRun(r.run, afterConnector) });
    }
    this.indexGivenNames();
    for (const { run, prev, res } of parsed) {
      if ((++beat & 4095) === 0) yield;
      if (!res) continue;
      const lastTok = run[run.length - 1] as Token;
      const firstTok = run[run.length - res.nameLen] as Token;
      if (insideQuote(firstTok.start)) continue;
      if (!this.bySurname.has(res.surname)) {
        // "Lee" for "Lee Jae-myung", "Michelle" for "Michelle Obama": one word of a full name
        const alias =
          res.nameLen === 1 && run.length === 1 ? this.keyOf(res.surname, firstTok.start) : undefined;
        if (!alias) continue;
        res.surname = alias;
      }
      const prevLow =
        prev && onlySpacesBetween(text, prev.end, firstTok.start - (run.length - res.nameLen > 0 ? 0 : 0))
          ? prev.text.toLowerCase()
          : '';
      this.occurrences.push({
        start: firstTok.start,
        end: lastTok.end,
        surname: res.surname,
        possessive: isPossessive(lastTok.text),
        object: run.length === res.nameLen && PREPOSITIONS.has(prevLow),
        modifier: isArticle(prevLow) || run.slice(0, run.length - res.nameLen).some((r) => isArticle(r.text)),
      });
    }
  }

  /**
   * First words of full names, for a person the writer later calls by that word alone: a given
   * name ("Michelle" … "Michelle Obama") or a family name written first ("Lee" … "Lee
   * Jae-myung"). Only a word that begins one full name, and is no one's surname, is an alias.
   */
  readonly byGiven = new Map<string, string>();
  /**
   * A first word shared by several full names ("Lee" of Lee Jae-myung and Lee Sang-min): the
   * bare word stands for the one of them named most recently (`keyOf` with a position).
   */
  readonly byGivenShared = new Map<string, string[]>();

  private indexGivenNames(): void {
    const seen = new Map<string, string[]>();
    for (const [surname, info] of this.bySurname) {
      const words = info.name.split(' ');
      if (words.length < 2) continue;
      const given = bare(words[0] ?? '');
      if (given.length < 2 || given.endsWith('.')) continue;
      seen.set(given, [...(seen.get(given) ?? []), surname]);
    }
    for (const full of this.byFull.values()) {
      const given = bare(full.name.split(' ')[0] ?? '');
      if (seen.has(given)) seen.set(given, []);
    }
    for (const [given, surnames] of seen) {
      if (this.bySurname.has(given) || surnames.length === 0) continue;
      if (surnames.length === 1) this.byGiven.set(given, surnames[0] as string);
      else this.byGivenShared.set(given, surnames);
    }
  }

  /**
   * The surname key a word stands for: a surname, or a word that begins one full name, or, at
   * `pos`, the full name it begins that was named last before `pos`.
   */
  keyOf(word: string, pos?: number): string | undefined {
    const b = bare(word);
    if (this.bySurname.has(b)) return b;
    const one = this.byGiven.get(b);
    if (one !== undefined || pos === undefined) return one;
    const shared = this.byGivenShared.get(b);
    if (!shared) return undefined;
    for (let k = this.occurrences.length - 1; k >= 0; k--) {
      const o = this.occurrences[k] as NameOccurrence;
      if (o.start < pos && shared.includes(o.surname)) return o.surname;
    }
    return undefined;
  }

  /** Registers a capitalised run; returns the surname key and the length of the name part. */
  private addRun(run: Token[], afterConnector: boolean): { surname: string; nameLen: number } | null {
    const words = run.map((t) => t.text);
    let shouting = 0;
    for (const w of words) if (w.length >= 4 && w === w.toUpperCase() && !w.includes('.')) shouting++;
    if (shouting >= 2) return null;
    const res = personNameFrom(words, afterConnector);
    if (!res) return null;
    const { name, title } = res;
    const last = name[name.length - 1] ?? '';
    const surname = bare(last);
    if (surname.length < 2 || !isLetter(surname[0])) return null;
    const person = name.length >= 2 || title.some((w) => TITLES.has(bare(w)));
    const existing = this.bySurname.get(surname);
    if (!person) return existing ? { surname, nameLen: name.length } : { surname, nameLen: name.length };
    const clean = name.map((w, k) => (k === name.length - 1 ? stripPossessive(w) : w)).join(' ');
    // Two people who share a surname ("Ernie Walsh, father of Tomas Walsh"): a full name whose
    // given name differs from the one the surname already has, or that follows a person the
    // writer named by title and surname alone ("President Marsh" … "Lena Marsh"), is someone
    // else. The bare surname stays with the person named first; the full name is kept apart.
    if (existing && name.length >= 2 && this.otherPerson(existing, name, title)) {
      const full = fullKey(name);
      const other = this.byFull.get(full) ?? {
        name: clean,
        tokens: name.length,
        roles: new Set<string>(),
        female: null,
      };
      if (name.length > other.tokens) {
        other.name = clean;
        other.tokens = name.length;
      }
      this.byFull.set(full, other);
      return { surname, nameLen: name.length };
    }
    const info = existing ?? {
      name: clean,
      tokens: name.length,
      roles: new Set<string>(),
      female: null,
      titled: name.length === 1 && title.some((w) => TITLES.has(bare(w))),
    };
    if (name.length > info.tokens) {
      info.name = clean;
      info.tokens = name.length;
    }
    const titleLow = title.map((w) => bare(w)).join(' ');
    if (titleLow) info.roles.add(titleLow);
    if (info.female === null && name.length >= 2) {
      // he/she agreement from a public gazetteer of given names (utils/nlp/given-names.ts)
      const sex = givenName(stripPossessive(name[0] ?? '').replace(/\.$/, ''));
      if (sex === 'female') info.female = true;
      else if (sex === 'male') info.female = false;
    }
    for (const w of title) {
      const b = bare(w);
      if (b === 'mrs' || b === 'ms' || b === 'miss' || b === 'queen' || b === 'princess' || b === 'dame')
        info.female = true;
      if (b === 'mr' || b === 'king' || b === 'prince' || b === 'sir' || b === 'lord') info.female = false;
    }
    this.bySurname.set(surname, info);
    return { surname, nameLen: name.length };
  }

  /** Adds a pre-nominal role phrase ("White House spokesperson") to a surname's entry. */
  addRole(surname: string, role: string): void {
    const info = this.bySurname.get(surname);
    if (info && role) {
      info.roles.add(role.toLowerCase());
      if (info.female === null) {
        for (const w of role.toLowerCase().split(' ')) {
          if (FEMALE_ROLES.has(w)) info.female = true;
          if (MALE_ROLES.has(w)) info.female = false;
        }
      }
    }
  }

  lookup(word: string, pos?: number): NameInfo | undefined {
    const k = this.keyOf(word, pos);
    return k === undefined ? undefined : this.bySurname.get(k);
  }

  /** A person kept apart from the one who has the bare surname, by given name and surname. */
  lookupFull(given: string, surname: string): NameInfo | undefined {
    return this.byFull.get(`${bare(given)} ${bare(surname)}`);
  }

  private otherPerson(existing: NameInfo, name: string[], title: string[]): boolean {
    const given = bare(name[0] ?? '');
    if (existing.tokens >= 2) {
      const had = bare(existing.name.split(' ')[0] ?? '');
      // "Mike" and "Michael", "J." and "John": the same initial is the same person
      return had[0] !== given[0];
    }
    if (!existing.titled) return false;
    // "President Marsh" … "President Lena Marsh": the same title is the same person
    const titles = title.map((w) => bare(w));
    return !titles.some((t) => existing.roles.has(t));
  }
}

function isArticle(w: string): boolean {
  const b = w.toLowerCase();
  return b === 'a' || b === 'an' || b === 'the';
}

function fullKey(name: string[]): string {
  return `${bare(name[0] ?? '')} ${bare(stripPossessive(name[name.length - 1] ?? ''))}`;
}

// ---------------------------------------------------------------------------------------------
// Noun-phrase scanning

export interface NP {
  start: number;
  end: number;
  text: string;
  tokens: Token[];
  /** Index into tokens of the head word. */
  head: number;
  kind: EntityKind;
  /** Determiner at the left edge ("the", "a", "three", "his"), lower-cased, or ''. */
  det: string;
}

function classify(tokens: Token[], det: string): { kind: EntityKind; head: number } {
  const n = tokens.length;
  const last = tokens[n - 1] as Token;
  const lastBare = bare(last.text);
  if (
    n === 1 &&
    (SUBJECT_PRONOUNS.has(lastBare) || POSSESSIVE_PRONOUNS.has(lastBare) || lastBare === 'whose')
  ) {
    return { kind: 'pronoun', head: 0 };
  }
  // "Officials", "Critics", "Sources", "The report" capitalised only by sentence position
  if (n === 1 && isCapitalised(last.text) && last.text.slice(1) === last.text.slice(1).toLowerCase()) {
    const low = lastBare;
    const sing = low.endsWith('s') ? low.slice(0, -1) : low;
    if (ANON_HEADS.has(low) || ANON_HEADS.has(sing) || ROLE_NOUNS.has(low) || ROLE_NOUNS.has(sing))
      return { kind: 'anon', head: 0 };
    if (DOC_HEADS.has(low) || DOC_HEADS.has(sing)) return { kind: 'doc', head: 0 };
    if (ORG_HEADS.has(low)) return { kind: 'org', head: 0 };
  }
  if (isCapitalised(last.text)) {
    const lastW = stripPossessive(last.text);
    if (PUBLICATIONS.has(lastW) || PUBLICATION_TAILS.has(lastW)) return { kind: 'pub', head: n - 1 };
    return { kind: 'person', head: n - 1 };
  }
  if (DOC_HEADS.has(lastBare)) return { kind: 'doc', head: n - 1 };
  if (ORG_HEADS.has(lastBare)) return { kind: 'org', head: n - 1 };
  if (ANON_HEADS.has(lastBare) || ROLE_NOUNS.has(lastBare)) {
    return { kind: det === 'the' || det === 'this' || det === 'that' ? 'person' : 'anon', head: n - 1 };
  }
  return { kind: 'anon', head: n - 1 };
}

/** Words that may start a post-modifier of an anonymous source ("familiar with", "close to"). */
const POSTMOD = new Set([
  'familiar',
  'close',
  'knowledgeable',
  'briefed',
  'involved',
  'with',
  'who',
  'from',
  'in',
  'at',
  'for',
]);

function isNPWord(w: string): boolean {
  const b = bare(w);
  return (
    isCapitalised(w) ||
    TITLES.has(b) ||
    ROLE_NOUNS.has(b) ||
    ANON_HEADS.has(b) ||
    ORG_HEADS.has(b) ||
    DOC_HEADS.has(b) ||
    MODIFIERS.has(b)
  );
}

function isHeadWord(w: string): boolean {
  const b = bare(w);
  return (
    isCapitalised(w) ||
    ROLE_NOUNS.has(b) ||
    ANON_HEADS.has(b) ||
    ORG_HEADS.has(b) ||
    DOC_HEADS.has(b) ||
    TITLES.has(b)
  );
}

function makeNP(text: string, toks: Token[], det: string): NP | null {
  if (toks.length === 0) return null;
  const first = toks[0] as Token;
  const last = toks[toks.length - 1] as Token;
  const { kind, head } = classify(toks, det);
  return {
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
    tokens: toks,
    head,
    kind,
    det,
  };
}

/**
 * The noun phrase text[start, end) as a whole, found by another pass (reported.ts reads noun
 * phrases from part-of-speech tags): its determiner and kind as `makeNP` gives them.
 */
export function npOfSpan(text: string, start: number, end: number, headEnd = end): NP | null {
  const toks = tokenize(text, start, headEnd);
  const b0 = toks[0] ? bare(toks[0].text) : '';
  const det = DETERMINERS.has(b0) || POSSESSIVE_PRONOUNS.has(b0) ? b0 : '';
  const np = makeNP(text, toks, det);
  // a post-modifier ("Those around the mayor") is part of the mention, not of the head
  return np && headEnd < end ? { ...np, end, text: text.slice(start, end) } : np;
}

/**
 * Noun phrase starting at `from` (after spaces), e.g. after an inverted cue: "said Leavitt",
 * "tweeted Qatar Foreign Ministry spokesperson Majed al-Ansari", "said the source close to …".
 */
export function npForward(text: string, from: number, limit: number, withPostmod = true): NP | null {
  const end = Math.min(limit, from + 160);
  const toks = tokenize(text, from, end);
  const t0 = toks[0];
  if (!t0 || !onlySpacesBetween(text, from, t0.start)) return null;
  const b0 = bare(t0.text);
  if (SUBJECT_PRONOUNS.has(b0)) return makeNP(text, [t0], '');
  const taken: Token[] = [];
  let det = '';
  let k = 0;
  if (DETERMINERS.has(b0) || POSSESSIVE_PRONOUNS.has(b0)) {
    det = b0;
    taken.push(t0);
    k = 1;
  } else if (isPossessive(t0.text) && isCapitalised(t0.text)) {
    det = 'poss';
    taken.push(t0);
    k = 1;
  }
  let headSeen = -1;
  let unknownRun = 0;
  for (; k < toks.length; k++) {
    const t = toks[k] as Token;
    const prev = taken[taken.length - 1];
    if (prev && !onlySpacesBetween(text, prev.end, t.start)) break;
    const w = t.text;
    // "de Miranda notes", "Obama states": a verb after a name, not a noun ("notes", "states")
    if (prev && isCapitalised(prev.text) && !isCapitalised(w)) {
      const cv = cueVerb(w);
      if (cv && (cv.form === 's' || cv.form === 'past')) break;
    }
    // "said Mayor Lena Ortiz on Tuesday": the time expression is not part of the name (but in
    // "a Friday report" the day is a modifier of the phrase)
    if ((det === '' || (prev && isCapitalised(prev.text))) && startsTimeExpression(toks, k)) break;
    const nextCap = toks[k + 1] !== undefined && isCapitalised((toks[k + 1] as Token).text);
    if (
      isNPWord(w) ||
      (NAME_PARTICLES.has(w.toLowerCase()) && nextCap) ||
      (nextCap && prev !== undefined && isCapitalised(prev.text) && isInnerConnector(w, taken))
    ) {
      taken.push(t);
      if (isHeadWord(w)) headSeen = taken.length - 1;
      unknownRun = 0;
      if (isPossessive(w) && !isCapitalised(w)) break;
      continue;
    }
    if (isLower(w[0]) && det !== '' && unknownRun < 2 && !isFunctionWord(w)) {
      const cv = cueVerb(w);
      const punctAfter = /[.,;:]/.test(text[t.end] ?? '');
      if (cv && cv.form !== 'base' && !punctAfter) break;
      taken.push(t);
      unknownRun++;
      continue;
    }
    // a lower-case description before a name: "farmer Ellen Marsh", "local resident Ann Lee"
    if (isLower(w[0]) && det === '' && taken.length < 3 && !isFunctionWord(w) && !cueVerb(w)) {
      let q = k + 1;
      while (
        q < toks.length &&
        q < k + 3 &&
        isLower((toks[q] as Token).text[0]) &&
        !isFunctionWord((toks[q] as Token).text)
      )
        q++;
      const cap = toks[q];
      // only spaces between the words; a two-word description ends in a title or role noun
      // ("fire chief Luis Romero", not "reporters aboard Air Force One")
      let spaced = cap !== undefined;
      for (let r = k; r < q && spaced; r++)
        spaced = onlySpacesBetween(text, (toks[r] as Token).end, (toks[r + 1] as Token).start);
      if (q - k > 1) {
        const last = bare((toks[q - 1] as Token).text);
        spaced &&= TITLES.has(last) || ROLE_NOUNS.has(last) || ANON_HEADS.has(last);
      }
      if (cap && spaced && isCapitalised(cap.text) && !CAPITAL_STOPWORDS.has(cap.text)) {
        for (let r = k; r < q; r++) taken.push(toks[r] as Token);
        k = q - 1;
        continue;
      }
    }
    break;
  }
  // trim trailing non-head words, unless the phrase ends at punctuation or before a verb of
  // saying ("according to the city auditor,", "the inspector said")
  const lastT = taken[taken.length - 1];
  const nextT = toks[taken.length];
  const afterCh = lastT ? text[lastT.end] : undefined;
  const nextCue = nextT !== undefined ? cueVerb(nextT.text) : undefined;
  const boundaryAfter =
    lastT !== undefined &&
    (afterCh === ',' ||
      afterCh === '.' ||
      afterCh === ';' ||
      afterCh === ':' ||
      (nextT !== undefined &&
        onlySpacesBetween(text, lastT.end, nextT.start) &&
        nextCue !== undefined &&
        nextCue.form !== 'base'));
  if (
    boundaryAfter &&
    det !== '' &&
    lastT &&
    isLower(lastT.text[0]) &&
    !isFunctionWord(lastT.text) &&
    !lastT.text.endsWith('ed')
  )
    headSeen = taken.length - 1;
  while (taken.length > 0 && taken.length - 1 > headSeen) {
    const t = taken[taken.length - 1] as Token;
    if (isHeadWord(t.text) || (taken.length === 1 && det === '')) break;
    taken.pop();
  }
  if (taken.length === 0 || (det !== '' && taken.length === 1)) return null;
  const np = makeNP(text, taken, det);
  if (!np) return null;
  if (
    withPostmod &&
    (np.kind === 'anon' || (np.kind === 'person' && !isCapitalised((taken[taken.length - 1] as Token).text)))
  ) {
    // "the source close to Trump’s national security team", "sources familiar with the matter"
    const nextTok = toks[taken.length];
    if (
      nextTok &&
      onlySpacesBetween(text, np.end, nextTok.start) &&
      POSTMOD.has(nextTok.text.toLowerCase())
    ) {
      const nw = nextTok.text.toLowerCase();
      if (
        nw === 'familiar' ||
        nw === 'close' ||
        nw === 'knowledgeable' ||
        nw === 'briefed' ||
        nw === 'involved'
      ) {
        let e = nextTok.end;
        for (let q = taken.length + 1; q < toks.length && q < taken.length + 14; q++) {
          const tq = toks[q] as Token;
          const gap = text.slice(e, tq.start);
          if (
            gap.includes(',') ||
            gap.includes('.') ||
            gap.includes(';') ||
            gap.includes(':') ||
            gap.includes('\n') ||
            [...gap].some(isQuoteChar)
          )
            break;
          const lw = tq.text.toLowerCase();
          const cv = cueVerb(lw);
          if (
            (cv && cv.form !== 'base' && cv.form !== 'ing') ||
            lw === 'that' ||
            lw === 'who' ||
            lw === 'which' ||
            lw === 'both' ||
            lw === 'speaking'
          )
            break;
          if (
            cv &&
            cv.form === 'base' &&
            tq.text === lw &&
            (lw === 'say' ||
              lw === 'tell' ||
              lw === 'claim' ||
              lw === 'insist' ||
              lw === 'warn' ||
              lw === 'believe')
          )
            break;
          e = tq.end;
        }
        np.end = e;
        np.text = text.slice(np.start, e);
      }
    }
  }
  return np;
}

/** "of", "on", "for" (and "and" after an organisation word) inside a capitalised name. */
function isInnerConnector(w: string, before: Token[]): boolean {
  if (w === 'of' || w === 'on' || w === 'for') return true;
  if (w === 'and' || w === '&') return before.some((t) => NON_PERSON_WORDS.has(stripPossessive(t.text)));
  return false;
}

function isQuoteChar(ch: string | undefined): boolean {
  return ch === '"' || ch === '\u201c' || ch === '\u201d';
}

const FUNCTION_WORDS = new Set(
  `and or but nor so yet for of to in on at by with from into onto upon about above below after
  before during since until while when where why how what which who whom whose that this these
  those than then as if because although though whether not no is are was were be been being has
  have had do does did will would can could shall should may might must said says told tell
  also just only even still very more most less least much such own same other another any
  all each every both either neither some few many several it its it's he she they them his her
  their we us our i me my you your there here however`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

export function isFunctionWord(w: string): boolean {
  return FUNCTION_WORDS.has(bare(w));
}

/**
 * Noun phrase ending at `to` (before spaces): the subject of a cue verb ("Trump told",
 * "a senior Israeli official told", "The Trump administration also claimed").
 */
export function npBackward(text: string, to: number, limit: number): NP | null {
  const start = Math.max(limit, to - 200);
  const toks = tokenize(text, start, to);
  const n = toks.length;
  const tl = toks[n - 1];
  if (!tl || !onlySpacesBetween(text, tl.end, to)) return null;
  const bl = bare(tl.text);
  if (SUBJECT_PRONOUNS.has(bl)) return makeNP(text, [tl], '');
  if (POSSESSIVE_PRONOUNS.has(bl) || bl === 'whose') return makeNP(text, [tl], '');
  if (!isHeadWord(tl.text) && !(isLower(tl.text[0]) && !isFunctionWord(tl.text))) return null;
  const taken: Token[] = [tl];
  let det = '';
  let unknown = 0;
  let committed = 1; // tokens accepted for certain
  for (let k = n - 2; k >= 0; k--) {
    const t = toks[k] as Token;
    const nx = taken[0] as Token;
    if (!onlySpacesBetween(text, t.end, nx.start)) break;
    const w = t.text;
    const b = bare(w);
    if (DETERMINERS.has(b) || POSSESSIVE_PRONOUNS.has(b)) {
      if (CAPITAL_STOPWORDS.has(w) && !DETERMINERS.has(b)) break;
      taken.unshift(t);
      det = b;
      committed = taken.length;
      break;
    }
    if (isPossessive(w) && isCapitalised(w)) {
      // "Trump’s Middle East envoy", "Netanyahu’s Likud party" — include the possessor
      taken.unshift(t);
      det = 'poss';
      committed = taken.length;
      // extend over the possessor's own capitalised run ("Prime Minister Netanyahu’s")
      for (let q = k - 1; q >= 0; q--) {
        const tq = toks[q] as Token;
        const first = taken[0] as Token;
        if (
          !onlySpacesBetween(text, tq.end, first.start) ||
          !isCapitalised(tq.text) ||
          CAPITAL_STOPWORDS.has(tq.text)
        )
          break;
        taken.unshift(tq);
        committed = taken.length;
      }
      break;
    }
    if (CAPITAL_STOPWORDS.has(w)) break;
    const prevTok = toks[k - 1];
    if (
      isNPWord(w) ||
      (NAME_PARTICLES.has(w.toLowerCase()) && isCapitalised(nx.text)) ||
      (isCapitalised(nx.text) &&
        prevTok !== undefined &&
        isCapitalised(prevTok.text) &&
        !CAPITAL_STOPWORDS.has(prevTok.text) &&
        isInnerConnector(w, [prevTok]))
    ) {
      taken.unshift(t);
      if (unknown === 0) committed = taken.length;
      continue;
    }
    if (isLower(w[0]) && !isFunctionWord(w) && unknown < 2) {
      taken.unshift(t);
      unknown++;
      continue;
    }
    break;
  }
  const keep = taken.slice(taken.length - committed);
  // a lone lower-case unknown word is not a subject ("it seems like he bombs someone")
  if (keep.length === 1) {
    const w = (keep[0] as Token).text;
    if (!isHeadWord(w) && !SUBJECT_PRONOUNS.has(bare(w))) return null;
    if (!isCapitalised(w) && !SUBJECT_PRONOUNS.has(bare(w)) && det === '') {
      // bare plural ("officials", "sources", "analysts") is fine; bare singular role is not
      if (!bare(w).endsWith('s')) return null;
    }
  }
  const np = makeNP(text, keep, det);
  if (np) {
    // "sources familiar with the process", "a person close to the president"
    const i0 = toks.indexOf(keep[0] as Token);
    const prep = toks[i0 - 1];
    const adj = toks[i0 - 2];
    // "a spokeswoman for the transport department", "an official at the ministry"
    if (prep && ['for', 'at', 'of', 'from', 'with', 'in'].includes(prep.text) && np.kind !== 'pronoun') {
      const owner = npBackward(
        text,
        prep.start - 1 >= 0 && isSpace(text[prep.start - 1]) ? prep.start - 1 : prep.start,
        limit,
      );
      const oh = owner ? bare((owner.tokens[owner.head] as Token).text) : '';
      const human =
        ANON_HEADS.has(oh) ||
        ROLE_NOUNS.has(oh) ||
        ANON_HEADS.has(oh.replace(/s$/, '')) ||
        ROLE_NOUNS.has(oh.replace(/s$/, ''));
      if (
        owner &&
        owner.kind !== 'pronoun' &&
        human &&
        !isCapitalised((owner.tokens[owner.head] as Token).text)
      ) {
        return { ...owner, end: np.end, text: text.slice(owner.start, np.end) };
      }
      // "Tom Reid of the transit authority", "Dana Cole at The Boston Globe": a person's full name
      // with the body they belong to; the person speaks
      if (
        owner &&
        owner.kind === 'person' &&
        owner.det === '' &&
        owner.tokens.length >= 2 &&
        owner.tokens.every((t) => isCapitalised(t.text)) &&
        np.kind !== 'person' &&
        ['of', 'at', 'from', 'with'].includes(prep.text)
      ) {
        return { ...owner, end: np.end, text: text.slice(owner.start, np.end) };
      }
    }
    if (
      prep &&
      adj &&
      BACK_POSTMOD.has(adj.text.toLowerCase()) &&
      ['with', 'to', 'about', 'on', 'in'].includes(prep.text)
    ) {
      const head = npBackward(
        text,
        adj.start - 1 >= 0 && isSpace(text[adj.start - 1]) ? adj.start - 1 : adj.start,
        limit,
      );
      if (head && head.kind === 'anon') {
        return { ...head, end: np.end, text: text.slice(head.start, np.end) };
      }
    }
  }
  return np;
}

const BACK_POSTMOD = new Set(['familiar', 'close', 'knowledgeable', 'briefed', 'involved']);

// ---------------------------------------------------------------------------------------------
// Resolution

export interface Resolved {
  name: string;
  kind: EntityKind;
  /** Surname key for persons (used for salience), or the lower-cased description. */
  key: string;
}

export interface SpeakerHistoryItem {
  pos: number;
  /** The description is plural ("officials", "sources", "a … and a …"). */
  plural?: boolean;
  resolved: Resolved;
  /** Lower-cased words of the mention / description (for role-noun matching). */
  words: string[];
}

/** Lower-cases the first letter of a description unless it is a proper noun. */
function describe(np: NP): string {
  let s = np.text;
  const first = np.tokens[0] as Token;
  const fb = bare(first.text);
  const common =
    DETERMINERS.has(fb) ||
    ANON_HEADS.has(fb) ||
    ROLE_NOUNS.has(fb) ||
    ANON_HEADS.has(fb.replace(/s$/, '')) ||
    MODIFIERS.has(fb);
  if (common && isUpper(s[0]) && first.text.slice(1) === first.text.slice(1).toLowerCase())
    s = s[0]?.toLowerCase() + s.slice(1);
  return s;
}

/**
 * Names coordinated with `np` ("Maria Lopez and Tom Reid said", "said Ana Silva, Tom Reid and
 * Jo Park"): a speaker named by a coordination of personal names is the group of them, not its
 * nearest conjunct. Returns the phrase widened over the coordination, with its conjuncts, or null
 * when `np` is not one name of such a coordination. Only capitalised names count as conjuncts
 * ("the mayor and the auditor" are two reports more often than one joint speaker).
 */
export function coordination(text: string, np: NP): (NP & { conjuncts?: NP[] }) | null {
  const isName = (x: NP | null): x is NP =>
    x !== null && x.kind === 'person' && x.det === '' && isCapitalised((x.tokens[x.head] as Token).text);
  if (!isName(np)) return null;
  const parts: NP[] = [np];
  // leftwards: "A, B and np" / "A and np"
  let left = np.start;
  let sawAnd = false;
  for (let n = 0; n < 4; n++) {
    const before = text.slice(Math.max(0, left - 8), left);
    const m = /(?:,\s*and|\s+and|,)\s+$/.exec(before);
    if (!m || (m[0].trim() === ',' && !sawAnd && parts.length === 1)) break;
    const cut = left - m[0].length;
    const prev = npBackward(text, cut, Math.max(0, cut - 60));
    if (!isName(prev) || prev.end !== cut) break;
    // "Priya Nair of Ernst and Young": "and" joins the names inside the person's phrase of
    // affiliation, not two speakers; the person speaks
    if (affiliationAt(tokenize(text, prev.start, prev.end).map((t) => t.text)) > 0) {
      if (parts.length > 1 || m[0].trim() !== 'and') break;
      return { ...prev, end: np.end, text: text.slice(prev.start, np.end) };
    }
    if (m[0].includes('and')) sawAnd = true;
    parts.unshift(prev);
    left = prev.start;
    if (m[0].includes('and') && n > 0) break;
  }
  // rightwards: "np and B", "np, B and C"
  let right = np.end;
  for (let n = 0; n < 4 && !sawAnd; n++) {
    const after = text.slice(right, right + 8);
    const m = /^(?:,?\s+and\s+|,\s+)/.exec(after);
    if (!m) break;
    const at = right + m[0].length;
    const next = npForward(text, at, Math.min(text.length, at + 60), false);
    if (!isName(next) || next.start !== at) break;
    parts.push(next);
    right = next.end;
    if (m[0].includes('and')) sawAnd = true;
  }
  if (parts.length < 2 || !sawAnd) return null;
  const first = parts[0] as NP;
  const last = parts[parts.length - 1] as NP;
  return {
    ...np,
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
    tokens: parts.flatMap((x) => x.tokens),
    head: parts.slice(0, -1).reduce((a, x) => a + x.tokens.length, 0) + last.head,
    conjuncts: parts,
  };
}

function joinNames(names: string[]): string {
  if (names.length <= 2) return names.join(' and ');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export class Resolver {
  readonly history: SpeakerHistoryItem[] = [];

  /** "a report … by Politico": positions of "by X" after a document noun, with X. */
  private readonly docAuthors: Array<{ pos: number; np: NP }> = [];

  constructor(
    readonly text: string,
    readonly names: NameRegistry,
    private readonly insideQuote: (pos: number) => boolean = () => false,
    /** Reads whether a subject is plural (NNS, NNPS); without it, a head ending in -s is. */
    private readonly tagger: SentenceTagger | null = null,
  ) {
    const toks = tokenize(text, 0, text.length);
    for (let i = 0; i < toks.length; i++) {
      const t = toks[i] as Token;
      if (t.text !== 'by') continue;
      let doc = false;
      for (let j = i - 1; j >= 0 && j >= i - 8; j--) {
        const tj = toks[j] as Token;
        if (text.slice(tj.end, (toks[j + 1] as Token).start).includes('.')) break;
        if (DOC_HEADS.has(bare(tj.text))) doc = true;
      }
      if (!doc) continue;
      const np = npForward(text, t.end, Math.min(text.length, t.end + 120), false);
      if (np && isCapitalised((np.tokens[np.tokens.length - 1] as Token).text))
        this.docAuthors.push({ pos: t.start, np });
    }
    this.indexSenders(toks);
    this.indexDescriptions(toks);
  }

  /**
   * "the group sent a letter", "the ministry issued a statement": the subject of a finite verb
   * whose object is a new document is its author (read by the verb's tag).
   */
  private indexSenders(toks: Token[]): void {
    if (!this.tagger) return;
    const text = this.text;
    for (let i = 2; i < toks.length; i++) {
      const t = toks[i] as Token;
      if (!DOC_HEADS.has(bare(t.text))) continue;
      let d = i - 1;
      while (d > i - 4 && d > 0 && !['a', 'an'].includes((toks[d] as Token).text.toLowerCase())) d--;
      if (!['a', 'an'].includes((toks[d] as Token).text.toLowerCase()) || d < 1) continue;
      const verb = toks[d - 1] as Token;
      const tags = this.tagger(text, sentenceStart(text, verb.start, Math.max(0, verb.start - 300)), t.end);
      const vt = tags.find((x) => x.start === verb.start);
      if (!vt || (vt.tag !== 'VBD' && vt.tag !== 'VBZ')) continue;
      const subject = npBackward(text, verb.start - 1, Math.max(0, verb.start - 160));
      if (subject && subject.kind !== 'pronoun') this.docAuthors.push({ pos: t.start, np: subject });
    }
    this.docAuthors.sort((a, b) => a.pos - b.pos);
  }

  /**
   * Named bodies by the common nouns that describe them, for a later "the group", "the ministry":
   * an appositive ("Citizens for Ethics, a liberal watchdog group,") and the organisation word
   * inside a name ("the Ministry of Health", "the Standing Rock Sioux tribe"). An appositive of a
   * person adds a role to that person instead ("Tom Reid, a lawyer for the family,").
   */
  private readonly descriptions: Array<{ pos: number; head: string; name: string }> = [];

  private indexDescriptions(toks: Token[]): void {
    const text = this.text;
    for (let i = 1; i + 2 < toks.length; i++) {
      const t = toks[i] as Token;
      const det = t.text.toLowerCase();
      if (det !== 'a' && det !== 'an' && det !== 'the') continue;
      const prev = toks[i - 1] as Token;
      if (text.slice(prev.end, t.start).trim() !== ',' || !isCapitalised(prev.text)) continue;
      // the capitalised run before the comma
      let r = i - 1;
      while (r - 1 >= 0 && onlySpacesBetween(text, (toks[r - 1] as Token).end, (toks[r] as Token).start)) {
        const w = (toks[r - 1] as Token).text;
        if (!isCapitalised(w) && !['for', 'of', 'and', 'the', 'in', 'on', 'at'].includes(w)) break;
        r--;
      }
      while (r < i - 1 && !isCapitalised((toks[r] as Token).text)) r++;
      const nameToks = toks.slice(r, i);
      // the description's head: the last word before a preposition, a comma or the sentence end
      let h = i + 1;
      while (
        h + 1 < toks.length &&
        h < i + 8 &&
        onlySpacesBetween(text, (toks[h] as Token).end, (toks[h + 1] as Token).start) &&
        !isFunctionWord((toks[h + 1] as Token).text)
      )
        h++;
      const head = toks[h] as Token;
      if (!isLower(head.text[0] ?? '')) continue;
      const last = bare((nameToks[nameToks.length - 1] as Token).text);
      const person = this.names.bySurname.get(last);
      const desc = toks
        .slice(i + 1, h + 1)
        .map((x) => bare(x.text))
        .join(' ');
      if (person && person.tokens >= 2) this.names.addRole(last, desc);
      else if (!person && !SUBJECT_PRONOUNS.has(last))
        this.descriptions.push({
          pos: t.start,
          head: bare(head.text),
          name: stripPossessive(nameToks.map((x) => x.text).join(' ')),
        });
    }
  }

  /** The body last described by `head` before `pos` ("the group" → "Citizens for Ethics"). */
  private describedBody(head: string, pos: number): Resolved | null {
    for (let k = this.descriptions.length - 1; k >= 0; k--) {
      const d = this.descriptions[k] as { pos: number; head: string; name: string };
      if (d.pos >= pos) continue;
      if (pos - d.pos > 4000) break;
      if (d.head === head) return { name: d.name, kind: 'org', key: bare(d.name) };
    }
    return null;
  }

  /** The author of the document mentioned most recently before `pos`. */
  private recentDocAuthor(pos: number): Resolved | null {
    for (let k = this.docAuthors.length - 1; k >= 0; k--) {
      const d = this.docAuthors[k] as { pos: number; np: NP };
      if (d.pos < pos) return this.resolve(d.np);
    }
    return null;
  }

  /** Records a resolved speaker at `pos` (for later pronoun and role-noun resolution). */
  remember(pos: number, resolved: Resolved, words: string[]): void {
    this.history.push({ pos, resolved, words });
  }

  /**
   * Records the speaker named by `np`. A joint description ("a person close to X and a U.S.
   * official familiar with Y") is remembered as a whole and as its parts, the first-named part
   * last so that a later "the source" picks the first-named source.
   */
  rememberNP(np: NP | null, resolved: Resolved, pos: number): void {
    if (!np) {
      this.history.push({ pos, resolved, words: [] });
      return;
    }
    const words = npWords(this.text, np);
    const headW = words[words.length - 1] ?? '';
    // a plural head noun ("residents"), not a name that ends in -s ("Hicks")
    const nameLast = resolved.name.split(' ').pop() ?? '';
    const plural =
      (headW.endsWith('s') && !isCapitalised(nameLast)) ||
      words.includes('and') ||
      ((headW === 'they' || headW === 'their') && resolved.kind !== 'person');
    this.history.push({ pos, resolved, words, plural });
    if (resolved.kind !== 'anon') return;
    const parts = splitConjuncts(this.text, np);
    for (let i = parts.length - 1; i >= 0 && parts.length > 1; i--) {
      const part = parts[i] as NP;
      const pw = npWords(this.text, part);
      this.history.push({
        pos,
        resolved: { name: describe(part), kind: 'anon', key: pw.join(' ') },
        words: pw,
        plural: false,
      });
    }
  }

  /**
   * Antecedent of he/she at `pos`: a definite role noun earlier in the same sentence ("the
   * Israeli leader … his"), else the nearest sentence that names a person: the last speaker if
   * named there, otherwise its first subject-like mention (not a possessor, not after a
   * preposition).
   */
  /** The person a quotation with no attribution at `pos` most likely belongs to (salience, either sex). */
  contextPerson(pos: number): Resolved | null {
    return this.recentPerson(pos, null);
  }

  private recentPerson(pos: number, female: boolean | null, possessive = false): Resolved | null {
    const occ = this.names.occurrences;
    let lo = 0;
    let hi = occ.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((occ[mid] as NameOccurrence).start < pos) lo = mid + 1;
      else hi = mid;
    }
    const lastSpeaker = this.lastPersonSpeaker(pos);
    const ok = (o: NameOccurrence): boolean => {
      const info = this.names.bySurname.get(o.surname);
      if (!info || o.modifier) return false;
      return female === null || info.female === null || info.female === female;
    };
    let k = lo - 1;
    while (k >= 0 && !ok(occ[k] as NameOccurrence)) k--;
    const nearest = occ[k];
    const ownStart = sentenceStart(this.text, pos, Math.max(0, pos - 600));
    if (!nearest || nearest.start < ownStart) {
      const role = this.roleInSpan(ownStart, pos);
      if (role) return role;
    }
    // "The first lady spoke in Ohio. “…,” she said.": a role-noun subject named after every
    // person and after the last speaker is the antecedent
    const roleSubject = this.roleSubjectBefore(ownStart, female);
    if (
      roleSubject &&
      (!nearest || nearest.start < roleSubject.pos) &&
      this.lastPersonSpeakerPos(pos) < roleSubject.pos
    )
      return roleSubject.resolved;
    if (!nearest || pos - nearest.start > 3000) return lastSpeaker;
    // Salience: the pronoun's antecedent is the subject of the nearest sentence that has a fitting
    // person as subject; sentences naming people only as objects or possessors (a caption's
    // "killed at …", "Yoon’s approval rating") are passed over, back to the last speaker.
    const lastSpeakerPos = lastSpeaker ? this.lastOccurrence(lastSpeaker.key, pos) : -1;
    let fallback: NameOccurrence | null = null;
    let q = k;
    for (let sentences = 0; q >= 0 && sentences < 4; sentences++) {
      const first = occ[q] as NameOccurrence;
      if (pos - first.start > 3000) break;
      const ss = sentenceStart(this.text, first.start, Math.max(0, first.start - 600));
      const inSentence: NameOccurrence[] = [];
      for (; q >= 0; q--) {
        const o = occ[q] as NameOccurrence;
        if (o.start < ss) break;
        if (ok(o)) inSentence.unshift(o);
      }
      fallback ??= inSentence[0] ?? null;
      // a possessive pronoun may take a possessor of its own sentence ("Ana Ruiz’s stance on
      // taxes and her vow that …"); other sentences count only their subjects
      const own =
        possessive &&
        ss <= pos &&
        pos - ss < 600 &&
        sentenceStart(this.text, pos, Math.max(0, pos - 600)) === ss;
      const subjects = inSentence.filter((o) => (!o.possessive || own) && !o.object);
      if (lastSpeaker && inSentence.some((o) => o.surname === lastSpeaker.key)) {
        if (subjects.length === 0 || subjects.some((o) => o.surname === lastSpeaker.key)) return lastSpeaker;
      }
      const pick = subjects[0];
      if (pick) {
        const info = this.names.bySurname.get(pick.surname);
        if (info) return { name: info.name, kind: 'person', key: pick.surname };
      }
      if (lastSpeaker && lastSpeakerPos >= ss) return lastSpeaker;
      while (q >= 0 && !ok(occ[q] as NameOccurrence)) q--;
    }
    if (lastSpeaker) return lastSpeaker;
    const pick = fallback ?? nearest;
    const info = this.names.bySurname.get(pick.surname);
    return info ? { name: info.name, kind: 'person', key: pick.surname } : null;
  }

  /** A definite role-noun phrase ("the Israeli leader") in [from, to) that resolves to a person. */
  /**
   * The person named as the subject of the nearest sentence in [from, to) that names one: its
   * first name occurrence, when that is not an object, a possessor or a modifier. For a quotation
   * without attribution in a paragraph about someone. Null when there is none.
   */
  subjectPersonIn(from: number, to: number): Resolved | null {
    // the occurrences in [from, to), found by binary search (they are in text order)
    const all = this.names.occurrences;
    let lo = 0;
    let hi = all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((all[mid] as NameOccurrence).start < from) lo = mid + 1;
      else hi = mid;
    }
    const occ: NameOccurrence[] = [];
    for (let k = lo; k < all.length && (all[k] as NameOccurrence).start < to; k++) {
      const o = all[k] as NameOccurrence;
      if (o.end <= to && !this.insideQuote(o.start)) occ.push(o);
    }
    const sentences = new Map<number, NameOccurrence>();
    for (const o of occ) {
      const ss = sentenceStart(this.text, o.start, Math.max(from, o.start - 600));
      if (!sentences.has(ss)) sentences.set(ss, o);
    }
    const pick = [...sentences.entries()].sort((a, b) => b[0] - a[0])[0]?.[1];
    if (!pick || pick.possessive || pick.object || pick.modifier) return null;
    const info = this.names.bySurname.get(pick.surname);
    return info ? { name: info.name, kind: 'person', key: pick.surname } : null;
  }

  private lastPersonSpeakerPos(pos: number): number {
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k] as SpeakerHistoryItem;
      if (h.pos > pos) continue;
      if (pos - h.pos > 4000) return -1; // bounded, as in lastPersonSpeaker
      if (h.resolved.kind === 'person') return h.pos;
    }
    return -1;
  }

  /**
   * The subject of the sentence before `ownStart` when it is a definite singular role noun of a
   * fitting gender ("The first lady", "the county's chief medic"), resolved to the person with
   * that role when there is one, else kept as the description.
   */
  private roleSubjectBefore(
    ownStart: number,
    female: boolean | null,
  ): { pos: number; resolved: Resolved } | null {
    let e = ownStart - 1;
    while (e > 0 && isSpace(this.text[e])) e--;
    if (e <= 0) return null;
    const ss = sentenceStart(this.text, e, Math.max(0, e - 600));
    if (this.insideQuote(ss) || isQuoteChar(this.text[ss])) return null;
    const np = npForward(this.text, ss, ownStart, false);
    if (!np || np.start !== ss || np.det !== 'the' || np.tokens.length < 2) return null;
    const words = np.tokens.map((x) => bare(x.text));
    const head = words[np.head] ?? '';
    if (np.kind !== 'person' && np.kind !== 'anon') return null;
    const human = ROLE_NOUNS.has(head) || TITLES.has(head) || FEMALE_ROLES.has(head) || MALE_ROLES.has(head);
    if (/[^s]s$/.test(head) || !human) return null; // plural ("duchess" is not)
    if (female !== null) {
      if (words.some((w) => (female ? MALE_ROLES : FEMALE_ROLES).has(w))) return null;
    }
    const resolved = this.resolveRole(np, words, head) ?? {
      name: describe(np),
      kind: 'anon',
      key: words.join(' '),
    };
    return { pos: ss, resolved };
  }

  private roleInSpan(from: number, to: number): Resolved | null {
    const toks = tokenize(this.text, from, to);
    for (let i = toks.length - 1; i >= 0; i--) {
      const t = toks[i] as Token;
      if (t.text.toLowerCase() !== 'the' || this.insideQuote(t.start)) continue;
      const np = npForward(this.text, t.start, to, false);
      if (!np || np.tokens.length < 2) continue;
      const head = bare((np.tokens[np.tokens.length - 1] as Token).text);
      if (!ROLE_NOUNS.has(head) && !TITLES.has(head)) continue;
      const r = this.resolveRole(
        np,
        np.tokens.map((x) => bare(x.text)),
        head,
      );
      if (r && r.kind === 'person') return r;
    }
    return null;
  }

  private lastPersonSpeaker(pos: number): Resolved | null {
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k] as SpeakerHistoryItem;
      if (h.pos > pos) continue;
      if (pos - h.pos > 4000) return null;
      if (h.resolved.kind === 'person') return h.resolved;
    }
    return null;
  }

  /**
   * Antecedent of "they"/"their": the nearest plural subject — a plural noun phrase ("Residents",
   * "the researchers") or coordinated names — that opens one of the three sentences before the
   * pronoun's, or a plural speaker remembered since (", residents said"), whichever is nearer.
   * Null when there is none; a collective body ("the union … they") is the caller's fallback.
   */
  private recentGroup(pos: number): Resolved | null {
    // the nearest speaker that "they" can stand for: a plural one, or a body (then the caller's)
    let remembered: SpeakerHistoryItem | null = null;
    let body = -1;
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k] as SpeakerHistoryItem;
      if (h.pos >= pos) continue;
      if (pos - h.pos > 1500) break;
      if (h.plural) {
        remembered = h;
        break;
      }
      if (h.resolved.kind === 'org' || h.resolved.kind === 'pub') {
        body = h.pos;
        break;
      }
    }
    // the pronoun's own sentence first ("Officials went to the station, where they claimed …")
    const own = sentenceStart(this.text, pos, Math.max(0, pos - 600));
    const ownSubject = own < pos ? this.groupSubjectAt(own, pos) : null;
    if (ownSubject && (!remembered || remembered.pos < own) && body < own) {
      const r = this.resolve(ownSubject);
      if (r) return r;
    }
    let end = own;
    for (let n = 0; n < 3 && end > 0 && pos - end < 1500; n++) {
      const ss = sentenceStart(this.text, end - 1, Math.max(0, end - 600));
      if ((remembered && remembered.pos >= ss) || body >= ss) break;
      const np = this.groupSubjectAt(ss, end);
      const r = np ? this.resolve(np) : null;
      if (r) return r;
      end = ss;
    }
    return remembered?.resolved ?? null;
  }

  /**
   * The subject opening the sentence [ss, end) when "they" can stand for it: plural ("Residents",
   * "Ana Ruiz and Li Wei") or a body ("The company said …").
   */
  /** A plural common noun phrase at `from` read by its tags ("church officials met …"). */
  private taggedPlural(from: number, end: number): NP | null {
    if (!this.tagger) return null;
    const tags = this.tagger(this.text, from, end);
    let j = 0;
    if (tags[0]?.tag === 'DT' || tags[0]?.tag === 'PRP$') j++;
    while (j < tags.length && /^(JJ|CD|NN|NNP|VBN)$/.test((tags[j] as { tag: string }).tag)) j++;
    const head = tags[j];
    if (head?.tag !== 'NNS' || head.start < from) return null;
    return npOfSpan(this.text, from, head.end);
  }

  private groupSubjectAt(sentence: number, end: number): NP | null {
    let ss = sentence;
    const c = this.text[ss];
    if (this.insideQuote(ss) || isQuoteChar(c)) return null;
    // past a fronted phrase of time or place ("On September 29, officials …")
    const first = tokenize(this.text, ss, Math.min(end, ss + 80));
    const lead = first[0]?.text.toLowerCase() ?? '';
    if (PREPOSITIONS.has(lead) || lead === 'in' || lead === 'after' || lead === 'on') {
      const comma = this.text.indexOf(',', ss);
      if (comma > ss && comma < Math.min(end, ss + 80)) {
        ss = comma + 1;
        while (ss < end && isSpace(this.text[ss])) ss++;
      }
    }
    const sEnd = Math.min(end, sentenceEnd(this.text, ss, end));
    const np = npForward(this.text, ss, sEnd, false) ?? this.taggedPlural(ss, sEnd);
    if (!np || np.start !== ss || np.kind === 'pronoun') return null;
    if ((np.kind === 'org' || np.kind === 'pub') && np.det !== '') return np;
    const joint = coordination(this.text, np);
    if (joint?.conjuncts) return joint;
    const head = np.tokens[np.head] as Token;
    if (this.tagger) {
      const tags = this.tagger(this.text, ss, Math.min(end, np.end + 40));
      const t = tags.find((x) => x.start === head.start);
      return t && (t.tag === 'NNS' || (t.tag === 'NNPS' && head.start === ss)) ? np : null;
    }
    if (isCapitalised(head.text) && head.start !== ss) return null; // a name
    return /[^s]s$/.test(head.text) ? np : null;
  }

  private recentOfKind(pos: number, pred: (h: SpeakerHistoryItem) => boolean): Resolved | null {
    for (let k = this.history.length - 1; k >= 0; k--) {
      const h = this.history[k] as SpeakerHistoryItem;
      if (h.pos > pos) continue;
      if (pred(h)) return h.resolved;
    }
    return null;
  }

  /** Resolves a noun phrase that names a speaker. */
  resolve(np: NP): Resolved | null {
    const conjuncts = (np as NP & { conjuncts?: NP[] }).conjuncts;
    if (conjuncts) {
      const names: string[] = [];
      for (const c of conjuncts) {
        const r = this.resolve(c);
        if (r?.kind !== 'person') return this.resolve(conjuncts[conjuncts.length - 1] as NP);
        names.push(r.name);
      }
      const nm = joinNames(names);
      return { name: nm, kind: 'anon', key: nm.toLowerCase() };
    }
    const head = np.tokens[np.head] as Token;
    const headBare = bare(head.text);
    if (np.kind === 'pronoun') {
      if (headBare === 'he' || headBare === 'his' || headBare === 'she' || headBare === 'her') {
        return this.recentPerson(
          np.start,
          headBare === 'she' || headBare === 'her',
          headBare === 'his' || headBare === 'her',
        );
      }
      if (headBare === 'they' || headBare === 'their') {
        const group = this.recentGroup(np.start);
        if (group) return group;
      }
      if (
        headBare === 'they' ||
        headBare === 'their' ||
        headBare === 'it' ||
        headBare === 'its' ||
        headBare === 'whose'
      ) {
        return (
          this.recentOfKind(np.start, (h) => h.resolved.kind !== 'person' && !h.plural) ??
          this.recentDocAuthor(np.start) ??
          null
        );
      }
      return null; // I, we, you: the writer or someone inside a quote
    }
    if (
      np.kind === 'person' &&
      isCapitalised(head.text) &&
      !this.names.lookup(head.text) &&
      np.det === 'the' &&
      (TITLES.has(headBare) || ROLE_NOUNS.has(headBare))
    ) {
      const words = np.tokens.map((t) => bare(t.text));
      const r = this.resolveRole(np, words, headBare);
      if (r) return r;
    }
    // "Executive director of the Council on Health Care Alia Salem": a role with its body, then the
    // person's name, which begins at a given name
    const texts = tokenize(this.text, np.start, np.end).map((t) => t.text);
    const aff = affiliationAt(texts);
    if (aff > 0) {
      const last = texts[aff - 1] ?? '';
      const nm = stripPossessive(texts.slice(0, aff).join(' '));
      return { name: nm, kind: 'person', key: this.names.keyOf(last) ?? bare(last) };
    }
    const g = (np.tokens[np.head] as Token).end === np.end ? givenNameStart(texts) : 0;
    if (g > 0 && texts.slice(g).every(isCapitalised)) {
      const last = texts[texts.length - 1] ?? '';
      const nm = stripPossessive(texts.slice(g).join(' '));
      return { name: nm, kind: 'person', key: this.names.keyOf(last) ?? bare(last) };
    }
    // "Some in the party", "Those around the mayor", "Many of them": a determiner standing as the
    // head of its phrase is a group described by what follows; never the body named after it
    const t1 = np.tokens[1];
    if (
      t1 &&
      DETERMINERS.has(bare((np.tokens[0] as Token).text)) &&
      (PREPOSITIONS.has(bare(t1.text)) || bare(t1.text) === 'in' || bare(t1.text) === 'around')
    )
      return { name: describe(np), kind: 'anon', key: np.tokens.map((t) => bare(t.text)).join(' ') };
    // "another commonwealth Democrat", "one Nevada Republican": a party member or a national
    // described, not named
    if (
      np.det !== '' &&
      np.det !== 'the' &&
      np.det !== 'poss' &&
      np.head === np.tokens.length - 1 &&
      (DEMONYMS.has(stripPossessive(head.text)) || DEMONYMS.has(stripPossessive(head.text).replace(/s$/, '')))
    )
      return { name: describe(np), kind: 'anon', key: np.tokens.map((t) => bare(t.text)).join(' ') };
    if (np.kind === 'person' && isCapitalised(head.text)) {
      // "Lena Marsh" when "Marsh" alone is someone else
      for (let k = np.head - 1; k >= 0 && isCapitalised((np.tokens[k] as Token).text); k--) {
        const given = (np.tokens[k] as Token).text;
        const other = this.names.lookupFull(given, head.text);
        if (other) return { name: other.name, kind: 'person', key: `${bare(given)} ${headBare}` };
      }
      // name: find last capitalised run
      const info = this.names.lookup(head.text, np.start);
      if (info) {
        // record roles seen in this mention
        return {
          name: info.name,
          kind: 'person',
          key: this.names.keyOf(head.text, np.start) ?? bare(head.text),
        };
      }
      // the final capitalised run of the phrase, titles stripped ("analyst Kevin Park")
      const run: string[] = [];
      for (let i = np.tokens.length - 1; i >= 0; i--) {
        const w = (np.tokens[i] as Token).text;
        if (
          isCapitalised(w) ||
          (run.length > 0 &&
            (NAME_PARTICLES.has(w.toLowerCase()) || isInnerConnector(w, np.tokens.slice(0, i))))
        )
          run.unshift(w);
        else break;
      }
      while (
        run.length > 1 &&
        (TITLES.has(bare(run[0] ?? '')) || CAPITAL_STOPWORDS.has(run[0] ?? '') || run[0] === 'of')
      )
        run.shift();
      // "Minister of Education Stefania Giannini": the name begins at its given name
      const g = givenNameStart(run);
      if (g > 0) run.splice(0, g);
      const nm = stripPossessive(run.join(' '));
      const titled = np.tokens.some((t) => TITLES.has(bare(t.text)) || ROLE_NOUNS.has(bare(t.text)));
      return {
        name: nm,
        kind: run.length >= 2 && titled ? 'person' : 'org',
        key: bare(run[run.length - 1] ?? nm),
      };
    }
    if (np.kind === 'pub') {
      const words = np.tokens.filter((t) => bare(t.text) !== 'the' || np.tokens.length === 1);
      const nm = stripPossessive(words.map((t) => t.text).join(' '));
      const withThe = np.det === 'the' ? `The ${nm}` : nm;
      return { name: withThe, kind: 'pub', key: bare(nm) };
    }
    const words = np.tokens.map((t) => bare(t.text));
    // "his office", "her spokesman", "its board": the organisation or aide of the person (or
    // body) the possessive pronoun stands for ("Alan Whitfield's office")
    if ((np.det === 'his' || np.det === 'her' || np.det === 'its') && np.tokens.length > 1) {
      const first = np.tokens[0] as Token;
      const owner = this.resolve({
        ...np,
        end: first.end,
        text: first.text,
        tokens: [first],
        head: 0,
        kind: 'pronoun',
      });
      if (owner) {
        const nm = `${owner.name}\u2019s ${np.tokens
          .slice(1)
          .map((t) => t.text)
          .join(' ')}`;
        return { name: nm, kind: np.kind === 'org' ? 'org' : 'anon', key: bare(nm) };
      }
    }
    const definite = np.det === 'the' || np.det === 'this' || np.det === 'that' || np.det === 'poss';
    if (np.kind === 'doc') {
      // "a report by Politico", "a statement from the ministry": the document's author, written
      // after it (inside the phrase or right after it)
      const headEnd = (np.tokens[np.head] as Token).end;
      const m = /^ (by|from) /.exec(this.text.slice(headEnd, headEnd + 6));
      if (m) {
        const agentStart = headEnd + m[0].length;
        const agent = npForward(this.text, agentStart, Math.min(this.text.length, agentStart + 120), false);
        const last = agent ? (agent.tokens[agent.tokens.length - 1] as Token) : null;
        if (agent && last && (isCapitalised(last.text) || agent.kind === 'org' || agent.kind === 'person'))
          return this.resolve(agent);
      }
    }
    if (np.kind === 'doc' && definite && np.det !== 'poss') {
      const author = this.recentDocAuthor(np.start);
      if (author) return author;
      // "the report" → the publication/organisation that produced the most recent report
      const prev = this.recentOfKind(
        np.start,
        // an earlier document only when it is the same one ("the report" … "the report"), not
        // another ("the audit" … "the letter")
        (h) =>
          h.resolved.kind === 'pub' ||
          h.resolved.kind === 'org' ||
          (h.resolved.kind === 'doc' && h.words.includes(headBare)),
      );
      if (prev) return prev;
      return { name: describe(np), kind: 'doc', key: words.join(' ') };
    }
    if (definite && np.det !== 'poss') {
      // role noun: "the Prime Minister", "the source", "the Albanian leader", "the U.S. official"
      const r = this.resolveRole(np, words, headBare);
      if (r) return r;
    }
    if (np.det === 'poss') {
      // "Trump’s Middle East envoy": keep as description
      return { name: describe(np), kind: np.kind === 'org' ? 'org' : 'anon', key: words.join(' ') };
    }
    if (np.kind === 'org') {
      const prev = definite
        ? this.recentOfKind(np.start, (h) => h.resolved.kind === 'org' && h.words.includes(headBare))
        : null;
      if (prev) return prev;
      // "the group" after "Citizens for Ethics, a liberal watchdog group"
      const bareDefinite = np.det === 'the' && words.filter((w) => !DETERMINERS.has(w)).length === 1;
      const described = bareDefinite ? this.describedBody(headBare, np.start) : null;
      if (described) return described;
      // A bare "the administration" with none named before as a speaker: the "X administration"
      // the article named last, or, in news English, the administration of the president the
      // article names ("Trump administration").
      if (
        definite &&
        headBare === 'administration' &&
        words.filter((w) => !DETERMINERS.has(w)).length === 1
      ) {
        const named = this.namedAdministration(np.start);
        if (named) return { name: named, kind: 'org', key: bare(named) };
        const president = this.recentPresident(np.start);
        if (president) {
          const nm = `${president} administration`;
          return { name: nm, kind: 'org', key: bare(nm) };
        }
      }
      const nm = np.tokens
        .filter((t, i) => !(i === 0 && DETERMINERS.has(bare(t.text))))
        .map((t) => t.text)
        .join(' ');
      return { name: nm, kind: 'org', key: bare(nm) };
    }
    return { name: describe(np), kind: 'anon', key: words.join(' ') };
  }

  private resolveRole(np: NP, words: string[], headBare: string): Resolved | null {
    const content = words.filter((w) => !DETERMINERS.has(w));
    const roleStr = content.join(' ');
    // anonymous source mentioned before with the same head ("the source", "the U.S. official",
    // "the source close to Trump’s national security team")
    if (ANON_HEADS.has(headBare) || ANON_HEADS.has(headBare.replace(/s$/, ''))) {
      const all = npWords(this.text, np).filter((w) => !DETERMINERS.has(w) && !STOP_IN_DESC.has(w));
      const headIdx = all.indexOf(headBare);
      const mods = headIdx >= 0 ? all.slice(0, headIdx) : all.filter((w) => w !== headBare);
      const post = headIdx >= 0 ? all.slice(headIdx + 1) : [];
      const singular = !headBare.endsWith('s');
      const anon = this.recentOfKind(np.start, (h) => {
        if (h.resolved.kind !== 'anon') return false;
        const hw = h.words;
        const sameHead = hw.some((w) => w === headBare || w === `${headBare}s` || `${w}s` === headBare);
        const genericSource = headBare === 'source' || headBare === 'sources';
        if (!sameHead && !genericSource) return false;
        if (genericSource && !sameHead && singular && h.plural) return false;
        if (!mods.every((m) => hw.includes(m))) return false;
        if (post.length > 0) {
          let inter = 0;
          for (const w of post) if (hw.includes(w)) inter++;
          if (inter / post.length < 0.5) return false;
        }
        return true;
      });
      if (anon) return anon;
      if (post.length > 0 || mods.length > 0) return null;
    }
    // person with that role among the registry (most recent mention wins)
    let best: Resolved | null = null;
    let bestPos = -1;
    for (const [surname, info] of this.names.bySurname) {
      let match = false;
      for (const r of info.roles) {
        if (
          r === roleStr ||
          r.endsWith(` ${roleStr}`) ||
          r.includes(roleStr) ||
          (content.length >= 1 && r.endsWith(headBare) && roleAdjMatch(content, r))
        ) {
          match = true;
          break;
        }
      }
      if (!match) continue;
      const p = this.lastOccurrence(surname, np.start);
      if (p > bestPos) {
        bestPos = p;
        best = { name: info.name, kind: 'person', key: surname };
      }
    }
    if (best) return best;
    // leader-type nouns: the most recent person with any leadership title
    if (LEADER_NOUNS.has(headBare)) {
      for (const [surname, info] of this.names.bySurname) {
        let match = false;
        for (const r of info.roles) if (LEADER_TITLES.some((lt) => r.includes(lt))) match = true;
        if (!match) continue;
        const p = this.lastOccurrence(surname, np.start);
        if (p > bestPos) {
          bestPos = p;
          best = { name: info.name, kind: 'person', key: surname };
        }
      }
      if (best) return best;
    }
    // the author / the writer: the most recent person
    if (headBare === 'author' || headBare === 'writer') return this.recentPerson(np.start, null);
    return null;
  }

  /** "X administration" phrases of the text, in order (found once, on first need). */
  private administrations: Array<{ pos: number; name: string }> | null = null;

  /** "Harmon administration": the last administration named by a capitalised word before `pos`. */
  private namedAdministration(pos: number): string | null {
    if (!this.administrations) {
      this.administrations = [];
      for (const m of this.text.matchAll(/(\p{Lu}[\p{Ll}’'-]{1,30}) administration\b/gu)) {
        const word = m[1] ?? '';
        if (DETERMINERS.has(bare(word)) || CAPITAL_STOPWORDS.has(word)) continue;
        this.administrations.push({ pos: m.index, name: `${stripPossessive(word)} administration` });
      }
    }
    let found: string | null = null;
    for (const a of this.administrations) {
      if (a.pos >= pos) break;
      found = a.name;
    }
    return found;
  }

  /**
   * The surname of the president mentioned last before `pos` (or first after it): a person whose
   * titles include "president" but not "vice president".
   */
  private recentPresident(pos: number): string | null {
    let best: string | null = null;
    let bestPos = -Infinity;
    for (const [surname, info] of this.names.bySurname) {
      const president = [...info.roles].some((r) => /(^| )president$/.test(r) && !/\bvice\b/.test(r));
      if (!president) continue;
      const p = this.lastOccurrence(surname, pos);
      const at = p >= 0 ? p : -1e9;
      if (at > bestPos) {
        bestPos = at;
        best = info.name.split(' ').at(-1) ?? null;
      }
    }
    return best;
  }

  lastOccurrence(surname: string, before: number): number {
    const occ = this.names.occurrences;
    let lo = 0;
    let hi = occ.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((occ[mid] as NameOccurrence).start < before) lo = mid + 1;
      else hi = mid;
    }
    for (let k = lo - 1; k >= 0 && k > lo - 400; k--) {
      if ((occ[k] as NameOccurrence).surname === surname) return (occ[k] as NameOccurrence).start;
    }
    return -1;
  }
}

const LEADER_NOUNS = new Set(['leader', 'president', 'premier', 'chancellor', 'head', 'chief']);
const LEADER_TITLES = ['president', 'prime minister', 'premier', 'chancellor', 'king', 'emir', 'leader'];

function roleAdjMatch(content: string[], role: string): boolean {
  // all content words of the mention appear in the role phrase
  return content.every((w) => role.split(' ').includes(w));
}

const STOP_IN_DESC = new Set([
  'to',
  'with',
  'of',
  'on',
  'in',
  'the',
  'a',
  'an',
  'and',
  'about',
  'for',
  'both',
]);

/** Lower-cased words of a noun phrase's full text (including a post-modifier). */
export function npWords(text: string, np: NP): string[] {
  return tokenize(text, np.start, np.end).map((t) => bare(t.text));
}

/** "a person close to X and a U.S. official familiar with Y" → the two descriptions. */
function splitConjuncts(text: string, np: NP): NP[] {
  const toks = tokenize(text, np.start, np.end);
  const out: NP[] = [];
  let from = 0;
  for (let i = 1; i + 1 < toks.length; i++) {
    const t = toks[i] as Token;
    const n = toks[i + 1] as Token;
    if (
      t.text === 'and' &&
      (n.text === 'a' || n.text === 'an' || n.text === 'the' || n.text === 'one' || n.text === 'another')
    ) {
      const part = toks.slice(from, i);
      const np1 = partNP(text, part);
      if (np1) out.push(np1);
      from = i + 1;
    }
  }
  if (out.length === 0) return [];
  const last = partNP(text, toks.slice(from));
  if (last) out.push(last);
  return out;
}

function partNP(text: string, toks: Token[]): NP | null {
  if (toks.length === 0) return null;
  const first = toks[0] as Token;
  const last = toks[toks.length - 1] as Token;
  const det = bare(first.text);
  return {
    start: first.start,
    end: last.end,
    text: text.slice(first.start, last.end),
    tokens: toks,
    head: toks.length - 1,
    kind: 'anon',
    det: DETERMINERS.has(det) ? det : '',
  };
}
