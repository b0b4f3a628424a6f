import { describe, expect, it } from 'vitest';
import {
  type BrowserSystem,
  ensureBrowser,
  findBrowser,
  installCommand,
} from '../../scripts/harness/browsers';

/** A machine with these files, recording the commands run; apt-get installs `installs` when run. */
function machine(
  files: string[],
  options: {
    root?: boolean;
    platform?: NodeJS.Platform;
    env?: Record<string, string>;
    installs?: string[];
  } = {},
): BrowserSystem & { ran: string[]; logged: string[] } {
  const present = new Set(files);
  const ran: string[] = [];
  const logged: string[] = [];
  return {
    ran,
    logged,
    env: options.env ?? {},
    platform: options.platform ?? 'linux',
    isRoot: options.root ?? true,
    exists: (path) => present.has(path),
    run: (command, args, env) => {
      ran.push(
        `${env?.DEBIAN_FRONTEND ? `DEBIAN_FRONTEND=${env.DEBIAN_FRONTEND} ` : ''}${command} ${args.join(' ')}`,
      );
      if (args[0] === 'install') for (const f of options.installs ?? []) present.add(f);
      return 0;
    },
    log: (line) => logged.push(line),
  };
}

const DEBIAN = ['/usr/bin/apt-get', '/usr/bin/dpkg'];

describe('finding a browser', () => {
  it('prefers Chromium, which loads Saywho by --load-extension', () => {
    const sys = machine([...DEBIAN, '/usr/bin/google-chrome', '/usr/bin/chromium']);
    expect(findBrowser('chromium', sys)).toEqual({
      family: 'chromium',
      name: 'Chromium',
      path: '/usr/bin/chromium',
      loadsExtensionByFlag: true,
    });
  });

  it('uses Google Chrome or Edge already installed; Chrome loads Saywho through the DevTools protocol', () => {
    expect(findBrowser('chromium', machine(['/opt/google/chrome/chrome']))).toMatchObject({
      name: 'Google Chrome',
      loadsExtensionByFlag: false,
    });
    expect(findBrowser('chromium', machine(['/usr/bin/microsoft-edge']))).toMatchObject({
      name: 'Microsoft Edge',
      path: '/usr/bin/microsoft-edge',
      loadsExtensionByFlag: true,
    });
    const mac = machine(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'], {
      platform: 'darwin',
    });
    expect(findBrowser('chromium', mac)?.name).toBe('Google Chrome');
    const windows = machine(['C:\\Program Files\\Microsoft\\Edge\\Application\\msedge.exe'], {
      platform: 'win32',
      env: { PROGRAMFILES: 'C:\\Program Files' },
    });
    expect(findBrowser('chromium', windows)?.name).toBe('Microsoft Edge');
  });

  it('takes CHROMIUM_PATH and FIREFOX_PATH first', () => {
    const env = { CHROMIUM_PATH: '/home/me/chrome-linux/chrome', FIREFOX_PATH: '/home/me/firefox/firefox' };
    const sys = machine(['/usr/bin/chromium', '/usr/bin/firefox-esr', ...Object.values(env)], { env });
    expect(findBrowser('chromium', sys)?.path).toBe(env.CHROMIUM_PATH);
    expect(findBrowser('firefox', sys)?.path).toBe(env.FIREFOX_PATH);
  });

  it('finds Firefox ESR before Firefox, and nothing when neither is there', () => {
    expect(findBrowser('firefox', machine(['/usr/bin/firefox', '/usr/bin/firefox-esr']))?.path).toBe(
      '/usr/bin/firefox-esr',
    );
    expect(findBrowser('firefox', machine(['/usr/bin/firefox']))?.path).toBe('/usr/bin/firefox');
    expect(findBrowser('firefox', machine(['/usr/bin/chromium']))).toBeNull();
  });
});

describe('a machine with no browser', () => {
  it('installs Debian chromium with apt-get when it is root on Debian or Ubuntu, and uses it', () => {
    const sys = machine(DEBIAN, { installs: ['/usr/bin/chromium'] });
    expect(ensureBrowser('chromium', sys).path).toBe('/usr/bin/chromium');
    expect(sys.ran).toEqual([
      'DEBIAN_FRONTEND=noninteractive apt-get update -qq',
      'DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium',
    ]);
    expect(sys.logged.join('\n')).toMatch(/installing Debian's chromium/);
  });

  it('installs firefox-esr for Firefox', () => {
    const sys = machine(DEBIAN, { installs: ['/usr/bin/firefox-esr'] });
    expect(ensureBrowser('firefox', sys).path).toBe('/usr/bin/firefox-esr');
    expect(sys.ran[1]).toBe('DEBIAN_FRONTEND=noninteractive apt-get install -y -qq firefox-esr');
  });

  it('installs nothing when a browser is there', () => {
    const sys = machine([...DEBIAN, '/usr/bin/chromium']);
    ensureBrowser('chromium', sys);
    expect(sys.ran).toEqual([]);
  });

  it('says the one command to run when it may not install (not root, or no apt-get)', () => {
    const user = machine(DEBIAN, { root: false });
    expect(() => ensureBrowser('chromium', user)).toThrow(/sudo apt-get install -y chromium/);
    expect(user.ran).toEqual([]);
    expect(() => ensureBrowser('firefox', user)).toThrow(/sudo apt-get install -y firefox-esr/);
    expect(() => ensureBrowser('chromium', machine(['/usr/bin/dnf']))).toThrow(/dnf install -y chromium/);
    expect(() => ensureBrowser('chromium', machine([], { platform: 'darwin' }))).toThrow(
      /brew install --cask chromium/,
    );
    expect(installCommand('firefox', machine([], { platform: 'win32' }))).toBe(
      'winget install Mozilla.Firefox.ESR',
    );
    expect(() => ensureBrowser('chromium', machine([]))).toThrow(/or set CHROMIUM_PATH/);
  });

  it('says what failed when apt-get cannot install', () => {
    const sys = machine(DEBIAN);
    sys.run = () => 100;
    expect(() => ensureBrowser('chromium', sys)).toThrow(/apt-get could not install chromium/);
  });
});
