import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { keyWeight } from '../../utils/match/fingerprint';
import {
  codeWeight,
  fromV4Entry,
  indexedKeys,
  keyCode,
  keyRange,
  plainKey,
  v4IndexedKeys,
} from '../../utils/store/index-keys';

const MINUTE = 60_000;
const STEP = 10 * MINUTE;
/** 2020-01-01 and 2059-11-01: within the span the time tags cover (to 2059-11-15). */
const FROM = Date.UTC(2020, 0, 1);
const UNTIL = Date.UTC(2059, 10, 1);
let db: Dexie | null = null;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
  db = null;
});

describe('time-tagged index keys', () => {
  it('orders a key’s entries newest first, ten minutes by ten minutes, as exact numbers', () => {
    const code = keyCode('p:abc');
    fc.assert(
      fc.property(
        fc.integer({ min: FROM, max: UNTIL }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (t, later) => {
          const [older] = indexedKeys([code], t);
          const newer = indexedKeys([code], Math.min(UNTIL, t + later * STEP))[0]!;
          if (t + later * STEP <= UNTIL) expect(newer).toBeLessThan(older!);
          for (const entry of [older!, newer]) {
            expect(Number.isSafeInteger(entry)).toBe(true);
            expect(plainKey(entry)).toBe(code);
            expect(keyRange(code).includes(entry)).toBe(true);
          }
        },
      ),
    );
  });

  it('keeps other keys out of a key’s range', () => {
    const range = keyRange(keyCode('p:abc'));
    for (const other of ['p:ab', 'p:abcd', 'p:abd', 'm0:abc']) {
      for (const t of [0, FROM, Date.now(), UNTIL * 2]) {
        expect(range.includes(indexedKeys([keyCode(other)], t)[0]!)).toBe(false);
      }
    }
  });

  it('codes a key with its weight: a topic pair alone makes a candidate, a band does not', () => {
    fc.assert(
      fc.property(fc.constantFrom('p:', 'm0:', 'm7:', 't:'), fc.string({ maxLength: 12 }), (kind, rest) => {
        const key = `${kind}${rest}`;
        expect(codeWeight(keyCode(key))).toBe(keyWeight(key));
        expect(keyCode(key)).toBeGreaterThanOrEqual(0);
        expect(keyCode(key)).toBeLessThan(2 ** 32);
      }),
    );
  });

  it('reads schema 4’s entries with the time they were read', () => {
    const readAt = Date.UTC(2025, 4, 6, 12, 30);
    const [old] = v4IndexedKeys(['p:3k9x0a1bz'], readAt);
    expect(fromV4Entry(old!)).toBe(indexedKeys([keyCode('p:3k9x0a1bz')], readAt)[0]);
    expect(fromV4Entry('p:3k9x0a1bz')).toBeNull();
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
    const common = keyCode('p:common');
    await db.table('rows').bulkAdd(
      times.map((step) => ({
        step,
        keys: indexedKeys([common, keyCode(`p:own${step}`)], FROM + step * STEP),
      })),
    );
    const range = keyRange(common);
    const ids = await db
      .table('rows')
      .where('keys')
      .between(range.lower, range.upper, true, true)
      .limit(10)
      .primaryKeys();
    const rows = await db.table('rows').bulkGet(ids);
    expect(rows.map((r) => r.step)).toEqual([99, 98, 97, 96, 95, 94, 93, 92, 91, 90]);
  });
});
