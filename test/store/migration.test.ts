import Dexie from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import {
  CONFLICT_CUES,
  CONFLICT_OPERATING_POINT,
  conflictScore,
  conflictWords,
} from '../../utils/match/calibration';
import {
  bandKeys,
  lookupKeys,
  MAX_KEYS,
  matchKeys,
  STORED_PAIR_TOPICS,
  topicPairKeys,
} from '../../utils/match/fingerprint';
import { exactKey, normalizeText } from '../../utils/match/normalize';
import { isConflict } from '../../utils/match/relate';
import { concepts, rankTopics, topicKeys } from '../../utils/match/topic';
import { openDb, type SaywhoDb } from '../../utils/store/db';
import { toJson } from '../../utils/store/export';
import {
  codeWeight,
  indexedKeys,
  keyCodes,
  keyRange,
  plainKey,
  v4IndexedKeys,
} from '../../utils/store/index-keys';
import { keyFilterFor } from '../../utils/store/key-filter';
import { archiveEntries, pageView, speakerTimeline } from '../../utils/store/queries';
import { ingestPage } from '../../utils/store/writes';

/**
 * Opens databases written with earlier schema versions and checks that the current code finds
 * everything in them. Versions 1 and 2 are frozen here, as they shipped: this test must not follow
 * later edits of db.ts.
 */
const V1 = {
  pages: '++id, &key, url, site, lastReadAt',
  speakers: '++id, identityKey, name',
  statements: '++id, pageId, exactKey, speakerId, *keys, [pageId+exactKey+occurrence]',
  relations: '++id, a, b, type, &[a+b+type]',
  archive: '++id, statementId, savedAt, *tags',
};

const V2 = { ...V1, speakers: '++id, identityKey, name, *aliases' };
const V4 = { ...V2, keyFilter: 'id' };

const QUOTE = 'We will not reopen the bridge before the inspectors have finished their work.';
const OTHER = 'The council has done everything it could to keep the bridge safe for everyone.';
/** Keys of the four LSH bands version 1 had and version 2 dropped. */
const DEAD_KEYS = ['m8:aaaaaaaa', 'm9:bbbbbbbb', 'm10:cccccccc', 'm11:dddddddd'];

/** The keys version 4 stored: every band and the topic pairs of 6 concepts (what a statement now asks about). */
const v4Keys = (text: string, context: string) => lookupKeys(text, context);

/**
 * The keys versions 1 to 3 computed: LSH bands, then up to 10 single topic keys (`t:`), with topic
 * keys of the lead-in for a fragment of fewer than 3. Frozen here as they shipped.
 */
function legacyKeys(text: string, context: string): string[] {
  const keys = new Set(bandKeys(text));
  const own = topicKeys(text);
  for (const k of own) keys.add(k);
  if (own.length < 3) for (const k of topicKeys(context, 10 - own.length)) keys.add(k);
  return [...keys].slice(0, 18);
}

/** The time tag each page's statements get on upgrade: the page's first reading. */
const FIRST_READ: Record<number, number> = { 1: Date.UTC(2024, 0, 1, 8), 2: Date.UTC(2024, 0, 2, 9) };

/** The keys a statement carries since version 5 (as the current code computes them), read at `readAt`. */
const v5Keys = (text: string, context: string, readAt: number) =>
  indexedKeys(keyCodes(matchKeys(text, context)), readAt);

let n = 0;
let name = '';
let db: SaywhoDb | null = null;
afterEach(async () => {
  db?.close();
  await Dexie.delete(name);
});

/**
 * A store as version 1 (or 2) left it: two pages, three statements, a relation, a saved quote, a
 * capture. Version 1 stored keys of 12 LSH bands; version 2 the 8-band keys, untagged.
 */
async function writeV1(dbName: string, version: 1 | 2 | 3 | 4 = 1): Promise<void> {
  const v1 = new Dexie(dbName);
  // Version 3 changed no table, only what the keys index holds.
  v1.version(version).stores(version === 1 ? V1 : version === 4 ? V4 : V2);
  await v1.open();
  await v1.table('pages').bulkAdd([
    {
      key: 'https://one.example/a',
      url: 'https://one.example/a',
      canonicalUrl: null,
      title: 'Bridge stays shut',
      site: 'one.example',
      publishedAt: '2025-01-02',
      firstReadAt: FIRST_READ[1]!,
      lastReadAt: FIRST_READ[1]!,
    },
    {
      key: 'https://two.example/b',
      url: 'https://two.example/b#top',
      canonicalUrl: null,
      title: 'Council defends record',
      site: 'two.example',
      publishedAt: null,
      firstReadAt: FIRST_READ[2]!,
      lastReadAt: FIRST_READ[2]!,
    },
  ]);
  await v1.table('speakers').bulkAdd([
    { identityKey: 'park', name: 'Mayor Ada Park', aliases: ['Park', 'Ada Park'], type: 'person' },
    { identityKey: 'council', name: 'City Council', aliases: [], type: 'organization' },
  ]);
  const row = (pageId: number, text: string, speakerId: number, speakerName: string, start: number) => ({
    pageId,
    text,
    normalized: normalizeText(text),
    exactKey: exactKey(text),
    occurrence: 0,
    kind: 'direct',
    speakerId,
    speakerName,
    mention: speakerName.split(' ').pop(),
    cue: 'said',
    start,
    end: start + text.length,
    continuesId: null,
    utteranceId: null,
    keys:
      version === 1
        ? [...legacyKeys(text, 'the mayor said: '), ...DEAD_KEYS]
        : version === 2
          ? legacyKeys(text, 'the mayor said: ')
          : version === 3
            ? v4IndexedKeys(legacyKeys(text, 'the mayor said: '), FIRST_READ[pageId]!)
            : v4IndexedKeys(v4Keys(text, 'the mayor said: '), FIRST_READ[pageId]!),
    prefix: 'the mayor said: ',
    suffix: ' She left.',
  });
  await v1
    .table('statements')
    .bulkAdd([
      row(1, QUOTE, 1, 'Mayor Ada Park', 10),
      row(2, QUOTE, 2, 'City Council', 40),
      row(2, OTHER, 2, 'City Council', 200),
    ]);
  await v1.table('relations').add({
    a: 2,
    b: 1,
    type: 'misattribution',
    score: 0.9,
    reason: 'same 14 words; one.example says Mayor Ada Park, two.example says City Council',
    createdAt: 3000,
  });
  await v1.table('archive').bulkAdd([
    {
      statementId: 1,
      snapshot: {
        text: QUOTE,
        kind: 'direct',
        speaker: 'Mayor Ada Park',
        cue: 'said',
        pageUrl: 'https://one.example/a',
        pageTitle: 'Bridge stays shut',
        site: 'one.example',
      },
      note: 'check the inspectors’ report',
      tags: ['bridge', 'council'],
      savedAt: 4000,
    },
    {
      statementId: null,
      snapshot: {
        text: 'A remark typed by hand',
        kind: 'direct',
        speaker: null,
        cue: null,
        pageUrl: 'https://three.example/c',
        pageTitle: 'Three',
        site: 'three.example',
        publishedAt: null,
      },
      note: '',
      tags: [],
      savedAt: 5000,
    },
  ]);
  if (version === 4) {
    // A key filter snapshot of string keys, which version 5 cannot read.
    await v1.table('keyFilter').put({ id: 0, bits: new Uint32Array(8), capacity: 16_384, count: 3, upTo: 3 });
  }
  v1.close();
}

describe('schema migration 1 → 6', () => {
  it('finds everything a version-1 store held, with keys recomputed and speakers found by alias', async () => {
    name = `test-migration-${n++}`;
    await writeV1(name);
    db = openDb(name);
    await db.open();
    expect(db.verno).toBe(11);

    expect(await db.pages.count()).toBe(2);
    expect(await db.speakers.count()).toBe(2);
    expect(await db.statements.count()).toBe(3);
    expect(await db.relations.count()).toBe(1);
    expect(await db.archive.count()).toBe(2);

    // Every stored statement now carries exactly the keys a new one stores (the dropped bands of
    // version 1 are gone).
    for (const s of await db.statements.toArray()) {
      expect(s.keys).toEqual(v5Keys(s.text, `${s.prefix} ${s.suffix}`, FIRST_READ[s.pageId]!));
    }

    // The new alias index: the speaker view opens from a name an article gave.
    expect(await db.speakers.where('aliases').equals('Ada Park').count()).toBe(1);
    expect((await speakerTimeline(db, 'Ada Park')).map((i) => i.text)).toEqual([QUOTE]);

    // The page view and the archive read the old rows unchanged.
    const view = await pageView(db, 'https://two.example/b#top');
    expect(view?.statements.map((s) => [s.statement.text, s.conflicts])).toEqual([
      [QUOTE, 1],
      [OTHER, 0],
    ]);
    const archive = JSON.parse(toJson(await archiveEntries(db))) as {
      entries: { note: string; tags: string[] }[];
    };
    expect(archive.entries.map((e) => [e.note, e.tags])).toEqual(
      expect.arrayContaining([
        ['check the inspectors’ report', ['bridge', 'council']],
        ['', []],
      ]),
    );
  });

  it('matches a page read after the upgrade against statements stored before it', async () => {
    name = `test-migration-${n++}`;
    await writeV1(name);
    db = openDb(name);
    const result = await ingestPage(db, {
      page: {
        url: 'https://four.example/d',
        canonicalUrl: null,
        title: 'Four',
        site: 'four.example',
        publishedAt: null,
      },
      statements: [
        {
          text: OTHER,
          kind: 'direct',
          start: 0,
          end: OTHER.length,
          speaker: { name: 'City Council', mention: 'City Council', mentionStart: -1 },
          cue: 'said',
          continues: null,
          prefix: 'the council said: ',
          suffix: '',
        },
      ],
    });
    expect(result.statements[0]!.related).toBeGreaterThan(0);
    const relation = await db.relations.where('a').equals(result.statements[0]!.statementId).first();
    expect(relation).toMatchObject({ type: 'same-quote', b: 3 });
  });
});

describe('schema migration 2 → 6', () => {
  it('recomputes every stored key and tags it with its page’s first reading, newest first in the index', async () => {
    name = `test-migration-${n++}`;
    await writeV1(name, 2);
    db = openDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    expect(await db.statements.count()).toBe(3);
    expect(await db.speakers.where('aliases').equals('Ada Park').count()).toBe(1);
    const rows = await db.statements.toArray();
    for (const s of rows) {
      expect(s.keys).toEqual(v5Keys(s.text, 'the mayor said: ', FIRST_READ[s.pageId]!));
      expect(s.keys.map(plainKey)).toEqual(keyCodes(matchKeys(s.text, 'the mayor said: ')));
    }
    // The quote printed on both pages: its key range lists the later page's statement first.
    const key = keyCodes(matchKeys(QUOTE, 'the mayor said: '))[0]!;
    const range = keyRange(key);
    const ids = await db.statements.where('keys').between(range.lower, range.upper, true, true).primaryKeys();
    expect(ids).toEqual([2, 1]);
  });

  it('matches a page read after the upgrade against statements stored before it', async () => {
    name = `test-migration-${n++}`;
    await writeV1(name, 2);
    db = openDb(name);
    const result = await ingestPage(db, {
      page: {
        url: 'https://five.example/e',
        canonicalUrl: null,
        title: 'Five',
        site: 'five.example',
        publishedAt: null,
      },
      statements: [
        {
          text: QUOTE,
          kind: 'direct',
          start: 0,
          end: QUOTE.length,
          speaker: { name: 'Ada Park', mention: 'Park', mentionStart: -1 },
          cue: 'said',
          continues: null,
          prefix: 'the mayor said: ',
          suffix: '',
        },
      ],
    });
    const relations = await db.relations.where('a').equals(result.statements[0]!.statementId).toArray();
    expect(relations.map((r) => [r.type, r.b]).sort()).toEqual([
      ['misattribution', 2],
      ['same-quote', 1],
    ]);
  });
});

describe('schema migration 3 → 6', () => {
  it('keeps every row, recomputes the keys as topic pairs with their time tags, and matches across the upgrade', async () => {
    name = `test-migration-${n++}`;
    await writeV1(name, 3);
    db = openDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    expect(await db.pages.count()).toBe(2);
    expect(await db.speakers.count()).toBe(2);
    expect(await db.statements.count()).toBe(3);
    expect(await db.relations.count()).toBe(1);
    expect(await db.archive.count()).toBe(2);
    expect(await db.keyFilter.count()).toBe(0);
    for (const s of await db.statements.toArray()) {
      expect(s.keys).toEqual(v5Keys(s.text, 'the mayor said: ', FIRST_READ[s.pageId]!));
      // Topic words in pairs only: each statement has pair keys.
      expect(s.keys.some((k) => codeWeight(plainKey(k)) === 2)).toBe(true);
    }

    const result = await ingestPage(db, {
      page: {
        url: 'https://six.example/f',
        canonicalUrl: null,
        title: 'Six',
        site: 'six.example',
        publishedAt: null,
      },
      statements: [
        {
          text: OTHER,
          kind: 'direct',
          start: 0,
          end: OTHER.length,
          speaker: { name: 'City Council', mention: 'City Council', mentionStart: -1 },
          cue: 'said',
          continues: null,
          prefix: 'the council said: ',
          suffix: '',
        },
      ],
    });
    // Found through the index although the key filter started empty: the statements stored before
    // it existed were added to it first.
    const relation = await db.relations.where('a').equals(result.statements[0]!.statementId).first();
    expect(relation).toMatchObject({ type: 'same-quote', b: 3 });
    const store = db;
    const filter = await store.transaction('r', [store.statements, store.keyFilter], () =>
      keyFilterFor(store),
    );
    expect(filter.upTo).toBe(result.statements[0]!.statementId);
    for (const s of await db.statements.toArray()) {
      for (const k of s.keys) expect(filter.mayHave(plainKey(k))).toBe(true);
    }
  });
});

describe('schema migration 4 → 6', () => {
  it('keeps every row, slims each statement (numeric keys, 14 of them, no normalized text or exact key) and drops the unused indexes', async () => {
    name = `test-migration-${n++}`;
    await writeV1(name, 4);
    db = openDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    expect(await db.pages.count()).toBe(2);
    expect(await db.speakers.count()).toBe(2);
    expect(await db.statements.count()).toBe(3);
    expect(await db.relations.count()).toBe(1);
    expect(await db.archive.count()).toBe(2);
    // The string-key snapshot is gone (the first ingest rebuilds the filter); budgets start empty.
    expect(await db.keyFilter.count()).toBe(0);
    expect(await db.budgets.count()).toBe(0);
    expect(db.statements.schema.indexes.map((i) => i.name).sort()).toEqual(['keys', 'pageId', 'speakerId']);
    for (const s of await db.statements.toArray()) {
      expect(Object.keys(s)).not.toContain('normalized');
      expect(Object.keys(s)).not.toContain('exactKey');
      // The bands and the pairs of the 4 strongest concepts, with the time they were read.
      expect(s.keys).toEqual(v5Keys(s.text, 'the mayor said: ', FIRST_READ[s.pageId]!));
      expect(s.keys.length).toBeLessThanOrEqual(MAX_KEYS);
    }
    const all = await db.statements.toArray();
    const keysBefore = all.reduce((sum, s) => sum + v4Keys(s.text, 'the mayor said: ').length, 0);
    expect(all.reduce((sum, s) => sum + s.keys.length, 0)).toBeLessThan(keysBefore);
    expect((await archiveEntries(db)).map((e) => e.statementId).sort()).toEqual([1, null]);
  });

  it('reads a page stored before the upgrade again without adding or removing anything, and matches new pages against it', async () => {
    name = `test-migration-${n++}`;
    await writeV1(name, 4);
    db = openDb(name);
    const before = await db.statements.toArray();
    const again = await ingestPage(db, {
      page: {
        url: 'https://two.example/b',
        canonicalUrl: null,
        title: 'Council defends record',
        site: 'two.example',
        publishedAt: null,
      },
      statements: [QUOTE, OTHER].map((text, i) => ({
        text,
        kind: 'direct' as const,
        start: i * 200,
        end: i * 200 + text.length,
        speaker: { name: 'City Council', mention: 'Council', mentionStart: -1 },
        cue: 'said',
        continues: null,
        prefix: 'the mayor said: ',
        suffix: ' She left.',
      })),
    });
    expect(again.statements.map((s) => s.statementId)).toEqual([2, 3]);
    expect((await db.statements.toArray()).map((s) => [s.id, s.keys])).toEqual(
      before.map((s) => [s.id, s.keys]),
    );
    const result = await ingestPage(db, {
      page: {
        url: 'https://six.example/f',
        canonicalUrl: null,
        title: 'Six',
        site: 'six.example',
        publishedAt: null,
      },
      statements: [
        {
          text: OTHER,
          kind: 'direct',
          start: 0,
          end: OTHER.length,
          speaker: { name: 'City Council', mention: 'City Council', mentionStart: -1 },
          cue: 'said',
          continues: null,
          prefix: 'the council said: ',
          suffix: '',
        },
      ],
    });
    const relation = await db.relations.where('a').equals(result.statements[0]!.statementId).first();
    expect(relation).toMatchObject({ type: 'same-quote', b: 3 });
  });
});

/** Version 5's tables, frozen as it shipped. */
const V5 = { ...V4, statements: '++id, pageId, speakerId, *keys', budgets: 'site' };

/** A statement about councillor Rose, and a later one, reworded, that shares only "Rose" and "harbour" with it. */
const ROSE = 'The harbour fee is unfair to fishermen, Rose told reporters.';
const ROSE_LATER = 'Councillor Rose wants the harbour closed to tourists in summer.';
const PREFIX = 'the mayor said: ';
const SUFFIX = ' She left.';
/** The context a statement's keys are computed with: the words either side of it. */
const CONTEXT = `${PREFIX} ${SUFFIX}`;

/**
 * The keys an older key function stored for `text`: its bands, and the pairs of its strongest
 * concepts with `from` taken for `to` (before version 6 the name "Rose" was the verb "rise").
 */
function staleKeys(text: string, from: string, to: string): string[] {
  const cs = concepts(text).map((c) => (c.key === from ? { ...c, key: to } : c));
  return [...bandKeys(text), ...topicPairKeys(rankTopics(cs, STORED_PAIR_TOPICS))];
}

/** A statement of a version-5 store at `readAt`, or without keys when `readAt` is null. */
function v5Row(text: string, keys: string[], readAt: number | null, start: number) {
  return {
    pageId: 1,
    site: 'one.example',
    text,
    occurrence: 0,
    kind: 'direct',
    speakerId: 1,
    speakerName: 'Mayor Ada Park',
    mention: 'Park',
    cue: 'said',
    start,
    end: start + text.length,
    continuesId: null,
    utteranceId: null,
    keys: readAt === null ? [] : indexedKeys(keyCodes(keys), readAt),
    prefix: PREFIX,
    suffix: SUFFIX,
  };
}

/** When the page was read again, adding the statement about Rose: its entries carry this time. */
const REREAD = FIRST_READ[1]! + 3 * 86_400_000;

/**
 * A store as version 5 left it: one page, a statement whose pair keys an older stemmer computed,
 * one whose keys are current, one without keys; a relation, a key filter snapshot and a budget.
 */
async function writeV5(dbName: string): Promise<void> {
  const v5 = new Dexie(dbName);
  v5.version(5).stores(V5);
  await v5.open();
  await v5.table('pages').add({
    key: 'https://one.example/a',
    url: 'https://one.example/a',
    canonicalUrl: null,
    title: 'Bridge stays shut',
    site: 'one.example',
    publishedAt: null,
    firstReadAt: FIRST_READ[1]!,
    lastReadAt: REREAD,
    origin: 'https://one.example',
  });
  await v5
    .table('speakers')
    .add({ identityKey: 'park', name: 'Mayor Ada Park', aliases: ['Park'], type: 'person' });
  await v5
    .table('statements')
    .bulkAdd([
      v5Row(ROSE, staleKeys(ROSE, 'rose', 'rise'), REREAD, 10),
      v5Row(QUOTE, matchKeys(QUOTE, CONTEXT), FIRST_READ[1]!, 100),
      v5Row(OTHER, [], null, 200),
    ]);
  await v5
    .table('relations')
    .add({ a: 2, b: 1, type: 'related', score: 0.5, reason: 'same topic', createdAt: 3000 });
  await v5.table('keyFilter').put({
    id: 0,
    bits: new Uint32Array(8),
    capacity: 16_384,
    count: 30,
    upTo: 3,
    concepts: new Uint16Array(4),
    conceptTotal: 3,
  });
  await v5.table('budgets').put({ site: 'one.example', since: 1000, added: 3 });
  v5.close();
}

describe('schema migration 5 → 6', () => {
  it('recomputes every statement’s keys for the current stemmer, keeps their time tags and all else, and drops the key filter', async () => {
    name = `test-migration-${n++}`;
    await writeV5(name);
    const old = new Dexie(name);
    old.version(5).stores(V5);
    const before = await old.table('statements').toArray();
    old.close();
    // The fixture holds stale pair keys: the statement about Rose was keyed as if about rising.
    expect(before[0].keys).not.toEqual(indexedKeys(keyCodes(matchKeys(ROSE, CONTEXT)), REREAD));

    db = openDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    const after = await db.statements.toArray();
    const readAt = [REREAD, FIRST_READ[1]!, FIRST_READ[1]!];
    for (const [i, s] of after.entries()) {
      expect(s.keys).toEqual(v5Keys(s.text, `${s.prefix} ${s.suffix}`, readAt[i]!));
      expect({ ...s, keys: [] }).toEqual({ ...before[i], keys: [] });
    }
    // Band keys come from words, not stems: the Rose statement's bands are the ones it had.
    const bands = bandKeys(ROSE).length;
    expect(bands).toBeGreaterThan(0);
    expect(after[0]!.keys.slice(0, bands)).toEqual(before[0].keys.slice(0, bands));
    expect(after[1]!.keys).toEqual(before[1].keys);

    expect(await db.keyFilter.count()).toBe(0);
    expect(await db.budgets.count()).toBe(1);
    expect(await db.relations.count()).toBe(1);
    expect(await db.pages.count()).toBe(1);
    expect(await db.speakers.count()).toBe(1);
  });

  it('lets a new statement about Rose find the old one through a topic pair, as it could not before', async () => {
    name = `test-migration-${n++}`;
    await writeV5(name);
    const pairs = keyCodes(lookupKeys(ROSE_LATER, 'the councillor said: ')).filter(
      (c) => codeWeight(c) === 2,
    );
    const stale = staleKeys(ROSE, 'rose', 'rise');
    expect(pairs.filter((c) => keyCodes(stale).includes(c))).toEqual([]);

    db = openDb(name);
    const store = db;
    const found = await Promise.all(
      pairs.map((c) => {
        const range = keyRange(c);
        return store.statements.where('keys').between(range.lower, range.upper, true, true).primaryKeys();
      }),
    );
    expect(found.flat()).toEqual([1]);
  });
});

/**
 * A store of schema `version` holding one statement keyed as an older key function did (its
 * concept `from` keyed as `to`) is opened today: its keys are computed again, nothing else changes.
 */
async function expectKeysComputedAgain(version: number, text: string, from: string, to: string) {
  name = `test-migration-${n++}`;
  const old = new Dexie(name);
  old.version(version).stores(V5);
  await old.open();
  await old.table('pages').add({
    key: 'https://one.example/a',
    url: 'https://one.example/a',
    canonicalUrl: null,
    title: 'Harlow council',
    site: 'one.example',
    publishedAt: null,
    firstReadAt: FIRST_READ[1]!,
    lastReadAt: FIRST_READ[1]!,
    origin: 'https://one.example',
  });
  const stale = staleKeys(text, from, to);
  expect(keyCodes(stale)).not.toEqual(keyCodes(matchKeys(text, CONTEXT)));
  await old.table('statements').add(v5Row(text, stale, FIRST_READ[1]!, 10));
  const before = await old.table('statements').toArray();
  old.close();

  db = openDb(name);
  await db.open();
  expect(db.verno).toBe(11);
  const [after] = await db.statements.toArray();
  expect(after!.keys).toEqual(indexedKeys(keyCodes(matchKeys(text, CONTEXT)), FIRST_READ[1]!));
  expect({ ...after, keys: [] }).toEqual({ ...before[0], keys: [] });
}

describe('schema migration 6 → 7', () => {
  // Version 7: the stemmer takes "agreed" to the stem of "agree" (it gave "agr" before), so a
  // store keyed before must have its keys computed again.
  it('recomputes keys an older stemmer computed, keeping everything else', async () => {
    await expectKeysComputedAgain(6, 'The Harlow council agreed on the budget.', 'agre', 'agr');
  });
});

describe('schema migration 7 → 8', () => {
  // Version 8: topic words are keyed by their own stems, no longer by hand-kept synonym classes
  // (an airstrike was keyed as "attack").
  it('recomputes keys a synonym class computed, keeping everything else', async () => {
    await expectKeysComputedAgain(
      7,
      'The Harlow council condemned the airstrike on the harbour repairs depot.',
      'airstrik',
      'attack',
    );
  });
});

describe('schema migration 8 → 9', () => {
  // Version 9: the words of a title-case sentence are no names for their capitals alone, so a
  // headline-style statement's verb is keyed as a word ("approv"), no longer as a name.
  it('recomputes keys that took a title-case word for a name, keeping everything else', async () => {
    await expectKeysComputedAgain(8, 'Harlow Council Approves Harbour Repairs Budget', 'approv', 'approves');
  });
});

describe('schema migration 9 → 10', () => {
  // Version 10: a title-case sentence whose compound keeps a small letter after its hyphen is title
  // case too, so its verb is keyed as a word ("deny"), no longer as a name.
  it('recomputes keys of a title-case sentence with a lower-case compound part', async () => {
    await expectKeysComputedAgain(9, 'Self-driving Taxi Firm Denies Harbour Plans', 'deny', 'denies');
  });
});

describe('schema migration 10 → 11', () => {
  // Version 11: a contradiction's score is its cue's calibrated precision, and only one at the
  // operating point is a possible conflict; stored ones were scored 0.5–0.7 and all shown as one.
  const APPROVED = 'The Harlow council approved the new harbour repairs budget for the quay.';
  const NOT_APPROVED = 'The Harlow council did not approve the harbour repairs budget on Tuesday.';
  const UNRELATED = 'The ferry timetable changes on Monday for the winter.';

  it('scores and words stored contradictions again by their cue, keeping every row', async () => {
    name = `test-migration-${n++}`;
    const old = new Dexie(name);
    old.version(10).stores(V5);
    await old.open();
    for (const [i, site] of ['one.example', 'two.example'].entries())
      await old.table('pages').add({
        key: `https://${site}/a`,
        url: `https://${site}/a`,
        canonicalUrl: null,
        title: 'Harbour budget',
        site,
        publishedAt: null,
        firstReadAt: FIRST_READ[1]! + i,
        lastReadAt: FIRST_READ[1]! + i,
        origin: `https://${site}`,
      });
    for (const who of ['Ingrid Haugen', 'Per Olsen'])
      await old
        .table('speakers')
        .add({ identityKey: who.toLowerCase(), name: who, type: 'person', aliases: [] });
    const row = (text: string, pageId: number, speakerId: number) => ({
      ...v5Row(text, matchKeys(text, CONTEXT), FIRST_READ[1]!, 0),
      pageId,
      site: pageId === 1 ? 'one.example' : 'two.example',
      speakerId,
      speakerName: speakerId === 1 ? 'Ingrid Haugen' : 'Per Olsen',
    });
    await old
      .table('statements')
      .bulkAdd([row(APPROVED, 1, 1), row(NOT_APPROVED, 2, 2), row(UNRELATED, 2, 2)]);
    const createdAt = FIRST_READ[2]!;
    await old.table('relations').bulkAdd([
      {
        a: 2,
        b: 1,
        type: 'contradiction',
        score: 0.5,
        reason: 'possible conflict — ‘not approve’ vs ‘approved’',
        createdAt,
      },
      // A pair today's classifier no longer calls a contradiction: kept, at the lowest score.
      {
        a: 3,
        b: 1,
        type: 'contradiction',
        score: 0.7,
        reason: 'possible conflict — ‘ferry’ vs ‘quay’',
        createdAt,
      },
      { a: 3, b: 1, type: 'same-speaker-topic', score: 0.6, reason: 'Per Olsen on harbour', createdAt },
    ]);
    old.close();

    db = openDb(name);
    await db.open();
    expect(db.verno).toBe(11);
    const [negation, gone, topic] = await db.relations.orderBy('id').toArray();
    const score = conflictScore('negation');
    expect(negation).toMatchObject({ a: 2, b: 1, type: 'contradiction', cue: 'negation', score });
    expect(
      negation!.reason.startsWith(`${conflictWords(score)} — ‘not approve’ vs ‘approved’: Ingrid Haugen`),
    ).toBe(true);
    const lowest = Math.min(...CONFLICT_CUES.map(conflictScore));
    expect(gone).toMatchObject({
      type: 'contradiction',
      score: lowest,
      reason: `${conflictWords(lowest)} — ‘ferry’ vs ‘quay’`,
    });
    expect(topic).toMatchObject({ type: 'same-speaker-topic', score: 0.6, reason: 'Per Olsen on harbour' });
    // Under the operating point neither is shown as a possible conflict any longer.
    expect([negation, gone].map((r) => isConflict(r!))).toEqual([score >= CONFLICT_OPERATING_POINT, false]);
  });
});
