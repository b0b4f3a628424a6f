/**
 * Extraction in the same process, for tests that read a page end to end in one context.
 * The extension's content script never imports this module; it sends the text to the background
 * worker (utils/content/remote-extract.ts), which extracts with the same code.
 */
import { extractInSlices } from '../../utils/extract';
import type { ArticleExtractor } from '../../utils/page/read-article';

/** Extracts in place, in slices between the page's turns: `extractInSlices`. */
export const extractLocally: ArticleExtractor = (text, { breathe }) => extractInSlices(text, breathe);
