// Find (Ctrl+F): node text, titles, voices and the sources' texts; a results list; Enter goes to
// a match (a node selected and brought into view, a passage shown marked in its source); Esc
// closes and gives focus to the node gone to.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { pane, seriousViolations } from './source-helpers';

const canvasNode = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);
const focusedNode = (page: Page) => page.evaluate(() => (document.activeElement?.classList.contains('react-flow__node') ? document.activeElement.getAttribute('data-id') : null));
const findBar = (page: Page) => page.getByRole('search', { name: 'Find' });

test('Ctrl+F finds a phrase in a node and in a source; Enter brings the node into view, then marks the passage', async ({ app }) => {
  // Zoomed in on the thesis, so the node to be found is off-screen.
  const thesis = (await canvasNode(app, 'T').boundingBox())!;
  await app.mouse.move(thesis.x + thesis.width / 2, thesis.y + thesis.height / 2);
  for (let i = 0; i < 6; i++) await app.mouse.wheel(0, -300);
  await expect(canvasNode(app, 'E3b')).not.toBeInViewport();

  await app.keyboard.press('Control+f');
  const field = findBar(app).getByRole('combobox', { name: 'Find' });
  await expect(field).toBeFocused();
  await app.keyboard.type('break its NECK');
  const results = findBar(app).getByRole('listbox', { name: 'Matches' });
  // The evidence node (its text and its quote) and the passage of the letter it quotes.
  await expect(results.getByRole('option')).toHaveCount(2);
  await expect(results.getByRole('option').first()).toContainText('America would break its neck against China.');
  await expect(results.getByRole('option').nth(1)).toContainText('Source: Stalin to Klement Gottwald, 27 August 1950');
  await expect(findBar(app).getByRole('status')).toHaveText('1 node, 1 passage in the sources');

  await app.keyboard.press('Enter');
  await expect(canvasNode(app, 'E3b')).toHaveClass(/selected/);
  await expect(canvasNode(app, 'E3b')).toBeInViewport();
  await expect(findBar(app).getByRole('status')).toHaveText(/^1 of 2/);
  await expect(field).toBeFocused();

  // The passage: its source's tab, the match marked in the text.
  await app.keyboard.press('Enter');
  await expect(pane(app).getByRole('tab', { name: /^Stalin to Klement Gottwald, 27 August 1950/ })).toHaveAttribute('aria-selected', 'true');
  const marked = pane(app).locator('.aa-src-found');
  await expect(marked.first()).toBeVisible();
  expect((await marked.allTextContents()).join('')).toBe('break its neck');

  expect(await seriousViolations(app)).toEqual([]);

  // Esc: Find closes, the marks go, focus is on the node gone to.
  await app.keyboard.press('Escape');
  await expect(findBar(app)).toHaveCount(0);
  await expect(marked).toHaveCount(0);
  await expect.poll(() => focusedNode(app)).toBe('E3b');
});

test('Find searches titles and voices too, ignoring case and accents; F3 goes on through the matches', async ({ app }) => {
  await app.keyboard.press('Control+f');
  const field = findBar(app).getByRole('combobox', { name: 'Find' });
  const options = findBar(app).getByRole('listbox', { name: 'Matches' }).getByRole('option');

  await field.fill('no rânking');
  await expect(options.first()).toContainText('Objection: no ranking (in its title)');
  await app.keyboard.press('Enter');
  await expect(canvasNode(app, 'O3')).toHaveClass(/selected/);

  // A voice: the critic's ten nodes, each noted as found by its voice, then two passages of the article.
  await field.fill('critic');
  await expect(findBar(app).getByRole('status')).toHaveText('10 nodes, 2 passages in the sources');
  await expect(options.filter({ hasText: '(its voice)' })).toHaveCount(10);
  await expect(options.first()).toContainText('(its voice)');
  await app.keyboard.press('F3');
  await app.keyboard.press('F3');
  await expect(findBar(app).getByRole('status')).toHaveText(/^2 of 12/);
  await app.keyboard.press('Shift+F3');
  await expect(findBar(app).getByRole('status')).toHaveText(/^1 of 12/);

  // Nothing found says so, and Enter does nothing.
  await field.fill('zanzibar');
  await expect(findBar(app).getByRole('status')).toHaveText('No matches');
  await expect(options).toHaveCount(0);
  await app.keyboard.press('Enter');
  await expect(findBar(app)).toBeVisible();
});
