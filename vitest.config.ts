import { defineConfig } from 'vitest/config';

// Unit and content tests: fast, no browser, no build.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/content/**/*.test.ts'],
    testTimeout: 30_000,
  },
});
