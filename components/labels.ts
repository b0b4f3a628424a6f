/** Words the UI uses for kinds and relation types. */

import type { RelationType } from '@/utils/domain';
import type { StatementKind } from '@/utils/extract/types';
import { conflictWords } from '@/utils/match/calibration';

export const KIND_LABEL: Record<StatementKind, string> = {
  direct: 'Direct quote',
  partial: 'Partial quote',
  indirect: 'Reported claim',
};

/** A relation's type as the reader sees it when it is shown as a possible conflict (or not one). */
export const RELATION_LABEL: Record<RelationType, string> = {
  'same-quote': 'Same words elsewhere',
  misattribution: 'Same words, different speaker',
  'altered-quote': 'Wording altered',
  contradiction: 'Possible conflict',
  'same-speaker-topic': 'Same speaker, same topic',
};

/**
 * What a relation is called for the reader: a contradiction under the operating point
 * (match/calibration.ts) is no possible conflict, only a statement that may disagree.
 */
export function relationLabel(type: RelationType, conflict: boolean): string {
  return type === 'contradiction' && !conflict ? 'May disagree' : RELATION_LABEL[type];
}

/**
 * A relation's reason under its label: a contradiction's reason opens with what it is called
 * ("possible conflict — …", "may disagree — …"), which the label beside it already says.
 */
export function reasonShown(reason: string): string {
  for (const opening of OPENINGS) if (reason.startsWith(opening)) return reason.slice(opening.length);
  return reason;
}

/** How a contradiction's reason may open, at and under the operating point (`conflictWords`). */
const OPENINGS = [conflictWords(1), conflictWords(0)].map((w) => `${w} — `);
