/**
 * Claims against invented news headlines about them (test/fixtures/headlines): how many of the
 * headlines that call a claim false are found as a possible conflict, and how many agreeing or
 * reporting headlines are wrongly called one, through `classifyPair` as `cli compare` runs it (two
 * unnamed claims on two sites), with each headline in sentence case and in title case.
 *
 * Three sets. `invented.jsonl` (44 pairs) was written while the refutation cue was built: development
 * data. `second.jsonl` (40 pairs) was written before any rule was changed for it, half for
 * development and half for checking; its check half was read while tuning in the seventeenth
 * session, so all of it is development data now. `third.jsonl` (40 pairs) was written then, before
 * any output on it was seen: all of it is the check part, read as figures only.
 *
 * A fourth set puts a headline against an article's body (`a` the headline, `b` a body of four to
 * seven sentences), as stance data of the Fake News Challenge's shape does: bodies that refute the
 * headline somewhere in them, bodies that confirm it, bodies that report it without a side.
 * `bodies-dev.jsonl` (30) is development data; `bodies-check.jsonl` (40) was written by a helper
 * that read no code or data of the product, and committed before any output on it was seen: the
 * check part, figures only. Title case is applied to the headline, never to the body.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ConflictCue, type CueTally, tallyCue } from '../utils/match/calibration';
import { classifyPair, type Relation } from '../utils/match/classify';
import { FIXTURES } from './corpus';
import { side } from './headline-eval';

export interface InventedPair {
  id: string;
  part?: 'dev' | 'check';
  label: 'against' | 'for' | 'observing';
  a: { text: string };
  b: { text: string };
}

export interface InventedRow {
  set: 'first' | 'second' | 'third' | 'bodies';
  part: 'dev' | 'check';
  headlines: 'sentence case' | 'title case';
  denials: number;
  found: number;
  others: number;
  /** Agreeing or reporting headlines called a conflict. */
  wrong: number;
  /** The conflicts called by the cue that found them, and how many were denials. */
  byCue: Partial<Record<ConflictCue, CueTally>>;
}

export type InventedFile =
  | 'invented.jsonl'
  | 'second.jsonl'
  | 'third.jsonl'
  | 'bodies-dev.jsonl'
  | 'bodies-check.jsonl';

/** Does the file put a headline (`a`) against an article body (`b`)? Then the style is the headline's. */
function isBodies(file: InventedFile): boolean {
  return file.startsWith('bodies');
}

export function readInvented(file: InventedFile): InventedPair[] {
  return readFileSync(join(FIXTURES, 'headlines', file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as InventedPair);
}

const SMALL = new Set('a an the of in on to for and or at by is are as with from out that its'.split(' '));

/** A headline as a title-case style writes it: every word capitalised but short function words. */
export function titleCase(s: string): string {
  return s
    .split(' ')
    .map((w, i) => (i > 0 && SMALL.has(w.toLowerCase()) ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1)))
    .join(' ');
}

/**
 * The possible conflict found between the claim and the headline as written by `style`, if any;
 * with `bodies`, between the headline (`a`) as written by `style` and the article body (`b`).
 */
export function conflictOf(
  p: InventedPair,
  style: (s: string) => string,
  bodies = false,
): Relation | undefined {
  const [a, b] = bodies
    ? [side(style(p.a.text), 'headline.example'), side(p.b.text, 'body.example')]
    : [side(p.a.text, 'claim.example'), side(style(p.b.text), 'headline.example')];
  return classifyPair(a, b).find((r) => r.type === 'contradiction');
}

/** Is a possible conflict found between the claim and the headline as written by `style`? */
export function conflictFound(p: InventedPair, style: (s: string) => string, bodies = false): boolean {
  return conflictOf(p, style, bodies) !== undefined;
}

export function evaluateInvented(): InventedRow[] {
  const rows: InventedRow[] = [];
  for (const [set, file] of [
    ['first', 'invented.jsonl'],
    ['second', 'second.jsonl'],
    ['third', 'third.jsonl'],
    ['bodies', 'bodies-dev.jsonl'],
    ['bodies', 'bodies-check.jsonl'],
  ] as const) {
    const pairs = readInvented(file);
    for (const part of ['dev', 'check'] as const) {
      const of = pairs.filter((p) => (p.part ?? 'dev') === part);
      if (of.length === 0) continue;
      for (const [headlines, style] of [
        ['sentence case', (s: string) => s],
        ['title case', titleCase],
      ] as const) {
        const row: InventedRow = {
          set,
          part,
          headlines,
          denials: 0,
          found: 0,
          others: 0,
          wrong: 0,
          byCue: {},
        };
        for (const p of of) {
          const conflict = conflictOf(p, style, isBodies(file));
          const found = conflict !== undefined;
          if (conflict) tallyCue(row.byCue, conflict.cue, p.label === 'against');
          if (p.label === 'against') {
            row.denials++;
            if (found) row.found++;
          } else {
            row.others++;
            if (found) row.wrong++;
          }
        }
        rows.push(row);
      }
    }
  }
  return rows;
}

export function formatInvented(rows: readonly InventedRow[]): string {
  const lines = [
    '| set | part | headlines | denials found | agreeing or reporting called a conflict |',
    '| --- | --- | --- | ---: | ---: |',
  ];
  for (const r of rows)
    lines.push(
      `| ${r.set} | ${r.part} | ${r.headlines} | ${r.found} / ${r.denials} | ${r.wrong} / ${r.others} |`,
    );
  return lines.join('\n');
}
