/**
 * What the README's "Permissions" section promises, read from the README itself, so the manifest
 * tests hold the built extension to the text a reader sees.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ReadmePermissions {
  /** `permissions` in the manifest, exactly. */
  permissions: string[];
  /** The content script's match patterns, exactly. */
  contentScriptMatches: string[];
  /** Manifest keys the section lists that prompt for nothing (`commands`). */
  manifestKeys: string[];
  /** Files web pages may load (`web_accessible_resources`), for the pages the content script runs on. */
  webAccessible: string[];
}

export function readmePermissions(
  readme = readFileSync(join(__dirname, '..', 'README.md'), 'utf8'),
): ReadmePermissions {
  const section = /^## Permissions\n([\s\S]*?)(?=^## |(?![\s\S]))/m.exec(readme)?.[1];
  if (!section) throw new Error('README has no "## Permissions" section');
  const rows = section
    .split('\n')
    .filter((line) => line.startsWith('|'))
    .map((line) => line.split('|')[1]?.trim() ?? '')
    // The header row and the |---| rule.
    .filter((cell) => cell.includes('`'));
  const out: ReadmePermissions = {
    permissions: [],
    contentScriptMatches: [],
    manifestKeys: [],
    webAccessible: [],
  };
  for (const cell of rows) {
    const names = [...cell.matchAll(/`([^`]+)`/g)].map((m) => m[1] ?? '');
    if (/^content script on /.test(cell)) out.contentScriptMatches.push(...names);
    else if (/^web-accessible /.test(cell)) out.webAccessible.push(...names);
    else if (/manifest key/.test(cell)) out.manifestKeys.push(...names);
    else if (names.length === 1) out.permissions.push(...names);
    else throw new Error(`README Permissions row not understood: ${cell}`);
  }
  if (out.permissions.length === 0 || out.contentScriptMatches.length === 0) {
    throw new Error('README Permissions section lists no permission or no content-script pattern');
  }
  return out;
}
