// @vitest-environment happy-dom
/**
 * Undo in the archive when the disk is full: the failure is shown as a store problem (the banner,
 * as for every failed write), the quote stays deleted with the undo still offered, and once there
 * is room again the undo restores it and the banner goes away.
 */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArchiveApp } from '../../components/ArchiveApp';
import { storeProblemItem } from '../../utils/settings';
import { reportedWrite, storeProblemOf } from '../../utils/store/problem';
import { saveCapture } from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('archive-undo');
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

const quotaError = () => new DOMException('The quota has been exceeded.', 'QuotaExceededError');

async function saveOne(text: string): Promise<number> {
  const saved = await saveCapture(db(), {
    statementId: null,
    snapshot: {
      text,
      kind: 'direct',
      speaker: 'Ada Park',
      cue: 'said',
      pageUrl: 'https://news.example/story',
      pageTitle: 'A story',
      site: 'news.example',
      publishedAt: null,
    },
  });
  return saved.id;
}

const button = (label: RegExp) =>
  [...root.querySelectorAll('button')].find((b) => label.test(b.textContent ?? '')) as
    | HTMLButtonElement
    | undefined;
const alertText = () => root.querySelector('[role="alert"]')?.textContent ?? null;

describe('archive undo on a full disk', () => {
  it('shows the failure as a store problem, keeps the undo, and restores once there is room', async () => {
    await saveOne('We will rebuild the bridge by spring.');
    render(<ArchiveApp db={db()} />, root);
    await vi.waitFor(() => expect(root.querySelectorAll('.entry')).toHaveLength(1));

    button(/^Delete$/)!.click();
    await vi.waitFor(() => expect(root.querySelector('[data-state="deleted"]')).not.toBeNull());
    expect(await db().archive.count()).toBe(0);

    // The disk is full when the quote is put back.
    const full = (() => {
      throw quotaError();
    }) as never;
    db().archive.hook('creating', full);
    button(/^Undo$/)!.click();
    await vi.waitFor(() =>
      expect(alertText()).toMatch(/^Storage full\. .*could not restore the deleted quote/),
    );
    expect(await storeProblemItem.getValue()).toMatchObject({ quota: true });
    expect(root.querySelector('[data-state="undo-failed"]')?.textContent).toMatch(/could not be restored/);
    expect(await db().archive.count()).toBe(0);
    expect(root.querySelectorAll('.entry')).toHaveLength(0);

    // Room again: the undo, still offered, restores the quote; the problem is cleared.
    db().archive.hook('creating').unsubscribe(full);
    button(/^Try undo again$/)!.click();
    await vi.waitFor(() => expect(root.querySelector('.status')?.textContent).toBe('Quote restored.'));
    await vi.waitFor(() => expect(alertText()).toBeNull());
    expect(await storeProblemItem.getValue()).toBeNull();
    expect((await db().archive.toArray()).map((e) => e.snapshot.text)).toEqual([
      'We will rebuild the bridge by spring.',
    ]);
    await vi.waitFor(() => expect(root.querySelectorAll('.entry')).toHaveLength(1));
  });

  it('restores at once, with no banner, when the disk has room', async () => {
    await saveOne('The contract was signed after the vote.');
    render(<ArchiveApp db={db()} />, root);
    await vi.waitFor(() => expect(root.querySelectorAll('.entry')).toHaveLength(1));
    button(/^Delete$/)!.click();
    await vi.waitFor(() => expect(button(/^Undo$/)).toBeDefined());
    button(/^Undo$/)!.click();
    await vi.waitFor(() => expect(root.querySelector('.status')?.textContent).toBe('Quote restored.'));
    expect(alertText()).toBeNull();
    expect(await db().archive.count()).toBe(1);
  });
});

describe('reportedWrite', () => {
  function sink(initial: ReturnType<typeof storeProblemOf> | null = null) {
    let value = initial;
    const writes: Array<typeof value> = [];
    return {
      writes,
      getValue: async () => value,
      setValue: async (v: typeof value) => {
        value = v;
        writes.push(v);
      },
    };
  }

  it('reports a failed write (quota or other) and answers it, never throwing', async () => {
    const s = sink();
    const quota = await reportedWrite(s, 'restore the deleted quote', async () => {
      throw quotaError();
    });
    expect(quota).toEqual({ ok: false, problem: expect.objectContaining({ quota: true }) });
    const other = await reportedWrite(s, 'delete this quote', async () => {
      throw new Error('disk on fire');
    });
    expect(other).toEqual({
      ok: false,
      problem: expect.objectContaining({
        quota: false,
        message: 'Could not delete this quote: disk on fire',
      }),
    });
    expect(s.writes.map((w) => w?.quota)).toEqual([true, false]);
  });

  it('clears a reported problem on success, and writes nothing when there was none', async () => {
    const healthy = sink();
    expect(await reportedWrite(healthy, 'x', async () => 7)).toEqual({ ok: true, value: 7 });
    expect(healthy.writes).toEqual([]);
    const troubled = sink(storeProblemOf(quotaError(), 'store this page'));
    expect(await reportedWrite(troubled, 'x', async () => 'done')).toEqual({ ok: true, value: 'done' });
    expect(troubled.writes).toEqual([null]);
  });
});
