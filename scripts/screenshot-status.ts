// The README's status screenshot (1440 x 900): the shipped map with the critic counted, the
// Voices panel and the legend open, Claim 4's "why?" shown. `npm run build:web`, then with
// `npx vite preview --config vite.config.ts --port 4173` running: npx tsx scripts/screenshot-status.ts [out.png]
// (APP_URL for another server; THEME=dark for the dark theme).
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from '../tests/browser';

const executablePath = findBrowser();
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
const out = process.argv[2] ?? 'docs/status.png';
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
if (process.env.THEME) await page.addInitScript(`localStorage.setItem('argument-atlas.theme', ${JSON.stringify(process.env.THEME)})`);
await page.goto(process.env.APP_URL ?? 'http://127.0.0.1:4173/');
await page.locator('.react-flow__node').first().waitFor();
await page.waitForTimeout(800);
// The map and the inspector: the sources pane closed to give the map the room.
await page.getByRole('toolbar').getByRole('button', { name: 'Sources', exact: true }).click();
await page.waitForTimeout(600);
await page.getByRole('toolbar').getByRole('button', { name: 'Voices', exact: true }).click();
await page.getByRole('region', { name: 'Voices' }).getByRole('button', { name: 'Analyst + critic' }).click();
await page.getByRole('region', { name: 'Voices' }).getByRole('checkbox', { name: 'Legend' }).check();
// The opening view (thesis and claims at a legible size): Claim 4's badge opens its why?.
await page.locator('.react-flow__node[data-id="C4"] [data-testid="status-badge"]').click();
await page.waitForTimeout(500);
await page.screenshot({ path: out });
console.log(`wrote ${out}`);
await browser.close();
