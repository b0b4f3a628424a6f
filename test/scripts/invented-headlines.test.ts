/**
 * Claims against news headlines about them, invented (test/fixtures/headlines): a headline that
 * calls the claim false is a possible conflict, one that reports or confirms it is none, whether
 * the headline is in sentence case or in title case.
 */
import { describe, expect, it } from 'vitest';
import { conflictFound, type InventedFile, readInvented, titleCase } from '../../scripts/invented-headlines';

function score(file: InventedFile, headline: (s: string) => string, bodies = false) {
  let found = 0;
  const wrong: string[] = [];
  // Only the development pairs: the third set and the bodies' check part are read as figures (cli eval).
  for (const p of readInvented(file).filter((x) => (x.part ?? 'dev') === 'dev')) {
    const conflict = conflictFound(p, headline, bodies);
    if (conflict && p.label === 'against') found++;
    if (conflict && p.label !== 'against') wrong.push(p.id);
  }
  return { found, wrong };
}

const styles = [
  ['sentence case', (s: string) => s, 17],
  ['title case', titleCase, 16],
] as const;

describe('claims against headlines (invented)', () => {
  it('has both kinds', () => {
    const first = readInvented('invented.jsonl');
    expect(first.filter((p) => p.label === 'against').length).toBe(22);
    expect(first.length).toBe(44);
    // the second set's check half was read while tuning (seventeenth session): development data now
    const second = readInvented('second.jsonl');
    expect(second.filter((p) => p.label === 'against' && p.part === 'dev').length).toBe(20);
    expect(second.filter((p) => p.part === 'check').length).toBe(0);
    const third = readInvented('third.jsonl');
    expect(third.filter((p) => p.label === 'against' && p.part === 'check').length).toBe(20);
    expect(third.length).toBe(40);
    const bodies = readInvented('bodies-dev.jsonl');
    expect(bodies.filter((p) => p.label === 'against' && p.part === 'dev').length).toBe(15);
    expect(bodies.length).toBe(30);
    const bodiesCheck = readInvented('bodies-check.jsonl');
    expect(bodiesCheck.filter((p) => p.label === 'against' && p.part === 'check').length).toBe(20);
    expect(bodiesCheck.length).toBe(40);
  });

  // Floors: 17 (title case 16) of the first set's 22 denials, 14 of the second set's 20 denials
  // are found; no agreeing headline is a conflict.
  it.each(styles)('first set, %s: denials found, agreeing headlines left alone', (_, headline, floor) => {
    const { found, wrong } = score('invented.jsonl', headline);
    expect(wrong).toEqual([]);
    expect(found).toBeGreaterThanOrEqual(floor);
  });
  it.each(styles)('second set (dev), %s: denials found, agreeing headlines left alone', (_, headline) => {
    const { found, wrong } = score('second.jsonl', headline);
    expect(wrong).toEqual([]);
    expect(found).toBeGreaterThanOrEqual(14);
  });

  // Floor: 11 of the 15 bodies (dev) that refute their headline somewhere are found; no body that
  // confirms or only reports the headline is a conflict.
  it.each(styles)('headlines against article bodies (dev), %s', (_, headline) => {
    const { found, wrong } = score('bodies-dev.jsonl', headline, true);
    expect(wrong).toEqual([]);
    expect(found).toBeGreaterThanOrEqual(11);
  });

  it('writes title case as headline styles do', () => {
    expect(titleCase('Ferrari denies plans to move headquarters out of Maranello')).toBe(
      'Ferrari Denies Plans to Move Headquarters out of Maranello',
    );
  });
});
