/**
 * The part-of-speech tagger in `npm run bench`: utils/nlp's `tag` (tokenise, split sentences, tag,
 * lemmatise) against compromise's `nlp(text)` (which tokenises and tags) on the same held-out news
 * text (the Wikinews articles of test/fixtures/gum-news, never in the tagger's training data).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import nlp from 'compromise';
import { TAGGER_MODEL } from '../utils/nlp/model/tagger-model';
import { decodeModel } from '../utils/nlp/model-format';
import { tag } from '../utils/nlp/tagger';

const GUM_NEWS = join(import.meta.dirname, '..', 'test', 'fixtures', 'gum-news');

function median(fn: () => unknown, budgetMs: number): number {
  fn();
  const samples: number[] = [];
  const t0 = performance.now();
  while (samples.length < 5 || (performance.now() - t0 < budgetMs && samples.length < 200)) {
    const a = performance.now();
    fn();
    samples.push(performance.now() - a);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1]!;
}

/** The first `words` words of the Wikinews articles, one paragraph a line (all of them if 0). */
function newsText(words: number): string {
  const lines: string[] = [];
  let n = 0;
  for (const d of readdirSync(GUM_NEWS)
    .filter((d) => d.startsWith('GUM_'))
    .sort()) {
    for (const line of readFileSync(join(GUM_NEWS, d, 'article.txt'), 'utf8').split('\n')) {
      const count = line.split(/\s+/).filter(Boolean).length;
      if (count === 0 || (words > 0 && n >= words)) continue;
      lines.push(line);
      n += count;
    }
  }
  return lines.join('\n');
}

export function benchTagger(): void {
  console.log('\n## Part-of-speech tagger (Node; median of repeated runs)\n');
  const t0 = performance.now();
  decodeModel(TAGGER_MODEL);
  const coldMs = performance.now() - t0;
  const decodeMs = median(() => decodeModel(TAGGER_MODEL), 500);
  console.log(
    `Saywho's \`tag\` = tokenise + sentences + tag + lemmatise (utils/nlp); compromise's \`nlp(text)\` tokenises and tags. Decoding the tagger's weights, once per context: ${coldMs.toFixed(1)} ms the first time in this process (${decodeMs.toFixed(1)} ms warm).\n`,
  );
  console.log(
    '| text | words | tokens | Saywho `tag` | tokens/s | compromise `nlp(text)` | compromise / Saywho |',
  );
  console.log('|---|---:|---:|---:|---:|---:|---:|');
  for (const [label, text] of [
    ['Wikinews, first 2,000 words', newsText(2000)],
    ['Wikinews, all 24 articles', newsText(0)],
  ] as const) {
    const tokens = tag(text).length;
    const ours = median(() => tag(text), 1000);
    const theirs = median(() => nlp(text), 2000);
    console.log(
      `| ${label} | ${text.split(/\s+/).filter(Boolean).length.toLocaleString('en')} | ${tokens.toLocaleString('en')} | ${ours.toFixed(1)} ms | ${Math.round(tokens / (ours / 1000)).toLocaleString('en')} | ${theirs.toFixed(1)} ms | ${(theirs / ours).toFixed(0)}× |`,
    );
  }
}
