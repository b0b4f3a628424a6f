/**
 * White space by character code, shared by the tokenizer and the page's text measures (a module of
 * its own, so that the content script, which measures text, does not bundle the tokenizer).
 */

/** White space: `String.prototype.trim`'s characters and the zero-width space. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 32 ||
    (c >= 9 && c <= 13) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200b) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}
