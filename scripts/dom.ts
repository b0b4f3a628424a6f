/**
 * A DOM for the command-line tools, built the way a browser builds it. linkedom is fast but its
 * parser is not the HTML standard's: a saved page with stray text before `<body>` became two body
 * elements there (a browser merges them into one), so `cli read` saw another page than Chromium.
 * parse5 implements the standard's tree construction; its serialisation, parsed again by linkedom,
 * gives linkedom the tree a browser would have.
 */
import { parseHTML } from 'linkedom';
import { parse, serialize } from 'parse5';

export function parseLikeBrowser(html: string): Document {
  const { document } = parseHTML(serialize(parse(html)));
  return document as unknown as Document;
}
