/**
 * Is a text English? Saywho's extractor reads English only. Judged from the text itself (a page's
 * declared `lang` is often missing or wrong): running English prose is about half function words,
 * other languages share few of them. The list is English's most frequent function words
 * (determiners, pronouns, prepositions, conjunctions, auxiliaries) from the frequency lists of
 * Leech, Rayson & Wilson (2001), Word Frequencies in Written and Spoken English (BNC), leaving out
 * the words other Western European languages also write ("a", "in", "is", "as", "on", "die").
 */

const FUNCTION_WORDS = new Set(
  `the of and to that it for was with be by this are have from or had not but were they which you his
  her she he there been has their would will what all would can we who an said if more one when so
  its than them may into about only could other these our any some out do does did should those
  such being over after also most through while where how because these then between both each`
    .split(/\s+/)
    .filter((w) => w.length > 0),
);

/** Share of English function words among the first `limit` words of `text` (0 when it has none). */
export function englishShare(text: string, limit = 1500): number {
  let words = 0;
  let english = 0;
  for (const m of text.matchAll(/\p{L}+(?:['’]\p{L}+)*/gu)) {
    words++;
    if (FUNCTION_WORDS.has(m[0].toLowerCase())) english++;
    if (words >= limit) break;
  }
  return words === 0 ? 0 : english / words;
}

/** Below this share a text is not English prose: English pages run at 0.13–0.45, others under 0.02. */
export const ENGLISH_MIN_SHARE = 0.06;

export function isEnglish(text: string): boolean {
  return englishShare(text) >= ENGLISH_MIN_SHARE;
}
