/**
 * A speaker label before a colon, with no verb: "Ana Ruiz: “…”", "The Foreign Ministry: “…”",
 * "United Kingdom — Foreign Secretary Ana Ruiz: “…”". This is the form of transcripts, reaction
 * round-ups and newsletter citations ("AP: “…”"); the corpus convention (NOTES.md, "No reporting
 * verb") gives such a quotation to the label with the cue ":".
 */

import type { Attribution } from './attribution';
import { speakerLike } from './attribution';
import type { NameRegistry } from './names';
import { isCapitalised, type NP, npForward } from './speakers';
import { isSpace } from './text';

/** Dashes that end a heading before a label ("United Kingdom — "). */
const HEADING_DASHES = new Set(['\u2014', '\u2013']);

/**
 * The label of the quotation opening at `open` when the sentence before it (from `from`) is only a
 * noun phrase and a colon, after at most a heading that ends with a dash; null otherwise. A label
 * of one capitalised word must be a name the article gives in full elsewhere ("Luxon"), so that
 * "Update:" or "Breaking:" is no speaker.
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
  const np = npForward(text, s, colon, false);
  if (!np || np.start !== s || !speakerLike(np) || np.kind === 'doc' || np.kind === 'pronoun') return null;
  const end = labelEnd(text, np, colon);
  if (end !== colon) return null;
  if (np.tokens.length === 1 && isCapitalised(np.text) && !names.lookup(np.text)) return null;
  return {
    cue: { start: colon, end: colon + 1, text: ':', info: null, addressee: null },
    np,
    where: 'colon',
  };
}

/** Where the label ends: after the phrase, or after one appositive set off by a comma ("Tom Reid, the Green candidate"). */
function labelEnd(text: string, np: NP, colon: number): number {
  let e = np.end;
  if (text[e] === ',') {
    let s = e + 1;
    while (s < colon && isSpace(text[s])) s++;
    const app = npForward(text, s, colon, false);
    if (!app || app.start !== s) return -1;
    e = app.end;
  }
  while (e < colon && isSpace(text[e])) e++;
  return e;
}
