// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StoreProblemBanner } from '../../components/StoreProblemBanner';
import { storeProblemItem } from '../../utils/settings';

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

describe('StoreProblemBanner', () => {
  it('shows nothing while the store is healthy', async () => {
    render(<StoreProblemBanner />, root);
    await new Promise((r) => setTimeout(r, 20));
    expect(root.querySelector('[role="alert"]')).toBeNull();
  });

  it('says the storage is full as an alert, and goes away when a write succeeds again', async () => {
    render(<StoreProblemBanner />, root);
    await storeProblemItem.setValue({
      message: "Your browser's storage for Saywho is full: could not store this page.",
      quota: true,
      at: 1,
    });
    await vi.waitFor(() =>
      expect(root.querySelector('[role="alert"]')?.textContent).toBe(
        "Storage full. Your browser's storage for Saywho is full: could not store this page.",
      ),
    );
    await storeProblemItem.setValue(null);
    await vi.waitFor(() => expect(root.querySelector('[role="alert"]')).toBeNull());
  });
});
