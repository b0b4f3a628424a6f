import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateOpenRelations, formatOpenRelations } from '../../scripts/relations-open-eval';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'relations');
const files = readdirSync(DIR).filter((f) => f.endsWith('.jsonl'));
const read = (f: string) =>
  readFileSync(join(DIR, f), 'utf8')
    .trim()
    .split('\n')
    .map(
      (l) =>
        JSON.parse(l) as { id: string; a: string; b: string; label: string; source: string; part: string },
    );

describe('the relation pairs in test/fixtures/relations', () => {
  it('come with their licences', () => {
    expect(existsSync(join(DIR, 'LICENSES.md'))).toBe(true);
    expect(readdirSync(join(DIR, 'licenses')).length).toBeGreaterThan(3);
  });

  it('split by group: no FEVER claim and no premise on both sides', () => {
    expect(files.length).toBe(7);
    for (const f of files) {
      const pairs = read(f);
      const side = new Map<string, string>();
      for (const p of pairs) {
        expect(['tune', 'check']).toContain(p.part);
        const group = p.source.startsWith('fever') ? p.b : p.a;
        if (f.startsWith('perspectrum') || f.startsWith('ibm')) continue; // grouped by claim or topic
        expect(side.get(group) ?? p.part, `${f} ${p.id}`).toBe(p.part);
        side.set(group, p.part);
      }
    }
  });
});

describe('evaluateOpenRelations', () => {
  const rows = evaluateOpenRelations();

  it('scores every set on both parts (Breaking-NLI, a test set, on check only)', () => {
    expect(rows.filter((r) => r.set === 'Breaking-NLI').map((r) => r.part)).toEqual(['check']);
    expect(rows.filter((r) => r.part === 'tune')).toHaveLength(6);
    expect(formatOpenRelations(rows)).toContain('| Negation-NLI | contradiction | tune |');
  });

  it('counts every predicted conflict under the cue that found it', () => {
    for (const r of rows.filter((x) => x.task === 'contradiction')) {
      const byCue = Object.values(r.byCue ?? {});
      expect(byCue.reduce((n, t) => n + t.predicted, 0)).toBe(r.predicted);
      expect(byCue.reduce((n, t) => n + t.correct, 0)).toBe(r.correct);
    }
    expect(formatOpenRelations(rows)).toMatch(/\| negation \| \d+ \/ \d+ \(\d+ %\) \|/);
  });

  // floors on the tune part only: what the classifier must keep while it changes
  it('keeps its precision on the tune part', () => {
    const tune = (set: string) => rows.find((r) => r.set === set && r.part === 'tune')!;
    expect(tune('Negation-NLI').precision).toBeGreaterThanOrEqual(0.6);
    const para = tune('PERSPECTRUM paraphrase');
    expect(para.conflictsOnPositives! / para.positives).toBeLessThanOrEqual(0.01);
    expect(para.precision).toBeGreaterThanOrEqual(0.9);
  });
});
