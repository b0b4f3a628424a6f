/**
 * `npm start` headless, as on a machine with no display: it serves the sample pages, opens
 * Chromium with the built extension, prints what Saywho found on each page, saves screenshots and
 * exits cleanly. (The build step of `npm start` is what `npm test` has just done.)
 */
import { execFile } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';
import { ROOT } from './harness';

const run = promisify(execFile);

it('npm start prints the statements and relations it found on every sample page and saves screenshots', async () => {
  const env = { ...process.env };
  delete env.DISPLAY;
  delete env.WAYLAND_DISPLAY;
  const { stdout } = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/start.ts'], {
    cwd: ROOT,
    env,
    timeout: 120_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  expect(stdout).toMatch(/Chromium headless/);
  for (const page of ['000', '001', '002', '003', '004']) {
    const line = stdout.match(new RegExp(`^${page}\\.html — .*: (\\d+) statements$`, 'm'));
    expect(line, `${page}.html is reported`).not.toBeNull();
    expect(Number(line![1])).toBeGreaterThan(0);
    for (const kind of ['page', 'popup']) {
      const shot = join(ROOT, 'test-output', 'start', `${page}-${kind}.png`);
      expect(existsSync(shot) && statSync(shot).size > 10_000, shot).toBe(true);
    }
  }
  // Read in order, 001 finds 000's quote under another speaker.
  expect(stdout).toMatch(/↳ Same words, different speaker: Karoline Leavitt/);
  expect(stdout).toMatch(/Screenshots saved in /);
}, 150_000);
