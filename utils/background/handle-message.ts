/** The background worker's message handler: validate, then act. Thin listeners call this. */
import {
  BACKGROUND_MESSAGE_SENDERS,
  type BackgroundReply,
  type IngestPageReply,
  type OpenViewReply,
  type OwnExtension,
  type PrepareStoreReply,
  parseBackgroundMessage,
  type SaveStatementReply,
  type Sender,
  senderProblem,
} from '../messages';
import type { StoreProblem } from '../settings';
import { saveCapture, savedTextsOnPage, saveStatement, snapshotOf } from '../store/archive';
import type { SaywhoDb } from '../store/db';
import { ingestPage } from '../store/ingest';
import { inTurn, prepareKeyFilter } from '../store/key-filter';
import { storeProblemOf } from '../store/problem';

/** Side effects the handler needs from the browser, injected so the handler is testable in Node. */
export interface BackgroundEffects {
  openTab(url: string): Promise<void>;
  /** The popup's view of a page; with the tab it is about, so it can ask that tab's content script. */
  viewUrl(pageUrl: string, statementId?: number, tabId?: number): string;
  /** The auto-collect setting: when it answers false, pages are not stored (only saved quotes are). */
  autoCollect?(): Promise<boolean>;
  /** Told when a write fails (shown to the reader) and when one succeeds again (null: cleared). */
  reportStoreProblem?(problem: StoreProblem | null): Promise<void>;
}

export { isQuotaError } from '../store/problem';

/** Runs a store write; a failure becomes an error reply and a reported problem, a success clears it. */
async function write<T extends { ok: true }>(
  effects: BackgroundEffects | undefined,
  action: string,
  run: () => Promise<T>,
): Promise<T | { ok: false; error: string }> {
  try {
    const reply = await run();
    await effects?.reportStoreProblem?.(null);
    return reply;
  } catch (error) {
    const problem = storeProblemOf(error, action);
    await effects?.reportStoreProblem?.(problem);
    return { ok: false, error: problem.message };
  }
}

/**
 * What the background's listener calls: refuses a message from anyone but this extension's own
 * content script in a tab (another extension, a web page, an extension page) before reading it,
 * then handles it. A refused message gets an error reply and changes nothing.
 */
export async function receiveBackgroundMessage(
  db: SaywhoDb,
  raw: unknown,
  sender: Sender | undefined,
  own: OwnExtension,
  effects?: BackgroundEffects,
): Promise<BackgroundReply> {
  const parsed = parseBackgroundMessage(raw);
  // The sender is judged before the message's shape: a stranger is told only that it was refused.
  const foreign = senderProblem(
    sender,
    own,
    parsed.ok ? BACKGROUND_MESSAGE_SENDERS[parsed.message.type] : 'content-script',
  );
  if (foreign) return { ok: false, error: foreign };
  return handleParsed(db, parsed, effects, sender?.tab?.id);
}

/** Validates and handles a message whose sender was already checked (see `receiveBackgroundMessage`). */
export async function handleBackgroundMessage(
  db: SaywhoDb,
  raw: unknown,
  effects?: BackgroundEffects,
  /** The tab the message came from. */
  tabId?: number,
): Promise<BackgroundReply> {
  return handleParsed(db, parseBackgroundMessage(raw), effects, tabId);
}

async function handleParsed(
  db: SaywhoDb,
  parsed: ReturnType<typeof parseBackgroundMessage>,
  effects: BackgroundEffects | undefined,
  tabId: number | undefined,
): Promise<BackgroundReply> {
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const message = parsed.message;
  switch (message.type) {
    case 'ingest-page': {
      if (effects?.autoCollect && !(await effects.autoCollect())) {
        // Auto-collect is off: store and compare nothing. The page still learns how many
        // statements it has and which of them the reader saved from it before.
        const saved = await savedTextsOnPage(db, message.page.url);
        return {
          ok: true,
          pageId: 0,
          statements: message.statements.map((s) => ({
            statementId: 0,
            related: 0,
            conflicts: 0,
            saved: saved.has(s.text.trim()),
            strongest: null,
          })),
          autoCollect: false,
        } satisfies IngestPageReply;
      }
      return write(effects, 'store this page', async () => {
        const result = await ingestPage(db, message);
        return { ok: true as const, ...result } satisfies IngestPageReply;
      });
    }
    case 'prepare-store': {
      // Nothing to prepare when pages are not stored; a failure only means ingest loads it.
      if (effects?.autoCollect && !(await effects.autoCollect()))
        return { ok: true } satisfies PrepareStoreReply;
      try {
        await prepareKeyFilter(db);
      } catch {
        // The ingest that follows reads the filter itself.
      }
      return { ok: true } satisfies PrepareStoreReply;
    }
    case 'save-statement': {
      return write(effects, 'save this quote', async () => {
        const entryId = await inTurn(db, () =>
          saveStatement(db, message.statementId, {
            ...(message.note !== undefined ? { note: message.note } : {}),
            ...(message.tags !== undefined ? { tags: message.tags } : {}),
          }),
        );
        return { ok: true as const, entryId } satisfies SaveStatementReply;
      });
    }
    case 'save-snapshot': {
      return write(effects, 'save this quote', async () => {
        const entryId = await inTurn(db, () =>
          saveCapture(db, {
            statementId: null,
            snapshot: snapshotOf(message.page, message.statement),
            ...(message.note !== undefined ? { note: message.note } : {}),
            ...(message.tags !== undefined ? { tags: message.tags } : {}),
          }),
        );
        return { ok: true as const, entryId } satisfies SaveStatementReply;
      });
    }
    case 'open-view': {
      if (!effects) return { ok: false, error: 'Opening views is not available here.' };
      await effects.openTab(effects.viewUrl(message.url, message.statementId, tabId));
      return { ok: true } satisfies OpenViewReply;
    }
  }
}
