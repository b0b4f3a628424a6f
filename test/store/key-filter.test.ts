import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../utils/store/db';
import { plainKey } from '../../utils/store/index-keys';
import { ingestPage } from '../../utils/store/ingest';
import { KeyFilter, type KeyFilterRow, SEGMENT_KEYS } from '../../utils/store/key-filter';

function filled(keys: string[], upTo = 1): { filter: KeyFilter; rows: KeyFilterRow[] } {
  const filter = KeyFilter.empty().fork();
  const rows = filter.add(keys, upTo);
  return { filter, rows };
}

describe('KeyFilter', () => {
  it('never says absent for a key it was given', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 24 }), { maxLength: 300 }), (keys) => {
        const { filter } = filled(keys);
        for (const k of keys) expect(filter.mayHave(k)).toBe(true);
      }),
    );
  });

  it('says absent for almost every key it was not given, also past one segment', () => {
    const keys = Array.from({ length: SEGMENT_KEYS + 5_000 }, (_, i) => `t:${i.toString(36)}`);
    const { filter, rows } = filled(keys, 42);
    expect(rows.map((r) => r.id)).toEqual([0, 1]);
    expect(filter.keyCount).toBe(keys.length);
    for (const k of [keys[0]!, keys[SEGMENT_KEYS - 1]!, keys[SEGMENT_KEYS]!, keys.at(-1)!]) {
      expect(filter.mayHave(k)).toBe(true);
    }
    let falsePositives = 0;
    for (let i = 0; i < 20_000; i++) if (filter.mayHave(`m${i % 8}:${i.toString(36)}`)) falsePositives++;
    expect(falsePositives / 20_000).toBeLessThan(0.005);
  });

  it('is empty at first and says absent for everything', () => {
    expect(KeyFilter.empty().mayHave('t:abc')).toBe(false);
    expect(KeyFilter.empty().upTo).toBe(0);
  });

  it('leaves the filter it was forked from as it was', () => {
    const { filter } = filled(['t:one']);
    const fork = filter.fork();
    fork.add(['t:two'], 9);
    expect(fork.mayHave('t:two')).toBe(true);
    expect(filter.mayHave('t:two')).toBe(false);
    expect(filter.upTo).toBe(1);
    expect(fork.upTo).toBe(9);
  });

  it('reads back from its rows with the same answers, and refuses rows with a gap', () => {
    const keys = Array.from({ length: 2_000 }, (_, i) => `t:${i}`);
    const { filter, rows } = filled(keys, 7);
    const again = KeyFilter.fromRows(structuredClone(rows));
    expect(again.upTo).toBe(7);
    for (const k of keys) expect(again.mayHave(k)).toBe(true);
    for (let i = 0; i < 200; i++) expect(again.mayHave(`x${i}`)).toBe(filter.mayHave(`x${i}`));
    expect(() => KeyFilter.fromRows([{ ...rows[0]!, id: 1 }])).toThrow(/contiguous/);
  });
});

describe('the store’s key filter', () => {
  const statement = (text: string, speaker: string) => ({
    text,
    kind: 'direct' as const,
    start: 0,
    end: text.length,
    speaker: { name: speaker, mention: speaker, mentionStart: -1 },
    cue: 'said',
    continues: null,
    prefix: '',
    suffix: '',
  });
  const QUOTE = 'The new ferry timetable will add three crossings a day from the first week of June.';
  const page = (n: number) => ({
    url: `https://p${n}.example/`,
    canonicalUrl: null,
    title: `P${n}`,
    site: `p${n}.example`,
    publishedAt: null,
  });

  it('holds every key of every stored statement after each reading', async () => {
    const db = openDb(`key-filter-${Math.random()}`);
    await ingestPage(db, { page: page(1), statements: [statement(QUOTE, 'Harbour Master Lena Fischer')] });
    await ingestPage(db, {
      page: page(2),
      statements: [
        statement('Ferry fares stay the same this summer, the operator promised.', 'Nordic Lines'),
      ],
    });
    const filter = KeyFilter.fromRows(await db.keyFilter.toArray());
    const stored = await db.statements.toArray();
    expect(filter.upTo).toBe(Math.max(...stored.map((s) => s.id)));
    for (const s of stored) for (const k of s.keys) expect(filter.mayHave(plainKey(k))).toBe(true);
    db.close();
    await Dexie.delete(db.name);
  });

  it('never hides a stored statement, even when its persisted filter was lost', async () => {
    const name = `key-filter-${Math.random()}`;
    const first = openDb(name);
    await ingestPage(first, { page: page(1), statements: [statement(QUOTE, 'Harbour Master Lena Fischer')] });
    await first.keyFilter.clear();
    first.close();
    // A new worker: nothing in memory, nothing persisted.
    const second = openDb(name);
    const result = await ingestPage(second, {
      page: page(2),
      statements: [statement(QUOTE, 'Mayor Tom Berg')],
    });
    const relation = await second.relations.where('a').equals(result.statements[0]!.statementId).first();
    expect(relation?.type).toBe('misattribution');
    second.close();
    await Dexie.delete(name);
  });
});
