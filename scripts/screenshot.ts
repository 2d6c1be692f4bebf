// Takes the README's screenshot of the web build in Chromium: npm run build:web && npm run screenshot
// (expects `npx vite preview --config vite.config.ts --port 4173` to be running).
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from '../tests/browser';

const executablePath = findBrowser();
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1600, height: 960 } });
await page.goto(process.env.APP_URL ?? 'http://127.0.0.1:4173/');
await page.locator('.react-flow__node').first().waitFor();
await page.waitForTimeout(800);
// Select the evidence quoting "withdrawal form" so the sources pane shows it highlighted.
await page.getByRole('tab', { name: /^Stalin to Klement Gottwald/ }).click();
await page.locator('mark[data-node-ids~="E1c"]').first().click();
await page.waitForTimeout(600);
await page.screenshot({ path: 'docs/screenshot.png' });
await browser.close();
console.log('wrote docs/screenshot.png');
