import { describe, expect, it } from 'vitest';
import { badgeOf } from '../../utils/background/badge';
import type { StatementSummary } from '../../utils/domain';

const summary = (conflicts = 0): StatementSummary => ({
  statementId: 0,
  related: 0,
  conflicts,
  saved: false,
  strongest: null,
});

describe('the toolbar badge of a page read', () => {
  it('counts the statements and marks a conflict', () => {
    expect(badgeOf({ ok: true, pageId: 1, statements: [summary(), summary(1)] })).toEqual({
      text: '2!',
      color: '#c62828',
      title: 'Saywho: 2 statements, some in conflict',
    });
  });

  it('says when auto-collect is off', () => {
    expect(badgeOf({ ok: true, pageId: 0, statements: [summary()], autoCollect: false }).title).toBe(
      'Saywho: 1 statement (auto-collect is off: only quotes you save are kept)',
    );
  });

  it('says that nothing is kept from a private window', () => {
    const reply = { ok: true as const, pageId: 0, statements: [summary()], autoCollect: false as const };
    expect(badgeOf({ ...reply, private: true }).title).toBe(
      'Saywho: 1 statement. Saywho keeps nothing from private windows.',
    );
  });
});
