// The archive's export buttons (the entries shown) and its JSON import, with the import's progress.
import type { RefObject } from 'preact';
import type { ArchiveEntryRow } from '@/utils/store/db';
import { exportFile } from './export-file';
import type { ImportProgress } from './use-archive-import';

export interface ExportImportToolsProps {
  /** The entries the search and filters leave: what is exported. */
  results: readonly ArchiveEntryRow[];
  /** How many entries the archive holds. */
  total: number;
  fileInput: RefObject<HTMLInputElement>;
  onImport: (file: File) => void;
  progress: ImportProgress | null;
}

export function ExportImportTools({ results, total, fileInput, onImport, progress }: ExportImportToolsProps) {
  const stamp = new Date().toISOString().slice(0, 10);
  return (
    <section class="tools" aria-label="Export and import">
      <span class="tools__label">Export {results.length === total ? 'all' : `${results.length} shown`}:</span>{' '}
      <button type="button" class="button" onClick={() => exportFile('json', results, stamp)}>
        JSON
      </button>{' '}
      <button type="button" class="button" onClick={() => exportFile('csv', results, stamp)}>
        CSV
      </button>{' '}
      <button type="button" class="button" onClick={() => exportFile('md', results, stamp)}>
        Markdown
      </button>{' '}
      <label class="button file-button">
        Import JSON…
        <input
          ref={fileInput}
          class="visually-hidden"
          type="file"
          accept="application/json,.json"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) onImport(file);
          }}
        />
      </label>
      {progress ? <ImportProgressBar progress={progress} /> : null}
    </section>
  );
}

function ImportProgressBar({ progress }: { progress: ImportProgress }) {
  const count = (n: number) => n.toLocaleString('en');
  return (
    <span
      class="import-progress"
      data-state={progress.finished ? 'done' : 'running'}
      data-done={progress.done}
      data-total={progress.total}
    >
      <progress max={progress.total || 1} value={progress.done} aria-label="Import progress" />{' '}
      <span class="import-progress__text">
        {progress.finished
          ? `Imported ${count(progress.done)} of ${count(progress.total)}`
          : progress.total === 0
            ? 'Reading the file…'
            : `Importing ${count(progress.done)} of ${count(progress.total)}…`}
      </span>
    </span>
  );
}
