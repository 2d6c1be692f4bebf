import { expect, fitAll, node, test, viewportSettled } from './fixtures';

const edgesOf = (page: import('@playwright/test').Page) => page.locator('.react-flow__edge');

test('add a node, edit its text, connect it by dragging, then undo and redo each step', async ({ app }) => {
  const before = await app.locator('.react-flow__node').count();
  const edgesBefore = await edgesOf(app).count();

  await app.getByRole('button', { name: 'Add claim' }).click();
  const editor = app.getByRole('textbox', { name: 'Node text' });
  await expect(editor).toBeFocused();
  await editor.fill('Stalin expected the war to tie America down in Asia.');
  await editor.press('Enter');
  const added = node(app, 'Stalin expected the war to tie America down in Asia.');
  await expect(added).toHaveCount(1);
  await expect(app.getByTestId('dirty-marker')).toBeVisible();

  // Edit the text again, in place.
  await added.dblclick();
  await app.getByRole('textbox', { name: 'Node text' }).fill('Stalin expected the war to tie America down.');
  await app.getByRole('textbox', { name: 'Node text' }).press('Enter');
  const edited = node(app, 'Stalin expected the war to tie America down.');
  await expect(edited).toHaveCount(1);

  // Connect: drag from the new claim's left handle to the thesis's right one.
  // Both in view: the whole map, the thesis added to the selection, then Shift+F zooms to the two.
  const thesis = node(app, /explains the 1950 Soviet absence/);
  await fitAll(app);
  await thesis.click({ modifiers: ['Control'] });
  await app.keyboard.press('Shift+F');
  await viewportSettled(app);
  const from = await edited.locator('.react-flow__handle-left').boundingBox();
  const to = await thesis.locator('.react-flow__handle-right').boundingBox();
  await app.mouse.move(from!.x + from!.width / 2, from!.y + from!.height / 2);
  await app.mouse.down();
  await app.mouse.move(to!.x + 5, to!.y + 5, { steps: 12 });
  await app.mouse.move(to!.x + to!.width / 2, to!.y + to!.height / 2, { steps: 4 });
  await app.mouse.up();
  await app.getByRole('dialog', { name: 'Choose the relation' }).getByRole('button', { name: /Supports/ }).click();
  await expect(edgesOf(app)).toHaveCount(edgesBefore + 1);
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toContainText('Stalin expected the war to tie America down. supports Thesis');

  // Undo: the arrow, the second edit, then the node with its first text (its creation is one step).
  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+z');
  await expect(edgesOf(app)).toHaveCount(edgesBefore);
  await app.keyboard.press('Control+z');
  await expect(node(app, 'Stalin expected the war to tie America down in Asia.')).toHaveCount(1);
  await app.keyboard.press('Control+z');
  await expect(app.locator('.react-flow__node')).toHaveCount(before);
  await expect(app.getByTestId('dirty-marker')).toHaveCount(0);
  await expect(app.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();

  // Redo all three.
  for (let i = 0; i < 3; i++) await app.keyboard.press('Control+Shift+z');
  await expect(node(app, 'Stalin expected the war to tie America down.')).toHaveCount(1);
  await expect(edgesOf(app)).toHaveCount(edgesBefore + 1);
});

test('a drag of a node is one undo step', async ({ app }) => {
  const thesis = node(app, /explains the 1950 Soviet absence/);
  const box = (await thesis.boundingBox())!;
  const before = await thesis.evaluate((el) => el.style.transform);
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await app.mouse.move(cx, cy);
  await app.mouse.down();
  for (let i = 1; i <= 15; i++) await app.mouse.move(cx + i * 6, cy + i * 3);
  await app.mouse.up();
  await expect.poll(() => thesis.evaluate((el) => el.style.transform)).not.toBe(before);
  await app.keyboard.press('Control+z');
  await expect.poll(() => thesis.evaluate((el) => el.style.transform)).toBe(before);
  await expect(app.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
});

test('keyboard only: create a claim and connect it to the thesis', async ({ app }) => {
  const edgesBefore = await edgesOf(app).count();
  await app.locator('body').press('Alt+2');
  const editor = app.getByRole('textbox', { name: 'Node text' });
  await expect(editor).toBeFocused();
  await app.keyboard.type('The boycott was meant to end with a return.');
  await app.keyboard.press('Enter');
  await expect(node(app, 'The boycott was meant to end with a return.')).toHaveCount(1);
  await app.keyboard.press('c');
  const dialog = app.getByRole('dialog', { name: 'Connect' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'To' })).toBeFocused();
  await app.keyboard.type('Thesis explains');
  await app.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(edgesOf(app)).toHaveCount(edgesBefore + 1);
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toContainText('The boycott was meant to end with a return. supports Thesis');
});

test('deleting a node removes its arrows; undo restores both', async ({ app }) => {
  const edgesBefore = await edgesOf(app).count();
  await node(app, /anti-war mood/).click();
  await app.keyboard.press('Delete');
  await expect(node(app, /anti-war mood/)).toHaveCount(0);
  await expect(edgesOf(app)).toHaveCount(edgesBefore - 1);
  await app.keyboard.press('Control+z');
  await expect(node(app, /anti-war mood/)).toHaveCount(1);
  await expect(edgesOf(app)).toHaveCount(edgesBefore);
});

test('copy and paste a node', async ({ app }) => {
  const before = await app.locator('.react-flow__node').count();
  await node(app, /anti-war mood/).click();
  await app.keyboard.press('Control+c');
  await app.keyboard.press('Control+v');
  await expect(app.locator('.react-flow__node')).toHaveCount(before + 1);
  await expect(node(app, /anti-war mood/)).toHaveCount(2);
});

test('auto-layout runs off the UI thread and is one undo step', async ({ app }) => {
  const thesis = node(app, /explains the 1950 Soviet absence/);
  const box = (await thesis.boundingBox())!;
  await app.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await app.mouse.down();
  for (let i = 1; i <= 10; i++) await app.mouse.move(box.x + box.width / 2 + i * 15, box.y + box.height / 2 + i * 12);
  await app.mouse.up();
  const dragged = await thesis.evaluate((el) => el.style.transform);
  const workers: string[] = [];
  app.on('worker', (w) => workers.push(w.url()));
  await app.getByRole('button', { name: 'Auto-layout' }).click();
  // ELK starts cold in its worker: on a loaded machine that takes more than expect's 5 s.
  await expect(app.getByRole('button', { name: 'Auto-layout' })).toBeEnabled({ timeout: 30_000 });
  await expect.poll(() => thesis.evaluate((el) => el.style.transform)).not.toBe(dragged);
  expect(workers.some((u) => /elk\.worker/.test(u))).toBe(true);
  await expect(app.getByRole('button', { name: /^Undo / })).toHaveAttribute('aria-label', 'Undo Move nodes');
  await app.keyboard.press('Control+z');
  await expect.poll(() => thesis.evaluate((el) => el.style.transform)).toBe(dragged);
});

test('collapsing a claim hides what bears on it; expanding brings it back', async ({ app }) => {
  const claim1 = app.locator('[data-id="C1"]');
  await claim1.click({ button: 'right' });
  await app.getByRole('menuitem', { name: 'Collapse' }).click();
  await expect(app.locator('[data-id="P1a"]')).toBeHidden();
  await expect(node(app, /anti-war mood/)).toBeHidden();
  await claim1.getByRole('button', { name: /expand/ }).click();
  await expect(app.locator('[data-id="P1a"]')).toBeVisible();
});

test('keyboard: Enter on a focused node selects it; Enter again edits its text', async ({ app }) => {
  await app.locator('[data-id="K1"]').focus();
  await app.keyboard.press('Enter');
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toContainText('Anti-war mood');
  await expect(app.getByRole('textbox', { name: 'Node text' })).toHaveCount(0);
  await app.keyboard.press('Enter');
  await expect(app.getByRole('textbox', { name: 'Node text' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(app.getByRole('textbox', { name: 'Node text' })).toHaveCount(0);
});
