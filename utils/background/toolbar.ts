/**
 * The toolbar button's API in the browser that runs Saywho: `action` in Manifest V3 (Chromium),
 * `browserAction` in Manifest V2 (the Firefox build). Injected, so both shapes are tested.
 */
import type { Badge } from './badge';

/** The part of `action` / `browserAction` Saywho uses; both return promises in either browser. */
export interface ToolbarAction {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void> | void;
  setBadgeBackgroundColor(details: { tabId?: number; color: string }): Promise<void> | void;
  setTitle(details: { tabId?: number; title: string }): Promise<void> | void;
}

/** `browser.action` where the manifest version has it, else `browser.browserAction`. */
export function toolbarActionOf(api: { action?: unknown; browserAction?: unknown }): ToolbarAction {
  const action = (api.action ?? api.browserAction) as ToolbarAction | undefined;
  if (!action) throw new Error('This browser has neither action nor browserAction');
  return action;
}

/**
 * Shows `badge` on the toolbar button of one tab. A tab closed in the meantime rejects: nothing
 * is left to show, so that is not an error.
 */
export async function showBadge(action: ToolbarAction, tabId: number, badge: Badge): Promise<void> {
  await Promise.all([
    action.setBadgeText({ tabId, text: badge.text }),
    action.setBadgeBackgroundColor({ tabId, color: badge.color }),
    action.setTitle({ tabId, title: badge.title }),
  ]).catch(() => undefined);
}

/** Sets only the hover title of one tab's button (a refusal's reason). */
export async function showTitle(action: ToolbarAction, tabId: number, title: string): Promise<void> {
  await Promise.resolve(action.setTitle({ tabId, title })).catch(() => undefined);
}
