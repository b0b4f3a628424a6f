/** Reads an article file for the CLI: .txt as is, .html through the extension's own article-region code. */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { findArticleRoot } from '../utils/page/article-region';
import { readPageMeta } from '../utils/page/meta';
import { buildTextModel } from '../utils/page/text-model';
import { parseLikeBrowser } from './dom';

export interface LoadedArticle {
  text: string;
  title: string | null;
}

/** Reads a .txt article as is, or an .html page through the same article-region code as the extension. */
export function loadArticle(file: string): LoadedArticle {
  const raw = readFileSync(file, 'utf8');
  if (!/\.x?html?$/i.test(extname(file))) return { text: raw, title: null };
  const doc = parseLikeBrowser(raw);
  const text = buildTextModel(findArticleRoot(doc)).text;
  // The page's own URL is unknown here; any http URL serves for reading its metadata.
  const title = readPageMeta(doc, `http://localhost/${encodeURIComponent(basename(file))}`).title;
  return { text, title: title || null };
}
