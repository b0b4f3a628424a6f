// The CLI's output is read by scorers, so its format must stay stable (README "Command line"):
//   extract → {"file","title","statements":[{"text","kind","speaker","mention","cue","start","end"}]}
//   relate  → {"type","a":{"file","start","end","text","speaker"},"b":{…},"reason"}
// with start/end UTF-16 offsets into the file's text (.txt) or the extracted article text (.html).
// The CLI runs as people run it (tsx scripts/cli.ts), and its stdout is checked line by line.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadArticle } from '../../scripts/load-article';

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, '..', '..');
const SEED_000 = 'test/fixtures/seeds/000_f9c8db96b910917a.txt';
const SEED_001 = 'test/fixtures/seeds/001_b65b49475eb0b8f6.txt';
const PAGE_002 = 'test/fixtures/pages/002.html';

async function cli(...args: string[]): Promise<unknown[]> {
  const { stdout } = await run(join(ROOT, 'node_modules', '.bin', 'tsx'), ['scripts/cli.ts', ...args], {
    cwd: ROOT,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line));
}

const keysOf = (value: unknown) => Object.keys(value as object);
const isOffset = (n: unknown) => Number.isInteger(n) && (n as number) >= 0;

interface CliStatement {
  text: string;
  kind: string;
  speaker: string | null;
  mention: string | null;
  cue: string | null;
  start: number;
  end: number;
}

let dir: string;
// A paragraph with a character outside the Basic Multilingual Plane before the quotes: UTF-16
// offsets differ there from code-point and UTF-8 byte offsets.
let astral: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'saywho-cli-'));
  astral = join(dir, 'astral.txt');
  writeFileSync(
    astral,
    'Fans cheered 🎉 as the bridge reopened on Monday.\n' +
      '“We kept our promise to this town,” Mayor Lena Ortiz said. “Nobody will wait for a ferry again.”\n',
  );
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('cli extract', () => {
  it('prints one line per file with exactly file, title, statements; offsets slice the text', async () => {
    const files = [SEED_000, PAGE_002, astral];
    const lines = await cli('extract', ...files);
    expect(lines).toHaveLength(files.length);
    for (const [i, line] of lines.entries()) {
      const file = files[i]!;
      expect(keysOf(line)).toEqual(['file', 'title', 'statements']);
      const {
        file: printed,
        title,
        statements,
      } = line as {
        file: string;
        title: string | null;
        statements: CliStatement[];
      };
      expect(printed).toBe(file);
      // .txt has no title; .html gives the page's headline.
      if (file.endsWith('.html')) expect(title).toMatch(/Blinken Presses for Hostage Talks/);
      else expect(title).toBeNull();
      // .txt offsets are into the file as read; .html offsets into the extracted article text.
      const text = file.endsWith('.txt') ? readFileSync(file, 'utf8') : loadArticle(file).text;
      expect(statements.length).toBeGreaterThan(1);
      for (const s of statements) {
        expect(keysOf(s)).toEqual(['text', 'kind', 'speaker', 'mention', 'cue', 'start', 'end']);
        expect(['direct', 'partial', 'indirect']).toContain(s.kind);
        for (const field of [s.speaker, s.mention, s.cue])
          expect(field === null || typeof field === 'string').toBe(true);
        expect(isOffset(s.start) && isOffset(s.end) && s.start < s.end).toBe(true);
        expect(text.slice(s.start, s.end)).toBe(s.text);
      }
    }
    const last = (lines[2] as { statements: CliStatement[] }).statements;
    expect(last.map((s) => [s.text, s.speaker])).toEqual([
      ['We kept our promise to this town,', 'Lena Ortiz'],
      ['Nobody will wait for a ferry again.', 'Lena Ortiz'],
    ]);
  }, 60_000);

  it('the .txt offsets are UTF-16: the emoji counts as two', async () => {
    const [line] = await cli('extract', astral);
    const [first] = (line as { statements: CliStatement[] }).statements;
    const text = readFileSync(astral, 'utf8');
    expect(first!.start).toBe(text.indexOf('We kept'));
    // In code points the same place is one earlier.
    expect([...text.slice(0, first!.start)].length).toBe(first!.start - 1);
  }, 60_000);
});

describe('cli relate', () => {
  it('prints one line per relation with exactly type, a, b, reason; offsets slice the files', async () => {
    const files = [SEED_000, SEED_001];
    const lines = await cli('relate', ...files);
    expect(lines.length).toBeGreaterThan(0);
    const types = new Set([
      'same-quote',
      'misattribution',
      'altered-quote',
      'contradiction',
      'same-speaker-topic',
    ]);
    let acrossFiles = 0;
    for (const line of lines) {
      expect(keysOf(line)).toEqual(['type', 'a', 'b', 'reason']);
      const r = line as {
        type: string;
        a: Record<string, unknown>;
        b: Record<string, unknown>;
        reason: unknown;
      };
      expect(types.has(r.type)).toBe(true);
      expect(typeof r.reason).toBe('string');
      for (const side of [r.a, r.b]) {
        expect(keysOf(side)).toEqual(['file', 'start', 'end', 'text', 'speaker']);
        expect(files).toContain(side.file);
        expect(side.speaker === null || typeof side.speaker === 'string').toBe(true);
        expect(isOffset(side.start) && isOffset(side.end)).toBe(true);
        const text = readFileSync(side.file as string, 'utf8');
        expect(text.slice(side.start as number, side.end as number)).toBe(side.text);
      }
      if (r.a.file !== r.b.file) acrossFiles++;
    }
    // Reading 001 after 000 relates statements of the two files (the misattributed Leavitt quote).
    expect(acrossFiles).toBeGreaterThan(0);
  }, 60_000);
});

describe('cli read', () => {
  // {"file","title","isArticle","language","reason","text"}: the content script's judgement and
  // the very text extract's offsets refer to, for an article and for pages that are not one
  it('prints the judgement and the article text the extension reads', async () => {
    const product = 'test/fixtures/pages/app/product.html';
    const lines = (await cli('read', PAGE_002, product)) as Array<Record<string, unknown>>;
    expect(lines).toHaveLength(2);
    for (const line of lines)
      expect(keysOf(line)).toEqual(['file', 'title', 'isArticle', 'language', 'reason', 'text']);
    const [article, shop] = lines as [Record<string, unknown>, Record<string, unknown>];
    expect(article).toMatchObject({ file: PAGE_002, isArticle: true, language: 'en', reason: 'article' });
    // the same text `cli extract` gives offsets into
    expect(article.text).toBe(loadArticle(PAGE_002).text);
    const [extracted] = (await cli('extract', PAGE_002)) as Array<{ statements: CliStatement[] }>;
    for (const s of extracted?.statements ?? [])
      expect((article.text as string).slice(s.start, s.end)).toBe(s.text);
    expect(shop).toMatchObject({ file: product, isArticle: false, text: '' });
    expect(shop.reason).not.toBe('article');
  }, 60_000);
});

describe('cli compare', () => {
  // {"id","relations":[{"type","score","reason"}]} per input pair, through the background's classifier
  it('prints the relations of each pair, and nothing for an unrelated one', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saywho-compare-'));
    try {
      const file = join(dir, 'pairs.jsonl');
      const words = 'We will not reopen the harbour before the spring storms are over.';
      writeFileSync(
        file,
        [
          {
            id: 'same-words',
            a: { text: words, speaker: 'Ines Duarte', site: 'a.example' },
            b: { text: words, speaker: 'Karl Brandt', site: 'b.example' },
          },
          {
            id: 7,
            a: { text: 'The ferry timetable changes on Monday.' },
            b: { text: 'Wheat prices rose in the north.' },
          },
        ]
          .map((x) => JSON.stringify(x))
          .join('\n'),
      );
      const lines = (await cli('compare', file)) as Array<{
        id: unknown;
        relations: Array<Record<string, unknown>>;
      }>;
      expect(lines.map((l) => keysOf(l))).toEqual([
        ['id', 'relations'],
        ['id', 'relations'],
      ]);
      expect(lines[0]?.id).toBe('same-words');
      expect(lines[0]?.relations[0]).toMatchObject({ type: 'misattribution' });
      for (const r of lines[0]?.relations ?? []) {
        expect(keysOf(r)).toEqual(['type', 'score', 'reason']);
        expect(typeof r.score).toBe('number');
      }
      expect(lines[1]).toEqual({ id: 7, relations: [] });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  // Pattern: a side's cue says an indirect statement is a clause its speaker denies.
  it('reads a denial from the cue of an indirect side', async () => {
    const { compareLine } = await import('../../scripts/compare');
    const clause = 'the Harlow library would close in March';
    const a = { text: clause, speaker: 'Anna Kovacs', kind: 'indirect', cue: 'denied' };
    const b = { text: clause, speaker: 'Tom Reid', kind: 'indirect', cue: 'said' };
    expect(compareLine({ id: 1, a, b }).relations.map((r) => r.type)).toEqual(['contradiction']);
    expect(compareLine({ id: 2, a: { ...a, cue: 'said' }, b }).relations.map((r) => r.type)).toEqual([
      'misattribution',
    ]);
  });

  it('says what is wrong with a line that is not a pair', async () => {
    const { compareLine } = await import('../../scripts/compare');
    expect(() => compareLine({ id: 1, a: { text: '' }, b: { text: 'x' } })).toThrow(/a\.text: text is empty/);
    expect(() => compareLine({ id: 1, a: { text: 'x' } })).toThrow(/b/);
    expect(() => compareLine({ id: 1, a: { text: 'x', mood: 'sad' }, b: { text: 'y' } })).toThrow();
  });
});
