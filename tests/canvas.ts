// Canvas helpers shared by the browser tests (tests/e2e) and the Electron tests (tests/electron).
import { expect, type Page } from '@playwright/test';

/** A node on the canvas, by text it contains. */
export const node = (page: Page, text: string | RegExp) => page.locator('.react-flow__node').filter({ hasText: text });

/** Fits the whole map into view (F) and waits for the animated viewport to settle. */
export async function fitAll(page: Page): Promise<void> {
  await page.keyboard.press('f');
  await viewportSettled(page);
}

/** Waits for the viewport to stop moving (fitting and zooming are animated). */
export async function viewportSettled(page: Page): Promise<void> {
  const viewport = page.locator('.react-flow__viewport');
  let last = '';
  await expect
    .poll(async () => {
      const now = (await viewport.getAttribute('style')) ?? '';
      const settled = now === last;
      last = now;
      return settled;
    }, { intervals: [100] })
    .toBe(true);
}
