/**
 * Reading a page again replaces its statements: what the page no longer prints goes (with its
 * relations), what it still prints keeps its row, id and relations, saved quotes stay.
 */
import { describe, expect, it } from 'vitest';
import type { StatementPayload } from '../../utils/domain';
import type { IngestPage } from '../../utils/messages';
import { archiveView, pageView, speakerTimeline } from '../../utils/store/queries';
import { ingestPage, saveStatement } from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('reread');

function statement(text: string, speaker: string, start = 0): StatementPayload {
  return {
    text,
    kind: 'direct',
    start,
    end: start + text.length,
    speaker: { name: speaker, mention: speaker.split(' ').pop()!, mentionStart: -1 },
    cue: 'said',
    continues: null,
    prefix: '',
    suffix: '',
  };
}

function reading(url: string, statements: StatementPayload[]): IngestPage {
  return {
    type: 'ingest-page',
    page: { url, canonicalUrl: null, title: url, site: new URL(url).hostname, publishedAt: null },
    statements,
  };
}

const KEPT = 'We will rebuild the harbour bridge before the winter storms arrive in the north.';
const DROPPED = 'The ferry company has promised three extra crossings a day from the first of June.';
const ADDED = 'Nobody on the council voted against the new budget for the harbour district.';

describe('reading a page again', () => {
  it('removes the statements the page no longer has, with their relations, and keeps the others as they were', async () => {
    const first = await ingestPage(
      db(),
      reading('https://one.example/a', [statement(KEPT, 'Ada Park'), statement(DROPPED, 'Tom Lee', 200)]),
    );
    // Another page prints both quotes, given to other speakers: two relations to page one.
    await ingestPage(
      db(),
      reading('https://two.example/b', [
        statement(KEPT, 'Per Olsen'),
        statement(DROPPED, 'Lena Fischer', 200),
      ]),
    );
    const [keptId, droppedId] = first.statements.map((s) => s.statementId);
    const keptBefore = await db().statements.get(keptId!);
    const relationsOfKept = await db().relations.where('b').equals(keptId!).toArray();
    expect(await db().relations.where('b').equals(droppedId!).count()).toBe(1);

    const again = await ingestPage(
      db(),
      reading('https://one.example/a', [statement(KEPT, 'Ada Park'), statement(ADDED, 'Tom Lee', 300)]),
    );
    expect(again.statements[0]!.statementId).toBe(keptId);
    expect(await db().statements.get(droppedId!)).toBeUndefined();
    expect(await db().relations.where('a').equals(droppedId!).count()).toBe(0);
    expect(await db().relations.where('b').equals(droppedId!).count()).toBe(0);
    // The statement still printed keeps its row (keys included) and its relations.
    expect(await db().statements.get(keptId!)).toEqual(keptBefore);
    expect(await db().relations.where('b').equals(keptId!).toArray()).toEqual(relationsOfKept);
    const view = await pageView(db(), 'https://one.example/a');
    expect(view!.statements.map((s) => s.statement.text)).toEqual([KEPT, ADDED]);
    expect(await db().pages.count()).toBe(2);
  });

  it('never relates a new statement to the one it replaces on the same page', async () => {
    const quote = 'We were never told about the raid before it happened, and we condemn it.';
    await ingestPage(db(), reading('https://one.example/a', [statement(quote, 'Ada Park')]));
    // The page corrects its quote: the old wording is gone, not "altered" by the new one.
    const corrected = await ingestPage(
      db(),
      reading('https://one.example/a', [statement(quote.replace('condemn', 'strongly condemn'), 'Ada Park')]),
    );
    expect(corrected.statements[0]).toMatchObject({ related: 0, conflicts: 0 });
    expect(await db().statements.count()).toBe(1);
    expect(await db().relations.count()).toBe(0);
  });

  it('keeps a saved statement the page no longer has, so the archive, popup and speaker view still find it', async () => {
    const first = await ingestPage(
      db(),
      reading('https://one.example/a', [statement(KEPT, 'Ada Park'), statement(DROPPED, 'Tom Lee', 200)]),
    );
    const droppedId = first.statements[1]!.statementId;
    const { id: entryId } = await saveStatement(db(), droppedId, { now: 1000 });
    await ingestPage(db(), reading('https://one.example/a', [statement(KEPT, 'Ada Park')]));
    expect(await db().statements.get(droppedId)).toMatchObject({ text: DROPPED });
    const view = await pageView(db(), 'https://one.example/a');
    expect(view!.statements.find((s) => s.statement.id === droppedId)?.savedEntryId).toBe(entryId);
    expect((await archiveView(db())).entries.map((e) => e.statementId)).toEqual([droppedId]);
    expect((await speakerTimeline(db(), 'Tom Lee')).map((i) => [i.text, i.saved])).toEqual([[DROPPED, true]]);
  });

  it('removes nothing on a reading that found no statement (a page still loading)', async () => {
    await ingestPage(db(), reading('https://one.example/a', [statement(KEPT, 'Ada Park')]));
    await ingestPage(db(), reading('https://one.example/a', []));
    expect((await db().statements.toArray()).map((s) => s.text)).toEqual([KEPT]);
  });

  it('keeps a page as many statements as it prints however often it changes them', async () => {
    for (let round = 0; round < 5; round++) {
      const texts = [0, 1, 2].map(
        (i) =>
          `Round ${round} brings announcement number ${i} about the ferry ${'timetable '.repeat(i + 1)}.`,
      );
      await ingestPage(
        db(),
        reading(
          'https://one.example/a',
          texts.map((t, i) => statement(t, 'Ada Park', i * 200)),
        ),
      );
    }
    expect(await db().statements.count()).toBe(3);
    expect((await db().statements.toArray()).every((s) => s.text.startsWith('Round 4'))).toBe(true);
  });
});
