/**
 * Scorer for the extractor against hand-annotated gold (pure; no I/O).
 *
 * Definitions
 * - Gold statements are the gold quotes minus `scare` quotes (scare quotes are non-statements: a
 *   prediction on one counts as a false positive).
 * - overlap(g, p) = |g ∩ p| / max(|g|, |p|), over UTF-16 character ranges. It is 1 only for
 *   identical spans and penalises both over- and under-extension.
 * - At a threshold t (0.3 and 0.8), gold and predicted spans are paired one-to-one, greedily by
 *   decreasing overlap, among pairs with overlap ≥ t. precision = pairs / predicted,
 *   recall = pairs / gold, F1 = harmonic mean (all reported as percentages).
 * - Speaker accuracy: over the pairs matched at ≥ 30% whose gold quote has a speaker, the share
 *   whose predicted speaker name matches the gold speaker (see `speakerMatches`).
 * - Kind agreement: share of ≥ 30% pairs whose predicted kind equals the gold kind.
 * - Recall by kind: per gold kind, matched gold / gold of that kind, at ≥ 30% and ≥ 80%.
 * - Gold items marked `optional` (borderline: a belief verb, a clip with no reporting verb, a kind
 *   that could as well be scare) count neither as a miss nor as a false positive: they are left
 *   out of the gold, and a prediction that no other gold item takes at ≥ 30% but that overlaps an
 *   optional item at ≥ 30% is left out of the predictions (counted in `ignored`).
 */

import type { Statement, StatementKind } from '../utils/extract/types';

export interface GoldSpeaker {
  id: string;
  name: string;
  type?: string;
  aliases?: string[];
}

export interface GoldQuote {
  id: string;
  kind: StatementKind | 'scare';
  text: string;
  start: number;
  speaker: string | null;
  mention?: string | null;
  cue?: string | null;
  continues?: string | null;
  /** A borderline item: neither a miss when not found nor a false positive when found. */
  optional?: boolean;
  /** The annotator's remark (not scored). */
  note?: string;
}

export interface GoldDoc {
  speakers: GoldSpeaker[];
  quotes: GoldQuote[];
}

export interface PRF {
  tp: number;
  predicted: number;
  gold: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface KindRecall {
  gold: number;
  matched30: number;
  matched80: number;
}

export interface Score {
  at30: PRF;
  at80: PRF;
  /** Pairs at ≥ 30% whose gold has a speaker. */
  speakerPairs: number;
  speakerCorrect: number;
  speakerAccuracy: number;
  kindAgreement: number;
  byKind: Record<StatementKind, KindRecall>;
  /** Predictions left out because they fall on an optional gold item (see the definitions above). */
  ignored: number;
  /** Diagnostics: unmatched gold ids at 30%, unmatched predicted spans at 30%, wrong speakers. */
  missed: string[];
  spurious: Array<{ start: number; end: number; text: string }>;
  wrongSpeaker: Array<{ id: string; gold: string; predicted: string | null }>;
}

export function overlap(gs: number, ge: number, ps: number, pe: number): number {
  const inter = Math.max(0, Math.min(ge, pe) - Math.max(gs, ps));
  const denom = Math.max(ge - gs, pe - ps);
  return denom > 0 ? inter / denom : 0;
}

interface Pair {
  g: number;
  p: number;
  o: number;
}

function match(gold: GoldQuote[], pred: Statement[], t: number): Pair[] {
  const cands: Pair[] = [];
  for (let g = 0; g < gold.length; g++) {
    const gq = gold[g] as GoldQuote;
    const ge = gq.start + gq.text.length;
    for (let p = 0; p < pred.length; p++) {
      const ps = pred[p] as Statement;
      if (ps.end <= gq.start || ps.start >= ge) continue;
      const o = overlap(gq.start, ge, ps.start, ps.end);
      if (o >= t) cands.push({ g, p, o });
    }
  }
  cands.sort((a, b) => b.o - a.o || a.g - b.g || a.p - b.p);
  const usedG = new Set<number>();
  const usedP = new Set<number>();
  const out: Pair[] = [];
  for (const c of cands) {
    if (usedG.has(c.g) || usedP.has(c.p)) continue;
    usedG.add(c.g);
    usedP.add(c.p);
    out.push(c);
  }
  return out;
}

function prf(tp: number, predicted: number, gold: number): PRF {
  const precision = predicted > 0 ? (100 * tp) / predicted : gold === 0 ? 100 : 0;
  const recall = gold > 0 ? (100 * tp) / gold : 100;
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, predicted, gold, precision, recall, f1 };
}

const STOP = new Set([
  'a',
  'an',
  'the',
  'of',
  'to',
  'with',
  'and',
  'or',
  'who',
  'that',
  'by',
  'in',
  'on',
  'at',
  'for',
  'from',
  'both',
  'his',
  'her',
  'their',
  'its',
]);

/** Lower-case, straight apostrophes, no soft hyphens, no trailing parenthetical, no leading "the". */
export function normalizeName(s: string): string {
  let t = s
    .replace(/\u00ad/g, '')
    .replace(/[\u2018\u2019]/g, "'")
    .trim();
  // drop one trailing parenthetical such as "(unnamed)" (bounded, no nesting)
  const open = t.lastIndexOf('(');
  if (open > 0 && t.endsWith(')')) t = t.slice(0, open).trim();
  t = t.toLowerCase().replace(/\s+/g, ' ');
  if (t.startsWith('the ')) t = t.slice(4);
  return t;
}

function contentWords(s: string): Set<string> {
  const out = new Set<string>();
  for (const raw of normalizeName(s).split(/[\s,/]+/)) {
    let w = raw.replace(/^[^a-z0-9]+|[^a-z0-9.]+$/g, '');
    if (w.endsWith("'s")) w = w.slice(0, -2);
    if (w.length === 0 || STOP.has(w)) continue;
    if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
    out.add(w);
  }
  return out;
}

/**
 * Does a predicted canonical name denote the gold speaker? Case-insensitive equality with the
 * gold name or one of its aliases (ignoring a trailing parenthetical such as "(unnamed)" and a
 * leading "the"). For anonymous speakers, also accepted when the content words overlap strongly:
 * at least 75% of the predicted content words occur in the gold name or an alias, and they cover
 * at least half of that name's/alias's content words.
 */
export function speakerMatches(predicted: string, gold: GoldSpeaker): boolean {
  const p = normalizeName(predicted);
  const forms = [gold.name, ...(gold.aliases ?? [])];
  for (const f of forms) if (normalizeName(f) === p) return true;
  if (gold.type === 'anonymous') {
    const pw = contentWords(predicted);
    if (pw.size === 0) return false;
    for (const f of forms) {
      const gw = contentWords(f);
      if (gw.size === 0) continue;
      let inter = 0;
      for (const w of pw) if (gw.has(w)) inter++;
      if (inter / pw.size >= 0.75 && inter / gw.size >= 0.5) return true;
    }
  }
  return false;
}

/** Predictions that no required gold item takes at ≥ 30% and that overlap an optional item at ≥ 30%. */
function onOptional(required: GoldQuote[], optional: GoldQuote[], predicted: Statement[]): Set<number> {
  const out = new Set<number>();
  if (optional.length === 0) return out;
  const taken = new Set(match(required, predicted, 0.3).map((m) => m.p));
  predicted.forEach((p, i) => {
    if (taken.has(i)) return;
    for (const o of optional) {
      if (overlap(o.start, o.start + o.text.length, p.start, p.end) >= 0.3) {
        out.add(i);
        return;
      }
    }
  });
  return out;
}

export function score(goldDoc: GoldDoc, allPredicted: Statement[], _text?: string): Score {
  const gold = goldDoc.quotes.filter((q) => q.kind !== 'scare' && !q.optional);
  const ignoredSet = onOptional(
    gold,
    goldDoc.quotes.filter((q) => q.optional),
    allPredicted,
  );
  const predicted = ignoredSet.size > 0 ? allPredicted.filter((_, i) => !ignoredSet.has(i)) : allPredicted;
  const speakers = new Map(goldDoc.speakers.map((s) => [s.id, s]));
  const m30 = match(gold, predicted, 0.3);
  const m80 = match(gold, predicted, 0.8);
  const kinds: StatementKind[] = ['direct', 'partial', 'indirect'];
  const byKind = {} as Record<StatementKind, KindRecall>;
  for (const k of kinds) byKind[k] = { gold: 0, matched30: 0, matched80: 0 };
  for (const g of gold) {
    const k = byKind[g.kind as StatementKind];
    if (k) k.gold++;
  }
  for (const m of m30) {
    const k = byKind[(gold[m.g] as GoldQuote).kind as StatementKind];
    if (k) k.matched30++;
  }
  for (const m of m80) {
    const k = byKind[(gold[m.g] as GoldQuote).kind as StatementKind];
    if (k) k.matched80++;
  }
  let speakerPairs = 0;
  let speakerCorrect = 0;
  let kindSame = 0;
  const wrongSpeaker: Score['wrongSpeaker'] = [];
  for (const m of m30) {
    const g = gold[m.g] as GoldQuote;
    const p = predicted[m.p] as Statement;
    if (p.kind === g.kind) kindSame++;
    if (!g.speaker) continue;
    const gs = speakers.get(g.speaker);
    if (!gs) continue;
    speakerPairs++;
    if (p.speaker && speakerMatches(p.speaker.name, gs)) speakerCorrect++;
    else wrongSpeaker.push({ id: g.id, gold: gs.name, predicted: p.speaker ? p.speaker.name : null });
  }
  const matchedG = new Set(m30.map((m) => m.g));
  const matchedP = new Set(m30.map((m) => m.p));
  return {
    at30: prf(m30.length, predicted.length, gold.length),
    at80: prf(m80.length, predicted.length, gold.length),
    speakerPairs,
    speakerCorrect,
    speakerAccuracy: speakerPairs > 0 ? (100 * speakerCorrect) / speakerPairs : 100,
    kindAgreement: m30.length > 0 ? (100 * kindSame) / m30.length : 100,
    byKind,
    ignored: ignoredSet.size,
    missed: gold.filter((_, i) => !matchedG.has(i)).map((g) => g.id),
    spurious: predicted
      .filter((_, i) => !matchedP.has(i))
      .map((p) => ({ start: p.start, end: p.end, text: p.text.slice(0, 80) })),
    wrongSpeaker,
  };
}

/** Sums several documents' scores (micro-average). */
export function combine(scores: Score[]): Score {
  let tp30 = 0;
  let tp80 = 0;
  let pred = 0;
  let gold = 0;
  let sp = 0;
  let sc = 0;
  let kindSameWeighted = 0;
  let ignored = 0;
  const byKind: Record<StatementKind, KindRecall> = {
    direct: { gold: 0, matched30: 0, matched80: 0 },
    partial: { gold: 0, matched30: 0, matched80: 0 },
    indirect: { gold: 0, matched30: 0, matched80: 0 },
  };
  for (const s of scores) {
    tp30 += s.at30.tp;
    tp80 += s.at80.tp;
    pred += s.at30.predicted;
    gold += s.at30.gold;
    sp += s.speakerPairs;
    sc += s.speakerCorrect;
    kindSameWeighted += (s.kindAgreement * s.at30.tp) / 100;
    ignored += s.ignored;
    for (const k of Object.keys(byKind) as StatementKind[]) {
      byKind[k].gold += s.byKind[k].gold;
      byKind[k].matched30 += s.byKind[k].matched30;
      byKind[k].matched80 += s.byKind[k].matched80;
    }
  }
  return {
    at30: prf(tp30, pred, gold),
    at80: prf(tp80, pred, gold),
    speakerPairs: sp,
    speakerCorrect: sc,
    speakerAccuracy: sp > 0 ? (100 * sc) / sp : 100,
    kindAgreement: tp30 > 0 ? (100 * kindSameWeighted) / tp30 : 100,
    byKind,
    ignored,
    missed: scores.flatMap((s) => s.missed),
    spurious: scores.flatMap((s) => s.spurious),
    wrongSpeaker: scores.flatMap((s) => s.wrongSpeaker),
  };
}

/** Where `placeIn` puts a statement whose words are not in the text: far outside it, matching no gold. */
export const NOT_IN_TEXT = -1_000_000;

/**
 * Re-anchors statements found in one reading of an article (say, its saved HTML) into another (its
 * plain text) by their words, in order, so they can be scored against that text's gold. A statement
 * whose words are not in the text gets offsets at NOT_IN_TEXT: it came from outside the article.
 */
export function placeIn(text: string, statements: Statement[]): Statement[] {
  let from = 0;
  return statements.map((s) => {
    let at = text.indexOf(s.text, from);
    if (at === -1) at = text.indexOf(s.text);
    if (at === -1) return { ...s, start: NOT_IN_TEXT, end: NOT_IN_TEXT + s.text.length };
    from = at + s.text.length;
    return { ...s, start: at, end: at + s.text.length };
  });
}

/** A plain-text table of figures (for logs and reports). */
export function formatRow(label: string, s: Score): string {
  const f = (n: number) => n.toFixed(1).padStart(5);
  const kr = (k: KindRecall) => (k.gold > 0 ? `${f((100 * k.matched80) / k.gold)}` : '    -');
  return `${label.padEnd(14)} P30 ${f(s.at30.precision)} R30 ${f(s.at30.recall)} F30 ${f(s.at30.f1)} | P80 ${f(s.at80.precision)} R80 ${f(s.at80.recall)} F80 ${f(s.at80.f1)} | spk ${f(s.speakerAccuracy)} (${s.speakerCorrect}/${s.speakerPairs}) | kind ${f(s.kindAgreement)} | R80 dir ${kr(s.byKind.direct)} par ${kr(s.byKind.partial)} ind ${kr(s.byKind.indirect)} | gold ${s.at30.gold} pred ${s.at30.predicted}`;
}

/**
 * The figures as a Markdown table, one row per label, every column padded to its widest cell so
 * the table also reads aligned as plain text, whatever the length of the labels.
 */
export function formatTable(rows: ReadonlyArray<{ label: string; score: Score }>): string {
  const f = (n: number) => n.toFixed(1);
  const kr = (k: KindRecall) => (k.gold > 0 ? f((100 * k.matched80) / k.gold) : '-');
  const header = [
    'data',
    'P30',
    'R30',
    'F30',
    'P80',
    'R80',
    'F80',
    'speaker',
    'kind',
    'R80 direct',
    'R80 partial',
    'R80 indirect',
    'gold',
    'pred',
  ];
  const body = rows.map(({ label, score: s }) => [
    label,
    f(s.at30.precision),
    f(s.at30.recall),
    f(s.at30.f1),
    f(s.at80.precision),
    f(s.at80.recall),
    f(s.at80.f1),
    `${f(s.speakerAccuracy)} (${s.speakerCorrect}/${s.speakerPairs})`,
    f(s.kindAgreement),
    kr(s.byKind.direct),
    kr(s.byKind.partial),
    kr(s.byKind.indirect),
    String(s.at30.gold),
    String(s.at30.predicted),
  ]);
  const widths = header.map((h, c) => Math.max(h.length, 3, ...body.map((r) => (r[c] as string).length)));
  // The label column reads left-aligned, the figures right-aligned.
  const cell = (text: string, c: number) =>
    c === 0 ? text.padEnd(widths[c] as number) : text.padStart(widths[c] as number);
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${widths.map((w, c) => (c === 0 ? '-'.repeat(w) : `${'-'.repeat(w - 1)}:`)).join(' | ')} |`;
  return [line(header), rule, ...body.map(line)].join('\n');
}
