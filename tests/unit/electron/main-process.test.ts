// The main process (electron/main/main.ts and windows.ts) booted against a stand-in for
// Electron's main-process modules, since the Electron binary cannot run here: what it
// registers, the window it opens, and how it answers its renderer and the OS. The Playwright
// tests in tests/electron run the same flows in the real Electron where it is installed.
import { EventEmitter } from 'node:events';
import { execFileSync } from 'node:child_process';
import { existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { serializeMap } from '../../../arguments/format/serialize';
import { emptyMap } from '../../../arguments/model';
import type { MenuItemConstructorOptions } from 'electron';
import { APP_ENTRY_URL, INVOKE_CHANNELS, SEND_CHANNELS, TOKEN_PATTERN } from '../../../electron/ipc-contract';
import { flattenMenu } from '../../../electron/main/menu';
import { LIVE_STOP_FAILED } from '../../../electron/main/liveChoices';

// The app data folder as a crash and killed saves leave it, broken in every way the backups
// can be: the app must still start with a window and clean up after itself.
const h = vi.hoisted(() => {
  const fs = require('node:fs') as typeof import('node:fs');
  const { join: at } = require('node:path') as typeof import('node:path');
  const tmp = (require('node:os') as typeof import('node:os')).tmpdir();
  const data = fs.mkdtempSync(at(tmp, 'aa-main-data-'));
  process.env.ARGUMENT_ATLAS_USER_DATA = data;
  (globalThis as { __APP_VERSION__?: string }).__APP_VERSION__ = '0.0.0-test';
  const backups = at(data, 'backups');
  fs.mkdirSync(at(backups, 'w_00000000000000d1.json'), { recursive: true }); // a folder named like a backup
  const corrupt = 'w_00000000000000c0.json';
  fs.writeFileSync(at(backups, corrupt), '{"format":"argument-atlas/backup","version":1,"te');
  const outside = at(data, 'outside.json');
  const outsideText = JSON.stringify({ format: 'argument-atlas/backup', version: 1, text: '{}', name: 'not ours', savedAt: '2026-01-01T00:00:00.000Z' });
  fs.writeFileSync(outside, outsideText);
  const link = 'w_000000000000005a.json';
  if (process.platform !== 'win32') fs.symlinkSync(outside, at(backups, link));
  // Temporary files of killed writes, just written (the app's own folder: no age needed).
  fs.mkdirSync(at(data, 'previous-versions'));
  const appTemps = [at(backups, '.w_0000000000000099.json.0123456789ab.tmp'), at(data, 'previous-versions', '.0123456789abcdef-x.argmap.json.0123456789ab.tmp'), at(data, '.window-state.json.0123456789ab.tmp'), at(data, '.recent-files.json.0123456789ab.tmp')];
  for (const t of appTemps) fs.writeFileSync(t, 'partial');
  // A recent map, with a killed save's temporary file beside it (old), a fresh one and another map's.
  const recentDir = fs.mkdtempSync(at(tmp, 'aa-main-recent-'));
  const recentMap = at(recentDir, 'recent.argmap.json');
  fs.writeFileSync(recentMap, '{}\n');
  const beside = { old: at(recentDir, '.recent.argmap.json.0123456789ab.tmp'), fresh: at(recentDir, '.recent.argmap.json.ba9876543210.tmp'), other: at(recentDir, '.other.argmap.json.0123456789ab.tmp') };
  const longAgo = new Date(Date.now() - 10 * 60_000);
  for (const t of Object.values(beside)) fs.writeFileSync(t, 'partial');
  fs.utimesSync(beside.old, longAgo, longAgo);
  fs.utimesSync(beside.other, longAgo, longAgo);
  fs.writeFileSync(at(data, 'recent-files.json'), JSON.stringify({ version: 1, files: [recentMap] }));
  return { data, backups, corrupt, outside, outsideText, link, appTemps, recentMap, beside };
});

// ----- the stand-in ---------------------------------------------------------------------

type Listener = (...args: unknown[]) => unknown;
const mocks = vi.hoisted(() => ({
  handled: new Map<string, Listener>(),
  listened: new Map<string, Listener>(),
  windows: [] as unknown[],
  focused: null as unknown,
  app: null as unknown,
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const { vi: v } = await import('vitest');
  let nextId = 1;
  const app = Object.assign(new Emitter(), {
    isPackaged: false,
    setName: v.fn(),
    setPath: v.fn(),
    getPath: (name: string) => (name === 'userData' ? h.data : join(h.data, `path-${name}`)),
    setAppUserModelId: v.fn(),
    enableSandbox: v.fn(),
    requestSingleInstanceLock: () => true,
    quit: v.fn(),
    whenReady: () => Promise.resolve(),
    setAboutPanelOptions: v.fn(),
    showAboutPanel: v.fn(),
    addRecentDocument: v.fn(),
    clearRecentDocuments: v.fn(),
  });
  mocks.app = app;
  class WebContents extends Emitter {
    id = nextId++;
    sent: [string, unknown][] = [];
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    reload = v.fn();
    forcefullyCrashRenderer = v.fn();
    setWindowOpenHandler = v.fn();
  }
  class BrowserWindow extends Emitter {
    static getAllWindows = () => (mocks.windows as BrowserWindow[]).filter((w) => !w.destroyed);
    static getFocusedWindow = () => mocks.focused as BrowserWindow | null;
    webContents = new WebContents();
    destroyed = false;
    title = '';
    url = '';
    edited = false;
    constructor(readonly options: { webPreferences?: Record<string, unknown> }) {
      super();
      mocks.windows.push(this);
      app.emit('web-contents-created', {}, this.webContents);
    }
    loadURL = v.fn(async (url: string) => {
      this.url = url;
    });
    setTitle(t: string) {
      this.title = t;
    }
    setDocumentEdited(e: boolean) {
      this.edited = e;
    }
    setRepresentedFilename() {}
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      if (this.destroyed) return;
      this.destroyed = true;
      this.emit('closed');
    }
    close() {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      if (!prevented) this.destroy();
    }
    focus() {
      mocks.focused = this;
      this.emit('focus');
    }
    show() {}
    restore() {}
    maximize() {}
    setFullScreen() {}
    isMinimized = () => false;
    isMaximized = () => false;
    isFullScreen = () => false;
    getBounds = () => ({ x: 10, y: 10, width: 1200, height: 800 });
    getNormalBounds = () => ({ x: 10, y: 10, width: 1200, height: 800 });
  }
  const area = { x: 0, y: 0, width: 1920, height: 1080 };
  return {
    app,
    BrowserWindow,
    dialog: { showOpenDialog: v.fn(), showSaveDialog: v.fn(), showMessageBox: v.fn(), showErrorBox: v.fn() },
    ipcMain: {
      handle: (channel: string, fn: Listener) => mocks.handled.set(channel, fn),
      on: (channel: string, fn: Listener) => mocks.listened.set(channel, fn),
    },
    Menu: { setApplicationMenu: v.fn(), buildFromTemplate: (t: unknown) => t },
    protocol: { registerSchemesAsPrivileged: v.fn(), handle: v.fn() },
    screen: { getPrimaryDisplay: () => ({ workArea: area }), getAllDisplays: () => [{ workArea: area }], getDisplayMatching: () => ({ workArea: area }) },
    session: {
      defaultSession: {
        setPermissionRequestHandler: v.fn(),
        setPermissionCheckHandler: v.fn(),
        setDevicePermissionHandler: v.fn(),
        setDisplayMediaRequestHandler: v.fn(),
        on: v.fn(),
        webRequest: { onBeforeRequest: v.fn() },
      },
    },
    shell: { openExternal: v.fn(), openPath: v.fn(async () => '') },
  };
});

import * as electron from 'electron';

interface FakeWindow extends EventEmitter {
  options: { webPreferences?: Record<string, unknown> };
  webContents: EventEmitter & { id: number; sent: [string, unknown][]; reload: ReturnType<typeof vi.fn>; forcefullyCrashRenderer: ReturnType<typeof vi.fn> };
  destroyed: boolean;
  title: string;
  url: string;
  close(): void;
  destroy(): void;
  focus(): void;
}

const windows = () => mocks.windows as FakeWindow[];
const dialog = electron.dialog as unknown as { showOpenDialog: ReturnType<typeof vi.fn>; showSaveDialog: ReturnType<typeof vi.fn>; showMessageBox: ReturnType<typeof vi.fn>; showErrorBox: ReturnType<typeof vi.fn> };
const app = () => mocks.app as EventEmitter & { quit: ReturnType<typeof vi.fn> };

const frame = (w: FakeWindow, url = APP_ENTRY_URL) => ({ sender: { id: w.webContents.id }, senderFrame: { url, parent: null } });
const invoke = (w: FakeWindow, channel: string, ...args: unknown[]) => mocks.handled.get(channel)!(frame(w), ...args) as Promise<unknown>;
const send = (w: FakeWindow, channel: string, ...args: unknown[]) => mocks.listened.get(channel)!(frame(w), ...args);
const state = (over: Record<string, unknown> = {}) => ({ name: 'stalin-gottwald-1950.argmap.json', dirty: false, ref: null, canRevert: true, panes: { sources: true, inspector: true }, ...over });
const sentOf = (w: FakeWindow, channel: string) => w.webContents.sent.filter(([c]) => c === channel).map(([, p]) => p);
/** Answers the next message box with the button labelled `label`. */
const answer = (label: string) => dialog.showMessageBox.mockImplementationOnce(async (_w: unknown, box: { buttons: string[] }) => ({ response: box.buttons.indexOf(label) }));

/** The window slots' backup files (not the folder, the link and damaged/ the boot found). */
const slotFiles = () => readdirSync(h.backups).filter((f) => /^w_[0-9a-f]{16}\.json$/.test(f) && lstatSync(join(h.backups, f)).isFile());
const mapText = (title: string) => serializeMap(emptyMap('2026-01-01T00:00:00.000Z', title));
/** The smallest SVG the figure exporter could write. */
const SVG = '<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="10" height="10" viewBox="0 0 10 10"><title id="figure-title">Map</title><rect x="0" y="0" width="10" height="10" fill="#fff"/></svg>\n';

const files = mkdtempSync(join(tmpdir(), 'aa-main-files-'));
const mapPath = join(files, 'other.argmap.json');
writeFileSync(mapPath, '{"format":"argument-atlas/argmap"}\n');

const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);

beforeAll(async () => {
  // A step before the first window fails (the menu), and the damaged backup's notice is answered Show Folder.
  (electron.Menu.setApplicationMenu as unknown as ReturnType<typeof vi.fn>).mockImplementationOnce(() => {
    throw new Error('injected: the menu could not be built');
  });
  dialog.showMessageBox.mockResolvedValueOnce({ response: 1 });
  await import('../../../electron/main/main');
  await vi.waitFor(() => expect(windows()).toHaveLength(1));
});

describe('the main process', () => {
  it('starts with a window although a step before it failed and its backups are broken, and tidies up once', async () => {
    const [w] = windows();
    expect(w!.url).toBe(APP_ENTRY_URL);
    expect(warned.mock.calls.some((c) => /could not build its menu/.test(String(c[0])))).toBe(true);
    // The unreadable backup is kept aside, and the user is told once, over the first window.
    expect(readdirSync(join(h.backups, 'damaged'))).toEqual([h.corrupt]);
    const notices = dialog.showMessageBox.mock.calls.filter((c) => /crash backup could not be read/.test(String((c[1] as { message?: string } | undefined)?.message)));
    expect(notices).toHaveLength(1);
    expect(notices[0]![0]).toBe(w);
    expect(notices[0]![1]).toMatchObject({ type: 'warning', message: 'A crash backup could not be read', detail: expect.stringContaining(join(h.backups, 'damaged')) });
    await vi.waitFor(() => expect(electron.shell.openPath).toHaveBeenCalledWith(join(h.backups, 'damaged')));
    // The folder named like a backup and the link are left as they are; what the link points to is untouched.
    expect(lstatSync(join(h.backups, 'w_00000000000000d1.json')).isDirectory()).toBe(true);
    if (process.platform !== 'win32') expect(lstatSync(join(h.backups, h.link)).isSymbolicLink()).toBe(true);
    expect(readFileSync(h.outside, 'utf8')).toBe(h.outsideText);
    // Killed writes' temporary files: gone from the app's folders; beside a recent map, only its own old one.
    for (const t of h.appTemps) expect(existsSync(t), t).toBe(false);
    await vi.waitFor(() => expect(existsSync(h.beside.old)).toBe(false));
    expect(existsSync(h.beside.fresh)).toBe(true);
    expect(existsSync(h.beside.other)).toBe(true);
  });

  it('registers the app protocol, every IPC channel and the session’s guards before it opens a window', () => {
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([{ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, bypassCSP: false }) }]);
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    expect(electron.app.enableSandbox).toHaveBeenCalled();
    expect([...mocks.handled.keys()].sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect([...mocks.listened.keys()].sort()).toEqual([...SEND_CHANNELS].sort());
    const ses = electron.session.defaultSession as unknown as Record<string, ReturnType<typeof vi.fn>>;
    for (const fn of ['setPermissionRequestHandler', 'setPermissionCheckHandler', 'setDevicePermissionHandler']) expect(ses[fn], fn).toHaveBeenCalled();
    expect(electron.Menu.setApplicationMenu).toHaveBeenCalled();
  });

  it('opens one sandboxed window on the app’s page, with the preload and its own guards', () => {
    const [w] = windows();
    expect(w!.url).toBe(APP_ENTRY_URL);
    expect(w!.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(w!.options.webPreferences!.preload)).toMatch(/preload\.cjs$/);
    expect(w!.webContents.listenerCount('will-navigate')).toBeGreaterThan(0);
  });

  it('titles the window from the renderer’s document state', () => {
    const [w] = windows();
    send(w!, 'doc:state', state());
    expect(w!.title).toBe('stalin-gottwald-1950.argmap.json — Argument Atlas');
    send(w!, 'doc:state', state({ dirty: true }));
    expect(w!.title).toBe(process.platform === 'darwin' ? 'stalin-gottwald-1950.argmap.json — Argument Atlas' : '• stalin-gottwald-1950.argmap.json — Argument Atlas');
    send(w!, 'doc:state', state());
  });

  it('refuses IPC from another origin', async () => {
    const [w] = windows();
    await expect(mocks.handled.get('backup:read')!(frame(w!, 'https://evil.example/'))).rejects.toThrow(/refused/);
  });

  it('a map opened by the OS replaces the untouched analyst’s map, with a token instead of a path', async () => {
    const [w] = windows();
    app().emit('open-file', { preventDefault: () => undefined }, mapPath);
    await vi.waitFor(() => expect(sentOf(w!, 'host:open-file')).toHaveLength(1));
    const file = sentOf(w!, 'host:open-file')[0] as { name: string; bytes: Uint8Array; token: string };
    expect(file.name).toBe('other.argmap.json');
    expect(Buffer.from(file.bytes).toString()).toBe('{"format":"argument-atlas/argmap"}\n');
    expect(file.token).toMatch(TOKEN_PATTERN);
    expect(JSON.stringify(file)).not.toContain(files);
    send(w!, 'doc:state', state({ name: 'other.argmap.json', ref: file.token }));
    // The recent list is written after the file is sent (a busy machine may take longer).
    await vi.waitFor(() => expect(JSON.parse(readFileSync(join(h.data, 'recent-files.json'), 'utf8')).files).toEqual([mapPath, h.recentMap]));
  });

  it('saves to the token’s file atomically, keeping the replaced version', async () => {
    const [w] = windows();
    const token = (sentOf(w!, 'host:open-file')[0] as { token: string }).token;
    await expect(invoke(w!, 'file:save', mapText('saved'), 'other.argmap.json', token)).resolves.toEqual({ ok: true, value: { name: 'other.argmap.json', token } });
    expect(readFileSync(mapPath, 'utf8')).toBe(mapText('saved'));
    const previous = readdirSync(join(h.data, 'previous-versions'));
    expect(readFileSync(join(h.data, 'previous-versions', previous[0]!), 'utf8')).toBe('{"format":"argument-atlas/argmap"}\n');
    expect(readdirSync(files)).toEqual(['other.argmap.json']);
    // A token from nowhere is not a file.
    await expect(invoke(w!, 'file:save', mapText('x'), 'a.argmap.json', 'f_' + '0'.repeat(32))).resolves.toMatchObject({ ok: false });
  });

  it('refuses to write what is not a map through the window’s token, leaving the file as it was', async () => {
    const [w] = windows();
    const token = (sentOf(w!, 'host:open-file')[0] as { token: string }).token;
    const before = readFileSync(mapPath, 'utf8');
    const saveDialogs = dialog.showSaveDialog.mock.calls.length;
    for (const text of ['#!/bin/sh\nrm -rf ~\n', '{"format":"argument-atlas/argmap","version":1}', '', 'null']) {
      const refused = (await invoke(w!, 'file:save', text, 'other.argmap.json', token)) as { ok: boolean; message: string };
      expect(refused.ok, JSON.stringify(text)).toBe(false);
      expect(refused.message).toMatch(/^Argument Atlas did not write “other\.argmap\.json”: what the window asked to save is not a map it could open again \(.+\)\. The file was left as it was\.$/);
      expect(readFileSync(mapPath, 'utf8')).toBe(before);
    }
    expect(dialog.showMessageBox.mock.calls.at(-1)![1]).toMatchObject({ type: 'error', message: 'Could not save “other.argmap.json”' });
    // Save As is refused before it asks where.
    await expect(invoke(w!, 'file:save', 'not a map', 'x.argmap.json', null)).resolves.toMatchObject({ ok: false });
    expect(dialog.showSaveDialog.mock.calls.length).toBe(saveDialogs);
    expect(readdirSync(files)).toEqual(['other.argmap.json']);
  });

  it('Save As writes where the dialog says; a failure is shown in a dialog and leaves the document unsaved', async () => {
    const [w] = windows();
    const copy = join(files, 'copy.argmap.json');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: copy });
    const saved = (await invoke(w!, 'file:save', mapText('copy'), '../../evil', null)) as { ok: true; value: { name: string; token: string } };
    expect(saved.value.name).toBe('copy.argmap.json');
    expect(String(dialog.showSaveDialog.mock.calls.at(-1)![1].defaultPath)).toMatch(/evil\.argmap\.json$/);
    expect(readFileSync(copy, 'utf8')).toBe(mapText('copy'));

    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(mapPath, 'inside-a-file.argmap.json') });
    dialog.showMessageBox.mockResolvedValueOnce({ response: 0 });
    const failed = (await invoke(w!, 'file:save', mapText('x'), 'x.argmap.json', null)) as { ok: false; message: string };
    expect(failed.ok).toBe(false);
    expect(failed.message).toMatch(/is no longer there/);
    expect(dialog.showMessageBox.mock.calls.at(-1)![1]).toMatchObject({ type: 'error', message: 'Could not save “inside-a-file.argmap.json”' });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(invoke(w!, 'file:save', mapText('x'), 'x.argmap.json', null)).resolves.toEqual({ ok: true, value: null });
  });

  it('exports a figure where the Save dialog says, atomically, answering with its name only', async () => {
    const [w] = windows();
    const out = mkdtempSync(join(tmpdir(), 'aa-main-figures-'));
    const pdf = new Uint8Array([...Buffer.from('%PDF-1.7\n'), 0xe2, 0xe3, 0xcf, 0xd3, ...Buffer.from('\nstartxref\n0\n%%EOF\n')]);
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(out, 'letter.pdf') });
    await expect(invoke(w!, 'file:save-binary', pdf, 'stalins-letter-1950.pdf', 'application/pdf')).resolves.toEqual({ ok: true, value: { name: 'letter.pdf' } });
    const options = dialog.showSaveDialog.mock.calls.at(-1)![1] as { title: string; defaultPath: string; filters: unknown[]; properties: string[] };
    expect(options.title).toBe('Export Figure');
    expect(options.defaultPath.endsWith('stalins-letter-1950.pdf')).toBe(true);
    expect(options.filters).toEqual([{ name: 'PDF document', extensions: ['pdf'] }]);
    expect(options.properties).toContain('showOverwriteConfirmation');
    expect(new Uint8Array(readFileSync(join(out, 'letter.pdf')))).toEqual(pdf);
    expect(readdirSync(out)).toEqual(['letter.pdf']);
    // A PDF handout is a PDF too: the window says what it is, and the dialog is titled for it.
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true });
    await expect(invoke(w!, 'file:save-binary', pdf, 'stalins-letter-1950.handout.pdf', 'application/pdf', 'handout')).resolves.toEqual({ ok: true, value: null });
    expect((dialog.showSaveDialog.mock.calls.at(-1)![1] as { title: string }).title).toBe('Export Handout');

    // The next export starts in the same folder; a name typed without the extension gets it.
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(out, 'typed') });
    await expect(invoke(w!, 'file:save-binary', new TextEncoder().encode(SVG), 'map.svg', 'image/svg+xml')).resolves.toEqual({ ok: true, value: { name: 'typed.svg' } });
    expect(String(dialog.showSaveDialog.mock.calls.at(-1)![1].defaultPath)).toBe(join(out, 'map.svg'));
    expect(readFileSync(join(out, 'typed.svg'), 'utf8')).toBe(SVG);
    // …but an existing file under that name was not confirmed, so it is not replaced.
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(out, 'typed') });
    await expect(invoke(w!, 'file:save-binary', new TextEncoder().encode(SVG.replace('Map', 'Other')), 'map.svg', 'image/svg+xml')).resolves.toMatchObject({ ok: false, message: expect.stringMatching(/“typed\.svg” is already there/) });
    expect(readFileSync(join(out, 'typed.svg'), 'utf8')).toBe(SVG);

    // Cancel: null. A write that fails: a sentence, and nothing left behind.
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: true, filePath: '' });
    await expect(invoke(w!, 'file:save-binary', pdf, 'letter.pdf', 'application/pdf')).resolves.toEqual({ ok: true, value: null });
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(out, 'gone', 'letter.pdf') });
    await expect(invoke(w!, 'file:save-binary', pdf, 'letter.pdf', 'application/pdf')).resolves.toEqual({ ok: false, message: 'The folder chosen for “letter.pdf” is no longer there (it was moved or deleted).' });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    dialog.showSaveDialog.mockRejectedValueOnce(new Error('GTK exploded'));
    await expect(invoke(w!, 'file:save-binary', pdf, 'letter.pdf', 'application/pdf')).resolves.toEqual({ ok: false, message: 'The Save dialog could not be shown.' });
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
    expect(readdirSync(out).sort()).toEqual(['letter.pdf', 'typed.svg']);
  });

  it('refuses figure bytes that are not what their type says, before asking where', async () => {
    const [w] = windows();
    const saveDialogs = dialog.showSaveDialog.mock.calls.length;
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const wrong: [Uint8Array, string, string, RegExp][] = [
      [new TextEncoder().encode('<html><script>alert(1)</script></html>'), 'map.svg', 'image/svg+xml', /not an SVG figure \(they do not begin with an XML declaration or <svg>\)/],
      [new TextEncoder().encode(SVG.replace('<rect', '<script>alert(1)</script><rect')), 'map.svg', 'image/svg+xml', /not an SVG figure \(it contains a <script> element\)/],
      [new TextEncoder().encode(SVG), 'map.png', 'image/png', /not a PNG image \(they do not begin with the PNG signature\)/],
      [png, 'map.png', 'image/png', /not a PNG image \(The PNG file has no header\)/],
      [png, 'map.pdf', 'application/pdf', /not a PDF document \(they do not begin with “%PDF-”\)/],
    ];
    for (const [bytes, name, mime, message] of wrong) {
      const refused = (await invoke(w!, 'file:save-binary', bytes, name, mime)) as { ok: boolean; message: string };
      expect(refused.ok, name).toBe(false);
      expect(refused.message, name).toMatch(message);
      expect(refused.message, name).toMatch(new RegExp(`^Argument Atlas did not write “${name.replace('.', '\\.')}”`));
    }
    expect(dialog.showSaveDialog.mock.calls.length).toBe(saveDialogs);
  });

  it('exports a bibliography where the Save dialog says, titled and filtered as one, refusing what is not one', async () => {
    const [w] = windows();
    const out = mkdtempSync(join(tmpdir(), 'aa-main-bibliographies-'));
    const csl = new TextEncoder().encode(JSON.stringify([{ id: 'stalin-gottwald-1950', type: 'personal_communication', title: 'Letter to Gottwald' }], null, 2));
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(out, 'sources.json') });
    await expect(invoke(w!, 'file:save-binary', csl, 'letter.sources.json', 'application/vnd.citationstyles.csl+json')).resolves.toEqual({ ok: true, value: { name: 'sources.json' } });
    expect(dialog.showSaveDialog.mock.calls.at(-1)![1]).toMatchObject({ title: 'Export Bibliography', filters: [{ name: 'CSL-JSON bibliography', extensions: ['json'] }] });
    expect(new Uint8Array(readFileSync(join(out, 'sources.json')))).toEqual(csl);
    const bib = new TextEncoder().encode('@letter{Stalin1950,\n\tauthor = {Stalin, I. V.},\n\tdate = {1950-08-27},\n}\n');
    dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: join(out, 'typed') });
    await expect(invoke(w!, 'file:save-binary', bib, 'letter.bib', 'application/x-bibtex')).resolves.toEqual({ ok: true, value: { name: 'typed.bib' } });
    expect(dialog.showSaveDialog.mock.calls.at(-1)![1]).toMatchObject({ title: 'Export Bibliography', defaultPath: join(out, 'letter.bib'), filters: [{ name: 'BibTeX bibliography', extensions: ['bib'] }] });
    expect(new Uint8Array(readFileSync(join(out, 'typed.bib')))).toEqual(bib);
    // Bytes that are not a bibliography are refused before the dialog.
    const saveDialogs = dialog.showSaveDialog.mock.calls.length;
    await expect(invoke(w!, 'file:save-binary', new TextEncoder().encode('{"format":"argument-atlas/argmap"}'), 'sources.json', 'application/vnd.citationstyles.csl+json')).resolves.toEqual({
      ok: false,
      message: 'Argument Atlas did not write “sources.json”: the bytes to export are not a CSL-JSON bibliography (the JSON is not a list of records).',
    });
    expect(dialog.showSaveDialog.mock.calls.length).toBe(saveDialogs);
    expect(readdirSync(out).sort()).toEqual(['sources.json', 'typed.bib']);
  });

  it('adds a source or imports a bibliography through the Open dialog: name and bytes only, no token, not a recent map', async () => {
    const [w] = windows();
    const docs = mkdtempSync(join(tmpdir(), 'aa-main-documents-'));
    const letter = join(docs, 'letter.txt');
    writeFileSync(letter, 'Dear Comrade Gottwald,\n');
    const recentBefore = readFileSync(join(h.data, 'recent-files.json'), 'utf8');
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [letter] });
    const added = await invoke(w!, 'file:open-document', 'source');
    expect(added).toEqual({ ok: true, value: { name: 'letter.txt', bytes: new Uint8Array(Buffer.from('Dear Comrade Gottwald,\n')) } });
    expect(JSON.stringify(added)).not.toContain(docs);
    const [parent, options] = dialog.showOpenDialog.mock.calls.at(-1)!;
    expect(parent).toBe(w);
    expect(options).toMatchObject({ title: 'Add Source', properties: ['openFile'], filters: [{ name: 'Documents (text, Markdown, PDF, Word, HTML)' }, { name: 'All files', extensions: ['*'] }] });
    // A source is copied into the map: it is not a map to reopen.
    expect(readFileSync(join(h.data, 'recent-files.json'), 'utf8')).toBe(recentBefore);

    // The next dialog starts where the last document came from; cancelling answers null.
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: true, filePaths: [] });
    await expect(invoke(w!, 'file:open-document', 'bibliography')).resolves.toEqual({ ok: true, value: null });
    expect(dialog.showOpenDialog.mock.calls.at(-1)![1]).toMatchObject({ title: 'Import Bibliography', defaultPath: docs, filters: [{ name: 'Bibliographies (BibTeX, BibLaTeX, CSL-JSON)', extensions: ['bib', 'json'] }, { name: 'All files', extensions: ['*'] }] });

    // Too large: the intake's sentence, nothing read.
    const big = join(docs, 'collected-works.pdf');
    writeFileSync(big, '');
    truncateSync(big, 33 * 1024 * 1024);
    dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [big] });
    await expect(invoke(w!, 'file:open-document', 'source')).resolves.toEqual({ ok: false, message: '“collected-works.pdf” is 33.0 MB; a source file can be at most 32.0 MB. Split it into smaller files, or add the part you need.' });
    if (process.platform !== 'win32') {
      const fifo = join(docs, 'refs.bib');
      execFileSync('mkfifo', [fifo]);
      dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: [fifo] });
      await expect(invoke(w!, 'file:open-document', 'bibliography')).resolves.toEqual({ ok: false, message: '“refs.bib” is not a regular file (it is a named pipe); Argument Atlas opens only files.' });
    }
    // Another purpose, or a path, is refused before any dialog.
    const shown = dialog.showOpenDialog.mock.calls.length;
    await expect(invoke(w!, 'file:open-document', 'map')).rejects.toThrow(/purpose must be one of source, bibliography/);
    await expect(invoke(w!, 'file:open-document', 'source', letter)).rejects.toThrow(/expected 1 argument/);
    await expect(mocks.handled.get('file:open-document')!(frame(w!, 'https://evil.example/'), 'source')).rejects.toThrow(/refused/);
    expect(dialog.showOpenDialog.mock.calls.length).toBe(shown);
  });

  it('File > Add Source… and Import Bibliography… send their commands to the window in front', () => {
    const [w] = windows();
    const template = (electron.Menu.setApplicationMenu as unknown as ReturnType<typeof vi.fn>).mock.calls.at(-1)![0] as MenuItemConstructorOptions[];
    const items = flattenMenu(template);
    const before = sentOf(w!, 'host:command').length;
    for (const id of ['addSource', 'importBibliography']) (items.find((i) => i.id === id)!.click as () => void)();
    expect(sentOf(w!, 'host:command').slice(before)).toEqual(['addSource', 'importBibliography']);
  });

  it('keeps crash backups in the window’s slot in the app data folder', async () => {
    const [w] = windows();
    await invoke(w!, 'backup:write', { text: '{"unsaved":1}', name: 'other.argmap.json', savedAt: '2026-01-01T00:00:00.000Z' });
    expect(slotFiles()).toHaveLength(1);
    await expect(invoke(w!, 'backup:read')).resolves.toEqual({ text: '{"unsaved":1}', name: 'other.argmap.json', savedAt: '2026-01-01T00:00:00.000Z' });
  });

  it('a second launch’s file goes to a new window when the one open holds a file', async () => {
    const other = join(files, 'third.argmap.json');
    writeFileSync(other, '{}\n');
    app().emit('second-instance', {}, ['/opt/argument-atlas', 'dist/electron/main.cjs', other], files);
    await vi.waitFor(() => expect(windows()).toHaveLength(2));
    const second = windows()[1]!;
    expect(sentOf(second, 'host:open-file')).toHaveLength(0); // waits for its renderer
    send(second, 'doc:state', state());
    await vi.waitFor(() => expect((sentOf(second, 'host:open-file')[0] as { name: string } | undefined)?.name).toBe('third.argmap.json'));
    const token = (sentOf(second, 'host:open-file')[0] as { token: string }).token;
    send(second, 'doc:state', state({ name: 'third.argmap.json', ref: token }));
    // Opening the same file again brings its window forward instead of opening it twice.
    app().emit('open-file', { preventDefault: () => undefined }, other);
    await new Promise((r) => setTimeout(r, 20));
    expect(windows()).toHaveLength(2);
  });

  it('File > Start Live Seminar… hosts the window’s saved map with the shared host: the key never leaves main, the window joins through main, saves over it refused, closing asks to stop, stopping saves', async () => {
    const [w] = windows();
    const token = (sentOf(w!, 'host:open-file')[0] as { token: string }).token;
    writeFileSync(mapPath, mapText('hosted'));
    send(w!, 'doc:state', state({ name: 'other.argmap.json', ref: token }));
    const addresses = (await invoke(w!, 'live:addresses')) as { address: string; loopback: boolean }[];
    expect(addresses[0]).toMatchObject({ address: '127.0.0.1', loopback: true });
    expect(addresses.map((a) => a.address)).not.toContain('0.0.0.0');
    // Unsaved changes: the room would start without them.
    send(w!, 'doc:state', state({ name: 'other.argmap.json', ref: token, dirty: true }));
    await expect(invoke(w!, 'live:start', token, { address: '127.0.0.1', port: 0, mode: 'open' })).resolves.toMatchObject({ ok: false, message: expect.stringMatching(/^Save the map first/) });
    send(w!, 'doc:state', state({ name: 'other.argmap.json', ref: token }));
    const started = (await invoke(w!, 'live:start', token, { address: '127.0.0.1', port: 0, mode: 'open' })) as { ok: true; value: { code: string; port: number; joinUrl: string; mapName: string } };
    expect(started.ok).toBe(true);
    const s = started.value;
    expect(s.mapName).toBe('other.argmap.json');
    expect(s.joinUrl).toBe(`http://127.0.0.1:${s.port}/#${s.code}`);
    expect(JSON.stringify(s)).not.toContain(files);
    // The key stays in main: without it the window would be a student.
    expect(s).not.toHaveProperty('key');
    // What a reloaded page picks up: the seminar (no key), who is connected now, and its own token for the hosted file.
    const now = (await invoke(w!, 'live:current')) as { seminar: object; peers: unknown[]; token: string };
    expect(now).toEqual({ seminar: s, peers: [], token });
    expect(now.seminar).not.toHaveProperty('key');
    // Asked under the instructor's name from outside, the host refuses: the name is the key holder's.
    const asStudent = await fetch(`http://127.0.0.1:${s.port}/live/${s.code}/info?name=Instructor`);
    expect(asStudent.status).toBe(409);
    expect(JSON.stringify(await asStudent.json())).toContain('kept for the instructor');
    const other = await (await fetch(`http://127.0.0.1:${s.port}/live/${s.code}/info?name=Tomas`)).json();
    expect(other).toMatchObject({ role: 'student' });
    // The window in its own room, through main: the info and the socket with the key main keeps.
    await expect(invoke(w!, 'live:room-info', 'Instructor')).resolves.toMatchObject({ ok: true, value: { role: 'instructor', mode: 'open', title: 'hosted', name: 'Instructor' } });
    const socket = (await invoke(w!, 'live:socket-open', 'Instructor')) as { ok: true; value: number };
    expect(socket.ok).toBe(true);
    await vi.waitFor(() => expect(sentOf(w!, 'host:live-socket-open')).toContainEqual([socket.value]));
    // The window is in the room as its instructor: a page reloaded now is told so (peers are pushed only on change).
    await vi.waitFor(async () => expect(((await invoke(w!, 'live:current')) as { peers: unknown[] }).peers).toEqual([{ name: 'Instructor', role: 'instructor', connected: true }]));
    // The host's first sync message reaches this window only.
    await vi.waitFor(() => expect(sentOf(w!, 'host:live-socket-message').length).toBeGreaterThan(0));
    expect((sentOf(w!, 'host:live-socket-message')[0] as [number, Uint8Array])[0]).toBe(socket.value);
    expect((sentOf(w!, 'host:live-socket-message')[0] as [number, Uint8Array])[1]).toBeInstanceOf(Uint8Array);
    // The menu: Start disabled, Stop enabled for the hosting window (in front).
    w!.focus();
    await vi.waitFor(() => {
      const items = flattenMenu((electron.Menu.setApplicationMenu as unknown as ReturnType<typeof vi.fn>).mock.lastCall![0] as MenuItemConstructorOptions[]);
      expect(items.find((i) => i.id === 'stopLiveSeminar')?.enabled).toBe(true);
      expect(items.find((i) => i.id === 'startLiveSeminar')?.enabled).toBe(false);
    });
    await expect(invoke(w!, 'file:save', mapText('stale'), 'other.argmap.json', token)).resolves.toMatchObject({ ok: false, message: expect.stringMatching(/is being edited in a live seminar/) });

    answer('Cancel');
    w!.close();
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenLastCalledWith(w, expect.objectContaining({ message: 'Stop the live seminar on “other.argmap.json”?' })));
    await new Promise((r) => setTimeout(r, 20));
    expect(w!.destroyed).toBe(false);
    await expect(invoke(w!, 'live:current')).resolves.toMatchObject({ seminar: { code: s.code } });

    await expect(invoke(w!, 'live:stop')).resolves.toEqual({ ok: true, value: null });
    await expect(fetch(`http://127.0.0.1:${s.port}/`)).rejects.toThrow();
    // Stopping ended the window's relayed socket, and the window heard of it.
    await vi.waitFor(() => expect((sentOf(w!, 'host:live-socket-close') as [number, number, string][]).map(([id]) => id)).toContain(socket.value));
    await expect(invoke(w!, 'live:socket-open', 'Instructor')).resolves.toEqual({ ok: false, message: 'This window hosts no live seminar now.' });
    await expect(invoke(w!, 'live:current')).resolves.toBeNull();
    // The file is the class's map (here unchanged); this window may save over it once it has read it again.
    expect(JSON.parse(readFileSync(mapPath, 'utf8')).meta.title).toBe('hosted');
    await expect(invoke(w!, 'file:save', mapText('stale'), 'other.argmap.json', token)).resolves.toMatchObject({ ok: false, message: expect.stringMatching(/Revert to Saved/) });
    await invoke(w!, 'file:reread', token);
    await expect(invoke(w!, 'file:save', mapText('saved'), 'other.argmap.json', token)).resolves.toMatchObject({ ok: true });
  });

  it('closing with unsaved changes asks; Cancel keeps the window, Save closes it once saved', async () => {
    const [w] = windows();
    send(w!, 'doc:state', state({ name: 'other.argmap.json', dirty: true, ref: (sentOf(w!, 'host:open-file')[0] as { token: string }).token }));
    answer('Cancel');
    w!.close();
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenLastCalledWith(w, expect.objectContaining({ message: 'Do you want to save the changes you made to “other.argmap.json”?' })));
    await new Promise((r) => setTimeout(r, 20));
    expect(w!.destroyed).toBe(false);

    answer('Save');
    w!.close();
    await vi.waitFor(() => expect(sentOf(w!, 'host:save-request')).toHaveLength(1));
    const id = sentOf(w!, 'host:save-request')[0] as number;
    send(w!, 'host:save-result', id, true);
    await vi.waitFor(() => expect(w!.destroyed).toBe(true));
    // Saved: its crash backup is gone too.
    expect(slotFiles()).toHaveLength(0);
  });

  it('a failed Save in the close prompt keeps the window open', async () => {
    const second = windows()[1]!;
    send(second, 'doc:state', state({ dirty: true }));
    answer('Save');
    second.close();
    await vi.waitFor(() => expect(sentOf(second, 'host:save-request')).toHaveLength(1));
    send(second, 'host:save-result', sentOf(second, 'host:save-request')[0], false);
    await new Promise((r) => setTimeout(r, 20));
    expect(second.destroyed).toBe(false);
  });

  it('Don’t Save closes and deletes the backup; the app quits when the last window closes (not on macOS)', async () => {
    const second = windows()[1]!;
    await invoke(second, 'backup:write', { text: '{}', name: 'x', savedAt: 'now' });
    expect(slotFiles()).toHaveLength(1);
    answer("Don't Save");
    second.close();
    await vi.waitFor(() => expect(second.destroyed).toBe(true));
    expect(slotFiles()).toHaveLength(0);
    // A write still on its way from the closed window is refused: nothing brings the backup back.
    await expect((mocks.handled.get('backup:write')!(frame(second), { text: '{}', name: 'x', savedAt: 'now' }) as Promise<unknown>)).rejects.toThrow(/not an app window/);
    expect(slotFiles()).toHaveLength(0);
    app().emit('window-all-closed');
    if (process.platform !== 'darwin') expect(app().quit).toHaveBeenCalled();
  });

  it('a window whose renderer crashed offers to reopen it', async () => {
    app().emit('activate');
    await vi.waitFor(() => expect(windows().filter((w) => !w.destroyed)).toHaveLength(1));
    const w = windows().at(-1)!;
    answer('Reopen');
    w.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await vi.waitFor(() => expect(w.webContents.reload).toHaveBeenCalled());
    expect(dialog.showMessageBox.mock.calls.at(-1)![1].message).toBe('The map in this window stopped unexpectedly.');
  });

  it('a window that stops responding can be restarted: its renderer is ended and the page reloaded', async () => {
    const w = windows().at(-1)!;
    w.webContents.reload.mockClear();
    const boxes = dialog.showMessageBox.mock.calls.length;
    answer('Reopen');
    w.emit('unresponsive');
    await vi.waitFor(() => expect(w.webContents.forcefullyCrashRenderer).toHaveBeenCalled());
    w.webContents.emit('render-process-gone', {}, { reason: 'killed', exitCode: 9 });
    expect(w.webContents.reload).toHaveBeenCalled();
    expect(dialog.showMessageBox.mock.calls.length).toBe(boxes + 1); // no second question
  });

  it('a close the page refuses (changes main had not heard of yet) asks too; a refused reload does not', async () => {
    const w = windows().filter((x) => !x.destroyed).at(-1)!;
    send(w, 'doc:state', state());
    const boxes = dialog.showMessageBox.mock.calls.length;
    // A reload the page refuses: nothing to ask.
    w.webContents.emit('will-prevent-unload', { preventDefault: vi.fn() });
    await new Promise((r) => setTimeout(r, 20));
    expect(dialog.showMessageBox.mock.calls.length).toBe(boxes);
    // A close the page refuses: the prompt.
    answer('Cancel');
    w.emit('close', { preventDefault: vi.fn() });
    w.webContents.emit('will-prevent-unload', { preventDefault: vi.fn() });
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenLastCalledWith(w, expect.objectContaining({ message: 'Do you want to save the changes you made to “stalin-gottwald-1950.argmap.json”?' })));
    expect(w.destroyed).toBe(false);
  });
});

// ----- closing and quitting while hosting --------------------------------------------------

/** A window hosting its own saved map `name`, started as the Start dialog does it. */
async function hosting(name: string): Promise<{ w: FakeWindow; path: string; port: number }> {
  const path = join(files, name);
  writeFileSync(path, mapText(name));
  const before = windows().length;
  app().emit('open-file', { preventDefault: () => undefined }, path);
  const got = () => windows().find((x) => !x.destroyed && sentOf(x, 'host:open-file').some((f) => (f as { name: string }).name === name));
  await vi.waitFor(() => {
    // A new window takes its file once its page has said its state.
    for (const x of windows().slice(before)) if (!x.destroyed && sentOf(x, 'host:open-file').length === 0) send(x, 'doc:state', state());
    expect(got()).toBeDefined();
  });
  const w = got()!;
  const token = (sentOf(w, 'host:open-file').find((f) => (f as { name: string }).name === name) as { token: string }).token;
  send(w, 'doc:state', state({ name, ref: token }));
  const started = (await invoke(w, 'live:start', token, { address: '127.0.0.1', port: 0, mode: 'open' })) as { ok: boolean; value: { port: number }; message?: string };
  if (!started.ok) throw new Error(started.message);
  return { w, path, port: started.value.port };
}

/**
 * The host's last save will fail: its live store cannot be rewritten, a folder now standing where
 * the log is renamed to (the host's open log still appends to the file it had).
 */
function breakLastSave(path: string): void {
  const log = join(dirname(path), `.${basename(path)}.live`, 'class.ylog');
  rmSync(log);
  mkdirSync(join(log, 'in-the-way'), { recursive: true });
}
const menuItem = (id: string) => flattenMenu((electron.Menu.setApplicationMenu as unknown as ReturnType<typeof vi.fn>).mock.lastCall![0] as MenuItemConstructorOptions[]).find((i) => i.id === id)!;
const refused = (port: number) => expect(fetch(`http://127.0.0.1:${port}/`)).rejects.toThrow();

describe('closing and quitting while hosting', () => {
  it('Stop Seminar in the close prompt saves and stops the seminar, then closes the window', async () => {
    const { w, port } = await hosting('closing.argmap.json');
    answer('Stop Seminar');
    w.close();
    await vi.waitFor(() => expect(w.destroyed).toBe(true));
    expect(dialog.showMessageBox).toHaveBeenCalledWith(w, expect.objectContaining({ message: 'Stop the live seminar on “closing.argmap.json”?', detail: expect.stringContaining('Closing this window ends the seminar') }));
    expect(sentOf(w, 'host:live-ended')).toEqual([{ reason: null, saved: true }]);
    await refused(port);
  });

  it('a stop whose last save fails keeps the closing window open and says why, not that the map was saved', async () => {
    const { w, path, port } = await hosting('failing.argmap.json');
    breakLastSave(path);
    answer('Stop Seminar');
    w.close();
    await vi.waitFor(() => expect(dialog.showMessageBox).toHaveBeenLastCalledWith(w, expect.objectContaining({ type: 'error', message: LIVE_STOP_FAILED, detail: expect.stringMatching(/^The live seminar stopped, but the map could not be saved \(.*is a folder/) })));
    await new Promise((r) => setTimeout(r, 20));
    expect(w.destroyed).toBe(false);
    expect(sentOf(w, 'host:live-ended')).toEqual([{ reason: expect.stringMatching(/could not be saved/), saved: false }]);
    // The host stopped all the same: the window hosts nothing now, and closes as any other.
    await refused(port);
    await expect(invoke(w, 'live:current')).resolves.toBeNull();
    w.close();
    expect(w.destroyed).toBe(true);
  });

  it('the Stop button (live:stop) whose last save fails answers why, and the window hears the seminar ended', async () => {
    const { w, path, port } = await hosting('dialog-failing.argmap.json');
    breakLastSave(path);
    await expect(invoke(w, 'live:stop')).resolves.toEqual({ ok: false, message: expect.stringMatching(/^The live seminar stopped, but the map could not be saved \(.*is a folder/) });
    expect(sentOf(w, 'host:live-ended')).toEqual([{ reason: expect.stringMatching(/could not be saved/), saved: false }]);
    await refused(port);
    await expect(invoke(w, 'live:current')).resolves.toBeNull();
    w.close();
  });

  it('Stop Live Seminar in the menu says the map was saved only when it was', async () => {
    const saved = await hosting('menu.argmap.json');
    saved.w.focus();
    await vi.waitFor(() => expect(menuItem('stopLiveSeminar').enabled).toBe(true));
    (menuItem('stopLiveSeminar').click as () => void)();
    await vi.waitFor(() => expect(sentOf(saved.w, 'host:live-ended')).toEqual([{ reason: 'The live seminar was stopped from the menu; the map was saved.', saved: true }]));
    await refused(saved.port);

    const failing = await hosting('menu-failing.argmap.json');
    breakLastSave(failing.path);
    failing.w.focus();
    await vi.waitFor(() => expect(menuItem('stopLiveSeminar').enabled).toBe(true));
    const boxes = dialog.showMessageBox.mock.calls.length;
    (menuItem('stopLiveSeminar').click as () => void)();
    await vi.waitFor(() => expect(sentOf(failing.w, 'host:live-ended')).toEqual([{ reason: expect.stringMatching(/^The live seminar stopped, but the map could not be saved/), saved: false }]));
    await vi.waitFor(() => expect(dialog.showMessageBox.mock.calls.length).toBe(boxes + 1));
    expect(dialog.showMessageBox).toHaveBeenLastCalledWith(failing.w, expect.objectContaining({ type: 'error', message: LIVE_STOP_FAILED }));
    await refused(failing.port);
    for (const x of [saved.w, failing.w]) x.close();
  });

  it('a hosting window that goes without asking (its renderer gone) still saves and stops its seminar; a failed save is said with no window', async () => {
    const { w, port } = await hosting('gone.argmap.json');
    w.destroy();
    await vi.waitFor(() => refused(port));
    expect(dialog.showErrorBox).not.toHaveBeenCalled();

    const failing = await hosting('gone-failing.argmap.json');
    breakLastSave(failing.path);
    failing.w.destroy();
    await vi.waitFor(() => expect(dialog.showErrorBox).toHaveBeenCalledWith(LIVE_STOP_FAILED, expect.stringMatching(/could not be saved \(.*is a folder/)));
    await refused(failing.port);
  });

  it('quitting while hosting asks to stop within the quit, and the seminars still running at will-quit save and stop before the app exits', async () => {
    const closing = await hosting('quit-asked.argmap.json');
    const left = await hosting('quit-left.argmap.json');
    app().quit.mockClear();
    app().emit('before-quit');
    answer('Stop Seminar');
    closing.w.close();
    await vi.waitFor(() => expect(closing.w.destroyed).toBe(true));
    expect(dialog.showMessageBox).toHaveBeenCalledWith(closing.w, expect.objectContaining({ detail: expect.stringContaining('Quitting ends the seminar') }));
    await refused(closing.port);
    // The quit goes on with the windows left.
    expect(app().quit).toHaveBeenCalled();
    app().quit.mockClear();

    // A seminar still running when the app would exit: the exit waits for its save and stop, then quits again.
    const exit = { preventDefault: vi.fn() };
    app().emit('will-quit', exit);
    expect(exit.preventDefault).toHaveBeenCalled();
    await vi.waitFor(() => expect(app().quit).toHaveBeenCalled());
    await refused(left.port);
    const again = { preventDefault: vi.fn() };
    app().emit('will-quit', again);
    expect(again.preventDefault).not.toHaveBeenCalled();
  });
});
