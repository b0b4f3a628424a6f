// @vitest-environment happy-dom
/**
 * The content script's context in production builds says nothing to the page: WXT's own posts a
 * message naming the extension to every page it starts on (the e2e privacy test checks the build).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentScriptContext as WxtContentScriptContext } from 'wxt/utils/content-script-context';
import { ContentScriptContext } from '../../utils/content/quiet-context';

/** Everything a page's script could hear while `start` runs: window messages and document events. */
async function heardByPage(start: () => void): Promise<string[]> {
  const heard: string[] = [];
  const onMessage = (e: MessageEvent) => heard.push(`message ${JSON.stringify(e.data)}`);
  window.addEventListener('message', onMessage);
  const dispatch = vi.spyOn(document, 'dispatchEvent').mockImplementation((e: Event) => {
    heard.push(`event ${e.type}`);
    return true;
  });
  try {
    start();
    await new Promise((r) => setTimeout(r, 20));
  } finally {
    window.removeEventListener('message', onMessage);
    dispatch.mockRestore();
  }
  return heard;
}

describe('the quiet content-script context', () => {
  afterEach(() => vi.restoreAllMocks());

  it('tells the page nothing when it starts, where WXT’s announces the extension', async () => {
    // What it replaces: WXT's context posts its start to the page (the harm being fixed).
    expect(await heardByPage(() => new WxtContentScriptContext('content'))).not.toEqual([]);
    expect(await heardByPage(() => new ContentScriptContext('content'))).toEqual([]);
  });

  it('runs its invalidation callbacks once the extension is gone, as WXT’s does', () => {
    const ctx = new ContentScriptContext('content');
    const stop = vi.fn();
    ctx.onInvalidated(stop);
    expect(ctx.isValid).toBe(true);
    expect(stop).not.toHaveBeenCalled();
    // An orphaned content script: the extension was reloaded or removed.
    vi.spyOn(browser.runtime, 'id', 'get').mockReturnValue(undefined as unknown as string);
    expect(ctx.isInvalid).toBe(true);
    expect(stop).toHaveBeenCalledTimes(1);
    expect(ctx.signal.aborted).toBe(true);
  });
});
