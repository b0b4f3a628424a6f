import { render } from 'preact';
import { PopupApp } from '@/components/PopupApp';
import { openDb } from '@/utils/store/db';
import '@/assets/ui.css';

/** The page the popup is about: `?url=` when opened from Saywho's own links, else the active tab. */
async function targetUrl(): Promise<string | null> {
  const fromQuery = new URLSearchParams(location.search).get('url');
  const url = fromQuery ?? (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.url ?? null;
  return url && /^https?:\/\//.test(url) ? url : null;
}

const root = document.getElementById('app')!;
void targetUrl().then((pageUrl) => {
  render(
    <PopupApp db={openDb()} pageUrl={pageUrl} archiveUrl={browser.runtime.getURL('/archive.html')} />,
    root,
  );
});
