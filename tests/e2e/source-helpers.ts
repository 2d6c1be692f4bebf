// Helpers of the sources' browser tests: the pane, its shown text, selections, the Add
// Source dialog and its file chooser, and axe-core's serious findings.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, node } from './fixtures';

export const pane = (page: Page) => page.getByRole('complementary', { name: 'Sources' });

/** The text of the source shown in the pane, from its segments (exactly the source's text). */
export async function shownText(page: Page): Promise<string> {
  return page.locator('[data-testid="source-text"]').evaluate((root) => [...root.querySelectorAll('[data-start]')].map((s) => s.textContent).join(''));
}

/** Selects [start, end) of the shown source text, as a mouse selection would. */
export async function selectSourceRange(page: Page, start: number, end: number) {
  await page.evaluate(
    ([start, end]) => {
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
    },
    [start, end] as const,
  );
}

/** Selects `passage` in the shown source and makes evidence of it. */
export async function makeEvidenceOf(page: Page, passage: string): Promise<void> {
  const text = await shownText(page);
  const start = text.indexOf(passage);
  expect(start, `“${passage}” in the shown source`).toBeGreaterThanOrEqual(0);
  await selectSourceRange(page, start, start + passage.length);
  await pane(page).getByRole('button', { name: 'Make evidence' }).click();
  await expect(node(page, passage)).toHaveCount(1);
}

export async function openAddSource(page: Page): Promise<Locator> {
  await pane(page).getByRole('toolbar', { name: 'Source tools' }).getByRole('button', { name: 'Add source…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add a source' });
  await expect(dialog).toBeVisible();
  return dialog;
}

/** In the open dialog: From a file, choose `name` with `bytes` in the (classic) file chooser. */
export async function chooseFile(page: Page, dialog: Locator, name: string, bytes: Buffer | string): Promise<void> {
  await dialog.getByRole('tab', { name: 'From a file' }).click();
  const [chooser] = await Promise.all([page.waitForEvent('filechooser'), dialog.getByRole('button', { name: /^Choose (a|another) file…$/ }).click()]);
  await chooser.setFiles({ name, mimeType: 'application/octet-stream', buffer: typeof bytes === 'string' ? Buffer.from(bytes) : bytes });
}


/** axe-core's serious and critical violations on the page as it is. */
export const seriousViolations = async (page: Page): Promise<string[]> => {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
};

