/** What a page says about itself: canonical URL, title, site name, publication date. */
import type { PageMeta } from '../domain';

function metaContent(doc: Document, selector: string): string | null {
  const value = doc.querySelector(selector)?.getAttribute('content')?.trim();
  return value ? value : null;
}

function absoluteUrl(href: string | null | undefined, base: string): string | null {
  if (!href) return null;
  try {
    const url = new URL(href, base);
    return url.protocol === 'http:' || url.protocol === 'https:' ? url.href : null;
  } catch {
    return null;
  }
}

export function readPageMeta(doc: Document, pageUrl: string): PageMeta {
  const canonicalUrl = absoluteUrl(
    doc.querySelector('link[rel~="canonical"]')?.getAttribute('href'),
    pageUrl,
  );
  const title =
    metaContent(doc, 'meta[property="og:title"]') ??
    doc.querySelector('h1')?.textContent?.trim() ??
    doc.title.trim();
  const site = metaContent(doc, 'meta[property="og:site_name"]') ?? new URL(pageUrl).hostname;
  const publishedAt =
    metaContent(doc, 'meta[property="article:published_time"]') ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  return {
    url: pageUrl,
    canonicalUrl,
    title: title.slice(0, 1_000),
    site: site.slice(0, 1_000),
    publishedAt: publishedAt ? publishedAt.slice(0, 64) : null,
  };
}
