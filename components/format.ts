/**
 * Dates as the UI shows them: the reader's locale. Formatters are built once (a list of 100 entries
 * formats 100 dates). Never throws: a stored date that is none (an older version, a hand-edited
 * store) reads "unknown date" instead of breaking the list it is in.
 */
import { isoTime, isValidTime, UNKNOWN_DATE } from '@/utils/dates';

const DAY = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** A day from ms or a date string the page gave; the string itself when it is not a date. */
export function formatDay(value: number | string): string {
  if (typeof value === 'string') {
    const t = Date.parse(value);
    return Number.isNaN(t) ? value : DAY.format(t);
  }
  return isValidTime(value) ? DAY.format(value) : UNKNOWN_DATE;
}

export function formatDateTime(ms: number): string {
  return isValidTime(ms) ? DATE_TIME.format(ms) : UNKNOWN_DATE;
}

/** For `<time dateTime>`: the ISO time, or undefined (no attribute) when `ms` is no date. */
export function machineDate(ms: number): string | undefined {
  return isoTime(ms) ?? undefined;
}

/**
 * A site as the reader sees it: the name a page gave itself, with the real hostname (from the
 * stored address) beside it, "The New York Times · nytimes.com", unless the name is just that
 * hostname. A name is the page's own claim; the hostname is where it really was.
 */
export function siteLabel(site: string, pageUrl: string): string {
  const name = site.trim();
  let host: string;
  try {
    host = new URL(pageUrl).hostname.replace(/^www\./, '');
  } catch {
    return name;
  }
  if (!host) return name;
  const folded = name.toLowerCase();
  if (folded === '' || folded === host || folded === `www.${host}`) return host;
  return `${name} · ${host}`;
}
