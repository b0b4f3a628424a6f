/**
 * The content script's side of extraction in the background: the reply is checked against the
 * text that was sent before anything is painted from it, a worker that does not answer is asked
 * again after the store's pauses, and a reply that comes for a stale reading is dropped.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { generateArticle } from '../../scripts/harness/generate-article';
import { remoteExtractor } from '../../utils/content/remote-extract';
import { RETRY_MS } from '../../utils/content/retry';
import { extract } from '../../utils/extract';
import type { Statement } from '../../utils/extract/types';
import {
  type BackgroundMessage,
  type BackgroundReply,
  extractReplySteps,
  parseExtractArticleReply,
} from '../../utils/messages';
import { ExtractionFailed, type ExtractionTurns } from '../../utils/page/read-article';

const TEXT = readFileSync(join(__dirname, '../fixtures/real-pages/bbc-1/article.txt'), 'utf8');
const STATEMENTS = extract(TEXT);

/** A copy of the statements with statement `i` changed. */
function altered(i: number, change: Partial<Statement>): Statement[] {
  return STATEMENTS.map((s, k) => (k === i ? { ...s, ...change } : s));
}

describe('parseExtractArticleReply', () => {
  it("accepts what the extractor finds, on every real page's text", () => {
    const dir = join(__dirname, '../fixtures/real-pages');
    let checked = 0;
    for (const name of readdirSync(dir)) {
      let text: string;
      try {
        text = readFileSync(join(dir, name, 'article.txt'), 'utf8');
      } catch {
        continue;
      }
      const statements = extract(text);
      expect(parseExtractArticleReply(text, { ok: true, statements }), name).toEqual({
        ok: true,
        statements,
      });
      checked += statements.length;
    }
    expect(checked).toBeGreaterThan(200);
  });

  const withSpeaker = STATEMENTS.findIndex((s) => s.speaker && s.speaker.mentionStart >= 0);
  const second = 1;

  it.each([
    ['not an object', 'statements', /^invalid reply: /],
    ['no statements', { ok: true }, /^invalid reply at statements: /],
    [
      'a kind outside the enum',
      { ok: true, statements: altered(0, { kind: 'rumour' as never }) },
      /statements\.0\.kind/,
    ],
    ['a fractional offset', { ok: true, statements: altered(0, { start: 1.5 }) }, /statements\.0\.start/],
    ['a negative offset', { ok: true, statements: altered(0, { start: -3 }) }, /statements\.0\.start/],
    [
      'an end past the text',
      { ok: true, statements: altered(0, { end: TEXT.length + 5 }) },
      /statements\.0: end \d+ is past the end of the text/,
    ],
    [
      'an empty span',
      { ok: true, statements: altered(0, { end: STATEMENTS[0]!.start }) },
      /statements\.0: end must be after start/,
    ],
    [
      'words that are not the text between the offsets',
      { ok: true, statements: altered(0, { text: 'We never said that.' }) },
      /statements\.0: its text is not the text between start and end/,
    ],
    [
      'offsets moved by one',
      {
        ok: true,
        statements: altered(0, { start: STATEMENTS[0]!.start + 1, end: STATEMENTS[0]!.end + 1 }),
      },
      /statements\.0: its text is not the text between start and end/,
    ],
    [
      'a statement continuing itself',
      { ok: true, statements: altered(second, { continues: second }) },
      /statements\.1: continues must point to an earlier statement/,
    ],
    [
      'a statement continuing a later one',
      { ok: true, statements: altered(0, { continues: 3 }) },
      /statements\.0: continues must point to an earlier statement/,
    ],
    [
      "a speaker's mention not where it says",
      {
        ok: true,
        statements: altered(withSpeaker, {
          speaker: {
            ...STATEMENTS[withSpeaker]!.speaker!,
            mentionStart: STATEMENTS[withSpeaker]!.speaker!.mentionStart + 1,
          },
        }),
      },
      new RegExp(`statements\\.${withSpeaker}: the mention is not the text at mentionStart`),
    ],
    [
      'a speaker without a name',
      {
        ok: true,
        statements: altered(withSpeaker, { speaker: { ...STATEMENTS[withSpeaker]!.speaker!, name: '' } }),
      },
      new RegExp(`statements\\.${withSpeaker}\\.speaker\\.name`),
    ],
    [
      'an error from the background',
      { ok: false, error: 'the extractor failed: boom' },
      'the background could not read the article: the extractor failed: boom',
    ],
  ])('rejects a reply with %s, saying what did not fit', (_label, reply, error) => {
    const parsed = parseExtractArticleReply(TEXT, reply);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.error).toMatch(error);
  });

  it('rejects statements of another text', () => {
    const other = `${TEXT.slice(0, 100)} and more words ${TEXT.slice(100)}`;
    const parsed = parseExtractArticleReply(other, { ok: true, statements: STATEMENTS });
    expect(parsed.ok).toBe(false);
  });
});

describe('a long reply', () => {
  const long = generateArticle(120_000);
  const many = extract(long);

  it('is checked over several steps, so the page can be given turns', () => {
    expect(many.length).toBeGreaterThan(600);
    const steps = extractReplySteps(long, { ok: true, statements: many });
    let pauses = 0;
    for (let step = steps.next(); !step.done; step = steps.next()) pauses++;
    expect(pauses).toBe(Math.floor((many.length - 1) / 256));
  });

  it('gives the page turns while its statements are checked, and is dropped if the reading goes stale', async () => {
    let breaths = 0;
    const extractor = remoteExtractor({ send: async () => ({ ok: true, statements: many }) });
    const t = turns();
    t.breathe = async () => {
      breaths++;
      return false;
    };
    expect(await extractor(long, t)).toEqual(many);
    expect(breaths).toBe(Math.floor((many.length - 1) / 256));
    t.breathe = async () => true;
    expect(await extractor(long, t)).toBeNull();
  });
});

/** Turns for an extractor outside any page: never stale unless told, waits counted. */
function turns(stale: () => boolean = () => false): ExtractionTurns & { waits: number } {
  const t = {
    waits: 0,
    breathe: async () => stale(),
    stale,
    idle: async <T>(waiting: Promise<T>) => {
      t.waits++;
      return waiting;
    },
  };
  return t;
}

describe('remoteExtractor', () => {
  it('sends the text in one extract-article message and returns the statements', async () => {
    const sent: BackgroundMessage[] = [];
    const extractor = remoteExtractor({
      send: async (m) => {
        sent.push(m);
        return { ok: true, statements: STATEMENTS };
      },
    });
    const t = turns();
    expect(await extractor(TEXT, t)).toEqual(STATEMENTS);
    expect(sent).toEqual([{ type: 'extract-article', text: TEXT }]);
    // The round trip is waited for outside Saywho's tasks on the page.
    expect(t.waits).toBe(1);
  });

  it("asks again after the store's pauses when the worker does not answer, and says it is waiting", async () => {
    const pauses: number[] = [];
    let calls = 0;
    const onWaiting = vi.fn();
    const extractor = remoteExtractor({
      send: async (): Promise<BackgroundReply | undefined> => {
        calls++;
        // Stopped, then restarting, then answering.
        if (calls === 1) throw new Error('Could not establish connection. Receiving end does not exist.');
        if (calls === 2) return undefined;
        return { ok: true, statements: STATEMENTS };
      },
      sleep: async (ms) => {
        pauses.push(ms);
      },
      onWaiting,
    });
    expect(await extractor(TEXT, turns())).toEqual(STATEMENTS);
    expect(calls).toBe(3);
    expect(pauses).toEqual(RETRY_MS.slice(0, 2));
    expect(onWaiting).toHaveBeenCalledTimes(2);
  });

  it('gives up once the pauses are spent: unreachable', async () => {
    let calls = 0;
    const extractor = remoteExtractor({
      send: async () => {
        calls++;
        return undefined;
      },
      retryMs: [10, 20],
      sleep: async () => undefined,
    });
    const failed = await extractor(TEXT, turns()).catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(ExtractionFailed);
    expect(failed).toMatchObject({
      failure: 'unreachable',
      message: 'the background did not answer (3 tries)',
    });
    expect(calls).toBe(3);
  });

  it('does not trust a reply that does not fit the text, and does not ask again', async () => {
    let calls = 0;
    const extractor = remoteExtractor({
      send: async () => {
        calls++;
        return { ok: true, statements: altered(0, { text: 'Something else entirely.' }) };
      },
      sleep: async () => undefined,
    });
    const failed = await extractor(TEXT, turns()).catch((e: unknown) => e);
    expect(failed).toMatchObject({
      failure: 'refused',
      message: 'invalid reply at statements.0: its text is not the text between start and end',
    });
    expect(calls).toBe(1);
  });

  it('drops a reply that comes once the reading is stale, and one due after a pause', async () => {
    let isStale = false;
    const fresh = remoteExtractor({
      send: async () => {
        // The page changed while the worker was extracting.
        isStale = true;
        return { ok: true, statements: STATEMENTS };
      },
    });
    expect(
      await fresh(
        TEXT,
        turns(() => isStale),
      ),
    ).toBeNull();

    isStale = false;
    let calls = 0;
    const retried = remoteExtractor({
      send: async () => {
        calls++;
        return undefined;
      },
      sleep: async () => {
        isStale = true;
      },
    });
    expect(
      await retried(
        TEXT,
        turns(() => isStale),
      ),
    ).toBeNull();
    expect(calls).toBe(1);
  });
});
