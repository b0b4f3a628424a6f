/**
 * The core's own vocabulary: a statement as found on a page, the page it was found on, the kinds
 * of relation between two statements, and what the store says about a statement. Extraction,
 * matching, the store and page reading speak these types; the protocol between contexts
 * (messages.ts) carries them and validates them on arrival, it does not define them.
 */
import * as v from 'valibot';
import type { StatementKind } from './extract/types';

const MAX_URL = 4_096;

/** The one rule for a page's address wherever Saywho keeps or links one: an http(s) URL. */
export const webUrlSchema = v.pipe(
  v.string(),
  v.maxLength(MAX_URL),
  v.url(),
  v.regex(/^https?:\/\//i, 'must be an http(s) URL'),
);

export function isWebUrl(value: unknown): value is string {
  return v.is(webUrlSchema, value);
}

/** A statement found on a page, as the page sends it to the store. */
export interface StatementPayload {
  text: string;
  kind: StatementKind;
  start: number;
  end: number;
  speaker: { name: string; mention: string; mentionStart: number } | null;
  cue: string | null;
  continues: number | null;
  /** Text just before and after the statement, to find it again when offsets move. */
  prefix: string;
  suffix: string;
}

/** The page a statement was read on, as far as it can be trusted (utils/page/origin.ts). */
export interface PageMeta {
  url: string;
  canonicalUrl: string | null;
  title: string;
  site: string;
  publishedAt: string | null;
}

/** One page read: where, and the statements found on it in reading order. */
export interface PageReading {
  page: PageMeta;
  statements: StatementPayload[];
}

/** The kinds of relation between two statements. */
export const RELATION_TYPES = [
  'same-quote',
  'misattribution',
  'altered-quote',
  'contradiction',
  'same-speaker-topic',
] as const;
export type RelationType = (typeof RELATION_TYPES)[number];

/** The strongest relation of a statement, with where the other statement was printed. */
export interface StrongestRelation {
  type: RelationType;
  /** Shown as a possible conflict (a contradiction only above the operating point: match/relate.ts). */
  conflict: boolean;
  reason: string;
  otherSpeaker: string | null;
  otherTitle: string;
  otherSite: string;
  otherUrl: string;
}

/** A statement as the archive keeps it without the store (auto-collect off): its words and speaker. */
export interface StatementSnapshot {
  text: string;
  kind: StatementKind;
  speaker: string | null;
  cue: string | null;
}

/** A save of a quote the archive already held: what of the new note and tags was added to its entry. */
export interface SaveMerge {
  noteAdded: boolean;
  tagsAdded: string[];
}

/** What the store says about one statement, in the order the statements were sent. */
export interface StatementSummary {
  statementId: number;
  related: number;
  conflicts: number;
  saved: boolean;
  strongest: StrongestRelation | null;
}
