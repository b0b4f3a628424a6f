/**
 * Classifies a pair of statements: the one being read (`a`) against one already stored (`b`).
 * Pure: the store finds candidates through its indexes, this decides what the pair is and why.
 */
import type { RelationType } from '../messages';

export interface RelateSide {
  normalized: string;
  speakerKey: string | null;
  speakerName: string | null;
  /** Where it was printed, for the reason line ("example.com"). */
  site: string;
}

export interface Relation {
  type: RelationType;
  score: number;
  reason: string;
}

/** The relation types a reader should see as a possible conflict. */
export const CONFLICT_TYPES: ReadonlySet<RelationType> = new Set([
  'misattribution',
  'altered-quote',
  'contradiction',
]);

function who(side: RelateSide): string {
  return side.speakerName ?? 'no named speaker';
}

/** Two statements with identical normalised words: a reprint, or the same words given to someone else. */
export function relateIdentical(a: RelateSide, b: RelateSide): Relation | null {
  if (a.normalized.length === 0 || a.normalized !== b.normalized) return null;
  const count = a.normalized.split(' ').length;
  const wordsLabel = `same ${count} word${count === 1 ? '' : 's'}`;
  if (a.speakerKey !== null && b.speakerKey !== null && a.speakerKey !== b.speakerKey) {
    return {
      type: 'misattribution',
      score: 1,
      reason: `${wordsLabel}; ${b.site} says ${who(b)}, ${a.site} says ${who(a)}`,
    };
  }
  return {
    type: 'same-quote',
    score: 1,
    reason: `${wordsLabel}, also printed by ${b.site}${b.speakerName ? ` (${b.speakerName})` : ''}`,
  };
}
