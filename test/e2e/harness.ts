/**
 * End-to-end harness: a static server for the fixture pages on 127.0.0.1 and a real Chromium with
 * the built extension loaded. Shared by the end-to-end tests and `npm start`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { type BrowserContext, chromium, type Page, type Worker } from 'playwright-core';

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
  close(): Promise<void>;
}

/** Serves `dir` on 127.0.0.1 at a free port. Never leaves the folder. */
export async function serveStatic(dir: string = FIXTURE_PAGES): Promise<StaticServer> {
  const base = resolve(dir);
  const server: Server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://127.0.0.1').pathname);
    const file = normalize(join(base, path.endsWith('/') ? `${path}index.html` : path));
    if (!file.startsWith(base + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => `${origin}/${path.replace(/^\//, '')}`,
    close: () => new Promise((ok) => server.close(() => ok())),
  };
}

export function chromiumPath(): string {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  throw new Error(
    'Chromium not found: install Debian chromium (apt-get install -y chromium) or set CHROMIUM_PATH.',
  );
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

/** Launches Chromium with the built extension on `profileDir`. */
export async function launchWithExtension(
  profileDir: string,
  options: { headless?: boolean } = {},
): Promise<ExtensionBrowser> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension at ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: chromiumPath(),
    headless: options.headless ?? true,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${EXTENSION_DIR}`,
      `--load-extension=${EXTENSION_DIR}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--no-default-browser-check',
      // Nothing but the local fixture server is reachable.
      '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1',
    ],
  });
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

/** Highlight sizes registered on the page, by highlight name. */
export async function highlightSizes(page: Page): Promise<Record<string, number>> {
  return page.evaluate(() => {
    const sizes: Record<string, number> = {};
    CSS.highlights.forEach((h, name) => {
      sizes[name] = h.size;
    });
    return sizes;
  });
}

/** Waits until Saywho has painted the page (its highlights are registered). */
export async function waitForHighlights(page: Page, timeout = 15_000): Promise<void> {
  await page.waitForFunction(
    () => CSS.highlights.has('saywho-direct') || CSS.highlights.has('saywho-indirect'),
    null,
    {
      timeout,
    },
  );
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
  /** Centre of each button, by its text. */
  buttons: Record<string, { x: number; y: number }>;
  box: { x: number; y: number; width: number; height: number } | null;
}

/**
 * What the in-page card shows. The card lives in a closed shadow root (so the page cannot read the
 * reader's history from it); tests look inside through the DevTools protocol, as a person's eyes would.
 */
export async function cardSnapshot(page: Page): Promise<CardSnapshot | null> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const find = (n: CdpNode): CdpNode | null => {
      if (n.nodeName === 'SAYWHO-CARD') return n;
      for (const c of [...(n.children ?? []), ...(n.shadowRoots ?? [])]) {
        const hit = find(c);
        if (hit) return hit;
      }
      return null;
    };
    const host = find(root);
    const shadow = host?.shadowRoots?.[0];
    if (!shadow) return null;
    let card: CdpNode | null = null;
    const texts: string[] = [];
    const buttonNodes: CdpNode[] = [];
    const walk = (n: CdpNode) => {
      if (n.nodeName === 'STYLE') return;
      if (n.nodeName === '#text' && n.nodeValue) texts.push(n.nodeValue);
      const cls = n.attributes?.[n.attributes.indexOf('class') + 1] ?? '';
      if (n.attributes?.includes('class') && cls.split(' ').includes('card')) card = n;
      if (n.nodeName === 'BUTTON') buttonNodes.push(n);
      for (const c of n.children ?? []) walk(c);
    };
    walk(shadow);
    if (!card) return null;
    const boxOf = async (n: CdpNode) => {
      const { model } = (await cdp.send('DOM.getBoxModel', { backendNodeId: n.backendNodeId })) as {
        model: { border: number[]; width: number; height: number };
      };
      return { x: model.border[0]!, y: model.border[1]!, width: model.width, height: model.height };
    };
    const buttons: CardSnapshot['buttons'] = {};
    for (const b of buttonNodes) {
      const label = (b.children ?? [])
        .map((c) => c.nodeValue ?? '')
        .join('')
        .trim();
      const box = await boxOf(b);
      buttons[label] = { x: box.x + box.width / 2, y: box.y + box.height / 2 };
    }
    return { text: texts.join(' '), buttons, box: await boxOf(card) };
  } finally {
    await cdp.detach();
  }
}
