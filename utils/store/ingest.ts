/**
 * Ingest: one page's statements into the store, in one transaction, and what they relate to.
 * Reading a page again adds nothing new; the same page in two tabs is stored once.
 */

import { exactKey, normalizeText } from '../match/normalize';
import { relateIdentical } from '../match/relate';
import { speakerKey, speakerType } from '../match/speaker';
import type { IngestPage, PageMeta, StatementSummary } from '../messages';
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
  statements: StatementSummary[];
}

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

    const speakerCache = new Map<string, SpeakerRow>();
    async function speakerFor(name: string, mention: string): Promise<SpeakerRow> {
      const k = speakerKey(name, key);
      let row = speakerCache.get(k) ?? (await db.speakers.where('key').equals(k).first());
      if (!row) {
        const fields = {
          key: k,
          name,
          aliases: mention && mention !== name ? [mention] : [],
          type: speakerType(name),
        };
        row = { ...fields, id: await db.speakers.add(fields as SpeakerRow) };
      } else if (mention && mention !== row.name && !row.aliases.includes(mention)) {
        row = { ...row, aliases: [...row.aliases, mention] };
        await db.speakers.put(row);
      }
      speakerCache.set(k, row);
      return row;
    }

    const ids: number[] = [];
    const fresh: boolean[] = [];
    const seen = new Map<string, number>();
    for (const s of statements) {
      const normalized = normalizeText(s.text);
      const ek = exactKey(s.text);
      const occurrence = seen.get(ek) ?? 0;
      seen.set(ek, occurrence + 1);
      const speaker = s.speaker ? await speakerFor(s.speaker.name, s.speaker.mention) : null;
      const prior = await db.statements
        .where('[pageId+exactKey+occurrence]')
        .equals([page.id, ek, occurrence])
        .first();
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

    // Candidates come from the exact-key index; only statements new to the store are matched,
    // so a second reading finds what the first one stored and adds nothing.
    const speakerKeys = new Map<number, string>();
    const pageSites = new Map<number, string>([[page.id, page.site]]);
    async function sideOf(row: StatementRow) {
      if (row.speakerId !== null && !speakerKeys.has(row.speakerId)) {
        speakerKeys.set(row.speakerId, (await db.speakers.get(row.speakerId))?.key ?? '');
      }
      if (!pageSites.has(row.pageId)) pageSites.set(row.pageId, (await db.pages.get(row.pageId))?.site ?? '');
      return {
        normalized: row.normalized,
        speakerKey: row.speakerId === null ? null : (speakerKeys.get(row.speakerId) ?? null),
        speakerName: row.speakerName,
        site: pageSites.get(row.pageId) ?? '',
      };
    }
    for (const [i, id] of ids.entries()) {
      if (!fresh[i]) continue;
      const row = (await db.statements.get(id))!;
      const candidates = await db.statements.where('exactKey').equals(row.exactKey).toArray();
      for (const other of candidates) {
        if (other.pageId === page.id) continue;
        const relation = relateIdentical(await sideOf(row), await sideOf(other));
        if (!relation) continue;
        const dup = await db.relations.where('[a+b+type]').equals([id, other.id, relation.type]).first();
        if (!dup) await db.relations.add({ a: id, b: other.id, ...relation, createdAt: now } as RelationRow);
      }
    }

    const summaries = await statementSummaries(db, ids);
    return { pageId: page.id, statements: summaries };
  });
}
