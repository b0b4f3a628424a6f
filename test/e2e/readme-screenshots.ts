/**
 * The README's screenshots of the popup and the archive are taken by the end-to-end tests that
 * show those views: each goes to test-output/screenshots/ like every screenshot, and, only when
 * asked (`npm run screenshots`, which sets SAYWHO_README_SCREENSHOTS=1), to assets/screenshots/,
 * which the README links: `npm test` never changes a tracked file. Dates are shown in one fixed
 * time zone and locale, so the pictures depend on the code and the fixture pages, not on the
 * machine that ran the tests.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT, SCREENSHOTS } from '../../scripts/harness/harness';

export const README_SCREENSHOTS = join(ROOT, 'assets', 'screenshots');

/** Shows dates on `page` in UTC and US English from now on (it reloads the page if it is open). */
export async function useReadmeLocale(page: Page): Promise<void> {
  // The session stays attached for the page's life: the overrides last as long as it does.
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Emulation.setTimezoneOverride', { timezoneId: 'UTC' });
  await cdp.send('Emulation.setLocaleOverride', { locale: 'en-US' });
  if (page.url() !== 'about:blank') await page.reload();
}

/** Whether this run refreshes the README's pictures (`npm run screenshots`). */
export function refreshesReadme(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.SAYWHO_README_SCREENSHOTS === '1';
}

/** Screenshot of the viewport to test-output/screenshots/`name`, and to the README's copy when asked. */
export async function readmeScreenshot(page: Page, name: string): Promise<void> {
  const path = join(SCREENSHOTS, name);
  await page.screenshot({ path });
  if (!refreshesReadme()) return;
  mkdirSync(README_SCREENSHOTS, { recursive: true });
  copyFileSync(path, join(README_SCREENSHOTS, name));
}
