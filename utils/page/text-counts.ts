/**
 * The text measures the article search asks of every element — the length of its trimmed text and
 * its count of letters — counted once for the whole page, bottom-up, instead of walking an
 * element's subtree each time it is asked (on a page of deep, text-poor markup those walks made
 * single tasks of 100–250 ms). The count is a generator that yields every few hundred nodes, so a
 * huge page is counted over several tasks. It is a snapshot: an element added later is measured
 * by a walk of its own.
 */

import { isSpaceCode } from '../nlp/space';

export interface TextCounts {
  /** `el.textContent.trim().length`, exactly. */
  trimmed: WeakMap<Element, number>;
  /** Characters other than white space, outside the subtrees `skip` names. */
  letters: WeakMap<Element, number>;
}

/** The characters `String.prototype.trim` removes (ECMAScript WhiteSpace and LineTerminator). */
function isTrimSpace(c: number): boolean {
  return c !== 0x200b && isSpaceCode(c);
}

/** The white space `letters` does not count: space, tab, line ends and the no-break space. */
function isLetterSpace(c: number): boolean {
  return c === 32 || c === 10 || c === 9 || c === 13 || c === 160;
}

interface Span {
  length: number;
  lead: number;
  trail: number;
  letters: number;
}

/** A text's length, its white space at either end and (when `countLetters`) its letters. */
function textSpan(text: string, countLetters = true): Span {
  let lead = 0;
  while (lead < text.length && isTrimSpace(text.charCodeAt(lead))) lead++;
  let trail = 0;
  if (lead < text.length) while (isTrimSpace(text.charCodeAt(text.length - 1 - trail))) trail++;
  let letters = 0;
  if (countLetters) for (let i = 0; i < text.length; i++) if (!isLetterSpace(text.charCodeAt(i))) letters++;
  return { length: text.length, lead, trail, letters };
}

/** Counts every element under `root` (itself included); `skip(tag)`: subtrees without letters. */
export function* countTextSteps(
  root: Element,
  skip: (upperTag: string) => boolean,
): Generator<void, TextCounts, void> {
  const spans = new Map<Element, Span>();
  const counts: TextCounts = { trimmed: new WeakMap(), letters: new WeakMap() };
  // post-order: an element is summed once all its children are
  const stack: Array<{ el: Element; done: boolean }> = [{ el: root, done: false }];
  let visited = 0;
  while (stack.length > 0) {
    if ((++visited & 127) === 0) yield;
    const top = stack.pop()!;
    const children = top.el.childNodes;
    if (!top.done && skip(top.el.tagName.toUpperCase())) {
      // a script, a style, an icon: no letters, and its length without reading it character by character
      const span = textSpan(top.el.textContent ?? '', false);
      spans.set(top.el, span);
      counts.trimmed.set(top.el, span.lead === span.length ? 0 : span.length - span.lead - span.trail);
      counts.letters.set(top.el, 0);
      continue;
    }
    if (!top.done) {
      stack.push({ el: top.el, done: true });
      for (let i = children.length - 1; i >= 0; i--)
        if (children[i]!.nodeType === 1) stack.push({ el: children[i] as Element, done: false });
      continue;
    }
    let length = 0;
    let lead = 0;
    let trail = 0;
    let letters = 0;
    // still all white space from the start (lead grows) / since the last non-space (trail)
    let leading = true;
    for (let i = 0; i < children.length; i++) {
      const child = children[i]!;
      let span: Span | undefined;
      if (child.nodeType === 3 || child.nodeType === 4) span = textSpan(child.nodeValue ?? '');
      else if (child.nodeType === 1) {
        span = spans.get(child as Element);
        spans.delete(child as Element);
      }
      if (!span) continue;
      const blank = span.lead === span.length;
      if (leading) lead += blank ? span.length : span.lead;
      if (!blank) leading = false;
      trail = blank ? trail + span.length : span.trail;
      length += span.length;
      letters += span.letters;
    }
    if (leading) trail = 0;
    const span = { length, lead, trail, letters };
    spans.set(top.el, span);
    counts.trimmed.set(top.el, leading ? 0 : length - lead - trail);
    counts.letters.set(top.el, letters);
  }
  return counts;
}
