// A live seminar in two browsers: the instructor (with the key) and a read-only student join one
// room on a host serving the web build (live-host.ts), see each other's edits and selections, the
// student's page refuses every edit, and neither page asks anything of any other address.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';
import { fitAll, node } from '../canvas';
import { readFileSync } from 'node:fs';
import type { RoomMode } from '../../arguments/live/protocol';
import { joinSeminar, openSeminarPage, startTestHost, type TestHost } from './live-host';

const test = base.extend<{ mode: RoomMode; host: TestHost }>({
  mode: ['students-read-only', { option: true }],
  host: async ({ mode }, use) => {
    const host = await startTestHost(mode);
    await use(host);
    await host.close();
  },
});
test.skip(!!process.env.AA_E2E_ELECTRON, 'two browser contexts on a host address need Chromium');

test('an instructor and a read-only student share one map: edits, selections, refusals, nothing outside the host', async ({ browser, host }) => {
  const teacher = await openSeminarPage(browser, host, host.instructorUrl);
  const student = await openSeminarPage(browser, host, host.joinUrl);

  // The join screen: the code, a labelled name field, clear refusals. (The map's title shows there
  // when the host answers GET /live/CODE/info without a name, protocol.ts RoomPreview.)
  const dialog = student.page.getByRole('dialog', { name: `Join the seminar ${host.code}` });
  await expect(dialog).toBeVisible();
  const axeJoin = await new AxeBuilder({ page: student.page }).include('.aa-live-join').analyze();
  expect(axeJoin.violations).toEqual([]);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/Type your name/);
  await dialog.getByLabel('Your name').fill('<script>');
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/cannot be a name here/);

  await expect(teacher.page.getByRole('dialog', { name: /Join the seminar/ })).toContainText('You join as the instructor');
  await joinSeminar(teacher.page, 'Marta');
  // A taken name is refused by the host, in words.
  await dialog.getByLabel('Your name').fill('Marta');
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/already uses the name “Marta”/);

  await joinSeminar(student.page, 'Tomas');

  const chip = (p: Page) => p.getByRole('region', { name: 'Live seminar' }).getByRole('status');
  await expect(chip(teacher.page)).toHaveText(`Live · ${host.code} · 2 connected`);
  await expect(chip(student.page)).toHaveText(`Live · ${host.code} · 2 connected`);

  // The peers list: names and roles in words next to the colours.
  await student.page.getByRole('button', { name: /People/ }).click();
  const people = student.page.getByRole('list', { name: 'People in the seminar' });
  await expect(people).toContainText('Tomas (you, student)');
  await expect(people).toContainText('Marta (instructor)');
  const axePeople = await new AxeBuilder({ page: student.page }).include('.aa-live-bar').analyze();
  expect(axePeople.violations).toEqual([]);
  await student.page.keyboard.press('Escape');
  await expect(people).toBeHidden();
  await expect(student.page.getByRole('button', { name: /People/ })).toBeFocused();

  // An edit in one page is visible in the other.
  await fitAll(student.page);
  const before = await student.page.locator('.react-flow__node').count();
  await teacher.page.getByRole('button', { name: 'Add claim' }).click();
  const editor = teacher.page.getByRole('textbox', { name: 'Node text' });
  await editor.fill('Stalin wanted America tied down in Korea.');
  await editor.press('Enter');
  await fitAll(student.page);
  await expect(node(student.page, 'Stalin wanted America tied down in Korea.')).toHaveCount(1);

  // A selection in one page is outlined in the other, with the name as words.
  const thesisT = node(teacher.page, /explains the 1950 Soviet absence/);
  await thesisT.click();
  const thesisS = node(student.page, /explains the 1950 Soviet absence/);
  await expect(thesisS.getByTestId('peer-label')).toHaveText('Selected by Marta');
  await expect(thesisS.locator('.aa-node')).toHaveClass(/aa-peer-selected/);
  await expect(thesisS).toHaveAccessibleDescription(/Selected by Marta/);
  const mood = node(student.page, /anti-war mood/);
  await mood.click();
  await expect(node(teacher.page, /anti-war mood/).getByTestId('peer-label')).toHaveText('Selected by Tomas');
  // Selecting something else takes the outline away in the other page.
  await fitAll(teacher.page);
  await node(teacher.page, /anti-war mood/).click();
  await expect(thesisS.getByTestId('peer-label')).toHaveCount(0);
  await expect(thesisS).not.toHaveAccessibleDescription(/Selected by/);
  // A selected relation is drawn in the other page too, with the name.
  const relationT = teacher.page.locator('.react-flow__edge').first();
  const relationId = await relationT.getAttribute('data-id');
  await relationT.dispatchEvent('click');
  const relationS = student.page.locator(`.react-flow__edge[data-id="${relationId}"] .aa-edge`);
  await expect(relationS).toHaveClass(/aa-peer-selected/);
  await expect(relationS.locator('title')).toHaveText('Selected by Marta');
  await node(teacher.page, /anti-war mood/).click();
  await expect(relationS).not.toHaveClass(/aa-peer-selected/);

  // The read-only student: the marker, disabled tools, every edit refused.
  await expect(student.page.getByRole('toolbar', { name: 'Map tools' }).getByText('Read-only (seminar)')).toBeVisible();
  await expect(student.page.getByRole('button', { name: 'Add claim' })).toBeDisabled();
  const count = await student.page.locator('.react-flow__node').count();
  await mood.press('Delete');
  await mood.dblclick();
  await expect(student.page.getByRole('textbox', { name: 'Node text' })).toHaveCount(0);
  await expect(student.page.locator('.react-flow__node')).toHaveCount(count);
  await expect(node(teacher.page, /anti-war mood/)).toHaveCount(1);

  // The instructor's undo takes back the instructor's step, in both pages.
  await teacher.page.keyboard.press('Control+z');
  // The new node and its first text were one step: one undo takes the node itself back.
  await expect(node(student.page, 'Stalin wanted America tied down in Korea.')).toHaveCount(0);
  await fitAll(student.page);
  await expect(student.page.locator('.react-flow__node')).toHaveCount(before);

  for (const p of [teacher, student]) {
    expect(p.outside, 'requests that left the host').toEqual([]);
    expect(p.errors, 'uncaught errors in the page').toEqual([]);
  }
});

test.describe('own voice', () => {
  test.use({ mode: 'students-own-voice' });
  test('a student adds a node in their voice, cannot edit the analyst’s, follows the presentation; the host’s file holds it', async ({ browser, host }) => {
    const teacher = await openSeminarPage(browser, host, host.instructorUrl);
    const student = await openSeminarPage(browser, host, host.joinUrl);
    await joinSeminar(teacher.page, 'Marta');
    await joinSeminar(student.page, 'Tomas');

    // The student's new claim is in their voice, in both pages and in the file the host writes.
    await student.page.getByRole('button', { name: 'Add claim' }).click();
    const editor = student.page.getByRole('textbox', { name: 'Node text' });
    await editor.fill('The letter was written for Gottwald’s doubts.');
    await editor.press('Enter');
    await fitAll(teacher.page);
    const added = node(teacher.page, 'The letter was written for Gottwald’s doubts.');
    await expect(added).toContainText('student:Tomas');
    await expect.poll(() => readFileSync(host.mapPath, 'utf8'), { timeout: 10_000 }).toContain('The letter was written for Gottwald’s doubts.');
    expect(JSON.parse(readFileSync(host.mapPath, 'utf8')).nodes.find((n: { text: string }) => n.text === 'The letter was written for Gottwald’s doubts.')?.voice).toBe('student:Tomas');

    // The analyst's node: refused in words, nothing changes.
    const thesis = node(student.page, /explains the 1950 Soviet absence/);
    await thesis.dblclick();
    await expect(student.page.getByText(/is in the voice “analyst”\. In this seminar you may edit only your own nodes \(voice “student:Tomas”\)/)).toBeVisible();
    await expect(student.page.getByRole('textbox', { name: 'Node text' })).toHaveCount(0);

    // Follow the instructor (on by default): the student's page shows the instructor's step.
    await expect(student.page.getByRole('checkbox', { name: 'Follow the instructor' })).toBeChecked();
    await teacher.page.getByRole('button', { name: 'Present…' }).click();
    const dialog = teacher.page.getByRole('dialog', { name: 'Present the argument' });
    await dialog.getByRole('checkbox', { name: 'Full screen' }).uncheck();
    await dialog.getByRole('button', { name: 'Present', exact: true }).click();
    const bar = (p: Page) => p.getByRole('region', { name: 'Presentation' });
    await expect(bar(student.page)).toContainText(/Step 1 of \d+: Thesis/);
    await teacher.page.keyboard.press('PageDown');
    await expect(bar(student.page)).toContainText('Step 2 of');
    await teacher.page.keyboard.press('Escape');
    await expect(bar(student.page)).toBeHidden();

    for (const p of [teacher, student]) {
      expect(p.outside, 'requests that left the host').toEqual([]);
      expect(p.errors, 'uncaught errors in the page').toEqual([]);
    }
  });
});

test.describe('offline', () => {
  test.use({ mode: 'open' });
  test('edits made while the host is away are kept in the browser, across a closed tab, and reach the host when it is back', async ({ browser, host }) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const outside: string[] = [];
    context.on('request', (r) => {
      const u = r.url();
      if (!u.startsWith(host.origin) && !u.startsWith(host.origin.replace('http:', 'ws:')) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
    });
    const page = await context.newPage();
    await page.goto(host.joinUrl);
    await joinSeminar(page, 'Tomas');
    const chip = (p: Page) => p.getByRole('region', { name: 'Live seminar' }).getByRole('status');
    await host.stop();
    await expect(chip(page)).toHaveText('Reconnecting…');
    await expect(chip(page)).toHaveText('Offline: your edits are kept and sent when the host is back', { timeout: 10_000 });

    await page.getByRole('button', { name: 'Add claim' }).click();
    const editor = page.getByRole('textbox', { name: 'Node text' });
    await editor.fill('Written while the host was away.');
    await editor.press('Enter');
    await expect(node(page, 'Written while the host was away.')).toHaveCount(1);
    await page.waitForTimeout(500); // the offline copy's write (IndexedDB)
    // The tab is closed before the host is back: only the browser's copy holds the edit.
    await page.close();

    await host.resume();
    expect(readFileSync(host.mapPath, 'utf8')).not.toContain('Written while the host was away.');
    const again = await context.newPage();
    await again.goto(host.joinUrl);
    const dialog = again.getByRole('dialog', { name: /Join the seminar/ });
    await expect(dialog.getByLabel('Your name')).toHaveValue('Tomas');
    await joinSeminar(again, 'Tomas');
    await expect(node(again, 'Written while the host was away.')).toHaveCount(1);
    await expect.poll(() => readFileSync(host.mapPath, 'utf8'), { timeout: 10_000 }).toContain('Written while the host was away.');
    expect(outside, 'requests that left the host').toEqual([]);
  });
});
