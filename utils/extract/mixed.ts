/**
 * Passes over all drafts once every quotation has one: mixed quotes (a reported clause that holds
 * a quotation is not annotated twice) and pull quotes (a quotation set apart as its own paragraph
 * repeats words someone says elsewhere in the article).
 */

import type { Draft } from './drafts';
import { isFunctionWordLite } from './quote-attribution';
import type { QuoteSpan } from './quotes';
import { isSpace, type Paragraph } from './text';

const COORD = new Set(['or', 'and', 'but', 'nor']);

/**
 * Mixed quotes: an indirect clause that contains a kept quotation is not double-annotated. If
 * the quotation only continues a complete clause ("… all the hostages “or it is over for you”"),
 * the clause is trimmed to end before it; otherwise the indirect segment is dropped.
 */
export function resolveMixed(text: string, drafts: Draft[]): Draft[] {
  const quotes = drafts.filter((d) => d.quote).sort((a, b) => a.start - b.start);
  const out: Draft[] = [];
  for (const d of drafts) {
    if (d.quote) {
      out.push(d);
      continue;
    }
    // quotes whose opening mark lies before d.end and that end after d.start (binary search)
    let lo = 0;
    let hi = quotes.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((quotes[mid] as Draft).end <= d.start) lo = mid + 1;
      else hi = mid;
    }
    const inner: Draft[] = [];
    for (let k = lo; k < quotes.length && inner.length === 0; k++) {
      const q = quotes[k] as Draft;
      if (q.quote && q.quote.open >= d.end) break;
      if (q.quote && q.end > d.start) inner.push(q);
    }
    if (inner.length === 0) {
      out.push(d);
      continue;
    }
    const q = inner[0] as Draft;
    const open = (q.quote as QuoteSpan).open;
    if (open <= d.start) continue;
    // "… hybrid models, which she described as “…”": the quotation lies in a non-restrictive
    // relative clause after the reported clause, which ends before its comma
    const rel = relativeBefore(text, d.start, open);
    if (rel > 0) {
      d.end = rel;
      out.push(d);
      continue;
    }
    const firstWord =
      text
        .slice(q.start, Math.min(q.end, q.start + 6))
        .split(/[\s,]/)[0]
        ?.toLowerCase() ?? '';
    let e = open;
    while (e > d.start && (isSpace(text[e - 1]) || text[e - 1] === ',')) e--;
    const body = text.slice(d.start, e);
    const words = body.split(' ').length;
    const lastWord = body.slice(body.lastIndexOf(' ') + 1).toLowerCase();
    if (COORD.has(firstWord) && words >= 3 && !isFunctionWordLite(lastWord)) {
      d.end = e;
      if (q.continues === null && q.resolved && d.resolved && q.resolved.name === d.resolved.name)
        q.continues = d;
      out.push(d);
    }
  }
  return out;
}

/**
 * Where a reported clause [start, …) ends when a non-restrictive relative clause (", which …",
 * ", who …"; Quirk §17.22) opens between it and a quotation opening at `open`: the offset of the
 * comma, or -1. The words before it must be a clause of three words or more.
 */
function relativeBefore(text: string, start: number, open: number): number {
  const span = text.slice(start, open);
  let at = -1;
  for (const m of span.matchAll(/,\s+(?:which|who|whom|whose)\b/g)) at = m.index ?? -1;
  if (at < 0 || span.slice(0, at).trim().split(/\s+/).length < 3) return -1;
  return start + at;
}

/** Lower-case words of a span, for comparing quotations ("A messy, messy mess" → "a messy messy mess"). */
function wordsOf(text: string): string {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).join(' ');
}

/** How many words a heading may leave out of the quotation it condenses, per word it keeps. */
const CONDENSED = 0.5;

/**
 * Does a heading condense a quotation: its words, in order, within a stretch of the quotation no
 * longer than its own length and half again ("It's just under the surface" of "it's just bubbling
 * under the surface")? Headings drop words to fit; they do not reorder them. At least four words.
 */
function condenses(heading: string, quote: string): boolean {
  const h = heading.split(' ');
  if (h.length < 4) return false;
  const q = quote.trim().split(' ');
  const reach = Math.floor(h.length * (1 + CONDENSED));
  for (let start = 0; start < q.length; start++) {
    if (q[start] !== h[0]) continue;
    let k = 1;
    for (let i = start + 1; i < q.length && i < start + reach && k < h.length; i++) if (q[i] === h[k]) k++;
    if (k === h.length) return true;
  }
  return false;
}

/**
 * Pull quotes: a quotation that makes up a paragraph of its own (a heading or a pull quote set
 * apart from the text) and has no attribution of its own repeats words someone says elsewhere
 * in the article; it is theirs. Drafts are changed in place.
 */
export function pullQuotes(text: string, paras: Paragraph[], drafts: Draft[]): void {
  const bare = (a: number, b: number) => text.slice(a, b).replace(/[\s'"‘’“”.,!?]/g, '').length;
  // the words of every quotation with a speaker, its own or continued from the quotation before
  // it ("… ,” said Black Elk. / “The thing is, …”), computed once; a short heading is
  // looked up in them (at most 40 headings, so that the work stays linear in the text)
  let sources: Array<{ words: string; d: Draft }> | null = null;
  let looked = 0;
  for (const d of drafts) {
    if (!d.quote || (d.resolved && !d.inherited)) continue;
    const para = paras[d.quote.para];
    // a paragraph of its own: nothing but the quotation, its marks and punctuation
    if (!para || para.end - para.start > d.end - d.start + 8 || d.end - d.start > 200) continue;
    if (bare(para.start, para.end) !== bare(d.start, d.end)) continue;
    const words = wordsOf(text.slice(d.start, d.end));
    if (words.split(' ').length < 2 || ++looked > 40) continue;
    sources ??= drafts
      .filter((e) => e.quote && e.resolved)
      .map((e) => ({ words: ` ${wordsOf(text.slice(e.start, e.end))} `, d: e }));
    const source = (
      sources.find((e) => e.d !== d && e.words.includes(` ${words} `)) ??
      sources.find((e) => e.d !== d && condenses(words, e.words))
    )?.d;
    if (!source?.speaker) continue;
    d.resolved = source.resolved;
    d.speaker = { ...source.speaker, mentionStart: -1 };
    d.cue = source.cue;
    d.inherited = true;
  }
}
