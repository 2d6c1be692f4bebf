import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadMap } from '../../arguments/format/load';
import { expect, node, test } from './fixtures';

const shipped = readFileSync(new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8');
const dir = mkdtempSync(join(tmpdir(), 'aa-e2e-files-'));

// Chromium has the File System Access API, whose native pickers a test cannot drive:
// the app's classic file input and download path are used instead.
test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
});

async function save(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('toolbar').getByRole('button', { name: 'Save', exact: true }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

async function open(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open…' }).click()]);
  await chooser.setFiles(path);
}

test('save, then reopen: the reopened map equals what was saved', async ({ app }) => {
  await node(app, /anti-war mood/).dblclick();
  await app.getByRole('textbox', { name: 'Node text' }).fill('Edited before saving: the anti-war mood.');
  await app.keyboard.press('Enter');
  await expect(app.getByTestId('dirty-marker')).toBeVisible();
  const saved = await save(app);
  await expect(app.getByTestId('dirty-marker')).toHaveCount(0);
  const first = loadMap(saved);
  expect(first.ok).toBe(true);
  if (!first.ok) return;
  expect(first.map.nodes.K1?.text).toBe('Edited before saving: the anti-war mood.');
  // Sources travel byte-exact through the browser.
  expect(first.map.sources.letter?.text).toContain('withdrawal form the Security Council');

  // Change the map, then reopen the saved file: the edit is gone, the saved text is back.
  const path = join(dir, 'saved.argmap.json');
  writeFileSync(path, saved);
  await node(app, 'Edited before saving').click();
  await app.keyboard.press('Delete');
  await app.getByRole('button', { name: 'Open…' }).click();
  const [chooser] = await Promise.all([
    app.waitForEvent('filechooser'),
    app.getByRole('dialog', { name: /Do you want to save the changes/ }).getByRole('button', { name: "Don't Save" }).click(),
  ]);
  await chooser.setFiles(path);
  await expect(app.getByTestId('document-name')).toHaveText('saved.argmap.json');
  await expect(node(app, 'Edited before saving: the anti-war mood.')).toHaveCount(1);
  // Saving the reopened map gives the same bytes but for the modification time.
  const again = await save(app);
  const second = loadMap(again);
  expect(second.ok && { ...second.map, meta: { ...second.map.meta, modified: '' } }).toEqual({ ...first.map, meta: { ...first.map.meta, modified: '' } });
});

const broken: [string, string | Buffer, RegExp][] = [
  ['empty.argmap.json', '', /The file is empty/],
  ['truncated.argmap.json', shipped.slice(0, 4000), /cut off/],
  ['newer.argmap.json', JSON.stringify({ ...JSON.parse(shipped), version: 9 }), /newer version of Argument Atlas/],
  ['dangling.argmap.json', shipped.replace('"to": "T"', '"to": "ghost"'), /which is not a node in this map/],
  ['picture.argmap.json', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), /binary data/],
];
for (const [name, content, message] of broken) {
  test(`opening a broken file (${name}) shows the error in words and leaves the map untouched`, async ({ app }) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    await open(app, path);
    const alert = app.getByRole('alert');
    await expect(alert).toContainText(`Could not open “${name}”`);
    await expect(alert).toContainText(message);
    await expect(app.getByTestId('document-name')).toHaveText('stalin-gottwald-1950.argmap.json');
    await expect(app.locator('.react-flow__node')).toHaveCount(39);
    await expect(app.getByTestId('dirty-marker')).toHaveCount(0);
  });
}

test('leaving with unsaved changes asks first', async ({ app }) => {
  await node(app, /anti-war mood/).click();
  await app.keyboard.press('Delete');
  const asked = new Promise<string>((resolve) => app.once('dialog', (d) => { resolve(d.type()); void d.accept(); }));
  await app.close({ runBeforeUnload: true });
  expect(await asked).toBe('beforeunload');
});

test('New with unsaved changes asks Save / Don\u2019t Save / Cancel; Cancel keeps the map', async ({ app }) => {
  await node(app, /anti-war mood/).click();
  await app.keyboard.press('Delete');
  await app.getByRole('button', { name: 'New', exact: true }).click();
  const dialog = app.getByRole('dialog', { name: /Do you want to save the changes you made to “stalin-gottwald-1950.argmap.json”/ });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.locator('.react-flow__node')).toHaveCount(38);
  await app.getByRole('button', { name: 'New', exact: true }).click();
  await app.getByRole('button', { name: "Don't Save" }).click();
  await expect(app.locator('.react-flow__node')).toHaveCount(0);
});

test('after an edit and a reload, the unsaved work is offered back', async ({ app }) => {
  await node(app, /anti-war mood/).dblclick();
  await app.getByRole('textbox', { name: 'Node text' }).fill('Unsaved work that must survive a crash.');
  await app.keyboard.press('Enter');
  await app.waitForTimeout(1200); // backups are written within a second of the last edit
  await app.reload();
  const banner = app.getByRole('region', { name: 'Recover unsaved work' });
  await expect(banner).toContainText('stalin-gottwald-1950.argmap.json');
  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect(node(app, 'Unsaved work that must survive a crash.')).toHaveCount(1);
  await expect(app.getByTestId('dirty-marker')).toBeVisible();
});

test('a map saved with a collapsed claim opens on its thesis', async ({ app }) => {
  await app.locator('[data-id="C1"]').click({ button: 'right' });
  await app.getByRole('menuitem', { name: 'Collapse' }).click();
  await expect(app.locator('[data-id="P1a"]')).toBeHidden();
  const path = join(dir, 'collapsed.argmap.json');
  writeFileSync(path, await save(app));
  await app.reload();
  await app.locator('[data-testid="aa-open-file-input"]').setInputFiles(path);
  await expect(app.getByTestId('document-name')).toHaveText('collapsed.argmap.json');
  await expect(node(app, /explains the 1950 Soviet absence/)).toBeInViewport();
  await expect(app.locator('[data-id="P1a"]')).toBeHidden();
});
