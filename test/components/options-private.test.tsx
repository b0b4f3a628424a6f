// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../components/OptionsApp';
import { openDb, type SaywhoDb } from '../../utils/store/db';

let db: SaywhoDb;
let root: HTMLElement;
let n = 0;
beforeEach(async () => {
  db = openDb(`test-options-private-${n++}`);
  await db.open();
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(async () => {
  render(null, root);
  root.remove();
  await db.delete();
});

describe('OptionsApp', () => {
  it('says that nothing is kept from private windows', async () => {
    const settings = {
      getAutoCollect: async () => true,
      setAutoCollect: async () => undefined,
      getExcluded: async () => [],
      setExcluded: async () => undefined,
    };
    render(<OptionsApp db={db} settings={settings} />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-state="private-windows"]')).not.toBeNull());
    expect(root.querySelector('[data-state="private-windows"]')?.textContent).toContain(
      'Saywho keeps nothing from private windows.',
    );
  });
});
