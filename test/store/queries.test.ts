import { describe, expect, it } from 'vitest';
import type { StatementPayload } from '../../utils/domain';
import { CONFLICT_OPERATING_POINT } from '../../utils/match/calibration';
import type { IngestPage } from '../../utils/messages';
import {
  archiveView,
  groupBySpeaker,
  pageView,
  speakerTimeline,
  statementSummaries,
} from '../../utils/store/queries';
import { ingestPage, saveCapture, saveStatement } from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('queries');

function statement(text: string, speaker: string | null, start = 0): StatementPayload {
  return {
    text,
    kind: 'direct',
    start,
    end: start + text.length,
    speaker: speaker ? { name: speaker, mention: speaker.split(' ').pop()!, mentionStart: -1 } : null,
    cue: 'said',
    continues: null,
    prefix: '',
    suffix: '',
  };
}

function page(url: string, statements: StatementPayload[], publishedAt: string | null = null): IngestPage {
  return {
    type: 'ingest-page',
    page: { url, canonicalUrl: null, title: `Title of ${url}`, site: new URL(url).hostname, publishedAt },
    statements,
  };
}

const QUOTE = 'We are not thrilled about the way that went down, and we want the hostages back.';

async function twoPages() {
  const a = await ingestPage(
    db(),
    page(
      'https://one.example/a',
      [statement(QUOTE, 'Jane Roe'), statement('The bridge opens soon.', 'Jane Roe', 200)],
      '2025-01-02',
    ),
  );
  const b = await ingestPage(
    db(),
    page(
      'https://two.example/b',
      [
        statement('Unrelated words here.', 'Ann Lee'),
        statement('More unrelated words.', 'Ann Lee', 50),
        statement('Other words again.', null, 80),
        statement(QUOTE, 'John Doe', 100),
      ],
      '2025-02-03',
    ),
  );
  return { a, b };
}

describe('groupBySpeaker', () => {
  it('puts speakers with conflicts first, then by count, unattributed last; conflicts first inside a group', async () => {
    await twoPages();
    const view = await pageView(db(), 'https://two.example/b');
    const groups = groupBySpeaker(view!.statements);
    expect(groups.map((g) => [g.speaker, g.statements.length, g.conflicts])).toEqual([
      ['John Doe', 1, 1],
      ['Ann Lee', 2, 0],
      [null, 1, 0],
    ]);
    expect(groups[1]!.statements.map((s) => s.statement.text)).toEqual([
      'Unrelated words here.',
      'More unrelated words.',
    ]);
  });
});

describe('archiveView', () => {
  it('marks entries whose statement has a conflict', async () => {
    const { a, b } = await twoPages();
    const { id: conflicted } = await saveStatement(db(), b.statements[3]!.statementId);
    const { id: calm } = await saveStatement(db(), b.statements[0]!.statementId);
    const { id: byHand } = await saveCapture(db(), {
      statementId: null,
      snapshot: {
        text: 'Said by hand',
        kind: 'direct',
        speaker: 'Jane Roe',
        cue: null,
        pageUrl: 'https://x.example/',
        pageTitle: 'X',
        site: 'x.example',
      },
    });
    expect(a.statements).toHaveLength(2);
    const view = await archiveView(db());
    expect(view.entries.map((e) => e.id).sort()).toEqual([conflicted, calm, byHand].sort());
    expect([...view.conflictEntryIds]).toEqual([conflicted]);
  });
});

describe('speakerTimeline', () => {
  it('lists what one speaker said, oldest first, with conflicts and hand-saved quotes', async () => {
    await twoPages();
    await saveCapture(db(), {
      statementId: null,
      snapshot: {
        text: 'A later remark',
        kind: 'direct',
        speaker: 'Jane Roe',
        cue: null,
        pageUrl: 'https://three.example/c',
        pageTitle: 'Three',
        site: 'three.example',
        publishedAt: '2025-03-01',
      },
    });
    const items = await speakerTimeline(db(), 'Jane Roe');
    expect(items.map((i) => [i.text, i.conflicts, i.saved])).toEqual([
      [QUOTE, 1, false],
      ['The bridge opens soon.', 0, false],
      ['A later remark', 0, true],
    ]);
    expect(items[0]!.at).toBe(Date.parse('2025-01-02'));
    expect(await speakerTimeline(db(), 'Nobody')).toEqual([]);
  });
});

describe('pageView', () => {
  it('lists a relation between two statements of the same page once on each side', async () => {
    const first = 'Grain tariffs will be lowered before the harvest in every northern county this year.';
    const second = 'Lower grain tariffs before the harvest are what the northern counties asked for.';
    await ingestPage(
      db(),
      page('https://one.example/a', [
        statement(first, 'Ingrid Haugen'),
        statement(second, 'Ingrid Haugen', 200),
      ]),
    );
    const view = await pageView(db(), 'https://one.example/a');
    const related = view!.statements.map((s) => s.related.map((r) => r.statement.text));
    expect(related).toEqual([[second], [first]]);
  });
});

describe('a contradiction under the operating point', () => {
  // A contradiction is a possible conflict only at a calibrated score at or above the operating
  // point (match/calibration.ts); under it the reader sees a related statement that may disagree.
  async function scored(scores: readonly number[]) {
    const one = await ingestPage(
      db(),
      page('https://one.example/a', [
        statement('The ferry will run all winter.', 'Ingrid Haugen'),
        statement('The quay will be rebuilt by spring.', 'Ingrid Haugen', 100),
      ]),
    );
    const two = await ingestPage(
      db(),
      page('https://two.example/b', [
        statement('Winter sailings are cancelled.', 'Per Olsen'),
        statement('No money is set aside for the quay.', 'Per Olsen', 100),
      ]),
    );
    const [a1, a2] = two.statements.map((s) => s.statementId);
    const [b1, b2] = one.statements.map((s) => s.statementId);
    expect(await db().relations.count()).toBe(0);
    await db().relations.bulkAdd(
      (
        [
          [a1!, b1!],
          [a2!, b2!],
        ] as const
      ).map(([a, b], i) => ({
        a,
        b,
        type: 'contradiction' as const,
        score: scores[i]!,
        reason: 'r',
        createdAt: 1,
      })),
    );
    return { ids: [a1!, a2!] };
  }

  it('is listed as related, not counted as a conflict, and called "may disagree" by the summary', async () => {
    const { ids } = await scored([CONFLICT_OPERATING_POINT - 0.01, CONFLICT_OPERATING_POINT]);
    const view = await pageView(db(), 'https://two.example/b');
    expect(view!.statements.map((s) => [s.related.length, s.conflicts])).toEqual([
      [1, 0],
      [1, 1],
    ]);
    const summaries = await statementSummaries(db(), ids);
    expect(summaries.map((s) => [s.related, s.conflicts, s.strongest?.type, s.strongest?.conflict])).toEqual([
      [1, 0, 'contradiction', false],
      [0, 1, 'contradiction', true],
    ]);
    const timeline = await speakerTimeline(db(), 'Per Olsen');
    expect(timeline.map((i) => [i.conflicts, i.related])).toEqual([
      [0, 1],
      [1, 0],
    ]);
  });

  it('does not put a saved quote among those with conflicts', async () => {
    const { ids } = await scored([0.5, 0.9]);
    const { id: under } = await saveStatement(db(), ids[0]!);
    const { id: over } = await saveStatement(db(), ids[1]!);
    const view = await archiveView(db());
    expect(view.entries.map((e) => e.id).sort()).toEqual([under, over].sort());
    expect([...view.conflictEntryIds]).toEqual([over]);
  });
});
