/**
 * "Krone Logistics will cut 1,200 jobs, the company said": a bare definite body noun in a trailing
 * attribution stands for the name that is its sentence's subject, when that name is no person's
 * and no place's. Wire copy names a body once, as the subject of the news, and attributes the
 * sentence to it by its kind.
 */

import { typeMention } from '../nlp/entity';
import { givenName } from '../nlp/given-names';
import { cueVerb } from './cues';
import { CAPITAL_STOPWORDS, NAME_JOINERS, TITLES } from './lexicon';
import { bare, isCapitalised } from './names';
import { isLower, nameWords, sentenceStart, stripPossessive, type Token, tokenize } from './text';

/** How sure the entity typer must be that a name is a person or a place to rule it out. */
const TYPER_SURE = 0.6;

/** The name the sentence that `at` (a trailing "the company" before a cue verb) attributes opens with, or null. */
export function trailingSubjectBody(text: string, at: number, end: number): string | null {
  if (!/,\s*$/.test(text.slice(Math.max(0, at - 3), at))) return null;
  const verb = /^\s+([\p{L}]+)/u.exec(text.slice(end, end + 30))?.[1];
  if (!verb || cueVerb(verb) === undefined) return null;
  const from = sentenceStart(text, at, Math.max(0, at - 600));
  const toks = tokenize(text, from, at);
  let i = toks[0]?.text === 'The' ? 1 : 0;
  const start = i;
  while (i < toks.length && i - start < 6) {
    const w = (toks[i] as Token).text;
    if (isCapitalised(w) && !CAPITAL_STOPWORDS.has(w)) i++;
    else if (NAME_JOINERS.has(w) && i > start && isCapitalised(toks[i + 1]?.text ?? '')) i++;
    else break;
  }
  const name = toks.slice(start, i);
  const next = toks[i];
  if (name.length === 0 || !next || !isLower(next.text[0] ?? '') || /['’]s$/.test(name.at(-1)?.text ?? ''))
    return null;
  const words = name.map((t) => t.text);
  if (givenName(words[0] ?? '') !== null || TITLES.has(bare(words[0] ?? ''))) return null;
  const after = toks.slice(i, i + 2).map((t) => t.text);
  const typed = typeMention({ words, before: start === 1 ? ['The'] : [], after });
  if ((typed.type === 'person' || typed.type === 'place') && typed.p >= TYPER_SURE) return null;
  return stripPossessive(nameWords(text, name));
}
