/**
 * Speakers named by a proper name: a person with the body they belong to ("Priya Nair of Ernst"),
 * a name after a role and its body ("Minister of Education Stefania Giannini"), a name the
 * registry knows (fullest form), an unknown capitalised run (a person when titled, else a body),
 * and publications ("The Washington Post").
 */

import { givenName } from '../nlp/given-names';
import { nounClass } from '../nlp/noun-classes';
import { CAPITAL_STOPWORDS, NAME_PARTICLES, ROLE_NOUNS, TITLES } from './lexicon';
import { affiliationAt, bare, givenNameStart, isCapitalised } from './names';
import { isInnerConnector, type NP } from './np';
import type { ResolveRule } from './speaker-state';
import { isLower, nameWords, stripPossessive, type Token, tokenize } from './text';

/**
 * "Priya Nair of Ernst": the name before the affiliation. "Executive director of the Council on
 * Health Care Alia Salem": a role with its body, then the person's name, which begins at a given
 * name.
 */
export const affiliatedNameRule: ResolveRule = (s, np) => {
  const toks = tokenize(s.text, np.start, np.end);
  const texts = toks.map((t) => t.text);
  // (after a title: "Dr. Anil Rao of Johns Hopkins University")
  let t0 = 0;
  while (t0 < texts.length - 1 && TITLES.has(bare(texts[t0] ?? ''))) t0++;
  // (after a description: "Veteran pollster Maria Lopez of Ipsos", "Senior economist Prof. Ana Ruiz of …")
  if (affiliationAt(texts.slice(t0)) <= 0) t0 = Math.max(t0, describedNameStart(texts));
  const aff = affiliationAt(texts.slice(t0));
  if (aff > 0) {
    const last = texts[t0 + aff - 1] ?? '';
    const nm = stripPossessive(nameWords(s.text, toks.slice(t0, t0 + aff)));
    return { name: nm, kind: 'person', key: s.names.keyOf(last) ?? bare(last) };
  }
  const g = (np.tokens[np.head] as Token).end === np.end ? givenNameStart(texts) : 0;
  if (g > 0 && texts.slice(g).every(isCapitalised)) {
    const last = texts[texts.length - 1] ?? '';
    const nm = stripPossessive(nameWords(s.text, toks.slice(g)));
    return { name: nm, kind: 'person', key: s.names.keyOf(last) ?? bare(last) };
  }
  return undefined;
};

/**
 * Where a person's name begins after the description that opens the phrase ("Veteran pollster
 * Maria Lopez of Ipsos" → 2): the first given name the gazetteer knows, when every word before it
 * is lower-case, a title, a noun WordNet knows as a person, or the phrase's first word (capitalised
 * by its place at a sentence's start); else 0.
 */
function describedNameStart(texts: readonly string[]): number {
  const c = texts.findIndex((w) => w === 'of' || w === 'at' || w === 'from');
  for (let g = 1; g < (c < 0 ? texts.length : c); g++) {
    const w = texts[g] ?? '';
    if (givenName(w) !== null && isCapitalised(w)) return g;
    const b = bare(w);
    if (!(isLower(w[0] ?? '') || TITLES.has(b) || nounClass(b) === 'person')) return 0;
  }
  return 0;
}

/**
 * A capitalised person phrase: the person kept apart under a full name ("Lena Marsh" when "Marsh"
 * alone is someone else), the registry's person, else the phrase's final capitalised run, a person
 * when it has two words and a title or role, else a body.
 */
export const properNameRule: ResolveRule = (s, np) => {
  const head = np.tokens[np.head] as Token;
  if (np.kind !== 'person' || !isCapitalised(head.text)) return undefined;
  const headBare = bare(head.text);
  // "Lena Marsh" when "Marsh" alone is someone else
  for (let k = np.head - 1; k >= 0 && isCapitalised((np.tokens[k] as Token).text); k--) {
    const given = (np.tokens[k] as Token).text;
    const other = s.names.lookupFull(given, head.text);
    if (other) return { name: other.name, kind: 'person', key: `${bare(given)} ${headBare}` };
  }
  // name: find last capitalised run
  const info = s.names.lookup(head.text, np.start);
  if (info) {
    // record roles seen in this mention
    return {
      name: info.name,
      kind: 'person',
      key: s.names.keyOf(head.text, np.start) ?? bare(head.text),
    };
  }
  const runToks = finalNameRun(np);
  const run = runToks.map((t) => t.text);
  const nm = stripPossessive(nameWords(s.text, runToks));
  const titled = np.tokens.some((t) => TITLES.has(bare(t.text)) || ROLE_NOUNS.has(bare(t.text)));
  return {
    name: nm,
    kind:
      (run.length >= 2 && titled) || personAppositive(s.text, np.end) || describedGivenName(np, run)
        ? 'person'
        : 'org',
    key: bare(run[run.length - 1] ?? nm),
  };
};

/**
 * "Ortiz, who runs the bakery, said", "Okafor, 54, said": a name followed by a relative "who" or
 * by an age in commas is a person's, whatever its form (English uses "who" for people and gives
 * ages of people).
 */
function personAppositive(text: string, end: number): boolean {
  return /^\s*,\s*(?:who\b|\d{1,3}\s*,)/.test(text.slice(end, end + 12));
}

/**
 * "Another Duke student, Brittany, said": a given name alone (the gazetteer's), in apposition to a
 * description whose head WordNet knows as a person, is a person called by the first name.
 */
function describedGivenName(np: NP, run: readonly string[]): boolean {
  const app = (np as NP & { appositive?: NP | null }).appositive;
  const head = app?.tokens[app.head];
  if (run.length !== 1 || !head || givenName(run[0] ?? '') === null) return false;
  return nounClass(bare(head.text)) === 'person';
}

/** The final capitalised run of the phrase, titles stripped ("analyst Kevin Park" → Kevin Park). */
function finalNameRun(np: NP): Token[] {
  const run: Token[] = [];
  for (let i = np.tokens.length - 1; i >= 0; i--) {
    const w = (np.tokens[i] as Token).text;
    if (
      isCapitalised(w) ||
      (run.length > 0 && (NAME_PARTICLES.has(w.toLowerCase()) || isInnerConnector(w, np.tokens.slice(0, i))))
    )
      run.unshift(np.tokens[i] as Token);
    else break;
  }
  const first = (): string => run[0]?.text ?? '';
  while (run.length > 1 && (TITLES.has(bare(first())) || CAPITAL_STOPWORDS.has(first()) || first() === 'of'))
    run.shift();
  // "Minister of Education Stefania Giannini": the name begins at its given name
  const g = givenNameStart(run.map((t) => t.text));
  if (g > 0) run.splice(0, g);
  return run;
}

/** A publication, with "The" when the text writes it ("The Washington Post"). */
export const publicationRule: ResolveRule = (_s, np) => {
  if (np.kind !== 'pub') return undefined;
  const words = np.tokens.filter((t) => bare(t.text) !== 'the' || np.tokens.length === 1);
  const nm = stripPossessive(words.map((t) => t.text).join(' '));
  const withThe = np.det === 'the' ? `The ${nm}` : nm;
  return { name: withThe, kind: 'pub', key: bare(nm) };
};
