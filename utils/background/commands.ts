/**
 * Keyboard commands (declared in the manifest, wxt.config.ts): what each asks of the tab it was
 * pressed on. The listener in the background passes the browser calls in, so this runs in tests.
 */
import type { ContentMessage } from '../messages';

/** The manifest's command names, one per shortcut. */
export const COMMANDS = ['toggle-highlights', 'next-statement', 'save-selection'] as const;
export type CommandName = (typeof COMMANDS)[number];

export interface CommandTab {
  id?: number;
  url?: string;
  title?: string;
}

export interface CommandEffects<Tab extends CommandTab> {
  /** Sends a message to the content script of a tab; rejects where there is none. */
  sendToTab(tabId: number, message: ContentMessage): Promise<unknown>;
  /** Opens the capture form for the tab's selection. */
  captureSelection(tab: Tab): Promise<void>;
}

/** The message a command sends to the page, or null for commands the background handles itself. */
export function commandMessage(command: string): ContentMessage | null {
  switch (command) {
    case 'toggle-highlights':
      return { type: 'toggle-highlights' };
    case 'next-statement':
      return { type: 'next-statement', direction: 1 };
    default:
      return null;
  }
}

/**
 * Acts on a command pressed on `tab`: forwards it to the page's content script, or opens the
 * capture form for save-selection. A tab without a content script (a browser page, an excluded
 * site) ignores it quietly. Returns what was done, for the caller's logs and for tests.
 */
export async function handleCommand<Tab extends CommandTab>(
  command: string,
  tab: Tab | undefined,
  effects: CommandEffects<Tab>,
): Promise<'sent' | 'captured' | 'ignored'> {
  if (tab?.id === undefined) return 'ignored';
  if (command === 'save-selection') {
    await effects.captureSelection(tab);
    return 'captured';
  }
  const message = commandMessage(command);
  if (!message) return 'ignored';
  try {
    await effects.sendToTab(tab.id, message);
    return 'sent';
  } catch {
    // No content script in that tab: nothing to toggle or open.
    return 'ignored';
  }
}
