import { defineConfig } from 'vitest/config';

// Browser and built-site tests: they need `npm run build` first and Chromium.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 300_000,
    fileParallelism: false,
  },
});
