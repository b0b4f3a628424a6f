/**
 * The calibration of the conflict cues (issue 15 point 3; utils/match/calibration.ts): for each
 * cue, how many of the conflicts it found on labelled data were right, by part.
 *
 * Tune (what the shipped scores are computed from): the tune parts of the open pairs (every
 * contradiction set's conflicts, right or wrong; the paraphrases called a conflict, all wrong), the
 * headline measure's tune and web parts (an article's headline against its own sentences: every
 * conflict wrong) and the development claim–headline pairs (the first invented set and the second's
 * dev half, in sentence case: a conflict is right on a denial). Check (figures only): the same
 * sources' check parts. `npm run --silent cli -- eval --calibrate` writes the tune tallies into
 * `utils/match/conflict-calibration.ts`; `cli eval` prints both parts and, by what the reader is
 * shown, the precision the shipped scores give on the check part.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONFLICT_CUES,
  CONFLICT_OPERATING_POINT,
  type ConflictCue,
  type CueTally,
  calibratedScore,
  conflictScore,
} from '../utils/match/calibration';
import { CONFLICT_TALLIES } from '../utils/match/conflict-calibration';
import type { Part } from './corpus';
import type { HeadlineFigures } from './headline-eval';
import type { InventedRow } from './invented-headlines';
import { CUE_LABEL, type OpenRow } from './relations-open-eval';

export type Tallies = Record<ConflictCue, CueTally>;

export interface CalibrationFigures {
  tune: Tallies;
  check: Tallies;
}

function empty(): Tallies {
  return Object.fromEntries(CONFLICT_CUES.map((c) => [c, { predicted: 0, correct: 0 }])) as Tallies;
}

function addTo(to: Tallies, from: Partial<Record<ConflictCue, CueTally>> | undefined): void {
  for (const [cue, t] of Object.entries(from ?? {}) as Array<[ConflictCue, CueTally]>) {
    to[cue].predicted += t.predicted;
    to[cue].correct += t.correct;
  }
}

/** Each cue's conflicts and right ones, by part, from the figures `cli eval` computes anyway. */
export function calibrationTallies(
  open: readonly OpenRow[],
  headlines: readonly HeadlineFigures[],
  invented: readonly InventedRow[],
): CalibrationFigures {
  const out: CalibrationFigures = { tune: empty(), check: empty() };
  for (const r of open) addTo(out[r.part], r.byCue);
  for (const h of headlines) addTo(out[h.part === 'check' ? 'check' : 'tune'], h.byCue);
  for (const r of invented) {
    // Each pair once: the title-case reading is the same pair.
    if (r.headlines !== 'sentence case') continue;
    addTo(out[r.part === 'check' ? 'check' : 'tune'], r.byCue);
  }
  return out;
}

/** The module `eval --calibrate` writes: the tune tallies the shipped scores come from. */
export function calibrationModule(tune: Tallies): string {
  const rows = CONFLICT_CUES.map((c) => {
    const key = /^[a-z]+$/.test(c) ? c : `'${c}'`;
    return `  ${key}: { predicted: ${tune[c].predicted}, correct: ${tune[c].correct} },`;
  });
  return [
    '// Written by `npm run --silent cli -- eval --calibrate` (scripts/calibrate.ts); do not edit by hand.',
    '',
    '/** Conflicts each cue found on the tune data, and how many were right (calibration.ts). */',
    'export const CONFLICT_TALLIES = {',
    ...rows,
    '};',
    '',
  ].join('\n');
}

export const CALIBRATION_FILE = join(import.meta.dirname, '..', 'utils', 'match', 'conflict-calibration.ts');

export function writeCalibration(tune: Tallies): void {
  writeFileSync(CALIBRATION_FILE, calibrationModule(tune));
}

/** Do the shipped tallies still say what the tune data says? */
export function calibrationCurrent(tune: Tallies): boolean {
  return CONFLICT_CUES.every(
    (c) =>
      CONFLICT_TALLIES[c].predicted === tune[c].predicted && CONFLICT_TALLIES[c].correct === tune[c].correct,
  );
}

/** Precision of what the reader is shown as a conflict and as "may disagree", by the shipped scores. */
export function shownPrecision(t: Tallies): { conflict: CueTally; mayDisagree: CueTally } {
  const conflict = { predicted: 0, correct: 0 };
  const mayDisagree = { predicted: 0, correct: 0 };
  for (const c of CONFLICT_CUES) {
    const to = conflictScore(c) >= CONFLICT_OPERATING_POINT ? conflict : mayDisagree;
    to.predicted += t[c].predicted;
    to.correct += t[c].correct;
  }
  return { conflict, mayDisagree };
}

export function formatCalibration(f: CalibrationFigures): string {
  const cell = (t: CueTally) =>
    t.predicted === 0
      ? '–'
      : `${t.correct} / ${t.predicted} (${((100 * t.correct) / t.predicted).toFixed(0)} %)`;
  const shownAs = (score: number) =>
    score >= CONFLICT_OPERATING_POINT ? 'possible conflict' : 'may disagree';
  const lines = [
    `| cue | tune: right / found | score (shipped) | shown as | check: right / found |`,
    '| --- | ---: | ---: | --- | ---: |',
    ...CONFLICT_CUES.map((c) => {
      const score = conflictScore(c);
      return `| ${CUE_LABEL[c]} | ${cell(f.tune[c])} | ${score.toFixed(2)} | ${shownAs(score)} | ${cell(f.check[c])} |`;
    }),
  ];
  const parts: Part[] = ['tune', 'check'];
  const shown = parts.map((p) => [p, shownPrecision(f[p])] as const);
  lines.push('');
  lines.push(
    `| part | shown as a possible conflict (score ≥ ${CONFLICT_OPERATING_POINT}) | shown as "may disagree" |`,
  );
  lines.push('| --- | ---: | ---: |');
  for (const [p, s] of shown) lines.push(`| ${p} | ${cell(s.conflict)} | ${cell(s.mayDisagree)} |`);
  if (!calibrationCurrent(f.tune))
    lines.push(
      '\nThe shipped scores are out of date: the tune data now gives ' +
        CONFLICT_CUES.map((c) => `${CUE_LABEL[c]} ${calibratedScore(f.tune[c]).toFixed(2)}`).join(', ') +
        ' (run `cli eval --calibrate`).',
    );
  return lines.join('\n');
}
