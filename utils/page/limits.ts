/**
 * The most article text read on one page. The longest long-form journalism runs to ~150,000
 * characters; beyond this a page is a book, a dump or an attack, and reading all of it would
 * hold the page's main thread for seconds. The first paragraphs up to the limit are read.
 */
export const MAX_ARTICLE_CHARS = 300_000;
