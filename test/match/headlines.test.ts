/**
 * Claims against news headlines about them, invented (test/fixtures/headlines): a headline that
 * calls the claim false is a possible conflict, one that reports or confirms it is none, whether
 * the headline is in sentence case or in title case.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { classifyPair } from '../../utils/match/classify';
import { other, st } from './statements';

interface Pair {
  id: string;
  label: 'against' | 'for' | 'observing';
  a: { text: string };
  b: { text: string };
}
const pairs: Pair[] = readFileSync('test/fixtures/headlines/invented.jsonl', 'utf8')
  .trim()
  .split('\n')
  .map((l) => JSON.parse(l));

const SMALL = new Set('a an the of in on to for and or at by is are as with from out that its'.split(' '));
/** A headline as a title-case style writes it: every word capitalised but short function words. */
const titleCase = (s: string) =>
  s
    .split(' ')
    .map((w, i) => (i > 0 && SMALL.has(w.toLowerCase()) ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');

const unnamed = { speakerName: null, speakerType: null } as const;
function score(headline: (s: string) => string) {
  let found = 0;
  const wrong: string[] = [];
  for (const p of pairs) {
    const rel = classifyPair(st(p.a.text, unnamed), st(headline(p.b.text), { ...unnamed, ...other }));
    const conflict = rel.some((r) => r.type === 'contradiction');
    if (conflict && p.label === 'against') found++;
    if (conflict && p.label !== 'against') wrong.push(p.id);
  }
  return { found, wrong };
}

describe('claims against headlines (invented)', () => {
  const against = pairs.filter((p) => p.label === 'against').length;
  it('has both kinds', () => {
    expect(against).toBe(22);
    expect(pairs.length).toBe(44);
  });

  // Floors: 16 of the 22 denials were found when the set was written; no agreeing headline is a conflict.
  it.each([
    ['sentence case', (s: string) => s],
    ['title case', titleCase],
  ])('%s: denials found, agreeing headlines left alone', (_, headline) => {
    const { found, wrong } = score(headline);
    expect(wrong).toEqual([]);
    expect(found).toBeGreaterThanOrEqual(16);
  });
});
