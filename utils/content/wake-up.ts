/**
 * As a page starts loading (a content script at `document_start`, entrypoints/wake-up.content.ts):
 * wake Saywho's background worker, so that it reads and decodes the extractor's models while the
 * page loads. Chromium stops an idle worker after 30 s; woken only when the article is found, it
 * made the first highlights wait for its start (about 200 ms of the 300 on a 2-core machine).
 * The message carries nothing about the page, and excluded sites get none (Saywho does nothing
 * there).
 */
import type { BackgroundMessage } from '../messages';
import { isExcluded } from '../page/excluded';

export async function wakeUpWorker(
  href: string,
  excludedSites: () => Promise<readonly string[] | null>,
  send: (message: BackgroundMessage) => Promise<unknown>,
): Promise<boolean> {
  if (isExcluded(href, (await excludedSites()) ?? [])) return false;
  // a worker that cannot be reached is found out, and said, when the article is read
  await send({ type: 'wake-up' }).catch(() => undefined);
  return true;
}
