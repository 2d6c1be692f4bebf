// Screenshots of the sources' UI in the web build, at 1440×900: the Add Source dialog with a
// PDF read, a source's details form, and its Chicago citations next to the cited cards.
//   npm run build:web && npx vite preview --config vite.config.ts --port 4173 &
//   npx tsx scripts/screenshot-sources.ts [out-dir]        (APP_URL to use another server)
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findBrowser, NO_BROWSER_MESSAGE } from '../tests/browser';
import { textPdf } from '../tests/e2e/documents';

const out = process.argv[2] ?? 'docs';
mkdirSync(out, { recursive: true });
const url = process.env.APP_URL ?? 'http://127.0.0.1:4173/';
const executablePath = findBrowser();
if (!executablePath) throw new Error(NO_BROWSER_MESSAGE);
const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(url).origin });
const page = await context.newPage();
await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
await page.goto(url);
await page.locator('.react-flow__node').first().waitFor();
await page.waitForTimeout(600);
const pane = page.getByRole('complementary', { name: 'Sources' });

// 1. Add Source, from a file: a two-page PDF read, its kind, pages, the note and the preview.
await pane.getByRole('toolbar', { name: 'Source tools' }).getByRole('button', { name: 'Add source…' }).click();
const dialog = page.getByRole('dialog', { name: 'Add a source' });
await dialog.getByRole('tab', { name: 'From a file' }).click();
const pdf = await textPdf(
  [
    'Ciphered telegram from Beijing, 1 October 1950.\nTo Filippov (Stalin).\n\nWe have decided to send part of our troops to Korea under the name of volunteers, to fight the United States and its lackey Syngman Rhee and to aid our Korean comrades.',
    'We consider this necessary, because if Korea were occupied by the Americans, the Korean revolutionary forces would suffer a fundamental defeat, and the American invaders would rampage still more.',
  ],
  { info: { Title: 'Mao Zedong to Stalin, 2 October 1950' } },
);
const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose a file…' }).click()]);
await chooser.setFiles({ name: 'mao-to-stalin-1950-10-02.pdf', mimeType: 'application/pdf', buffer: pdf });
await dialog.getByTestId('document-preview').waitFor();
await dialog.getByLabel('Date (EDTF)').fill('1950-10-02');
await page.waitForTimeout(300);
await page.screenshot({ path: join(out, 'sources-add.png') });
await dialog.getByRole('button', { name: 'Cancel' }).click();

// 2. The letter's details: its archival citation as given and in parts.
await pane.getByRole('tab', { name: /^Stalin to Klement Gottwald/ }).click();
await pane.getByRole('button', { name: 'Edit details' }).click();
await pane.getByRole('form').waitFor();
await pane.getByRole('form').getByLabel('Fond').scrollIntoViewIfNeeded();
await page.waitForTimeout(300);
await page.screenshot({ path: join(out, 'sources-details.png') });
await pane.getByRole('button', { name: 'Edit details' }).click();

// 3. Its citations, with an evidence card selected on the map showing its short citation.
await page.locator('mark[data-node-ids~="E1c"]').first().click();
await pane.getByRole('button', { name: 'Cite' }).click();
await pane.getByTestId('cite-full').waitFor();
await pane.getByText(/Footnotes for each quote/).click();
await pane.getByRole('heading', { name: /Citation \(Chicago/ }).scrollIntoViewIfNeeded();
await page.waitForTimeout(400);
await page.screenshot({ path: join(out, 'sources-cite.png') });

await browser.close();
console.log(`wrote ${join(out, 'sources-add.png')}, sources-details.png, sources-cite.png`);
