/** Parts of a statement's entry shared by the popup's stored and detected lists. */
import type { StatementKind } from '@/utils/extract/types';
import { UNATTRIBUTED } from '../utils/store/archive-search';
import { KIND_LABEL } from './labels';

/** The quotation and who said it, how. */
export function StatementHeader({
  text,
  kind,
  speaker,
  cue,
}: {
  text: string;
  kind: StatementKind;
  speaker: string | null;
  cue: string | null;
}) {
  return (
    <>
      <blockquote class={`statement__text statement__text--${kind}`}>{text}</blockquote>
      <div class="statement__meta">
        <span class="statement__speaker">{speaker ?? UNATTRIBUTED}</span>
        {cue ? <span class="statement__cue"> · {cue}</span> : null}
        <span class="statement__kind"> · {KIND_LABEL[kind]}</span>
      </div>
    </>
  );
}

/** The note and tags a quote is saved with. */
export function NoteAndTags({
  note,
  tags,
  onNote,
  onTags,
}: {
  note: string;
  tags: string;
  onNote: (note: string) => void;
  onTags: (tags: string) => void;
}) {
  return (
    <>
      <label class="field">
        <span class="field__label">Note</span>
        <textarea class="field__input" rows={2} value={note} onInput={(e) => onNote(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span class="field__label">Tags (comma separated)</span>
        <input class="field__input" value={tags} onInput={(e) => onTags(e.currentTarget.value)} />
      </label>
    </>
  );
}
