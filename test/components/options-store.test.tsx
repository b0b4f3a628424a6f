// @vitest-environment happy-dom
/** The options page's store section: its size, the size limit, and "forget pages read before …". */
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp, type SettingsAccess } from '../../components/OptionsApp';
import { storeLimitSetting } from '../../utils/settings';
import { DEFAULT_STORE_LIMIT_MB } from '../../utils/store/retention';
import { ingestPage, saveStatement } from '../../utils/store/writes';
import { useTestStore } from '../helpers/store';

const db = useTestStore('options-store');
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function settings(limit = { mb: 200 }): SettingsAccess {
  return {
    getAutoCollect: async () => true,
    setAutoCollect: async () => undefined,
    getExcluded: async () => [],
    setExcluded: async () => undefined,
    getStoreLimit: async () => limit.mb,
    setStoreLimit: async (mb) => {
      limit.mb = mb;
    },
  };
}

const statement = (text: string, start = 0) => ({
  text,
  kind: 'direct' as const,
  start,
  end: start + text.length,
  speaker: { name: 'Ada Park', mention: 'Park', mentionStart: -1 },
  cue: 'said',
  continues: null,
  prefix: '',
  suffix: '',
});

async function read(url: string, texts: string[], at: number) {
  return ingestPage(
    db(),
    {
      page: { url, canonicalUrl: null, title: url, site: 'example', publishedAt: null },
      statements: texts.map((t, i) => statement(t, i * 200)),
    },
    at,
  );
}

function input(label: string): HTMLInputElement {
  const found = [...root.querySelectorAll('label')].find((l) => l.textContent?.includes(label));
  const el = found?.querySelector('input');
  if (!el) throw new Error(`no input labelled ${label}`);
  return el;
}

/** Types a value, then lets Preact render it (a reader cannot click within the same task). */
async function type(el: HTMLInputElement, value: string) {
  el.value = value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  await new Promise((r) => setTimeout(r, 0));
}

function button(name: string): HTMLButtonElement {
  const found = [...root.querySelectorAll('button')].find((b) => b.textContent?.trim() === name);
  if (!found) throw new Error(`no button ${name}`);
  return found;
}

const statuses = () => [...root.querySelectorAll('[role="status"]')].map((s) => s.textContent ?? '');

describe('OptionsApp: the store', () => {
  it('shows how much is stored', async () => {
    await read('https://one.example/a', ['We will rebuild the bridge.', 'The ferry runs on.'], 1000);
    render(<OptionsApp db={db()} settings={settings()} />, root);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-state="store-size"]')?.textContent).toMatch(
        /^Stored: 2 statements from 1 page \(about 2 kB\), 0 saved quotes\./,
      ),
    );
  });

  it('saves a size limit, and refuses one out of range', async () => {
    const limit = { mb: 300 };
    render(<OptionsApp db={db()} settings={settings(limit)} />, root);
    const field = input('Store size limit (MB)');
    // The reader's setting, not the default.
    await vi.waitFor(() => expect(field.value).toBe('300'));
    await type(field, '5');
    button('Save limit').click();
    await vi.waitFor(() => expect(statuses().join(' ')).toContain('Not saved: the limit must be'));
    expect(limit.mb).toBe(300);
    await type(field, '50');
    button('Save limit').click();
    await vi.waitFor(() =>
      expect(statuses().join(' ')).toContain('Saved: at most 50 MB, about 50,000 statements.'),
    );
    expect(limit.mb).toBe(50);
  });

  it('forgets the pages read before a date after asking, keeping saved quotes', async () => {
    const old = await read(
      'https://old.example/a',
      ['We will rebuild the bridge.', 'The ferry runs on.', 'Fares stay the same.'],
      new Date(2026, 0, 5).getTime(),
    );
    await saveStatement(db(), old.statements[0]!.statementId, { now: 1 });
    await read('https://new.example/b', ['Nobody voted against the budget.'], new Date(2026, 2, 5).getTime());
    render(<OptionsApp db={db()} settings={settings()} />, root);
    await type(input('Forget pages read before'), '2026-02-01');
    button('Forget pages…').click();
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alertdialog"]')?.textContent).toMatch(
        /^Forget 1 page read before February 1, 2026 and their 3 statements\? Saved quotes stay\./,
      ),
    );
    // Nothing happens before the reader confirms.
    expect(await db().statements.count()).toBe(4);
    button('Forget these pages').click();
    await vi.waitFor(() =>
      expect(statuses()).toContain(
        'Forgot 0 pages and 2 statements read before February 1, 2026. 1 saved quote and their pages were kept.',
      ),
    );
    expect((await db().statements.toArray()).map((s) => s.text)).toEqual([
      'We will rebuild the bridge.',
      'Nobody voted against the budget.',
    ]);
    await vi.waitFor(() =>
      expect(root.querySelector('[data-state="store-size"]')?.textContent).toMatch(
        /^Stored: 2 statements from 2 pages/,
      ),
    );
  });

  it('asks for a date before forgetting anything', async () => {
    await read('https://old.example/a', ['We will rebuild the bridge.'], 1000);
    render(<OptionsApp db={db()} settings={settings()} />, root);
    button('Forget pages…').click();
    await vi.waitFor(() => expect(statuses()).toContain('Choose a date first.'));
    expect(await db().statements.count()).toBe(1);
  });

  it('starts from the default limit the setting falls back to', async () => {
    expect(await storeLimitSetting.getValue()).toBe(DEFAULT_STORE_LIMIT_MB);
  });
});
