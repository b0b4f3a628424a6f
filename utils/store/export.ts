/**
 * Export and import of the personal archive. Pure formatting, plus one import function that writes
 * all or nothing.
 *
 * - JSON is lossless and versioned: `{ format: 'saywho-archive', version: 1, exportedAt, entries }`.
 * - CSV follows RFC 4180 (CRLF rows, fields with `"`, `,` or line breaks quoted, quotes doubled),
 *   starts with a UTF-8 byte-order mark (spreadsheet programs otherwise read the file in the
 *   system's legacy code page and garble every non-Latin letter), and defuses spreadsheet formulas:
 *   a cell starting with = + - @ (or a tab or carriage return) gets a leading `'`.
 * - Markdown escapes page text so a renderer shows it as text, never as links or HTML, and links a
 *   source only when its address is http(s).
 * - Import takes dates only within the range a `Date` holds and a quote can have (`../dates.ts`),
 *   and page addresses only when they are http(s), like every page address Saywho receives.
 * - A stored entry with a date that is none (from an older version) is exported as "unknown date".
 */
import * as v from 'valibot';
import {
  EARLIEST_PUBLISHED_AT,
  EARLIEST_SAVED_AT,
  FUTURE_SLACK_MS,
  isoDayOrUnknown,
  isoTimeOrUnknown,
  isPlausiblePublishedAt,
  isPlausibleSavedAt,
} from '../dates';
import { isWebUrl } from '../domain';
import { MAX_NOTE, MAX_TAGS } from './archive';
import { UNATTRIBUTED } from './archive-search';
import type { ArchiveEntryRow } from './db';

export const EXPORT_FORMAT = 'saywho-archive';
export const EXPORT_VERSION = 1;
export const MAX_IMPORT_ENTRIES = 200_000;

/** An entry as exported: everything but the local id. */
export type ExportedEntry = Omit<ArchiveEntryRow, 'id'>;

export interface ArchiveExport {
  format: typeof EXPORT_FORMAT;
  version: typeof EXPORT_VERSION;
  exportedAt: string;
  entries: ExportedEntry[];
}

const text = (max: number) => v.pipe(v.string(), v.maxLength(max));

const day = (ms: number) => new Date(ms).toISOString().slice(0, 10);
/** The latest date a file may carry, read when the file is checked (the clock moves on). */
const latest = () => day(Date.now() + FUTURE_SLACK_MS);

/** Empty (a quote whose page was unknown) or http(s), the rule for every page address in Saywho. */
const PageUrlSchema = v.pipe(
  text(4_096),
  v.check((url) => url === '' || isWebUrl(url), 'must be an http(s) address (or empty)'),
);

const PublishedAtSchema = v.pipe(
  text(64),
  v.check(
    (published) => isPlausiblePublishedAt(published),
    (issue) =>
      `reads as a date outside ${day(EARLIEST_PUBLISHED_AT)} to ${latest()} (this entry has "${String(issue.input)}")`,
  ),
);

const SavedAtSchema = v.pipe(
  v.number(),
  v.check(
    (ms) => isPlausibleSavedAt(ms),
    (issue) =>
      `must be a date between ${day(EARLIEST_SAVED_AT)} and ${latest()}, in whole milliseconds since 1970 (this entry has ${String(issue.input)})`,
  ),
);

const SnapshotSchema = v.object({
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(20_000)),
  kind: v.picklist(['direct', 'partial', 'indirect']),
  speaker: v.nullable(text(1_000)),
  cue: v.nullable(text(1_000)),
  pageUrl: PageUrlSchema,
  pageTitle: text(1_000),
  site: text(1_000),
  publishedAt: v.optional(v.nullable(PublishedAtSchema)),
});

const EntrySchema = v.object({
  statementId: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  snapshot: SnapshotSchema,
  note: text(MAX_NOTE),
  tags: v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.maxLength(MAX_TAGS)),
  savedAt: SavedAtSchema,
});

export const ArchiveExportSchema = v.object({
  format: v.literal(EXPORT_FORMAT),
  version: v.literal(EXPORT_VERSION),
  exportedAt: v.string(),
  entries: v.pipe(v.array(EntrySchema), v.maxLength(MAX_IMPORT_ENTRIES)),
});

function exported(e: ArchiveEntryRow): ExportedEntry {
  const { id: _id, ...rest } = e;
  return rest;
}

export function toJson(entries: readonly ArchiveEntryRow[], now: Date = new Date()): string {
  const doc: ArchiveExport = {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    entries: entries.map(exported),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}

/** One CSV cell: formula-defused, then quoted when RFC 4180 requires it. */
export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export const CSV_COLUMNS = [
  'savedAt',
  'speaker',
  'text',
  'kind',
  'cue',
  'pageTitle',
  'site',
  'pageUrl',
  'note',
  'tags',
] as const;

/** U+FEFF: written first, it tells spreadsheet programs the file is UTF-8. */
export const BYTE_ORDER_MARK = '\uFEFF';

export function toCsv(entries: readonly ArchiveEntryRow[]): string {
  const rows = [CSV_COLUMNS.join(',')];
  for (const e of entries) {
    const s = e.snapshot;
    const cells = [
      isoTimeOrUnknown(e.savedAt),
      s.speaker ?? '',
      s.text,
      s.kind,
      s.cue ?? '',
      s.pageTitle,
      s.site,
      s.pageUrl,
      e.note,
      e.tags.join('; '),
    ];
    rows.push(cells.map(csvCell).join(','));
  }
  return `${BYTE_ORDER_MARK}${rows.join('\r\n')}\r\n`;
}

/** Escapes Markdown (and inline HTML) syntax so text renders as the same text. */
export function escapeMarkdown(value: string): string {
  return value.replace(/[\\`*_{}[\]()<>#+\-.!|~&"']/g, (c) => `\\${c}`);
}

/** A link target Markdown cannot misread: http(s) only, in angle brackets, no brackets or breaks inside. */
function markdownUrl(url: string): string | null {
  if (!isWebUrl(url)) return null;
  return `<${url.replace(/[<>\s]/g, (c) => encodeURIComponent(c))}>`;
}

export function toMarkdown(entries: readonly ArchiveEntryRow[], now: Date = new Date()): string {
  const out = ['# Saywho archive', '', `Exported ${now.toISOString()} · ${entries.length} entries`, ''];
  for (const e of entries) {
    const s = e.snapshot;
    for (const line of s.text.split(/\r?\n/)) out.push(`> ${escapeMarkdown(line)}`);
    out.push('');
    const title = escapeMarkdown(s.pageTitle || s.pageUrl);
    const url = markdownUrl(s.pageUrl);
    const source = url ? `[${title}](${url})` : title;
    const site = s.site ? ` · ${escapeMarkdown(s.site)}` : '';
    out.push(
      `— **${escapeMarkdown(s.speaker ?? UNATTRIBUTED)}**, ${source}${site} · saved ${isoDayOrUnknown(e.savedAt)}`,
    );
    if (e.note) {
      out.push('');
      for (const line of e.note.split(/\r?\n/)) out.push(`Note: ${escapeMarkdown(line)}`);
    }
    if (e.tags.length > 0) {
      out.push('');
      out.push(`Tags: ${e.tags.map(escapeMarkdown).join(', ')}`);
    }
    out.push('', '---', '');
  }
  return out.join('\n');
}

/** Two entries are the same quote when text, speaker and page agree. */
export function dedupKey(s: { text: string; speaker: string | null; pageUrl: string }): string {
  return JSON.stringify([s.text, s.speaker ?? '', s.pageUrl]);
}

export type ParseResult = { ok: true; data: ArchiveExport } | { ok: false; error: string };

/** Parses and validates an export file; the error says what is wrong in words a reader understands. */
export function parseArchiveJson(raw: string): ParseResult {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return { ok: false, error: 'This file is not JSON. Choose a file exported by Saywho (JSON).' };
  }
  if (typeof json !== 'object' || json === null || (json as { format?: unknown }).format !== EXPORT_FORMAT) {
    return { ok: false, error: 'This file is not a Saywho archive export.' };
  }
  if ((json as { version?: unknown }).version !== EXPORT_VERSION) {
    return {
      ok: false,
      error: `This archive was exported in format version ${String((json as { version?: unknown }).version)}; this Saywho reads version ${EXPORT_VERSION}.`,
    };
  }
  const result = v.safeParse(ArchiveExportSchema, json);
  if (result.success) return { ok: true, data: result.output as ArchiveExport };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return {
    ok: false,
    error: `The file does not fit the archive format${path ? ` at ${path}` : ''}${entryLabel(json, issue.path)}: ${issue.message}`,
  };
}

/** Which entry an issue is in, as the reader counts and knows it: " (entry 2, “first words…”)". */
function entryLabel(json: object, path: v.BaseIssue<unknown>['path']): string {
  const [list, index] = path ?? [];
  if (list?.key !== 'entries' || typeof index?.key !== 'number') return '';
  const entry = (json as { entries?: unknown[] }).entries?.[index.key] as
    | { snapshot?: { text?: unknown } }
    | undefined;
  const words = typeof entry?.snapshot?.text === 'string' ? entry.snapshot.text.trim() : '';
  const quote = words ? `, “${words.length > 40 ? `${words.slice(0, 40)}…` : words}”` : '';
  return ` (entry ${index.key + 1}${quote})`;
}
