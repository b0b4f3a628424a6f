import { describe, expect, it } from 'vitest';
import { candidateKeys } from '../../utils/match/fingerprint';
import { hashKey } from '../../utils/match/normalize';
import { ConceptCounts, MIN_STATEMENTS } from '../../utils/match/rarity';
import { concepts, rankTopics } from '../../utils/match/topic';

const TEXT = 'The government will lower grain tariffs in Northmoor before the harvest season ends.';
const keyOf = (word: string) => concepts(word)[0]!.key;
const topicOf = (word: string) => `t:${hashKey(keyOf(word)).slice(0, 8)}`;

/** A store of `n` statements in which `common` is in every one and other words are each in one. */
function countsWith(common: string[], n = MIN_STATEMENTS): ConceptCounts {
  const counts = new ConceptCounts();
  for (let i = 0; i < n; i++) counts.addStatement([...common.map(keyOf), `word${i}`]);
  return counts;
}

describe('ConceptCounts', () => {
  it('counts each statement once per concept, never below the true count', () => {
    const counts = new ConceptCounts();
    counts.addStatement(['grain', 'grain', 'tariff']);
    counts.addStatement(['grain']);
    expect(counts.total).toBe(2);
    expect(counts.count('grain')).toBe(2);
    expect(counts.count('tariff')).toBeGreaterThanOrEqual(1);
    expect(counts.count('never-seen')).toBeLessThanOrEqual(2);
  });

  it('gives no rarity below the size where counts mean something, and more to rarer concepts above it', () => {
    const small = countsWith(['government'], MIN_STATEMENTS - 1);
    expect(small.idf(keyOf('government'))).toBeNull();
    const big = countsWith(['government']);
    const common = big.idf(keyOf('government'))!;
    const rare = big.idf(keyOf('Northmoor'))!;
    expect(common).toBeLessThan(0.01);
    expect(rare).toBeGreaterThan(6.5);
  });

  it('refuses counters of the wrong size', () => {
    expect(() => new ConceptCounts(new Uint16Array(10))).toThrow(/wrong size/);
  });
});

describe('topic pairs ranked by rarity', () => {
  it('leaves out a word that is in every statement of a large store, and keeps it in a small one', () => {
    const idf = (counts: ConceptCounts) => (k: string) => counts.idf(k);
    const own = concepts(TEXT);
    expect(rankTopics(own, 6)).toContain(topicOf('government'));
    expect(rankTopics(own, 6, idf(countsWith(['government'], 10)))).toContain(topicOf('government'));
    const ranked = rankTopics(own, 6, idf(countsWith(['government'])));
    expect(ranked).not.toContain(topicOf('government'));
    expect(ranked).toHaveLength(6);
    expect(ranked[0]).toBe(topicOf('Northmoor'));
  });

  it('changes the keys a statement stores and asks about, and names its concepts for counting', () => {
    const plain = candidateKeys(TEXT);
    const ranked = candidateKeys(TEXT, '', countsWith(['government', 'season']));
    // Same LSH bands (the words), other topic pairs.
    expect(ranked.stored.filter((k) => k.startsWith('m'))).toEqual(
      plain.stored.filter((k) => k.startsWith('m')),
    );
    expect(ranked.stored.filter((k) => k.startsWith('p:'))).not.toEqual(
      plain.stored.filter((k) => k.startsWith('p:')),
    );
    expect(ranked.concepts).toEqual(concepts(TEXT).map((c) => c.key));
  });
});
