/**
 * Saywho on one page: read the article, paint it, tell the background, show the card, and keep up
 * with the page as it changes. Browser messaging is injected, so this runs in the content script
 * and in tests alike. Every listener is tied to one AbortSignal: aborting unloads Saywho cleanly.
 */
import { render } from 'preact';
import { CARD_CSS } from '@/components/card-css';
import { StatementCard } from '@/components/StatementCard';
import type { Statement } from '../extract/types';
import type {
  BackgroundMessage,
  BackgroundReply,
  ContentMessage,
  ContentReply,
  IngestPageReply,
  PageStatementsReply,
  PageStatusReply,
  SaveStatementReply,
  SelectionCapture,
  StatementSnapshot,
  StatementSummary,
} from '../messages';
import { CARD_HOST_TAG, type CardHost, caretAt, createCardHost } from '../page/card-host';
import {
  clearHighlights,
  type PaintedStatements,
  paintRelations,
  paintSaved,
  paintStatements,
} from '../page/highlight';
import { readPageMeta } from '../page/meta';
import { type ArticleReading, readArticleInSteps, TaskClock } from '../page/read-article';
import { overlappingStatement } from '../page/selection';

export interface SessionOptions {
  doc: Document;
  url: () => string;
  send: (message: BackgroundMessage) => Promise<BackgroundReply | undefined>;
  signal: AbortSignal;
  /** Quiet time after the last page change before the article is read again. */
  debounceMs?: number;
  /** How long the pointer rests on a statement before its card opens. */
  hoverMs?: number;
  /**
   * Told once per session, as soon as the page is found to be an article and before it is read:
   * the content script asks the background to prepare its store (`prepare-store`).
   */
  prepare?: () => void;
}

/** What the archive keeps of a statement found on the page. */
function snapshotStatement(s: Statement): StatementSnapshot {
  return { text: s.text, kind: s.kind, speaker: s.speaker?.name ?? null, cue: s.cue };
}

export class PageSession {
  private reading: ArticleReading | null = null;
  private painted: PaintedStatements = { ranges: [] };
  private summaries: (StatementSummary | null)[] = [];
  /** False once the background said auto-collect is off: statements are saved as snapshots. */
  private collecting = true;
  private enabled = true;
  /** Whether the background was asked to prepare its store (once a session). */
  private prepared = false;
  private card: CardHost | null = null;
  private cardIndex = -1;
  /** A card opened by hovering closes when the pointer leaves; one opened by click or key stays. */
  private cardByHover = false;
  private cardStatus = { saving: false, error: null as string | null };
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private hoverTimer: ReturnType<typeof setTimeout> | undefined;
  private lastUrl: string;
  /** The statements last sent to the store, as it identifies them; null: send on the next reading. */
  private sent: SentStatements | null = null;
  private outcome: PageStatusReply['status'] = 'not-article';
  private generation = 0;
  private readonly doc: Document;

  constructor(private readonly options: SessionOptions) {
    this.doc = options.doc;
    this.lastUrl = options.url();
  }

  get statementCount(): number {
    return this.reading?.statements.length ?? 0;
  }

  /** Starts Saywho on the page: first reading, then listeners. */
  async start(): Promise<void> {
    this.listen();
    await this.refresh();
  }

  /**
   * Reads the article again and repaints. Incremental where it is cheap: an unchanged text is not
   * extracted again (see `readArticleInSteps`), and the store is asked only when the statements
   * differ from those it last answered for; statements it already answered for keep their marks
   * while it answers for the new ones.
   */
  async refresh(): Promise<void> {
    if (!this.enabled || this.options.signal.aborted) return;
    // A newer reading (or switching off) makes this one stale wherever it is paused.
    const generation = ++this.generation;
    const stale = () => generation !== this.generation || !this.enabled || this.options.signal.aborted;
    // User-timing measures let the bench (and DevTools) see what Saywho costs on a page:
    // `saywho:read` and `saywho:paint` span the work (pauses included), `saywho:task` each task.
    const perf = this.doc.defaultView?.performance;
    const clock = new TaskClock(perf);
    const t0 = perf?.now() ?? 0;
    const read = await readArticleInSteps(this.doc, this.options.url(), clock, stale, this.reading, () => {
      if (this.prepared) return;
      this.prepared = true;
      this.options.prepare?.();
    });
    if (read === 'stale') {
      if (!stale()) this.scheduleRefresh();
      return;
    }
    const reading = read;
    perf?.measure('saywho:read', { start: t0, end: perf.now() });
    if (await clock.breathe(stale)) return;
    this.outcome = !reading ? 'not-article' : reading.statements.length === 0 ? 'no-statements' : 'article';
    if (!reading || reading.statements.length === 0) {
      this.reading = null;
      this.painted = { ranges: [] };
      this.sent = null;
      clearHighlights();
      this.closeCard();
      clock.end();
      return;
    }
    this.reading = reading;
    const t1 = perf?.now() ?? 0;
    this.painted = paintStatements(reading.model, reading.statements, this.doc);
    perf?.measure('saywho:paint', { start: t1, end: perf.now() });
    clock.end();
    const sent = sentStatements(reading);
    if (this.sent && sameSent(this.sent, sent)) {
      // The statements the store has (the page re-rendered its text, or added a paragraph without
      // any): re-anchor highlights, keep what the store said, send nothing.
      this.paintState();
      return;
    }
    // Statements read before keep what the store said about them until it answers again.
    const before = new Map<string, StatementSummary | null>();
    if (this.sent) for (const [i, k] of this.sent.keys.entries()) before.set(k, this.summaries[i] ?? null);
    this.summaries = sent.keys.map((k) => before.get(k) ?? null);
    this.sent = sent;
    this.paintState();
    const reply = (await this.options.send(reading.message)) as IngestPageReply | undefined;
    // Switched off, or other statements sent since: that answer must not paint. (A later reading
    // of the same statements keeps `sent`, so the answer still lands on its ranges.)
    if (this.sent !== sent || !this.enabled) return;
    if (reply?.ok && reply.statements.length === sent.keys.length) {
      this.summaries = reply.statements;
      this.collecting = reply.autoCollect !== false;
      this.paintState();
    } else {
      // Not stored: the next reading asks again.
      this.sent = null;
      if (reply && !reply.ok) console.warn('Saywho could not store this page:', reply.error);
    }
    this.renderCard();
  }

  private paintState(): void {
    if (!this.enabled) return;
    const known = this.summaries.map(
      (s) => s ?? { statementId: 0, related: 0, conflicts: 0, saved: false, strongest: null },
    );
    paintRelations(this.painted, known);
    paintSaved(this.painted, known);
  }

  toggle(): void {
    this.enabled = !this.enabled;
    if (this.enabled) {
      this.sent = null;
      void this.refresh();
    } else {
      // Forget the ranges too: with highlights off, clicks and hovers must not open cards.
      this.painted = { ranges: [] };
      clearHighlights();
      this.closeCard();
    }
  }

  /** Opens the card on the next (or previous) statement and scrolls it into view. */
  step(direction: 1 | -1): void {
    const n = this.reading?.statements.length ?? 0;
    if (n === 0) return;
    const next = this.cardIndex === -1 ? (direction === 1 ? 0 : n - 1) : (this.cardIndex + direction + n) % n;
    const range = this.painted.ranges[next];
    range?.startContainer.parentElement?.scrollIntoView({ block: 'center' });
    this.openCard(next, { focus: true });
  }

  /** Acts on a message; messages that ask a question get the answer back. */
  handleMessage(message: ContentMessage): ContentReply | undefined {
    switch (message.type) {
      case 'toggle-highlights':
        this.toggle();
        return undefined;
      case 'next-statement':
        this.step(message.direction);
        return undefined;
      case 'page-status':
        return {
          ok: true,
          status: this.outcome,
          statements: this.statementCount,
          truncated: this.reading?.truncated ?? false,
        };
      case 'selection-statement':
        return { ok: true, selection: this.selectionStatement() };
      case 'page-statements':
        return this.pageStatements();
    }
  }

  /** The page's statements as the archive would keep them (for the popup when auto-collect is off). */
  pageStatements(): PageStatementsReply {
    if (!this.reading) return { ok: true, page: null, statements: [] };
    return {
      ok: true,
      page: this.reading.message.page,
      statements: this.reading.statements.map(snapshotStatement),
    };
  }

  /**
   * The current selection, with the detected statement it overlaps (most): its speaker, kind and
   * cue, and its stored id when the background stored it. Null when nothing is selected.
   */
  selectionStatement(): SelectionCapture | null {
    const selection = this.doc.getSelection();
    if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
    const range = selection.getRangeAt(0);
    const text = selection.toString().replace(/\s+/g, ' ').trim();
    if (!text) return null;
    const index = this.reading ? overlappingStatement(range, this.painted.ranges) : -1;
    const statement = index === -1 ? undefined : this.reading?.statements[index];
    const summary = index === -1 ? null : (this.summaries[index] ?? null);
    const page = this.reading?.message.page ?? readPageMeta(this.doc, this.options.url());
    return {
      text,
      speaker: statement?.speaker?.name ?? null,
      kind: statement?.kind ?? 'direct',
      cue: statement?.cue ?? null,
      statementId: summary && summary.statementId > 0 ? summary.statementId : null,
      page,
    };
  }

  /** Index of the statement under a viewport point, or -1. */
  statementAt(x: number, y: number): number {
    const caret = caretAt(this.doc, x, y);
    if (!caret) return -1;
    for (const [i, range] of this.painted.ranges.entries()) {
      if (!range) continue;
      try {
        if (!range.isPointInRange(caret.node, caret.offset)) continue;
      } catch {
        continue;
      }
      // The caret is between characters: make sure the point is really over the range's text.
      for (const rect of Array.from(range.getClientRects())) {
        if (x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom) return i;
      }
    }
    return -1;
  }

  openCard(index: number, { focus = false, hover = false }: { focus?: boolean; hover?: boolean } = {}): void {
    const statement = this.reading?.statements[index];
    const range = this.painted.ranges[index];
    if (!statement || !range) return;
    if (!this.card) this.card = createCardHost(this.doc, CARD_CSS);
    this.cardIndex = index;
    this.cardByHover = hover;
    this.cardStatus = { saving: false, error: null };
    this.renderCard();
    this.placeCard();
    if (focus) (this.card.container.querySelector('.card') as HTMLElement | null)?.focus();
  }

  private placeCard(): void {
    const range = this.painted.ranges[this.cardIndex];
    if (!this.card || this.cardIndex === -1 || !range) return;
    const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
    const height = this.doc.defaultView?.innerHeight ?? 0;
    if (rect.bottom < 0 || rect.top > height) {
      this.closeCard();
      return;
    }
    this.card.place(rect);
  }

  closeCard(): void {
    this.cardIndex = -1;
    if (this.card) render(null, this.card.container);
  }

  get openCardIndex(): number {
    return this.cardIndex;
  }

  private renderCard(): void {
    if (!this.card || this.cardIndex === -1) return;
    const statement = this.reading?.statements[this.cardIndex];
    if (!statement) {
      this.closeCard();
      return;
    }
    const summary = this.summaries[this.cardIndex] ?? null;
    render(
      <StatementCard
        statement={{
          text: statement.text,
          kind: statement.kind,
          speaker: statement.speaker?.name ?? null,
          mention: statement.speaker?.mention ?? null,
          cue: statement.cue,
        }}
        summary={summary}
        collecting={this.collecting}
        status={this.cardStatus}
        onSave={() => void this.save(this.cardIndex)}
        onOpenView={() => {
          if (summary) {
            void this.options.send({
              type: 'open-view',
              url: this.options.url(),
              ...(summary.statementId > 0 ? { statementId: summary.statementId } : {}),
            });
          }
        }}
        onClose={() => this.closeCard()}
      />,
      this.card.container,
    );
  }

  private async save(index: number): Promise<void> {
    const summary = this.summaries[index];
    const reading = this.reading;
    const statement = reading?.statements[index];
    if (!summary || !reading || !statement) return;
    this.cardStatus = { saving: true, error: null };
    this.renderCard();
    // A stored statement is saved by its id; without the store (auto-collect off), as a snapshot.
    const message: BackgroundMessage =
      summary.statementId > 0
        ? { type: 'save-statement', statementId: summary.statementId }
        : {
            type: 'save-snapshot',
            page: reading.message.page,
            statement: snapshotStatement(statement),
          };
    const reply = (await this.options.send(message)) as SaveStatementReply | undefined;
    if (reply?.ok) {
      this.summaries[index] = { ...summary, saved: true };
      this.cardStatus = { saving: false, error: null };
      this.paintState();
    } else {
      this.cardStatus = {
        saving: false,
        error: reply?.error ?? 'Saywho’s background did not answer. Try again.',
      };
    }
    this.renderCard();
  }

  private pendingSince = 0;

  /** Debounced, with a ceiling: a page that never stops changing is still read every few seconds. */
  private scheduleRefresh(): void {
    const now = Date.now();
    const wait = this.options.debounceMs ?? 400;
    if (this.pendingSince === 0) this.pendingSince = now;
    clearTimeout(this.refreshTimer);
    const delay = Math.max(0, Math.min(wait, this.pendingSince + wait * 4 - now));
    this.refreshTimer = setTimeout(() => {
      this.pendingSince = 0;
      void this.refresh();
    }, delay);
  }

  /** Whether a mutation can change the article text: text changes outside the article do not. */
  private touchesArticle(record: MutationRecord): boolean {
    const root = this.reading?.root;
    if (!root?.isConnected) return true;
    const target = record.target;
    if (root.contains(target) || target.contains(root)) return true;
    // Elsewhere, only new elements matter (a new article container, "read more" blocks).
    return Array.from(record.addedNodes).some((n) => n.nodeType === 1);
  }

  private listen(): void {
    const { signal } = this.options;
    const win = this.doc.defaultView;
    if (!win) return;

    // Paragraphs added later (lazy load, "read more", infinite scroll) and re-rendered text.
    const observer = new win.MutationObserver((records) => {
      const ours = (n: Node) => n.nodeName.toLowerCase() === CARD_HOST_TAG;
      const onlyOurs = (r: MutationRecord) =>
        ours(r.target) ||
        (r.type === 'childList' && [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every(ours));
      if (records.some((r) => !onlyOurs(r) && this.touchesArticle(r))) this.scheduleRefresh();
    });
    observer.observe(this.doc.body, { childList: true, subtree: true, characterData: true });
    signal.addEventListener('abort', () => observer.disconnect());

    // SPA navigation through the history API: a new article under a new URL.
    const onUrlChange = () => {
      const url = this.options.url();
      if (url === this.lastUrl) return;
      this.lastUrl = url;
      this.sent = null;
      this.closeCard();
      this.scheduleRefresh();
    };
    win.addEventListener('popstate', onUrlChange, { signal });
    const poll = win.setInterval(onUrlChange, 1000);
    signal.addEventListener('abort', () => win.clearInterval(poll));

    this.doc.addEventListener(
      'click',
      (event) => {
        if ((event.target as Node | null)?.nodeName.toLowerCase() === CARD_HOST_TAG) return;
        const i = this.statementAt(event.clientX, event.clientY);
        if (i !== -1) this.openCard(i);
        else this.closeCard();
      },
      { signal },
    );
    this.doc.addEventListener(
      'mousemove',
      (event) => {
        clearTimeout(this.hoverTimer);
        // Over the card itself: it stays, so the reader can reach Save and the link.
        if ((event.target as Node | null)?.nodeName.toLowerCase() === CARD_HOST_TAG) return;
        const { clientX, clientY } = event;
        // The pointer rests a moment before anything changes: passing over a highlight opens
        // nothing, and crossing the gap between a highlight and its card does not close it.
        this.hoverTimer = setTimeout(() => {
          const i = this.statementAt(clientX, clientY);
          if (i !== -1 && i !== this.cardIndex) this.openCard(i, { hover: true });
          else if (i === -1 && this.cardIndex !== -1 && this.cardByHover) this.closeCard();
        }, this.options.hoverMs ?? 350);
      },
      { signal, passive: true },
    );
    this.doc.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape' && this.cardIndex !== -1) this.closeCard();
      },
      { signal },
    );
    // The card follows its statement while the page scrolls, and closes once it leaves the screen.
    win.addEventListener('scroll', () => this.placeCard(), { signal, passive: true });
    win.addEventListener('resize', () => this.placeCard(), { signal, passive: true });
    signal.addEventListener('abort', () => {
      clearTimeout(this.refreshTimer);
      clearTimeout(this.hoverTimer);
      clearHighlights();
      this.card?.remove();
    });
  }
}

/** What was sent to the store for a page, to tell whether a new reading needs asking again. */
interface SentStatements {
  url: string;
  /** Per statement: its words, kind and speaker, and which occurrence of those words it is. */
  keys: string[];
  /** Per statement: where it is in the article text (the store keeps the offsets too). */
  spans: string[];
}

function sentStatements(reading: ArticleReading): SentStatements {
  const seen = new Map<string, number>();
  const keys: string[] = [];
  const spans: string[] = [];
  for (const s of reading.statements) {
    const base = `${s.kind}\u0001${s.speaker?.name ?? ''}\u0001${s.cue ?? ''}\u0001${s.text}`;
    const n = seen.get(base) ?? 0;
    seen.set(base, n + 1);
    keys.push(`${base}\u0001${n}`);
    spans.push(`${s.start}:${s.end}`);
  }
  return { url: reading.message.page.url, keys, spans };
}

function sameSent(a: SentStatements, b: SentStatements): boolean {
  return (
    a.url === b.url &&
    a.keys.length === b.keys.length &&
    a.keys.every((k, i) => k === b.keys[i] && a.spans[i] === b.spans[i])
  );
}
