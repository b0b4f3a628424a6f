/**
 * Speaker resolution, shared shapes: a resolved speaker, the history of speakers resolved so far,
 * and the resolver's state as the rule families (pronouns, groups, roles, bodies, names,
 * descriptions) see it.
 */

import type { BodyIndex } from './bodies';
import type { EntityKind, NameRegistry } from './names';
import type { NP } from './np';
import type { SentenceTagger } from './reported';

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
