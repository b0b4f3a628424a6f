/**
 * The role of a name in its clause, read from the words around it: an object (after a preposition,
 * or renaming a prepositional object) is no subject, so a later "he" or "her" is not said of it.
 */

import { nounClassOf } from '../nlp/noun-classes';
import { SUBORDINATORS } from './lexicon';
import { PREPOSITIONS } from './name-parts';
import { isLower, sentenceStart, type Token, tokenize } from './text';

/** Words at most between a preposition and the noun an appositive renames ("by her new publisher"). */
const APPOSITION_REACH = 4;

/**
 * Prepositions that open a fronted adverbial phrase ("In the letter, …", "During the hearing, …"),
 * beside the subordinators (lexicon.ts) and the prepositions of name-parts.ts.
 */
const FRONTED_PREPOSITIONS = new Set(['in', 'during', 'following', 'despite', 'like']);

/**
 * Is a name after the word `prev` an object ("with Netanyahu", "Biden and Netanyahu")? Not after
 * a comma and "and", which join clauses (", and Dragan was asked …": the name opens one). A name
 * in apposition to a prepositional object is one too (`appositiveOfObject`).
 */
export function objectAfter(
  text: string,
  prev: Token | undefined,
  prevLow: string,
  name?: { start: number; end: number },
): boolean {
  if (!prev) return false;
  if (!PREPOSITIONS.has(prevLow)) return name !== undefined && appositiveOfObject(text, prev, name);
  return !(prevLow === 'and' && /,\s*$/.test(text.slice(Math.max(0, prev.start - 3), prev.start)));
}

/**
 * An appositive takes the role of the noun phrase it renames (Quirk et al. 1985, §17.65): "was
 * announced by her publisher, Greyfriars Press, on Tuesday" names the publisher as an object. The
 * renamed noun is one of people or of a body (WordNet), after a preposition inside the clause, and
 * the name is set off by commas. A name followed by its verb ("After meeting the union's leader,
 * Reid said") or after a fronted phrase at the sentence start ("Speaking to the company's lawyers,
 * Reid, 54, …", "At the meeting, Reid …") is the clause's subject.
 */
function appositiveOfObject(text: string, prev: Token, name: { start: number; end: number }): boolean {
  if (!/^,\s+$/.test(text.slice(prev.end, name.start)) || !/^,/.test(text.slice(name.end))) return false;
  if (!isLower(prev.text[0]) || nounClassOf(prev.text.toLowerCase()) === null) return false;
  const from = sentenceStart(text, prev.start, Math.max(0, prev.start - 600));
  const words = tokenize(text, from, prev.end);
  const first = (words[0]?.text ?? '').toLowerCase();
  if (
    SUBORDINATORS.has(first) ||
    FRONTED_PREPOSITIONS.has(first) ||
    PREPOSITIONS.has(first) ||
    /ing$/.test(first)
  )
    return false;
  const last = words.length - 1;
  // the preposition follows the clause's own words (a subject and its verb: "Reid met with …")
  for (let k = last - 1; k >= Math.max(2, last - APPOSITION_REACH); k--) {
    const w = words[k] as Token;
    // the noun phrase runs unbroken from the preposition to the comma
    if (/[,;:()]/.test(text.slice(w.end, (words[k + 1] as Token).start))) return false;
    if (PREPOSITIONS.has(w.text.toLowerCase()) && w.text !== 'and') return true;
  }
  return false;
}
