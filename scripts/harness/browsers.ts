/**
 * Finding a browser to run Saywho in, for `npm start`, `npm run bench` and the end-to-end tests:
 * a Chromium-family browser (Chromium, Google Chrome, Microsoft Edge) or Firefox. When none is
 * installed, `ensureBrowser` installs Debian's package where it can (Debian or Ubuntu, as root, with
 * apt-get) and otherwise says the one command to run. The system is injected, so all of it is
 * unit-tested (test/scripts/browsers.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type BrowserFamily = 'chromium' | 'firefox';

export interface FoundBrowser {
  family: BrowserFamily;
  /** What to call it in messages: Chromium, Google Chrome, Microsoft Edge, Firefox. */
  name: string;
  path: string;
  /**
   * Whether `--load-extension` loads Saywho. Google's own Chrome builds ignore the switch since
   * Chrome 137; they load it through the DevTools protocol instead (`Extensions.loadUnpacked`).
   */
  loadsExtensionByFlag: boolean;
}

/** What the finder may look at and do; `realSystem()` is the machine itself. */
export interface BrowserSystem {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  isRoot: boolean;
  exists(path: string): boolean;
  /** Runs a command with its output shown; resolves to its exit status. */
  run(command: string, args: string[], env?: Record<string, string>): number;
  log(line: string): void;
}

interface Candidate {
  name: string;
  path: string;
}

/** Where each browser installs itself, most suitable first (Chromium loads extensions by flag). */
function candidates(family: BrowserFamily, sys: BrowserSystem): Candidate[] {
  const { env, platform } = sys;
  const own = family === 'chromium' ? env.CHROMIUM_PATH : env.FIREFOX_PATH;
  const list: Candidate[] = own ? [{ name: family === 'chromium' ? 'Chromium' : 'Firefox', path: own }] : [];
  if (family === 'firefox') {
    const firefox = (path: string) => ({ name: 'Firefox', path });
    if (platform === 'darwin') list.push(firefox('/Applications/Firefox.app/Contents/MacOS/firefox'));
    else if (platform === 'win32') {
      for (const base of [env.PROGRAMFILES, env['PROGRAMFILES(X86)']]) {
        if (base) list.push(firefox(`${base}\\Mozilla Firefox\\firefox.exe`));
      }
    } else {
      for (const p of [
        '/usr/bin/firefox-esr',
        '/usr/bin/firefox',
        '/usr/local/bin/firefox',
        '/opt/firefox/firefox',
      ]) {
        list.push(firefox(p));
      }
    }
    return list;
  }
  if (platform === 'darwin') {
    list.push(
      { name: 'Chromium', path: '/Applications/Chromium.app/Contents/MacOS/Chromium' },
      { name: 'Google Chrome', path: '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome' },
      { name: 'Microsoft Edge', path: '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge' },
    );
  } else if (platform === 'win32') {
    for (const base of [env.LOCALAPPDATA, env.PROGRAMFILES, env['PROGRAMFILES(X86)']]) {
      if (!base) continue;
      list.push(
        { name: 'Chromium', path: `${base}\\Chromium\\Application\\chrome.exe` },
        { name: 'Google Chrome', path: `${base}\\Google\\Chrome\\Application\\chrome.exe` },
        { name: 'Microsoft Edge', path: `${base}\\Microsoft\\Edge\\Application\\msedge.exe` },
      );
    }
  } else {
    list.push(
      { name: 'Chromium', path: '/usr/bin/chromium' },
      { name: 'Chromium', path: '/usr/bin/chromium-browser' },
      { name: 'Chromium', path: '/snap/bin/chromium' },
      { name: 'Google Chrome', path: '/usr/bin/google-chrome' },
      { name: 'Google Chrome', path: '/usr/bin/google-chrome-stable' },
      { name: 'Google Chrome', path: '/opt/google/chrome/chrome' },
      { name: 'Microsoft Edge', path: '/usr/bin/microsoft-edge' },
      { name: 'Microsoft Edge', path: '/usr/bin/microsoft-edge-stable' },
      { name: 'Microsoft Edge', path: '/opt/microsoft/msedge/msedge' },
    );
  }
  return list;
}

/** The first browser of the family installed here, or null. Looks only; installs nothing. */
export function findBrowser(family: BrowserFamily, sys: BrowserSystem): FoundBrowser | null {
  for (const c of candidates(family, sys)) {
    if (sys.exists(c.path)) {
      return { family, name: c.name, path: c.path, loadsExtensionByFlag: c.name !== 'Google Chrome' };
    }
  }
  return null;
}

/** Debian's package for the family: `chromium` or `firefox-esr`. */
function debianPackage(family: BrowserFamily): string {
  return family === 'chromium' ? 'chromium' : 'firefox-esr';
}

/** Whether this machine installs packages with apt-get (Debian, Ubuntu and their kin). */
function hasApt(sys: BrowserSystem): boolean {
  return sys.platform === 'linux' && sys.exists('/usr/bin/apt-get') && sys.exists('/usr/bin/dpkg');
}

/** The one command that installs a browser of the family on this machine. */
export function installCommand(family: BrowserFamily, sys: BrowserSystem): string {
  const chromium = family === 'chromium';
  if (sys.platform === 'darwin') return `brew install --cask ${chromium ? 'chromium' : 'firefox'}`;
  if (sys.platform === 'win32')
    return `winget install ${chromium ? 'Hibbiki.Chromium' : 'Mozilla.Firefox.ESR'}`;
  const sudo = sys.isRoot ? '' : 'sudo ';
  if (hasApt(sys)) return `${sudo}apt-get install -y ${debianPackage(family)}`;
  if (sys.exists('/usr/bin/dnf')) return `${sudo}dnf install -y ${chromium ? 'chromium' : 'firefox'}`;
  if (sys.exists('/usr/bin/pacman'))
    return `${sudo}pacman -S --noconfirm ${chromium ? 'chromium' : 'firefox'}`;
  if (sys.exists('/usr/bin/zypper'))
    return `${sudo}zypper install -y ${chromium ? 'chromium' : 'MozillaFirefox'}`;
  return chromium ? 'install Chromium, Google Chrome or Microsoft Edge' : 'install Firefox (140 or later)';
}

function notFound(family: BrowserFamily, sys: BrowserSystem): Error {
  const chromium = family === 'chromium';
  const what = chromium ? 'No Chromium, Google Chrome or Microsoft Edge found' : 'No Firefox found';
  return new Error(
    `${what}. Install it with:\n\n  ${installCommand(family, sys)}\n\nor set ${chromium ? 'CHROMIUM_PATH' : 'FIREFOX_PATH'} to its executable.`,
  );
}

/**
 * A browser of the family, installed first when none is: with apt-get on Debian or Ubuntu when
 * running as root (`apt-get update`, then `apt-get install -y chromium` or `firefox-esr`). Anywhere
 * else it throws an error that says the one command to run.
 */
export function ensureBrowser(family: BrowserFamily, sys: BrowserSystem): FoundBrowser {
  const found = findBrowser(family, sys);
  if (found) return found;
  if (!hasApt(sys) || !sys.isRoot) throw notFound(family, sys);
  const pkg = debianPackage(family);
  sys.log(
    `No ${family === 'chromium' ? 'Chromium' : 'Firefox'} found: installing Debian's ${pkg} (apt-get, about a minute)…`,
  );
  const env = { DEBIAN_FRONTEND: 'noninteractive' };
  if (
    sys.run('apt-get', ['update', '-qq'], env) !== 0 ||
    sys.run('apt-get', ['install', '-y', '-qq', pkg], env) !== 0
  ) {
    throw new Error(
      `apt-get could not install ${pkg}. Try it by hand:\n\n  apt-get update && apt-get install -y ${pkg}\n`,
    );
  }
  const installed = findBrowser(family, sys);
  if (!installed) throw notFound(family, sys);
  return installed;
}

/** This machine. */
export function realSystem(): BrowserSystem {
  return {
    env: process.env,
    platform: process.platform,
    isRoot: typeof process.getuid === 'function' && process.getuid() === 0,
    exists: existsSync,
    run: (command, args, env) =>
      spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1,
    log: (line) => console.log(line),
  };
}
