/**
 * Finds the element that holds the article on a news page, and tells which parts of the page are
 * never article text (navigation, asides, captions, comments, related links, ads, hidden things).
 *
 * Uses only standard DOM interfaces, so it runs in the content script and, with a DOM
 * implementation, in Node.
 */

import { countTextSteps, type TextCounts } from './text-counts';

/** Elements whose whole subtree is never article text. */
const SKIP_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'SVG',
  'CANVAS',
  'IFRAME',
  'OBJECT',
  'EMBED',
  'VIDEO',
  'AUDIO',
  'BUTTON',
  'INPUT',
  'SELECT',
  'TEXTAREA',
  'FORM',
  'NAV',
  'ASIDE',
  'FOOTER',
  // An article's own header holds kicker, headline and byline: the story starts after it.
  'HEADER',
  'FIGURE',
  'FIGCAPTION',
  'DIALOG',
  'MENU',
]);

/**
 * Words in class names and ids that mark page furniture. Matched as whole tokens of the class or
 * id ("related-links" → "related"), never as substrings, so "shadow" is not an ad.
 */
const FURNITURE_TOKENS = new Set([
  'comment',
  'comments',
  'related',
  'share',
  'sharing',
  'social',
  'promo',
  'ad',
  'ads',
  'advert',
  'advertisement',
  'sponsored',
  'newsletter',
  'caption',
  'credit',
  'credits',
  'sidebar',
  'gallery',
  'subscribe',
  'signup',
  'footer',
  'nav',
  'navigation',
  'menu',
  'breadcrumb',
  'breadcrumbs',
  'toolbar',
  'popup',
  'modal',
  'cookie',
  'byline',
  'dateline',
  'masthead',
  'outbrain',
  'taboola',
]);

/** Elements that end a paragraph: text on either side never runs together. */
export const BLOCK_TAGS = new Set([
  'ADDRESS',
  'ARTICLE',
  'BLOCKQUOTE',
  'BR',
  'DD',
  'DIV',
  'DL',
  'DT',
  'FIGURE',
  'FIGCAPTION',
  'H1',
  'H2',
  'H3',
  'H4',
  'H5',
  'H6',
  'HEADER',
  'HR',
  'LI',
  'MAIN',
  'OL',
  'P',
  'PRE',
  'SECTION',
  'TABLE',
  'TBODY',
  'TD',
  'TH',
  'THEAD',
  'TR',
  'UL',
]);

/**
 * A block for measuring an element's own text: the HTML blocks above, and custom elements
 * (`<ytd-app>`, `<my-card>`: a name with a hyphen), which pages use as containers — read as inline
 * they made every ancestor count the text of the whole page beneath it.
 */
function isBlockLike(tag: string): boolean {
  return BLOCK_TAGS.has(tag) || tag.includes('-');
}

function tokens(value: string | null): string[] {
  if (!value) return [];
  return value.toLowerCase().split(/[^a-z0-9]+/);
}

/**
 * Class words that say "this is the story" and outweigh a furniture word in the same attribute
 * ("main container js-social-anchor" is the article column, not a share bar).
 */
const CONTENT_TOKENS = new Set([
  'article',
  'body',
  'content',
  'main',
  'story',
  'post',
  'entry',
  'text',
  'column',
]);

function isFurnitureByName(value: string | null): boolean {
  const ts = tokens(value);
  if (ts.some((t) => CONTENT_TOKENS.has(t))) return false;
  return ts.some((t) => FURNITURE_TOKENS.has(t));
}

/** True when the element and everything in it is not article text. */
export function isFurniture(el: Element): boolean {
  return isStructuralFurniture(el) || isFurnitureNamed(el);
}

/** Furniture by what the element is (a script, a form, a hidden block, a navigation landmark). */
function isStructuralFurniture(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  if (SKIP_TAGS.has(tag)) return true;
  if (el.hasAttribute('hidden') || el.getAttribute('aria-hidden') === 'true') return true;
  const role = el.getAttribute('role');
  if (role === 'navigation' || role === 'complementary' || role === 'contentinfo' || role === 'dialog')
    return true;
  const style = el.getAttribute('style');
  if (style !== null && /display\s*:\s*none|visibility\s*:\s*hidden/i.test(style)) return true;
  return isTeaserItem(el);
}

/** Longest text of one teaser (headline, summary, source), in characters other than spaces. */
const TEASER_MAX_CHARS = 600;

/**
 * Nodes of markup a teaser or a headline's block may have: they are small in markup as in text,
 * and a walk of a large, text-poor subtree (icons, nested layout) ends here instead of at its end.
 */
const SMALL_BLOCK_NODES = 400;

/**
 * The page's text measures, counted once by the last article search (`findArticleRootSteps`);
 * elements it did not see are measured by walking them.
 */
let counts: TextCounts | null = null;

/**
 * Characters other than white space in an element's text, counted up to `limit` (stops there),
 * walking at most `SMALL_BLOCK_NODES` nodes: a larger element counts as `limit`.
 */
function letters(el: Element, limit: number): number {
  const counted = counts?.letters.get(el);
  if (counted !== undefined) return Math.min(counted, limit);
  let n = 0;
  let nodes = 0;
  const stack: Node[] = [el];
  while (stack.length > 0 && n < limit) {
    if (++nodes > SMALL_BLOCK_NODES) return limit;
    const node = stack.pop()!;
    if (node.nodeType === 3) {
      const text = node.nodeValue ?? '';
      for (let i = 0; i < text.length && n < limit; i++) {
        const c = text.charCodeAt(i);
        if (c !== 32 && c !== 10 && c !== 9 && c !== 13 && c !== 160) n++;
      }
    } else if (node.nodeType === 1 && !SKIP_TAGS.has((node as Element).tagName.toUpperCase())) {
      const children = node.childNodes;
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
    }
  }
  return n;
}

/** A link that is a headline: several words, and the whole text of the block that holds it. */
function isHeadlineLink(a: Element): boolean {
  const text = (a.textContent ?? '').trim();
  if (text.length < 20 || text.split(/\s+/).length < 3) return false;
  const holder = a.parentElement;
  if (holder === null) return false;
  // the holder has no text but the link's (counted no further than that: a holder may be huge)
  const own = letters(a, 400);
  return letters(holder, own + 1) === own;
}

/**
 * Teasers, related posts and slides, known by their structure rather than their class names: an
 * item among at least three siblings of one kind, most of them short and holding a headline link
 * of their own ("<li><h3><a>Storm closes schools across the state</a></h3><p>summary…</p></li>"
 * …). The items are furniture, not their container, which may hold the story beside them.
 */
function isTeaserItem(el: Element): boolean {
  const parent = el.parentElement;
  if (!parent || el.tagName === 'P') return false;
  return teaserItemsOf(parent).has(el);
}

/** Per container, the children that are teasers (recomputed when its children change). */
const teaserCache = new WeakMap<Element, { children: number; first: Element | null; items: Set<Element> }>();

function teaserItemsOf(parent: Element): Set<Element> {
  const children = parent.children;
  const cached = teaserCache.get(parent);
  if (cached && cached.children === children.length && cached.first === parent.firstElementChild)
    return cached.items;
  const byTag = new Map<string, Element[]>();
  for (let i = 0; i < children.length; i++) {
    const child = children[i]!;
    const list = byTag.get(child.tagName);
    if (list) list.push(child);
    else byTag.set(child.tagName, [child]);
  }
  const items = new Set<Element>();
  for (const [tag, same] of byTag) {
    if (same.length < 3 || tag === 'P') continue;
    const teasers = same.filter(isTeaser);
    if (teasers.length >= 3 && teasers.length * 2 >= same.length) for (const t of teasers) items.add(t);
  }
  teaserCache.set(parent, { children: children.length, first: parent.firstElementChild, items });
  return items;
}

/** Short (a headline and a line or two of summary) and holding a headline link. */
function isTeaser(el: Element): boolean {
  if (letters(el, TEASER_MAX_CHARS) >= TEASER_MAX_CHARS) return false;
  const links = el.getElementsByTagName('a');
  // item by item: asking the live collection its length would walk the whole subtree
  for (let k = 0; k < 4; k++) {
    const a = links[k];
    if (!a) break;
    if (isHeadlineLink(a)) return true;
  }
  return false;
}

/**
 * Furniture by what the page calls it (class and id words). Evidence only: when searching for the
 * article, a block so named that holds most of the page's running text is a layout wrapper
 * ("page-ad-margins", "with-sidebar"), not furniture (see `findArticleRootSteps`).
 */
function isFurnitureNamed(el: Element): boolean {
  const tag = el.tagName.toUpperCase();
  // Class and id words only judge blocks: an inline <span class="dateline"> inside a paragraph is
  // still part of the paragraph's text. <main> and <article> are the page's own word for content.
  if (!BLOCK_TAGS.has(tag) || tag === 'MAIN' || tag === 'ARTICLE') return false;
  return isFurnitureByName(el.getAttribute('class')) || isFurnitureByName(el.id);
}

/** How far up the region may widen, and what an ancestor must add to be taken (see below). */
const WIDEN_LEVELS = 5;
const STORY_BLOCK_MIN = 500;
const STORY_SHARE = 0.8;

/** Share of the page's running text above which a block named like furniture is a wrapper. */
const WRAPPER_SHARE = 0.6;

export function directTextLength(el: Element): number {
  let n = 0;
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) n += (child.nodeValue ?? '').trim().length;
    else if (
      child.nodeType === 1 &&
      !isBlockLike((child as Element).tagName.toUpperCase()) &&
      !SKIP_TAGS.has((child as Element).tagName.toUpperCase())
    ) {
      n += counts?.trimmed.get(child as Element) ?? ((child as Element).textContent ?? '').trim().length;
    }
  }
  return n;
}

/** The text of an element's own lines: its text nodes and inline children, not its blocks. */
export function directText(el: Element): string {
  let out = '';
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) out += child.nodeValue ?? '';
    else if (
      child.nodeType === 1 &&
      !isBlockLike((child as Element).tagName.toUpperCase()) &&
      !SKIP_TAGS.has((child as Element).tagName.toUpperCase())
    ) {
      out += (child as Element).textContent ?? '';
    }
  }
  return out;
}

/** Link text anywhere inside an element (the judgement's stricter test for running text). */
export function subtreeLinkTextLength(el: Element): number {
  let n = 0;
  // A live collection: no static NodeList built per paragraph.
  const links = el.getElementsByTagName('a');
  for (let i = 0; i < links.length; i++) n += (links[i]!.textContent ?? '').trim().length;
  return n;
}

/**
 * Link text on an element's own lines (its inline children), the counterpart of
 * `directTextLength`: links inside its child blocks belong to those blocks. Bounded by the
 * element's own content, so a page of deeply nested blocks is not walked again for each of them.
 */
function linkTextLength(el: Element): number {
  let n = 0;
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType !== 1) continue;
    const tag = (child as Element).tagName.toUpperCase();
    if (isBlockLike(tag) || SKIP_TAGS.has(tag)) continue;
    if (tag === 'A') {
      n += ((child as Element).textContent ?? '').trim().length;
      continue;
    }
    const links = (child as Element).getElementsByTagName('a');
    for (let i = 0; i < links.length; i++) n += (links[i]!.textContent ?? '').trim().length;
  }
  return n;
}

/**
 * The element holding the article: an explicit `articleBody` marker when the page has one, else the
 * container that collects the most paragraph text (Readability's idea: each paragraph scores its
 * parent fully and its grandparents less), widened to its ancestors while they add paragraphs of
 * their own (a story split into an intro block and a "read more" block), ignoring page furniture.
 */
export function findArticleRoot(doc: Document): Element {
  const steps = findArticleRootSteps(doc);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `findArticleRoot` as a generator that yields every few hundred elements, so a caller can spread
 * the walk of a huge page over several tasks.
 */
export function* findArticleRootSteps(doc: Document): Generator<void, Element, void> {
  const body = doc.body ?? doc.documentElement;
  // A page's "articleBody" mark is evidence, not a verdict: only an element in the body that holds
  // running text is taken (a <meta itemprop="articleBody" content="…"> in <head> holds none)
  for (const marked of Array.from(doc.querySelectorAll('[itemprop~="articleBody"]'))) {
    if (marked !== body && !marked.closest('head') && (marked.textContent ?? '').trim().length >= 200)
      return marked;
  }
  counts = yield* countTextSteps(body, (tag) => SKIP_TAGS.has(tag));
  let visited = 0;
  // Each paragraph-like element with its score and the blocks named like furniture around it;
  // whether those names are furniture is decided once the whole page has been measured.
  const paragraphs: Array<{
    el: Element;
    score: number;
    body: number;
    text: number;
    links: number;
    named: Element[];
  }> = [];
  const stack: Array<{ el: Element; named: Element[] }> = [{ el: body, named: [] }];
  while (stack.length > 0) {
    if ((++visited & 15) === 0) yield;
    const { el, named: outer } = stack.pop()!;
    if (el !== body && isStructuralFurniture(el)) continue;
    const named = el !== body && isFurnitureNamed(el) ? [...outer, el] : outer;
    for (const child of Array.from(el.children)) stack.push({ el: child, named });
    const length = directTextLength(el);
    if (length < 25) continue;
    const links = linkTextLength(el);
    if (links > length * 0.5) {
      // link lists score nothing but count as text a wider region would take in
      paragraphs.push({ el, score: 0, body: 0, text: length, links: Math.min(links, length), named });
      continue;
    }
    const text = directText(el);
    let commas = 0;
    // Only the first ten commas count.
    for (let i = 0; i < text.length && commas < 10; i++) if (text.charCodeAt(i) === 44) commas++;
    const score = 1 + Math.min(commas, 10) + Math.min(Math.floor(length / 100), 3);
    // Only body-text paragraphs (long, few links) count when deciding to widen the region:
    // teasers in "most popular" lists are short and sit among links.
    paragraphs.push({
      el,
      score,
      body: length >= 80 && links < length * 0.2 ? length : 0,
      text: length,
      links,
      named,
    });
  }
  yield;
  const wrappers = layoutWrappers(paragraphs);
  const scores = new Map<Element, number>();
  /** Paragraph text length inside each element. */
  const paragraphText = new Map<Element, number>();
  /** Text of every block (running text or not) inside each element, and its link text. */
  const allText = new Map<Element, number>();
  const allLinks = new Map<Element, number>();
  for (const { el, score, body: length, text, links, named } of paragraphs) {
    if (!named.every((n) => wrappers.has(n))) continue;
    for (let a: Element | null = el; a; a = a === body ? null : a.parentElement) {
      allText.set(a, (allText.get(a) ?? 0) + text);
      allLinks.set(a, (allLinks.get(a) ?? 0) + links);
    }
    // The body's own loose text scores no ancestor: <html> is never the article region.
    if (score === 0 || el === body) continue;
    let ancestor = el.parentElement;
    for (let level = 1; ancestor && level <= 3; level++) {
      scores.set(ancestor, (scores.get(ancestor) ?? 0) + score / (level === 1 ? 1 : level * 1.5));
      if (ancestor === body) break;
      ancestor = ancestor.parentElement;
    }
    if (length > 0) {
      for (let a: Element | null = el; a; a = a === body ? null : a.parentElement) {
        paragraphText.set(a, (paragraphText.get(a) ?? 0) + length);
      }
    }
  }
  let best: Element = body;
  let bestScore = 0;
  for (const [el, score] of scores) {
    if (score > bestScore) {
      best = el;
      bestScore = score;
    }
  }
  // Widen to an ancestor that takes in the rest of a story split into blocks, not a list of teasers
  // beside it: one that adds at least 30% more body-text paragraphs without many links, or one
  // whose additions are mostly body text (a story's first paragraphs in a block of their own,
  // however far up the two blocks meet).
  for (;;) {
    const inside = paragraphText.get(best) ?? 0;
    const insideAll = allText.get(best) ?? 0;
    let wider: Element | null = null;
    let ancestor = best.parentElement;
    for (let level = 1; ancestor && ancestor !== body && level <= WIDEN_LEVELS; level++) {
      if (isFurniture(ancestor)) break;
      const more = (paragraphText.get(ancestor) ?? 0) - inside;
      const moreAll = (allText.get(ancestor) ?? 0) - insideAll;
      // measured on the blocks' own text (not textContent, which counts scripts and markup space)
      const extraText = moreAll;
      const extraLinks = (allLinks.get(ancestor) ?? 0) - (allLinks.get(best) ?? 0);
      const grows = level <= 3 && more >= inside * 0.3 && extraLinks < extraText * 0.33;
      const mostlyStory = more >= STORY_BLOCK_MIN && more >= moreAll * STORY_SHARE;
      if (grows || mostlyStory) {
        wider = ancestor;
        break;
      }
      ancestor = ancestor.parentElement;
    }
    if (!wider) break;
    best = wider;
  }
  return best;
}

/** Blocks named like furniture that hold most of the page's running text: layout wrappers. */
function layoutWrappers(paragraphs: ReadonlyArray<{ body: number; named: Element[] }>): Set<Element> {
  let total = 0;
  const under = new Map<Element, number>();
  for (const { body, named } of paragraphs) {
    total += body;
    for (const n of named) under.set(n, (under.get(n) ?? 0) + body);
  }
  const out = new Set<Element>();
  for (const [el, length] of under) if (total > 0 && length >= total * WRAPPER_SHARE) out.add(el);
  return out;
}
