/**
 * Ingest's classification: the pure classifier (match/classify.ts) on each new statement and its
 * candidates, with each statement's page and speaker as stored, and the relations found. Pure
 * computation once the candidates' pages and speakers are loaded (`PairMatcher.preload`): it runs
 * while IndexedDB writes the page's statements.
 */
import { classifyPair, type MatchStatement, type Relation } from '../match/classify';
import type { PageRow, RelationRow, SaywhoDb, SpeakerRow, StatementRow } from './db';
import { matchSide } from './match-side';

/** A pair of statements the classifier related, and how. */
export interface FoundPair {
  row: StatementRow;
  other: StatementRow;
  relations: Relation[];
}

/** The pure classifier on candidate pairs, with what it needs to know of each statement. */
export class PairMatcher {
  private readonly pages = new Map<number, PageRow>();
  private readonly speakers = new Map<number, SpeakerRow>();
  /** One object per statement, so the classifier's per-statement feature cache is hit. */
  private readonly sides = new Map<StatementRow, MatchStatement>();
  /** Each new statement's candidates that only the page channel brought (provisional ids). */
  readonly pageOnly = new Map<StatementRow, Set<number>>();
  /** The concepts of the page's new statements (provisional ids), as their keys were computed. */
  readonly conceptsOf = new Map<number, readonly string[]>();

  /**
   * Do two of the page's statements share a content word? No conflict rule fires without two
   * concepts in common; one is asked here, before either statement's claim is read.
   */
  shareAWord(x: number, y: number): boolean {
    const b = new Set(this.conceptsOf.get(y) ?? []);
    return (this.conceptsOf.get(x) ?? []).some((k) => b.has(k));
  }

  constructor(private readonly db: SaywhoDb) {}

  /**
   * Speakers of stored statements about to be classified, and the pages of those stored before
   * statements carried their site, in two bulk reads.
   */
  async preload(rows: StatementRow[]): Promise<void> {
    const pageIds = [...new Set(rows.flatMap((r) => (r.site === undefined ? [r.pageId] : [])))].filter(
      (id) => !this.pages.has(id),
    );
    const speakerIds = [...new Set(rows.flatMap((r) => (r.speakerId === null ? [] : [r.speakerId])))].filter(
      (id) => !this.speakers.has(id),
    );
    const [pages, speakers] = await Promise.all([
      this.db.pages.bulkGet(pageIds),
      this.db.speakers.bulkGet(speakerIds),
    ]);
    for (const p of pages) if (p) this.pages.set(p.id, p);
    for (const sp of speakers) if (sp) this.speakers.set(sp.id, sp);
  }

  /** The page being read and its speakers, as just written (new names and aliases included). */
  know(page: PageRow, speakers: ReadonlyArray<SpeakerRow | null>): void {
    this.pages.set(page.id, page);
    for (const sp of speakers) if (sp) this.speakers.set(sp.id, sp);
  }

  classify(a: StatementRow, b: StatementRow) {
    const conflictOnly = this.pageOnly.get(a)?.has(b.id) === true;
    return classifyPair(this.side(a), this.side(b), { conflictOnly });
  }

  private side(row: StatementRow): MatchStatement {
    const known = this.sides.get(row);
    if (known) return known;
    const page = row.site === undefined ? this.pages.get(row.pageId) : undefined;
    const speaker = row.speakerId === null ? undefined : this.speakers.get(row.speakerId);
    const side = matchSide(row, speaker, page);
    this.sides.set(row, side);
    return side;
  }
}

/**
 * Classifies each new statement of the page (`added`, written on `page` by `speakerOf`'s
 * speakers) with its candidates: the pairs related, in order.
 */
export function classifyNew(
  matcher: PairMatcher,
  page: PageRow,
  speakerOf: ReadonlyArray<SpeakerRow | null>,
  added: readonly StatementRow[],
  candidates: ReadonlyMap<StatementRow, readonly StatementRow[]>,
): FoundPair[] {
  const found: FoundPair[] = [];
  matcher.know(page, speakerOf);
  const freshRows = new Set(added);
  for (const row of added) {
    for (const other of candidates.get(row) ?? []) {
      // A pair of two statements new on this page is classified once, from the later one.
      if (freshRows.has(other) && other.id > row.id) continue;
      if (sameUtterance(row, other)) continue;
      const relations = matcher.classify(row, other);
      if (relations.length > 0) found.push({ row, other, relations });
    }
  }
  return found;
}

function sameUtterance(a: StatementRow, b: StatementRow): boolean {
  return a.pageId === b.pageId && (a.utteranceId ?? a.id) === (b.utteranceId ?? b.id);
}

/** The relation rows of the pairs found (once their statements have their real ids). */
export function relationRows(found: readonly FoundPair[], now: number): Array<Omit<RelationRow, 'id'>> {
  return found.flatMap(({ row, other, relations }) =>
    relations.map((relation) => ({ a: row.id, b: other.id, ...relation, createdAt: now })),
  );
}
