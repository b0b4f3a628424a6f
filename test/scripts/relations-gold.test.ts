/**
 * Floors on the seed gold for relations found end to end (extract → ingest → match), as the issue
 * sets them. The contradiction rules are general cue lexicons; nothing here is keyed to the seeds.
 */
import { describe, expect, it } from 'vitest';
import { evaluateRelations, formatRelations } from '../../scripts/relations-eval';

describe('relations on the seed gold', () => {
  it('finds the misattribution and the altered quote, 9 of 11 contradictions, with precision ≥ 80% per type', async () => {
    const result = await evaluateRelations();
    console.log(formatRelations(result));
    const of = (type: string) => result.byType.find((t) => t.type === type)!;
    expect(of('misattribution').found).toBe(1);
    expect(of('altered-quote').found).toBe(1);
    expect(of('contradiction').gold).toBe(11);
    expect(of('contradiction').found).toBeGreaterThanOrEqual(9);
    for (const t of result.byType) {
      if (t.tp + t.fp > 0) expect(t.precision, t.type).toBeGreaterThanOrEqual(80);
    }
    expect(of('same-speaker-topic').tp).toBeGreaterThan(0);
  }, 60_000);
});
