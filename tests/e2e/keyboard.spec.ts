// The map from the keyboard: one Tab stop for the canvas, arrow keys along the argument, focus
// kept on the node acted on (after Connect, Esc, Delete, G), the Connect dialog's defaults, and
// a new node taken back by Esc without a trace.
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, node, test } from './fixtures';
import { makeEvidenceOf, pane } from './source-helpers';

const edges = (page: Page) => page.locator('.react-flow__edge');
const focusedNode = (page: Page) => page.evaluate(() => (document.activeElement?.classList.contains('react-flow__node') ? document.activeElement.getAttribute('data-id') : null));
const focusedTag = (page: Page) => page.evaluate(() => (document.activeElement === document.body ? 'BODY' : (document.activeElement?.tagName ?? 'none')));
const canvasNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

const frames = (page: Page, n: number) => page.evaluate((n) => new Promise<void>((done) => {
  const next = (left: number) => (left === 0 ? done() : requestAnimationFrame(() => next(left - 1)));
  next(n);
}), n);

/** Presses `key` and lets focus move (it moves within a frame or two of the key, if at all). */
async function pressAndSettle(page: Page, key: string): Promise<string | null> {
  const before = await focusedNode(page);
  await page.keyboard.press(key);
  for (let i = 0; i < 4; i++) {
    await frames(page, 2);
    const now = await focusedNode(page);
    if (now !== before) return now;
  }
  return before;
}

const seed = JSON.parse(readFileSync(new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8')) as {
  nodes: { id: string; kind: string; title?: string; text: string; quote?: { exact: string } }[];
};

test('the canvas is one Tab stop; the arrows are not Tab stops and are named by their relation and ends', async ({ app }) => {
  await expect(app.locator('.aa-canvas .react-flow__node[tabindex="0"]')).toHaveCount(1);
  await expect(app.locator('.aa-canvas .react-flow__edge[tabindex="0"]')).toHaveCount(0);
  // From the top of the page: Tab until a node has focus, then one more Tab leaves the map.
  await app.locator('body').click({ position: { x: 1, y: 1 } });
  await app.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  let tabs = 0;
  while ((await focusedNode(app)) === null && tabs < 120) {
    await app.keyboard.press('Tab');
    tabs++;
  }
  expect(await focusedNode(app)).toBe('T');
  console.log(`Tabs from the top of the page to the map (its thesis): ${tabs}`);
  await app.keyboard.press('Tab');
  expect(await focusedNode(app)).toBeNull();
  await app.keyboard.press('Shift+Tab');
  expect(await focusedNode(app)).toBe('T');
  // The stop follows the node last visited.
  await pressAndSettle(app, 'ArrowDown');
  const visited = await focusedNode(app);
  expect(visited).not.toBe('T');
  await expect(app.locator('.aa-canvas .react-flow__node[tabindex="0"]')).toHaveAttribute('data-id', visited!);
  await expect(app.locator('.react-flow__edge[aria-label="Claim 1 supports Thesis"]')).toHaveCount(1);
  expect(await app.locator('.react-flow__edge[aria-label^="Edge from"]').count()).toBe(0);
});

test('the toolbar is one Tab stop: ← → move along its buttons, Tab goes on to the next part', async ({ app }) => {
  const toolbar = app.getByRole('toolbar', { name: 'Map tools' });
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveCount(1);
  await toolbar.getByRole('button', { name: 'New', exact: true }).focus();
  await app.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'Open…' })).toBeFocused();
  await app.keyboard.press('End');
  await expect(toolbar.getByRole('button', { name: 'Outline', exact: true })).toBeFocused();
  await app.keyboard.press('ArrowRight');
  await expect(toolbar.getByRole('button', { name: 'New', exact: true })).toBeFocused();
  await app.keyboard.press('ArrowLeft');
  // The stop is the button last used.
  await expect(toolbar.locator('button[tabindex="0"]')).toHaveText('Outline');
  await app.keyboard.press('Tab');
  expect(await app.evaluate(() => !!document.activeElement?.closest('[role="toolbar"][aria-label="Map tools"]'))).toBe(false);
});

test('arrow keys from the thesis reach every node of the shipped map; Alt+arrows move the node', async ({ app }) => {
  await canvasNode(app, 'T').focus();
  const visited = new Set(['T']);
  const firstReached: Record<string, number> = {};
  let keys = 0;
  let at = 'T';
  const press = async (key: string) => {
    keys++;
    return (await pressAndSettle(app, key))!;
  };
  // A walk of the tree by keys alone: down while there is something below, else across, else up and across.
  walk: for (let guard = 0; guard < 400; guard++) {
    const down = await press('ArrowDown');
    if (down !== at) {
      at = down;
      visited.add(at);
      firstReached[at] ??= keys;
      continue;
    }
    for (;;) {
      const right = await press('ArrowRight');
      if (right !== at) {
        at = right;
        visited.add(at);
        firstReached[at] ??= keys;
        continue walk;
      }
      const up = await press('ArrowUp');
      if (up === at) break walk;
      at = up;
    }
  }
  expect(visited.size).toBe(39);
  console.log(`Arrow keys for a walk through all 39 nodes from the thesis: ${keys}`);

  // The shortest way to each claim: ↓ to the first node under the thesis, then → along them.
  await canvasNode(app, 'T').focus();
  const shortest: Record<string, number> = {};
  let count = 1;
  let here = await pressAndSettle(app, 'ArrowDown');
  for (let i = 0; i < 12 && here; i++) {
    if (/^C\d$/.test(here)) shortest[here] = count;
    const next = await pressAndSettle(app, 'ArrowRight');
    if (next === here) break;
    here = next;
    count++;
  }
  expect(Object.keys(shortest).sort()).toEqual(['C1', 'C2', 'C3', 'C4']);
  console.log(`Arrow keys from the thesis to each claim: ${JSON.stringify(shortest)}`);
  // Up from a claim is the thesis again; the arrows select as they go.
  await canvasNode(app, 'C3').focus();
  expect(await pressAndSettle(app, 'ArrowUp')).toBe('T');
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toContainText('Thesis');

  // Plain arrows do not move a node; Alt+arrows do, one undo step each.
  const thesis = canvasNode(app, 'T');
  const place = () => thesis.evaluate((el) => el.style.transform);
  const start = await place();
  await thesis.focus();
  await app.keyboard.press('ArrowUp');
  expect(await place()).toBe(start);
  await app.keyboard.press('Alt+ArrowRight');
  await expect.poll(place).not.toBe(start);
  expect(await focusedNode(app)).toBe('T');
  await app.keyboard.press('Control+z');
  await expect.poll(place).toBe(start);
});

test('focus after Connect, after Esc from the Connect dialog, after Delete and after G is on a node, never the page body', async ({ app }) => {
  const before = await edges(app).count();
  // Connect from the anti-war caveat: choosing an option does not connect; Enter does.
  await canvasNode(app, 'K1').focus();
  await app.keyboard.press('Enter');
  await app.keyboard.press('c');
  const dialog = app.getByRole('dialog', { name: 'Connect' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('combobox', { name: 'Relation' })).toHaveValue('opposes');
  await app.keyboard.type('Europe first');
  const option = dialog.getByRole('option', { name: /Claim 2a: Europe first/ });
  await option.click();
  await expect(option).toHaveAttribute('aria-selected', 'true');
  await expect(dialog).toBeVisible();
  expect(await edges(app).count()).toBe(before);
  await app.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(edges(app)).toHaveCount(before + 1);
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toContainText('Anti-war mood opposes Claim 2a: Europe first');
  await expect.poll(() => focusedNode(app)).toBe('K1');

  // Esc from the dialog: back on the node it was opened from.
  await app.keyboard.press('c');
  await expect(dialog).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect.poll(() => focusedNode(app)).toBe('K1');

  // Esc from another dialog (Export): back on the node too; and opened with focus nowhere, to the selected node.
  await app.keyboard.press('Control+e');
  const exportDialog = app.getByRole('dialog', { name: /Export/ });
  await expect(exportDialog).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(exportDialog).toHaveCount(0);
  await expect.poll(() => focusedNode(app)).toBe('K1');
  await app.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await app.keyboard.press('Control+e');
  await expect(exportDialog).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(exportDialog).toHaveCount(0);
  await expect.poll(() => focusedNode(app)).toBe('K1');

  // Delete: on the next node under the same target (E1b and E1c both support P1b).
  await canvasNode(app, 'E1b').click();
  await app.keyboard.press('Delete');
  await expect(canvasNode(app, 'E1b')).toHaveCount(0);
  await expect.poll(() => focusedNode(app)).toBe('E1c');

  // G: link two premises of one claim; focus stays on the node acted on.
  await canvasNode(app, 'E0c').click();
  await canvasNode(app, 'E0d').click({ modifiers: ['Shift'] });
  const linkedBefore = await app.locator('.aa-linked-box').count();
  await app.keyboard.press('g');
  await expect(app.locator('.aa-linked-box')).toHaveCount(linkedBefore + 1);
  await expect.poll(() => focusedTag(app)).not.toBe('BODY');
  expect(['E0c', 'E0d']).toContain(await focusedNode(app));
});

test('C with nothing selected asks for the node to connect from first', async ({ app }) => {
  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Escape');
  await app.keyboard.press('c');
  const dialog = app.getByRole('dialog', { name: 'Connect' });
  const from = dialog.getByRole('combobox', { name: 'From' });
  await expect(from).toBeFocused();
  await expect(dialog.getByRole('combobox', { name: 'To' })).toHaveCount(0);
  await app.keyboard.type('Objection: the wording');
  await app.keyboard.press('Enter');
  // O2 is a counter-consideration: the relation proposed is "opposes".
  await expect(dialog.getByText(/^From:/)).toContainText('Objection: the wording');
  await expect(dialog.getByRole('combobox', { name: 'Relation' })).toHaveValue('opposes');
  await expect(dialog.getByRole('combobox', { name: 'To' })).toBeFocused();
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // Focus was nowhere when the dialog opened: it goes to the map, not the page body.
  await expect.poll(() => focusedTag(app)).not.toBe('BODY');
  expect(await focusedNode(app)).toBe('T');
});

test('the Connect dialog proposes the relation by kind, and never cuts a label inside a word', async ({ app }) => {
  const proposed = async (id: string) => {
    await canvasNode(app, id).click();
    await app.keyboard.press('c');
    const dialog = app.getByRole('dialog', { name: 'Connect' });
    const value = await dialog.getByRole('combobox', { name: 'Relation' }).inputValue();
    return { dialog, value };
  };
  for (const [id, kind] of [['E1a', 'supports'], ['O3', 'opposes'], ['TN2', 'qualifies'], ['P0', 'supports']] as const) {
    const { dialog, value } = await proposed(id);
    expect(value, id).toBe(kind);
    await app.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }
  // A rebuttal, added from the keyboard, opposes.
  await app.keyboard.press('Alt+6');
  await app.keyboard.type('The boycott was never meant to last.');
  await app.keyboard.press('Enter');
  await app.keyboard.press('c');
  const dialog = app.getByRole('dialog', { name: 'Connect' });
  await expect(dialog.getByRole('combobox', { name: 'Relation' })).toHaveValue('opposes');

  // Every label that is shortened ends with a whole word of the node's text.
  const words = new Set(seed.nodes.flatMap((n) => `${n.title ?? ''} ${n.text} ${n.quote?.exact ?? ''}`.split(/[^\p{L}\p{N}'’-]+/u)));
  const check = async () => {
    const labels = await dialog.getByRole('listbox').getByRole('option').allTextContents();
    expect(labels.length).toBeGreaterThan(10);
    for (const label of labels)
      for (const m of label.matchAll(/([\p{L}\p{N}'’-]+)…/gu)) expect(words.has(m[1]!), `“${m[1]}” in “${label}”`).toBe(true);
  };
  await check();
  // The inferences, for an undercut, too.
  await dialog.getByRole('combobox', { name: 'Relation' }).selectOption('undercuts');
  await expect(dialog.getByRole('listbox').getByRole('option').first()).toContainText('Inference:');
  await check();
  const axe = await new AxeBuilder({ page: app }).include('.aa-connect').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
});

test('Esc on a new node takes it back: the map and the undo stack as before; its creation and text are one step', async ({ app }) => {
  const count = await app.locator('.react-flow__node').count();
  const undo = app.getByRole('button', { name: /^Undo/ });
  // A step first, so the undo stack is not empty.
  await canvasNode(app, 'T').focus();
  await app.keyboard.press('Alt+ArrowDown');
  await expect(undo).toHaveAttribute('aria-label', 'Undo Move node');
  await app.keyboard.press('Alt+2');
  const editor = app.getByRole('textbox', { name: 'Node text' });
  await expect(editor).toBeFocused();
  await expect(app.locator('.react-flow__node')).toHaveCount(count + 1);
  await app.keyboard.press('Escape');
  await expect(editor).toHaveCount(0);
  await expect(app.locator('.react-flow__node')).toHaveCount(count);
  await expect(undo).toHaveAttribute('aria-label', 'Undo Move node');
  await expect(app.getByRole('button', { name: /^Redo/ })).toBeDisabled();
  await expect.poll(() => focusedTag(app)).not.toBe('BODY');

  // Written, it is one step: one undo takes the node and its text away.
  await app.keyboard.press('Alt+2');
  await app.keyboard.type('Moscow meant to return to the Council.');
  await app.keyboard.press('Enter');
  await expect(node(app, 'Moscow meant to return to the Council.')).toHaveCount(1);
  await expect(undo).toHaveAttribute('aria-label', 'Undo Add claim');
  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+z');
  await expect(node(app, 'Moscow meant to return to the Council.')).toHaveCount(0);
  await expect(app.locator('.react-flow__node')).toHaveCount(count);
  await expect(undo).toHaveAttribute('aria-label', 'Undo Move node');
});

test('evidence made from a selection gets the first words of its quote as its statement', async ({ app }) => {
  await pane(app).getByRole('tab', { name: /^Stalin to Klement Gottwald, 27 August 1950/ }).click();
  const passage = 'We might leave the Security Council again and come back once again, depending on what the international situation is like.';
  await makeEvidenceOf(app, passage);
  const created = node(app, passage);
  await expect(created.locator('.aa-text')).toHaveText('We might leave the Security Council again and come back…');
  await expect(app.getByRole('complementary', { name: 'Inspector' }).getByRole('textbox', { name: 'Text' })).toHaveValue('We might leave the Security Council again and come back…');
});
