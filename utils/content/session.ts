/**
 * Saywho on one page: read the article, paint it, tell the background, answer the popup, and keep
 * up with the page as it changes. The card is its own controller (card-controller.ts); what a
 * change of the page means is judged in page-changes.ts. Browser messaging is injected, so this
 * runs in the content script and in tests alike. Every listener is tied to one AbortSignal:
 * aborting unloads Saywho cleanly.
 */
import LAYER_CSS from '@/assets/layer.css?inline';
import type { StatementSummary } from '../domain';
import {
  type BackgroundMessage,
  type ContentMessage,
  type ContentReply,
  type IngestPageReply,
  type PageReadingState,
  type PageStatementsReply,
  type PageStatusReply,
  type PageStoreState,
  type SelectionCapture,
  type SendToBackground,
  sendingToBackground,
} from '../messages';
import { clearHighlights, type PaintedStatements, paintStatements } from '../page/highlight';
import { caretAt, createLayerHost, isLayerHost, type LayerHost } from '../page/layer-host';
import { readPageMeta } from '../page/meta';
import {
  type ArticleExtractor,
  type ArticleReading,
  ExtractionFailed,
  PageTimings,
  readArticleInSteps,
  TaskClock,
} from '../page/read-article';
import { overlappingStatement } from '../page/selection';
import { type MarkKind, type StoreMark, StoreMarks } from '../page/store-marks';
import { CardController, snapshotStatement } from './card-controller';
import type { CardActions, CardView } from './card-frame';
import { anchorNodes, changeOf, type SentStatements, sameSent, sentStatements } from './page-changes';
import { remoteExtractor } from './remote-extract';
import { RETRY_MS } from './retry';

export interface SessionOptions {
  doc: Document;
  url: () => string;
  /** The raw channel to the background (`runtime.sendMessage`); the session types its replies. */
  send: (message: BackgroundMessage) => Promise<unknown>;
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
  /**
   * Finds the statements of the article's text. By default the background worker does, asked over
   * `send` (`extract-article`, utils/content/remote-extract.ts), so the content script carries no
   * extractor; tests extract in place (`extractLocally`, test/helpers).
   */
  extract?: ArticleExtractor;
  /**
   * Waits before asking the background again when it did not answer (the store, or extraction);
   * then waits for the page to change.
   */
  retryMs?: readonly number[];
  /** The longest a page whose re-readings keep finding the same statements waits between them. */
  maxBackoffMs?: number;
  /**
   * Builds the card in Saywho's closed shadow root: in the extension, a frame of Saywho's own
   * origin (`createCardFrame`). Without it, cards open and close but show nothing.
   */
  card?: (root: ShadowRoot, actions: CardActions) => CardView;
  /** True: the reader asked Saywho to read pages of this site whatever they look like. */
  readAnyway?: () => boolean;
}

const XHTML = 'http://www.w3.org/1999/xhtml';

export class PageSession {
  private reading: ArticleReading | null = null;
  private painted: PaintedStatements = { ranges: [] };
  private summaries: (StatementSummary | null)[] = [];
  /** False once the background said auto-collect is off: statements are saved as snapshots. */
  private collecting = true;
  /** True once the background said the page is in a private window: nothing of it is kept. */
  private privateWindow = false;
  private enabled = true;
  /** Whether the background was asked to prepare its store (once a session). */
  private prepared = false;
  /** Saywho's host on the page, made when statements are first painted; holds marks and card. */
  private layer: LayerHost | null = null;
  private marks: StoreMarks | null = null;
  private readonly card: CardController;
  private refreshTimer: ReturnType<typeof setTimeout> | undefined;
  private lastUrl: string;
  /** The statements last sent to the store, as it identifies them; null: send on the next reading. */
  private sent: SentStatements | null = null;
  private outcome: PageStatusReply['status'] = 'not-article';
  /** Why the page was not read as an article (with `not-article`). */
  private refusal: string | undefined;
  /** The reader asked (from the popup) for this page to be read whatever it looks like. */
  private readAnyway = false;
  /** Where the statements are with the store; undefined while there are none to store. */
  private storeState: PageStoreState | undefined;
  /** Why the last reading got no statements from the extractor; undefined when it got them. */
  private readingState: PageReadingState | undefined;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Tries left (`retryMs` index) to send the current statements after the store did not answer. */
  private retries = 0;
  /** The statements of the last reading, to tell whether a re-reading found anything new. */
  private lastRead: SentStatements | null = null;
  /** Re-readings in a row that found the same statements: each makes the next wait longer. */
  private fruitless = 0;
  private lastReadAt = 0;
  /**
   * The text nodes each painted statement starts and ends in, as painted. Not the ranges' own
   * containers: a browser moves a live Range out of a node the page removes, so by the time the
   * observer hears of a re-render the ranges no longer say where they were.
   */
  private anchors = new Set<Node>();
  private generation = 0;
  /** Saywho's work on this page, for the bench and tests (`page-timings`), never the page's timeline. */
  private readonly timings = new PageTimings();
  private readonly doc: Document;
  private readonly extract: ArticleExtractor;
  /** The background's channel, its replies typed by message (messages.ts). */
  private readonly send: SendToBackground;

  constructor(private readonly options: SessionOptions) {
    this.doc = options.doc;
    this.send = sendingToBackground(options.send);
    this.card = new CardController({
      doc: options.doc,
      statement: (i) => this.reading?.statements[i],
      range: (i) => this.painted.ranges[i],
      summary: (i) => this.summaries[i] ?? null,
      page: () => this.reading?.found.page ?? null,
      url: () => this.options.url(),
      collecting: () => this.collecting,
      privateWindow: () => this.privateWindow,
      statementAt: (x, y) => this.statementAt(x, y),
      layer: () => this.ensureLayer(),
      saved: (i, summary) => {
        this.summaries[i] = summary;
        this.paintState();
      },
      send: this.send,
      ...(options.card ? { build: options.card } : {}),
      hoverMs: options.hoverMs ?? 350,
    });
    this.lastUrl = options.url();
    this.extract =
      options.extract ??
      remoteExtractor({
        send: options.send,
        ...(options.retryMs ? { retryMs: options.retryMs } : {}),
        onWaiting: () => {
          this.readingState = 'waiting';
        },
      });
  }

  get statementCount(): number {
    return this.reading?.statements.length ?? 0;
  }

  /** Starts Saywho on the page: first reading, then listeners. */
  async start(): Promise<void> {
    // Not an HTML page (an SVG or XML file opened directly): no article, nothing to follow.
    if (this.doc.documentElement?.namespaceURI !== XHTML) return;
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
    // Timings let the bench see what Saywho costs on a page: `read` and `paint` span the work
    // (pauses included), `task` each task. Kept by Saywho, out of the page's performance timeline.
    const clock = new TaskClock(this.doc.defaultView?.performance, this.timings);
    const t0 = clock.now();
    let read: Awaited<ReturnType<typeof readArticleInSteps>>;
    try {
      read = await readArticleInSteps(this.doc, this.options.url(), clock, {
        extract: this.extract,
        stale,
        previous: this.reading,
        onArticle: () => {
          if (this.prepared) return;
          this.prepared = true;
          this.options.prepare?.();
        },
        onRefused: (reason) => {
          this.refusal = reason;
        },
        readAnyway: () => this.readAnyway || this.options.readAnyway?.() === true,
      });
    } catch (error) {
      if (!stale()) this.dropReading(error, clock);
      return;
    }
    if (read === 'stale') {
      if (!stale()) this.scheduleRefresh(false);
      return;
    }
    const reading = read;
    this.readingState = undefined;
    clock.record('read', t0);
    this.noteReading(reading);
    if (await clock.breathe(stale)) return;
    this.outcome = !reading ? 'not-article' : reading.statements.length === 0 ? 'no-statements' : 'article';
    if (reading) this.refusal = undefined;
    if (!reading || reading.statements.length === 0) {
      this.forgetReading();
      clock.end();
      return;
    }
    this.reading = reading;
    const t1 = clock.now();
    this.painted = paintStatements(reading.model, reading.statements, this.doc);
    this.anchors = anchorNodes(this.painted);
    // The host comes with the page's own statements, before the store says anything about them.
    this.ensureLayer();
    clock.record('paint', t1);
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
    // New statements: a store that does not answer gets its full round of tries again.
    this.retries = 0;
    await this.sendReading(reading, sent);
  }

  /**
   * The extractor gave no statements it could trust (`ExtractionFailed`), or failed outright:
   * no highlights rather than wrong ones, and why in the log. Read again when the page changes.
   */
  private dropReading(error: unknown, clock: TaskClock): void {
    this.readingState = error instanceof ExtractionFailed ? error.failure : 'refused';
    console.warn('Saywho could not read this page:', error instanceof Error ? error.message : String(error));
    this.outcome = 'article';
    this.forgetReading();
    clock.end();
  }

  /** No statements on the page: no highlights, marks, card or store state. */
  private forgetReading(): void {
    this.reading = null;
    this.painted = { ranges: [] };
    this.anchors.clear();
    this.sent = null;
    this.storeState = undefined;
    clearTimeout(this.retryTimer);
    clearHighlights();
    this.marks?.clear();
    this.closeCard();
  }

  /**
   * Asks the store about the reading's statements and paints its answer. A send that fails or gets
   * no answer (the worker stopped mid-ingest, the extension reloading) leaves the page unsent and
   * is tried again after a pause, a few times; after that, on the page's next change.
   */
  private async sendReading(reading: ArticleReading, sent: SentStatements): Promise<void> {
    this.storeState = 'sending';
    clearTimeout(this.retryTimer);
    let reply: IngestPageReply | undefined;
    try {
      reply = await this.send({ type: 'ingest-page', ...reading.found });
    } catch {
      reply = undefined;
    }
    // Switched off, or other statements sent since: that answer must not paint. (A later reading
    // of the same statements keeps `sent`, so the answer still lands on its ranges.)
    if (this.sent !== sent || !this.enabled) return;
    if (reply?.ok && reply.statements.length === sent.keys.length) {
      this.storeState = 'answered';
      this.summaries = reply.statements;
      this.collecting = reply.autoCollect !== false;
      this.privateWindow = reply.private === true;
      this.paintState();
    } else {
      this.sent = null;
      if (reply) {
        // The store answered but did not keep the page (its error is on the badge and in the
        // popup): the next reading asks again.
        this.storeState = 'refused';
        if (!reply.ok) console.warn('Saywho could not store this page:', reply.error);
      } else {
        this.retryLater(reading);
      }
    }
    this.card.render();
  }

  /** Sends the reading again after the next pause of `retryMs`, or, once they are spent, waits for a change. */
  private retryLater(reading: ArticleReading): void {
    const delay = (this.options.retryMs ?? RETRY_MS)[this.retries];
    if (delay === undefined) {
      this.storeState = 'unreachable';
      return;
    }
    this.retries++;
    this.storeState = 'waiting';
    this.retryTimer = setTimeout(() => {
      // Read again since, switched off, or sent since: that reading has its own send.
      if (this.reading !== reading || this.sent !== null || !this.enabled || this.options.signal.aborted)
        return;
      this.sent = sentStatements(reading);
      void this.sendReading(reading, this.sent);
    }, delay);
  }

  /** Counts re-readings that found nothing new, for the back-off (`scheduleRefresh`). */
  private noteReading(reading: ArticleReading | null): void {
    const read = reading && reading.statements.length > 0 ? sentStatements(reading) : null;
    const same =
      read === null ? this.lastRead === null : this.lastRead !== null && sameSent(this.lastRead, read);
    this.fruitless = same ? this.fruitless + 1 : 0;
    this.lastRead = read;
    this.lastReadAt = Date.now();
  }

  /** Saywho's host on the page, and the marks in it (made once, put back if the page dropped it). */
  private ensureLayer(): LayerHost | null {
    const view = this.doc.defaultView;
    if (!view || !this.doc.documentElement) return null;
    if (!this.layer) {
      this.layer = createLayerHost(this.doc, LAYER_CSS);
      this.marks = new StoreMarks(this.layer.marks, view);
    }
    this.layer.attach();
    return this.layer;
  }

  /** What the store said, as marks only the reader sees: conflict over related, saved besides. */
  private paintState(): void {
    if (!this.enabled || !this.marks) return;
    const marks: StoreMark[] = [];
    for (const [i, summary] of this.summaries.entries()) {
      const range = this.painted.ranges[i];
      if (!summary || !range) continue;
      if (summary.conflicts > 0) marks.push({ range, kind: 'conflict' });
      else if (summary.related > 0) marks.push({ range, kind: 'related' });
      if (summary.saved) marks.push({ range, kind: 'saved' });
    }
    this.marks.set(marks);
  }

  /** Statements carrying each kind of store mark (tests look at what the reader would see). */
  storeMarkCount(kind: MarkKind): number {
    return this.marks?.count(kind) ?? 0;
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
      this.marks?.clear();
      this.closeCard();
    }
  }

  /** Opens the card on the next (or previous) statement and scrolls it into view. */
  step(direction: 1 | -1): void {
    const n = this.reading?.statements.length ?? 0;
    if (n === 0) return;
    const at = this.card.openIndex;
    const next = at === -1 ? (direction === 1 ? 0 : n - 1) : (at + direction + n) % n;
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
          ...(this.storeState ? { store: this.storeState } : {}),
          ...(this.readingState ? { reading: this.readingState } : {}),
          ...(this.outcome === 'not-article' && this.refusal ? { reason: this.refusal } : {}),
        };
      case 'read-anyway':
        // Read again now, whatever the page looks like; the popup asks for the status afterwards.
        this.readAnyway = true;
        void this.refresh();
        return { ok: true, status: this.outcome, statements: this.statementCount };
      case 'page-timings':
        return { ok: true, timings: this.timings.list() };
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
      page: this.reading.found.page,
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
    const page = this.reading?.found.page ?? readPageMeta(this.doc, this.options.url());
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

  openCard(index: number, options: { focus?: boolean; hover?: boolean } = {}): void {
    this.card.open(index, options);
  }

  closeCard(): void {
    this.card.close();
  }

  get openCardIndex(): number {
    return this.card.openIndex;
  }

  private pendingSince = 0;

  /**
   * Debounced, with a ceiling: a page that never stops changing is still read every few seconds.
   * And backed off: each re-reading in a row that found the same statements doubles the time
   * before the next (up to `maxBackoffMs`), so text that keeps changing without adding anything
   * (a live ticker, a re-rendered sidebar) costs less and less. New content (`fresh`: an element
   * with words, a new URL) ends the back-off.
   */
  private scheduleRefresh(fresh: boolean): void {
    const now = Date.now();
    const wait = this.options.debounceMs ?? 400;
    if (fresh && this.fruitless > 0) {
      this.fruitless = 0;
      this.pendingSince = now;
    }
    if (this.pendingSince === 0) this.pendingSince = now;
    clearTimeout(this.refreshTimer);
    const debounced = Math.min(wait, this.pendingSince + wait * 4 - now);
    const backoff =
      this.fruitless === 0
        ? 0
        : Math.min(this.options.maxBackoffMs ?? 30_000, wait * 4 * 2 ** (this.fruitless - 1));
    const delay = Math.max(0, debounced, this.lastReadAt + backoff - now);
    this.refreshTimer = setTimeout(() => {
      this.pendingSince = 0;
      void this.refresh();
    }, delay);
  }

  private inArticle(node: Node): boolean {
    const root = this.reading?.root;
    return !root?.isConnected || root.contains(node) || node.contains(root);
  }

  private listen(): void {
    const { signal } = this.options;
    const win = this.doc.defaultView;
    if (!win) return;

    // Paragraphs added later (lazy load, "read more", infinite scroll) and re-rendered text.
    const observer = new win.MutationObserver((records) => {
      const onlyOurs = (r: MutationRecord) =>
        isLayerHost(r.target) ||
        (r.type === 'childList' &&
          [...Array.from(r.addedNodes), ...Array.from(r.removedNodes)].every(isLayerHost));
      const change = changeOf(
        records.filter((r) => !onlyOurs(r)),
        { head: this.doc.head, inArticle: (n) => this.inArticle(n), anchors: this.anchors },
      );
      if (change !== 'none') this.scheduleRefresh(change === 'content');
    });
    // The whole document, not its <body>: a page that swaps in a new body (Turbo, pjax) is still
    // followed. Old values let a change of digits alone be told apart.
    observer.observe(this.doc, {
      childList: true,
      subtree: true,
      characterData: true,
      characterDataOldValue: true,
    });
    signal.addEventListener('abort', () => observer.disconnect());

    // SPA navigation through the history API: a new article under a new URL.
    const onUrlChange = () => {
      const url = this.options.url();
      if (url === this.lastUrl) return;
      this.lastUrl = url;
      this.sent = null;
      this.closeCard();
      this.scheduleRefresh(true);
    };
    win.addEventListener('popstate', onUrlChange, { signal });
    const poll = win.setInterval(onUrlChange, 1000);
    signal.addEventListener('abort', () => win.clearInterval(poll));

    // The reader's clicks, pointer rests and Escape open and close the card.
    this.card.listen(signal);
    // Marks and card follow their statements while the page (or a box in it) scrolls or resizes;
    // the card closes once its statement leaves the screen.
    const follow = () => {
      this.marks?.schedule();
      this.card.place();
    };
    this.doc.addEventListener('scroll', follow, { signal, passive: true, capture: true });
    win.addEventListener('resize', follow, { signal, passive: true });
    signal.addEventListener('abort', () => {
      clearTimeout(this.refreshTimer);
      clearTimeout(this.retryTimer);
      clearHighlights();
      this.marks?.cancel();
      this.layer?.remove();
    });
  }
}
