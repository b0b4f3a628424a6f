/**
 * Paints statements with the CSS Custom Highlight API: ranges are registered by name and styled by
 * `::highlight()` rules, so the page's DOM is never touched.
 *
 * The registry is shared with the page's scripts, so only what Saywho found in the page itself is
 * painted here (a page could compute it too). What the reader's store says about a statement —
 * related, conflicting, saved — is drawn where the page cannot look (`store-marks.ts`).
 */
import type { Statement, StatementKind } from '../extract/types';
import { rangeFor, type TextModel } from './text-model';

export const HIGHLIGHT_NAMES = {
  direct: 'saywho-direct',
  partial: 'saywho-partial',
  indirect: 'saywho-indirect',
  speaker: 'saywho-speaker',
} as const;

type HighlightKey = keyof typeof HIGHLIGHT_NAMES;

/** True where the browser can paint highlights (Chromium 105+, Firefox 140+, Safari 17.2+). */
export function canHighlight(): boolean {
  return typeof CSS !== 'undefined' && 'highlights' in CSS && typeof Highlight !== 'undefined';
}

export interface PaintedStatements {
  /** Range of each statement, by index; null where the text could not be mapped back to the page. */
  ranges: (Range | null)[];
}

/**
 * Whether this content script has registered highlights: a page Saywho never painted (most pages,
 * which are not articles) never has the highlight registry touched, which costs a first access.
 */
let registered = false;

function highlightFor(key: HighlightKey, priority: number): Highlight {
  const name = HIGHLIGHT_NAMES[key];
  let h = CSS.highlights.get(name);
  if (!h) {
    h = new Highlight();
    h.priority = priority;
    CSS.highlights.set(name, h);
  }
  registered = true;
  return h;
}

export function clearHighlights(): void {
  if (!registered || !canHighlight()) return;
  for (const name of Object.values(HIGHLIGHT_NAMES)) CSS.highlights.delete(name);
  registered = false;
}

const KIND_PRIORITY: Record<StatementKind, number> = { indirect: 1, partial: 2, direct: 2 };

export function paintStatements(model: TextModel, statements: Statement[], doc: Document): PaintedStatements {
  const ranges = statements.map((s) => rangeFor(model, s.start, s.end, doc));
  if (!canHighlight()) return { ranges };
  clearHighlights();
  for (const [i, s] of statements.entries()) {
    const range = ranges[i];
    if (range) highlightFor(s.kind, KIND_PRIORITY[s.kind]).add(range);
    const sp = s.speaker;
    if (sp && sp.mentionStart >= 0 && sp.mention.length > 0) {
      const mention = rangeFor(model, sp.mentionStart, sp.mentionStart + sp.mention.length, doc);
      if (mention) highlightFor('speaker', 3).add(mention);
    }
  }
  return { ranges };
}
