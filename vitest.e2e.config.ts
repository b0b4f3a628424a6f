import { defineConfig } from 'vitest/config';

// End-to-end tests drive the built extension in a real Chromium: one browser at a time, long timeouts.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    environment: 'node',
    // Tests that compare with `extract` in Node give it the model data (utils/nlp/model-data.ts).
    setupFiles: ['utils/nlp/model/use-bundled.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/e2e.json' },
  },
});
