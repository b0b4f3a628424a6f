/**
 * End-to-end harness: a static server for the fixture pages on 127.0.0.1 and a real Chromium with
 * the built extension loaded. Shared by the end-to-end tests and `npm start`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type BrowserContext, chromium, type Frame, type Page, type Worker } from 'playwright-core';
import { type FoundBrowser, findBrowser, installCommand, realSystem } from './browsers';

export const ROOT = resolve(import.meta.dirname, '..', '..');
export const EXTENSION_DIR = join(ROOT, '.output', 'chrome-mv3');
export const FIXTURE_PAGES = join(ROOT, 'test', 'fixtures', 'pages');
export const SCREENSHOTS = join(ROOT, 'test-output', 'screenshots');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
};

export interface StaticServer {
  origin: string;
  url(path: string): string;
  /**
   * The same file on a site of its own, `http://<name>.localhost:<port>/`: Chromium resolves any
   * `*.localhost` to the loopback itself, so pages can sit on different registrable domains.
   */
  urlOn(name: string, path: string): string;
  close(): Promise<void>;
}

/**
 * Serves `dir` on 127.0.0.1 at a free port. Never leaves the folder. `?hold=<ms>` on a URL sends
 * the file's first 600 bytes at once and the rest `ms` later, as a slow network would.
 */
export async function serveStatic(dir: string = FIXTURE_PAGES): Promise<StaticServer> {
  const base = resolve(dir);
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    const body = readFileSync(file);
    const hold = Math.min(Number(url.searchParams.get('hold')) || 0, 30_000);
    if (hold <= 0) {
      res.end(body);
      return;
    }
    res.write(body.subarray(0, 600));
    setTimeout(() => res.end(body.subarray(600)), hold);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    urlOn: (name, path) => `http://${name}.localhost:${address.port}/${path.replace(/^\//, '')}`,
    close: () =>
      new Promise((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

/** The Chromium-family browser the tests and `npm start` use (scripts/harness/browsers.ts finds it). */
export function chromiumBrowser(): FoundBrowser {
  const sys = realSystem();
  const found = findBrowser('chromium', sys);
  if (!found) {
    throw new Error(
      `No Chromium, Google Chrome or Microsoft Edge found: install one (${installCommand('chromium', sys)}) or set CHROMIUM_PATH.`,
    );
  }
  return found;
}

export function chromiumPath(): string {
  return chromiumBrowser().path;
}

export interface ExtensionBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  profileDir: string;
  close(): Promise<void>;
}

/** A profile folder that survives closing the browser, for tests that reopen it. */
export function newProfileDir(): string {
  return mkdtempSync(join(tmpdir(), 'saywho-profile-'));
}

export function removeProfileDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

/**
 * Launches Chromium (or Chrome, or Edge) with the built extension on `profileDir`. Chromium and
 * Edge load it by `--load-extension`; Google's Chrome builds ignore that switch since Chrome 137, so
 * there (or with `loadBy: 'devtools'`) it is loaded through the DevTools protocol
 * (`Extensions.loadUnpacked`, allowed by `--enable-unsafe-extension-debugging`).
 */
export async function launchWithExtension(
  profileDir: string,
  options: { headless?: boolean; browser?: FoundBrowser; loadBy?: 'flag' | 'devtools' } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const found = options.browser ?? chromiumBrowser();
  const byFlag = (options.loadBy ?? (found.loadsExtensionByFlag ? 'flag' : 'devtools')) === 'flag';
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: found.path,
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    ...(byFlag ? {} : { ignoreDefaultArgs: ['--disable-extensions'] }),
    args: [
      ...(byFlag
        ? [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]
        : ['--enable-unsafe-extension-debugging']),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      // Nothing but the local fixture server is reachable: 127.0.0.1, and *.localhost, which
      // Chromium resolves to the loopback itself.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1 , EXCLUDE *.localhost',
    ],
  });
  if (!byFlag) {
    const cdp = await context.browser()!.newBrowserCDPSession();
    // Not in Playwright's protocol types: a command of Chrome 126 and later.
    const send = cdp.send.bind(cdp) as unknown as (method: string, params: object) => Promise<unknown>;
    await send('Extensions.loadUnpacked', { path: EXTENSION_DIR });
    await cdp.detach();
  }
  const worker =
    context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 20_000 }));
  const extensionId = new URL(worker.url()).host;
  return { context, worker, extensionId, profileDir, close: () => context.close() };
}

/**
 * The id of the tab showing `page`: the active tab once the page is brought to the front, asked
 * from the extension's worker or one of its pages.
 */
export async function tabIdOf(page: Page, from: Page | Worker): Promise<number> {
  await page.bringToFront();
  // Page and Worker evaluate alike; their overloads just do not unify.
  return (from as Page).evaluate(async () => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

/** In the page: highlight sizes registered, by highlight name (shared with the Firefox harness). */
export const readHighlightSizes = (): Record<string, number> => {
  const sizes: Record<string, number> = {};
  CSS.highlights.forEach((h, name) => {
    sizes[name] = h.size;
  });
  return sizes;
};

/** In the page: whether Saywho has painted it (its highlights are registered). */
export const hasSaywhoHighlights = (): boolean =>
  CSS.highlights.has('saywho-direct') || CSS.highlights.has('saywho-indirect');

/** In the page: the text of every painted statement, sorted. */
export const readPaintedTexts = (): string[] => {
  const out: string[] = [];
  for (const name of ['saywho-direct', 'saywho-partial', 'saywho-indirect']) {
    CSS.highlights.get(name)?.forEach((r) => {
      out.push((r as Range).toString());
    });
  }
  return out.sort();
};

/** Statements painted, by the sizes `readHighlightSizes` gives (speaker mentions not counted). */
export function paintedStatements(sizes: Record<string, number>): number {
  return (sizes['saywho-direct'] ?? 0) + (sizes['saywho-partial'] ?? 0) + (sizes['saywho-indirect'] ?? 0);
}

/** Highlight sizes registered on the page, by highlight name. */
export async function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(readHighlightSizes);
}

/** Waits until Saywho has painted the page (its highlights are registered). */
export async function waitForHighlights(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(hasSaywhoHighlights, null, { timeout });
}

export interface CdpNode {
  nodeName: string;
  nodeValue?: string;
  backendNodeId: number;
  attributes?: string[];
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export interface CardSnapshot {
  text: string;
  /** Centre of each button, by its text (page coordinates, for `page.mouse`). */
  buttons: Record<string, { x: number; y: number }>;
  box: { x: number; y: number; width: number; height: number } | null;
}

/** The card's frame (an extension page over the article), if Saywho made one on this page. */
export function cardFrame(page: Page): Frame | null {
  return (
    page.frames().find((f) => f.url().startsWith('chrome-extension://') && f.url().includes('/card.html')) ??
    null
  );
}

/**
 * What the in-page card shows, null when it is closed. The card is an extension page in a frame
 * inside a closed shadow root (so the page cannot read the reader's history from it); tests look
 * into that frame as a person's eyes would.
 */
export async function cardSnapshot(page: Page): Promise<CardSnapshot | null> {
  const frame = cardFrame(page);
  if (!frame) return null;
  const element = await frame.frameElement();
  try {
    if (!(await element.isVisible())) return null;
    const text = await frame.evaluate(() => document.querySelector('.card')?.textContent ?? '');
    if (!text) return null;
    const buttons: CardSnapshot['buttons'] = {};
    for (const button of await frame.locator('button').all()) {
      const label = ((await button.textContent()) ?? '').trim();
      const box = await button.boundingBox();
      if (box) buttons[label] = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    return { text, buttons, box: await element.boundingBox() };
  } finally {
    await element.dispose();
  }
}

/** Nodes of Saywho's closed shadow root, seen through the DevTools protocol. */
async function layerShadow(page: Page): Promise<CdpNode | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const find = (n: CdpNode): CdpNode | null => {
      if (n.nodeName === 'SAYWHO-LAYER') return n;
      for (const c of n.children ?? []) {
        const hit = find(c);
        if (hit) return hit;
      }
      return null;
    };
    return find(root)?.shadowRoots?.[0] ?? null;
  } finally {
    await cdp.detach();
  }
}

/**
 * Statements carrying each mark from the reader's store (related, conflict, saved), as drawn in
 * Saywho's closed shadow root: the reader sees them, the page's scripts cannot.
 */
export async function storeMarks(page: Page): Promise<Record<'related' | 'conflict' | 'saved', number>> {
  const counts = { related: 0, conflict: 0, saved: 0 };
  const walk = (n: CdpNode) => {
    const at = n.attributes?.indexOf('class') ?? -1;
    const kind =
      at === -1 ? undefined : /\bmark--(related|conflict|saved)\b/.exec(n.attributes![at + 1]!)?.[1];
    if (kind) counts[kind as keyof typeof counts] += 1;
    for (const c of n.children ?? []) walk(c);
  };
  const shadow = await layerShadow(page);
  if (shadow) walk(shadow);
  return counts;
}

/** Waits until at least one statement carries `kind` from the store. */
export async function waitForStoreMark(
  page: Page,
  kind: 'related' | 'conflict' | 'saved',
  timeout = 15_000,
): Promise<void> {
  const until = Date.now() + timeout;
  while ((await storeMarks(page))[kind] === 0) {
    if (Date.now() > until) throw new Error(`no ${kind} mark on ${page.url()} after ${timeout} ms`);
    await page.waitForTimeout(150);
  }
}

/** One span of Saywho's work on a page, in the page's `performance.now()` time. */
export interface TaskTiming {
  /** `task`: one task Saywho ran; `find`, `model`: reading steps; `read`, `paint`: whole phases. */
  name: string;
  start: number;
  duration: number;
}

/**
 * Saywho's timings on `page` (or on the tab of that id, as `tabIdOf` gave it), asked of its content
 * script (`page-timings`) from the extension's worker or one of its pages: they are kept out of the
 * page's own performance timeline. Empty until the content script answers.
 */
export async function pageTimings(page: Page | number, from: Page | Worker): Promise<TaskTiming[]> {
  const tabId = typeof page === 'number' ? page : await tabIdOf(page, from);
  const reply = (await (from as Page).evaluate(
    (id) => chrome.tabs.sendMessage(id, { type: 'page-timings' }).catch(() => null),
    tabId,
  )) as { timings?: TaskTiming[] } | null;
  return reply?.timings ?? [];
}

/** Stops the extension's service worker, as Chromium does to an idle one, and waits until it has. */
export async function stopWorker(browser: ExtensionBrowser, from: Page): Promise<void> {
  const cdp = await browser.context.newCDPSession(from);
  await cdp.send('ServiceWorker.enable');
  const stopped = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the service worker did not stop')), 10_000);
    cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
      if (
        e.versions.some((v) => v.scriptURL.includes(browser.extensionId) && v.runningStatus === 'stopped')
      ) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await stopped;
  await cdp.detach();
}
