import AxeBuilder from '@axe-core/playwright';
import { expect, node, test } from './fixtures';

test('the opening view shows the thesis at a legible size with the claims beside it', async ({ page, baseURL }) => {
  await page.goto(baseURL!);
  const thesis = node(page, /explains the 1950 Soviet absence from the Security Council/);
  await expect(thesis).toBeInViewport();
  // 260 px boxes shown at 11.5 / 13 zoom or more (tests/e2e/canvas.spec.ts measures the text itself).
  expect((await thesis.boundingBox())!.width).toBeGreaterThan(225);
  const thesisRight = (await thesis.boundingBox())!.x + (await thesis.boundingBox())!.width;
  for (const n of [1, 2, 3, 4]) {
    const claim = page.locator('.react-flow__node').filter({ has: page.locator('.aa-title', { hasText: new RegExp(`^Claim ${n}$`) }) });
    await expect(claim).toHaveCount(1);
    await expect(claim).toBeInViewport();
    expect((await claim.boundingBox())!.x).toBeGreaterThan(thesisRight);
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
