/**
 * Budgets: one page, one site, cannot flood the store. Over budget the page still gets one summary
 * per statement (it stays highlighted), the extra statements are not stored, and the reply says
 * which budget was reached.
 */
import { describe, expect, it } from 'vitest';
import type { StatementPayload } from '../../utils/domain';
import type { IngestPage } from '../../utils/messages';
import {
  budgetSite,
  charge,
  PAGE_BUDGET,
  SITE_BUDGET,
  SITE_WINDOW,
  siteRoom,
} from '../../utils/store/budget';
import { ingestPage } from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('budget');

/** Statements with nothing in common (no relations to classify): words made of their number. */
function statements(count: number, from = 0): StatementPayload[] {
  const word = (i: number) => `w${i.toString(36)}q`;
  return Array.from({ length: count }, (_, k) => {
    const i = from + k;
    const text = `${[0, 1, 2, 3, 4, 5].map((j) => word(i * 7 + j * 100_003)).join(' ')}.`;
    return {
      text,
      kind: 'direct' as const,
      start: k * 100,
      end: k * 100 + text.length,
      speaker: null,
      cue: 'said',
      continues: null,
      prefix: '',
      suffix: '',
    };
  });
}

function reading(url: string, list: StatementPayload[], site = new URL(url).hostname): IngestPage {
  return {
    type: 'ingest-page',
    page: { url, canonicalUrl: null, title: url, site, publishedAt: null },
    statements: list,
  };
}

const NOW = Date.UTC(2026, 5, 1);

describe('the page budget', () => {
  it(`stores the first ${PAGE_BUDGET} statements of a page and answers for every one`, async () => {
    const list = statements(PAGE_BUDGET + 40);
    const result = await ingestPage(db(), reading('https://flood.example/a', list), NOW);
    expect(result.budget).toBe('page');
    expect(result.statements).toHaveLength(PAGE_BUDGET + 40);
    expect(result.statements.slice(0, PAGE_BUDGET).every((s) => s.statementId > 0)).toBe(true);
    expect(result.statements.slice(PAGE_BUDGET)).toEqual(
      Array.from({ length: 40 }, () => ({
        statementId: 0,
        related: 0,
        conflicts: 0,
        saved: false,
        strongest: null,
      })),
    );
    expect(await db().statements.count()).toBe(PAGE_BUDGET);
  }, 60_000);

  it('says nothing of budgets for an ordinary page', async () => {
    const result = await ingestPage(db(), reading('https://news.example/a', statements(30)), NOW);
    expect(result.budget).toBeUndefined();
    expect(await db().statements.count()).toBe(30);
  });
});

describe('the site budget', () => {
  it('stores no more new statements for a site that used its budget, on any of its hosts, whatever site name its pages declare', async () => {
    await db().budgets.put({ site: 'flood.example', since: NOW - 1000, added: SITE_BUDGET - 3 });
    const result = await ingestPage(
      db(),
      reading('https://a.flood.example/1', statements(5), 'Another Name'),
      NOW,
      { origin: 'https://a.flood.example' },
    );
    expect(result.budget).toBe('site');
    expect(result.statements.map((s) => s.statementId > 0)).toEqual([true, true, true, false, false]);
    expect(await db().budgets.get('flood.example')).toEqual({
      site: 'flood.example',
      since: NOW - 1000,
      added: SITE_BUDGET,
    });
    // Another host of the same site: nothing stored, and no page row for it.
    const next = await ingestPage(
      db(),
      reading('https://b.flood.example/2', statements(5, 100), 'Yet Another'),
      NOW + 10,
      { origin: 'https://b.flood.example' },
    );
    expect(next).toMatchObject({ pageId: 0, budget: 'site' });
    expect(next.statements.every((s) => s.statementId === 0)).toBe(true);
    expect(await db().pages.where('url').equals('https://b.flood.example/2').count()).toBe(0);
    // Another site is not affected.
    const other = await ingestPage(db(), reading('https://news.example/a', statements(5, 200)), NOW + 20, {
      origin: 'https://news.example',
    });
    expect(other.budget).toBeUndefined();
    expect(other.statements.every((s) => s.statementId > 0)).toBe(true);
  });

  it('costs nothing to read the same statements again', async () => {
    const list = statements(10);
    await ingestPage(db(), reading('https://news.example/a', list), NOW);
    await ingestPage(db(), reading('https://news.example/a', list), NOW + 1000);
    expect((await db().budgets.get('news.example'))?.added).toBe(10);
  });

  it('opens a new window a day after the last one began', async () => {
    await db().budgets.put({ site: 'news.example', since: NOW - SITE_WINDOW, added: SITE_BUDGET });
    const result = await ingestPage(db(), reading('https://news.example/a', statements(4)), NOW);
    expect(result.budget).toBeUndefined();
    expect(await db().budgets.get('news.example')).toEqual({ site: 'news.example', since: NOW, added: 4 });
  });
});

describe('budget sites and windows', () => {
  it('keeps one budget per registrable domain of the real origin, a host without one being its own', () => {
    expect(budgetSite('https://www.bbc.co.uk', 'https://elsewhere.example/x')).toBe('bbc.co.uk');
    expect(budgetSite(undefined, 'https://amp.news.example/x')).toBe('news.example');
    expect(budgetSite(undefined, 'https://alice.github.io/post')).toBe('alice.github.io');
    expect(budgetSite('http://127.0.0.1:8080', 'http://127.0.0.1:8080/a')).toBe('127.0.0.1');
    expect(budgetSite(undefined, 'file:///home/a.txt')).toBe('file:');
  });

  it('counts within a window and starts again after it', () => {
    const row = charge('news.example', undefined, NOW, 10);
    expect(siteRoom(row, NOW + 1)).toBe(SITE_BUDGET - 10);
    const more = charge('news.example', row, NOW + 5, 20);
    expect(more).toEqual({ site: 'news.example', since: NOW, added: 30 });
    expect(siteRoom(more, NOW + SITE_WINDOW)).toBe(SITE_BUDGET);
    expect(charge('news.example', more, NOW + SITE_WINDOW, 1)).toEqual({
      site: 'news.example',
      since: NOW + SITE_WINDOW,
      added: 1,
    });
  });
});
