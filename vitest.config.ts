import { defineConfig } from 'vitest/config';

// Only unit and property tests: Playwright specs (tests/e2e, tests/electron) run under Playwright.
export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts'],
    setupFiles: ['tests/unit/setup.ts'],
    testTimeout: 60_000,
  },
});
