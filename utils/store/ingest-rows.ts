/**
 * Ingest's rows: which statements of a reading are stored (read before, new within the budgets,
 * gone from the page), the page row and the statement rows they become, the links between the
 * segments of one utterance, and the provisional ids new statements carry until they are written.
 */
import type { PageMeta, StatementPayload } from '../domain';
import { exactKey } from '../match/normalize';
import { PAGE_BUDGET } from './budget';
import type { PageRow, SaywhoDb, SpeakerRow, StatementRow } from './db';
import { indexedKeys } from './index-keys';
import type { SpeakerDraft } from './ingest-speakers';

/**
 * Ids given to a page's new statements until they are written: above any id IndexedDB hands out
 * in practice, and in page order, so "newest first" still holds when candidates are ranked.
 */
export const PROVISIONAL_ID = 2 ** 52;

/**
 * Whether a reading may rewrite the stored page row and replace its statements: it comes from the
 * origin that created the row, or the row has none yet (stored before rows had one), or the caller
 * gave no origin (a local caller).
 */
export function ownReading(existing: PageRow | undefined, origin: string | undefined): boolean {
  return !existing || origin === undefined || existing.origin === undefined || existing.origin === origin;
}

/** What becomes of each statement of a reading, and of the page's stored statements. */
export interface RowPlan {
  /** The stored statement each one is (same words, same occurrence on the page), if any. */
  prior: Array<StatementRow | undefined>;
  /** Each one is new and stored (within the budgets). */
  fresh: boolean[];
  occurrences: number[];
  /** Stored statements the page no longer has, to delete. */
  gone: StatementRow[];
  /** The budget that kept new statements out, if one did. */
  limitedBy?: 'page' | 'site';
}

/**
 * Matches a reading against the page's stored statements: those read again keep their rows; those
 * the page no longer has go, unless saved in the archive — and only on the row's own origin's
 * reading, and not on a reading that found nothing (a page still loading). New ones are stored in
 * page order while the page and the site have room.
 */
export async function planRows(
  db: SaywhoDb,
  statements: readonly StatementPayload[],
  stored: readonly StatementRow[],
  own: boolean,
  siteLeft: number,
): Promise<RowPlan> {
  const storedBy = new Map(stored.map((r) => [`${exactKey(r.text)}#${r.occurrence}`, r]));
  const seen = new Map<string, number>();
  const plan: RowPlan = { prior: [], fresh: [], occurrences: [], gone: [] };
  for (const s of statements) {
    const ek = exactKey(s.text);
    const occurrence = seen.get(ek) ?? 0;
    seen.set(ek, occurrence + 1);
    plan.occurrences.push(occurrence);
    plan.prior.push(storedBy.get(`${ek}#${occurrence}`));
  }
  const matched = new Set(plan.prior.flatMap((p) => (p ? [p.id] : [])));
  const absent = own && statements.length > 0 ? stored.filter((r) => !matched.has(r.id)) : [];
  if (absent.length > 0) {
    const saved = new Set(
      (
        await db.archive
          .where('statementId')
          .anyOf(absent.map((r) => r.id))
          .toArray()
      ).map((e) => e.statementId),
    );
    plan.gone = absent.filter((r) => !saved.has(r.id));
  }
  const pageLeft = PAGE_BUDGET - (stored.length - plan.gone.length);
  const room = Math.min(pageLeft, siteLeft);
  let taken = 0;
  for (const prior of plan.prior) {
    const fresh = prior === undefined && taken < room;
    if (fresh) taken++;
    plan.fresh.push(fresh);
    if (prior === undefined && !fresh) plan.limitedBy = pageLeft <= siteLeft ? 'page' : 'site';
  }
  return plan;
}

/**
 * The page row to write: the stored one read again, or a new one (id 0 until the ids are known).
 * A reading from another origin never rewrites the row (its URL, title, site, canonical).
 */
export function pageRowOf(
  meta: PageMeta,
  key: string,
  existing: PageRow | undefined,
  own: boolean,
  now: number,
  origin: string | undefined,
): PageRow {
  if (existing) {
    return own
      ? {
          ...existing,
          url: meta.url,
          title: meta.title || existing.title,
          lastReadAt: now,
          ...(existing.origin === undefined && origin !== undefined ? { origin } : {}),
        }
      : { ...existing, lastReadAt: now };
  }
  const fields = {
    key,
    url: meta.url,
    canonicalUrl: meta.canonicalUrl,
    title: meta.title,
    site: meta.site,
    publishedAt: meta.publishedAt,
    firstReadAt: now,
    lastReadAt: now,
    ...(origin !== undefined ? { origin } : {}),
  };
  return { ...fields, id: 0 };
}

/** A reading's statement rows, before they are written. */
export interface PageRows {
  /** The row of each statement sent, or null when it is not stored (over budget). */
  rows: Array<StatementRow | null>;
  /** The stored speaker of each row (its id is known once speakers are written). */
  speakerOf: Array<SpeakerRow | null>;
  /** The rows new to the store. */
  added: StatementRow[];
  /** The rows stored: those read before and those new. */
  kept: StatementRow[];
  /** The ids of stored statements the page no longer has. */
  goneIds: number[];
}

/**
 * The row of each statement stored (`keep`), under the page (`pageId`, provisional for a new page)
 * and its site label; a statement read before keeps its id and index entries, a new one gets a
 * provisional id and its stored keys (`keysOf`, as index entries read `now`).
 */
export function statementRows(
  statements: readonly StatementPayload[],
  plan: RowPlan,
  keep: readonly boolean[],
  speakers: ReadonlyMap<string, SpeakerDraft>,
  page: { id: number; site: string },
  keysOf: ReadonlyArray<{ stored: readonly number[] }>,
  now: number,
): PageRows {
  const rows: Array<StatementRow | null> = [];
  const speakerOf: Array<SpeakerRow | null> = [];
  for (const [i, s] of statements.entries()) {
    const prior = plan.prior[i];
    const speaker = s.speaker && keep[i] ? speakers.get(s.speaker.name)!.row : null;
    speakerOf.push(speaker);
    if (!keep[i]) {
      rows.push(null);
      continue;
    }
    rows.push({
      id: prior?.id ?? PROVISIONAL_ID + i,
      pageId: page.id,
      site: page.site,
      text: s.text,
      occurrence: plan.occurrences[i]!,
      kind: s.kind,
      // Set once the page's speakers are written (a new one has no id before).
      speakerId: null,
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
  }
  linkSegments(statements, rows);
  return {
    rows,
    speakerOf,
    added: rows.filter((r, i): r is StatementRow => r !== null && plan.prior[i] === undefined),
    kept: rows.filter((r): r is StatementRow => r !== null),
    goneIds: plan.gone.map((r) => r.id),
  };
}

/** Links between the segments of one utterance (new statements' ids are provisional until written). */
function linkSegments(
  statements: readonly StatementPayload[],
  rows: ReadonlyArray<StatementRow | null>,
): void {
  for (const [i, s] of statements.entries()) {
    const row = rows[i];
    if (!row) continue;
    let root = i;
    // Only ever back to an earlier segment, so a malformed chain cannot loop.
    while ((statements[root]?.continues ?? root) < root) root = statements[root]!.continues!;
    row.continuesId = s.continues === null ? null : (rows[s.continues]?.id ?? null);
    row.utteranceId = root === i ? null : (rows[root]?.id ?? null);
  }
}
