// Gold items marked `optional` count neither as a miss nor as a false positive (issue 13, point 4).
import { describe, expect, it } from 'vitest';
import { combine, type GoldDoc, score } from '../../scripts/score';
import type { Statement } from '../../utils/extract/types';

const text =
  '“The bridge opens on Monday,” Mayor Lena Ortiz said. Ortiz believes the repairs came too late.\n';
const span = (s: string) => ({ start: text.indexOf(s), end: text.indexOf(s) + s.length });
const q1 = 'The bridge opens on Monday,';
const q2 = 'the repairs came too late';
const gold: GoldDoc = {
  speakers: [{ id: 's1', name: 'Lena Ortiz', aliases: ['Ortiz'] }],
  quotes: [
    { id: 'q1', kind: 'direct', text: q1, start: span(q1).start, speaker: 's1' },
    { id: 'q2', kind: 'indirect', text: q2, start: span(q2).start, speaker: 's1', optional: true },
  ],
};
const stmt = (s: string, kind: Statement['kind']): Statement =>
  ({ ...span(s), text: s, kind, speaker: { name: 'Lena Ortiz' } }) as unknown as Statement;

describe('score() with optional gold items', () => {
  it('does not count a missed optional item as a miss', () => {
    const s = score(gold, [stmt(q1, 'direct')], text);
    expect(s.at30.gold).toBe(1);
    expect(s.at30.recall).toBe(100);
    expect(s.at80.f1).toBe(100);
    expect(s.missed).toEqual([]);
    expect(s.ignored).toBe(0);
  });

  it('does not count a prediction on an optional item as a false positive', () => {
    const s = score(
      gold,
      [stmt(q1, 'direct'), stmt('Ortiz believes the repairs came too late', 'indirect')],
      text,
    );
    expect(s.at30.predicted).toBe(1);
    expect(s.at30.precision).toBe(100);
    expect(s.at80.precision).toBe(100);
    expect(s.spurious).toEqual([]);
    expect(s.ignored).toBe(1);
    expect(combine([s, s]).ignored).toBe(2);
  });

  it('still counts a prediction that overlaps nothing as a false positive', () => {
    const s = score(gold, [stmt(q1, 'direct'), stmt('Mayor Lena Ortiz said', 'indirect')], text);
    expect(s.at30.predicted).toBe(2);
    expect(s.at30.precision).toBe(50);
    expect(s.ignored).toBe(0);
  });

  it('gives a prediction to a required item before an optional one', () => {
    const required: GoldDoc = {
      ...gold,
      quotes: [
        gold.quotes[0]!,
        { id: 'q2', kind: 'indirect', text: q2, start: span(q2).start, speaker: 's1' },
        {
          id: 'q3',
          kind: 'indirect',
          text: 'the repairs came',
          start: span(q2).start,
          speaker: 's1',
          optional: true,
        },
      ],
    };
    const s = score(required, [stmt(q1, 'direct'), stmt(q2, 'indirect')], text);
    expect(s.at80.recall).toBe(100);
    expect(s.at80.precision).toBe(100);
    expect(s.ignored).toBe(0);
  });
});
