/** Reads the article on a page: its region, its text model, its statements and the message for the background. */
import { extract } from '../extract';
import type { Statement } from '../extract/types';
import type { IngestPage, StatementPayload } from '../messages';
import { findArticleRoot, looksLikeArticle } from './article-region';
import { MAX_ARTICLE_CHARS } from './limits';
import { readPageMeta } from './meta';
import { buildTextModel, type TextModel } from './text-model';

export interface ArticleReading {
  root: Element;
  model: TextModel;
  statements: Statement[];
  message: IngestPage;
  /** The article was longer than MAX_ARTICLE_CHARS: only its first paragraphs were read. */
  truncated: boolean;
}

/** Where to stop reading: the end of the last whole paragraph within the limit. */
export function readableLength(text: string, max: number = MAX_ARTICLE_CHARS): number {
  if (text.length <= max) return text.length;
  const cut = text.lastIndexOf('\n', max);
  return cut > 0 ? cut : max;
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
  // A little past the limit, so the last whole paragraph within it is known to be whole.
  const model = buildTextModel(root, MAX_ARTICLE_CHARS + 1);
  const length = readableLength(model.text);
  const statements = extract(length === model.text.length ? model.text : model.text.slice(0, length));
  return {
    root,
    model,
    statements,
    truncated: length < model.text.length,
    message: {
      type: 'ingest-page',
      page: readPageMeta(doc, pageUrl),
      statements: statements.map((s) => toPayload(model.text, s)),
    },
  };
}
