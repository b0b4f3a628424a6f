// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatementCard } from '../../components/StatementCard';
import type { StatementSummary } from '../../utils/domain';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const statement = {
  text: 'The ferry will run again by spring,',
  kind: 'direct' as const,
  speaker: 'Nadia Volkov',
  mention: 'Commissioner Nadia Volkov',
  cue: 'said',
};

function summary(related: number, conflicts: number): StatementSummary {
  return { statementId: 7, related, conflicts, saved: false, strongest: null };
}

function counts(s: StatementSummary | null): string {
  const noop = vi.fn();
  render(
    <StatementCard
      statement={statement}
      summary={s}
      status={{ saving: false, error: null }}
      onSave={noop}
      onOpenView={noop}
      onClose={noop}
    />,
    root,
  );
  return root.querySelector('.card__counts')?.textContent ?? '';
}

describe('StatementCard counts', () => {
  it('counts conflicts among the related statements, as the popup does', () => {
    // The summary keeps conflicts apart from other relations: 0 + 2 is two related statements.
    expect(counts(summary(0, 2))).toBe('2 related statements2 possible conflicts among them');
    expect(counts(summary(3, 1))).toBe('4 related statements1 possible conflict among them');
    expect(counts(summary(1, 0))).toBe('1 related statement');
    expect(counts(summary(0, 0))).toBe('No related statements so far');
  });

  it('says it is still checking until the background has answered', () => {
    expect(counts(null)).toBe('Checking your reading history…');
  });

  it('opens the view from “Open in Saywho” once the background has answered', () => {
    const onOpenView = vi.fn();
    const noop = vi.fn();
    const card = (s: StatementSummary | null) => (
      <StatementCard
        statement={statement}
        summary={s}
        status={{ saving: false, error: null }}
        onSave={noop}
        onOpenView={onOpenView}
        onClose={noop}
      />
    );
    render(card(null), root);
    const button = () =>
      [...root.querySelectorAll('button')].find(
        (b) => b.textContent === 'Open in Saywho',
      ) as HTMLButtonElement;
    expect(button().disabled).toBe(true);
    render(card(summary(0, 1)), root);
    button().click();
    expect(onOpenView).toHaveBeenCalledTimes(1);
  });
});

describe('StatementCard strongest relation', () => {
  // A contradiction under the operating point (match/calibration.ts) is shown, but not as a conflict.
  function strongest(conflict: boolean): HTMLElement {
    const noop = vi.fn();
    render(
      <StatementCard
        statement={statement}
        summary={{
          statementId: 7,
          related: conflict ? 0 : 1,
          conflicts: conflict ? 1 : 0,
          saved: false,
          strongest: {
            type: 'contradiction',
            conflict,
            reason: `${conflict ? 'possible conflict' : 'may disagree'} — ‘stops’ vs ‘runs’: the ferry`,
            otherSpeaker: 'Per Olsen',
            otherTitle: 'Ferry cuts',
            otherSite: 'two.example',
            otherUrl: 'https://two.example/ferry',
          },
        }}
        status={{ saving: false, error: null }}
        onSave={noop}
        onOpenView={noop}
        onClose={noop}
      />,
      root,
    );
    return root.querySelector<HTMLElement>('.card__strongest')!;
  }

  it('names a contradiction under the operating point "May disagree", without the conflict mark', () => {
    const under = strongest(false);
    expect(under.querySelector('strong')!.textContent).toBe('May disagree:');
    // The reason does not say again what the label says.
    expect(under.textContent).toContain('May disagree: ‘stops’ vs ‘runs’: the ferry');
    expect(under.classList.contains('card__strongest--conflict')).toBe(false);
    expect(root.querySelector('.card__conflicts')).toBeNull();
    const over = strongest(true);
    expect(over.querySelector('strong')!.textContent).toBe('Possible conflict:');
    expect(over.classList.contains('card__strongest--conflict')).toBe(true);
  });
});
