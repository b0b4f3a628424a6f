/** What relation types mean to a reader. */
import type { RelationType } from '../domain';

/** The relation types a reader should see as a possible conflict. */
export const CONFLICT_TYPES: ReadonlySet<RelationType> = new Set([
  'misattribution',
  'altered-quote',
  'contradiction',
]);
