/**
 * `npm run --silent cli -- eval [--docs] [--errors] [--json] [--calibrate]` (`--calibrate` also writes
 * the conflict cues' tune tallies into utils/match/conflict-calibration.ts, scripts/calibrate.ts): scores the extractor against the
 * gold (`--region`: the article text read from each saved page instead, see region-eval.ts); scores the extractor against the
 * gold in test/fixtures, on the two parts of the fixed tune/check split (scripts/corpus.ts,
 * test/fixtures/split.json), then the relations on the seeds.
 *
 * Rows, always: per part, the seeds (tune only), the pages read from their `article.txt`, the
 * same pages read from their saved HTML through the extension's own article-region code, the
 * Wikinews articles, "all" (every document once, from its text), and the invented news articles
 * (`test/fixtures/invented-news`, dev half as tune), which "all" leaves out. `--docs` adds one row per
 * tune document and `--errors` lists the tune documents' misses, false positives and wrong
 * speakers. The check part is only ever shown as aggregate figures: no per-document row, no error.
 * `--json` prints the same rows as one JSON object instead of tables.
 *
 * For HTML, statements are placed in the gold text by their words (the HTML reading has its own
 * offsets); a statement whose words are not in the gold article text counts as a false positive:
 * it came from outside the article.
 */
import { extract } from '../utils/extract';
import { calibrationTallies, formatCalibration, writeCalibration } from './calibrate';
import { type CorpusDoc, loadCorpus, loadInventedNews, type Part } from './corpus';
import { evaluateHeadlines, formatHeadlines } from './headline-eval';
import { evaluateInvented, formatInvented } from './invented-headlines';
import { loadArticle } from './load-article';
import { evaluateRelations, formatRelations } from './relations-eval';
import { evaluateOpenRelations, formatOpenRelations } from './relations-open-eval';
import { formatReprints, reprintCases, summariseReprints } from './reprint-eval';
import { combine, formatTable, type KindRecall, NOT_IN_TEXT, placeIn, type Score, score } from './score';

export interface EvalRow {
  part: Part;
  label: string;
  /** Documents in the row. */
  docs: number;
  score: Score;
}

export interface EvalResult {
  /** Aggregate rows of both parts, tune first. */
  rows: EvalRow[];
  /** One row per tune document and reading (`<name> txt`, `<name> html`); none for the check part. */
  tuneDocs: Array<EvalRow & { name: string }>;
}

interface DocScores {
  doc: CorpusDoc;
  txt: Score;
  html?: Score;
}

export function scoreDoc(doc: CorpusDoc): DocScores {
  const txt = score(doc.gold, extract(doc.text), doc.text);
  if (!doc.html) return { doc, txt };
  const page = loadArticle(doc.html);
  return { doc, txt, html: score(doc.gold, placeIn(doc.text, extract(page.text)), doc.text) };
}

function shortName(doc: CorpusDoc): string {
  if (doc.source === 'seed') return `seed ${doc.name.slice(0, 3)}`;
  if (doc.source === 'wikinews') return doc.name.replace(/^GUM_news_/, 'wikinews ');
  return doc.name;
}

export function evaluate(
  docs: CorpusDoc[] = loadCorpus(),
  fresh: CorpusDoc[] = loadInventedNews(),
): EvalResult {
  const scored = docs.map(scoreDoc);
  // the invented news set is scored apart: its own rows, outside "all" (scripts/corpus.ts)
  const freshScored = fresh.map(scoreDoc);
  const rows: EvalRow[] = [];
  const tuneDocs: EvalResult['tuneDocs'] = [];
  for (const part of ['tune', 'check'] as const) {
    const P = part.toUpperCase();
    const of = scored.filter((s) => s.doc.part === part);
    const txt = (source: CorpusDoc['source']) => of.filter((s) => s.doc.source === source).map((s) => s.txt);
    const groups: Array<[string, Score[]]> = [
      ['seeds', txt('seed')],
      ['pages txt', txt('page')],
      ['pages html', of.flatMap((s) => (s.html ? [s.html] : []))],
      ['wikinews', txt('wikinews')],
      ['all', of.map((s) => s.txt)],
    ];
    groups.push(['invented', freshScored.filter((s) => s.doc.part === part).map((s) => s.txt)]);
    for (const [label, list] of groups) {
      if (list.length > 0)
        rows.push({ part, label: `${P} ${label}`, docs: list.length, score: combine(list) });
    }
    if (part !== 'tune') continue;
    for (const s of [...of, ...freshScored.filter((f) => f.doc.part === 'tune')]) {
      const name = shortName(s.doc);
      const txtLabel = s.html ? `${name} txt` : name;
      tuneDocs.push({ part, name: s.doc.name, label: txtLabel, docs: 1, score: s.txt });
      if (s.html) tuneDocs.push({ part, name: s.doc.name, label: `${name} html`, docs: 1, score: s.html });
    }
  }
  return { rows, tuneDocs };
}

const pct = (n: number) => Math.round(n * 10) / 10;
const kindJson = (k: KindRecall) => ({
  gold: k.gold,
  recall30: k.gold > 0 ? pct((100 * k.matched30) / k.gold) : null,
  recall80: k.gold > 0 ? pct((100 * k.matched80) / k.gold) : null,
});

/** A row's figures for `--json` (no diagnostics). */
export function rowJson(r: EvalRow): Record<string, unknown> {
  const s = r.score;
  const prf = (p: Score['at30']) => ({
    precision: pct(p.precision),
    recall: pct(p.recall),
    f1: pct(p.f1),
    tp: p.tp,
  });
  return {
    part: r.part,
    label: r.label,
    docs: r.docs,
    gold: s.at30.gold,
    predicted: s.at30.predicted,
    ignoredOnOptional: s.ignored,
    at30: prf(s.at30),
    at80: prf(s.at80),
    speaker: { accuracy: pct(s.speakerAccuracy), correct: s.speakerCorrect, pairs: s.speakerPairs },
    kindAgreement: pct(s.kindAgreement),
    byKind: {
      direct: kindJson(s.byKind.direct),
      partial: kindJson(s.byKind.partial),
      indirect: kindJson(s.byKind.indirect),
    },
  };
}

function printErrors(tuneDocs: EvalResult['tuneDocs']): void {
  for (const r of tuneDocs) {
    const s = r.score;
    if (s.missed.length + s.spurious.length + s.wrongSpeaker.length === 0) continue;
    console.log(`\n${r.label}`);
    if (s.missed.length > 0) console.log(`  missed at 30%: ${s.missed.join(', ')}`);
    for (const p of s.spurious) {
      const where = p.start === NOT_IN_TEXT ? 'outside the article' : `${p.start}-${p.end}`;
      console.log(`  not in the gold: ${where} ${JSON.stringify(p.text)}`);
    }
    for (const w of s.wrongSpeaker)
      console.log(`  speaker of ${w.id}: gold ${w.gold}, predicted ${w.predicted ?? 'none'}`);
  }
}

export async function evalCommand(args: string[]): Promise<number> {
  const unknown = args.filter(
    (a) => !['--docs', '--errors', '--json', '--region', '--calibrate'].includes(a),
  );
  if (unknown.length > 0) {
    console.error(
      `cli eval: unknown option ${unknown.join(' ')} (options: --docs, --errors, --json, --region, --calibrate)`,
    );
    return 2;
  }
  if (args.includes('--region')) {
    const region = await import('./region-eval');
    const scores = region.regionScores();
    if (args.includes('--json')) console.log(JSON.stringify(scores, null, 2));
    else {
      console.log(
        "Article text read from the saved page vs Readability.js's reading (article.txt), as bags of words:",
      );
      console.log(region.formatRegion(scores, args.includes('--docs')));
      console.log(`\n${region.formatReadabilityCheck(scores)}\n`);
      console.log(region.formatAgreement(region.summariseAgreement(region.webAgreement())));
    }
    return 0;
  }
  const result = evaluate();
  const relations = await evaluateRelations();
  const reprints = await reprintCases();
  // the invented news apart, as in the extraction rows: dev as tune, check as figures only
  const reprintsInvented = await reprintCases(loadInventedNews());
  const open = evaluateOpenRelations();
  const headlines = evaluateHeadlines();
  const invented = evaluateInvented();
  const calibration = calibrationTallies(open, headlines, invented);
  if (args.includes('--calibrate')) writeCalibration(calibration.tune);
  if (args.includes('--json')) {
    const out: Record<string, unknown> = {
      extraction: result.rows.map(rowJson),
      relations: relations.byType,
      reprints: summariseReprints(reprints),
      reprintsInvented: summariseReprints(reprintsInvented, 'invented'),
      openRelations: open,
      headlines: headlines.map(({ examples: _, ...row }) => row),
      inventedHeadlines: invented,
      calibration,
    };
    if (args.includes('--docs')) out.tuneDocs = result.tuneDocs.map(rowJson);
    console.log(JSON.stringify(out, null, 2));
    return 0;
  }
  console.log(
    'Overlap = shared characters / longer span; P/R/F at ≥30% and ≥80%; speaker = speaker accuracy',
  );
  console.log(
    '(correct/pairs); kind = kind agreement; R80 direct/partial/indirect = recall at ≥80% by gold kind.',
  );
  console.log('Gold scare quotes are non-statements; gold items marked optional count neither way.');
  console.log(
    'TUNE: tune on it. CHECK: figures only (test/fixtures/split.json). "all" = every document once, from its text.\n',
  );
  if (args.includes('--docs')) {
    console.log(formatTable(result.tuneDocs));
    console.log('');
  }
  console.log(formatTable(result.rows));
  if (args.includes('--errors')) printErrors(result.tuneDocs);
  console.log('\nRelations on the seeds (extract → ingest → match, files in order 000…004):\n');
  console.log(formatRelations(relations));
  if (relations.unmatched.length > 0) {
    console.log('\nPredicted relations not in the gold:');
    for (const u of relations.unmatched) console.log(`  ${u.type} ${u.a} ~ ${u.b}: ${u.reason}`);
  }
  console.log(
    '\nReprints, end to end: each direct quote of the gold (6+ words, a named person) printed again in a\nshort invented report under another person\'s name and by its speaker with two words changed,\neach read after its article into one store. "invented": the invented news set (dev as tune, check as figures only):\n',
  );
  console.log(
    formatReprints([...summariseReprints(reprints), ...summariseReprints(reprintsInvented, 'invented')]),
  );
  console.log(
    '\nRelations on openly licensed pairs (test/fixtures/relations; classifyPair as `cli compare` uses it):\ncontradiction: first text read first, on another site, both reported claims of no named speaker;\nparaphrase: both reported claims of one named speaker; found = same-quote or altered-quote.\nBreaking-NLI is a test set (check only). TUNE: tune on it; CHECK: figures only.\n',
  );
  console.log(formatOpenRelations(open));
  console.log(
    "\nFalse conflicts on real news: each article's headline against every sentence of its own text\n(`cli compare`'s classifier, two unnamed claims); an article does not contradict its headline.\nweb = the English articles of test/fixtures/web-pages.\n",
  );
  console.log(formatHeadlines(headlines));
  console.log(
    '\nInvented claims against headlines about them (test/fixtures/headlines; two unnamed claims, as `cli compare`):\nthe first set was written while the rules were built (development data); the second was written\nbefore any rule was changed for it, and all of it is development data now (its check half was read\nwhile tuning); the third was written after that, before any output on it was seen: figures only.\n"bodies": a headline against an article body that refutes it somewhere (a denial), confirms it or\nreports it without a side; dev written while tuning, check written by a helper who read no code,\nbefore any output on it was seen: figures only. Title case is applied to the headline.\n',
  );
  console.log(formatInvented(invented));
  console.log(
    "\nConflicts by cue, every source above pooled (open pairs, paraphrases called a conflict, headlines against\ntheir own sentences, invented claim–headline pairs in sentence case); the score is Laplace's\n(right + 1) / (found + 2) on the tune part, shipped in utils/match/conflict-calibration.ts:\n",
  );
  console.log(formatCalibration(calibration));
  if (args.includes('--errors')) {
    for (const h of headlines.filter((x) => x.part === 'tune'))
      for (const e of h.examples) console.log(`  ${e}`);
    // misses of the tune part only: the check part is read as figures
    for (const c of [...reprints, ...reprintsInvented].filter(
      (r) => r.part === 'tune' && !(r.foundMisattribution && r.foundAltered),
    ))
      console.log(
        `  ${c.doc}: ${c.foundMisattribution ? '' : `no misattribution (found ${c.linksMisattributed.join(', ') || 'nothing'}) `}${c.foundAltered ? '' : `no altered quote (found ${c.linksAltered.join(', ') || 'nothing'}) `}— ${c.speaker}: “${c.quote}”`,
      );
  }
  return 0;
}
