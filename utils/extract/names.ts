/**
 * Names in the text: capitalised runs, where a person's name begins and ends in them, and the
 * document's name registry (fullest form per surname, occurrences, aliases).
 */

import { givenName } from '../nlp/given-names';
import {
  CAPITAL_STOPWORDS,
  DEMONYMS,
  FEMALE_ROLES,
  MALE_ROLES,
  MONTHS,
  NAME_PARTICLES,
  NON_PERSON_WORDS,
  PUBLICATION_TAILS,
  PUBLICATIONS,
  TITLES,
  WEEKDAYS,
} from './lexicon';
import {
  isLetter,
  isPossessive,
  isSpace,
  isUpper,
  key,
  norm,
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
export const MODIFIERS = new Set(
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

export function bare(word: string): string {
  return key(word).replace(/\.$/, '');
}

export function onlySpacesBetween(text: string, a: number, b: number): boolean {
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

export const PREPOSITIONS = new Set([
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
export const RUN_CONNECTORS = new Set(['of', 'on', 'for', 'at', 'to', 'the', 'in', '-', '–']);

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

export function isArticle(w: string): boolean {
  const b = w.toLowerCase();
  return b === 'a' || b === 'an' || b === 'the';
}

export function fullKey(name: string[]): string {
  return `${bare(name[0] ?? '')} ${bare(stripPossessive(name[name.length - 1] ?? ''))}`;
}

// ---------------------------------------------------------------------------------------------
// Noun-phrase scanning
