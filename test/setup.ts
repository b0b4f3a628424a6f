// The extractor's model data, as Node tools have them (utils/nlp/model-data.ts).
import '../utils/nlp/model/use-bundled';
// Gives Dexie a real IndexedDB implementation in Node.
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { fakeBrowser } from 'wxt/testing';

afterEach(() => {
  fakeBrowser.reset();
});
