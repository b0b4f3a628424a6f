/**
 * Reprints, end to end (issue 15, point 5): every direct quote of the gold (at least six words, said
 * by a named person) is printed again in two short invented reports — under another person's name
 * (a misattribution) and by its own speaker with two words changed (an altered quote) — and each
 * report is read after the quote's article into one store, through the extension's own extraction,
 * ingest and matching. Found: the report's statement is linked to a statement of the article by
 * the expected relation. By part (tune / check, test/fixtures/split.json).
 */
import 'fake-indexeddb/auto';
import type { RelationType } from '../utils/domain';
import { extract } from '../utils/extract';
import { STOPWORDS } from '../utils/match/stopwords';
import { toPayload } from '../utils/page/read-article';
import { openDb, type SaywhoDb } from '../utils/store/db';
import { ingestPage } from '../utils/store/writes';
import { type CorpusDoc, loadCorpus, type Part } from './corpus';
import type { GoldDoc, GoldQuote } from './score';

/** A quote shorter than this is no misattribution by design (`MIN_MISATTRIBUTION_WORDS`). */
const MIN_WORDS = 6;

export interface ReprintCase {
  doc: string;
  part: Part;
  quote: string;
  speaker: string;
  /** The report under another name, and the one with two words changed. */
  misattributed: string;
  altered: string;
  /** The relations found between each report and the article. */
  linksMisattributed: RelationType[];
  linksAltered: RelationType[];
  foundMisattribution: boolean;
  foundAltered: boolean;
}

export interface ReprintPart {
  part: Part;
  /** Which documents, when not the corpus of the "all" rows ("invented"). */
  set?: string;
  quotes: number;
  misattribution: number;
  altered: number;
}

const words = (s: string) => s.split(/\s+/).filter((w) => /\p{L}/u.test(w));

/** A quote printed inside double marks: its own inner double marks become single (news style). */
const nested = (quote: string) => quote.replace(/“/g, '‘').replace(/”/g, '’');

/** A quote as printed inside marks before "…,” X said": its last full stop becomes a comma. */
function beforeAttribution(quote: string): string {
  const q = nested(quote)
    .trim()
    .replace(/[,;:]$/, '');
  if (/[?!]$/.test(q)) return q;
  return `${q.replace(/\.$/, '')},`;
}

/** A quote as printed after "X said:": ends with a full stop. */
function afterColon(quote: string): string {
  const q = nested(quote)
    .trim()
    .replace(/[,;:]$/, '');
  return /[.?!]$/.test(q) ? q : `${q}.`;
}

/**
 * The quote with two words changed: the content words (lower case, four letters or more, no
 * stopword) nearest a third and two thirds of the way through are replaced by content words of
 * another quote (`donor`).
 */
export function changeTwoWords(quote: string, donor: string): string | null {
  const tokens = quote.split(' ');
  // content words: lower case, four letters or more, not a stopword of the matcher
  const content = (w: string) => /^\p{Ll}{4,}$/u.test(w) && !STOPWORDS.has(w);
  const candidates = tokens
    .map((t, i) => ({ t, i }))
    .filter(({ t, i }) => i > 0 && content(t.replace(/[,.;:]$/, '')));
  const spare = donor
    .split(/\s+/)
    .map((w) => w.replace(/[,.;:?!”"]+$/, ''))
    .filter((w) => content(w) && !tokens.some((t) => t.toLowerCase().startsWith(w)));
  if (candidates.length < 2 || spare.length < 2) return null;
  const pick = (share: number) =>
    candidates[Math.min(candidates.length - 1, Math.floor(candidates.length * share))]!;
  const first = pick(1 / 3);
  const second = pick(2 / 3).i === first.i ? candidates[candidates.length - 1]! : pick(2 / 3);
  if (second.i === first.i) return null;
  const out = [...tokens];
  for (const [k, { t, i }] of [first, second].entries()) out[i] = spare[k]! + (t.match(/[,.;:]$/)?.[0] ?? '');
  return out.join(' ');
}

// Short reports in three shapes of news English; the misattribution and the altered quote take
// different ones so that neither is a copy of the other's frame.
const REPORTS: Array<(name: string, quote: string) => string> = [
  (name, q) => `The row continued on Monday. ${name} said: “${afterColon(q)}”`,
  (name, q) => `Reaction came quickly. “${beforeAttribution(q)}” ${name} said in an interview.`,
  (name, q) => `The remarks drew attention this week. In a statement, ${name} said: “${afterColon(q)}”`,
];

interface Quoted {
  doc: CorpusDoc;
  quote: GoldQuote;
  speaker: string;
}

/** The gold's direct quotes of at least six words said by a named person (two words or more). */
function quotable(docs: readonly CorpusDoc[]): Quoted[] {
  const out: Quoted[] = [];
  for (const doc of docs) {
    const people = new Map(
      (doc.gold as GoldDoc).speakers
        .filter((s) => s.type === 'person' && s.name.split(' ').length >= 2)
        .map((s) => [s.id, s.name]),
    );
    for (const quote of doc.gold.quotes) {
      const speaker = quote.speaker ? people.get(quote.speaker) : undefined;
      if (quote.kind === 'direct' && speaker && words(quote.text).length >= MIN_WORDS)
        out.push({ doc, quote, speaker });
    }
  }
  return out;
}

async function readInto(db: SaywhoDb, text: string, site: string, at: number): Promise<number> {
  const statements = extract(text).map((s) => toPayload(text, s));
  const { pageId } = await ingestPage(
    db,
    {
      page: { url: `https://${site}/story`, canonicalUrl: null, title: site, site, publishedAt: null },
      statements,
    },
    at,
  );
  return pageId;
}

/** The relations that link a statement of `report` to one of `article`. */
async function links(db: SaywhoDb, report: number, article: number): Promise<RelationType[]> {
  const pages = new Map((await db.statements.toArray()).map((s) => [s.id, s.pageId]));
  return (await db.relations.toArray())
    .filter((r) => {
      const ends = [pages.get(r.a), pages.get(r.b)];
      return ends.includes(report) && ends.includes(article);
    })
    .map((r) => r.type);
}

async function found(db: SaywhoDb, article: number, first: number, second: number) {
  const linksMisattributed = await links(db, first, article);
  const linksAltered = await links(db, second, article);
  return {
    linksMisattributed,
    linksAltered,
    foundMisattribution: linksMisattributed.includes('misattribution'),
    foundAltered: linksAltered.includes('altered-quote'),
  };
}

let run = 0;

/**
 * Every case, in corpus order: each quote's article, then its two reports, in a fresh store. By
 * default the corpus of `cli eval`'s "all" rows; `docs` gives another set (the invented news).
 */
export async function reprintCases(docs: readonly CorpusDoc[] = loadCorpus()): Promise<ReprintCase[]> {
  const quoted = quotable(docs);
  const cases: ReprintCase[] = [];
  for (const [n, q] of quoted.entries()) {
    // another document's person, whose surname differs: the words given to a different speaker
    const other = quoted
      .slice(n + 1)
      .concat(quoted.slice(0, n))
      .find((o) => o.doc !== q.doc && o.speaker.split(' ').pop() !== q.speaker.split(' ').pop());
    const donor = quoted[(n + 1) % quoted.length]!.quote.text;
    const changed = changeTwoWords(q.quote.text, donor);
    if (!other || !changed) continue;
    const misattributed = REPORTS[n % 3]!(other.speaker, q.quote.text);
    const altered = REPORTS[(n + 1) % 3]!(q.speaker, changed);
    const db = openDb(`saywho-reprints-${process.pid}-${run++}`);
    try {
      const t = 1_700_000_000_000;
      const article = await readInto(db, q.doc.text, `${q.doc.name}.example`, t);
      const first = await readInto(db, misattributed, 'first-report.example', t + 60_000);
      const second = await readInto(db, altered, 'second-report.example', t + 120_000);
      cases.push({
        doc: q.doc.name,
        part: q.doc.part,
        quote: q.quote.text,
        speaker: q.speaker,
        misattributed,
        altered,
        ...(await found(db, article, first, second)),
      });
    } finally {
      db.close();
      await db.delete();
    }
  }
  return cases;
}

export function summariseReprints(cases: readonly ReprintCase[], set?: string): ReprintPart[] {
  return (['tune', 'check'] as const).map((part) => {
    const of = cases.filter((c) => c.part === part);
    return {
      part,
      ...(set ? { set } : {}),
      quotes: of.length,
      misattribution: of.filter((c) => c.foundMisattribution).length,
      altered: of.filter((c) => c.foundAltered).length,
    };
  });
}

export function formatReprints(parts: readonly ReprintPart[]): string {
  const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)} %` : '—');
  return [
    '| part  | quotes | misattribution found | altered quote found |',
    '| ----- | -----: | -------------------: | ------------------: |',
    ...parts.map(
      (p) =>
        `| ${(p.set ? `${p.part} ${p.set}` : p.part).padEnd(5)} | ${p.quotes} | ${p.misattribution} (${pct(p.misattribution, p.quotes)}) | ${p.altered} (${pct(p.altered, p.quotes)}) |`,
    ),
  ].join('\n');
}
