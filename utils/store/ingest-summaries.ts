/**
 * Ingest's answer for a page all new: each statement's summary (how many related, how many
 * conflicts, its strongest relation; none saved) from the relations just found, without asking
 * the store for them.
 */
import type { StatementSummary } from '../domain';
import type { PageRow, RelationRow, SaywhoDb, StatementRow } from './db';
import { summariesOf } from './queries';

/** The summaries of a page's new statements, from the relations found for them. */
export async function freshSummaries(
  db: SaywhoDb,
  ids: number[],
  relations: ReadonlyArray<Pick<RelationRow, 'a' | 'b' | 'type' | 'score' | 'reason'>>,
  found: ReadonlyArray<{ row: StatementRow; other: StatementRow }>,
  page: PageRow,
): Promise<StatementSummary[]> {
  const others = new Map<number, StatementRow>();
  for (const { row, other } of found) {
    others.set(row.id, row);
    others.set(other.id, other);
  }
  const pages = new Map([[page.id, page]]);
  const pageIds = [...new Set([...others.values()].map((r) => r.pageId))].filter((id) => id !== page.id);
  if (pageIds.length > 0) for (const p of await db.pages.bulkGet(pageIds)) if (p) pages.set(p.id, p);
  return summariesOf(ids, relations, new Set(), others, pages);
}
