// The archive page: reads the archive live and composes its tools, status line, filters and results.
import { useMemo, useState } from 'preact/hooks';
import { ArchiveIndex } from '@/utils/store/archive-search';
import type { SaywhoDb } from '@/utils/store/db';
import { archiveView } from '@/utils/store/queries';
import { StoreProblemBanner } from '../StoreProblemBanner';
import { useLiveQuery } from '../use-live-query';
import { ArchiveFilters } from './ArchiveFilters';
import { ArchiveResults } from './ArchiveResults';
import { ExportImportTools } from './ExportImportTools';
import { StatusLine } from './StatusLine';
import { useArchiveFilter } from './use-archive-filter';
import { useArchiveImport } from './use-archive-import';
import { useDeleteWithUndo } from './use-delete-with-undo';

export function ArchiveList({ db, baseUrl }: { db: SaywhoDb; baseUrl: string }) {
  const view = useLiveQuery(() => archiveView(db), []);
  const filterState = useArchiveFilter();
  const { filter } = filterState;
  /** What the status line says when no undo is offered: the outcome of the last import or undo. */
  const [message, setMessage] = useState('');
  const importer = useArchiveImport(db, setMessage);
  const deletion = useDeleteWithUndo(db, setMessage, importer.clearProgress);

  const index = useMemo(
    () =>
      view.status === 'ready' ? new ArchiveIndex(view.value.entries, view.value.conflictEntryIds) : null,
    [view],
  );
  const results = useMemo(() => index?.search(filter) ?? [], [index, filter]);
  const total = view.status === 'ready' ? view.value.entries.length : 0;

  function startImport(file: File) {
    // An import ends the offer to undo a delete (its outcome takes the status line).
    deletion.dismiss();
    void importer.importFile(file);
  }

  return (
    <main class="archive">
      <h1>Saywho archive</h1>
      <StoreProblemBanner />
      {view.status === 'loading' ? <p class="empty">Loading…</p> : null}
      {view.status === 'error' ? <p class="empty error">Could not read the archive: {view.error}</p> : null}

      <ExportImportTools
        results={results}
        total={total}
        fileInput={importer.fileInput}
        onImport={startImport}
        progress={importer.progress}
      />

      <StatusLine deletion={deletion} message={message} />

      {view.status === 'ready' && total === 0 ? (
        <p class="empty" data-state="empty-archive">
          Nothing saved yet. Use “Save to archive” in the popup or on a highlighted quote, or select words on
          a page and choose “Save selection to Saywho”.
        </p>
      ) : null}

      {index && total > 0 ? (
        <>
          <ArchiveFilters facets={index.facets} state={filterState} />
          <ArchiveResults
            db={db}
            baseUrl={baseUrl}
            results={results}
            total={total}
            query={filter.query}
            conflictEntryIds={index.conflictEntryIds}
            limit={filterState.limit}
            onShowMore={filterState.showMore}
            onDelete={deletion.remove}
          />
        </>
      ) : null}
    </main>
  );
}
