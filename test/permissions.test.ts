/**
 * Least privilege, pinned: the manifest built from wxt.config.ts asks for exactly the permissions
 * the README lists (and explains), no host permission, and the content script runs exactly where
 * the README says. The end-to-end twin (test/e2e/network.e2e.test.ts) checks the built extension.
 */
import { describe, expect, it } from 'vitest';
import contentScript from '../entrypoints/content/index';
import wakeUpScript from '../entrypoints/wake-up.content';
import { EXTENSION_PAGES_CSP, manifest } from '../wxt.config';
import { readmePermissions } from './readme-permissions';

const readme = readmePermissions();
const built = (browser: 'chrome' | 'firefox', command: 'build' | 'serve' = 'build') =>
  manifest({ browser, command }) as Record<string, unknown>;

describe('permissions', () => {
  it('reads the README: storage, activeTab and contextMenus; the content script on http and https; commands', () => {
    // A guard on the parser, so an empty README table cannot make the checks below pass vacuously.
    expect(readme).toEqual({
      permissions: ['storage', 'activeTab', 'contextMenus'],
      contentScriptMatches: ['http://*/*', 'https://*/*'],
      manifestKeys: ['commands'],
      webAccessible: ['card.html'],
    });
  });

  it.each(['chrome', 'firefox'] as const)(
    'asks for exactly the README permissions on %s, and no host or optional permission',
    (browser) => {
      const m = built(browser);
      expect([...(m.permissions as string[])].sort()).toEqual([...readme.permissions].sort());
      for (const key of [
        'host_permissions',
        'optional_permissions',
        'optional_host_permissions',
        'externally_connectable',
      ]) {
        expect(m[key], key).toBeUndefined();
      }
      for (const key of readme.manifestKeys) expect(m[key], key).toBeDefined();
    },
  );

  it.each(['chrome', 'firefox'] as const)(
    'lets pages load only the README’s web-accessible files (the card), only where the content script runs, on %s',
    (browser) => {
      expect(built(browser).web_accessible_resources).toEqual([
        {
          resources: readme.webAccessible,
          matches: readme.contentScriptMatches,
          // Chromium: only through a URL that changes every session, so a page cannot probe for Saywho.
          ...(browser === 'chrome' ? { use_dynamic_url: true } : {}),
        },
      ]);
    },
  );

  it('runs both content scripts (reading, and waking the worker) exactly where the README says', () => {
    for (const script of [contentScript, wakeUpScript]) {
      const matches = script.matches;
      expect(Array.isArray(matches)).toBe(true);
      expect([...(matches as string[])].sort()).toEqual([...readme.contentScriptMatches].sort());
      expect(script.allFrames ?? false).toBe(false);
    }
  });

  it('gives extension pages the strict CSP in a build, relaxed only for the dev server', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      expect(built(browser).content_security_policy).toEqual({ extension_pages: EXTENSION_PAGES_CSP });
    }
    const directives = Object.fromEntries(
      EXTENSION_PAGES_CSP.split(';').map((d) => {
        const [name = '', ...values] = d.trim().split(/\s+/);
        return [name, values.join(' ')];
      }),
    );
    expect(directives).toEqual({
      'default-src': "'self'",
      'script-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'none'",
      'form-action': "'none'",
      // Only web pages may frame an extension page, and only the web-accessible card can be framed.
      'frame-ancestors': 'http: https:',
    });
    const dev = (built('chrome', 'serve').content_security_policy as { extension_pages: string })
      .extension_pages;
    expect(dev.startsWith(EXTENSION_PAGES_CSP)).toBe(true);
    // What `npm run dev` adds: inline styles and localhost connections for Vite, nothing for scripts.
    expect(dev.slice(EXTENSION_PAGES_CSP.length)).toBe(
      "; style-src 'self' 'unsafe-inline'; connect-src 'self' ws://localhost:* http://localhost:*",
    );
  });
});
