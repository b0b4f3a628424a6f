/**
 * Page text is data, never markup: product code must not use HTML-parsing sinks at all, so no page
 * text can ever reach one.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '..');
const SINKS =
  /\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write\(|dangerouslySetInnerHTML|new Function\(|\beval\(/;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('product code', () => {
  const files = ['entrypoints', 'components', 'utils'].flatMap((d) => sourceFiles(join(ROOT, d)));

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it('uses no HTML-parsing sink (innerHTML, insertAdjacentHTML, document.write, eval)', () => {
    const offenders = files.filter((f) => SINKS.test(readFileSync(f, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
