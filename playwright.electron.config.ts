import { defineConfig } from '@playwright/test';

// The desktop app: Electron itself, launched by the tests (tests/electron/app.ts) on the
// builds in dist/ (tests/electron/run.mjs builds them, and skips with one line where the
// Electron binary is not installed).
export default defineConfig({
  testDir: 'tests/electron',
  timeout: 90_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: { trace: 'retain-on-failure' },
});
