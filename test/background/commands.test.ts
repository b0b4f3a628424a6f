import { describe, expect, it, vi } from 'vitest';
import { COMMANDS, commandMessage, handleCommand } from '../../utils/background/commands';
import { type ContentMessage, parseContentMessage } from '../../utils/messages';
import wxtConfig from '../../wxt.config';

type Manifest = { commands?: Record<string, { suggested_key?: { default?: string }; description?: string }> };

function manifestFor(browser: 'chrome' | 'firefox'): Manifest {
  const manifest = wxtConfig.manifest;
  if (typeof manifest !== 'function') throw new Error('wxt.config manifest is expected to be a function');
  return manifest({
    browser,
    manifestVersion: browser === 'chrome' ? 3 : 2,
    mode: 'production',
    command: 'build',
  } as never) as Manifest;
}

function effects() {
  const sent: Array<{ tabId: number; message: ContentMessage }> = [];
  return {
    sent,
    sendToTab: vi.fn(async (tabId: number, message: ContentMessage) => {
      sent.push({ tabId, message });
    }),
    captureSelection: vi.fn(async () => {}),
  };
}

describe('keyboard commands', () => {
  it('are declared in the manifest for both browsers, each with a shortcut and a description', () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const commands = manifestFor(browser).commands ?? {};
      expect(Object.keys(commands).sort()).toEqual([...COMMANDS].sort());
      for (const name of COMMANDS) {
        expect(commands[name]?.suggested_key?.default).toMatch(/^Alt\+Shift\+[A-Z]$/);
        expect(commands[name]?.description?.length ?? 0).toBeGreaterThan(10);
      }
      const keys = COMMANDS.map((name) => commands[name]?.suggested_key?.default);
      expect(new Set(keys).size).toBe(COMMANDS.length);
    }
  });

  it('forwards toggle-highlights and next-statement to the tab they were pressed on, as valid messages', async () => {
    const fx = effects();
    expect(await handleCommand('toggle-highlights', { id: 7 }, fx)).toBe('sent');
    expect(await handleCommand('next-statement', { id: 7 }, fx)).toBe('sent');
    expect(fx.sent).toEqual([
      { tabId: 7, message: { type: 'toggle-highlights' } },
      { tabId: 7, message: { type: 'next-statement', direction: 1 } },
    ]);
    // What the content script will accept.
    for (const { message } of fx.sent) expect(parseContentMessage(message).ok).toBe(true);
    expect(fx.captureSelection).not.toHaveBeenCalled();
  });

  it('opens the capture form for save-selection instead of messaging the page', async () => {
    const fx = effects();
    const tab = { id: 3, url: 'https://news.example/a', title: 'A' };
    expect(await handleCommand('save-selection', tab, fx)).toBe('captured');
    expect(fx.captureSelection).toHaveBeenCalledWith(tab);
    expect(fx.sendToTab).not.toHaveBeenCalled();
  });

  it('ignores unknown commands, windows without a tab, and tabs with no content script', async () => {
    const fx = effects();
    expect(await handleCommand('open-everything', { id: 1 }, fx)).toBe('ignored');
    expect(await handleCommand('toggle-highlights', undefined, fx)).toBe('ignored');
    expect(await handleCommand('toggle-highlights', {}, fx)).toBe('ignored');
    expect(fx.sendToTab).not.toHaveBeenCalled();
    const noScript = {
      sendToTab: vi.fn(async () => {
        throw new Error('Could not establish connection. Receiving end does not exist.');
      }),
      captureSelection: vi.fn(async () => {}),
    };
    await expect(handleCommand('next-statement', { id: 9 }, noScript)).resolves.toBe('ignored');
    expect(noScript.sendToTab).toHaveBeenCalledTimes(1);
  });

  it('has a message for every command the page acts on', () => {
    expect(commandMessage('toggle-highlights')).toEqual({ type: 'toggle-highlights' });
    expect(commandMessage('next-statement')).toEqual({ type: 'next-statement', direction: 1 });
    expect(commandMessage('save-selection')).toBeNull();
  });
});
