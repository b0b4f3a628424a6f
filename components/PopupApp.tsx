import { useState } from 'preact/hooks';
import { saveStatement } from '@/utils/store/archive';
import type { SaywhoDb } from '@/utils/store/db';
import { pageView } from '@/utils/store/queries';
import { StatementItem } from './StatementItem';
import { useLiveQuery } from './use-live-query';

export interface PopupAppProps {
  db: SaywhoDb;
  /** URL of the page the popup is about; null when the tab shows something Saywho cannot read. */
  pageUrl: string | null;
  archiveUrl: string;
}

export function PopupApp({ db, pageUrl, archiveUrl }: PopupAppProps) {
  const view = useLiveQuery(() => (pageUrl ? pageView(db, pageUrl) : Promise.resolve(null)), [pageUrl]);
  const [error, setError] = useState<string | null>(null);

  function save(statementId: number) {
    saveStatement(db, statementId).then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }

  let body: preact.ComponentChildren;
  if (pageUrl === null) {
    body = (
      <p class="empty" data-state="restricted">
        Browsers do not let extensions read this page (a browser page, an extension page or an extension
        store). Saywho works on news pages on the web.
      </p>
    );
  } else if (view.status === 'loading') {
    body = <p class="empty">Loading…</p>;
  } else if (view.status === 'error') {
    body = <p class="empty error">Could not read the store: {view.error}</p>;
  } else if (view.value === null || view.value.statements.length === 0) {
    body = (
      <p class="empty" data-state="no-statements">
        Saywho has found no quotations or attributed claims on this page. It reads pages that look like news
        articles; lists, search results and shop pages are left alone.
      </p>
    );
  } else {
    const { page, statements } = view.value;
    const conflicts = statements.filter((s) => s.conflicts > 0).length;
    body = (
      <>
        <header class="page-head">
          <h1 class="page-head__title">{page.title || page.url}</h1>
          <p class="page-head__summary">
            {statements.length} statement{statements.length === 1 ? '' : 's'}
            {conflicts > 0 ? `, ${conflicts} with possible conflicts` : ''}
          </p>
        </header>
        <ul class="statements">
          {statements.map((s) => (
            <StatementItem key={s.statement.id} view={s} onSave={save} />
          ))}
        </ul>
      </>
    );
  }
  return (
    <main class="popup">
      <nav class="topbar">
        <span class="brand">Saywho</span>
        <a href={archiveUrl} target="_blank" rel="noreferrer">
          Archive
        </a>
      </nav>
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {body}
    </main>
  );
}
