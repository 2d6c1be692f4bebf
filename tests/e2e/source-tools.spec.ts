// The sources' other tools in the browser: importing a Zotero BibTeX file (a broken record
// named with its line, the others added, their texts added afterwards), exporting CSL-JSON
// and BibLaTeX, replacing a text after seeing what happens to each quote, refusing to delete a
// quoted source (and selecting the quoting nodes), and every way into Add Source: the pane,
// the canvas menu, Ctrl+Shift+O, a paste on the canvas, Open on a document, a drop.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, node, test } from './fixtures';
import { chooseFile, openAddSource, pane, seriousViolations, shownText } from './source-helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
});

const shipped = JSON.parse(readFileSync(new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8')) as {
  sources: { id: string; title: string; text: string }[];
  nodes: { id: string; quote?: { source: string } }[];
};
const letter = shipped.sources.find((s) => s.id === 'letter')!;

const BIB = `@book{bloch_historians_1953,
  title = {The Historian's Craft},
  author = {Bloch, Marc},
  date = {1953},
  publisher = {Alfred A. Knopf},
  location = {New York},
}

@article{broken_1980,
  title = {Clues
  author = {Ginzburg, Carlo},
  date = {1980},
}

@letter{stalin_letter_1950,
  title = {Letter to Klement Gottwald},
  author = {Stalin, I. V.},
  date = {1950-08-27},
}
`;

async function importFile(page: Page, name: string, text: string) {
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), pane(page).getByRole('button', { name: 'Import bibliography…' }).first().click()]);
  await chooser.setFiles({ name, mimeType: 'application/x-bibtex', buffer: Buffer.from(text) });
  const dialog = page.getByRole('dialog', { name: 'Import bibliography' });
  await expect(dialog).toBeVisible();
  return dialog;
}

test('a BibTeX file with a broken record: the others are offered and added in one step, their texts added afterwards', async ({ app }) => {
  const tabs = await pane(app).getByRole('tab').count();
  const dialog = await importFile(app, 'refs.bib', BIB);
  const rows = dialog.getByRole('row');
  await expect(rows).toHaveCount(3); // the header and two records
  await expect(rows.nth(1)).toContainText("The Historian's Craft");
  await expect(rows.nth(1)).toContainText('Bloch, Marc');
  await expect(rows.nth(1)).toContainText('1953');
  await expect(rows.nth(2)).toContainText('Letter to Klement Gottwald');
  await expect(dialog.getByRole('region', { name: 'One entry was not imported' })).toContainText('Line 9: The entry @article{broken_1980 starting at line 9 is not closed');
  expect(await seriousViolations(app)).toEqual([]);
  await dialog.getByRole('checkbox', { name: 'Letter to Klement Gottwald' }).uncheck();
  await expect(dialog.getByRole('button', { name: 'Add 1 source' })).toBeEnabled();
  await dialog.getByRole('checkbox', { name: 'All records' }).check();
  await dialog.getByRole('button', { name: 'Add 2 sources' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(pane(app).getByRole('tab')).toHaveCount(tabs + 2);
  await expect(app.getByRole('status').filter({ hasText: 'Added 2 sources from “refs.bib”' })).toBeVisible();
  // One step: one undo takes both away.
  await expect(app.getByRole('button', { name: 'Undo Add 2 sources' })).toBeEnabled();

  // The book's tab: no text yet, its citation from the record.
  await expect(pane(app).getByRole('tab', { name: /The Historian's Craft/ })).toHaveAttribute('aria-selected', 'true');
  const empty = pane(app).getByRole('region', { name: 'No text yet' });
  await expect(empty).toContainText('This source has no text yet.');
  await pane(app).getByRole('button', { name: 'Cite' }).click();
  await expect(pane(app).getByTestId('cite-bibliography')).toHaveText('Bloch, Marc. The Historian’s Craft. New York: Alfred A. Knopf, 1953.');

  // Add text…: the replace flow, with nothing to re-anchor.
  await empty.getByRole('button', { name: 'Add text…' }).click();
  const add = app.getByRole('dialog', { name: /Add the text of “The Historian's Craft”/ });
  await add.getByLabel('Text of the source').fill('The historian is, by definition, unable to observe the facts he studies.');
  await expect(add.getByRole('region', { name: 'What happens to the quotes' })).toContainText('No evidence quotes this source yet: nothing to re-anchor.');
  await add.getByRole('button', { name: 'Add text' }).click();
  await expect(add).toHaveCount(0);
  expect(await shownText(app)).toBe('The historian is, by definition, unable to observe the facts he studies.');

  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+z');
  await app.keyboard.press('Control+z');
  await expect(pane(app).getByRole('tab')).toHaveCount(tabs);
});

test('export every source as CSL-JSON and as BibLaTeX (downloads that parse)', async ({ app }) => {
  const exportAs = async (label: string) => {
    await pane(app).getByRole('button', { name: 'Export sources…' }).click();
    const [download] = await Promise.all([app.waitForEvent('download'), pane(app).getByRole('group', { name: 'Export every source as' }).getByRole('button', { name: label }).click()]);
    return { name: download.suggestedFilename(), text: readFileSync((await download.path())!, 'utf8') };
  };
  const csl = await exportAs('CSL-JSON (.json)');
  expect(csl.name).toMatch(/\.sources\.json$/);
  const items = JSON.parse(csl.text) as { id: string; type: string; title?: string; archive?: string; archive_location?: string }[];
  expect(items.map((i) => i.id)).toEqual(shipped.sources.map((s) => s.id).sort());
  expect(items.find((i) => i.id === 'letter')).toMatchObject({ type: 'personal_communication', archive: 'RGASPI', archive_location: 'f. 558, op. 11, d. 62, ll. 71–72' });
  const bib = await exportAs('BibLaTeX (.bib)');
  expect(bib.name).toMatch(/\.bib$/);
  expect(bib.text.match(/^@\w+\{/gm)).toHaveLength(shipped.sources.length);
});

test('replace a text with a corrected one: the report says found, moved and lost before anything changes; undo restores', async ({ app }) => {
  await pane(app).getByRole('tab', { name: /^Stalin to Klement Gottwald, 27 August 1950/ }).click();
  // The correction: the typo "form" fixed (the quote keeping it is lost), a sentence moved to the end.
  const opening = 'Please pass on to Gottwald verbally the following message. Contact him by post if he so requests.\n\n';
  expect(letter.text).toContain(opening);
  const corrected = letter.text.replace('withdrawal form the Security Council', 'withdrawal from the Security Council').replace(opening, '') + '\n\n' + opening.trim();
  await pane(app).getByRole('button', { name: 'Replace text…' }).click();
  const dialog = app.getByRole('dialog', { name: /Replace the text of “Stalin to Klement Gottwald/ });
  await dialog.getByLabel('New text of the source').fill(corrected);
  const report = dialog.getByRole('region', { name: 'What happens to the quotes' });
  const quoting = shipped.nodes.filter((n) => n.quote?.source === 'letter').length;
  await expect(report.getByTestId('reanchor-summary')).toHaveText(`${quoting} quotes: ${quoting - 2} still found, 1 moved, 1 lost.`);
  await expect(report.locator('tr[data-node-id="E1c"]')).toContainText('⚠ Lost');
  await expect(report.locator('tr[data-node-id="E1c"]')).toContainText('Closest passage: Following our withdrawal from the Security Council');
  await expect(report.locator('tr[data-node-id="E1d"]')).toContainText('Moved');
  await expect(report.locator('tr[data-node-id="E0a"]')).toContainText('Still found');
  // Nothing has changed yet.
  expect(await shownText(app)).toBe(letter.text);
  expect(await seriousViolations(app)).toEqual([]);
  await dialog.getByRole('button', { name: 'Replace text' }).click();
  await expect(dialog).toHaveCount(0);
  expect(await shownText(app)).toBe(corrected);
  await expect(node(app, 'Following our withdrawal form the Security Council')).toContainText('⚠ Quote not found in its source');
  await expect(app.getByRole('button', { name: 'Undo Replace source text' })).toBeEnabled();
  await app.getByRole('button', { name: 'Undo Replace source text' }).click();
  expect(await shownText(app)).toBe(letter.text);
  await expect(node(app, 'Following our withdrawal form the Security Council')).not.toContainText('⚠ Quote not found');
});

test('deleting a quoted source is refused, naming the nodes; Select them selects them; an unquoted one is deleted and undone', async ({ app }) => {
  await pane(app).getByRole('tab', { name: /^Stalin to Klement Gottwald, 27 August 1950/ }).click();
  await pane(app).getByRole('button', { name: 'Delete source' }).click();
  const quoting = shipped.nodes.filter((n) => n.quote?.source === 'letter').map((n) => n.id);
  const refusal = pane(app).getByRole('alert');
  await expect(refusal).toContainText(`cannot be deleted: ${quoting.length} nodes are quoted by`);
  await expect(pane(app).getByRole('tab')).toHaveCount(shipped.sources.length);
  await refusal.getByRole('button', { name: `Select them (${quoting.length})` }).click();
  await expect(app.locator('.react-flow__node.selected')).toHaveCount(quoting.length);
  const selected = await app.locator('.react-flow__node.selected').evaluateAll((els) => els.map((e) => e.getAttribute('data-id')).sort());
  expect(selected).toEqual([...quoting].sort());

  const dialog = await openAddSource(app);
  await dialog.getByLabel('Text of the source').fill('A note nobody quotes.');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await pane(app).getByRole('button', { name: 'Delete source' }).click();
  await expect(pane(app).getByRole('tab', { name: /A note nobody quotes/ })).toHaveCount(0);
  await expect(app.getByRole('status').filter({ hasText: 'Deleted the source “A note nobody quotes.”' })).toBeVisible();
  await app.getByRole('button', { name: 'Undo Delete source' }).click();
  await expect(pane(app).getByRole('tab', { name: /A note nobody quotes/ })).toHaveCount(1);
});

test('Ctrl+Shift+O and the canvas menu open Add Source, not Open', async ({ app }) => {
  app.on('filechooser', () => {
    throw new Error('Ctrl+Shift+O opened a file chooser');
  });
  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+Shift+O');
  const dialog = app.getByRole('dialog', { name: 'Add a source' });
  await expect(dialog).toBeVisible();
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // The top right corner of the canvas: the overview sits at the top left.
  const pane = (await app.locator('.react-flow__pane').boundingBox())!;
  await app.locator('.react-flow__pane').click({ button: 'right', position: { x: pane.width - 20, y: 20 } });
  await app.getByRole('menuitem', { name: 'Add source…' }).click();
  await expect(dialog).toBeVisible();
});

test('text pasted on the canvas with nothing copied in the app opens Add Source with it', async ({ app }) => {
  const text = 'Ciphered telegram from Beijing, 2 October 1950.\nMao to Stalin.';
  await app.evaluate((t) => navigator.clipboard.writeText(t), text);
  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+v');
  const dialog = app.getByRole('dialog', { name: 'Add a source' });
  await expect(dialog.getByLabel('Text of the source')).toHaveValue(text);
  await expect(dialog.getByLabel('Title')).toHaveValue('Ciphered telegram from Beijing, 2 October 1950.');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  expect(await shownText(app)).toBe(text);
  // Nodes copied in the app still paste as nodes.
  const before = await app.locator('.react-flow__node').count();
  await node(app, /anti-war mood/).click();
  await app.keyboard.press('Control+c');
  await app.keyboard.press('Control+v');
  await expect(app.locator('.react-flow__node')).toHaveCount(before + 1);
  await expect(app.getByRole('dialog')).toHaveCount(0);
});

test('Open on a .txt says it is a document, not a map, and offers to add it as a source', async ({ app }) => {
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), app.getByRole('button', { name: 'Open…' }).click()]);
  await chooser.setFiles({ name: 'letter.txt', mimeType: 'text/plain', buffer: Buffer.from('Comrade Gottwald,\nthe Soviet Union left the Security Council.') });
  const notice = app.getByRole('status').filter({ hasText: '“letter.txt” is a document, not a map' });
  await expect(notice).toBeVisible();
  await expect(notice).not.toContainText('JSON');
  await expect(app.getByTestId('document-name')).toHaveText('stalin-gottwald-1950.argmap.json');
  await notice.getByRole('button', { name: 'Add as a source' }).click();
  const dialog = app.getByRole('dialog', { name: 'Add a source' });
  await expect(dialog.getByTestId('document-preview')).toHaveText('Comrade Gottwald,\nthe Soviet Union left the Security Council.');
  await expect(dialog.getByLabel('Title')).toHaveValue('letter');
  // A broken map keeps the loader's own error.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  const [again] = await Promise.all([app.waitForEvent('filechooser'), app.getByRole('button', { name: 'Open…' }).click()]);
  await again.setFiles({ name: 'broken.argmap.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "argument-atlas"') });
  await expect(app.getByRole('alert')).toContainText('Could not open “broken.argmap.json”');
  await expect(app.getByRole('alert').getByRole('button', { name: 'Add as a source' })).toHaveCount(0);
});

test('a document dropped on the window opens Add Source with it; a map dropped still opens', async ({ app }) => {
  const drop = (name: string, text: string) =>
    app.evaluate(
      ([name, text]) => {
        const data = new DataTransfer();
        data.items.add(new File([text], name, { type: 'text/plain' }));
        document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
        document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
      },
      [name, text] as const,
    );
  await drop('notes.md', '# Notes on the letter\n\nThe date line is in the original.');
  const dialog = app.getByRole('dialog', { name: 'Add a source' });
  await expect(dialog.getByTestId('document-facts')).toContainText('Markdown');
  await expect(dialog.getByTestId('document-preview')).toContainText('The date line is in the original.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(app.getByTestId('document-name')).toHaveText('stalin-gottwald-1950.argmap.json');
  const map = readFileSync(new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8');
  await drop('dropped.argmap.json', map);
  await expect(app.getByTestId('document-name')).toHaveText('dropped.argmap.json');
});

test('a file read in the dialog can be replaced by another before adding', async ({ app }) => {
  const dialog = await openAddSource(app);
  await chooseFile(app, dialog, 'first.txt', 'The first text.');
  await expect(dialog.getByTestId('document-preview')).toHaveText('The first text.');
  await chooseFile(app, dialog, 'second.txt', 'The second text.');
  await expect(dialog.getByTestId('document-preview')).toHaveText('The second text.');
  await expect(dialog.getByLabel('Title')).toHaveValue('second');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  expect(await shownText(app)).toBe('The second text.');
});
