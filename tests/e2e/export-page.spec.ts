// Page-ready figures in the Export dialog (web build): the printed width and smallest type, the
// live "does not fit" with its ways out as buttons, a figure set saved as one ZIP of PDFs each
// exactly 175 mm wide with no word under 7 pt (read back with poppler), keyboard and focus.
import AxeBuilder from '@axe-core/playwright';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { expect, test } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'aa-e2e-page-'));
const shots = process.env.AA_SHOTS_DIR;

function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  if (r.error || r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
});

test('the whole map does not fit 175 mm; the figure set does, and is saved as one ZIP of page-ready PDFs', async ({ app }) => {
  test.setTimeout(180_000);
  const exportButton = app.getByRole('toolbar').getByRole('button', { name: 'Export…' });
  await exportButton.click();
  const dialog = app.getByRole('dialog', { name: 'Export figure' });
  await dialog.getByRole('radio', { name: /PDF/ }).check();
  await dialog.getByLabel('Theme').selectOption('print');
  await dialog.getByLabel('Printed width').selectOption('full-width');
  await expect(dialog.getByLabel('Smallest type (pt)')).toHaveValue('7');
  const fit = dialog.locator('#aa-export-fit');
  await expect(fit).toContainText('Does not fit. The whole map does not fit 175 mm wide', { timeout: 60_000 });
  // Export waits for a way out.
  await expect(dialog.getByRole('button', { name: /^Export PDF/ })).toBeDisabled();
  const ways = dialog.getByRole('group', { name: 'Ways out' });
  const asSet = ways.getByRole('button', { name: 'Export as a figure set (Figure 1a–1d)' });
  await expect(asSet).toBeVisible({ timeout: 90_000 });
  await expect(ways.getByRole('button', { name: 'Only Claim 1' })).toBeVisible();
  if (shots) await dialog.screenshot({ path: join(shots, 'export-page-does-not-fit.png') });

  const axe = await new AxeBuilder({ page: app }).include('.aa-export-dialog').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`)).toEqual([]);

  await asSet.click();
  await expect(dialog.getByRole('checkbox', { name: /Figure set/ })).toBeChecked();
  await expect(fit).toContainText('The set fits: Figure 1 (overview) and Figure 1a–1d.', { timeout: 90_000 });
  if (shots) await dialog.screenshot({ path: join(shots, 'export-page-set.png') });
  await expect(dialog.getByRole('radio', { name: 'Separate files' })).toBeChecked();

  const [download] = await Promise.all([app.waitForEvent('download'), dialog.getByRole('button', { name: 'Export figure set (PDF)…' }).click()]);
  expect(download.suggestedFilename()).toBe('stalin-gottwald-1950.print.figures.zip');
  const zipPath = join(dir, download.suggestedFilename());
  await download.saveAs(zipPath);
  await expect(dialog).toHaveCount(0);
  await expect(exportButton).toBeFocused();

  const files = unzipSync(new Uint8Array(readFileSync(zipPath)));
  expect(Object.keys(files).sort()).toEqual([
    'stalin-gottwald-1950.figure-1.overview.print.pdf',
    'stalin-gottwald-1950.figure-1a.claim-1.print.pdf',
    'stalin-gottwald-1950.figure-1b.claim-2.print.pdf',
    'stalin-gottwald-1950.figure-1c.claim-3.print.pdf',
    'stalin-gottwald-1950.figure-1d.claim-4.print.pdf',
  ]);
  for (const [name, bytes] of Object.entries(files)) {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    const html = tool('pdftotext', ['-bbox', path, '-']);
    expect(Number(/<page width="([\d.]+)"/.exec(html)![1])).toBeCloseTo((175 / 25.4) * 72, 2);
    // Word box height over Source Serif 4's ascent + descent (1.371 em) is the font size.
    const sizes = [...html.matchAll(/yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)"/g)].map((m) => (Number(m[2]) - Number(m[1])) / 1.371);
    expect(Math.min(...sizes), name).toBeGreaterThanOrEqual(7 - 0.05);
  }
});

test('a width too narrow is refused in words; the page controls are reachable by keyboard and Escape returns focus', async ({ app }) => {
  const exportButton = app.getByRole('toolbar').getByRole('button', { name: 'Export…' });
  await exportButton.click();
  const dialog = app.getByRole('dialog', { name: 'Export figure' });
  await dialog.getByLabel('Printed width').selectOption('custom');
  await dialog.getByLabel('Width (mm)').fill('10');
  await expect(dialog.locator('#aa-export-fit')).toHaveText(/A figure 10 mm wide is too narrow to hold one legible card; give at least 40 mm/);
  await dialog.getByLabel('Width (mm)').fill('85');
  await dialog.getByLabel('Smallest type (pt)').fill('200');
  await expect(dialog.locator('#aa-export-fit')).toHaveText(/A smallest type of 200 pt cannot be/);
  await dialog.getByLabel('Smallest type (pt)').fill('7');
  await dialog.getByLabel('Smallest type (pt)').press('Tab');
  await expect(dialog.getByLabel('Detail')).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(exportButton).toBeFocused();
});
