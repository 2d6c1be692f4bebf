// The live seminar's IPC channels (electron/ipc-contract.ts, checked in electron/main/ipc.ts) and
// its menu items (electron/main/menu.ts).
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createInvokeHandlers, IpcRefusal, type SenderEvent, type WindowServices } from '../../../electron/main/ipc';
import { buildMenuTemplate, flattenMenu } from '../../../electron/main/menu';

const TOKEN = 'f_' + 'c'.repeat(32);
const APP = 'app://argument-atlas/index.html';
const event = (url: string, id = 7): SenderEvent => ({ sender: { id }, senderFrame: { url, parent: null } });

function setup() {
  const live = {
    liveAddresses: vi.fn(async () => [{ address: '127.0.0.1', family: 'IPv4' as const, interface: 'loopback', label: '127.0.0.1', loopback: true }]),
    liveStart: vi.fn(async (_t: string, _r: unknown) => ({ ok: false as const, message: 'no' })),
    liveStop: vi.fn(async () => ({ ok: true as const, value: null })),
    liveCurrent: vi.fn(async () => null),
  };
  const services = live as unknown as WindowServices;
  return { live, invoke: createInvokeHandlers((id) => (id === 7 ? services : null)) };
}

const good = { address: '127.0.0.1', port: 4780, mode: 'students-read-only' };

describe('live:start', () => {
  it('passes the window’s file token and a checked request to the window’s service', async () => {
    const { live, invoke } = setup();
    await invoke['live:start'](event(APP), TOKEN, good);
    expect(live.liveStart).toHaveBeenCalledExactlyOnceWith(TOKEN, good);
  });

  it('refuses a path where the token belongs, a bad port or mode, extra fields, and a foreign page', async () => {
    const { live, invoke } = setup();
    await expect(invoke['live:start'](event(APP), '/home/me/a.argmap.json', good)).rejects.toThrow(/not a file token/);
    await expect(invoke['live:start'](event(APP), TOKEN, { ...good, port: 22 })).rejects.toThrow(/between 1024 and 65535/);
    await expect(invoke['live:start'](event(APP), TOKEN, { ...good, mode: 'anarchy' })).rejects.toThrow(/room mode/);
    await expect(invoke['live:start'](event(APP), TOKEN, { ...good, webRoot: '/' })).rejects.toThrow(/unexpected fields: webRoot/);
    await expect(invoke['live:start'](event(APP), TOKEN, { ...good, address: '0.0.0.0' })).rejects.toThrow(/not on every address/);
    await expect(invoke['live:start'](event(APP), TOKEN)).rejects.toThrow(/expected 2 argument/);
    await expect(invoke['live:start'](event('http://192.168.1.20:4780/'), TOKEN, good)).rejects.toBeInstanceOf(IpcRefusal);
    await expect(invoke['live:start'](event(APP, 99), TOKEN, good)).rejects.toThrow(/not an app window/);
    expect(live.liveStart).not.toHaveBeenCalled();
  });
});

describe('live:addresses, live:stop, live:current', () => {
  it('take no arguments and answer from the window’s service', async () => {
    const { live, invoke } = setup();
    await expect(invoke['live:addresses'](event(APP))).resolves.toHaveLength(1);
    await expect(invoke['live:stop'](event(APP))).resolves.toEqual({ ok: true, value: null });
    await expect(invoke['live:current'](event(APP))).resolves.toBeNull();
    await expect(invoke['live:stop'](event(APP), 'everyone')).rejects.toThrow(/expected 0 argument/);
    await expect(invoke['live:current'](event('https://evil.example/'))).rejects.toThrow(/refused/);
    expect(live.liveStop).toHaveBeenCalledTimes(1);
  });
});

describe('the File menu', () => {
  function menu(hosting: boolean | undefined, document = true) {
    const actions = { command: vi.fn(), newWindow: vi.fn(), openRecent: vi.fn(), clearRecent: vi.fn(), about: vi.fn(), print: vi.fn(), stopLiveSeminar: vi.fn() };
    const items = flattenMenu(
      buildMenuTemplate({ platform: 'linux', appName: 'Argument Atlas', packaged: true, recent: [], document: document ? { canRevert: false, panes: { sources: true, inspector: true } } : null, theme: 'system', hosting }, actions),
    );
    const byId = (id: string) => items.find((i) => i.id === id)!;
    return { byId, actions, click: (i: MenuItemConstructorOptions) => (i.click as () => void)() };
  }

  it('offers Start Live Seminar… when the window hosts none, Stop Live Seminar when it does', () => {
    const idle = menu(false);
    expect(idle.byId('startLiveSeminar')).toMatchObject({ label: 'Start Live Seminar…', enabled: true });
    expect(idle.byId('stopLiveSeminar')).toMatchObject({ label: 'Stop Live Seminar', enabled: false });
    idle.click(idle.byId('startLiveSeminar'));
    expect(idle.actions.command).toHaveBeenCalledExactlyOnceWith('startLiveSeminar');
    const hosting = menu(true);
    expect(hosting.byId('startLiveSeminar').enabled).toBe(false);
    expect(hosting.byId('stopLiveSeminar').enabled).toBe(true);
    hosting.click(hosting.byId('stopLiveSeminar'));
    expect(hosting.actions.stopLiveSeminar).toHaveBeenCalledTimes(1);
    expect(menu(undefined, false).byId('startLiveSeminar').enabled).toBe(false);
  });
});
