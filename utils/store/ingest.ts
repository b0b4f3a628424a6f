/**
 * Ingest: one page's statements into the store, in one transaction, and what they relate to.
 * Reading a page again adds nothing new; the same page in two tabs is stored once.
 *
 * Candidates come from indexes, never from a scan: the multi-entry `keys` index (MinHash bands
 * and topic words) and the speaker index. The pure classifier decides what each pair is.
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

/** At most this many candidates per statement from the keys index, those sharing the most keys first. */
const MAX_KEY_CANDIDATES = 40;
/** At most this many earlier statements of the same speaker are compared for same-topic links. */
const MAX_SPEAKER_CANDIDATES = 60;

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
    const ids: number[] = [];
    const fresh: boolean[] = [];
    const seen = new Map<string, number>();
    for (const [i, s] of statements.entries()) {
      const normalized = normalizeText(s.text);
      const ek = exactKey(s.text);
      const occurrence = seen.get(ek) ?? 0;
      seen.set(ek, occurrence + 1);
      const speaker = s.speaker ? await speakers.resolve(s.speaker.name, s.speaker.mention) : null;
      const prior = await db.statements
        .where('[pageId+exactKey+occurrence]')
        .equals([page.id, ek, occurrence])
        .first();
      let root = i;
      while (statements[root]?.continues != null) root = statements[root]!.continues!;
      const fields = {
        pageId: page.id,
        text: s.text,
        normalized,
        exactKey: ek,
        occurrence,
        kind: s.kind,
        speakerId: speaker?.id ?? null,
        speakerName: speaker?.name ?? null,
        mention: s.speaker?.mention ?? null,
        cue: s.cue,
        start: s.start,
        end: s.end,
        continuesId: s.continues === null ? null : (ids[s.continues] ?? null),
        utteranceId: root === i ? null : (ids[root] ?? null),
        keys: matchKeys(s.text, `${s.prefix} ${s.suffix}`),
        prefix: s.prefix,
        suffix: s.suffix,
      };
      if (prior) {
        await db.statements.put({ ...fields, id: prior.id });
        ids.push(prior.id);
        fresh.push(false);
      } else {
        ids.push(await db.statements.add(fields as StatementRow));
        fresh.push(true);
      }
    }

    const matcher = new PairMatcher(db);
    const freshIds = new Set(ids.filter((_, i) => fresh[i]));
    for (const id of freshIds) {
      const row = (await db.statements.get(id))!;
      for (const other of await matcher.candidates(row)) {
        // A pair of two statements new on this page is classified once, from the later one.
        if (freshIds.has(other.id) && other.id > row.id) continue;
        for (const relation of await matcher.classify(row, other)) {
          const dup = await db.relations
            .where('[a+b+type]')
            .equals([row.id, other.id, relation.type])
            .first();
          if (!dup)
            await db.relations.add({ a: row.id, b: other.id, ...relation, createdAt: now } as RelationRow);
        }
      }
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

  async candidates(row: StatementRow): Promise<StatementRow[]> {
    const shared = new Map<number, number>();
    if (row.keys.length > 0) {
      const hits = await this.db.statements.where('keys').anyOf(row.keys).primaryKeys();
      for (const id of hits) if (id !== row.id) shared.set(id, (shared.get(id) ?? 0) + 1);
    }
    const ranked = [...shared.entries()]
      .sort((x, y) => y[1] - x[1] || y[0] - x[0])
      .slice(0, MAX_KEY_CANDIDATES)
      .map(([id]) => id);
    const ids = new Set(ranked);
    if (row.speakerId !== null) {
      const sameSpeaker = await this.db.statements
        .where('speakerId')
        .equals(row.speakerId)
        .reverse()
        .limit(MAX_SPEAKER_CANDIDATES)
        .primaryKeys();
      for (const id of sameSpeaker) if (id !== row.id) ids.add(id);
    }
    const rows = await this.db.statements.bulkGet([...ids]);
    return rows.filter((r): r is StatementRow => r !== undefined && !sameUtterance(row, r));
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
