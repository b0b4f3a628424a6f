/**
 * Speaker resolution: the noun phrase a quotation is attributed to, resolved to a person, a body, a
 * publication, a document or a description, by an ordered list of rules, one family per file:
 * joint speakers and descriptions (descriptions.ts), pronouns (pronouns.ts, groups.ts), role nouns
 * (roles.ts), proper names (named-speakers.ts), organisations and documents (bodies.ts); with the
 * speaker history they read (speaker-history.ts). Re-exports names.ts and np.ts.
 */

import { definiteDocumentRule, documentAgentRule, indexBodies, organisationRule } from './bodies';
import {
  demonymRule,
  descriptionRule,
  determinerGroupRule,
  jointRule,
  possessedDocumentRule,
  possessiveOwnerRule,
  possessorRule,
} from './descriptions';
import { affiliatedNameRule, properNameRule, publicationRule } from './named-speakers';
import type { NameRegistry } from './names';
import type { NP } from './np';
import { ageRule, pronounRule, recentPerson } from './pronouns';
import type { SentenceTagger } from './reported-tags';
import { definiteRoleRule, titledRoleRule } from './roles';
import { lastOccurrence, rememberNP, subjectPersonIn } from './speaker-history';
import type { BodyIndex, Resolved, ResolveRule, ResolverState, SpeakerHistoryItem } from './speaker-state';
import { stripPossessive } from './text';

export { npWords } from './descriptions';
export * from './names';
export * from './np';
export type { Resolved, SpeakerHistoryItem } from './speaker-state';

/**
 * The resolution pipeline, in order: the first rule that applies decides. The order matters: a
 * titled role before a name ("the President"), a name with its body before a group or a
 * demonym, a document's written author before the last one, a definite role before a possessor.
 */
const RESOLVE_RULES: readonly ResolveRule[] = [
  jointRule, // "Ana Ruiz and Li Wei"
  pronounRule, // he, she, they, it
  titledRoleRule, // "the President"
  affiliatedNameRule, // "Priya Nair of Ernst", "Minister of Education Stefania Giannini"
  determinerGroupRule, // "Some in the party"
  demonymRule, // "one Nevada Republican"
  properNameRule, // "Lena Marsh", "analyst Kevin Park"
  publicationRule, // "The Washington Post"
  possessedDocumentRule, // "the ministry's statement", "her letter"
  possessiveOwnerRule, // "his office"
  documentAgentRule, // "a report by Politico"
  definiteDocumentRule, // "the report"
  ageRule, // "the 54-year-old"
  definiteRoleRule, // "the source", "the Albanian leader"
  possessorRule, // "Trump’s Middle East envoy"
  organisationRule, // "the ministry", "the group", "the administration"
  descriptionRule, // "a senior official"
];

export class Resolver implements ResolverState {
  readonly history: SpeakerHistoryItem[] = [];
  readonly bodies: BodyIndex;

  constructor(
    readonly text: string,
    readonly names: NameRegistry,
    readonly insideQuote: (pos: number) => boolean = () => false,
    /** Reads whether a subject is plural (NNS, NNPS); without it, a head ending in -s is. */
    readonly tagger: SentenceTagger | null = null,
  ) {
    this.bodies = indexBodies(text, names, tagger);
  }

  /** Records a resolved speaker at `pos` (for later pronoun and role-noun resolution). */
  remember(pos: number, resolved: Resolved, words: string[]): void {
    this.history.push({ pos, resolved, words });
  }

  /**
   * Records the speaker named by `np`. A joint description ("a person close to X and a U.S.
   * official familiar with Y") is remembered as a whole and as its parts, the first-named part
   * last so that a later "the source" picks the first-named source.
   */
  rememberNP(np: NP | null, resolved: Resolved, pos: number): void {
    rememberNP(this, np, resolved, pos);
  }

  /** The person a quotation with no attribution at `pos` most likely belongs to (salience, either sex). */
  contextPerson(pos: number): Resolved | null {
    return recentPerson(this, pos, null);
  }

  /**
   * The person named as the subject of the nearest sentence in [from, to) that names one: its
   * first name occurrence, when that is not an object, a possessor or a modifier. For a quotation
   * without attribution in a paragraph about someone. Null when there is none.
   */
  subjectPersonIn(from: number, to: number): Resolved | null {
    return subjectPersonIn(this, from, to);
  }

  /** Resolves a noun phrase that names a speaker. */
  resolve(np: NP): Resolved | null {
    for (const rule of RESOLVE_RULES) {
      const r = rule(this, np);
      // "The ministry's message was simple: …": a possessor described by a common noun speaks
      // under that description (a capitalised name keeps its "'s": "McDonald's said")
      if (r && /\s\p{Ll}[\p{L}-]*['\u2019]s$|^\p{Ll}[\p{L}-]*['\u2019]s$/u.test(r.name))
        r.name = stripPossessive(r.name);
      if (r !== undefined) return r;
    }
    return null; // not reached: the last rule always decides
  }

  lastOccurrence(surname: string, before: number): number {
    return lastOccurrence(this.names, surname, before);
  }
}
