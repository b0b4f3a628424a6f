/** What relations mean to a reader. */
import type { RelationType } from '../domain';
import { CONFLICT_OPERATING_POINT } from './calibration';

/** The relation types that can be a possible conflict (a contradiction only above the operating point). */
export const CONFLICT_TYPES: ReadonlySet<RelationType> = new Set([
  'misattribution',
  'altered-quote',
  'contradiction',
]);

/**
 * Is this relation shown to the reader as a possible conflict? The same words given to another
 * speaker or altered always are; a contradiction only at a calibrated score at or above the
 * operating point (calibration.ts). A contradiction under it is shown as related ("may disagree").
 */
export function isConflict(r: { type: RelationType; score: number }): boolean {
  if (r.type === 'contradiction') return r.score >= CONFLICT_OPERATING_POINT;
  return CONFLICT_TYPES.has(r.type);
}
