/** Reads the article on a page: its region, its text model, its statements and the message for the background. */
import { extract } from '../extract';
import type { Statement } from '../extract/types';
import type { IngestPage, StatementPayload } from '../messages';
import { findArticleRoot } from './article-region';
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

export function readArticle(doc: Document, pageUrl: string): ArticleReading {
  const root = findArticleRoot(doc);
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
