/**
 * Boilerplate paragraphs (captions, credits, widgets) that never carry statements.
 * Checked on short paragraphs only; bounded anchored patterns.
 */

import type { Paragraph } from './text';

const PATTERNS: RegExp[] = [
  /^\d*\s*view gallery$/i,
  /^post a comment$/i,
  /^no comments:?$/i,
  /^\(?(photo|video|image|credit|source|getty|ap|reuters|afp)s?\b[^\n]{0,120}$/i,
  /^click here\b/i,
  /^(read|see|watch|listen)( more| also)?:/i,
  /^(advertisement|sponsored|related|share this|sign up)\b/i,
];

export function isBoilerplate(text: string, p: Paragraph): boolean {
  const len = p.end - p.start;
  if (len > 160) return false;
  const s = text.slice(p.start, p.end);
  return PATTERNS.some((re) => re.test(s));
}
