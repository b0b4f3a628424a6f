/**
 * Attribution finding: the cue (reporting expression) and the speaker noun phrase around a
 * quotation or inside a sentence. All searches are confined to the quote's sentence or a short
 * window after/before it.
 */

import {
  type Attribution,
  type Cue,
  cueAt,
  isAdverb,
  objectAsSaying,
  perceivedIng,
  relativeInReport,
  speechCueBefore,
  taggedCue,
} from './attribution-cues';
import {
  subjectOf,
  taggedNPForward,
  taggedSubjectCue,
  verbInsideNP,
  withAppositive,
  withPostModifier,
} from './attribution-subjects';
import { ingSubject, mainSubject } from './clause-subjects';
import { cueVerb, isBeliefVerb, isEvidentialVerb } from './cues';
import {
  AUTHORSHIP_PARTICIPLES,
  DETERMINERS,
  DOC_HEADS,
  POSSESSIVE_PRONOUNS,
  sourcePhraseAt,
} from './lexicon';
import { bare } from './names';
import { coordination, type NP, npBackward, npForward } from './np';
import { isDeterminerOnly, isPluralNP, speakerLike } from './speaker-like';
import { tailAttribution } from './tail-attribution';
import { afterQuote, isSpace, key, nextComma, skipSpaces, type Token, tokenize } from './text';

export { type Attribution, type Cue, cueAt, useAttributionTagger } from './attribution-cues';
export { isPreposition, subjectOf } from './attribution-subjects';
export { ingSubject, mainSubject } from './clause-subjects';
export { plausibleSpeaker, speakerLike } from './speaker-like';
export { tailAttribution } from './tail-attribution';

export const MAX_WINDOW = 240;

/**
 * Attribution after a quote's closing mark: `” said Leavitt`, `,” he continued`,
 * `,” Trump told reporters last week`, `,” tweeted Qatar Foreign Ministry spokesperson …`.
 */
export function attributionAfter(text: string, from: number, limit: number): Attribution | null {
  let i = from;
  while (i < limit && (isSpace(text[i]) || text[i] === ',' || text[i] === '\u2014' || text[i] === '\u2013'))
    i++;
  if (i - from > 4) return null;
  // "“…,” [Bruck] said": a name an editor put in square brackets for a pronoun
  if (text[i] === '[' && /^\[[^[\]\n]{2,40}\]\s/.test(text.slice(i, i + 44))) i++;
  const end = Math.min(limit, i + MAX_WINDOW);
  const toks = tokenize(text, i, end);
  const t0 = toks[0];
  if (!t0 || t0.start !== i) return null;
  // ",” according to the mayor", ",” in the words of one nurse"
  if (sourcePhraseAt(toks, 0) > 0) return sourcePhraseAfter(text, toks, end);
  // "as the Washington Post put it", "as Smith noted"
  if (t0.text === 'as') return asAttribution(text, toks, end);
  // inverted: cue NP
  const inverted = invertedAfter(text, toks, end);
  if (inverted) return inverted;
  return subjectCueAfter(text, toks, from, i, end, limit);
}

/** ",” according to the mayor": the source phrase and its noun phrase. */
function sourcePhraseAfter(text: string, toks: Token[], end: number): Attribution | null {
  const t0 = toks[0] as Token;
  const pEnd = (toks[sourcePhraseAt(toks, 0) - 1] as Token).end;
  const np = npForward(text, pEnd, end);
  return np
    ? {
        cue: { start: t0.start, end: pEnd, text: text.slice(t0.start, pEnd), info: null, addressee: null },
        np: withAppositive(text, np, end),
        where: 'after',
      }
    : null;
}

/** ",” as the Washington Post put it", ",” as Smith noted". */
function asAttribution(text: string, toks: Token[], end: number): Attribution | null {
  const np = npForward(text, (toks[0] as Token).end, end, false);
  if (!np || !speakerLike(np)) return null;
  let k = 1;
  while (k < toks.length && (toks[k] as Token).end <= np.end) k++;
  const v = toks[k];
  const it = toks[k + 1];
  if (v && it && v.text === 'put' && it.text === 'it') {
    return {
      cue: { start: v.start, end: it.end, text: text.slice(v.start, it.end), info: null, addressee: null },
      np,
      where: 'after',
    };
  }
  const cue = cueAt(text, toks, k);
  return cue ? { cue, np, where: 'after' } : null;
}

/** ",” said the mayor": the cue first, its subject after it. */
function invertedAfter(text: string, toks: Token[], end: number): Attribution | null {
  const c0 = cueAt(text, toks, 0);
  if (!c0?.info || c0.info.form === 'ing') return null;
  const np = npForward(text, c0.end, end) ?? taggedNPForward(text, skipSpaces(text, c0.end, end), end);
  // ",” said the city’s lawyer, Sam Berg": the name in the appositive speaks
  return np ? { cue: c0, np: withAppositive(text, np, end), where: 'after' } : null;
}

/**
 * ",” the mayor said": NP (fillers) cue, possibly with an appositive or relative clause in
 * between ("Ruby Chen, whose … war, told Israeli media", "Rama, the Albanian leader, said").
 */
function subjectCueAfter(
  text: string,
  toks: Token[],
  from: number,
  i: number,
  end: number,
  limit: number,
): Attribution | null {
  const found = npForward(text, i, end);
  if (!found) return afterQuote(text, from) ? taggedSubjectCue(text, toks, i, limit) : null;
  // ",” Lena Ortiz and Tom Hale said": names coordinated before the verb speak together
  const joint = coordination(text, found);
  let np = joint && joint.end <= end ? joint : withPostModifier(text, found, end);
  let after = np.end;
  if (text[i - 1] === '[' && text[after] === ']') after++;
  // "Ortiz (D-Texas) said", "Ortiz (pictured) said": a short parenthesis after the name
  const paren = /^ ?\([^()\n]{1,40}\)/.exec(text.slice(after, after + 44));
  if (paren) after += paren[0].length;
  if (text[after] === ',') {
    const close = nextComma(text, after + 1, Math.min(limit, after + 260));
    if (close > 0) {
      // ",” the lawyer, Sam Berg, said": the name in the appositive of a description speaks
      const named = withAppositive(text, np, close + 1);
      if (named !== np) np = named;
      else {
        const appositive = npForward(text, after + 1, close, false);
        (np as NP & { appositive?: NP | null }).appositive =
          appositive && appositive.end >= close - 1 ? appositive : null;
      }
      after = close + 1;
      // "Shawn Styles, 30, who works next door, said": a second parenthesis before the verb
      after = secondParenthesis(text, toks, after, limit);
    }
  }
  let k = 0;
  while (k < toks.length && (toks[k] as Token).end <= after) k++;
  const beforeFillers = k;
  // skip fillers
  let n = 0;
  while (k < toks.length && n < 3 && isAdverb((toks[k] as Token).text) && !cueVerb((toks[k] as Token).text)) {
    k++;
    n++;
  }
  const quoted = afterQuote(text, from);
  // "Ana Ruiz is heard saying", "was seen telling": auxiliaries, a participle, then the -ing cue
  const heard = quoted ? perceivedIng(text, toks, beforeFillers) : null;
  if (heard) return { cue: heard, np, where: 'after' };
  const cue =
    cueAt(text, toks, k, { allowBase: isPluralNP(np) }) ??
    (quoted ? taggedCue(text, toks, k, isPluralNP(np), np.start, limit) : null);
  // "the statement quoted Ana Ruiz as saying": the verb's object is the speaker
  if (cue) return objectAsSaying(text, toks, cue) ?? { cue, np, where: 'after' };
  const inside = quoted ? verbInsideNP(text, toks, np, limit) : null;
  return inside ? (objectAsSaying(text, toks, inside.cue) ?? inside) : null;
}

/** After a parenthesis closed at `after - 1`, the end of a second one when a cue follows it. */
function secondParenthesis(text: string, toks: Token[], after: number, limit: number): number {
  const k = toks.findIndex((t) => t.start >= after);
  if (k < 0 || cueAt(text, toks, k)) return after;
  const close = nextComma(text, after, Math.min(limit, after + 160));
  if (close < 0) return after;
  const j = toks.findIndex((t) => t.start > close);
  return j >= 0 && cueAt(text, toks, j) ? close + 1 : after;
}

/**
 * Attribution before a quote within its sentence: `X said: “`, `X told reporters that … “`,
 * `A Qatari official said, speaking anonymously, “`, `according to X, … “`.
 * `sentStart` bounds the search. Returns the rightmost cue with a subject.
 */
export function attributionBefore(text: string, sentStart: number, open: number): Attribution | null {
  const from = Math.max(sentStart, open - MAX_WINDOW);
  const toks = tokenize(text, from, open);
  for (let k = toks.length - 1; k >= 0; k--) {
    const found = attributionBeforeAt({ text, toks, from, open }, k);
    if (found) return found;
  }
  return null;
}

/** The sentence before a quotation, as `attributionBefore` reads it. */
interface BeforeSite {
  text: string;
  toks: Token[];
  from: number;
  open: number;
}

/** The attribution whose cue is at token k, or null (the search goes on leftwards). */
function attributionBeforeAt(site: BeforeSite, k: number): Attribution | null {
  const { text, toks } = site;
  // "according to X", "in the words of X"
  const phrase = sourcePhraseAt(toks, k);
  if (phrase > 0) return sourcePhraseBefore(site, k, phrase);
  const putIt = asPutItBefore(site, k);
  if (putIt) return putIt;
  const cue = cueAt(text, toks, k, { allowBase: true });
  if (!cue?.info) return null;
  // "Reid said Cole still believes the plan is “dead.”": a belief reported by a speaker quotes the
  // speaker's words, not the believer's; the search goes on to the reporting verb
  // (so does evidence: "the judge told Ambrose he had shown “a callous disregard …”")
  const inner = isBeliefVerb(cue.info.lemma) || isEvidentialVerb(cue.info.lemma);
  if (inner && speechCueBefore(text, toks, k)) return null;
  // (and a verb in a relative clause inside another report: "Haley said that women who had
  // accused Mr. Trump of misconduct “should be heard”")
  if (relativeInReport(text, toks, k)) return null;
  // (and a participle of authorship on a document, "a statement posted on Telegram": a reduced
  // relative, never the document's own verb)
  if (AUTHORSHIP_PARTICIPLES.has(cue.text.toLowerCase()) && DOC_HEADS.has(bare(toks[k - 1]?.text ?? '')))
    return null;
  if (cue.info.form === 'base') return baseFormBefore(site, k, cue);
  if (cue.info.form === 'ing') {
    const pw = toks[k - 1]?.text.toLowerCase() ?? '';
    if (DETERMINERS.has(pw) || pw.endsWith('\u2019s') || pw.endsWith("'s")) return null; // "the warning"
    // "its air-quality messaging": a possessive before it, or before one hyphened modifier, makes a noun
    const ppw = toks[k - 2]?.text.toLowerCase() ?? '';
    if (POSSESSIVE_PRONOUNS.has(pw) || (POSSESSIVE_PRONOUNS.has(ppw) && pw.includes('-'))) return null;
    // "…, saying …": subject of the main clause
    const subj = ingSubject(text, toks, k, site.open).np ?? mainSubject(text, toks, k, site.from);
    // ("There are videos of fans screaming “…”": an existential "there" is no speaker)
    if (subj && subj.tokens.length === 1 && key((subj.tokens[0] as Token).text) === 'there') return null;
    return { cue, np: subj, where: 'before' };
  }
  const passive = passiveBefore(site, k, cue);
  return passive === undefined ? finiteBefore(site, k, cue) : passive;
}

function sourcePhraseBefore(site: BeforeSite, k: number, phrase: number): Attribution | null {
  const { text, toks, open } = site;
  const t = toks[k] as Token;
  const to = toks[k + phrase - 1] as Token;
  const np = npForward(text, to.end, open);
  if (!np) return null;
  return {
    cue: { start: t.start, end: to.end, text: text.slice(t.start, to.end), info: null, addressee: null },
    np: withAppositive(text, np, open),
    where: 'before',
  };
}

/** "as X put it". */
function asPutItBefore(site: BeforeSite, k: number): Attribution | null {
  const { text, toks, from } = site;
  const t = toks[k] as Token;
  if (t.text.toLowerCase() !== 'put' || toks[k + 1]?.text.toLowerCase() !== 'it') return null;
  const np = npBackward(text, t.start - 1, from);
  const asTok = np ? toks.find((x) => x.end <= np.start && x.end >= np.start - 4) : undefined;
  if (!np || !asTok || asTok.text.toLowerCase() !== 'as') return null;
  const it = toks[k + 1] as Token;
  return {
    cue: { start: t.start, end: it.end, text: text.slice(t.start, it.end), info: null, addressee: null },
    np,
    where: 'before',
  };
}

/** A base-form cue: "went on to say" (the governing verb's subject), "officials say", "as they say". */
function baseFormBefore(site: BeforeSite, k: number, cue: Cue): Attribution | null {
  const { text, toks, from } = site;
  const prevTok = toks[k - 1];
  const pl = prevTok ? prevTok.text.toLowerCase() : '';
  const subj = subjectOf(text, toks, k, from);
  if (pl === 'to' && prevTok) {
    // "declined to characterize", "went on to say": subject of the governing verb (a phrasal
    // verb's particle is skipped: the subject of "went on" is before "went")
    const gov = toks[k - 2]?.text.toLowerCase() === 'on' && k >= 3 ? toks[k - 3] : toks[k - 2];
    if (!gov) return null;
    // "allowed the prosecutor to call it “…”": a noun after a determiner is no governing verb but
    // the object that controls the infinitive (Quirk et al. 1985, §16.51): it is the speaker
    if (DETERMINERS.has(toks[toks.indexOf(gov) - 1]?.text.toLowerCase() ?? '')) {
      const np = npBackward(text, gov.end, from);
      return np
        ? {
            cue: { ...cue, start: prevTok.start, text: text.slice(prevTok.start, cue.end) },
            np,
            where: 'before',
          }
        : null;
    }
    const s2 = subjectOf(text, toks, toks.indexOf(gov), from);
    return s2
      ? { cue: { ...cue, start: gov.start, text: text.slice(gov.start, cue.end) }, np: s2, where: 'before' }
      : null;
  }
  if (
    !(subj && isPluralNP(subj)) &&
    !(pl === 'as' || pl === 'would' || pl === 'will' || pl === 'did' || pl === 'could')
  )
    return null;
  return subj ? { cue, np: subj, where: 'before' } : null;
}

/** Passive "was described as": agent after "by", else agentless; undefined when not passive. */
function passiveBefore(site: BeforeSite, k: number, cue: Cue): Attribution | null | undefined {
  const { text, toks, open } = site;
  const prevTok = toks[k - 1];
  const pl = prevTok ? prevTok.text.toLowerCase() : '';
  if (!(pl === 'was' || pl === 'were' || pl === 'been' || pl === 'is' || pl === 'are' || pl === 'be'))
    return undefined;
  if (!prevTok) return null;
  const byTok = toks.find((x, idx) => idx > k && x.text === 'by' && x.end <= open);
  const agent = byTok ? npForward(text, byTok.end, open) : null;
  if (cue.info?.lemma !== 'describe' && cue.info?.lemma !== 'call' && !agent) return null;
  return {
    cue: { ...cue, start: prevTok.start, text: text.slice(prevTok.start, cue.end) },
    np: agent,
    where: 'before',
  };
}

/** A finite cue with its subject before it, or inverted "said X:" running up to the quotation. */
function finiteBefore(site: BeforeSite, k: number, cue: Cue): Attribution | null {
  const { text, toks, from, open } = site;
  let subj = subjectOf(text, toks, k, from);
  if (!subj) {
    // inverted "said X:" — the NP must run up to the quote (or a colon/comma before it)
    // (a phrase only the tags read must end at a colon or comma: in "called the plan “reckless”"
    // the phrase is the verb's object)
    const listed = npForward(text, cue.end, open);
    const tagRead = listed ? null : taggedNPForward(text, skipSpaces(text, cue.end, open), open);
    const inv = listed ?? (tagRead && /[:,]/.test(text.slice(tagRead.end, open)) ? tagRead : null);
    if (inv && inv.kind !== 'pronoun' && onlyPunctBetween(text, inv.end, open)) subj = inv;
    else if (cue.info?.form === 'past') subj = mainSubject(text, toks, k, from);
  }
  if (!subj || isDeterminerOnly(subj)) return null;
  return { cue, np: subj, where: 'before' };
}

export function onlyPunctBetween(text: string, a: number, b: number): boolean {
  if (b - a > 4) return false;
  for (let k = a; k < b; k++) {
    const c = text[k];
    if (!isSpace(c) && c !== ',' && c !== ':' && c !== '\u2014') return false;
  }
  return true;
}

/**
 * Attribution at the end of the sentence containing a quote (after the quote):
 * `… to hold up on their ICC plans, Indyk said.` or `…, according to X.`
 */
export function attributionAtEnd(text: string, from: number, sentEnd: number): Attribution | null {
  // last comma in (from, sentEnd)
  let e = sentEnd;
  while (
    e > from &&
    (text[e - 1] === '.' || text[e - 1] === '!' || text[e - 1] === '?' || isSpace(text[e - 1]))
  )
    e--;
  let comma = -1;
  for (let i = e - 1; i >= from && i >= e - 120; i--) {
    const c = text[i];
    if (c === ',') {
      comma = i;
      break;
    }
    if (c === '"' || c === '\u201c' || c === '\u201d' || c === ';' || c === ':') break;
  }
  if (comma < 0) return null;
  const tail = tailAttribution(text, comma + 1, e);
  if (tail) tail.where = 'end';
  return tail;
}
