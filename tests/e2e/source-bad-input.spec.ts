// Issue 9's bad input, through the dialogs: each document is refused in the intake's own
// words (the same sentence the domain gives for the same bytes, nothing added), the dialog
// stays open, nothing is added; an HTML page's scripts never run; a BibTeX file with syntax
// errors names its lines and offers what it could read; hostile text typed into every field
// stays text in the pane, on the card and in the citation.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { intakeDocument } from '../../arguments/intake';
import { binary, HOSTILE, makePdf, scannedPdf, textPdf } from './documents';
import { expect, fitAll, node, test } from './fixtures';
import { chooseFile, makeEvidenceOf, openAddSource, pane, seriousViolations } from './source-helpers';

test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
  // No script of an imported document, and no hostile text, may ever run: alert() would show here.
  page.on('dialog', (d) => {
    throw new Error(`a page dialog opened: ${d.message()}`);
  });
});

const BAD: [string, string, () => Promise<Buffer> | Buffer][] = [
  ['an empty file', 'empty.txt', () => Buffer.alloc(0)],
  ['a binary file', 'data.txt', () => binary(4096)],
  ['a PDF without a text layer', 'scan.pdf', () => scannedPdf()],
  ['an encrypted PDF', 'locked.pdf', () => textPdf(['Top secret.'], { userPassword: 'filippov', ownerPassword: 'filippov' })],
  ['a truncated PDF', 'cut.pdf', async () => (await textPdf(['The letter, cut short.', 'Page two.'])).subarray(0, 900)],
  ['a .docx that is not a zip', 'memo.docx', () => Buffer.from('This is a memo saved as text, named .docx.')],
  ['Windows-1251 text', 'letter-cp1251.txt', () => Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2, 0x20, 0xe8, 0xe7, 0x20, 0xcc, 0xee, 0xf1, 0xea, 0xe2, 0xfb])],
];

async function refusalFor(name: string, bytes: Buffer): Promise<string> {
  const result = await intakeDocument(name, new Uint8Array(bytes), { pdfjs });
  if (result.ok) throw new Error(`${name} was not refused by the intake`);
  return result.error.message;
}

async function sourceCount(page: Page): Promise<number> {
  return pane(page).getByRole('tab').count();
}

for (const [what, name, make] of BAD) {
  test(`${what} is refused in the intake's words, and nothing is added`, async ({ app }) => {
    const bytes = await make();
    const expected = await refusalFor(name, bytes);
    const before = await sourceCount(app);
    const dialog = await openAddSource(app);
    await chooseFile(app, dialog, name, bytes);
    await expect(dialog.getByRole('alert')).toHaveText(expected);
    await expect(dialog.getByRole('button', { name: 'Add source' })).toBeDisabled();
    await expect(dialog.getByRole('button', { name: 'Choose another file…' })).toBeEnabled();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await sourceCount(app)).toBe(before);
    await expect(app.getByTestId('dirty-marker')).toHaveCount(0);
  });
}

test('a 40 MB text is refused before it is read, with the limit named', async ({ app }) => {
  // From disk: the browser is given the path, not 40 MB over the wire.
  const path = join(mkdtempSync(join(tmpdir(), 'aa-e2e-huge-')), 'huge.txt');
  writeFileSync(path, Buffer.alloc(40 * 1024 * 1024, 'a'));
  const dialog = await openAddSource(app);
  await dialog.getByRole('tab', { name: 'From a file' }).click();
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), dialog.getByRole('button', { name: 'Choose a file…' }).click()]);
  await chooser.setFiles(path);
  await expect(dialog.getByRole('alert')).toHaveText('“huge.txt” is 40.0 MB; a source file can be at most 32.0 MB. Split it into smaller files, or add the part you need.');
  await expect(dialog.getByRole('button', { name: 'Add source' })).toBeDisabled();
});

test('pasted text that is only spaces is not added', async ({ app }) => {
  const dialog = await openAddSource(app);
  await dialog.getByLabel('Text of the source').fill('   \n\t ');
  await expect(dialog.getByRole('button', { name: 'Add source' })).toBeDisabled();
});

test('an HTML page with scripts: its text only, nothing runs, nothing is fetched', async ({ app }) => {
  const html = `<!doctype html><html><head><title>Cable of 1 October 1950</title><script>window.__aaRan = true; alert('script ran');</script>
<script src="https://example.org/tracker.js"></script><link rel="stylesheet" href="https://example.org/s.css"></head>
<body><p>Mao Zedong to Stalin.</p><img src="https://example.org/x.png" onerror="window.__aaRan = true"><p onclick="alert(1)">We have decided to send troops.</p>
<script>document.write('<p>written by a script</p>')</script></body></html>`;
  const dialog = await openAddSource(app);
  await chooseFile(app, dialog, 'cable.html', html);
  const preview = dialog.getByTestId('document-preview');
  await expect(preview).toContainText('Mao Zedong to Stalin.');
  await expect(preview).toContainText('We have decided to send troops.');
  await expect(preview).not.toContainText('script ran');
  await expect(preview).not.toContainText('written by a script');
  await expect(dialog.getByLabel('Title')).toHaveValue('Cable of 1 October 1950');
  await expect(dialog.getByRole('note')).toContainText('Check this text against the original.');
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await expect(pane(app).locator('[data-testid="source-text"] img, [data-testid="source-text"] script')).toHaveCount(0);
  expect(await app.evaluate(() => (window as { __aaRan?: boolean }).__aaRan)).toBeUndefined();
});

test('a BibTeX file with syntax errors: each broken entry named with its line, the readable one still offered', async ({ app }) => {
  const bib = `@book{ok_1953,
  title = {The Historian's Craft},
  author = {Bloch, Marc},
  date = {1953},
}

@article{bad_comma_1980,
  title = {Clues} author = {Ginzburg, Carlo},
}

@misc{unclosed_1995,
  title = {New Russian Documents,
`;
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), pane(app).getByRole('button', { name: 'Import bibliography…' }).first().click()]);
  await chooser.setFiles({ name: 'broken.bib', mimeType: 'application/x-bibtex', buffer: Buffer.from(bib) });
  const dialog = app.getByRole('dialog', { name: 'Import bibliography' });
  const problems = dialog.getByRole('region', { name: '2 entries were not imported' });
  await expect(problems).toContainText('Line 8:');
  await expect(problems).toContainText('@article{bad_comma_1980');
  await expect(problems).toContainText('Line 11:');
  await expect(problems).toContainText('@misc{unclosed_1995 starting at line 11 is not closed');
  await expect(dialog.getByRole('row')).toHaveCount(2);
  await expect(dialog.getByRole('button', { name: 'Add 1 source' })).toBeEnabled();
  await dialog.getByRole('button', { name: 'Cancel' }).click();

  // A file that is no bibliography at all: one problem, nothing to add.
  const [again] = await Promise.all([app.waitForEvent('filechooser'), pane(app).getByRole('button', { name: 'Import bibliography…' }).first().click()]);
  await again.setFiles({ name: 'notes.bib', mimeType: 'application/x-bibtex', buffer: Buffer.from('Just some notes, no entries.') });
  await expect(dialog).toContainText('No record in this file could be read.');
  await expect(dialog).toContainText('Line 1: “notes.bib” is neither BibTeX/BibLaTeX (.bib) nor CSL-JSON (.json)');
  await expect(dialog.getByRole('button', { name: 'Add 0 sources' })).toBeDisabled();
});

test('hostile text in every metadata field stays text: in the pane, on the card and in the citation', async ({ app }) => {
  await app.getByRole('button', { name: 'New', exact: true }).click();
  const dialog = await openAddSource(app);
  await dialog.getByLabel('Text of the source').fill('Please pass on to Gottwald verbally the following message.');
  await dialog.getByLabel('Title').fill(`Title ${HOSTILE}`);
  await dialog.getByLabel('Author').fill(`Author ${HOSTILE}`);
  await dialog.getByRole('button', { name: 'Add source' }).click();
  await makeEvidenceOf(app, 'verbally the following message');
  await pane(app).getByRole('button', { name: 'Edit details' }).click();
  const form = pane(app).getByRole('form', { name: /^Details of Title/ });
  const fill = async (label: string | RegExp, value: string) => {
    const field = form.getByLabel(label, { exact: typeof label === 'string' });
    await field.fill(value);
    await field.press((await field.evaluate((el) => el.tagName)) === 'TEXTAREA' ? 'Tab' : 'Enter');
  };
  for (const label of ['Recipient', 'Place', 'As given', 'Archive', 'Archive name', 'Fond', 'Opis', 'Delo', 'Listy (folios)', 'Page']) await fill(label, `${label} ${HOSTILE}`);
  await form.getByLabel('New field').fill(HOSTILE);
  await form.getByLabel('Its value').fill(HOSTILE);
  await form.getByRole('button', { name: 'Add field' }).click();
  await expect(form.getByLabel(`Value of “${HOSTILE}”`)).toHaveValue(HOSTILE);
  // The date and the language are refused in words; the draft is kept as typed.
  await fill('Date (EDTF)', HOSTILE);
  await expect(form.getByLabel('Date (EDTF)')).toHaveAttribute('aria-invalid', 'true');
  await fill('Language (BCP 47)', HOSTILE);
  await expect(form.getByText(`"${HOSTILE}" is not a language code`)).toBeVisible();

  await expect(pane(app).locator('.aa-src-facts')).toContainText(`Recipient ${HOSTILE}`);
  await expect(pane(app).locator('.aa-src-facts')).toContainText(`As given ${HOSTILE}`);
  await fitAll(app);
  await expect(node(app, 'verbally the following message').getByTestId('attribution')).toContainText(`Author ${HOSTILE} to Recipient ${HOSTILE}`);
  await pane(app).getByRole('button', { name: 'Cite' }).click();
  await expect(pane(app).getByTestId('cite-full')).toContainText(HOSTILE);
  await expect(pane(app).getByTestId('cite-bibliography')).toContainText(HOSTILE);
  await expect(app.locator('img[src="x"]')).toHaveCount(0);
  expect(await seriousViolations(app)).toEqual([]);
});

test('a PDF whose text fills only some pages says which pages have none', async ({ app }) => {
  const pdf = await makePdf((doc) => {
    doc.addPage().font('Helvetica').fontSize(12).text('Page one has text.');
    doc.addPage().rect(60, 60, 400, 400).fill('#555555');
    doc.addPage().font('Helvetica').fontSize(12).text('Page three has text.');
  });
  const dialog = await openAddSource(app);
  await chooseFile(app, dialog, 'mixed.pdf', pdf);
  await expect(dialog.getByRole('list', { name: 'Warnings' })).toContainText('Page 2 has no text layer: it may be a scanned image.');
  await expect(dialog.getByRole('button', { name: 'Add source' })).toBeEnabled();
});
