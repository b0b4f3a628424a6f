import { useState } from 'preact/hooks';
import type { PageMeta, StatementSnapshot } from '@/utils/domain';
import { parseTags } from '@/utils/store/archive';
import { UNATTRIBUTED } from '../utils/store/archive-search';
import { NoteAndTags, StatementHeader } from './StatementParts';

export interface DetectedStatementsProps {
  page: PageMeta;
  /** What the page's content script found, in page order. */
  statements: StatementSnapshot[];
  /** Texts (trimmed) of this page's quotes already in the archive. */
  saved: ReadonlySet<string>;
  onSave: (statement: StatementSnapshot, note: string, tags: string[]) => void;
}

/**
 * The page's statements when auto-collect is off: found on the page, not stored or compared.
 * Grouped by speaker like the stored view; each can be saved to the archive with a note and tags.
 */
export function DetectedStatements({ page, statements, saved, onSave }: DetectedStatementsProps) {
  const groups = new Map<string | null, { statement: StatementSnapshot; index: number }[]>();
  for (const [index, statement] of statements.entries()) {
    const list = groups.get(statement.speaker) ?? [];
    list.push({ statement, index });
    groups.set(statement.speaker, list);
  }
  // Most quoted first; unattributed statements last.
  const ordered = [...groups].sort(
    ([a, x], [b, y]) => Number(a === null) - Number(b === null) || y.length - x.length,
  );
  return (
    <>
      <header class="page-head">
        <h1 class="page-head__title">{page.title || page.url}</h1>
        <p class="page-head__summary">
          {statements.length} statement{statements.length === 1 ? '' : 's'} by {ordered.length} speaker
          {ordered.length === 1 ? '' : 's'}
        </p>
      </header>
      <p class="empty" data-state="collect-off">
        Auto-collect is off: Saywho keeps only the quotes you save, and did not compare these with your
        reading history.
      </p>
      {ordered.map(([speaker, items], i) => (
        <section key={speaker ?? ''} class="group" aria-labelledby={`detected-group-${i}`}>
          <h2 class="group__head" id={`detected-group-${i}`}>
            <span class="group__speaker">{speaker ?? UNATTRIBUTED}</span>{' '}
            <span class="group__count">
              {items.length} statement{items.length === 1 ? '' : 's'}
            </span>
          </h2>
          <ul class="statements">
            {items.map(({ statement, index }) => (
              <DetectedStatementItem
                key={index}
                index={index}
                statement={statement}
                saved={saved.has(statement.text.trim())}
                onSave={onSave}
              />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function DetectedStatementItem({
  index,
  statement,
  saved,
  onSave,
}: {
  index: number;
  statement: StatementSnapshot;
  saved: boolean;
  onSave: DetectedStatementsProps['onSave'];
}) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const [tags, setTags] = useState('');
  const detailsId = `detected-${index}-details`;
  return (
    <li class="statement" data-detected-index={index}>
      <StatementHeader
        text={statement.text}
        kind={statement.kind}
        speaker={statement.speaker}
        cue={statement.cue}
      />
      <div class="statement__actions">
        {saved ? (
          <span class="saved" role="status">
            Saved to archive
          </span>
        ) : (
          <>
            <button
              type="button"
              class="button button--quiet statement__toggle"
              aria-expanded={open}
              aria-controls={detailsId}
              onClick={() => setOpen(!open)}
            >
              {open ? 'Hide note and tags' : 'Add note and tags'}
            </button>
            <button type="button" class="button" onClick={() => onSave(statement, note, parseTags(tags))}>
              Save to archive
            </button>
          </>
        )}
      </div>
      {saved ? null : (
        <div id={detailsId} class="statement__details save-form" hidden={!open}>
          <NoteAndTags note={note} tags={tags} onNote={setNote} onTags={setTags} />
        </div>
      )}
    </li>
  );
}
