/**
 * Speaker resolution, shared shapes: a resolved speaker, the history of speakers resolved so far,
 * the index of document authors and described bodies (built by bodies.ts), and the resolver's
 * state as the rule families (pronouns, groups, roles, bodies, names, descriptions) see it.
 */

import type { EntityKind, NameRegistry } from './names';
import type { NP } from './np';
import type { SentenceTagger } from './reported-tags';

export interface Resolved {
  name: string;
  kind: EntityKind;
  /** Surname key for persons (used for salience), or the lower-cased description. */
  key: string;
}

export interface SpeakerHistoryItem {
  pos: number;
  /** The description is plural ("officials", "sources", "a … and a …"). */
  plural?: boolean;
  resolved: Resolved;
  /** Lower-cased words of the mention / description (for role-noun matching). */
  words: string[];
}

/** Document authors and described bodies of a text, indexed once per text by `indexBodies` (bodies.ts). */
export interface BodyIndex {
  /** "a report … by Politico": positions of "by X" after a document noun, with X (and senders). */
  readonly docAuthors: Array<{ pos: number; np: NP }>;
  /**
   * Named bodies by the common nouns that describe them, for a later "the group", "the ministry":
   * an appositive ("Citizens for Ethics, a liberal watchdog group,") and the organisation word
   * inside a name ("the Ministry of Health", "the Standing Rock Sioux tribe").
   */
  readonly descriptions: Array<{ pos: number; head: string; name: string }>;
  /** "X administration" phrases of the text, in order (found once, on first need). */
  administrations: Array<{ pos: number; name: string }> | null;
}

/** What the rule families read (and, for the history, extend) while resolving. */
export interface ResolverState {
  readonly text: string;
  readonly names: NameRegistry;
  readonly history: SpeakerHistoryItem[];
  readonly insideQuote: (pos: number) => boolean;
  /** Reads whether a subject is plural (NNS, NNPS); without it, a head ending in -s is. */
  readonly tagger: SentenceTagger | null;
  /** Document authors and described bodies, indexed once per text. */
  readonly bodies: BodyIndex;
  /** Resolves a noun phrase that names a speaker (the whole pipeline, for nested phrases). */
  resolve(np: NP): Resolved | null;
  /** The person a quotation with no attribution at `pos` most likely belongs to. */
  contextPerson(pos: number): Resolved | null;
}

/**
 * One rule of the resolution pipeline: `undefined` when it does not apply (the next rule is
 * tried), otherwise its decision, which may be null (no speaker: "I", "we", "you").
 */
export type ResolveRule = (state: ResolverState, np: NP) => Resolved | null | undefined;
