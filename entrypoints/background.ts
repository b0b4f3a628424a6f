import { type BackgroundEffects, handleBackgroundMessage } from '@/utils/background/handle-message';
import type { ContentMessage } from '@/utils/messages';
import { openDb } from '@/utils/store/db';

export default defineBackground(() => {
  const db = openDb();
  const effects: BackgroundEffects = {
    openTab: async (url) => {
      await browser.tabs.create({ url });
    },
    viewUrl: (pageUrl, statementId) =>
      browser.runtime.getURL(
        `/popup.html?url=${encodeURIComponent(pageUrl)}${statementId ? `&statement=${statementId}` : ''}`,
      ),
  };

  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    // Only this extension's own contexts may talk to the store.
    if (sender.id !== browser.runtime.id) return false;
    void handleBackgroundMessage(db, raw, effects).then((reply) => {
      sendResponse(reply);
      const tabId = sender.tab?.id;
      if (reply.ok && 'statements' in reply && tabId !== undefined) {
        const conflicts = reply.statements.some((s) => s.conflicts > 0);
        void browser.action.setBadgeText({
          tabId,
          text: `${reply.statements.length}${conflicts ? '!' : ''}`,
        });
        void browser.action.setBadgeBackgroundColor({ tabId, color: conflicts ? '#c62828' : '#5b5b66' });
      }
    });
    return true;
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (tab?.id === undefined) return;
    const message: ContentMessage | null =
      command === 'toggle-highlights'
        ? { type: 'toggle-highlights' }
        : command === 'next-statement'
          ? { type: 'next-statement', direction: 1 }
          : null;
    if (message) void browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
  });
});
