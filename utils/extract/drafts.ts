/**
 * The working state the extraction passes share: statement drafts (a statement before its final
 * index is known) and the context object the per-quote steps read and extend, plus how a draft's
 * speaker is recorded.
 */

import type { Attribution } from './attribution';
import type { IndirectCandidate, ListContext } from './indirect';
import type { QuoteSpan } from './quotes';
import type { SentenceTagger } from './reported';
import type { NameRegistry, NP, Resolved, Resolver } from './speakers';
import { key, type Paragraph } from './text';
import type { SpeakerRef, StatementKind } from './types';

export interface Draft {
  start: number;
  end: number;
  kind: StatementKind;
  speaker: SpeakerRef | null;
  resolved: Resolved | null;
  cue: string | null;
  /** Draft (not index) this one continues. */
  continues: Draft | null;
  quote: QuoteSpan | null;
  para: number;
  /** Waiting for an attribution later in a multi-paragraph quotation. */
  pending?: boolean;
  /** The attribution was inherited from another segment. */
  inherited: boolean;
  attribution: Attribution | null;
}

/** One quotation on its way to a draft: what the per-quote steps have found so far. */
export interface QuoteState {
  readonly q: QuoteSpan;
  readonly para: Paragraph;
  kind: StatementKind;
  att: Attribution | null;
  res: Resolved | null;
  /** The speaker was taken from another segment or from the context. */
  inherited: boolean;
  /** The segment this one continues. */
  cont: Draft | null;
  /** Waiting for an attribution later in a multi-paragraph quotation. */
  pending: boolean;
}

/** What the per-quote steps share once the article has been scanned and its reported clauses found. */
export interface ExtractContext {
  readonly text: string;
  readonly paras: Paragraph[];
  /** The quotations outside boilerplate paragraphs, in document order. */
  readonly quotes: QuoteSpan[];
  readonly names: NameRegistry;
  readonly resolver: Resolver;
  /** The tagger in use now (read at each use: tests may swap it). */
  readonly tagger: () => SentenceTagger | null;
  /** Letters outside quotation marks per paragraph (a quote-only paragraph has none). */
  readonly outsideLetters: number[];
  /** List items under an introduction ("X also said:"), by paragraph. */
  readonly lists: Map<number, ListContext>;
  /** Reported clauses of both passes, in document order, not overlapping. */
  readonly indirect: IndirectCandidate[];
  /** Drafts so far, in the order they were made. */
  readonly drafts: Draft[];
  /** The first reported clause not yet turned into a draft. */
  nextIndirect: number;
}

export function toSpeaker(np: NP | null, res: Resolved | null, inherited: boolean): SpeakerRef | null {
  if (!res) return null;
  // a soft hyphen (U+00AD) is invisible in the page: no part of the name a reader sees
  const name = res.name.replace(/\u00ad/g, '');
  if (!np) return { name, mention: name, mentionStart: -1 };
  return { name, mention: np.text, mentionStart: inherited ? -1 : np.start };
}

/** The draft of a quotation; a pending one has no speaker until its attribution turns up. */
export function quoteDraft(st: QuoteState): Draft {
  const { q, pending } = st;
  const att = pending ? null : st.att;
  const res = pending ? null : st.res;
  const inherited = !pending && st.inherited;
  const d: Draft = {
    start: q.start,
    end: q.end,
    kind: st.kind,
    speaker: toSpeaker(att?.np ?? null, res, inherited),
    resolved: res,
    cue: att ? att.cue.text : null,
    continues: st.cont,
    quote: q,
    para: q.para,
    inherited,
    attribution: att,
  };
  if (pending) d.pending = true;
  return d;
}

/** A person's appositive ("Ana Ruiz, the mayor") becomes a role the registry knows them by. */
export function registerRoles(ctx: ExtractContext, np: NP | null, res: Resolved): void {
  if (!np) return;
  const app = (np as NP & { appositive?: NP | null }).appositive;
  if (app && res.kind === 'person') {
    const words = app.tokens.map((t) => key(t.text)).filter((w) => w !== 'the' && w !== 'a' && w !== 'an');
    ctx.names.addRole(res.key, words.join(' '));
  }
}
