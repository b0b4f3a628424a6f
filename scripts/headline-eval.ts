/**
 * False conflicts on real news: each article's headline against every sentence of its own text,
 * through `classifyPair` as `cli compare` runs it (two unnamed claims on two sites). An article
 * does not contradict its own headline, so every conflict called here is a false one (a body that
 * reports a denial of what its headline says would be the exception; none was seen). This is the
 * "headline vs body sentences" task of stance data, measured where its answer is known.
 *
 * Documents: the 30 saved news pages (headline from the page's metadata, text from `article.txt`),
 * the 24 Wikinews articles (first line is the headline), split tune/check as `cli eval` splits them,
 * and the English articles of the web set (test/fixtures/web-pages, headline and text read from the
 * saved page as the extension reads it).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sentenceEnd } from '../utils/extract/text';
import { type ConflictCue, type CueTally, tallyCue } from '../utils/match/calibration';
import { classifyPair, type MatchStatement } from '../utils/match/classify';
import { FIXTURES, loadCorpus } from './corpus';
import { loadArticle } from './load-article';

export type HeadlinePart = 'tune' | 'check' | 'web';

export interface HeadlineFigures {
  part: HeadlinePart;
  docs: number;
  pairs: number;
  conflicts: number;
  /** Conflicts by the start of their reason ("the same words", "‘…’ vs …"), for reading. */
  examples: string[];
  /** The conflicts called by the cue that found them (none right). */
  byCue: Partial<Record<ConflictCue, CueTally>>;
}

/** Sentences of 4 to 80 words, for headline comparison. */
function sentences(text: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < text.length) {
    const end = sentenceEnd(text, i, text.length);
    const s = text.slice(i, end).trim();
    const words = s.split(/\s+/).length;
    if (words >= 4 && words <= 80) out.push(s);
    i = Math.max(end, i + 1);
  }
  return out;
}

/** An unnamed claim on a site, as `cli compare` reads a side with no speaker. */
export function side(text: string, site: string): MatchStatement {
  return { text, kind: 'direct', speakerName: null, speakerType: null, pageKey: site, site };
}

interface HeadlineDoc {
  name: string;
  part: HeadlinePart;
  headline: string;
  text: string;
}

function headlineDocs(): HeadlineDoc[] {
  const docs: HeadlineDoc[] = [];
  for (const d of loadCorpus()) {
    if (d.source === 'page' && d.html) {
      const title = loadArticle(d.html).title;
      if (title) docs.push({ name: d.name, part: d.part, headline: title, text: d.text });
    } else if (d.source === 'wikinews') {
      const [headline, ...rest] = d.text.split('\n');
      if (headline) docs.push({ name: d.name, part: d.part, headline, text: rest.join('\n') });
    }
  }
  const dir = join(FIXTURES, 'web-pages');
  for (const line of readFileSync(join(dir, 'labels.jsonl'), 'utf8').trim().split('\n')) {
    const l = JSON.parse(line) as { page: string; kind: string; language: string };
    const file = join(dir, `${l.page}.html`);
    if (l.kind !== 'article' || l.language !== 'en' || !existsSync(file)) continue;
    const { title, text } = loadArticle(file);
    if (title) docs.push({ name: l.page, part: 'web', headline: title, text });
  }
  return docs;
}

export function evaluateHeadlines(): HeadlineFigures[] {
  const parts = new Map<HeadlinePart, HeadlineFigures>();
  for (const part of ['tune', 'check', 'web'] as const)
    parts.set(part, { part, docs: 0, pairs: 0, conflicts: 0, examples: [], byCue: {} });
  for (const d of headlineDocs()) {
    const f = parts.get(d.part)!;
    f.docs++;
    for (const s of sentences(d.text)) {
      f.pairs++;
      const c = classifyPair(side(d.headline, 'headline.example'), side(s, 'body.example')).find(
        (r) => r.type === 'contradiction',
      );
      if (!c) continue;
      f.conflicts++;
      tallyCue(f.byCue, c.cue, false);
      f.examples.push(`${d.name}: ${c.reason.slice(0, 160)}`);
    }
  }
  return [...parts.values()];
}

export function formatHeadlines(rows: readonly HeadlineFigures[]): string {
  const lines = [
    '| part | articles | headline–sentence pairs | conflicts called (all false) | per 1,000 pairs |',
  ];
  lines.push('| --- | ---: | ---: | ---: | ---: |');
  for (const r of rows)
    lines.push(
      `| ${r.part} | ${r.docs} | ${r.pairs} | ${r.conflicts} | ${r.pairs ? ((1000 * r.conflicts) / r.pairs).toFixed(1) : '–'} |`,
    );
  return lines.join('\n');
}
