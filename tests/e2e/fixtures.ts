// The test fixture every browser test uses: it records every request and fails the test
// if any leaves the app (the app must work offline), and any uncaught page error.
import { _electron, test as chromiumTest, expect, type Page } from '@playwright/test';
import { fitAll, node, viewportSettled } from '../canvas';

/**
 * Where no Chrome/Chromium is installed but the Electron binary is (playwright.config.ts sets
 * AA_E2E_ELECTRON), each test's page is an Electron window showing the same web build.
 */
const electronPath = process.env.AA_E2E_ELECTRON;
const host = new URL('./electron-host.cjs', import.meta.url).pathname;
const base = electronPath
  ? chromiumTest.extend({
      page: async ({}, use) => {
        const electronApp = await _electron.launch({ executablePath: electronPath, args: [host], acceptDownloads: true });
        const page = await electronApp.firstWindow();
        await use(page);
        await electronApp.close();
      },
    })
  : chromiumTest;

export const test = base.extend<{ app: Page }>({
  app: async ({ page, baseURL }, use) => {
    const outside: string[] = [];
    const errors: string[] = [];
    const origin = new URL(baseURL!).origin;
    page.on('request', (r) => {
      const url = r.url();
      if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
    });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(baseURL!);
    await expect(page.locator('.react-flow')).toBeVisible();
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    // The map opens on its thesis and claims; tests look at the whole map, so fit it
    // (the canvas only renders what is in view). 40 relations, one linked (two
    // premises) = 41 edges, drawn once every node has been measured.
    await fitAll(page);
    await expect(page.locator('.react-flow__edge')).toHaveCount(41);
    await use(page);
    expect(outside, 'requests that left the app').toEqual([]);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };

export { fitAll, node, viewportSettled };
