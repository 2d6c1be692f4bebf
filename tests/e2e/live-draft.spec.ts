// A student's private draft in a live seminar (renderer/live/connection.ts openLiveDraft), in
// browsers on the real host (live-host.ts): a reader of the class map opens "My draft", edits a
// node there; another student's page and the host's file never get the edit; the instructor's
// page opens the same draft and sees it; back to the class map shows the class's map; a reload
// keeps the draft's edit.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { fitAll, node } from '../canvas';
import { joinSeminar, openSeminarPage, startTestHost, type TestHost } from './live-host';

const test = base.extend<{ host: TestHost }>({
  host: async ({}, use) => {
    const host = await startTestHost('students-read-only');
    await use(host);
    await host.close();
  },
});
test.skip(!!process.env.AA_E2E_ELECTRON, 'browser contexts on a host address need Chromium');

const bar = (p: Page) => p.getByRole('region', { name: 'Live seminar' });
const where = (p: Page) => p.getByTestId('live-where');
const MOOD = /anti-war mood/;
const DRAFT_TEXT = 'Tomas’s reading: the mood was Moscow’s excuse, not its reason.';

test('a student edits their private draft; the class and the host’s file never see it, the instructor does; back and reload', async ({ browser, host }) => {
  const teacher = await openSeminarPage(browser, host, host.instructorUrl);
  const tomas = await openSeminarPage(browser, host, host.joinUrl);
  const ana = await openSeminarPage(browser, host, host.joinUrl);
  await joinSeminar(teacher.page, 'Marta');
  await joinSeminar(tomas.page, 'Tomas');
  await joinSeminar(ana.page, 'Ana');

  // In the class map a reader edits nothing; the marker says it is the class's map.
  await expect(where(tomas.page)).toHaveText('Class map — everyone in the seminar sees it');
  await expect(tomas.page.getByRole('button', { name: 'Add claim' })).toBeDisabled();
  // What the card says (its accessible name: kind, title and text), whatever the zoom shows.
  const original = (await node(tomas.page, MOOD).getAttribute('aria-label'))!;

  await bar(tomas.page).getByRole('button', { name: 'My draft' }).click();
  await expect(where(tomas.page)).toHaveText('Your draft — only you and the instructor see it');
  await expect(bar(tomas.page).getByRole('button', { name: 'Back to the class map' })).toBeVisible();
  await expect(tomas.page.getByRole('button', { name: 'Add claim' })).toBeEnabled();
  // Still in the class room: the People list and the chip are the seminar's.
  await expect(bar(tomas.page).getByRole('status')).toHaveText(`Live · ${host.code} · 3 connected`);
  const axe = await new AxeBuilder({ page: tomas.page }).include('.aa-live-bar').analyze();
  expect(axe.violations).toEqual([]);

  await node(tomas.page, MOOD).dblclick();
  const editor = tomas.page.getByRole('textbox', { name: 'Node text' });
  await editor.fill(DRAFT_TEXT);
  await editor.press('Enter');
  await expect(node(tomas.page, DRAFT_TEXT)).toHaveCount(1);

  // The instructor's later class edit is the barrier: once the others and the file have it, the draft's edit would be there too.
  await teacher.page.getByRole('button', { name: 'Add claim' }).click();
  const teacherEditor = teacher.page.getByRole('textbox', { name: 'Node text' });
  await teacherEditor.fill('A class note after the draft’s edit.');
  await teacherEditor.press('Enter');
  await fitAll(ana.page);
  await expect(node(ana.page, 'A class note after the draft’s edit.')).toHaveCount(1);
  await expect(node(ana.page, DRAFT_TEXT)).toHaveCount(0);
  await expect(node(ana.page, MOOD)).toHaveCount(1);
  await expect.poll(() => readFileSync(host.mapPath, 'utf8'), { timeout: 10_000 }).toContain('A class note after the draft’s edit.');
  expect(readFileSync(host.mapPath, 'utf8')).not.toContain(DRAFT_TEXT);
  // The class's edit is not in the draft either.
  await expect(node(tomas.page, 'A class note after the draft’s edit.')).toHaveCount(0);

  // The instructor opens the same draft room from the People list.
  await bar(teacher.page).getByRole('button', { name: /People/ }).click();
  await bar(teacher.page).getByRole('button', { name: 'Open Tomas’s draft' }).click();
  await expect(where(teacher.page)).toHaveText('Tomas’s draft — only Tomas and the instructor see it; Tomas is looking at it now');
  await fitAll(teacher.page);
  await expect(node(teacher.page, DRAFT_TEXT)).toHaveCount(1);
  await expect(where(tomas.page)).toHaveText('Your draft — only you and the instructor see it; Marta is looking at it now');
  await bar(teacher.page).getByRole('button', { name: 'Back to the class map' }).click();
  await expect(node(teacher.page, DRAFT_TEXT)).toHaveCount(0);

  // Back to the class map: the class's map as it is now, read-only again.
  await bar(tomas.page).getByRole('button', { name: 'Back to the class map' }).click();
  await expect(where(tomas.page)).toHaveText('Class map — everyone in the seminar sees it');
  await fitAll(tomas.page);
  await expect(node(tomas.page, DRAFT_TEXT)).toHaveCount(0);
  await expect(node(tomas.page, MOOD)).toHaveAttribute('aria-label', original);
  await expect(node(tomas.page, 'A class note after the draft’s edit.')).toHaveCount(1);
  await expect(tomas.page.getByRole('button', { name: 'Add claim' })).toBeDisabled();

  // A reload: the draft's edit is kept (its own offline copy in this browser, and the host's draft room).
  await tomas.page.reload();
  await joinSeminar(tomas.page, 'Tomas');
  const copies = await tomas.page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name ?? ''));
  expect(copies.filter((n) => n.endsWith(':Tomas:draft:Tomas'))).toHaveLength(1);
  await bar(tomas.page).getByRole('button', { name: 'My draft' }).click();
  await expect(where(tomas.page)).toHaveText(/^Your draft — only you and the instructor see it/);
  await fitAll(tomas.page);
  await expect(node(tomas.page, DRAFT_TEXT)).toHaveCount(1);

  for (const p of [teacher, tomas, ana]) {
    expect(p.outside, 'requests that left the host').toEqual([]);
    expect(p.errors, 'uncaught errors in the page').toEqual([]);
  }
});
