import { defineConfig } from 'vitest/config';

// End-to-end tests drive real browsers: one file at a time, generous timeouts, no retries that hide flakiness.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 90_000,
    reporters: ['default'],
  },
});
