/**
 * Nominal reports in the reported-speech pass, for where the word pass cannot see a clause end:
 * "Netanyahu’s declaration that there would be no state on his watch makes that harder" — a
 * possessed reporting noun and its that-clause in subject position end before the main verb.
 */

import { nounClass } from '../nlp/noun-classes';
import { NOMINAL_THAT } from './indirect-nominal';
import { clauseEnd } from './reported-clause';
import { npBackwardFrom } from './reported-np';
import { candidate, isFiniteTag, type ReportedCandidate, type Span, type Tagged } from './reported-tags';

/** A report whose cue is the reporting noun at `k` ("declaration"), or null. */
export function nominalReport(
  toks: Tagged[],
  k: number,
  end: number,
  para: number,
): ReportedCandidate | null {
  const noun = toks[k] as Tagged;
  if (
    !NOMINAL_THAT.has(noun.text.toLowerCase()) ||
    (toks[k + 1] as Tagged | undefined)?.text.toLowerCase() !== 'that'
  )
    return null;
  // the possessor, with at most one modifier between ("the ministry’s repeated assertion")
  let p = k - 1;
  if (p >= 1 && /^(JJ|NN|VBN)$/.test((toks[p] as Tagged).tag)) p--;
  const poss = toks[p];
  if (!poss) return null;
  let owner: Span | null = null;
  if (poss.tag === 'PRP$') owner = { from: p, to: p + 1 };
  else if (poss.tag === 'POS') {
    const np = npBackwardFrom(toks, p - 1, 0, false);
    // with its possessive ending: "Netanyahu’s" is one word of the text
    if (np && canSpeak(toks[p - 1] as Tagged)) owner = { from: np.from, to: p + 1, headTo: p + 1 };
  }
  if (!owner) return null;
  const from = k + 2;
  let to = clauseEnd(toks, from, end).to;
  // the noun phrase is a clause's subject (it opens the sentence or follows a conjunction or a
  // comma): the clause ends where that clause's verb follows it
  const before = toks[owner.from - 1];
  if (!before || before.tag === 'CC' || before.text === ',') to = beforeMainVerb(toks, from, to);
  return candidate(toks, from, to, owner, noun.text, para);
}

/** The owner's head can state something: a name, or a noun WordNet knows as a person or group. */
function canSpeak(head: Tagged): boolean {
  if (head.tag === 'NNP' || head.tag === 'NNPS') return true;
  return nounClass(head.lemma.toLowerCase()) !== null;
}

/**
 * In "… that A was B makes C harder", the first finite verb after the clause's own one that
 * follows no subject, conjunction or relative word is the main clause's: the clause ends there.
 */
function beforeMainVerb(toks: Tagged[], from: number, to: number): number {
  let own = -1;
  for (let i = from; i < to; i++) {
    const t = toks[i] as Tagged;
    if (!isFiniteTag(t.tag) && t.tag !== 'MD') continue;
    if (own < 0) {
      own = i;
      continue;
    }
    const prev = (toks[i - 1] as Tagged).tag;
    if (/^(CC|WDT|WP|IN|,|PRP|EX|MD|VBZ|VBD|VBP|RB)$/.test(prev)) continue;
    return i;
  }
  return to;
}
