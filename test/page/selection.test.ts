// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { overlappingStatement } from '../../utils/page/selection';

function setup() {
  document.body.replaceChildren();
  const p = document.createElement('p');
  p.textContent = 'Intro. “First quote here,” she said. “Second much longer quote here,” he said.';
  document.body.append(p);
  const text = p.firstChild as Text;
  const range = (start: number, end: number) => {
    const r = document.createRange();
    r.setStart(text, start);
    r.setEnd(text, end);
    return r;
  };
  const s = text.data;
  const first = range(s.indexOf('First'), s.indexOf(',”'));
  const second = range(s.indexOf('Second'), s.lastIndexOf(',”'));
  return { s, range, ranges: [first, null, second] };
}

describe('overlappingStatement', () => {
  it('finds the statement inside which the selection lies', () => {
    const { s, range, ranges } = setup();
    expect(overlappingStatement(range(s.indexOf('quote here'), s.indexOf('quote here') + 5), ranges)).toBe(0);
  });

  it('picks the statement sharing the most text when the selection spans two', () => {
    const { s, range, ranges } = setup();
    const sel = range(s.indexOf('here,'), s.indexOf('longer'));
    expect(overlappingStatement(sel, ranges)).toBe(2);
  });

  it('answers -1 outside every statement and for an empty selection', () => {
    const { s, range, ranges } = setup();
    expect(overlappingStatement(range(0, 6), ranges)).toBe(-1);
    expect(overlappingStatement(range(s.indexOf('she'), s.indexOf('she') + 8), ranges)).toBe(-1);
    const at = s.indexOf('First') + 2;
    expect(overlappingStatement(range(at, at), ranges)).toBe(-1);
  });
});
