import { defineConfig } from 'vitest/config';

// The release checks build the extension several times over: one file at a time, with time for those builds.
export default defineConfig({
  test: {
    include: ['test/release/**/*.test.ts'],
    fileParallelism: false,
    testTimeout: 600_000,
  },
});
