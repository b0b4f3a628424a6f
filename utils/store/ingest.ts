/**
 * Ingest: one page's statements into the store, in one transaction, and what they relate to.
 * Reading a page again adds nothing new; the same page in two tabs is stored once.
 *
 * Candidates come from an index, never from a scan: the multi-entry `keys` index (MinHash bands
 * and topic words). The pure classifier decides what each pair is.
 */

import { classifyPair, type MatchStatement } from '../match/classify';
import { matchKeys } from '../match/fingerprint';
import { inferSpeakerKind, sameSpeaker, speakerIdentityKey } from '../match/identity';
import { exactKey, normalizeText } from '../match/normalize';
import type { IngestPage, PageMeta } from '../messages';
import type { PageRow, RelationRow, SaywhoDb, SpeakerRow, StatementRow } from './db';
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

/** At most this many candidates are classified per statement, those sharing the most keys first. */
const MAX_CANDIDATES = 24;

export async function ingestPage(
  db: SaywhoDb,
  message: Pick<IngestPage, 'page' | 'statements'>,
  now: number = Date.now(),
): Promise<IngestResult> {
  const { page: meta, statements } = message;
  const key = pageKeyOf(meta);
  return db.transaction('rw', [db.pages, db.speakers, db.statements, db.relations, db.archive], async () => {
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

    const speakers = new SpeakerResolver(db, key);
    const stored = await db.statements.where('pageId').equals(page.id).toArray();
    const storedBy = new Map(stored.map((r) => [`${r.exactKey}#${r.occurrence}`, r]));
    const rows: StatementRow[] = [];
    const fresh: boolean[] = [];
    const seen = new Map<string, number>();
    for (const s of statements) {
      const ek = exactKey(s.text);
      const occurrence = seen.get(ek) ?? 0;
      seen.set(ek, occurrence + 1);
      const speaker = s.speaker ? await speakers.resolve(s.speaker.name, s.speaker.mention) : null;
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
        keys: matchKeys(s.text, `${s.prefix} ${s.suffix}`),
        prefix: s.prefix,
        suffix: s.suffix,
      });
      fresh.push(prior === undefined);
    }
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
    const ids = rows.map((r) => r.id);

    // Only statements new to the store are matched, so a second reading adds nothing.
    if (added.length > 0) {
      const matcher = new PairMatcher(db);
      const freshIds = new Set(added.map((r) => r.id));
      const candidates = await matcher.candidatesOf(added);
      const relations: Omit<RelationRow, 'id'>[] = [];
      for (const row of added) {
        for (const other of candidates.get(row.id) ?? []) {
          // A pair of two statements new on this page is classified once, from the later one.
          if (freshIds.has(other.id) && other.id > row.id) continue;
          for (const relation of await matcher.classify(row, other)) {
            relations.push({ a: row.id, b: other.id, ...relation, createdAt: now });
          }
        }
      }
      await db.relations.bulkAdd(relations as RelationRow[]);
    }

    return { pageId: page.id, statements: await statementSummaries(db, ids) };
  });
}

/** Finds or creates the stored speaker for a name, merging forms of one name across pages. */
class SpeakerResolver {
  private readonly cache = new Map<string, SpeakerRow>();

  constructor(
    private readonly db: SaywhoDb,
    private readonly pageKey: string,
  ) {}

  async resolve(name: string, mention: string): Promise<SpeakerRow> {
    const cached = this.cache.get(name);
    if (cached) return this.addAlias(cached, mention);
    const type = inferSpeakerKind(name);
    const identity = speakerIdentityKey(name, type);
    // Anonymous sources and bare roles are only themselves on the page they were read on.
    const identityKey = identity ?? `page:${this.pageKey}:${normalizeText(name)}`;
    const candidates = await this.db.speakers.where('identityKey').equals(identityKey).toArray();
    const me = { name, type, pageKey: this.pageKey };
    let row = candidates.find(
      (c) => identity === null || sameSpeaker(me, { name: c.name, type: c.type, pageKey: this.pageKey }),
    );
    if (!row) {
      const fields = { identityKey, name, aliases: [], type };
      row = { ...fields, id: await this.db.speakers.add(fields as unknown as SpeakerRow) };
    } else if (name.length > row.name.length && identity !== null) {
      // Keep the fullest form as the name: "Trump" becomes "Donald Trump".
      row = {
        ...row,
        name,
        aliases: row.aliases.includes(row.name) ? row.aliases : [...row.aliases, row.name],
      };
      await this.db.speakers.put(row);
    } else if (name !== row.name && !row.aliases.includes(name)) {
      row = { ...row, aliases: [...row.aliases, name] };
      await this.db.speakers.put(row);
    }
    this.cache.set(name, row);
    return this.addAlias(row, mention);
  }

  private async addAlias(row: SpeakerRow, mention: string): Promise<SpeakerRow> {
    if (!mention || mention === row.name || row.aliases.includes(mention)) return row;
    const updated = { ...row, aliases: [...row.aliases, mention] };
    await this.db.speakers.put(updated);
    for (const [k, v] of this.cache) if (v.id === row.id) this.cache.set(k, updated);
    return updated;
  }
}

/** Candidate lookup through indexes, and the pure classifier on each candidate pair. */
class PairMatcher {
  private readonly pages = new Map<number, PageRow | undefined>();
  private readonly speakers = new Map<number, SpeakerRow | undefined>();
  /** One object per statement, so the classifier's per-statement feature cache is hit. */
  private readonly sides = new Map<number, MatchStatement>();

  constructor(private readonly db: SaywhoDb) {}

  /**
   * Candidates of each new statement, best first: stored statements sharing at least two of its
   * keys (one band key or topic word alone is weak evidence). The multi-entry index is asked once
   * per key, all queries in flight at once — IndexedDB pipelines them in the transaction, where a
   * single `anyOf` cursor would seek key by key — and only the chosen rows are loaded.
   */
  async candidatesOf(rows: StatementRow[]): Promise<Map<number, StatementRow[]>> {
    const keys = [...new Set(rows.flatMap((r) => r.keys))];
    const perKey = new Map<string, number[]>();
    const lists = await Promise.all(
      keys.map((k) => this.db.statements.where('keys').equals(k).primaryKeys()),
    );
    for (const [i, k] of keys.entries()) perKey.set(k, lists[i]!);
    const chosen = new Map<number, number[]>();
    const wanted = new Set<number>();
    for (const row of rows) {
      const shared = new Map<number, number>();
      for (const k of row.keys)
        for (const id of perKey.get(k) ?? []) shared.set(id, (shared.get(id) ?? 0) + 1);
      const ids = [...shared.entries()]
        .filter(([id, n]) => id !== row.id && n >= 2)
        .sort((x, y) => y[1] - x[1] || y[0] - x[0])
        .slice(0, MAX_CANDIDATES)
        .map(([id]) => id);
      chosen.set(row.id, ids);
      for (const id of ids) wanted.add(id);
    }
    const loaded = new Map(
      (await this.db.statements.bulkGet([...wanted])).flatMap((r) => (r ? [[r.id, r] as const] : [])),
    );
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

  async classify(a: StatementRow, b: StatementRow) {
    const [sa, sb] = await Promise.all([this.side(a), this.side(b)]);
    return classifyPair(sa, sb);
  }

  private async side(row: StatementRow): Promise<MatchStatement> {
    const known = this.sides.get(row.id);
    if (known) return known;
    if (!this.pages.has(row.pageId)) this.pages.set(row.pageId, await this.db.pages.get(row.pageId));
    if (row.speakerId !== null && !this.speakers.has(row.speakerId)) {
      this.speakers.set(row.speakerId, await this.db.speakers.get(row.speakerId));
    }
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
