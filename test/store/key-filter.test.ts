import Dexie from 'dexie';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { openDb } from '../../utils/store/db';
import { keyCode, keyCodes, plainKey } from '../../utils/store/index-keys';
import {
  forgetKeyFilter,
  holdsKeyFilter,
  KeyFilter,
  keyFilterFor,
  keyFilterSettled,
  prepareKeyFilter,
  SNAPSHOT_LAG,
} from '../../utils/store/key-filter';
import { ingestPage } from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

/** A filter of match keys, as codes (index-keys.ts), which is what the store keeps. */
function filled(keys: string[]): KeyFilter {
  const filter = KeyFilter.empty();
  filter.add(keyCodes(keys));
  return filter;
}

describe('KeyFilter', () => {
  it('never says absent for a key it was given', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 24 }), { maxLength: 300 }), (keys) => {
        const filter = filled(keys);
        for (const k of keys) expect(filter.mayHave(keyCode(k))).toBe(true);
      }),
    );
  });

  it('grows in segments of doubling size and says absent for most keys it was not given', () => {
    const keys = Array.from({ length: 200_000 }, (_, i) => `p:${i.toString(36)}`);
    const filter = filled(keys);
    const rows = filter.toRows();
    // 16k + 32k + 64k + 128k keys of room.
    expect(rows.map((r) => r.capacity)).toEqual([16_384, 32_768, 65_536, 131_072]);
    // Keys the filter already answered "maybe" for (false positives) take no room.
    expect(filter.keyCount).toBeGreaterThan(0.97 * keys.length);
    // 14 bits per key of room (the newest segment is not full yet).
    expect(filter.bytes / filter.keyCount).toBeLessThan(2.5);
    for (const k of [keys[0]!, keys[20_000]!, keys.at(-1)!]) expect(filter.mayHave(keyCode(k))).toBe(true);
    let falsePositives = 0;
    for (let i = 0; i < 20_000; i++)
      if (filter.mayHave(keyCode(`m${i % 8}:${i.toString(36)}`))) falsePositives++;
    // About 0.1 % a full segment: under 1 % over the four (most index lookups of a new page were
    // false positives with 0.8 % a segment).
    expect(falsePositives / 20_000).toBeLessThan(0.01);
  });

  it('does not spend room on a key it already holds', () => {
    const filter = filled(['p:one', 'p:two']);
    expect(filter.add(keyCodes(['p:one', 'p:two', 'p:one']))).toBe(0);
    expect(filter.keyCount).toBe(2);
  });

  it('is empty at first and says absent for everything', () => {
    expect(KeyFilter.empty().mayHave(keyCode('t:abc'))).toBe(false);
    expect(KeyFilter.empty().upTo).toBe(0);
  });

  it('reads back from a snapshot with the same answers, and refuses rows that do not fit together', () => {
    const keys = Array.from({ length: 40_000 }, (_, i) => `t:${i}`);
    const filter = filled(keys);
    filter.upTo = 7;
    const rows = filter.toRows();
    const again = KeyFilter.fromRows(structuredClone(rows).reverse());
    expect(again.upTo).toBe(7);
    for (const k of keys) expect(again.mayHave(keyCode(k))).toBe(true);
    for (let i = 0; i < 200; i++)
      expect(again.mayHave(keyCode(`x${i}`))).toBe(filter.mayHave(keyCode(`x${i}`)));
    expect(() => KeyFilter.fromRows([{ ...rows[1]! }])).toThrow(/one snapshot/);
    expect(() => KeyFilter.fromRows([rows[0]!, { ...rows[1]!, upTo: 9 }])).toThrow(/one snapshot/);
    expect(() => KeyFilter.fromRows([{ ...rows[0]!, bits: new Uint32Array(3) }])).toThrow(/one snapshot/);
  });

  it('keeps the concept counts in its snapshot, and refuses a snapshot written without them', () => {
    const filter = filled(['p:one']);
    filter.concepts.addStatement(['grain', 'tariff']);
    filter.concepts.addStatement(['grain']);
    const rows = filter.toRows();
    const again = KeyFilter.fromRows(structuredClone(rows));
    expect(again.concepts.total).toBe(2);
    expect(again.concepts.count('grain')).toBe(2);
    // Before the counts existed: keys alone would leave the counts empty for good.
    const { concepts: _, conceptTotal: __, ...older } = rows[0]!;
    expect(() => KeyFilter.fromRows([older])).toThrow(/one snapshot/);
    expect(() => KeyFilter.fromRows([{ ...rows[0]!, concepts: new Uint16Array(5) }])).toThrow(/one snapshot/);
  });
});

describe('the store’s key filter', () => {
  const db = useTestStore('key-filter');
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

  it('counts the concepts of every stored statement, also when a new worker catches up', async () => {
    await ingestPage(db(), { page: page(1), statements: [statement(QUOTE, 'Harbour Master Lena Fischer')] });
    await ingestPage(db(), {
      page: page(2),
      statements: [
        statement('Ferry fares stay the same this summer, the operator promised.', 'Nordic Lines'),
      ],
    });
    const live = await db().transaction('r', [db().statements, db().keyFilter], () => keyFilterFor(db()));
    expect(live.concepts.total).toBe(2);
    expect(live.concepts.count('ferri')).toBe(2);
    forgetKeyFilter(db());
    const caughtUp = await db().transaction('r', [db().statements, db().keyFilter], () => keyFilterFor(db()));
    expect(caughtUp.concepts.total).toBe(2);
    expect([...caughtUp.concepts.counts]).toEqual([...live.concepts.counts]);
  });

  it('holds every key of every stored statement after each reading', async () => {
    await ingestPage(db(), { page: page(1), statements: [statement(QUOTE, 'Harbour Master Lena Fischer')] });
    await ingestPage(db(), {
      page: page(2),
      statements: [
        statement('Ferry fares stay the same this summer, the operator promised.', 'Nordic Lines'),
      ],
    });
    const filter = await db().transaction('r', [db().statements, db().keyFilter], () => keyFilterFor(db()));
    const stored = await db().statements.toArray();
    expect(filter.upTo).toBe(Math.max(...stored.map((s) => s.id)));
    for (const s of stored) for (const k of s.keys) expect(filter.mayHave(plainKey(k))).toBe(true);
    // Nothing persisted yet: two statements are far from a snapshot's worth.
    expect(await db().keyFilter.count()).toBe(0);
  });

  it('writes a snapshot once the store has grown enough, and a new worker starts from it', async () => {
    // Statements about nothing in common: words made of the statement's number.
    const word = (n: number) => `w${n.toString(36)}x`;
    const many = Array.from({ length: SNAPSHOT_LAG + 10 }, (_, i) =>
      statement(`${Array.from({ length: 10 }, (_, j) => word(i + j * 4000)).join(' ')}.`, 'Lena Fischer'),
    ).map((s, i) => ({ ...s, start: i * 100, end: i * 100 + s.text.length }));
    // On three pages: a page stores at most PAGE_BUDGET statements.
    const third = Math.ceil(many.length / 3);
    for (const p of [0, 1, 2]) {
      await ingestPage(db(), { page: page(10 + p), statements: many.slice(p * third, (p + 1) * third) });
    }
    await keyFilterSettled(db());
    const rows = await db().keyFilter.toArray();
    expect(rows.length).toBeGreaterThan(0);
    expect(rows[0]!.upTo).toBe(await db().statements.orderBy(':id').lastKey());
    const snapshot = KeyFilter.fromRows(rows);
    for (const s of await db().statements.toArray())
      for (const k of s.keys) expect(snapshot.mayHave(plainKey(k))).toBe(true);
    // A restarted worker reads the snapshot and still finds a reprint of the oldest statement.
    forgetKeyFilter(db());
    const result = await ingestPage(db(), {
      page: page(2),
      statements: [statement(many[0]!.text, 'Mayor Tom Berg')],
    });
    const relation = await db().relations.where('a').equals(result.statements[0]!.statementId).first();
    expect(relation?.b).toBe(1);
  }, 30_000);

  it('never hides a stored statement, even when its persisted filter was lost', async () => {
    // Two workers, one after the other, on a store of their own rather than the shared one.
    const name = `key-filter-${Math.random()}`;
    const first = openDb(name);
    await ingestPage(first, { page: page(1), statements: [statement(QUOTE, 'Harbour Master Lena Fischer')] });
    await first.keyFilter.clear();
    forgetKeyFilter(first);
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

describe('preparing the key filter beside ingests', () => {
  const db = useTestStore('key-filter');
  const statement = (text: string) => ({
    text,
    kind: 'direct' as const,
    start: 0,
    end: text.length,
    speaker: { name: 'Lena Fischer', mention: 'Fischer', mentionStart: -1 },
    cue: 'said',
    continues: null,
    prefix: '',
    suffix: '',
  });
  const page = (n: number) => ({
    url: `https://p${n}.example/`,
    canonicalUrl: null,
    title: `P${n}`,
    site: `p${n}.example`,
    publishedAt: null,
  });

  it('never runs beside an ingest: preparations and ingests fired together all end, in order', async () => {
    const quote = 'The new ferry timetable will add three crossings a day from the first week of June.';
    await ingestPage(db(), { page: page(0), statements: [statement(quote)] });
    forgetKeyFilter(db());
    const order: string[] = [];
    const prepared = prepareKeyFilter(db()).then(() => order.push('prepared'));
    const ingests = [1, 2, 3].map((n) =>
      ingestPage(db(), { page: page(n), statements: [statement(`${quote} Page ${n}.`)] }).then((r) => {
        order.push(`ingest ${n}`);
        return r;
      }),
    );
    // Asked while ingests are queued: nothing to do, they load the filter themselves.
    const late = prepareKeyFilter(db()).then(() => order.push('late'));
    const results = await Promise.all(ingests);
    await Promise.all([prepared, late]);
    expect(order.indexOf('prepared')).toBeLessThan(order.indexOf('ingest 1'));
    expect(order.filter((o) => o.startsWith('ingest'))).toEqual(['ingest 1', 'ingest 2', 'ingest 3']);
    expect(await db().statements.count()).toBe(4);
    // Each new page relates to the stored first one (and the pages before it).
    expect(results.map((r) => r.statements[0]!.related + r.statements[0]!.conflicts)).toEqual([1, 2, 3]);
    expect(holdsKeyFilter(db())).toBe(true);
  });
});
