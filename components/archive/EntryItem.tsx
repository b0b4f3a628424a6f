// One archived quote in the archive's list: its text, where it came from, its note and tags, and its actions.
import { memo } from 'preact/compat';
import { UNATTRIBUTED } from '@/utils/store/archive-search';
import type { ArchiveEntryRow, SaywhoDb } from '@/utils/store/db';
import { formatDateTime, siteLabel } from '../format';
import { KIND_LABEL } from '../labels';
import { EntryEditor, useEntryEditing } from './EntryEditor';
import { SourceLink } from './SourceLink';
import { speakerHref } from './speaker-link';

export interface EntryItemProps {
  db: SaywhoDb;
  entry: ArchiveEntryRow;
  conflict: boolean;
  baseUrl: string;
  onDelete: (id: number) => void;
}

/** Memoised: typing in the search box re-renders only entries that change. */
export const EntryItem = memo(function EntryItem({ db, entry, conflict, baseUrl, onDelete }: EntryItemProps) {
  const edit = useEntryEditing(db, entry);
  return (
    <li class={`entry${conflict ? ' entry--conflict' : ''}`} data-entry-id={entry.id}>
      <blockquote class="entry__text">{entry.snapshot.text}</blockquote>
      <EntryMeta entry={entry} conflict={conflict} baseUrl={baseUrl} />
      {edit.editing ? (
        <EntryEditor edit={edit} />
      ) : (
        <>
          {entry.note ? <p class="entry__note">{entry.note}</p> : null}
          {entry.tags.length > 0 ? (
            <ul class="tags" aria-label="Tags">
              {entry.tags.map((t) => (
                <li key={t} class="tag">
                  {t}
                </li>
              ))}
            </ul>
          ) : null}
          <div class="entry__actions">
            <button type="button" class="button" onClick={edit.start}>
              Edit note and tags
            </button>{' '}
            <button type="button" class="button button--danger" onClick={() => onDelete(entry.id)}>
              Delete
            </button>
          </div>
        </>
      )}
    </li>
  );
});

/** Who said it, what kind of statement, the page and site, when it was saved, a possible conflict. */
function EntryMeta({ entry, conflict, baseUrl }: Omit<EntryItemProps, 'db' | 'onDelete'>) {
  const s = entry.snapshot;
  const speaker = s.speaker ?? UNATTRIBUTED;
  return (
    <p class="entry__meta">
      {s.speaker ? (
        <a class="entry__speaker" href={speakerHref(baseUrl, s.speaker)}>
          {speaker}
        </a>
      ) : (
        <span class="entry__speaker">{speaker}</span>
      )}{' '}
      · {KIND_LABEL[s.kind]} · <SourceLink url={s.pageUrl} title={s.pageTitle} text={s.text} />
      {s.site ? <span class="entry__site"> · {siteLabel(s.site, s.pageUrl)}</span> : null} · saved{' '}
      {formatDateTime(entry.savedAt)}
      {conflict ? <span class="badge badge--conflict"> · possible conflict</span> : null}
    </p>
  );
}
