/**
 * The in-page card, hosted in a frame of Saywho's own origin inside the closed shadow root
 * (`utils/page/layer-host.ts`): the page's scripts cannot read what it shows — `window.find()`
 * does not search another origin's document — nor click it, and its size is fixed, so nothing of
 * the reader's store shows in the page's layout either.
 *
 * The frame is handed one `MessagePort` by a `postMessage` addressed to Saywho's origin and
 * carrying a nonce that only the frame knows (its name, set here, never in a URL the page could
 * see in its resource timings). Everything after goes over that port, validated on both sides.
 * If anyone navigates the frame, it is dropped and built anew on the next card.
 */
import {
  CARD_PORT_HANDSHAKE,
  CardFrameMessageSchema,
  type CardHostMessage,
  type CardState,
  parseCardMessage,
} from '../messages';

/** The card's size, the same whatever it says: 340 × 232 CSS pixels, narrower on a narrow screen. */
export const CARD_WIDTH = 340;
export const CARD_HEIGHT = 232;

export interface CardActions {
  onSave(): void;
  onOpenView(): void;
  onClose(): void;
  /** The pointer came onto the card (it moved out of the page's reach). */
  onPointerEnter?(): void;
}

/** The card as the page session drives it: a frame in the browser, something lighter in tests. */
export interface CardView {
  /** Shows `state` (null: closes the card). */
  render(state: CardState | null): void;
  /** Moves the card to `left`, `top` (viewport coordinates). */
  moveTo(left: number, top: number): void;
  focus(): void;
  destroy(): void;
}

/** The content script's end of the card's port: sends states, hands the reader's actions over. */
export class CardLink {
  constructor(
    private readonly port: MessagePort,
    actions: CardActions & { onReady?(): void },
  ) {
    port.onmessage = (event: MessageEvent) => {
      const message = parseCardMessage(CardFrameMessageSchema, event.data);
      if (!message) return;
      if (message.type === 'card-ready') actions.onReady?.();
      else if (message.type === 'card-save') actions.onSave();
      else if (message.type === 'card-open-view') actions.onOpenView();
      else actions.onClose();
    };
  }

  send(message: CardHostMessage): void {
    this.port.postMessage(message);
  }

  close(): void {
    this.port.onmessage = null;
    this.port.close();
  }
}

function nonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A card frame in `root` (Saywho's closed shadow root), loading the card page at `url`, whose
 * document has Saywho's `origin` (in Chromium the card's URL is a per-session alias of the
 * extension's origin, while the document it loads is of the origin itself).
 */
export function createCardFrame(
  root: ShadowRoot,
  { url, origin }: { url: string; origin: string },
  actions: CardActions,
): CardView {
  const doc = root.ownerDocument;
  let frame: HTMLIFrameElement | null = null;
  let link: CardLink | null = null;
  let shown = false;
  /** Focus asked for before the frame could show: given once it does. */
  let wantsFocus = false;
  let position = { left: 0, top: 0 };

  const teardown = () => {
    link?.close();
    frame?.remove();
    link = null;
    frame = null;
  };
  const giveFocus = (f: HTMLIFrameElement, to: CardLink) => {
    wantsFocus = false;
    f.focus();
    to.send({ type: 'card-focus' });
  };
  const build = (): CardLink => {
    const name = nonce();
    const f = doc.createElement('iframe');
    f.className = 'card-frame';
    f.name = name;
    f.title = 'Saywho statement card';
    f.hidden = true;
    const width = Math.min(CARD_WIDTH, Math.max(200, (doc.defaultView?.innerWidth ?? CARD_WIDTH) - 16));
    f.style.width = `${width}px`;
    f.style.height = `${CARD_HEIGHT}px`;
    f.style.transform = `translate(${position.left}px, ${position.top}px)`;
    const channel = new MessageChannel();
    const built = new CardLink(channel.port1, {
      ...actions,
      // Shown once it has drawn its first state: never an empty box while it loads.
      onReady: () => {
        if (!shown || frame !== f || !f.hidden) return;
        f.hidden = false;
        if (wantsFocus) giveFocus(f, built);
      },
    });
    f.addEventListener('mouseenter', () => actions.onPointerEnter?.());
    let loads = 0;
    f.addEventListener('load', () => {
      loads += 1;
      if (loads === 1) {
        f.contentWindow?.postMessage({ type: CARD_PORT_HANDSHAKE, nonce: name }, origin, [channel.port2]);
      } else if (frame === f) {
        // Navigated by someone else: whatever it holds now is not Saywho's card.
        teardown();
      }
    });
    f.src = url;
    root.append(f);
    frame = f;
    link = built;
    return built;
  };

  return {
    render(state) {
      shown = state !== null;
      if (!state) {
        wantsFocus = false;
        if (frame) frame.hidden = true;
        link?.send({ type: 'card-state', state: null });
        return;
      }
      (link ?? build()).send({ type: 'card-state', state });
    },
    moveTo(left, top) {
      position = { left: Math.round(left), top: Math.round(top) };
      if (frame) frame.style.transform = `translate(${position.left}px, ${position.top}px)`;
    },
    focus() {
      if (!frame || !link) return;
      // A hidden frame cannot take focus: it does when it shows.
      if (frame.hidden) wantsFocus = true;
      else giveFocus(frame, link);
    },
    destroy: teardown,
  };
}

/** Where the card goes next to `anchor` (viewport coordinates): below it if it fits, else above. */
export function cardPosition(
  anchor: { top: number; bottom: number; left: number },
  view: { width: number; height: number },
  size: { width: number; height: number } = { width: CARD_WIDTH, height: CARD_HEIGHT },
): { left: number; top: number } {
  const gap = 8;
  const below = anchor.bottom + gap;
  const top =
    below + size.height <= view.height - gap ? below : Math.max(gap, anchor.top - gap - size.height);
  const left = Math.min(Math.max(gap, anchor.left), Math.max(gap, view.width - size.width - gap));
  return { left, top };
}
