/**
 * A speaker label before a colon, with no verb: "Ana Ruiz: “…”", "The Foreign Ministry: “…”",
 * "United Kingdom — Foreign Secretary Ana Ruiz: “…”". This is the form of transcripts, reaction
 * round-ups and newsletter citations ("AP: “…”"); the corpus convention (NOTES.md, "No reporting
 * verb") gives such a quotation to the label with the cue ":".
 */

import { type Attribution, speakerLike } from './attribution';
import { TITLES } from './lexicon';
import { bare, type NameRegistry } from './names';
import { isCapitalised, type NP, npForward } from './speakers';
import { isSpace } from './text';

/** Dashes that end a heading before a label ("United Kingdom — "). */
const HEADING_DASHES = new Set(['\u2014', '\u2013']);

/**
 * The label of the quotation opening at `open` when the sentence before it (from `from`) is only a
 * noun phrase and a colon, after at most a heading that ends with a dash; null otherwise. A label
 * of one capitalised word that is no known publication or body must be a name the article gives
 * in full elsewhere ("Luxon"), so that "Update:" or "Breaking:" is no speaker.
 */
export function speakerLabel(
  text: string,
  from: number,
  open: number,
  names: NameRegistry,
): Attribution | null {
  let e = open;
  while (e > from && isSpace(text[e - 1])) e--;
  if (text[e - 1] !== ':') return null;
  const colon = e - 1;
  let s = from;
  for (let i = colon - 1; i > from; i--) {
    if (HEADING_DASHES.has(text[i] as string) && isSpace(text[i - 1]) && isSpace(text[i + 1])) {
      s = i + 1;
      break;
    }
  }
  while (s < colon && isSpace(text[s])) s++;
  const first = npForward(text, s, colon, false);
  if (!first || first.start !== s) return null;
  // "Prime Minister and Foreign Minister Ahmed Al Rashid": titles coordinated before one name
  const second = andPhrase(text, first.end, colon);
  const np = second && titlesOnly(first) ? second : first;
  if (!speakerLike(np) || np.kind === 'doc' || np.kind === 'pronoun') return null;
  if (labelEnd(text, second ?? first, colon) !== colon) return null;
  // one capitalised word: a publication or a body by the lexicon ("Reuters:"), or a person
  // named in full elsewhere
  if (np.tokens.length === 1 && np.kind === 'person' && isCapitalised(np.text) && !names.lookup(np.text))
    return null;
  return {
    cue: { start: colon, end: colon + 1, text: ':', info: null, addressee: null },
    np,
    where: 'colon',
  };
}

/** The phrase after " and " at `from` ("… and Foreign Minister Ahmed Al Rashid"), or null. */
function andPhrase(text: string, from: number, limit: number): NP | null {
  const m = /^\s+and\s+/.exec(text.slice(from, Math.min(limit, from + 8)));
  if (!m) return null;
  const np = npForward(text, from + m[0].length, limit, false);
  return np && np.start === from + m[0].length ? np : null;
}

/** Every word is a title or role word ("Prime Minister", "Deputy Foreign Minister"). */
function titlesOnly(np: NP): boolean {
  return np.tokens.every((t) => TITLES.has(bare(t.text)));
}

/**
 * Where the label ends: after the phrase, or after one appositive set off by a comma, whose titles
 * may be coordinated ("Ana Ruiz, Deputy Prime Minister and Foreign Minister").
 */
function labelEnd(text: string, np: NP, colon: number): number {
  let e = np.end;
  if (text[e] === ',') {
    let s = e + 1;
    while (s < colon && isSpace(text[s])) s++;
    const app = npForward(text, s, colon, false);
    if (!app || app.start !== s) return -1;
    e = (andPhrase(text, app.end, colon) ?? app).end;
  }
  while (e < colon && isSpace(text[e])) e++;
  return e;
}
