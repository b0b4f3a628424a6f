/**
 * Word-level difference between two printings of a quote, for display ("Sovereign Nation" vs
 * "sovereign nation", "ally" deleted, "friend" inserted).
 *
 * Words are compared by their normalised form; after trimming the common head and tail, the middle
 * goes to jsdiff's `diffArrays` (Myers' O((N+M)·D) algorithm) with a comparator on those forms.
 * Cost grows with D, the number of edits, so D is capped (`maxEditLength`): past the cap jsdiff
 * gives up and the middle is reported as one deletion and one insertion, so a huge or unrelated
 * pair costs little.
 */
import { diffArrays } from 'diff';
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

/**
 * Words as printed, split on white space; punctuation-only tokens join the word before them, or the
 * word after them at the start ("… You can't": a quote taken up mid-way is no word longer).
 */
export function printedWords(text: string): Word[] {
  const out: Word[] = [];
  let lead = '';
  for (const raw of text.split(/\s+/)) {
    if (raw.length === 0) continue;
    const key = normalizeText(raw);
    const last = out[out.length - 1];
    if (key.length === 0) {
      if (last) last.printed += ` ${raw}`;
      else lead += `${raw} `;
      continue;
    }
    out.push({ printed: lead + raw, key });
    lead = '';
  }
  if (lead && out.length === 0) out.push({ printed: lead.trim(), key: '' });
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
  // jsdiff returns undefined when the shortest script needs more than maxEditLength edits.
  const changes = diffArrays(midA, midB, { comparator: (x, y) => x.key === y.key, maxEditLength: maxEdits });
  if (changes === undefined) {
    push('delete', midA);
    push('insert', midB);
  } else {
    // Change values are taken from `b` even for equal runs, so slice both sides by position.
    let i = 0;
    let j = 0;
    for (const change of changes) {
      if (change.added) {
        push('insert', midB.slice(j, j + change.count));
        j += change.count;
      } else if (change.removed) {
        push('delete', midA.slice(i, i + change.count));
        i += change.count;
      } else {
        pushEqual(push, midA.slice(i, i + change.count), midB.slice(j, j + change.count));
        i += change.count;
        j += change.count;
      }
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

/**
 * Edits inside the stretch two printings share, when one quotes the other in part: a run of one
 * kind only (all deleted or all inserted) before the first shared word or after the last is the
 * part left out, not a change; `outside` counts its words.
 */
export function innerEditCounts(ops: readonly WordDiffOp[]): {
  deleted: number;
  inserted: number;
  outside: number;
} {
  let from = ops.findIndex((o) => o.op === 'equal');
  if (from < 0) return { ...editCounts(ops), outside: 0 };
  let to = ops.length - 1;
  while (ops[to]!.op !== 'equal') to--;
  const oneKind = (run: readonly WordDiffOp[]) => run.length > 0 && run.every((o) => o.op === run[0]!.op);
  if (!oneKind(ops.slice(0, from))) from = 0;
  if (!oneKind(ops.slice(to + 1))) to = ops.length - 1;
  const inner = editCounts(ops.slice(from, to + 1));
  const all = editCounts(ops);
  return {
    deleted: inner.deleted,
    inserted: inner.inserted,
    outside: all.deleted + all.inserted - inner.deleted - inner.inserted,
  };
}
