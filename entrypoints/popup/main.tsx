import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { pageAccess } from '@/utils/page/restricted';
import { openDb } from '@/utils/store/db';
import '@/assets/ui.css';

/** The page the popup is about: `?url=` when opened from Saywho's own links, else the active tab. */
async function targetUrl(): Promise<string | null> {
  const fromQuery = new URLSearchParams(location.search).get('url');
  return fromQuery ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.url ?? null;
}

const root = document.getElementById('app')!;
void targetUrl().then((url) => {
  const pageUrl = pageAccess(url) === 'readable' ? url : null;
  render(
    <PopupApp db={openDb()} pageUrl={pageUrl} archiveUrl={browser.runtime.getURL('/archive.html')} />,
    root,
  );
});
