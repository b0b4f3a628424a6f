/**
 * Where a page really is, against what it declares about itself. A page's scripts write its
 * `<link rel=canonical>` and `og:site_name` as freely as its text, so a page on any origin could
 * claim another site's identity (take over its row in the store, file invented quotes under its
 * name). The background checks each declaration against the page's real URL, as the browser
 * reports it for the content script's message, before anything reaches the store or the archive.
 *
 * Imported by the background (and extension pages) only: the Public Suffix List it carries stays
 * out of the content script that runs on every page.
 */
import { parse } from 'tldts';
import type { PageMeta } from '../domain';

/** Private suffixes too: a.github.io and b.github.io are two people's sites, not one. */
const PSL_OPTIONS = { allowPrivateDomains: true } as const;

function hostnameOf(url: string): string | null {
  try {
    return new URL(url).hostname;
  } catch {
    return null;
  }
}

/**
 * The registrable domain (eTLD+1) of a hostname, e.g. bbc.co.uk for www.bbc.co.uk; null for an IP
 * address, a single-label host (localhost) or a bare public suffix, which have none.
 */
function registrableDomain(hostname: string): string | null {
  const parsed = parse(hostname, PSL_OPTIONS);
  return parsed.isIp ? null : parsed.domain;
}

/**
 * True when two URLs belong to one site: the same registrable domain, or, where a host has none
 * (an IP address, localhost), the very same host.
 */
export function sameSite(a: string, b: string): boolean {
  const hostA = hostnameOf(a);
  const hostB = hostnameOf(b);
  if (hostA === null || hostB === null) return false;
  if (hostA === hostB) return true;
  const domainA = registrableDomain(hostA);
  return domainA !== null && domainA === registrableDomain(hostB);
}

/** Lower case, accents and punctuation gone: "Le Télégramme" → ["le", "telegramme"]. */
function foldedWords(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * True when `label` can be spelled from `words` in order, each word used whole, by its initial, or
 * skipped, with nothing of the label left over ("nytimes" from the, new, york, times: n + y + times).
 */
function spelledFrom(label: string, words: readonly string[]): boolean {
  // canSpell[i][j]: label from position j on can be spelled from words i on. Filled backwards.
  let next: boolean[] = Array.from({ length: label.length + 1 }, (_, j) => j === label.length);
  for (let i = words.length - 1; i >= 0; i--) {
    const word = words[i]!;
    const row: boolean[] = [];
    for (let j = 0; j <= label.length; j++) {
      row[j] =
        j === label.length ||
        next[j]! ||
        (label[j] === word[0] && next[j + 1]!) ||
        (label.startsWith(word, j) && next[j + word.length]!);
    }
    next = row;
  }
  return next[0]!;
}

/**
 * True when a site name a page declares agrees with the domain it is really on: the registrable
 * domain's own label (nytimes for www.nytimes.com, bbc for www.bbc.co.uk) is spelled from the name's
 * words ("The New York Times", "BBC News"; "Financial Times" for ft.com). A general rule, not a
 * list of sites: a page elsewhere cannot wear a name that spells another domain ("nytimes-real.com"
 * is not "The New York Times"), and a host without a registrable domain agrees with no name.
 */
export function siteNameAgrees(siteName: string, realUrl: string): boolean {
  const host = hostnameOf(realUrl);
  if (host === null) return false;
  const parsed = parse(host, PSL_OPTIONS);
  if (parsed.isIp || parsed.domainWithoutSuffix === null) return false;
  // The registrable domain without its public suffix is one label; hyphens are punctuation (la-croix).
  const label = foldedWords(parsed.domainWithoutSuffix).join('');
  // A one-letter label (t.co) would agree with any name that has a word starting with its letter.
  if (label.length < 2) return false;
  return spelledFrom(label, foldedWords(siteName));
}

/**
 * What a page declares, kept only where it agrees with the page's real URL: the URL itself when of
 * the same origin (a page moves only within its origin with `history.pushState`), the canonical URL
 * when on the same site, the site name when it spells the real domain (else the real hostname).
 * Title and date stay as declared: they name nothing but the page itself.
 */
export function trustedPageMeta(declared: PageMeta, realUrl: string): PageMeta {
  const realHost = hostnameOf(realUrl) ?? '';
  const url = sameOrigin(declared.url, realUrl) ? declared.url : realUrl;
  const canonicalUrl =
    declared.canonicalUrl !== null && sameSite(declared.canonicalUrl, realUrl) ? declared.canonicalUrl : null;
  const site =
    declared.site === realHost || siteNameAgrees(declared.site, realUrl) ? declared.site : realHost;
  return { ...declared, url, canonicalUrl, site };
}

function sameOrigin(a: string, b: string): boolean {
  try {
    return new URL(a).origin === new URL(b).origin;
  } catch {
    return false;
  }
}
