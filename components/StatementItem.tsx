import { CONFLICT_TYPES } from '@/utils/match/relate';
import type { StatementView } from '@/utils/store/queries';
import { KIND_LABEL, RELATION_LABEL } from './labels';

export interface StatementItemProps {
  view: StatementView;
  onSave: (statementId: number) => void;
}

/** One statement of the page: who said it, how, and what else the store knows about these words. */
export function StatementItem({ view, onSave }: StatementItemProps) {
  const { statement, related } = view;
  return (
    <li
      class={`statement${view.conflicts > 0 ? ' statement--conflict' : ''}`}
      data-statement-id={statement.id}
    >
      <blockquote class={`statement__text statement__text--${statement.kind}`}>{statement.text}</blockquote>
      <div class="statement__meta">
        <span class="statement__speaker">{statement.speakerName ?? 'Unattributed'}</span>
        {statement.cue ? <span class="statement__cue"> · {statement.cue}</span> : null}
        <span class="statement__kind"> · {KIND_LABEL[statement.kind]}</span>
      </div>
      {related.length > 0 ? (
        <ul class="related" aria-label="Related statements">
          {related.map(({ relation, statement: other, page }) => (
            <li
              key={relation.id}
              class={`related__item related__item--${relation.type}`}
              data-relation-type={relation.type}
            >
              <span class={`badge${CONFLICT_TYPES.has(relation.type) ? ' badge--conflict' : ''}`}>
                {RELATION_LABEL[relation.type]}
              </span>
              <span class="related__speaker">{other.speakerName ?? 'Unattributed'}</span>
              {page ? (
                <a class="related__source" href={page.url} target="_blank" rel="noreferrer">
                  {page.title || page.url}
                </a>
              ) : null}
              <span class="related__reason">{relation.reason}</span>
            </li>
          ))}
        </ul>
      ) : null}
      <div class="statement__actions">
        {view.savedEntryId !== null ? (
          <span class="saved" role="status">
            Saved to archive
          </span>
        ) : (
          <button type="button" class="button" onClick={() => onSave(statement.id)}>
            Save to archive
          </button>
        )}
      </div>
    </li>
  );
}
