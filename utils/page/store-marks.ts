/**
 * Marks that come from the reader's store — a statement with related statements, one in possible
 * conflict, one saved — drawn inside Saywho's closed shadow root (layer-host.ts) rather than in the
 * page's highlight registry: `CSS.highlights` is shared with the page's scripts, and a page that
 * prints candidate quotes could read which of them the reader had met elsewhere.
 *
 * Each marked statement is one element holding a line per line box of its text, placed over the
 * viewport and moved as the page scrolls. The lines hold no text and take no pointer events.
 */
export type MarkKind = 'related' | 'conflict' | 'saved';

export interface StoreMark {
  range: Range;
  kind: MarkKind;
}

/** Where each kind's line sits against a line box of text, and how tall it is (see layer.css). */
const LINE: Record<MarkKind, { at: 'below' | 'above'; height: number }> = {
  related: { at: 'below', height: 5 },
  conflict: { at: 'below', height: 5 },
  saved: { at: 'above', height: 2 },
};

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

/**
 * The line boxes of a range: its client rects joined where they sit on one line (a range crossing
 * inline elements has a rect per element), empty ones dropped.
 */
export function lineBoxes(rects: ArrayLike<Box>): Box[] {
  const out: Box[] = [];
  for (const r of Array.from(rects)) {
    if (r.right - r.left < 1 || r.bottom - r.top < 1) continue;
    const last = out[out.length - 1];
    // One line: the boxes overlap vertically by more than half of the smaller one.
    const overlap = last ? Math.min(last.bottom, r.bottom) - Math.max(last.top, r.top) : 0;
    if (
      last &&
      overlap > Math.min(last.bottom - last.top, r.bottom - r.top) / 2 &&
      r.left <= last.right + 8
    ) {
      last.top = Math.min(last.top, r.top);
      last.bottom = Math.max(last.bottom, r.bottom);
      last.left = Math.min(last.left, r.left);
      last.right = Math.max(last.right, r.right);
    } else {
      out.push({ top: r.top, bottom: r.bottom, left: r.left, right: r.right });
    }
  }
  return out;
}

export class StoreMarks {
  private marks: StoreMark[] = [];
  private elements: HTMLElement[] = [];
  private frame = 0;

  constructor(
    private readonly layer: HTMLElement,
    private readonly view: Window,
  ) {}

  /** Replaces the marks and draws them. */
  set(marks: StoreMark[]): void {
    this.marks = marks;
    const doc = this.layer.ownerDocument;
    while (this.elements.length < marks.length) {
      const el = doc.createElement('div');
      this.layer.append(el);
      this.elements.push(el);
    }
    for (const el of this.elements.splice(marks.length)) el.remove();
    for (const [i, mark] of marks.entries()) this.elements[i]!.className = `mark mark--${mark.kind}`;
    this.draw();
  }

  /** How many statements carry each kind of mark (for the tests that look through the shadow root). */
  count(kind: MarkKind): number {
    return this.marks.filter((m) => m.kind === kind).length;
  }

  /** Draws again on the next frame: the page scrolled, resized or changed its layout. */
  schedule(): void {
    if (this.frame !== 0 || this.marks.length === 0) return;
    const run = () => {
      this.frame = 0;
      this.draw();
    };
    this.frame =
      typeof this.view.requestAnimationFrame === 'function'
        ? this.view.requestAnimationFrame(run)
        : (this.view.setTimeout(run, 16) as unknown as number);
  }

  /** Places each mark's lines on its text as the page is laid out now; off-screen ones are left empty. */
  draw(): void {
    const height = this.view.innerHeight;
    for (const [i, mark] of this.marks.entries()) {
      const el = this.elements[i]!;
      const line = LINE[mark.kind];
      let boxes: Box[] = [];
      try {
        boxes = lineBoxes(mark.range.getClientRects()).filter((b) => b.bottom > -8 && b.top < height + 8);
      } catch {
        // A range whose nodes left the page: nothing to draw until the page is read again.
      }
      while (el.children.length < boxes.length) el.append(el.ownerDocument.createElement('i'));
      while (el.children.length > boxes.length) el.lastElementChild!.remove();
      for (const [j, box] of boxes.entries()) {
        const part = el.children[j] as HTMLElement;
        const top = line.at === 'below' ? box.bottom : box.top - line.height - 1;
        part.style.transform = `translate(${Math.round(box.left)}px, ${Math.round(top)}px)`;
        part.style.width = `${Math.max(1, Math.round(box.right - box.left))}px`;
      }
    }
  }

  clear(): void {
    this.set([]);
  }

  /** Stops a pending draw (the session ends). */
  cancel(): void {
    if (this.frame === 0) return;
    if (typeof this.view.cancelAnimationFrame === 'function') this.view.cancelAnimationFrame(this.frame);
    else this.view.clearTimeout(this.frame);
    this.frame = 0;
  }
}
