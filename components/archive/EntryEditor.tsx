// Editing one archive entry's note and tags: the edit state (kept by the entry's row) and its form.
import { useState } from 'preact/hooks';
import { parseTags } from '@/utils/store/archive';
import type { ArchiveEntryRow, SaywhoDb } from '@/utils/store/db';
import { updateEntry } from '@/utils/store/writes';

export interface EntryEditing {
  editing: boolean;
  note: string;
  tags: string;
  error: string | null;
  setNote: (note: string) => void;
  setTags: (tags: string) => void;
  start: () => void;
  /** Closes the form and puts back the entry's own note and tags. */
  cancel: () => void;
  save: (event: Event) => Promise<void>;
}

/**
 * The state lives in the row, not in the form: what was typed (and the last error) is still there
 * when the form is opened again after a save.
 */
export function useEntryEditing(db: SaywhoDb, entry: ArchiveEntryRow): EntryEditing {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(entry.note);
  const [tags, setTags] = useState(entry.tags.join(', '));
  const [error, setError] = useState<string | null>(null);

  async function save(event: Event) {
    event.preventDefault();
    try {
      await updateEntry(db, entry.id, { note, tags: parseTags(tags) });
      setEditing(false);
      setError(null);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  }

  return {
    editing,
    note,
    tags,
    error,
    setNote,
    setTags,
    start: () => setEditing(true),
    cancel: () => {
      setEditing(false);
      setNote(entry.note);
      setTags(entry.tags.join(', '));
    },
    save,
  };
}

export function EntryEditor({ edit }: { edit: EntryEditing }) {
  return (
    <form class="entry__edit" onSubmit={edit.save}>
      <label class="field">
        <span class="field__label">Note</span>
        <textarea
          class="field__input"
          name="note"
          rows={3}
          value={edit.note}
          onInput={(e) => edit.setNote(e.currentTarget.value)}
        />
      </label>
      <label class="field">
        <span class="field__label">Tags (comma separated)</span>
        <input
          class="field__input"
          name="tags"
          value={edit.tags}
          onInput={(e) => edit.setTags(e.currentTarget.value)}
        />
      </label>
      <button type="submit" class="button">
        Save
      </button>{' '}
      <button type="button" class="button" onClick={edit.cancel}>
        Cancel
      </button>
      {edit.error ? (
        <p class="error" role="alert">
          {edit.error}
        </p>
      ) : null}
    </form>
  );
}
