// The dark theme (the system's, or chosen in the title bar's Theme, remembered) and printing
// (the map alone, whole, black on white): as a user sees them, with axe-core in the dark.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, node, test } from './fixtures';
import { openAddSource, seriousViolations } from './source-helpers';

/** The relative luminance (WCAG) of a computed CSS colour. */
function luminance(css: string): number {
  const m = /^rgba?\(([\d.]+),\s*([\d.]+),\s*([\d.]+)(?:,\s*([\d.]+))?\)$/.exec(css);
  if (!m) throw new Error(`not an rgb() colour: ${css}`);
  if (m[4] !== undefined && Number(m[4]) < 1) throw new Error(`a see-through colour has no luminance of its own: ${css}`);
  const [r, g, b] = [m[1], m[2], m[3]].map((v) => {
    const c = Number(v) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}

const colours = (page: Page) =>
  page.evaluate(() => {
    const style = (sel: string) => getComputedStyle(document.querySelector(sel)!);
    return {
      page: style('html').backgroundColor,
      ink: style('body').color,
      header: style('.aa-header').backgroundColor,
      canvas: style('.react-flow').backgroundColor,
      thesis: style('.aa-kind-thesis').backgroundColor,
      thesisInk: style('.aa-kind-thesis .aa-text').color,
      sources: style('.aa-src-pane').backgroundColor,
      theme: document.documentElement.dataset.theme,
    };
  });

const themeSelect = (page: Page) => page.getByRole('combobox', { name: 'Theme' });

test('the theme follows the system until a choice is made in View’s Theme, which survives a reload', async ({ app }) => {
  await app.emulateMedia({ colorScheme: 'dark' });
  let c = await colours(app);
  expect(c.theme).toBe('system');
  await expect(themeSelect(app)).toHaveValue('system');
  for (const bg of [c.page, c.header, c.canvas, c.thesis, c.sources]) expect(luminance(bg), bg).toBeLessThan(0.05);
  expect(luminance(c.ink)).toBeGreaterThan(0.6);
  expect(luminance(c.thesisInk)).toBeGreaterThan(0.6);

  await app.emulateMedia({ colorScheme: 'light' });
  c = await colours(app);
  for (const bg of [c.page, c.header, c.canvas, c.sources]) expect(luminance(bg), bg).toBeGreaterThan(0.85);
  expect(luminance(c.ink)).toBeLessThan(0.05);

  // Dark, though the system is light; remembered across a reload.
  await themeSelect(app).selectOption({ label: 'Dark' });
  c = await colours(app);
  expect(c.theme).toBe('dark');
  expect(luminance(c.page)).toBeLessThan(0.05);
  await app.reload();
  await expect(node(app, 'Claim 1')).toBeVisible();
  await expect(themeSelect(app)).toHaveValue('dark');
  c = await colours(app);
  expect(luminance(c.canvas)).toBeLessThan(0.05);
  expect(luminance(c.thesis)).toBeLessThan(0.05);

  // Light, though the system is dark.
  await app.emulateMedia({ colorScheme: 'dark' });
  await themeSelect(app).selectOption({ label: 'Light' });
  c = await colours(app);
  expect(c.theme).toBe('light');
  expect(luminance(c.page)).toBeGreaterThan(0.85);
  await app.reload();
  await expect(themeSelect(app)).toHaveValue('light');

  // Back to the system's.
  await themeSelect(app).selectOption({ label: 'System' });
  expect((await colours(app)).theme).toBe('system');
  expect(luminance((await colours(app)).page)).toBeLessThan(0.05);
});

test('the dark theme has no serious or critical axe-core findings: main screen, Export dialog, Add Source dialog', async ({ app }) => {
  // Four full-page axe runs over a 39-node map: slow on a loaded machine, never a hang.
  test.slow();
  await app.emulateMedia({ colorScheme: 'dark' });
  // Something selected, so the inspector shows a node's fields too.
  await node(app, 'Claim 1').click();
  expect(await seriousViolations(app)).toEqual([]);

  await app.getByRole('toolbar').getByRole('button', { name: 'Export…' }).click();
  const exportDialog = app.getByRole('dialog', { name: 'Export figure' });
  await expect(exportDialog.getByRole('img', { name: /Preview of the figure/ })).toBeVisible();
  expect(await seriousViolations(app)).toEqual([]);
  await exportDialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(exportDialog).toHaveCount(0);

  const addSource = await openAddSource(app);
  await addSource.getByRole('textbox').first().fill('Comrade Gottwald! We regard the question differently.');
  expect(await seriousViolations(app)).toEqual([]);
  await addSource.getByRole('tab', { name: 'From a file' }).click();
  expect(await seriousViolations(app)).toEqual([]);
});

test('printing shows the map alone, black on white, whatever the theme', async ({ app }) => {
  await app.emulateMedia({ colorScheme: 'dark', media: 'print' });
  for (const chrome of ['.aa-header', '.aa-src-pane', '.aa-inspector', '.react-flow__minimap', '.react-flow__controls']) await expect(app.locator(chrome), chrome).toBeHidden();
  await expect(app.getByRole('toolbar', { name: 'Map tools' })).toBeHidden();
  await expect(app.locator('.aa-canvas')).toBeVisible();
  await expect(node(app, 'Claim 1')).toBeVisible();
  const c = await colours(app);
  expect(c.page).toBe('rgb(255, 255, 255)');
  expect(c.canvas).toBe('rgb(255, 255, 255)');
  expect(c.thesis).toBe('rgb(255, 255, 255)');
  expect(c.thesisInk).toBe('rgb(0, 0, 0)');
  // Arrows and their labels in black.
  const edge = await app.locator('.aa-edge-supports path.react-flow__edge-path').first().evaluate((p) => getComputedStyle(p).stroke);
  expect(edge).toBe('rgb(0, 0, 0)');
  const label = await app.locator('.aa-edge-label').first().evaluate((t) => getComputedStyle(t).fill);
  expect(label).toBe('rgb(0, 0, 0)');
  await app.emulateMedia({ media: 'screen' });
  await expect(app.locator('.aa-header')).toBeVisible();
});

test('the printed page holds the whole map and none of the toolbar; the view is put back after', async ({ app }) => {
  await app.emulateMedia({ colorScheme: 'dark' });
  // Zoomed in until the thesis and the far objection are off-screen: printing must still give the whole map.
  await app.getByTestId('rf__node-C3').click();
  const viewport = app.locator('.react-flow__viewport');
  const scale = async () => Number(/scale\(([\d.]+)\)/.exec((await viewport.getAttribute('style')) ?? '')?.[1] ?? 0);
  for (let i = 0; i < 12 && (await scale()) < 0.9; i++) {
    await app.locator('.react-flow__controls-zoomin').click();
    await app.waitForTimeout(150);
  }
  await app.waitForTimeout(400);
  const canvasBox = (await app.locator('.aa-canvas').boundingBox())!;
  const offScreen = async (text: string) => {
    const b = await node(app, text).first().boundingBox();
    return !b || b.x + b.width < canvasBox.x || b.x > canvasBox.x + canvasBox.width || b.y + b.height < canvasBox.y || b.y > canvasBox.y + canvasBox.height;
  };
  for (const far of ['The letter explains the 1950 Soviet absence', 'Objection: which absence?']) expect(await offScreen(far), far).toBe(true);
  const before = await viewport.getAttribute('style');

  const pdf = await app.pdf({ preferCSSPageSize: true });
  const dir = mkdtempSync(join(tmpdir(), 'aa-print-'));
  const file = join(dir, 'map.pdf');
  writeFileSync(file, pdf);
  const run = (cmd: string, args: string[]) => {
    const r = spawnSync(cmd, args, { encoding: 'utf8' });
    if (r.error) throw new Error(`${cmd} could not be run (${r.error.message}); .ci/run installs poppler-utils.`);
    expect(r.status, r.stderr).toBe(0);
    return r.stdout;
  };
  expect(run('pdfinfo', [file])).toMatch(/^Pages:\s+1$/m);
  const text = run('pdftotext', [file, '-']).replace(/\s+/g, ' ');
  expect(text).toContain('The letter explains the 1950 Soviet absence');
  for (const title of ['Claim 1', 'Claim 2', 'Claim 3', 'Claim 4']) expect(text, title).toContain(title);
  // A node far from the one zoomed in on: the whole map was fitted, not the view on screen.
  expect(text).toContain('Objection: which absence?');
  for (const chrome of ['Auto-layout', 'Export…', 'Save As…', 'Inspector', 'Add source…', 'Make evidence', 'Theme']) expect(text, chrome).not.toContain(chrome);

  // Back on screen, the view is where it was.
  await expect(viewport).toHaveAttribute('style', before!);
  await expect(app.locator('.aa-header')).toBeVisible();
});
