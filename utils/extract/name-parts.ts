/**
 * The parts of a name, read by words: token classes (capitalised words, prepositions, articles,
 * noun-phrase modifiers), time expressions that end a name, and where a person's name begins in
 * a run of capitals that first names a title, a role or a body.
 */

import { givenName } from '../nlp/given-names';
import { nounClass } from '../nlp/noun-classes';
import { tag as tagWords } from '../nlp/tagger';
import { cueVerb } from './cues';
import {
  CAPITAL_STOPWORDS,
  DEMONYMS,
  MONTHS,
  NAME_PARTICLES,
  NON_PERSON_WORDS,
  PUBLICATION_TAILS,
  PUBLICATIONS,
  TITLES,
  WEEKDAYS,
} from './lexicon';
import {
  isPossessive,
  isSpace,
  isUpper,
  key,
  norm,
  sentenceEnd,
  stripPossessive,
  type Token,
  titleCaseCapitals,
} from './text';

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
  // a brand that opens with its number, then a capital and a small letter ("247Sports", "9News")
  if (/^\d+\p{Lu}\p{Ll}/u.test(w)) return true;
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

/** A capitalised person noun ("Author") that is no given name, before a given name ("Nina"). */
function rolePrefix(word: string, next: string): boolean {
  if (!/^\p{Lu}\p{Ll}+$/u.test(word) || givenName(next) === null) return false;
  return nounClass(word.toLowerCase()) === 'person';
}

/** A word with a verb contracted onto it: "I’ve", "We’re", "They’ll", "I’m", "Don’t". */
const CONTRACTED = /['’](?:ve|m|re|ll)$|n['’]t$/;

/** Strips titles, places and organisation words from the left of a capitalised run. */
export function personNameFrom(
  tokens: string[],
  afterConnector = false,
): { name: string[]; title: string[] } | null {
  let i = 0;
  while (i < tokens.length && CAPITAL_STOPWORDS.has(stripPossessive(tokens[i] ?? ''))) i++;
  // "Author Nina Patel", "Novelist Jo Reyes": a common noun WordNet knows as a person, written
  // as a title before a given name the gazetteer knows, is a role, not part of the name
  // ("Policy Consultant Bill Bowtell", "Apple Engineer Ana Ruiz": the role noun's own modifiers
  // before it are part of the role)
  let r = i;
  while (r + 2 < tokens.length && !rolePrefix(tokens[r] ?? '', tokens[r + 1] ?? '')) r++;
  if (r + 2 >= tokens.length) r = i;
  while (r + 2 < tokens.length && rolePrefix(tokens[r] ?? '', tokens[r + 1] ?? '')) r++;
  if (r > i) {
    const rest = personNameFrom(tokens.slice(r), afterConnector);
    return rest && { name: rest.name, title: [...tokens.slice(i, r), ...rest.title] };
  }
  const g = givenNameStart(tokens, afterConnector);
  if (g > 0) return { name: tokens.slice(g), title: tokens.slice(i, g) };
  // "Anil Rao of Johns Hopkins University", "Dr. Anil Rao of …": the name ends at its affiliation
  let t = i;
  while (t < tokens.length && TITLES.has(bare(tokens[t] ?? ''))) t++;
  const aff = affiliationAt(tokens.slice(t));
  if (aff > 0) return { name: tokens.slice(t, t + aff), title: tokens.slice(i, t) };
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
  // a body's inner "for", "on", "and" anywhere in the run (`orgConnector`: "Committee on Foreign
  // Affairs"), or "of" in the name itself: no person's name
  if (tokens.slice(i).some((w) => BODY_CONNECTORS.has(w))) return null;
  for (const w of name) {
    if (w === 'of') return null;
    // a verb contracted onto a word ("I’ve", "We’re", "Don’t") is no name's
    if (CONTRACTED.test(w)) return null;
    const sw = stripPossessive(w);
    if (DEMONYMS.has(sw) || (sw.endsWith('s') && DEMONYMS.has(sw.slice(0, -1)))) return null;
    if (NON_PERSON_WORDS.has(stripPossessive(w)) || PUBLICATIONS.has(stripPossessive(w))) return null;
  }
  const first = name[0] ?? '';
  if (NAME_PARTICLES.has(first.toLowerCase()) && name.length === 1) return null;
  return { name, title: tokens.slice(i, cut) };
}

export function isArticle(w: string): boolean {
  const b = w.toLowerCase();
  return b === 'a' || b === 'an' || b === 'the';
}

/** The token opens its sentence: nothing before it, or a sentence end, a colon or a line break. */
export function sentenceInitial(text: string, prev: Token | undefined, t: Token): boolean {
  if (!prev) return true;
  // (a word's own period, "Dr.", ends no sentence; a closing mark after the period does not hide it)
  return /[\n.!?:\u201c]/.test(text.slice(prev.end, t.start));
}

/** The modal auxiliaries of English (Quirk et al. 1985, §3.40). */
const MODALS = new Set(['will', 'would', 'can', 'could', 'may', 'might', 'shall', 'should', 'must']);

/** The sentence going on at `pos` ends with a question mark (within 300 characters). */
function endsInQuestion(text: string, pos: number): boolean {
  return text[sentenceEnd(text, pos, Math.min(text.length, pos + 300)) - 1] === '?';
}

/** The tagger reads the first word of a sentence-initial capitalised run as part of a name. */
export function properAtStart(text: string, run: readonly Token[]): boolean {
  const first = run[0] as Token;
  const last = run[run.length - 1] as Token;
  // "Said Ana Ruiz: “…”", "Added Ruiz, “…”": a reporting verb inverted before its speaker and a
  // quotation is no given name, whatever the gazetteer says of "Said"
  const info = run.length > 1 ? cueVerb(first.text.toLowerCase()) : undefined;
  if (
    info &&
    (info.form === 'past' || info.form === 's') &&
    /^\s*[:,]\s*["\u201c]/.test(text.slice(last.end, last.end + 6))
  )
    return false;
  // "Will AT&T make HBO free …?": a modal that opens a question is the auxiliary, given name or not
  if (MODALS.has(first.text.toLowerCase()) && endsInQuestion(text, last.end)) return false;
  // a given name the gazetteer knows ("Will Hart", "Mark Kelly") is part of the name
  if (givenName(first.text) !== null) return true;
  const tag = tagWords(text.slice(first.start, Math.min(text.length, last.end + 40)))[0]?.tag ?? 'NNP';
  // only a verb is dropped ("Replied", "Had"); other tags were tried and cost the check part
  return !/^(VB|VBD|VBZ|VBP|VBN|VBG|MD)$/.test(tag);
}

/** The words that join a body's name inside it, besides "of" (`orgConnector`). */
const BODY_CONNECTORS = new Set(['for', 'on', 'and', '&']);

/**
 * "for", "on", "and" inside a body's name ("Office for National Statistics", "Committee on Foreign
 * Affairs", "Centers for Disease Control and Prevention"): after a word that names a kind of body
 * (`NON_PERSON_WORDS`, singular or plural), they join the capitals after them to the name.
 */
function orgConnector(word: string, run: readonly Token[]): boolean {
  if (word === 'and' || word === '&') return bodyAnd(run.map((t) => t.text));
  if (word !== 'for' && word !== 'on') return false;
  return run.some((t) => orgWord(t.text));
}

/** A word of a body's name (`NON_PERSON_WORDS`), singular or plural ("Centers"). */
export function orgWord(word: string): boolean {
  const w = stripPossessive(word);
  return NON_PERSON_WORDS.has(w) || (w.endsWith('s') && NON_PERSON_WORDS.has(w.slice(0, -1)));
}

/**
 * Does "and" after `before` go on a body's name ("Centers for Disease Control and Prevention",
 * "Ministry of Health and Welfare")? After a word of a body's name, unless a person's name starts
 * after that word ("Secretary of State Ana Ruiz and …": a given name the gazetteer knows).
 */
export function bodyAnd(before: readonly string[]): boolean {
  let k = before.length - 1;
  while (k >= 0 && !orgWord(before[k] ?? '')) k--;
  return k >= 0 && !before.slice(k + 1).some((w) => givenName(w) !== null);
}

/**
 * The capitalised run that starts at token `i` (with name particles and "of" between capitals), no
 * punctuation in between; it ends at a possessive and before a time expression.
 */
export function capitalisedRun(text: string, toks: readonly Token[], i: number): Token[] {
  const run: Token[] = [toks[i] as Token];
  for (let j = i; j + 1 < toks.length; j++) {
    const cur = toks[j] as Token;
    const nx = toks[j + 1] as Token;
    if (isPossessive(cur.text)) break;
    if (!onlySpacesBetween(text, cur.end, nx.start)) break;
    if (startsTimeExpression(toks, j + 1)) break;
    if (isCapitalised(nx.text)) {
      run.push(nx);
      continue;
    }
    if (NAME_PARTICLES.has(nx.text.toLowerCase()) || nx.text === 'of' || orgConnector(nx.text, run)) {
      const after = toks[j + 2];
      // "Ana de la Cruz": two particles before the capital
      const twice =
        after && NAME_PARTICLES.has(after.text.toLowerCase()) && isCapitalised(toks[j + 3]?.text ?? '');
      if (after && (isCapitalised(after.text) || twice) && onlySpacesBetween(text, nx.end, after.start)) {
        run.push(nx);
        continue;
      }
    }
    break;
  }
  return run;
}

/**
 * "Win Carter/Getty Images", "Jo Lee / AP": a photo credit names who took the picture, not
 * someone in the story (a name joined to an agency by a slash, spaced or not).
 */
export function isPhotoCredit(text: string, run: readonly Token[]): boolean {
  const last = run[run.length - 1];
  if (last && /^ ?\//.test(text.slice(last.end, last.end + 2))) return true;
  // the agencies after the slash: "… / AFP - Getty Images"
  const first = run[0];
  if (
    first &&
    /\/ ?(?:\p{Lu}[\p{L}.]*(?: [-–] | ))*$/u.test(text.slice(Math.max(0, first.start - 24), first.start))
  )
    return true;
  return run.some((r) => r.text.includes('/') || text[r.end] === '/' || text[r.start - 1] === '/');
}

/**
 * Lines in title case with no sentence punctuation ("Garbage and Recycling Bins", "Skip
 * Navigation", "Bottom Line"): headings, menus and headlines, where every word is capitalised, so
 * a capital is no evidence of a name; their runs name no one. Read once per line.
 */
export class HeadingLines {
  private readonly seen = new Map<number, boolean>();
  constructor(private readonly text: string) {}

  on(pos: number): boolean {
    const from = this.text.lastIndexOf('\n', pos) + 1;
    let known = this.seen.get(from);
    if (known === undefined) {
      const to = this.text.indexOf('\n', pos);
      // (a list number before a heading: "3. Garbage and Recycling Bins")
      const line = this.text
        .slice(from, to < 0 ? this.text.length : to)
        .trim()
        .replace(/^\d+[.)]\s+/, '');
      const words = line.split(/\s+/);
      known = words.length >= 2 && words.length <= 12 && titleCaseCapitals(words) >= 2;
      this.seen.set(from, known);
    }
    return known;
  }
}

/** How many words of `words` follow the name (found at or after `from`): an affiliation's. */
export function tailAfter(words: readonly string[], name: readonly string[], from: number): number {
  for (let k = from; k + name.length <= words.length; k++) {
    if (name.every((w, j) => words[k + j] === w || stripPossessive(words[k + j] ?? '') === w))
      return words.length - k - name.length;
  }
  return 0;
}

/**
 * "Longtime Donald Trump advocate …" at a sentence's start: the first word, capitalised by its
 * place and no given name, is no part of the name when the article also writes the name without
 * it, or when the name after it opens with a given name the gazetteer knows. (Read alone, the
 * tagger takes such a word for a proper noun; the rest of the article is the evidence.)
 */
export function nameWithoutLead(name: string, forms: ReadonlySet<string> | undefined): string {
  const words = name.split(' ').slice(1);
  const rest = words.join(' ');
  return forms?.has(rest) || (words.length >= 2 && givenName(words[0] ?? '') !== null) ? rest : name;
}
