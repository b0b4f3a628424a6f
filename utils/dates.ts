/**
 * Dates the archive keeps, and how they are read back. Pure.
 *
 * A `Date` holds at most ±8.64e15 ms around 1970 (ECMAScript's time value range): past it,
 * `toISOString()` and `Intl.DateTimeFormat#format` throw. A file or an older version can put any
 * number in the store, so every date that enters the archive is checked here, and every date that
 * is shown or exported is formatted by a function here that never throws.
 */

/** The largest distance from 1970 a `Date` can hold, in ms. */
export const MAX_TIME_MS = 8.64e15;

/** Shown or exported in place of a date that is none. */
export const UNKNOWN_DATE = 'unknown date';

/** Nothing was saved in the archive before this: a saved date in seconds (not ms) lands in January 1970. */
export const EARLIEST_SAVED_AT = Date.UTC(1990, 0, 1);

/** Nothing was printed in a newspaper before this; CMS placeholders such as `0001-01-01` are earlier. */
export const EARLIEST_PUBLISHED_AT = Date.UTC(1600, 0, 1);

/** How far ahead of this machine's clock a date may be: another machine's clock may run ahead. */
export const FUTURE_SLACK_MS = 366 * 24 * 60 * 60 * 1000;

/** A number a `Date` can hold: finite and within ±8.64e15 ms. */
export function isValidTime(ms: unknown): ms is number {
  return typeof ms === 'number' && Number.isFinite(ms) && Math.abs(ms) <= MAX_TIME_MS;
}

/** Whole ms between 1990 and a year from `now`: when a quote can have been saved. */
export function isPlausibleSavedAt(ms: number, now: number = Date.now()): boolean {
  return Number.isInteger(ms) && ms >= EARLIEST_SAVED_AT && ms <= now + FUTURE_SLACK_MS;
}

/**
 * A publication date as the page gave it: words that are no date pass (they are shown as they
 * are); a date must lie between 1600 and a year from `now`.
 */
export function isPlausiblePublishedAt(text: string, now: number = Date.now()): boolean {
  const ms = Date.parse(text);
  if (Number.isNaN(ms)) return true;
  return ms >= EARLIEST_PUBLISHED_AT && ms <= now + FUTURE_SLACK_MS;
}

/** ISO 8601 (`2025-09-09T09:00:00.000Z`), or null when `ms` is no date. */
export function isoTime(ms: unknown): string | null {
  return isValidTime(ms) ? new Date(ms).toISOString() : null;
}

/** The day in ISO form (`2025-09-09`, UTC), or "unknown date". */
export function isoDayOrUnknown(ms: unknown): string {
  return isoTime(ms)?.slice(0, 10) ?? UNKNOWN_DATE;
}

/** The full ISO time, or "unknown date". */
export function isoTimeOrUnknown(ms: unknown): string {
  return isoTime(ms) ?? UNKNOWN_DATE;
}
