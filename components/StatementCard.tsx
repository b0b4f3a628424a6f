import type { StatementSummary } from '@/utils/domain';
import type { StatementKind } from '@/utils/extract/types';
import { UNATTRIBUTED } from '../utils/store/archive-search';
import { siteLabel } from './format';
import { KIND_LABEL, reasonShown, relationLabel } from './labels';

export interface CardStatement {
  text: string;
  kind: StatementKind;
  speaker: string | null;
  mention: string | null;
  cue: string | null;
}

export interface StatementCardProps {
  statement: CardStatement;
  /** What the store knows; null while the background has not answered. */
  summary: StatementSummary | null;
  /** False when auto-collect is off: nothing was compared, and Save keeps a snapshot. */
  collecting?: boolean;
  /** The page is in a private window: Saywho keeps nothing of it, so nothing is offered to save. */
  privateWindow?: boolean;
  status: { saving: boolean; error: string | null };
  onSave: () => void;
  onOpenView: () => void;
  onClose: () => void;
}

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** The small card shown over a highlighted statement. Page text is rendered as text only. */
export function StatementCard({
  statement,
  summary,
  collecting = true,
  privateWindow = false,
  status,
  onSave,
  onOpenView,
  onClose,
}: StatementCardProps) {
  const strongest = summary?.strongest ?? null;
  const conflict = strongest?.conflict === true;
  return (
    <div class="card" role="dialog" aria-label="Saywho statement" tabIndex={-1}>
      <div class="card__head">
        <span class="card__speaker">{statement.speaker ?? UNATTRIBUTED}</span>
        <button type="button" class="card__close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </div>
      <div class="card__meta">
        {KIND_LABEL[statement.kind]}
        {statement.cue ? ` · “${statement.cue}”` : ''}
        {statement.mention && statement.mention !== statement.speaker
          ? ` · named as “${statement.mention}”`
          : ''}
      </div>
      {summary && privateWindow ? (
        <div class="card__counts" data-state="private">
          Private window: Saywho keeps nothing from private windows, and did not compare this with your
          reading history.
        </div>
      ) : summary && !collecting ? (
        <div class="card__counts" data-state="collect-off">
          Auto-collect is off: Saywho did not compare this with your reading history. Save keeps it in your
          archive.
        </div>
      ) : summary ? (
        // The summary counts conflicts apart from the other relations; the reader sees every
        // related statement, conflicts among them (as the popup does: "2 related (2 conflicting)").
        <div class="card__counts">
          <span>
            {summary.related + summary.conflicts === 0
              ? 'No related statements so far'
              : plural(summary.related + summary.conflicts, 'related statement', 'related statements')}
          </span>
          {summary.conflicts > 0 ? (
            <span class="card__conflicts">
              {plural(summary.conflicts, 'possible conflict', 'possible conflicts')} among them
            </span>
          ) : null}
        </div>
      ) : (
        <div class="card__counts">Checking your reading history…</div>
      )}
      {strongest ? (
        <p class={`card__strongest${conflict ? ' card__strongest--conflict' : ''}`}>
          <strong>{relationLabel(strongest.type, conflict)}:</strong> {reasonShown(strongest.reason)}
          {strongest.otherUrl ? (
            <>
              {' — '}
              <a href={strongest.otherUrl} target="_blank" rel="noreferrer">
                {strongest.otherTitle || strongest.otherUrl}
              </a>
              {` · ${siteLabel(strongest.otherSite, strongest.otherUrl)}`}
            </>
          ) : null}
        </p>
      ) : null}
      {status.error ? (
        <p class="card__error" role="alert">
          {status.error}
        </p>
      ) : null}
      {privateWindow ? null : (
        <div class="card__actions">
          {summary?.saved ? (
            <span class="card__saved" role="status">
              Saved
            </span>
          ) : (
            <button type="button" class="card__button" disabled={!summary || status.saving} onClick={onSave}>
              {status.saving ? 'Saving…' : 'Save'}
            </button>
          )}
          <button
            type="button"
            class="card__button card__button--quiet"
            disabled={!summary}
            onClick={onOpenView}
          >
            Open in Saywho
          </button>
        </div>
      )}
    </div>
  );
}
