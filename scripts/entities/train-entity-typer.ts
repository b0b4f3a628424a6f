/**
 * Trains the entity typer (utils/nlp/entity.ts): multinomial logistic regression over the features
 * of utils/nlp/entity-features.ts, from the named mentions (proper-noun spans) of the GUM corpus's
 * entity annotations (../shared/corpus/treebanks/gum, annotations CC BY 4.0). The news genre is
 * held out: its documents are the Wikinews articles Saywho's extraction is evaluated on.
 *
 *   npx tsx scripts/entities/train-entity-typer.ts [--write]
 *
 * Prints accuracy on held-out documents (every fifth non-news document) and on the news genre,
 * then (with --write) trains on every non-news document and writes utils/nlp/model/entity-model.ts.
 * Deterministic.
 */
// The extractor's model data, as Node tools have them (utils/nlp/model-data.ts).
import '../../utils/nlp/model/use-bundled';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ENTITY_CLASSES, type EntityClass, mentionFeatures } from '../../utils/nlp/entity-features';
import { givenName } from '../../utils/nlp/given-names';

const GUM = join(import.meta.dirname, '../../../shared/corpus/treebanks/gum');
const OUT = join(import.meta.dirname, '../../utils/nlp/model/entity-model.ts');

interface Mention {
  doc: string;
  words: string[];
  before: string[];
  after: string[];
  label: EntityClass;
}

function toClass(type: string): EntityClass {
  if (type === 'person') return 'person';
  if (type === 'organization') return 'organization';
  if (type === 'place') return 'place';
  return 'other';
}

/** Named mentions of one GUM document: entity spans whose first and last words are proper nouns. */
function mentionsOf(path: string, doc: string): Mention[] {
  const out: Mention[] = [];
  const sentences: { form: string; upos: string; misc: string }[][] = [];
  let cur: { form: string; upos: string; misc: string }[] = [];
  for (const line of readFileSync(path, 'utf8').split('\n')) {
    if (line === '') {
      if (cur.length) sentences.push(cur);
      cur = [];
    } else if (!line.startsWith('#')) {
      const c = line.split('\t');
      if ((c[0] ?? '').includes('-') || (c[0] ?? '').includes('.')) continue;
      cur.push({ form: c[1] ?? '', upos: c[3] ?? '', misc: c[9] ?? '' });
    }
  }
  if (cur.length) sentences.push(cur);
  for (const s of sentences) {
    const open = new Map<string, { start: number; type: string }[]>();
    s.forEach((tok, i) => {
      const ent = /Entity=([^|]*)/.exec(tok.misc)?.[1] ?? '';
      // "(3-person-new-…)" opens (and closes, with its own ")"); "3)" closes
      const re = /\((\d+)-([a-z]+)[^()]*(\))?|(\d+)\)/g;
      for (let m = re.exec(ent); m; m = re.exec(ent)) {
        if (m[1]) {
          if (m[3]) add(s, i, i, m[2] ?? '');
          else {
            const list = open.get(m[1]) ?? [];
            list.push({ start: i, type: m[2] ?? '' });
            open.set(m[1], list);
          }
        } else if (m[4]) {
          const e = open.get(m[4])?.pop();
          if (e) add(s, e.start, i, e.type);
        }
      }
    });
  }
  function add(s: { form: string; upos: string }[], a: number, b: number, type: string): void {
    let start = a;
    if (/^(the|The)$/.test(s[start]?.form ?? '') && start < b) start++;
    if (s[start]?.upos !== 'PROPN' || s[b]?.upos !== 'PROPN' || b - start > 6) return;
    out.push({
      doc,
      words: s.slice(start, b + 1).map((t) => t.form),
      before: s.slice(Math.max(0, start - 2), start).map((t) => t.form),
      after: s.slice(b + 1, b + 3).map((t) => t.form),
      label: toClass(type),
    });
  }
  return out;
}

type Weights = Map<string, Float64Array>;
const K = ENTITY_CLASSES.length;

function scores(w: Weights, feats: string[]): Float64Array {
  const z = new Float64Array(K);
  for (const f of feats) {
    const v = w.get(f);
    if (v) for (let k = 0; k < K; k++) z[k] = (z[k] ?? 0) + (v[k] ?? 0);
  }
  return z;
}

function softmax(z: Float64Array): Float64Array {
  const m = Math.max(...z);
  const e = z.map((x) => Math.exp(x - m));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((x) => x / sum);
}

/** Seeded shuffle (mulberry32) so that training is deterministic. */
function shuffle<T>(xs: T[], seed: number): T[] {
  let a = seed;
  const rnd = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = xs.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

function train(data: Mention[], epochs = 12, l2 = 1e-4, minCount = 2, rate0 = 0.2): Weights {
  const counts = new Map<string, number>();
  const feats = data.map((m) => mentionFeatures(m));
  for (const fs of feats) for (const f of fs) counts.set(f, (counts.get(f) ?? 0) + 1);
  const w: Weights = new Map();
  for (const [f, c] of counts) if (c >= minCount || f === 'bias') w.set(f, new Float64Array(K));
  const idx = data.map((_, i) => i);
  for (let e = 0; e < epochs; e++) {
    const rate = rate0 / (1 + e);
    for (const i of shuffle(idx, 7 + e)) {
      const fs = (feats[i] as string[]).filter((f) => w.has(f));
      const p = softmax(scores(w, fs));
      const y = ENTITY_CLASSES.indexOf((data[i] as Mention).label);
      for (const f of fs) {
        const v = w.get(f) as Float64Array;
        for (let k = 0; k < K; k++)
          v[k] = (v[k] ?? 0) * (1 - rate * l2) - rate * ((p[k] ?? 0) - (k === y ? 1 : 0));
      }
    }
  }
  return w;
}

function evaluate(w: Weights, data: Mention[], label: string): void {
  let ok = 0;
  let personOk = 0;
  let baseA = 0;
  let baseB = 0;
  const confusion = new Map<string, number>();
  // document level: a name's mentions in one document vote together (summed scores)
  const byName = new Map<string, Float64Array>();
  const keyOf = (m: Mention) => `${m.doc}\u0000${m.words.join(' ')}`;
  for (const m of data) {
    const z = scores(w, mentionFeatures(m));
    const acc = byName.get(keyOf(m)) ?? new Float64Array(K);
    for (let k = 0; k < K; k++) acc[k] = (acc[k] ?? 0) + (z[k] ?? 0);
    byName.set(keyOf(m), acc);
    const pred = ENTITY_CLASSES[z.indexOf(Math.max(...z))] as EntityClass;
    if (pred === m.label) ok++;
    if ((pred === 'person') === (m.label === 'person')) personOk++;
    const g = givenName(m.words[0] ?? '') !== null;
    if (g === (m.label === 'person')) baseA++;
    if ((g || (m.words.length >= 2 && m.words.every((x) => /^\p{Lu}/u.test(x)))) === (m.label === 'person'))
      baseB++;
    const c = `${m.label}→${pred}`;
    confusion.set(c, (confusion.get(c) ?? 0) + 1);
  }
  let docOk = 0;
  for (const m of data) {
    const z = byName.get(keyOf(m)) as Float64Array;
    if (ENTITY_CLASSES[z.indexOf(Math.max(...z))] === m.label) docOk++;
  }
  const pct = (x: number) => ((100 * x) / data.length).toFixed(1);
  const base = new Map<string, number>();
  for (const m of data) base.set(m.label, (base.get(m.label) ?? 0) + 1);
  const majority = Math.max(...base.values());
  console.log(
    `${label}: ${data.length} mentions; accuracy ${pct(ok)} % per mention, ${pct(docOk)} % with the document's votes (majority class ${pct(majority)} %); person or not: ${pct(personOk)} % (given-name rule ${pct(baseA)} %, or two capitals ${pct(baseB)} %)`,
  );
  const errs = [...confusion]
    .filter(([c]) => c.split('→')[0] !== c.split('→')[1])
    .sort((a, b) => b[1] - a[1]);
  console.log(`  errors: ${errs.map(([c, n]) => `${c} ${n}`).join(', ')}`);
}

function serialise(w: Weights): string {
  const lines: string[] = [];
  for (const [f, v] of [...w].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const q = [...v].map((x) => Math.round(x * 100));
    if (f !== 'bias' && q.every((x) => x === 0)) continue;
    lines.push(`${f}\t${q.join(' ')}`);
  }
  return lines.join('\n');
}

const docs = readdirSync(GUM)
  .filter((f) => f.endsWith('.conllu'))
  .sort();
const all = docs.flatMap((f) => mentionsOf(join(GUM, f), f.replace(/\.conllu$/, '')));
const news = all.filter((m) => m.doc.startsWith('GUM_news_'));
const rest = all.filter((m) => !m.doc.startsWith('GUM_news_'));
const restDocs = [...new Set(rest.map((m) => m.doc))];
const heldDocs = new Set(restDocs.filter((_, i) => i % 5 === 4));
const trainPart = rest.filter((m) => !heldDocs.has(m.doc));
const heldPart = rest.filter((m) => heldDocs.has(m.doc));
const [E, L2, MC, R] = (process.env.HP ?? '30,1e-3,3,0.1').split(',').map(Number);
const w = train(trainPart, E, L2, MC, R);
evaluate(w, trainPart, 'train');
evaluate(w, heldPart, `held-out GUM documents (${heldDocs.size})`);
evaluate(w, news, 'GUM news genre (never trained on)');
if (process.argv.includes('--write')) {
  const final = train(rest, E, L2, MC, R);
  const body = serialise(final);
  writeFileSync(
    OUT,
    `/**\n * Weights of the entity typer (utils/nlp/entity.ts), generated by\n * scripts/entities/train-entity-typer.ts from the GUM corpus's entity annotations (CC BY 4.0;\n * ./GUM-LICENSE.txt, ./LICENSES.md). One line per feature: name, tab, weights ×100 for\n * ${ENTITY_CLASSES.join(', ')}. Do not edit.\n */\nexport const ENTITY_MODEL = ${JSON.stringify(body)};\n`,
  );
  // in the repository's format, so that `npm run lint` passes on a freshly trained model
  execFileSync('npx', ['biome', 'format', '--write', OUT], { stdio: 'ignore' });
  console.log(`wrote ${OUT}: ${body.split('\n').length} features, ${(body.length / 1024).toFixed(0)} kB`);
}
