import { PageSession } from '@/utils/content/session';
import { type BackgroundMessage, type BackgroundReply, parseContentMessage } from '@/utils/messages';
import { isExcluded } from '@/utils/page/excluded';
import { excludedSitesSetting } from '@/utils/settings';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    // Sites the reader excluded: Saywho does nothing at all there.
    if (isExcluded(location.href, await excludedSitesSetting.getValue())) return;
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const session = new PageSession({
      doc: document,
      url: () => location.href,
      send: (message: BackgroundMessage) =>
        browser.runtime.sendMessage(message) as Promise<BackgroundReply | undefined>,
      signal: controller.signal,
    });
    browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
      if (sender.id !== browser.runtime.id) return;
      const message = parseContentMessage(raw);
      if (!message) return;
      const reply = session.handleMessage(message);
      if (reply !== undefined) sendResponse(reply);
    });
    await session.start();
  },
});
