import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

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

// Saywho makes no network request of its own: permissions are the minimum the features need.
export default defineConfig({
  manifest: ({ browser }) => ({
    name: 'Saywho',
    description:
      'Highlights quotations on news pages, names who said them, and shows related and conflicting statements. Everything stays on your device.',
    permissions: ['storage', 'activeTab', 'contextMenus'],
    action: { default_title: 'Saywho' },
    // Extension pages run only our own bundled scripts, embed nothing and are framed by no one.
    content_security_policy: {
      extension_pages:
        "script-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    },
    commands: {
      'toggle-highlights': {
        suggested_key: { default: 'Alt+Shift+H' },
        description: 'Show or hide Saywho highlights on this page',
      },
      'next-statement': {
        suggested_key: { default: 'Alt+Shift+N' },
        description: 'Open the Saywho card on the next statement',
      },
      'save-selection': {
        suggested_key: { default: 'Alt+Shift+S' },
        description: 'Save the selected text to the Saywho archive',
      },
    },
    ...(browser === 'firefox' ? { browser_specific_settings: FIREFOX_SETTINGS } : {}),
  }),
  vite: () => ({
    plugins: [preact()],
  }),
});
