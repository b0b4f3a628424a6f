// Importing a JSON export into the archive: the running import's progress and the message it ends with.
import type { RefObject } from 'preact';
import { useCallback, useRef, useState } from 'preact/hooks';
import type { SaywhoDb } from '@/utils/store/db';
import { importArchiveJson } from '@/utils/store/writes';

export interface ImportProgress {
  done: number;
  total: number;
  finished: boolean;
}

export interface ArchiveImport {
  /** The running import (or the last one, finished, until the reader does something else). */
  progress: ImportProgress | null;
  /** The file input, emptied after each import so the same file can be chosen again. */
  fileInput: RefObject<HTMLInputElement>;
  importFile: (file: File) => Promise<void>;
  /** Stable: hides the progress of a finished import. */
  clearProgress: () => void;
}

/** `say` sets the archive's status message. */
export function useArchiveImport(db: SaywhoDb, say: (message: string) => void): ArchiveImport {
  const [progress, setProgress] = useState<ImportProgress | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const clearProgress = useCallback(() => setProgress(null), []);

  async function importFile(file: File) {
    say('');
    setProgress({ done: 0, total: 0, finished: false });
    const res = await importArchiveJson(db, await file.text(), {
      onProgress: (done, total) => setProgress({ done, total, finished: false }),
    });
    // A finished import leaves its bar full, with the count; a refused or empty one leaves none.
    setProgress(
      res.ok && res.result.added > 0
        ? { done: res.result.added, total: res.result.added, finished: true }
        : null,
    );
    if (fileInput.current) fileInput.current.value = '';
    say(
      res.ok
        ? `Imported ${res.result.added} quote${res.result.added === 1 ? '' : 's'}${res.result.skipped ? `; ${res.result.skipped} already in the archive were skipped` : ''}.`
        : res.error,
    );
  }

  return { progress, fileInput, importFile, clearProgress };
}
