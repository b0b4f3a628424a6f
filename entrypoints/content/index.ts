import { PageSession } from '@/utils/content/session';
import { type BackgroundMessage, type BackgroundReply, parseContentMessage } from '@/utils/messages';
import './style.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());
    const session = new PageSession({
      doc: document,
      url: () => location.href,
      send: (message: BackgroundMessage) =>
        browser.runtime.sendMessage(message) as Promise<BackgroundReply | undefined>,
      signal: controller.signal,
    });
    browser.runtime.onMessage.addListener((raw, sender) => {
      if (sender.id !== browser.runtime.id) return;
      const message = parseContentMessage(raw);
      if (message) session.handleMessage(message);
    });
    await session.start();
  },
});
