/**
 * Sites the reader told Saywho to leave alone. Pure.
 *
 * A pattern is a host, optionally with a port and a path prefix, optionally with a scheme:
 * - `example.com` matches example.com and every subdomain (www.example.com, news.example.com);
 * - `*.example.com` means the same (the leading `*.` is accepted for people used to match patterns);
 * - `example.com/opinion` matches only paths starting with /opinion (on a segment boundary);
 * - `127.0.0.1:8080` matches only that port; `https://example.com` only https.
 * Blank lines and lines starting with `#` are ignored; case does not matter.
 */

interface Pattern {
  scheme: string | null;
  host: string;
  port: string | null;
  path: string;
}

export function parseExcludePattern(raw: string): Pattern | null {
  let s = raw.trim().toLowerCase();
  if (s === '' || s.startsWith('#')) return null;
  let scheme: string | null = null;
  const schemeMatch = /^([a-z*]+):\/\//.exec(s);
  if (schemeMatch) {
    scheme = schemeMatch[1] === '*' ? null : (schemeMatch[1] ?? null);
    s = s.slice(schemeMatch[0].length);
  }
  const slash = s.indexOf('/');
  const hostPort = slash === -1 ? s : s.slice(0, slash);
  let path = slash === -1 ? '' : s.slice(slash);
  path = path.replace(/\*+$/, '').replace(/\/+$/, '');
  let host = hostPort;
  let port: string | null = null;
  const colon = hostPort.lastIndexOf(':');
  if (colon !== -1 && /^\d+$/.test(hostPort.slice(colon + 1))) {
    host = hostPort.slice(0, colon);
    port = hostPort.slice(colon + 1);
  }
  host = host.replace(/^\*\.?/, '').replace(/^\.+|\.+$/g, '');
  if (host === '') return null;
  return { scheme, host, port, path };
}

/** Parses the options page's text box: one pattern a line (commas also separate). */
export function parseExcludeList(text: string): string[] {
  return text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter((l) => parseExcludePattern(l) !== null);
}

/** Whether Saywho must do nothing on `url`. An unparsable URL is never excluded. */
export function isExcluded(url: string, patterns: readonly string[]): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  const host = parsed.hostname.toLowerCase();
  const scheme = parsed.protocol.replace(/:$/, '');
  const path = parsed.pathname.toLowerCase();
  for (const raw of patterns) {
    const p = parseExcludePattern(raw);
    if (!p) continue;
    if (p.scheme !== null && p.scheme !== scheme) continue;
    if (host !== p.host && !host.endsWith(`.${p.host}`)) continue;
    if (p.port !== null && parsed.port !== p.port) continue;
    if (p.path !== '' && path !== p.path && !path.startsWith(`${p.path}/`)) continue;
    return true;
  }
  return false;
}
