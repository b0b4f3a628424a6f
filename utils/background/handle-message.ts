/** The background worker's message handler: validate, then act. Thin listeners call this. */
import {
  type BackgroundReply,
  type IngestPageReply,
  type OpenViewReply,
  parseBackgroundMessage,
  type SaveStatementReply,
} from '../messages';
import { saveStatement } from '../store/archive';
import type { SaywhoDb } from '../store/db';
import { ingestPage } from '../store/ingest';

/** Side effects the handler needs from the browser, injected so the handler is testable in Node. */
export interface BackgroundEffects {
  openTab(url: string): Promise<void>;
  viewUrl(pageUrl: string, statementId?: number): string;
  /** The auto-collect setting: when it answers false, pages are not stored (only saved quotes are). */
  autoCollect?(): Promise<boolean>;
}

function describe(error: unknown, action: string): string {
  const name = error instanceof Error ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  if (name === 'QuotaExceededError' || inner === 'QuotaExceededError') {
    return `Your browser's storage for Saywho is full: could not ${action}. Free space or delete old pages in the archive.`;
  }
  return `Could not ${action}: ${error instanceof Error ? error.message : String(error)}`;
}

export async function handleBackgroundMessage(
  db: SaywhoDb,
  raw: unknown,
  effects?: BackgroundEffects,
): Promise<BackgroundReply> {
  const parsed = parseBackgroundMessage(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const message = parsed.message;
  switch (message.type) {
    case 'ingest-page': {
      if (effects?.autoCollect && !(await effects.autoCollect())) {
        // Auto-collect is off: store nothing; the page is painted without store summaries.
        return { ok: true, pageId: 0, statements: [] } satisfies IngestPageReply;
      }
      try {
        const result = await ingestPage(db, message);
        return { ok: true, ...result } satisfies IngestPageReply;
      } catch (error) {
        return { ok: false, error: describe(error, 'store this page') };
      }
    }
    case 'save-statement': {
      try {
        const entryId = await saveStatement(db, message.statementId, {
          ...(message.note !== undefined ? { note: message.note } : {}),
          ...(message.tags !== undefined ? { tags: message.tags } : {}),
        });
        return { ok: true, entryId } satisfies SaveStatementReply;
      } catch (error) {
        return { ok: false, error: describe(error, 'save this quote') };
      }
    }
    case 'open-view': {
      if (!effects) return { ok: false, error: 'Opening views is not available here.' };
      await effects.openTab(effects.viewUrl(message.url, message.statementId));
      return { ok: true } satisfies OpenViewReply;
    }
  }
}
