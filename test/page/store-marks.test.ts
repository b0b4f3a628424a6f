// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { lineBoxes, StoreMarks } from '../../utils/page/store-marks';

const rect = (left: number, top: number, right: number, bottom: number) => ({ left, top, right, bottom });
/** A range laid out as these client rects (happy-dom does no layout). */
const rangeAt = (...rects: ReturnType<typeof rect>[]) =>
  ({ getClientRects: () => rects }) as unknown as Range;

describe('lineBoxes', () => {
  it('joins the rects of one line (a quote crossing a link and an emphasis) and keeps lines apart', () => {
    const boxes = lineBoxes([
      rect(100, 10, 180, 30),
      rect(180, 12, 240, 29), // <a> inside the quote, same line
      rect(240, 10, 400, 30),
      rect(20, 40, 300, 60), // next line
    ]);
    expect(boxes).toEqual([rect(100, 10, 400, 30), rect(20, 40, 300, 60)]);
  });

  it('drops empty rects (collapsed whitespace, a range ending at a line start)', () => {
    expect(lineBoxes([rect(10, 10, 10, 30), rect(10, 10, 50, 10), rect(5, 0, 90, 20)])).toEqual([
      rect(5, 0, 90, 20),
    ]);
  });
});

describe('StoreMarks', () => {
  function layer() {
    const el = document.createElement('div');
    document.body.append(el);
    return el;
  }

  it('draws one element per marked statement, a line per line box, under or over the text', () => {
    const el = layer();
    const marks = new StoreMarks(el, window);
    marks.set([
      { range: rangeAt(rect(100, 10, 400, 30), rect(20, 40, 300, 60)), kind: 'conflict' },
      { range: rangeAt(rect(50, 100, 90, 120)), kind: 'saved' },
    ]);
    const [conflict, saved] = [...el.children] as HTMLElement[];
    expect(conflict?.className).toBe('mark mark--conflict');
    expect(saved?.className).toBe('mark mark--saved');
    const lines = [...conflict!.children] as HTMLElement[];
    expect(lines.map((l) => [l.style.transform, l.style.width])).toEqual([
      ['translate(100px, 30px)', '300px'],
      ['translate(20px, 60px)', '280px'],
    ]);
    // An overline sits above the text: 2 px tall, 1 px gap.
    expect((saved!.children[0] as HTMLElement).style.transform).toBe('translate(50px, 97px)');
    expect(marks.count('conflict')).toBe(1);
    expect(marks.count('related')).toBe(0);
    // No text anywhere: a page's window.find() has nothing to find.
    expect(el.textContent).toBe('');
  });

  it('leaves off-screen lines undrawn, reuses its elements and removes what is no longer marked', () => {
    const el = layer();
    const marks = new StoreMarks(el, window);
    const below = window.innerHeight + 500;
    marks.set([
      { range: rangeAt(rect(0, below, 100, below + 20)), kind: 'related' },
      { range: rangeAt(rect(0, 10, 100, 30)), kind: 'related' },
    ]);
    expect(el.children).toHaveLength(2);
    expect(el.children[0]!.children).toHaveLength(0);
    expect(el.children[1]!.children).toHaveLength(1);
    const kept = el.children[0];
    marks.set([{ range: rangeAt(rect(0, 10, 100, 30)), kind: 'saved' }]);
    expect(el.children).toHaveLength(1);
    expect(el.children[0]).toBe(kept);
    expect(el.children[0]!.className).toBe('mark mark--saved');
    marks.clear();
    expect(el.children).toHaveLength(0);
  });

  it('survives a range whose text left the page', () => {
    const el = layer();
    const gone = {
      getClientRects: () => {
        throw new Error('detached');
      },
    } as unknown as Range;
    const marks = new StoreMarks(el, window);
    expect(() => marks.set([{ range: gone, kind: 'conflict' }])).not.toThrow();
    expect(el.children[0]!.children).toHaveLength(0);
  });
});
