/** Property of the store: reading the same pages again changes nothing (ingest twice = ingest once). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { StatementPayload } from '../../utils/domain';
import { extract } from '../../utils/extract';
import { type IngestPage, parseBackgroundMessage } from '../../utils/messages';
import { toPayload } from '../../utils/page/read-article';
import { openDb } from '../../utils/store/db';
import { ingestPage } from '../../utils/store/writes';

const sentences = [
  '“We will not back down,” said Ada Park, the city’s mayor.',
  'Park told reporters that the bridge would reopen before the election.',
  '“The bridge will not reopen before the election,” a senior official said.',
  'According to the council, the contract was signed after the vote.',
  '“We will not back down,” said Tom Lee.',
  'The council denied that the contract was signed after the vote.',
];
const pageText = fc
  .array(fc.constantFrom(...sentences), { minLength: 1, maxLength: 5 })
  .map((s) => `${s.join('\n')}\n`);

let n = 0;

async function snapshot(db: ReturnType<typeof openDb>) {
  return {
    pages: (await db.pages.toArray()).map(({ lastReadAt: _, ...p }) => p),
    speakers: await db.speakers.toArray(),
    statements: await db.statements.toArray(),
    relations: (await db.relations.toArray()).map(({ createdAt: _, ...r }) => r),
  };
}

/** Any text a statement may carry: unicode, lone surrogates, quote marks, news words. */
const anyText = fc.oneof(
  fc.string({ unit: 'binary', minLength: 1, maxLength: 60 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }),
  fc.constantFrom('“', '"', ' ', '\u200b'),
  fc
    .array(
      fc.constantFrom(
        'we',
        'will',
        'not',
        'back',
        'down',
        'bridge',
        'election',
        'denied',
        '“',
        '”',
        '"',
        "'",
        'Émilie',
        'مرحبا',
        ',',
        '.',
      ),
      { minLength: 4, maxLength: 25 },
    )
    .map((w) => w.join(' ')),
);

/** Random statements, some texts shared between pages so that relations are found and stored. */
const randomPages = fc.array(anyText, { minLength: 1, maxLength: 8 }).chain((pool) => {
  const statement = (i: number): fc.Arbitrary<StatementPayload> =>
    fc
      .record({
        text: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...pool) }, { weight: 1, arbitrary: anyText }),
        kind: fc.constantFrom('direct', 'partial', 'indirect'),
        start: fc.nat(5_000),
        length: fc.integer({ min: 1, max: 400 }),
        speaker: fc.option(
          fc.record({
            name: fc.oneof(fc.constantFrom('Ada Park', 'Park', 'the council', 'Tom Lee'), anyText),
            mention: fc.string({ maxLength: 20 }),
            mentionStart: fc.integer({ min: -1, max: 5_000 }),
          }),
          { nil: null },
        ),
        cue: fc.option(fc.constantFrom('said', 'told reporters', 'according to'), { nil: null }),
        continues: i === 0 ? fc.constant(null) : fc.option(fc.nat(i - 1), { nil: null }),
        prefix: fc.string({ maxLength: 64 }),
        suffix: fc.string({ maxLength: 64 }),
      })
      .map(({ length, ...s }) => ({ ...s, end: s.start + length }));
  const page = (p: number) =>
    fc
      .integer({ min: 0, max: 6 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => statement(i))))
      .map((statements) => ({
        page: {
          url: `https://site${p}.example/story`,
          canonicalUrl: null,
          title: `Story ${p}`,
          site: `site${p}.example`,
          publishedAt: null,
        },
        statements,
      }));
  return fc
    .integer({ min: 1, max: 4 })
    .chain((n) => fc.tuple(...Array.from({ length: n }, (_, p) => page(p))));
});

describe('ingest (property)', () => {
  it('random statements (any text, shared between pages): ingest twice leaves the store as ingest once', async () => {
    await fc.assert(
      fc.asyncProperty(randomPages, async (pages) => {
        // Only what the background would accept: the same validation as a real message.
        const messages: Array<Pick<IngestPage, 'page' | 'statements'>> = [];
        for (const m of pages) {
          const parsed = parseBackgroundMessage({ type: 'ingest-page', ...m });
          if (!parsed.ok) throw new Error(parsed.error);
          if (parsed.message.type === 'ingest-page') messages.push(parsed.message);
        }
        const db = openDb(`property-random-${n++}`);
        try {
          const first = [];
          for (const m of messages) first.push(await ingestPage(db, m));
          const once = await snapshot(db);
          expect(once.statements.length).toBe(messages.reduce((sum, m) => sum + m.statements.length, 0));
          const second = [];
          for (const m of messages) second.push(await ingestPage(db, m));
          expect(await snapshot(db)).toEqual(once);
          expect(second.map((r) => r.statements.map((s) => s.statementId))).toEqual(
            first.map((r) => r.statements.map((s) => s.statementId)),
          );
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 40 },
    );
  }, 120_000);

  it('reading the same pages a second time leaves the store as it was', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(pageText, { minLength: 1, maxLength: 4 }), async (texts) => {
        const db = openDb(`property-${n++}`);
        try {
          const messages = texts.map((text, i) => ({
            page: {
              url: `https://site${i}.example/story`,
              canonicalUrl: null,
              title: `Story ${i}`,
              site: `site${i}.example`,
              publishedAt: null,
            },
            statements: extract(text).map((s) => toPayload(text, s)),
          }));
          const first = [];
          for (const m of messages) first.push(await ingestPage(db, m));
          const once = await snapshot(db);
          const second = [];
          for (const m of messages) second.push(await ingestPage(db, m));
          expect(await snapshot(db)).toEqual(once);
          expect(second.map((r) => r.statements.map((s) => s.statementId))).toEqual(
            first.map((r) => r.statements.map((s) => s.statementId)),
          );
        } finally {
          await db.delete();
        }
      }),
      { numRuns: 25 },
    );
  }, 60_000);
});
