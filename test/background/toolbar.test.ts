import { describe, expect, it } from 'vitest';
import { showBadge, showTitle, type ToolbarAction, toolbarActionOf } from '../../utils/background/toolbar';

/** A toolbar API that records its calls, as `action` or `browserAction` would receive them. */
function recorder(): ToolbarAction & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    setBadgeText: async (d) => void calls.push(`text ${d.tabId} ${d.text}`),
    setBadgeBackgroundColor: async (d) => void calls.push(`color ${d.tabId} ${d.color}`),
    setTitle: async (d) => void calls.push(`title ${d.tabId} ${d.title}`),
  };
}

const BADGE = { text: '3!', color: '#c62828', title: 'Saywho: 3 statements, some in conflict' };

describe('the toolbar button in either manifest version', () => {
  it('uses action where the browser has it (Manifest V3, Chromium)', async () => {
    const action = recorder();
    const legacy = recorder();
    const toolbar = toolbarActionOf({ action, browserAction: legacy });
    expect(toolbar).toBe(action);
    await showBadge(toolbar, 7, BADGE);
    expect(action.calls.sort()).toEqual([
      'color 7 #c62828',
      'text 7 3!',
      'title 7 Saywho: 3 statements, some in conflict',
    ]);
    expect(legacy.calls).toEqual([]);
  });

  it('uses browserAction where action is undefined (Manifest V2, the Firefox build)', async () => {
    const browserAction = recorder();
    const toolbar = toolbarActionOf({ action: undefined, browserAction });
    expect(toolbar).toBe(browserAction);
    await showBadge(toolbar, 4, BADGE);
    await showTitle(toolbar, 4, 'Saywho: private window');
    expect(browserAction.calls.sort()).toEqual([
      'color 4 #c62828',
      'text 4 3!',
      'title 4 Saywho: 3 statements, some in conflict',
      'title 4 Saywho: private window',
    ]);
  });

  it('says so when the browser has neither', () => {
    expect(() => toolbarActionOf({})).toThrow(/neither action nor browserAction/);
  });

  it('shrugs off a tab closed before the badge is set', async () => {
    const closed: ToolbarAction = {
      setBadgeText: () => Promise.reject(new Error('Invalid tab ID: 9')),
      setBadgeBackgroundColor: () => Promise.reject(new Error('Invalid tab ID: 9')),
      setTitle: () => Promise.reject(new Error('Invalid tab ID: 9')),
    };
    await expect(showBadge(closed, 9, BADGE)).resolves.toBeUndefined();
    await expect(showTitle(closed, 9, 'x')).resolves.toBeUndefined();
  });
});
