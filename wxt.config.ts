import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { type ConfigEnv, defineConfig } from 'wxt';
import { BUNDLED_MODEL_DATA } from './utils/nlp/model/bundled';
import { MODEL_DATA_FILE } from './utils/nlp/model-data';

// Firefox: a fixed add-on id (storage survives reinstalls), the first version with the CSS Custom
// Highlight API, and the declaration that no data leaves the device.
const FIREFOX_SETTINGS = {
  gecko: {
    id: 'saywho@saywho.extension',
    strict_min_version: '140.0',
    data_collection_permissions: { required: ['none'] },
  },
  // Firefox for Android reads the data-collection declaration from 142 on.
  gecko_android: { strict_min_version: '142.0' },
};

/**
 * Extension pages load only the extension's own files: scripts, styles, images and connections all
 * stay on 'self' (nothing fetched, no image or font from anywhere else), they embed no plugin, set
 * no base URL and submit no form anywhere. The pages need nothing more: their stylesheet is a file
 * and Preact sets `style` through the CSSOM, which CSP does not restrict. Only web pages may frame
 * them, and of all of them only the card can be framed (the one web-accessible resource, placed by
 * the content script over the article); the browser refuses the others to any page.
 */
export const EXTENSION_PAGES_CSP =
  "default-src 'self'; script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors http: https:";

/**
 * `npm run dev` only: Vite's dev server injects styles as inline <style> and reloads through a
 * localhost websocket (WXT adds its script origin itself). Never in a build.
 */
const DEV_SERVER_CSP =
  "; style-src 'self' 'unsafe-inline'; connect-src 'self' ws://localhost:* http://localhost:*";

// Saywho makes no network request of its own: permissions are the minimum the features need.
export const manifest = ({ browser, command }: Pick<ConfigEnv, 'browser' | 'command'>) => ({
  name: 'Saywho',
  description:
    'Highlights quotations on news pages, names who said them, and shows related and conflicting statements. Everything stays on your device.',
  permissions: ['storage', 'activeTab', 'contextMenus'],
  action: { default_title: 'Saywho' },
  content_security_policy: {
    extension_pages: command === 'serve' ? EXTENSION_PAGES_CSP + DEV_SERVER_CSP : EXTENSION_PAGES_CSP,
  },
  // The in-page card is an extension page in a frame (entrypoints/card/), so the article's scripts
  // cannot read it: the one resource pages may load. In Chromium only through a URL that changes
  // every browser session (a page cannot probe for Saywho by it); Firefox's add-on URL is already
  // random per install.
  web_accessible_resources: [
    {
      resources: ['card.html'],
      matches: ['http://*/*', 'https://*/*'],
      ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
    },
  ],
  commands: {
    'toggle-highlights': {
      suggested_key: { default: 'Alt+Shift+H' },
      description: 'Show or hide Saywho highlights on this page',
    },
    // Not Alt+Shift+N: Chromium keeps that key and leaves the command without a shortcut.
    'next-statement': {
      suggested_key: { default: 'Alt+Shift+K' },
      description: 'Open the Saywho card on the next statement',
    },
    'save-selection': {
      suggested_key: { default: 'Alt+Shift+S' },
      description: 'Save the selected text to the Saywho archive',
    },
  },
  ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
});

/**
 * `wxt build`: the content script gets a context that announces nothing to the page (WXT's posts
 * a message naming the extension's id to every page; see utils/content/quiet-context.ts).
 */
const QUIET_CONTEXT = [
  {
    find: /^wxt\/utils\/content-script-context$/,
    replacement: fileURLToPath(new URL('./utils/content/quiet-context.ts', import.meta.url)),
  },
];

export default defineConfig({
  manifest,
  hooks: {
    // The extractor's model data ship as a file of the package, read by the worker when it starts
    // (utils/nlp/model-data.ts says why they are not compiled into its script).
    'build:publicAssets': (_wxt, files) => {
      files.push({ relativeDest: MODEL_DATA_FILE, contents: JSON.stringify(BUNDLED_MODEL_DATA) });
    },
  },
  vite: (env) => ({
    plugins: [preact()],
    resolve: { alias: env.command === 'build' ? QUIET_CONTEXT : [] },
  }),
});
