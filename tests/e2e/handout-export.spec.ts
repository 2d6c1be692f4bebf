// File > Export Handout… in the web build (the toolbar's Export Handout…): the HTML handout it
// downloads opens from disk with the network shut and steps through the map; the PDF handout
// has a page per step (or per claim) and the bibliography, read back with pdf.js; a worksheet
// leaves the chosen nodes blank; the dialog is labelled, keyboard-reachable and axe-clean.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from '@playwright/test';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { loadMap } from '../../arguments/format/load';
import { presentationSteps } from '../../arguments/present/steps';
import { expect, test } from './fixtures';

const SHIPPED = new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url).pathname;
const loaded = loadMap(readFileSync(SHIPPED, 'utf8'));
if (!loaded.ok) throw new Error('the shipped map does not load');
const map = loaded.map;
const STEPS = presentationSteps(map).length;
const O7 = 'presumes a future war';

// Downloads rather than the File System Access pickers, which a test cannot drive.
test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
});

async function pdfPages(bytes: Buffer): Promise<string[]> {
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), disableFontFace: true }).promise;
  const out: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) out.push((await (await doc.getPage(i)).getTextContent()).items.map((it) => ('str' in it ? it.str : '')).join(' ').replace(/\s+/g, ' '));
  await doc.destroy();
  return out;
}

async function exportHandout(page: Page, choose: (dialog: ReturnType<Page['getByRole']>) => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('toolbar').getByRole('button', { name: 'Export Handout…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export handout' });
  await choose(dialog);
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 120_000 }), dialog.getByRole('button', { name: 'Export…' }).click()]);
  await expect(dialog.getByRole('status').filter({ hasText: /^Exported “/ })).toBeVisible({ timeout: 30_000 });
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test('an HTML handout: downloaded, it opens offline from disk and steps through the map', async ({ app, browser }) => {
  await app.getByRole('toolbar').getByRole('button', { name: 'Export Handout…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export handout' });
  await expect(dialog.getByRole('radio', { name: /^HTML/ })).toBeFocused();
  const axe = await new AxeBuilder({ page: app }).include('.aa-handout-export').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(app.getByRole('toolbar').getByRole('button', { name: 'Export Handout…' })).toBeFocused();

  const html = await exportHandout(app, async (d) => d.getByRole('radio', { name: /^HTML/ }).check());
  expect(html.name).toBe('stalin-gottwald-1950.handout.html');
  await expect(app.getByRole('dialog', { name: 'Export handout' }).getByRole('status')).toContainText(`in ${STEPS} steps`);
  const file = join(mkdtempSync(join(tmpdir(), 'aa-e2e-handout-export-')), html.name);
  writeFileSync(file, html.bytes);
  const page = await browser.newPage();
  const url = pathToFileURL(file).href;
  const outside: string[] = [];
  const errors: string[] = [];
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  page.on('request', (r) => r.url() !== url && outside.push(r.url()));
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  await page.goto(url);
  await expect(page.locator('#aa-figure')).toBeVisible();
  await expect(page.locator('#aa-step')).toHaveText(new RegExp(`^Step 1 of ${STEPS}: Thesis$`));
  expect(await page.evaluate(() => document.fonts.check("12px 'Source Serif 4'"))).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('#aa-step')).toHaveText(new RegExp(`^Step 2 of ${STEPS}`));
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
  await page.close();
});

test('a PDF handout has a page per step and the bibliography; per claim, a worksheet blanks the counters', async ({ app }) => {
  const pdf = await exportHandout(app, async (d) => {
    await d.getByRole('radio', { name: /^PDF/ }).check();
    await d.getByRole('radio', { name: 'A page per step of the presentation order' }).check();
    await d.getByRole('radio', { name: /^No: a handout/ }).check();
  });
  expect(pdf.name).toBe('stalin-gottwald-1950.handout.pdf');
  expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const pages = await pdfPages(pdf.bytes);
  expect(pages.length).toBe(STEPS + 1);
  expect(pages[0]).toContain(`Step 1 of ${STEPS}`);
  expect(pages.at(-1)).toMatch(/^Bibliography /);
  expect(pages.join(' ')).toContain('RGASPI');
  expect(pages.join(' ')).toContain(O7);
  await app.getByRole('dialog', { name: 'Export handout' }).getByRole('button', { name: 'Close' }).click();

  const sheet = await exportHandout(app, async (d) => {
    await d.getByRole('radio', { name: /^PDF/ }).check();
    await d.getByRole('radio', { name: /^A page per thesis and claim/ }).check();
    await d.getByRole('radio', { name: 'Yes, every counter-consideration' }).check();
  });
  expect(sheet.name).toBe('stalin-gottwald-1950.worksheet.pdf');
  const claims = Object.values(map.nodes).filter((n) => n.kind === 'thesis' || n.kind === 'claim').length;
  const text = await pdfPages(sheet.bytes);
  expect(text.join(' ')).toContain(`Section ${claims} of ${claims}`);
  expect(text.join(' ')).not.toContain(O7);
  expect(text[0]).toContain('(worksheet: fill in the blanks)');
});

test('a worksheet of ticked nodes: none ticked is refused in words and nothing is downloaded', async ({ app }) => {
  await app.getByRole('toolbar').getByRole('button', { name: 'Export Handout…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export handout' });
  await dialog.getByRole('radio', { name: 'Yes, the nodes ticked below' }).check();
  let downloads = 0;
  app.on('download', () => downloads++);
  await dialog.getByRole('button', { name: 'Export…' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('No node is ticked to leave blank: tick at least one, or choose another worksheet option.');
  expect(downloads).toBe(0);
  await dialog.getByRole('checkbox', { name: /^Objection: a supposition:/ }).check();
  const [download] = await Promise.all([app.waitForEvent('download', { timeout: 120_000 }), dialog.getByRole('button', { name: 'Export…' }).click()]);
  const html = readFileSync((await download.path())!, 'utf8');
  expect(html).not.toContain(O7);
  expect(html).toContain('Objection: a supposition');
});
