import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { handleBackgroundMessage, isQuotaError } from '../../utils/background/handle-message';
import type { StoreProblem } from '../../utils/settings';
import { openDb, type SaywhoDb } from '../../utils/store/db';

let db: SaywhoDb;
let n = 0;
beforeEach(async () => {
  db = openDb(`test-handler-${n++}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const valid = {
  type: 'ingest-page',
  page: {
    url: 'https://news.example/story',
    canonicalUrl: null,
    title: 'A story',
    site: 'News',
    publishedAt: null,
  },
  statements: [
    {
      text: 'We will rebuild the bridge by spring.',
      kind: 'direct',
      start: 10,
      end: 47,
      speaker: { name: 'Ada Park', mention: 'Park', mentionStart: 55 },
      cue: 'said',
      continues: null,
      prefix: '',
      suffix: '',
    },
  ],
};

describe('handleBackgroundMessage', () => {
  it('stores a valid page and answers with one summary per statement', async () => {
    const reply = await handleBackgroundMessage(db, valid);
    expect(reply).toMatchObject({ ok: true, statements: [{ related: 0, conflicts: 0 }] });
    expect(await db.statements.count()).toBe(1);
  });

  it.each([
    ['not an object', 'hello', /invalid message/],
    ['unknown type', { ...valid, type: 'drop-tables' }, /invalid message/],
    [
      'bad kind',
      { ...valid, statements: [{ ...valid.statements[0], kind: 'rumour' }] },
      /statements\.0\.kind/,
    ],
    ['non-http url', { ...valid, page: { ...valid.page, url: 'javascript:alert(1)' } }, /page\.url|invalid/],
    [
      'end before start',
      { ...valid, statements: [{ ...valid.statements[0], end: 5 }] },
      /end must be after start/,
    ],
    ['continues forward', { ...valid, statements: [{ ...valid.statements[0], continues: 0 }] }, /continues/],
  ])('rejects %s with a clear error and changes nothing', async (_label, message, error) => {
    const reply = await handleBackgroundMessage(db, message);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(error);
    expect(await db.pages.count()).toBe(0);
    expect(await db.statements.count()).toBe(0);
  });
});

describe('auto-collect setting', () => {
  const effects = (on: boolean) => ({
    openTab: async () => undefined,
    viewUrl: (u: string) => u,
    autoCollect: async () => on,
  });

  it('stores nothing when auto-collect is off', async () => {
    const reply = await handleBackgroundMessage(db, valid, effects(false));
    expect(reply).toEqual({ ok: true, pageId: 0, statements: [] });
    expect(await db.pages.count()).toBe(0);
    expect(await db.statements.count()).toBe(0);
  });

  it('stores the page when auto-collect is on', async () => {
    const reply = await handleBackgroundMessage(db, valid, effects(true));
    expect(reply).toMatchObject({ ok: true, statements: [expect.objectContaining({ related: 0 })] });
    expect(await db.statements.count()).toBe(1);
  });
});

describe('a full disk', () => {
  function quotaError(): DOMException {
    return new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  }

  it('is told to the reader, stores nothing half-way, and clears once a write succeeds', async () => {
    const problems: Array<StoreProblem | null> = [];
    const effects = {
      openTab: async () => undefined,
      viewUrl: () => '',
      reportStoreProblem: async (p: StoreProblem | null) => {
        problems.push(p);
      },
    };
    // The disk fills up exactly when the statements are written, after the page row was added.
    const hook = (() => {
      throw quotaError();
    }) as never;
    db.statements.hook('creating', hook);
    const reply = await handleBackgroundMessage(db, valid, effects);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/storage for Saywho is full/) });
    expect(problems).toEqual([
      expect.objectContaining({ quota: true, message: (reply as { error: string }).error }),
    ]);
    // One transaction: the page row added before the failure is gone too.
    expect(await db.pages.count()).toBe(0);
    expect(await db.statements.count()).toBe(0);

    db.statements.hook('creating').unsubscribe(hook);
    expect(await handleBackgroundMessage(db, valid, effects)).toMatchObject({ ok: true });
    expect(problems.at(-1)).toBeNull();
    expect(await db.statements.count()).toBe(1);
  });

  it('recognises the error Dexie wraps as well as the bare DOMException', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});
