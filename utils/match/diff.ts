/**
 * Word-level difference between two printings of a quote, for display ("Sovereign Nation" vs
 * "sovereign nation", "ally" deleted, "friend" inserted).
 *
 * Myers' O((N+M)·D) algorithm over words compared by their normalised form, after trimming the
 * common head and tail. Memory is O(D²) for the trace, and D is capped: past the cap the middle is
 * reported as one deletion and one insertion, so a huge or unrelated pair costs little.
 */
import { normalizeText } from './normalize';

export interface WordDiffOp {
  op: 'equal' | 'insert' | 'delete';
  /** Words as printed: from `a` for equal and delete, from `b` for insert. */
  words: string[];
  /** For equal runs, the words as printed in `b` when they differ from `a` in case or punctuation. */
  printedB?: string[];
}

export interface WordDiffOptions {
  /** Give up on a fine diff beyond this many inserted plus deleted words. */
  maxEdits?: number;
}

interface Word {
  printed: string;
  key: string;
}

/** Words as printed, split on white space; punctuation-only tokens join the word before them. */
export function printedWords(text: string): Word[] {
  const out: Word[] = [];
  for (const raw of text.split(/\s+/)) {
    if (raw.length === 0) continue;
    const key = normalizeText(raw);
    const last = out[out.length - 1];
    if (key.length === 0 && last) {
      last.printed += ` ${raw}`;
      continue;
    }
    out.push({ printed: raw, key });
  }
  return out;
}

export function wordDiff(a: string, b: string, options: WordDiffOptions = {}): WordDiffOp[] {
  return diffWords(printedWords(a), printedWords(b), options.maxEdits ?? 400);
}

function diffWords(a: Word[], b: Word[], maxEdits: number): WordDiffOp[] {
  const ops: WordDiffOp[] = [];
  const push = (op: WordDiffOp['op'], words: Word[], printedB?: Word[]) => {
    if (words.length === 0) return;
    const last = ops[ops.length - 1];
    const bw = printedB?.map((w) => w.printed);
    const differs = bw?.some((w, i) => w !== words[i]!.printed) === true;
    if (last && last.op === op && !differs && last.printedB === undefined) {
      last.words.push(...words.map((w) => w.printed));
      return;
    }
    const entry: WordDiffOp = { op, words: words.map((w) => w.printed) };
    if (differs && bw) entry.printedB = bw;
    ops.push(entry);
  };
  let head = 0;
  while (head < a.length && head < b.length && a[head]!.key === b[head]!.key) head++;
  let tail = 0;
  while (
    tail < a.length - head &&
    tail < b.length - head &&
    a[a.length - 1 - tail]!.key === b[b.length - 1 - tail]!.key
  ) {
    tail++;
  }
  pushEqual(push, a.slice(0, head), b.slice(0, head));
  const midA = a.slice(head, a.length - tail);
  const midB = b.slice(head, b.length - tail);
  const script = myers(midA, midB, maxEdits);
  if (script === null) {
    push('delete', midA);
    push('insert', midB);
  } else {
    for (const step of script) {
      if (step.op === 'equal')
        pushEqual(push, midA.slice(step.i, step.i + step.n), midB.slice(step.j, step.j + step.n));
      else if (step.op === 'delete') push('delete', midA.slice(step.i, step.i + step.n));
      else push('insert', midB.slice(step.j, step.j + step.n));
    }
  }
  pushEqual(push, a.slice(a.length - tail), b.slice(b.length - tail));
  return ops;
}

/** Equal runs are split where the printing differs, so a reader sees "Peace" vs "peace". */
function pushEqual(
  push: (op: WordDiffOp['op'], words: Word[], printedB?: Word[]) => void,
  wa: Word[],
  wb: Word[],
): void {
  let start = 0;
  for (let i = 0; i <= wa.length; i++) {
    const same = i < wa.length && wa[i]!.printed === wb[i]!.printed;
    const boundary = i === wa.length || (i > start && same !== (wa[start]!.printed === wb[start]!.printed));
    if (boundary && i > start) {
      push('equal', wa.slice(start, i), wb.slice(start, i));
      start = i;
    }
  }
}

interface Step {
  op: 'equal' | 'insert' | 'delete';
  i: number;
  j: number;
  n: number;
}

/** Myers' greedy shortest edit script; null when it needs more than `maxEdits` edits. */
function myers(a: Word[], b: Word[], maxEdits: number): Step[] | null {
  const n = a.length;
  const m = b.length;
  if (n === 0 && m === 0) return [];
  if (n === 0) return [{ op: 'insert', i: 0, j: 0, n: m }];
  if (m === 0) return [{ op: 'delete', i: 0, j: 0, n }];
  const max = Math.min(n + m, maxEdits);
  const offset = max + 1;
  const v = new Int32Array(2 * max + 3);
  const trace: Int32Array[] = [];
  let found = -1;
  for (let d = 0; d <= max && found < 0; d++) {
    // Only diagonals -d..d are live at step d: keep that slice, so the trace is O(D²).
    trace.push(v.slice(offset - d - 1, offset + d + 2));
    for (let k = -d; k <= d; k += 2) {
      let x =
        k === -d || (k !== d && v[offset + k - 1]! < v[offset + k + 1]!)
          ? v[offset + k + 1]!
          : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x]!.key === b[y]!.key) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
  }
  if (found < 0) return null;
  // Walk back through the trace, collecting single steps, then merge runs.
  const rev: Step[] = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const snap = trace[d]!;
    const at = (k: number) => snap[k + d + 1]!;
    const k = x - y;
    const down = k === -d || (k !== d && at(k - 1) < at(k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prevK);
    const prevY = prevX - prevK;
    // The snake (run of equal words) that ended step d, then the one edit that began it.
    while (x > prevX && y > prevY) {
      x--;
      y--;
      rev.push({ op: 'equal', i: x, j: y, n: 1 });
    }
    if (down) rev.push({ op: 'insert', i: prevX, j: prevY, n: 1 });
    else rev.push({ op: 'delete', i: prevX, j: prevY, n: 1 });
    x = prevX;
    y = prevY;
  }
  while (x > 0 && y > 0) {
    x--;
    y--;
    rev.push({ op: 'equal', i: x, j: y, n: 1 });
  }
  const steps: Step[] = [];
  for (let s = rev.length - 1; s >= 0; s--) {
    const st = rev[s]!;
    const last = steps[steps.length - 1];
    if (
      last &&
      last.op === st.op &&
      last.i + (st.op === 'insert' ? 0 : last.n) === st.i &&
      last.j + (st.op === 'delete' ? 0 : last.n) === st.j
    ) {
      last.n++;
    } else {
      steps.push({ ...st });
    }
  }
  return steps;
}

/** Counts of words deleted and inserted in a diff. */
export function editCounts(ops: readonly WordDiffOp[]): { deleted: number; inserted: number; equal: number } {
  let deleted = 0;
  let inserted = 0;
  let equal = 0;
  for (const o of ops) {
    if (o.op === 'delete') deleted += o.words.length;
    else if (o.op === 'insert') inserted += o.words.length;
    else equal += o.words.length;
  }
  return { deleted, inserted, equal };
}
