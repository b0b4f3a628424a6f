/**
 * `npm start`: finds a browser (installing Debian's Chromium when there is none and it can: see
 * scripts/harness/browsers.ts), builds Saywho for it, serves the bundled sample news pages on 127.0.0.1,
 * opens the browser with Saywho loaded on them, and prints what Saywho found on each. Without a
 * display it runs headless, saves screenshots of every page and popup to test-output/start/, and
 * exits; with a display it leaves the browser open until you close it.
 *
 * `npm start -- --firefox` does the same with Firefox (Debian's firefox-esr) and the Firefox build.
 * `--no-build` skips the build (the tests, which have just built both).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ensureBrowser, type FoundBrowser, realSystem } from './harness/browsers';
import { launchFirefoxWithExtension, pollPage } from './harness/firefox-harness';
import {
  FIXTURE_PAGES,
  hasSaywhoHighlights,
  launchWithExtension,
  newProfileDir,
  ROOT,
  removeProfileDir,
  serveStatic,
} from './harness/harness';

const firefox = process.argv.includes('--firefox');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

let found: FoundBrowser;
try {
  found = ensureBrowser(firefox ? 'firefox' : 'chromium', realSystem());
} catch (e) {
  console.error((e as Error).message);
  process.exit(1);
}

if (!process.argv.includes('--no-build')) {
  const args = firefox ? ['build', '-b', 'firefox'] : ['build'];
  console.log(`Building Saywho for ${firefox ? 'Firefox' : 'Chromium'} (wxt ${args.join(' ')})…`);
  const built = spawnSync(join(ROOT, 'node_modules', '.bin', 'wxt'), args, { cwd: ROOT, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const shots = join(ROOT, 'test-output', 'start');
mkdirSync(shots, { recursive: true });
const prefix = firefox ? 'firefox-' : '';

/** What the popup lists: each statement with its speaker and related statements. */
const readPopup = () =>
  Array.from(document.querySelectorAll('.statement')).map((li) => ({
    speaker: li.querySelector('.statement__speaker')?.textContent ?? '',
    text: li.querySelector('.statement__text')?.textContent ?? '',
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    related: Array.from(li.querySelectorAll('.related__item')).map((r) =>
      ['.badge', '.related__speaker', '.related__source', '.related__reason'].map(
        (selector) => r.querySelector(selector)?.textContent ?? '',
      ),
    ),
  }));
type Found = ReturnType<typeof readPopup>;

function report(file: string, title: string, statements: Found): void {
  console.log(`${file} — ${title}: ${statements.length} statements`);
  for (const s of statements) {
    const text = s.text.length > 90 ? `${s.text.slice(0, 87)}…` : s.text;
    console.log(`  ${s.speaker.padEnd(28)} ${text}`);
    for (const [badge, speaker, source, reason] of s.related) {
      console.log(`      ↳ ${badge}: ${speaker} in “${source}” — ${reason}`);
    }
  }
  console.log('');
}

/** One sample page in the browser: wait for Saywho's highlights, open its popup, screenshot both. */
interface Session {
  /** Opens `url`; false when Saywho painted nothing there within 10 s. */
  visit(file: string, url: string): Promise<boolean>;
  close(): Promise<void>;
  /** With a display: resolves when the reader closes the browser. */
  closed(): Promise<void>;
}

async function chromiumSession(profile: string): Promise<Session> {
  const browser = await launchWithExtension(profile, { headless, browser: found });
  return {
    async visit(file, url) {
      const page = await browser.context.newPage();
      await page.goto(url);
      try {
        await page.waitForFunction(hasSaywhoHighlights, null, { timeout: 10_000 });
      } catch {
        return false;
      }
      await page.screenshot({ path: join(shots, `${prefix}${file.replace('.html', '-page.png')}`) });
      const popup = await browser.context.newPage();
      await popup.setViewportSize({ width: 440, height: 900 });
      await popup.goto(
        `chrome-extension://${browser.extensionId}/popup.html?url=${encodeURIComponent(page.url())}`,
      );
      await popup.locator('.statement').first().waitFor({ timeout: 10_000 });
      report(file, await page.title(), await popup.evaluate(readPopup));
      await popup.screenshot({
        path: join(shots, `${prefix}${file.replace('.html', '-popup.png')}`),
        fullPage: true,
      });
      if (headless) await Promise.all([popup.close(), page.close()]);
      return true;
    },
    close: () => browser.close(),
    closed: () => new Promise((ok) => browser.context.on('close', () => ok())),
  };
}

async function firefoxSession(profile: string): Promise<Session> {
  const browser = await launchFirefoxWithExtension(profile, { headless, browser: found });
  return {
    async visit(file, url) {
      const page = await browser.browser.newPage();
      await page.goto(url);
      try {
        await pollPage(page, hasSaywhoHighlights, undefined, { timeout: 10_000 });
      } catch {
        return false;
      }
      await page.screenshot({ path: join(shots, `${prefix}${file.replace('.html', '-page.png')}`) });
      const popup = await browser.openExtensionPage(
        `popup.html?url=${encodeURIComponent(page.url())}`,
        '.statement',
      );
      await popup.setViewport({ width: 440, height: 900 }).catch(() => undefined);
      report(file, await page.title(), await popup.evaluate(readPopup));
      await popup.screenshot({
        path: join(shots, `${prefix}${file.replace('.html', '-popup.png')}`),
        fullPage: true,
      });
      if (headless) await Promise.all([popup.close(), page.close()]);
      return true;
    },
    close: () => browser.close(),
    closed: () => new Promise((ok) => browser.browser.on('disconnected', () => ok())),
  };
}

const server = await serveStatic(FIXTURE_PAGES);
const profile = newProfileDir();
const session = firefox ? await firefoxSession(profile) : await chromiumSession(profile);
const pages = readdirSync(FIXTURE_PAGES)
  .filter((f) => f.endsWith('.html'))
  .sort();
console.log(
  `Saywho: sample pages at ${server.origin}, ${found.name} ${headless ? 'headless' : 'with a window'} (${found.path})\n`,
);

for (const file of pages) {
  if (!(await session.visit(file, server.url(file)))) console.log(`${file}: no statements found\n`);
}

if (headless) {
  console.log(`Screenshots saved in ${shots}`);
  await session.close();
  await server.close();
  removeProfileDir(profile);
} else {
  console.log('Close the browser window to stop.');
  await session.closed();
  await server.close();
  removeProfileDir(profile);
}
