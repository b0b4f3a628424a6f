import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing';

export default defineConfig({
  // WXT's plugin does not pick up Vite plugins from wxt.config.ts, so Preact is added here too.
  plugins: [WxtVitest(), preact()],
  test: {
    include: ['test/**/*.test.{ts,tsx}'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup.ts'],
    environment: 'node',
    reporters: ['default', 'json'],
    outputFile: { json: '.test-results/unit.json' },
  },
});
