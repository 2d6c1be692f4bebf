import type { Page } from '@playwright/test';
import { expect, fitAll, node, test } from './fixtures';

/** Selects [start, end) of the shown source text, as a mouse selection would. */
async function selectSourceRange(page: Page, start: number, end: number) {
  await page.evaluate(([start, end]) => {
    const root = document.querySelector('[data-testid="source-text"]')!;
    const at = (off: number): [Node, number] => {
      let last: [Node, number] | null = null;
      for (const seg of root.querySelectorAll('[data-start]')) {
        const s = Number(seg.getAttribute('data-start'));
        const t = seg.firstChild as Text;
        if (off >= s && off < s + t.length) return [t, off - s];
        last = [t, t.length];
      }
      return last!;
    };
    const r = document.createRange();
    r.setStart(...at(start));
    r.setEnd(...at(end));
    const sel = getSelection()!;
    sel.removeAllRanges();
    sel.addRange(r);
  }, [start, end] as const);
}

const sources = (page: Page) => page.getByRole('complementary', { name: 'Sources' });

test('selecting an evidence node scrolls to its quote in the letter and highlights it', async ({ app }) => {
  await node(app, 'America entangled in Korea after the withdrawal.').click();
  await expect(sources(app).getByRole('tab', { name: /^Stalin to Klement Gottwald, 27 August 1950/ })).toHaveAttribute('aria-selected', 'true');
  const current = app.locator('[data-testid=source-text] [aria-current="true"]');
  await expect(current).toHaveText('Following our withdrawal form the Security Council, America has become entangled in the military intervention in Korea and is now wasting away its military prestige and moral authority.');
  await expect(current).toBeInViewport();
});

test('make evidence from a text selection: the node quotes exactly the selected passage', async ({ app }) => {
  // With claim 4 selected, the new evidence supports it.
  await node(app, 'Claim 4').filter({ hasText: 'inevitable' }).click();
  await sources(app).getByRole('tab', { name: /^Stalin to Klement Gottwald, 27 August 1950/ }).click();
  const text = await app.locator('[data-testid="source-text"][data-source-id="letter"]').evaluate((root) =>
    [...root.querySelectorAll('[data-start]')].map((s) => s.textContent).join(''),
  );
  const passage = 'We might leave the Security Council again and come back once again, depending on what the international situation is like.';
  const start = text.indexOf(passage);
  expect(start).toBeGreaterThan(0);
  const edgesBefore = await app.locator('.react-flow__edge').count();
  await selectSourceRange(app, start, start + passage.length);
  const make = sources(app).getByRole('button', { name: 'Make evidence' });
  await expect(make).toBeEnabled();
  await make.click();
  const created = node(app, passage);
  await expect(created).toHaveCount(1);
  await expect(created).toContainText('Evidence');
  await expect(app.locator('.react-flow__edge')).toHaveCount(edgesBefore + 1);
  await expect(app.locator('[data-testid=source-text] [aria-current="true"]')).toHaveText(passage);
  await expect(app.getByRole('complementary', { name: 'Inspector' })).toContainText('✓ Found word for word in the source.');
  // One undo removes the evidence and its arrow together.
  await app.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await app.keyboard.press('Control+z');
  await expect(created).toHaveCount(0);
  await expect(app.locator('.react-flow__edge')).toHaveCount(edgesBefore);
});

test('the analyst’s altered quotation is marked, with the word-by-word difference', async ({ app }) => {
  await sources(app).getByRole('tab', { name: /Letter of Stalin to Klement Gottwald and Origin/ }).click();
  const altered = app.locator('[data-testid="source-text"] [data-status="altered"]');
  await expect(altered.first()).toBeVisible();
  await app.locator('button[data-quotation-label]').first().click();
  const check = app.getByRole('region', { name: 'Quotation check' });
  await expect(check).toContainText('Quotation altered');
  await expect(check.locator('del, ins').first()).toBeVisible();
});

test('a quote that is not in its source is marked on the node and in the pane, with the closest passage', async ({ app }) => {
  const { readFileSync, writeFileSync, mkdtempSync } = await import('node:fs');
  const { join } = await import('node:path');
  const { tmpdir } = await import('node:os');
  const map = JSON.parse(readFileSync(new URL('../../arguments/maps/stalin-gottwald-1950.argmap.json', import.meta.url), 'utf8'));
  map.nodes.find((n: { id: string }) => n.id === 'E1b').quote.exact = 'I believe that we have achieved most of these goals.';
  const path = join(mkdtempSync(join(tmpdir(), 'aa-e2e-')), 'misquoted.argmap.json');
  writeFileSync(path, JSON.stringify(map));
  await app.evaluate(() => localStorage.setItem('argument-atlas.filePickers', 'classic'));
  await app.locator('[data-testid="aa-open-file-input"]').setInputFiles(path);
  await expect(app.getByTestId('document-name')).toHaveText('misquoted.argmap.json');
  await fitAll(app);
  const misquoted = node(app, 'All goals achieved.');
  await expect(misquoted).toContainText('⚠ Quote not found in its source');
  await misquoted.click();
  const problem = app.locator('.aa-src-problem[data-node-id="E1b"]');
  await expect(problem).toContainText('Quote not found');
  await expect(problem).toContainText('the closest passage says "achieved all of" where the quote has "achieved most of"');
});
