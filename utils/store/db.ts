/**
 * Saywho's local store: one IndexedDB database, tables declared once, versioned.
 *
 * Each schema change adds a `version(n)` block with its upgrade function and a migration test
 * in test/store/. Never edit a released version block.
 */
import Dexie, { type EntityTable, type Transaction } from 'dexie';
import type { RelationType } from '../domain';
import type { StatementKind } from '../extract/types';
import type { ConflictCue } from '../match/calibration';
import type { WordDiffOp } from '../match/diff';
import { matchKeys } from '../match/fingerprint';
import type { SpeakerKind } from '../match/identity';
import type { BudgetRow } from './budget';
import {
  entryTag,
  fromV4Entry,
  indexedKeys,
  keyCodes,
  taggedKeys,
  v4IndexedKeys,
  v4PlainKey,
} from './index-keys';
import { conflictsRescored } from './rescore';

export interface PageRow {
  id: number;
  /** Identity of the page: canonical URL when the page gives one, else its URL without the fragment. */
  key: string;
  url: string;
  canonicalUrl: string | null;
  title: string;
  site: string;
  publishedAt: string | null;
  firstReadAt: number;
  lastReadAt: number;
  /**
   * The real origin (scheme://host:port) of the page that created the row: only a reading from it
   * rewrites the row or replaces its statements (ingest.ts). Absent in rows stored before 0.6
   * until a reading gives them one.
   */
  origin?: string;
}

export interface SpeakerRow {
  id: number;
  /**
   * Candidates for "the same speaker": the surname of a person or the name of an organisation
   * (`speakerIdentityKey`), shared across pages; for anonymous sources and bare roles, a key of
   * their own page, so they are never merged across pages.
   */
  identityKey: string;
  /** The fullest name seen ("Donald Trump" once "Trump" and "Donald Trump" were read). */
  name: string;
  aliases: string[];
  type: SpeakerKind;
}

export interface StatementRow {
  id: number;
  pageId: number;
  /** Label of the page's site, copied from the page (absent in statements stored before 0.5). */
  site?: string;
  text: string;
  /**
   * nth statement with these words on its page (a page may print one quote twice): the same words
   * are `exactKey(text)` (normalize.ts), computed when needed rather than stored.
   */
  occurrence: number;
  kind: StatementKind;
  speakerId: number | null;
  speakerName: string | null;
  mention: string | null;
  cue: string | null;
  start: number;
  end: number;
  continuesId: number | null;
  /** First segment of the utterance this segment belongs to (itself when it starts one). */
  utteranceId: number | null;
  /**
   * Candidate keys (MinHash bands and topic word pairs) as numeric codes, each tagged with when the
   * statement was read (index-keys.ts): a multi-entry index finds related statements, newest first.
   */
  keys: number[];
  /** Anchor to find the statement again: exact text plus a little context either side. */
  prefix: string;
  suffix: string;
}

export interface RelationRow {
  id: number;
  /** The statement read later. */
  a: number;
  /** The statement already stored. */
  b: number;
  type: RelationType;
  score: number;
  /** One line a reader can check. */
  reason: string;
  /** Word diff for an altered quote (from `b` to `a`). */
  diff?: WordDiffOp[];
  /** A contradiction's cue, which its score is calibrated by (match/calibration.ts; since schema 11). */
  cue?: ConflictCue;
  createdAt: number;
}

export interface ArchiveSnapshot {
  text: string;
  kind: StatementKind;
  speaker: string | null;
  cue: string | null;
  pageUrl: string;
  pageTitle: string;
  site: string;
  /** When the page says it was published (ISO-like, as the page gives it); absent in older entries. */
  publishedAt?: string | null;
}

export interface ArchiveEntryRow {
  id: number;
  /** The stored statement it was saved from; null for a quote captured by hand. */
  statementId: number | null;
  snapshot: ArchiveSnapshot;
  note: string;
  tags: string[];
  savedAt: number;
}

/** One segment of the key filter (key-filter.ts) as persisted. */
export interface KeyFilterRow {
  /** Segment number, from 0. */
  id: number;
  bits: Uint32Array;
  /** Keys this segment was sized for. */
  capacity: number;
  /** Keys added to it. */
  count: number;
  /** Highest statement id whose keys are in the filter, as of the snapshot. */
  upTo: number;
  /**
   * The first segment's row also carries the store's concept counts (rarity.ts), which are kept
   * and caught up with the filter. Absent in snapshots written before them.
   */
  concepts?: Uint16Array;
  conceptTotal?: number;
}

export type SaywhoDb = Dexie & {
  pages: EntityTable<PageRow, 'id'>;
  speakers: EntityTable<SpeakerRow, 'id'>;
  statements: EntityTable<StatementRow, 'id'>;
  relations: EntityTable<RelationRow, 'id'>;
  archive: EntityTable<ArchiveEntryRow, 'id'>;
  keyFilter: EntityTable<KeyFilterRow, 'id'>;
  budgets: EntityTable<BudgetRow, 'site'>;
};

export const DB_NAME = 'saywho';

/** Version 1 (0.1.0): the first released schema. */
export const SCHEMA_V1 = {
  pages: '++id, &key, url, site, lastReadAt',
  speakers: '++id, identityKey, name',
  statements: '++id, pageId, exactKey, speakerId, *keys, [pageId+exactKey+occurrence]',
  relations: '++id, a, b, type, &[a+b+type]',
  archive: '++id, statementId, savedAt, *tags',
} as const;

/**
 * Version 2: speakers are found by any form of their name (`*aliases`), so the speaker view opens
 * from the name an article gave; and the candidate keys of stored statements are recomputed,
 * because the LSH family went from 12 bands to 8 (old keys of bands 8–11 were dead weight in the
 * index, and every stored statement must carry exactly the keys a new one would query).
 */
export const SCHEMA_V2 = { ...SCHEMA_V1, speakers: '++id, identityKey, name, *aliases' } as const;

/**
 * Version 3: no table changes; the `keys` index entries carry the minute their statement was read
 * (index-keys.ts), so lookups read a key's newest entries as one bounded range. Entries of stored
 * statements are tagged with their page's first reading.
 */
export const SCHEMA_V3 = SCHEMA_V2;

/**
 * Version 4: topic words are indexed in pairs (`p:` keys, fingerprint.ts) instead of one by one
 * (`t:` keys), so "shares two topic words" is one rare index entry rather than two long posting
 * lists; stored statements' keys are recomputed (keeping their time tags). And the `keyFilter`
 * table: snapshots of a Bloom filter of the match keys the store holds (key-filter.ts), so ingest
 * skips index lookups for keys no statement has. It starts empty: the first ingest adds every
 * stored statement's keys.
 */
export const SCHEMA_V4 = { ...SCHEMA_V3, keyFilter: 'id' } as const;

/**
 * Version 5: what a statement costs on disk halves (about 2 kB to under 1 kB, all tables and
 * indexes, in Chromium). Its match keys are numbers instead of strings (index-keys.ts) and 14
 * instead of 23 (the pairs of 4 topic concepts, fingerprint.ts); the `exactKey` and
 * `[pageId+exactKey+occurrence]` indexes, which nothing queried, are gone, and so are the
 * `normalized` and `exactKey` fields (computed from the text when needed). The key filter's
 * snapshot, of string keys, is dropped: the first ingest rebuilds it. And the `budgets` table,
 * what each site added to the store in its current window (budget.ts).
 */
export const SCHEMA_V5 = {
  ...SCHEMA_V4,
  statements: '++id, pageId, speakerId, *keys',
  budgets: 'site',
} as const;

/**
 * Version 6: no table changes; stored statements' keys are recomputed (keeping their time tags),
 * because the stemmer and the keying of names changed (topic.ts): "Rose" inside a sentence is a
 * name, no longer the verb "rise"; "lose" no longer stems to "los" nor "plane" to "plan"; "died"
 * and "dying" meet "die", "dead" and "death". A statement's topic concepts, and so its topic pair
 * keys, may differ from what its text gives now, and a new statement would never find it through
 * them (band keys, from words rather than stems, are unchanged). The key filter's snapshot, whose
 * keys and concept counts describe the old concepts, is dropped: the first ingest rebuilds it.
 */
export const SCHEMA_V6 = SCHEMA_V5;
export const SCHEMA_V7 = SCHEMA_V6;
export const SCHEMA_V8 = SCHEMA_V7;
export const SCHEMA_V9 = SCHEMA_V8;
export const SCHEMA_V10 = SCHEMA_V9;
export const SCHEMA_V11 = SCHEMA_V10;

/** A statement row as versions 1 to 4 stored it, as far as their upgrades touch it (string keys). */
interface V4Row {
  pageId: number;
  text: string;
  prefix: string;
  suffix: string;
  keys: string[];
}

/** Band keys and topic pair keys a statement kept in schema 4, before the pairs of 6 concepts became 4. */
const V4_PAIRS_KEPT = 6;

/** Opens (creating or upgrading) the store. Pass another name for isolated tests. */
export function openDb(name: string = DB_NAME): SaywhoDb {
  const db = new Dexie(name) as SaywhoDb;
  db.version(1).stores(SCHEMA_V1);
  db.version(2)
    .stores(SCHEMA_V2)
    .upgrade(async (tx) => {
      await tx
        .table('statements')
        .toCollection()
        .modify((row: V4Row) => {
          row.keys = matchKeys(row.text, `${row.prefix} ${row.suffix}`);
        });
    });
  db.version(3)
    .stores(SCHEMA_V3)
    .upgrade(async (tx) => {
      const readAt = await firstReadings(tx);
      await tx
        .table('statements')
        .toCollection()
        .modify((row: V4Row) => {
          row.keys = v4IndexedKeys(row.keys.map(v4PlainKey), readAt.get(row.pageId) ?? 0);
        });
    });
  db.version(4)
    .stores(SCHEMA_V4)
    .upgrade(async (tx) => {
      const readAt = await firstReadings(tx);
      await tx
        .table('statements')
        .toCollection()
        .modify((row: V4Row) => {
          row.keys = v4IndexedKeys(
            matchKeys(row.text, `${row.prefix} ${row.suffix}`),
            readAt.get(row.pageId) ?? 0,
          );
        });
    });
  db.version(5)
    .stores(SCHEMA_V5)
    .upgrade(async (tx) => {
      const readAt = await firstReadings(tx);
      await tx
        .table('statements')
        .toCollection()
        .modify((row: V4Row & Partial<Record<'normalized' | 'exactKey', string>>) => {
          delete row.normalized;
          delete row.exactKey;
          (row as unknown as StatementRow).keys = v5Keys(row.keys, readAt.get(row.pageId) ?? 0);
        });
      await tx.table('keyFilter').clear();
    });
  db.version(6).stores(SCHEMA_V6).upgrade(keysAgain);
  // Version 7: the stemmer takes -eed as Porter2 does ("agreed" → agree) and undoes no doubled
  // vowel ("agreeing"). Keys are computed again.
  db.version(7).stores(SCHEMA_V7).upgrade(keysAgain);
  // Version 8: topic words are keyed by their own stems, no longer by hand-kept synonym classes
  // ("bombing" was "attack"); related words are asked for when a statement is read instead
  // (match/related.ts). Keys are computed again.
  db.version(8).stores(SCHEMA_V8).upgrade(keysAgain);
  // Version 9: the capitals of a title-case sentence ("Council Approves Harbour Repairs") no longer
  // make its words names (norm-tokens.ts, markTitleCase), so its topic words key as common words.
  db.version(9).stores(SCHEMA_V9).upgrade(keysAgain);
  // Version 10: a title-case sentence may keep a small letter in a compound's later parts
  // ("Self-driving Taxi Firm Denies …"); such a sentence's words key as common words too.
  db.version(10).stores(SCHEMA_V10).upgrade(keysAgain);
  // Version 11: a contradiction's score is the calibrated precision of its cue, and only one at the
  // operating point is shown as a possible conflict (match/calibration.ts): stored ones are scored
  // and worded again (rescore.ts).
  db.version(11).stores(SCHEMA_V11).upgrade(conflictsRescored);
  return db;
}

/**
 * Versions 6 to 10: every statement's keys computed again by today's key functions (its time tag
 * kept), and the key filter dropped to be built again.
 */
async function keysAgain(tx: Transaction): Promise<void> {
  const readAt = await firstReadings(tx);
  await tx
    .table('statements')
    .toCollection()
    .modify((row: StatementRow) => {
      row.keys = v6Keys(row, readAt.get(row.pageId) ?? 0);
    });
  await tx.table('keyFilter').clear();
}

/**
 * A stored statement's index entries as a new statement with its text would have them (versions 6
 * to 8: the key functions of the day), with the
 * time tag its entries carry (every entry of a statement has the same); a statement without
 * entries is tagged with `readAt`, its page's first reading.
 */
function v6Keys(row: StatementRow, readAt: number): number[] {
  const codes = keyCodes(matchKeys(row.text, `${row.prefix} ${row.suffix}`));
  const first = Array.isArray(row.keys) ? row.keys[0] : undefined;
  return typeof first === 'number' ? taggedKeys(codes, entryTag(first)) : indexedKeys(codes, readAt);
}

/**
 * A schema-4 statement's index entries as schema 5 keeps them: every band key and the first
 * `V4_PAIRS_KEPT` pair keys (schema 4 listed pairs so that the first six are those of the four
 * strongest concepts, the ones a new statement stores now), each with the time it was read.
 */
function v5Keys(entries: readonly string[], readAt: number): number[] {
  let pairs = 0;
  const out: number[] = [];
  for (const entry of entries) {
    if (typeof entry !== 'string') continue;
    if (entry.startsWith('p:') && ++pairs > V4_PAIRS_KEPT) continue;
    out.push(fromV4Entry(entry) ?? indexedKeys(keyCodes([entry]), readAt)[0]!);
  }
  return out;
}

/** When each stored page was first read: the time tag of its statements' index entries. */
async function firstReadings(tx: Transaction): Promise<Map<number, number>> {
  const readAt = new Map<number, number>();
  await tx.table<PageRow>('pages').each((page) => {
    readAt.set(page.id, page.firstReadAt);
  });
  return readAt;
}
