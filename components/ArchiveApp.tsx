import type { SaywhoDb } from '@/utils/store/db';
import { archiveEntries } from '@/utils/store/queries';
import { KIND_LABEL } from './labels';
import { useLiveQuery } from './use-live-query';

export function ArchiveApp({ db }: { db: SaywhoDb }) {
  const entries = useLiveQuery(() => archiveEntries(db), []);
  return (
    <main class="archive">
      <h1>Saywho archive</h1>
      {entries.status === 'loading' ? <p class="empty">Loading…</p> : null}
      {entries.status === 'error' ? (
        <p class="empty error">Could not read the archive: {entries.error}</p>
      ) : null}
      {entries.status === 'ready' && entries.value.length === 0 ? (
        <p class="empty">Nothing saved yet. Use “Save to archive” in the popup.</p>
      ) : null}
      {entries.status === 'ready' && entries.value.length > 0 ? (
        <ul class="entries">
          {entries.value.map((e) => (
            <li key={e.id} class="entry" data-entry-id={e.id}>
              <blockquote class="entry__text">{e.snapshot.text}</blockquote>
              <p class="entry__meta">
                <span class="entry__speaker">{e.snapshot.speaker ?? 'Unattributed'}</span> ·{' '}
                {KIND_LABEL[e.snapshot.kind]} ·{' '}
                <a href={e.snapshot.pageUrl} target="_blank" rel="noreferrer">
                  {e.snapshot.pageTitle || e.snapshot.pageUrl}
                </a>{' '}
                · saved {new Date(e.savedAt).toLocaleString()}
              </p>
            </li>
          ))}
        </ul>
      ) : null}
    </main>
  );
}
