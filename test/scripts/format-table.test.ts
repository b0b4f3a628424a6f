// The eval table (`cli eval`) is Markdown whose columns stay aligned whatever the row labels.
import { describe, expect, it } from 'vitest';
import { formatTable, type GoldDoc, score } from '../../scripts/score';
import { extract } from '../../utils/extract';

const text =
  '“The bridge opens on Monday,” Mayor Lena Ortiz said.\nCritics said the repairs came too late.\n';
const gold: GoldDoc = {
  speakers: [{ id: 's1', name: 'Lena Ortiz' }],
  quotes: [
    { id: 'q1', kind: 'direct', text: 'The bridge opens on Monday,', start: 1, speaker: 's1' },
    {
      id: 'q2',
      kind: 'indirect',
      text: 'the repairs came too late',
      start: text.indexOf('the repairs'),
      speaker: null,
    },
  ],
};

describe('formatTable', () => {
  // Only the first statement is predicted, so recall and F1 are not 100.
  const s = score(gold, extract(text).slice(0, 1), text);
  const labels = ['seed 000', 'a page with a much longer name than the others html', 'ALL'];
  const table = formatTable(labels.map((label) => ({ label, score: s })));
  const lines = table.split('\n');

  it('is a Markdown table: header, alignment rule, one row per label, 14 columns each', () => {
    expect(lines).toHaveLength(2 + labels.length);
    for (const line of lines) {
      expect(line.startsWith('| ') && line.endsWith(' |')).toBe(true);
      expect(line.split(' | ')).toHaveLength(14);
    }
    expect(lines[0]).toMatch(/^\| data +\| +P30 \|/);
    expect(lines[1]).toMatch(/^\| -+ \| -+: \|/);
    labels.forEach((label, i) => {
      expect(lines[2 + i]!.split('|')[1]!.trim()).toBe(label);
    });
  });

  it('keeps every column aligned when one label is much longer', () => {
    const width = lines[0]!.length;
    for (const line of lines) expect(line.length).toBe(width);
    const bars = (line: string) => [...line].flatMap((ch, i) => (ch === '|' ? [i] : []));
    for (const line of lines) expect(bars(line)).toEqual(bars(lines[0]!));
  });

  it('prints the figures of the score', () => {
    const cells = lines[2]!.split('|').map((c) => c.trim());
    expect(cells.slice(2, 8)).toEqual(
      [s.at30.precision, s.at30.recall, s.at30.f1, s.at80.precision, s.at80.recall, s.at80.f1].map((n) =>
        n.toFixed(1),
      ),
    );
    expect(cells[3]).toBe('50.0');
    expect(cells[8]).toBe(`${s.speakerAccuracy.toFixed(1)} (${s.speakerCorrect}/${s.speakerPairs})`);
    expect(cells.slice(13, 15)).toEqual([String(s.at30.gold), String(s.at30.predicted)]);
  });
});
