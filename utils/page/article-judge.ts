/**
 * "Is this English news?" — the judgement made on a page's article region, with one short reason
 * (`cli read` prints it, the popup explains it). Each test is general evidence about the page, in
 * this order: what the page declares it is not (a page may lower its own standing, never raise it),
 * what its region is built like (a thread of many users' posts, a listing of lines), whether the
 * region holds running text, and whether that text is English.
 */

import { directText, directTextLength, subtreeLinkTextLength } from './article-region';
import { isEnglish } from './language';

/** The judgement "is this an article?" with one short phrase saying why (`cli read` prints it). */
export interface ArticleJudgement {
  isArticle: boolean;
  reason: string;
}

/** Characters of running text read to tell a page's language. */
const LANGUAGE_SAMPLE = 3000;

/** Declared types (Open Graph `og:type`, schema.org `@type`) that say "this page is an article". */
const ARTICLE_TYPES = new Set([
  'article',
  'newsarticle',
  'reportagenewsarticle',
  'analysisnewsarticle',
  'opinionnewsarticle',
  'blogposting',
  'report',
]);

/**
 * Declared types that are never a news article, with the reason given. Open Graph types
 * (ogp.me: profile, book, video.*, music.*, and Facebook's generic "object") describe the page
 * itself; schema.org page types (ProfilePage, QAPage, SearchResultsPage, CollectionPage) and the
 * main-entity types of forums, scholarly papers, code, data, instructions and documentation are
 * taken only when no article type is declared too.
 */
const NOT_ARTICLE_TYPES: Record<string, string> = {
  product: 'product page',
  searchresultspage: 'search results',
  profile: 'profile page',
  profilepage: 'profile page',
  book: 'book page',
  object: 'not an article page',
  qapage: 'discussion thread',
  discussionforumposting: 'discussion thread',
  scholarlyarticle: 'scholarly paper',
  softwaresourcecode: 'code page',
  dataset: 'dataset',
  // schema.org's instructions and references: HowTo and Recipe (step-by-step directions),
  // TechArticle and APIReference (documentation), and CollectionPage (a section front or index)
  howto: 'how-to page',
  recipe: 'recipe',
  techarticle: 'documentation',
  apireference: 'documentation',
  collectionpage: 'front page or section front',
};

/** The Open Graph type families of media pages (ogp.me): a video, a song, an album. */
function mediaType(type: string): string | null {
  if (type.startsWith('video.')) return 'video page';
  if (type.startsWith('music.')) return 'music page';
  return null;
}

export function declaredTypes(doc: Document): string[] {
  const types: string[] = [];
  const og = doc.querySelector('meta[property="og:type"]')?.getAttribute('content');
  if (og) types.push(og.toLowerCase());
  for (const script of Array.from(doc.querySelectorAll('script[type="application/ld+json"]'))) {
    // Read the @type values without evaluating anything: a bounded scan of the JSON text.
    const text = (script.textContent ?? '').slice(0, 50_000);
    try {
      const data: unknown = JSON.parse(text);
      const stack: unknown[] = [data];
      while (stack.length > 0 && types.length < 50) {
        const item = stack.pop();
        if (Array.isArray(item)) stack.push(...item);
        else if (item && typeof item === 'object') {
          const t = (item as Record<string, unknown>)['@type'];
          if (typeof t === 'string') types.push(t.toLowerCase());
          else if (Array.isArray(t))
            for (const x of t) if (typeof x === 'string') types.push(x.toLowerCase());
          const graph = (item as Record<string, unknown>)['@graph'];
          if (graph) stack.push(graph);
        }
      }
    } catch {
      // Broken JSON-LD is common; it simply declares nothing.
    }
  }
  return types;
}

/** What the page declares it is, when that is something other than an article. */
function declaredNotArticle(doc: Document, types: ReadonlyArray<string>): string | null {
  for (const t of types) {
    const reason = mediaType(t);
    if (reason !== null) return reason;
    if (t === 'product' || t === 'searchresultspage') return NOT_ARTICLE_TYPES[t]!;
  }
  if (types.some((t) => ARTICLE_TYPES.has(t))) return null;
  for (const t of types) {
    const reason = NOT_ARTICLE_TYPES[t];
    if (reason !== undefined) return reason;
  }
  if (scholarlyPaper(doc)) return 'scholarly paper';
  return wikiGenerator(doc) ? 'wiki page' : null;
}

/**
 * A wiki: the page names wiki software as its generator (`<meta name="generator" content="MediaWiki
 * 1.43">` on Wikipedia and every MediaWiki site; DokuWiki and TiddlyWiki do the same).
 */
function wikiGenerator(doc: Document): boolean {
  const generator = doc.querySelector('meta[name="generator"]')?.getAttribute('content') ?? '';
  return /wiki/i.test(generator);
}

/** Numbered citation marks ("[12]") in a region before it reads as a reference work. */
const CITATION_MARKS = 5;

/**
 * A reference work (an encyclopedia entry, a paper): its text carries numbered citation marks,
 * superscript "[1]", "[2]"… pointing at a list of sources. News names its sources in the text.
 */
function isReferenceWork(root: Element): boolean {
  let marks = 0;
  const sups = root.getElementsByTagName('sup');
  for (let i = 0; i < sups.length && marks < CITATION_MARKS; i++)
    if (/^\s*\[\s*\d+\s*\]\s*$/.test(sups[i]!.textContent ?? '')) marks++;
  return marks >= CITATION_MARKS;
}

/**
 * A scholarly paper: the page carries the Highwire Press `citation_*` tags that journals and
 * preprint servers publish for Google Scholar (its inclusion guidelines ask for citation_title and
 * citation_author or citation_publication_date); news pages do not use them.
 */
function scholarlyPaper(doc: Document): boolean {
  const names = new Set<string>();
  for (const meta of Array.from(doc.querySelectorAll('meta[name^="citation_"]')))
    names.add((meta.getAttribute('name') ?? '').toLowerCase());
  return (
    names.has('citation_title') && (names.has('citation_author') || names.has('citation_publication_date'))
  );
}

/**
 * Links to user profiles, by the URL conventions of forum and social software (Reddit /user/ and
 * /u/, Discourse /u/, Stack Exchange /users/, XenForo and vBulletin /members/, /profile/).
 */
const PROFILE_LINK = /\/(?:u|user|users|member|members|profile|profiles)\/([^/?#]+)/i;

/** Different users whose profiles a region links to before it counts as a thread of posts. */
const THREAD_USERS = 5;

/**
 * A discussion thread: the region holds posts by several different users, each post headed by a
 * link to its author's profile. An article links to its one or two authors at most.
 */
function isThread(root: Element): boolean {
  const users = new Set<string>();
  const links = root.getElementsByTagName('a');
  for (let i = 0; i < links.length && users.size < THREAD_USERS; i++) {
    const match = PROFILE_LINK.exec(links[i]!.getAttribute('href') ?? '');
    if (match) users.add(match[1]!.toLowerCase());
  }
  return users.size >= THREAD_USERS;
}

/** Items of a list or rows of a table before a region made of them is a listing. */
const LISTING_ITEMS = 20;

/**
 * A listing: the region is itself a list or table whose items are single lines (a paste or a
 * source file shown line by line, a table of records), not the paragraphs of a story. A live
 * blog's list holds posts of several paragraphs and is not a listing.
 */
function isListing(root: Element): boolean {
  if (!['OL', 'UL', 'TABLE', 'TBODY'].includes(root.tagName.toUpperCase())) return false;
  const items = root.querySelectorAll('li, tr');
  if (items.length < LISTING_ITEMS) return false;
  let withParagraphs = 0;
  for (const item of Array.from(items)) if (item.querySelector('p')) withParagraphs++;
  return withParagraphs < items.length * 0.1;
}

/**
 * A chapter heading: "Chapter 12", "CHAPTER IV.", "Chapter One: The Storm" — how novels, web
 * serials and fan fiction divide a story. News is not divided into chapters.
 */
const CHAPTER_HEADING = numberedHeading('chapter', true);

/**
 * "WORD 12", "WORD one" (`roman`: "WORD IV" too), then an optional title after a colon, period,
 * bracket or dash.
 */
function numberedHeading(word: string, roman = false): RegExp {
  const number = `[0-9]+${roman ? '|[ivxlc]+' : ''}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve`;
  return new RegExp(`^\\s*${word}\\s+(?:${number})\\b\\s*(?:[.:)\\u2013\\u2014-].*)?$`, 'i');
}

/**
 * Fiction or a book: a chapter as the page's title (a serial's or fan fiction's chapter page), or
 * two chapter headings in the region (a book on one page). One heading alone could be a business
 * story's "Chapter 11: what it means".
 */
function isChapter(doc: Document, root: Element): boolean {
  const title = doc.title ?? '';
  if (title.split(/\s+[-|\u2013\u2014]\s+/).some((part) => CHAPTER_HEADING.test(part))) return true;
  const headings = root.querySelectorAll('h1, h2, h3, h4');
  let chapters = 0;
  for (let i = 0; i < headings.length && i < 200 && chapters < 2; i++)
    if (CHAPTER_HEADING.test((headings[i] as Element).textContent ?? '')) chapters++;
  return chapters >= 2;
}

/**
 * A step heading: "Step 1", "Step 2: Remove the cover", "STEP THREE." — how how-to guides, recipes
 * and tutorials divide their directions. News reports steps taken, it does not number them.
 */
const STEP_HEADING = numberedHeading('step');

/**
 * Instructions (a how-to guide, a recipe, a tutorial): three step headings in the region. One or
 * two could be a story's "Step one: the recount".
 */
function isInstructions(root: Element): boolean {
  const headings = root.querySelectorAll('h1, h2, h3, h4, h5, h6, dt');
  let steps = 0;
  for (let i = 0; i < headings.length && i < 200 && steps < 3; i++)
    if (STEP_HEADING.test((headings[i] as Element).textContent ?? '')) steps++;
  return steps >= 3;
}

/** Field labels ("Study type:", "Weight:") a record has, and their least share of its lines. */
const RECORD_LABELS = 10;
const RECORD_SHARE = 0.12;

/**
 * A record (a registry entry, a data or spec sheet): its region is laid out as fields, many of its
 * lines short labels ending in a colon with the value beside or below them. An article may have a
 * "Last week:" or two; a record has dozens.
 */
function* recordSteps(root: Element): Generator<void, boolean, void> {
  let lines = 0;
  let labels = 0;
  let visited = 0;
  for (const el of Array.from(root.querySelectorAll('p, li, div, td, th, dt, dd'))) {
    if ((++visited & 15) === 0) yield;
    const length = directTextLength(el);
    if (length === 0) continue;
    lines++;
    if (length <= 50 && /:\s*$/.test(directText(el))) labels++;
  }
  return labels >= RECORD_LABELS && labels >= lines * RECORD_SHARE;
}

/**
 * Whether the page reads like an article: a few paragraphs of running text in its article region.
 * Search results, inboxes and product pages are lists of short, link-heavy items and get nothing.
 */
export function looksLikeArticle(doc: Document, root: Element): boolean {
  return judgeArticle(doc, root).isArticle;
}

/** `looksLikeArticle` with its reason: "article", "product page", "too little running text", … */
export function judgeArticle(doc: Document, root: Element): ArticleJudgement {
  const steps = judgeArticleSteps(doc, root);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `judgeArticle` as a generator that yields every few hundred blocks (a huge page's region). */
export function* judgeArticleSteps(doc: Document, root: Element): Generator<void, ArticleJudgement, void> {
  const types = declaredTypes(doc);
  const declared = declaredNotArticle(doc, types);
  if (declared !== null) return { isArticle: false, reason: declared };
  if (isListing(root)) return { isArticle: false, reason: 'listing' };
  yield;
  if (isThread(root)) return { isArticle: false, reason: 'discussion thread' };
  if (isReferenceWork(root)) return { isArticle: false, reason: 'reference page' };
  if (isChapter(doc, root)) return { isArticle: false, reason: 'fiction or book chapter' };
  if (isInstructions(root)) return { isArticle: false, reason: 'how-to page' };
  if (yield* recordSteps(root)) return { isArticle: false, reason: 'record' };
  const claimsArticle = types.some((t) => ARTICLE_TYPES.has(t));
  const [needParagraphs, needChars] = claimsArticle ? [2, 400] : [1, 500];
  let paragraphs = 0;
  let chars = 0;
  // the running text read so far, enough to tell its language (a long article is not read to the end)
  let sample = '';
  const blocks = root.matches('p, blockquote, li, div') ? [root] : [];
  blocks.push(...Array.from(root.querySelectorAll('p, blockquote, li, div')));
  let visited = 0;
  for (const el of blocks) {
    if ((++visited & 15) === 0) yield;
    const length = directTextLength(el);
    if (length < 80) continue;
    if (subtreeLinkTextLength(el) > length * 0.3) continue;
    paragraphs++;
    chars += length;
    sample += ` ${directText(el)}`;
    if (paragraphs >= needParagraphs && chars >= needChars && sample.length >= LANGUAGE_SAMPLE) break;
  }
  if (paragraphs < needParagraphs || chars < needChars)
    return { isArticle: false, reason: paragraphs === 0 ? 'no running text' : 'too little running text' };
  if (!isEnglish(sample)) return { isArticle: false, reason: 'not English' };
  return { isArticle: true, reason: 'article' };
}
