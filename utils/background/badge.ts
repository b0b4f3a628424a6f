/** What the toolbar button shows for a page read: its statement count, and what was kept of it. */
import type { IngestPageReply } from '../messages';
import { PRIVATE_WINDOW_REFUSAL } from '../messages';

export interface Badge {
  text: string;
  color: string;
  /** Shown on hover. */
  title: string;
}

export function badgeOf(reply: IngestPageReply & { ok: true }): Badge {
  const count = reply.statements.length;
  const conflicts = reply.statements.some((s) => s.conflicts > 0);
  const kept = reply.private
    ? `. ${PRIVATE_WINDOW_REFUSAL}`
    : reply.autoCollect === false
      ? ' (auto-collect is off: only quotes you save are kept)'
      : '';
  return {
    text: `${count}${conflicts ? '!' : ''}`,
    color: conflicts ? '#c62828' : '#5b5b66',
    title: `Saywho: ${count} statement${count === 1 ? '' : 's'}${conflicts ? ', some in conflict' : ''}${kept}`,
  };
}
