// Deleting an archived quote with the offer to undo it, and the undo itself (failed writes are reported).
import { useCallback, useState } from 'preact/hooks';
import { storeProblemItem } from '@/utils/settings';
import type { ArchiveEntryRow, SaywhoDb } from '@/utils/store/db';
import { reportedWrite } from '@/utils/store/problem';
import { deleteEntry, restoreEntry } from '@/utils/store/writes';

export interface DeleteWithUndo {
  /** The quote last deleted, while its undo is offered. */
  deleted: ArchiveEntryRow | null;
  /** The last undo could not write: the banner above says why; the reader can try again. */
  undoFailed: boolean;
  /** Stable for a store, so the memoised rows keep it. */
  remove: (id: number) => Promise<void>;
  undo: () => Promise<void>;
  /** Withdraws the offer to undo (the reader went on to something else). */
  dismiss: () => void;
}

/**
 * `say` sets the archive's status message; `onDeleted` clears what else the status shows. Both
 * must be stable (state setters, or callbacks memoised for good).
 */
export function useDeleteWithUndo(
  db: SaywhoDb,
  say: (message: string) => void,
  onDeleted: () => void,
): DeleteWithUndo {
  const [deleted, setDeleted] = useState<ArchiveEntryRow | null>(null);
  const [undoFailed, setUndoFailed] = useState(false);

  // A failed write is shown like every store problem (the banner, in the archive and the popup).
  const remove = useCallback(
    async (id: number) => {
      const done = await reportedWrite(storeProblemItem, 'delete this quote', () => deleteEntry(db, id));
      if (!done.ok) return;
      setDeleted(done.value);
      setUndoFailed(false);
      say('');
      onDeleted();
    },
    [db, say, onDeleted],
  );

  async function undo() {
    if (!deleted) return;
    const done = await reportedWrite(storeProblemItem, 'restore the deleted quote', () =>
      restoreEntry(db, deleted),
    );
    if (!done.ok) {
      // The quote stays deleted; the undo stays offered, so it can be tried again once there is room.
      setUndoFailed(true);
      return;
    }
    setDeleted(null);
    setUndoFailed(false);
    say('Quote restored.');
  }

  return { deleted, undoFailed, remove, undo, dismiss: () => setDeleted(null) };
}
