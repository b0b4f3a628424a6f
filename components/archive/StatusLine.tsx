// The archive's live status line: the undo bar after a delete, otherwise the last message.
import type { DeleteWithUndo } from './use-delete-with-undo';

export function StatusLine({ deletion, message }: { deletion: DeleteWithUndo; message: string }) {
  return (
    <div class="status" role="status" aria-live="polite">
      {deletion.deleted ? <UndoBar undoFailed={deletion.undoFailed} onUndo={deletion.undo} /> : message}
    </div>
  );
}

function UndoBar({ undoFailed, onUndo }: { undoFailed: boolean; onUndo: () => Promise<void> }) {
  return (
    <span data-state={undoFailed ? 'undo-failed' : 'deleted'}>
      {undoFailed ? 'Quote deleted; it could not be restored (see above).' : 'Quote deleted.'}{' '}
      <button type="button" class="button" onClick={() => void onUndo()}>
        {undoFailed ? 'Try undo again' : 'Undo'}
      </button>
    </span>
  );
}
