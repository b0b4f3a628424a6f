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
  /^(image|media) (caption|source|copyright)\b/i,
  /^(getty images|copyright|©)/i,
  /^pic\.twitter\.com\//i,
  /^\u2014 [^\n]{1,80}\(@\w{1,30}\)/,
  /^(copy this link|share on|follow us|subscribe)\b/i,
];

export function isBoilerplate(text: string, p: Paragraph): boolean {
  const len = p.end - p.start;
  if (len > 160) return false;
  const s = text.slice(p.start, p.end);
  return PATTERNS.some((re) => re.test(s));
}
