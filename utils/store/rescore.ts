/**
 * Schema 11's upgrade: stored contradictions get the calibrated score of the cue that finds them
 * (match/calibration.ts) and a reason worded by it, as a new reading would give them. Before, every
 * contradiction had a fixed score per cue (0.5 to 0.7) and was shown as a possible conflict; under
 * the operating point it is now shown as a statement that may disagree. Nothing is deleted: a pair
 * today's classifier no longer calls a contradiction keeps its row, at the lowest calibrated score.
 */
import type { Transaction } from 'dexie';
import { CONFLICT_CUES, type ConflictCue, conflictScore, conflictWords } from '../match/calibration';
import { classifyPair } from '../match/classify';
import type { SpeakerKind } from '../match/identity';
import { matchSide, type SideRow } from './match-side';

/** What of the rows this upgrade reads and writes (db.ts imports this module: no import back). */
interface RelationRow {
  a: number;
  b: number;
  type: string;
  score: number;
  reason: string;
  cue?: ConflictCue;
}
type StatementRow = SideRow & { speakerId: number | null };
interface SpeakerRow {
  id: number;
  name: string;
  type: SpeakerKind;
  aliases: string[];
}
interface PageRow {
  id: number;
  site: string;
}

/** How every contradiction's reason opened before schema 11. */
const OLD_OPENING = 'possible conflict — ';

export async function conflictsRescored(tx: Transaction): Promise<void> {
  const relations = tx.table<RelationRow, number>('relations');
  const rows = await relations.where('type').equals('contradiction').toArray();
  if (rows.length === 0) return;
  const statementIds = [...new Set(rows.flatMap((r) => [r.a, r.b]))];
  const statements = new Map<number, StatementRow>();
  for (const s of await tx.table<StatementRow, number>('statements').bulkGet(statementIds))
    if (s) statements.set(s.id, s);
  const speakerIds = [
    ...new Set([...statements.values()].flatMap((s) => (s.speakerId === null ? [] : [s.speakerId]))),
  ];
  const speakers = new Map<number, SpeakerRow>();
  for (const sp of await tx.table<SpeakerRow, number>('speakers').bulkGet(speakerIds))
    if (sp) speakers.set(sp.id, sp);
  const pageIds = [
    ...new Set([...statements.values()].filter((s) => s.site === undefined).map((s) => s.pageId)),
  ];
  const pages = new Map<number, PageRow>();
  for (const p of await tx.table<PageRow, number>('pages').bulkGet(pageIds)) if (p) pages.set(p.id, p);
  const side = (s: StatementRow) =>
    matchSide(s, s.speakerId === null ? undefined : speakers.get(s.speakerId), pages.get(s.pageId));
  const lowest = Math.min(...CONFLICT_CUES.map(conflictScore));
  for (const r of rows) {
    const a = statements.get(r.a);
    const b = statements.get(r.b);
    const found = a && b ? classifyPair(side(a), side(b)).find((x) => x.type === 'contradiction') : undefined;
    if (found) {
      r.score = found.score;
      r.reason = found.reason;
      if (found.cue) r.cue = found.cue;
    } else {
      r.score = lowest;
      if (r.reason.startsWith(OLD_OPENING))
        r.reason = `${conflictWords(lowest)} — ${r.reason.slice(OLD_OPENING.length)}`;
    }
  }
  await relations.bulkPut(rows);
}
