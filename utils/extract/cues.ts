/**
 * Reporting-expression vocabulary: verbs of saying/writing, nominal cues ("statement", "vow"),
 * and the inflection table that maps each written form to its lemma.
 */

import { lemmatize } from '../nlp/lemma';

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
 * Verbs that introduce a direct quote and (most of them) reported speech with a content clause.
 * `clause`: the verb also takes a that-clause / zero-that clause as reported speech.
 */
const SPEECH_VERBS: Array<[string, boolean]> = [
  ['say', true],
  ['tell', true],
  ['add', true],
  ['continue', false],
  ['explain', true],
  ['declare', true],
  ['insist', true],
  ['state', true],
  ['claim', true],
  ['tweet', true],
  ['write', true],
  ['note', true],
  ['argue', true],
  ['warn', true],
  ['assert', true],
  ['announce', true],
  ['admit', true],
  ['acknowledge', true],
  ['allege', true],
  ['answer', false],
  ['reply', true],
  ['respond', true],
  ['remark', true],
  ['observe', true],
  ['comment', false],
  ['point', true], // "pointed out"
  ['recall', true],
  ['report', true],
  ['confirm', true],
  ['predict', true],
  ['promise', true],
  ['pledge', true],
  ['vow', true],
  ['concede', true],
  ['contend', true],
  ['maintain', true],
  ['stress', true],
  ['emphasize', true],
  ['emphasise', true],
  ['underscore', true],
  ['complain', true],
  ['lament', true],
  ['boast', true],
  ['brag', true],
  ['joke', true],
  ['quip', false],
  ['shout', false],
  ['yell', false],
  ['whisper', false],
  ['scream', false],
  ['cry', false],
  ['exclaim', false],
  ['muse', false],
  ['ask', false],
  ['post', false],
  ['testify', true],
  ['assure', true],
  ['reassure', true],
  ['caution', true],
  ['reveal', true],
  ['disclose', true],
  ['conclude', true],
  ['agree', true],
  ['recount', false],
  ['reiterate', true],
  ['repeat', false],
  ['mention', true],
  ['signal', true],
  ['indicate', true],
  ['hint', true],
  ['charge', true],
  ['counter', true],
  ['retort', false],
  ['rebut', false],
  ['proclaim', true],
  ['affirm', true],
  ['swear', true],
  ['suggest', true],
  ['speculate', true],
  ['reason', true],
  ['posit', true],
  ['find', true],
  ['blog', false],
  ['text', false],
  ['email', false],
  ['e-mail', false],
  ['message', false],
  ['write', true],
  ['deny', false],
  ['complain', true],
  ['protest', true],
  ['object', false],
  ['interject', false],
  ['interrupt', false],
  ['begin', false],
  ['chime', false],
  ['offer', false],
  ['elaborate', false],
  ['clarify', false],
  ['summarize', false],
  ['summarise', false],
  ['opine', true],
  ['guess', true],
  ['estimate', true],
  ['calculate', true],
  ['forecast', true],
  ['project', false],
  ['predict', true],
  ['advise', true],
  ['urge', false],
  ['demand', false],
  ['plead', false],
  ['beg', false],
  ['implore', false],
  ['counsel', false],
  ['assess', false],
  ['describe', false],
  ['call', false],
  ['dub', false],
  ['label', false],
  ['brand', false],
  ['term', false],
  ['characterize', false],
  ['characterise', false],
  ['fret', true],
  ['worry', true],
  ['believe', true],
  ['think', true],
  ['feel', true],
  ['contend', true],
  ['show', true],
  ['spell', false],
  ['inform', true],
  ['remind', true],
  ['notify', true],
  ['brief', true],
  ['figure', true],
  ['surmise', true],
  ['theorize', true],
  ['theorise', true],
  ['hypothesize', true],
  ['allow', true],
];

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

/** Words that cannot be verbs here even though they are spelt like one of the forms ("post", "state"). */
export const AMBIGUOUS_NOUN_FORMS = new Set([
  'state',
  'post',
  'report',
  'comment',
  'note',
  'message',
  'text',
  'tweet',
  'email',
  'e-mail',
  'object',
  'project',
  'find',
  'finding',
  'reading',
  'call',
  'counter',
  'offer',
  'reason',
  'charge',
  'show',
  'brief',
  'answer',
  'promise',
  'pledge',
  'vow',
  'claim',
  'protest',
  'label',
  'brand',
  'term',
  'figure',
  'guess',
  'estimate',
  'forecast',
  'comment',
  'reply',
  'cry',
  'joke',
  'blog',
  'spell',
  'warn',
  'stress',
  'mention',
  'signal',
  'hint',
  'read',
  'allow',
  'post',
  'continue',
  'begin',
]);

/** Nominal reporting expressions: "his vow that", "Trump’s statement:", "in a statement". */
export const NOMINAL_CUES = new Set([
  'statement',
  'statements',
  'remarks',
  'remark',
  'comments',
  'comment',
  'vow',
  'declaration',
  'notion',
  'claim',
  'claims',
  'assertion',
  'words',
  'message',
  'post',
  'tweet',
  'letter',
  'announcement',
  'findings',
  'finding',
  'view',
  'argument',
  'warning',
  'promise',
  'pledge',
  'insistence',
  'assessment',
  'conclusion',
  'testimony',
  'position',
  'response',
  'reply',
  'answer',
  'speech',
  'address',
  'note',
  'memo',
  'email',
  'readout',
  'op-ed',
  'essay',
  'book',
  'introduction',
  'interview',
  'briefing',
  'press',
  'conference',
  'thesis',
  'contention',
  'suggestion',
  'admission',
  'acknowledgment',
  'acknowledgement',
  'confirmation',
  'allegation',
  'accusation',
  'prediction',
  'explanation',
  'account',
  'report',
  'study',
  'survey',
  'analysis',
  'observation',
  'reaction',
  'quote',
]);

/** Adverbs and time expressions that may sit between subject and cue or after the cue. */
export const CUE_FILLERS = new Set([
  'also',
  'later',
  'then',
  'again',
  'earlier',
  'previously',
  'recently',
  'once',
  'now',
  'still',
  'simply',
  'just',
  'further',
  'publicly',
  'privately',
  'repeatedly',
  'has',
  'have',
  'had',
  'was',
  'were',
  'is',
  'are',
  'would',
  'will',
  'could',
  'might',
  'may',
  'can',
  'did',
  'does',
  'do',
  'not',
  'never',
  'always',
  'often',
  'first',
  'initially',
  'finally',
  'even',
  'only',
  'reportedly',
  'allegedly',
  'apparently',
  'then',
  'too',
  'in',
  'on',
  'at',
  'last',
  'this',
  'that',
  'week',
  'month',
  'year',
  'today',
  'yesterday',
  'tonight',
  'morning',
  'afternoon',
  'evening',
  'night',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
]);
