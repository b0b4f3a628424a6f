import { describe, expect, it } from 'vitest';
import { generateArticle } from '../../scripts/harness/generate-article';
import { extract, extractInSlices } from '../../utils/extract';

describe('extractInSlices', () => {
  const long = generateArticle(60_000);
  const other = generateArticle(20_000).replace(/council/g, 'committee');

  it('finds exactly what extract finds, pausing wherever it may', async () => {
    let pauses = 0;
    const sliced = await extractInSlices(long, async () => {
      pauses++;
      return false;
    });
    expect(sliced).toEqual(extract(long));
    // A 60 kB article is read over many steps, not one.
    expect(pauses).toBeGreaterThan(10);
  });

  it('gives the same answers when two extractions interleave', async () => {
    const turn = () => new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 0));
    const [a, b] = await Promise.all([extractInSlices(long, turn), extractInSlices(other, turn)]);
    expect(a).toEqual(extract(long));
    expect(b).toEqual(extract(other));
  });

  it('stops when the result is no longer wanted, and a later extraction is unaffected', async () => {
    let steps = 0;
    const dropped = await extractInSlices(long, async () => ++steps > 3);
    expect(dropped).toBeNull();
    expect(steps).toBe(4);
    expect(extract(other)).toEqual(await extractInSlices(other, async () => false));
  });
});
