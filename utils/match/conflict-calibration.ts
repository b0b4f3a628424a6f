// Written by `npm run --silent cli -- eval --calibrate` (scripts/calibrate.ts); do not edit by hand.

/** Conflicts each cue found on the tune data, and how many were right (calibration.ts). */
export const CONFLICT_TALLIES = {
  refutation: { predicted: 23, correct: 22 },
  'negated-words': { predicted: 12, correct: 12 },
  time: { predicted: 2, correct: 2 },
  antonym: { predicted: 15, correct: 11 },
  negation: { predicted: 115, correct: 102 },
  quantity: { predicted: 23, correct: 21 },
};
