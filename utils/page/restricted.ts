/**
 * Pages where browsers forbid extensions to read the page: browser and extension pages, and the
 * extension stores. The popup explains this instead of showing an empty list.
 */
const STORE_HOSTS = new Set([
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
]);

export type PageAccess = 'readable' | 'restricted';

export function pageAccess(url: string | null | undefined): PageAccess {
  if (!url) return 'restricted';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'restricted';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'restricted';
  if (STORE_HOSTS.has(parsed.hostname)) return 'restricted';
  if (parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore')) return 'restricted';
  return 'readable';
}
