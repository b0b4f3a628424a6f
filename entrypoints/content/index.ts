import { createCardFrame } from '@/utils/content/card-frame';
import { receiveContentMessage } from '@/utils/content/receive';
import { PageSession } from '@/utils/content/session';
import type { BackgroundMessage } from '@/utils/messages';
import { isExcluded } from '@/utils/page/excluded';
import { excludedSitesSetting, readAnywaySitesSetting } from '@/utils/settings';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    let session: PageSession | null = null;
    let controller: AbortController | null = null;
    // Sites the reader asked to read whatever their pages look like (the popup's "Read anyway"), and
    // sites the reader excluded (read together: two storage round trips at once).
    let [readAnywaySites, excludedSites] = await Promise.all([
      readAnywaySitesSetting.getValue(),
      excludedSitesSetting.getValue(),
    ]);
    const unwatchReadAnyway = readAnywaySitesSetting.watch((sites) => {
      readAnywaySites = sites ?? [];
      void session?.refresh();
    });
    ctx.onInvalidated(unwatchReadAnyway);

    function start() {
      controller = new AbortController();
      session = new PageSession({
        doc: document,
        url: () => location.href,
        send: async (message: BackgroundMessage) => {
          // Saywho reloaded or removed: this copy is an orphan, and checking stops it (onInvalidated).
          if (ctx.isInvalid) throw new Error('Saywho is no longer running on this page.');
          return browser.runtime.sendMessage(message);
        },
        signal: controller.signal,
        // The card is a frame of Saywho's own origin: the page cannot read or click it.
        card: (root, actions) =>
          createCardFrame(
            root,
            {
              url: browser.runtime.getURL('/card.html'),
              origin: new URL(browser.runtime.getURL('/')).origin,
            },
            actions,
          ),
        readAnyway: () => readAnywaySites.includes(location.hostname),
        prepare: () => {
          const message: BackgroundMessage = { type: 'prepare-store' };
          void browser.runtime.sendMessage(message).catch(() => undefined);
        },
      });
      void session.start();
    }
    function stop() {
      controller?.abort();
      controller = null;
      session = null;
    }
    ctx.onInvalidated(stop);

    const own = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
    browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
      const reply = receiveContentMessage(session, raw, sender, own);
      if (reply !== undefined) sendResponse(reply);
    });

    // Sites the reader excluded: Saywho does nothing at all there, and follows the switch live.
    const unwatch = excludedSitesSetting.watch((patterns) => {
      const excluded = isExcluded(location.href, patterns ?? []);
      if (excluded && session) stop();
      else if (!excluded && !session) start();
    });
    ctx.onInvalidated(unwatch);
    if (!isExcluded(location.href, excludedSites)) start();
  },
});
