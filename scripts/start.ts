/**
 * `npm start`: serves the bundled sample news pages on 127.0.0.1, opens Chromium with the built
 * Saywho loaded on them, and prints what Saywho found on each. Without a display it runs headless,
 * saves screenshots of every page and popup to test-output/start/, and exits; with a display it
 * leaves the browser open until you close it.
 */
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import {
  FIXTURE_PAGES,
  launchWithExtension,
  newProfileDir,
  ROOT,
  removeProfileDir,
  serveStatic,
  waitForHighlights,
} from '../test/e2e/harness';

const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;
const shots = join(ROOT, 'test-output', 'start');
mkdirSync(shots, { recursive: true });

const server = await serveStatic(FIXTURE_PAGES);
const profile = newProfileDir();
const browser = await launchWithExtension(profile, { headless });
const pages = readdirSync(FIXTURE_PAGES)
  .filter((f) => f.endsWith('.html'))
  .sort();
console.log(
  `Saywho: sample pages at ${server.origin}, Chromium ${headless ? 'headless' : 'with a window'}\n`,
);

for (const file of pages) {
  const page = await browser.context.newPage();
  await page.goto(server.url(file));
  try {
    await waitForHighlights(page, 10_000);
  } catch {
    console.log(`${file}: no statements found\n`);
    continue;
  }
  await page.screenshot({ path: join(shots, file.replace('.html', '-page.png')) });
  const popup = await browser.context.newPage();
  await popup.setViewportSize({ width: 440, height: 900 });
  await popup.goto(
    `chrome-extension://${browser.extensionId}/popup.html?url=${encodeURIComponent(page.url())}`,
  );
  await popup.locator('.statement').first().waitFor({ timeout: 10_000 });
  const found = await popup.locator('.statement').evaluateAll((items) =>
    items.map((li) => ({
      speaker: li.querySelector('.statement__speaker')?.textContent ?? '',
      text: li.querySelector('.statement__text')?.textContent ?? '',
      // No named functions in here: tsx would wrap them in a helper the page does not have.
      related: Array.from(li.querySelectorAll('.related__item')).map((r) =>
        ['.badge', '.related__speaker', '.related__source', '.related__reason'].map(
          (selector) => r.querySelector(selector)?.textContent ?? '',
        ),
      ),
    })),
  );
  console.log(`${file} — ${await page.title()}: ${found.length} statements`);
  for (const s of found) {
    const text = s.text.length > 90 ? `${s.text.slice(0, 87)}…` : s.text;
    console.log(`  ${s.speaker.padEnd(28)} ${text}`);
    for (const [badge, speaker, source, reason] of s.related) {
      console.log(`      ↳ ${badge}: ${speaker} in “${source}” — ${reason}`);
    }
  }
  console.log('');
  await popup.screenshot({ path: join(shots, file.replace('.html', '-popup.png')), fullPage: true });
  if (headless) {
    await popup.close();
    await page.close();
  }
}

if (headless) {
  console.log(`Screenshots saved in ${shots}`);
  await browser.close();
  await server.close();
  removeProfileDir(profile);
} else {
  console.log('Close the browser window to stop.');
  browser.context.on('close', () => {
    void server.close();
    removeProfileDir(profile);
  });
}
