// The Export dialog in the web build: choose a format, get a file, and check it with the
// tools a typesetter has (poppler for PDF), and that the map inside it opens again.
import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { importFigure, pngDpi, pngSize } from '../../arguments/export/embed';
import { DEFAULT_FIGURE_OPTIONS, pixelSize, renderFigure } from '../../arguments/export/figure';
import { bandRows, CANVAS_BAND_BYTES } from '../../arguments/export/pngStream';
import { decodePng } from '../unit/export/helpers';
import { loadMap } from '../../arguments/format/load';
import { startFigureRouting } from '../../arguments/cli/avoid';
import { expect, test } from './fixtures';

// The figures this test draws itself, to compare with the app's, route their arrows as the app's do.
test.beforeAll(async () => {
  await startFigureRouting();
});

const shipped = loadMap(readFileSync(new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url)));
const dir = mkdtempSync(join(tmpdir(), 'aa-e2e-export-'));

function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

// Downloads rather than the File System Access save picker, which a test cannot drive.
test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
});

async function exportWith(page: Page, button: RegExp): Promise<{ path: string; name: string }> {
  const dialog = page.getByRole('dialog', { name: 'Export figure' });
  const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: button }).click()]);
  const path = join(dir, download.suggestedFilename());
  await download.saveAs(path);
  return { path, name: download.suggestedFilename() };
}

test('export a PDF from the dialog: a vector PDF with embedded fonts that poppler reads, carrying the map', async ({ app }) => {
  await app.getByRole('toolbar').getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export figure' });
  await expect(dialog).toBeVisible();
  // The live preview is the figure itself, as an image from a blob: URL.
  const preview = dialog.getByRole('img', { name: /Preview of the figure: the whole map, 39 nodes/ });
  await expect(preview).toBeVisible();
  expect(await preview.getAttribute('src')).toMatch(/^blob:/);
  expect(await preview.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 1000)).toBe(true);

  await dialog.getByRole('radio', { name: /PDF/ }).check();
  await dialog.getByLabel('Theme').selectOption('print');
  await dialog.getByLabel('Page').selectOption('a4');
  await dialog.getByLabel('Caption (optional)').fill('Figure 1. Stalin’s letter to Gottwald, 27 August 1950.');
  await dialog.getByLabel('Legend').check();
  const { path, name } = await exportWith(app, /^Export PDF/);
  expect(name).toBe('stalin-gottwald-1950.print.pdf');
  await expect(dialog).toHaveCount(0);
  await expect(app.getByRole('status').filter({ hasText: `Exported “${name}”` })).toBeVisible();

  const info = tool('pdfinfo', [path]);
  expect(info).toMatch(/Pages:\s+1\n/);
  expect(info).toContain('Page size:       595.28 x 841.89 pts'); // A4 upright: the map's columns make it taller than wide
  expect(info).toMatch(/Title:\s+Stalin's letter to Gottwald/);
  const text = tool('pdftotext', [path, '-']).replace(/\s+/g, ' ');
  if (!shipped.ok) throw new Error('the shipped map does not load');
  for (const id of ['T', 'C1', 'C2', 'C3', 'C4']) expect(text).toContain(shipped.map.nodes[id]!.text.replace(/\s+/g, ' '));
  expect(text).toContain('Figure 1. Stalin’s letter to Gottwald, 27 August 1950.');
  for (const row of tool('pdffonts', [path]).trim().split('\n').slice(2)) expect(row).toMatch(/SourceSerif4-\w+\s+CID TrueType\s+Identity-H\s+yes/);
  expect(tool('pdfimages', ['-list', path]).trim().split('\n').slice(2)).toEqual([]);

  const back = await importFigure(new Uint8Array(readFileSync(path)));
  expect(back.ok && back.map).toEqual(shipped.map);
});

test('Ctrl+E opens the dialog; a PNG at a chosen DPI; the choices are remembered', async ({ app }) => {
  await app.keyboard.press('Control+e');
  const dialog = app.getByRole('dialog', { name: 'Export figure' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('radio', { name: /PNG/ }).check();
  await dialog.getByLabel('Resolution (DPI)').fill('48');
  await dialog.getByLabel('Include').selectOption('subtree');
  await dialog.getByLabel('Claim').selectOption('C3');
  await dialog.getByLabel('Counter-considerations').uncheck();
  await expect(dialog.getByRole('img', { name: /one node and what bears on it, 6 nodes/ })).toBeVisible();
  const { path } = await exportWith(app, /^Export PNG/);

  const png = new Uint8Array(readFileSync(path));
  const size = pngSize(png);
  expect(pngDpi(png)).toBeCloseTo(48, 0);
  expect(size.width).toBeGreaterThan(100);
  const back = await importFigure(png);
  expect(back.ok && back.map).toEqual(shipped.ok && shipped.map);

  await app.keyboard.press('Control+e');
  await expect(dialog.getByRole('radio', { name: /PNG/ })).toBeChecked();
  await expect(dialog.getByLabel('Resolution (DPI)')).toHaveValue('48');
  await expect(dialog.getByLabel('Counter-considerations')).not.toBeChecked();
  // Esc from inside the dialog (a key pressed before the dialog has taken focus goes to the page).
  await dialog.getByLabel('Resolution (DPI)').press('Escape');
  await expect(dialog).toHaveCount(0);
});

test('a PNG of the whole map at 200 DPI is drawn in canvas bands: every band in its place, none blank or repeated', async ({ app }) => {
  test.setTimeout(180_000); // 116 MB of pixels deflated in JavaScript, then decoded here
  await app.keyboard.press('Control+e');
  const dialog = app.getByRole('dialog', { name: 'Export figure' });
  await dialog.getByRole('radio', { name: /PNG/ }).check();
  await dialog.getByLabel('Resolution (DPI)').fill('200');
  const { path } = await exportWith(app, /^Export PNG/);
  const png = new Uint8Array(readFileSync(path));
  const figure = renderFigure(shipped.ok ? shipped.map : (null as never), DEFAULT_FIGURE_OPTIONS);
  const px = pixelSize(figure, 200);
  expect(pngSize(png)).toEqual({ width: px.width, height: px.height });
  const { rgba } = decodePng(png);
  const rows = bandRows(px.width, px.height, CANVAS_BAND_BYTES);
  expect(px.height).toBeGreaterThan(rows * 4); // several bands
  const band = (k: number) => Buffer.from(rgba.subarray(k * rows * px.width * 4, Math.min(px.height, (k + 1) * rows) * px.width * 4));
  const ink = (b: Buffer) => b.some((v, i) => i % 4 !== 3 && v < 128);
  // Cards run the height of the map: every band has ink, and no band repeats the one before.
  for (let k = 0; k * rows < px.height; k++) {
    expect(ink(band(k)), `band ${k}`).toBe(true);
    if (k > 0) expect(band(k).equals(band(k - 1).subarray(0, band(k).length)), `band ${k} repeats band ${k - 1}`).toBe(false);
  }
  const back = await importFigure(png);
  expect(back.ok && back.map).toEqual(shipped.ok && shipped.map);
});

test('the dialog is accessible and an SVG export is the standalone figure', async ({ app }) => {
  await app.getByRole('toolbar').getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export figure' });
  await expect(dialog.getByRole('img', { name: /Preview of the figure/ })).toBeVisible();
  const result = await new AxeBuilder({ page: app }).include('.aa-export-dialog').analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);

  await dialog.getByRole('radio', { name: /SVG/ }).check();
  const { path } = await exportWith(app, /^Export SVG/);
  const svg = readFileSync(path, 'utf8');
  expect(svg).toMatch(/^<\?xml version="1.0" encoding="UTF-8"\?>\n<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  expect(svg).not.toMatch(/foreignObject|<style|<script|data:font/);
  // The app and the CLI (Node) draw the same figure, to the byte: one exporter, one font table.
  if (!shipped.ok) throw new Error('the shipped map does not load');
  expect(svg).toBe(renderFigure(shipped.map, DEFAULT_FIGURE_OPTIONS).svg);
  const back = await importFigure(new TextEncoder().encode(svg));
  expect(back.ok && back.map).toEqual(shipped.ok && shipped.map);
});

test('opening an exported figure in the app restores the full editable map', async ({ app }) => {
  await app.getByRole('toolbar').getByRole('button', { name: 'Export…' }).click();
  await app.getByRole('dialog', { name: 'Export figure' }).getByRole('radio', { name: /SVG/ }).check();
  const { path } = await exportWith(app, /^Export SVG/);
  await app.locator('[data-testid="aa-open-file-input"]').setInputFiles(path);
  await expect(app.getByTestId('document-name')).toHaveText('stalin-gottwald-1950.argmap.json');
  await expect(app.locator('.react-flow__node')).toHaveCount(39);
  await expect(app.getByTestId('dirty-marker')).toHaveCount(0);
});

test('"Show what stands" draws the status badges and their legend, counting the voices ticked', async ({ app }) => {
  await app.getByRole('toolbar').getByRole('button', { name: 'Export…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Export figure' });
  await dialog.getByRole('radio', { name: /SVG/ }).check();
  await dialog.getByLabel('Show what stands').check();
  const voices = dialog.getByRole('group', { name: 'Voices the status counts' });
  await expect(voices.getByRole('checkbox', { name: 'critic' })).toBeChecked();
  // Left out: the translator. Counted: analyst and critic.
  await voices.getByRole('checkbox', { name: 'translator' }).uncheck();
  const { path } = await exportWith(app, /^Export SVG/);
  const svg = readFileSync(path, 'utf8');
  const badge = (id: string) => new RegExp(`<g id="status-${id}">.*?<tspan[^>]*>([a-z]+)</tspan>`).exec(svg)?.[1];
  expect(['T', 'C1', 'C2', 'C3', 'C4'].map(badge)).toEqual(['stands', 'falls', 'stands', 'falls', 'falls']);
  expect(svg).toContain('id="legend-status-open"');
  expect(svg).toContain('What stands counts the voices analyst, critic.');
  // The same figure as the CLI's `--status-badges --voices analyst,critic`.
  if (!shipped.ok) throw new Error('the shipped map does not load');
  expect(svg).toBe(renderFigure(shipped.map, { ...DEFAULT_FIGURE_OPTIONS, statusBadges: true, statusVoices: ['analyst', 'critic'] }).svg);
});
