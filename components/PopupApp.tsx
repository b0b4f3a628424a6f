import { useEffect, useMemo, useState } from 'preact/hooks';
import type { StatementSnapshot } from '@/utils/domain';
import type { PageReadingState, PageStatementsReply, PageStoreState } from '@/utils/messages';
import { PRIVATE_WINDOW_REFUSAL } from '@/utils/messages';
import { MAX_ARTICLE_CHARS } from '@/utils/page/limits';
import { trustedPageMeta } from '@/utils/page/origin';
import { savedTextsOnPage, snapshotOf } from '@/utils/store/archive';
import type { SaywhoDb } from '@/utils/store/db';
import { groupBySpeaker, pageView } from '@/utils/store/queries';
import { saveCapture, saveStatement } from '@/utils/store/writes';
import { UNATTRIBUTED } from '../utils/store/archive-search';
import { DetectedStatements } from './DetectedStatements';
import { siteLabel } from './format';
import { NotRead, type NotReadProps } from './NotRead';
import { SiteSwitch } from './SiteSwitch';
import { StatementItem } from './StatementItem';
import { StoreProblemBanner } from './StoreProblemBanner';
import { useLiveQuery } from './use-live-query';

/** What the content script reports about the tab, when the popup could ask it. */
export type PageStatus = 'article' | 'not-article' | 'no-statements' | 'excluded' | 'unknown';

export interface PopupAppProps {
  db: SaywhoDb;
  /** URL of the page the popup is about; null when the tab shows something Saywho cannot read. */
  pageUrl: string | null;
  archiveUrl: string;
  optionsUrl?: string;
  pageStatus?: PageStatus;
  /** The content script read only the first part of a very long page. */
  truncated?: boolean;
  /** Where the content script's statements are with the store (`page-status`). */
  pageStore?: PageStoreState;
  /** Why the content script has no statements for the article (`page-status`): extraction failed. */
  pageReading?: PageReadingState;
  /** Off: Saywho stores only quotes the reader saves. */
  autoCollect?: boolean;
  /** A statement to open and scroll to (from the card's "open view"). */
  focusStatementId?: number | null;
  /**
   * What the tab's content script found on the page, asked when auto-collect is off (nothing of
   * the page is stored then): shown so the reader can save statements from it.
   */
  detected?: PageStatementsReply | null;
  /** The tab is in a private window: Saywho keeps nothing from it. */
  privateWindow?: boolean;
  /** Why the page was not read (`page-status` with `not-article`). */
  pageReason?: string;
  /** "Read this page anyway" (and, with `remember`, every page of its site). */
  onReadAnyway?: (remember: boolean) => Promise<void>;
}

function siteOf(url: string): string | null {
  try {
    return new URL(url).hostname || null;
  } catch {
    return null;
  }
}

function speakerUrl(archiveUrl: string, speaker: string): string {
  return `${archiveUrl}?speaker=${encodeURIComponent(speaker)}`;
}

export function PopupApp({
  db,
  pageUrl,
  archiveUrl,
  optionsUrl,
  pageStatus = 'unknown',
  truncated = false,
  pageStore,
  pageReading,
  autoCollect = true,
  focusStatementId = null,
  detected = null,
  privateWindow = false,
  pageReason,
  onReadAnyway,
}: PopupAppProps) {
  // The page's description of itself (canonical, site name) is its own claim: checked against
  // the tab's real address before anything of it is shown or saved.
  const detectedPage = useMemo(
    () => (detected?.page && pageUrl ? trustedPageMeta(detected.page, pageUrl) : null),
    [detected, pageUrl],
  );
  const showDetected =
    !privateWindow && !autoCollect && detectedPage !== null && detected!.statements.length > 0;
  const view = useLiveQuery(
    async () => ({
      page: pageUrl ? await pageView(db, pageUrl) : null,
      storedPages: await db.pages.count(),
      savedOnPage:
        showDetected && detectedPage ? await savedTextsOnPage(db, detectedPage.url) : new Set<string>(),
    }),
    [pageUrl, showDetected],
  );
  const [error, setError] = useState<string | null>(null);

  function save(statementId: number, note: string, tags: string[]) {
    saveStatement(db, statementId, { note, tags }).then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }

  function saveDetected(statement: StatementSnapshot, note: string, tags: string[]) {
    if (!detectedPage || privateWindow) return;
    saveCapture(db, { statementId: null, snapshot: snapshotOf(detectedPage, statement), note, tags }).then(
      () => setError(null),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }

  const ready = view.status === 'ready' && view.value.page !== null && view.value.page.statements.length > 0;
  useEffect(() => {
    if (!ready || focusStatementId === null) return;
    document.querySelector(`[data-statement-id="${focusStatementId}"]`)?.scrollIntoView({ block: 'start' });
  }, [ready, focusStatementId]);

  let body: preact.ComponentChildren;
  if (pageUrl === null) {
    body = (
      <p class="empty" data-state="restricted">
        Browsers do not let extensions read this page (a browser page, an extension page or an extension
        store). Saywho works on news pages on the web.
      </p>
    );
  } else if (privateWindow) {
    body = (
      <p class="empty" data-state="private">
        This tab is in a private window. {PRIVATE_WINDOW_REFUSAL} Its quotations are highlighted, but nothing
        of it is stored, compared or saved.
      </p>
    );
  } else if (view.status === 'loading') {
    body = <p class="empty">Loading…</p>;
  } else if (view.status === 'error') {
    body = <p class="empty error">Could not read the store: {view.error}</p>;
  } else if (
    (view.value.page === null || view.value.page.statements.length === 0) &&
    showDetected &&
    detectedPage &&
    detected
  ) {
    // Auto-collect is off and nothing of this page is stored: what the page holds, to save by hand.
    body = (
      <DetectedStatements
        page={detectedPage}
        statements={detected.statements}
        saved={view.value.savedOnPage}
        onSave={saveDetected}
      />
    );
  } else if (view.value.page === null || view.value.page.statements.length === 0) {
    // An article whose reading failed: the line above says why, not "found but not stored".
    body =
      pageStatus === 'article' && pageReading
        ? null
        : emptyState(pageStatus, autoCollect, view.value.storedPages, optionsUrl, {
            reason: pageReason,
            site: pageUrl ? siteOf(pageUrl) : null,
            onReadAnyway,
          });
  } else {
    const { page, statements } = view.value.page;
    const conflicts = statements.filter((s) => s.conflicts > 0).length;
    const groups = groupBySpeaker(statements);
    body = (
      <>
        <header class="page-head">
          <h1 class="page-head__title">{page.title || page.url}</h1>
          <p class="page-head__site">{siteLabel(page.site, page.url)}</p>
          <p class="page-head__summary">
            {statements.length} statement{statements.length === 1 ? '' : 's'} by {groups.length} speaker
            {groups.length === 1 ? '' : 's'}
            {conflicts > 0 ? `, ${conflicts} with possible conflicts` : ''}
          </p>
        </header>
        {groups.map((g, i) => {
          const headingId = `speaker-group-${i}`;
          return (
            <section
              key={g.speaker ?? ''}
              class={`group${g.conflicts > 0 ? ' group--conflict' : ''}`}
              aria-labelledby={headingId}
              data-speaker={g.speaker ?? ''}
            >
              <h2 class="group__head" id={headingId}>
                <span class="group__speaker">{g.speaker ?? UNATTRIBUTED}</span>{' '}
                <span class="group__count">
                  {g.statements.length} statement{g.statements.length === 1 ? '' : 's'}
                </span>
                {g.conflicts > 0 ? (
                  <span class="badge badge--conflict group__conflicts"> · {g.conflicts} conflicting</span>
                ) : null}
              </h2>
              {g.speaker && g.canonical ? (
                <a
                  class="group__link"
                  href={speakerUrl(archiveUrl, g.canonical)}
                  target="_blank"
                  rel="noreferrer"
                >
                  Everything {g.speaker} said
                </a>
              ) : null}
              <ul class="statements">
                {g.statements.map((s) => (
                  <StatementItem
                    key={s.statement.id}
                    view={s}
                    onSave={save}
                    initiallyOpen={s.statement.id === focusStatementId}
                  />
                ))}
              </ul>
            </section>
          );
        })}
      </>
    );
  }
  return (
    <main class="popup">
      <nav class="topbar" aria-label="Saywho">
        <span class="brand">Saywho</span>
        <span class="topbar__links">
          <a href={archiveUrl} target="_blank" rel="noreferrer">
            Archive
          </a>
          {optionsUrl ? (
            <a href={optionsUrl} target="_blank" rel="noreferrer">
              Options
            </a>
          ) : null}
        </span>
      </nav>
      <StoreProblemBanner />
      {/* The switch writes the site's name into the settings: not from a private window. */}
      {pageUrl && !privateWindow ? <SiteSwitch pageUrl={pageUrl} /> : null}
      {truncated ? (
        <p class="empty">
          This page is very long: Saywho read its first {MAX_ARTICLE_CHARS.toLocaleString('en')} characters.
        </p>
      ) : null}
      {pageReading ? (
        <p class="empty" role="status" data-state={`reading-${pageReading}`}>
          {READING_FAILED[pageReading]}
        </p>
      ) : null}
      {pageStore === 'waiting' || pageStore === 'unreachable' ? (
        <p class="empty" role="status" data-state={`store-${pageStore}`}>
          {STORE_UNANSWERED[pageStore]}
        </p>
      ) : null}
      {error ? (
        <p class="error" role="alert">
          {error}
        </p>
      ) : null}
      {body}
    </main>
  );
}

/** The content script sent the page but Saywho's background did not answer (its worker stopped). */
const STORE_UNANSWERED = {
  waiting: 'Saywho’s background did not answer, so this page is not stored yet. It is trying again.',
  unreachable:
    'Saywho could not reach its store, so this page is not stored. It tries again when the page changes, or reload the page.',
};

/** The content script sent the article's text but has no statements it can trust back. */
const READING_FAILED: Record<PageReadingState, string> = {
  waiting: 'Saywho’s background did not answer, so this page is not highlighted yet. It is trying again.',
  unreachable:
    'Saywho’s background did not answer, so this page is not highlighted. It tries again when the page changes, or reload the page.',
  refused:
    'Saywho could not read the quotations on this page, so it highlighted none. It tries again when the page changes, or reload the page.',
};

function emptyState(
  status: PageStatus,
  autoCollect: boolean,
  storedPages: number,
  optionsUrl: string | undefined,
  notRead: NotReadProps,
): preact.ComponentChildren {
  if (status === 'excluded') {
    return (
      <p class="empty" data-state="excluded">
        You told Saywho to leave this site alone.{' '}
        {optionsUrl ? <a href={optionsUrl}>Change excluded sites</a> : null}
      </p>
    );
  }
  if (!autoCollect) {
    return (
      <p class="empty" data-state="collect-off">
        Auto-collect is off: Saywho stores only the quotes you save. Select words on the page and choose “Save
        selection to Saywho” from the context menu (or press Alt+Shift+S).
      </p>
    );
  }
  if (status === 'not-article') {
    return <NotRead reason={notRead.reason} site={notRead.site} onReadAnyway={notRead.onReadAnyway} />;
  }
  if (status === 'article') {
    // The page reported statements, but the store has none of them: storing failed (the banner
    // above says why) or is still under way.
    return (
      <p class="empty" data-state="not-stored">
        Saywho found quotations on this page but has not stored them. If a problem with storage is shown
        above, that is why; otherwise reload the page to read it again.
      </p>
    );
  }
  // The page told us it found nothing: say so, whether or not anything else is stored yet.
  if (status !== 'no-statements' && storedPages === 0) {
    return (
      <p class="empty" data-state="empty-store">
        Nothing stored yet. Open a news article: Saywho highlights its quotations and keeps them here, on your
        device, to compare with what you read next.
      </p>
    );
  }
  return (
    <p class="empty" data-state="no-statements">
      Saywho has found no quotations or attributed claims on this page. It reads pages that look like news
      articles; lists, search results and shop pages are left alone.
    </p>
  );
}
