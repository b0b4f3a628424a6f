import { describe, expect, it } from 'vitest';
import 'fake-indexeddb/auto';
import type { CorpusDoc } from '../../scripts/corpus';
import { changeTwoWords, formatReprints, reprintCases, summariseReprints } from '../../scripts/reprint-eval';

// The reprint benchmark alters a quote by two content words, as a careless reprint would.
describe('changeTwoWords', () => {
  const quote =
    'The council will publish the revised budget before the spring elections, officials promised.';
  const donor = 'Residents complained about flooding along the river.';

  it('replaces exactly two content words with content words of another quote, keeping punctuation', () => {
    const changed = changeTwoWords(quote, donor)!;
    const before = quote.split(' ');
    const after = changed.split(' ');
    expect(after).toHaveLength(before.length);
    const differing = before.map((w, i) => [w, after[i]!] as const).filter(([a, b]) => a !== b);
    expect(differing).toHaveLength(2);
    for (const [was, now] of differing) {
      expect(was).toMatch(/^\p{Ll}{4,}[,.]?$/u);
      expect(['residents', 'complained', 'flooding', 'river']).toContain(now.replace(/[,.]$/, ''));
      expect(now.endsWith(',')).toBe(was.endsWith(','));
    }
  });

  it('leaves a quote with fewer than two content words alone', () => {
    expect(changeTwoWords('We did it.', donor)).toBeNull();
  });
});

describe('summariseReprints', () => {
  it('counts what was found by part', () => {
    const base = { doc: 'd', quote: 'q', speaker: 's', misattributed: 'm', altered: 'a' };
    const parts = summariseReprints([
      {
        ...base,
        part: 'tune',
        linksMisattributed: ['misattribution'],
        linksAltered: [],
        foundMisattribution: true,
        foundAltered: false,
      },
      {
        ...base,
        part: 'tune',
        linksMisattributed: [],
        linksAltered: ['altered-quote'],
        foundMisattribution: false,
        foundAltered: true,
      },
      {
        ...base,
        part: 'check',
        linksMisattributed: ['misattribution'],
        linksAltered: ['altered-quote'],
        foundMisattribution: true,
        foundAltered: true,
      },
    ]);
    expect(parts).toEqual([
      { part: 'tune', quotes: 2, misattribution: 1, altered: 1 },
      { part: 'check', quotes: 1, misattribution: 1, altered: 1 },
    ]);
    expect(formatReprints(parts)).toContain('| tune  | 2 | 1 (50.0 %) | 1 (50.0 %) |');
  });
});

describe('reprintCases', () => {
  // invented news articles: one quote holds a quotation of its own, printed British style
  const article = (name: string, speaker: string, quote: string, part: 'tune' | 'check'): CorpusDoc => {
    const text = `${speaker} spoke after the match on Saturday.\n\n‘${quote}’ ${speaker.split(' ')[1]} said.\n`;
    return {
      name,
      source: 'invented',
      part,
      text,
      gold: {
        speakers: [{ id: 's1', name: speaker, type: 'person' }],
        quotes: [{ id: 'q1', kind: 'direct', text: quote, start: text.indexOf(quote), speaker: 's1' }],
      },
    };
  };

  it('prints a quote inside a quote with single marks in the double-marked report, and finds both relations', async () => {
    const cases = await reprintCases([
      article(
        'a',
        'Mirela Vance',
        'I told the squad at half-time: “Keep doing the simple things well.” They listened.',
        'tune',
      ),
      article(
        'b',
        'Oskar Lind',
        'We defended with real discipline and deserved the three points today.',
        'check',
      ),
    ]);
    const first = cases.find((c) => c.doc === 'a')!;
    expect(first.misattributed).toContain('‘Keep doing the simple things well.’');
    expect(first.misattributed).toContain('Oskar Lind');
    expect(first.foundMisattribution).toBe(true);
    expect(first.foundAltered).toBe(true);
    const parts = summariseReprints(cases, 'invented');
    expect(parts[0]).toEqual({ part: 'tune', set: 'invented', quotes: 1, misattribution: 1, altered: 1 });
    expect(formatReprints(parts)).toContain('| tune invented | 1 | 1 (100.0 %) | 1 (100.0 %) |');
  });
});
