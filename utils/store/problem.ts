/**
 * A failed store write, as the reader is told about it: the StoreProblemBanner in the popup and
 * the archive shows the `StoreProblem` setting until a write succeeds again. Used by the background
 * (pages, saves from the card) and by the extension pages that write themselves (archive undo).
 */
import type { StoreProblem } from '../settings';

/** Is this (or the error Dexie wraps) the browser refusing to store more? */
export function isQuotaError(error: unknown): boolean {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const inner = (error as { inner?: { name?: string } } | null)?.inner?.name;
  return name === 'QuotaExceededError' || inner === 'QuotaExceededError';
}

/** What to tell the reader when `action` ("store this page") failed with `error`. */
export function storeProblemOf(error: unknown, action: string, now: number = Date.now()): StoreProblem {
  if (isQuotaError(error)) {
    return {
      message: `Your browser's storage for Saywho is full: could not ${action}. Nothing was lost, but nothing new is kept until you free space (delete old quotes in the archive, or clear data in Options).`,
      quota: true,
      at: now,
    };
  }
  return {
    message: `Could not ${action}: ${error instanceof Error ? error.message : String(error)}`,
    quota: false,
    at: now,
  };
}

/** Where problems are kept for the banner: the `storeProblemItem` setting, or a stand-in in tests. */
export interface StoreProblemSink {
  getValue(): Promise<StoreProblem | null>;
  setValue(value: StoreProblem | null): Promise<void>;
}

/**
 * Runs a store write from an extension page. A failure is reported where the banner shows it and
 * answered as `{ ok: false, problem }` (never thrown away); a success clears a reported problem,
 * since the store can write again.
 */
export async function reportedWrite<T>(
  sink: StoreProblemSink,
  action: string,
  run: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; problem: StoreProblem }> {
  let value: T;
  try {
    value = await run();
  } catch (error) {
    const problem = storeProblemOf(error, action);
    await sink.setValue(problem).catch(() => undefined);
    return { ok: false, problem };
  }
  if ((await sink.getValue().catch(() => null)) !== null) await sink.setValue(null).catch(() => undefined);
  return { ok: true, value };
}
