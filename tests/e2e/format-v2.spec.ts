// A version 1 file opens, migrated in memory, says so once, and saves as version 2; the file
// it came from stays as it was.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { loadMap } from '../../arguments/format/load';
import { expect, test } from './fixtures';

const shipped = JSON.parse(readFileSync(new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
const dir = mkdtempSync(join(tmpdir(), 'aa-e2e-v2-'));

/** The shipped map as version 1 wrote it: no evaluation or comment layers. */
function versionOne(): string {
  const { evaluations: _e, comments: _c, ...rest } = shipped;
  return JSON.stringify({ ...rest, version: 1 }, null, 2) + '\n';
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
});

async function open(page: Page, path: string): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), page.getByRole('button', { name: 'Open…' }).click()]);
  await chooser.setFiles(path);
}

async function save(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('toolbar').getByRole('button', { name: 'Save', exact: true }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

test('a version 1 file opens with one notice and saves as version 2, leaving the old file as it was', async ({ app }) => {
  const path = join(dir, 'old.argmap.json');
  const old = versionOne();
  writeFileSync(path, old);
  await open(app, path);
  await expect(app.getByTestId('document-name')).toHaveText('old.argmap.json');
  await expect(app.locator('.react-flow__node')).toHaveCount(39);
  const notice = app.getByRole('status').filter({ hasText: 'Opened a version 1 file; it will be saved as version 2' });
  await expect(notice).toHaveCount(1);
  await expect(notice).toContainText('“old.argmap.json” stays as it is until you save it');
  // Opening changes nothing: the map is not dirty, and the file on disk is the same bytes.
  await expect(app.getByTestId('dirty-marker')).toHaveCount(0);
  expect(readFileSync(path, 'utf8')).toBe(old);

  const saved = await save(app);
  const file = JSON.parse(saved);
  expect(file.version).toBe(2);
  expect(file.evaluations).toEqual([]);
  expect(file.comments).toEqual([]);
  // The notice is not said again by saving, and the old file is untouched by a save elsewhere.
  await expect(app.getByRole('status').filter({ hasText: 'Opened a version 1 file' })).toHaveCount(1);
  expect(readFileSync(path, 'utf8')).toBe(old);
  const reloaded = loadMap(saved);
  expect(reloaded.ok && reloaded.fromVersion).toBe(2);
  expect(reloaded.ok && Object.keys(reloaded.map.nodes).sort()).toEqual(Object.keys(loadMapOk(old).nodes).sort());

  // The saved version 2 file opens without the notice.
  await app.getByRole('button', { name: 'Dismiss' }).click();
  const again = join(dir, 'saved.argmap.json');
  writeFileSync(again, saved);
  await open(app, again);
  await expect(app.getByTestId('document-name')).toHaveText('saved.argmap.json');
  await expect(app.locator('.react-flow__node')).toHaveCount(39);
  await expect(app.getByText('Opened a version 1 file')).toHaveCount(0);
});

function loadMapOk(text: string) {
  const r = loadMap(text);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return r.map;
}
