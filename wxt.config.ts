import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

// Saywho makes no network request of its own: permissions are the minimum the features need.
export default defineConfig({
  manifest: {
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
  },
  vite: () => ({
    plugins: [preact()],
  }),
});
