// In the extension's service worker, where `worker.evaluate` runs, the WebExtension API is `chrome`.
declare const chrome: typeof import('@wxt-dev/browser').browser;
