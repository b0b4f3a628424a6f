/**
 * Budgets: how much one page and one site may add to the store, so that a hostile page (one that
 * keeps replacing its quotes, or a site that mints endless URLs) cannot flood it. Over budget, the
 * page is still highlighted; the extra statements are not stored, and ingest says which budget
 * was reached.
 *
 * Generous for real articles: the five real pages of the fixtures have 4 to 28 statements each,
 * the seed articles 5 to 24, while the flood that motivated this added 5,700–7,800 a minute.
 */
import { parse } from 'tldts';

/** Statements a page may hold: the first 500 of a reading, in page order. */
export const PAGE_BUDGET = 500;
/**
 * New statements one site (registrable domain) may add per `SITE_WINDOW`: about 100 articles a
 * day. Statements read again keep their rows and cost nothing; replaced ones are not refunded, so
 * a page that keeps changing its quotes spends the budget too.
 */
export const SITE_BUDGET = 3_000;
export const SITE_WINDOW = 24 * 60 * 60 * 1000;

/** What one site added in its current window (the `budgets` table, keyed by site). */
export interface BudgetRow {
  site: string;
  /** When the current window started (epoch ms). */
  since: number;
  /** New statements stored in it. */
  added: number;
}

/**
 * The site a budget is kept for: the registrable domain (eTLD+1, private suffixes included, so
 * a.github.io and b.github.io are two sites) of the page's real origin when the background knows
 * it, else of its URL; a host without one (an IP address, localhost) is its own site. Never the
 * site name the page declares, which its scripts write.
 */
export function budgetSite(origin: string | undefined, url: string): string {
  let host = '';
  try {
    const parsed = new URL(origin ?? url);
    host = parsed.hostname || parsed.protocol;
  } catch {
    return '';
  }
  const domain = parse(host, { allowPrivateDomains: true });
  return (!domain.isIp && domain.domain) || host;
}

/** New statements the site may still add at `now`. */
export function siteRoom(row: BudgetRow | undefined, now: number): number {
  if (!row || now - row.since >= SITE_WINDOW || now < row.since) return SITE_BUDGET;
  return Math.max(0, SITE_BUDGET - row.added);
}

/** The site's row once `added` more statements are stored at `now`. */
export function charge(site: string, row: BudgetRow | undefined, now: number, added: number): BudgetRow {
  const fresh = !row || now - row.since >= SITE_WINDOW || now < row.since;
  return fresh ? { site, since: now, added } : { site, since: row.since, added: row.added + added };
}
