/**
 * Reporting-expression vocabulary: verbs of saying/writing, nominal cues ("statement", "vow"),
 * and the inflection table that maps each written form to its lemma.
 */

import { lemmatize } from '../nlp/lemma';
import { TIME_ADVERBS, TIME_DETERMINERS, TIME_NOUNS, WEEKDAYS } from './lexicon';

function wordSet(words: string): Set<string> {
  return new Set(words.split(/\s+/).filter((w) => w.length > 0));
}

/** Irregular forms: lemma → [3sg, past, past participle, gerund]. */
const IRREGULAR: Record<string, [string, string, string, string]> = {
  say: ['says', 'said', 'said', 'saying'],
  tell: ['tells', 'told', 'told', 'telling'],
  write: ['writes', 'wrote', 'written', 'writing'],
  think: ['thinks', 'thought', 'thought', 'thinking'],
  find: ['finds', 'found', 'found', 'finding'],
  hold: ['holds', 'held', 'held', 'holding'],
  swear: ['swears', 'swore', 'sworn', 'swearing'],
  put: ['puts', 'put', 'put', 'putting'],
  read: ['reads', 'read', 'read', 'reading'],
  show: ['shows', 'showed', 'shown', 'showing'],
  foresee: ['foresees', 'foresaw', 'foreseen', 'foreseeing'],
  foretell: ['foretells', 'foretold', 'foretold', 'foretelling'],
  teach: ['teaches', 'taught', 'taught', 'teaching'],
  give: ['gives', 'gave', 'given', 'giving'],
  cry: ['cries', 'cried', 'cried', 'crying'],
  reply: ['replies', 'replied', 'replied', 'replying'],
  testify: ['testifies', 'testified', 'testified', 'testifying'],
  deny: ['denies', 'denied', 'denied', 'denying'],
  quip: ['quips', 'quipped', 'quipped', 'quipping'],
  admit: ['admits', 'admitted', 'admitted', 'admitting'],
  fret: ['frets', 'fretted', 'fretted', 'fretting'],
  chat: ['chats', 'chatted', 'chatted', 'chatting'],
  post: ['posts', 'posted', 'posted', 'posting'],
  signal: ['signals', 'signaled', 'signaled', 'signaling'],
  rebut: ['rebuts', 'rebutted', 'rebutted', 'rebutting'],
  text: ['texts', 'texted', 'texted', 'texting'],
  clarify: ['clarifies', 'clarified', 'clarified', 'clarifying'],
  certify: ['certifies', 'certified', 'certified', 'certifying'],
  prophesy: ['prophesies', 'prophesied', 'prophesied', 'prophesying'],
  forecast: ['forecasts', 'forecast', 'forecast', 'forecasting'],
  spell: ['spells', 'spelled', 'spelled', 'spelling'],
  sing: ['sings', 'sang', 'sung', 'singing'],
  snap: ['snaps', 'snapped', 'snapped', 'snapping'],
  sob: ['sobs', 'sobbed', 'sobbed', 'sobbing'],
};

/**
 * The reporting verbs of English (lemmas), after the verbs of communication in Levin (1993),
 * English Verb Classes and Alternations, classes 37.1–37.9 (transfer of a message, tell, say,
 * complain, advise), 29.4–29.5 (declare, conjecture) and 48.1.2 (reveal), and the reporting verbs
 * of Quirk et al. (1985), A Comprehensive Grammar of the English Language, §16.31, and Biber's
 * (1988) public verbs after Quirk (all but "bet", mostly a wager), with the verbs
 * of written and online messages (write, tweet, post, blog, text, email) and the verdict verb of
 * courts and officials (FrameNet's Verdict frame: "the court ruled that…"). A verb belongs here only
 * as a general verb of saying, never for one article. A trailing "-" marks a verb that introduces
 * a quotation but takes no content clause as reported speech ("he quipped", not "he quipped that").
 * Order matters only where two lemmas share a form (the later wins).
 */
const SPEECH_VERBS: Array<[string, boolean]> = `
say tell add continue- explain declare insist state claim tweet write note argue warn assert
announce admit acknowledge allege answer- reply respond remark observe comment- point recall
report confirm predict promise pledge vow concede contend maintain stress emphasize emphasise
underscore complain lament boast brag joke quip- shout- yell- whisper- scream- cry- exclaim- muse-
ask- post- testify assure reassure caution reveal disclose conclude agree recount- reiterate
repeat- mention signal indicate hint charge counter retort- rebut- proclaim affirm swear suggest
speculate reason posit find blog- text- email- e-mail- message- write deny complain protest
object- interject- interrupt- begin- chime- offer- elaborate- clarify summarize- summarise- opine
guess estimate calculate forecast project- predict advise urge- demand- plead- beg- implore-
counsel- assess- describe- call- dub- label- brand- term- characterize- characterise- fret worry
believe think feel contend show spell- inform remind notify brief figure surmise theorize theorise
hypothesize allow rule confess confide convey foretell guarantee pronounce submit certify prophesy`
  .split(/\s+/)
  .filter((w) => w.length > 0)
  .map((w): [string, boolean] => (w.endsWith('-') ? [w.slice(0, -1), false] : [w, true]));

/**
 * Manner-of-speaking verbs that introduce a quotation ("protesters chanted", "she snapped"):
 * Levin (1993), English Verb Classes and Alternations, class 37.3, the members used of people.
 * Quote introducers only (no content clause).
 */
const MANNER_OF_SPEAKING =
  `babble bark bawl bellow bleat boom bray burble cackle chant chatter chirp croak croon
  crow drawl drone gasp groan growl grumble grunt gush hiss holler hoot howl jabber lisp moan mumble
  murmur mutter purr rasp roar rumble screech shriek sigh sing snap snarl snort sob splutter squeal
  stammer stutter thunder wail whimper whine whoop`
    .split(/\s+/)
    .filter((w) => w.length > 0);
for (const lemma of MANNER_OF_SPEAKING)
  if (!SPEECH_VERBS.some(([l]) => l === lemma)) SPEECH_VERBS.push([lemma, false]);

/**
 * Judgement verbs that are acts of speech, which introduce the subject's own words for what they
 * judge ("condemned the attack as “barbaric”", "praised the deal as “historic”", "accused the
 * council of “rushing it through”"): Levin (1993), English Verb Classes and Alternations, class
 * 33, the members done by saying (not "pardon", "prosecute", "reward" …), with the verbs of
 * FrameNet's Judgment_communication frame not in it (accuse, berate, belittle, extol). Quote
 * introducers only (no content clause).
 */
const JUDGEMENT = `acclaim applaud castigate censure chastise chide commend compliment condemn congratulate
  criticize criticise decry denigrate denounce deride disparage excoriate fault hail laud lambaste
  mock praise rebuke reprimand reproach ridicule salute scold scorn upbraid vilify accuse berate
  belittle extol`
  .split(/\s+/)
  .filter((w) => w.length > 0);
for (const lemma of JUDGEMENT)
  if (!SPEECH_VERBS.some(([l]) => l === lemma)) SPEECH_VERBS.push([lemma, false]);

/** Verbs whose quote-introducing use is fine but whose clause would be a belief, not a report. */
const BELIEF = new Set(['believe', 'think', 'feel', 'worry', 'fret', 'figure', 'guess']);

/** Verbs that only take a noun-phrase object + "as"/quoted term ("called it “…”", "described as"). */
export const NAMING_VERBS = new Set([
  'describe',
  'call',
  'dub',
  'label',
  'brand',
  'term',
  'characterize',
  'characterise',
]);

export interface CueInfo {
  lemma: string;
  /** Takes a content clause as reported speech. */
  clause: boolean;
  /** Form is a gerund (saying) or participle (said). */
  form: 'base' | 's' | 'past' | 'ing';
}

const FORMS = new Map<string, CueInfo>();

function regular(lemma: string): [string, string, string, string] {
  const l = lemma;
  const last = l[l.length - 1] ?? '';
  const s =
    last === 's' || last === 'x' || l.endsWith('sh') || l.endsWith('ch') || l.endsWith('z')
      ? `${l}es`
      : last === 'y' && !'aeiou'.includes(l[l.length - 2] ?? '')
        ? `${l.slice(0, -1)}ies`
        : `${l}s`;
  const past =
    last === 'e'
      ? `${l}d`
      : last === 'y' && !'aeiou'.includes(l[l.length - 2] ?? '')
        ? `${l.slice(0, -1)}ied`
        : `${l}ed`;
  const ing = last === 'e' && !l.endsWith('ee') ? `${l.slice(0, -1)}ing` : `${l}ing`;
  return [s, past, past, ing];
}

for (const [lemma, clause] of SPEECH_VERBS) {
  const [s, past, pp, ing] = IRREGULAR[lemma] ?? regular(lemma);
  const c = clause && !BELIEF.has(lemma) ? clause : clause;
  FORMS.set(lemma, { lemma, clause: c, form: 'base' });
  FORMS.set(s, { lemma, clause: c, form: 's' });
  FORMS.set(past, { lemma, clause: c, form: 'past' });
  FORMS.set(pp, { lemma, clause: c, form: 'past' });
  FORMS.set(ing, { lemma, clause: c, form: 'ing' });
}
// Special cases: "begin" irregular
FORMS.set('began', { lemma: 'begin', clause: false, form: 'past' });
FORMS.set('begun', { lemma: 'begin', clause: false, form: 'past' });
FORMS.set('beginning', { lemma: 'begin', clause: false, form: 'ing' });
FORMS.delete('begined');
FORMS.set('felt', { lemma: 'feel', clause: true, form: 'past' });
FORMS.delete('feeled');
FORMS.set('chimed', { lemma: 'chime', clause: false, form: 'past' });

/** Inflected forms the table does not spell ("dubbed", "blogged"), by the lemmatiser; bounded. */
const INFLECTED = new Map<string, CueInfo | null>();

/** The lemma of a reporting verb's form the table spells ("denied" → deny), without the lemmatiser's model. */
export function tabledCueLemma(word: string): string | undefined {
  return FORMS.get(word.toLowerCase())?.lemma;
}

export function cueVerb(word: string): CueInfo | undefined {
  const low = word.toLowerCase();
  const known = FORMS.get(low);
  if (known || low.length < 5) return known;
  const form = low.endsWith('ed') ? 'past' : low.endsWith('ing') ? 'ing' : low.endsWith('s') ? 's' : null;
  if (!form) return undefined;
  let info = INFLECTED.get(low);
  if (info === undefined) {
    // the treebank lemmatiser (utils/nlp) knows consonant doubling and spellings the inflection
    // table above does not ("dubbed", "labelled"): a listed verb's form is a cue
    const lemma = lemmatize(low, form === 'past' ? 'VBD' : form === 'ing' ? 'VBG' : 'VBZ');
    const base = lemma !== low ? FORMS.get(lemma) : undefined;
    info = base && base.lemma === lemma ? { ...base, form } : null;
    if (INFLECTED.size > 50_000) INFLECTED.clear();
    INFLECTED.set(low, info);
  }
  return info ?? undefined;
}

/**
 * Verbs of evidence ("The figures suggest that…", "His remarks signal that…"): they report only
 * when a person or an organisation is their subject, not a thing that shows.
 */
const EVIDENTIAL = new Set(['suggest', 'signal', 'indicate', 'show', 'imply', 'mean', 'find']);

export function isEvidentialVerb(lemma: string): boolean {
  return EVIDENTIAL.has(lemma);
}

export function isBeliefVerb(lemma: string): boolean {
  return BELIEF.has(lemma);
}

/** Nominal reporting expressions: "his vow that", "Trump’s statement:", "in a statement". */
export const NOMINAL_CUES = wordSet(`
statement statements remarks remark comments comment vow declaration notion claim claims assertion
words message post tweet letter announcement findings finding view argument warning promise pledge
insistence assessment conclusion testimony position response reply answer speech address note memo
email readout op-ed essay book introduction interview briefing press conference thesis contention
suggestion admission acknowledgment acknowledgement confirmation allegation accusation prediction
explanation account report study survey analysis observation reaction quote
`);

/**
 * Adverbs, auxiliaries and time expressions that may sit between subject and cue or after the cue
 * (the time words are the lexicon's: `TIME_ADVERBS`, `TIME_DETERMINERS`, `TIME_NOUNS`, `WEEKDAYS`).
 */
export const CUE_FILLERS = new Set([
  ...wordSet(`
also then once now still simply just further publicly privately repeatedly has have had was were
is are would will could might may can did does do not never always often first initially finally
even only reportedly allegedly apparently too in on at that
`),
  ...TIME_ADVERBS,
  ...TIME_DETERMINERS,
  ...TIME_NOUNS,
  ...WEEKDAYS,
]);
