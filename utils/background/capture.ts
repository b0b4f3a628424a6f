/** Capture by hand when the page's content script cannot answer: the menu's selection text and the tab. */
import type { SelectionCapture } from '../messages';
import { pageAccess } from '../page/restricted';

export function readableCaptureFallback(
  selectionText: string | undefined,
  tabUrl: string | undefined,
  tabTitle: string | undefined,
): SelectionCapture | null {
  const text = selectionText?.replace(/\s+/g, ' ').trim() ?? '';
  if (!text || !tabUrl || pageAccess(tabUrl) !== 'readable') return null;
  const url = new URL(tabUrl);
  url.hash = '';
  return {
    text,
    speaker: null,
    kind: 'direct',
    cue: null,
    statementId: null,
    page: {
      url: url.href,
      canonicalUrl: null,
      title: (tabTitle ?? '').slice(0, 1_000),
      site: url.hostname,
      publishedAt: null,
    },
  };
}
