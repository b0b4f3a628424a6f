/**
 * The one element Saywho adds to a page: a host at the end of <body>, created on first use, whose
 * closed shadow root holds the card. Page CSS cannot style what is inside; `all: initial` on the
 * host keeps page rules such as `body > *` from moving it.
 */
export const CARD_HOST_TAG = 'saywho-card';

export interface CardHost {
  host: HTMLElement;
  container: HTMLElement;
  /** Places the card next to `anchor` (viewport coordinates), inside the viewport. */
  place(anchor: DOMRect): void;
  remove(): void;
}

export function createCardHost(doc: Document, css: string): CardHost {
  const host = doc.createElement(CARD_HOST_TAG);
  host.setAttribute(
    'style',
    'all: initial; position: fixed; top: 0; left: 0; z-index: 2147483647; display: block;',
  );
  const shadow = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const container = doc.createElement('div');
  container.setAttribute('style', 'position: fixed; top: 0; left: 0;');
  shadow.append(style, container);
  doc.body.append(host);

  return {
    host,
    container,
    place(anchor) {
      const view = doc.defaultView;
      const vw = view?.innerWidth ?? 1024;
      const vh = view?.innerHeight ?? 768;
      const box = container.getBoundingClientRect();
      const width = box.width || 340;
      const height = box.height || 160;
      const gap = 8;
      const below = anchor.bottom + gap;
      const top = below + height <= vh - gap ? below : Math.max(gap, anchor.top - gap - height);
      const left = Math.min(Math.max(gap, anchor.left), Math.max(gap, vw - width - gap));
      container.style.top = `${Math.round(top)}px`;
      container.style.left = `${Math.round(left)}px`;
    },
    remove() {
      host.remove();
    },
  };
}

/** The DOM position under a viewport point, where the browser can tell. */
export function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as Document & {
    caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
    caretRangeFromPoint?: (x: number, y: number) => Range | null;
  };
  if (typeof d.caretPositionFromPoint === 'function') {
    const p = d.caretPositionFromPoint(x, y);
    return p ? { node: p.offsetNode, offset: p.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint(x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}
