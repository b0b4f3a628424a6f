/**
 * The popup's word on a page Saywho did not read: why (in the reader's terms), and "Read this page
 * anyway", for this page or, when the reader asks, for every page of its site.
 */
import { useState } from 'preact/hooks';

/** The reader's terms for the content script's reasons (`judgeArticle`). */
function explain(reason: string | undefined): string {
  if (reason === 'not English')
    return 'This page is not in English. Saywho reads English news only: other languages are not supported yet.';
  const detail: Record<string, string> = {
    'product page': ' (it looks like a product page)',
    'search results': ' (it looks like search results)',
    'profile page': ' (it looks like a profile page)',
    'scholarly paper': ' (it is a scholarly paper)',
    'wiki page': ' (it is a wiki page)',
    'fiction or book chapter': ' (it is a chapter of a story or a book)',
    'reference page': ' (it reads like an encyclopedia: numbered citations)',
    'discussion thread': ' (it is a discussion thread: posts by many users)',
    listing: ' (it is a listing of lines or records, not running text)',
    record: ' (it is a record of fields, like a registry entry or a data sheet)',
    'video page': ' (it is a video page)',
    'music page': ' (it is a music page)',
    'book page': ' (it is a book page)',
    'code page': ' (it is a code page)',
    dataset: ' (it is a dataset)',
    'how-to page': ' (it gives step-by-step directions: a how-to guide or a tutorial)',
    recipe: ' (it is a recipe)',
    documentation: ' (it is documentation)',
    'front page or section front': ' (it is a front page or a section front: a collection of stories)',
    'not an article page': ' (the page says it is not an article)',
    'no running text': ' (it has no running text)',
    'too little running text': ' (it has too little running text)',
  };
  return `This page does not look like a news article${detail[reason ?? ''] ?? ''}, so Saywho left it alone. It reads articles; lists, threads, front pages, search results and shop pages are skipped.`;
}

export interface NotReadProps {
  reason?: string;
  /** The page's site (host name), for "always read pages on …"; absent: no such choice. */
  site?: string | null;
  /** Asks the page to be read now; `remember`: read every page of the site from now on. */
  onReadAnyway?: (remember: boolean) => Promise<void>;
}

export function NotRead({ reason, site, onReadAnyway }: NotReadProps) {
  const [remember, setRemember] = useState(false);
  const [state, setState] = useState<'idle' | 'reading' | 'failed'>('idle');
  const read = async () => {
    if (!onReadAnyway) return;
    setState('reading');
    try {
      await onReadAnyway(remember);
    } catch {
      setState('failed');
    }
  };
  return (
    <div class="empty not-read" data-state="not-article" data-reason={reason ?? ''}>
      <p>{explain(reason)}</p>
      {onReadAnyway && (
        <div class="not-read__actions">
          <button type="button" class="button" onClick={read} disabled={state === 'reading'}>
            {state === 'reading' ? 'Reading…' : 'Read this page anyway'}
          </button>
          {site && (
            <label>
              <input
                type="checkbox"
                checked={remember}
                onChange={(e) => setRemember((e.target as HTMLInputElement).checked)}
              />{' '}
              Always read pages on {site}
            </label>
          )}
        </div>
      )}
      {state === 'failed' && (
        <p role="alert">The page could not be asked to read again. Reload it and try once more.</p>
      )}
      <p>You can still select words and save them with the context menu.</p>
    </div>
  );
}
