/**
 * `npm run --silent cli -- eval`: scores the extractor against the gold in test/fixtures.
 *
 * Rows: each seed article, each real page read from its plain text, and each real page read from
 * its saved HTML through the extension's own article-region code. For HTML, statements are placed
 * in the gold text by their words (the HTML reading has its own offsets); a statement whose words
 * are not in the gold article text counts as a false positive: it came from outside the article.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extract } from '../utils/extract';
import { combine, formatTable, type GoldDoc, placeIn, type Score, score } from '../utils/extract/score';
import { loadArticle } from './load-article';
import { evaluateRelations, formatRelations } from './relations-eval';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');

export interface EvalRows {
  rows: Array<{ label: string; score: Score }>;
}

export function evaluate(): EvalRows {
  const rows: EvalRows['rows'] = [];
  const seedScores: Score[] = [];
  for (const file of readdirSync(join(FIXTURES, 'seeds')).sort()) {
    const text = readFileSync(join(FIXTURES, 'seeds', file), 'utf8');
    const gold = JSON.parse(
      readFileSync(join(FIXTURES, 'gold', file.replace('.txt', '.json')), 'utf8'),
    ) as GoldDoc;
    const s = score(gold, extract(text), text);
    seedScores.push(s);
    rows.push({ label: `seed ${file.slice(0, 3)}`, score: s });
  }
  rows.push({ label: 'SEEDS', score: combine(seedScores) });

  const txtScores: Score[] = [];
  const htmlScores: Score[] = [];
  const pages = readdirSync(join(FIXTURES, 'real-pages'), { withFileTypes: true }).filter((d) =>
    d.isDirectory(),
  );
  for (const { name } of pages) {
    const dir = join(FIXTURES, 'real-pages', name);
    const text = readFileSync(join(dir, 'article.txt'), 'utf8');
    const gold = JSON.parse(readFileSync(join(dir, 'gold.json'), 'utf8')) as GoldDoc;
    const fromText = score(gold, extract(text), text);
    const html = loadArticle(join(dir, 'source.html'));
    const fromHtml = score(gold, placeIn(text, extract(html.text)), text);
    txtScores.push(fromText);
    htmlScores.push(fromHtml);
    rows.push({ label: `${name} txt`, score: fromText });
    rows.push({ label: `${name} html`, score: fromHtml });
  }
  rows.push({ label: 'PAGES txt', score: combine(txtScores) });
  rows.push({ label: 'PAGES html', score: combine(htmlScores) });
  return { rows };
}

export async function evalCommand(_args: string[]): Promise<number> {
  const { rows } = evaluate();
  console.log(
    'Overlap = shared characters / longer span; P/R/F at ≥30% and ≥80%; speaker = speaker accuracy',
  );
  console.log(
    '(correct/pairs); kind = kind agreement; R80 direct/partial/indirect = recall at ≥80% by gold kind.',
  );
  console.log('Gold scare quotes are non-statements.\n');
  console.log(formatTable(rows));
  const relations = await evaluateRelations();
  console.log('\nRelations on the seeds (extract → ingest → match, files in order 000…004):\n');
  console.log(formatRelations(relations));
  if (relations.unmatched.length > 0) {
    console.log('\nPredicted relations not in the gold:');
    for (const u of relations.unmatched) console.log(`  ${u.type} ${u.a} ~ ${u.b}: ${u.reason}`);
  }
  return 0;
}
