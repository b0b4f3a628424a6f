/** Property of the store: reading the same pages again changes nothing (ingest twice = ingest once). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { extract } from '../../utils/extract';
import { toPayload } from '../../utils/page/read-article';
import { openDb } from '../../utils/store/db';
import { ingestPage } from '../../utils/store/ingest';

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

describe('ingest (property)', () => {
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
