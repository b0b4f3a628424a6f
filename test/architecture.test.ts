/**
 * The dependency rules of README "Layout": which part of Saywho may import which. Reads every
 * import of the sources (static, type-only and dynamic) with TypeScript's own pre-parser, so a rule
 * broken anywhere fails here, and a violation still listed as "not yet" that no longer occurs fails
 * too (the list only shrinks).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(__dirname, '..');

/** The parts of Saywho, from the bottom up: each may import only the parts listed for it. */
const MAY_IMPORT: Record<string, readonly string[]> = {
  'utils/nlp': [],
  'utils/extract/types': [],
  'utils/extract': ['utils/nlp', 'utils/extract/types'],
  'utils/domain': ['utils/extract/types'],
  'utils/dates': [],
  'utils/settings': [],
  'utils/match': ['utils/nlp', 'utils/extract', 'utils/extract/types', 'utils/domain'],
  'utils/store': [
    'utils/match',
    'utils/extract',
    'utils/extract/types',
    'utils/nlp',
    'utils/domain',
    'utils/dates',
    'utils/settings',
  ],
  'utils/page': ['utils/extract/types', 'utils/nlp', 'utils/domain'],
  'utils/messages': ['utils/domain', 'utils/extract/types', 'utils/page'],
  'utils/capture-query': ['utils/messages', 'utils/domain'],
  'utils/background': [
    'utils/store',
    'utils/extract',
    'utils/extract/types',
    'utils/nlp',
    'utils/page',
    'utils/match',
    'utils/domain',
    'utils/messages',
    'utils/settings',
    'utils/dates',
    'utils/capture-query',
  ],
  'utils/content': [
    'utils/page',
    'utils/domain',
    'utils/extract/types',
    'utils/messages',
    'utils/settings',
    'assets',
  ],
  components: [
    'utils/domain',
    'utils/extract/types',
    'utils/match',
    'utils/page',
    'utils/store',
    'utils/messages',
    'utils/settings',
    'utils/dates',
    'utils/capture-query',
    'assets',
  ],
  assets: [],
};
const PRODUCT = Object.keys(MAY_IMPORT);
MAY_IMPORT.entrypoints = PRODUCT;
const BUILD = [...PRODUCT, 'entrypoints', 'wxt.config.ts'];
/**
 * Tests import product code, its build configuration, test helpers and the harness shared with the
 * tools (scripts/harness/: browsers, the fixture server, generated articles and archives); the
 * tools' own tests also the tools. Tools (scripts/) import product code and the harness, never tests.
 */
MAY_IMPORT.test = [...BUILD, 'test', 'scripts/harness'];
MAY_IMPORT['test/e2e'] = [...BUILD, 'test', 'scripts/harness'];
MAY_IMPORT['test/scripts'] = [...BUILD, 'test', 'scripts', 'scripts/harness'];
MAY_IMPORT['scripts/harness'] = BUILD;
MAY_IMPORT.scripts = [...BUILD, 'scripts/harness'];

/**
 * Not yet: imports that break a rule today, each to be removed by moving code (issue 17); none
 * left. The test fails when one of them is gone, so that it leaves this list too.
 */
const NOT_YET = new Set<string>([]);

/** Import cycles among product files not yet undone (issue 17), as their sorted files. */
const CYCLES_NOT_YET = new Set([
  [
    'utils/extract/attribution-cues.ts',
    'utils/extract/attribution-subjects.ts',
    'utils/extract/attribution.ts',
    'utils/extract/bodies.ts',
    'utils/extract/clause-subjects.ts',
    'utils/extract/descriptions.ts',
    'utils/extract/groups.ts',
    'utils/extract/indirect-clause.ts',
    'utils/extract/indirect-nominal.ts',
    'utils/extract/named-speakers.ts',
    'utils/extract/pronouns.ts',
    'utils/extract/reported-nominal.ts',
    'utils/extract/reported.ts',
    'utils/extract/roles.ts',
    'utils/extract/source-phrase.ts',
    'utils/extract/speaker-history.ts',
    'utils/extract/speaker-like.ts',
    'utils/extract/speaker-state.ts',
    'utils/extract/speakers.ts',
    'utils/extract/tail-attribution.ts',
  ].join(' '),
]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(ROOT, dir))) {
    const path = `${dir}/${name}`;
    if (statSync(join(ROOT, path)).isDirectory()) {
      if (name !== 'fixtures' && name !== 'node_modules') out.push(...sourceFiles(path));
    } else if (/\.(ts|tsx|mts|mjs)$/.test(name) && !name.endsWith('.d.ts')) out.push(path);
  }
  return out;
}

/** The file an import names, relative to the repository, or null for a package. */
function resolveImport(from: string, spec: string): string | null {
  const bare = spec.replace(/\?.*$/, '');
  let base: string;
  if (bare.startsWith('.')) base = relative(ROOT, resolve(ROOT, dirname(from), bare));
  else if (/^(@@|~~|@|~)\//.test(bare)) base = bare.replace(/^(@@|~~|@|~)\//, '');
  else return null;
  for (const ext of ['', '.ts', '.tsx', '.mjs', '/index.ts', '/index.tsx']) {
    const p = base + ext;
    if (existsSync(join(ROOT, p)) && statSync(join(ROOT, p)).isFile()) return p;
  }
  return base;
}

/** The part of Saywho a file belongs to (a key of MAY_IMPORT). */
function partOf(file: string): string {
  if (file === 'utils/extract/types.ts') return 'utils/extract/types';
  for (const part of ['test/e2e', 'test/scripts', 'scripts/harness'])
    if (file.startsWith(`${part}/`)) return part;
  const m = /^(utils\/[^/]+?)(?:\.tsx?|\/.*)$/.exec(file);
  if (m) return m[1]!;
  return file.split('/')[0]!;
}

function importsOf(file: string, text: string): string[] {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => resolveImport(file, f.fileName))
    .filter((f): f is string => f !== null);
}

/** Every import that breaks a rule, as "from -> to". */
function violations(edges: ReadonlyArray<[string, string]>): string[] {
  return edges
    .filter(([from, to]) => {
      const a = partOf(from);
      const b = partOf(to);
      return a !== b && !(MAY_IMPORT[a] ?? []).includes(b);
    })
    .map(([from, to]) => `${from} -> ${to}`);
}

/** The import cycles of a graph: its strongly connected components of more than one file. */
function cycles(graph: ReadonlyMap<string, readonly string[]>): string[] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[] = [];
  const visit = (v: string): void => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) !== index.get(v)) return;
    const scc: string[] = [];
    let w: string;
    do {
      w = stack.pop()!;
      onStack.delete(w);
      scc.push(w);
    } while (w !== v);
    if (scc.length > 1) found.push(scc.sort().join(' '));
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found.sort();
}

const FILES = ['entrypoints', 'components', 'utils', 'test', 'scripts'].flatMap(sourceFiles);
const EDGES: Array<[string, string]> = FILES.flatMap((f) =>
  importsOf(f, readFileSync(join(ROOT, f), 'utf8')).map((to): [string, string] => [f, to]),
);

describe('dependency rules (README "Layout")', () => {
  it('reads imports of every kind, and the rules can fail', () => {
    const text = [
      "import type { A } from '../store/db';",
      "import { b } from '@/utils/messages';",
      "export { c } from './limits';",
      "const d = await import('../../scripts/eval');",
      "import css from '@/assets/layer.css?inline';",
    ].join('\n');
    const edges = importsOf('utils/page/x.ts', text).map((to): [string, string] => ['utils/page/x.ts', to]);
    expect(edges.map(([, to]) => to)).toEqual([
      'utils/store/db.ts',
      'utils/messages.ts',
      'utils/page/limits.ts',
      'scripts/eval.ts',
      'assets/layer.css',
    ]);
    expect(violations(edges)).toEqual([
      'utils/page/x.ts -> utils/store/db.ts',
      'utils/page/x.ts -> utils/messages.ts',
      'utils/page/x.ts -> scripts/eval.ts',
      'utils/page/x.ts -> assets/layer.css',
    ]);
    expect(
      cycles(
        new Map([
          ['a', ['b']],
          ['b', ['c']],
          ['c', ['a']],
          ['d', ['a']],
        ]),
      ),
    ).toEqual(['a b c']);
  });

  it('finds the sources and their imports', () => {
    expect(FILES.length).toBeGreaterThan(300);
    expect(EDGES.length).toBeGreaterThan(1000);
  });

  it('every import follows the rules, apart from those listed as not yet', () => {
    expect(violations(EDGES).filter((v) => !NOT_YET.has(v))).toEqual([]);
  });

  it('every import listed as not yet still breaks a rule (the list only shrinks)', () => {
    const found = new Set(violations(EDGES));
    expect([...NOT_YET].filter((v) => !found.has(v))).toEqual([]);
  });

  it('product code has no import cycle, apart from those listed as not yet', () => {
    const product = new Map<string, string[]>();
    for (const [from, to] of EDGES) {
      if (!/^(utils|components|entrypoints)\//.test(from)) continue;
      product.set(from, [...(product.get(from) ?? []), to]);
    }
    expect(cycles(product).filter((c) => !CYCLES_NOT_YET.has(c))).toEqual([]);
    expect([...CYCLES_NOT_YET].filter((c) => !cycles(product).includes(c))).toEqual([]);
  });
});
