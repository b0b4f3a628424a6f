/** Words the UI uses for kinds and relation types. */

import type { RelationType } from '@/utils/domain';
import type { StatementKind } from '@/utils/extract/types';

export const KIND_LABEL: Record<StatementKind, string> = {
  direct: 'Direct quote',
  partial: 'Partial quote',
  indirect: 'Reported claim',
};

export const RELATION_LABEL: Record<RelationType, string> = {
  'same-quote': 'Same words elsewhere',
  misattribution: 'Same words, different speaker',
  'altered-quote': 'Wording altered',
  contradiction: 'Possible conflict',
  'same-speaker-topic': 'Same speaker, same topic',
};
