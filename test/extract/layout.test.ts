/**
 * The extractor's layout rule (README "Extraction pipeline"): one rule family per file, no file
 * over 400 lines and no function over 80, so that every pass can be read whole. Reads the sources.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const DIR = join(__dirname, '../../utils/extract');
const MAX_FILE_LINES = 400;
const MAX_FUNCTION_LINES = 80;

function sources(): { name: string; text: string }[] {
  return readdirSync(DIR)
    .filter((f) => f.endsWith('.ts'))
    .map((name) => ({ name, text: readFileSync(join(DIR, name), 'utf8') }));
}

/** Every function, method and arrow function of a source longer than `max` lines, by name. */
function longFunctions(name: string, text: string, max: number): string[] {
  const sf = ts.createSourceFile(name, text, ts.ScriptTarget.Latest, true);
  const long: string[] = [];
  const visit = (n: ts.Node): void => {
    if (
      ts.isFunctionDeclaration(n) ||
      ts.isFunctionExpression(n) ||
      ts.isArrowFunction(n) ||
      ts.isMethodDeclaration(n) ||
      ts.isConstructorDeclaration(n)
    ) {
      const first = sf.getLineAndCharacterOfPosition(n.getStart(sf)).line;
      const last = sf.getLineAndCharacterOfPosition(n.getEnd()).line;
      if (last - first + 1 > max) {
        const id =
          (n as ts.FunctionDeclaration).name?.getText(sf) ??
          (ts.isVariableDeclaration(n.parent) ? n.parent.name.getText(sf) : '(anonymous)');
        long.push(`${name}:${first + 1} ${id} (${last - first + 1} lines)`);
      }
    }
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return long;
}

describe('extractor layout', () => {
  it('finds a long function when there is one (the check itself can fail)', () => {
    const body = Array.from({ length: 90 }, (_, i) => `  const v${i} = ${i};`).join('\n');
    expect(longFunctions('x.ts', `function big() {\n${body}\n}\nconst small = () => 1;`, 80)).toEqual([
      'x.ts:1 big (92 lines)',
    ]);
  });

  it(`keeps every file of utils/extract within ${MAX_FILE_LINES} lines`, () => {
    const over = sources()
      .map(({ name, text }) => ({ name, lines: text.split('\n').length }))
      .filter((f) => f.lines > MAX_FILE_LINES)
      .map((f) => `${f.name} (${f.lines} lines)`);
    expect(over).toEqual([]);
  });

  it(`keeps every function of utils/extract within ${MAX_FUNCTION_LINES} lines`, () => {
    const over = sources().flatMap(({ name, text }) => longFunctions(name, text, MAX_FUNCTION_LINES));
    expect(over).toEqual([]);
  });
});
