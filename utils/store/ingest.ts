/**
 * Ingest: one page's statements into the store, in one transaction, and what they relate to.
 * Reading a page again adds nothing new; the same page in two tabs is stored once.
 *
 * Candidates come from an index, never from a scan: the multi-entry `keys` index (MinHash bands
 * and topic words). The pure classifier decides what each pair is.
 */

import Dexie, { type Transaction } from 'dexie';
import { classifyPair, type MatchStatement } from '../match/classify';
import { CANDIDATE_WEIGHT, candidateKeys, keyWeight } from '../match/fingerprint';
import { inferSpeakerKind, sameSpeaker, speakerIdentityKey } from '../match/identity';
import { exactKey, normalizeText } from '../match/normalize';
import type { IngestPage, PageMeta } from '../messages';
import type { PageRow, RelationRow, SaywhoDb, SpeakerRow, StatementRow } from './db';
import { indexedKeys, keyRange, plainKey } from './index-keys';
import { type KeyFilter, keyFilterCommitted, keyFilterFor } from './key-filter';
import { statementSummaries } from './queries';

/** Identity of a page: its canonical URL if given, else its URL without the fragment. */
export function pageKeyOf(meta: Pick<PageMeta, 'url' | 'canonicalUrl'>): string {
  const raw = meta.canonicalUrl ?? meta.url;
  const hash = raw.indexOf('#');
  return hash === -1 ? raw : raw.slice(0, hash);
}

export interface IngestResult {
  pageId: number;
  statements: Awaited<ReturnType<typeof statementSummaries>>;
}

/**
 * Phase timings as user-timing measures (`saywho:ingest:<phase>`), read by `npm run bench` and
 * visible in DevTools' performance panel for the service worker. Cheap enough to leave on.
 */
function phase(name: string, since: number): number {
  const now = performance.now();
  // Only the latest of each phase is kept, so a long-lived worker's timeline stays small.
  performance.clearMeasures(`saywho:ingest:${name}`);
  performance.measure(`saywho:ingest:${name}`, { start: since, end: now });
  return now;
}

/** At most this many candidates are classified per statement, those sharing the most keys first. */
const MAX_CANDIDATES = 24;
/**
 * A key shared by more statements than this is a common word: only its newest statements are
 * candidates through it (rarer keys still find older ones). Bounds the work per key as the store
 * grows, the way search engines cut stop words: the index is read as a range of at most this many
 * entries (see index-keys.ts), so a lookup costs the same at 1,000 statements and at 100,000.
 */
export const MAX_IDS_PER_KEY = 48;
/** Newest statements of the same named speaker that are candidates of a new statement. */
export const SPEAKER_CANDIDATES = 4;
/** The same speaker's statements just before a new one on its page that are its candidates. */
export const PAGE_SPEAKER_CANDIDATES = 8;

export async function ingestPage(
  db: SaywhoDb,
  message: Pick<IngestPage, 'page' | 'statements'>,
  now: number = Date.now(),
): Promise<IngestResult> {
  const { page: meta, statements } = message;
  const key = pageKeyOf(meta);
  let filter: KeyFilter | null = null;
  let writtenUpTo = 0;
  const tables = [db.pages, db.speakers, db.statements, db.relations, db.archive, db.keyFilter];
  const result = db.transaction('rw', tables, async () => {
    let t = performance.now();
    // The candidate index is asked first, before this transaction writes anything: in Chromium a
    // read after a write in the same transaction goes through the uncommitted-write overlay and
    // costs several times more. The requests run while the page and its speakers are prepared.
    // Keys the store's key filter proves absent are not asked at all.
    const start = t;
    const keysOf = statements.map((s) => candidateKeys(s.text, `${s.prefix} ${s.suffix}`));
    const filterStart = performance.now();
    const work = await keyFilterFor(db);
    phase('filter', filterStart);
    filter = work;
    const lookupKeys = [...new Set(keysOf.flatMap((k) => k.lookup))].filter((k) => work.mayHave(k));
    phase('keys', start);
    const lookups = indexLookups('statements', 'keys', lookupKeys, MAX_IDS_PER_KEY).then((lists) => {
      phase('lookups', start);
      return lists;
    });
    const existing = await db.pages.where('key').equals(key).first();
    let page: PageRow;
    if (existing) {
      page = { ...existing, url: meta.url, title: meta.title || existing.title, lastReadAt: now };
      await db.pages.put(page);
    } else {
      const fields = {
        key,
        url: meta.url,
        canonicalUrl: meta.canonicalUrl,
        title: meta.title,
        site: meta.site,
        publishedAt: meta.publishedAt,
        firstReadAt: now,
        lastReadAt: now,
      };
      page = { ...fields, id: await db.pages.add(fields as PageRow) };
    }

    const speakers = await resolveSpeakers(
      db,
      key,
      statements.flatMap((s) => (s.speaker ? [s.speaker] : [])),
    );
    // The speaker channel: the newest statements of each named speaker on this page (anonymous
    // sources and bare roles are only themselves on their own page, compared in memory below).
    const namedSpeakers = [...new Set([...speakers.values()])].filter(
      (sp) => sp.type !== 'anonymous' && !sp.identityKey.startsWith('page:'),
    );
    const bySpeaker = Promise.all(
      namedSpeakers.map((sp) =>
        db.statements.where('speakerId').equals(sp.id).reverse().limit(SPEAKER_CANDIDATES).primaryKeys(),
      ),
    ).then((lists) => new Map(namedSpeakers.map((sp, i) => [sp.id, lists[i]!])));
    const stored = await db.statements.where('pageId').equals(page.id).toArray();
    const storedBy = new Map(stored.map((r) => [`${r.exactKey}#${r.occurrence}`, r]));
    const rows: StatementRow[] = [];
    const fresh: boolean[] = [];
    const seen = new Map<string, number>();
    for (const [i, s] of statements.entries()) {
      const ek = exactKey(s.text);
      const occurrence = seen.get(ek) ?? 0;
      seen.set(ek, occurrence + 1);
      const speaker = s.speaker ? speakers.get(s.speaker.name)! : null;
      const prior = storedBy.get(`${ek}#${occurrence}`);
      rows.push({
        id: prior?.id ?? 0,
        pageId: page.id,
        text: s.text,
        normalized: normalizeText(s.text),
        exactKey: ek,
        occurrence,
        kind: s.kind,
        speakerId: speaker?.id ?? null,
        // The name as this article gives it; the speaker row keeps the fullest form across pages.
        speakerName: s.speaker?.name ?? null,
        mention: s.speaker?.mention ?? null,
        cue: s.cue,
        start: s.start,
        end: s.end,
        continuesId: null,
        utteranceId: null,
        // A statement read before keeps its index entries (and their time): nothing changes.
        keys: prior ? prior.keys : indexedKeys(keysOf[i]!.stored, now),
        prefix: s.prefix,
        suffix: s.suffix,
      });
      fresh.push(prior === undefined);
    }
    t = phase('prepare', t);
    // New statements in one bulk write; then the links between segments, which need their ids.
    const added = rows.filter((_, i) => fresh[i]);
    const newIds = await db.statements.bulkAdd(
      added.map(({ id: _, ...row }) => row as StatementRow),
      { allKeys: true },
    );
    for (const [j, row] of added.entries()) row.id = newIds[j]!;
    for (const [i, s] of statements.entries()) {
      let root = i;
      while (statements[root]?.continues != null) root = statements[root]!.continues!;
      rows[i]!.continuesId = s.continues === null ? null : (rows[s.continues]?.id ?? null);
      rows[i]!.utteranceId = root === i ? null : (rows[root]?.id ?? null);
    }
    await db.statements.bulkPut(
      rows.filter((r, i) => !fresh[i] || r.continuesId !== null || r.utteranceId !== null),
    );
    // The keys written join the filter; it covers them once this transaction has committed.
    work.add(rows.flatMap((r) => r.keys.map(plainKey)));
    writtenUpTo = Math.max(0, ...rows.map((r) => r.id));
    const ids = rows.map((r) => r.id);
    t = phase('write', t);

    // Only statements new to the store are matched, so a second reading adds nothing.
    const lists = await lookups;
    if (added.length > 0) {
      const matcher = new PairMatcher(db);
      const freshIds = new Set(added.map((r) => r.id));
      const stored = new Map(lookupKeys.map((k, i) => [k, lists[i]!]));
      // A statement of this page is compared with the page's other new statements in memory, so
      // it can use all of its keys there; the index was asked only about its lookup keys.
      const asks = new Map(rows.map((r, i) => [r.id, [...keysOf[i]!.lookup, ...keysOf[i]!.stored]]));
      const candidates = await matcher.candidatesOf(added, asks, stored, await bySpeaker);
      t = phase('candidates', t);
      const relations: Omit<RelationRow, 'id'>[] = [];
      for (const row of added) {
        for (const other of candidates.get(row.id) ?? []) {
          // A pair of two statements new on this page is classified once, from the later one.
          if (freshIds.has(other.id) && other.id > row.id) continue;
          for (const relation of matcher.classify(row, other)) {
            relations.push({ a: row.id, b: other.id, ...relation, createdAt: now });
          }
        }
      }
      await db.relations.bulkAdd(relations as RelationRow[]);
      t = phase('classify', t);
    }

    const summaries = await statementSummaries(db, ids);
    phase('summaries', t);
    return { pageId: page.id, statements: summaries };
  });
  const value = await result;
  if (filter) keyFilterCommitted(db, filter, writtenUpTo);
  return value;
}

/**
 * Finds or creates the stored speakers for a page's names, in a few round trips: one parallel
 * lookup of every identity key, then one bulk write of new and changed rows. Forms of one name
 * merge across pages and within the page ("Trump" then "Donald Trump"); the fullest form becomes
 * the name, the others aliases.
 */
async function resolveSpeakers(
  db: SaywhoDb,
  pageKey: string,
  speakers: ReadonlyArray<{ name: string; mention: string }>,
): Promise<Map<string, SpeakerRow>> {
  interface Draft {
    row: SpeakerRow;
    fresh: boolean;
    dirty: boolean;
  }
  const named = new Map<string, { identity: string | null; identityKey: string; type: SpeakerRow['type'] }>();
  for (const { name } of speakers) {
    if (named.has(name)) continue;
    const type = inferSpeakerKind(name);
    const identity = speakerIdentityKey(name, type);
    // Anonymous sources and bare roles are only themselves on the page they were read on.
    named.set(name, { identity, identityKey: identity ?? `page:${pageKey}:${normalizeText(name)}`, type });
  }
  const identityKeys = [...new Set([...named.values()].map((n) => n.identityKey))];
  const stored = await Promise.all(
    identityKeys.map((k) => db.speakers.where('identityKey').equals(k).toArray()),
  );
  const byKey = new Map<string, Draft[]>(
    identityKeys.map((k, i) => [k, stored[i]!.map((row) => ({ row, fresh: false, dirty: false }))]),
  );
  const drafts = new Map<string, Draft>();
  for (const { name, mention } of speakers) {
    let draft = drafts.get(name);
    if (!draft) {
      const { identity, identityKey, type } = named.get(name)!;
      const me = { name, type, pageKey };
      const list = byKey.get(identityKey)!;
      draft = list.find(
        (c) => identity === null || sameSpeaker(me, { name: c.row.name, type: c.row.type, pageKey }),
      );
      if (!draft) {
        draft = { row: { id: 0, identityKey, name, aliases: [], type }, fresh: true, dirty: true };
        list.push(draft);
      } else if (name.length > draft.row.name.length && identity !== null) {
        // Keep the fullest form as the name: "Trump" becomes "Donald Trump".
        const { row } = draft;
        if (!row.aliases.includes(row.name)) row.aliases = [...row.aliases, row.name];
        row.name = name;
        draft.dirty = true;
      } else if (name !== draft.row.name && !draft.row.aliases.includes(name)) {
        draft.row.aliases = [...draft.row.aliases, name];
        draft.dirty = true;
      }
      drafts.set(name, draft);
    }
    const { row } = draft;
    if (mention && mention !== row.name && !row.aliases.includes(mention)) {
      row.aliases = [...row.aliases, mention];
      draft.dirty = true;
    }
  }
  const all = [...new Set(drafts.values())];
  const fresh = all.filter((d) => d.fresh);
  const ids = await db.speakers.bulkAdd(
    fresh.map(({ row: { id: _, ...fields } }) => fields as SpeakerRow),
    { allKeys: true },
  );
  for (const [i, d] of fresh.entries()) d.row.id = ids[i]!;
  await db.speakers.bulkPut(all.filter((d) => d.dirty && !d.fresh).map((d) => d.row));
  return new Map([...drafts].map(([name, d]) => [name, d.row]));
}

/** Candidate lookup through indexes, and the pure classifier on each candidate pair. */
class PairMatcher {
  private readonly pages = new Map<number, PageRow>();
  private readonly speakers = new Map<number, SpeakerRow>();
  /** One object per statement, so the classifier's per-statement feature cache is hit. */
  private readonly sides = new Map<number, MatchStatement>();

  constructor(private readonly db: SaywhoDb) {}

  /**
   * Candidates of each new statement, best first: statements holding keys it asks about (`asks`,
   * by statement id) that weigh `CANDIDATE_WEIGHT` or more (one band key or topic word alone is
   * weak evidence). `stored` is what the multi-entry index holds under each key asked (see
   * `indexLookups`); only the chosen rows are loaded, with their pages and speakers, in three
   * bulk reads.
   */
  async candidatesOf(
    rows: StatementRow[],
    asks: ReadonlyMap<number, readonly string[]>,
    stored: ReadonlyMap<string, readonly number[]>,
    bySpeaker: ReadonlyMap<number, readonly number[]> = new Map(),
  ): Promise<Map<number, StatementRow[]>> {
    // Stored statements under each key (asked before this page was written), plus this page's
    // own new statements, which the index did not hold yet.
    const perKey = new Map<string, number[]>();
    for (const [k, ids] of stored) perKey.set(k, [...ids]);
    const plainKeys = new Map(rows.map((r) => [r.id, [...new Set(r.keys.map(plainKey))]]));
    for (const row of rows) {
      for (const k of plainKeys.get(row.id)!) {
        const list = perKey.get(k);
        if (list) list.push(row.id);
        else perKey.set(k, [row.id]);
      }
    }
    // This page's new statements by speaker, in page order.
    const onPage = new Map<number, number[]>();
    const pagePosition = new Map<number, number>();
    for (const row of rows) {
      if (row.speakerId === null) continue;
      const list = onPage.get(row.speakerId) ?? [];
      if (list.length === 0) onPage.set(row.speakerId, list);
      pagePosition.set(row.id, list.length);
      list.push(row.id);
    }
    const chosen = new Map<number, number[]>();
    const wanted = new Set<number>();
    for (const row of rows) {
      const shared = new Map<number, number>();
      for (const k of new Set(asks.get(row.id) ?? [])) {
        const weight = keyWeight(k);
        for (const id of perKey.get(k) ?? []) shared.set(id, (shared.get(id) ?? 0) + weight);
      }
      const ids: Array<[number, number]> = [];
      for (const entry of shared) if (entry[1] >= CANDIDATE_WEIGHT && entry[0] !== row.id) ids.push(entry);
      ids.sort((x, y) => y[1] - x[1] || y[0] - x[0]);
      const best = ids.slice(0, MAX_CANDIDATES).map(([id]) => id);
      // The same speaker's newest statements, whatever words they share: the classifier decides
      // whether it is one subject.
      const own = row.speakerId === null ? undefined : bySpeaker.get(row.speakerId);
      for (const id of own ?? []) if (id !== row.id && !best.includes(id)) best.push(id);
      // And the same speaker's statements just before it on this page (anonymous sources too:
      // they are themselves on their own page), which the index did not hold yet. Only the
      // nearest few, so a page quoting one person a thousand times stays linear.
      if (row.speakerId !== null) {
        const mine = onPage.get(row.speakerId)!;
        const at = pagePosition.get(row.id)!;
        for (const id of mine.slice(Math.max(0, at - PAGE_SPEAKER_CANDIDATES), at)) {
          if (!best.includes(id)) best.push(id);
        }
      }
      chosen.set(row.id, best);
      for (const id of best) wanted.add(id);
    }
    const loaded = new Map<number, StatementRow>(rows.map((r) => [r.id, r]));
    const missing = [...wanted].filter((id) => !loaded.has(id));
    for (const r of await this.db.statements.bulkGet(missing)) if (r) loaded.set(r.id, r);
    await this.preload([...loaded.values()]);
    const out = new Map<number, StatementRow[]>();
    for (const row of rows) {
      const list = (chosen.get(row.id) ?? []).flatMap((id) => {
        const other = loaded.get(id);
        return other && !sameUtterance(row, other) ? [other] : [];
      });
      out.set(row.id, list);
    }
    return out;
  }

  /** Pages and speakers of the statements about to be classified, in two bulk reads. */
  private async preload(rows: StatementRow[]): Promise<void> {
    const pageIds = [...new Set(rows.map((r) => r.pageId))].filter((id) => !this.pages.has(id));
    const speakerIds = [...new Set(rows.flatMap((r) => (r.speakerId === null ? [] : [r.speakerId])))].filter(
      (id) => !this.speakers.has(id),
    );
    const [pages, speakers] = await Promise.all([
      this.db.pages.bulkGet(pageIds),
      this.db.speakers.bulkGet(speakerIds),
    ]);
    for (const p of pages) if (p) this.pages.set(p.id, p);
    for (const sp of speakers) if (sp) this.speakers.set(sp.id, sp);
  }

  classify(a: StatementRow, b: StatementRow) {
    return classifyPair(this.side(a), this.side(b));
  }

  private side(row: StatementRow): MatchStatement {
    const known = this.sides.get(row.id);
    if (known) return known;
    const page = this.pages.get(row.pageId);
    const speaker = row.speakerId === null ? undefined : this.speakers.get(row.speakerId);
    const side: MatchStatement = {
      text: row.text,
      kind: row.kind,
      speakerName: speaker?.name ?? row.speakerName,
      speakerType: speaker?.type ?? null,
      pageKey: page?.key ?? String(row.pageId),
      site: page?.site ?? '',
      utterance: `${row.pageId}:${row.utteranceId ?? row.id}`,
      speakerAliases: speaker?.aliases ?? [],
      context: `${row.prefix} ${row.suffix}`,
    };
    this.sides.set(row.id, side);
    return side;
  }
}

function sameUtterance(a: StatementRow, b: StatementRow): boolean {
  return a.pageId === b.pageId && (a.utteranceId ?? a.id) === (b.utteranceId ?? b.id);
}

/**
 * The newest `cap` primary keys under each match key of an index, all requests in flight at once
 * on the current transaction's own IndexedDB index: one bounded range read per key (index-keys.ts
 * orders each key's entries newest first). The same query as Dexie's
 * `where(index).between(…).limit(cap).primaryKeys()`, without its per-query promise and collection
 * machinery, which costs more than IndexedDB itself when a page asks about a thousand keys.
 */
function indexLookups(
  table: string,
  index: string,
  keys: readonly string[],
  cap: number,
): Promise<number[][]> {
  const tx = Dexie.currentTransaction as (Transaction & { idbtrans?: IDBTransaction }) | null;
  if (!tx?.idbtrans) throw new Error('indexLookups runs inside a Dexie transaction');
  const store = tx.idbtrans.objectStore(table).index(index);
  return new Promise((resolve, reject) => {
    const out: number[][] = new Array(keys.length);
    let pending = keys.length;
    if (pending === 0) resolve(out);
    keys.forEach((k, i) => {
      const request = store.getAllKeys(keyRange(k), cap);
      request.onsuccess = () => {
        out[i] = request.result as number[];
        if (--pending === 0) resolve(out);
      };
      request.onerror = () => reject(request.error);
    });
  });
}
