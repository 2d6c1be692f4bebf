import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, fitAll, node, test } from './fixtures';

const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const sources = (page: Page) => page.getByRole('complementary', { name: 'Sources' });
const quoteRegion = (page: Page) => inspector(page).getByRole('region', { name: 'Quote' });
const attachForm = (page: Page) => inspector(page).getByRole('region', { name: /^(Attach a quote|Change quote)$/ });
const passageBox = (page: Page) => attachForm(page).getByRole('textbox', { name: 'Passage' });
const shownQuote = (page: Page) => quoteRegion(page).locator('figure.aa-insp-quote blockquote');
const currentInText = (page: Page) => page.locator('[data-testid=source-text] [aria-current="true"]');

const LETTER = 'Stalin to Klement Gottwald, 27 August 1950';
const LETTER_CITATION = 'Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, ll. 71–72';

/** Adds an evidence node from the keyboard (Alt+4) with this text; it stays selected. */
async function addEvidence(page: Page, text: string): Promise<void> {
  await page.locator('body').press('Alt+4');
  const editor = page.getByRole('textbox', { name: 'Node text' });
  await expect(editor).toBeFocused();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
  await expect(node(page, text)).toHaveCount(1);
  await expect(inspector(page).getByRole('heading', { name: 'Attach a quote' })).toBeVisible();
}

async function attach(page: Page, sourceTitle: string, passage: string): Promise<void> {
  await attachForm(page).getByRole('combobox', { name: 'Source' }).selectOption({ label: sourceTitle });
  await passageBox(page).fill(passage);
  await attachForm(page).getByRole('button', { name: 'Attach', exact: true }).click();
}

test('an evidence node’s quote shows the short citation of the letter, and the button shows the passage in the sources pane', async ({ app }) => {
  const passage = 'Following our withdrawal form the Security Council, America has become entangled in the military intervention in Korea and is now wasting away its military prestige and moral authority.';
  await node(app, 'America entangled in Korea after the withdrawal.').click();
  const figure = quoteRegion(app).getByRole('figure', { name: LETTER_CITATION });
  await expect(figure).toBeVisible();
  await expect(figure.locator('figcaption')).toHaveText(LETTER_CITATION);
  await expect(figure.locator('blockquote')).toHaveText(`“${passage}”`);

  // The reader wanders off to another source; the button brings the pane back to the passage.
  await sources(app).getByRole('tab', { name: /Letter of Stalin to Klement Gottwald and Origin/ }).click();
  await expect(app.locator('[data-testid="source-text"][data-source-id="letter"]')).toHaveCount(0);
  await quoteRegion(app).getByRole('button', { name: 'Show in the sources pane' }).click();
  await expect(sources(app).getByRole('tab', { name: new RegExp(`^${LETTER}`) })).toHaveAttribute('aria-selected', 'true');
  await expect(currentInText(app)).toHaveText(passage);
  await expect(currentInText(app)).toBeInViewport();
});

test('attach a verbatim passage of the letter to a new evidence node: the node quotes it and the sources pane highlights it', async ({ app }) => {
  const passage = 'Few honest people can now doubt the fact that America acts as an aggressor and tyrant in Korea';
  await addEvidence(app, 'America seen as the aggressor.');
  await attach(app, LETTER, passage);
  await expect(shownQuote(app)).toHaveText(`“${passage}”`);
  await expect(quoteRegion(app).getByRole('status')).toHaveText('Found word for word.');
  await expect(quoteRegion(app).getByRole('figure', { name: LETTER_CITATION })).toBeVisible();
  await expect(node(app, 'America seen as the aggressor.')).toContainText(passage);
  await expect(currentInText(app)).toHaveText(passage);
  await expect(currentInText(app)).toBeInViewport();
  // One undo step takes the quote off again; the node stays.
  await app.keyboard.press('Control+z');
  await expect(shownQuote(app)).toHaveCount(0);
  await expect(node(app, 'America seen as the aggressor.')).not.toContainText(passage);
  await expect(passageBox(app)).toBeVisible();
});

test('the form starts on the source the sources pane shows: the passage was most likely copied from it', async ({ app }) => {
  await sources(app).getByRole('tab', { name: /^Stalin to Mao Zedong/ }).click();
  await addEvidence(app, 'From the cable.');
  await expect(attachForm(app).getByRole('combobox', { name: 'Source' })).toHaveValue('cable1949');
  await sources(app).getByRole('tab', { name: /^Translator's notes/ }).click();
  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await addEvidence(app, 'From the notes.');
  await expect(attachForm(app).getByRole('combobox', { name: 'Source' })).toHaveValue('translator-notes');
});

test('a passage with other spacing and straight quotation marks is attached as normalized, in the letter’s own spelling', async ({ app }) => {
  await addEvidence(app, 'No need to stay, or to leave.');
  await attach(app, LETTER, 'we cannot say that the "camp of democracy   has no need to leave\nthe Security Council."');
  await expect(quoteRegion(app).getByRole('status')).toHaveText('Found apart from spacing or quotation marks. The quote keeps the source’s own spelling.');
  await expect(shownQuote(app)).toHaveText('“we cannot say that the “camp of democracy\n has no need to leave the Security Council.””');
  await expect(quoteRegion(app)).toContainText('✓ Found word for word in the source.');
});

test('a misquote is refused with the closest passage, which one click attaches', async ({ app }) => {
  await addEvidence(app, 'Most goals achieved.');
  await attach(app, LETTER, 'I believe that we have achieved most of these goals.');
  const refusal = attachForm(app).getByRole('alert');
  await expect(refusal).toContainText(`The passage is not in "${LETTER}" as written.`);
  await expect(refusal).toContainText('says "achieved all of" where the passage has "achieved most of"');
  const closest = refusal.getByRole('figure', { name: 'Closest passage (90 % of the words the same):' });
  await expect(closest.locator('blockquote')).toHaveText('“I believe that we have achieved all of these goals”');
  await expect(shownQuote(app)).toHaveCount(0);
  await refusal.getByRole('button', { name: 'Use the closest passage' }).click();
  await expect(shownQuote(app)).toHaveText('“I believe that we have achieved all of these goals”');
  await expect(quoteRegion(app).getByRole('status')).toHaveText('Attached the closest passage (90 % of the words the same as your passage).');
  await expect(node(app, 'Most goals achieved.')).toContainText('I believe that we have achieved all of these goals');
});

test('Change quote… edits the passage; Enter and Delete on its buttons stay in the inspector; Remove quote is one step that undo takes back', async ({ app }) => {
  await node(app, 'America entangled in Korea after the withdrawal.').click();
  await quoteRegion(app).getByRole('button', { name: 'Change quote…' }).click();
  await expect(passageBox(app)).toBeFocused();
  await expect(passageBox(app)).toHaveValue(/^Following our withdrawal form the Security Council/);
  await passageBox(app).fill('America has become entangled in the military intervention in Korea');
  // Enter on the focused button attaches; it must not start editing the node on the canvas.
  await attachForm(app).getByRole('button', { name: 'Attach', exact: true }).focus();
  await app.keyboard.press('Enter');
  await expect(shownQuote(app)).toHaveText('“America has become entangled in the military intervention in Korea”');
  await expect(app.getByRole('textbox', { name: 'Node text' })).toHaveCount(0);

  const remove = quoteRegion(app).getByRole('button', { name: 'Remove quote' });
  await remove.focus();
  // Delete on a focused inspector button does not delete the node.
  await app.keyboard.press('Delete');
  await expect(node(app, 'America entangled in Korea after the withdrawal.')).toHaveCount(1);
  await remove.click();
  await expect(shownQuote(app)).toHaveCount(0);
  await expect(quoteRegion(app).getByRole('status')).toHaveText('Quote removed. Undo (Ctrl+Z) brings it back.');
  await expect(passageBox(app)).toBeVisible();
  await expect(node(app, 'America entangled in Korea after the withdrawal.')).not.toContainText('America has become entangled');
  await app.keyboard.press('Control+z');
  await expect(shownQuote(app)).toHaveText('“America has become entangled in the military intervention in Korea”');
  await expect(quoteRegion(app).getByRole('figure', { name: LETTER_CITATION })).toBeVisible();
  await app.keyboard.press('Control+z');
  await expect(shownQuote(app)).toHaveText(/^“Following our withdrawal form the Security Council/);
});

test('changing a quote to a passage the letter has twice takes the occurrence nearest the old quote', async ({ app }) => {
  const repeated = 'Does it not give us an advantage in the global balance of power?';
  await node(app, 'A war between America and China, too, is counted').click();
  const letterText = await app.locator('[data-testid="source-text"][data-source-id="letter"]').evaluate((root) => [...root.querySelectorAll('[data-start]')].map((s) => s.textContent).join(''));
  const second = letterText.indexOf(repeated, letterText.indexOf(repeated) + 1);
  expect(second).toBeGreaterThan(letterText.indexOf(repeated));
  await quoteRegion(app).getByRole('button', { name: 'Change quote…' }).click();
  await passageBox(app).fill(repeated);
  await attachForm(app).getByRole('button', { name: 'Attach', exact: true }).click();
  await expect(quoteRegion(app).getByRole('status')).toHaveText('Found word for word. The source has it 2 times: the one nearest the old quote was taken.');
  await expect(currentInText(app)).toHaveText(repeated);
  await expect(currentInText(app).locator('[data-start]').first()).toHaveAttribute('data-start', String(second));
});

test('a premise without a quote offers one on request; Cancel returns focus to the offer', async ({ app }) => {
  await node(app, 'Stalin treats leaving or returning to the Security Council').click();
  await expect(attachForm(app)).toHaveCount(0);
  const offer = quoteRegion(app).getByRole('button', { name: 'Attach a quote…' });
  await offer.click();
  await expect(passageBox(app)).toBeFocused();
  await attachForm(app).getByRole('button', { name: 'Cancel' }).click();
  await expect(attachForm(app)).toHaveCount(0);
  await expect(offer).toBeFocused();
  await offer.click();
  await attach(app, LETTER, 'Whether we leave or stay depends on the circumstances.');
  await expect(shownQuote(app)).toHaveText('“Whether we leave or stay depends on the circumstances.”');
  await expect(quoteRegion(app).getByRole('figure', { name: LETTER_CITATION })).toBeVisible();
});

test('hostile text as a passage and as a source title stays text: refused in words, no element created', async ({ app }) => {
  const hostile = '<img src=x onerror=alert(1)>';
  const dialogs: string[] = [];
  app.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const map = JSON.parse(readFileSync(new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  map.sources.find((s: { id: string }) => s.id === 'article').title = hostile;
  const path = join(mkdtempSync(join(tmpdir(), 'aa-e2e-')), 'hostile.argmap.json');
  writeFileSync(path, JSON.stringify(map));
  await app.evaluate(() => localStorage.setItem('argument-atlas.filePickers', 'classic'));
  await app.locator('[data-testid="aa-open-file-input"]').setInputFiles(path);
  await expect(app.getByTestId('document-name')).toHaveText('hostile.argmap.json');
  await fitAll(app);

  await addEvidence(app, 'Hostile passage.');
  const select = attachForm(app).getByRole('combobox', { name: 'Source' });
  await expect(select.locator('option', { hasText: hostile })).toHaveCount(1);
  await attach(app, hostile, hostile);
  const refusal = attachForm(app).getByRole('alert');
  await expect(refusal).toHaveText(`⚠ The passage is not in "${hostile}", and nothing there comes close. Check that it is from this source.`);
  await attach(app, LETTER, hostile);
  await expect(refusal).toHaveText(`⚠ The passage is not in "${LETTER}", and nothing there comes close. Check that it is from this source.`);
  await expect(inspector(app).locator('img')).toHaveCount(0);
  await expect(app.locator('img[src="x"]')).toHaveCount(0);
  await expect(shownQuote(app)).toHaveCount(0);
  expect(dialogs).toEqual([]);
});

test('a map without sources says to add one first, in the Sources pane', async ({ app }) => {
  await app.getByRole('button', { name: 'New', exact: true }).click();
  await expect(app.locator('.react-flow__node')).toHaveCount(0);
  await app.locator('body').press('Alt+4');
  await app.keyboard.type('Evidence to come.');
  await app.keyboard.press('Enter');
  const empty = inspector(app).getByRole('region', { name: 'Attach a quote' });
  await expect(empty).toContainText('This map has no sources yet. Add a source first: the Sources pane has Add source.');
  await expect(empty.getByRole('combobox')).toHaveCount(0);
});

test('the attach section, open and with a refusal, has no serious or critical accessibility violations', async ({ app }) => {
  await addEvidence(app, 'Accessible evidence.');
  const scan = async () => {
    const result = await new AxeBuilder({ page: app }).include('.aa-inspector').analyze();
    return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`);
  };
  expect(await scan()).toEqual([]);
  await attach(app, LETTER, 'I believe that we have achieved most of these goals.');
  await expect(attachForm(app).getByRole('alert')).toBeVisible();
  expect(await scan()).toEqual([]);
  // And the whole window with it open.
  const whole = await new AxeBuilder({ page: app }).analyze();
  expect(whole.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
