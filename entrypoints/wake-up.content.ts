import { wakeUpWorker } from '@/utils/content/wake-up';
import { excludedSitesSetting } from '@/utils/settings';

// Wakes the background worker as a page starts loading (see utils/content/wake-up.ts).
export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_start',
  async main() {
    await wakeUpWorker(
      location.href,
      () => excludedSitesSetting.getValue(),
      (message) => browser.runtime.sendMessage(message),
    );
  },
});
