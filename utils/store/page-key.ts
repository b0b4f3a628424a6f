import type { PageMeta } from '../domain';

/**
 * Identity of a page in the store: its canonical URL if given, else its URL without the fragment.
 * (Its own module so the popup and archive, which find pages by it, do not bundle ingest.)
 */
export function pageKeyOf(meta: Pick<PageMeta, 'url' | 'canonicalUrl'>): string {
  const raw = meta.canonicalUrl ?? meta.url;
  const hash = raw.indexOf('#');
  return hash === -1 ? raw : raw.slice(0, hash);
}
