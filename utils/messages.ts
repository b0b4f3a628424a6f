/**
 * The one protocol between Saywho's contexts, grouped by direction.
 *
 * Every message is checked against its schema on arrival: a malformed message gets an error reply
 * and changes nothing. Page text travels as plain strings and is only ever rendered as text.
 */
import * as v from 'valibot';
import {
  type PageMeta,
  RELATION_TYPES,
  type SaveMerge,
  type StatementPayload,
  type StatementSnapshot,
  type StatementSummary,
  type StrongestRelation,
  webUrlSchema,
} from './domain';
import type { Statement } from './extract/types';
import { MAX_ARTICLE_CHARS } from './page/limits';

const MAX_TEXT = 20_000;

/**
 * What Saywho answers to anything that would keep something from a private (incognito) window's
 * tab. Saywho runs in private windows when the reader allows it ("spanning" mode: one background
 * for both kinds of window), so its store is the regular one: anything kept from a private tab would
 * outlive the private session. So nothing is: highlights only.
 */
export const PRIVATE_WINDOW_REFUSAL = 'Saywho keeps nothing from private windows.';
const MAX_STATEMENTS = 5_000;

const shortText = v.pipe(v.string(), v.maxLength(1_000));
const url = webUrlSchema;

export const StatementPayloadSchema = v.object({
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT)),
  kind: v.picklist(['direct', 'partial', 'indirect']),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  speaker: v.nullable(
    v.object({
      name: v.pipe(shortText, v.minLength(1)),
      mention: shortText,
      mentionStart: v.pipe(v.number(), v.integer(), v.minValue(-1)),
    }),
  ),
  cue: v.nullable(shortText),
  continues: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  /** Text just before and after the statement, to find it again when offsets move. */
  prefix: v.pipe(v.string(), v.maxLength(64)),
  suffix: v.pipe(v.string(), v.maxLength(64)),
}) satisfies v.GenericSchema<unknown, StatementPayload>;

export const PageMetaSchema = v.object({
  url,
  canonicalUrl: v.nullable(url),
  title: v.pipe(v.string(), v.maxLength(1_000)),
  site: v.pipe(v.string(), v.maxLength(1_000)),
  publishedAt: v.nullable(v.pipe(v.string(), v.maxLength(64))),
}) satisfies v.GenericSchema<unknown, PageMeta>;

/** Content script → background. */
export const IngestPageSchema = v.object({
  type: v.literal('ingest-page'),
  page: PageMetaSchema,
  statements: v.pipe(v.array(StatementPayloadSchema), v.maxLength(MAX_STATEMENTS)),
});
export type IngestPage = v.InferOutput<typeof IngestPageSchema>;

export const RelationTypeSchema = v.picklist(RELATION_TYPES);

export type IngestPageReply =
  | {
      ok: true;
      pageId: number;
      statements: StatementSummary[];
      /**
       * False when auto-collect is off: nothing was stored or compared; each summary has
       * statementId 0, no counts, and `saved` when the archive holds the quote from this page.
       */
      autoCollect?: false;
      /**
       * True when the page is in a private (incognito) window: Saywho keeps nothing from private
       * windows, so nothing was stored or compared, as with auto-collect off (`autoCollect` is false).
       */
      private?: true;
      /**
       * Some statements were not stored because the page (`page`, at most 500 statements) or its
       * site (`site`, at most 3,000 new statements a day) reached its budget; theirs have
       * statementId 0. The page is highlighted all the same (utils/store/budget.ts).
       */
      budget?: 'page' | 'site';
    }
  | { ok: false; error: string };

const id = v.pipe(v.number(), v.integer(), v.minValue(1));

/** Content script (card) → background: keep a statement in the archive. */
export const SaveStatementSchema = v.object({
  type: v.literal('save-statement'),
  statementId: id,
  note: v.optional(v.pipe(v.string(), v.maxLength(10_000))),
  tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.maxLength(50))),
});
export type SaveStatement = v.InferOutput<typeof SaveStatementSchema>;
export type SaveStatementReply =
  | { ok: true; entryId: number; alreadySaved?: SaveMerge }
  | { ok: false; error: string };

/** A statement as the archive keeps it, without the store: what is saved when auto-collect is off. */
export const StatementSnapshotSchema = v.object({
  text: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_TEXT)),
  kind: v.picklist(['direct', 'partial', 'indirect']),
  speaker: v.nullable(shortText),
  cue: v.nullable(shortText),
}) satisfies v.GenericSchema<unknown, StatementSnapshot>;

/**
 * Content script (card) → background: keep a statement that is not in the store (auto-collect
 * off) in the archive, as a snapshot of its words, speaker and page. Answered with `SaveStatementReply`.
 */
export const SaveSnapshotSchema = v.object({
  type: v.literal('save-snapshot'),
  page: PageMetaSchema,
  statement: StatementSnapshotSchema,
  note: v.optional(v.pipe(v.string(), v.maxLength(10_000))),
  tags: v.optional(v.pipe(v.array(v.pipe(v.string(), v.minLength(1), v.maxLength(100))), v.maxLength(50))),
});
export type SaveSnapshot = v.InferOutput<typeof SaveSnapshotSchema>;

/** Content script (card) → background: open the popup's view of a page in a tab. */
export const OpenViewSchema = v.object({
  type: v.literal('open-view'),
  url,
  statementId: v.optional(id),
});
export type OpenView = v.InferOutput<typeof OpenViewSchema>;
export type OpenViewReply = { ok: true } | { ok: false; error: string };

/**
 * Content script → background, as soon as a page is found to be an article, before it is read:
 * a worker just woken loads what matching needs (the key filter) while the page is still being
 * read, instead of when the statements arrive.
 */
export const PrepareStoreSchema = v.object({ type: v.literal('prepare-store') });
export type PrepareStore = v.InferOutput<typeof PrepareStoreSchema>;
export type PrepareStoreReply = { ok: true } | { ok: false; error: string };

/**
 * Content script → background, as a page starts loading (`document_start`, before its HTML is
 * parsed): carries nothing. Sending it starts a stopped worker, which then reads and decodes the
 * extractor's models while the page loads, so the article found later is not kept waiting for
 * the worker's start (Chromium stops an idle worker after 30 s). Answered `{ ok: true }`.
 */
export const WakeUpSchema = v.object({ type: v.literal('wake-up') });
export type WakeUp = v.InferOutput<typeof WakeUpSchema>;
export type WakeUpReply = { ok: true };

/**
 * Content script → background: the article's text, to extract its statements in the worker (the
 * extractor and its models are loaded there once, not in every page). At most the text the
 * content script reads (`MAX_ARTICLE_CHARS`). Answered with `ExtractArticleReply`.
 */
export const ExtractArticleSchema = v.object({
  type: v.literal('extract-article'),
  text: v.pipe(
    v.string(),
    v.maxLength(
      MAX_ARTICLE_CHARS,
      (issue) =>
        `the article text is ${(issue.input as string).length.toLocaleString('en')} characters, more than the ${MAX_ARTICLE_CHARS.toLocaleString('en')} Saywho reads`,
    ),
  ),
});
export type ExtractArticle = v.InferOutput<typeof ExtractArticleSchema>;
/** The statements of the text, as `extract(text)` returns them (offsets into that text). */
export type ExtractArticleReply = { ok: true; statements: Statement[] } | { ok: false; error: string };

export const BackgroundMessageSchema = v.variant('type', [
  IngestPageSchema,
  PrepareStoreSchema,
  WakeUpSchema,
  ExtractArticleSchema,
  SaveStatementSchema,
  SaveSnapshotSchema,
  OpenViewSchema,
]);
export type BackgroundMessage = v.InferOutput<typeof BackgroundMessageSchema>;
/**
 * Content script and Saywho's pages → background: the reply to each message, by its type (a
 * message type left out here has an `unknown` reply, which does not compile where it is read).
 */
export interface ReplyFromBackground extends Record<BackgroundMessage['type'], unknown> {
  'ingest-page': IngestPageReply;
  'prepare-store': PrepareStoreReply;
  'wake-up': WakeUpReply;
  'extract-article': ExtractArticleReply;
  'save-statement': SaveStatementReply;
  'save-snapshot': SaveStatementReply;
  'open-view': OpenViewReply;
}
export type BackgroundReply = ReplyFromBackground[keyof ReplyFromBackground];

/** Sends a message to the background; the reply's type follows from the message's (undefined: none came). */
export type SendToBackground = <M extends BackgroundMessage>(
  message: M,
) => Promise<ReplyFromBackground[M['type']] | undefined>;

/**
 * The one typed sender to the background over a context's raw channel (`runtime.sendMessage`, or
 * a test's fake). The background is Saywho's own code and answers each message as
 * `ReplyFromBackground` says (utils/background/handle-message.ts); what crosses from a page is
 * validated where it arrives, and the extraction's reply is checked against the text it was given
 * (`parseExtractArticleReply`).
 */
export function sendingToBackground(raw: (message: BackgroundMessage) => Promise<unknown>): SendToBackground {
  return (message) => raw(message) as Promise<ReplyFromBackground[(typeof message)['type']] | undefined>;
}

/** Background → content script. */
export const ContentMessageSchema = v.variant('type', [
  v.object({ type: v.literal('toggle-highlights') }),
  v.object({ type: v.literal('next-statement'), direction: v.picklist([1, -1]) }),
  /** Popup → content script: what Saywho made of this page. Answered with `PageStatusReply`. */
  v.object({ type: v.literal('page-status') }),
  /** Background → content script: the selection and the statement it overlaps. Answered with `SelectionReply`. */
  v.object({ type: v.literal('selection-statement') }),
  /** Popup → content script: the statements found on the page, to save when auto-collect is off. Answered with `PageStatementsReply`. */
  v.object({ type: v.literal('page-statements') }),
  /** Popup → content script: read this page although it did not look like English news. Answered with `PageStatusReply` (before the reading ends). */
  v.object({ type: v.literal('read-anyway') }),
  /** Saywho's worker or pages (bench, tests) → content script: what Saywho's work on the page cost. Answered with `PageTimingsReply`. */
  v.object({ type: v.literal('page-timings') }),
]);
export type ContentMessage = v.InferOutput<typeof ContentMessageSchema>;

export interface PageStatusReply {
  ok: true;
  /** `not-article`: the page does not look like an article; `no-statements`: it does, with none found. */
  status: 'article' | 'not-article' | 'no-statements';
  /** Why the page is not read (`not-article`): "not English", "too little running text", "product page", … */
  reason?: string;
  statements: number;
  /** The article was too long to read whole: only its first part was read. */
  truncated?: boolean;
  /** Where the page's statements are with the store (absent: nothing to store). */
  store?: PageStoreState;
  /** Why the article's statements are missing (absent: they were found, or there are none). */
  reading?: PageReadingState;
}

/**
 * The background extracts the article's statements (`extract-article`). `waiting`: it did not
 * answer, asked again shortly; `unreachable`: it did not answer after several tries, asked again
 * when the page changes; `refused`: its answer was an error or did not fit the text, so nothing
 * was highlighted.
 */
export type PageReadingState = 'waiting' | 'unreachable' | 'refused';

/**
 * `sending`: asked, no answer yet; `answered`: the store answered (stored, or not collected);
 * `waiting`: the background did not answer (its worker stopped, the extension reloading), asked
 * again shortly; `unreachable`: it did not answer after several tries, asked again when the page
 * changes; `refused`: it answered with an error (the popup's banner says which).
 */
export type PageStoreState = 'sending' | 'answered' | 'waiting' | 'unreachable' | 'refused';

/** Saywho's work on the page, each span in the page's `performance.now()` time (see `TaskTiming`). */
export interface PageTimingsReply {
  ok: true;
  timings: { name: string; start: number; duration: number }[];
}

/** A selection on the page, ready to be saved by hand. */
export interface SelectionCapture {
  text: string;
  /** Of the detected statement the selection overlaps, else null. */
  speaker: string | null;
  kind: 'direct' | 'partial' | 'indirect';
  cue: string | null;
  /** The stored statement the selection overlaps, when the background stored one. */
  statementId: number | null;
  page: PageMeta;
}

export type SelectionReply = { ok: true; selection: SelectionCapture | null } | { ok: false; error: string };
/** The statements the content script found on its page, with the page (null: not an article). */
export interface PageStatementsReply {
  ok: true;
  page: PageMeta | null;
  statements: StatementSnapshot[];
}
/** The content script's answer to a message it refused (foreign sender or malformed). */
export type ContentErrorReply = { ok: false; error: string };
/** Popup and background → content script: the reply to each message, by its type (undefined: none). */
export interface ReplyFromContent extends Record<ContentMessage['type'], unknown> {
  'toggle-highlights': undefined;
  'next-statement': undefined;
  'page-status': PageStatusReply;
  'read-anyway': PageStatusReply;
  'page-timings': PageTimingsReply;
  'selection-statement': SelectionReply;
  'page-statements': PageStatementsReply;
}
export type ContentReply = Exclude<ReplyFromContent[keyof ReplyFromContent], undefined> | ContentErrorReply;

/** Sends a message to a tab's content script; the reply's type follows from the message's. */
export type SendToContent = <M extends ContentMessage>(
  tabId: number,
  message: M,
) => Promise<ReplyFromContent[M['type']] | ContentErrorReply | undefined>;

/** The one typed sender to content scripts over the raw channel (`tabs.sendMessage`, or a test's fake). */
export function sendingToContent(
  raw: (tabId: number, message: ContentMessage) => Promise<unknown>,
): SendToContent {
  return (tabId, message) =>
    raw(tabId, message) as Promise<
      ReplyFromContent[(typeof message)['type']] | ContentErrorReply | undefined
    >;
}

/** Parses a message for the content script; `error` is a short, human-readable reason when it does not fit. */
export function parseContentMessage(
  raw: unknown,
): { ok: true; message: ContentMessage } | { ok: false; error: string } {
  const result = v.safeParse(ContentMessageSchema, raw);
  if (result.success) return { ok: true, message: result.output };
  return { ok: false, error: describeIssue(result.issues[0]) };
}

function describeIssue(issue: v.BaseIssue<unknown>): string {
  const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
  return `invalid message${path ? ` at ${path}` : ''}: ${issue.message}`;
}

/** Who sent a message, as the browser reports it (the fields of `runtime.MessageSender` we check). */
export interface Sender {
  id?: string;
  /** The URL of the frame that sent it: where a content script's page really is. */
  url?: string;
  /** `url`: the tab's URL, where the browser reports it; `incognito`: a private window's tab. */
  tab?: { id?: number; url?: string; incognito?: boolean };
}

/** This extension, as the receiving context knows it: `runtime.id` and `runtime.getURL('/')`. */
export interface OwnExtension {
  id: string;
  baseUrl: string;
}

/**
 * Where a message may come from. `content-script`: our content script in a tab (it reads pages and
 * hosts the card). `extension`: our background or one of our extension pages, never a tab's script.
 */
export type SenderKind = 'content-script' | 'extension';

/** Every message the background accepts is sent by our content script from a tab. */
export const BACKGROUND_MESSAGE_SENDERS: Record<BackgroundMessage['type'], SenderKind> = {
  'ingest-page': 'content-script',
  'prepare-store': 'content-script',
  'wake-up': 'content-script',
  'extract-article': 'content-script',
  'save-statement': 'content-script',
  'save-snapshot': 'content-script',
  'open-view': 'content-script',
};

/**
 * Null when `sender` may send a message of this kind; else why not. Only this extension's own
 * contexts are ever accepted: another extension, a web page or a sender without an id is refused.
 */
export function senderProblem(
  sender: Sender | undefined,
  own: OwnExtension,
  kind: SenderKind,
): string | null {
  if (!sender?.id || sender.id !== own.id) return 'refused: the message was not sent by Saywho';
  if (kind === 'content-script') {
    if (typeof sender.tab?.id !== 'number') return 'refused: this message must come from a page in a tab';
    return null;
  }
  // A tab's content script always reports its tab and its page's URL; our own contexts report
  // one of our URLs, or (a service worker, in Chrome) may report none.
  const fromOwnContext =
    sender.url === undefined ? sender.tab === undefined : sender.url.startsWith(own.baseUrl);
  if (!fromOwnContext) {
    return 'refused: this message must come from Saywho itself, not from a page';
  }
  return null;
}

/** Parses an incoming message; `error` is a short, human-readable reason when it does not fit. */
export function parseBackgroundMessage(
  raw: unknown,
): { ok: true; message: BackgroundMessage } | { ok: false; error: string } {
  const result = v.safeParse(BackgroundMessageSchema, raw);
  if (result.success) {
    const message = result.output;
    if (message.type !== 'ingest-page') return { ok: true, message };
    for (const [i, s] of message.statements.entries()) {
      if (s.end <= s.start) return { ok: false, error: `statement ${i}: end must be after start` };
      if (s.continues !== null && s.continues >= i) {
        return { ok: false, error: `statement ${i}: continues must point to an earlier statement` };
      }
    }
    return { ok: true, message };
  }
  return { ok: false, error: describeIssue(result.issues[0]) };
}

const ExtractedStatementSchema = v.object({
  text: v.string(),
  kind: v.picklist(['direct', 'partial', 'indirect']),
  start: v.pipe(v.number(), v.integer(), v.minValue(0)),
  end: v.pipe(v.number(), v.integer(), v.minValue(0)),
  speaker: v.nullable(
    v.object({
      name: v.pipe(shortText, v.minLength(1)),
      mention: shortText,
      mentionStart: v.pipe(v.number(), v.integer(), v.minValue(-1)),
    }),
  ),
  cue: v.nullable(shortText),
  continues: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
});

/** The reply's envelope; its statements are checked one by one (`extractReplySteps`). */
const ExtractArticleReplySchema = v.variant('ok', [
  v.object({ ok: v.literal(true), statements: v.array(v.unknown()) }),
  v.object({ ok: v.literal(false), error: v.pipe(v.string(), v.maxLength(1_000)) }),
]);

type ExtractReplyCheck = { ok: true; statements: Statement[] } | { ok: false; error: string };

/** Statements checked between two pauses: a long article's reply is checked over several tasks. */
const STATEMENTS_A_STEP = 256;

/**
 * Checks the background's answer to `extract-article` against the text that was sent, before the
 * page paints anything from it: the shape, and that every statement is where it says it is (its
 * words are the text's between `start` and `end`, its speaker's mention at `mentionStart`) and
 * continues an earlier statement only. `error` says what did not fit; a reply that does not fit is
 * dropped whole, never painted in part. A generator that yields every few hundred statements, so
 * the page can be given turns (`parseExtractArticleReply` runs it in one go).
 */
export function* extractReplySteps(text: string, raw: unknown): Generator<void, ExtractReplyCheck, void> {
  const result = v.safeParse(ExtractArticleReplySchema, raw);
  if (!result.success) return { ok: false, error: replyIssue(result.issues[0]) };
  const reply = result.output;
  if (!reply.ok) return { ok: false, error: `the background could not read the article: ${reply.error}` };
  const statements: Statement[] = [];
  for (const [i, item] of reply.statements.entries()) {
    if (i > 0 && i % STATEMENTS_A_STEP === 0) yield;
    const parsed = v.safeParse(ExtractedStatementSchema, item);
    if (!parsed.success) return { ok: false, error: replyIssue(parsed.issues[0], `statements.${i}`) };
    const problem = statementProblem(text, parsed.output, i);
    if (problem) return { ok: false, error: `invalid reply at statements.${i}: ${problem}` };
    statements.push(parsed.output);
  }
  return { ok: true, statements };
}

/** `extractReplySteps` in one go. */
export function parseExtractArticleReply(text: string, raw: unknown): ExtractReplyCheck {
  const steps = extractReplySteps(text, raw);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function replyIssue(issue: v.BaseIssue<unknown>, under = ''): string {
  const path = [under, ...(issue.path?.map((p) => String(p.key)) ?? [])].filter(Boolean).join('.');
  return `invalid reply${path ? ` at ${path}` : ''}: ${issue.message}`;
}

function statementProblem(text: string, s: Statement, i: number): string | null {
  if (s.end > text.length) return `end ${s.end} is past the end of the text (${text.length})`;
  if (s.end <= s.start) return 'end must be after start';
  if (text.slice(s.start, s.end) !== s.text) return 'its text is not the text between start and end';
  if (s.continues !== null && s.continues >= i) return 'continues must point to an earlier statement';
  const speaker = s.speaker;
  if (speaker && speaker.mentionStart !== -1) {
    const end = speaker.mentionStart + speaker.mention.length;
    if (end > text.length) return `the mention ends past the end of the text (${text.length})`;
    if (text.slice(speaker.mentionStart, end) !== speaker.mention)
      return 'the mention is not the text at mentionStart';
  }
  return null;
}

/**
 * The in-page card and the content script that hosts it. The card is an extension page in a frame
 * (`entrypoints/card/`), so the page's scripts can neither read what it shows (another page's
 * title and site, counts from the reader's store) nor click it. The two sides talk over one
 * `MessagePort`, handed to the frame once with a nonce the page never sees (the frame's name);
 * every message on it is validated like any other.
 */
export const CARD_PORT_HANDSHAKE = 'saywho-card-port';

const StrongestRelationSchema: v.GenericSchema<StrongestRelation> = v.object({
  type: RelationTypeSchema,
  conflict: v.boolean(),
  reason: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
  otherSpeaker: v.nullable(shortText),
  otherTitle: v.pipe(v.string(), v.maxLength(1_000)),
  otherSite: v.pipe(v.string(), v.maxLength(1_000)),
  otherUrl: v.union([v.literal(''), url]),
});

const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const StatementSummarySchema: v.GenericSchema<StatementSummary> = v.object({
  statementId: count,
  related: count,
  conflicts: count,
  saved: v.boolean(),
  strongest: v.nullable(StrongestRelationSchema),
});

/** Everything the card shows: the statement, what the store said (null: not yet), the save state. */
export const CardStateSchema = v.object({
  statement: v.object({
    text: v.pipe(v.string(), v.maxLength(MAX_TEXT)),
    kind: v.picklist(['direct', 'partial', 'indirect']),
    speaker: v.nullable(shortText),
    mention: v.nullable(shortText),
    cue: v.nullable(shortText),
  }),
  summary: v.nullable(StatementSummarySchema),
  collecting: v.boolean(),
  /** The page is in a private window: nothing of it is kept, so nothing is offered to save. */
  privateWindow: v.optional(v.boolean()),
  status: v.object({ saving: v.boolean(), error: v.nullable(v.pipe(v.string(), v.maxLength(1_000))) }),
});
export type CardState = v.InferOutput<typeof CardStateSchema>;

/** Content script → card frame: what to show (null: nothing, the card is closed), or take focus. */
export const CardHostMessageSchema = v.variant('type', [
  v.object({ type: v.literal('card-state'), state: v.nullable(CardStateSchema) }),
  v.object({ type: v.literal('card-focus') }),
]);
export type CardHostMessage = v.InferOutput<typeof CardHostMessageSchema>;

/** Card frame → content script: the card is drawn (the frame may show), and the reader's actions. */
export const CardFrameMessageSchema = v.variant('type', [
  v.object({ type: v.literal('card-ready') }),
  v.object({ type: v.literal('card-save') }),
  v.object({ type: v.literal('card-open-view') }),
  v.object({ type: v.literal('card-close') }),
]);
export type CardFrameMessage = v.InferOutput<typeof CardFrameMessageSchema>;

/** The message if `raw` is one of `schema`'s, else null (a stray message is ignored, never acted on). */
export function parseCardMessage<T>(schema: v.GenericSchema<unknown, T>, raw: unknown): T | null {
  const result = v.safeParse(schema, raw);
  return result.success ? result.output : null;
}
