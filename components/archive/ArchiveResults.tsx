// The archive's search results: their count, the list of entries (a page at a time) and "Show more".
import type { ArchiveEntryRow, SaywhoDb } from '@/utils/store/db';
import { EntryItem } from './EntryItem';

export interface ArchiveResultsProps {
  db: SaywhoDb;
  baseUrl: string;
  results: readonly ArchiveEntryRow[];
  /** How many entries the archive holds. */
  total: number;
  query: string;
  conflictEntryIds: ReadonlySet<number>;
  /** How many of the results are rendered. */
  limit: number;
  onShowMore: () => void;
  onDelete: (id: number) => void;
}

export function ArchiveResults(props: ArchiveResultsProps) {
  const { results, total, limit } = props;
  return (
    <>
      <p class="results-count" aria-live="polite" data-count={results.length} data-query={props.query}>
        {results.length === total
          ? `${total} saved quote${total === 1 ? '' : 's'}`
          : `${results.length} of ${total} saved quotes`}
      </p>
      {results.length === 0 ? (
        <p class="empty" data-state="no-results">
          No saved quote matches. Clear the search or a filter.
        </p>
      ) : null}
      <ul class="entries">
        {results.slice(0, limit).map((e) => (
          <EntryItem
            key={e.id}
            db={props.db}
            entry={e}
            conflict={props.conflictEntryIds.has(e.id)}
            baseUrl={props.baseUrl}
            onDelete={props.onDelete}
          />
        ))}
      </ul>
      {results.length > limit ? (
        <button type="button" class="button" onClick={props.onShowMore}>
          Show more ({results.length - limit} left)
        </button>
      ) : null}
    </>
  );
}
