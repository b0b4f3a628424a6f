import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { saveCapture } from '../../utils/store/archive';
import { type ArchiveEntryRow, openDb, type SaywhoDb } from '../../utils/store/db';
import {
  csvCell,
  escapeMarkdown,
  importArchiveJson,
  parseArchiveJson,
  toCsv,
  toJson,
  toMarkdown,
} from '../../utils/store/export';

let db: SaywhoDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`test-export-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

function entry(i: number, over: Partial<ArchiveEntryRow['snapshot']> = {}): ArchiveEntryRow {
  return {
    id: i,
    statementId: null,
    snapshot: {
      text: `Quote number ${i}, "with" quotes`,
      kind: 'direct',
      speaker: `Speaker ${i % 3}`,
      cue: 'said',
      pageUrl: `https://news.example/${i}`,
      pageTitle: `Title ${i}`,
      site: 'News',
      ...over,
    },
    note: i % 2 ? 'a note\non two lines' : '',
    tags: i % 2 ? ['politics', 'x'] : [],
    savedAt: 1_700_000_000_000 + i * 1000,
  };
}

describe('CSV', () => {
  it('quotes per RFC 4180', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
  });

  it('defuses spreadsheet formulas', () => {
    expect(csvCell('=HYPERLINK("http://evil")')).toBe(`"'=HYPERLINK(""http://evil"")"`);
    expect(csvCell('+1')).toBe("'+1");
    expect(csvCell('-2')).toBe("'-2");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell('a=b')).toBe('a=b');
  });

  it('writes a header and one CRLF row per entry, tags joined', () => {
    const csv = toCsv([entry(1)]);
    const rows = csv.split('\r\n');
    expect(rows[0]).toBe('savedAt,speaker,text,kind,cue,pageTitle,site,pageUrl,note,tags');
    expect(rows[1]).toContain('"Quote number 1, ""with"" quotes"');
    expect(csv).toContain('"a note\non two lines",politics; x');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('Markdown', () => {
  it('escapes page text so it cannot become a link or HTML', () => {
    expect(escapeMarkdown('[x](javascript:alert(1)) <b>')).toBe(
      '\\[x\\]\\(javascript:alert\\(1\\)\\) \\<b\\>',
    );
    const md = toMarkdown([
      entry(1, { text: '<img src=x onerror=alert(1)>', pageUrl: 'javascript:alert(1)' }),
    ]);
    expect(md).not.toMatch(/(^|[^\\])<img/m);
    expect(md).not.toContain('](javascript');
    expect(md).toContain('> \\<img');
  });

  it('links the source in angle brackets', () => {
    expect(toMarkdown([entry(2)])).toContain('[Title 2](<https://news.example/2>)');
  });
});

describe('JSON', () => {
  it('round-trips: export, import into an empty archive, export again gives the same entries', async () => {
    const rows = [entry(1), entry(2), entry(3, { publishedAt: '2025-09-09' })];
    const json = toJson(rows, new Date('2025-01-01T00:00:00Z'));
    const doc = JSON.parse(json);
    expect(doc).toMatchObject({
      format: 'saywho-archive',
      version: 1,
      exportedAt: '2025-01-01T00:00:00.000Z',
    });
    const res = await importArchiveJson(db, json);
    expect(res).toEqual({ ok: true, result: { added: 3, skipped: 0 } });
    const again = JSON.parse(
      toJson(await db.archive.orderBy('savedAt').toArray(), new Date('2025-01-01T00:00:00Z')),
    );
    expect(again).toEqual(doc);
  });

  it('skips entries already in the archive (same text, speaker and page) and repeats within the file', async () => {
    await saveCapture(db, { statementId: null, snapshot: entry(1).snapshot });
    const json = toJson([entry(1), entry(2), { ...entry(2), id: 99, note: 'other note' }]);
    const res = await importArchiveJson(db, json);
    expect(res).toEqual({ ok: true, result: { added: 1, skipped: 2 } });
    expect(await db.archive.count()).toBe(2);
  });

  it('drops a statementId this store does not hold', async () => {
    const json = toJson([{ ...entry(1), statementId: 42 }]);
    await importArchiveJson(db, json);
    expect((await db.archive.toArray())[0]?.statementId).toBeNull();
  });

  it('reports progress in chunks for a large file', async () => {
    const rows = Array.from({ length: 2_300 }, (_, i) => entry(i + 1));
    const progress: [number, number][] = [];
    const res = await importArchiveJson(db, toJson(rows), {
      chunkSize: 1_000,
      onProgress: (d, t) => progress.push([d, t]),
    });
    expect(res.ok).toBe(true);
    expect(progress).toEqual([
      [0, 2_300],
      [1_000, 2_300],
      [2_000, 2_300],
      [2_300, 2_300],
    ]);
    expect(await db.archive.count()).toBe(2_300);
  });

  it('rejects a bad file with a clear message and changes nothing', async () => {
    await saveCapture(db, { statementId: null, snapshot: entry(7).snapshot });
    expect(parseArchiveJson('{nope')).toMatchObject({
      ok: false,
      error: expect.stringContaining('not JSON'),
    });
    expect(parseArchiveJson('{"a":1}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('not a Saywho'),
    });
    expect(parseArchiveJson('{"format":"saywho-archive","version":2}')).toMatchObject({
      ok: false,
      error: expect.stringContaining('version 2'),
    });
    const doc = JSON.parse(toJson([entry(1), entry(2)]));
    doc.entries[1].snapshot.kind = 'shouted';
    const res = await importArchiveJson(db, JSON.stringify(doc));
    expect(res).toMatchObject({ ok: false, error: expect.stringContaining('entries.1.snapshot.kind') });
    expect(await db.archive.count()).toBe(1);
  });

  it('rolls back every chunk when a write fails part-way', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => entry(i + 1));
    let calls = 0;
    const res = await importArchiveJson(db, toJson(rows), {
      chunkSize: 10,
      onProgress: (done) => {
        calls++;
        if (done === 20) throw new Error('disk full');
      },
    });
    expect(res).toMatchObject({ ok: false, error: expect.stringContaining('Nothing was imported') });
    expect(calls).toBeGreaterThan(1);
    expect(await db.archive.count()).toBe(0);
  });
});
