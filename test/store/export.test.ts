import { describe, expect, it } from 'vitest';
import type { ArchiveEntryRow } from '../../utils/store/db';
import {
  CSV_COLUMNS,
  csvCell,
  escapeMarkdown,
  parseArchiveJson,
  toCsv,
  toJson,
  toMarkdown,
} from '../../utils/store/export';
import { importArchiveJson, saveCapture } from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('export');

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
    const rows = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(rows[0]).toBe('savedAt,speaker,text,kind,cue,pageTitle,site,pageUrl,note,tags');
    expect(rows[1]).toContain('"Quote number 1, ""with"" quotes"');
    expect(csv).toContain('"a note\non two lines",politics; x');
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('CSV in non-Latin scripts', () => {
  const scripts = {
    greek: 'Η γέφυρα θα ανοίξει ξανά τον Μάιο',
    japanese: '橋は五月に再開します',
    arabic: 'سيعاد فتح الجسر في مايو',
  };

  it('starts with one UTF-8 byte-order mark, so spreadsheet programs read the file as UTF-8', async () => {
    const csv = toCsv([entry(1, { text: scripts.greek })]);
    expect(csv.codePointAt(0)).toBe(0xfeff);
    expect(csv.slice(1).startsWith('savedAt,speaker,')).toBe(true);
    const bytes = new Uint8Array(await new Blob([csv]).arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('round-trips Greek, Japanese and Arabic text through the bytes of the file', async () => {
    const rows = Object.values(scripts).map((text, i) =>
      entry(i + 1, { text, speaker: text.split(' ')[0]!, pageTitle: `${text} — ${i}` }),
    );
    const bytes = await new Blob([toCsv(rows)]).arrayBuffer();
    // What a spreadsheet program does with a BOM: decode as UTF-8 and drop the mark.
    const read = parseCsv(new TextDecoder('utf-8').decode(bytes));
    expect(read[0]).toEqual([...CSV_COLUMNS]);
    expect(read.slice(1).map((r) => [r[1], r[2], r[5]])).toEqual(
      rows.map((r) => [r.snapshot.speaker, r.snapshot.text, r.snapshot.pageTitle]),
    );
  });
});

/** A small RFC 4180 reader, to read back what `toCsv` wrote. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

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
    const res = await importArchiveJson(db(), json);
    expect(res).toEqual({ ok: true, result: { added: 3, skipped: 0 } });
    const again = JSON.parse(
      toJson(await db().archive.orderBy('savedAt').toArray(), new Date('2025-01-01T00:00:00Z')),
    );
    expect(again).toEqual(doc);
  });

  it('skips entries already in the archive (same text, speaker and page) and repeats within the file', async () => {
    await saveCapture(db(), { statementId: null, snapshot: entry(1).snapshot });
    const json = toJson([entry(1), entry(2), { ...entry(2), id: 99, note: 'other note' }]);
    const res = await importArchiveJson(db(), json);
    expect(res).toEqual({ ok: true, result: { added: 1, skipped: 2 } });
    expect(await db().archive.count()).toBe(2);
  });

  it('drops a statementId this store does not hold', async () => {
    const json = toJson([{ ...entry(1), statementId: 42 }]);
    await importArchiveJson(db(), json);
    expect((await db().archive.toArray())[0]?.statementId).toBeNull();
  });

  it('reports progress in chunks for a large file', async () => {
    const rows = Array.from({ length: 2_300 }, (_, i) => entry(i + 1));
    const progress: [number, number][] = [];
    const res = await importArchiveJson(db(), toJson(rows), {
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
    expect(await db().archive.count()).toBe(2_300);
  });

  it('rejects a bad file with a clear message and changes nothing', async () => {
    await saveCapture(db(), { statementId: null, snapshot: entry(7).snapshot });
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
    const res = await importArchiveJson(db(), JSON.stringify(doc));
    expect(res).toMatchObject({ ok: false, error: expect.stringContaining('entries.1.snapshot.kind') });
    expect(await db().archive.count()).toBe(1);
  });

  it('rolls back every chunk when a write fails part-way', async () => {
    const rows = Array.from({ length: 30 }, (_, i) => entry(i + 1));
    let calls = 0;
    const res = await importArchiveJson(db(), toJson(rows), {
      chunkSize: 10,
      onProgress: (done) => {
        calls++;
        if (done === 20) throw new Error('disk full');
      },
    });
    expect(res).toMatchObject({ ok: false, error: expect.stringContaining('Nothing was imported') });
    expect(calls).toBeGreaterThan(1);
    expect(await db().archive.count()).toBe(0);
  });
});

describe('dates that enter the archive', () => {
  const YEAR = 365 * 24 * 3600 * 1000;

  /** An export of entries 1 and 2 with entry 2 changed by `edit`; the archive holds entry 7 before. */
  async function importEdited(edit: (e: { savedAt: unknown; snapshot: Record<string, unknown> }) => void) {
    await saveCapture(db(), { statementId: null, snapshot: entry(7).snapshot });
    const doc = JSON.parse(toJson([entry(1), entry(2)]));
    edit(doc.entries[1]);
    return importArchiveJson(db(), JSON.stringify(doc));
  }

  it.each([
    ['past the end of time (1e16)', 1e16],
    ['in seconds, not milliseconds', 1_700_000_000],
    ['before 1990', Date.UTC(1989, 11, 31)],
    ['two years ahead', Date.now() + 2 * YEAR],
    ['not whole milliseconds', 1_700_000_000_000.5],
    ['negative', -1],
  ])(
    'refuses a file whose savedAt is %s, naming the entry and field, and keeps the archive',
    async (_, savedAt) => {
      const res = await importEdited((e) => {
        e.savedAt = savedAt;
      });
      expect(res).toMatchObject({
        ok: false,
        error: expect.stringContaining('at entries.1.savedAt (entry 2, “Quote number 2, "with" quotes”)'),
      });
      expect(res.ok ? '' : res.error).toMatch(/must be a date between 1990-01-01 and \d{4}-\d\d-\d\d/);
      expect(res.ok ? '' : res.error).toContain(String(savedAt));
      expect((await db().archive.toArray()).map((e) => e.snapshot.text)).toEqual([entry(7).snapshot.text]);
    },
  );

  it('accepts savedAt from 1990 to today', async () => {
    const doc = JSON.parse(toJson([entry(1), entry(2)]));
    doc.entries[0].savedAt = Date.UTC(1990, 0, 1);
    doc.entries[1].savedAt = Date.now();
    expect(await importArchiveJson(db(), JSON.stringify(doc))).toEqual({
      ok: true,
      result: { added: 2, skipped: 0 },
    });
  });

  it.each([
    ['far in the future', '9999-12-31'],
    ['before printed news', '0001-01-01T00:00:00'],
  ])('refuses a publishedAt that reads as a date %s', async (_, publishedAt) => {
    const res = await importEdited((e) => {
      e.snapshot.publishedAt = publishedAt;
    });
    expect(res).toMatchObject({
      ok: false,
      error: expect.stringContaining('entries.1.snapshot.publishedAt'),
    });
    expect(res.ok ? '' : res.error).toContain(publishedAt);
    expect(await db().archive.count()).toBe(1);
  });

  it('keeps a publishedAt that is a plausible date, or words that are no date, as the page gave them', async () => {
    const doc = JSON.parse(toJson([entry(1, { publishedAt: '2025-09-09T10:00:00+02:00' }), entry(2)]));
    doc.entries[1].snapshot.publishedAt = 'Tuesday morning';
    expect(await importArchiveJson(db(), JSON.stringify(doc))).toMatchObject({ ok: true });
    expect((await db().archive.toArray()).map((e) => e.snapshot.publishedAt)).toEqual([
      '2025-09-09T10:00:00+02:00',
      'Tuesday morning',
    ]);
  });

  it('exports a stored row with an impossible date (written by an older version) to CSV, Markdown and JSON', async () => {
    await db().archive.add({ ...entry(1), savedAt: 1e16 } as ArchiveEntryRow);
    await db().archive.add({ ...entry(2), savedAt: Number.NaN } as ArchiveEntryRow);
    const rows = await db().archive.toArray();
    const csv = toCsv(rows)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    expect(csv[1]?.startsWith('unknown date,')).toBe(true);
    expect(csv[2]?.startsWith('unknown date,')).toBe(true);
    const md = toMarkdown(rows);
    expect(md.match(/saved unknown date/g)).toHaveLength(2);
    expect(JSON.parse(toJson(rows)).entries.map((e: ArchiveEntryRow) => e.savedAt)).toEqual([1e16, null]);
  });
});

describe('page addresses that enter the archive', () => {
  it.each([
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'chrome://settings',
    'file:///etc/passwd',
    'news.example/story',
  ])('refuses a file with the pageUrl %s, with a clear message, and keeps the archive', async (pageUrl) => {
    await saveCapture(db(), { statementId: null, snapshot: entry(7).snapshot });
    const doc = JSON.parse(toJson([entry(1), entry(2, { pageUrl })]));
    const res = await importArchiveJson(db(), JSON.stringify(doc));
    expect(res).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /at entries\.1\.snapshot\.pageUrl \(entry 2, .+\): must be an http\(s\) address/,
      ),
    });
    expect(await db().archive.count()).toBe(1);
  });

  it('accepts http and https addresses, and none (a quote whose page was unknown)', async () => {
    const doc = JSON.parse(
      toJson([
        entry(1, { pageUrl: 'http://news.example/a' }),
        entry(2, { pageUrl: 'HTTPS://news.example/b?x=1' }),
        entry(3, { pageUrl: '' }),
      ]),
    );
    expect(await importArchiveJson(db(), JSON.stringify(doc))).toMatchObject({
      ok: true,
      result: { added: 3 },
    });
  });

  it.each(['javascript:alert(1)', 'data:text/html,x', 'chrome://settings', 'ftp://files.example/a'])(
    'writes no Markdown link for the stored address %s, only its text',
    (pageUrl) => {
      const md = toMarkdown([entry(1, { pageUrl, pageTitle: '' })]);
      expect(md).not.toMatch(/\]\(/);
      expect(md).not.toMatch(/<[a-z]+:/i);
    },
  );
});
