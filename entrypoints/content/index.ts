import { PageSession } from '@/utils/content/session';
import { type BackgroundMessage, type BackgroundReply, parseContentMessage } from '@/utils/messages';
import { isExcluded } from '@/utils/page/excluded';
import { excludedSitesSetting } from '@/utils/settings';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    let session: PageSession | null = null;
    let controller: AbortController | null = null;

    function start() {
      controller = new AbortController();
      session = new PageSession({
        doc: document,
        url: () => location.href,
        send: (message: BackgroundMessage) =>
          browser.runtime.sendMessage(message) as Promise<BackgroundReply | undefined>,
        signal: controller.signal,
      });
      void session.start();
    }
    function stop() {
      controller?.abort();
      controller = null;
      session = null;
    }
    ctx.onInvalidated(stop);

    browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id || !session) return;
      const message = parseContentMessage(raw);
      if (!message) return;
      const reply = session.handleMessage(message);
      if (reply !== undefined) sendResponse(reply);
    });

    // Sites the reader excluded: Saywho does nothing at all there, and follows the switch live.
    const unwatch = excludedSitesSetting.watch((patterns) => {
      const excluded = isExcluded(location.href, patterns ?? []);
      if (excluded && session) stop();
      else if (!excluded && !session) start();
    });
    ctx.onInvalidated(unwatch);
    if (!isExcluded(location.href, await excludedSitesSetting.getValue())) start();
  },
});
