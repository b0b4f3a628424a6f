/**
 * Speaker history and name salience: the speakers resolved so far (remembered for later pronouns,
 * role nouns and "the source"), the last person who spoke, where a surname was last named, and the
 * subject person of a paragraph.
 */

import { npWords, splitConjuncts } from './descriptions';
import { isCapitalised, type NameOccurrence, type NameRegistry } from './names';
import { describe, type NP } from './np';
import type { Resolved, ResolverState, SpeakerHistoryItem } from './speaker-state';
import { sentenceStart } from './text';

/** The index of the first occurrence that starts at or after `pos` (occurrences are in text order). */
export function occurrenceIndex(occ: readonly NameOccurrence[], pos: number): number {
  let lo = 0;
  let hi = occ.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((occ[mid] as NameOccurrence).start < pos) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** The person registered under `surname`, as a resolved speaker. */
export function personBySurname(names: NameRegistry, surname: string): Resolved | null {
  const info = names.entry(surname);
  return info ? { name: info.name, kind: 'person', key: surname } : null;
}

/**
 * Records the speaker named by `np`. A joint description ("a person close to X and a U.S.
 * official familiar with Y") is remembered as a whole and as its parts, the first-named part
 * last so that a later "the source" picks the first-named source.
 */
export function rememberNP(s: ResolverState, np: NP | null, resolved: Resolved, pos: number): void {
  if (!np) {
    s.history.push({ pos, resolved, words: [] });
    return;
  }
  const words = npWords(s.text, np);
  const headW = words[words.length - 1] ?? '';
  // a plural head noun ("residents"), not a name that ends in -s ("Hicks")
  const nameLast = resolved.name.split(' ').pop() ?? '';
  const plural =
    (headW.endsWith('s') && !isCapitalised(nameLast)) ||
    words.includes('and') ||
    ((headW === 'they' || headW === 'their') && resolved.kind !== 'person');
  s.history.push({ pos, resolved, words, plural });
  if (resolved.kind !== 'anon') return;
  const parts = splitConjuncts(s.text, np);
  for (let i = parts.length - 1; i >= 0 && parts.length > 1; i--) {
    const part = parts[i] as NP;
    const pw = npWords(s.text, part);
    s.history.push({
      pos,
      resolved: { name: describe(part), kind: 'anon', key: pw.join(' ') },
      words: pw,
      plural: false,
    });
  }
}

/** The latest speaker at or before `pos` that satisfies `pred`. */
export function recentOfKind(
  s: ResolverState,
  pos: number,
  pred: (h: SpeakerHistoryItem) => boolean,
): Resolved | null {
  for (let k = s.history.length - 1; k >= 0; k--) {
    const h = s.history[k] as SpeakerHistoryItem;
    if (h.pos > pos) continue;
    if (pred(h)) return h.resolved;
  }
  return null;
}

/** The last person who spoke at or before `pos`, within 4,000 characters. */
export function lastPersonSpeaker(
  s: ResolverState,
  pos: number,
  exclude: string | null = null,
): Resolved | null {
  for (let k = s.history.length - 1; k >= 0; k--) {
    const h = s.history[k] as SpeakerHistoryItem;
    if (h.pos > pos) continue;
    if (pos - h.pos > 4000) return null;
    if (h.resolved.kind === 'person' && h.resolved.key !== exclude) return h.resolved;
  }
  return null;
}

/** Where the last person who spoke at or before `pos` was remembered; -1 when none. */
export function lastPersonSpeakerPos(s: ResolverState, pos: number): number {
  for (let k = s.history.length - 1; k >= 0; k--) {
    const h = s.history[k] as SpeakerHistoryItem;
    if (h.pos > pos) continue;
    if (pos - h.pos > 4000) return -1; // bounded, as in lastPersonSpeaker
    if (h.resolved.kind === 'person') return h.pos;
  }
  return -1;
}

/** Where `surname` was last named before `before` (among the 400 occurrences before it); -1 when not. */
export function lastOccurrence(names: NameRegistry, surname: string, before: number): number {
  const occ = names.occurrences;
  const lo = occurrenceIndex(occ, before);
  for (let k = lo - 1; k >= 0 && k > lo - 400; k--) {
    if ((occ[k] as NameOccurrence).surname === surname) return (occ[k] as NameOccurrence).start;
  }
  return -1;
}

/**
 * The person named as the subject of the nearest sentence in [from, to) that names one: its
 * first name occurrence, when that is not an object, a possessor or a modifier. For a quotation
 * without attribution in a paragraph about someone. Null when there is none.
 */
export function subjectPersonIn(s: ResolverState, from: number, to: number): Resolved | null {
  // the occurrences in [from, to), found by binary search (they are in text order)
  const all = s.names.occurrences;
  const occ: NameOccurrence[] = [];
  for (let k = occurrenceIndex(all, from); k < all.length && (all[k] as NameOccurrence).start < to; k++) {
    const o = all[k] as NameOccurrence;
    if (o.end <= to && !s.insideQuote(o.start)) occ.push(o);
  }
  const sentences = new Map<number, NameOccurrence>();
  for (const o of occ) {
    const ss = sentenceStart(s.text, o.start, Math.max(from, o.start - 600));
    if (!sentences.has(ss)) sentences.set(ss, o);
  }
  const pick = [...sentences.entries()].sort((a, b) => b[0] - a[0])[0]?.[1];
  if (!pick || pick.possessive || pick.object || pick.modifier) return null;
  return personBySurname(s.names, pick.surname);
}

/** How far back (characters) the last speaker may be for a bare body noun to mean it. */
const BODY_NOUN_REACH = 600;

/** The last speaker before `pos`, when it is an organisation named by a proper name and spoke just before. */
export function namedOrgJustBefore(s: ResolverState, pos: number): Resolved | null {
  for (let k = s.history.length - 1; k >= 0; k--) {
    const h = s.history[k] as SpeakerHistoryItem;
    if (h.pos >= pos) continue;
    const named = h.resolved.kind === 'org' && isCapitalised(h.resolved.name.split(' ')[0] ?? '');
    return named && pos - h.pos < BODY_NOUN_REACH ? h.resolved : null;
  }
  return null;
}
