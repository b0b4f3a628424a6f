import { render } from 'preact';
import { type PageStatus, PopupApp } from '@/components/PopupApp';
import {
  type PageReadingState,
  type PageStatementsReply,
  type PageStoreState,
  sendingToContent,
} from '@/utils/messages';
import { isExcluded } from '@/utils/page/excluded';
import { pageAccess } from '@/utils/page/restricted';
import { autoCollectSetting, excludedSitesSetting, readAnywaySitesSetting } from '@/utils/settings';
import { openDb } from '@/utils/store/db';
import '@/assets/ui.css';

const params = new URLSearchParams(location.search);
/** The tab's content script, its replies typed by message (messages.ts). */
const sendToTab = sendingToContent((tabId, message) => browser.tabs.sendMessage(tabId, message));

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
async function pageStatus(tabId: number | null): Promise<{
  status: PageStatus;
  truncated: boolean;
  store?: PageStoreState;
  reading?: PageReadingState;
  reason?: string;
}> {
  const unknown = { status: 'unknown' as const, truncated: false };
  if (tabId === null) return unknown;
  try {
    const reply = await sendToTab(tabId, { type: 'page-status' });
    return reply?.ok
      ? {
          status: reply.status,
          truncated: reply.truncated === true,
          store: reply.store,
          reading: reply.reading,
          reason: reply.reason,
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
    const reply = await sendToTab(tabId, { type: 'page-statements' });
    return reply?.ok ? reply : null;
  } catch {
    return null;
  }
}

/**
 * "Read this page anyway": remembers the site when the reader asks, tells the page, and shows the
 * popup again once the page has been read (or after a few seconds, whatever it says then).
 */
async function readAnyway(
  tabId: number,
  pageUrl: string | null,
  remember: boolean,
  show: (status: Awaited<ReturnType<typeof pageStatus>>) => void,
): Promise<void> {
  const site = pageUrl ? new URL(pageUrl).hostname : '';
  if (remember && site) {
    const sites = await readAnywaySitesSetting.getValue();
    if (!sites.includes(site)) await readAnywaySitesSetting.setValue([...sites, site]);
  }
  const reply = await sendToTab(tabId, { type: 'read-anyway' });
  if (!reply?.ok) throw new Error('The page did not answer.');
  let status = await pageStatus(tabId);
  for (let i = 0; i < 40 && status.status === 'not-article'; i++) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    status = await pageStatus(tabId);
  }
  show(status);
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
  const show = (status: Awaited<ReturnType<typeof pageStatus>>) =>
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
        pageReason={status.reason}
        onReadAnyway={tabId === null ? undefined : (remember) => readAnyway(tabId, pageUrl, remember, show)}
        autoCollect={autoCollect}
        focusStatementId={Number.isInteger(focus) && focus > 0 ? focus : null}
        detected={detected}
        privateWindow={incognito}
      />,
      root,
    );
  show(status);
})();
