/**
 * `cli relate <file ...>`: ingests article files in order into a fresh store — the extension's own
 * ingest code on a fake IndexedDB — and returns every relation found, with where each side is.
 */
import 'fake-indexeddb/auto';
import { basename, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { extract } from '../utils/extract';
import { toPayload } from '../utils/page/read-article';
import { openDb } from '../utils/store/db';
import { ingestPage } from '../utils/store/writes';
import { loadArticle } from './load-article';

export interface RelationSide {
  file: string;
  start: number;
  end: number;
  text: string;
  speaker: string | null;
}

export interface FileRelation {
  type: string;
  a: RelationSide;
  b: RelationSide;
  reason: string;
}

let run = 0;

export async function relateFiles(files: string[]): Promise<FileRelation[]> {
  const db = openDb(`saywho-cli-${process.pid}-${run++}`);
  try {
    const fileOfPage = new Map<number, string>();
    for (const [i, file] of files.entries()) {
      const { text, title } = loadArticle(file);
      const statements = extract(text).map((s) => toPayload(text, s));
      const url = pathToFileURL(resolve(file)).href;
      const { pageId } = await ingestPage(
        db,
        {
          page: {
            url,
            canonicalUrl: null,
            title: title ?? basename(file),
            site: basename(file),
            publishedAt: null,
          },
          statements,
        },
        // Reading order is the files' order.
        1_700_000_000_000 + i * 60_000,
      );
      fileOfPage.set(pageId, file);
    }
    const statements = new Map((await db.statements.toArray()).map((s) => [s.id, s]));
    const side = (id: number): RelationSide => {
      const s = statements.get(id)!;
      return {
        file: fileOfPage.get(s.pageId) ?? '',
        start: s.start,
        end: s.end,
        text: s.text,
        speaker: s.speakerName,
      };
    };
    return (await db.relations.orderBy('id').toArray()).map((r) => ({
      type: r.type,
      a: side(r.a),
      b: side(r.b),
      reason: r.reason,
    }));
  } finally {
    await db.delete();
  }
}
