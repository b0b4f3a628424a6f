/**
 * Google's Chrome builds ignore `--load-extension` (Chrome 137 on), so `npm start` and the tests load
 * Saywho there through the DevTools protocol instead. No branded Chrome here: the same route is
 * taken with Chromium, which has the same protocol command.
 */
import { expect, it } from 'vitest';
import {
  highlightSizes,
  launchWithExtension,
  newProfileDir,
  removeProfileDir,
  serveStatic,
  waitForHighlights,
} from '../../scripts/harness/harness';

it('loads the built extension through Extensions.loadUnpacked and paints a page', async () => {
  const server = await serveStatic();
  const profile = newProfileDir();
  const browser = await launchWithExtension(profile, { loadBy: 'devtools' });
  try {
    expect(browser.extensionId).toMatch(/^[a-p]{32}$/);
    const page = await browser.context.newPage();
    await page.goto(server.url('000.html'));
    await waitForHighlights(page);
    expect((await highlightSizes(page))['saywho-direct'] ?? 0).toBeGreaterThan(0);
    const popup = await browser.context.newPage();
    await popup.goto(
      `chrome-extension://${browser.extensionId}/popup.html?url=${encodeURIComponent(page.url())}`,
    );
    await popup.locator('.statement').first().waitFor({ timeout: 15_000 });
  } finally {
    await browser.close();
    await server.close();
    removeProfileDir(profile);
  }
});
