import { useEffect, useState } from 'preact/hooks';
import { PRIVATE_WINDOW_REFUSAL } from '@/utils/background/private';
import { parseExcludeList } from '@/utils/page/excluded';
import { clearAllData, storeCounts } from '@/utils/store/archive';
import type { SaywhoDb } from '@/utils/store/db';

/** The settings the options page edits, injected so the component runs in tests without extension storage. */
export interface SettingsAccess {
  getAutoCollect(): Promise<boolean>;
  setAutoCollect(on: boolean): Promise<void>;
  getExcluded(): Promise<string[]>;
  setExcluded(patterns: string[]): Promise<void>;
}

export function OptionsApp({ db, settings }: { db: SaywhoDb; settings: SettingsAccess }) {
  const [autoCollect, setAutoCollect] = useState<boolean | null>(null);
  const [excludedText, setExcludedText] = useState('');
  const [excludedStatus, setExcludedStatus] = useState('');
  const [confirming, setConfirming] = useState<{ pages: number; statements: number; archive: number } | null>(
    null,
  );
  const [clearStatus, setClearStatus] = useState('');

  useEffect(() => {
    void settings.getAutoCollect().then(setAutoCollect);
    void settings.getExcluded().then((p) => setExcludedText(p.join('\n')));
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

  async function askClear() {
    setClearStatus('');
    setConfirming(await storeCounts(db));
  }

  async function clear() {
    await clearAllData(db);
    setConfirming(null);
    setClearStatus('All Saywho data on this device was deleted.');
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
        {confirming ? (
          <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
            <p id="confirm-text">
              Delete {confirming.pages} pages, {confirming.statements} statements and {confirming.archive}{' '}
              saved quotes? This cannot be undone. (Export the archive first to keep a copy.)
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
