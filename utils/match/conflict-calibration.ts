// Written by `npm run --silent cli -- eval --calibrate` (scripts/calibrate.ts); do not edit by hand.

/** Conflicts each cue found on the tune data, and how many were right (calibration.ts). */
export const CONFLICT_TALLIES = {
  refutation: { predicted: 21, correct: 20 },
  'negated-words': { predicted: 6, correct: 6 },
  time: { predicted: 2, correct: 2 },
  antonym: { predicted: 16, correct: 11 },
  negation: { predicted: 127, correct: 100 },
  quantity: { predicted: 23, correct: 21 },
};
