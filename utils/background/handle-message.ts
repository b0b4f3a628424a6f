/** The background worker's message handler: validate, then act. Thin listeners call this. */

import type { PageMeta } from '../domain';
import {
  BACKGROUND_MESSAGE_SENDERS,
  type BackgroundMessage,
  type BackgroundReply,
  type ExtractArticleReply,
  type IngestPageReply,
  type OpenViewReply,
  type OwnExtension,
  PRIVATE_WINDOW_REFUSAL,
  type PrepareStoreReply,
  parseBackgroundMessage,
  type SaveStatementReply,
  type Sender,
  senderProblem,
  type WakeUpReply,
} from '../messages';
import { trustedPageMeta } from '../page/origin';
import type { StoreProblem } from '../settings';
import { type SaveResult, savedTextsOnPage, snapshotOf } from '../store/archive';
import type { SaywhoDb } from '../store/db';
import { prepareKeyFilter } from '../store/key-filter';
import { storeProblemOf } from '../store/problem';
import { ingestPage, saveCapture, saveStatement } from '../store/writes';
import { extractArticle } from './extract';

/** Side effects the handler needs from the browser, injected so the handler is testable in Node. */
export interface BackgroundEffects {
  openTab(url: string): Promise<void>;
  /** The popup's view of a page; with the tab it is about, so it can ask that tab's content script. */
  viewUrl(pageUrl: string, statementId?: number, tabId?: number): string;
  /** The auto-collect setting: when it answers false, pages are not stored (only saved quotes are). */
  autoCollect?(): Promise<boolean>;
  /** Told when a write fails (shown to the reader) and when one succeeds again (null: cleared). */
  reportStoreProblem?(problem: StoreProblem | null): Promise<void>;
  /** The store's size limit in statements: past it, ingest evicts the oldest unsaved ones (retention.ts). */
  storeLimit?(): Promise<number>;
}

export { isQuotaError } from '../store/problem';

/**
 * Where a message really comes from, as the browser reports it: never what the page declares
 * (its canonical link and site name are the page's own words, and a hostile page's scripts write them).
 */
export interface MessageSource {
  tabId?: number;
  /** The real URL of the sending frame (`sender.url`, else `sender.tab.url`). */
  url?: string;
  /** The tab is in a private window. */
  incognito?: boolean;
}

function sourceOf(sender: Sender | undefined): MessageSource {
  const url = sender?.url ?? sender?.tab?.url;
  return {
    ...(sender?.tab?.id !== undefined ? { tabId: sender.tab.id } : {}),
    ...(url !== undefined ? { url } : {}),
    ...(sender?.tab?.incognito === true ? { incognito: true } : {}),
  };
}

function isWebUrl(url: string | undefined): url is string {
  return url !== undefined && /^https?:\/\//i.test(url) && URL.canParse(url);
}

/**
 * What a private window's tab may ask: its statements (extraction) and the answer a page gets when
 * nothing of it is kept (`ingest-page` stores nothing from it; `prepare-store` prepares nothing).
 */
const HIGHLIGHTS_ONLY = new Set<BackgroundMessage['type']>([
  'extract-article',
  'ingest-page',
  'prepare-store',
  'wake-up',
]);

/** Messages that carry a page's own description of itself into the store or the archive. */
const DESCRIBES_A_PAGE = new Set<BackgroundMessage['type']>(['ingest-page', 'save-snapshot']);

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
  const source = sourceOf(sender);
  // A page's description of itself is checked against its real address: without one, it is refused.
  if (parsed.ok && DESCRIBES_A_PAGE.has(parsed.message.type) && !isWebUrl(source.url)) {
    return { ok: false, error: "refused: the browser did not report the page's address" };
  }
  return handleParsed(db, parsed, effects, source);
}

/** Validates and handles a message whose sender was already checked (see `receiveBackgroundMessage`). */
export async function handleBackgroundMessage(
  db: SaywhoDb,
  raw: unknown,
  effects?: BackgroundEffects,
  /** Where the message came from; without a `url`, a page's description of itself is taken as given. */
  source: MessageSource = {},
): Promise<BackgroundReply> {
  return handleParsed(db, parseBackgroundMessage(raw), effects, source);
}

/** The page as the store may keep it: its declarations checked against its real address, when known. */
function pageFrom(declared: PageMeta, source: MessageSource): PageMeta {
  return source.url === undefined ? declared : trustedPageMeta(declared, source.url);
}

/** The page's real origin, for the store's rule that a row is never rewritten from another origin. */
function originOf(source: MessageSource): { origin: string } | undefined {
  return source.url === undefined ? undefined : { origin: new URL(source.url).origin };
}

async function handleParsed(
  db: SaywhoDb,
  parsed: ReturnType<typeof parseBackgroundMessage>,
  effects: BackgroundEffects | undefined,
  source: MessageSource,
): Promise<BackgroundReply> {
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const message = parsed.message;
  // A private window's tab: highlights only. Nothing is stored, compared, saved or opened in a
  // regular window (where its address would enter the browser's history).
  if (source.incognito && !HIGHLIGHTS_ONLY.has(message.type)) {
    return { ok: false, error: PRIVATE_WINDOW_REFUSAL };
  }
  switch (message.type) {
    case 'extract-article': {
      // Extraction is not storage: private windows and auto-collect off get their statements too.
      try {
        return { ok: true, statements: await extractArticle(message.text) } satisfies ExtractArticleReply;
      } catch (error) {
        return {
          ok: false,
          error: `the extractor failed: ${error instanceof Error ? error.message : String(error)}`.slice(
            0,
            1_000,
          ),
        } satisfies ExtractArticleReply;
      }
    }
    case 'ingest-page': {
      const page = pageFrom(message.page, source);
      if (source.incognito || (effects?.autoCollect && !(await effects.autoCollect()))) {
        // Auto-collect is off, or a private window: store and compare nothing. The page still
        // learns how many statements it has and which of them the reader saved from it before.
        const saved = await savedTextsOnPage(db, page.url);
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
          ...(source.incognito ? { private: true as const } : {}),
        } satisfies IngestPageReply;
      }
      return write(effects, 'store this page', async () => {
        const result = await ingestPage(db, { page, statements: message.statements }, undefined, {
          ...originOf(source),
          ...(effects?.storeLimit ? { storeLimit: await effects.storeLimit() } : {}),
        });
        return { ok: true as const, ...result } satisfies IngestPageReply;
      });
    }
    case 'wake-up':
      // The worker's start did the work (utils/background/extract.ts, warmUpExtractor).
      return { ok: true } satisfies WakeUpReply;
    case 'prepare-store': {
      // Nothing to prepare when pages are not stored; a failure only means ingest loads it.
      if (source.incognito || (effects?.autoCollect && !(await effects.autoCollect())))
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
        // In turn with ingests and eviction (writes.ts).
        const saved = await saveStatement(db, message.statementId, {
          ...(message.note !== undefined ? { note: message.note } : {}),
          ...(message.tags !== undefined ? { tags: message.tags } : {}),
        });
        return saveReply(saved) satisfies SaveStatementReply;
      });
    }
    case 'save-snapshot': {
      return write(effects, 'save this quote', async () => {
        const saved = await saveCapture(db, {
          statementId: null,
          snapshot: snapshotOf(pageFrom(message.page, source), message.statement),
          ...(message.note !== undefined ? { note: message.note } : {}),
          ...(message.tags !== undefined ? { tags: message.tags } : {}),
        });
        return saveReply(saved) satisfies SaveStatementReply;
      });
    }
    case 'open-view': {
      if (!effects) return { ok: false, error: 'Opening views is not available here.' };
      await effects.openTab(effects.viewUrl(message.url, message.statementId, source.tabId));
      return { ok: true } satisfies OpenViewReply;
    }
  }
}

/** The answer to a save: the entry, and what was merged into it if it was there already. */
function saveReply(result: SaveResult): Extract<SaveStatementReply, { ok: true }> {
  return {
    ok: true,
    entryId: result.id,
    ...(result.alreadySaved ? { alreadySaved: result.alreadySaved } : {}),
  };
}
