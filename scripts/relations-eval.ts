/**
 * Scores the relations the store finds on the seed articles — extraction, ingest and matching end
 * to end — against the gold `relations.json`. Segments of one utterance (gold `continues` chains)
 * count as one: a relation is right when it joins the same two utterances with the same type.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { type FileRelation, relateFiles } from './relate';
import { overlap } from './score';

const FIXTURES = join(import.meta.dirname, '..', 'test', 'fixtures');

interface GoldQuote {
  id: string;
  text: string;
  start: number;
  continues: string | null;
}

interface GoldRelation {
  a: string;
  b: string;
  type: string;
}

export interface TypeScore {
  type: string;
  tp: number;
  fp: number;
  gold: number;
  found: number;
  precision: number;
  recall: number;
}

export interface RelationsEval {
  byType: TypeScore[];
  /** Predicted relations that matched no gold relation, for reading. */
  unmatched: Array<{ type: string; a: string; b: string; reason: string }>;
}

export async function evaluateRelations(): Promise<RelationsEval> {
  const seedDir = join(FIXTURES, 'seeds');
  const files = readdirSync(seedDir)
    .sort()
    .map((f) => join(seedDir, f));
  const quotesByDoc = new Map<string, GoldQuote[]>();
  const chain = new Map<string, string>();
  for (const file of files) {
    const gold = JSON.parse(
      readFileSync(join(FIXTURES, 'gold', basename(file).replace('.txt', '.json')), 'utf8'),
    ) as {
      quotes: GoldQuote[];
    };
    quotesByDoc.set(basename(file).slice(0, 3), gold.quotes);
    for (const q of gold.quotes)
      chain.set(q.id, q.continues ? (chain.get(q.continues) ?? q.continues) : q.id);
  }
  const goldRelations = JSON.parse(
    readFileSync(join(FIXTURES, 'gold', 'relations.json'), 'utf8'),
  ) as GoldRelation[];
  const pairKey = (type: string, x: string, y: string) => {
    const [p, q] = [chain.get(x) ?? x, chain.get(y) ?? y].sort();
    return `${type}|${p}|${q}`;
  };
  const goldKeys = new Map<string, number>();
  for (const r of goldRelations)
    goldKeys.set(pairKey(r.type, r.a, r.b), (goldKeys.get(pairKey(r.type, r.a, r.b)) ?? 0) + 1);

  const goldIdOf = (side: FileRelation['a']): string | null => {
    const quotes = quotesByDoc.get(basename(side.file).slice(0, 3)) ?? [];
    let best: string | null = null;
    let bestOverlap = 0.3;
    for (const q of quotes) {
      const o = overlap(q.start, q.start + q.text.length, side.start, side.end);
      if (o >= bestOverlap) {
        best = q.id;
        bestOverlap = o;
      }
    }
    return best;
  };

  const predicted = await relateFiles(files);
  const types = ['misattribution', 'altered-quote', 'same-quote', 'contradiction', 'same-speaker-topic'];
  const tp = new Map<string, number>();
  const fp = new Map<string, number>();
  const foundGold = new Set<string>();
  const seenPredicted = new Set<string>();
  const unmatched: RelationsEval['unmatched'] = [];
  for (const r of predicted) {
    const a = goldIdOf(r.a);
    const b = goldIdOf(r.b);
    const key = a && b ? pairKey(r.type, a, b) : null;
    // Two segments of one utterance related to the same thing count once.
    if (key && seenPredicted.has(key)) continue;
    if (key) seenPredicted.add(key);
    if (key && goldKeys.has(key)) {
      tp.set(r.type, (tp.get(r.type) ?? 0) + 1);
      foundGold.add(key);
    } else {
      fp.set(r.type, (fp.get(r.type) ?? 0) + 1);
      unmatched.push({
        type: r.type,
        a: a ?? r.a.text.slice(0, 40),
        b: b ?? r.b.text.slice(0, 40),
        reason: r.reason,
      });
    }
  }
  const byType = types.map((type): TypeScore => {
    const t = tp.get(type) ?? 0;
    const f = fp.get(type) ?? 0;
    // Recall counts gold relations (9 contradictions, …), each found when its utterance pair is.
    const goldOfType = goldRelations.filter((r) => r.type === type).map((r) => pairKey(r.type, r.a, r.b));
    const found = goldOfType.filter((k) => foundGold.has(k)).length;
    return {
      type,
      tp: t,
      fp: f,
      gold: goldOfType.length,
      found,
      precision: t + f === 0 ? 100 : (100 * t) / (t + f),
      recall: goldOfType.length === 0 ? 100 : (100 * found) / goldOfType.length,
    };
  });
  return { byType, unmatched };
}

export function formatRelations(result: RelationsEval): string {
  const lines = [
    '| relation | gold | found | predicted | precision | recall |',
    '|---|---:|---:|---:|---:|---:|',
  ];
  for (const t of result.byType) {
    lines.push(
      `| ${t.type} | ${t.gold} | ${t.found} | ${t.tp + t.fp} | ${t.precision.toFixed(0)}% | ${t.recall.toFixed(0)}% |`,
    );
  }
  return lines.join('\n');
}
