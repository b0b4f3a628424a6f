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

/** Import cycles among product files not yet undone (issue 17), as their sorted files: none left. */
const CYCLES_NOT_YET = new Set<string>([]);

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

/** The one module through which product code outside utils/store writes the store. */
const WRITES = 'utils/store/writes.ts';

/** The names a module exports (declarations and re-exports). */
function exportedNames(text: string): Set<string> {
  const out = new Set<string>();
  const file = ts.createSourceFile('x.ts', text, ts.ScriptTarget.Latest);
  for (const st of file.statements) {
    if (ts.isExportDeclaration(st) && st.exportClause && ts.isNamedExports(st.exportClause))
      for (const e of st.exportClause.elements) out.add(e.name.text);
    const exported =
      ts.canHaveModifiers(st) && ts.getModifiers(st)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (exported && (ts.isFunctionDeclaration(st) || ts.isInterfaceDeclaration(st)) && st.name)
      out.add(st.name.text);
  }
  return out;
}

/** Each name a file imports, with the file it imports it from. */
function namedImports(from: string, text: string): Array<{ to: string; name: string }> {
  const out: Array<{ to: string; name: string }> = [];
  const file = ts.createSourceFile(from, text, ts.ScriptTarget.Latest);
  for (const st of file.statements) {
    if (!ts.isImportDeclaration(st) || !ts.isStringLiteral(st.moduleSpecifier)) continue;
    const to = resolveImport(from, st.moduleSpecifier.text);
    const named = st.importClause?.namedBindings;
    if (to === null || !named || !ts.isNamedImports(named)) continue;
    for (const e of named.elements) out.push({ to, name: (e.propertyName ?? e.name).text });
  }
  return out;
}

/** A Dexie write on a table or a read-write transaction, written out in a file. */
const DIRECT_WRITE =
  /\bdb(?:\(\))?\.(?:\w+\.(?:put|add|update|delete|clear|modify|bulkPut|bulkAdd|bulkDelete|bulkUpdate)\(|transaction\(\s*'rw)/;

/**
 * Writes outside utils/store that bypass writes.ts: a write function imported from another store
 * module, or a Dexie write made directly. Only product code is held to it (tests set stores up).
 */
function writeViolations(files: ReadonlyArray<[string, string]>, writeNames: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const [file, text] of files) {
    if (!/^(utils|components|entrypoints)\//.test(file) || file.startsWith('utils/store/')) continue;
    for (const { to, name } of namedImports(file, text))
      if (writeNames.has(name) && to.startsWith('utils/store/') && to !== WRITES)
        out.push(`${file}: ${name} from ${to}`);
    if (DIRECT_WRITE.test(text)) out.push(`${file}: writes the store directly`);
  }
  return out;
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

  it('outside utils/store, the store is written only through writes.ts, and the rule can fail', () => {
    const writeNames = exportedNames(readFileSync(join(ROOT, WRITES), 'utf8'));
    expect([...writeNames]).toEqual(expect.arrayContaining(['saveStatement', 'ingestPage', 'clearAllData']));
    const sources = FILES.map((f): [string, string] => [f, readFileSync(join(ROOT, f), 'utf8')]);
    expect(writeViolations(sources, writeNames)).toEqual([]);
    // Invented breaches: a write imported past writes.ts, a table written from a component.
    expect(
      writeViolations(
        [
          ['components/X.tsx', "import { ingestPage } from '@/utils/store/ingest';"],
          [
            'components/Y.tsx',
            "import { saveStatement } from '@/utils/store/writes';\nawait db.archive.put(row);",
          ],
          ['utils/background/z.ts', "await db.transaction('rw', db.pages, () => {});"],
          ['test/store/w.test.ts', "import { ingestPage } from '../../utils/store/ingest';"],
        ],
        writeNames,
      ),
    ).toEqual([
      'components/X.tsx: ingestPage from utils/store/ingest.ts',
      'components/Y.tsx: writes the store directly',
      'utils/background/z.ts: writes the store directly',
    ]);
  });

  /**
   * package.json's `sideEffects` lets the build drop modules none of whose exports are used (the
   * ingest that writes.ts re-exports stays out of the popup, archive and options pages). A module
   * imported only for its effect must then be listed there, or the build drops it silently.
   */
  it('every module imported only for its effect is declared in package.json sideEffects', () => {
    const declared: string[] = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).sideEffects;
    // A glob as package.json writes it: "**/" any folders, "*" within one name.
    const part = (p: string) =>
      p === '**/'
        ? '(?:.*/)?'
        : p === '**'
          ? '.*'
          : p === '*'
            ? '[^/]*'
            : p.replace(/[.+?^${}()|[\]\\]/g, '\\$&');
    const glob = (g: string) =>
      new RegExp(
        `^${g
          .split(/(\*\*\/|\*\*|\*)/)
          .map(part)
          .join('')}$`,
      );
    const listed = (file: string) => declared.some((g) => glob(g).test(file));
    const effectOnly: string[] = [];
    for (const f of FILES) {
      if (!/^(utils|components|entrypoints)\//.test(f)) continue;
      const file = ts.createSourceFile(f, readFileSync(join(ROOT, f), 'utf8'), ts.ScriptTarget.Latest);
      for (const st of file.statements)
        if (ts.isImportDeclaration(st) && !st.importClause && ts.isStringLiteral(st.moduleSpecifier)) {
          const to = resolveImport(f, st.moduleSpecifier.text);
          if (to !== null) effectOnly.push(to);
        }
    }
    expect(effectOnly).toContain('utils/background/model-file.ts');
    expect(effectOnly.filter((f) => !listed(f))).toEqual([]);
    expect(listed('utils/store/ingest.ts')).toBe(false);
  });

  // The README's layout matches the tree: every folder is named, and every file of the folders
  // below (the extractor's files are named by family, components/archive/ by its parts).
  it('README "Layout" names every folder and every file of the core folders', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const layout = readme.slice(readme.indexOf('## Layout'), readme.indexOf('### Dependency rules'));
    const entries = (dir: string) => readdirSync(join(ROOT, dir));
    const isDir = (path: string) => statSync(join(ROOT, path)).isDirectory();
    const missing: string[] = [];
    for (const top of ['utils', 'components', 'entrypoints', 'scripts'])
      for (const d of entries(top))
        if (isDir(`${top}/${d}`) && !layout.includes(`${d}/`)) missing.push(`${top}/${d}/`);
    const FILE_LEVEL = [
      'utils',
      'utils/background',
      'utils/content',
      'utils/store',
      'utils/page',
      'utils/match',
      'utils/nlp',
      'components',
      'entrypoints',
    ];
    for (const dir of FILE_LEVEL)
      for (const f of entries(dir)) {
        if (isDir(`${dir}/${f}`)) continue;
        const stem = f.replace(/\.[a-z.]+$/, '');
        if (!layout.includes(f) && !layout.includes(stem)) missing.push(`${dir}/${f}`);
      }
    expect(missing).toEqual([]);
  });
});
