import AxeBuilder from '@axe-core/playwright';
import { expect, node, test } from './fixtures';

test('opens on the analyst’s map: the thesis, four claims and the anti-war caveat', async ({ app }) => {
  await expect(node(app, /explains the 1950 Soviet absence from the Security Council/)).toHaveCount(1);
  for (const n of [1, 2, 3, 4]) await expect(node(app, `Claim ${n}`).filter({ hasText: 'Claim' }).first()).toBeVisible();
  await expect(node(app, /anti-war mood/)).toContainText('Counter-consideration');
  await expect(app.locator('.react-flow__node')).toHaveCount(39);
  await expect(app).toHaveTitle(/stalin-gottwald-1950\.argmap\.json — Argument Atlas/);
});

test('the main screen has no serious or critical accessibility violations', async ({ app }) => {
  const result = await new AxeBuilder({ page: app }).analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
});
