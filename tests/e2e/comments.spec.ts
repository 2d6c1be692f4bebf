// Comment threads as a critic uses them: a comment on a claim, the count on its card, a reply,
// resolve and reopen, delete and undo, the comments panel, save and reopen, hostile text shown
// as text, a thread kept when its node is deleted; axe-core with the panel open, light and dark.
import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const dir = mkdtempSync(join(tmpdir(), 'aa-e2e-comments-'));
const HOSTILE = '<img src=x onerror=alert(1)>';

test.beforeEach(async ({ page }) => {
  await page.addInitScript("localStorage.setItem('argument-atlas.filePickers', 'classic')");
});

const card = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const inspector = (page: Page) => page.getByRole('complementary', { name: 'Inspector' });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Comments' });

async function comment(page: Page, text: string): Promise<void> {
  await inspector(page).getByRole('button', { name: 'New comment' }).click();
  const field = inspector(page).getByLabel('New comment');
  await expect(field).toBeFocused();
  await field.fill(text);
  await inspector(page).getByRole('button', { name: 'Add comment' }).click();
}

async function save(page: Page): Promise<string> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('toolbar').getByRole('button', { name: 'Save', exact: true }).click()]);
  return readFileSync((await download.path())!, 'utf8');
}

test('comment on a claim: the count on its card, reply, resolve and reopen, delete and undo, the panel, save and reopen', async ({ app }) => {
  await card(app, 'C1').click();
  await expect(inspector(app).getByRole('heading', { name: 'Claim: Claim 1' })).toBeVisible();
  // The name is asked once, then remembered.
  await inspector(app).getByRole('button', { name: 'New comment' }).click();
  await inspector(app).getByRole('textbox', { name: /^Your name/ }).fill('Ann Critic');
  await inspector(app).getByLabel('New comment').fill(HOSTILE);
  await inspector(app).getByRole('button', { name: 'Add comment' }).click();
  await expect(card(app, 'C1').getByLabel('1 open comment')).toBeVisible();
  // Shown as text, never as markup.
  await expect(inspector(app).getByText(HOSTILE, { exact: true })).toBeVisible();
  await expect(app.locator('img[src="x"]')).toHaveCount(0);
  // Focus back on New comment; the name is not asked again.
  await expect(inspector(app).getByRole('button', { name: 'New comment' })).toBeFocused();
  await comment(app, 'Which letter of 1950 does this rest on?');
  await expect(card(app, 'C1').getByLabel('2 open comments')).toBeVisible();
  await expect(inspector(app).getByRole('textbox', { name: /^Your name/ })).toHaveCount(0);
  // Each thread's reply form signs with the name remembered.
  await expect(inspector(app).getByText('As Ann Critic')).toHaveCount(2);

  const first = inspector(app).getByRole('article').filter({ hasText: HOSTILE });
  await first.getByLabel('Reply').fill('Granted, but see the cable to Mao.');
  await first.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(first.getByRole('heading')).toContainText('2 messages');
  await expect(first.getByText('Granted, but see the cable to Mao.')).toBeVisible();
  await expect(first.getByRole('listitem').getByText('Ann Critic', { exact: true })).toHaveCount(2);

  // The panel lists the open threads with what they are on.
  await app.getByRole('toolbar').getByRole('button', { name: /^Comments/ }).click();
  const list = panel(app).getByRole('list', { name: 'Open threads' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  await expect(list.getByRole('listitem').first()).toContainText('Claim: Claim 1');
  await expect(list.getByRole('listitem').first()).toContainText('Ann Critic');

  // Resolve: the count drops, the thread leaves the open list; reopen brings it back.
  await first.getByRole('button', { name: 'Resolve' }).click();
  await expect(card(app, 'C1').getByLabel('1 open comment')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(1);
  await expect(first.getByRole('button', { name: 'Reopen' })).toBeFocused();
  await panel(app).getByLabel('Show resolved threads').check();
  await expect(panel(app).getByRole('listitem')).toHaveCount(2);
  await expect(panel(app).getByRole('listitem').filter({ hasText: 'Resolved' })).toHaveCount(1);
  await panel(app).getByLabel('Show resolved threads').uncheck();
  await first.getByRole('button', { name: 'Reopen' }).click();
  await expect(card(app, 'C1').getByLabel('2 open comments')).toBeVisible();
  await expect(list.getByRole('listitem')).toHaveCount(2);

  // Delete (asked first), then undo: one step each.
  const second = inspector(app).getByRole('article').filter({ hasText: 'Which letter' });
  await second.getByRole('button', { name: 'Delete thread…' }).click();
  await expect(second.getByRole('button', { name: 'Keep' })).toBeFocused();
  await second.getByRole('button', { name: 'Delete', exact: true }).click();
  await expect(card(app, 'C1').getByLabel('1 open comment')).toBeVisible();
  await expect(inspector(app).getByRole('button', { name: 'New comment' })).toBeFocused();
  await app.getByRole('toolbar').getByRole('button', { name: 'Undo Delete comment thread' }).click();
  await expect(card(app, 'C1').getByLabel('2 open comments')).toBeVisible();
  // The step before: the reopening.
  await app.getByRole('toolbar').getByRole('button', { name: 'Undo Reopen comment' }).click();
  await expect(card(app, 'C1').getByLabel('1 open comment')).toBeVisible();
  await app.getByRole('toolbar').getByRole('button', { name: 'Redo Reopen comment' }).click();
  await expect(card(app, 'C1').getByLabel('2 open comments')).toBeVisible();

  // Choosing a thread in the panel selects its node and focuses the thread.
  await card(app, 'T').click();
  await expect(inspector(app).getByRole('heading', { name: /^Thesis/ })).toBeVisible();
  await list.getByRole('button').filter({ hasText: 'Which letter' }).click();
  await expect(inspector(app).getByRole('heading', { name: 'Claim: Claim 1' })).toBeVisible();
  await expect(inspector(app).getByRole('article').filter({ hasText: 'Which letter' }).getByRole('heading')).toBeFocused();

  // Save and reopen: the threads are in the file, and back on the card.
  const saved = await save(app);
  const file = JSON.parse(saved);
  expect(file.comments.map((t: { target: string; resolved: boolean; messages: unknown[] }) => [t.target, t.resolved, t.messages.length])).toEqual([
    ['C1', false, 2],
    ['C1', false, 1],
  ]);
  expect(file.comments[0].messages[0].text).toBe(HOSTILE);
  const path = join(dir, 'commented.argmap.json');
  writeFileSync(path, saved);
  await app.locator('[data-testid="aa-open-file-input"]').setInputFiles(path);
  await expect(app.getByTestId('document-name')).toHaveText('commented.argmap.json');
  await expect(card(app, 'C1').getByLabel('2 open comments')).toBeVisible();
  await expect(panel(app).getByRole('list', { name: 'Open threads' }).getByRole('listitem')).toHaveCount(2);
});

test('a thread on a deleted node is kept and listed as such, and can still be answered', async ({ app }) => {
  await card(app, 'C4').click();
  await inspector(app).getByRole('button', { name: 'New comment' }).click();
  await inspector(app).getByRole('textbox', { name: /^Your name/ }).fill('Ann Critic');
  await inspector(app).getByLabel('New comment').fill('Too strong.');
  await inspector(app).getByRole('button', { name: 'Add comment' }).click();
  await inspector(app).getByRole('button', { name: 'Delete node' }).click();
  await expect(card(app, 'C4')).toHaveCount(0);
  await app.getByRole('toolbar').getByRole('button', { name: /^Comments/ }).click();
  const deleted = panel(app).getByRole('list', { name: 'Threads on deleted items' });
  await expect(deleted.getByRole('listitem')).toHaveCount(1);
  await expect(deleted).toContainText('Deleted claim: Claim 4');
  await deleted.getByRole('button').first().click();
  await deleted.getByLabel('Reply').fill('Deleted, rightly.');
  await deleted.getByRole('button', { name: 'Reply', exact: true }).click();
  await expect(deleted.getByText('Deleted, rightly.')).toBeVisible();
  // Undo twice: the reply, then the deletion; the thread is on the card again.
  await app.getByRole('toolbar').getByRole('button', { name: 'Undo Reply' }).click();
  await app.getByRole('toolbar').getByRole('button', { name: /^Undo Delete/ }).click();
  await expect(card(app, 'C4').getByLabel('1 open comment')).toBeVisible();
  await expect(panel(app).getByRole('list', { name: 'Threads on deleted items' })).toHaveCount(0);
});

for (const scheme of ['light', 'dark'] as const)
  test(`the comments panel and the inspector's threads have no serious or critical axe-core findings (${scheme})`, async ({ app }) => {
    await app.emulateMedia({ colorScheme: scheme });
    await card(app, 'C2').click();
    await inspector(app).getByRole('button', { name: 'New comment' }).click();
    await inspector(app).getByRole('textbox', { name: /^Your name/ }).fill('Ann Critic');
    await inspector(app).getByLabel('New comment').fill('Is the anti-war mood documented?');
    await inspector(app).getByRole('button', { name: 'Add comment' }).click();
    await inspector(app).getByRole('article').getByRole('button', { name: 'Resolve' }).click();
    await comment(app, 'A second, open comment.');
    await app.getByRole('toolbar').getByRole('button', { name: /^Comments/ }).click();
    await panel(app).getByLabel('Show resolved threads').check();
    await expect(panel(app).getByRole('listitem')).toHaveCount(2);
    await expect(card(app, 'C2').getByLabel('1 open comment')).toBeVisible();
    const result = await new AxeBuilder({ page: app }).include('.aa-comments-panel').include('.aa-inspector').include('.react-flow__node[data-id="C2"]').analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`)).toEqual([]);
  });
