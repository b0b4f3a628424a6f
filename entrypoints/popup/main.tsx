import { render } from 'preact';
import { type PageStatus, PopupApp } from '@/components/PopupApp';
import type {
  PageReadingState,
  PageStatementsReply,
  PageStatusReply,
  PageStoreState,
} from '@/utils/messages';
import { isExcluded } from '@/utils/page/excluded';
import { pageAccess } from '@/utils/page/restricted';
import { autoCollectSetting, excludedSitesSetting } from '@/utils/settings';
import { openDb } from '@/utils/store/db';
import '@/assets/ui.css';

const params = new URLSearchParams(location.search);

/**
 * The page the popup is about and its tab: `?url=` (and `?tab=`) when opened from Saywho's own
 * links, else the active tab.
 */
async function target(): Promise<{ url: string | null; tabId: number | null; incognito: boolean }> {
  const fromQuery = params.get('url');
  const tabParam = Number(params.get('tab'));
  if (fromQuery !== null) {
    const tabId = Number.isInteger(tabParam) && tabParam > 0 ? tabParam : null;
    const tab = tabId === null ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
    return { url: fromQuery, tabId, incognito: tab?.incognito === true };
  }
  const tab = (await browser.tabs.query({ active: true, currentWindow: true }))[0];
  return { url: tab?.url ?? null, tabId: tab?.id ?? null, incognito: tab?.incognito === true };
}

/** Asks the tab's content script what it made of the page; 'unknown' when it cannot answer. */
async function pageStatus(
  tabId: number | null,
): Promise<{ status: PageStatus; truncated: boolean; store?: PageStoreState; reading?: PageReadingState }> {
  const unknown = { status: 'unknown' as const, truncated: false };
  if (tabId === null) return unknown;
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'page-status' })) as
      | PageStatusReply
      | undefined;
    return reply?.ok
      ? {
          status: reply.status,
          truncated: reply.truncated === true,
          store: reply.store,
          reading: reply.reading,
        }
      : unknown;
  } catch {
    return unknown;
  }
}

/** Asks the tab's content script for the statements it found (null when it cannot answer). */
async function pageStatements(tabId: number | null): Promise<PageStatementsReply | null> {
  if (tabId === null) return null;
  try {
    const reply = (await browser.tabs.sendMessage(tabId, { type: 'page-statements' })) as
      | PageStatementsReply
      | { ok: false }
      | undefined;
    return reply?.ok ? reply : null;
  } catch {
    return null;
  }
}

const root = document.getElementById('app')!;
void (async () => {
  const { url, tabId, incognito } = await target();
  const pageUrl = pageAccess(url) === 'readable' ? url : null;
  const [autoCollect, excluded, status] = await Promise.all([
    autoCollectSetting.getValue(),
    excludedSitesSetting.getValue(),
    pageUrl ? pageStatus(tabId) : pageStatus(null),
  ]);
  // Auto-collect off: nothing of the page is stored, so the popup shows what the page holds
  // (not in a private window, from which nothing is kept).
  const detected = pageUrl && !autoCollect && !incognito ? await pageStatements(tabId) : null;
  const focus = Number(params.get('statement'));
  render(
    <PopupApp
      db={openDb()}
      pageUrl={pageUrl}
      archiveUrl={browser.runtime.getURL('/archive.html')}
      optionsUrl={browser.runtime.getURL('/options.html')}
      pageStatus={pageUrl && isExcluded(pageUrl, excluded) ? 'excluded' : status.status}
      truncated={status.truncated}
      pageStore={status.store}
      pageReading={status.reading}
      autoCollect={autoCollect}
      focusStatementId={Number.isInteger(focus) && focus > 0 ? focus : null}
      detected={detected}
      privateWindow={incognito}
    />,
    root,
  );
})();
