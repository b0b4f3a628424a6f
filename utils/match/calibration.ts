/**
 * How far a possible conflict can be trusted (issue 15 point 3). A conflict's score is the share of
 * the conflicts its cue found that were right on labelled data — the tune parts of the open pairs
 * (NLI, fact-checking and stance sets; paraphrases, where every conflict called is wrong), real
 * headlines against the sentences of their own articles (every conflict called is wrong) and the
 * development claim–headline pairs — written down by `npm run --silent cli -- eval --calibrate`
 * (scripts/calibrate.ts) into `conflict-calibration.ts`. The share is smoothed by Laplace's rule of
 * succession, (right + 1) / (found + 2): a cue seen twice and right twice is not yet called certain,
 * and a cue never seen on the tune data sits at one half.
 *
 * The reader is shown a possible conflict — the red mark, the toolbar's "!" — only at or above the
 * operating point; under it the pair is shown as related, "may disagree", in the reader's own lists.
 */
import { CONFLICT_TALLIES } from './conflict-calibration';
import type { DetectedCue } from './contradiction';

/** The cues a conflict is found by: `detectConflict`'s, and the same words with one side negated. */
export type ConflictCue = DetectedCue | 'negated-words';

export const CONFLICT_CUES: readonly ConflictCue[] = [
  'refutation',
  'negated-words',
  'time',
  'antonym',
  'negation',
  'quantity',
];

/** Conflicts a cue found on labelled pairs, and how many of them were right. */
export interface CueTally {
  predicted: number;
  correct: number;
}

/**
 * A conflict is shown as one at this calibrated score or above: the precision issue 15 asks of
 * conflicts on unseen claim–headline pairs.
 */
export const CONFLICT_OPERATING_POINT = 0.85;

/** Laplace's rule of succession: the chance that the next conflict of a cue so tallied is right. */
export function calibratedScore(t: CueTally): number {
  return (t.correct + 1) / (t.predicted + 2);
}

/** How a contradiction's reason opens: what the reader is told it is, by its calibrated score. */
export function conflictWords(score: number): string {
  return score >= CONFLICT_OPERATING_POINT ? 'possible conflict' : 'may disagree';
}

/** The calibrated score of a conflict found by `cue`. */
export function conflictScore(cue: ConflictCue): number {
  return calibratedScore(TALLIES[cue]);
}

/** The shipped tallies, checked to hold every cue. */
const TALLIES: Readonly<Record<ConflictCue, CueTally>> = CONFLICT_TALLIES;

/**
 * Counts one conflict found by `cue` into `byCue`. Every contradiction the classifier reports carries
 * its cue; `cue` is optional only because `Relation`'s is (other relation types have none).
 */
export function tallyCue(
  byCue: Partial<Record<ConflictCue, CueTally>>,
  cue: ConflictCue | undefined,
  right: boolean,
): void {
  const key = cue ?? 'negation';
  const t = byCue[key] ?? { predicted: 0, correct: 0 };
  byCue[key] = t;
  t.predicted++;
  if (right) t.correct++;
}
