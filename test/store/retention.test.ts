/**
 * The store's size: eviction of the oldest unsaved statements over the reader's limit, and
 * "forget pages read before …"; saved quotes are never deleted.
 */
import { describe, expect, it } from 'vitest';
import type { StatementPayload } from '../../utils/domain';
import type { IngestPage } from '../../utils/messages';
import { archiveView, pageView, speakerTimeline } from '../../utils/store/queries';
import { EVICT_TO, evictionSettled, statementLimit, storeSize } from '../../utils/store/retention';
import {
  clearAllData,
  evictOverLimit,
  forgetPagesReadBefore,
  ingestPage,
  saveStatement,
} from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('retention');

const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.UTC(2026, 0, 1);

function statement(text: string, speaker: string, start = 0): StatementPayload {
  return {
    text,
    kind: 'direct',
    start,
    end: start + text.length,
    speaker: { name: speaker, mention: speaker.split(' ').pop()!, mentionStart: -1 },
    cue: 'said',
    continues: null,
    prefix: '',
    suffix: '',
  };
}

function reading(url: string, statements: StatementPayload[]): Pick<IngestPage, 'page' | 'statements'> {
  return {
    page: { url, canonicalUrl: null, title: url, site: new URL(url).hostname, publishedAt: null },
    statements,
  };
}

/** Four statements about nothing in common, on page `p`. */
function own(p: number): StatementPayload[] {
  return [0, 1, 2, 3].map((i) =>
    statement(
      `Page ${p} item ${i}: ${`w${p}x${i} `.repeat(6).trim()} will be announced.`,
      `Speaker P${p}`,
      i * 100,
    ),
  );
}

const SHARED = 'We will rebuild the harbour bridge before the winter storms arrive in the north.';

/**
 * Five pages read a day apart: page 0 (oldest) holds a quote reprinted on page 4 under another
 * name (a relation between the oldest and the newest page), and one quote the reader saved.
 */
async function fiveDays(): Promise<{ savedId: number; sharedOldId: number; sharedNewId: number }> {
  const first = await ingestPage(
    db(),
    reading('https://p0.example/a', [...own(0), statement(SHARED, 'Ada Park', 900)]),
    T0,
  );
  const savedId = first.statements[1]!.statementId;
  await saveStatement(db(), savedId, { now: T0 });
  for (const p of [1, 2, 3]) await ingestPage(db(), reading(`https://p${p}.example/a`, own(p)), T0 + p * DAY);
  const last = await ingestPage(
    db(),
    reading('https://p4.example/a', [...own(4), statement(SHARED, 'Tom Lee', 900)]),
    T0 + 4 * DAY,
  );
  return {
    savedId,
    sharedOldId: first.statements[4]!.statementId,
    sharedNewId: last.statements[4]!.statementId,
  };
}

describe('eviction over the size limit', () => {
  it('deletes the unsaved statements of the pages read longest ago, with their relations, and never a saved quote', async () => {
    const { savedId, sharedOldId, sharedNewId } = await fiveDays();
    expect(await db().statements.count()).toBe(22);
    expect(await db().relations.where('b').equals(sharedOldId).count()).toBe(1);
    // Limit 20: down to 18 (EVICT_TO), so page 0's four unsaved statements go, and nothing else.
    expect(Math.floor(20 * EVICT_TO)).toBe(18);
    const removal = await evictOverLimit(db(), 20);
    expect(removal).toEqual({ pages: 0, statements: 4, keptSaved: 1 });
    expect(await db().statements.count()).toBe(18);
    // The saved quote stays, with its page: the archive and the speaker view still find it.
    expect(await db().statements.get(savedId)).toBeDefined();
    expect((await pageView(db(), 'https://p0.example/a'))!.statements.map((s) => s.statement.id)).toEqual([
      savedId,
    ]);
    expect((await archiveView(db())).entries.map((e) => e.statementId)).toEqual([savedId]);
    expect((await speakerTimeline(db(), 'Speaker P0')).map((i) => i.saved)).toEqual([true]);
    // The relation to the evicted quote went with it; the newest page keeps its statements.
    expect(await db().statements.get(sharedOldId)).toBeUndefined();
    expect(await db().relations.where('a').equals(sharedNewId).count()).toBe(0);
    expect(
      await db()
        .statements.where('pageId')
        .equals((await db().pages.get(5))!.id)
        .count(),
    ).toBe(5);
    // A speaker left with no statement is forgotten too.
    expect(await db().speakers.where('name').equals('Ada Park').count()).toBe(0);
    expect(await db().speakers.where('name').equals('Tom Lee').count()).toBe(1);
  });

  it('takes whole pages, oldest first, until the store is under its limit, and removes emptied pages', async () => {
    const { savedId } = await fiveDays();
    const removal = await evictOverLimit(db(), 10);
    // Down to 9 or fewer: pages 0 (all but the saved quote), 1, 2 and 3 go; page 4 stays.
    expect(removal).toEqual({ pages: 3, statements: 16, keptSaved: 1 });
    const left = await db().pages.toArray();
    expect(left.map((p) => p.url)).toEqual(['https://p0.example/a', 'https://p4.example/a']);
    expect((await db().statements.toArray()).map((s) => s.id)).toContain(savedId);
    expect(await db().statements.count()).toBe(6);
  });

  it('does nothing under the limit', async () => {
    await fiveDays();
    expect(await evictOverLimit(db(), 1000)).toEqual({ pages: 0, statements: 0, keptSaved: 0 });
    expect(await db().statements.count()).toBe(22);
  });

  it('runs after an ingest that takes the store over the limit the background passes', async () => {
    await fiveDays();
    await ingestPage(db(), reading('https://p5.example/a', own(5)), T0 + 5 * DAY, { storeLimit: 20 });
    await evictionSettled(db());
    // 26 statements: down to 18 or fewer, the oldest pages first.
    expect(await db().statements.count()).toBeLessThanOrEqual(18);
    expect(await db().statements.where('pageId').equals(6).count()).toBe(4);
  });

  it('converts the limit the reader sets in MB to statements', () => {
    expect(statementLimit(200)).toBe(200_000);
  });
});

describe('forget pages read before a date', () => {
  it('deletes the pages last read before it with their statements and relations, and keeps saved quotes', async () => {
    const { savedId, sharedNewId } = await fiveDays();
    const removal = await forgetPagesReadBefore(db(), T0 + 2 * DAY);
    expect(removal).toEqual({ pages: 1, statements: 8, keptSaved: 1 });
    expect((await db().pages.toArray()).map((p) => p.url)).toEqual([
      'https://p0.example/a',
      'https://p2.example/a',
      'https://p3.example/a',
      'https://p4.example/a',
    ]);
    expect((await db().statements.where('pageId').equals(1).toArray()).map((s) => s.id)).toEqual([savedId]);
    expect(await db().relations.where('a').equals(sharedNewId).count()).toBe(0);
    expect((await archiveView(db())).entries).toHaveLength(1);
    // The budget windows of the sites read before the date are gone too.
    expect((await db().budgets.toArray()).map((b) => b.site)).toEqual([
      'p2.example',
      'p3.example',
      'p4.example',
    ]);
    // Again: nothing more to forget, the saved quote's page is stepped over.
    expect(await forgetPagesReadBefore(db(), T0 + 2 * DAY)).toEqual({
      pages: 0,
      statements: 0,
      keptSaved: 1,
    });
  });

  it('stores a page read after the newest pages were forgotten as a page of its own, with its own speakers', async () => {
    await fiveDays();
    await forgetPagesReadBefore(db(), T0 + 10 * DAY);
    expect(await db().pages.count()).toBe(1);
    const next = await ingestPage(db(), reading('https://p9.example/a', own(9)), T0 + 11 * DAY);
    const view = await pageView(db(), 'https://p9.example/a');
    expect(view!.page.url).toBe('https://p9.example/a');
    expect(view!.statements.map((s) => [s.statement.id, s.speakerCanonical])).toEqual(
      next.statements.map((s) => [s.statementId, 'Speaker P9']),
    );
    // The saved quote's page and speaker are untouched.
    expect((await pageView(db(), 'https://p0.example/a'))!.statements.map((s) => s.speakerCanonical)).toEqual(
      ['Speaker P0'],
    );
  });

  it("leaves no site of the reader's history in the budgets once all data is cleared", async () => {
    await fiveDays();
    expect(await db().budgets.count()).toBe(5);
    await clearAllData(db());
    expect(await db().budgets.count()).toBe(0);
  });

  it('tells the options page what the store holds', async () => {
    await fiveDays();
    expect(await storeSize(db())).toEqual({
      pages: 5,
      statements: 22,
      saved: 1,
      oldestRead: T0,
      newestRead: T0 + 4 * DAY,
    });
  });
});
