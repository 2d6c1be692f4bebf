// Comparing a student's map with the open one (the model) and merging edits, in the web build:
// the overlay marks exactly what the student changed, the report names it, a student's point is
// brought in as one undo step, and a merge's conflict is kept, listed and found on the canvas.
import AxeBuilder from '@axe-core/playwright';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { commit, createHistory, type Operation } from '../../arguments/history';
import { serializeMap } from '../../arguments/format/serialize';
import { loadMap } from '../../arguments/format/load';
import type { ArgumentMap } from '../../arguments/model';
import { deleteItems, editNode, insertFragment } from '../../arguments/operations';
import { expect, fitAll, test } from './fixtures';

const shippedBytes = readFileSync(new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url));
const shipped = (() => {
  const r = loadMap(shippedBytes);
  if (!r.ok) throw new Error('the shipped map does not load');
  return r.map;
})();

function edited(map: ArgumentMap, ...ops: Operation[]): ArgumentMap {
  let h = createHistory(map);
  for (const op of ops) {
    const r = commit(h, op);
    if (!r.ok) throw new Error(r.reason);
    h = r.history;
  }
  return h.present;
}

/** Every third word replaced (as the domain's property tests reword). */
const reword = (text: string) => {
  let k = 0;
  return text.replace(/[\p{L}\p{N}]+/gu, (w) => (++k % 3 === 0 ? `zq${k}x` : w));
};

const DELETED = 'E1d';
const REWORDED = 'O3';
const OWN_POINT = 'The letter was meant to be read by others in Prague as well.';
// The student's map: one evidence deleted, one counter reworded, and a point of their own against C1.
const student = edited(
  shipped,
  deleteItems([DELETED], []),
  editNode(REWORDED, { text: reword(shipped.nodes[REWORDED]!.text) }),
  insertFragment({ nodes: [{ id: 'S1', kind: 'counter', text: OWN_POINT }], relations: [{ id: 'rS1', kind: 'opposes', from: ['S1'], to: 'C1' }], positions: { S1: { x: 2400, y: 0 } } }),
);
const file = (name: string, map: ArgumentMap) => ({ name, mimeType: 'application/json', buffer: Buffer.from(serializeMap(map)) });

// The open dialogs as file inputs, which a test can fill (the pickers cannot be driven).
test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
});

async function axeClean(page: Page, selector: string): Promise<void> {
  const result = await new AxeBuilder({ page }).include(selector).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

const card = (page: Page, id: string) => page.locator(`.aa-canvas .react-flow__node[data-id="${id}"]`);

async function chooseFile(page: Page, click: () => Promise<void>, f: ReturnType<typeof file>): Promise<void> {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), click()]);
  await chooser.setFiles(f);
}

test('compare a student’s map: the overlay marks what changed, the report names it, a point is brought in as one undo step', async ({ app }) => {
  const toolbar = app.getByRole('toolbar', { name: 'Map tools' });
  await chooseFile(app, () => toolbar.getByRole('button', { name: 'Compare…' }).click(), file('anna.argmap.json', student));
  const panel = app.getByRole('complementary', { name: 'Comparison' });
  await expect(panel).toBeVisible();
  await expect(panel).toContainText('anna.argmap.json');
  await expect(panel.getByTestId('compare-summary')).toContainText('not a grade');
  // The panel is the instructor's: it speaks of the student, not to them (the report speaks to the student).
  await expect(panel.getByTestId('compare-summary')).toContainText('The student’s map has');
  await expect(panel).not.toContainText(/\b(your|you)\b/i);

  // Exactly the deleted and the reworded node are marked otherwise than matched; every other node is matched.
  const marked = app.locator('.aa-canvas [data-compare-mark]:not([data-compare-mark="matched"])');
  await expect(marked).toHaveCount(2);
  await expect(card(app, DELETED).locator('[data-compare-mark]')).toHaveText('Missing from the student’s map');
  await expect(card(app, REWORDED).locator('[data-compare-mark]')).toHaveText('Matched, in other words');
  await expect(app.locator('.aa-canvas [data-compare-mark="matched"]')).toHaveCount(Object.keys(shipped.nodes).length - 2);
  await expect(card(app, DELETED).locator('.aa-node')).toHaveClass(/aa-compare-missing/);
  // Comparing changed nothing of the document.
  await expect(app.getByTestId('dirty-marker')).toHaveCount(0);
  await axeClean(app, '.aa-compare-panel');

  // A finding selects its node on the canvas.
  await panel.getByRole('button', { name: /A message to be delivered orally/ }).click();
  await expect(card(app, DELETED)).toHaveClass(/selected/);

  // The report, as Markdown, names the missing and the reworded node.
  await panel.getByLabel('Report as').selectOption('md');
  const [download] = await Promise.all([app.waitForEvent('download'), panel.getByRole('button', { name: 'Save report…' }).click()]);
  expect(download.suggestedFilename()).toBe('anna-feedback.md');
  const report = readFileSync((await download.path())!, 'utf8');
  expect(report).toContain('## Not yet in your map');
  expect(report).toContain('A message to be delivered orally by the ambassador');
  expect(report).toContain('## In your own words');
  expect(report).toContain('## Your own points');
  // And as HTML.
  await panel.getByLabel('Report as').selectOption('html');
  const [html] = await Promise.all([app.waitForEvent('download'), panel.getByRole('button', { name: 'Save report…' }).click()]);
  expect(html.suggestedFilename()).toBe('anna-feedback.html');
  expect(readFileSync((await html.path())!, 'utf8')).toContain('<h2 id="s-missing">Not yet in your map</h2>');

  // Side by side: the student's map, read-only; a card chosen there selects its counterpart on the model.
  await panel.getByRole('button', { name: 'Side by side' }).click();
  const side = app.getByRole('region', { name: /The student’s map/ });
  await expect(side).toBeVisible();
  await expect(side.locator('.react-flow__node')).toHaveCount(Object.keys(student.nodes).length);
  await side.locator('.react-flow__node[data-id="C2"]').click();
  await expect(card(app, 'C2')).toHaveClass(/selected/);
  await axeClean(app, '.aa-compare-student');

  // Bring the student's own point in: one undo step takes it back.
  const before = await app.locator('.aa-canvas .react-flow__node').count();
  await side.locator('.react-flow__node[data-id="S1"]').click();
  await side.getByRole('button', { name: 'Bring into this map' }).click();
  await expect(app.locator('.aa-canvas .react-flow__node').filter({ hasText: OWN_POINT })).toHaveCount(1);
  await expect(app.locator('.aa-canvas .react-flow__node')).toHaveCount(before + 1);
  await expect(toolbar.getByRole('button', { name: 'Undo Bring a node' })).toBeEnabled();
  await toolbar.getByRole('button', { name: 'Undo Bring a node' }).click();
  await expect(app.locator('.aa-canvas .react-flow__node').filter({ hasText: OWN_POINT })).toHaveCount(0);
  await expect(app.locator('.aa-canvas .react-flow__node')).toHaveCount(before);

  // Closing the comparison leaves the document as it was: no marks, not dirty.
  await panel.getByRole('button', { name: 'Close comparison' }).click();
  await expect(app.locator('[data-compare-mark]')).toHaveCount(0);
  await expect(side).toHaveCount(0);
  await expect(app.getByTestId('dirty-marker')).toHaveCount(0);
});

test('a file that is not a map is refused in the loader’s words, and the document stays', async ({ app }) => {
  await chooseFile(app, () => app.getByRole('toolbar', { name: 'Map tools' }).getByRole('button', { name: 'Compare…' }).click(), { name: 'broken.argmap.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "argmap", "nodes": ') });
  await expect(app.locator('.aa-notice-error')).toContainText('Could not read “broken.argmap.json”; nothing was changed');
  await expect(app.getByRole('complementary', { name: 'Comparison' })).toHaveCount(0);
  await expect(app.locator('.aa-canvas .react-flow__node')).toHaveCount(Object.keys(shipped.nodes).length);
});

test('merge edits from another copy: a conflict is kept, listed and found on the canvas; one undo takes the merge back', async ({ app }) => {
  const thesis = shipped.nodes.T!;
  // Ours: the thesis edited in the app.
  await card(app, 'T').dblclick();
  await app.getByRole('textbox', { name: 'Node text' }).fill('Ours: the letter explains the absence.');
  await app.getByRole('textbox', { name: 'Node text' }).press('Enter');
  // Theirs: the thesis edited otherwise, and a node of their own.
  const theirs = edited(
    shipped,
    editNode('T', { text: 'Theirs: the letter justifies the absence.' }),
    insertFragment({ nodes: [{ id: 'X1', kind: 'note', text: 'Their note, merged without conflict.' }], relations: [], positions: { X1: { x: 0, y: -400 } } }),
  );
  await app.getByRole('toolbar', { name: 'Map tools' }).getByRole('button', { name: 'Merge…' }).click();
  const dialog = app.getByRole('dialog', { name: 'Merge edits' });
  await expect(dialog).toBeVisible();
  await axeClean(app, '.aa-merge-dialog');
  await chooseFile(app, () => dialog.getByRole('button', { name: 'Choose the base version…' }).click(), { name: 'base.argmap.json', mimeType: 'application/json', buffer: shippedBytes });
  await chooseFile(app, () => dialog.getByRole('button', { name: 'Choose the other edited copy…' }).click(), file('theirs.argmap.json', theirs));
  await expect(dialog).toContainText('Other copy: “theirs.argmap.json”');
  await dialog.getByRole('button', { name: 'Merge', exact: true }).click();
  await expect(dialog).toHaveCount(0);

  const conflicts = app.getByRole('complementary', { name: /Merge conflicts/ });
  await expect(conflicts).toContainText('Merge conflicts (1)');
  await axeClean(app, '.aa-merge-panel');
  // Both versions kept: ours under its id, theirs as a copy; both marked.
  await fitAll(app);
  await expect(card(app, 'T')).toContainText('Ours: the letter explains the absence.');
  const copy = app.locator('.aa-canvas .react-flow__node').filter({ hasText: 'Theirs: the letter justifies the absence.' });
  await expect(copy).toHaveCount(1);
  await expect(card(app, 'T').locator('[data-compare-mark="conflict"]')).toHaveText('Merge conflict');
  await expect(copy.locator('[data-compare-mark="conflict"]')).toHaveCount(1);
  await expect(app.locator('.aa-canvas .react-flow__node').filter({ hasText: 'Their note, merged without conflict.' })).toHaveCount(1);
  // The listed conflict selects its nodes.
  await conflicts.getByRole('listitem').first().getByRole('button').click();
  await expect(card(app, 'T')).toHaveClass(/selected/);
  await expect(copy).toHaveClass(/selected/);

  // One undo step: the merge gone, our edit still there.
  await app.getByRole('toolbar', { name: 'Map tools' }).getByRole('button', { name: /^Undo Merge edits from/ }).click();
  await expect(copy).toHaveCount(0);
  await expect(card(app, 'T')).toContainText('Ours: the letter explains the absence.');
  expect(thesis.text).not.toContain('Ours');
});

test('a read-only map refuses bringing and merging', async ({ app }) => {
  await app.getByRole('button', { name: 'Lock', exact: true }).click();
  const toolbar = app.getByRole('toolbar', { name: 'Map tools' });
  await expect(toolbar.getByRole('button', { name: 'Merge…' })).toBeDisabled();
  // Comparing still works (it changes nothing); bringing does not.
  await chooseFile(app, () => toolbar.getByRole('button', { name: 'Compare…' }).click(), file('anna.argmap.json', student));
  const panel = app.getByRole('complementary', { name: 'Comparison' });
  await expect(panel.getByRole('button', { name: 'Bring into this map' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Side by side' }).click();
  await app.getByRole('region', { name: /The student’s map/ }).locator('.react-flow__node[data-id="S1"]').click();
  await expect(app.getByRole('region', { name: /The student’s map/ }).getByRole('button', { name: 'Bring into this map' })).toBeDisabled();
  await expect(app.locator('.aa-canvas .react-flow__node')).toHaveCount(Object.keys(shipped.nodes).length);
});
