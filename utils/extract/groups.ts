/**
 * Group resolution for "they"/"their": the nearest plural subject ("Residents", "the
 * researchers", "Ana Ruiz and Li Wei") opening the pronoun's sentence or one of the three before
 * it, or a plural speaker remembered since, whichever is nearer.
 */

import { nounClass } from '../nlp/noun-classes';
import { IRREGULAR_PAST } from './lexicon';
import { isCapitalised, PREPOSITIONS } from './names';
import { coordination, isQuoteChar, type NP, npForward, npOfSpan } from './np';
import { agentive } from './reported-subject';
import type { Resolved, ResolverState, SpeakerHistoryItem } from './speaker-state';
import { isSpace, sentenceEnd, sentenceStart, type Token, tokenize } from './text';

/**
 * Antecedent of "they"/"their": the nearest plural subject — a plural noun phrase ("Residents",
 * "the researchers") or coordinated names — that opens one of the three sentences before the
 * pronoun's, or a plural speaker remembered since (", residents said"), whichever is nearer.
 * Null when there is none; a collective body ("the union … they") is the caller's fallback.
 */
export function recentGroup(s: ResolverState, pos: number): Resolved | null {
  const { remembered, body } = lastGroupSpeaker(s, pos);
  // the pronoun's own sentence first ("Officials went to the station, where they claimed …")
  const own = sentenceStart(s.text, pos, Math.max(0, pos - 600));
  const ownSubject = own < pos ? groupSubjectAt(s, own, pos) : null;
  if (ownSubject && (!remembered || remembered.pos < own) && body < own) {
    const r = s.resolve(ownSubject);
    if (r) return r;
  }
  let end = own;
  for (let n = 0; n < 3 && end > 0 && pos - end < 1500; n++) {
    // (the spaces between two sentences are no sentence of their own)
    while (end > 0 && isSpace(s.text[end - 1])) end--;
    const ss = sentenceStart(s.text, end - 1, Math.max(0, end - 600));
    if ((remembered && remembered.pos >= ss) || body >= ss) break;
    const np = groupSubjectAt(s, ss, end);
    const r = np ? s.resolve(np) : null;
    if (r) return r;
    end = ss;
  }
  return remembered?.resolved ?? null;
}

/**
 * The nearest speaker before `pos` (within 1,500 characters) that "they" can stand for: a plural
 * one (`remembered`), or a body, whose position is `body` (then the caller's fallback); -1 when
 * none.
 */
function lastGroupSpeaker(
  s: ResolverState,
  pos: number,
): { remembered: SpeakerHistoryItem | null; body: number } {
  for (let k = s.history.length - 1; k >= 0; k--) {
    const h = s.history[k] as SpeakerHistoryItem;
    if (h.pos >= pos) continue;
    if (pos - h.pos > 1500) break;
    if (h.plural) return { remembered: h, body: -1 };
    if (h.resolved.kind === 'org' || h.resolved.kind === 'pub') return { remembered: null, body: h.pos };
  }
  return { remembered: null, body: -1 };
}

/** A plural common noun phrase at `from` read by its tags ("church officials met …"). */
function taggedPlural(s: ResolverState, from: number, end: number): NP | null {
  if (!s.tagger) return null;
  const tags = s.tagger(s.text, from, end);
  let j = 0;
  if (tags[0]?.tag === 'DT' || tags[0]?.tag === 'PRP$') j++;
  while (j < tags.length && /^(JJ|CD|NN|NNP|VBN)$/.test((tags[j] as { tag: string }).tag)) j++;
  const head = tags[j];
  if (head?.tag !== 'NNS' || head.start < from) return null;
  return npOfSpan(s.text, from, head.end);
}

/**
 * The subject opening the sentence [ss, end) when "they" can stand for it: plural ("Residents",
 * "Ana Ruiz and Li Wei") or a body ("The company said …").
 */
/**
 * Antecedent of "it"/"its" when no body spoke since: the nearest singular organisation that opens
 * one of the three sentences before the pronoun's ("The ministry denied the report. It said …").
 * Null when a speaker was remembered in between (the caller's history decides then).
 */
export function recentBody(s: ResolverState, pos: number): Resolved | null {
  // a body that spoke since is the caller's ("it" never stands for a person who spoke since)
  let last = -1;
  for (let k = s.history.length - 1; k >= 0 && last < 0; k--) {
    const h = s.history[k] as SpeakerHistoryItem;
    if (h.pos < pos && h.resolved.kind !== 'person' && !h.plural) last = h.pos;
  }
  let end = sentenceStart(s.text, pos, Math.max(0, pos - 600));
  // "The union rejected what it said …": the body that opens the pronoun's own sentence
  if (last < end) {
    const own = bodyIn(s, subjectAt(s, end, pos), pos);
    if (own && own.end < pos) {
      const r = s.resolve(own);
      if (r) return r;
    }
  }
  for (let n = 0; n < 3 && end > 0 && pos - end < 1500; n++) {
    // (the spaces between two sentences are no sentence of their own)
    while (end > 0 && isSpace(s.text[end - 1])) end--;
    const ss = sentenceStart(s.text, end - 1, Math.max(0, end - 600));
    if (last >= ss) return null;
    const np = bodyIn(s, subjectAt(s, ss, end), end);
    if (np) {
      const r = s.resolve(np);
      if (r) return r;
    }
    end = ss;
  }
  return null;
}

/**
 * The body a subject names: the subject itself, or the body its "of"/"at" complement names ("Shares
 * of the company fell after it warned …", "The head of the agency said it …": "it" is no person
 * and no plural, so it stands for the body).
 */
function bodyIn(s: ResolverState, np: NP | null, limit: number): NP | null {
  if (!np) return null;
  if (isBody(np)) return np;
  const headEnd = (np.tokens[np.head] as Token).end;
  const of = /^\s+(of|at)\s+/.exec(s.text.slice(headEnd, headEnd + 6));
  if (!of) return null;
  const from = headEnd + of[0].length;
  const to = Math.min(limit, from + 120);
  const inner = s.tagger ? taggedSubject(s, from, to) : npForward(s.text, from, to, false);
  return inner && inner.start === from && isBody(inner) ? inner : null;
}

/**
 * A singular organisation: by the lexicon's organisation and publication heads, or a determined
 * noun WordNet knows first as a group ("the church", "the Church of Scientology", "the council").
 */
function isBody(np: NP): boolean {
  const head = (np.tokens[np.head] as Token).text;
  if (/[^s]s$/.test(head)) return false;
  if (np.kind === 'org' || np.kind === 'pub') return true;
  return np.det === 'the' && nounClass(head.toLowerCase()) === 'group';
}

/** The noun phrase opening the sentence at `sentence`, past a fronted phrase of time or place. */
function subjectAt(s: ResolverState, sentence: number, end: number): NP | null {
  const text = s.text;
  const ss = subjectStart(s, sentence, end);
  if (ss < 0) return null;
  const sEnd = Math.min(end, sentenceEnd(text, ss, end));
  const np = s.tagger ? taggedSubject(s, ss, sEnd) : npForward(text, ss, sEnd, false);
  return np && np.start === ss && np.kind !== 'pronoun' ? np : null;
}

/**
 * The subject read by its tags: a determiner, modifiers and nouns up to the last noun before the
 * finite verb, with an "of"-complement of proper nouns ("The Church of Scientology rejected …").
 */
function taggedSubject(s: ResolverState, from: number, end: number): NP | null {
  const tags = (s.tagger as NonNullable<ResolverState['tagger']>)(s.text, from, end);
  let j = tags[0]?.tag === 'DT' || tags[0]?.tag === 'PRP$' ? 1 : 0;
  let head = -1;
  for (; j < tags.length && /^(JJ|CD|NN|NNS|NNP|NNPS)$/.test((tags[j] as { tag: string }).tag); j++) {
    const t = tags[j] as { tag: string; text: string };
    // "The company lost/JJ money": a past-tense form after the noun is the verb the tagger missed
    if (t.tag === 'JJ' && head === j - 1 && pastForm(t.text)) break;
    if (t.tag.startsWith('NN')) head = j;
  }
  if (head >= 0 && tags[j]?.text === 'of' && tags[j + 1]?.tag === 'NNP') {
    for (j++; tags[j]?.tag === 'NNP' || tags[j]?.tag === 'NNPS'; j++) head = j;
  }
  if (head < 0) return null;
  return npOfSpan(s.text, from, (tags[head] as { end: number }).end);
}

/** A regular or irregular past-tense form ("closed", "lost"). */
function pastForm(w: string): boolean {
  const low = w.toLowerCase();
  return IRREGULAR_PAST.has(low) || (low.length > 4 && low.endsWith('ed'));
}

/** Coordinators and linking adverbs that may open a sentence before its subject. */
const SENTENCE_LINKS = new Set(['but', 'and', 'yet', 'so', 'still', 'however', 'meanwhile', 'instead']);

/**
 * Where the subject of the sentence at `sentence` starts: past a fronted phrase of time or place
 * ("On September 29, officials …") and an opening "But" or "However,"; -1 inside a quotation.
 */
function subjectStart(s: ResolverState, sentence: number, end: number): number {
  const text = s.text;
  let ss = sentence;
  if (s.insideQuote(ss) || isQuoteChar(text[ss])) return -1;
  const first = tokenize(text, ss, Math.min(end, ss + 80));
  let lead = first[0]?.text.toLowerCase() ?? '';
  // "But the union wants …": a coordinator or linking adverb that opens the sentence links it to
  // the one before; the subject follows it (Quirk et al. 1985, §8.134–8.137 conjuncts, §13.18)
  if (SENTENCE_LINKS.has(lead) && first[1]) {
    ss = first[1].start;
    while (ss < end && (isSpace(text[ss]) || text[ss] === ',')) ss++;
    lead = tokenize(text, ss, Math.min(end, ss + 40))[0]?.text.toLowerCase() ?? '';
  }
  if (PREPOSITIONS.has(lead) || lead === 'in' || lead === 'after' || lead === 'on') {
    const comma = text.indexOf(',', ss);
    if (comma > ss && comma < Math.min(end, ss + 80)) {
      ss = comma + 1;
      while (ss < end && isSpace(text[ss])) ss++;
    }
  }
  return ss;
}

function groupSubjectAt(s: ResolverState, sentence: number, end: number): NP | null {
  const text = s.text;
  const ss = subjectStart(s, sentence, end);
  if (ss < 0) return null;
  const sEnd = Math.min(end, sentenceEnd(text, ss, end));
  const np = npForward(text, ss, sEnd, false) ?? taggedPlural(s, ss, sEnd);
  if (!np || np.start !== ss || np.kind === 'pronoun') return null;
  if ((np.kind === 'org' || np.kind === 'pub') && np.det !== '') return np;
  const joint = coordination(text, np);
  if (joint?.conjuncts) return joint;
  const head = np.tokens[np.head] as Token;
  if (s.tagger) {
    const tags = s.tagger(text, ss, Math.min(end, np.end + 40));
    const i = tags.findIndex((x) => x.start === head.start);
    const t = tags[i];
    // a plural of things is no "they" who speak ("Several scenarios were considered. They
    // estimated …"): a common noun must name people or bodies
    if (t?.tag === 'NNS') return agentive(tags, { from: i, to: i + 1 }) ? np : null;
    return t && t.tag === 'NNPS' && head.start === ss ? np : null;
  }
  if (isCapitalised(head.text) && head.start !== ss) return null; // a name
  return /[^s]s$/.test(head.text) ? np : null;
}
