// The HTML handout as a student opens it: from disk (file://) in Chromium with every request
// outside the file blocked and counted. Plain Playwright `test`: the page is the handout, not the app.
import { expect, test, type Page } from '@playwright/test';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startFigureRouting } from '../../arguments/cli/avoid';
import { NODE_PLATFORM } from '../../arguments/cli/commands/export-handout';
import { buildHandout } from '../../arguments/export/handout';
import { readMap } from '../../arguments/cli/maps';

const SHIPPED = new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url).pathname;

let file: string;
test.beforeAll(async () => {
  await startFigureRouting();
  file = join(mkdtempSync(join(tmpdir(), 'aa-e2e-handout-')), 'handout.html');
  writeFileSync(file, buildHandout(readMap(SHIPPED), NODE_PLATFORM).html);
});

/** Opens the handout with the network shut: what it asked for beyond its own file, and its errors. */
async function open(page: Page): Promise<{ outside: string[]; errors: string[] }> {
  const outside: string[] = [];
  const errors: string[] = [];
  const url = pathToFileURL(file).href;
  await page.route('**/*', (route) => (route.request().url() === url ? route.continue() : route.abort()));
  page.on('request', (r) => {
    if (r.url() !== url) outside.push(r.url());
  });
  page.on('pageerror', (e) => errors.push(e.message));
  // A CSP refusal is reported on the console: a blocked script or style would show here.
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  await page.goto(url);
  return { outside, errors };
}

const visibleNodes = (page: Page) => page.locator('#aa-figure g[id^="node-"]:not(.aa-off)').count();

test('the handout opens offline, renders the map and steps through it', async ({ page }) => {
  const { outside, errors } = await open(page);
  await expect(page.locator('#aa-figure')).toBeVisible();
  await expect(page.locator('#aa-step')).toHaveText(/^Step 1 of \d+: Thesis$/);
  // The fonts are inline and loaded: the figure is set in Source Serif 4, as it was measured.
  expect(await page.evaluate(() => document.fonts.check("12px 'Source Serif 4'"))).toBe(true);
  const first = await visibleNodes(page);
  expect(first).toBe(1);
  await expect(page.locator('#node-T')).toBeVisible();
  await expect(page.locator('#node-C1')).toBeHidden();

  let before = first;
  for (const key of ['ArrowRight', 'Space', 'PageDown']) {
    await page.keyboard.press(key);
    const now = await visibleNodes(page);
    expect(now, key).toBeGreaterThan(before);
    before = now;
  }
  await expect(page.locator('#aa-step')).toHaveText(/^Step 4 of /);
  // Arrows show once both their ends do: some by now, not all.
  const arrows = page.locator('#aa-figure g[id^="relation-"]');
  const shownArrows = () => page.locator('#aa-figure g[id^="relation-"]:not(.aa-off)').count();
  const someArrows = await shownArrows();
  expect(someArrows).toBeGreaterThan(0);
  expect(someArrows).toBeLessThan(await arrows.count());
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowLeft');
  await expect(page.locator('#aa-step')).toHaveText(/^Step 2 of /);
  await page.keyboard.press('End');
  const all = await page.locator('#aa-figure g[id^="node-"]').count();
  expect(await visibleNodes(page)).toBe(all);
  expect(await shownArrows()).toBe(await arrows.count());
  await expect(page.locator('#aa-next')).toBeDisabled();
  await page.keyboard.press('Home');
  expect(await visibleNodes(page)).toBe(1);
  expect(await shownArrows()).toBe(0);

  // Zoom and pan change the view box; 0 fits the whole map again.
  const viewBox = () => page.locator('#aa-figure').getAttribute('viewBox');
  const start = await viewBox();
  await page.keyboard.press('+');
  expect(await viewBox()).not.toBe(start);
  await page.keyboard.press('0');
  const fitted = (await viewBox())!.split(' ').map(Number);
  expect(fitted.slice(0, 2)).toEqual([0, 0]);
  expect(fitted[2]).toBeGreaterThan(0);
  const box = (await page.locator('#aa-viewport').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 120, box.y + box.height / 2 + 40, { steps: 4 });
  await page.mouse.up();
  expect((await viewBox())!.split(' ').map(Number)[0]).toBeLessThan(fitted[0]!);

  // The sources are there with their quoted passages marked; a click on a quoting node leads to its passage.
  expect(await page.locator('mark').count()).toBeGreaterThan(10);
  await page.keyboard.press('End');
  await page.keyboard.press('0');
  const evidence = (await page.locator('#aa-figure g[id^="node-E"]').first().boundingBox())!;
  await page.mouse.click(evidence.x + evidence.width / 2, evidence.y + evidence.height / 2);
  await expect(page.locator('mark:focus')).toBeInViewport();
  await expect(page.getByRole('heading', { name: 'Sources' })).toBeAttached();

  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});

test('printing shows the whole map and no controls', async ({ page }) => {
  const { outside, errors } = await open(page);
  await expect(page.locator('#aa-figure')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.aa-controls')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Next step' })).toBeHidden();
  // Every node is printed, whatever the step on screen.
  const all = await page.locator('#aa-figure g[id^="node-"]').count();
  const shown = await page.locator('#aa-figure g[id^="node-"]').evaluateAll((els) => els.filter((e) => getComputedStyle(e).display !== 'none').length);
  expect(shown).toBe(all);
  await page.emulateMedia({ media: 'screen' });
  await expect(page.locator('.aa-controls')).toBeVisible();
  expect(outside).toEqual([]);
  expect(errors).toEqual([]);
});
