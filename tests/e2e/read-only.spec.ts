// Seminar mode's read-only map: every editing command is refused (keyboard, toolbar, drag,
// paste, text edit, undo), while selecting, reading and the inspector still work; the marker
// says so, and Unlock gives editing back.
import AxeBuilder from '@axe-core/playwright';
import { expect, node, test } from './fixtures';

test('a locked map refuses every edit, keeps selection and reading, and Unlock gives editing back', async ({ app }) => {
  const nodes = app.locator('.react-flow__node');
  const count = await nodes.count();
  const thesis = node(app, /explains the 1950 Soviet absence/);
  const mood = node(app, /anti-war mood/);
  await app.getByRole('button', { name: 'Lock', exact: true }).click();
  const marker = app.getByRole('toolbar', { name: 'Map tools' }).getByRole('status');
  await expect(marker).toBeVisible();
  await expect(app.getByRole('button', { name: 'Add claim' })).toBeDisabled();
  await expect(app.getByRole('button', { name: 'Undo Lock for reading' })).toBeDisabled();

  // Selection and the inspector still work.
  await mood.click();
  await expect(mood).toHaveClass(/selected/);
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toContainText(/anti-war mood/);
  // The inspector reads but does not offer editing: fields read-only, no editing buttons.
  const inspector = app.getByRole('complementary', { name: 'Inspector' });
  await expect(inspector.getByRole('textbox', { name: 'Text' })).not.toBeEditable();
  await expect(inspector.getByRole('combobox', { name: 'Kind' })).toBeDisabled();
  await expect(inspector.getByRole('button', { name: 'Delete node' })).toHaveCount(0);
  await expect(inspector.getByRole('button', { name: 'New comment' })).toHaveCount(0);
  await expect(inspector.getByRole('button', { name: 'Connect…' })).toHaveCount(0);

  // Keyboard: delete, add, copy + paste, edit in place, undo.
  await app.keyboard.press('Delete');
  await expect(mood).toHaveCount(1);
  await app.locator('body').press('Alt+2');
  await app.keyboard.press('Control+c');
  await app.keyboard.press('Control+v');
  await mood.dblclick();
  await expect(app.getByRole('textbox', { name: 'Node text' })).toHaveCount(0);
  await app.keyboard.press('Control+z');
  await expect(nodes).toHaveCount(count);
  await expect(app.getByText('The map is locked for reading.').first()).toBeVisible();

  // Drag: the card stays where it is.
  const before = await thesis.evaluate((el) => el.style.transform);
  const box = (await thesis.boundingBox())!;
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.mouse.down();
  for (let i = 1; i <= 10; i++) await app.mouse.move(box.x + box.width / 2 + i * 8, box.y + box.height / 2 + i * 4);
  await app.mouse.up();
  expect(await thesis.evaluate((el) => el.style.transform)).toBe(before);

  expect((await new AxeBuilder({ page: app }).include('.aa-toolbar').analyze()).violations).toEqual([]);

  // Unlock: editing works again, and the lock is one undo step.
  await app.getByRole('button', { name: 'Unlock', exact: true }).click();
  await expect(marker).toHaveCount(0);
  await expect(inspector.getByRole('textbox', { name: 'Text' })).toBeEditable();
  await mood.click();
  await app.keyboard.press('Delete');
  await expect(mood).toHaveCount(0);
  await app.keyboard.press('Control+z');
  await expect(mood).toHaveCount(1);
  await app.keyboard.press('Control+z');
  await expect(marker).toBeVisible();
});
