import { describe, expect, it } from 'vitest';
import {
  handleBackgroundMessage,
  isQuotaError,
  receiveBackgroundMessage,
} from '../../utils/background/handle-message';
import type { Sender } from '../../utils/messages';
import type { StoreProblem } from '../../utils/settings';
import type { SaywhoDb } from '../../utils/store/db';
import { forgetKeyFilter, holdsKeyFilter } from '../../utils/store/key-filter';
import { useTestStore } from '../helpers/store';

const db = useTestStore('handler');

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
    const reply = await handleBackgroundMessage(db(), valid);
    expect(reply).toMatchObject({ ok: true, statements: [{ related: 0, conflicts: 0 }] });
    expect(await db().statements.count()).toBe(1);
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
    const reply = await handleBackgroundMessage(db(), message);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(error);
    expect(await db().pages.count()).toBe(0);
    expect(await db().statements.count()).toBe(0);
  });
});

/** Every row of every table: what "changes nothing" is checked against. */
async function everything(d: SaywhoDb) {
  return Object.fromEntries(
    await Promise.all(d.tables.map(async (t) => [t.name, await t.toArray()] as const)),
  );
}

/** A store with one page and its statement, so a message naming statement 1 has something to act on. */
async function seeded(): Promise<Record<string, unknown[]>> {
  const reply = await handleBackgroundMessage(db(), valid);
  expect(reply).toMatchObject({ ok: true, statements: [{ statementId: 1 }] });
  return everything(db());
}

describe('malformed messages of every type', () => {
  const save = { type: 'save-statement', statementId: 1 };
  const open = { type: 'open-view', url: 'https://news.example/story', statementId: 1 };

  it('accepts the well-formed save-statement and open-view these cases are derived from', async () => {
    await seeded();
    expect(await handleBackgroundMessage(db(), save)).toMatchObject({ ok: true, entryId: 1 });
    const opened: string[] = [];
    const effects = {
      openTab: async (u: string) => {
        opened.push(u);
      },
      viewUrl: (u: string, id?: number) => `view:${u}#${id}`,
    };
    expect(await handleBackgroundMessage(db(), open, effects)).toEqual({ ok: true });
    expect(opened).toEqual(['view:https://news.example/story#1']);
  });

  it.each([
    ['no type', { statementId: 1 }, /invalid message/],
    ['null', null, /invalid message/],
    ['an array', [save], /invalid message/],
    ['save-statement: id missing', { type: 'save-statement' }, /statementId/],
    ['save-statement: id a string', { ...save, statementId: '1' }, /statementId/],
    ['save-statement: id zero', { ...save, statementId: 0 }, /statementId/],
    ['save-statement: id fractional', { ...save, statementId: 1.5 }, /statementId/],
    ['save-statement: note not text', { ...save, note: { html: '<b>' } }, /note/],
    ['save-statement: note too long', { ...save, note: 'x'.repeat(10_001) }, /note/],
    ['save-statement: tags not a list', { ...save, tags: 'a,b' }, /tags/],
    ['save-statement: an empty tag', { ...save, tags: ['ok', ''] }, /tags\.1/],
    [
      'save-statement: too many tags',
      { ...save, tags: Array.from({ length: 51 }, (_, i) => `t${i}`) },
      /tags/,
    ],
    ['open-view: url missing', { type: 'open-view' }, /url/],
    ['open-view: javascript: url', { ...open, url: 'javascript:alert(1)' }, /url/],
    ['open-view: extension url', { ...open, url: 'chrome-extension://abc/popup.html' }, /url/],
    ['open-view: not a url', { ...open, url: 'news' }, /url/],
    ['open-view: statement id negative', { ...open, statementId: -3 }, /statementId/],
    ['ingest-page: page missing', { type: 'ingest-page', statements: [] }, /page/],
    ['ingest-page: statements not a list', { ...valid, statements: {} }, /statements/],
  ])('rejects %s with a clear error and changes nothing', async (_label, message, error) => {
    const before = await seeded();
    const opened: string[] = [];
    const effects = {
      openTab: async (u: string) => {
        opened.push(u);
      },
      viewUrl: (u: string) => u,
    };
    const reply = await handleBackgroundMessage(db(), message, effects);
    expect(reply.ok).toBe(false);
    if (!reply.ok) expect(reply.error).toMatch(error);
    expect(await everything(db())).toEqual(before);
    expect(opened).toEqual([]);
  });
});

describe('receiveBackgroundMessage: only our content script, from a tab', () => {
  const own = { id: 'saywho-id', baseUrl: 'chrome-extension://saywho-id/' };
  const contentScript: Sender = { id: 'saywho-id', url: 'https://news.example/story', tab: { id: 7 } };
  const save = { type: 'save-statement', statementId: 1 };

  it('handles a message from our content script in a tab', async () => {
    expect(await receiveBackgroundMessage(db(), valid, contentScript, own)).toMatchObject({ ok: true });
    expect(await db().statements.count()).toBe(1);
  });

  it.each<[string, Sender | undefined]>([
    [
      'another extension (from a tab)',
      { id: 'other-extension', url: 'https://news.example/', tab: { id: 7 } },
    ],
    [
      'another extension (its own page)',
      { id: 'other-extension', url: 'chrome-extension://other-extension/x.html' },
    ],
    ['a web page (no id)', { url: 'https://evil.example/', tab: { id: 7 } }],
    ['a sender with an empty id', { id: '', url: 'https://news.example/', tab: { id: 7 } }],
    ['no sender at all', undefined],
    [
      'our own extension page (not a tab)',
      { id: 'saywho-id', url: 'chrome-extension://saywho-id/popup.html' },
    ],
    ['our id, but no tab', { id: 'saywho-id', url: 'https://news.example/story' }],
  ])('refuses %s with an error reply and changes nothing', async (_label, sender) => {
    const before = await seeded();
    for (const message of [
      valid,
      { ...valid, page: { ...valid.page, url: 'https://other.example/' } },
      save,
    ]) {
      const reply = await receiveBackgroundMessage(db(), message, sender, own);
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^refused: /) });
    }
    expect(await everything(db())).toEqual(before);
  });

  it("opens a page's view with the sender's tab, so the view can ask that tab", async () => {
    const opened: string[] = [];
    const effects = {
      openTab: async (u: string) => {
        opened.push(u);
      },
      viewUrl: (u: string, id?: number, tab?: number) => `view:${u}|${id}|${tab}`,
    };
    const open = { type: 'open-view', url: 'https://news.example/story', statementId: 3 };
    expect(await receiveBackgroundMessage(db(), open, contentScript, own, effects)).toEqual({ ok: true });
    expect(opened).toEqual(['view:https://news.example/story|3|7']);
  });

  it('tells a stranger only that it was refused, not what a valid message looks like', async () => {
    const reply = await receiveBackgroundMessage(db(), { type: 'drop-tables' }, { id: 'other' }, own);
    expect(reply).toEqual({ ok: false, error: 'refused: the message was not sent by Saywho' });
  });

  it('still validates the shape of a message from our content script', async () => {
    const reply = await receiveBackgroundMessage(db(), { ...save, statementId: 'all' }, contentScript, own);
    expect(reply).toMatchObject({
      ok: false,
      error: expect.stringMatching(/invalid message at statementId/),
    });
  });
});

describe('auto-collect setting', () => {
  const effects = (on: boolean) => ({
    openTab: async () => undefined,
    viewUrl: (u: string) => u,
    autoCollect: async () => on,
  });

  it('stores nothing when auto-collect is off, but answers for every statement', async () => {
    const reply = await handleBackgroundMessage(db(), valid, effects(false));
    expect(reply).toEqual({
      ok: true,
      pageId: 0,
      statements: [{ statementId: 0, related: 0, conflicts: 0, saved: false, strongest: null }],
      autoCollect: false,
    });
    expect(await db().pages.count()).toBe(0);
    expect(await db().statements.count()).toBe(0);
  });

  it('with auto-collect off, saves a statement as a snapshot, and says it is saved when the page is read again', async () => {
    const second = { ...valid.statements[0]!, text: 'Nobody asked us.', start: 60, end: 76, speaker: null };
    const page = { ...valid, page: { ...valid.page, url: 'https://news.example/story#comments' } };
    const message = { ...page, statements: [valid.statements[0]!, second] };
    const save = {
      type: 'save-snapshot',
      page: page.page,
      statement: {
        text: 'We will rebuild the bridge by spring.',
        kind: 'direct',
        speaker: 'Ada Park',
        cue: 'said',
      },
      note: 'Check in spring',
      tags: ['bridge'],
    };
    expect(await handleBackgroundMessage(db(), save, effects(false))).toEqual({ ok: true, entryId: 1 });
    // Only the quote: no page, speaker or statement rows.
    expect(await db().pages.count()).toBe(0);
    expect(await db().speakers.count()).toBe(0);
    expect(await db().statements.count()).toBe(0);
    expect(await db().archive.toArray()).toEqual([
      {
        id: 1,
        statementId: null,
        snapshot: {
          text: 'We will rebuild the bridge by spring.',
          kind: 'direct',
          speaker: 'Ada Park',
          cue: 'said',
          pageUrl: 'https://news.example/story',
          pageTitle: 'A story',
          site: 'News',
          publishedAt: null,
        },
        note: 'Check in spring',
        tags: ['bridge'],
        savedAt: expect.any(Number),
      },
    ]);
    // Saving it again keeps one entry, and says so: the same note and tags, nothing added.
    expect(await handleBackgroundMessage(db(), save, effects(false))).toEqual({
      ok: true,
      entryId: 1,
      alreadySaved: { noteAdded: false, tagsAdded: [] },
    });
    const again = await handleBackgroundMessage(db(), message, effects(false));
    expect(again).toMatchObject({
      ok: true,
      autoCollect: false,
      statements: [
        { statementId: 0, saved: true },
        { statementId: 0, saved: false },
      ],
    });
    expect(await db().statements.count()).toBe(0);
  });

  it('refuses a snapshot without words and changes nothing', async () => {
    const bad = {
      type: 'save-snapshot',
      page: valid.page,
      statement: { text: '', kind: 'direct', speaker: null, cue: null },
    };
    expect(await handleBackgroundMessage(db(), bad, effects(false))).toMatchObject({
      ok: false,
      error: expect.stringMatching(/statement\.text/),
    });
    expect(await db().archive.count()).toBe(0);
  });

  it('opens the view of a page with the tab it came from', async () => {
    const opened: string[] = [];
    const reply = await handleBackgroundMessage(
      db(),
      { type: 'open-view', url: 'https://news.example/story' },
      {
        openTab: async (u: string) => {
          opened.push(u);
        },
        viewUrl: (u: string, id?: number, tab?: number) => `view:${u}|${id}|${tab}`,
      },
      { tabId: 12 },
    );
    expect(reply).toEqual({ ok: true });
    expect(opened).toEqual(['view:https://news.example/story|undefined|12']);
  });

  it('stores the page when auto-collect is on', async () => {
    const reply = await handleBackgroundMessage(db(), valid, effects(true));
    expect(reply).toMatchObject({ ok: true, statements: [expect.objectContaining({ related: 0 })] });
    expect(await db().statements.count()).toBe(1);
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
    db().statements.hook('creating', hook);
    const reply = await handleBackgroundMessage(db(), valid, effects);
    expect(reply).toMatchObject({ ok: false, error: expect.stringMatching(/storage for Saywho is full/) });
    expect(problems).toEqual([
      expect.objectContaining({ quota: true, message: (reply as { error: string }).error }),
    ]);
    // One transaction: the page row added before the failure is gone too.
    expect(await db().pages.count()).toBe(0);
    expect(await db().statements.count()).toBe(0);

    db().statements.hook('creating').unsubscribe(hook);
    expect(await handleBackgroundMessage(db(), valid, effects)).toMatchObject({ ok: true });
    expect(problems.at(-1)).toBeNull();
    expect(await db().statements.count()).toBe(1);
  });

  it('recognises the error Dexie wraps as well as the bare DOMException', () => {
    expect(isQuotaError(quotaError())).toBe(true);
    expect(isQuotaError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isQuotaError(new Error('other'))).toBe(false);
  });
});

describe('prepare-store: a woken worker loads the key filter while the page is still read', () => {
  const own = { id: 'saywho-id', baseUrl: 'chrome-extension://saywho-id/' };
  const contentScript: Sender = { id: 'saywho-id', url: 'https://news.example/story', tab: { id: 7 } };
  const prepare = { type: 'prepare-store' };

  it('loads the key filter a new worker does not hold yet, and the next page uses it', async () => {
    await seeded();
    forgetKeyFilter(db());
    expect(holdsKeyFilter(db())).toBe(false);
    expect(await receiveBackgroundMessage(db(), prepare, contentScript, own)).toEqual({ ok: true });
    expect(holdsKeyFilter(db())).toBe(true);
    // The reprint on another page is still found through the filter loaded ahead.
    const reply = await receiveBackgroundMessage(
      db(),
      { ...valid, page: { ...valid.page, url: 'https://other.example/b', site: 'Other' } },
      // The page where it really is: the background takes a page's address from the browser.
      { ...contentScript, url: 'https://other.example/b' },
      own,
    );
    expect(reply).toMatchObject({ ok: true, statements: [{ related: 1 }] });
  });

  it('loads nothing when pages are not collected, and refuses a stranger', async () => {
    await seeded();
    forgetKeyFilter(db());
    const off = { openTab: async () => {}, viewUrl: () => '', autoCollect: async () => false };
    expect(await receiveBackgroundMessage(db(), prepare, contentScript, own, off)).toEqual({ ok: true });
    expect(holdsKeyFilter(db())).toBe(false);
    const stranger: Sender = { id: 'other-extension', url: 'https://news.example/', tab: { id: 7 } };
    expect(await receiveBackgroundMessage(db(), prepare, stranger, own)).toEqual({
      ok: false,
      error: expect.stringMatching(/^refused: /),
    });
    expect(holdsKeyFilter(db())).toBe(false);
  });
});

describe('a page declares its identity; the background trusts only where it really is', () => {
  const own = { id: 'saywho-id', baseUrl: 'chrome-extension://saywho-id/' };
  const from = (url: string, tab: Sender['tab'] = { id: 7 }): Sender => ({ id: 'saywho-id', url, tab });
  const statement = (text: string) => ({ ...valid.statements[0], text, end: 10 + text.length });
  const news = {
    ...valid,
    page: {
      url: 'https://www.news.example/story',
      canonicalUrl: 'https://news.example/story',
      title: 'The real story',
      site: 'News',
      publishedAt: null,
    },
  };
  /** A page on another site that claims the news page's canonical URL, address and name. */
  const hijack = {
    ...valid,
    page: {
      url: 'https://news.example/story',
      canonicalUrl: 'https://news.example/story',
      title: 'The real story, really',
      site: 'News',
      publishedAt: null,
    },
    statements: [statement('We never promised any bridge at all.')],
  };

  it("does not let a page on another site take over a stored page's row", async () => {
    await receiveBackgroundMessage(db(), news, from('https://www.news.example/story'), own);
    const [before] = await db().pages.toArray();
    expect(before).toMatchObject({ key: 'https://news.example/story', site: 'News' });

    const reply = await receiveBackgroundMessage(db(), hijack, from('https://evil.example/fake'), own);
    expect(reply).toMatchObject({ ok: true });
    // The news page's row is as it was; the hostile page has its own, under its real address and name.
    expect(await db().pages.get(before!.id)).toEqual(before);
    const hostile = await db().pages.where('url').equals('https://evil.example/fake').first();
    expect(hostile).toMatchObject({
      key: 'https://evil.example/fake',
      canonicalUrl: null,
      site: 'evil.example',
    });
    const invented = await db().statements.where('pageId').equals(hostile!.id).toArray();
    expect(invented.map((s) => [s.text, s.site])).toEqual([
      ['We never promised any bridge at all.', 'evil.example'],
    ]);
    const real = await db().statements.where('pageId').equals(before!.id).toArray();
    expect(real.map((s) => s.site)).toEqual(['News']);
  });

  it('keeps what a page declares about its own site', async () => {
    const page = { ...news.page, url: 'https://amp.news.example/story' };
    await receiveBackgroundMessage(db(), { ...news, page }, from('https://amp.news.example/story'), own);
    expect(await db().pages.toArray()).toEqual([
      expect.objectContaining({
        key: 'https://news.example/story',
        canonicalUrl: 'https://news.example/story',
        site: 'News',
      }),
    ]);
  });

  it("takes the tab's URL when the browser reports no frame URL", async () => {
    const sender: Sender = { id: 'saywho-id', tab: { id: 7, url: 'https://evil.example/fake' } };
    expect(await receiveBackgroundMessage(db(), hijack, sender, own)).toMatchObject({ ok: true });
    expect(await db().pages.toArray()).toEqual([
      expect.objectContaining({ key: 'https://evil.example/fake', site: 'evil.example' }),
    ]);
  });

  it('refuses a page that reports no real address at all, and changes nothing', async () => {
    const before = await seeded();
    const snapshot = {
      type: 'save-snapshot',
      page: hijack.page,
      statement: { text: 'We never promised any bridge at all.', kind: 'direct', speaker: null, cue: null },
    };
    for (const message of [hijack, snapshot]) {
      const reply = await receiveBackgroundMessage(db(), message, { id: 'saywho-id', tab: { id: 7 } }, own);
      expect(reply).toEqual({ ok: false, error: expect.stringMatching(/^refused: .*address/) });
    }
    expect(await everything(db())).toEqual(before);
  });

  it('files a quote saved from a hostile page under its real address and hostname', async () => {
    const snapshot = {
      type: 'save-snapshot',
      page: hijack.page,
      statement: {
        text: 'We never promised any bridge at all.',
        kind: 'direct',
        speaker: 'Ada Park',
        cue: null,
      },
    };
    expect(
      await receiveBackgroundMessage(db(), snapshot, from('https://evil.example/fake'), own),
    ).toMatchObject({
      ok: true,
    });
    const [entry] = await db().archive.toArray();
    expect(entry?.snapshot).toMatchObject({ pageUrl: 'https://evil.example/fake', site: 'evil.example' });
  });
});

describe('private windows: Saywho keeps nothing from them', () => {
  const own = { id: 'saywho-id', baseUrl: 'chrome-extension://saywho-id/' };
  const incognito: Sender = {
    id: 'saywho-id',
    url: 'https://news.example/story',
    tab: { id: 9, incognito: true },
  };
  const opened: string[] = [];
  const effects = {
    openTab: async (u: string) => {
      opened.push(u);
    },
    viewUrl: (u: string) => u,
    autoCollect: async () => true,
  };

  it('stores and compares nothing from a private tab, and says why in the reply', async () => {
    const before = await seeded();
    const reply = await receiveBackgroundMessage(db(), valid, incognito, own, effects);
    expect(reply).toEqual({
      ok: true,
      pageId: 0,
      statements: [{ statementId: 0, related: 0, conflicts: 0, saved: false, strongest: null }],
      autoCollect: false,
      private: true,
    });
    expect(await everything(db())).toEqual(before);
  });

  it.each([
    ['save-statement', { type: 'save-statement', statementId: 1 }],
    [
      'save-snapshot',
      {
        type: 'save-snapshot',
        page: valid.page,
        statement: {
          text: 'We will rebuild the bridge by spring.',
          kind: 'direct',
          speaker: null,
          cue: null,
        },
      },
    ],
    ['open-view', { type: 'open-view', url: 'https://news.example/story', statementId: 1 }],
  ])('refuses %s from a private tab with a clear message, and changes nothing', async (_label, message) => {
    const before = await seeded();
    opened.length = 0;
    const reply = await receiveBackgroundMessage(db(), message, incognito, own, effects);
    expect(reply).toEqual({ ok: false, error: 'Saywho keeps nothing from private windows.' });
    expect(await everything(db())).toEqual(before);
    expect(opened).toEqual([]);
  });

  // waking the worker carries nothing about the page and stores nothing: private tabs may send it
  it('answers a private tab’s wake-up, and stores nothing', async () => {
    const before = await everything(db());
    expect(await receiveBackgroundMessage(db(), { type: 'wake-up' }, incognito, own, effects)).toEqual({
      ok: true,
    });
    expect(await everything(db())).toEqual(before);
  });

  it('prepares nothing for a private tab', async () => {
    forgetKeyFilter(db());
    expect(await receiveBackgroundMessage(db(), { type: 'prepare-store' }, incognito, own, effects)).toEqual({
      ok: true,
    });
    expect(holdsKeyFilter(db())).toBe(false);
  });

  it('still stores a page of a regular window', async () => {
    const regular: Sender = { ...incognito, tab: { id: 9, incognito: false } };
    expect(await receiveBackgroundMessage(db(), valid, regular, own, effects)).toMatchObject({
      ok: true,
      statements: [{ statementId: 1 }],
    });
  });
});
