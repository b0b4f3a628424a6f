/**
 * Pronoun resolution: he/she/his/her by salience (a role noun of the pronoun's sentence, a
 * role-noun subject just before, else the subject of the nearest sentence naming a fitting
 * person, else the last person who spoke); they/their by the nearest plural subject (groups.ts);
 * it/its/whose (and an unresolved "they") by the last body that spoke or wrote.
 */

import { givenName } from '../nlp/given-names';
import { nounClass } from '../nlp/noun-classes';
import { isPreposition } from './attribution-subjects';
import { recentDocAuthor } from './bodies';
import { cueVerb } from './cues';
import { recentBody, recentGroup } from './groups';
import { FEMALE_ROLES, MALE_ROLES, POSSESSIVE_PRONOUNS, ROLE_NOUNS, TITLES } from './lexicon';
import { bare, type NameOccurrence } from './names';
import { describe, isAge, isQuoteChar, npForward } from './np';
import { resolveRole } from './roles';
import {
  lastOccurrence,
  lastPersonSpeaker,
  lastPersonSpeakerPos,
  occurrenceIndex,
  personBySurname,
  recentOfKind,
} from './speaker-history';
import type { Resolved, ResolveRule, ResolverState, SpeakerHistoryItem } from './speaker-state';
import { isPossessive, isSpace, sentenceStart, type Token, tokenize } from './text';

export const pronounRule: ResolveRule = (s, np) => {
  if (np.kind !== 'pronoun') return undefined;
  const headBare = bare((np.tokens[np.head] as Token).text);
  if (headBare === 'he' || headBare === 'his' || headBare === 'she' || headBare === 'her') {
    const female = headBare === 'she' || headBare === 'her';
    if (headBare === 'he' || headBare === 'she') {
      const goingOn = continuedBy(s, np.start, np.end, female);
      if (goingOn) return goingOn;
    }
    return recentPerson(
      s,
      np.start,
      headBare === 'she' || headBare === 'her',
      headBare === 'his' || headBare === 'her',
      replyTo(s, np.end),
    );
  }
  if (headBare === 'they' || headBare === 'their') {
    const group = recentGroup(s, np.start);
    if (group) return group;
  }
  if (
    headBare === 'they' ||
    headBare === 'their' ||
    headBare === 'it' ||
    headBare === 'its' ||
    headBare === 'whose'
  ) {
    const it = headBare === 'it' || headBare === 'its';
    return (
      (it ? recentBody(s, np.start) : null) ??
      recentOfKind(s, np.start, (h) => h.resolved.kind !== 'person' && !h.plural && !onePerson(h)) ??
      recentDocAuthor(s, np.start) ??
      // a body is "they" too ("The church denied it. They also claimed …")
      (it ? null : recentBody(s, np.start))
    );
  }
  return null; // I, we, you: the writer or someone inside a quote
};

/**
 * The verbs of going on with what one was saying, by their lemma in the cue lexicon (cues.ts):
 * WordNet's "add" (state or say further) and "continue" (go on talking). "“…,” he added." is said
 * by the last person who spoke, as news writes it, not by the last one named.
 */
const GOING_ON = new Set(['add', 'continue']);

/** How far back (characters) the last speaker is the one who goes on. */
const GOING_ON_REACH = 1500;

/**
 * The last person who spoke, when a verb of going on follows the pronoun ending at `end` and that
 * person may be "he" or "she" (`female`); null otherwise.
 */
function continuedBy(s: ResolverState, start: number, end: number, female: boolean): Resolved | null {
  const next = tokenize(s.text, end, Math.min(s.text.length, end + 20))[0];
  if (!next || !GOING_ON.has(cueVerb(next.text.toLowerCase())?.lemma ?? '')) return null;
  const pos = lastPersonSpeakerPos(s, start);
  const last = lastPersonSpeaker(s, start);
  if (!last || pos < 0 || start - pos > GOING_ON_REACH) return null;
  const known = s.names.entry(last.key)?.female;
  return known === null || known === undefined || known === female ? last : null;
}

/**
 * The verbs of replying, by their lemma in the cue lexicon (cues.ts): WordNet's synsets "reply,
 * respond, answer" and "retort". One replies to someone else, so the speaker just quoted is not
 * the subject.
 */
const REPLYING = new Set(['reply', 'respond', 'answer', 'retort']);

/**
 * The key of the speaker replied to when a verb of replying follows the pronoun ending at `end`:
 * the last speaker, when quoted in the pronoun's own sentence ("The host quipped, “…?” to which
 * she replied"); one quoted earlier may not be the one replied to ("When asked by a fan …, she
 * responded").
 */
function replyTo(s: ResolverState, end: number): string | null {
  const next = tokenize(s.text, end, Math.min(s.text.length, end + 20))[0];
  if (!next || !REPLYING.has(cueVerb(next.text.toLowerCase())?.lemma ?? '')) return null;
  const own = sentenceStart(s.text, end, Math.max(0, end - 600));
  for (let k = s.history.length - 1; k >= 0; k--) {
    const h = s.history[k] as SpeakerHistoryItem;
    if (h.pos < end) return h.pos >= own ? h.resolved.key : null;
  }
  return null;
}

/**
 * A speaker described as one person ("an Australian woman", "a senior official"): the head noun is
 * a person in WordNet. Not a body, so no antecedent of an unresolved "they" or "it".
 */
function onePerson(h: SpeakerHistoryItem): boolean {
  return h.resolved.kind === 'anon' && nounClass(headOf(descriptionWords(h))) === 'person';
}

/**
 * The words of the description a speaker was resolved to (a later "he" remembered as the
 * description it stands for is read by the description's words, not by "he").
 */
function descriptionWords(h: SpeakerHistoryItem): string[] {
  return h.resolved.kind === 'anon' ? h.resolved.key.split(' ') : h.words;
}

/**
 * The head noun of a description's words: the last word before a post-modifying phrase ("one
 * student at Duke University in Durham" → "student").
 */
function headOf(words: readonly string[]): string {
  const pp = words.findIndex((w, i) => i > 0 && isPreposition(w));
  return (pp > 0 ? words[pp - 1] : words[words.length - 1]) ?? '';
}

/**
 * "the 54-year-old said": a definite age standing for a person is the person the text is about
 * (the salient person before it, by the pronoun rules), else the description itself.
 */
export const ageRule: ResolveRule = (s, np) => {
  const head = np.tokens[np.head] as Token;
  if (np.det !== 'the' || !isAge(head.text) || np.head !== np.tokens.length - 1) return undefined;
  return recentPerson(s, np.start, null) ?? undefined;
};

/** A person's sex as the given name of their own name shows it, else as their entry's evidence has it. */
function personSex(s: ResolverState, r: Resolved): boolean | null {
  const sex = givenName(r.name.split(' ')[0] ?? '');
  if (sex === 'female' || sex === 'male') return sex === 'female';
  return s.names.entry(r.key)?.female ?? null;
}

/** Below this likelihood of being a person (entity typer, document votes) a name is no antecedent. */
const PERSON_MIN = 0.05;

/**
 * Antecedent of he/she at `pos`: a definite role noun earlier in the same sentence ("the
 * Israeli leader … his"), else the nearest sentence that names a person: the last speaker if
 * named there, otherwise its first subject-like mention (not a possessor, not after a
 * preposition). With `female` null, either sex (the person a quotation with no attribution
 * belongs to).
 */
export function recentPerson(
  s: ResolverState,
  pos: number,
  female: boolean | null,
  possessive = false,
  exclude: string | null = null,
): Resolved | null {
  const occ = s.names.occurrences;
  const lo = occurrenceIndex(occ, pos);
  // the last speaker is an antecedent only of a pronoun of a fitting gender ("Ruth Okafor said …
  // Okafor met Daniel Price. He said …")
  const last = lastPersonSpeaker(s, pos, exclude);
  const lastSex = last ? personSex(s, last) : null;
  const lastSpeaker = female === null || lastSex === null || lastSex === female ? last : null;
  const ok = (o: NameOccurrence): boolean => {
    const info = s.names.entry(o.surname);
    if (!info || o.modifier || o.surname === exclude) return false;
    // a name the document's mentions type as a place or an organisation is no "he" or "she";
    // a given name the gazetteer knows as a woman's or a man's (or Mrs, Mr) outweighs the typer
    if (info.female === null && (s.names.personLikelihood(o.surname) ?? 1) < PERSON_MIN) return false;
    return female === null || info.female === null || info.female === female;
  };
  let k = lo - 1;
  while (k >= 0 && !ok(occ[k] as NameOccurrence)) k--;
  const nearest = occ[k];
  const ownStart = sentenceStart(s.text, pos, Math.max(0, pos - 600));
  if (!nearest || nearest.start < ownStart) {
    const role = roleInSpan(s, ownStart, pos);
    if (role) return role;
  }
  // "The first lady spoke in Ohio. “…,” she said.": a role-noun subject named after every
  // person and after the last speaker is the antecedent
  const roleSubject = roleSubjectBefore(s, ownStart, female);
  if (
    roleSubject &&
    (!nearest || nearest.start < roleSubject.pos) &&
    lastPersonSpeakerPos(s, pos) < roleSubject.pos
  )
    return roleSubject.resolved;
  // "“…,” the coach said. “…,” he continued.": a person described, not named, who spoke after
  // every fitting name is the antecedent
  const described = describedSpeaker(s, pos, female, exclude);
  if (described && (!nearest || nearest.start < described.pos)) return described.resolved;
  if (!nearest || pos - nearest.start > 3000) return lastSpeaker;
  return salientPerson(s, { pos, k, nearest, ok, lastSpeaker, possessive, female });
}

/**
 * The last speaker before `pos` (within 4,000 characters) when it is one person described by a
 * common noun WordNet knows first as a person ("the coach", "a senior official"), of a fitting
 * gender; null when the last speaker is named, plural, a body or too far.
 */
function describedSpeaker(
  s: ResolverState,
  pos: number,
  female: boolean | null,
  exclude: string | null = null,
): { pos: number; resolved: Resolved } | null {
  for (let k = s.history.length - 1; k >= 0; k--) {
    const h = s.history[k] as SpeakerHistoryItem;
    if (h.pos >= pos || h.resolved.key === exclude) continue;
    if (pos - h.pos > 4000 || h.resolved.kind !== 'anon' || h.plural) return null;
    const words = descriptionWords(h);
    if (nounClass(headOf(words)) !== 'person') return null;
    if (female !== null && words.some((w) => (female ? MALE_ROLES : FEMALE_ROLES).has(w))) return null;
    return { pos: h.pos, resolved: h.resolved };
  }
  return null;
}

interface Salience {
  pos: number;
  /** Index of the nearest fitting occurrence before `pos`. */
  k: number;
  nearest: NameOccurrence;
  ok: (o: NameOccurrence) => boolean;
  lastSpeaker: Resolved | null;
  possessive: boolean;
  /** The pronoun's gender; null for either. */
  female: boolean | null;
}

/**
 * Salience: the pronoun's antecedent is the subject of the nearest sentence that has a fitting
 * person as subject; sentences naming people only as objects or possessors (a caption's "killed
 * at …", "Yoon’s approval rating") are passed over, back to the last speaker.
 */
function salientPerson(s: ResolverState, c: Salience): Resolved | null {
  const { pos, ok, lastSpeaker } = c;
  const occ = s.names.occurrences;
  const lastSpeakerPos = lastSpeaker ? lastOccurrence(s.names, lastSpeaker.key, pos) : -1;
  let fallback: NameOccurrence | null = null;
  let q = c.k;
  for (let sentences = 0; q >= 0 && sentences < 4; sentences++) {
    const first = occ[q] as NameOccurrence;
    if (pos - first.start > 3000) break;
    const ss = sentenceStart(s.text, first.start, Math.max(0, first.start - 600));
    const inSentence: NameOccurrence[] = [];
    for (; q >= 0; q--) {
      const o = occ[q] as NameOccurrence;
      if (o.start < ss) break;
      if (ok(o)) inSentence.unshift(o);
    }
    fallback ??= inSentence[0] ?? null;
    // a possessive pronoun may take a possessor of its own sentence ("Ana Ruiz’s stance on
    // taxes and her vow that …"); other sentences count only their subjects
    const own =
      c.possessive &&
      ss <= pos &&
      pos - ss < 600 &&
      sentenceStart(s.text, pos, Math.max(0, pos - 600)) === ss;
    const subjects = inSentence.filter((o) => (!o.possessive || own) && !o.object);
    if (lastSpeaker && inSentence.some((o) => o.surname === lastSpeaker.key)) {
      if (subjects.length === 0 || subjects.some((o) => o.surname === lastSpeaker.key)) return lastSpeaker;
    }
    const pick = agreeing(s, subjects[0], inSentence, c.female);
    if (pick) {
      const person = personBySurname(s.names, pick.surname);
      if (person) return person;
    }
    if (lastSpeaker && lastSpeakerPos >= ss) return lastSpeaker;
    while (q >= 0 && !ok(occ[q] as NameOccurrence)) q--;
  }
  if (lastSpeaker) return lastSpeaker;
  return personBySurname(s.names, (fallback ?? c.nearest).surname);
}

/**
 * Gender agreement as evidence: a subject of unknown gender ("Kinder Logistics hired Maria Gomez.
 * She …") gives way to a person of the sentence whose name or title shows the pronoun's gender,
 * when the entity typer also finds that one more likely a person.
 */
function agreeing(
  s: ResolverState,
  subject: NameOccurrence | undefined,
  inSentence: readonly NameOccurrence[],
  female: boolean | null,
): NameOccurrence | undefined {
  if (!subject || female === null) return subject;
  const sex = (o: NameOccurrence) => s.names.entry(o.surname)?.female ?? null;
  if (sex(subject) !== null) return subject;
  const other = inSentence.find((o) => !o.possessive && sex(o) === female);
  if (!other) return subject;
  // only when the entity typer also finds the other more likely a person
  const p = (o: NameOccurrence) => s.names.personLikelihood(o.surname) ?? 0.5;
  return p(other) > p(subject) ? other : subject;
}

/**
 * The subject of the sentence before `ownStart` when it is a definite singular role noun of a
 * fitting gender ("The first lady", "the county's chief medic"), resolved to the person with
 * that role when there is one, else kept as the description.
 */
function roleSubjectBefore(
  s: ResolverState,
  ownStart: number,
  female: boolean | null,
): { pos: number; resolved: Resolved } | null {
  const text = s.text;
  let e = ownStart - 1;
  while (e > 0 && isSpace(text[e])) e--;
  if (e <= 0) return null;
  const ss = sentenceStart(text, e, Math.max(0, e - 600));
  if (s.insideQuote(ss) || isQuoteChar(text[ss])) return null;
  const np = npForward(text, ss, ownStart, false);
  if (!np || np.start !== ss || np.tokens.length < 2) return null;
  // "The first lady", and a possessed relation: "His mother", "Tom Reid's wife"
  const possessed =
    np.det === ''
      ? isPossessive((np.tokens[np.head - 1] as Token | undefined)?.text ?? '')
      : POSSESSIVE_PRONOUNS.has(np.det);
  // (a demonstrative is definite too: "This student canceled …")
  const definite = np.det === 'the' || np.det === 'this' || np.det === 'that';
  if (!definite && !possessed) return null;
  const words = np.tokens.map((x) => bare(x.text));
  const head = words[np.head] ?? '';
  if (np.kind !== 'person' && np.kind !== 'anon') return null;
  const human =
    ROLE_NOUNS.has(head) ||
    TITLES.has(head) ||
    FEMALE_ROLES.has(head) ||
    MALE_ROLES.has(head) ||
    // a possessed relation or a demonstrative's noun WordNet knows as a person ("This student")
    ((possessed || np.det !== 'the') && nounClass(head) === 'person');
  if (/[^s]s$/.test(head) || !human) return null; // plural ("duchess" is not)
  if (female !== null) {
    if (words.some((w) => (female ? MALE_ROLES : FEMALE_ROLES).has(w))) return null;
  }
  const resolved = resolveRole(s, np, words, head) ?? {
    name: describe(np),
    kind: 'anon',
    key: words.join(' '),
  };
  return { pos: ss, resolved };
}

/** A definite role-noun phrase ("the Israeli leader") in [from, to) that resolves to a person. */
function roleInSpan(s: ResolverState, from: number, to: number): Resolved | null {
  const toks = tokenize(s.text, from, to);
  for (let i = toks.length - 1; i >= 0; i--) {
    const t = toks[i] as Token;
    if (t.text.toLowerCase() !== 'the' || s.insideQuote(t.start)) continue;
    const np = npForward(s.text, t.start, to, false);
    if (!np || np.tokens.length < 2) continue;
    const head = bare((np.tokens[np.tokens.length - 1] as Token).text);
    if (!ROLE_NOUNS.has(head) && !TITLES.has(head)) continue;
    const r = resolveRole(
      s,
      np,
      np.tokens.map((x) => bare(x.text)),
      head,
    );
    if (r && r.kind === 'person') return r;
  }
  return null;
}
