import { useEffect, useState } from 'preact/hooks';
import { PRIVATE_WINDOW_REFUSAL } from '@/utils/messages';
import { parseExcludeList } from '@/utils/page/excluded';
import { storeCounts } from '@/utils/store/archive';
import type { SaywhoDb } from '@/utils/store/db';
import {
  BYTES_PER_STATEMENT,
  DEFAULT_STORE_LIMIT_MB,
  MAX_STORE_LIMIT_MB,
  MIN_STORE_LIMIT_MB,
  type Removal,
  readBefore,
  type StoreSize,
  statementLimit,
  storeSize,
} from '@/utils/store/retention';
import { clearAllData, forgetPagesReadBefore } from '@/utils/store/writes';

/** The settings the options page edits, injected so the component runs in tests without extension storage. */
export interface SettingsAccess {
  getAutoCollect(): Promise<boolean>;
  setAutoCollect(on: boolean): Promise<void>;
  getExcluded(): Promise<string[]>;
  setExcluded(patterns: string[]): Promise<void>;
  /** The store's size limit in MB (absent: the default, not editable). */
  getStoreLimit?(): Promise<number>;
  setStoreLimit?(mb: number): Promise<void>;
}

/** What the store holds, and what the browser says the extension uses on disk (when it says). */
interface SizeView extends StoreSize {
  diskBytes: number | null;
}

async function measure(db: SaywhoDb): Promise<SizeView> {
  const [size, estimate] = await Promise.all([
    storeSize(db),
    // The extension's whole origin (the store is nearly all of it); not every context has it.
    navigator.storage?.estimate?.().catch(() => null) ?? Promise.resolve(null),
  ]);
  return { ...size, diskBytes: estimate?.usage ?? null };
}

const count = (n: number, one: string, many = `${one}s`) =>
  `${n.toLocaleString('en')} ${n === 1 ? one : many}`;
/** "3.4 MB"; under 0.1 MB in kB, so a small store does not read "0 MB". */
const megabytes = (bytes: number) =>
  bytes < 100_000
    ? `${Math.max(1, Math.round(bytes / 1000)).toLocaleString('en')} kB`
    : `${(bytes / 1_000_000).toLocaleString('en', { maximumFractionDigits: 1 })} MB`;

/** Local midnight of an `<input type="date">` value (YYYY-MM-DD), or null. */
function startOfDay(value: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!m) return null;
  const t = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
  return Number.isNaN(t) ? null : t;
}

function forgotten(r: Removal, day: string): string {
  const kept = r.keptSaved > 0 ? ` ${count(r.keptSaved, 'saved quote')} and their pages were kept.` : '';
  return `Forgot ${count(r.pages, 'page')} and ${count(r.statements, 'statement')} read before ${day}.${kept}`;
}

export function OptionsApp({ db, settings }: { db: SaywhoDb; settings: SettingsAccess }) {
  const [autoCollect, setAutoCollect] = useState<boolean | null>(null);
  const [excludedText, setExcludedText] = useState('');
  const [excludedStatus, setExcludedStatus] = useState('');
  const [confirming, setConfirming] = useState<{ pages: number; statements: number; archive: number } | null>(
    null,
  );
  const [clearStatus, setClearStatus] = useState('');
  const [size, setSize] = useState<SizeView | null>(null);
  const [limitText, setLimitText] = useState(String(DEFAULT_STORE_LIMIT_MB));
  const [limitStatus, setLimitStatus] = useState('');
  const [forgetDay, setForgetDay] = useState('');
  const [forgetAsk, setForgetAsk] = useState<{ before: number; pages: number; statements: number } | null>(
    null,
  );
  const [forgetStatus, setForgetStatus] = useState('');

  function refreshSize() {
    void measure(db).then(setSize);
  }

  useEffect(() => {
    void settings.getAutoCollect().then(setAutoCollect);
    void settings.getExcluded().then((p) => setExcludedText(p.join('\n')));
    void settings.getStoreLimit?.().then((mb) => setLimitText(String(mb)));
    refreshSize();
  }, []);

  async function toggleAutoCollect(on: boolean) {
    setAutoCollect(on);
    await settings.setAutoCollect(on);
  }

  async function saveExcluded(event: Event) {
    event.preventDefault();
    const patterns = parseExcludeList(excludedText);
    await settings.setExcluded(patterns);
    setExcludedText(patterns.join('\n'));
    setExcludedStatus(
      `Saved: ${patterns.length} excluded site${patterns.length === 1 ? '' : 's'}. Reload open tabs for it to take effect.`,
    );
  }

  async function saveLimit(event: Event) {
    event.preventDefault();
    const mb = Number(limitText);
    if (!Number.isInteger(mb) || mb < MIN_STORE_LIMIT_MB || mb > MAX_STORE_LIMIT_MB) {
      setLimitStatus(
        `Not saved: the limit must be a whole number of MB from ${MIN_STORE_LIMIT_MB} to ${MAX_STORE_LIMIT_MB.toLocaleString('en')}.`,
      );
      return;
    }
    await settings.setStoreLimit?.(mb);
    setLimitStatus(
      `Saved: at most ${mb.toLocaleString('en')} MB, about ${count(statementLimit(mb), 'statement')}. Past it, the oldest unsaved statements are deleted after the next page is stored.`,
    );
  }

  async function askForget(event: Event) {
    event.preventDefault();
    setForgetStatus('');
    const before = startOfDay(forgetDay);
    if (before === null) {
      setForgetStatus('Choose a date first.');
      return;
    }
    setForgetAsk({ before, ...(await readBefore(db, before)) });
  }

  async function forget() {
    if (!forgetAsk) return;
    const day = new Date(forgetAsk.before).toLocaleDateString('en', { dateStyle: 'long' });
    try {
      setForgetStatus(forgotten(await forgetPagesReadBefore(db, forgetAsk.before), day));
    } catch (error) {
      setForgetStatus(`Nothing was forgotten: ${error instanceof Error ? error.message : String(error)}`);
    }
    setForgetAsk(null);
    refreshSize();
  }

  async function askClear() {
    setClearStatus('');
    setConfirming(await storeCounts(db));
  }

  async function clear() {
    await clearAllData(db);
    setConfirming(null);
    setClearStatus('All Saywho data on this device was deleted.');
    refreshSize();
  }

  return (
    <main class="options">
      <h1>Saywho options</h1>

      <section class="options__section" aria-labelledby="collect-heading">
        <h2 id="collect-heading">Collecting</h2>
        <label class="check">
          <input
            type="checkbox"
            name="autoCollect"
            checked={autoCollect ?? true}
            disabled={autoCollect === null}
            aria-describedby="collect-hint"
            onChange={(e) => void toggleAutoCollect(e.currentTarget.checked)}
          />
          Auto-collect statements from the articles I read
        </label>
        <p class="field__hint" id="collect-hint">
          On: Saywho stores every statement it finds, on this device only, to show related and conflicting
          statements later. Off: it still highlights quotes, but stores only the quotes you save.
        </p>
        <p class="field__hint" data-state="private-windows">
          {PRIVATE_WINDOW_REFUSAL} If you allow it in private windows, it highlights quotes there but stores,
          compares and saves nothing of them.
        </p>
      </section>

      <section class="options__section" aria-labelledby="excluded-heading">
        <h2 id="excluded-heading">Excluded sites</h2>
        <form onSubmit={saveExcluded}>
          <label class="field">
            <span class="field__label">Sites where Saywho does nothing, one per line</span>
            <textarea
              class="field__input"
              name="excluded"
              rows={5}
              value={excludedText}
              aria-describedby="excluded-hint"
              onInput={(e) => setExcludedText(e.currentTarget.value)}
            />
          </label>
          <p class="field__hint" id="excluded-hint">
            example.com also covers its subdomains; example.com/opinion only that section; 127.0.0.1:8080 only
            that port.
          </p>
          <button type="submit" class="button">
            Save excluded sites
          </button>
          <p class="status" role="status">
            {excludedStatus}
          </p>
        </form>
      </section>

      <section class="options__section" aria-labelledby="data-heading">
        <h2 id="data-heading">Your data</h2>
        <p>Everything Saywho stores stays in this browser profile. You can delete all of it.</p>
        <p data-state="store-size">
          {size === null
            ? 'Measuring the store…'
            : `Stored: ${count(size.statements, 'statement')} from ${count(size.pages, 'page')} (about ${megabytes(size.statements * BYTES_PER_STATEMENT)}), ${count(size.saved, 'saved quote')}.${size.diskBytes === null ? '' : ` On disk, the browser counts ${megabytes(size.diskBytes)} in all.`}`}
        </p>

        {/* Checked by saveLimit, which says what is wrong in words (the browser's bubble may not). */}
        <form onSubmit={saveLimit} noValidate>
          <label class="field">
            <span class="field__label">Store size limit (MB)</span>
            <input
              class="field__input"
              type="number"
              name="storeLimit"
              inputMode="numeric"
              min={MIN_STORE_LIMIT_MB}
              max={MAX_STORE_LIMIT_MB}
              value={limitText}
              disabled={!settings.setStoreLimit}
              aria-describedby="limit-hint"
              onInput={(e) => setLimitText(e.currentTarget.value)}
            />
          </label>
          <p class="field__hint" id="limit-hint">
            About {(1_000_000 / BYTES_PER_STATEMENT).toLocaleString('en')} statements per MB. Past the limit,
            Saywho deletes the statements of the pages you read longest ago. Saved quotes are never deleted.
          </p>
          <button type="submit" class="button" disabled={!settings.setStoreLimit}>
            Save limit
          </button>
          <p class="status" role="status">
            {limitStatus}
          </p>
        </form>

        <form onSubmit={askForget}>
          <label class="field">
            <span class="field__label">Forget pages read before</span>
            <input
              class="field__input"
              type="date"
              name="forgetBefore"
              value={forgetDay}
              aria-describedby="forget-hint"
              onInput={(e) => setForgetDay(e.currentTarget.value)}
            />
          </label>
          <p class="field__hint" id="forget-hint">
            Deletes those pages and their statements. Saved quotes, and their pages, are kept.
          </p>
          {forgetAsk ? (
            <div class="confirm" role="alertdialog" aria-labelledby="forget-text">
              <p id="forget-text">
                Forget {count(forgetAsk.pages, 'page')} read before{' '}
                {new Date(forgetAsk.before).toLocaleDateString('en', { dateStyle: 'long' })} and their{' '}
                {count(forgetAsk.statements, 'statement')}? Saved quotes stay. This cannot be undone.
              </p>
              <button type="button" class="button button--danger" onClick={() => void forget()}>
                Forget these pages
              </button>{' '}
              <button type="button" class="button" onClick={() => setForgetAsk(null)}>
                Cancel
              </button>
            </div>
          ) : (
            <button type="submit" class="button">
              Forget pages…
            </button>
          )}
          <p class="status" role="status">
            {forgetStatus}
          </p>
        </form>
        {confirming ? (
          <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
            <p id="confirm-text">
              Delete {count(confirming.pages, 'page')}, {count(confirming.statements, 'statement')} and{' '}
              {count(confirming.archive, 'saved quote')}? This cannot be undone. (Export the archive first to
              keep a copy.)
            </p>
            <button type="button" class="button button--danger" onClick={() => void clear()}>
              Delete everything
            </button>{' '}
            <button type="button" class="button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
        ) : (
          <button type="button" class="button button--danger" onClick={() => void askClear()}>
            Clear all data…
          </button>
        )}
        <p class="status" role="status">
          {clearStatus}
        </p>
      </section>
    </main>
  );
}
