/**
 * The relation classifier on openly licensed sentence pairs (test/fixtures/relations, built by
 * scripts/build-relation-fixtures.ts; issue 15 point 5), through `classifyPair` as `cli compare`
 * and the background use it, by part (tune / check):
 *
 * - contradiction (NLI and fact-checking pairs, and PERSPECTRUM's "disagree" stance as a weak
 *   form): the first text read first, on another site, both as reported claims of no named
 *   speaker; found = a `contradiction` relation.
 * - the same claim reworded (PERSPECTRUM paraphrases, IBM ArgKP key-point matches): both texts as
 *   reported claims of one named speaker on two sites; found = `same-quote` or `altered-quote`.
 *   Also counted: paraphrases called a conflict.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ConflictCue, type CueTally, tallyCue } from '../utils/match/calibration';
import { classifyPair, type MatchStatement } from '../utils/match/classify';
import { FIXTURES, type Part } from './corpus';

interface Pair {
  id: string;
  a: string;
  b: string;
  label: string;
  part: Part;
}

type Task = 'contradiction' | 'paraphrase';

/** Each file: which task it measures and which labels are its positives. */
const SETS: Array<{ file: string; name: string; task: Task; positive: readonly string[] }> = [
  { file: 'negation_nli.jsonl', name: 'Negation-NLI', task: 'contradiction', positive: ['contradiction'] },
  {
    file: 'fever_symmetric.jsonl',
    name: 'FEVER-Symmetric',
    task: 'contradiction',
    positive: ['contradiction'],
  },
  { file: 'snli.jsonl', name: 'SNLI', task: 'contradiction', positive: ['contradiction'] },
  { file: 'breaking_nli.jsonl', name: 'Breaking-NLI', task: 'contradiction', positive: ['contradiction'] },
  {
    file: 'perspectrum_stance.jsonl',
    name: 'PERSPECTRUM stance',
    task: 'contradiction',
    positive: ['disagree'],
  },
  {
    file: 'perspectrum_paraphrase.jsonl',
    name: 'PERSPECTRUM paraphrase',
    task: 'paraphrase',
    positive: ['paraphrase'],
  },
  { file: 'ibm_argkp.jsonl', name: 'IBM ArgKP', task: 'paraphrase', positive: ['match'] },
];

export interface OpenRow {
  set: string;
  task: Task;
  part: Part;
  pairs: number;
  positives: number;
  predicted: number;
  correct: number;
  precision: number;
  recall: number;
  f1: number;
  /** Paraphrase sets: positives (paraphrases) called a conflict. */
  conflictsOnPositives?: number;
  /**
   * The conflicts predicted, and how many are right, by the cue that found them: on contradiction
   * sets every conflict; on paraphrase sets the paraphrases called a conflict (none right).
   */
  byCue?: Partial<Record<ConflictCue, CueTally>>;
}

function side(text: string, page: string, speaker: string | null): MatchStatement {
  return {
    text,
    kind: 'indirect',
    speakerName: speaker,
    speakerType: speaker ? 'person' : null,
    pageKey: page,
    site: `${page}.example`,
  };
}

function readPairs(file: string): Pair[] {
  return readFileSync(join(FIXTURES, 'relations', file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Pair);
}

export function evaluateOpenRelations(): OpenRow[] {
  const rows: OpenRow[] = [];
  for (const set of SETS) {
    const pairs = readPairs(set.file);
    for (const part of ['tune', 'check'] as const) {
      const of = pairs.filter((p) => p.part === part);
      if (of.length === 0) continue;
      let positives = 0;
      let predicted = 0;
      let correct = 0;
      let conflicts = 0;
      const byCue: Partial<Record<ConflictCue, CueTally>> = {};
      const tally = (cue: ConflictCue | undefined, right: boolean) => tallyCue(byCue, cue, right);
      for (const p of of) {
        const speaker = set.task === 'paraphrase' ? 'Alex Morgan' : null;
        // b is read after a: the classifier's first side is the statement being read
        const relations = classifyPair(side(p.b, 'second', speaker), side(p.a, 'first', speaker));
        const found =
          set.task === 'contradiction'
            ? relations.some((r) => r.type === 'contradiction')
            : relations.some((r) => r.type === 'same-quote' || r.type === 'altered-quote');
        const gold = set.positive.includes(p.label);
        if (gold) positives++;
        if (found) predicted++;
        if (found && gold) correct++;
        const conflict = relations.find((r) => r.type === 'contradiction');
        if (found && set.task === 'contradiction') tally(conflict?.cue, gold);
        if (set.task === 'paraphrase' && gold && conflict) {
          conflicts++;
          tally(conflict.cue, false);
        }
      }
      const precision = predicted ? correct / predicted : 0;
      const recall = positives ? correct / positives : 0;
      const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
      rows.push({
        set: set.name,
        task: set.task,
        part,
        pairs: of.length,
        positives,
        predicted,
        correct,
        precision,
        recall,
        f1,
        byCue,
        ...(set.task === 'paraphrase' ? { conflictsOnPositives: conflicts } : {}),
      });
    }
  }
  return rows;
}

export function formatOpenRelations(rows: readonly OpenRow[]): string {
  const pct = (x: number) => (100 * x).toFixed(1);
  return [
    '| set | task | part | pairs | positives | predicted | P | R | F1 | paraphrases called a conflict |',
    '| --- | --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
    ...rows.map(
      (r) =>
        `| ${r.set} | ${r.task} | ${r.part} | ${r.pairs} | ${r.positives} | ${r.predicted} | ${pct(r.precision)} | ${pct(r.recall)} | ${pct(r.f1)} | ${r.conflictsOnPositives === undefined ? '' : `${r.conflictsOnPositives} (${pct(r.conflictsOnPositives / Math.max(1, r.positives))} %)`} |`,
    ),
    '',
    'Conflicts by the cue that found them, the contradiction sets pooled, PERSPECTRUM stance included (right / predicted):',
    '',
    '| cue | tune | check |',
    '| --- | ---: | ---: |',
    ...cueRows(rows),
  ].join('\n');
}

/** The cues as the tables name them. */
export const CUE_LABEL: Record<ConflictCue, string> = {
  refutation: 'refutation',
  'negated-words': 'same words, negated',
  time: 'time',
  antonym: 'antonym',
  negation: 'negation',
  quantity: 'quantity',
};

/** One row per cue: "right / predicted (precision)" on each part. */
function cueRows(rows: readonly OpenRow[]): string[] {
  const pooled = new Map<string, Record<'tune' | 'check', { predicted: number; correct: number }>>();
  for (const r of rows) {
    if (r.task !== 'contradiction') continue;
    for (const [cue, t] of Object.entries(r.byCue ?? {})) {
      const by = pooled.get(cue) ?? {
        tune: { predicted: 0, correct: 0 },
        check: { predicted: 0, correct: 0 },
      };
      by[r.part].predicted += t.predicted;
      by[r.part].correct += t.correct;
      pooled.set(cue, by);
    }
  }
  const cell = (t: { predicted: number; correct: number }) =>
    t.predicted === 0
      ? '–'
      : `${t.correct} / ${t.predicted} (${((100 * t.correct) / t.predicted).toFixed(0)} %)`;
  return [...pooled]
    .sort((x, y) => y[1].tune.predicted + y[1].check.predicted - x[1].tune.predicted - x[1].check.predicted)
    .map(([cue, by]) => `| ${CUE_LABEL[cue as ConflictCue] ?? cue} | ${cell(by.tune)} | ${cell(by.check)} |`);
}
