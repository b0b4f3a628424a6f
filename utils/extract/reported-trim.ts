/**
 * Trimming a reported clause where the writer's sentence takes over again (a parallel verb, a
 * comment clause, a summary appositive, the main clause after a fronted subordinate one); used
 * on the clauses of every pass.
 */

import { cueVerb, NOMINAL_CUES } from './cues';
import { SUBORDINATORS } from './lexicon';
import { clauseAt } from './reported-clause';
import type { SentenceTagger, Tagged } from './reported-tags';

/**
 * After a comma inside a reported clause, what belongs to the writer's sentence rather than to
 * the report: the main clause's own coordinated verb (", but has given few signs …"), a comment
 * clause (", as has been speculated") and an appositive that sums the report up (", a concern
 * that …"). Not a participial clause (", killing three people"): measured, most belong to the report.
 */
function endsReportedClause(toks: Tagged[], k: number): boolean {
  const a = toks[k];
  const b = toks[k + 1];
  if (!a) return false;
  const low = a.text.toLowerCase();
  // ", but has …", ", and was …": a verb with no subject of its own continues the main clause
  if (a.tag === 'CC' && b && /^(VBD|VBZ|VBP|MD)$/.test(b.tag)) return true;
  // ", as has been …", ", as is …": a comment clause on the whole sentence
  if (low === 'as' && b && /^(VBD|VBZ|VBP|MD)$/.test(b.tag)) return true;
  // ", a concern that …", ", a move which …": a summary appositive; with a noun of saying also
  // with a contact clause or a participle (", a claim the ministry denies", ", a view shared by …")
  if ((low === 'a' || low === 'an') && b && /^NNS?$/.test(b.tag)) {
    const c = toks[k + 2];
    if (c && (c.tag === 'WDT' || c.text.toLowerCase() === 'that')) return true;
    if (c && /^(DT|PRP|VBN)$/.test(c.tag) && NOMINAL_CUES.has(b.text.toLowerCase())) return true;
  }
  return trailingAttribution(toks, k);
}

/**
 * ", the ministry said in a statement." at the end of a sentence that holds a report ("Officials
 * warned that the outbreak could spread, the ministry said"): the whole sentence's own
 * attribution, not part of the report. A noun phrase, a finite reporting verb (the cue lexicon),
 * then nothing but adjuncts to the end (no verb: an interposed ", critics say, would fail" goes on).
 */
function trailingAttribution(toks: Tagged[], k: number): boolean {
  let i = k;
  if (/^(DT|PRP\$)$/.test(toks[i]?.tag ?? '')) i++;
  let nouns = 0;
  while (i < toks.length && /^(JJ|NN|NNS|NNP|NNPS|POS|CD)$/.test((toks[i] as Tagged).tag)) {
    if ((toks[i] as Tagged).tag.startsWith('NN')) nouns++;
    i++;
  }
  const v = toks[i];
  if (nouns === 0 || !v || !/^(VBD|VBZ|VBP)$/.test(v.tag) || cueVerb(v.text) === undefined) return false;
  for (let j = i + 1; j < toks.length; j++)
    if (!/^(IN|RB|DT|JJ|NN|NNS|NNP|NNPS|CD|PRP\$|POS|,|\.)$/.test((toks[j] as Tagged).tag)) return false;
  return true;
}

/**
 * Ends a reported clause found by any pass where the writer's sentence takes over again: a past
 * verb after "and" parallel to the reporting verb, `endsReportedClause`, or the main clause after
 * a fronted subordinate one. `sentenceStart` is where the clause's sentence starts; returns the
 * new end, or `end` unchanged.
 */
export function trimReportedClause(
  text: string,
  sentenceStart: number,
  start: number,
  end: number,
  tagger: SentenceTagger,
): number {
  // tagged with its whole sentence (a clause cut out of it tags differently)
  const toks = tagger(text, sentenceStart, Math.min(text.length, end + 1)).filter(
    (t) => t.start >= start && t.end <= end,
  );
  const cut = (i: number): number => {
    let e = (toks[i] as Tagged).start;
    while (e > start && /\s/.test(text[e - 1] ?? '')) e--;
    return e;
  };
  // "said her son had been careful and compared him to …": a simple past after "and", when the
  // report's own verb group is not one, goes with the reporting verb
  const fin = toks.findIndex((t) => /^(VBD|VBZ|VBP|MD)$/.test(t.tag));
  const head = toks[fin];
  const simplePast = head?.tag === 'VBD' && !/^(VBN|VBG|VB|RB)$/.test(toks[fin + 1]?.tag ?? '');
  if (head && !simplePast) {
    // a participle-looking form ("praised/VBN") too, unless the report's verb group is perfect or
    // passive ("had sunk and praised" may share its "had")
    const shared =
      /^(VBN|VBG)$/.test(toks[fin + 1]?.tag ?? '') || /^(VBN|VBG)$/.test(toks[fin + 2]?.tag ?? '');
    const past = shared ? /^VBD$/ : /^VB[DN]$/;
    for (let i = fin + 1; i < toks.length - 1; i++) {
      const t = toks[i] as Tagged;
      if (t.tag === 'CC' && t.text.toLowerCase() === 'and' && past.test((toks[i + 1] as Tagged).tag))
        return cut(i);
    }
  }
  for (let i = 1; i < toks.length - 1; i++) {
    if ((toks[i] as Tagged).text !== ',') continue;
    if (endsReportedClause(toks, i + 1)) return cut(i);
  }
  // "After officials protested that the summit would expose divisions, the White House broadened
  // the theme": a report inside a fronted subordinate clause ends where the main clause begins
  // (a comma, then a subject and a finite verb)
  const lead = text.slice(sentenceStart, start);
  const opener = /^[\s"“‘']*(\p{L}+)/u.exec(lead)?.[1]?.toLowerCase() ?? '';
  if (SUBORDINATORS.has(opener) && !lead.includes(',')) {
    for (let i = 1; i < toks.length - 1; i++)
      if ((toks[i] as Tagged).text === ',' && clauseAt(toks, i + 1, toks.length)) return cut(i);
  }
  return end;
}
