/**
 * A page row belongs to the origin that created it: a reading from another origin (a sibling host
 * whose page declares this row's canonical URL) never rewrites the row's identity or label.
 */
import { describe, expect, it } from 'vitest';
import type { StatementPayload } from '../../utils/domain';
import type { IngestPage } from '../../utils/messages';
import { ingestPage } from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('page-origin');

function statement(text: string, start = 0): StatementPayload {
  return {
    text,
    kind: 'direct',
    start,
    end: start + text.length,
    speaker: { name: 'Ada Park', mention: 'Park', mentionStart: -1 },
    cue: 'said',
    continues: null,
    prefix: '',
    suffix: '',
  };
}

const CANONICAL = 'https://www.example.com/story';
const FIRST = 'We will rebuild the harbour bridge before the winter storms arrive.';
const SECOND = 'The council has set aside the money for the harbour bridge this year.';

function reading(url: string, title: string, site: string, texts: string[]): IngestPage {
  return {
    type: 'ingest-page',
    page: { url, canonicalUrl: CANONICAL, title, site, publishedAt: '2026-01-01' },
    statements: texts.map((t, i) => statement(t, i * 200)),
  };
}

describe('a page row and its origin', () => {
  it('records the real origin of the page that created it', async () => {
    await ingestPage(db(), reading(CANONICAL, 'Story', 'Example News', [FIRST]), 1000, {
      origin: 'https://www.example.com',
    });
    const row = await db().pages.where('key').equals(CANONICAL).first();
    expect(row?.origin).toBe('https://www.example.com');
  });

  it('is never rewritten by a reading from another origin, which may only add statements', async () => {
    await ingestPage(db(), reading(CANONICAL, 'Story', 'Example News', [FIRST]), 1000, {
      origin: 'https://www.example.com',
    });
    const before = (await db().pages.where('key').equals(CANONICAL).first())!;
    const other = await ingestPage(
      db(),
      reading('https://amp.example.com/story', 'Hijacked title', 'The New York Times', [SECOND]),
      2000,
      { origin: 'https://amp.example.com' },
    );
    const after = (await db().pages.where('key').equals(CANONICAL).first())!;
    expect(after).toEqual({ ...before, lastReadAt: 2000 });
    // Its statements are filed under the row's own label, and the row's statements stay.
    const rows = await db().statements.where('pageId').equals(after.id).toArray();
    expect(rows.map((r) => [r.text, r.site])).toEqual([
      [FIRST, 'Example News'],
      [SECOND, 'Example News'],
    ]);
    expect(other.statements).toHaveLength(1);
    expect(other.statements[0]!.statementId).toBeGreaterThan(0);
  });

  it('is updated by a reading from its own origin', async () => {
    await ingestPage(db(), reading(CANONICAL, 'Story', 'Example News', [FIRST]), 1000, {
      origin: 'https://www.example.com',
    });
    await ingestPage(db(), reading(`${CANONICAL}?page=1`, 'Story, updated', 'Example News', [FIRST]), 2000, {
      origin: 'https://www.example.com',
    });
    const row = await db().pages.where('key').equals(CANONICAL).first();
    expect(row).toMatchObject({ url: `${CANONICAL}?page=1`, title: 'Story, updated', lastReadAt: 2000 });
  });

  it('adopts the first origin that reads it when it was stored before rows had one', async () => {
    await ingestPage(db(), reading(CANONICAL, 'Story', 'Example News', [FIRST]), 1000);
    expect((await db().pages.where('key').equals(CANONICAL).first())?.origin).toBeUndefined();
    await ingestPage(db(), reading(CANONICAL, 'Story', 'Example News', [FIRST]), 2000, {
      origin: 'https://www.example.com',
    });
    expect((await db().pages.where('key').equals(CANONICAL).first())?.origin).toBe('https://www.example.com');
    await ingestPage(db(), reading('https://amp.example.com/story', 'Other', 'Other', [FIRST]), 3000, {
      origin: 'https://amp.example.com',
    });
    expect(await db().pages.where('key').equals(CANONICAL).first()).toMatchObject({
      url: CANONICAL,
      title: 'Story',
      site: 'Example News',
      origin: 'https://www.example.com',
    });
  });
});
