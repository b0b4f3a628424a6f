/**
 * What a change of the page means for Saywho's reading of it: which mutations touch the article's
 * words or a painted statement (and which are only a ticking counter), and whether a new reading
 * found the statements already sent. Pure functions over DOM records and readings; the session
 * (session.ts) observes and schedules.
 */
import type { PaintedStatements } from '../page/highlight';
import type { ArticleReading } from '../page/read-article';

/** What of the page a change is judged against. */
export interface PageNodes {
  head: Node | null;
  /** Whether a node is in (or holds) the article read. */
  inArticle: (node: Node) => boolean;
  /** The nodes the painted statements start or end in. */
  anchors: ReadonlySet<Node>;
}

/**
 * What a batch of mutations can change. `none`: nothing Saywho reads (outside the article, in
 * `<head>`, or only digits and spaces — a counter, a clock, "updated 3 minutes ago" — in text
 * that holds no statement); `text`: the article's words, or nodes a statement is painted on;
 * `content`: an element with words was added (a new paragraph, a new article body). Judged over
 * the batch: a counter's old text node is often removed in one record and its new one added in
 * the next.
 */
export function changeOf(records: readonly MutationRecord[], page: PageNodes): 'none' | 'text' | 'content' {
  const removed: Node[] = [];
  const added: Node[] = [];
  let edited: 'none' | 'text' = 'none';
  for (const record of records) {
    const target = record.target;
    if (page.head?.contains(target)) continue;
    const inArticle = page.inArticle(target);
    if (record.type === 'characterData') {
      // Rewritten in place: a statement's own text node is painted again even for digits alone
      // (the browser collapsed its range).
      const digitsOnly = sameWords(record.oldValue ?? '', target.nodeValue ?? '');
      if (inArticle && (!digitsOnly || page.anchors.has(target))) edited = 'text';
      continue;
    }
    // Elsewhere, only new elements with words matter (a new article container, "read more" blocks).
    if (!inArticle) {
      if (Array.from(record.addedNodes).some(isElementWithWords)) return 'content';
      continue;
    }
    removed.push(...Array.from(record.removedNodes));
    added.push(...Array.from(record.addedNodes));
  }
  if (!sameWords(textOf(removed), textOf(added))) return added.some(isElementWithWords) ? 'content' : 'text';
  // The same words in new nodes: read again only to move highlights off the removed ones.
  return removed.some((n) => anchorsStatement(page.anchors, n)) ? 'text' : edited;
}

/** Whether a painted statement starts or ends in `node` (or under it). */
function anchorsStatement(anchors: ReadonlySet<Node>, node: Node): boolean {
  if (anchors.has(node)) return true;
  if (node.nodeType !== 1) return false;
  for (const anchor of anchors) if (node.contains(anchor)) return true;
  return false;
}

/** Text as statements see it: without digits and white space, which a ticking counter changes. */
function words(text: string): string {
  return text.replace(/[\p{Nd}\s]+/gu, '');
}

function sameWords(a: string, b: string): boolean {
  return a === b || words(a) === words(b);
}

function textOf(nodes: Node[]): string {
  return nodes.map((n) => n.textContent ?? '').join('');
}

/** Elements whose text is no reading matter (code, styles, templates). */
const WORDLESS = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

function isElementWithWords(node: Node): boolean {
  return (
    node.nodeType === 1 && !WORDLESS.has(node.nodeName.toUpperCase()) && words(node.textContent ?? '') !== ''
  );
}

export function anchorNodes(painted: PaintedStatements): Set<Node> {
  const nodes = new Set<Node>();
  for (const range of painted.ranges) {
    if (!range) continue;
    nodes.add(range.startContainer);
    nodes.add(range.endContainer);
  }
  return nodes;
}

/** What was sent to the store for a page, to tell whether a new reading needs asking again. */
export interface SentStatements {
  url: string;
  /** Per statement: its words, kind and speaker, and which occurrence of those words it is. */
  keys: string[];
  /** Per statement: where it is in the article text (the store keeps the offsets too). */
  spans: string[];
}

export function sentStatements(reading: ArticleReading): SentStatements {
  const seen = new Map<string, number>();
  const keys: string[] = [];
  const spans: string[] = [];
  for (const s of reading.statements) {
    const base = `${s.kind}\u0001${s.speaker?.name ?? ''}\u0001${s.cue ?? ''}\u0001${s.text}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    keys.push(`${base}\u0001${n}`);
    spans.push(`${s.start}:${s.end}`);
  }
  return { url: reading.found.page.url, keys, spans };
}

export function sameSent(a: SentStatements, b: SentStatements): boolean {
  return (
    a.url === b.url &&
    a.keys.length === b.keys.length &&
    a.keys.every((k, i) => k === b.keys[i] && a.spans[i] === b.spans[i])
  );
}
