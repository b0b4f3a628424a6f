/**
 * A word diff, read left to right: words removed are struck through, words added are underlined.
 * Colour is not the only signal: removed and added words carry a text label for screen readers
 * and a line style for everyone.
 */
import { Fragment } from 'preact';
import type { WordDiffOp } from '@/utils/match/diff';

export interface DiffDisplayOp {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/**
 * The matcher's word diff (`utils/match/diff.ts`) as display runs. Words equal but printed
 * differently ("Sovereign Nation" / "sovereign nation") show as removed and added, since the
 * printing is what changed.
 */
export function displayOps(ops: readonly WordDiffOp[]): DiffDisplayOp[] {
  const out: DiffDisplayOp[] = [];
  for (const o of ops) {
    if (o.op === 'equal' && o.printedB) {
      out.push({ op: 'delete', text: o.words.join(' ') }, { op: 'insert', text: o.printedB.join(' ') });
    } else {
      out.push({ op: o.op, text: o.words.join(' ') });
    }
  }
  return out.filter((o) => o.text.length > 0);
}

export interface WordDiffProps {
  ops: readonly DiffDisplayOp[];
  /** Names the two printings for the accessible label, e.g. "earlier printing" → "this page". */
  label?: string;
}

export function WordDiff({ ops, label = 'Changes in wording' }: WordDiffProps) {
  const removed = ops.filter((o) => o.op === 'delete').length;
  const added = ops.filter((o) => o.op === 'insert').length;
  return (
    <p class="diff" data-diff-removed={removed} data-diff-added={added}>
      <span class="visually-hidden">{label}: </span>
      {ops.map((o, i) => {
        const space = i > 0 ? ' ' : '';
        if (o.op === 'delete') {
          return (
            <Fragment key={i}>
              {space}
              <del class="diff__del">
                <span class="visually-hidden">[removed: </span>
                {o.text}
                <span class="visually-hidden">]</span>
              </del>
            </Fragment>
          );
        }
        if (o.op === 'insert') {
          return (
            <Fragment key={i}>
              {space}
              <ins class="diff__ins">
                <span class="visually-hidden">[added: </span>
                {o.text}
                <span class="visually-hidden">]</span>
              </ins>
            </Fragment>
          );
        }
        return (
          <Fragment key={i}>
            {space}
            <span class="diff__eq">{o.text}</span>
          </Fragment>
        );
      })}
    </p>
  );
}
