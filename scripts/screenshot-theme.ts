// The dark theme's screenshot (the main screen at 1440 × 900, the system set to dark) and the
// printed page (Chromium's print to PDF, drawn by pdftoppm) into docs/ or the folder given:
//   npx tsx scripts/screenshot-theme.ts [dir]   (with `vite preview` on port 4173; APP_URL for another)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from '../tests/browser';

const dir = process.argv[2] ?? 'docs';
const executablePath = findBrowser();
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, colorScheme: 'dark' });
await page.goto(process.env.APP_URL ?? 'http://127.0.0.1:4173/');
await page.locator('.react-flow__node').first().waitFor();
await page.waitForTimeout(800);
// A claim selected: the inspector shows its fields, the sources pane its quote.
await page.getByTestId('rf__node-C2').click();
await page.waitForTimeout(600);
await page.screenshot({ path: join(dir, 'screenshot-dark.png') });

const pdf = join(mkdtempSync(join(tmpdir(), 'aa-print-')), 'print.pdf');
writeFileSync(pdf, await page.pdf({ preferCSSPageSize: true }));
await browser.close();
const r = spawnSync('pdftoppm', ['-png', '-r', '110', '-singlefile', pdf, join(dir, 'print')], { encoding: 'utf8' });
if (r.error || r.status !== 0) throw new Error(`pdftoppm could not draw the printed page (poppler-utils): ${r.error?.message ?? r.stderr}`);
console.log(`wrote ${join(dir, 'screenshot-dark.png')} and ${join(dir, 'print.png')} (from ${pdf})`);
