/** The background worker's message handler: validate, then act. Thin listeners call this. */
import { type IngestPageReply, parseBackgroundMessage } from '../messages';
import type { SaywhoDb } from '../store/db';
import { ingestPage } from '../store/ingest';

export async function handleBackgroundMessage(db: SaywhoDb, raw: unknown): Promise<IngestPageReply> {
  const parsed = parseBackgroundMessage(raw);
  if (!parsed.ok) return { ok: false, error: parsed.error };
  const message = parsed.message;
  switch (message.type) {
    case 'ingest-page': {
      try {
        const result = await ingestPage(db, message);
        return { ok: true, ...result };
      } catch (error) {
        const name = error instanceof Error ? error.name : '';
        if (
          name === 'QuotaExceededError' ||
          (error as { inner?: { name?: string } })?.inner?.name === 'QuotaExceededError'
        ) {
          return { ok: false, error: 'Your browser storage is full: Saywho could not store this page.' };
        }
        return {
          ok: false,
          error: `Could not store this page: ${error instanceof Error ? error.message : String(error)}`,
        };
      }
    }
  }
}
