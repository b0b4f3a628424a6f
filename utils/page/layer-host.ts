/**
 * The one element Saywho adds to a page: a host whose closed shadow root holds what only the reader
 * may see — the marks drawn from the reader's own store (related, conflict, saved: `store-marks.ts`)
 * and the frame of the card (`utils/content/card-frame.ts`).
 *
 * A page's scripts share the DOM with Saywho, so the host is built to tell them nothing about the
 * store: it is created as soon as a page's statements are painted (page-derived, before the store
 * answers), it is fixed and of zero size whatever it holds, its children are fixed-position (they
 * add nothing to the page's scroll size), hold no text (`window.find()` finds nothing) and take no
 * pointer events (hit-testing never returns the host over a mark). Mutations inside a shadow root
 * are not reported to the page's MutationObservers.
 */
export const LAYER_HOST_TAG = 'saywho-layer';

/** Whether an event target or node is Saywho's own host element. */
export function isLayerHost(target: EventTarget | null): boolean {
  return (target as Node | null)?.nodeName?.toLowerCase() === LAYER_HOST_TAG;
}

export interface LayerHost {
  host: HTMLElement;
  /** The closed shadow root: never reachable from the page. */
  root: ShadowRoot;
  /** Full-viewport, clipped, pointer-transparent: where the store's marks are drawn. */
  marks: HTMLElement;
  /** Puts the host back where a page that replaced its `<body>` or `<html>` children dropped it. */
  attach(): void;
  remove(): void;
}

/** Styles set through the CSSOM: a page's CSP restricts `style` attributes, not the CSSOM. */
function setStyles(el: HTMLElement, styles: Record<string, string>): void {
  for (const [name, value] of Object.entries(styles)) el.style.setProperty(name, value, 'important');
}

export function createLayerHost(doc: Document, css: string): LayerHost {
  const host = doc.createElement(LAYER_HOST_TAG);
  setStyles(host, {
    all: 'initial',
    position: 'fixed',
    top: '0',
    left: '0',
    width: '0',
    height: '0',
    overflow: 'visible',
    'z-index': '2147483647',
    display: 'block',
    'pointer-events': 'none',
  });
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = css;
  const marks = doc.createElement('div');
  marks.className = 'marks';
  root.append(style, marks);
  // In <html>, after <body>: pages that swap their <body> (Turbo, pjax) keep the host.
  const parent = () => doc.documentElement;
  const attach = () => {
    if (!host.isConnected) parent().append(host);
  };
  attach();
  return { host, root, marks, attach, remove: () => host.remove() };
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
