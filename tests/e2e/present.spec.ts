// Seminar mode's presentation: the steps reveal the argument in order, counter-considerations
// held back are absent from the DOM and from an export made meanwhile, the clicker's keys step,
// and ending gives the document back untouched.
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures';

// Downloads rather than the File System Access save picker, which a test cannot drive.
test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
});

test('presenting step by step with the counters hidden, then ending', async ({ app }) => {
  const nodes = app.locator('.react-flow__node');
  const all = await nodes.count();
  await app.getByRole('button', { name: 'Present…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Present the argument' });
  await expect(dialog.getByRole('listitem').first()).toContainText('Thesis');
  await dialog.getByRole('checkbox', { name: /Hide counter-considerations/ }).check();
  await dialog.getByRole('checkbox', { name: 'Full screen' }).uncheck();
  await dialog.getByRole('button', { name: 'Present', exact: true }).click();

  const bar = app.getByRole('region', { name: 'Presentation' });
  await expect(bar).toContainText(/Step 1 of \d+: Thesis/);
  await expect(app.getByRole('toolbar', { name: 'Map tools' })).toBeHidden();
  await expect(nodes).toHaveCount(1);
  await expect(nodes.first()).toContainText(/explains the 1950 Soviet absence/);

  // A clicker's Page Down: the thesis's grounds join it.
  await app.keyboard.press('PageDown');
  await expect(bar).toContainText('Step 2 of');
  await expect.poll(() => nodes.count()).toBeGreaterThan(1);
  const atTwo = await nodes.count();
  await app.keyboard.press('ArrowRight');
  await expect.poll(() => nodes.count()).toBeGreaterThan(atTwo);
  await app.keyboard.press('ArrowLeft');
  await expect(nodes).toHaveCount(atTwo);

  // To the end: every node but the counters; they are not in the DOM at all.
  await app.keyboard.press('End');
  await expect(bar).toContainText(/Step (\d+) of \1/);
  await expect(app.locator('.react-flow__node[data-id="K1"]')).toHaveCount(0);
  await expect(app.getByText('Anti-war mood', { exact: true })).toHaveCount(0);
  await expect(app.locator('.react-flow__node', { hasText: 'Objection:' })).toHaveCount(0);

  // An export made now holds nothing hidden.
  await app.keyboard.press('Control+e');
  const exportDialog = app.getByRole('dialog', { name: 'Export figure' });
  const shown = await nodes.count();
  await expect(exportDialog.getByRole('img', { name: new RegExp(`Preview of the figure: .*, ${shown} nodes`) })).toBeVisible();
  await exportDialog.getByRole('radio', { name: /SVG/ }).check();
  const [download] = await Promise.all([app.waitForEvent('download'), exportDialog.getByRole('button', { name: /Export SVG/ }).click()]);
  const figure = readFileSync((await download.path())!, 'utf8');
  expect(figure).toContain('explains the 1950 Soviet absence');
  // The counter's title and the critic's objections (a premise quotes the words "anti-war mood" itself).
  expect(figure).not.toMatch(/Anti-war mood|Objection:/);
  await expect(exportDialog).toHaveCount(0);

  // Saving is refused while presenting (the window holds only a part of the map).
  await app.keyboard.press('Control+s');
  await expect(app.getByText('End the presentation (Esc) to save the map.')).toBeVisible();

  // C reveals the counters of the steps so far.
  await app.keyboard.press('c');
  await expect(app.locator('.react-flow__node[data-id="K1"]')).toHaveCount(1);

  // Esc ends: the whole map, the toolbar, nothing unsaved.
  await app.keyboard.press('Escape');
  await expect(bar).toHaveCount(0);
  await expect(app.getByRole('toolbar', { name: 'Map tools' })).toBeVisible();
  await expect(app.getByText('Unsaved changes')).toHaveCount(0);
  await app.getByRole('toolbar', { name: 'Map tools' }).getByRole('button', { name: 'Fit', exact: true }).click();
  await expect.poll(() => nodes.count()).toBe(all);
});

test('an arranged order is kept with the map as one undo step, and the presentation follows it', async ({ app }) => {
  await app.getByRole('button', { name: 'Present…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Present the argument' });
  const steps = dialog.getByRole('listitem');
  const second = (await steps.nth(1).locator('.aa-present-step-name').textContent())!;
  await dialog.getByRole('button', { name: 'Move step 2 up' }).click();
  await expect(steps.first()).toContainText(second);
  await dialog.getByRole('button', { name: 'Keep this order' }).click();
  await expect(dialog.getByRole('heading', { name: /arranged for this map/ })).toBeVisible();
  await dialog.getByRole('checkbox', { name: 'Full screen' }).uncheck();
  await dialog.getByRole('button', { name: 'Present', exact: true }).click();
  await expect(app.getByRole('region', { name: 'Presentation' })).toContainText(`Step 1 of`);
  await expect(app.getByRole('region', { name: 'Presentation' })).toContainText(second);
  await app.keyboard.press('Escape');
  await expect(app.getByText('Unsaved changes')).toBeVisible();
  await app.keyboard.press('Control+z');
  await expect(app.getByText('Unsaved changes')).toHaveCount(0);
});
