// A live seminar in two browsers: the instructor (with the key) and a read-only student join one
// room on a host serving the web build (live-host.ts), see each other's edits and selections, the
// student's page refuses every edit, and neither page asks anything of any other address.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Browser, type Page } from '@playwright/test';
import { fitAll, node } from '../canvas';
import { startTestHost, type TestHost } from './live-host';

const test = base.extend<{ host: TestHost }>({
  host: async ({}, use) => {
    const host = await startTestHost('students-read-only');
    await use(host);
    await host.close();
  },
});
test.skip(!!process.env.AA_E2E_ELECTRON, 'two browser contexts on a host address need Chromium');

interface Joined {
  page: Page;
  outside: string[];
  errors: string[];
}

async function open(browser: Browser, host: TestHost, url: string): Promise<Joined> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const outside: string[] = [];
  const errors: string[] = [];
  context.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(host.origin) && !u.startsWith(host.origin.replace('http:', 'ws:')) && !u.startsWith('data:') && !u.startsWith('blob:')) outside.push(u);
  });
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  return { page, outside, errors };
}

async function join(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: /Join the seminar/ });
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('region', { name: 'Live seminar' }).getByRole('status')).toContainText('Live ·');
  await fitAll(page);
}

test('an instructor and a read-only student share one map: edits, selections, refusals, nothing outside the host', async ({ browser, host }) => {
  const teacher = await open(browser, host, host.instructorUrl);
  const student = await open(browser, host, host.joinUrl);

  // The join screen: the map's title, a labelled name field, clear refusals.
  const dialog = student.page.getByRole('dialog', { name: `Join the seminar ${host.code}` });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('Stalin');
  await expect(dialog).toContainText('only the instructor edits');
  const axeJoin = await new AxeBuilder({ page: student.page }).include('.aa-live-join').analyze();
  expect(axeJoin.violations).toEqual([]);
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/Type your name/);
  await dialog.getByLabel('Your name').fill('<script>');
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/cannot be a name here/);

  await expect(teacher.page.getByRole('dialog', { name: /Join the seminar/ })).toContainText('You join as the instructor');
  await join(teacher.page, 'Marta');
  // A taken name is refused by the host, in words.
  await dialog.getByLabel('Your name').fill('Marta');
  await dialog.getByRole('button', { name: 'Join' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/already uses the name “Marta”/);
  await join(student.page, 'Tomas');

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
  const mood = node(student.page, /anti-war mood/);
  await mood.click();
  await expect(node(teacher.page, /anti-war mood/).getByTestId('peer-label')).toHaveText('Selected by Tomas');

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
