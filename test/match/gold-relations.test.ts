/**
 * Evaluation against the gold relations of the five seed articles.
 *
 * Statements are built as the store would build them: the gold speaker's canonical name and type,
 * the aliases the store would have collected for that speaker, the page as pageKey and site, the
 * `continues` chain as one utterance, and as context the rest of the utterance plus the 64
 * characters either side that the store keeps as prefix and suffix.
 *
 * Scoring is per utterance: a `continues` chain is one utterance, so a predicted relation between
 * two chains is correct when gold joins some segment of one with some segment of the other with
 * the same type. A strict per-segment table is printed too.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { classifyPair, type MatchStatement, type Relation } from '../../utils/match/classify';
import {
  CANDIDATE_WEIGHT,
  candidateKeys,
  keyWeight,
  MAX_KEYS,
  matchKeys,
} from '../../utils/match/fingerprint';
import { PAGE_CANDIDATES } from '../../utils/store/ingest';

const GOLD = join(__dirname, '../fixtures/gold');
const SEEDS = join(__dirname, '../fixtures/seeds');
const DOCS = [
  '000_f9c8db96b910917a',
  '001_b65b49475eb0b8f6',
  '002_0314bf2396b0470e',
  '003_a6e2c91dfb515133',
  '004_53869dcf0c4d9c8d',
];
const TYPES = [
  'same-quote',
  'misattribution',
  'altered-quote',
  'contradiction',
  'same-speaker-topic',
] as const;
type Type = (typeof TYPES)[number];

interface GoldQuote {
  id: string;
  kind: 'direct' | 'partial' | 'indirect';
  text: string;
  start: number;
  speaker: string | null;
  continues: string | null;
}
interface GoldSpeaker {
  id: string;
  name: string;
  type: string;
  aliases: string[];
}
interface GoldDoc {
  doc: string;
  speakers: GoldSpeaker[];
  quotes: GoldQuote[];
}
interface GoldRelation {
  a: string;
  b: string;
  type: Type;
}

const docs: GoldDoc[] = DOCS.map((d) => JSON.parse(readFileSync(join(GOLD, `${d}.json`), 'utf8')) as GoldDoc);
const goldRelations = JSON.parse(readFileSync(join(GOLD, 'relations.json'), 'utf8')) as GoldRelation[];

// The store keeps one speaker row per identity and collects every mention as an alias.
const aliasesOf = new Map<string, Set<string>>();
for (const d of docs) {
  for (const s of d.speakers) {
    const set = aliasesOf.get(s.id) ?? new Set<string>();
    for (const a of s.aliases) set.add(a);
    aliasesOf.set(s.id, set);
  }
}

interface Item {
  id: string;
  root: string;
  st: MatchStatement;
}

function kindOf(type: string): MatchStatement['speakerType'] {
  if (type === 'person' || type === 'organization' || type === 'anonymous') return type;
  // A described group ("Qatar’s leaders") is not a name.
  return 'anonymous';
}

const items: Item[] = [];
for (const d of docs) {
  const seed = readFileSync(join(SEEDS, d.doc), 'utf8');
  const site = d.doc.slice(0, 3);
  const byId = new Map(d.quotes.map((q) => [q.id, q]));
  const rootOf = (q: GoldQuote): string => {
    let cur = q;
    while (cur.continues) cur = byId.get(cur.continues)!;
    return cur.id;
  };
  for (const q of d.quotes) {
    const spk = d.speakers.find((s) => s.id === q.speaker) ?? null;
    const root = rootOf(q);
    const rest = d.quotes.filter((o) => o.id !== q.id && rootOf(o) === root).map((o) => o.text);
    const prefix = seed.slice(Math.max(0, q.start - 64), q.start);
    const suffix = seed.slice(q.start + q.text.length, q.start + q.text.length + 64);
    items.push({
      id: q.id,
      root,
      st: {
        text: q.text,
        kind: q.kind,
        speakerName: spk?.name ?? null,
        speakerType: spk ? kindOf(spk.type) : null,
        pageKey: `https://example.org/${site}`,
        site,
        utterance: root,
        speakerAliases: spk ? [...(aliasesOf.get(spk.id) ?? [])] : [],
        context: [...rest, prefix, suffix].join(' \n '),
      },
    });
  }
}

const pairKey = (x: string, y: string) => (x < y ? `${x}|${y}` : `${y}|${x}`);
const rootById = new Map(items.map((i) => [i.id, i.root]));

interface Predicted {
  a: Item;
  b: Item;
  rel: Relation;
}
const predicted: Predicted[] = [];
for (let i = 0; i < items.length; i++) {
  for (let j = i + 1; j < items.length; j++) {
    const a = items[j]!;
    const b = items[i]!;
    for (const rel of classifyPair(a.st, b.st)) predicted.push({ a, b, rel });
  }
}

interface Row {
  tp: number;
  fp: number;
  fn: number;
}
function table(level: 'utterance' | 'segment'): Record<Type, Row & { fps: string[]; fns: string[] }> {
  const key = (x: string, y: string) =>
    level === 'segment' ? pairKey(x, y) : pairKey(rootById.get(x)!, rootById.get(y)!);
  const out = {} as Record<Type, Row & { fps: string[]; fns: string[] }>;
  for (const t of TYPES) {
    const gold = new Set(goldRelations.filter((r) => r.type === t).map((r) => key(r.a, r.b)));
    const pred = new Map<string, string>();
    for (const p of predicted) {
      if (p.rel.type === t) pred.set(key(p.a.id, p.b.id), `${p.b.id}~${p.a.id}: ${p.rel.reason}`);
    }
    const tp = [...pred.keys()].filter((k) => gold.has(k)).length;
    out[t] = {
      tp,
      fp: pred.size - tp,
      fn: [...gold].filter((k) => !pred.has(k)).length,
      fps: [...pred.entries()].filter(([k]) => !gold.has(k)).map(([, v]) => v),
      fns: [...gold].filter((k) => !pred.has(k)),
    };
  }
  return out;
}

function printTable(title: string, t: ReturnType<typeof table>): void {
  const lines = [`${title}`, 'type                 TP  FP  FN  precision recall'];
  for (const type of TYPES) {
    const r = t[type];
    const p = r.tp + r.fp === 0 ? '   -   ' : `${((100 * r.tp) / (r.tp + r.fp)).toFixed(0).padStart(4)}%  `;
    const rc = r.tp + r.fn === 0 ? '  -' : `${((100 * r.tp) / (r.tp + r.fn)).toFixed(0).padStart(4)}%`;
    lines.push(
      `${type.padEnd(20)} ${String(r.tp).padStart(3)} ${String(r.fp).padStart(3)} ${String(r.fn).padStart(3)}  ${p}  ${rc}`,
    );
  }
  console.log(lines.join('\n'));
}

/** Are the utterances of "x~y" joined by a chain of gold same-speaker-topic links? */
function joinedInGold(pair: string): boolean {
  const [x, y] = pair.split('~').map((id) => rootById.get(id)!);
  const links = goldRelations
    .filter((r) => r.type === 'same-speaker-topic')
    .map((r) => [rootById.get(r.a)!, rootById.get(r.b)!] as const);
  const seen = new Set([x]);
  const queue = [x];
  while (queue.length > 0) {
    const at = queue.shift()!;
    for (const [p, q] of links) {
      const next = p === at ? q : q === at ? p : null;
      if (next && !seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return seen.has(y);
}

/** Gold pairs (segment level) whose utterance pair was predicted with the gold type. */
function goldRecall(type: Type): { found: number; total: number; missed: string[] } {
  const gold = goldRelations.filter((r) => r.type === type);
  const missed: string[] = [];
  let found = 0;
  for (const g of gold) {
    const k = pairKey(rootById.get(g.a)!, rootById.get(g.b)!);
    const hit = predicted.some((p) => p.rel.type === type && pairKey(p.a.root, p.b.root) === k);
    if (hit) found++;
    else missed.push(`${g.a}~${g.b}`);
  }
  return { found, total: gold.length, missed };
}

describe('gold relations of the seed articles', () => {
  const utter = table('utterance');
  const seg = table('segment');

  it('prints the figures', () => {
    printTable('Per utterance (continues chains as one):', utter);
    printTable('Per segment (strict):', seg);
    for (const t of TYPES) {
      if (utter[t].fps.length > 0) console.log(`FP ${t}:\n  ${utter[t].fps.join('\n  ')}`);
      if (utter[t].fns.length > 0) console.log(`FN ${t}: ${utter[t].fns.join(', ')}`);
    }
    const tps = predicted.filter((p) =>
      goldRelations.some(
        (g) =>
          g.type === p.rel.type &&
          pairKey(rootById.get(g.a)!, rootById.get(g.b)!) === pairKey(p.a.root, p.b.root),
      ),
    );
    console.log(
      `TP reasons:\n  ${[...new Set(tps.map((p) => `${p.b.id}~${p.a.id} ${p.rel.type}: ${p.rel.reason}`))].join('\n  ')}`,
    );
  });

  it('finds the misattribution and the altered quote', () => {
    expect(goldRecall('misattribution').found).toBe(1);
    expect(goldRecall('altered-quote').found).toBe(1);
  });

  it('finds at least 9 of the 11 contradictions', () => {
    const r = goldRecall('contradiction');
    expect(r.total).toBe(11);
    expect(r.found, `missed ${r.missed.join(', ')}`).toBeGreaterThanOrEqual(9);
  });

  it('keeps precision at 80% or more for every type it outputs', () => {
    for (const t of TYPES) {
      const r = utter[t];
      if (r.tp + r.fp === 0) continue;
      // One speaker on one subject is transitive: two utterances the gold joins through others of
      // the same speaker ("002-q05" and "003-q01" both through "002-q08") are on one subject.
      const implied =
        t === 'same-speaker-topic' ? r.fps.filter((v) => joinedInGold(v.split(':')[0]!)).length : 0;
      expect((r.tp + implied) / (r.tp + r.fp), `${t}: ${r.fps.join(' | ')}`).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('brings every gold pair to the classifier: index keys, or the page channel (or reports the recall)', () => {
    const keysOf = new Map(items.map((i) => [i.id, new Set(matchKeys(i.st.text, i.st.context))]));
    const asksOf = new Map(
      items.map((i) => [
        i.id,
        candidateKeys(i.st.text, i.st.context, undefined, i.st.speakerName ?? undefined).lookup,
      ]),
    );
    // Ingest also gives a statement the PAGE_CANDIDATES statements before it on its page.
    const position = new Map(items.map((i, at) => [i.id, at]));
    const nearOnPage = (x: string, y: string) =>
      x.slice(0, 3) === y.slice(0, 3) && Math.abs(position.get(x)! - position.get(y)!) <= PAGE_CANDIDATES;
    // What ingest requires of a candidate: the keys either side asks the index about, found among
    // the other's keys, weighing at least CANDIDATE_WEIGHT (one topic word or one band is not enough).
    const found = (x: string, y: string) =>
      asksOf
        .get(x)!
        .filter((k) => keysOf.get(y)!.has(k))
        .reduce((sum, k) => sum + keyWeight(k), 0) >= CANDIDATE_WEIGHT;
    const share = (x: string, y: string) => found(x, y) || found(y, x) || nearOnPage(x, y);
    // An utterance is found when any of its segments shares a key with any segment of the other.
    const segmentsOf = (id: string) => items.filter((i) => i.root === rootById.get(id)).map((i) => i.id);
    const shareUtterance = (x: string, y: string) =>
      segmentsOf(x).some((sx) => segmentsOf(y).some((sy) => share(sx, sy)));
    const lines: string[] = [];
    const missed: string[] = [];
    for (const t of TYPES) {
      const gold = goldRelations.filter((r) => r.type === t);
      const seg = gold.filter((g) => share(g.a, g.b)).length;
      const utt = gold.filter((g) => shareUtterance(g.a, g.b)).length;
      lines.push(`${t}: ${seg}/${gold.length} segments, ${utt}/${gold.length} utterances`);
      for (const g of gold) if (!shareUtterance(g.a, g.b)) missed.push(`${t} ${g.a}~${g.b}`);
    }
    const sizes = [...keysOf.values()].map((s) => s.size);
    console.log(
      `Key recall of gold pairs:\n  ${lines.join('\n  ')}\nkeys per statement: max ${Math.max(...sizes)}`,
    );
    if (missed.length > 0) console.log(`No shared key even per utterance: ${missed.join(', ')}`);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(MAX_KEYS);
    // The reprint types must be found, and the contradictions.
    for (const t of ['misattribution', 'altered-quote', 'same-quote'] as const) {
      for (const g of goldRelations.filter((r) => r.type === t)) {
        expect(shareUtterance(g.a, g.b), `${t} ${g.a}~${g.b}`).toBe(true);
      }
    }
    const contradictions = goldRelations.filter((r) => r.type === 'contradiction');
    // At least the 9 of 11 the relations must find (issue 15).
    expect(contradictions.filter((g) => shareUtterance(g.a, g.b)).length).toBeGreaterThanOrEqual(9);
  });
});
