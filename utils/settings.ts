/**
 * Saywho's settings, kept in the extension's storage (not in IndexedDB) so every context reads
 * the same values: the background before storing, the content script before reading a page, the
 * options page to edit them.
 */
import { storage } from 'wxt/utils/storage';

/** On: every statement read is stored and matched. Off: only quotes the reader saves are stored. */
export const autoCollectSetting = storage.defineItem<boolean>('local:autoCollect', { fallback: true });

/**
 * Sites (host names) whose pages the reader asked Saywho to read even when they do not look like
 * English news ("Read this page anyway", remembered for the site when the reader asks).
 */
export const readAnywaySitesSetting = storage.defineItem<string[]>('local:readAnywaySites', { fallback: [] });

/** Sites where Saywho does nothing at all, one pattern each (see `isExcluded`). */
export const excludedSitesSetting = storage.defineItem<string[]>('local:excludedSites', { fallback: [] });

/**
 * The last time the store could not write (a full disk above all), until a write succeeds again.
 * The popup shows it; a failure the reader never sees would lose their quotes silently.
 */
export interface StoreProblem {
  message: string;
  /** The browser refused for lack of space (QuotaExceededError). */
  quota: boolean;
  at: number;
}
export const storeProblemItem = storage.defineItem<StoreProblem | null>('local:storeProblem', {
  fallback: null,
});

/**
 * The store's size limit, in MB (utils/store/retention.ts): past it, the oldest unsaved statements
 * are evicted after the next page is stored. Saved quotes are never evicted.
 */
export const storeLimitSetting = storage.defineItem<number>('local:storeLimitMb', { fallback: 200 });
