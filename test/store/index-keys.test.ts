import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { indexedKeys, keyRange, plainKey } from '../../utils/store/index-keys';

const MINUTE = 60_000;
let db: Dexie | null = null;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
  db = null;
});

describe('time-tagged index keys', () => {
  it('orders a key’s entries newest first, minute by minute', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 4_000_000_000_000 }),
        fc.integer({ min: 1, max: 10_000_000 }),
        (t, later) => {
          const [older] = indexedKeys(['t:abc'], t);
          const [newer] = indexedKeys(['t:abc'], t + later * MINUTE);
          expect(newer! < older!).toBe(true);
          expect(plainKey(newer!)).toBe('t:abc');
          const range = keyRange('t:abc');
          for (const entry of [older!, newer!]) expect(range.includes(entry)).toBe(true);
        },
      ),
    );
  });

  it('keeps other keys out of a key’s range, also keys it is a prefix of', () => {
    const range = keyRange('t:abc');
    for (const other of ['t:ab', 't:abcd', 't:abd', 'm0:abc']) {
      expect(range.includes(indexedKeys([other], Date.now())[0]!)).toBe(false);
    }
  });

  it('reads the newest N statements under a common key from a multi-entry index', async () => {
    db = new Dexie(`index-keys-${Math.random()}`);
    db.version(1).stores({ rows: '++id, *keys' });
    await db.open();
    // 100 statements under one key, written in shuffled order of their reading time.
    const times = Array.from({ length: 100 }, (_, i) => i);
    for (let i = times.length - 1; i > 0; i--) {
      const j = (i * 7919) % (i + 1);
      [times[i], times[j]] = [times[j]!, times[i]!];
    }
    await db.table('rows').bulkAdd(
      times.map((minute) => ({
        minute,
        keys: indexedKeys(['t:common', `t:own${minute}`], minute * MINUTE),
      })),
    );
    const range = keyRange('t:common');
    const ids = await db
      .table('rows')
      .where('keys')
      .between(range.lower, range.upper, true, true)
      .limit(10)
      .primaryKeys();
    const rows = await db.table('rows').bulkGet(ids);
    expect(rows.map((r) => r.minute)).toEqual([99, 98, 97, 96, 95, 94, 93, 92, 91, 90]);
  });
});
