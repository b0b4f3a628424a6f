/**
 * The setup every end-to-end file shares: one fixture server and one Chromium with the built
 * extension on a fresh profile, started before the file's tests and closed after them.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import {
  type ExtensionBrowser,
  launchWithExtension,
  newProfileDir,
  removeProfileDir,
  SCREENSHOTS,
  type StaticServer,
  serveStatic,
} from '../../scripts/harness/harness';

export interface E2eSession {
  server: StaticServer;
  browser: ExtensionBrowser;
  /** Closes the browser and opens it again on the same profile (what survives a restart). */
  relaunch(): Promise<void>;
}

/** Registers the file's beforeAll/afterAll; the fields are set once beforeAll has run. */
export function useExtensionSession(onLaunch?: (browser: ExtensionBrowser) => void): E2eSession {
  let profile = '';
  const session = {
    async relaunch() {
      await session.browser.close();
      session.browser = await launchWithExtension(profile);
      onLaunch?.(session.browser);
    },
  } as E2eSession;
  beforeAll(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    session.server = await serveStatic();
    profile = newProfileDir();
    session.browser = await launchWithExtension(profile);
    onLaunch?.(session.browser);
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.server?.close();
    if (profile) removeProfileDir(profile);
  });
  return session;
}
