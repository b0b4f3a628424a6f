/**
 * Behaviour tests on invented sentences (not from the corpus) for speaker rules added after
 * behaviour.test.ts grew long: one group per general pattern.
 */
import { describe, expect, it } from 'vitest';
import { extract } from '../../utils/extract';
import type { Statement } from '../../utils/extract/types';

function run(text: string): Statement[] {
  const out = extract(text);
  for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  return out;
}

const speakerOf = (out: Statement[], prefix: string) =>
  out.find((s) => s.text.startsWith(prefix))?.speaker?.name ?? null;

describe('a belief inside a report', () => {
  // "X said Y believes the plan is “dead”": the quoted word is X's, who reports Y's belief
  it('gives the quoted words to the reporting speaker, not to the believer', () => {
    const out = run('Days later, the governor’s aide Tom Reid said Cole still thinks the levy is “a scam.”');
    expect(speakerOf(out, 'a scam')).toBe('Tom Reid');
  });
  it('keeps the believer when no one reports the belief', () => {
    const out = run('Cole still believes the levy is “a scam.”');
    expect(speakerOf(out, 'a scam')).toBe('Cole');
  });
});
