/**
 * No network: over a full scenario, every request made anywhere in the browser — pages, popup,
 * archive, options, the service worker — stays on 127.0.0.1 or inside the extension. The fixture
 * pages load nothing from outside, so anything else would be Saywho's own request.
 * Also: extension pages run under a strict CSP (no eval, no inline script, nothing fetched or
 * loaded from another origin), and still render with no violation.
 */
import { createServer, type Server } from 'node:http';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitForHighlights } from '../../scripts/harness/harness';
import { readmePermissions } from '../readme-permissions';
import { useExtensionSession } from './session';

const requests: string[] = [];
// In Chromium the context also reports the service worker's own requests.
const session = useExtensionSession((b) => b.context.on('request', (r) => requests.push(r.url())));

/**
 * Another origin (127.0.0.1 on a second port) that would answer anyone: an image, and JSON with
 * `Access-Control-Allow-Origin: *`, so only the extension pages' CSP can stop them. Counts requests.
 */
const PIXEL = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const elsewhere = { origin: '', hits: [] as string[], server: null as Server | null };
beforeAll(async () => {
  elsewhere.server = createServer((req, res) => {
    elsewhere.hits.push(req.url ?? '');
    const image = req.url?.startsWith('/pixel.png');
    res.writeHead(200, {
      'content-type': image ? 'image/png' : 'application/json',
      'access-control-allow-origin': '*',
    });
    res.end(image ? PIXEL : '{"leaked":true}');
  });
  const server = elsewhere.server;
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  elsewhere.origin = `http://127.0.0.1:${address.port}`;
});
afterAll(async () => {
  const server = elsewhere.server;
  if (server) await new Promise<void>((ok) => server.close(() => ok()));
});

/** Console messages in which Chromium reports a Content Security Policy violation. */
function cspReports(page: Page): string[] {
  const reports: string[] = [];
  page.on('console', (m) => {
    if (/Content Security Policy/i.test(m.text())) reports.push(m.text());
  });
  return reports;
}

describe('privacy', () => {
  it('makes no request beyond 127.0.0.1 and the extension itself over a full scenario', async () => {
    for (const name of ['000.html', '001.html', '004.html']) {
      const page = await session.browser.context.newPage();
      await page.goto(session.server.url(name));
      await waitForHighlights(page);
      await page.waitForTimeout(300);
      await page.close();
    }
    const base = `chrome-extension://${session.browser.extensionId}`;
    const popup = await session.browser.context.newPage();
    await popup.goto(`${base}/popup.html?url=${encodeURIComponent(session.server.url('001.html'))}`);
    await popup.locator('.statement').first().waitFor();
    await popup
      .getByRole('button', { name: /Save to archive/ })
      .first()
      .click();
    await popup.getByText('Saved to archive').first().waitFor({ timeout: 15_000 });
    for (const path of ['archive.html', 'options.html']) {
      await popup.goto(`${base}/${path}`);
      await popup.waitForLoadState('networkidle');
    }
    await popup.close();

    expect(requests.length).toBeGreaterThan(5);
    const outside = requests.filter((url) => {
      const u = new URL(url);
      return !(u.protocol === 'chrome-extension:' || u.protocol === 'data:' || u.hostname === '127.0.0.1');
    });
    expect(outside).toEqual([]);
  });

  it('runs extension pages under a strict CSP: an inline script is refused and reported', async () => {
    const page = await session.browser.context.newPage();
    await page.goto(`chrome-extension://${session.browser.extensionId}/archive.html`);
    const result = await page.evaluate(async () => {
      const violation = new Promise<string>((resolve) =>
        document.addEventListener('securitypolicyviolation', (e) => resolve(e.effectiveDirective), {
          once: true,
        }),
      );
      const script = document.createElement('script');
      script.textContent = 'window.__inlineRan = true;';
      document.body.append(script);
      return {
        directive: await violation,
        inlineRan: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true,
      };
    });
    expect(result).toEqual({ directive: 'script-src-elem', inlineRan: false });
    await page.close();
  });

  it('lets no extension page fetch or load an image from another origin (CSP default-src)', async () => {
    // Without a CSP both would succeed: the server allows any origin and serves a real image.
    expect((await fetch(`${elsewhere.origin}/data.json`)).headers.get('access-control-allow-origin')).toBe(
      '*',
    );
    for (const path of ['archive.html', 'popup.html', 'options.html']) {
      const page = await session.browser.context.newPage();
      await page.goto(`chrome-extension://${session.browser.extensionId}/${path}`);
      const result = await page.evaluate(async (origin) => {
        const violations: string[] = [];
        document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
        const fetched = await fetch(`${origin}/data.json`).then(
          (r) => `fetched ${r.status}`,
          (e: unknown) => `refused: ${e instanceof Error ? e.name : String(e)}`,
        );
        const image = await new Promise<string>((resolve) => {
          const img = new Image();
          img.onload = () => resolve(`loaded ${img.naturalWidth}x${img.naturalHeight}`);
          img.onerror = () => resolve('refused');
          img.src = `${origin}/pixel.png`;
          document.body.append(img);
        });
        // Violation events are queued as tasks: let them arrive.
        await new Promise((r) => setTimeout(r, 100));
        return { fetched, image, violations: [...new Set(violations)].sort() };
      }, elsewhere.origin);
      expect(result, path).toEqual({
        fetched: 'refused: TypeError',
        image: 'refused',
        violations: ['connect-src', 'img-src'],
      });
      await page.close();
    }
    // One request above came from this test's own Node fetch; none reached it from the browser.
    expect(elsewhere.hits).toEqual(['/data.json']);
  });

  it('renders popup, archive, options and capture under the CSP with no violation', async () => {
    const base = `chrome-extension://${session.browser.extensionId}`;
    const pages: Array<[string, string]> = [
      [`popup.html?url=${encodeURIComponent(session.server.url('001.html'))}`, 'main.popup'],
      ['archive.html', 'main.archive h1'],
      ['options.html', 'main.options h1'],
      ['capture.html', 'main.capture h1'],
    ];
    for (const [path, selector] of pages) {
      const page = await session.browser.context.newPage();
      const reports = cspReports(page);
      await page.goto(`${base}/${path}`);
      await page.locator(selector).first().waitFor();
      await page.waitForLoadState('networkidle');
      // The stylesheet applied: extension pages style their body (not the browser's default margin).
      const styled = await page.evaluate(
        () => document.styleSheets.length > 0 && getComputedStyle(document.body).margin !== '8px',
      );
      expect({ path, styled, reports }).toEqual({ path, styled: true, reports: [] });
      await page.close();
    }
  });

  it('asks for exactly the permissions the README lists, and runs the content scripts only where it says', async () => {
    const readme = readmePermissions();
    const page = await session.browser.context.newPage();
    await page.goto(`chrome-extension://${session.browser.extensionId}/options.html`);
    const manifest = (await page.evaluate(() => chrome.runtime.getManifest())) as unknown as Record<
      string,
      unknown
    >;
    await page.close();
    expect([...(manifest.permissions as string[])].sort()).toEqual([...readme.permissions].sort());
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions ?? []).toEqual([]);
    expect(manifest.externally_connectable).toBeUndefined();
    expect(manifest.web_accessible_resources).toEqual([
      { resources: readme.webAccessible, matches: readme.contentScriptMatches, use_dynamic_url: true },
    ]);
    const scripts = manifest.content_scripts as Array<{ matches: string[]; all_frames?: boolean }>;
    // the reading script and the one that wakes the worker as a page starts loading
    expect(scripts.map((c) => [...c.matches].sort())).toEqual([
      [...readme.contentScriptMatches].sort(),
      [...readme.contentScriptMatches].sort(),
    ]);
    expect(scripts.every((c) => c.all_frames !== true)).toBe(true);
    for (const key of readme.manifestKeys) expect(manifest[key], key).toBeDefined();
    // What the browser actually granted matches the manifest: no host access beyond the content script.
    const granted = await session.browser.worker.evaluate(() => chrome.permissions.getAll());
    expect([...(granted.permissions ?? [])].sort()).toEqual([...readme.permissions].sort());
    for (const origin of granted.origins ?? []) expect(readme.contentScriptMatches).toContain(origin);
  });
});
