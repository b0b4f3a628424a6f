/**
 * `npx tsx scripts/train-tagger.ts`: trains the part-of-speech tagger of utils/nlp/ on the
 * treebanks in ../shared/corpus/treebanks, prunes and quantises its weights, writes
 * utils/nlp/model/tagger-model.ts and utils/nlp/model/lemma-exceptions.ts, and prints the figures
 * the README quotes. Deterministic: sentences are shuffled with a seeded generator.
 *
 * Options: --epochs=N (default 12; the epoch with the best EWT dev accuracy is kept),
 * --seed=N, --no-write (measure only), --sweep (print the pruning/quantisation trade-offs),
 * --compromise (also compare with compromise's tagger on EWT test).
 */
// The extractor's model data, as Node tools have them (utils/nlp/model-data.ts).
import '../utils/nlp/model/use-bundled';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { fnv, prepare } from '../utils/nlp/features';
import { lemmaClass, ruleLemma } from '../utils/nlp/lemma';
import { decodeModel, encodeBase64, encodeLexicon, encodeWeights } from '../utils/nlp/model-format';
import { Tagger } from '../utils/nlp/tagger';
import { loadSplit, type Sentence } from './tagger/conllu';
import { countFeatures, Perceptron, seededRandom, shuffle, type TrainSentence } from './tagger/perceptron';
import { report } from './tagger/report';

const arg = (name: string, fallback: number): number => {
  const a = process.argv.find((s) => s.startsWith(`--${name}=`));
  return a ? Number(a.slice(name.length + 3)) : fallback;
};
const EPOCHS = arg('epochs', 10);
const SEED = arg('seed', 13);
/** Tag dictionary: words seen at least this often with one tag at least this share of the time. */
const DICT_MIN_COUNT = arg('dict-min', 20);
const DICT_MIN_SHARE = arg('dict-share', 0.97);
/** Shipped model: bits of the feature hash kept, weight threshold (in quantisation steps). */
const HASH_BITS = arg('bits', 22);
const THRESHOLD = arg('threshold', 1);
const MIN_FEATURE_COUNT = arg('min-count', 3);
const LEXICON_MIN_COUNT = arg('lexicon-min', 2);
const JACKKNIFE = !process.argv.includes('--no-jackknife');

const ROOT = join(import.meta.dirname, '..');
const MODEL_DIR = join(ROOT, 'utils', 'nlp', 'model');

function time<T>(label: string, fn: () => T): T {
  const t0 = performance.now();
  const out = fn();
  console.error(`${label}: ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return out;
}

const split = time('read treebanks', loadSplit);
const count = (s: Sentence[]) => s.reduce((n, x) => n + x.words.length, 0);
console.log(
  `Data: train ${split.train.length} sentences / ${count(split.train)} tokens (EWT train + GUM without news), dev ${count(split.dev)} tokens (EWT dev), test ${count(split.test)} tokens (EWT test), held out ${count(split.news)} tokens (GUM news, ${new Set(split.news.map((s) => s.doc)).size} documents)`,
);

// Tag set, by frequency; tag dictionary.
const tagCounts = new Map<string, number>();
const wordTags = new Map<string, Map<string, number>>();
const norm = (w: string) => w.replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"');
for (const s of split.train)
  for (const w of s.words) {
    tagCounts.set(w.xpos, (tagCounts.get(w.xpos) ?? 0) + 1);
    const form = norm(w.form);
    let m = wordTags.get(form);
    if (!m) {
      m = new Map();
      wordTags.set(form, m);
    }
    m.set(w.xpos, (m.get(w.xpos) ?? 0) + 1);
  }
const tags = [...tagCounts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([t]) => t);
const tagIndex = new Map(tags.map((t, i) => [t, i]));
const dict = new Map<string, number>();
for (const [form, m] of wordTags) {
  let total = 0;
  let best = '';
  let top = 0;
  for (const [t, c] of m) {
    total += c;
    if (c > top) {
      top = c;
      best = t;
    }
  }
  if (total >= DICT_MIN_COUNT && top / total >= DICT_MIN_SHARE && !/\s/.test(form))
    dict.set(form, tagIndex.get(best)!);
}
// Lexicon: each lower-case form seen LEXICON_MIN_COUNT times or more, with its ambiguity class
// (the tags it had at least 10% of the time, at most 3). Training sentences read a lexicon built
// without their own tenth of the data (jackknifing), so that the class of a word is no more
// telling in training than it is on new text.
const classIds = new Map<string, number>();
function buildLexicon(sentences: Sentence[]): Map<number, number> {
  const counts = new Map<string, Map<string, number>>();
  for (const s of sentences)
    for (const w of s.words) {
      // The quote-normalised lower-case form (as the tagger reads it, save for "…" and words over 40 letters).
      const lower = norm(w.form).toLowerCase();
      let m = counts.get(lower);
      if (!m) {
        m = new Map();
        counts.set(lower, m);
      }
      m.set(w.xpos, (m.get(w.xpos) ?? 0) + 1);
    }
  const lexicon = new Map<number, number>();
  for (const [lower, m] of counts) {
    let total = 0;
    for (const c of m.values()) total += c;
    if (total < LEXICON_MIN_COUNT || /\s/.test(lower)) continue;
    const cls = [...m.entries()]
      .filter(([, c]) => c / total >= 0.1)
      .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
      .slice(0, 3)
      .map(([t]) => t)
      .sort()
      .join(',');
    if (!classIds.has(cls)) classIds.set(cls, classIds.size + 1);
    lexicon.set(fnv(lower), classIds.get(cls)!);
  }
  return lexicon;
}
const lexicon = buildLexicon(split.train);
const FOLDS = 10;
const foldLexicons = Array.from({ length: FOLDS }, (_, k) =>
  buildLexicon(split.train.filter((_, i) => i % FOLDS !== k)),
);
console.log(
  `Tags: ${tags.length}; tag dictionary: ${dict.size} words; lexicon: ${lexicon.size} words in ${classIds.size} ambiguity classes`,
);

const toTrain = (s: Sentence, i: number): TrainSentence => {
  const words = s.words.map((w) => w.form);
  return {
    words,
    tags: s.words.map((w) => tagIndex.get(w.xpos) ?? 0),
    prepared: prepare(words, JACKKNIFE ? foldLexicons[i % FOLDS] : lexicon),
  };
};
const trainSet = split.train.map(toTrain);

const model = new Perceptron(tags.length, dict, lexicon);
const featureStats = countFeatures(trainSet, dict);
if (MIN_FEATURE_COUNT > 1) {
  model.allowed = new Set();
  for (const [k, c] of featureStats.counts) if (c >= MIN_FEATURE_COUNT) model.allowed.add(k);
  console.log(
    `Features seen ${MIN_FEATURE_COUNT}+ times in training (gold history): ${model.allowed.size} of ${featureStats.counts.size}`,
  );
}
const accuracyFloat = (sentences: Sentence[], weights: Float64Array): number => {
  let right = 0;
  let total = 0;
  for (const s of sentences) {
    const guess = model.tag(
      s.words.map((w) => w.form),
      weights,
    );
    s.words.forEach((w, i) => {
      if (tags[guess[i]!] === w.xpos) right++;
      total++;
    });
  }
  return right / total;
};

const random = seededRandom(SEED);
let best: { epoch: number; dev: number; weights: Float64Array } = {
  epoch: 0,
  dev: 0,
  weights: new Float64Array(0),
};
time('train', () => {
  for (let epoch = 1; epoch <= EPOCHS; epoch++) {
    shuffle(trainSet, random);
    const t0 = performance.now();
    const trainAcc = model.epoch(trainSet);
    const avg = model.averaged();
    const dev = accuracyFloat(split.dev, avg);
    console.error(
      `epoch ${epoch}: train ${(trainAcc * 100).toFixed(2)}%, dev ${(dev * 100).toFixed(2)}% (${((performance.now() - t0) / 1000).toFixed(1)} s, ${model.nFeatures} features, ${model.nEntries} weights)`,
    );
    if (dev > best.dev) best = { epoch, dev, weights: avg };
  }
});
console.log(
  `Best epoch on EWT dev: ${best.epoch} of ${EPOCHS} (dev ${(best.dev * 100).toFixed(2)}%, float weights)`,
);

if (process.argv.includes('--confusions')) {
  const m = new Map<string, number>();
  for (const s of split.dev) {
    const guess = model.tag(
      s.words.map((w) => w.form),
      best.weights,
    );
    s.words.forEach((w, i) => {
      const g = tags[guess[i]!]!;
      if (g !== w.xpos) m.set(`${w.xpos}→${g}`, (m.get(`${w.xpos}→${g}`) ?? 0) + 1);
      if (
        g !== w.xpos &&
        process.argv.includes('--examples') &&
        ((w.xpos === 'NNP' && g === 'NN') || (w.xpos === 'NN' && g === 'NNP'))
      )
        console.log(
          `${w.xpos}→${g}`,
          w.form,
          '|',
          s.words
            .map((x) => x.form)
            .join(' ')
            .slice(0, 100),
        );
    });
  }
  console.log(
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 40)
      .map(([k, v]) => `${k} ${v}`)
      .join(', '),
  );
  if (process.argv.includes('--only-train')) process.exit(0);
}

// ---- Pruning and quantisation ----

interface Shipped {
  tags: string;
  dict: string;
  lexicon: Uint8Array;
  bytes: Uint8Array;
}

/** Words grouped by a number (tag index, class id): `number\tword word…` lines, sorted. */
function wordLines(map: Map<string, number>): string {
  const by = new Map<number, string[]>();
  for (const [w, v] of map) {
    if (!by.has(v)) by.set(v, []);
    by.get(v)!.push(w);
  }
  return [...by.keys()]
    .sort((a, b) => a - b)
    .map((v) => `${v}\t${by.get(v)!.sort().join(' ')}`)
    .join('\n');
}

function buildShipped(weights: Float64Array, bits: number, threshold: number): Shipped {
  // Merge features that share a bucket at `bits` bits (their weights add up), drop weights below
  // `threshold`, code the rest on a log scale from the threshold to the largest weight.
  const buckets = new Map<number, Map<number, number>>();
  const shift = 32 - bits;
  for (const f of model.entries(weights)) {
    const b = f.key >>> shift;
    let m = buckets.get(b);
    if (!m) {
      m = new Map();
      buckets.set(b, m);
    }
    for (let i = 0; i < f.tags.length; i++) m.set(f.tags[i]!, (m.get(f.tags[i]!) ?? 0) + f.weights[i]!);
  }
  let max = 0;
  for (const m of buckets.values()) for (const w of m.values()) max = Math.max(max, Math.abs(w));
  const step = Math.log(max / threshold) / 126;
  const features: Array<{ bucket: number; tags: number[]; codes: number[] }> = [];
  for (const b of [...buckets.keys()].sort((x, y) => x - y)) {
    const m = buckets.get(b)!;
    const ts: number[] = [];
    const qs: number[] = [];
    for (const t of [...m.keys()].sort((x, y) => x - y)) {
      const w = m.get(t)!;
      if (Math.abs(w) < threshold) continue;
      const q = Math.min(127, 1 + Math.round(Math.log(Math.abs(w) / threshold) / step));
      ts.push(t);
      qs.push(w < 0 ? -q : q);
    }
    if (ts.length > 0) features.push({ bucket: b, tags: ts, codes: qs });
  }
  const bytes = encodeWeights({ hashBits: bits, step, features });
  return { tags: tags.join(' '), dict: wordLines(dict), lexicon: encodeLexicon(lexicon), bytes };
}

function moduleText(s: Shipped): string {
  return `// Generated by scripts/train-tagger.ts — do not edit. Part-of-speech tagger weights learned from
// UD English EWT (CC BY-SA 4.0) and GUM (CC BY 4.0 annotations; texts CC BY / CC BY-SA), offered
// under CC BY-SA 4.0 as an adaptation: see ./LICENSES.md. Format: utils/nlp/model-format.ts.
export const TAGGER_MODEL = {
  tags: ${JSON.stringify(s.tags)},
  dict: ${JSON.stringify(s.dict)},
  lexicon: '${encodeBase64(s.lexicon)}',
  weights:
    '${encodeBase64(s.bytes)}',
};
`;
}

const accuracyShipped = (tagger: Tagger, sentences: Sentence[]): number => {
  let right = 0;
  let total = 0;
  for (const s of sentences) {
    const guess = tagger.tagTokens(s.words.map((w) => w.form));
    s.words.forEach((w, i) => {
      if (guess[i] === w.xpos) right++;
      total++;
    });
  }
  return right / total;
};

const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;

if (process.argv.includes('--sweep')) {
  const abs = Float64Array.from(best.weights, Math.abs).sort();
  console.log(
    `\nAveraged weights: ${abs.length}; |w| quantiles 50% ${abs[abs.length >> 1]!.toFixed(3)}, 90% ${abs[Math.floor(abs.length * 0.9)]!.toFixed(3)}, 99% ${abs[Math.floor(abs.length * 0.99)]!.toFixed(3)}, max ${abs.at(-1)!.toFixed(1)}`,
  );
  console.log('\n| hash bits | threshold | features | weights | module raw | module gzip | dev |');
  console.log('|---:|---:|---:|---:|---:|---:|---:|');
  const grid = (process.argv.find((a) => a.startsWith('--grid='))?.slice(7) ?? '22:0.5,22:1,22:2,22:3,20:2')
    .split(',')
    .map((g) => g.split(':').map(Number) as [number, number]);
  for (const [bits, threshold] of [...grid] as const) {
    const s = buildShipped(best.weights, bits, threshold);
    if (process.argv.includes('--templates')) templateReport(best.weights, threshold);
    const text = moduleText(s);
    const decoded = decodeModel(s);
    const tagger = new Tagger(decoded);
    console.log(
      `| ${bits} | ${threshold} | ${decoded.offsets.length - 1} | ${decoded.entryTag.length} | ${kb(text.length)} | ${kb(gzipSync(text, { level: 9 }).length)} | ${(accuracyShipped(tagger, split.dev) * 100).toFixed(2)}% |`,
    );
  }
}

function templateReport(weights: Float64Array, threshold: number): void {
  const per = new Map<number, number>();
  for (const f of model.entries(weights)) {
    const kept = f.weights.filter((w) => Math.abs(w) >= threshold).length;
    const pos = featureStats.position.get(f.key) ?? -1;
    per.set(pos, (per.get(pos) ?? 0) + kept);
  }
  console.log(
    `weights kept by feature position: ${[...per.entries()]
      .sort((a, b) => a[0] - b[0])
      .map(([p, c]) => `${p}:${c}`)
      .join(' ')}`,
  );
}

const shipped = buildShipped(best.weights, HASH_BITS, THRESHOLD);
const text = moduleText(shipped);
const tagger = new Tagger(decodeModel(shipped));

// ---- Lemma exceptions: training forms whose gold lemma the rules get wrong ----

/** Besides verbs and nouns, the closed classes whose forms have lemmas of their own ("n't" → not, "him" → he). */
const OTHER_LEMMA_CLASSES = new Set(
  'PRP PRP$ WP WP$ MD RB RBR RBS JJ JJR JJS DT PDT IN CC TO EX POS WDT WRB'.split(' '),
);
const lemmaCounts = new Map<string, Map<string, number>>();
for (const s of split.train)
  for (const w of s.words) {
    if (w.xpos === 'NNP' || w.upos === 'PUNCT') continue;
    const form = norm(w.form);
    const k = `${lemmaClass(w.xpos)} ${w.xpos === 'NNPS' ? form : form.toLowerCase()}`;
    let m = lemmaCounts.get(k);
    if (!m) {
      m = new Map();
      lemmaCounts.set(k, m);
    }
    const key = `${w.xpos}\u0000${w.lemma}`;
    m.set(key, (m.get(key) ?? 0) + 1);
  }
const exceptionsByClass = new Map<string, string[]>();
let exceptionCount = 0;
for (const [k, m] of lemmaCounts) {
  // The majority lemma over the class; an exception when the rules give something else for the
  // majority tag, and (outside verbs and nouns) only for forms seen twice or more.
  let top = 0;
  let bestKey = '';
  let total = 0;
  for (const [key, c] of m) {
    total += c;
    if (c > top) {
      top = c;
      bestKey = key;
    }
  }
  const [tag, lemma] = bestKey.split('\u0000') as [string, string];
  const [cls, form] = [k.slice(0, k.indexOf(' ')), k.slice(k.indexOf(' ') + 1)];
  if (cls !== 'V' && cls !== 'N' && cls !== 'NNPS' && (total < 2 || !OTHER_LEMMA_CLASSES.has(cls))) continue;
  if (ruleLemma(form, tag) === lemma) continue;
  if (/[\s\t]/.test(form) || /[\s\t]/.test(lemma)) continue;
  if (!exceptionsByClass.has(cls)) exceptionsByClass.set(cls, []);
  exceptionsByClass.get(cls)!.push(`${form} ${lemma}`);
  exceptionCount++;
}
const exceptionsText = [...exceptionsByClass.keys()]
  .sort()
  .map((c) => [c, ...exceptionsByClass.get(c)!.sort()].join('\t'))
  .join('\n');
const lemmaModule = `// Generated by scripts/train-tagger.ts — do not edit. Lemma exceptions: the word forms of the
// training part of UD English EWT (CC BY-SA 4.0) and GUM (CC BY 4.0) whose treebank lemma the rules
// of utils/nlp/lemma.ts do not give (the majority lemma of each form). One line per class (V verbs,
// N common nouns, else the Penn tag): class, then tab-separated "form lemma" pairs. See ./LICENSES.md.
export const LEMMA_EXCEPTIONS = ${JSON.stringify(exceptionsText)};
`;

if (!process.argv.includes('--no-write')) {
  writeFileSync(join(MODEL_DIR, 'tagger-model.ts'), text);
  writeFileSync(join(MODEL_DIR, 'lemma-exceptions.ts'), lemmaModule);
  // Laid out as the project's formatter wants it, so that `npm run lint` passes on generated files.
  execFileSync(
    'npx',
    [
      'biome',
      'format',
      '--write',
      join(MODEL_DIR, 'tagger-model.ts'),
      join(MODEL_DIR, 'lemma-exceptions.ts'),
    ],
    {
      cwd: ROOT,
      stdio: 'ignore',
    },
  );
  console.log('\nWrote utils/nlp/model/tagger-model.ts and utils/nlp/model/lemma-exceptions.ts');
}

report({
  split,
  tagger,
  floatAccuracy: (s) => accuracyFloat(s, best.weights),
  trainForms: new Set(wordTags.keys()),
  exceptionsText,
  exceptionCount,
  modelText: text,
  lemmaText: lemmaModule,
  compare: process.argv.includes('--compromise'),
  floatFeatures: model.nFeatures,
  floatWeights: model.nEntries,
});
