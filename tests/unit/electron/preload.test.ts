// The preload, loaded with a stand-in for Electron's renderer modules: what it exposes on
// window.argumentAtlas, and what reaches the main process.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { Platform } from '../../../renderer/platform/types';

const exposed = new Map<string, unknown>();
const invoked: [string, unknown[]][] = [];
const sent: [string, unknown[]][] = [];
const listeners = new Map<string, (event: unknown, payload: unknown) => void>();
let answer: (channel: string, args: unknown[]) => unknown = () => undefined;

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      invoked.push([channel, args]);
      return answer(channel, args);
    },
    send: (channel: string, ...args: unknown[]) => void sent.push([channel, args]),
    on: (channel: string, fn: (event: unknown, payload: unknown) => void) => void listeners.set(channel, fn),
  },
}));

const TOKEN = 'f_' + 'b'.repeat(32);
let api: Platform;
beforeAll(async () => {
  await import('../../../electron/preload');
  api = exposed.get('argumentAtlas') as Platform;
});

/** Main sends an event: the IPC event object carries the sender, which the page must never get. */
const emit = (channel: string, payload: unknown) => listeners.get(channel)!({ sender: { secret: 'ipc event' }, ports: [] }, payload);

describe('window.argumentAtlas', () => {
  it('is the only thing exposed, and holds named functions only (no ipcRenderer, no event objects)', () => {
    expect([...exposed.keys()]).toEqual(['argumentAtlas']);
    expect(api.kind).toBe('electron');
    const values = Object.entries(api as unknown as Record<string, unknown>);
    for (const [key, value] of values) {
      if (key === 'kind') continue;
      if (key === 'backups' || key === 'live') {
        for (const [name, fn] of Object.entries(value as Record<string, unknown>)) {
          // live.socket: the relayed socket's named functions (electron/main/liveRelay.ts).
          if (key === 'live' && name === 'socket') for (const f of Object.values(fn as Record<string, unknown>)) expect(typeof f).toBe('function');
          else expect(typeof fn, name).toBe('function');
        }
        continue;
      }
      expect(typeof value, key).toBe('function');
    }
    expect(Object.keys(api).sort()).toEqual(['backups', 'kind', 'live', 'onMenuCommand', 'onOpenRequest', 'onSaveRequest', 'openDocument', 'openDropped', 'openFile', 'reread', 'saveBinary', 'saveFile', 'setDocumentState', 'setTheme'].sort());
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/ipc|invoke|send|require|process/i);
  });

  it('opens through the main process and gives the renderer a token as its file reference', async () => {
    answer = () => ({ ok: true, value: { name: 'a.argmap.json', bytes: new Uint8Array([123, 125]), token: TOKEN } });
    const file = await api.openFile();
    expect(invoked.at(-1)).toEqual(['file:open', []]);
    expect(file).toEqual({ name: 'a.argmap.json', bytes: new Uint8Array([123, 125]), ref: TOKEN });
  });

  it('turns a failure into an Error with the main process’s sentence', async () => {
    answer = () => ({ ok: false, message: '“a.argmap.json” is locked or in use by another program.' });
    await expect(api.saveFile('{}', 'a.argmap.json', TOKEN)).rejects.toThrow('“a.argmap.json” is locked or in use by another program.');
    expect(invoked.at(-1)).toEqual(['file:save', ['{}', 'a.argmap.json', TOKEN]]);
  });

  it('saves a figure through the main process: the bytes, a name and a type, never a path back', async () => {
    const bytes = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    answer = () => ({ ok: true, value: { name: 'letter.pdf' } });
    await expect(api.saveBinary!(bytes, 'letter.pdf', 'application/pdf')).resolves.toEqual({ name: 'letter.pdf' });
    expect(invoked.at(-1)).toEqual(['file:save-binary', [bytes, 'letter.pdf', 'application/pdf']]);
    await api.saveBinary!(bytes, 'letter.handout.html', 'text/html', 'handout');
    expect(invoked.at(-1)).toEqual(['file:save-binary', [bytes, 'letter.handout.html', 'text/html', 'handout']]);
    answer = () => ({ ok: true, value: null });
    await expect(api.saveBinary!(bytes, 'letter.pdf', 'application/pdf')).resolves.toBeNull();
    answer = () => ({ ok: false, message: '“letter.pdf” is locked or in use by another program.' });
    await expect(api.saveBinary!(bytes, 'letter.pdf', 'application/pdf')).rejects.toThrow('“letter.pdf” is locked or in use by another program.');
  });

  it('asks main for a document to add or import, and gives the page its name and bytes only', async () => {
    const bytes = new TextEncoder().encode('Dear Comrade Gottwald,');
    // Whatever else main's answer held (it holds nothing else) does not reach the page.
    answer = () => ({ ok: true, value: { name: 'letter.txt', bytes, path: '/home/historian/letter.txt', token: TOKEN } });
    const doc = await api.openDocument('source');
    expect(invoked.at(-1)).toEqual(['file:open-document', ['source']]);
    expect(doc).toEqual({ name: 'letter.txt', bytes });
    expect(Object.keys(doc!).sort()).toEqual(['bytes', 'name']);
    answer = () => ({ ok: true, value: null });
    await expect(api.openDocument('bibliography')).resolves.toBeNull();
    expect(invoked.at(-1)).toEqual(['file:open-document', ['bibliography']]);
    const refusal = '“letter.txt” is 40.0 MB; a source file can be at most 32.0 MB. Split it into smaller files, or add the part you need.';
    answer = () => ({ ok: false, message: refusal });
    await expect(api.openDocument('source')).rejects.toThrow(refusal);
  });

  it('sends a token or null, never anything else the page gives as a file reference', async () => {
    answer = () => ({ ok: true, value: null });
    await api.saveFile('{}', 'a.argmap.json', '/etc/passwd');
    expect(invoked.at(-1)).toEqual(['file:save', ['{}', 'a.argmap.json', null]]);
    await api.saveFile('{}', 'a.argmap.json', { path: '/etc/passwd' });
    expect(invoked.at(-1)![1][2]).toBeNull();
    await expect(api.reread('/etc/passwd')).rejects.toThrow(/not opened from a file/);
  });

  it('reads a dropped file in the page, without a path', async () => {
    const file = await api.openDropped({ name: 'd.argmap.json', arrayBuffer: async () => new Uint8Array([1, 2]).buffer });
    expect(file).toEqual({ name: 'd.argmap.json', bytes: new Uint8Array([1, 2]), ref: null });
  });

  it('hands listeners the payload only; files sent before the renderer listens wait for it', () => {
    emit('host:open-file', { name: 'early.argmap.json', bytes: new Uint8Array([1]), token: TOKEN });
    const opened: unknown[][] = [];
    api.onOpenRequest!((...args: unknown[]) => void opened.push(args));
    expect(opened).toEqual([[{ name: 'early.argmap.json', bytes: new Uint8Array([1]), ref: TOKEN }]]);
    const commands: unknown[][] = [];
    api.onMenuCommand!((...args: unknown[]) => void commands.push(args));
    emit('host:command', 'undo');
    emit('host:command', 'rm -rf');
    expect(commands).toEqual([['undo']]);
  });

  it('answers a save request with the outcome', async () => {
    api.onSaveRequest!(async () => true);
    emit('host:save-request', 5);
    await vi.waitFor(() => expect(sent.at(-1)).toEqual(['host:save-result', [5, true]]));
    api.onSaveRequest!(async () => {
      throw new Error('failed');
    });
    emit('host:save-request', 6);
    await vi.waitFor(() => expect(sent.at(-1)).toEqual(['host:save-result', [6, false]]));
  });

  it('reports the document state with only the contract’s fields', () => {
    api.setDocumentState!({ name: 'a.argmap.json', dirty: true, ref: '/etc/passwd', canRevert: false, panes: { sources: true, inspector: true }, extra: 1 } as never);
    expect(sent.at(-1)).toEqual(['doc:state', [{ name: 'a.argmap.json', dirty: true, ref: null, canRevert: false, panes: { sources: true, inspector: true } }]]);
  });

  it('tells main the theme chosen as a string on the theme channel (main checks it is a theme)', () => {
    api.setTheme!('dark');
    expect(sent.at(-1)).toEqual(['theme:set', ['dark']]);
    api.setTheme!({ toString: () => 'light' } as never);
    expect(sent.at(-1)).toEqual(['theme:set', ['light']]);
  });

  it('backs up through the main process, copying only the backup’s fields', async () => {
    answer = () => undefined;
    await api.backups.write({ text: 't', name: 'n', savedAt: 's', fileRef: 'x' } as never);
    expect(invoked.at(-1)).toEqual(['backup:write', [{ text: 't', name: 'n', savedAt: 's' }]]);
    await api.backups.read();
    expect(invoked.at(-1)).toEqual(['backup:read', []]);
    await api.backups.clear();
    expect(invoked.at(-1)).toEqual(['backup:clear', []]);
  });

  it('live seminar: starts with the window’s token only (an unsaved map is refused in words), copies the request’s fields, gives the page the seminar’s own fields (never a key), and hands it peers and endings without the IPC event', async () => {
    const live = api.live!;
    await expect(live.start(null, { address: '127.0.0.1', port: 4780, mode: 'open' })).rejects.toThrow(/Save the map first/);
    await expect(live.start('/home/me/a.argmap.json', { address: '127.0.0.1', port: 4780, mode: 'open' })).rejects.toThrow(/Save the map first/);
    const seminar = { code: 'ABC234', joinUrl: 'http://127.0.0.1:4780/#ABC234', address: '127.0.0.1', port: 4780, mode: 'open', mapName: 'a.argmap.json', key: 'k'.repeat(32) };
    answer = (channel) => (channel === 'live:start' ? { ok: true, value: seminar } : channel === 'live:stop' ? { ok: false, message: 'The map could not be saved.' } : undefined);
    // Main's answer held a key (as a mistake would): the page gets the seminar's named fields only.
    const { key: _key, ...forPage } = seminar;
    const started = await live.start(TOKEN, { address: '127.0.0.1', port: 4780, mode: 'open', extra: 'x' } as never);
    expect(started).toEqual(forPage);
    expect(started).not.toHaveProperty('key');
    expect(invoked.at(-1)).toEqual(['live:start', [TOKEN, { address: '127.0.0.1', port: 4780, mode: 'open' }]]);
    answer = (channel) => (channel === 'live:current' ? { seminar: { ...seminar, notice: 'The file changed since the last seminar.' }, peers: [{ name: 'Ada', role: 'student', connected: true, secret: 1 }], token: TOKEN, path: '/home/me' } : undefined);
    const now = await live.current();
    expect(now).toEqual({ seminar: { ...forPage, notice: 'The file changed since the last seminar.' }, peers: [{ name: 'Ada', role: 'student', connected: true }], ref: TOKEN });
    expect(now!.seminar).not.toHaveProperty('key');
    // No file token, no seminar to pick up.
    answer = (channel) => (channel === 'live:current' ? { seminar, peers: [], token: '/home/me/a.argmap.json' } : undefined);
    await expect(live.current()).resolves.toBeNull();
    answer = (channel) => (channel === 'live:start' ? { ok: true, value: seminar } : channel === 'live:stop' ? { ok: false, message: 'The map could not be saved.' } : undefined);
    await expect(live.stop()).rejects.toThrow('The map could not be saved.');
    const peers: unknown[] = [];
    const ended: unknown[] = [];
    live.onPeers((p) => void peers.push(p));
    live.onEnded((r, saved) => void ended.push([r, saved]));
    emit('host:live-peers', [{ name: 'Ada', role: 'instructor', connected: true, secret: 1 }, { name: 'Bo', role: 'admin', connected: 'yes' }]);
    expect(peers).toEqual([[{ name: 'Ada', role: 'instructor', connected: true }, { name: 'Bo', role: 'student', connected: false }]]);
    emit('host:live-ended', { reason: 'stopped from the menu', saved: true });
    emit('host:live-ended', { reason: 'the map could not be saved', saved: false });
    emit('host:live-ended', { sender: 'x' });
    expect(ended).toEqual([
      ['stopped from the menu', true],
      ['the map could not be saved', false],
      [null, true],
    ]);
  });

  it('live seminar drafts: the list’s named fields only, each of its type, and a draft’s text by name; a refusal is the host’s sentence', async () => {
    const live = api.live!;
    answer = (channel) =>
      channel === 'live:drafts'
        ? { ok: true, value: [{ name: 'Ada', open: true, changedAt: '2026-12-02T16:00:00.000Z', nodes: 12, path: '/store/draft-416461.ylog' }, { name: 'Bea', open: 'yes', changedAt: 7, nodes: '3' }] }
        : channel === 'live:draft'
          ? { ok: false, message: 'Bea has no draft in this seminar (a draft is made when its student first opens it).' }
          : undefined;
    await expect(live.drafts()).resolves.toEqual([
      { name: 'Ada', open: true, changedAt: '2026-12-02T16:00:00.000Z', nodes: 12 },
      { name: 'Bea', open: false, changedAt: '7', nodes: null },
    ]);
    expect(invoked.at(-1)).toEqual(['live:drafts', []]);
    await expect(live.draft('Bea')).rejects.toThrow('Bea has no draft in this seminar');
    expect(invoked.at(-1)).toEqual(['live:draft', ['Bea']]);
    answer = (channel) => (channel === 'live:draft' ? { ok: true, value: '{"format":"argument-atlas"}' } : undefined);
    await expect(live.draft('Ada')).resolves.toBe('{"format":"argument-atlas"}');
  });

  it('live seminar socket: the page names itself and sends frames; the key is never asked for, events come without the IPC event and malformed ones are dropped', async () => {
    const socket = api.live!.socket;
    answer = (channel) => (channel === 'live:socket-open' ? { ok: true, value: 5 } : channel === 'live:room-info' ? { ok: false, message: 'This window hosts no live seminar now.' } : undefined);
    await expect(socket.open('Instructor')).resolves.toBe(5);
    expect(invoked.at(-1)).toEqual(['live:socket-open', ['Instructor']]);
    await expect(socket.roomInfo('Instructor')).rejects.toThrow('This window hosts no live seminar now.');
    socket.send(5, new Uint8Array([0, 1]));
    socket.close(5);
    expect(sent.slice(-2)).toEqual([
      ['live:socket-send', [5, new Uint8Array([0, 1])]],
      ['live:socket-close', [5]],
    ]);
    const events: unknown[] = [];
    socket.onEvent((e) => void events.push(e));
    emit('host:live-socket-open', [5]);
    emit('host:live-socket-message', [5, new Uint8Array([2])]);
    emit('host:live-socket-message', [5, 'not bytes']);
    emit('host:live-socket-open', { id: 5 });
    emit('host:live-socket-close', [5, 4403, 'refused']);
    expect(events).toEqual([
      { kind: 'open', id: 5 },
      { kind: 'message', id: 5, bytes: new Uint8Array([2]) },
      { kind: 'close', id: 5, code: 4403, reason: 'refused' },
    ]);
  });
});
