// The instructor's window joins its own seminar (renderer/seminar-host/joinAsInstructor.ts) on the
// real host, through the main process's relay (electron/main/liveRelay.ts, run here in the test
// process behind a stand-in preload): the page never reaches the host itself (the `app` fixture
// fails on any request off its origin), the room's info and socket come through the bridge, and a
// student's edit from a stock y-websocket client shows in the window.
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import WebSocket from 'ws';
import { WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { editNode } from '../../arguments/operations';
import { LiveSession } from '../../arguments/live/session';
import { LiveRelay } from '../../electron/main/liveRelay';
import { expect, test } from './fixtures';
import { startTestHost, type TestHost } from './live-host';

test.skip(!!process.env.AA_E2E_ELECTRON, 'the stand-in preload needs a Chromium page');

interface Wired {
  host: TestHost;
  port: number;
  relay: LiveRelay;
}

/** The real host and main's relay for window 1, with the page's preload bridge wired to them. */
async function wire(page: Page): Promise<Wired> {
  const host = await startTestHost('open');
  const port = Number(new URL(host.origin).port);
  // Events reach the page in order, as webContents.send's do.
  let queue: Promise<unknown> = Promise.resolve();
  const relay = new LiveRelay({
    target: (id) => (id === 1 ? { address: '127.0.0.1', port, code: host.code, key: host.key, roomInfo: (name) => host.roomInfo(name, host.key) } : null),
    emit: (_id, channel, payload) => {
      const p = payload as unknown[];
      const wire = channel === 'host:live-socket-message' ? [p[0], [...(p[1] as Uint8Array)]] : p;
      queue = queue.then(() => page.evaluate(([c, w]) => (window as unknown as { __relayEvent(c: string, w: unknown[]): void }).__relayEvent(c, w), [channel, wire] as const).catch(() => undefined));
    },
  });
  await page.exposeFunction('__relayInfo', (name: string) => relay.roomInfo(1, name));
  await page.exposeFunction('__relayOpen', (name: string) => relay.open(1, name));
  await page.exposeFunction('__relaySend', (id: number, bytes: number[]) => relay.send(1, id, new Uint8Array(bytes)));
  await page.exposeFunction('__relayClose', (id: number) => relay.close(1, id));
  // Stop as main does it: the host saves and closes (its sockets with it); the window then reads the file.
  await page.exposeFunction('__hostStop', () => host.stop());
  await page.exposeFunction('__hostFile', () => readFileSync(host.mapPath, 'utf8'));
  await page.evaluate(
    ({ code, port, key }) => {
      type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };
      const w = window as unknown as Record<string, (...a: unknown[]) => Promise<unknown>> & { argumentAtlas: { live: Record<string, unknown> }; __relayEvent?: unknown };
      const unwrap = async <T,>(p: Promise<unknown>) => {
        const o = (await p) as Outcome<T>;
        if (!o.ok) throw new Error(o.message);
        return o.value;
      };
      let listener: ((e: unknown) => void) | null = null;
      w.__relayEvent = (channel: string, p: unknown[]) => {
        const id = p[0] as number;
        if (channel === 'host:live-socket-open') listener?.({ kind: 'open', id });
        else if (channel === 'host:live-socket-message') listener?.({ kind: 'message', id, bytes: new Uint8Array(p[1] as number[]) });
        else listener?.({ kind: 'close', id, code: p[1], reason: p[2] });
      };
      Object.assign(w.argumentAtlas, { reread: async () => ({ name: 'seminar.argmap.json', bytes: new TextEncoder().encode((await w.__hostFile!()) as string), ref: 'fake-ref' }) });
      Object.assign(w.argumentAtlas.live, {
        stop: () => w.__hostStop!(),
        start: async (_ref: unknown, request: { address: string; mode: string }) => ({ code, joinUrl: `http://127.0.0.1:${port}/#${code}`, address: '127.0.0.1', port, mode: request.mode, mapName: 'seminar.argmap.json', key }),
        socket: {
          roomInfo: (name: string) => unwrap(w.__relayInfo!(name)),
          open: (name: string) => unwrap(w.__relayOpen!(name)),
          send: (id: number, bytes: Uint8Array) => void w.__relaySend!(id, [...bytes]),
          close: (id: number) => void w.__relayClose!(id),
          onEvent: (l: (e: unknown) => void) => void (listener = l),
        },
      });
    },
    { code: host.code, port, key: host.key },
  );
  return { host, port, relay };
}

test.beforeEach(async ({ page }) => {
  // The stand-in preload of seminar-host.spec.ts, minimal: a file the map is saved to, and `live`.
  await page.addInitScript(() => {
    let text = '';
    (window as unknown as Record<string, unknown>).argumentAtlas = {
      kind: 'electron',
      openFile: async () => null,
      saveFile: async (t: string, name: string) => {
        text = t;
        return { name, ref: 'fake-ref' };
      },
      openDocument: async () => null,
      reread: async () => ({ name: 'seminar.argmap.json', bytes: new TextEncoder().encode(text), ref: 'fake-ref' }),
      openDropped: async (f: File) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()), ref: null }),
      onOpenRequest: () => undefined,
      onMenuCommand: (fn: (c: string) => void) => void ((window as unknown as Record<string, unknown>).__menu = fn),
      onSaveRequest: () => undefined,
      setDocumentState: () => undefined,
      setTheme: () => undefined,
      backups: { write: async () => undefined, read: async () => null, clear: async () => undefined },
      live: {
        addresses: async () => [{ address: '127.0.0.1', family: 'IPv4', interface: 'loopback', label: '127.0.0.1 (this computer only: for trying it out)', loopback: true }],
        stop: async () => undefined,
        current: async () => null,
        onPeers: () => undefined,
        onEnded: () => undefined,
        onProblem: () => undefined,
      },
    };
  });
});

test('the instructor’s window joins its room through the relay and shows a student’s edit; it never reaches the host itself', async ({ app }) => {
  const { host, port, relay } = await wire(app);
  const doc = new Y.Doc();
  let student: WebsocketProvider | null = null;
  try {
    await app.evaluate(() => (window as unknown as { __menu(c: string): void }).__menu('startLiveSeminar'));
    const dialog = app.getByRole('dialog', { name: 'Start live seminar' });
    await dialog.getByRole('button', { name: 'Save As…' }).click();
    await dialog.getByLabel('Any free port').check();
    await dialog.getByRole('button', { name: 'Start Seminar' }).click();
    const running = app.getByRole('dialog', { name: 'Live seminar' });
    await expect(running.getByRole('note').filter({ hasText: 'This window is in the room as the instructor' })).toBeVisible({ timeout: 20_000 });
    expect(relay.countOf(1)).toBe(1);
    await running.getByRole('button', { name: /^Close/ }).click();
    // The window's bar says it is live, as a student's page does.
    await expect(app.getByRole('region', { name: 'Live seminar' }).getByRole('status')).toContainText('Live ·');

    // A student in a browser elsewhere: a stock client on the host.
    student = new WebsocketProvider(`ws://127.0.0.1:${port}/live`, host.code, doc, { params: { name: 'Ada' }, disableBc: true, WebSocketPolyfill: WebSocket as never });
    await expect.poll(() => student!.synced, { timeout: 10_000 }).toBe(true);
    const session = new LiveSession(doc);
    const id = [...doc.getMap('nodes').keys()].sort()[0]!;
    expect(session.apply(editNode(id, { text: 'Ada’s reading of the letter, from her browser.' })).ok).toBe(true);
    await expect(app.getByText('Ada’s reading of the letter, from her browser.').first()).toBeVisible({ timeout: 10_000 });
    session.destroy();

    // Stop: the host saves and ends the window's socket; the window leaves the room and shows the file, the class's map.
    await app.evaluate(() => (window as unknown as { __menu(c: string): void }).__menu('startLiveSeminar'));
    await running.getByRole('button', { name: 'Stop Seminar' }).click();
    await expect(app.getByRole('dialog', { name: 'Start live seminar' }).getByRole('status').filter({ hasText: 'was stopped; the map was saved' })).toBeVisible();
    await expect.poll(() => relay.countOf(1)).toBe(0);
    await expect(app.getByRole('region', { name: 'Live seminar' })).toHaveCount(0);
    await app.keyboard.press('Escape');
    await expect(app.getByText('Ada’s reading of the letter, from her browser.').first()).toBeVisible();
    expect(readFileSync(host.mapPath, 'utf8')).toContain('Ada’s reading of the letter, from her browser.');
  } finally {
    student?.destroy();
    relay.closeWindow(1);
    await host.close();
  }
});
