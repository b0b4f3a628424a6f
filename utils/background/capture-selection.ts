/**
 * Capture by hand: the context menu on a selection, or the save-selection command, opens the
 * capture form with the selection and the statement it overlaps. The background's listeners pass
 * the browser calls in, so every path runs in tests.
 */
import { captureQuery } from '../capture-query';
import { PRIVATE_WINDOW_REFUSAL, type SelectionCapture, type SendToContent } from '../messages';
import { trustedPageMeta } from '../page/origin';
import { pageAccess } from '../page/restricted';

export interface CaptureTab {
  id?: number;
  url?: string;
  title?: string;
  incognito?: boolean;
}

export interface CaptureEffects {
  /** Sends a message to the content script of a tab; rejects where there is none. */
  sendToTab: SendToContent;
  /** Opens the capture form (`capture.html`) with this query string in a new tab. */
  openCaptureForm(query: string): Promise<void>;
  /** Tells the reader, on the tab, why nothing was opened (a private window). */
  refuse?(tabId: number, reason: string): Promise<void>;
}

/**
 * Opens the capture form for the selection on `tab`. The page's content script answers with the
 * selection and the detected statement it overlaps (speaker, kind, cue, stored id); where it cannot
 * (no content script: an excluded site, a page loaded before Saywho; or no selection in the page's
 * text, as in a form field), the menu's selection text and the tab's URL and title are used, with
 * no speaker. Returns what the form was opened with, or null when there is nothing to save.
 */
export async function captureSelection(
  tab: CaptureTab | undefined,
  selectionText: string | undefined,
  effects: CaptureEffects,
): Promise<SelectionCapture | null> {
  if (tab?.id === undefined) return null;
  if (tab.incognito) {
    // The form is an extension page: it would open in a regular window, the private page's
    // address and words in its URL (and so in the browser's history), and save to the regular store.
    await effects.refuse?.(tab.id, PRIVATE_WINDOW_REFUSAL);
    return null;
  }
  let selection: SelectionCapture | null = null;
  try {
    const reply = await effects.sendToTab(tab.id, { type: 'selection-statement' });
    if (reply?.ok) selection = withRealPage(reply.selection, tab.url);
  } catch {
    // No content script there: use what the menu gave.
  }
  selection ??= readableCaptureFallback(selectionText, tab.url, tab.title);
  if (!selection) return null;
  await effects.openCaptureForm(captureQuery(selection));
  return selection;
}

/**
 * The content script's answer with its page checked against the tab's real address (the page's
 * canonical link and site name are its own claims); null when the tab's address is unknown.
 */
function withRealPage(
  selection: SelectionCapture | null,
  tabUrl: string | undefined,
): SelectionCapture | null {
  if (selection === null || !tabUrl || pageAccess(tabUrl) !== 'readable') return null;
  const real = new URL(tabUrl);
  real.hash = '';
  return { ...selection, page: trustedPageMeta(selection.page, real.href) };
}

/** Capture by hand when the page's content script cannot answer: the menu's selection text and the tab. */
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
