import { defineConfig } from '@playwright/test';
import { CHROMIUM_ARGS, chooseTestBrowser, NO_BROWSER_MESSAGE } from './tests/browser';

const browser = chooseTestBrowser();
if (!browser) {
  console.error(NO_BROWSER_MESSAGE);
  process.exit(1);
}
if (browser.kind === 'electron') {
  // tests/e2e/fixtures.ts then opens each test's page in an Electron window.
  process.env.AA_E2E_ELECTRON = browser.path;
  console.log(`Browser tests: no Chrome/Chromium found; running them in Electron (${browser.path}).`);
}

// The real renderer, built for the web (dist/renderer) and served by Vite's preview server.
// AA_E2E_PORT moves the server (several checkouts can run their browser tests at once).
const port = Number(process.env.AA_E2E_PORT ?? 4173);
export default defineConfig({
  testDir: 'tests/e2e',
  timeout: 60_000,
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1440, height: 900 },
    ...(browser.kind === 'chromium' ? { launchOptions: { executablePath: browser.path, args: CHROMIUM_ARGS } } : {}),
    acceptDownloads: true,
    trace: 'off',
  },
  webServer: {
    command: `npx vite preview --config vite.config.ts --host 127.0.0.1 --port ${port} --strictPort`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    timeout: 60_000,
  },
});
