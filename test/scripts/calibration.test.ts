/**
 * The conflict cues' calibration (scripts/calibrate.ts, utils/match/calibration.ts): the shipped
 * scores are those the tune data gives today, and what is shown as a possible conflict holds the
 * operating point on the tune data. The check part is read as figures only (`cli eval`).
 */
import { describe, expect, it } from 'vitest';
import {
  calibrationCurrent,
  calibrationModule,
  calibrationTallies,
  formatCalibration,
  shownPrecision,
} from '../../scripts/calibrate';
import { evaluateHeadlines } from '../../scripts/headline-eval';
import { evaluateInvented } from '../../scripts/invented-headlines';
import { evaluateOpenRelations } from '../../scripts/relations-open-eval';
import { CONFLICT_CUES, CONFLICT_OPERATING_POINT } from '../../utils/match/calibration';

describe('conflict calibration', () => {
  const figures = calibrationTallies(evaluateOpenRelations(), evaluateHeadlines(), evaluateInvented());

  it('ships the tallies the tune data gives (run `cli eval --calibrate` after changing a rule)', () => {
    expect(calibrationCurrent(figures.tune), formatCalibration(figures)).toBe(true);
  });

  it('counts every cue’s conflicts, right and wrong, from every source', () => {
    const found = CONFLICT_CUES.reduce((n, c) => n + figures.tune[c].predicted, 0);
    const right = CONFLICT_CUES.reduce((n, c) => n + figures.tune[c].correct, 0);
    expect(found).toBeGreaterThan(100);
    expect(right).toBeLessThan(found);
    expect(calibrationModule(figures.tune)).toContain(
      `negation: { predicted: ${figures.tune.negation.predicted}, correct: ${figures.tune.negation.correct} }`,
    );
  });

  it('holds the operating point on the tune data with what it shows as a conflict', () => {
    const { conflict, mayDisagree } = shownPrecision(figures.tune);
    expect(conflict.predicted).toBeGreaterThan(0);
    expect(conflict.correct / conflict.predicted).toBeGreaterThanOrEqual(CONFLICT_OPERATING_POINT);
    // What falls under it is less often right: the point separates something.
    expect(mayDisagree.correct / mayDisagree.predicted).toBeLessThan(conflict.correct / conflict.predicted);
  });
});
