/**
 * Possible conflicts between two claims about one event.
 *
 * Cues come from general lexicons only: negators, refutation words ("baseless", "not true"),
 * temporal opposites ("before" / "after", "in advance" / "too late"), antonym pairs
 * ("success" / "fail") and who a piece of news came from. A cue alone is not enough: the two
 * statements must also share what they are about (entities and content concepts). The result is a
 * "possible conflict", never a verdict.
 */
import { type Concept, conceptOf, STOPWORDS, stem, type Token, tokenize } from './topic';

/** Words that negate what follows them (as normalizeText writes contractions). */
const NEGATORS = new Set([
  'not',
  'no',
  'never',
  'neither',
  'nor',
  'nobody',
  'nothing',
  'none',
  'without',
  'didnt',
  'doesnt',
  'dont',
  'isnt',
  'arent',
  'wasnt',
  'werent',
  'hasnt',
  'havent',
  'hadnt',
  'wont',
  'wouldnt',
  'cant',
  'cannot',
  'couldnt',
  'shouldnt',
]);

/** Words and phrases that call a claim false. Multi-word entries are matched as word sequences. */
const REFUTATIONS: readonly string[] = [
  'baseless',
  'false',
  'falsely',
  'untrue',
  'unfounded',
  'groundless',
  'fabricated',
  'fabrication',
  'bogus',
  'nonsense',
  'lie',
  'lies',
  'lying',
  'fake',
  'incorrect',
  'inaccurate',
  'misleading',
  'denied',
  'denies',
  'deny',
  'refuted',
  'refutes',
  'refute',
  'debunked',
  'not true',
  'no truth',
  'no basis',
  'not the case',
  'never happened',
  'did not happen',
  'didnt happen',
];

/** Earlier than the event. */
const EARLY: readonly string[] = [
  'before',
  'ahead of',
  'in advance',
  'beforehand',
  'prior to',
  'advance notice',
  'advance warning',
  'early warning',
  'in time',
  'planning to',
  'preparing to',
  'about to',
];

/** At or after the event. "afterwards" and "later" only count when they do not continue a "first …". */
const LATE: readonly string[] = [
  'after',
  'afterwards',
  'afterward',
  'later',
  'too late',
  'belatedly',
  'during',
  'in the middle of',
  'as it happened',
  'while it was',
  'only after',
];

/** Verbs and nouns by which someone passes news to someone else: their subject is the source. */
const TELL = stems('inform notify notified warn warned alert brief tell told tip call calls notice warning');
/** Verbs of receiving news: "from X" after them names the source, their subject the recipient. */
const RECEIVE = stems('learn learned hear heard know knew come came receive received get got aware');
const PASSIVE_AUX = new Set(['was', 'were', 'been', 'being', 'be', 'is', 'are', 'had', 'has', 'have']);
const PRONOUNS = new Set(['it', 'he', 'she', 'they', 'we', 'i']);

function stems(list: string): Set<string> {
  return new Set(list.split(' ').map(stem));
}

/** Antonyms as axis and sign: the same axis with opposite effective signs is a clash. */
const AXIS_WORDS: readonly [string, string, string][] = [
  ['success', 'success succeed successful', 'fail failure'],
  ['win', 'win won victory', 'lose lost defeat defeated'],
  ['guilt', 'guilty', 'innocent'],
  ['alive', 'alive survive survived', 'die died dead killed'],
  ['confirm', 'confirm confirmed', 'deny denied'],
  ['accept', 'accept accepted', 'reject rejected'],
  ['agree', 'agree agreed', 'refuse refused disagree'],
  ['increase', 'increase raise rise', 'decrease cut reduce fall'],
  ['allow', 'allow permit', 'ban forbid prohibit'],
  ['legal', 'legal', 'illegal'],
  ['support', 'support', 'oppose'],
  ['know', 'know knew aware', 'unaware'],
];
const AXES = new Map<string, [string, 1 | -1]>();
for (const [axis, plus, minus] of AXIS_WORDS) {
  for (const w of plus.split(' ')) AXES.set(stem(w), [axis, 1]);
  for (const w of minus.split(' ')) AXES.set(stem(w), [axis, -1]);
}

export interface Cue {
  /** The words as found, for the reason line. */
  phrase: string;
  /** Token positions the cue covers (kept out of the topic). */
  from: number;
  to: number;
}

export interface ClaimFeatures {
  tokens: Token[];
  /** Concepts of the statement's own words, minus cue words and the speaker's own name. */
  own: Map<string, Concept>;
  /** Concepts of the context (lead-in, rest of the utterance), used when `own` is thin. */
  context: Map<string, Concept>;
  /** Concepts that are the head of a negated phrase ("did not come" → come). */
  negated: Set<string>;
  refutation: Cue | null;
  early: Cue | null;
  late: Cue | null;
  /** Who the news came from, as concepts; `negated` for "did not come from X". */
  sources: { concepts: string[]; phrase: string; negated: boolean }[];
  /** Who received the news ("warned Qatar", "Trump was informed", "it learned"). */
  recipients: Set<string>;
  /** Effective sign of each antonym axis present. */
  axes: Map<string, { sign: 1 | -1; phrase: string }>;
  /** Is the token at this position within reach of a negator? */
  negatedAt: (i: number) => boolean;
}

/** Phrase lists split into words once and indexed by their first word, keyed by list. */
const splitPhrases = new WeakMap<readonly string[], Map<string, { phrase: string; parts: string[] }[]>>();

function findPhrase(
  ws: readonly string[],
  phrases: readonly string[],
  skip?: (i: number) => boolean,
): Cue | null {
  let byFirst = splitPhrases.get(phrases);
  if (!byFirst) {
    byFirst = new Map();
    for (const phrase of phrases) {
      const parts = phrase.split(' ');
      const list = byFirst.get(parts[0]!) ?? [];
      if (list.length === 0) byFirst.set(parts[0]!, list);
      list.push({ phrase, parts });
    }
    splitPhrases.set(phrases, byFirst);
  }
  for (let i = 0; i < ws.length; i++) {
    const candidates = byFirst.get(ws[i]!);
    if (candidates === undefined || skip?.(i)) continue;
    for (const { phrase, parts } of candidates) {
      let ok = true;
      for (let j = 1; j < parts.length && ok; j++) ok = ws[i + j] === parts[j];
      if (ok) return { phrase, from: i, to: i + parts.length };
    }
  }
  return null;
}

const CONDITIONALS = new Set(['without', 'unless', 'until', 'till', 'except']);

/** How many tokens after a negator it reaches, for "did not come directly from X". */
const NEGATION_REACH = 4;

function conceptKey(t: Token): string | null {
  return t.upper ? stem(t.norm) : conceptOf(t.norm);
}

function isEntity(t: Token): boolean {
  return t.upper || (t.capital && !t.sentenceStart);
}

/** Features of one statement for conflict detection. `speakerWords` resolve "it"/"he"/"we". */
export function claimFeatures(
  text: string,
  context = '',
  speakerWords: readonly string[] = [],
): ClaimFeatures {
  const tokens = tokenize(text);
  const ws = tokens.map((t) => t.norm);
  const speakerKeys = new Set(speakerWords.map(conceptOf).filter((k): k is string => k !== null));
  const cuePositions = new Set<number>();
  const mark = (c: Cue | null) => {
    if (c) for (let i = c.from; i < c.to; i++) cuePositions.add(i);
    return c;
  };

  // Negation: the reach (for sources) and the head, the first content word after the negator.
  const reach = new Array<boolean>(ws.length).fill(false);
  const head = new Array<boolean>(ws.length).fill(false);
  for (let i = 0; i < ws.length; i++) {
    if (!NEGATORS.has(ws[i]!)) continue;
    // "no path to peace without X", "cannot begin until X": a condition, not a denial.
    if (ws.slice(i + 1, i + 9).some((w) => CONDITIONALS.has(w))) continue;
    let headFound = false;
    for (let j = i + 1; j <= i + NEGATION_REACH && j < ws.length; j++) {
      reach[j] = true;
      if (!headFound && conceptKey(tokens[j]!) !== null) {
        head[j] = true;
        headFound = true;
      }
    }
  }

  let refutation = findPhrase(ws, REFUTATIONS);
  // "not false" does not refute; "The claims are false" does.
  if (refutation && refutation.phrase.split(' ').length === 1 && reach[refutation.from]) refutation = null;
  mark(refutation);
  const early = mark(findPhrase(ws, EARLY));
  const firstAt = ws.indexOf('first');
  const late = mark(
    findPhrase(ws, LATE, (i) => {
      const w = ws[i]!;
      // "First …, and afterwards …" orders two steps; it says nothing about the event's time.
      if (
        (w === 'afterwards' || w === 'afterward' || w === 'later' || w === 'after') &&
        firstAt >= 0 &&
        firstAt < i
      ) {
        return true;
      }
      // "after all" is not a time.
      return w === 'after' && ws[i + 1] === 'all';
    }),
  );

  const own = new Map<string, Concept>();
  const negated = new Set<string>();
  const axes = new Map<string, { sign: 1 | -1; phrase: string }>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (cuePositions.has(i)) continue;
    const key = conceptKey(t);
    if (key === null) continue;
    const axis = AXES.get(stem(t.norm));
    if (axis) {
      const sign = (head[i] ? -axis[1] : axis[1]) as 1 | -1;
      if (!axes.has(axis[0])) axes.set(axis[0], { sign, phrase: head[i] ? `not ${t.norm}` : t.norm });
    }
    // The speaker's own name says who, not what about.
    if (speakerKeys.has(key)) continue;
    const prior = own.get(key);
    if (prior) prior.entity ||= isEntity(t);
    else own.set(key, { key, word: t.norm, entity: isEntity(t) });
    if (head[i]) negated.add(key);
  }
  // A pronoun subject of a reported claim ("it had warned") or a first person in a direct quote
  // ("we knew") stands for the speaker.
  if (PRONOUNS.has(ws[0] ?? '')) {
    for (const w of speakerWords) {
      const key = conceptOf(w);
      if (key !== null && !own.has(key)) own.set(key, { key, word: w, entity: true, viaSpeaker: true });
    }
  }

  const contextTokens = tokenize(context);
  const contextConcepts = new Map<string, Concept>();
  for (const t of contextTokens) {
    const key = conceptKey(t);
    if (key === null || contextConcepts.has(key) || speakerKeys.has(key)) continue;
    contextConcepts.set(key, { key, word: t.norm, entity: isEntity(t) });
  }

  // Only the statement's own words: a lead-in cut at 64 characters names recipients unreliably.
  const recipients = recipientsOf(tokens, speakerWords);

  return {
    tokens,
    own,
    context: contextConcepts,
    negated,
    refutation,
    early,
    late,
    sources: sourcesOf(tokens, reach, speakerWords),
    recipients,
    axes,
    negatedAt: (i) => reach[i] === true,
  };
}

const DETERMINERS = new Set([
  'the',
  'a',
  'an',
  'its',
  'his',
  'her',
  'their',
  'our',
  'this',
  'that',
  'directly',
]);

/** Concepts of a pronoun: the speaker's name words. */
function speakerConcepts(speakerWords: readonly string[]): string[] {
  return speakerWords.map((w) => conceptOf(w)).filter((c): c is string => c !== null);
}

/** The subject just before position `i` (skipping auxiliaries): an entity or a pronoun. */
function subjectBefore(tokens: readonly Token[], i: number, speakerWords: readonly string[]): string[] {
  for (let j = i - 1; j >= 0 && j >= i - 3; j--) {
    const t = tokens[j]!;
    if (PASSIVE_AUX.has(t.norm) || t.norm === 'not' || t.norm === 'already') continue;
    if (PRONOUNS.has(t.norm)) return speakerConcepts(speakerWords);
    const key = conceptKey(t);
    return key !== null && t.capital ? [key] : [];
  }
  return [];
}

/** Who received the news: object of a telling verb, subject of a passive or of a knowing verb. */
function recipientsOf(tokens: readonly Token[], speakerWords: readonly string[]): Set<string> {
  const out = new Set<string>();
  const ws = tokens.map((t) => t.norm);
  for (let i = 0; i < ws.length; i++) {
    const s = stem(ws[i]!);
    const prev = ws[i - 1] ?? '';
    if (TELL.has(s)) {
      if (PASSIVE_AUX.has(prev) && prev !== 'had' && prev !== 'has' && prev !== 'have') {
        for (const k of subjectBefore(tokens, i, speakerWords)) out.add(k);
        continue;
      }
      // "warned Qatar", "calls … to Qatari officials", "give the White House notice".
      for (const k of nounPhrase(tokens, i + 1).names) out.add(k);
      for (let j = i + 1; j < Math.min(ws.length, i + 7); j++) {
        if (ws[j] !== 'to') continue;
        for (const k of nounPhrase(tokens, j + 1).names) out.add(k);
        break;
      }
      for (let j = i - 1; j >= Math.max(0, i - 6); j--) {
        if (ws[j] !== 'give' && ws[j] !== 'gave' && ws[j] !== 'given') continue;
        for (const k of nounPhrase(tokens, j + 1).names) out.add(k);
        break;
      }
    } else if (RECEIVE.has(s)) {
      for (const k of subjectBefore(tokens, i, speakerWords)) out.add(k);
    }
  }
  return out;
}

/** Who passed the news on: "learned about it from X", "came from X", "X notified Y". */
function sourcesOf(tokens: readonly Token[], reach: readonly boolean[], speakerWords: readonly string[]) {
  const out: { concepts: string[]; phrase: string; negated: boolean }[] = [];
  const ws = tokens.map((t) => t.norm);
  for (let i = 0; i < ws.length; i++) {
    const s = stem(ws[i]!);
    if (RECEIVE.has(s) || s === 'new') {
      // "learned about the strike from the U.S. military": the first "from" within a few words.
      for (let j = i + 1; j < Math.min(ws.length, i + 7); j++) {
        if (ws[j] !== 'from') continue;
        const np = nounPhrase(tokens, j + 1);
        if (np.concepts.length > 0)
          out.push({ concepts: np.concepts, phrase: np.phrase, negated: reach[i]! || reach[j]! });
        break;
      }
    }
    if (TELL.has(s) && i > 0 && !PASSIVE_AUX.has(ws[i - 1]!)) {
      // "Mayor Diaz (personally) informed the council": an active subject before the verb.
      let at = i - 1;
      while (at > 0 && ws[at]!.endsWith('ly')) at--;
      const subj = tokens[at]!;
      if (subj.capital && !STOPWORDS.has(subj.norm)) {
        out.push({ concepts: [stem(subj.norm)], phrase: subj.norm, negated: reach[i]! });
      } else if (PRONOUNS.has(subj.norm)) {
        const cs = speakerConcepts(speakerWords);
        if (cs.length > 0) out.push({ concepts: cs, phrase: speakerWords.join(' '), negated: reach[i]! });
      }
    }
  }
  return out;
}

/** Up to three content words after `start`, past determiners. */
function nounPhrase(
  tokens: readonly Token[],
  start: number,
): { concepts: string[]; phrase: string; names: string[] } {
  const concepts: string[] = [];
  const words: string[] = [];
  /** The capitalised words of the phrase: the names in it. */
  const names: string[] = [];
  for (let j = start; j < tokens.length && concepts.length < 3; j++) {
    const t = tokens[j]!;
    if (DETERMINERS.has(t.norm) && concepts.length === 0) {
      words.push(t.norm);
      continue;
    }
    const key = conceptKey(t);
    if (key === null) break;
    concepts.push(key);
    words.push(t.norm);
    if (t.capital) names.push(key);
  }
  return { concepts, phrase: words.join(' '), names };
}

/** Fewer own content concepts than this: a fragment, whose topic also comes from its context. */
export const FRAGMENT_CONCEPTS = 4;

/** The concepts that say what a statement is about: its own, plus its context for a fragment. */
export function topicOf(f: ClaimFeatures): Map<string, Concept> {
  if (f.own.size >= FRAGMENT_CONCEPTS) return f.own;
  const merged = new Map(f.own);
  for (const [k, c] of f.context) if (!merged.has(k)) merged.set(k, { ...c, fromContext: true });
  return merged;
}

export interface SharedTopic {
  concepts: Concept[];
  entities: number;
  /** Shared concepts weighted by where they come from: both statements' own words 1, one side's context ½. */
  weight: number;
}

/** Concepts both statements are about. One resolved only from a pronoun needs the other side's words. */
export function sharedTopic(a: ClaimFeatures, b: ClaimFeatures): SharedTopic {
  const ta = topicOf(a);
  const tb = topicOf(b);
  const concepts: Concept[] = [];
  let entities = 0;
  let weight = 0;
  for (const [k, c] of ta) {
    const other = tb.get(k);
    if (!other || (c.viaSpeaker && other.viaSpeaker)) continue;
    concepts.push(c.viaSpeaker ? other : c);
    if (c.entity || other.entity) entities++;
    weight += (c.fromContext ? 0.5 : 1) * (other.fromContext ? 0.5 : 1);
  }
  return { concepts, entities, weight };
}

export interface Conflict {
  /** "‘before it happened’ vs ‘after it happened’" */
  because: string;
  about: Concept[];
  score: number;
}

/** Enough shared subject to say two claims are about one event. */
function sameEvent(t: SharedTopic, min: number): boolean {
  return t.concepts.length >= min && t.entities >= 1;
}

/** News given to two different recipients is two events ("warned Qatar" vs "Trump was informed"). */
export function sameRecipients(a: ClaimFeatures, b: ClaimFeatures): boolean {
  if (a.recipients.size === 0 || b.recipients.size === 0) return true;
  for (const r of a.recipients) if (b.recipients.has(r)) return true;
  return false;
}

function quoteCue(f: ClaimFeatures, c: Cue): string {
  // Show the cue with the words that follow it, up to three: "after it happened".
  const ws = f.tokens.slice(c.from, Math.min(f.tokens.length, c.to + 3)).map((t) => t.norm);
  return `‘${ws.join(' ')}’`;
}

/**
 * A possible conflict between two claims, or null. Checked in order of how clear the cue is:
 * refutation, time order, source of the news, antonyms, negation.
 */
export function detectConflict(a: ClaimFeatures, b: ClaimFeatures): Conflict | null {
  const topic = sharedTopic(a, b);
  const about = topic.concepts;
  const recipients = sameRecipients(a, b);

  // One side calls claims on this subject false; the other makes such a claim. The refuted
  // subject is spelled out, so it must be shared in full: an entity and two more concepts.
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    // "informed in advance … baseless" agrees with "too late": the refuted time is the other's opposite.
    const agrees = (x.early && y.late) || (x.late && y.early);
    if (x.refutation && !y.refutation && !agrees && recipients && sameEvent(topic, 3)) {
      return { because: `${quoteCue(x, x.refutation)} vs a claim that it happened`, about, score: 0.7 };
    }
  }

  // One side puts the news before the event, the other after or during it.
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    // A time inside a refuted or negated claim ("informed in advance … baseless") is not asserted.
    const asserted = (f: ClaimFeatures, c: Cue | null): c is Cue =>
      c !== null && f.refutation === null && !f.negatedAt(c.from);
    const early = x.early;
    const late = y.late;
    if (asserted(x, early) && asserted(y, late) && !x.late && !y.early && recipients && sameEvent(topic, 2)) {
      const because =
        x === a
          ? `${quoteCue(x, early)} vs ${quoteCue(y, late)}`
          : `${quoteCue(y, late)} vs ${quoteCue(x, early)}`;
      return { because, about, score: 0.6 };
    }
  }

  // The news came from two different places, or from a place one side rules out.
  for (const sa of a.sources) {
    for (const sb of b.sources) {
      const overlap = sa.concepts.some((c) => sb.concepts.includes(c));
      const clash = sa.negated !== sb.negated ? overlap : !sa.negated && !overlap;
      if (clash && recipients && topic.concepts.length >= 2) {
        const fmt = (s: typeof sa) => `${s.negated ? 'not from' : 'from'} ‘${s.phrase}’`;
        return { because: `news ${fmt(sa)} vs ${fmt(sb)}`, about, score: 0.5 };
      }
    }
  }

  // Antonyms with opposite effective signs: "it failed" vs "it was a success".
  for (const [axis, va] of a.axes) {
    const vb = b.axes.get(axis);
    const rest = about.filter((c) => c.key !== axis && !AXES.has(c.key));
    if (vb && vb.sign !== va.sign && sameEvent({ concepts: rest, entities: topic.entities, weight: 0 }, 2)) {
      return { because: `‘${va.phrase}’ vs ‘${vb.phrase}’`, about, score: 0.5 };
    }
  }

  // A predicate denied on one side and asserted on the other: "X happened" vs "X did not happen".
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const k of x.negated) {
      const cx = x.own.get(k);
      const cy = y.own.get(k);
      // Names are not predicates, and antonym words were weighed above.
      if (!cx || !cy || cx.entity || cy.entity || y.negated.has(k) || AXES.has(k)) continue;
      const rest = about.filter((c) => c.key !== k);
      if (rest.length >= 2 && topic.entities >= 1) {
        return { because: `‘not ${cx.word}’ vs ‘${cy.word}’`, about, score: 0.5 };
      }
    }
  }
  return null;
}
