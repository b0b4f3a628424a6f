/**
 * Reading an article with the extractor in the same process: for tests and the command line.
 * The extension's content script never imports this module; it sends the text to the background
 * worker (utils/content/remote-extract.ts), which extracts with the same code.
 */
import { extract, extractInSlices } from '../extract';
import { looksLikeArticle } from './article-judge';
import { findArticleRoot } from './article-region';
import { MAX_ARTICLE_CHARS } from './limits';
import { type ArticleExtractor, type ArticleReading, articleReading, readableText } from './read-article';
import { buildTextModel } from './text-model';

/** Extracts in place, in slices between the page's turns: `extractInSlices`. */
export const extractLocally: ArticleExtractor = (text, { breathe }) => extractInSlices(text, breathe);

/** Reads the page's article in one go, or returns null when the page does not look like an article. */
export function readArticle(doc: Document, pageUrl: string): ArticleReading | null {
  const root = findArticleRoot(doc);
  if (!looksLikeArticle(doc, root)) return null;
  // A little past the limit, so the last whole paragraph within it is known to be whole.
  const model = buildTextModel(root, MAX_ARTICLE_CHARS + 1);
  const { text, truncated } = readableText(model);
  return articleReading(doc, pageUrl, root, model, extract(text), truncated);
}
