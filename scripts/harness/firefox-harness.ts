/**
 * Firefox beside harness.ts (whose fixture server, profile folders and paths it shares):
 * the built Firefox extension (.output/firefox-mv2) as a temporary add-on in a real Firefox, driven
 * over WebDriver BiDi by puppeteer-core. Playwright needs its own patched Firefox build, which
 * cannot be had here; stock Firefox (ESR 140 and later) speaks BiDi. Used by the Firefox
 * end-to-end tests and `npm start -- --firefox`.
 *
 * What differs from Chromium, and why the helpers look the way they do:
 * - The add-on gets a fixed moz-extension UUID (a preference), so its pages have a known address
 *   and its IndexedDB (which belongs to that origin) is found again after a restart.
 * - `page.goto` of a moz-extension page never resolves (no load event over BiDi), and on ESR 140
 *   puppeteer's `waitFor*` pollers are blocked by the pages' CSP: navigations are started without
 *   waiting and pages are polled with `evaluate`.
 * - Extension errors (background script included) appear only on Firefox's own output, which the
 *   harness keeps; they are the lines naming the add-on's UUID.
 * - Saywho's store marks live in a closed shadow root: BiDi serialises it for the driver
 *   (`includeShadowTree: 'all'`), which page scripts cannot do.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { type FoundBrowser, findBrowser, installCommand, realSystem } from './browsers';
import { ROOT } from './harness';

export const FIREFOX_EXTENSION_DIR = join(ROOT, '.output', 'firefox-mv2');

/** The Firefox the tests and `npm start -- --firefox` use (scripts/harness/browsers.ts finds it). */
export function firefoxBrowser(): FoundBrowser {
  const sys = realSystem();
  const found = findBrowser('firefox', sys);
  if (!found) {
    throw new Error(`No Firefox found: install it (${installCommand('firefox', sys)}) or set FIREFOX_PATH.`);
  }
  return found;
}

/** The add-on id the Firefox build declares (browser_specific_settings.gecko.id). */
function geckoId(): string {
  const manifest = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) {
    throw new Error(
      `No built Firefox extension at ${FIREFOX_EXTENSION_DIR}: run \`npm run build:firefox\` first.`,
    );
  }
  return JSON.parse(readFileSync(manifest, 'utf8')).browser_specific_settings.gecko.id;
}

export interface FirefoxExtensionBrowser {
  browser: Browser;
  /** The moz-extension UUID; pass it again to a relaunch on the same profile. */
  uuid: string;
  profileDir: string;
  /** `moz-extension://<uuid>/<path>`. */
  url(path: string): string;
  /** Every line Firefox printed on its stdout and stderr since launch. */
  output(): string[];
  /** The lines of that output that come from Saywho: they name its UUID. */
  extensionOutput(): string[];
  /** Opens an extension page in a new tab and waits until `selector` is in it. */
  openExtensionPage(path: string, selector: string, timeout?: number): Promise<Page>;
  /** Removes the add-on (its data stays) and closes Firefox. */
  close(): Promise<void>;
}

/**
 * Polls `test(arg)` in `page` until it is truthy: page-side `evaluate`, which the extension pages'
 * CSP allows where puppeteer's own pollers are refused.
 */
export async function pollPage<T, A>(
  page: Page,
  test: (arg: A) => T,
  arg: A,
  options: { timeout?: number; what?: string } = {},
): Promise<NonNullable<T>> {
  const timeout = options.timeout ?? 15_000;
  const until = Date.now() + timeout;
  const evaluate = page.evaluate.bind(page) as (fn: (arg: A) => T, arg: A) => Promise<T>;
  for (;;) {
    // A page still navigating has no realm to evaluate in yet: try again.
    const value = await evaluate(test, arg).catch(() => undefined);
    if (value) return value as NonNullable<T>;
    if (Date.now() > until) {
      throw new Error(`${options.what ?? 'condition'} not met on ${page.url()} after ${timeout} ms`);
    }
    await new Promise((ok) => setTimeout(ok, 150));
  }
}

/** Launches Firefox on `profileDir` with the built Firefox extension installed as a temporary add-on. */
export async function launchFirefoxWithExtension(
  profileDir: string,
  options: { uuid?: string; headless?: boolean; browser?: FoundBrowser } = {},
): Promise<FirefoxExtensionBrowser> {
  const id = geckoId();
  const uuid = options.uuid ?? randomUUID();
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: (options.browser ?? firefoxBrowser()).path,
    headless: options.headless ?? true,
    userDataDir: profileDir,
    defaultViewport: { width: 1280, height: 900 },
    // ESR 153 opens extension pages to the driver only with this.
    args: ['--remote-allow-system-access'],
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [id]: uuid }),
      // Removing the temporary add-on before closing keeps its data for the next launch.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      // Console messages of pages and content scripts on stdout, beside the script errors.
      'devtools.console.stdout.content': true,
      'app.update.enabled': false,
      'browser.shell.checkDefaultBrowser': false,
    },
  });
  const lines: string[] = [];
  let partial = '';
  const keep = (chunk: Buffer | string) => {
    const text = partial + String(chunk);
    const parts = text.split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
  };
  const child = browser.process();
  child?.stdout?.on('data', keep);
  child?.stderr?.on('data', keep);
  const addon = await browser.installExtension(FIREFOX_EXTENSION_DIR);
  const base = `moz-extension://${uuid}/`;
  const url = (path: string) => base + path.replace(/^\//, '');
  return {
    browser,
    uuid,
    profileDir,
    url,
    output: () => (partial ? [...lines, partial] : [...lines]),
    extensionOutput: () => [...lines, partial].filter((l) => l.includes(uuid)),
    async openExtensionPage(path, selector, timeout = 15_000) {
      const page = await browser.newPage();
      // Never resolves for a moz-extension page (no load event over BiDi): not awaited.
      void page.goto(url(path)).catch(() => undefined);
      await pollPage(page, (sel) => document.querySelector(sel) !== null, selector, {
        timeout,
        what: `${selector} in ${path}`,
      });
      return page;
    },
    async close() {
      await browser.uninstallExtension(addon).catch(() => undefined);
      await browser.close();
    },
  };
}

/**
 * The id of the tab showing `page`, asked from an extension page `probe`: without the `tabs`
 * permission Firefox hides the tabs' addresses, so the tab is found as the active one once `page`
 * is brought to the front.
 */
export async function firefoxTabIdOf(page: Page, probe: Page): Promise<number> {
  await page.bringToFront();
  return probe.evaluate(async () => {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    return tab!.id!;
  });
}

export interface ToolbarBadge {
  text: string;
  colour: number[];
  title: string;
}

/** The toolbar button of one tab, read through the MV2 build's `browserAction` from an extension page. */
export async function firefoxBadge(page: Page, probe: Page): Promise<ToolbarBadge> {
  const tabId = await firefoxTabIdOf(page, probe);
  return probe.evaluate(async (id) => {
    // The MV2 build has browserAction; the types describe MV3's action, which has the same calls.
    const action = (browser as unknown as { browserAction: typeof browser.action }).browserAction;
    return {
      text: await action.getBadgeText({ tabId: id }),
      colour: (await action.getBadgeBackgroundColor({ tabId: id })) as unknown as number[],
      title: await action.getTitle({ tabId: id }),
    };
  }, tabId);
}

/** A node as WebDriver BiDi serialises it (only what the helpers read). */
interface BidiNode {
  type: string;
  value?: {
    localName?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}

type MarkKind = 'related' | 'conflict' | 'saved';

/** Statements carrying each mark; `drawn`: those of them with a line on screen now. */
export type StoreMarkCounts = Record<MarkKind, number> & { drawn: Record<MarkKind, number> };

/**
 * Statements carrying each mark from the reader's store (related, conflict, saved), as drawn in
 * Saywho's closed shadow root, read through the driver's serialisation of that root.
 */
export async function firefoxStoreMarks(browser: Browser, page: Page): Promise<StoreMarkCounts> {
  const counts = { related: 0, conflict: 0, saved: 0, drawn: { related: 0, conflict: 0, saved: 0 } };
  // puppeteer's BiDi connection and the page's browsing context id: not in its public types.
  const connection = (browser as unknown as { connection: { send(m: string, p: object): Promise<unknown> } })
    .connection;
  const context = (page.mainFrame() as unknown as { _id: string })._id;
  const reply = (await connection.send('script.evaluate', {
    expression: 'document.querySelector("saywho-layer")',
    target: { context },
    awaitPromise: false,
    serializationOptions: { includeShadowTree: 'all', maxDomDepth: null },
  })) as { result: { type: string; result?: BidiNode } };
  const walk = (n: BidiNode | null | undefined) => {
    if (!n?.value) return;
    const kind = /\bmark--(related|conflict|saved)\b/.exec(n.value.attributes?.class ?? '')?.[1] as
      | MarkKind
      | undefined;
    if (kind) {
      counts[kind] += 1;
      // A mark holds one line per line box of its statement that is on screen.
      if ((n.value.children ?? []).length > 0) counts.drawn[kind] += 1;
    }
    for (const c of n.value.children ?? []) walk(c);
  };
  const layer = reply.result.result;
  if (layer?.type === 'node') walk(layer.value?.shadowRoot);
  return counts;
}
