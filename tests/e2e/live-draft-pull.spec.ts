// Pulling a student's draft into the class map (issue 16): Ada writes a point of her own in her
// private draft (a stock y-websocket client here, beside her class connection, as a student's page
// would); the instructor's page lists her draft, Compare & bring… shows what it has that the class
// map lacks, and bringing her node puts it into the class map: another student's page shows it, and
// the host's file holds it once saved.
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect } from '@playwright/test';
import { readFileSync } from 'node:fs';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { loadMap } from '../../arguments/format/load';
import { addNode } from '../../arguments/operations';
import { LiveSession } from '../../arguments/live/session';
import { draftRoom, type RoomInfo } from '../../arguments/live/protocol';
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

const OWN = 'Gottwald answered within the week, and the answer was drafted in Moscow.';

/** Ada in the class room and in her draft, as her page would be; resolves once both synced. */
async function adaInHerDraft(host: TestHost) {
  const info = (await (await fetch(`${host.origin}/live/${host.code}/info?name=Ada`)).json()) as RoomInfo;
  const providers: WebsocketProvider[] = [];
  const connect = async (room: string) => {
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${host.origin.replace('http:', 'ws:')}/live`, room, doc, { params: { name: 'Ada', token: info.token! }, disableBc: true, WebSocketPolyfill: WebSocket as never });
    providers.push(provider);
    await expect.poll(() => provider.synced, { message: `Ada synced in ${room}` }).toBe(true);
    return doc;
  };
  await connect(host.code);
  const draft = new LiveSession(await connect(draftRoom(host.code, 'Ada')));
  return { draft, close: () => providers.forEach((p) => p.destroy()) };
}

test('the instructor lists a student’s draft, compares it with the class map and brings her node in for everyone', async ({ browser, host }) => {
  const teacher = await openSeminarPage(browser, host, host.instructorUrl);
  await joinSeminar(teacher.page, 'Marta');
  const student = await openSeminarPage(browser, host, host.joinUrl);
  await joinSeminar(student.page, 'Tomas');
  // A student has no Drafts.
  await expect(student.page.getByRole('region', { name: 'Live seminar' }).getByRole('button', { name: 'Drafts' })).toHaveCount(0);

  const ada = await adaInHerDraft(host);
  const id = ada.draft.freshId('n');
  expect(ada.draft.apply(addNode({ id, kind: 'claim', text: OWN }, { x: 200, y: 1200 })).ok).toBe(true);
  const classNodes = Object.keys((loadMap(readFileSync(host.mapPath)) as { ok: true; map: { nodes: object } }).map.nodes).length;

  // The drafts' list: Ada's, open now, with her extra node.
  await teacher.page.getByRole('region', { name: 'Live seminar' }).getByRole('button', { name: 'Drafts' }).click();
  const dialog = teacher.page.getByRole('dialog', { name: 'Students’ drafts' });
  await expect(dialog).toBeVisible();
  const row = dialog.getByRole('listitem').filter({ hasText: 'Ada' });
  await expect(row).toContainText(`open now · ${classNodes + 1} nodes · changed just now`);
  const axe = await new AxeBuilder({ page: teacher.page }).include('.aa-drafts').analyze();
  expect(axe.violations).toEqual([]);

  // Compare & bring…: the comparison with “Ada’s draft”; the class map is not changed by it.
  await row.getByRole('button', { name: 'Compare & bring… Ada’s draft' }).click();
  await expect(dialog).toBeHidden();
  const panel = teacher.page.getByRole('complementary', { name: 'Comparison' });
  await expect(panel).toContainText('compared with “Ada’s draft”');
  await expect(node(teacher.page, OWN)).toHaveCount(0);
  // The finding names the node by the start of its text.
  const finding = panel.getByRole('listitem').filter({ hasText: 'Gottwald answered within the week' });
  await expect(finding).toHaveCount(1);
  await panel.getByRole('button', { name: 'Side by side' }).click();
  await expect(teacher.page.getByRole('region', { name: /The student’s map/ })).toBeVisible();

  // Bring her node: into the class map, at the other student's page, and in the host's file.
  await finding.getByRole('button', { name: 'Bring into this map' }).click();
  await expect(teacher.page.locator('.aa-canvas .react-flow__node').filter({ hasText: OWN })).toHaveCount(1);
  await expect(student.page.locator('.aa-canvas .react-flow__node').filter({ hasText: OWN })).toHaveCount(1);
  await expect
    .poll(() => {
      const saved = loadMap(readFileSync(host.mapPath));
      return saved.ok ? Object.values(saved.map.nodes).filter((n) => n.text === OWN).length : -1;
    }, { message: 'the host’s file to hold Ada’s node' })
    .toBe(1);

  ada.close();
  expect([...teacher.errors, ...student.errors]).toEqual([]);
});

test('a draft the host cannot hand over is said in the list, and nothing changes', async ({ browser, host }) => {
  const teacher = await openSeminarPage(browser, host, host.instructorUrl);
  await joinSeminar(teacher.page, 'Marta');
  // By keyboard: Enter opens the list, Esc closes it and gives the focus back to Drafts.
  const drafts = teacher.page.getByRole('region', { name: 'Live seminar' }).getByRole('button', { name: 'Drafts' });
  await drafts.focus();
  await teacher.page.keyboard.press('Enter');
  const dialog = teacher.page.getByRole('dialog', { name: 'Students’ drafts' });
  await expect(dialog.getByRole('status')).toHaveText(/No student has a draft yet/);
  await teacher.page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(drafts).toBeFocused();
  await drafts.click();
  await expect(dialog.getByRole('status')).toHaveText(/No student has a draft yet/);
  const ada = await adaInHerDraft(host);
  await dialog.getByRole('button', { name: 'Refresh' }).click();
  const row = dialog.getByRole('listitem').filter({ hasText: 'Ada' });
  await expect(row).toContainText('open now');
  // The host stops between the list and the reading: the page says why, and stays as it was.
  ada.close();
  await host.stop();
  await row.getByRole('button', { name: 'Compare & bring… Ada’s draft' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/^Ada’s draft could not be read: The seminar’s host \(127\.0\.0\.1:\d+\) does not answer/);
  await expect(teacher.page.getByRole('complementary', { name: 'Comparison' })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});
