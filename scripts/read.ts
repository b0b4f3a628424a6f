/**
 * `cli read <file.html ...>`: what the extension makes of a saved page, one JSON line per file:
 * {"file","title","isArticle","language","reason","text"}. `text` is the article text the content
 * script builds (paragraphs joined by "\n", up to the length Saywho reads), the text `extract`'s
 * offsets refer to; `isArticle` and `reason` are the content script's own judgement; `language`
 * is "en" when the article's text was judged English, otherwise the page's declared language
 * (`<html lang>`, primary subtag) or null. Keep the format stable: other tools read it.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { judgeArticle } from '../utils/page/article-judge';
import { findArticleRoot } from '../utils/page/article-region';
import { MAX_ARTICLE_CHARS } from '../utils/page/limits';
import { readPageMeta } from '../utils/page/meta';
import { readableText } from '../utils/page/read-article';
import { buildTextModel } from '../utils/page/text-model';
import { parseLikeBrowser } from './dom';

export interface PageReading {
  file: string;
  title: string | null;
  isArticle: boolean;
  language: string | null;
  reason: string;
  text: string;
}

/** Reads one saved HTML page as the content script would. */
export function readPage(file: string, html: string): PageReading {
  const doc = parseLikeBrowser(html);
  const root = findArticleRoot(doc);
  const { isArticle, reason } = judgeArticle(doc, root);
  const text = isArticle ? readableText(buildTextModel(root, MAX_ARTICLE_CHARS + 1)).text : '';
  // The page's own URL is unknown here; any http URL serves for reading its metadata.
  const title = readPageMeta(doc, `http://localhost/${encodeURIComponent(basename(file))}`).title || null;
  const lang = doc.documentElement?.getAttribute('lang')?.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  const declared = /^[a-z]{2,3}$/.test(lang) ? lang : null;
  // the language judged from the text when it was judged: English, or not (then the declared one)
  const language = isArticle
    ? 'en'
    : reason === 'not English'
      ? declared === 'en'
        ? null
        : declared
      : declared;
  return { file, title, isArticle, language, reason, text };
}

export function readCommand(files: string[]): number {
  if (files.length === 0) {
    console.error('usage: cli read <file.html ...>');
    return 2;
  }
  let status = 0;
  for (const file of files) {
    try {
      console.log(JSON.stringify(readPage(file, readFileSync(file, 'utf8'))));
    } catch (error) {
      console.error(`${file}: ${error instanceof Error ? error.message : String(error)}`);
      status = 1;
    }
  }
  return status;
}
