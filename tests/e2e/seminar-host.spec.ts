// File > Start Live Seminar… in the web build with a stand-in desktop host (window.argumentAtlas
// with a fake `live` bridge, as the Electron preload exposes it): an unsaved map is saved first;
// a taken port is said in the dialog; the running view shows the join code, the join address as
// text and as a QR code, who is connected, and never the instructor's key; Close leaves the
// seminar running, Stop ends it; the dialog is labelled, keyboard-driven and axe-clean.
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const KEY = 'instructor-secret-key-0123456789';

/** The stand-in host: what the preload would expose, with the menu and the host's pushes in the test's hands. */
function fakeDesktopHost(key: string): void {
  type Listener = (value: unknown) => void;
  const state = { command: null as Listener | null, peers: null as Listener | null, ended: null as Listener | null, started: [] as unknown[], stopped: 0, saved: [] as string[], text: '' };
  (window as unknown as Record<string, unknown>).__fakeHost = {
    run: (c: string) => state.command?.(c),
    peers: (p: unknown) => state.peers?.(p),
    end: (reason: string | null) => state.ended?.(reason),
    state,
  };
  (window as unknown as Record<string, unknown>).argumentAtlas = {
    kind: 'electron',
    openFile: async () => null,
    saveFile: async (text: string, name: string) => {
      state.saved.push(name);
      state.text = text;
      return { name, ref: 'fake-ref' };
    },
    openDocument: async () => null,
    // After a seminar the window shows the file again (the class's map; here, what was saved).
    reread: async () => ({ name: state.saved.at(-1), bytes: new TextEncoder().encode(state.text), ref: 'fake-ref' }),
    openDropped: async (f: File) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), ref: null }),
    onOpenRequest: () => undefined,
    onMenuCommand: (fn: Listener) => void (state.command = fn),
    onSaveRequest: () => undefined,
    setDocumentState: () => undefined,
    setTheme: () => undefined,
    backups: { write: async () => undefined, read: async () => null, clear: async () => undefined },
    live: {
      addresses: async () => [
        { address: '127.0.0.1', family: 'IPv4', interface: 'loopback', label: '127.0.0.1 (this computer only: for trying it out)', loopback: true },
        { address: '192.168.1.20', family: 'IPv4', interface: 'Wi-Fi', label: '192.168.1.20 (Wi-Fi: computers on this network)', loopback: false },
      ],
      start: async (ref: unknown, request: { address: string; port: number; mode: string }) => {
        if (request.port === 4781) throw new Error('Port 4781 is already in use on 192.168.1.20 (another seminar or program has it). Choose another port, or “any free port”.');
        state.started.push({ ref, ...request });
        // Any free port: the host says which it got.
        const port = request.port === 0 ? 49152 : request.port;
        return { code: 'HK7M3Q', joinUrl: `http://${request.address}:${port}/#HK7M3Q`, address: request.address, port, mode: request.mode, mapName: 'letter.argmap.json', key };
      },
      stop: async () => void state.stopped++,
      current: async () => null,
      onPeers: (fn: Listener) => void (state.peers = fn),
      onEnded: (fn: Listener) => void (state.ended = fn),
      onProblem: () => undefined,
      // No host behind this stand-in: the window cannot join its room and says so.
      socket: {
        roomInfo: async () => {
          throw new Error('the seminar’s host did not answer');
        },
        open: async () => {
          throw new Error('the seminar’s host did not answer');
        },
        send: () => undefined,
        close: () => undefined,
        onEvent: () => undefined,
      },
    },
  };
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(fakeDesktopHost, KEY);
});

const menu = (page: Page, command: string) => page.evaluate((c) => (window as unknown as { __fakeHost: { run(c: string): void } }).__fakeHost.run(c), command);
const hostState = (page: Page) => page.evaluate(() => (window as unknown as { __fakeHost: { state: { started: unknown[]; stopped: number; saved: string[] } } }).__fakeHost.state);

test('Start Live Seminar…: save first, choose address, port and mode, then the join code, address, QR code and people', async ({ app }) => {
  const fit = app.getByRole('toolbar').getByRole('button', { name: 'Fit', exact: true });
  await fit.focus();
  await menu(app, 'startLiveSeminar');
  const dialog = app.getByRole('dialog', { name: 'Start live seminar' });
  await expect(dialog).toBeVisible();
  // The shipped map was never saved: the room starts from a file.
  await expect(dialog.getByText('Save the map first')).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Start Seminar' })).toBeDisabled();
  // A LAN address is proposed; this computer only is first in the list.
  const address = dialog.getByLabel('Address students connect to');
  await expect(address).toHaveValue('192.168.1.20');
  await expect(address.locator('option').first()).toHaveText(/this computer only/);
  await expect(dialog.getByRole('textbox', { name: 'Port' })).toHaveValue('4780');
  await expect(dialog.getByRole('radio', { name: /only the instructor edits/ })).toBeChecked();
  const axe = await new AxeBuilder({ page: app }).include('.aa-seminar-host').analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);

  await dialog.getByRole('button', { name: 'Save As…' }).click();
  await expect(dialog.getByText('Save the map first')).toHaveCount(0);
  expect((await hostState(app)).saved).toHaveLength(1);

  // A taken port is said in the dialog, which stays on the form.
  await dialog.getByRole('textbox', { name: 'Port' }).fill('4781');
  await dialog.getByRole('button', { name: 'Start Seminar' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(/Port 4781 is already in use/);
  await dialog.getByRole('textbox', { name: 'Port' }).fill('80');
  await dialog.getByRole('button', { name: 'Start Seminar' }).click();
  // Main's own rule and sentence (renderer/platform/live.ts: portProblem), said before asking it.
  await expect(dialog.getByRole('alert')).toHaveText('The port must be between 1024 and 65535 (ports below 1024 need administrator rights), or “any free port”.');
  await dialog.getByRole('textbox', { name: 'Port' }).fill('');
  await dialog.getByRole('button', { name: 'Start Seminar' }).click();
  await expect(dialog.getByRole('alert')).toHaveText('The port must be a whole number between 1024 and 65535, or “any free port”.');
  expect((await hostState(app)).started).toEqual([]);

  await dialog.getByRole('textbox', { name: 'Port' }).fill('4780');
  await dialog.getByRole('radio', { name: /their own nodes/ }).check();
  await dialog.getByRole('button', { name: 'Start Seminar' }).click();
  const running = app.getByRole('dialog', { name: 'Live seminar' });
  await expect(running.getByText('HK7M3Q', { exact: true })).toBeVisible();
  expect((await hostState(app)).started).toEqual([{ ref: 'fake-ref', address: '192.168.1.20', port: 4780, mode: 'students-own-voice' }]);
  await expect(running.getByRole('textbox', { name: 'Join address' })).toHaveValue('http://192.168.1.20:4780/#HK7M3Q');
  await expect(running.getByRole('img', { name: 'QR code of the join address http://192.168.1.20:4780/#HK7M3Q' })).toBeVisible();
  // Dark modules drawn as rectangles: a 37-module code (version 3 with the quiet zone) has hundreds of runs.
  expect(await running.locator('svg.aa-seminar-qr rect').count()).toBeGreaterThan(100);
  await expect(running.getByText('No one has joined yet.')).toBeVisible();
  // This window could not join its room (no host behind the stand-in: renderer/seminar-host/joinAsInstructor.ts), and says so.
  await expect(running.getByRole('note').filter({ hasText: 'could not join the seminar (the seminar’s host did not answer), so it does not follow the class’s edits' })).toBeVisible();
  // The key reached the window but is nowhere on screen.
  expect(await running.innerHTML()).not.toContain(KEY);
  expect(await app.locator('body').innerText()).not.toContain(KEY);

  await app.evaluate(() =>
    (window as unknown as { __fakeHost: { peers(p: unknown): void } }).__fakeHost.peers([
      { name: 'Instructor', role: 'instructor', connected: true },
      { name: 'Ada Lovelace', role: 'student', connected: true },
      { name: 'Bo', role: 'student', connected: false },
    ]),
  );
  await expect(running.getByRole('heading', { name: 'Connected: 2 people' })).toBeVisible();
  await expect(running.getByRole('listitem').filter({ hasText: 'Ada Lovelace' })).toContainText('student');
  await expect(running.getByRole('listitem').filter({ hasText: 'Bo' })).toContainText('disconnected');
  const axeRunning = await new AxeBuilder({ page: app }).include('.aa-seminar-host').analyze();
  expect(axeRunning.violations.map((v) => v.id)).toEqual([]);

  // Close leaves the seminar running; the menu command shows it again.
  await running.getByRole('button', { name: /^Close/ }).click();
  await expect(running).toHaveCount(0);
  await expect(fit).toBeFocused();
  expect((await hostState(app)).stopped).toBe(0);
  await menu(app, 'startLiveSeminar');
  await expect(running.getByText('HK7M3Q', { exact: true })).toBeVisible();
  await running.getByRole('button', { name: 'Stop Seminar' }).click();
  const again = app.getByRole('dialog', { name: 'Start live seminar' });
  await expect(again.getByRole('status').filter({ hasText: 'was stopped; the map was saved' })).toBeVisible();
  expect((await hostState(app)).stopped).toBe(1);
  // Esc closes; the focus goes back where it was.
  await app.keyboard.press('Escape');
  await expect(again).toHaveCount(0);
  await expect(fit).toBeFocused();
});

test('the keyboard reaches every control, and Stop Live Seminar in the menu ends the running view', async ({ app }) => {
  await menu(app, 'startLiveSeminar');
  const dialog = app.getByRole('dialog', { name: 'Start live seminar' });
  await dialog.getByRole('button', { name: 'Save As…' }).click();
  await expect(dialog.getByLabel('Address students connect to')).toBeEnabled();
  await dialog.getByLabel('Address students connect to').focus();
  // Tab cycles through the dialog's controls and never leaves it.
  for (let i = 0; i < 8; i++) {
    await app.keyboard.press('Tab');
    expect(await dialog.evaluate((d) => d.contains(document.activeElement))).toBe(true);
  }
  await dialog.getByLabel('Any free port').check();
  await expect(dialog.getByRole('textbox', { name: 'Port' })).toBeDisabled();
  await dialog.getByLabel('Address students connect to').selectOption('127.0.0.1');
  await expect(dialog.getByText('Only this computer can join')).toBeVisible();
  await dialog.getByRole('button', { name: 'Start Seminar' }).press('Enter');
  const running = app.getByRole('dialog', { name: 'Live seminar' });
  await expect(running.getByRole('textbox', { name: 'Join address' })).toHaveValue('http://127.0.0.1:49152/#HK7M3Q');
  await expect(running.getByRole('button', { name: 'Copy' })).toBeFocused();
  await app.evaluate(() => (window as unknown as { __fakeHost: { end(r: string): void } }).__fakeHost.end('The live seminar was stopped from the menu; the map was saved.'));
  await expect(app.getByRole('dialog', { name: 'Start live seminar' }).getByText('stopped from the menu')).toBeVisible();
});
