/**
 * What a reader is told about a possible conflict: who says what, in each statement's own words
 * around the contrasted ones ("the agency (one.example): “the bridge is safe”; Tom Reid
 * (two.example): “the bridge is not safe”"), not concept stems.
 */

/** The words of an excerpt at most; a statement this long or shorter is given whole. */
const EXCERPT_WORDS = 12;

/**
 * Where `word` (any case, as a whole word) stands for the `nth` time in `text`'s words (0: the
 * first), or the first time when it stands fewer times; -1 when it is not there.
 */
function wordIndex(words: readonly string[], word: string | undefined, nth = 0): number {
  if (!word) return -1;
  const w = word.toLowerCase();
  let first = -1;
  let seen = 0;
  for (let i = 0; i < words.length; i++) {
    if (words[i]!.toLowerCase().replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, '') !== w) continue;
    if (seen++ === nth) return i;
    if (first < 0) first = i;
  }
  return first;
}

/**
 * At most EXCERPT_WORDS words of `text`, around `word` when it is there (from the start
 * otherwise), with "…" where words were left out.
 */
export function excerpt(text: string, word?: string, nth = 0): string {
  const words = text.trim().split(/\s+/);
  if (words.length <= EXCERPT_WORDS) return trimEnd(words.join(' '));
  const at = wordIndex(words, word, nth);
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
export function embedded(text: string, word: string | undefined, nth = 0): boolean {
  const words = text.trim().split(/\s+/);
  const at = wordIndex(words, word, nth);
  if (at < 0) return false;
  return words.slice(0, at).some((w) => /^(that|whether|if)$/i.test(w));
}

/**
 * One side of a reason: "Tom Reid (two.example): “…”", or with the verb by which the speaker denies
 * the words, "Tom Reid (two.example) denied: “…”".
 */
export function saysPart(
  who: string,
  site: string,
  text: string,
  word?: string,
  nth = 0,
  denied?: string,
): string {
  return `${who} (${site})${denied ? ` ${denied}` : ''}: “${excerpt(text, word, nth)}”`;
}
