/**
 * Saywho's local store: one IndexedDB database, tables declared once, versioned.
 *
 * Each schema change adds a `version(n)` block with its upgrade function and a migration test
 * in test/store/. Never edit a released version block.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { StatementKind } from '../extract/types';
import type { SpeakerType } from '../match/speaker';
import type { RelationType } from '../messages';

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
}

export interface SpeakerRow {
  id: number;
  /** See `speakerKey`: named speakers share a key across pages, anonymous ones never do. */
  key: string;
  name: string;
  aliases: string[];
  type: SpeakerType;
}

export interface StatementRow {
  id: number;
  pageId: number;
  text: string;
  /** Lower case, punctuation removed: what "the same words" means. */
  normalized: string;
  exactKey: string;
  /** nth statement with this exact key on its page (a page may print one quote twice). */
  occurrence: number;
  kind: StatementKind;
  speakerId: number | null;
  speakerName: string | null;
  mention: string | null;
  cue: string | null;
  start: number;
  end: number;
  continuesId: number | null;
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

export type SaywhoDb = Dexie & {
  pages: EntityTable<PageRow, 'id'>;
  speakers: EntityTable<SpeakerRow, 'id'>;
  statements: EntityTable<StatementRow, 'id'>;
  relations: EntityTable<RelationRow, 'id'>;
  archive: EntityTable<ArchiveEntryRow, 'id'>;
};

export const DB_NAME = 'saywho';

/** Opens (creating or upgrading) the store. Pass another name for isolated tests. */
export function openDb(name: string = DB_NAME): SaywhoDb {
  const db = new Dexie(name) as SaywhoDb;
  db.version(1).stores({
    pages: '++id, &key, url, site, lastReadAt',
    speakers: '++id, &key, name',
    statements: '++id, pageId, exactKey, speakerId, [pageId+exactKey+occurrence]',
    relations: '++id, a, b, type, &[a+b+type]',
    archive: '++id, statementId, savedAt, *tags',
  });
  return db;
}
