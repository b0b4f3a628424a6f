// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsApp } from '../../components/OptionsApp';
import { useTestStore } from '../helpers/store';

const db = useTestStore('options-private');
let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('OptionsApp', () => {
  it('says that nothing is kept from private windows', async () => {
    const settings = {
      getAutoCollect: async () => true,
      setAutoCollect: async () => undefined,
      getExcluded: async () => [],
      setExcluded: async () => undefined,
    };
    render(<OptionsApp db={db()} settings={settings} />, root);
    await vi.waitFor(() => expect(root.querySelector('[data-state="private-windows"]')).not.toBeNull());
    expect(root.querySelector('[data-state="private-windows"]')?.textContent).toContain(
      'Saywho keeps nothing from private windows.',
    );
  });
});
