import { describe, expect, it } from 'vitest';
import { wordDiff } from '../../utils/match/diff';
import {
  BANDS,
  bandKeys,
  LOOKUP_PAIR_TOPICS,
  lookupKeys,
  MAX_KEYS,
  matchKeys,
  STORED_PAIR_TOPICS,
  shingleJaccard,
  topicPairKeys,
} from '../../utils/match/fingerprint';
import { stem } from '../../utils/match/stem';
import { concepts, topicKeys } from '../../utils/match/topic';

const share = (a: string[], b: string[]) => a.some((k) => b.includes(k));

describe('matchKeys', () => {
  it('is deterministic and bounded', () => {
    const text = Array.from({ length: 400 }, (_, i) => `word${i}`).join(' ');
    expect(matchKeys(text)).toEqual(matchKeys(text));
    expect(matchKeys(text).length).toBeLessThanOrEqual(MAX_KEYS);
    // 8 LSH bands and the 45 pairs of 10 topic concepts: what one statement adds to the index.
    expect(MAX_KEYS).toBeLessThanOrEqual(BANDS + 45);
  });

  it('LSH bands join a lightly edited reprint and separate unrelated text', () => {
    const a =
      'The council will vote on the new housing plan next Tuesday after months of delays and public hearings';
    const b =
      'The council will vote on the housing plan next Tuesday after months of delays and heated public hearings';
    expect(shingleJaccard(a, b)).toBeGreaterThan(0.5);
    expect(share(bandKeys(a), bandKeys(b))).toBe(true);
    const c = 'Rainfall in the northern valleys was twice the seasonal average, forecasters reported';
    expect(share(bandKeys(a), bandKeys(c))).toBe(false);
  });

  it('topic pair keys join a reworded reprint that shares few word sequences', () => {
    const a = 'Engineers warned the Kelso dam operators about the cracks weeks before the collapse';
    const b = 'Kelso dam operators had been alerted to cracks by engineers ahead of the collapse';
    expect(shingleJaccard(a, b)).toBeLessThan(0.2);
    expect(share(topicKeys(a), topicKeys(b))).toBe(true);
    const pairs = (t: string) => matchKeys(t).filter((k) => k.startsWith('p:'));
    expect(share(pairs(a), pairs(b))).toBe(true);
    // Sharing one topic word is not enough for a pair key.
    const c = 'Forecasters expect the Kelso festival to draw record crowds this summer';
    expect(share(topicKeys(a), topicKeys(c))).toBe(true);
    expect(share(pairs(a), pairs(c))).toBe(false);
  });

  it('one pair key per two topic concepts, in either order, strongest pairs first', () => {
    expect(topicPairKeys(['t:a', 't:b'])).toEqual(topicPairKeys(['t:b', 't:a']));
    const topics = Array.from({ length: 5 }, (_, i) => `t:${i}`);
    const keys = topicPairKeys(topics);
    expect(new Set(keys).size).toBe(10);
    // The first C(k,2) keys are exactly the pairs of the k strongest concepts, for every k.
    for (let k = 2; k <= 5; k++) {
      expect(new Set(keys.slice(0, (k * (k - 1)) / 2))).toEqual(new Set(topicPairKeys(topics.slice(0, k))));
    }
  });

  it('a short fragment takes topic keys from its context', () => {
    const keys = matchKeys('too late.', 'the harbour warning to the Kelso fishermen came');
    expect(keys.length).toBeGreaterThan(0);
    expect(share(keys, matchKeys('the Kelso fishermen were warned about the harbour closure'))).toBe(true);
  });
});

describe('topic', () => {
  it('stems word forms together and keys related words apart', () => {
    expect(stem('negotiations')).toBe(stem('negotiation'));
    expect(stem('bombing')).toBe(stem('bombs'));
    const ks = (t: string) => concepts(t).map((c) => c.key);
    // Related words keep their own keys; a new statement asks the index for them
    // (test/match/related.test.ts) and the classifier pairs them.
    expect(ks('the airstrike')).not.toEqual(ks('the bombing'));
    expect(ks('they were notified')).not.toEqual(ks('they were warned'));
  });

  it('marks names as entities, not capitalised sentence starts', () => {
    const cs = concepts('Yesterday the Kelso council met. Officials in Kelso agreed.');
    expect(cs.find((c) => c.key === 'kelso')?.entity).toBe(true);
    expect(cs.find((c) => c.key === 'official')?.entity).toBe(false);
    expect(concepts('The U.S. said').find((c) => c.key === 'usa')?.entity).toBe(true);
  });
});

describe('wordDiff', () => {
  it('marks inserted and deleted words and keeps case changes visible', () => {
    const ops = wordDiff('We Will build the bridge this year', 'we will build a new bridge this year');
    expect(ops.filter((o) => o.op !== 'equal').map((o) => `${o.op}:${o.words.join(' ')}`)).toEqual([
      'delete:the',
      'insert:a new',
    ]);
    expect(ops[0]).toEqual({ op: 'equal', words: ['We', 'Will'], printedB: ['we', 'will'] });
  });

  it('stays fast and small on huge unrelated inputs', () => {
    const a = Array.from({ length: 5000 }, (_, i) => `a${i % 97}`).join(' ');
    const b = Array.from({ length: 5000 }, (_, i) => `b${i % 89}`).join(' ');
    const t = performance.now();
    const ops = wordDiff(a, b);
    expect(performance.now() - t).toBeLessThan(1000);
    expect(ops.map((o) => o.op)).toEqual(['delete', 'insert']);
  });
});

describe('lookupKeys', () => {
  it('stores every band and the pairs of its strongest topic concepts, and asks about pairs of more', () => {
    const text =
      'The ministry of transport will close the northern railway bridge over the river for inspection on Monday after engineers found cracks in two pillars, officials said.';
    const keys = matchKeys(text);
    const asked = lookupKeys(text);
    const bands = keys.filter((k) => k.startsWith('m'));
    const pairs = keys.filter((k) => k.startsWith('p:'));
    expect(bands.length).toBe(BANDS);
    // Stored: the pairs of its STORED_PAIR_TOPICS strongest concepts; asked: of its LOOKUP_PAIR_TOPICS strongest.
    const topics = topicKeys(text, LOOKUP_PAIR_TOPICS);
    expect(topics.length).toBe(LOOKUP_PAIR_TOPICS);
    expect(pairs).toEqual(topicPairKeys(topics.slice(0, STORED_PAIR_TOPICS)));
    expect(asked).toEqual([...bands, ...topicPairKeys(topics)]);
    // What it stores is part of what it asks about: a reprint always finds its original.
    for (const k of keys) expect(asked).toContain(k);
  });
});
