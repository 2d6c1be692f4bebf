// File > Export Outline… and Open of Argdown and AIF in the web build, the export file names,
// and Save As asking for a name where the browser has no save dialog of its own.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { unzipSync, strFromU8 } from 'fflate';
import { loadMap } from '../../arguments/format/load';
import { expect, test } from './fixtures';

const fixture = (name: string) => new URL(`../fixtures/interop/${name}`, import.meta.url).pathname;
const THESIS = 'The letter explains the 1950 Soviet absence from the Security Council';

// Downloads rather than the File System Access pickers, which a test cannot drive.
test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
});

async function axeClean(page: Page, selector: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

async function exportOutline(page: Page, format: RegExp): Promise<{ name: string; bytes: Buffer }> {
  await page.getByRole('toolbar').getByRole('button', { name: 'Export Outline…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export outline' });
  await dialog.getByRole('radio', { name: format }).check();
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Export…' }).click()]);
  return { name: download.suggestedFilename(), bytes: readFileSync((await download.path())!) };
}

test('a Word outline: a DOCX with the thesis and real footnotes citing the sources, named after the map', async ({ app }) => {
  await app.getByRole('toolbar').getByRole('button', { name: 'Export Outline…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export outline' });
  await expect(dialog.getByRole('radio', { name: /Word/ })).toBeFocused();
  await axeClean(app, '.aa-outline-export');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);

  const { name, bytes } = await exportOutline(app, /Word/);
  expect(name).toBe('stalin-gottwald-1950.docx');
  const files = unzipSync(new Uint8Array(bytes));
  const body = strFromU8(files['word/document.xml']!);
  expect(body).toContain(THESIS);
  expect(body).toMatch(/<w:footnoteReference w:id="1"\/>/);
  const notes = strFromU8(files['word/footnotes.xml']!);
  // The first note cites the letter in full, Chicago style, with its folio.
  expect(notes).toMatch(/<w:footnote w:id="1">/);
  expect(notes).toMatch(/RGASPI/);
  // Afterwards the dialog says what was written and what the file does not carry, never silently.
  await expect(dialog.getByRole('status').filter({ hasText: 'Exported “stalin-gottwald-1950.docx”' })).toBeVisible();
  await axeClean(app, '.aa-outline-export');
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
});

test('a Markdown outline has Pandoc notes; an Argdown export names what it does not carry', async ({ app }) => {
  const md = await exportOutline(app, /Markdown/);
  expect(md.name).toBe('stalin-gottwald-1950.md');
  const text = md.bytes.toString('utf8');
  expect(text).toContain('[^1]');
  expect(text).toMatch(/^\[\^1\]: /m);
  await app.getByRole('dialog', { name: 'Export outline' }).getByRole('button', { name: 'Close' }).click();

  const ad = await exportOutline(app, /Argdown/);
  expect(ad.name).toBe('stalin-gottwald-1950.argdown');
  expect(ad.bytes.toString('utf8')).toContain('# ');
  const report = app.getByRole('list', { name: 'What the file does not carry' });
  await expect(report.getByRole('listitem').first()).toContainText('Not carried:');
});

test('LaTeX: the .tex, then its .bib by a second click', async ({ app }) => {
  const tex = await exportOutline(app, /LaTeX/);
  expect(tex.name).toBe('stalin-gottwald-1950.tex');
  expect(tex.bytes.toString('utf8')).toContain('\\addbibresource{stalin-gottwald-1950.bib}');
  const dialog = app.getByRole('dialog', { name: 'Export outline' });
  const [bib] = await Promise.all([app.waitForEvent('download'), dialog.getByRole('button', { name: 'Save stalin-gottwald-1950.bib…' }).click()]);
  expect(bib.suggestedFilename()).toBe('stalin-gottwald-1950.bib');
  expect(readFileSync((await bib.path())!, 'utf8')).toMatch(/^@\w+\{/m);
  await expect(dialog).toContainText('Saved the sources as “stalin-gottwald-1950.bib”');
});

test('opening an Argdown file makes a new unsaved map with its statements', async ({ app }) => {
  await app.locator('[data-testid="aa-open-file-input"]').setInputFiles(fixture('boycott.argdown'));
  await expect(app.getByTestId('document-name')).toHaveText('boycott.argmap.json');
  await expect(app.getByTestId('dirty-marker')).toBeVisible();
  await expect(app.getByRole('status').filter({ hasText: 'Imported “boycott.argdown” (Argdown) as a new map' })).toContainText('4 statements and 3 relations');
  await expect(app.locator('.react-flow__node')).toHaveCount(4);
  await expect(app.locator('.react-flow__node').filter({ hasText: 'Staying away gave the United States a free hand in Korea.' })).toHaveCount(1);
});

test('a bad Argdown file shows its line and column and leaves the open map as it was', async ({ app }) => {
  await app.locator('[data-testid="aa-open-file-input"]').setInputFiles(fixture('broken.argdown'));
  const alert = app.getByRole('alert').filter({ hasText: 'Could not import “broken.argdown” (Argdown); nothing was changed' });
  await expect(alert).toContainText('line 5, column 1:');
  await expect(app.getByTestId('document-name')).toHaveText('stalin-gottwald-1950.argmap.json');
  await expect(app.locator('.react-flow__node')).toHaveCount(39);
  await expect(app.getByTestId('dirty-marker')).toHaveCount(0);
});

test('an AIF export opens again as a map with the same statements', async ({ app }) => {
  const aif = await exportOutline(app, /AIF/);
  expect(aif.name).toBe('stalin-gottwald-1950.aif.json');
  await app.getByRole('dialog', { name: 'Export outline' }).getByRole('button', { name: 'Close' }).click();
  await app.locator('[data-testid="aa-open-file-input"]').setInputFiles({ name: aif.name, mimeType: 'application/json', buffer: aif.bytes });
  await expect(app.getByTestId('document-name')).toHaveText('stalin-gottwald-1950.argmap.json');
  await expect(app.getByRole('status').filter({ hasText: '(AIF) as a new map' })).toContainText('39 statements');
  await expect(app.locator('.react-flow__node')).toHaveCount(39);
});

test('an exported figure is named after the map, its scope and its theme', async ({ app }) => {
  await app.getByRole('toolbar').getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export figure' });
  await dialog.getByRole('radio', { name: /SVG/ }).check();
  await dialog.getByLabel('Theme').selectOption('print');
  await dialog.getByLabel('Include').selectOption('subtree');
  await dialog.getByLabel('Claim').selectOption('C1');
  await expect(dialog.getByRole('img', { name: /Preview of the figure: one node/ })).toBeVisible();
  const [download] = await Promise.all([app.waitForEvent('download'), dialog.getByRole('button', { name: /^Export SVG/ }).click()]);
  expect(download.suggestedFilename()).toBe('stalin-gottwald-1950.claim-1.print.svg');
});

test('Save As asks for a name (prefilled with the current one) and saves under it; Cancel saves nothing', async ({ app }) => {
  const toolbar = app.getByRole('toolbar');
  await toolbar.getByRole('button', { name: 'Save As…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Save As' });
  const field = dialog.getByRole('textbox', { name: 'File name' });
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('stalin-gottwald-1950.argmap.json');
  await axeClean(app, '.aa-save-as-dialog');
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(toolbar.getByRole('button', { name: 'Save As…' })).toBeFocused();

  await toolbar.getByRole('button', { name: 'Save As…' }).click();
  await field.fill('   ');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByRole('alert')).toContainText('Type a name for the file');
  await field.fill('my analysis');
  const [download] = await Promise.all([app.waitForEvent('download'), dialog.getByRole('button', { name: 'Save' }).click()]);
  expect(download.suggestedFilename()).toBe('my analysis.argmap.json');
  expect(loadMap(readFileSync((await download.path())!)).ok).toBe(true);
  await expect(app.getByTestId('document-name')).toHaveText('my analysis.argmap.json');
});
