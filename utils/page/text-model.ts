/**
 * DOM → article text, and back.
 *
 * The text follows the conventions of the gold files: one paragraph per line, whitespace (including
 * NBSP) collapsed to one space inside a paragraph, paragraphs trimmed, empty ones dropped. Every
 * character of the text remembers the DOM text node and offset it came from, so a statement's
 * offsets become a `Range` on the live page.
 */
import { BLOCK_TAGS, isFurniture } from './article-region';

interface Segment {
  /** Offset in the article text where this run starts. */
  textStart: number;
  length: number;
  node: Text;
  nodeOffset: number;
}

export interface TextModel {
  text: string;
  segments: Segment[];
}

function isSpace(code: number): boolean {
  return (
    code === 32 || code === 9 || code === 10 || code === 13 || code === 12 || code === 0xa0 || code === 0x202f
  );
}

/**
 * Builds the article text of `root`, skipping page furniture inside it. Iterative, linear in the
 * page. Stops walking once the text is longer than `maxChars` (what is read of a huge page).
 */
export function buildTextModel(root: Element, maxChars: number = Number.POSITIVE_INFINITY): TextModel {
  const steps = buildTextModelSteps(root, maxChars);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/** `buildTextModel` as a generator that yields every few hundred nodes (a huge page over several tasks). */
export function* buildTextModelSteps(
  root: Element,
  maxChars: number = Number.POSITIVE_INFINITY,
): Generator<void, TextModel, void> {
  let text = '';
  const segments: Segment[] = [];
  // State of the paragraph being built.
  let paragraphStart = 0;
  let pendingSpace: { node: Text; offset: number } | null = null;

  /** Appends `run` (characters of `node` from `offset` on), extending the last segment when it continues it. */
  function emit(run: string, node: Text, offset: number) {
    const last = segments[segments.length - 1];
    if (
      last &&
      last.node === node &&
      last.nodeOffset + last.length === offset &&
      last.textStart + last.length === text.length
    ) {
      last.length += run.length;
    } else {
      segments.push({ textStart: text.length, length: run.length, node, nodeOffset: offset });
    }
    text += run;
  }

  function endParagraph() {
    pendingSpace = null;
    if (text.length > paragraphStart) {
      text += '\n';
      paragraphStart = text.length;
    }
  }

  function addText(node: Text) {
    const value = node.data;
    let i = 0;
    while (i < value.length) {
      if (isSpace(value.charCodeAt(i))) {
        if (text.length > paragraphStart && pendingSpace === null) pendingSpace = { node, offset: i };
        i++;
        continue;
      }
      if (pendingSpace) {
        emit(' ', pendingSpace.node, pendingSpace.offset);
        pendingSpace = null;
      }
      // A run of non-space characters goes in at once.
      let j = i + 1;
      while (j < value.length && !isSpace(value.charCodeAt(j))) j++;
      emit(value.slice(i, j), node, i);
      i = j;
    }
  }

  // Depth-first walk with an explicit stack: deep CMS markup must not overflow the call stack.
  type Step = { node: Node; exit: boolean };
  const stack: Step[] = [{ node: root, exit: false }];
  let visited = 0;
  while (stack.length > 0 && text.length <= maxChars) {
    if ((++visited & 63) === 0) yield;
    const { node, exit } = stack.pop()!;
    if (node.nodeType === 3) {
      addText(node as Text);
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    const block = BLOCK_TAGS.has(el.tagName.toUpperCase());
    if (exit) {
      if (block) endParagraph();
      continue;
    }
    if (el !== root && isFurniture(el)) {
      if (block || el.tagName.toUpperCase() === 'FIGURE') endParagraph();
      continue;
    }
    if (block) endParagraph();
    stack.push({ node: el, exit: true });
    const children = el.childNodes;
    for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i]!, exit: false });
  }
  endParagraph();
  return { text, segments };
}

function segmentAt(model: TextModel, offset: number): number {
  let lo = 0;
  let hi = model.segments.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (model.segments[mid]!.textStart <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** DOM position of the character at `offset` (or just after it with `after`). */
export function domPosition(
  model: TextModel,
  offset: number,
  after = false,
): { node: Text; offset: number } | null {
  if (model.segments.length === 0) return null;
  const seg = model.segments[segmentAt(model, offset)]!;
  const within = offset - seg.textStart;
  if (within < 0 || within >= seg.length) return null;
  return { node: seg.node, offset: seg.nodeOffset + within + (after ? 1 : 0) };
}

/** A live `Range` covering article text [start, end), or null when the offsets fall outside the model. */
export function rangeFor(model: TextModel, start: number, end: number, doc: Document): Range | null {
  if (end <= start) return null;
  const from = domPosition(model, start);
  const to = domPosition(model, end - 1, true);
  if (!from || !to) return null;
  const range = doc.createRange();
  range.setStart(from.node, from.offset);
  range.setEnd(to.node, to.offset);
  return range;
}
