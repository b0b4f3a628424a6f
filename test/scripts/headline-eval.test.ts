import { describe, expect, it } from 'vitest';
import { evaluateHeadlines, formatHeadlines } from '../../scripts/headline-eval';

describe('evaluateHeadlines', () => {
  const rows = evaluateHeadlines();

  it('reads the headline and sentences of every news page, Wikinews article and English web article', () => {
    const tune = rows.find((r) => r.part === 'tune')!;
    expect(tune.docs).toBeGreaterThanOrEqual(30);
    expect(tune.pairs).toBeGreaterThan(20 * tune.docs);
    expect(rows.find((r) => r.part === 'web')!.docs).toBeGreaterThan(50);
    expect(formatHeadlines(rows)).toContain('| tune |');
  });

  // Floor on the tune part only (2026-12-06, fifteenth session: 3 false conflicts in 1,393 pairs).
  it('calls few conflicts between a headline and its own article', () => {
    const tune = rows.find((r) => r.part === 'tune')!;
    expect(tune.conflicts, tune.examples.join('\n')).toBeLessThanOrEqual(3);
  });
});
