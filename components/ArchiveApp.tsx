import { memo } from 'preact/compat';
import { useCallback, useMemo, useRef, useState } from 'preact/hooks';
import { isWebUrl } from '@/utils/domain';
import type { StatementKind } from '@/utils/extract/types';
import { textFragmentUrl } from '@/utils/page/text-fragment';
import { storeProblemItem } from '@/utils/settings';
import { deleteEntry, parseTags, restoreEntry, updateEntry } from '@/utils/store/archive';
import {
  type ArchiveFilter,
  ArchiveIndex,
  type ArchiveSort,
  dayEnd,
  dayStart,
  EMPTY_FILTER,
  UNATTRIBUTED,
} from '@/utils/store/archive-search';
import type { ArchiveEntryRow, SaywhoDb } from '@/utils/store/db';
import { importArchiveJson, toCsv, toJson, toMarkdown } from '@/utils/store/export';
import { reportedWrite } from '@/utils/store/problem';
import { archiveView } from '@/utils/store/queries';
import { formatDateTime, siteLabel } from './format';
import { KIND_LABEL } from './labels';
import { SpeakerView } from './SpeakerView';
import { StoreProblemBanner } from './StoreProblemBanner';
import { useLiveQuery } from './use-live-query';

export interface ArchiveAppProps {
  db: SaywhoDb;
  /** Show the speaker view for this name (`archive.html?speaker=…`). */
  speaker?: string | null;
  /** This page's own URL without query, to build speaker links. */
  baseUrl?: string;
}

export function speakerHref(baseUrl: string, speaker: string): string {
  return `${baseUrl}?speaker=${encodeURIComponent(speaker)}`;
}

/** How many entries are rendered at first; more on request, so 10,000 entries stay fast. */
const PAGE = 100;

export function ArchiveApp({ db, speaker = null, baseUrl = 'archive.html' }: ArchiveAppProps) {
  if (speaker !== null) return <SpeakerView db={db} speaker={speaker} baseUrl={baseUrl} />;
  return <ArchiveList db={db} baseUrl={baseUrl} />;
}

function download(name: string, type: string, content: string) {
  const url = URL.createObjectURL(new Blob([content], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function ArchiveList({ db, baseUrl }: { db: SaywhoDb; baseUrl: string }) {
  const view = useLiveQuery(() => archiveView(db), []);
  const [filter, setFilter] = useState<ArchiveFilter>(EMPTY_FILTER);
  const [fromText, setFromText] = useState('');
  const [toText, setToText] = useState('');
  const [limit, setLimit] = useState(PAGE);
  const [undo, setUndo] = useState<ArchiveEntryRow | null>(null);
  /** The last undo could not write: the banner above says why; the reader can try again. */
  const [undoFailed, setUndoFailed] = useState(false);
  const [message, setMessage] = useState('');
  /** The running import (or the last one, finished, until the reader does something else). */
  const [progress, setProgress] = useState<{ done: number; total: number; finished: boolean } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const index = useMemo(
    () =>
      view.status === 'ready' ? new ArchiveIndex(view.value.entries, view.value.conflictEntryIds) : null,
    [view],
  );
  const results = useMemo(() => index?.search(filter) ?? [], [index, filter]);

  function update(patch: Partial<ArchiveFilter>) {
    setFilter((f) => ({ ...f, ...patch }));
    setLimit(PAGE);
  }

  // A failed write is shown like every store problem (the banner, in the archive and the popup).
  const remove = useCallback(
    async (id: number) => {
      const done = await reportedWrite(storeProblemItem, 'delete this quote', () => deleteEntry(db, id));
      if (!done.ok) return;
      setUndo(done.value);
      setUndoFailed(false);
      setMessage('');
      setProgress(null);
    },
    [db],
  );

  async function undoDelete() {
    if (!undo) return;
    const done = await reportedWrite(storeProblemItem, 'restore the deleted quote', () =>
      restoreEntry(db, undo),
    );
    if (!done.ok) {
      // The quote stays deleted; the undo stays offered, so it can be tried again once there is room.
      setUndoFailed(true);
      return;
    }
    setUndo(null);
    setUndoFailed(false);
    setMessage('Quote restored.');
  }

  async function importFile(file: File) {
    setMessage('');
    setUndo(null);
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
    setMessage(
      res.ok
        ? `Imported ${res.result.added} quote${res.result.added === 1 ? '' : 's'}${res.result.skipped ? `; ${res.result.skipped} already in the archive were skipped` : ''}.`
        : res.error,
    );
  }

  const total = view.status === 'ready' ? view.value.entries.length : 0;
  const stamp = new Date().toISOString().slice(0, 10);

  return (
    <main class="archive">
      <h1>Saywho archive</h1>
      <StoreProblemBanner />
      {view.status === 'loading' ? <p class="empty">Loading…</p> : null}
      {view.status === 'error' ? <p class="empty error">Could not read the archive: {view.error}</p> : null}

      <section class="tools" aria-label="Export and import">
        <span class="tools__label">
          Export {results.length === total ? 'all' : `${results.length} shown`}:
        </span>{' '}
        <button
          type="button"
          class="button"
          onClick={() => download(`saywho-archive-${stamp}.json`, 'application/json', toJson(results))}
        >
          JSON
        </button>{' '}
        <button
          type="button"
          class="button"
          onClick={() => download(`saywho-archive-${stamp}.csv`, 'text/csv;charset=utf-8', toCsv(results))}
        >
          CSV
        </button>{' '}
        <button
          type="button"
          class="button"
          onClick={() => download(`saywho-archive-${stamp}.md`, 'text/markdown', toMarkdown(results))}
        >
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
              if (file) void importFile(file);
            }}
          />
        </label>
        {progress ? (
          <span
            class="import-progress"
            data-state={progress.finished ? 'done' : 'running'}
            data-done={progress.done}
            data-total={progress.total}
          >
            <progress max={progress.total || 1} value={progress.done} aria-label="Import progress" />{' '}
            <span class="import-progress__text">
              {progress.finished
                ? `Imported ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}`
                : progress.total === 0
                  ? 'Reading the file…'
                  : `Importing ${progress.done.toLocaleString('en')} of ${progress.total.toLocaleString('en')}…`}
            </span>
          </span>
        ) : null}
      </section>

      <div class="status" role="status" aria-live="polite">
        {undo ? (
          <span data-state={undoFailed ? 'undo-failed' : 'deleted'}>
            {undoFailed ? 'Quote deleted; it could not be restored (see above).' : 'Quote deleted.'}{' '}
            <button type="button" class="button" onClick={() => void undoDelete()}>
              {undoFailed ? 'Try undo again' : 'Undo'}
            </button>
          </span>
        ) : (
          message
        )}
      </div>

      {view.status === 'ready' && total === 0 ? (
        <p class="empty" data-state="empty-archive">
          Nothing saved yet. Use “Save to archive” in the popup or on a highlighted quote, or select words on
          a page and choose “Save selection to Saywho”.
        </p>
      ) : null}

      {index && total > 0 ? (
        <>
          <form
            class="filters"
            aria-label="Search and filter the archive"
            onSubmit={(e) => e.preventDefault()}
          >
            <label class="field field--wide">
              <span class="field__label">Search text, speaker, note and tags</span>
              <input
                class="field__input"
                type="search"
                name="q"
                value={filter.query}
                onInput={(e) => update({ query: e.currentTarget.value })}
              />
            </label>
            <Select
              label="Speaker"
              name="speaker"
              value={filter.speaker}
              options={index.facets.speakers}
              onChange={(speaker) => update({ speaker })}
            />
            <Select
              label="Site"
              name="site"
              value={filter.site}
              options={index.facets.sites}
              onChange={(site) => update({ site })}
            />
            <Select
              label="Tag"
              name="tag"
              value={filter.tag}
              options={index.facets.tags}
              onChange={(tag) => update({ tag })}
            />
            <div class="field">
              <label class="field__label" for="filter-kind">
                Kind
              </label>
              <select
                id="filter-kind"
                class="field__input"
                name="kind"
                value={filter.kind ?? ''}
                onChange={(e) => update({ kind: (e.currentTarget.value || null) as StatementKind | null })}
              >
                <option value="">Any kind</option>
                {(Object.keys(KIND_LABEL) as StatementKind[]).map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABEL[k]}
                  </option>
                ))}
              </select>
            </div>
            <label class="field">
              <span class="field__label">Saved from</span>
              <input
                class="field__input"
                type="date"
                name="from"
                value={fromText}
                onInput={(e) => {
                  setFromText(e.currentTarget.value);
                  update({ from: dayStart(e.currentTarget.value) });
                }}
              />
            </label>
            <label class="field">
              <span class="field__label">Saved to</span>
              <input
                class="field__input"
                type="date"
                name="to"
                value={toText}
                onInput={(e) => {
                  setToText(e.currentTarget.value);
                  update({ to: dayEnd(e.currentTarget.value) });
                }}
              />
            </label>
            <label class="check">
              <input
                type="checkbox"
                name="conflict"
                checked={filter.conflictOnly}
                onChange={(e) => update({ conflictOnly: e.currentTarget.checked })}
              />
              Only with conflicts
            </label>
            <div class="field">
              <label class="field__label" for="filter-sort">
                Sort
              </label>
              <select
                id="filter-sort"
                class="field__input"
                name="sort"
                value={filter.sort}
                onChange={(e) => update({ sort: e.currentTarget.value as ArchiveSort })}
              >
                <option value="newest">Newest first</option>
                <option value="oldest">Oldest first</option>
                <option value="speaker">By speaker</option>
                <option value="site">By site</option>
              </select>
            </div>
          </form>
          <p class="results-count" aria-live="polite" data-count={results.length} data-query={filter.query}>
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
                db={db}
                entry={e}
                conflict={index.conflictEntryIds.has(e.id)}
                baseUrl={baseUrl}
                onDelete={remove}
              />
            ))}
          </ul>
          {results.length > limit ? (
            <button type="button" class="button" onClick={() => setLimit(limit + PAGE * 5)}>
              Show more ({results.length - limit} left)
            </button>
          ) : null}
        </>
      ) : null}
    </main>
  );
}

function Select({
  label,
  name,
  value,
  options,
  onChange,
}: {
  label: string;
  name: string;
  value: string | null;
  options: { name: string; count: number }[];
  onChange: (value: string | null) => void;
}) {
  return (
    <div class="field">
      <label class="field__label" for={`filter-${name}`}>
        {label}
      </label>
      <select
        id={`filter-${name}`}
        class="field__input"
        name={name}
        value={value ?? ''}
        onChange={(e) => onChange(e.currentTarget.value || null)}
      >
        <option value="">Any {label.toLowerCase()}</option>
        {options.map((o) => (
          <option key={o.name} value={o.name}>
            {o.name} ({o.count})
          </option>
        ))}
      </select>
    </div>
  );
}

/** Memoised: typing in the search box re-renders only entries that change. */
const EntryItem = memo(function EntryItem({
  db,
  entry,
  conflict,
  baseUrl,
  onDelete,
}: {
  db: SaywhoDb;
  entry: ArchiveEntryRow;
  conflict: boolean;
  baseUrl: string;
  onDelete: (id: number) => void;
}) {
  const [editing, setEditing] = useState(false);
  const [note, setNote] = useState(entry.note);
  const [tags, setTags] = useState(entry.tags.join(', '));
  const [error, setError] = useState<string | null>(null);
  const s = entry.snapshot;
  const speaker = s.speaker ?? UNATTRIBUTED;

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

  return (
    <li class={`entry${conflict ? ' entry--conflict' : ''}`} data-entry-id={entry.id}>
      <blockquote class="entry__text">{s.text}</blockquote>
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
      {editing ? (
        <form class="entry__edit" onSubmit={save}>
          <label class="field">
            <span class="field__label">Note</span>
            <textarea
              class="field__input"
              name="note"
              rows={3}
              value={note}
              onInput={(e) => setNote(e.currentTarget.value)}
            />
          </label>
          <label class="field">
            <span class="field__label">Tags (comma separated)</span>
            <input
              class="field__input"
              name="tags"
              value={tags}
              onInput={(e) => setTags(e.currentTarget.value)}
            />
          </label>
          <button type="submit" class="button">
            Save
          </button>{' '}
          <button
            type="button"
            class="button"
            onClick={() => {
              setEditing(false);
              setNote(entry.note);
              setTags(entry.tags.join(', '));
            }}
          >
            Cancel
          </button>
          {error ? (
            <p class="error" role="alert">
              {error}
            </p>
          ) : null}
        </form>
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
            <button type="button" class="button" onClick={() => setEditing(true)}>
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

/**
 * The page a quote came from: a link when its address is http(s), as every page Saywho reads is;
 * any other address (an imported file or an older version may hold one) is only shown as text.
 */
function SourceLink({ url, title, text }: { url: string; title: string; text: string }) {
  if (!isWebUrl(url)) return <span class="entry__source">{title || url}</span>;
  return (
    <a class="entry__source" href={textFragmentUrl(url, text)} target="_blank" rel="noreferrer">
      {title || url}
    </a>
  );
}
