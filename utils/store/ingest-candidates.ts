/**
 * Ingest's candidates: which stored statements (and which of the page's own) each new statement of
 * a page is classified with, found through indexes, never a scan. Three channels: the key channel
 * (the multi-entry `keys` index: MinHash bands and topic words, `indexLookups`), the speaker
 * channel (the newest statements of each named speaker, `speakerChannel`) and the page channel
 * (the statements just before it on its page). The chosen rows are loaded with what classifying
 * them needs (ingest-classify.ts).
 */
import Dexie, { type Transaction } from 'dexie';
import type { StatementPayload } from '../domain';
import { CANDIDATE_WEIGHT, candidateKeys } from '../match/fingerprint';
import type { ConceptCounts } from '../match/rarity';
import type { SaywhoDb, SpeakerRow, StatementRow } from './db';
import { codeWeight, keyCodes, keyRange, plainKey } from './index-keys';
import type { PairMatcher } from './ingest-classify';
import { newestPerKey, rawIndex } from './ingest-idb';
import { type PageRows, PROVISIONAL_ID } from './ingest-rows';
import type { SpeakerDraft } from './ingest-speakers';

/** At most this many candidates are classified per statement, those sharing the most keys first. */
const MAX_CANDIDATES = 24;
/**
 * A key shared by more statements than this is a common word: only its newest statements are
 * candidates through it (rarer keys still find older ones). Bounds the work per key as the store
 * grows, the way search engines cut stop words: the index is read as a range of at most this many
 * entries (see index-keys.ts), so a lookup costs the same at 1,000 statements and at 100,000.
 * A topic pair's statements are read whole (`indexLookups`): this also bounds the rows a key
 * brings. (48 cost a third more lookup time at 100,000 statements for no relation found.)
 */
export const MAX_IDS_PER_KEY = 16;
/** Newest statements of the same named speaker that are candidates of a new statement. */
export const SPEAKER_CANDIDATES = 16;
/** The same speaker's statements just before a new one on its page that are its candidates. */
export const PAGE_SPEAKER_CANDIDATES = 8;
/**
 * Statements of any speaker just before a new one on its page that are its candidates: an article
 * sets one side's account against the other's within a few paragraphs, often in other words than
 * the keys the index holds ("Qatar was warned" / "reports that Qatar was informed … are baseless").
 */
export const PAGE_CANDIDATES = 8;

/** A statement's match keys as key codes (index-keys.ts): those stored with it, those it asks. */
export interface StatementKeys {
  stored: number[];
  lookup: number[];
  concepts: string[];
}

/** Each statement's keys, from the concepts rarest in the store (`counts`: the key filter's). */
export function statementKeys(
  statements: readonly StatementPayload[],
  counts: ConceptCounts,
): StatementKeys[] {
  return statements.map((s) => {
    const keys = candidateKeys(s.text, `${s.prefix} ${s.suffix}`, counts, s.speaker?.name);
    return { stored: keyCodes(keys.stored), lookup: keyCodes(keys.lookup), concepts: keys.concepts };
  });
}

/** What the key index holds under the keys asked: ids per key, in order, and the rows read whole. */
export interface KeyLookups {
  ids: number[][];
  rows: Map<number, StatementRow>;
}

/**
 * The newest `cap` statements under each match key of the `keys` index, all requests in flight
 * at once on the current transaction's own IndexedDB index: one bounded range read per key
 * (index-keys.ts orders each key's entries newest first). A key that alone makes a candidate (a
 * topic pair) is read with its rows, so its statements need no second read; other keys (LSH
 * bands, which need a second shared key) only with their ids. The same queries as Dexie's
 * `where(index).between(…).limit(cap)`, without its per-query promise and collection machinery,
 * which costs more than IndexedDB itself when a page asks about a thousand keys.
 */
export function indexLookups(db: SaywhoDb, keys: readonly number[], cap: number): Promise<KeyLookups> {
  const tx = Dexie.currentTransaction as (Transaction & { idbtrans?: IDBTransaction }) | null;
  if (!tx?.idbtrans) throw new Error('indexLookups runs inside a Dexie transaction');
  const index = tx.idbtrans.objectStore(db.statements.name).index('keys');
  return new Promise((resolve, reject) => {
    const ids: number[][] = new Array(keys.length);
    const rows = new Map<number, StatementRow>();
    let pending = keys.length;
    if (pending === 0) resolve({ ids, rows });
    keys.forEach((k, i) => {
      const withRows = codeWeight(k) >= CANDIDATE_WEIGHT;
      const request = withRows ? index.getAll(keyRange(k), cap) : index.getAllKeys(keyRange(k), cap);
      request.onsuccess = () => {
        if (withRows) {
          const found = request.result as StatementRow[];
          ids[i] = found.map((r) => r.id);
          for (const r of found) rows.set(r.id, r);
        } else {
          ids[i] = request.result as number[];
        }
        if (--pending === 0) resolve({ ids, rows });
      };
      request.onerror = () => reject(request.error);
    });
  });
}

/**
 * The speaker channel: the newest statements of each named speaker already stored (anonymous
 * sources and bare roles are only themselves on their own page, compared in memory: `chooseFor`).
 */
export function speakerChannel(
  db: SaywhoDb,
  speakers: ReadonlyMap<string, SpeakerDraft>,
): Promise<Map<SpeakerRow, StatementRow[]>> {
  const namedSpeakers = [...new Set([...speakers.values()].map((d) => d.row))].filter(
    (sp) => sp.id !== 0 && sp.type !== 'anonymous' && !sp.identityKey.startsWith('page:'),
  );
  return newestPerKey<StatementRow>(
    rawIndex(db.statements.name, 'speakerId'),
    namedSpeakers.map((sp) => sp.id),
    SPEAKER_CANDIDATES,
  ).then((lists) => new Map(namedSpeakers.map((sp, i) => [sp, lists[i]!])));
}

/** What each of the page's statements stored asks the index about, and its speaker. */
export interface Asks {
  /** The key codes each statement asks about (index-keys.ts). */
  keys: Map<StatementRow, number[]>;
  speakerOf: Map<StatementRow, SpeakerRow | null>;
}

/**
 * What each statement stored asks about (`keysOf`: the keys of each statement sent), and its
 * speaker; records each one's concepts in `matcher` (under its provisional id).
 */
export function asksOf(page: PageRows, keysOf: readonly StatementKeys[], matcher: PairMatcher): Asks {
  // A statement of this page is compared with the page's other new statements in memory, so
  // it can use all of its keys there; the index was asked only about its lookup keys.
  const keys = new Map<StatementRow, number[]>();
  const speakerOf = new Map<StatementRow, SpeakerRow | null>();
  for (const [i, row] of page.rows.entries()) {
    if (!row) continue;
    keys.set(row, [...keysOf[i]!.lookup, ...keysOf[i]!.stored]);
    speakerOf.set(row, page.speakerOf[i]!);
    matcher.conceptsOf.set(row.id, keysOf[i]!.concepts);
  }
  return { keys, speakerOf };
}

/** Where the candidates of a page's new statements come from. */
interface Channels {
  /** The page's new statements, not written yet (provisional ids), in page order. */
  rows: readonly StatementRow[];
  /** The key codes each new statement asks about (index-keys.ts). */
  asks: ReadonlyMap<StatementRow, readonly number[]>;
  /** Statements under each key: stored ones (as the index answered), then the page's new ones. */
  perKey: ReadonlyMap<number, readonly number[]>;
  speakerOf: ReadonlyMap<StatementRow, SpeakerRow | null>;
  /** The newest stored statements of each of the page's named speakers. */
  bySpeaker: ReadonlyMap<SpeakerRow, readonly StatementRow[]>;
  /** The page's new statements by speaker, in page order, and each one's place in its list. */
  onPage: ReadonlyMap<SpeakerRow, readonly number[]>;
  pagePosition: ReadonlyMap<StatementRow, number>;
  /** Each new statement's place on the page. */
  rowPosition: ReadonlyMap<StatementRow, number>;
}

/** The channels of the page's new statements `rows` (see `candidatesOf`). */
function candidateChannels(
  rows: readonly StatementRow[],
  asks: ReadonlyMap<StatementRow, readonly number[]>,
  stored: ReadonlyMap<number, readonly number[]>,
  speakerOf: ReadonlyMap<StatementRow, SpeakerRow | null>,
  bySpeaker: ReadonlyMap<SpeakerRow, readonly StatementRow[]>,
): Channels {
  // Stored statements under each key (asked before this page was written), plus this page's
  // own new statements, which the index does not hold yet.
  const perKey = new Map<number, number[]>();
  for (const [k, ids] of stored) perKey.set(k, [...ids]);
  for (const row of rows) {
    for (const k of new Set(row.keys.map(plainKey))) {
      const list = perKey.get(k);
      if (list) list.push(row.id);
      else perKey.set(k, [row.id]);
    }
  }
  // This page's new statements by speaker, in page order.
  const onPage = new Map<SpeakerRow, number[]>();
  const pagePosition = new Map<StatementRow, number>();
  for (const row of rows) {
    const speaker = speakerOf.get(row);
    if (!speaker) continue;
    const list = onPage.get(speaker) ?? [];
    if (list.length === 0) onPage.set(speaker, list);
    pagePosition.set(row, list.length);
    list.push(row.id);
  }
  const rowPosition = new Map(rows.map((r, i) => [r, i]));
  return { rows, asks, perKey, speakerOf, bySpeaker, onPage, pagePosition, rowPosition };
}

/**
 * Candidates of each new statement, best first: statements holding keys it asks about (`asks`,
 * key codes: index-keys.ts)
 * that weigh `CANDIDATE_WEIGHT` or more (one band key or topic word alone is weak evidence).
 * `stored` is what the multi-entry index holds under each key asked (see `indexLookups`); only
 * the chosen rows are loaded, with their pages and speakers, in three bulk reads. `rows` are the
 * page's new statements, not written yet (provisional ids); `bySpeaker` the newest stored
 * statements of each of the page's speakers; `gone` statements this page no longer has, being
 * deleted (never candidates). Records in `matcher` the candidates only the page channel brought.
 */
export async function candidatesOf(
  db: SaywhoDb,
  matcher: PairMatcher,
  rows: StatementRow[],
  asks: ReadonlyMap<StatementRow, readonly number[]>,
  stored: ReadonlyMap<number, readonly number[]>,
  storedRows: ReadonlyMap<number, StatementRow>,
  speakerOf: ReadonlyMap<StatementRow, SpeakerRow | null>,
  bySpeaker: ReadonlyMap<SpeakerRow, readonly StatementRow[]> = new Map(),
  gone: ReadonlySet<number> = new Set(),
): Promise<Map<StatementRow, StatementRow[]>> {
  const channels = candidateChannels(rows, asks, stored, speakerOf, bySpeaker);
  const chosen = new Map<StatementRow, number[]>();
  const wanted = new Set<number>();
  for (const row of rows) {
    const best = chooseFor(row, channels, matcher, gone);
    chosen.set(row, best);
    for (const id of best) wanted.add(id);
  }
  const loaded = loadedAlready(channels);
  const missing = [...wanted].filter((id) => !loaded.has(id) && !storedRows.has(id));
  const others = (await db.statements.bulkGet(missing)).flatMap((r) => (r ? [r] : []));
  for (const r of others) loaded.set(r.id, r);
  for (const id of wanted) {
    const r = storedRows.get(id);
    if (r) loaded.set(id, r);
  }
  const storedCandidates = [...wanted].flatMap((id) => {
    const r = id < PROVISIONAL_ID ? loaded.get(id) : undefined;
    return r ? [r] : [];
  });
  await matcher.preload(storedCandidates);
  const out = new Map<StatementRow, StatementRow[]>();
  for (const row of rows) {
    out.set(
      row,
      (chosen.get(row) ?? []).flatMap((id) => {
        const other = loaded.get(id);
        return other ? [other] : [];
      }),
    );
  }
  return out;
}

/** The ids of one new statement's candidates, best first, from every channel. */
function chooseFor(
  row: StatementRow,
  ch: Channels,
  matcher: PairMatcher,
  gone: ReadonlySet<number>,
): number[] {
  const best = byKeys(row, ch, gone);
  const speaker = ch.speakerOf.get(row);
  // The same speaker's newest statements, whatever words they share: the classifier decides
  // whether it is one subject.
  for (const other of (speaker && ch.bySpeaker.get(speaker)) ?? []) {
    if (!best.includes(other.id) && !gone.has(other.id)) best.push(other.id);
  }
  // And the same speaker's statements just before it on this page (anonymous sources too:
  // they are themselves on their own page), which the index does not hold yet. Only the
  // nearest few, so a page quoting one person a thousand times stays linear.
  if (speaker) {
    const mine = ch.onPage.get(speaker)!;
    const at = ch.pagePosition.get(row)!;
    for (const id of mine.slice(Math.max(0, at - PAGE_SPEAKER_CANDIDATES), at)) {
      if (!best.includes(id)) best.push(id);
    }
  }
  // And the page's statements just before it, whoever says them: for a conflict only.
  const at = ch.rowPosition.get(row)!;
  const pageOnly = new Set<number>();
  for (const other of ch.rows.slice(Math.max(0, at - PAGE_CANDIDATES), at)) {
    if (best.includes(other.id) || !matcher.shareAWord(row.id, other.id)) continue;
    best.push(other.id);
    pageOnly.add(other.id);
  }
  matcher.pageOnly.set(row, pageOnly);
  return best;
}

/** The key channel: the `MAX_CANDIDATES` statements sharing the most key weight with `row`. */
function byKeys(row: StatementRow, ch: Channels, gone: ReadonlySet<number>): number[] {
  const shared = new Map<number, number>();
  for (const k of new Set(ch.asks.get(row) ?? [])) {
    const weight = codeWeight(k);
    for (const id of ch.perKey.get(k) ?? []) shared.set(id, (shared.get(id) ?? 0) + weight);
  }
  const ids: Array<[number, number]> = [];
  for (const entry of shared) {
    if (entry[1] >= CANDIDATE_WEIGHT && entry[0] !== row.id && !gone.has(entry[0])) ids.push(entry);
  }
  ids.sort((x, y) => y[1] - x[1] || y[0] - x[0]);
  return ids.slice(0, MAX_CANDIDATES).map(([id]) => id);
}

/** Rows the lookups or the speaker channel brought are not read again; nor the page's own. */
function loadedAlready(ch: Channels): Map<number, StatementRow> {
  const loaded = new Map<number, StatementRow>(ch.rows.map((r) => [r.id, r]));
  for (const list of ch.bySpeaker.values()) for (const r of list) loaded.set(r.id, r);
  return loaded;
}
