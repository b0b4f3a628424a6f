/**
 * What a reader is told about a possible conflict: who says what, in each statement's own words
 * around the contrasted ones ("the agency (one.example): “the bridge is safe”; Tom Reid
 * (two.example): “the bridge is not safe”"), not concept stems.
 */

/** The words of an excerpt at most; a statement this long or shorter is given whole. */
const EXCERPT_WORDS = 12;

/** Where `word` (any case, as a whole word) first stands in `text`'s words, or -1. */
function wordIndex(words: readonly string[], word: string | undefined): number {
  if (!word) return -1;
  const w = word.toLowerCase();
  return words.findIndex((x) => x.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') === w);
}

/**
 * At most EXCERPT_WORDS words of `text`, around `word` when it is there (from the start
 * otherwise), with "…" where words were left out.
 */
export function excerpt(text: string, word?: string): string {
  const words = text.trim().split(/\s+/);
  if (words.length <= EXCERPT_WORDS) return trimEnd(words.join(' '));
  const at = wordIndex(words, word);
  const from = at < 0 ? 0 : Math.max(0, Math.min(at - 5, words.length - EXCERPT_WORDS));
  const to = from + EXCERPT_WORDS;
  return `${from > 0 ? '…' : ''}${trimEnd(words.slice(from, to).join(' '))}${to < words.length ? '…' : ''}`;
}

/** Without a final comma or period (the statement's, not the excerpt's). */
function trimEnd(s: string): string {
  return s.replace(/[,;:.]+$/u, '');
}

/**
 * Is `word` said inside a clause the statement reports or wonders about ("were not notified that
 * Yoon would declare martial law": the declaring is not what is claimed)? A complementiser before
 * it says so.
 */
export function embedded(text: string, word: string | undefined): boolean {
  const words = text.trim().split(/\s+/);
  const at = wordIndex(words, word);
  if (at < 0) return false;
  return words.slice(0, at).some((w) => /^(that|whether|if)$/i.test(w));
}

/** One side of a reason: "Tom Reid (two.example): “…”". */
export function saysPart(who: string, site: string, text: string, word?: string): string {
  return `${who} (${site}): “${excerpt(text, word)}”`;
}
