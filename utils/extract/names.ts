/**
 * Names in the text: the document's name registry, read from its capitalised runs (fullest form
 * per surname, occurrences, aliases). Where a name begins and ends in a run is name-parts.ts.
 */

import { EntityVotes } from '../nlp/entity';
import { givenName } from '../nlp/given-names';
import { FEMALE_ROLES, MALE_ROLES, TITLES } from './lexicon';
import {
  bare,
  capitalisedRun,
  HeadingLines,
  isArticle,
  isCapitalised,
  isPhotoCredit,
  nameWithoutLead,
  onlySpacesBetween,
  personNameFrom,
  properAtStart,
  sentenceInitial,
  tailAfter,
} from './name-parts';
import { objectAfter } from './name-role';
import { isLetter, isPossessive, stripPossessive, type Token, tokenize } from './text';

export * from './name-parts';

export type EntityKind = 'person' | 'anon' | 'org' | 'pub' | 'doc' | 'pronoun';

export interface Mention {
  start: number;
  end: number;
  text: string;
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
  /** The fullest form opens with a sentence's first word, no given name ("Longtime …"). */
  unsureLead?: boolean;
  /** The forms of the name seen without such a first word (`nameWithoutLead`). */
  forms?: Set<string>;
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

export class NameRegistry {
  readonly bySurname = new Map<string, NameInfo>();
  /** People who share a surname with someone named earlier, by "given surname". */
  readonly byFull = new Map<string, NameInfo>();
  readonly occurrences: NameOccurrence[] = [];
  /** The entity typer's votes, one per occurrence, by surname key. */
  private readonly types = new EntityVotes();

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
    const runs: CapitalRun[] = [];
    const headings = new HeadingLines(text);
    let i = 0;
    let beat = 0;
    while (i < toks.length) {
      if ((++beat & 4095) === 0) yield;
      const t = toks[i];
      if (!t || !isCapitalised(t.text)) {
        i++;
        continue;
      }
      const run = capitalisedRun(text, toks, i);
      const len = run.length;
      // "Replied Stephen Jones", "Longtime Democrat Ana Ruiz": a sentence's first word is
      // capitalised by its place; the tagger says whether it belongs to the name
      const initial = len >= 2 && sentenceInitial(text, toks[i - 1], run[0] as Token);
      const lead = initial && !properAtStart(text, run);
      const dropped = lead ? run.shift() : undefined;
      const unsureLead = initial && !lead && givenName((run[0] as Token).text) === null;
      if (!isPhotoCredit(text, run) && !headings.on((run[0] as Token).start))
        runs.push({ run, prev: dropped ?? toks[i - 1], index: lead ? i + 1 : i, unsureLead });
      i += len;
    }
    // pass 1: names (fullest form per surname); pass 2: occurrences of known surnames
    yield;
    const parsed: ParsedRun[] = [];
    for (const r of runs) {
      if ((++beat & 1023) === 0) yield;
      parsed.push({ ...r, res: this.addRun(r.run, continuesName(text, r), r.unsureLead) });
    }
    this.leadOfSentence();
    this.indexGivenNames();
    for (const p of parsed) {
      if ((++beat & 4095) === 0) yield;
      const o = this.occurrenceOf(p, insideQuote);
      if (!o) continue;
      this.occurrences.push(o);
      this.typeVote(o.surname, toks, p);
    }
  }

  /** Adds one mention's evidence to what the document says its name is (person, place, …). */
  private typeVote(key: string, toks: readonly Token[], p: ParsedRun): void {
    // a person's affiliation after the name is no evidence about the name ("… of Ohio State University")
    const kept = p.run.length - (p.res?.tail ?? 0);
    const end = p.index + kept;
    // a title before the name is context, not the name ("Assistant U.S. Attorney | Keisha Morland")
    const from = p.index + Math.max(0, kept - (p.res?.nameLen ?? kept));
    this.types.add(key, {
      words: toks.slice(from, end).map((t) => t.text),
      before: toks.slice(Math.max(0, from - 2), from).map((t) => t.text),
      after: toks.slice(end, end + 2).map((t) => t.text),
    });
  }

  /**
   * How likely the name under `key` is a person, from every mention of it (the entity typer,
   * utils/nlp/entity.ts); null when it was never mentioned outside quotes.
   */
  personLikelihood(key: string): number | null {
    return this.types.person(key);
  }

  /**
   * The occurrence a parsed run adds: a known surname (or one word of a known full name) outside
   * quotes, with whether it is a possessor, an object or a modifier. Null otherwise.
   */
  private occurrenceOf(p: ParsedRun, insideQuote: (pos: number) => boolean): NameOccurrence | null {
    const { run, prev, res } = p;
    if (!res) return null;
    // (a name before an affiliation ends before it: "Anil Rao of Johns Hopkins University")
    const nameEnd = run.length - (res.tail ?? 0);
    const firstTok = run[nameEnd - res.nameLen] as Token;
    const lastTok = run[nameEnd - 1] as Token;
    if (insideQuote(firstTok.start)) return null;
    if (!this.bySurname.has(res.surname) && !this.byFull.has(res.surname)) {
      // "Lee" for "Lee Jae-myung", "Michelle" for "Michelle Obama": one word of a full name
      const alias =
        res.nameLen === 1 && run.length === 1 ? this.keyOf(res.surname, firstTok.start) : undefined;
      if (!alias) return null;
      res.surname = alias;
    }
    // the word before the whole run, title included ("at Saint Brendan Chapel", "with President Ruiz")
    const runStart = (run[0] as Token).start;
    const prevLow = prev && onlySpacesBetween(this.text, prev.end, runStart) ? prev.text.toLowerCase() : '';
    return {
      start: firstTok.start,
      end: lastTok.end,
      surname: res.surname,
      possessive: isPossessive(lastTok.text),
      object: objectAfter(this.text, prev, prevLow, { start: runStart, end: lastTok.end }),
      modifier: isArticle(prevLow) || run.slice(0, nameEnd - res.nameLen).some((r) => isArticle(r.text)),
    };
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
    // a person kept apart under a full name ("Ernie Walsh" beside "Tomas Walsh") is called by
    // the given name alone too ("Ernie said"); the key is the full one
    for (const key of this.byFull.keys()) {
      const given = key.split(' ')[0] ?? '';
      if (given.length < 2 || given.endsWith('.')) continue;
      seen.set(given, [...(seen.get(given) ?? []), key]);
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

  /** Names whose fullest form began with a sentence's capitalised first word (`nameWithoutLead`). */
  private leadOfSentence(): void {
    for (const info of this.bySurname.values()) {
      if (!info.unsureLead) continue;
      const name = nameWithoutLead(info.name, info.forms);
      if (name !== info.name) {
        info.name = name;
        info.tokens--;
      }
      info.unsureLead = false;
    }
  }

  /** Registers a capitalised run; returns the surname key and the length of the name part. */
  private addRun(run: Token[], afterConnector: boolean, unsureLead = false): RunName | null {
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
      const sex = givenName(stripPossessive(name[0] ?? '').replace(/\.$/, ''));
      const other = this.byFull.get(full) ?? {
        name: clean,
        tokens: name.length,
        roles: new Set<string>(),
        female: sex === 'female' ? true : sex === 'male' ? false : null,
      };
      if (name.length > other.tokens) {
        other.name = clean;
        other.tokens = name.length;
      }
      this.byFull.set(full, other);
      // (its mentions are that person's, under the full key: "“…,” he said" after "Rob Hall")
      return { surname: full, nameLen: name.length, tail: tailAfter(words, name, title.length) };
    }
    // the run's first word, capitalised by the sentence, begins the name itself
    const leadInName = unsureLead && name.length >= 3 && name[0] === words[0];
    const info = existing ?? {
      name: clean,
      tokens: name.length,
      roles: new Set<string>(),
      female: null,
      titled: name.length === 1 && title.some((w) => TITLES.has(bare(w))),
    };
    if (name.length > info.tokens || !existing) {
      info.name = clean;
      info.tokens = name.length;
      info.unsureLead = leadInName;
    }
    if (!leadInName) info.forms = (info.forms ?? new Set()).add(clean);
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
    return { surname, nameLen: name.length, tail: tailAfter(words, name, title.length) };
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

  /** The entry of a surname key or of a person kept apart under a full key. */
  entry(key: string): NameInfo | undefined {
    return this.bySurname.get(key) ?? this.byFull.get(key);
  }

  lookup(word: string, pos?: number): NameInfo | undefined {
    const k = this.keyOf(word, pos);
    return k === undefined ? undefined : (this.bySurname.get(k) ?? this.byFull.get(k));
  }

  /** A person kept apart from the one who has the bare surname, by given name and surname. */
  lookupFull(given: string, surname: string): NameInfo | undefined {
    return this.byFull.get(`${bare(given)} ${bare(surname)}`);
  }

  private otherPerson(existing: NameInfo, name: string[], title: string[]): boolean {
    // "Black Elk" after "Linda Black Elk", "De Miranda" after "Luis de Miranda": the end of the
    // full name already known is that person's surname, not another given name
    const had = existing.name.toLowerCase().split(' ');
    const now = name.map((w) => stripPossessive(w).toLowerCase());
    if (now.length < had.length && now.every((w, k) => had[had.length - now.length + k] === w)) return false;
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

export function fullKey(name: string[]): string {
  return `${bare(name[0] ?? '')} ${bare(stripPossessive(name[name.length - 1] ?? ''))}`;
}

/** A run of capitalised words, with the token before it. */
interface CapitalRun {
  run: Token[];
  prev: Token | undefined;
  /** Index of the run's first token. */
  index: number;
  /** Its first word opens a sentence and is no given name (`NameInfo.unsureLead`). */
  unsureLead?: boolean;
}

/** A run's name: its surname key, its length in tokens, and how many of the run's tokens follow it. */
interface RunName {
  surname: string;
  nameLen: number;
  tail?: number;
}

type ParsedRun = CapitalRun & { res: RunName | null };

/**
 * The run continues a longer name after a hyphen ("American - Islamic Relations Alia Salem");
 * after a preposition it is more often a place ("at Saint Brendan Chapel") and is not cut.
 */
function continuesName(text: string, r: CapitalRun): boolean {
  const prev = r.prev;
  const start = (r.run[0] as Token).start;
  return prev !== undefined && isCapitalised(prev.text) && /^\s*[-–]\s*$/.test(text.slice(prev.end, start));
}
