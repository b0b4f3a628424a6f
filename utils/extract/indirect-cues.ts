/**
 * Cues inside a sentence in the word-pattern pass: a reporting verb with its subject (before it,
 * shared with a coordinated verb, or the main clause's for a participle), a copular stance
 * adjective ("is concerned"), or a nominal (indirect-nominal.ts), each with its content clause.
 */

import { lemmatize } from '../nlp/lemma';
import { nounClass } from '../nlp/noun-classes';
import { tag as tagWords } from '../nlp/tagger';
import { cueAt, ingSubject, speakerLike, subjectOf } from './attribution';
import { independentHis, isAdverb } from './attribution-cues';
import { isBeliefVerb, isEvidentialVerb } from './cues';
import { complement, type IndirectCandidate, type IndirectSentence } from './indirect-clause';
import { NOMINAL_THAT, nominal } from './indirect-nominal';
import {
  BE_FORMS,
  DETERMINERS,
  IRREGULAR_PAST,
  MONTHS,
  ORG_HEADS,
  POSSESSIVE_PRONOUNS,
  SUBJECT_PRONOUNS,
  WEEKDAYS,
} from './lexicon';
import { npForward } from './np';
import { negativeSubject } from './reported-tags';
import { pluralNoun } from './speaker-like';
import { isCapitalised, type NP } from './speakers';
import { isLower, key, skipSpaces, type Token } from './text';

/**
 * Copular stance adjectives that control a that-clause ("The Press Council is concerned the laws
 * would …"): the adjectives of certainty (certain, sure, confident, convinced) and of emotive
 * stance (concerned, worried) that Biber et al. (1999), Longman Grammar of Spoken and Written
 * English, §9.4.5, list as taking that-clauses in news, with the adjectives of the verb "insist"
 * (adamant, insistent), whose that-clause reports a stated position. For bodies only (the gold
 * convention, NOTES.md): "residents are worried" reports no statement.
 */
const STANCE_ADJ = new Set([
  'concerned',
  'adamant',
  'convinced',
  'confident',
  'certain',
  'insistent',
  'worried',
  'sure',
]);

/** Reports whose cue is token `k`: a nominal, a stance adjective or a verb. */
export function reportsAt(s: IndirectSentence, k: number, found: IndirectCandidate[]): void {
  const low = (s.toks[k] as Token).text.toLowerCase();
  // nominal: "his vow on Monday that", "Netanyahu’s declaration that", "Among its key findings:"
  if (NOMINAL_THAT.has(low)) {
    const nom = nominal(s, k);
    if (nom) found.push(...nom);
    return;
  }
  // stance: "is concerned", "is adamant"
  if (STANCE_ADJ.has(low) && k >= 2) {
    stance(s, k, found);
    return;
  }
  // "made clear that", "made it plain that"
  if (MAKE_KNOWN.has(low) && k >= 2) {
    madeKnown(s, k, found);
    return;
  }
  verbReport(s, k, found);
}

/** The adjectives of the verb "insist" (Biber et al. 1999, §9.4.5). */
const INSIST_ADJ = new Set(['adamant', 'insistent']);

/**
 * The adjectives of "make (it) clear/plain/known that …", a light-verb report (Quirk et al. 1985,
 * §16.80, the complex transitive "make it clear that"): the subject of "make" states the clause.
 */
const MAKE_KNOWN = new Set(['clear', 'plain', 'known']);
const MAKE_FORMS = new Set(['make', 'makes', 'made', 'making']);

/** "The minister made clear that …", "She has made it plain that …". */
function madeKnown(s: IndirectSentence, k: number, found: IndirectCandidate[]): void {
  const { text, toks } = s;
  const it = (toks[k - 1] as Token).text.toLowerCase() === 'it';
  const m = it ? k - 2 : k - 1;
  const make = toks[m];
  if (!make || !MAKE_FORMS.has(make.text.toLowerCase())) return;
  // "that", or none before a clause of its own ("made clear they will not negotiate"; the
  // complement must read as a clause, so "made clear the scale of the problem" reports nothing)
  const next = (toks[k + 1] as Token | undefined)?.text.toLowerCase() ?? '';
  if (next !== 'that' && !SUBJECT_PRONOUNS.has(next) && !DETERMINERS.has(next)) return;
  const prevLow = toks[m - 1]?.text.toLowerCase() ?? '';
  if (prevLow === 'not' || prevLow.endsWith("n't") || prevLow.endsWith('n\u2019t') || prevLow === 'to')
    return;
  const subj =
    make.text.toLowerCase() === 'making'
      ? ingSubject(text, toks, m, s.end).np
      : subjectOf(text, toks, m, s.start);
  // an agent makes things clear; "the rain made it clear that …" reports nothing
  if (!subj || !(speakerLike(subj, true) || isPeopleNoun(subj))) return;
  const t = toks[k] as Token;
  const cl = complement(s, k, t.end, s.end, 'state');
  if (!cl) return;
  for (const c of cl) found.push({ ...c, np: subj, cue: text.slice(make.start, t.end), para: s.p.index });
}

/** "The Press Council is concerned the laws would …": an organisation's stance. */
function stance(s: IndirectSentence, k: number, found: IndirectCandidate[]): void {
  const { text, toks } = s;
  const t = toks[k] as Token;
  const cop = (toks[k - 1] as Token).text.toLowerCase();
  if (cop !== 'is' && cop !== 'are' && cop !== 'was' && cop !== 'were') return;
  // the subject before the copula, through an aside ("Lawmakers, by contrast, are adamant")
  const subj = subjectOf(text, toks, k - 1, s.start);
  // "adamant", "insistent" report what was insisted on, whoever insists ("Opposition lawmakers
  // are adamant that …"); the other stance adjectives state a body's position only
  if (!subj || !(isOrgLike(subj) || INSIST_ADJ.has(key(t.text))) || !speakerLike(subj)) return;
  const cl = complement(s, k, t.end, s.end, 'stance');
  if (!cl) return;
  for (const c of cl)
    found.push({
      ...c,
      np: subj,
      cue: text.slice((toks[k - 1] as Token).start, t.end),
      para: s.p.index,
    });
}

/** A reporting verb at `k` with its subject and content clause. */
function verbReport(s: IndirectSentence, k: number, found: IndirectCandidate[]): void {
  const { text, toks } = s;
  const t = toks[k] as Token;
  const cue = cueAt(text, toks, k, { allowBase: true });
  if (!cue?.info?.clause || isBeliefVerb(cue.info.lemma)) return;
  const prevLow = toks[k - 1]?.text.toLowerCase() ?? '';
  // ("a friend of his told": after "of", "his" stands alone)
  if (!verbUse(cue.info.form, prevLow) && !independentHis(toks, k)) return;
  if (cue.info.form === 'past' && passiveAt(toks, k)) {
    passiveReport(s, k, cue.end, cue.info.lemma, found);
    return;
  }
  const { np: subj, limit } = cueSubject(s, k, cue.info.form, prevLow, found);
  if (!subj || !speakerLike(subj, isEvidentialVerb(cue.info.lemma))) return;
  if (modifierOnly(s, subj) || negativeSubject(toks, toks.indexOf(subj.tokens[0] as Token))) return;
  // "if X says", "whether X said"
  const lead = toks[toks.indexOf(subj.tokens[0] as Token) - 1]?.text.toLowerCase() ?? '';
  if (lead === 'if' || lead === 'whether' || lead === 'unless') return;
  const cl = complement(s, k, cue.end, limit, cue.info.lemma);
  if (!cl) return;
  for (const c of cl) found.push({ ...c, np: subj, cue: text.slice(t.start, cue.end), para: s.p.index });
}

/**
 * "like his infrequent jokes that …": a determiner and an adjective are no subject; the cue is the
 * noun they modify (the tagger reads the adjective in its context).
 */
function modifierOnly(s: IndirectSentence, subj: NP): boolean {
  if (subj.tokens.length < 2 || !DETERMINERS.has((subj.tokens[0] as Token).text.toLowerCase())) return false;
  const last = subj.tokens[subj.tokens.length - 1] as Token;
  // (a word WordNet knows as a noun stays one: "one official said")
  if (nounClass(last.text.toLowerCase()) !== null) return false;
  const tagged = tagWords(s.text.slice(s.start, s.end));
  return tagged.find((t) => t.start + s.start === last.start)?.tag === 'JJ';
}

/** "were told", "had been repeatedly assured": the participle at `k` follows a form of "be", with
 * at most two adverbs between. */
function passiveAt(toks: Token[], k: number): boolean {
  let j = k - 1;
  const low = () => toks[j]?.text.toLowerCase() ?? '';
  // (the adverbs' list holds the auxiliaries too: a form of "be" ends the walk)
  while (j >= k - 2 && !BE_FORMS.has(low()) && isAdverb(low())) j--;
  return BE_FORMS.has(low());
}

/**
 * A passive report ("Residents were told the water was safe", "Reporters were informed by a police
 * spokesman that …"): its subject heard the words, so it is no speaker; the agent after "by" is,
 * and with no agent the report has no stated source (not annotated, NOTES.md).
 */
function passiveReport(
  s: IndirectSentence,
  k: number,
  cueEnd: number,
  lemma: string,
  found: IndirectCandidate[],
): void {
  const { text, toks } = s;
  const by = toks[k + 1];
  if (by?.text.toLowerCase() !== 'by') return;
  const agent = npForward(text, skipSpaces(text, by.end, s.end), s.end);
  if (!agent || !speakerLike(agent)) return;
  const cl = complement(s, k, agent.end, s.end, lemma);
  if (!cl) return;
  const t = toks[k] as Token;
  for (const c of cl) found.push({ ...c, np: agent, cue: text.slice(t.start, cueEnd), para: s.p.index });
}

/** The cue word is a verb here (after `prevLow`): not a noun spelt like one, not negated. */
function verbUse(form: string, prevLow: string): boolean {
  // skip nouns spelt like verbs ("the report", "a claim")
  if (DETERMINERS.has(prevLow)) return false;
  // after a possessive a base form is a noun ("Trump’s tweet raised …"), not a verb of a plural
  if (form === 'base' && /['\u2019]s$/.test(prevLow)) return false;
  if (
    form === 'base' &&
    !(
      prevLow.endsWith('s') ||
      prevLow === 'they' ||
      prevLow === 'we' ||
      prevLow === 'to' ||
      pluralNoun(prevLow)
    )
  )
    return false;
  // negation / condition
  return !(
    prevLow === 'not' ||
    prevLow === "n't" ||
    prevLow === 'never' ||
    prevLow.endsWith("n't") ||
    prevLow.endsWith('n\u2019t')
  );
}

/** The subject of the verb at `k` (null: none, or not a report) and where its clause may end. */
function cueSubject(
  s: IndirectSentence,
  k: number,
  form: string,
  prevLow: string,
  found: IndirectCandidate[],
): { np: NP | null; limit: number } {
  const { text, toks } = s;
  if (form === 'ing') return ingSubject(text, toks, k, s.end);
  if (prevLow === 'and' || prevLow === 'but')
    return { np: coordinatedSubject(text, toks, k, s.start, found), limit: s.end };
  // "… and in 2022 promised that …", "and on Monday said": a time adjunct between the coordinator
  // and the verb; the verb is coordinated all the same
  const adjunct = timeAdjunctBefore(toks, k);
  if (adjunct > 0) {
    const low = toks[adjunct - 1]?.text.toLowerCase();
    if (low === 'and' || low === 'but')
      return { np: coordinatedSubject(text, toks, adjunct, s.start, found), limit: s.end };
  }
  // "vowed to say", "plans to announce": an infinitive reports nothing yet — unless its verb
  // entails the act ("went on to suggest", "hastened to add")
  if (prevLow === 'to' && form === 'base') {
    const governor = entailingGovernor(toks, k - 1);
    return { np: governor < 0 ? null : subjectOf(text, toks, governor, s.start), limit: s.end };
  }
  // "said Leavitt" inverted before a clause is rare; no subject after the verb is read
  return { np: subjectOf(text, toks, k, s.start), limit: s.end };
}

/**
 * Verbs whose infinitive complement happened: Karttunen's (1971) implicative verbs (manage,
 * bother, dare, venture, deign, condescend, remember) and the aspectual verbs of going on
 * (proceed, continue, hasten; "go on" below).
 */
const ENTAILING = new Set([
  'manage',
  'bother',
  'dare',
  'venture',
  'deign',
  'condescend',
  'remember',
  'proceed',
  'continue',
  'hasten',
]);

/** Index of the finite verb before "to" at `to` that entails its infinitive happened, or -1. */
function entailingGovernor(toks: Token[], to: number): number {
  const v = toks[to - 1];
  if (!v) return -1;
  const low = v.text.toLowerCase();
  // "went on to", "goes on to"
  if (low === 'on') {
    const go = toks[to - 2]?.text.toLowerCase() ?? '';
    return go === 'went' || go === 'goes' || go === 'go' || go === 'gone' || go === 'going' ? to - 2 : -1;
  }
  if (!/(ed|es|s)$/.test(low)) return -1;
  const lemma = lemmatize(low, low.endsWith('s') && !low.endsWith('ss') ? 'VBZ' : 'VBD');
  return ENTAILING.has(lemma) ? to - 1 : -1;
}

/**
 * Where a time adjunct right before the verb at `k` begins ("in 2022", "on Monday", "last week",
 * "Tuesday"), or -1: a weekday, a month or a year, after "in", "on", "by", "during" or "last".
 */
function timeAdjunctBefore(toks: Token[], k: number): number {
  let j = k - 1;
  const low = (i: number) => toks[i]?.text.toLowerCase() ?? '';
  if (/^\d{1,2}$/.test(low(j)) && MONTHS.has(low(j - 1))) j--; // "on May 3"
  const w = low(j);
  if (
    !(
      WEEKDAYS.has(w) ||
      MONTHS.has(w) ||
      /^(1[89]|20)\d\d$/.test(w) ||
      w === 'week' ||
      w === 'month' ||
      w === 'year'
    )
  )
    return -1;
  if (w === 'week' || w === 'month' || w === 'year') return low(j - 1) === 'last' ? j - 1 : -1;
  return ['in', 'on', 'by', 'during'].includes(low(j - 1)) ? j - 1 : j;
}

/** Subject shared by a coordinated verb: "Claude acknowledged … and insisted that …". */
function coordinatedSubject(
  text: string,
  toks: Token[],
  k: number,
  sentStart: number,
  found: IndirectCandidate[],
): NP | null {
  const prevFound = found[found.length - 1];
  if (prevFound?.np && prevFound.np.start >= sentStart) return prevFound.np;
  // nearest earlier verb-like token with a subject: "Netanyahu defiantly defended the strike and insisted"
  for (let j = k - 2; j >= 1; j--) {
    const w = (toks[j] as Token).text;
    const lw = w.toLowerCase();
    const verbish =
      isLower(w[0]) &&
      (lw.endsWith('ed') || IRREGULAR_PAST.has(lw) || (cueAt(text, toks, j)?.info?.form ?? '') === 'past');
    if (!verbish || compoundNoun(toks, j)) continue;
    // "theorized that a cut had occurred, and wrote that …": a verb inside the content clause of
    // an earlier report is not the one "and" coordinates; that report's verb is
    const t = thatBefore(toks, j);
    if (t > 0 && cueAt(text, toks, t - 1)?.info?.clause) j = t - 1;
    const subj = subjectOf(text, toks, j, sentStart);
    if (subj && speakerLike(subj)) return subj;
  }
  return null;
}

/**
 * "its sales forecast", "their budget cut": a past form without -ed after the noun of a phrase
 * opened by a possessive determiner (one or two words between) is the compound's head noun, not
 * a verb (a possessive determiner opens a noun phrase that needs its head).
 */
function compoundNoun(toks: Token[], j: number): boolean {
  const w = (toks[j] as Token).text.toLowerCase();
  if (w.endsWith('ed')) return false;
  for (let d = j - 2; d >= j - 3 && d >= 0; d--) {
    if (POSSESSIVE_PRONOUNS.has((toks[d] as Token).text.toLowerCase()))
      return toks.slice(d + 1, j).every((t) => isLower(t.text[0]));
  }
  return false;
}

/** The index of the nearest "that" before token `j` within twelve tokens, or -1. */
function thatBefore(toks: Token[], j: number): number {
  for (let t = j - 1; t >= 0 && t >= j - 12; t--)
    if ((toks[t] as Token).text.toLowerCase() === 'that') return t;
  return -1;
}

/** A common noun WordNet knows first as a person or a group ("the regulator", "parents"). */
function isPeopleNoun(np: NP): boolean {
  const h = np.tokens[np.head];
  if (!h || isCapitalised(h.text)) return false;
  const word = h.text.toLowerCase();
  return nounClass(lemmatize(word, word.endsWith('s') ? 'NNS' : 'NN')) !== null;
}

/** An organisation-like subject: "The Press Council", "the media union", "the government". */
function isOrgLike(np: NP): boolean {
  const h = np.tokens[np.head];
  if (!h) return false;
  const b = key(h.text);
  // singular or plural ("the union", "secularist associations")
  if (ORG_HEADS.has(b) || (b.endsWith('s') && ORG_HEADS.has(b.slice(0, -1)))) return true;
  if (isCapitalised(h.text) && np.tokens.length >= 2 && np.det === 'the') return true;
  return false;
}
