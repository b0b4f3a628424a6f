/**
 * The figures printed by scripts/train-tagger.ts (and quoted in the README): accuracy before and
 * after pruning, by genre, on unknown and capitalised words and on the words Saywho cares about,
 * lemmas, tokenisation against the treebanks' own, speed, size, and compromise on the same tokens.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import nlp from 'compromise';
import { lemmatizeWith, parseExceptions, ruleLemma } from '../../utils/nlp/lemma';
import { type Tagger, tagSentences } from '../../utils/nlp/tagger';
import { type Coarse, coarse, upos } from '../../utils/nlp/tags';
import { tokenSpans } from '../../utils/nlp/tokenize';
import { GUM_NEWS, type Sentence, type Split } from './conllu';

export interface ReportInput {
  split: Split;
  tagger: Tagger;
  floatAccuracy: (s: Sentence[]) => number;
  trainForms: Set<string>;
  exceptionsText: string;
  exceptionCount: number;
  modelText: string;
  lemmaText: string;
  compare: boolean;
  /** Size of the float model before pruning. */
  floatFeatures: number;
  floatWeights: number;
}

const pct = (a: number, b: number) => (b === 0 ? '—' : `${((100 * a) / b).toFixed(2)}%`);
const kb = (n: number) => `${(n / 1024).toFixed(0)} kB`;

interface Tagged {
  s: Sentence;
  guess: string[];
}

function tagAll(tagger: Tagger, sentences: Sentence[]): Tagged[] {
  return sentences.map((s) => ({ s, guess: tagger.tagTokens(s.words.map((w) => w.form)) }));
}

function accuracy(tagged: Tagged[], pick: (t: Tagged, i: number) => boolean = () => true): [number, number] {
  let right = 0;
  let total = 0;
  for (const t of tagged)
    t.s.words.forEach((w, i) => {
      if (!pick(t, i)) return;
      total++;
      if (t.guess[i] === w.xpos) right++;
    });
  return [right, total];
}

const norm = (w: string) => w.replace(/[‘’‚‛]/g, "'").replace(/[“”„‟]/g, '"');

function isCapitalised(form: string): boolean {
  const c = form[0] ?? '';
  return c !== c.toLowerCase();
}

/** Words whose verb/noun reading decides whether a sentence reports speech. */
const CUE_WORDS = new Set(
  'claims claim says say notes note reports report warns warn said told tells tell adds added states stated argues argued insists insisted denies denied'.split(
    ' ',
  ),
);

export function report(r: ReportInput): void {
  const { split, tagger } = r;
  const sets: Array<[string, Sentence[]]> = [
    ['EWT dev (tuning)', split.dev],
    ['EWT test', split.test],
    ['GUM news, held out (24 Wikinews articles)', split.news],
    ['  of which the extraction check part (8)', split.news.filter((s) => split.checkDocs.has(s.doc))],
  ];
  console.log('\n## Accuracy (Penn Treebank XPOS, gold tokenisation)\n');
  console.log('| data | tokens | before pruning (float weights) | shipped model |');
  console.log('|---|---:|---:|---:|');
  const tagged = new Map<string, Tagged[]>();
  for (const [label, sentences] of sets) {
    const t = tagAll(tagger, sentences);
    tagged.set(label, t);
    const [right, total] = accuracy(t);
    console.log(
      `| ${label} | ${total} | ${(r.floatAccuracy(sentences) * 100).toFixed(2)}% | ${pct(right, total)} |`,
    );
  }
  const test = tagged.get('EWT test')!;
  const news = tagged.get('GUM news, held out (24 Wikinews articles)')!;

  console.log('\nEWT test by genre (shipped model):');
  const genres = [...new Set(split.test.map((s) => s.genre))].sort();
  console.log(
    genres
      .map((g) => {
        const [a, b] = accuracy(test.filter((t) => t.s.genre === g));
        return `${g} ${pct(a, b)} (${b})`;
      })
      .join(', '),
  );
  const perDoc = [...new Set(split.news.map((s) => s.doc))].map((d) => {
    const [a, b] = accuracy(news.filter((t) => t.s.doc === d));
    return { d, acc: a / b };
  });
  perDoc.sort((a, b) => a.acc - b.acc);
  console.log(
    `GUM news per article: lowest ${perDoc[0]!.d} ${(perDoc[0]!.acc * 100).toFixed(1)}%, median ${(perDoc[perDoc.length >> 1]!.acc * 100).toFixed(1)}%, highest ${perDoc.at(-1)!.d} ${(perDoc.at(-1)!.acc * 100).toFixed(1)}%`,
  );

  console.log('\n## Where it matters (shipped model)\n');
  console.log('| words | EWT test | GUM news held out |');
  console.log('|---|---:|---:|');
  const known = (form: string) => r.trainForms.has(norm(form));
  const row = (label: string, pick: (t: Tagged, i: number) => boolean) => {
    const [a, b] = accuracy(test, pick);
    const [c, d] = accuracy(news, pick);
    console.log(`| ${label} | ${pct(a, b)} (${b}) | ${pct(c, d)} (${d}) |`);
  };
  row('all', () => true);
  row('unknown words (form not in training)', (t, i) => !known(t.s.words[i]!.form));
  row('capitalised words', (t, i) => isCapitalised(t.s.words[i]!.form));
  row('capitalised, sentence-initial', (t, i) => i === 0 && isCapitalised(t.s.words[i]!.form));
  row('capitalised, not sentence-initial', (t, i) => i > 0 && isCapitalised(t.s.words[i]!.form));
  row('gold NNP/NNPS', (t, i) => t.s.words[i]!.xpos.startsWith('NNP'));
  row('gold NNP, sentence-initial', (t, i) => i === 0 && t.s.words[i]!.xpos === 'NNP');
  row('gold NNP ending in -ly', (t, i) => t.s.words[i]!.xpos === 'NNP' && /ly$/i.test(t.s.words[i]!.form));
  row(`cue words (${[...CUE_WORDS].slice(0, 6).join(', ')}…)`, (t, i) =>
    CUE_WORDS.has(t.s.words[i]!.form.toLowerCase()),
  );

  // Proper noun vs other on capitalised words, and verb vs noun on cue words, as confusions.
  const confusion = (
    label: string,
    pick: (t: Tagged, i: number) => boolean,
    cls: (tag: string) => string,
    data: Tagged[],
  ) => {
    const m = new Map<string, number>();
    for (const t of data)
      t.s.words.forEach((w, i) => {
        if (!pick(t, i)) return;
        const k = `${cls(w.xpos)}→${cls(t.guess[i]!)}`;
        m.set(k, (m.get(k) ?? 0) + 1);
      });
    console.log(
      `${label}: ${[...m.entries()]
        .sort()
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')}`,
    );
  };
  const propn = (tag: string) => (tag.startsWith('NNP') ? 'propn' : 'other');
  const vn = (tag: string) => (tag.startsWith('VB') ? 'verb' : tag.startsWith('NN') ? 'noun' : 'other');
  const both = [...test, ...news, ...tagged.get('EWT dev (tuning)')!];
  confusion(
    '\nCapitalised words, gold→predicted (EWT test + GUM news)',
    (t, i) => isCapitalised(t.s.words[i]!.form),
    propn,
    [...test, ...news],
  );
  confusion(
    'Cue words, gold→predicted (EWT dev + test + GUM news)',
    (t, i) => CUE_WORDS.has(t.s.words[i]!.form.toLowerCase()),
    vn,
    both,
  );

  // Universal POS by the fixed map.
  let uRight = 0;
  let uTotal = 0;
  for (const t of [...test])
    t.s.words.forEach((w, i) => {
      uTotal++;
      if (upos(t.guess[i]!, ruleLemma(w.form, t.guess[i]!)) === w.upos) uRight++;
    });
  console.log(`\nUPOS by the fixed map from predicted XPOS, EWT test: ${pct(uRight, uTotal)}`);

  lemmaReport(r, test, news);
  tokenizerReport([...split.test, ...split.news]);
  sizeAndSpeed(r, split);
  if (r.compare) compareCompromise(tagger, split.test);
}

function lemmaReport(r: ReportInput, test: Tagged[], news: Tagged[]): void {
  const table = parseExceptions(r.exceptionsText);
  const empty = new Map<string, string>();
  console.log(`\n## Lemmas (verbs and common nouns; ${r.exceptionCount} exceptions learned)\n`);
  console.log(
    '| data | tokens | rules only, gold tag | rules + exceptions, gold tag | rules + exceptions, predicted tag | unknown words, predicted tag |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  for (const [label, data] of [
    ['EWT test', test],
    ['GUM news held out', news],
  ] as const) {
    let n = 0;
    let rules = 0;
    let full = 0;
    let predicted = 0;
    let unknown = 0;
    let unknownRight = 0;
    for (const t of data)
      t.s.words.forEach((w, i) => {
        if (!(w.xpos.startsWith('VB') || w.xpos === 'NN' || w.xpos === 'NNS')) return;
        n++;
        const gold = w.lemma;
        if (lemmatizeWith(empty, w.form, w.xpos) === gold) rules++;
        if (lemmatizeWith(table, w.form, w.xpos) === gold) full++;
        const p = lemmatizeWith(table, w.form, t.guess[i]!) === gold;
        if (p) predicted++;
        if (!r.trainForms.has(norm(w.form))) {
          unknown++;
          if (p) unknownRight++;
        }
      });
    console.log(
      `| ${label} | ${n} | ${pct(rules, n)} | ${pct(full, n)} | ${pct(predicted, n)} | ${pct(unknownRight, unknown)} (${unknown}) |`,
    );
  }
}

function tokenizerReport(sentences: Sentence[]): void {
  let gold = 0;
  let ours = 0;
  let match = 0;
  const misses = new Map<string, number>();
  for (const s of sentences) {
    const want = new Set(s.words.filter((w) => w.start >= 0).map((w) => `${w.start}:${w.end}`));
    gold += s.words.length;
    const got = tokenSpans(s.text);
    ours += got.length;
    for (const t of got) {
      if (want.has(`${t.start}:${t.end}`)) match++;
      else misses.set(t.text, (misses.get(t.text) ?? 0) + 1);
    }
  }
  const p = match / ours;
  const rc = match / gold;
  console.log(
    `\nTokenizer against the treebanks' tokens (EWT test + GUM news sentences): precision ${(p * 100).toFixed(2)}%, recall ${(rc * 100).toFixed(2)}%, F1 ${((200 * p * rc) / (p + rc)).toFixed(2)}%`,
  );
  console.log(
    `Most frequent tokens of ours not in the gold: ${[...misses.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 12)
      .map(([k, v]) => `${JSON.stringify(k)} ${v}`)
      .join(', ')}`,
  );
}

/** A held-out news text of about `words` words (GUM news articles, one paragraph per line). */
export function newsArticle(words: number): string {
  const parts: string[] = [];
  let n = 0;
  for (const d of readdirSync(GUM_NEWS)
    .filter((d) => d.startsWith('GUM_'))
    .sort()) {
    for (const line of readFileSync(join(GUM_NEWS, d, 'article.txt'), 'utf8').split('\n')) {
      if (n >= words) break;
      const count = line.split(/\s+/).filter(Boolean).length;
      if (count === 0) continue;
      parts.push(line);
      n += count;
    }
  }
  return parts.join('\n');
}

function median(fn: () => void, budgetMs = 1000): number {
  fn();
  const samples: number[] = [];
  const t0 = performance.now();
  while (samples.length < 5 || (performance.now() - t0 < budgetMs && samples.length < 500)) {
    const a = performance.now();
    fn();
    samples.push(performance.now() - a);
  }
  samples.sort((a, b) => a - b);
  return samples[samples.length >> 1]!;
}

function sizeAndSpeed(r: ReportInput, split: Split): void {
  console.log('\n## Size and speed\n');
  const gz = (s: string) => gzipSync(s, { level: 9 }).length;
  console.log(
    `Model module (utils/nlp/model/tagger-model.ts): ${kb(r.modelText.length)} raw, ${kb(gz(r.modelText))} gzipped; ${r.tagger.model.offsets.length - 1} features, ${r.tagger.model.entryTag.length} weights (int8), ${r.tagger.model.dict.size} words in the tag dictionary`,
  );
  console.log(
    `Before pruning and quantisation: ${r.floatFeatures} features, ${r.floatWeights} float weights (decoding the shipped weights: see npm run bench)`,
  );
  console.log(`Lemma exceptions module: ${kb(r.lemmaText.length)} raw, ${kb(gz(r.lemmaText))} gzipped`);
  const words = split.test.map((s) => s.words.map((w) => w.form));
  const nTokens = words.reduce((n, w) => n + w.length, 0);
  const ms = median(() => {
    for (const w of words) r.tagger.tagTokens(w);
  }, 2000);
  console.log(
    `tagTokens over EWT test (${nTokens} tokens): ${ms.toFixed(0)} ms, ${Math.round(nTokens / (ms / 1000)).toLocaleString('en')} tokens/s`,
  );
  const article = newsArticle(2000);
  const tokens = tagSentences(article, r.tagger).flat().length;
  const t = median(() => tagSentences(article, r.tagger));
  console.log(
    `tag() on a 2,000-word news article (${article.length} characters, ${tokens} tokens: tokenise, split sentences, tag, lemmatise): ${t.toFixed(2)} ms`,
  );
}

/** compromise's term tags → Penn Treebank, as near as its tag set allows. */
function compromiseToPtb(tags: Set<string>, text: string): string {
  const has = (t: string) => tags.has(t);
  if (has('Pronoun')) return has('Possessive') ? 'PRP$' : 'PRP';
  if (has('Modal')) return 'MD';
  if (has('Verb')) {
    if (has('Gerund')) return 'VBG';
    if (has('PastTense')) return 'VBD';
    if (has('Participle') || has('PerfectTense')) return 'VBN';
    if (has('Infinitive')) return 'VB';
    if (has('PresentTense')) return /s$/i.test(text) ? 'VBZ' : 'VBP';
    return 'VB';
  }
  if (has('ProperNoun')) return has('Plural') ? 'NNPS' : 'NNP';
  if (has('Value') || has('Cardinal') || has('NumericValue')) return 'CD';
  if (has('Noun')) return has('Plural') ? 'NNS' : 'NN';
  if (has('Comparative')) return 'JJR';
  if (has('Superlative')) return 'JJS';
  if (has('Adjective')) return 'JJ';
  if (has('Adverb')) return 'RB';
  if (has('Determiner')) return 'DT';
  if (has('Preposition')) return 'IN';
  if (has('Conjunction')) return 'CC';
  if (has('Expression')) return 'UH';
  return 'XX';
}

function compareCompromise(tagger: Tagger, sentences: Sentence[]): void {
  let n = 0;
  let oursCoarse = 0;
  let theirsCoarse = 0;
  let oursPtb = 0;
  let theirsPtb = 0;
  let oursNN = 0;
  let theirsNN = 0;
  const merge = (c: Coarse) => (c === 'propn' ? 'noun' : c);
  let msOurs = 0;
  let msTheirs = 0;
  for (const s of sentences) {
    const guess = tagger.tagTokens(s.words.map((w) => w.form));
    let a = performance.now();
    tagSentences(s.text, tagger);
    msOurs += performance.now() - a;
    a = performance.now();
    const doc = nlp(s.text);
    const json = doc.json({ offset: true, terms: { offset: true } }) as Array<{
      terms: Array<{ text: string; tags: string[]; offset: { start: number; length: number } }>;
    }>;
    msTheirs += performance.now() - a;
    const terms = json.flatMap((x) => x.terms).filter((t) => t.offset.length > 0);
    s.words.forEach((w, i) => {
      if (w.upos === 'PUNCT' || w.inMwt || w.start < 0) return;
      const term = terms.find((t) => t.offset.start <= w.start && w.start < t.offset.start + t.offset.length);
      if (!term) return;
      n++;
      const theirs = compromiseToPtb(new Set(term.tags), term.text);
      const gold = w.xpos;
      if (guess[i] === gold) oursPtb++;
      if (theirs === gold) theirsPtb++;
      if (coarse(guess[i]!) === coarse(gold)) oursCoarse++;
      if (coarse(theirs) === coarse(gold)) theirsCoarse++;
      if (merge(coarse(guess[i]!)) === merge(coarse(gold))) oursNN++;
      if (merge(coarse(theirs)) === merge(coarse(gold))) theirsNN++;
    });
  }
  console.log(
    '\n## Against compromise 14 (EWT test, words that are not punctuation nor part of a contraction)\n',
  );
  console.log(
    '| tagger | tokens | PTB tag | coarse: noun / proper noun / verb / adj / adv / other | coarse, nouns and proper nouns together | time for EWT test (tokenise + tag) |',
  );
  console.log('|---|---:|---:|---:|---:|---:|');
  console.log(
    `| Saywho | ${n} | ${pct(oursPtb, n)} | ${pct(oursCoarse, n)} | ${pct(oursNN, n)} | ${msOurs.toFixed(0)} ms |`,
  );
  console.log(
    `| compromise (tags mapped) | ${n} | ${pct(theirsPtb, n)} | ${pct(theirsCoarse, n)} | ${pct(theirsNN, n)} | ${msTheirs.toFixed(0)} ms |`,
  );
}
