// The dialectical status on the canvas: voices as layers (counted, shown, dimmed, hidden), the
// badges and borders, "why?", evaluations from the inspector and the node's menu (one undo step
// each), kept by save and reopen; axe-clean in light and dark with the panels open.
// Expected labels of the shipped map (checked with `argmap status … --voices analyst,critic`):
// analyst only, the thesis and Claims 1-4 stand; with the critic, T and C2 stand, C1, C3, C4 fall.
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, fitAll, test, viewportSettled } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'aa-e2e-status-'));
const card = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const badge = (page: Page, id: string) => card(page, id).getByTestId('status-badge');
const panel = (page: Page) => page.getByRole('region', { name: 'Voices' });
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });

async function labels(page: Page, ids: string[]): Promise<Record<string, string | null>> {
  const out: Record<string, string | null> = {};
  for (const id of ids) out[id] = await badge(page, id).getAttribute('data-label');
  return out;
}
const CLAIMS = ['T', 'C1', 'C2', 'C3', 'C4'];

/** Zoomed out (the whole map) a click on a card selects it; zoomed in on it, its badge opens why?. */
async function clickBadge(page: Page, id: string): Promise<void> {
  await card(page, id).click({ position: { x: 12, y: 12 } });
  await page.keyboard.press('Shift+F');
  await viewportSettled(page);
  await badge(page, id).click();
}

/** How much of the canvas's width or height (the larger share) the visible cards span. */
async function fillOfCanvas(page: Page): Promise<number> {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const boxes = [...document.querySelectorAll('.react-flow__node')].map((n) => n.getBoundingClientRect()).filter((b) => b.width > 0);
    const w = Math.max(...boxes.map((b) => b.right)) - Math.min(...boxes.map((b) => b.left));
    const h = Math.max(...boxes.map((b) => b.bottom)) - Math.min(...boxes.map((b) => b.top));
    return Math.max(w / pane.width, h / pane.height);
  });
}

async function openVoices(page: Page): Promise<void> {
  if (!(await panel(page).isVisible())) await page.getByRole('toolbar').getByRole('button', { name: 'Voices' }).click();
  await expect(panel(page)).toBeVisible();
}
async function preset(page: Page, name: string): Promise<void> {
  await openVoices(page);
  await panel(page).getByRole('button', { name, exact: true }).click();
  await expect(panel(page).getByRole('button', { name, exact: true })).toHaveAttribute('aria-pressed', 'true');
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
});

test('counting the critic changes what stands, as the objections say; the border and badge say it without colour', async ({ app }) => {
  await preset(app, 'Analyst only');
  expect(await labels(app, CLAIMS)).toEqual({ T: 'stands', C1: 'stands', C2: 'stands', C3: 'stands', C4: 'stands' });
  // The critic's objections are not counted: their cards say so.
  await expect(badge(app, 'O7')).toHaveAttribute('data-label', 'uncounted');
  await expect(badge(app, 'C4')).toHaveText('✓ stands');
  await expect(card(app, 'C4').locator('.aa-node')).toHaveCSS('outline-style', 'solid');

  await preset(app, 'Analyst + critic');
  expect(await labels(app, CLAIMS)).toEqual({ T: 'stands', C1: 'falls', C2: 'stands', C3: 'falls', C4: 'falls' });
  await expect(badge(app, 'C4')).toHaveText('✗ falls');
  await expect(card(app, 'C4').locator('.aa-node')).toHaveCSS('outline-style', 'dashed');
  await expect(badge(app, 'O7')).toHaveAttribute('data-label', 'stands');
  // Claim 1 is qualified (K1): a caveat badge, which changes no label.
  await expect(card(app, 'C1').getByTestId('caveat-badge')).toBeVisible();
  await expect(panel(app).getByTestId('status-tally')).toHaveText('31 stand, 6 fall, 0 open');

  // One voice's checkbox: leaving the critic out again puts Claim 4 back.
  await panel(app).getByRole('checkbox', { name: 'Count critic in the status' }).uncheck();
  await expect(badge(app, 'C4')).toHaveAttribute('data-label', 'stands');

  // The View toggle hides the status altogether.
  await app.getByRole('toolbar').getByRole('button', { name: 'Status', exact: true }).click();
  await expect(app.getByTestId('status-badge')).toHaveCount(0);
  await expect(card(app, 'C4').locator('.aa-node')).toHaveCSS('outline-style', 'none');
  await app.getByRole('toolbar').getByRole('button', { name: 'Status', exact: true }).click();
  await expect(badge(app, 'C4')).toBeVisible();
});

test('a hidden voice leaves the canvas, a dimmed one fades, and both come back', async ({ app }) => {
  await openVoices(app);
  const row = panel(app).locator('tr[data-voice="critic"]');
  await expect(row).toContainText('critic');
  await expect(row.locator('td').first()).toHaveText('10');
  await expect(app.locator('.react-flow__node')).toHaveCount(39);
  await panel(app).getByRole('combobox', { name: 'critic on the map' }).selectOption('hidden');
  await expect(card(app, 'O7')).toBeHidden();
  await expect(card(app, 'E5')).toBeHidden();
  await expect(app.locator('.react-flow__node:visible')).toHaveCount(29);
  // Their arrows go with them (visibility: hidden, every part of them: out of view, of pointer hits and of the accessibility tree); the analyst's stay.
  await expect(app.locator('.react-flow__edge[data-id="r.O7"]')).toBeHidden();
  await expect(card(app, 'C4')).toBeVisible();

  await panel(app).getByRole('combobox', { name: 'critic on the map' }).selectOption('dimmed');
  await expect(card(app, 'O7')).toBeVisible();
  const opacity = (l: Locator) => l.evaluate((el) => Number(getComputedStyle(el).opacity));
  await expect.poll(() => opacity(card(app, 'O7').locator('.aa-node'))).toBeLessThan(0.6);
  expect(await opacity(card(app, 'C4').locator('.aa-node'))).toBe(1);
  expect(await opacity(app.locator('.react-flow__edge[data-id="r.O7"]'))).toBeLessThan(0.6);

  await panel(app).getByRole('combobox', { name: 'critic on the map' }).selectOption('shown');
  await expect.poll(() => opacity(card(app, 'O7').locator('.aa-node'))).toBe(1);
  expect(await opacity(app.locator('.react-flow__edge[data-id="r.O7"]'))).toBe(1);
  await expect(app.locator('.react-flow__node')).toHaveCount(39);
});

test('with the voice of the canvas’s Tab stop hidden, Tab still reaches the map, on a card left; shown again, the stop is back', async ({ app }) => {
  const focused = () => app.evaluate(() => document.activeElement?.closest('.react-flow__node')?.getAttribute('data-id') ?? null);
  await expect(app.locator('.aa-canvas .react-flow__node[tabindex="0"]')).toHaveAttribute('data-id', 'T');
  await openVoices(app);
  await panel(app).getByRole('combobox', { name: 'analyst on the map' }).selectOption('hidden');
  await expect(card(app, 'T')).toBeHidden();
  await app.locator('body').click({ position: { x: 1, y: 1 } });
  await app.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  let tabs = 0;
  while ((await focused()) === null && tabs < 150) {
    await app.keyboard.press('Tab');
    tabs++;
  }
  const at = await focused();
  expect(at).not.toBeNull();
  await expect(card(app, at!)).toBeVisible();
  expect(at).not.toBe('T');
  await panel(app).getByRole('combobox', { name: 'analyst on the map' }).selectOption('shown');
  await expect(card(app, 'T')).toBeVisible();
  await expect(app.locator('.aa-canvas .react-flow__node[tabindex="0"]')).toHaveCount(1);
});

test('Fit frames the cards a hidden voice leaves, not the places of its hidden ones', async ({ app }) => {
  // The shipped map with one critic's card far to the right: fitting it too would leave the rest small.
  const shipped = JSON.parse(readFileSync('arguments/maps/stalin-gottwald-1950.argmap.json', 'utf8'));
  shipped.view.positions.O7 = { x: shipped.view.positions.O7.x + 20_000, y: shipped.view.positions.O7.y };
  const path = join(dir, 'far-critic.argmap.json');
  writeFileSync(path, JSON.stringify(shipped));
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), app.getByRole('button', { name: 'Open…' }).click()]);
  await chooser.setFiles(path);
  await expect(app.getByTestId('document-name')).toHaveText('far-critic.argmap.json');
  await openVoices(app);
  await panel(app).getByRole('combobox', { name: 'critic on the map' }).selectOption('hidden');
  await expect(card(app, 'O7')).toBeHidden();
  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('f');
  await viewportSettled(app);
  // Fitted to the cards left, they reach across the canvas (padding aside) in one direction.
  await expect.poll(() => fillOfCanvas(app), { timeout: 5000 }).toBeGreaterThan(0.8);
});

test('rejecting a premise makes what rests on it fall, undo restores it, and save and reopen keep the evaluation', async ({ app }) => {
  await preset(app, 'Analyst only');
  await panel(app).getByRole('button', { name: 'Close voices' }).click();
  await card(app, 'P1a').click({ position: { x: 12, y: 12 } });
  const evaluation = inspector(app).getByRole('region', { name: 'Evaluation' });
  await expect(evaluation.getByRole('button', { name: 'Reject' })).toBeVisible();
  await evaluation.getByLabel('Reason (optional)').fill('The wording is not the letter’s.');
  await evaluation.getByRole('button', { name: 'Reject' }).click();
  await expect(evaluation.getByRole('button', { name: 'Reject' })).toHaveAttribute('aria-pressed', 'true');
  await expect(badge(app, 'P1a')).toHaveAttribute('data-label', 'falls');
  await expect(badge(app, 'C1')).toHaveAttribute('data-label', 'falls');
  await expect(badge(app, 'T')).toHaveAttribute('data-label', 'stands');
  await expect(inspector(app).getByTestId('inspector-status')).toContainText('rejected by analyst ("The wording is not the letter’s.")');

  // One undo step: the status follows back.
  await app.getByRole('toolbar').getByRole('button', { name: 'Undo Evaluate: reject' }).click();
  await expect(badge(app, 'P1a')).toHaveAttribute('data-label', 'stands');
  await expect(badge(app, 'C1')).toHaveAttribute('data-label', 'stands');
  await app.getByRole('toolbar').getByRole('button', { name: 'Redo Evaluate: reject' }).click();
  await expect(badge(app, 'C1')).toHaveAttribute('data-label', 'falls');

  // From the node's menu: Accept, as the remembered judge, replaces the verdict.
  await card(app, 'C4').click({ button: 'right' });
  await app.getByRole('menuitem', { name: 'Reject (as analyst)' }).click();
  await expect(badge(app, 'C4')).toHaveAttribute('data-label', 'falls');
  await card(app, 'E4a').click({ button: 'right' });
  await expect(app.getByRole('menuitem', { name: 'Basis shaky (as analyst)' })).toBeVisible();
  await app.keyboard.press('Escape');
  await app.getByRole('toolbar').getByRole('button', { name: 'Undo Evaluate: reject' }).click();
  await expect(badge(app, 'C4')).toHaveAttribute('data-label', 'stands');

  const [download] = await Promise.all([app.waitForEvent('download'), app.getByRole('toolbar').getByRole('button', { name: 'Save', exact: true }).click()]);
  const saved = readFileSync((await download.path())!, 'utf8');
  const file = JSON.parse(saved);
  expect(file.evaluations).toEqual([expect.objectContaining({ target: 'P1a', by: 'analyst', verdict: 'reject', reason: 'The wording is not the letter’s.' })]);
  const path = join(dir, 'judged.argmap.json');
  writeFileSync(path, saved);
  const [chooser] = await Promise.all([app.waitForEvent('filechooser'), app.getByRole('button', { name: 'Open…' }).click()]);
  await chooser.setFiles(path);
  await expect(app.getByTestId('document-name')).toHaveText('judged.argmap.json');
  await fitAll(app);
  await expect(badge(app, 'P1a')).toHaveAttribute('data-label', 'falls');
  await expect(badge(app, 'C1')).toHaveAttribute('data-label', 'falls');
  await card(app, 'P1a').click({ position: { x: 12, y: 12 } });
  await expect(inspector(app).getByRole('list', { name: 'Evaluations' })).toContainText('analyst: Reject — The wording is not the letter’s.');
  await inspector(app).getByRole('button', { name: 'Clear analyst’s evaluation' }).click();
  await expect(badge(app, 'C1')).toHaveAttribute('data-label', 'stands');
});

test('why? gives the reason chain; choosing a cause selects it; the keyboard opens and closes it', async ({ app }) => {
  await preset(app, 'Analyst + critic');
  await clickBadge(app, 'C4');
  const why = app.getByRole('dialog', { name: /^Why / });
  await expect(why).toBeVisible();
  await expect(why.getByTestId('why-reason')).toContainText('C4 (Claim 4) falls — opposed by O7, which stands');
  await why.getByRole('button', { name: /^Select O7/ }).click();
  await expect(why).toHaveCount(0);
  await expect(card(app, 'O7')).toHaveClass(/selected/);
  await expect(inspector(app).locator('.aa-inspector-title')).toContainText('Objection: a supposition');
  await expect(card(app, 'O7')).toBeFocused();

  // W on the selected card; Esc closes and gives focus back.
  await fitAll(app);
  await card(app, 'C1').click({ position: { x: 12, y: 12 } });
  await card(app, 'C1').focus();
  await app.keyboard.press('w');
  await expect(why).toBeVisible();
  await expect(why).toBeFocused();
  await expect(why).toContainText('undercut by O1');
  await expect(why).toContainText('Qualified by');
  await app.keyboard.press('Escape');
  await expect(why).toHaveCount(0);
  await expect(card(app, 'C1')).toBeFocused();

  // The inspector's Why? button does the same.
  await inspector(app).getByRole('region', { name: 'Status' }).getByRole('button', { name: 'Why?' }).click();
  await expect(why).toContainText('C1');
});

for (const theme of ['Light', 'Dark'] as const) {
  test(`the voices panel, the legend and why? have no serious or critical accessibility violations (${theme})`, async ({ app }) => {
    await app.getByRole('combobox', { name: 'Theme' }).selectOption({ label: theme });
    await preset(app, 'Analyst + critic');
    await panel(app).getByRole('checkbox', { name: 'Legend' }).check();
    await expect(app.getByRole('region', { name: 'Status' }).first()).toBeVisible();
    await clickBadge(app, 'C1');
    await expect(app.getByRole('dialog', { name: /^Why / })).toBeVisible();
    const result = await new AxeBuilder({ page: app }).analyze();
    expect(result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(', ')})`)).toEqual([]);
  });
}
