/**
 * The in-page card of one statement: which statement it shows, where it sits, what it says, and
 * what the reader does with it (save, open the view, close), from the reader's own clicks, rests
 * of the pointer and keys. The page session owns the statements and what the store said; the card
 * reads them through `CardHost` and tells the session when a statement was saved.
 */
import type { PageMeta, StatementSnapshot, StatementSummary } from '../domain';
import type { Statement } from '../extract/types';
import type { CardState, SendToBackground } from '../messages';
import { isLayerHost, type LayerHost } from '../page/layer-host';
import { CARD_HEIGHT, CARD_WIDTH, type CardActions, type CardView, cardPosition } from './card-frame';

/** What the card needs of the page session. */
export interface CardHost {
  doc: Document;
  /** The statement read at `index`, and its painted range. */
  statement(index: number): Statement | undefined;
  range(index: number): Range | null | undefined;
  /** What the store said about it (null: not yet, or not stored). */
  summary(index: number): StatementSummary | null;
  /** The page as read, for a save without the store. */
  page(): PageMeta | null;
  url(): string;
  collecting(): boolean;
  privateWindow(): boolean;
  /** The index of the statement under a viewport point, or -1. */
  statementAt(x: number, y: number): number;
  /** Saywho's host on the page, made on first use. */
  layer(): LayerHost | null;
  /** The archive kept the statement: the session marks it saved. */
  saved(index: number, summary: StatementSummary): void;
  send: SendToBackground;
  /** Builds the card view in Saywho's shadow root (none: cards open and close, showing nothing). */
  build?: (root: ShadowRoot, actions: CardActions) => CardView;
  /** How long the pointer rests on a statement before its card opens. */
  hoverMs: number;
}

/** What the archive keeps of a statement found on the page. */
export function snapshotStatement(s: Statement): StatementSnapshot {
  return { text: s.text, kind: s.kind, speaker: s.speaker?.name ?? null, cue: s.cue };
}

export class CardController {
  private view: CardView | null = null;
  private index = -1;
  /** Opened by the pointer resting on its statement: moving off the statement closes it. */
  private byHover = false;
  private status = { saving: false, error: null as string | null };
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly host: CardHost) {}

  /** The statement whose card is open, or -1. */
  get openIndex(): number {
    return this.index;
  }

  open(index: number, { focus = false, hover = false }: { focus?: boolean; hover?: boolean } = {}): void {
    if (!this.host.statement(index) || !this.host.range(index)) return;
    this.index = index;
    this.byHover = hover;
    this.status = { saving: false, error: null };
    this.place();
    if (this.index !== index) return;
    this.render();
    if (focus) this.cardView()?.focus();
  }

  close(): void {
    this.index = -1;
    this.view?.render(null);
  }

  /** Beside its statement; closed once the statement leaves the screen. */
  place(): void {
    const range = this.host.range(this.index);
    if (this.index === -1 || !range) return;
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const win = this.host.doc.defaultView;
    const height = win?.innerHeight ?? 0;
    if (rect.bottom < 0 || rect.top > height) {
      this.close();
      return;
    }
    const width = Math.min(CARD_WIDTH, Math.max(200, (win?.innerWidth ?? CARD_WIDTH) - 16));
    const { left, top } = cardPosition(
      rect,
      { width: win?.innerWidth ?? 1024, height: height || 768 },
      { width, height: CARD_HEIGHT },
    );
    this.cardView()?.moveTo(left, top);
  }

  /** Shows the open statement as it is now (what the store said may have changed). */
  render(): void {
    if (this.index === -1) return;
    const state = this.state(this.index);
    if (!state) {
      this.close();
      return;
    }
    this.cardView()?.render(state);
  }

  /**
   * Only the reader's own input counts: a page's scripts can dispatch clicks, moves and keys, and
   * must not open cards or learn anything by doing so.
   */
  listen(signal: AbortSignal): void {
    const { doc } = this.host;
    doc.addEventListener(
      'click',
      (event) => {
        if (!event.isTrusted || isLayerHost(event.target)) return;
        const i = this.host.statementAt(event.clientX, event.clientY);
        if (i !== -1) this.open(i);
        else this.close();
      },
      { signal },
    );
    doc.addEventListener(
      'mousemove',
      (event) => {
        if (!event.isTrusted) return;
        clearTimeout(this.hoverTimer);
        // Over the card itself: it stays, so the reader can reach Save and the link.
        if (isLayerHost(event.target)) return;
        const { clientX, clientY } = event;
        // The pointer rests a moment before anything changes: passing over a highlight opens
        // nothing, and crossing the gap between a highlight and its card does not close it.
        this.hoverTimer = setTimeout(() => {
          const i = this.host.statementAt(clientX, clientY);
          if (i !== -1 && i !== this.index) this.open(i, { hover: true });
          else if (i === -1 && this.index !== -1 && this.byHover) this.close();
        }, this.host.hoverMs);
      },
      { signal, passive: true },
    );
    doc.addEventListener(
      'keydown',
      (event) => {
        if (event.isTrusted && event.key === 'Escape' && this.index !== -1) this.close();
      },
      { signal },
    );
    signal.addEventListener('abort', () => {
      clearTimeout(this.hoverTimer);
      this.view?.destroy();
    });
  }

  /** The card, built on first use in Saywho's host. */
  private cardView(): CardView | null {
    if (this.view) return this.view;
    const layer = this.host.layer();
    if (!layer || !this.host.build) return null;
    this.view = this.host.build(layer.root, {
      onSave: () => void this.save(this.index),
      onOpenView: () => this.openView(),
      onClose: () => this.close(),
      // The pointer resting on the card keeps it open (the page sees no pointer events over it).
      onPointerEnter: () => clearTimeout(this.hoverTimer),
    });
    return this.view;
  }

  /** What the card shows for a statement: its words and speaker, what the store said, the save state. */
  private state(index: number): CardState | null {
    const statement = this.host.statement(index);
    if (!statement) return null;
    return {
      statement: {
        text: statement.text,
        kind: statement.kind,
        speaker: statement.speaker?.name ?? null,
        mention: statement.speaker?.mention ?? null,
        cue: statement.cue,
      },
      summary: this.host.summary(index),
      collecting: this.host.collecting(),
      ...(this.host.privateWindow() ? { privateWindow: true } : {}),
      status: this.status,
    };
  }

  private openView(): void {
    const summary = this.host.summary(this.index);
    if (!summary) return;
    // Without an answer (the worker stopped) nothing opens, and the reader can click again.
    this.host
      .send({
        type: 'open-view',
        url: this.host.url(),
        ...(summary.statementId > 0 ? { statementId: summary.statementId } : {}),
      })
      .catch(() => undefined);
  }

  private async save(index: number): Promise<void> {
    const summary = this.host.summary(index);
    const statement = this.host.statement(index);
    const page = this.host.page();
    if (!summary || !statement || !page) return;
    this.status = { saving: true, error: null };
    this.render();
    // A stored statement is saved by its id; without the store (auto-collect off), as a snapshot.
    // A send that fails (the worker stopped, Saywho reloading) is a save without an answer.
    const reply = await (summary.statementId > 0
      ? this.host.send({ type: 'save-statement', statementId: summary.statementId })
      : this.host.send({ type: 'save-snapshot', page, statement: snapshotStatement(statement) })
    ).catch(() => undefined);
    if (reply?.ok) {
      this.host.saved(index, { ...summary, saved: true });
      this.status = { saving: false, error: null };
    } else {
      this.status = {
        saving: false,
        error: reply?.error ?? 'Saywho’s background did not answer. Try again.',
      };
    }
    this.render();
  }
}
