// The outline: the argument as an ARIA tree beside the map or instead of it, one Tab stop,
// the arrow keys through every node, selection shared with the map, text edited in place.
import type { Page } from '@playwright/test';
import { expect, node, test } from './fixtures';
import { seriousViolations } from './source-helpers';

const outline = (page: Page) => page.getByRole('region', { name: 'Outline' });
const tree = (page: Page) => outline(page).getByRole('tree', { name: 'Outline' });
const focusedItem = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement;
    return el?.getAttribute('role') === 'treeitem' ? { key: el.getAttribute('data-key'), node: el.getAttribute('data-node-id'), level: el.getAttribute('aria-level') } : null;
  });

async function openOutline(page: Page) {
  await page.getByRole('toolbar', { name: 'Map tools' }).getByRole('button', { name: 'Outline', exact: true }).click();
  await expect(tree(page)).toBeVisible();
}

test('the outline: thesis first, claims under it, one Tab stop; ↓ reaches every node and selects it on the map', async ({ app }) => {
  await openOutline(app);
  await expect(tree(app).locator('[role="treeitem"][tabindex="0"]')).toHaveCount(1);
  const first = tree(app).getByRole('treeitem').first();
  await expect(first).toHaveAttribute('data-node-id', 'T');
  await expect(first).toHaveAttribute('aria-level', '1');
  // The claims are on the second level, each named by its relation, kind and title.
  for (const n of [1, 2, 3, 4]) await expect(tree(app).getByRole('treeitem', { name: new RegExp(`^supports: Claim, Claim ${n}:`) })).toHaveAttribute('aria-level', '2');

  expect(await seriousViolations(app)).toEqual([]);

  await first.focus();
  const seen = new Set<string>();
  let presses = 0;
  for (let last = ''; presses < 200; presses++) {
    const at = (await focusedItem(app))!;
    if (at.key === last) break;
    last = at.key!;
    if (at.node) seen.add(at.node);
    await app.keyboard.press('ArrowDown');
  }
  expect(seen.size).toBe(39);
  console.log(`Outline: ↓ presses from the thesis through every item: ${presses}`);
  // The last item focused is selected on the map too.
  const end = (await focusedItem(app))!;
  await expect(app.locator(`.react-flow__node[data-id="${end.node}"]`)).toHaveClass(/selected/);
  await app.keyboard.press('Home');
  expect((await focusedItem(app))!.node).toBe('T');
  // Tab leaves the tree in one step; Shift+Tab comes back to the item last visited.
  await app.keyboard.press('Tab');
  expect(await focusedItem(app)).toBeNull();
  await app.keyboard.press('Shift+Tab');
  expect((await focusedItem(app))!.node).toBe('T');
});

test('← closes an item and goes up, → opens it; a node selected on the map becomes the current item', async ({ app }) => {
  await openOutline(app);
  const claim1 = tree(app).getByRole('treeitem', { name: /^supports: Claim, Claim 1:/ });
  await claim1.click();
  await expect(claim1).toBeFocused();
  await expect(claim1).toHaveAttribute('aria-expanded', 'true');
  await app.keyboard.press('ArrowLeft');
  await expect(claim1).toHaveAttribute('aria-expanded', 'false');
  await app.keyboard.press('ArrowLeft');
  expect((await focusedItem(app))!.node).toBe('T');
  await claim1.focus();
  await app.keyboard.press('ArrowRight');
  await expect(claim1).toHaveAttribute('aria-expanded', 'true');
  await app.keyboard.press('ArrowRight');
  expect((await focusedItem(app))!.level).toBe('3');

  await app.locator('.react-flow__node[data-id="O4"]').click();
  const o4 = tree(app).locator('[role="treeitem"][data-primary][data-node-id="O4"]');
  await expect(o4).toHaveAttribute('tabindex', '0');
  await expect(o4).toHaveAttribute('aria-selected', 'true');
});

test('Enter edits a node’s text in place: one undo step, the map follows; Esc cancels', async ({ app }) => {
  await openOutline(app);
  const item = tree(app).locator('[role="treeitem"][data-primary][data-node-id="C4"]');
  await item.click();
  await app.keyboard.press('Enter');
  const editor = tree(app).getByRole('textbox', { name: 'Node text' });
  await expect(editor).toBeFocused();
  await editor.fill('Stalin held a third world war to be inevitable, only postponed.');
  await app.keyboard.press('Enter');
  await expect(editor).toHaveCount(0);
  await expect(item).toBeFocused();
  await expect(item).toContainText('Stalin held a third world war to be inevitable, only postponed.');
  await expect(node(app, 'Stalin held a third world war to be inevitable, only postponed.')).toHaveCount(1);
  await expect(app.getByRole('button', { name: 'Undo Edit text' })).toBeEnabled();

  // Esc: nothing changes.
  await app.keyboard.press('F2');
  await expect(editor).toBeFocused();
  await editor.fill('Something else entirely.');
  await app.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(item).toBeFocused();
  await expect(node(app, 'Something else entirely.')).toHaveCount(0);

  // One undo takes the edit back, on the map and in the outline.
  await app.keyboard.press('Control+z');
  await expect(item).toContainText('The letter confirms Stalin');
  await expect(node(app, 'Stalin held a third world war')).toHaveCount(0);
});

test('Outline only: the map gives way to the outline, which stays axe-clean', async ({ app }) => {
  await openOutline(app);
  await outline(app).getByRole('button', { name: 'Outline only' }).click();
  await expect(app.locator('.aa-canvas')).toHaveCount(0);
  await expect(tree(app).getByRole('treeitem').first()).toHaveAttribute('data-node-id', 'T');
  expect(await seriousViolations(app)).toEqual([]);
  // A node added from the keyboard is written in the outline.
  await tree(app).getByRole('treeitem').first().focus();
  await app.keyboard.press('Alt+2');
  const editor = tree(app).getByRole('textbox', { name: 'Node text' });
  await expect(editor).toBeFocused();
  await app.keyboard.type('Moscow meant to come back once the war had tied America down.');
  await app.keyboard.press('Enter');
  await expect(tree(app).getByRole('treeitem', { name: /Moscow meant to come back/ })).toBeFocused();
  await outline(app).getByRole('button', { name: 'Outline only' }).click();
  await expect(app.locator('.aa-canvas')).toHaveCount(1);
});
