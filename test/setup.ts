// Gives Dexie a real IndexedDB implementation in Node.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

afterEach(() => {
  fakeBrowser.reset();
});
