/**
 * The highlight styles (entrypoints/content/style.css) and the store's marks (assets/layer.css) under simulated colour-vision deficiencies,
 * on a light and a dark page. Simulation: Machado, Oliveira & Fernandes (2009), severity 1, in
 * linear RGB — the model DevTools' "Emulate vision deficiencies" uses (the end-to-end test takes
 * screenshots with that emulation). Colour difference: CIEDE2000; contrast: WCAG relative luminance.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contrast, deltaE2000, lab, over, type RGB, simulate, VISION } from '../colour';

const PAGES: Record<string, { background: RGB; text: RGB }> = {
  light: { background: [255, 255, 255], text: [20, 20, 20] },
  dark: { background: [18, 18, 18], text: [230, 230, 230] },
};

/** `::highlight(saywho-<name>) { … }` rules of the shipped stylesheet: fill and line colours. */
function highlightStyles(): Map<
  string,
  { fill?: { rgb: RGB; alpha: number }; line?: { rgb: RGB; style: string } }
> {
  const css = readFileSync(join(__dirname, '../../entrypoints/content/style.css'), 'utf8');
  const out = new Map<string, { fill?: { rgb: RGB; alpha: number }; line?: { rgb: RGB; style: string } }>();
  const colour = /rgb\(\s*(\d+)\s+(\d+)\s+(\d+)\s*(?:\/\s*([\d.]+))?\s*\)/;
  for (const m of css.matchAll(/::highlight\(saywho-([a-z]+)\)\s*\{([^}]*)\}/g)) {
    const body = m[2]!;
    const entry: { fill?: { rgb: RGB; alpha: number }; line?: { rgb: RGB; style: string } } = {};
    const fill = /background-color:\s*([^;]+);/.exec(body)?.[1]?.match(colour);
    if (fill) entry.fill = { rgb: [+fill[1]!, +fill[2]!, +fill[3]!], alpha: fill[4] ? +fill[4] : 1 };
    const deco = /text-decoration:\s*([^;]+);/.exec(body)?.[1];
    const line = deco?.match(colour);
    if (deco && line) {
      const style = /\b(solid|double|dotted|dashed|wavy)\b/.exec(deco)?.[1] ?? 'solid';
      const where = /\b(underline|overline|line-through)\b/.exec(deco)?.[1] ?? 'underline';
      entry.line = { rgb: [+line[1]!, +line[2]!, +line[3]!], style: `${where} ${style}` };
    }
    out.set(m[1]!, entry);
  }
  // The marks from the reader's store, drawn in Saywho's shadow root: `color` is the line's colour
  // and `--shape` its shape (assets/layer.css).
  const layer = readFileSync(join(__dirname, '../../assets/layer.css'), 'utf8');
  for (const m of layer.matchAll(/\.mark--([a-z]+)\s*\{([^}]*)\}/g)) {
    const line = /(?:^|;|\s)color:\s*([^;]+);/.exec(m[2]!)?.[1]?.match(colour);
    const shape = /--shape:\s*([^;]+);/.exec(m[2]!)?.[1]?.trim();
    if (line && shape) out.set(m[1]!, { line: { rgb: [+line[1]!, +line[2]!, +line[3]!], style: shape } });
  }
  return out;
}

const DICHROMACIES = ['normal', 'protanopia', 'deuteranopia', 'tritanopia'];

describe('highlight colours', () => {
  const styles = highlightStyles();

  it('reads every highlight of the stylesheet', () => {
    expect([...styles.keys()].sort()).toEqual(
      ['conflict', 'direct', 'indirect', 'partial', 'related', 'saved', 'speaker'].sort(),
    );
    expect(styles.get('direct')?.fill).toBeDefined();
    expect(styles.get('partial')?.fill).toBeDefined();
  });

  it('tells a direct quote from a partial one under every simulated colour vision, light and dark', () => {
    const direct = styles.get('direct')!.fill!;
    const partial = styles.get('partial')!.fill!;
    for (const [page, { background }] of Object.entries(PAGES)) {
      for (const vision of Object.keys(VISION)) {
        const d = simulate(over(direct.rgb, direct.alpha, background), vision);
        const p = simulate(over(partial.rgb, partial.alpha, background), vision);
        const difference = deltaE2000(lab(d), lab(p));
        // Dichromats keep hue differences along one axis: a clear difference. With no colour at
        // all (achromatopsia, about 1 in 30,000) the two fills still differ in lightness.
        const floor = DICHROMACIES.includes(vision) ? 20 : 5;
        expect(difference, `${vision} on a ${page} page`).toBeGreaterThanOrEqual(floor);
      }
    }
  });

  it('keeps the page text readable (4.5:1) through either fill', () => {
    for (const kind of ['direct', 'partial']) {
      const fill = styles.get(kind)!.fill!;
      for (const [page, { background, text }] of Object.entries(PAGES)) {
        for (const vision of Object.keys(VISION)) {
          const behind = simulate(over(fill.rgb, fill.alpha, background), vision);
          expect(
            contrast(simulate(text, vision), behind),
            `${kind} ${vision} ${page}`,
          ).toBeGreaterThanOrEqual(4.5);
        }
      }
    }
  });

  it('draws every line with 3:1 contrast against light and dark pages, under every simulation', () => {
    for (const [kind, { line }] of styles) {
      if (!line) continue;
      for (const [page, { background }] of Object.entries(PAGES)) {
        for (const vision of Object.keys(VISION)) {
          const ratio = contrast(simulate(line.rgb, vision), simulate(background, vision));
          expect(ratio, `${kind} ${vision} ${page}`).toBeGreaterThanOrEqual(3);
        }
      }
    }
  });

  it('gives every line-drawn state its own shape, so no two are told apart by colour alone', () => {
    const shapes = [...styles].flatMap(([kind, { line }]) => (line ? [`${kind}: ${line.style}`] : []));
    const distinct = new Set(shapes.map((s) => s.split(': ')[1]));
    expect(distinct.size, shapes.join(', ')).toBe(shapes.length);
    expect(styles.get('conflict')?.line?.style).toBe('underline wavy');
  });

  it('the simulation itself separates red from green for normal vision but not for deuteranopia', () => {
    // Guards the matrices: if they were wrong, the checks above would prove nothing.
    const red: RGB = [210, 40, 40];
    const green: RGB = [40, 140, 40];
    expect(deltaE2000(lab(red), lab(green))).toBeGreaterThan(40);
    expect(deltaE2000(lab(simulate(red, 'deuteranopia')), lab(simulate(green, 'deuteranopia')))).toBeLessThan(
      15,
    );
    expect(deltaE2000(lab([255, 255, 255]), lab([0, 0, 0]))).toBeCloseTo(100, 0);
  });
});
