/**
 * No network: over a full scenario, every request made anywhere in the browser — pages, popup,
 * archive, options, the service worker — stays on 127.0.0.1 or inside the extension. The fixture
 * pages load nothing from outside, so anything else would be Saywho's own request.
 * Also: extension pages run under a strict CSP (no eval, no inline script).
 */
import { describe, expect, it } from 'vitest';
import { waitForHighlights } from './harness';
import { useExtensionSession } from './session';

const requests: string[] = [];
// In Chromium the context also reports the service worker's own requests.
const session = useExtensionSession((b) => b.context.on('request', (r) => requests.push(r.url())));

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
});
