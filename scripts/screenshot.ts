// Takes the README's screenshot (the opening view at 1440 x 900) of the web build in Chromium: npm run build:web && npx tsx scripts/screenshot.ts
// (expects `npx vite preview --config vite.config.ts --port 4173` to be running).
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from '../tests/browser';

const executablePath = findBrowser();
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
await page.goto(process.env.APP_URL ?? 'http://127.0.0.1:4173/');
await page.locator('.react-flow__node').first().waitFor();
await page.waitForTimeout(800);
// The opening view as a user first sees it, with the letter itself in the sources pane.
await page.getByRole('tab', { name: /^Stalin to Klement Gottwald/ }).click();
await page.waitForTimeout(600);
await page.screenshot({ path: 'docs/screenshot.png' });
console.log('wrote docs/screenshot.png');
// FIT_SHOT=<png>: also the whole map fitted (F), to check the zoomed-out cards.
if (process.env.FIT_SHOT) {
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('f');
  await page.waitForTimeout(800);
  await page.screenshot({ path: process.env.FIT_SHOT });
  console.log(`wrote ${process.env.FIT_SHOT}`);
}
await browser.close();
