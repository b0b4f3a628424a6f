/**
 * Links that open a page scrolled to a quote and highlight it: URL text fragments
 * (`#:~:text=[prefix-,]textStart[,textEnd][,-suffix]`, https://wicg.github.io/scroll-to-text-fragment/).
 *
 * Pure. Browsers without text fragments ignore the directive and open the page at the top.
 */

/** A long quote is linked by its first and last words (`textStart,textEnd`) past this many words. */
export const LONG_QUOTE_WORDS = 12;
/** Words kept at each end of a long quote, and of the context either side. */
export const EDGE_WORDS = 5;
export const CONTEXT_WORDS = 3;

/**
 * Percent-encodes one term of a directive. `encodeURIComponent` leaves `-` alone, but `-` (and `,`
 * and `&`) are the directive's own syntax, so they are always encoded.
 */
export function encodeFragmentTerm(term: string): string {
  return encodeURIComponent(term).replace(/-/g, '%2D');
}

const HAS_WORD = /[\p{L}\p{N}]/u;

function words(text: string): string[] {
  return text.split(/\s+/).filter((w) => w.length > 0);
}

export interface FragmentContext {
  /** Text just before the quote on the page (may start mid-word). */
  prefix?: string | null;
  /** Text just after the quote on the page (may end mid-word). */
  suffix?: string | null;
}

/** The `text=` directive value (without `#:~:`), or null when the quote has no words. */
export function textFragmentDirective(quote: string, context: FragmentContext = {}): string | null {
  const quoteWords = words(quote);
  if (quoteWords.length === 0) return null;
  const parts: string[] = [];

  // Context: whole words only (the stored context is cut at a character count), nearest the quote,
  // and within the quote's own block: a term cannot match across a paragraph break.
  const fullPrefix = context.prefix ?? '';
  const prefixBreak = fullPrefix.lastIndexOf('\n');
  const prefixRaw = fullPrefix.slice(prefixBreak + 1);
  const prefixWords = words(prefixRaw);
  // The stored context starts wherever the character count fell: drop a word that may be cut.
  if (prefixBreak === -1 && !/^\s/.test(prefixRaw) && prefixWords.length > 1) prefixWords.shift();
  const prefix = prefixWords.slice(-CONTEXT_WORDS).join(' ');
  const fullSuffix = context.suffix ?? '';
  const suffixBreak = fullSuffix.indexOf('\n');
  const suffixRaw = suffixBreak === -1 ? fullSuffix : fullSuffix.slice(0, suffixBreak);
  const suffixWords = words(suffixRaw);
  if (suffixBreak === -1 && !/\s$/.test(suffixRaw) && suffixWords.length > 1) suffixWords.pop();
  const suffix = suffixWords.slice(0, CONTEXT_WORDS).join(' ');

  // Context of punctuation alone (an opening quotation mark) identifies nothing: leave it out.
  if (HAS_WORD.test(prefix)) parts.push(`${encodeFragmentTerm(prefix)}-`);
  if (quoteWords.length > LONG_QUOTE_WORDS) {
    parts.push(encodeFragmentTerm(quoteWords.slice(0, EDGE_WORDS).join(' ')));
    parts.push(encodeFragmentTerm(quoteWords.slice(-EDGE_WORDS).join(' ')));
  } else {
    parts.push(encodeFragmentTerm(quoteWords.join(' ')));
  }
  if (HAS_WORD.test(suffix)) parts.push(`-${encodeFragmentTerm(suffix)}`);
  return parts.join(',');
}

/** `pageUrl` with its fragment replaced by a text directive for `quote`; `pageUrl` unchanged when that is impossible. */
export function textFragmentUrl(pageUrl: string, quote: string, context: FragmentContext = {}): string {
  const directive = textFragmentDirective(quote, context);
  const hash = pageUrl.indexOf('#');
  const base = hash === -1 ? pageUrl : pageUrl.slice(0, hash);
  if (directive === null) return pageUrl;
  return `${base}#:~:text=${directive}`;
}
