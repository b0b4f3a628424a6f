import { handleBackgroundMessage } from '@/utils/background/handle-message';
import { openDb } from '@/utils/store/db';

export default defineBackground(() => {
  const db = openDb();
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    // Only this extension's own contexts may talk to the store.
    if (sender.id !== browser.runtime.id) return false;
    void handleBackgroundMessage(db, raw).then((reply) => {
      sendResponse(reply);
      const tabId = sender.tab?.id;
      if (reply.ok && tabId !== undefined) {
        const conflicts = reply.statements.reduce((n, s) => n + (s.conflicts > 0 ? 1 : 0), 0);
        void browser.action.setBadgeText({ tabId, text: String(reply.statements.length) });
        void browser.action.setBadgeBackgroundColor({ tabId, color: conflicts > 0 ? '#c62828' : '#5b5b66' });
      }
    });
    return true;
  });
});
