/**
 * Conflicts scored by how often their cue was right (match/calibration.ts), and shown as a
 * possible conflict only at the operating point (match/relate.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  CONFLICT_CUES,
  CONFLICT_OPERATING_POINT,
  calibratedScore,
  conflictScore,
  conflictWords,
} from '../../utils/match/calibration';
import { classifyPair } from '../../utils/match/classify';
import { CONFLICT_TALLIES } from '../../utils/match/conflict-calibration';
import { isConflict } from '../../utils/match/relate';
import { other, st } from './statements';

describe('calibratedScore', () => {
  // Laplace's rule of succession: a cue never seen sits at one half, a perfect short record is no certainty.
  it('smooths a cue’s record towards one half', () => {
    expect(calibratedScore({ predicted: 0, correct: 0 })).toBe(0.5);
    expect(calibratedScore({ predicted: 2, correct: 2 })).toBe(0.75);
    expect(calibratedScore({ predicted: 23, correct: 21 })).toBeCloseTo(22 / 25);
    expect(calibratedScore({ predicted: 200, correct: 190 })).toBeGreaterThan(CONFLICT_OPERATING_POINT);
  });

  it('gives each cue the score of its shipped record', () => {
    for (const cue of CONFLICT_CUES) expect(conflictScore(cue)).toBe(calibratedScore(CONFLICT_TALLIES[cue]));
  });
});

describe('isConflict', () => {
  it('shows a contradiction as a conflict only at the operating point', () => {
    expect(isConflict({ type: 'contradiction', score: CONFLICT_OPERATING_POINT })).toBe(true);
    expect(isConflict({ type: 'contradiction', score: CONFLICT_OPERATING_POINT - 0.01 })).toBe(false);
  });

  it('always shows the same words given to another speaker or altered as a conflict', () => {
    expect(isConflict({ type: 'misattribution', score: 0.3 })).toBe(true);
    expect(isConflict({ type: 'altered-quote', score: 0.3 })).toBe(true);
    expect(isConflict({ type: 'same-quote', score: 1 })).toBe(false);
    expect(isConflict({ type: 'same-speaker-topic', score: 0.9 })).toBe(false);
  });
});

describe('a contradiction found by the classifier', () => {
  // Invented news sentences: one speaker's figure against another's for the same count.
  it('carries its cue, its cue’s calibrated score and a reason worded by that score', () => {
    const a = st('The storm flooded 40 homes on Elm Street in Harlow, the council said.', other);
    const b = st('The storm flooded 25 homes on Elm Street in Harlow on Sunday.', {
      ...other,
      site: 'three.example',
      pageKey: 'three',
      speakerName: 'Jo Park',
    });
    const [rel] = classifyPair(a, b).filter((r) => r.type === 'contradiction');
    expect(rel).toMatchObject({ cue: 'quantity', score: conflictScore('quantity') });
    expect(rel!.reason.startsWith(`${conflictWords(rel!.score)} — ‘`)).toBe(true);
  });

  it('opens its reason by what the reader is shown', () => {
    expect(conflictWords(CONFLICT_OPERATING_POINT)).toBe('possible conflict');
    expect(conflictWords(CONFLICT_OPERATING_POINT - 0.01)).toBe('may disagree');
  });
});
