import AxeBuilder from '@axe-core/playwright';
import { expect, node, test } from './fixtures';

test('the opening view shows the thesis at a legible size with the claims below it', async ({ page, baseURL }) => {
  await page.goto(baseURL!);
  const thesis = node(page, /explains the 1950 Soviet absence from the Security Council/);
  await expect(thesis).toBeInViewport();
  // 260 px boxes shown at no less than 45 % zoom: about 6 px per em or more.
  expect((await thesis.boundingBox())!.width).toBeGreaterThan(115);
  const thesisBottom = (await thesis.boundingBox())!.y;
  for (const n of [1, 2, 3, 4]) {
    const claim = page.locator('.react-flow__node').filter({ has: page.locator('.aa-title', { hasText: new RegExp(`^Claim ${n}$`) }) });
    await expect(claim).toHaveCount(1);
    expect((await claim.boundingBox())!.y).toBeGreaterThan(thesisBottom);
  }
});

test('opens on the analyst’s map: the thesis, four claims and the anti-war caveat', async ({ app }) => {
  await expect(node(app, /explains the 1950 Soviet absence from the Security Council/)).toHaveCount(1);
  for (const n of [1, 2, 3, 4]) await expect(app.locator('.react-flow__node').filter({ has: app.locator('.aa-title', { hasText: new RegExp(`^Claim ${n}$`) }) })).toBeVisible();
  await expect(node(app, /anti-war mood/)).toContainText('Counter-consideration');
  await expect(app.locator('.react-flow__node')).toHaveCount(39);
  await expect(app).toHaveTitle(/stalin-gottwald-1950\.argmap\.json — Argument Atlas/);
});

test('the main screen has no serious or critical accessibility violations', async ({ app }) => {
  const result = await new AxeBuilder({ page: app }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
