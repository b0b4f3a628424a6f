/**
 * Saywho's local store: one IndexedDB database, tables declared once, versioned.
 *
 * Each schema change adds a `version(n)` block with its upgrade function and a migration test
 * in test/store/. Never edit a released version block.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { StatementKind } from '../extract/types';
import type { WordDiffOp } from '../match/diff';
import type { SpeakerKind } from '../match/identity';
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
  /** First segment of the utterance this segment belongs to (itself when it starts one). */
  utteranceId: number | null;
  /** Candidate keys (MinHash bands and topic words): a multi-entry index finds related statements. */
  keys: string[];
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
    speakers: '++id, identityKey, name',
    statements: '++id, pageId, exactKey, speakerId, *keys, [pageId+exactKey+occurrence]',
    relations: '++id, a, b, type, &[a+b+type]',
    archive: '++id, statementId, savedAt, *tags',
  });
  return db;
}
