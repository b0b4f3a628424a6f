/**
 * The `document_start` content script wakes the background worker (`wake-up`) as a page starts
 * loading, except on sites the reader excluded; a worker it cannot reach changes nothing.
 */
import { describe, expect, it } from 'vitest';
import { wakeUpWorker } from '../../utils/content/wake-up';
import { parseBackgroundMessage } from '../../utils/messages';

describe('wakeUpWorker', () => {
  it('sends one wake-up message, which carries nothing about the page', async () => {
    const sent: unknown[] = [];
    const woke = await wakeUpWorker(
      'https://news.example/2026/12/05/bridge',
      async () => null,
      async (m) => sent.push(m),
    );
    expect(woke).toBe(true);
    expect(sent).toEqual([{ type: 'wake-up' }]);
    // a message the background accepts
    expect(parseBackgroundMessage(sent[0])).toMatchObject({ ok: true, message: { type: 'wake-up' } });
  });

  it('sends nothing on an excluded site', async () => {
    const sent: unknown[] = [];
    const woke = await wakeUpWorker(
      'https://www.news.example/story',
      async () => ['news.example'],
      async (m) => sent.push(m),
    );
    expect(woke).toBe(false);
    expect(sent).toEqual([]);
  });

  it('lets a failed send pass (the worker is asked again when the article is read)', async () => {
    await expect(
      wakeUpWorker(
        'https://news.example/story',
        async () => [],
        async () => {
          throw new Error('Could not establish connection. Receiving end does not exist.');
        },
      ),
    ).resolves.toBe(true);
  });
});
