/**
 * An attribution that fills the end of a sentence after a comma: "…, Tom Reid said.", "…, said
 * people familiar with the matter.", "…, according to the mayor.", with the parentheses and
 * relative clauses news English puts between the speaker and the verb ("…, Tom Reid, a spokesman
 * for the police, said.", "…, sources who spoke with her said.").
 */
import { type Attribution, cueAt, gapIsSpace, isAdverb, verbTagger } from './attribution-cues';
import { withAppositive } from './attribution-subjects';
import { cueVerb } from './cues';
import { DETERMINERS, sourcePhraseAt, TIME_NOUNS } from './lexicon';
import { coordination, npForward } from './np';
import { isPluralNP } from './speaker-like';
import { nextComma, type Token, tokenize } from './text';

/** Parses `[ ]NP cue` / `cue NP` / `according to NP` filling exactly [from, to). */
export function tailAttribution(text: string, from: number, to: number): Attribution | null {
  const toks = tokenize(text, from, to);
  if (toks.length === 0 || toks.length > 30) return null;
  const t0 = toks[0] as Token;
  const last = toks[toks.length - 1] as Token;
  if (!gapIsSpace(text, last.end, to)) return null;
  const phrase = sourcePhraseAt(toks, 0);
  if (phrase > 0) {
    const pEnd = (toks[phrase - 1] as Token).end;
    const np = npForward(text, pEnd, to);
    if (np)
      return {
        cue: { start: t0.start, end: pEnd, text: text.slice(t0.start, pEnd), info: null, addressee: null },
        np,
        where: 'end',
      };
    return null;
  }
  const c0 = cueAt(text, toks, 0);
  if (c0?.info && c0.info.form !== 'ing') {
    const np = npForward(text, c0.end, to);
    if (np && np.end >= to - 1) return { cue: c0, np, where: 'end' };
    // "…, said people with knowledge of the matter, who asked not to be named": the speaker
    // with its phrase, then a relative clause to the end
    const rel = np ? /^[^,.;:]{0,80}(?=,\s+(who|whom|whose|which)\s)/.exec(text.slice(np.end, to)) : null;
    if (np && rel) {
      const end = np.end + rel[0].length;
      return { cue: c0, np: { ...np, end, text: text.slice(np.start, end) }, where: 'end' };
    }
  }
  if (toks.length > 16) return null;
  const first = npForward(text, t0.start, to);
  if (!first) return null;
  // "“…,” Lena Ortiz and Tom Hale said": names coordinated before the verb speak together
  let np = coordination(text, first) ?? first;
  // "Tom Reid, a spokesman for the police, said": up to two parentheses between speaker and verb
  let after = np.end;
  for (let n = 0; n < 2 && text[after] === ','; n++) {
    const close = nextComma(text, after + 1, to);
    if (close < 0) break;
    if (n === 0) np = withAppositive(text, np, close + 1);
    after = close + 1;
  }
  let k = 0;
  while (k < toks.length && (toks[k] as Token).end <= after) k++;
  // "sources who spoke with her said": a relative clause after the speaker, up to the last cue
  if (/^(who|that)$/i.test(toks[k]?.text ?? '')) {
    let j = toks.length - 1;
    while (j > k && !cueAt(text, toks, j, { allowBase: isPluralNP(np) })) j--;
    if (j > k + 1 && toks.length - j <= 6) k = j;
  }
  let n = 0;
  while (k < toks.length && n < 3 && isAdverb((toks[k] as Token).text) && !cueVerb((toks[k] as Token).text)) {
    k++;
    n++;
  }
  const cue = cueAt(text, toks, k, { allowBase: isPluralNP(np) });
  if (!cue) return null;
  // the rest must be short (time adverbials, "in a statement")
  const rest = tokenize(text, cue.end, to);
  if (rest.length > 5) return null;
  // … and no object: "…, the vote showed a shift." is a sentence of its own, not an attribution
  // (a determiner after the verb starts a noun phrase, except a time: "said this week")
  const r0 = rest[0]?.text.toLowerCase() ?? '';
  if (DETERMINERS.has(r0) && !TIME_NOUNS.has(rest[1]?.text.toLowerCase() ?? '')) return null;
  // … and never a clause of its own ("…, Democrats said the bill is dead": that is the report)
  if (
    rest.length > 1 &&
    verbTagger?.(text, t0.start, to).some((x) => x.start >= cue.end && /^(VBD|VBZ|VBP|MD)$/.test(x.tag))
  )
    return null;
  return { cue, np, where: 'end' };
}
