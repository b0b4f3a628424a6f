import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { extract } from '../../utils/extract';

const SEEDS = join(__dirname, '..', 'fixtures', 'seeds');
const seed = (name: string) => readFileSync(join(SEEDS, name), 'utf8');

function quoteStartingWith(text: string, prefix: string) {
  const out = extract(text);
  for (const s of out) expect(text.slice(s.start, s.end)).toBe(s.text);
  return out.find((s) => s.text.startsWith(prefix));
}

describe('extract() milestone on the seeds', () => {
  it('attributes the Qatar quote in seed 000 to Karoline Leavitt (said Leavitt)', () => {
    const q = quoteStartingWith(seed('000_f9c8db96b910917a.txt'), 'Unilaterally bombing inside Qatar');
    expect(q?.kind).toBe('direct');
    expect(q?.speaker?.name).toBe('Karoline Leavitt');
    expect(q?.speaker?.mention).toBe('Leavitt');
    expect(q?.cue).toBe('said');
  });

  it('attributes the Qatar quote in seed 001 to Donald Trump (colon introduction)', () => {
    const q = quoteStartingWith(seed('001_b65b49475eb0b8f6.txt'), 'Unilaterally bombing inside Qatar');
    expect(q?.kind).toBe('direct');
    expect(q?.speaker?.name).toBe('Donald Trump');
  });

  it('returns statements in document order with valid offsets', () => {
    const text = seed('000_f9c8db96b910917a.txt');
    const out = extract(text);
    expect(out.length).toBeGreaterThan(5);
    for (let i = 1; i < out.length; i++) expect(out[i]!.start).toBeGreaterThanOrEqual(out[i - 1]!.end);
  });
});
