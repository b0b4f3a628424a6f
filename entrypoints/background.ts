// First: the model file is read while the rest of the script is evaluated (see model-file.ts).
import '@/utils/background/model-file';
import type { Browser } from 'wxt/browser';
import { badgeOf } from '@/utils/background/badge';
import {
  type CaptureEffects,
  captureSelection as captureSelectionOf,
} from '@/utils/background/capture-selection';
import { handleCommand } from '@/utils/background/commands';
import { warmUpExtractor } from '@/utils/background/extract';
import { type BackgroundEffects, receiveBackgroundMessage } from '@/utils/background/handle-message';
import { readModelFile } from '@/utils/background/model-file';
import { loadPackagedModels } from '@/utils/background/models';
import { showBadge, showTitle, toolbarActionOf } from '@/utils/background/toolbar';
import { sendingToContent } from '@/utils/messages';
import { autoCollectSetting, type StoreProblem, storeLimitSetting, storeProblemItem } from '@/utils/settings';
import { openDb } from '@/utils/store/db';
import { statementLimit } from '@/utils/store/retention';

const SAVE_SELECTION_MENU = 'saywho-save-selection';

export default defineBackground(() => {
  const db = openDb();
  // Pages send their article text here to be extracted: read and decode the extractor's models
  // (a file of the extension's own package) and compile its code now, in tasks of their own,
  // rather than in the first page's wait for its highlights.
  warmUpExtractor({ load: () => loadPackagedModels(readModelFile) });
  // The toolbar button: `action` in the MV3 build, `browserAction` in Firefox's MV2 build.
  const toolbar = toolbarActionOf(browser);
  // The auto-collect setting, read once at start and kept current, so storing a page waits for no read.
  let autoCollect = true;
  const autoCollectRead = autoCollectSetting.getValue().then((on) => {
    autoCollect = on;
  });
  autoCollectSetting.watch((on) => {
    autoCollect = on;
  });
  // The store's size limit (MB), kept current the same way.
  let storeLimitMb = storeLimitSetting.getValue();
  storeLimitSetting.watch((mb) => {
    storeLimitMb = Promise.resolve(mb);
  });
  const effects: BackgroundEffects = {
    openTab: async (url) => {
      await browser.tabs.create({ url });
    },
    viewUrl: (pageUrl, statementId, tabId) =>
      browser.runtime.getURL(
        `/popup.html?url=${encodeURIComponent(pageUrl)}${statementId ? `&statement=${statementId}` : ''}${tabId !== undefined ? `&tab=${tabId}` : ''}`,
      ),
    autoCollect: async () => {
      await autoCollectRead;
      return autoCollect;
    },
    storeLimit: async () => statementLimit(await storeLimitMb),
    reportStoreProblem: async (problem) => {
      // Written only on a change: a healthy store costs no storage write per page.
      if (problem === null && !storeProblem) return;
      storeProblem = problem;
      await storeProblemItem.setValue(problem).catch(() => undefined);
    },
  };
  let storeProblem: StoreProblem | null = null;
  void storeProblemItem.getValue().then((p) => {
    storeProblem ??= p;
  });
  // Extension pages report their own failed writes (the archive's undo) and clear them: follow.
  storeProblemItem.watch((p) => {
    storeProblem = p ?? null;
  });

  // Capture by hand: the context menu on a selection, or the save-selection command.
  const captureEffects: CaptureEffects = {
    sendToTab: sendingToContent((tabId, message) => browser.tabs.sendMessage(tabId, message)),
    openCaptureForm: async (query) => {
      await browser.tabs.create({ url: browser.runtime.getURL(`/capture.html?${query}`) });
    },
    // Nothing opens from a private window: the toolbar button says why, on hover.
    refuse: async (tabId, reason) => {
      await showTitle(toolbar, tabId, `Saywho: ${reason}`);
    },
  };
  async function captureSelection(tab: Browser.tabs.Tab | undefined, selectionText?: string): Promise<void> {
    await captureSelectionOf(tab, selectionText, captureEffects);
  }
  browser.runtime.onInstalled.addListener(() => {
    browser.contextMenus.create({
      id: SAVE_SELECTION_MENU,
      title: 'Save selection to Saywho',
      contexts: ['selection'],
    });
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === SAVE_SELECTION_MENU) void captureSelection(tab, info.selectionText);
  });

  const own = { id: browser.runtime.id, baseUrl: browser.runtime.getURL('/') };
  browser.runtime.onMessage.addListener((raw, sender, sendResponse) => {
    // Only this extension's own content script may talk to the store: the receiver checks the sender.
    const fromUs = sender.id === own.id;
    // The toolbar badge follows a page's ingest only (an extraction's reply has statements too).
    const ingest = (raw as { type?: unknown } | null)?.type === 'ingest-page';
    void receiveBackgroundMessage(db, raw, sender, own, effects).then((reply) => {
      sendResponse(reply);
      const tabId = fromUs && ingest ? sender.tab?.id : undefined;
      if (!reply.ok && tabId !== undefined) {
        // The page could not be stored: say so on the toolbar, with the reason on hover.
        const full = storeProblem?.quota === true;
        void showBadge(toolbar, tabId, {
          text: full ? 'FULL' : 'ERR',
          color: '#b45309',
          title: `Saywho: ${reply.error}`,
        });
      }
      if (reply.ok && 'pageId' in reply && tabId !== undefined) {
        void showBadge(toolbar, tabId, badgeOf(reply));
      }
    });
    return true;
  });

  browser.commands.onCommand.addListener((command, tab) => {
    void handleCommand(command, tab, {
      sendToTab: (tabId, message) => browser.tabs.sendMessage(tabId, message),
      captureSelection: (t) => captureSelection(t),
    });
  });
});
