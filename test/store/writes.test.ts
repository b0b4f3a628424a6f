/**
 * Every write of writes.ts waits for its turn: while another write of the same context runs (an
 * ingest in the background, an import in the archive page), a save, an edit, a deletion, a restore,
 * an import or a clearing does not start, and it runs once that write has ended. One write route,
 * one queue (turns.ts), for the background and the UI alike.
 */
import { describe, expect, it } from 'vitest';
import type { ArchiveSnapshot, SaywhoDb } from '../../utils/store/db';
import { toJson } from '../../utils/store/export';
import { inTurn } from '../../utils/store/turns';
import {
  clearAllData,
  deleteEntry,
  importArchiveJson,
  restoreEntry,
  saveCapture,
  saveStatement,
  updateEntry,
} from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('writes');

const SNAPSHOT: ArchiveSnapshot = {
  text: 'The ferry service will resume on Monday.',
  kind: 'direct',
  speaker: 'Ines Duarte',
  cue: 'said',
  pageUrl: 'https://harbour.example/ferry',
  pageTitle: 'Ferry to resume',
  site: 'harbour.example',
  publishedAt: null,
};

/** Holds the store's write turn until `release` is called; `started` once it holds it. */
function holdTurn(store: SaywhoDb) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  let started!: () => void;
  const holding = new Promise<void>((resolve) => {
    started = resolve;
  });
  const held = inTurn(store, async () => {
    started();
    await gate;
  });
  return { release, holding, held };
}

/** Lets the event loop and IndexedDB run for a while. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 50));

async function oneEntry(): Promise<number> {
  return (await saveCapture(db(), { statementId: null, snapshot: SNAPSHOT, note: 'first' })).id;
}

describe('writes run in turn', () => {
  it('a save waits for the write before it', async () => {
    const turn = holdTurn(db());
    await turn.holding;
    const saving = saveCapture(db(), { statementId: null, snapshot: SNAPSHOT });
    await settle();
    expect(await db().archive.count()).toBe(0);
    turn.release();
    await saving;
    expect(await db().archive.count()).toBe(1);
  });

  it('so does saving a stored statement (its failure comes after the turn too)', async () => {
    const turn = holdTurn(db());
    await turn.holding;
    let settled = false;
    const saving = saveStatement(db(), 404).finally(() => {
      settled = true;
    });
    await settle();
    expect(settled).toBe(false);
    turn.release();
    await expect(saving).rejects.toThrow(/No stored statement 404/);
  });

  it('an edit, a deletion and a restore each wait', async () => {
    const id = await oneEntry();
    const turn = holdTurn(db());
    await turn.holding;
    const editing = updateEntry(db(), id, { note: 'edited' });
    await settle();
    expect((await db().archive.get(id))?.note).toBe('first');
    turn.release();
    await editing;
    expect((await db().archive.get(id))?.note).toBe('edited');

    const again = holdTurn(db());
    await again.holding;
    const deleting = deleteEntry(db(), id);
    await settle();
    expect(await db().archive.count()).toBe(1);
    again.release();
    const row = await deleting;
    expect(await db().archive.count()).toBe(0);

    const third = holdTurn(db());
    await third.holding;
    const restoring = restoreEntry(db(), row!);
    await settle();
    expect(await db().archive.count()).toBe(0);
    third.release();
    await restoring;
    expect((await db().archive.get(id))?.note).toBe('edited');
  });

  it('an import and a clearing wait', async () => {
    const id = await oneEntry();
    const file = toJson([
      { ...(await db().archive.get(id))!, snapshot: { ...SNAPSHOT, text: 'Another quote.' } },
    ]);
    const turn = holdTurn(db());
    await turn.holding;
    const importing = importArchiveJson(db(), file);
    const clearing = clearAllData(db());
    await settle();
    expect(await db().archive.count()).toBe(1);
    turn.release();
    expect(await importing).toEqual({ ok: true, result: { added: 1, skipped: 0 } });
    await clearing;
    // The clearing was queued after the import: it ran last.
    expect(await db().archive.count()).toBe(0);
  });

  it('a failed write does not block the next', async () => {
    await expect(updateEntry(db(), 999, { note: 'x' })).rejects.toThrow(/no longer in the archive/);
    await oneEntry();
    expect(await db().archive.count()).toBe(1);
  });
});
