/** Reads the article on a page: its region, its text model, its statements and the message for the background. */
import { extract } from '../extract';
import type { Statement } from '../extract/types';
import type { IngestPage, StatementPayload } from '../messages';
import { findArticleRoot, looksLikeArticle } from './article-region';
import { readPageMeta } from './meta';
import { buildTextModel, type TextModel } from './text-model';

export interface ArticleReading {
  root: Element;
  model: TextModel;
  statements: Statement[];
  message: IngestPage;
}

const CONTEXT = 32;

export function toPayload(text: string, s: Statement): StatementPayload {
  return {
    text: s.text,
    kind: s.kind,
    start: s.start,
    end: s.end,
    speaker: s.speaker,
    cue: s.cue,
    continues: s.continues,
    prefix: text.slice(Math.max(0, s.start - CONTEXT), s.start),
    suffix: text.slice(s.end, s.end + CONTEXT),
  };
}

/** Reads the page's article, or returns null when the page does not look like an article. */
export function readArticle(doc: Document, pageUrl: string): ArticleReading | null {
  const root = findArticleRoot(doc);
  if (!looksLikeArticle(doc, root)) return null;
  const model = buildTextModel(root);
  const statements = extract(model.text);
  return {
    root,
    model,
    statements,
    message: {
      type: 'ingest-page',
      page: readPageMeta(doc, pageUrl),
      statements: statements.map((s) => toPayload(model.text, s)),
    },
  };
}
