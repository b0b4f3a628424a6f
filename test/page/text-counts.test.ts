/**
 * The page's text measures counted once, bottom-up (text-counts.ts), must equal what walking each
 * element gives: `textContent.trim().length`, and the letters outside skipped subtrees.
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { countTextSteps } from '../../utils/page/text-counts';

function run<T>(steps: Generator<void, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

const SKIP = new Set(['SCRIPT', 'STYLE', 'SVG']);

/** The walk the counts replace: letters other than space, tab, line ends and no-break space. */
function walkLetters(el: Element): number {
  if (SKIP.has(el.tagName.toUpperCase())) return 0;
  let n = 0;
  for (const child of Array.from(el.childNodes)) {
    if (child.nodeType === 3) n += (child.nodeValue ?? '').replace(/[ \n\t\r\u00a0]/g, '').length;
    else if (child.nodeType === 1) n += walkLetters(child as Element);
  }
  return n;
}

describe('countTextSteps', () => {
  it('gives every element its trimmed text length and its letters, as a walk would', () => {
    const { document } = parseHTML(`<html><body>
      <div id="a">  <span>  </span>
        <p> The mayor <b>said</b>\u00a0the  bridge  </p>\n<span> </span>
        <script> var x = "not text"; </script>
        <ul><li>  </li><li>Second\u2003item </li></ul>
        <span><em>   </em></span>
      </div>
      <div>   </div><p>\u00a0\u00a0</p><section><svg><text>icon</text></svg> tail </section>
    </body></html>`);
    const body = document.body as unknown as Element;
    const counts = run(countTextSteps(body, (tag) => SKIP.has(tag)));
    const all = [body, ...Array.from(body.querySelectorAll('*'))] as Element[];
    expect(all.length).toBeGreaterThan(15);
    for (const el of all) {
      // inside a skipped subtree nothing is counted: such elements are measured by a walk if asked
      if (el.parentElement?.closest('script, style, svg')) {
        expect(counts.trimmed.get(el)).toBeUndefined();
        continue;
      }
      expect(counts.trimmed.get(el), el.outerHTML.slice(0, 40)).toBe((el.textContent ?? '').trim().length);
      expect(counts.letters.get(el), el.outerHTML.slice(0, 40)).toBe(walkLetters(el));
    }
  });

  it('yields on a large page, so it can be spread over tasks', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `<div><span>row ${i}</span></div>`).join('');
    const { document } = parseHTML(`<html><body>${rows}</body></html>`);
    const steps = countTextSteps(document.body as unknown as Element, () => false);
    let yields = 0;
    while (!steps.next().done) yields++;
    expect(yields).toBeGreaterThan(5);
  });
});
