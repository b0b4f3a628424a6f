/**
 * Builds test/fixtures/relations/ from ../shared/corpus/relations (openly licensed sentence pairs,
 * see its LICENSES.md): a deterministic sample of each file, each pair given a part — `tune` or
 * `check` — by a hash of what the pairs of one group share (the premise, the claim or the topic),
 * so that one group never sits on both sides. The licences and attributions are copied beside.
 *
 *   npx tsx scripts/build-relation-fixtures.ts [../shared/corpus/relations]
 */
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const from = process.argv[2] ?? join(import.meta.dirname, '..', '..', 'shared', 'corpus', 'relations');
const to = join(import.meta.dirname, '..', 'test', 'fixtures', 'relations');

/** Pairs kept per file (all when the file has fewer). Breaking NLI is a test set: check only. */
const FILES: Array<{ file: string; keep: number; checkOnly?: boolean }> = [
  { file: 'negation_nli.jsonl', keep: 3000 },
  { file: 'fever_symmetric.jsonl', keep: 1416 },
  { file: 'snli.jsonl', keep: 1500 },
  { file: 'breaking_nli.jsonl', keep: 1000, checkOnly: true },
  { file: 'perspectrum_stance.jsonl', keep: 2000 },
  { file: 'perspectrum_paraphrase.jsonl', keep: 2000 },
  { file: 'ibm_argkp.jsonl', keep: 1500 },
];

interface Pair {
  id: string;
  a: string;
  b: string;
  label: string;
  source: string;
  topic?: string;
}

const hash = (s: string) => createHash('sha256').update(s).digest();

/** What one group of pairs shares: FEVER's claim (b), a debate's topic, else the premise (a). */
function groupOf(p: Pair): string {
  if (p.source.startsWith('fever')) return p.b;
  return p.topic ?? p.a;
}

mkdirSync(join(to, 'licenses'), { recursive: true });
const counts: Record<string, Record<string, number>> = {};
for (const { file, keep, checkOnly } of FILES) {
  const pairs = readFileSync(join(from, file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Pair);
  // a sample that does not depend on the file's order: the smallest hashes of the ids
  const sample = pairs
    .map((p) => ({ p, h: hash(p.id).readUInt32BE(0) }))
    .sort((x, y) => x.h - y.h)
    .slice(0, keep)
    .map(({ p }) => p)
    .sort((x, y) => (x.id < y.id ? -1 : 1));
  const c: Record<string, number> = {};
  counts[file] = c;
  const lines = sample.map((p) => {
    const part = checkOnly || hash(groupOf(p))[0]! % 2 === 1 ? 'check' : 'tune';
    c[`${part} ${p.label}`] = (c[`${part} ${p.label}`] ?? 0) + 1;
    return JSON.stringify({ id: p.id, a: p.a, b: p.b, label: p.label, source: p.source, part });
  });
  writeFileSync(join(to, file), `${lines.join('\n')}\n`);
}
copyFileSync(join(from, 'LICENSES.md'), join(to, 'LICENSES.md'));
for (const f of readdirSync(join(from, 'licenses')))
  copyFileSync(join(from, 'licenses', f), join(to, 'licenses', f));
writeFileSync(join(to, 'counts.json'), `${JSON.stringify(counts, null, 2)}\n`);
console.log(JSON.stringify(counts, null, 2));
