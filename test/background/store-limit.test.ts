/** The background passes the reader's store size limit to ingest: past it, the oldest pages go. */
import { describe, expect, it } from 'vitest';
import { handleBackgroundMessage } from '../../utils/background/handle-message';
import { evictionSettled } from '../../utils/store/retention';
import { useTestStore } from '../helpers/store';

const db = useTestStore('store-limit');

function page(p: number) {
  const text = (i: number) => `Page ${p} brings announcement ${i}: ${`w${p}x${i} `.repeat(5).trim()}.`;
  return {
    type: 'ingest-page',
    page: {
      url: `https://p${p}.example/a`,
      canonicalUrl: null,
      title: `P${p}`,
      site: 'P',
      publishedAt: null,
    },
    statements: [0, 1, 2].map((i) => ({
      text: text(i),
      kind: 'direct',
      start: i * 100,
      end: i * 100 + text(i).length,
      speaker: null,
      cue: 'said',
      continues: null,
      prefix: '',
      suffix: '',
    })),
  };
}

describe('the store size limit', () => {
  it('evicts the pages read longest ago once a page takes the store past the limit', async () => {
    const effects = {
      openTab: async () => undefined,
      viewUrl: () => '',
      storeLimit: async () => 7,
    };
    for (const p of [0, 1, 2]) {
      expect(await handleBackgroundMessage(db(), page(p), effects)).toMatchObject({ ok: true });
      await evictionSettled(db());
    }
    // 9 statements over a limit of 7: down to 6 (90 %), the first page's three go.
    expect((await db().pages.toArray()).map((p) => p.url)).toEqual([
      'https://p1.example/a',
      'https://p2.example/a',
    ]);
    expect(await db().statements.count()).toBe(6);
  });
});
