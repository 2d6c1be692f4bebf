// Issue 9 end to end: from File > New, a historian brings in a letter (pasted), a PDF and a
// .txt, builds evidence from selections in each, edits the citation, sees the short citation
// on the cards, copies a Chicago footnote, saves and reopens; a .docx, a long PDF read with
// Cancel, and the dialog's focus. axe-core runs with each dialog and form open. Import,
// export, replace and delete are in source-tools.spec.ts; bad input in source-bad-input.spec.ts.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locator, Page } from '@playwright/test';
import { loadMap } from '../../arguments/format/load';
import { docx, textPdf } from './documents';
import { expect, fitAll, node, test } from './fixtures';
import { chooseFile, makeEvidenceOf, openAddSource, pane, seriousViolations, shownText } from './source-helpers';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });
test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
});

const dir = mkdtempSync(join(tmpdir(), 'aa-e2e-own-'));

const LETTER = [
  'Prague, Soviet Ambassador',
  '',
  'Please pass on to Gottwald verbally the following message.',
  '',
  'We view the Soviet Union’s withdrawal from the Security Council on 27 June and the subsequent events somewhat differently from comrade Gottwald.',
  '',
  'FILIPPOV.',
].join('\n');

const PDF_PAGES = [
  'The boycott of the Security Council began in January 1950.',
  'Stalin explained his reasons to Gottwald at the end of August.\nThe letter survives in the party archive.',
];

const NOTES = 'Translator’s note: “Font” in the archival reference is a typo for “Fond”.\nThe date line is in the original.';

/** Fills a field of the details form and commits it: Enter in a line, leaving a text area. */
async function commitField(field: Locator, value: string): Promise<void> {
  await field.fill(value);
  await field.press((await field.evaluate((el) => el.tagName)) === 'TEXTAREA' ? 'Tab' : 'Enter');
  await expect(field).toHaveValue(value);
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
}

async function save(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('toolbar', { name: 'Map tools' }).getByRole('button', { name: 'Save', exact: true }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

test('from New: a pasted letter, a PDF and a .txt become sources, evidence, cited cards and footnotes, saved and reopened', async ({ app }) => {
  await app.getByRole('button', { name: 'New', exact: true }).click();
  await expect(app.locator('.react-flow__node')).toHaveCount(0);
  await expect(pane(app)).toContainText('This map has no sources.');

  // 1. The letter, pasted.
  let dialog = await openAddSource(app);
  await expect(dialog.getByLabel('Text of the source')).toBeFocused();
  await dialog.getByLabel('Text of the source').fill(LETTER);
  await expect(dialog.getByLabel('Title')).toHaveValue('Prague, Soviet Ambassador');
  await dialog.getByLabel('Title').fill('Stalin to Klement Gottwald, 27 August 1950');
  await dialog.getByLabel('Date (EDTF)').fill('1950-08-32');
  await expect(dialog.getByText(/"1950-08-32"/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Add source' })).toBeDisabled();
  await dialog.getByLabel('Date (EDTF)').fill('1950-08');
  await expect(dialog.getByText('Reads: August 1950')).toBeVisible();
  await dialog.getByLabel('Author').fill('Stalin, I. V.');
  expect(await seriousViolations(app)).toEqual([]);
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(pane(app).getByRole('tab', { name: /Stalin to Klement Gottwald/ })).toHaveAttribute('aria-selected', 'true');
  expect(await shownText(app)).toBe(LETTER);
  await expect(app.getByRole('button', { name: 'Undo Add source' })).toBeEnabled();
  await makeEvidenceOf(app, 'withdrawal from the Security Council on 27 June');

  // 2. A PDF (two pages, made here): its kind, pages, the extracted-text note and the preview.
  dialog = await openAddSource(app);
  await chooseFile(app, dialog, 'weathersby.pdf', await textPdf(PDF_PAGES, { info: { Title: 'New Russian Documents on the Korean War' } }));
  await expect(dialog.getByTestId('document-facts')).toContainText('PDF · 2 pages');
  await expect(dialog.getByRole('note')).toContainText('Check this text against the original.');
  await expect(dialog.getByTestId('document-preview')).toContainText('The boycott of the Security Council began in January 1950.');
  await expect(dialog.getByTestId('document-preview')).toContainText('page 2');
  await expect(dialog.getByLabel('Title')).toHaveValue('New Russian Documents on the Korean War');
  await dialog.getByLabel('Role').selectOption('secondary');
  await dialog.getByLabel('Author').fill('Weathersby, Kathryn');
  expect(await seriousViolations(app)).toEqual([]);
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(pane(app).getByRole('tab', { name: /New Russian Documents/ })).toHaveAttribute('aria-selected', 'true');
  expect(await shownText(app)).toBe(`${PDF_PAGES[0]}\f${PDF_PAGES[1]}`);
  await makeEvidenceOf(app, 'Stalin explained his reasons to Gottwald');

  // 3. A .txt file.
  dialog = await openAddSource(app);
  await chooseFile(app, dialog, 'translator-notes.txt', NOTES);
  await expect(dialog.getByTestId('document-facts')).toContainText('Plain text');
  await expect(dialog.getByRole('note')).toHaveCount(0);
  await expect(dialog.getByLabel('Title')).toHaveValue('translator-notes');
  await dialog.getByLabel('Title').fill('Translator’s notes');
  await dialog.getByLabel('Role').selectOption('secondary');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  expect(await shownText(app)).toBe(NOTES);
  await makeEvidenceOf(app, 'is a typo for “Fond”');

  // 4. The letter's citation: recipient, archive, fond, opis, delo, folios, date.
  await pane(app).getByRole('tab', { name: /Stalin to Klement Gottwald/ }).click();
  await pane(app).getByRole('button', { name: 'Edit details' }).click();
  const form = pane(app).getByRole('form', { name: /Details of Stalin to Klement Gottwald/ });
  await commitField(form.getByLabel('Recipient'), 'Gottwald, Klement');
  await commitField(form.getByLabel('As given'), 'RGASPI. Font . 558, Opis. 11, Delo. 62, Listy. 71-72');
  await commitField(form.getByLabel('Archive', { exact: true }), 'RGASPI');
  await commitField(form.getByLabel('Fond'), '558');
  await commitField(form.getByLabel('Opis'), '11');
  await commitField(form.getByLabel('Delo'), '62');
  await commitField(form.getByLabel('Listy (folios)'), '71-72');
  // A bad date is refused in the loader's words next to the field, and kept as typed.
  const date = form.getByLabel('Date (EDTF)');
  await date.fill('27.8.1950');
  await date.press('Enter');
  await expect(date).toHaveAttribute('aria-invalid', 'true');
  await expect(date).toHaveValue('27.8.1950');
  await commitField(date, '1950-08-27');
  await expect(form.getByTestId('normalised-citation')).toHaveText('In notes: RGASPI, f. 558, op. 11, d. 62, ll. 71–72');
  // Each field was one step: one undo takes back the date alone.
  await expect(app.getByRole('button', { name: 'Undo Edit source date' })).toBeEnabled();
  await app.getByRole('button', { name: 'Undo Edit source date' }).click();
  await expect(date).toHaveValue('1950-08');
  await expect(form.getByLabel('Listy (folios)')).toHaveValue('71-72');
  await app.getByRole('button', { name: 'Redo Edit source date' }).click();
  await expect(date).toHaveValue('1950-08-27');
  expect(await seriousViolations(app)).toEqual([]);

  // 5. The cards show their source's short citation.
  await fitAll(app);
  await expect(node(app, 'withdrawal from the Security Council on 27 June').getByTestId('attribution')).toHaveText('Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, ll. 71–72');
  await expect(node(app, 'Stalin explained his reasons').getByTestId('attribution')).toHaveText('Weathersby, New Russian Documents, p. 2');

  // 6. Copy the footnote: the clipboard holds the Chicago note as shown.
  await pane(app).getByRole('button', { name: 'Cite' }).click();
  const full = pane(app).getByTestId('cite-full');
  await expect(full).toHaveText('I. V. Stalin to Klement Gottwald, August 27, 1950, f. 558, op. 11, d. 62, ll. 71–72, RGASPI.');
  await pane(app).getByRole('button', { name: 'Copy footnote', exact: true }).click();
  await expect(pane(app).getByRole('status').filter({ hasText: 'Copied the footnote.' })).toBeVisible();
  expect(await app.evaluate(() => navigator.clipboard.readText())).toBe('I. V. Stalin to Klement Gottwald, August 27, 1950, f. 558, op. 11, d. 62, ll. 71–72, RGASPI.');
  await expect(pane(app).getByTestId('cite-bibliography')).toContainText('Stalin, I. V. Letter to Klement Gottwald');
  // The PDF's quote: its footnote names page 2.
  await pane(app).getByRole('tab', { name: /New Russian Documents/ }).click();
  await pane(app).getByText(/Footnotes for each quote/).click();
  await pane(app).getByRole('button', { name: /^Copy the footnote for Evidence/ }).click();
  // The copy is written asynchronously: read until it arrives (a read at once can still see the previous note).
  await expect.poll(() => app.evaluate(() => navigator.clipboard.readText())).toBe('Kathryn Weathersby, “New Russian Documents on the Korean War,” n.d., 2.');

  // 7. Save, reopen: the reopened map equals what was saved.
  const saved = await save(app);
  const first = loadMap(saved);
  expect(first.ok).toBe(true);
  if (!first.ok) return;
  const byTitle = Object.fromEntries(Object.values(first.map.sources).map((s) => [s.title, s]));
  const letter = byTitle['Stalin to Klement Gottwald, 27 August 1950']!;
  expect(letter.transcription).toEqual({ method: 'pasted' });
  expect(byTitle['New Russian Documents on the Korean War']!.transcription).toEqual({ method: 'pdf-text', file: 'weathersby.pdf' });
  expect(byTitle['Translator’s notes']!.transcription).toEqual({ method: 'text-file', file: 'translator-notes.txt' });
  expect(letter).toMatchObject({ date: '1950-08-27', author: 'Stalin, I. V.', recipient: 'Gottwald, Klement', text: LETTER });
  expect(letter.citation).toEqual({ asGiven: 'RGASPI. Font . 558, Opis. 11, Delo. 62, Listy. 71-72', archive: 'RGASPI', fond: '558', opis: '11', delo: '62', listy: '71-72' });
  // One evidence node quoting each source, exactly the selected passage.
  expect(Object.values(first.map.nodes).map((n) => [first.map.sources[n.quote!.source]!.title, n.quote!.exact]).sort()).toEqual([
    ['New Russian Documents on the Korean War', 'Stalin explained his reasons to Gottwald'],
    ['Stalin to Klement Gottwald, 27 August 1950', 'withdrawal from the Security Council on 27 June'],
    ['Translator’s notes', 'is a typo for “Fond”'],
  ]);
  const path = join(dir, 'own-documents.argmap.json');
  writeFileSync(path, saved);
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), app.getByRole('button', { name: 'Open…' }).click()]);
  await chooser.setFiles(path);
  await expect(app.getByTestId('document-name')).toHaveText('own-documents.argmap.json');
  const again = loadMap(await save(app));
  expect(again.ok && { ...again.map, meta: { ...again.map.meta, modified: '' } }).toEqual({ ...first.map, meta: { ...first.map.meta, modified: '' } });
});

test('a .docx becomes a source with its paragraphs, and the note to check it', async ({ app }) => {
  const dialog = await openAddSource(app);
  await chooseFile(app, dialog, 'memo.docx', docx(['Memorandum on the boycott.', 'Second paragraph of the memorandum.']));
  await expect(dialog.getByTestId('document-facts')).toContainText('Word document (.docx)');
  await expect(dialog.getByRole('note')).toContainText('Check this text against the original.');
  await expect(dialog.getByTestId('document-preview')).toContainText('Memorandum on the boycott.');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  expect(await shownText(app)).toContain('Second paragraph of the memorandum.');
  await pane(app).getByRole('button', { name: 'Edit details' }).click();
  const checked = pane(app).getByRole('checkbox', { name: 'Checked against the original' });
  await checked.check();
  await expect(pane(app)).toContainText('checked against the original');
  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+z');
  await expect(pane(app).getByRole('checkbox', { name: 'Checked against the original' })).not.toBeChecked();
});

test('a long PDF shows its progress and can be cancelled; the dialog stays open', async ({ app }) => {
  const pages = Array.from({ length: 400 }, (_, i) => `Page ${i + 1} of the report on the boycott of the Security Council. `.repeat(20));
  const dialog = await openAddSource(app);
  await chooseFile(app, dialog, 'report.pdf', await textPdf(pages));
  await expect(dialog.getByText(/Reading “report\.pdf”: page \d+ of 400/)).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel reading' }).click();
  await expect(dialog.getByText(/Reading “report\.pdf”/)).toHaveCount(0);
  await expect(dialog.getByRole('button', { name: 'Choose a file…' })).toBeEnabled();
  await expect(dialog.getByRole('button', { name: 'Add source' })).toBeDisabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(pane(app).getByRole('tab')).toHaveCount(4);
});

test('Esc closes the Add Source dialog and gives focus back to what opened it', async ({ app }) => {
  const button = pane(app).getByRole('toolbar', { name: 'Source tools' }).getByRole('button', { name: 'Add source…' });
  await button.click();
  const dialog = app.getByRole('dialog', { name: 'Add a source' });
  await expect(dialog).toHaveAttribute('aria-modal', 'true');
  // Tab stays inside the dialog.
  for (let i = 0; i < 12; i++) await app.keyboard.press('Tab');
  expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  await app.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(button).toBeFocused();
});
