/**
 * A stored statement as the pure classifier reads it (match/classify.ts), with its speaker and, for
 * rows stored before statements carried their site, its page. Used by ingest and by schema 11's
 * upgrade (rescore.ts); it takes the rows by shape, so the schema module can use it.
 */
import type { StatementKind } from '../extract/types';
import type { MatchStatement } from '../match/classify';
import { denialVerb } from '../match/denial';
import type { SpeakerKind } from '../match/identity';

/** What of a statement row the classifier reads. */
export interface SideRow {
  id: number;
  pageId: number;
  site?: string;
  text: string;
  kind: StatementKind;
  speakerName: string | null;
  utteranceId: number | null;
  prefix: string;
  suffix: string;
  /** The reporting expression ("said", "denied"); absent in rows of older shapes. */
  cue?: string | null;
}

export function matchSide(
  row: SideRow,
  speaker?: { name: string; type: SpeakerKind; aliases: string[] },
  page?: { site: string },
): MatchStatement {
  return {
    text: row.text,
    kind: row.kind,
    speakerName: speaker?.name ?? row.speakerName,
    speakerType: speaker?.type ?? null,
    // The page's id stands for the page: only equality matters.
    pageKey: String(row.pageId),
    site: row.site ?? page?.site ?? '',
    utterance: `${row.pageId}:${row.utteranceId ?? row.id}`,
    speakerAliases: speaker?.aliases ?? [],
    context: `${row.prefix} ${row.suffix}`,
    deniedBy: denialVerb(row.kind, row.cue),
  };
}
