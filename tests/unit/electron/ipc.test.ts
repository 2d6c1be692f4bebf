import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { EVENT_CHANNELS, INVOKE_CHANNELS, SEND_CHANNELS, type SendChannel } from '../../../electron/ipc-contract';
import { MAX_LIVE_MESSAGE_BYTES } from '../../../arguments/live/protocol';
import { FIGURE_FILE } from '../../../arguments/cli/read';
import { MAX_FIGURE_BYTES } from '../../../arguments/limits';
import { createInvokeHandlers, createSendHandlers, IpcRefusal, isTrustedSender, registerIpc, validateInvoke, validateSend, type SenderEvent, type WindowServices } from '../../../electron/main/ipc';
import { MAX_FILE_BYTES } from '../../../electron/main/fileService';

const TOKEN = 'f_' + 'a'.repeat(32);
const APP = 'app://argument-atlas/index.html';

function services() {
  return {
    openFile: vi.fn(async () => ({ ok: true as const, value: null })),
    saveFile: vi.fn(async (_text: string, _name: string, _token: string | null) => ({ ok: true as const, value: { name: 'a.argmap.json', token: TOKEN } })),
    reread: vi.fn(async (_token: string) => ({ ok: false as const, message: 'gone' })),
    saveBinary: vi.fn(async (_bytes: Uint8Array, name: string, _mime: string) => ({ ok: true as const, value: { name } })),
    openDocument: vi.fn(async (_purpose: string) => ({ ok: true as const, value: { name: 'letter.txt', bytes: new Uint8Array([0x4c]) } })),
    writeBackup: vi.fn(async (_b: { text: string; name: string; savedAt: string }) => undefined),
    readBackup: vi.fn(async () => null),
    clearBackup: vi.fn(async () => undefined),
    setDocumentState: vi.fn((_s: unknown) => undefined),
    saveResult: vi.fn((_id: number, _saved: boolean) => undefined),
    setTheme: vi.fn((_choice: string) => undefined),
    liveAddresses: vi.fn(async () => []),
    liveStart: vi.fn(async (_token: string, _request: unknown) => ({ ok: false as const, message: 'not in this test' })),
    liveStop: vi.fn(async () => ({ ok: true as const, value: null })),
    liveCurrent: vi.fn(async () => null),
    liveRoomInfo: vi.fn(async (_name: string) => ({ ok: false as const, message: 'This window hosts no live seminar now.' })),
    liveSocketOpen: vi.fn(async (_name: string) => ({ ok: true as const, value: 1 })),
    liveSocketSend: vi.fn((_id: number, _bytes: Uint8Array) => undefined),
    liveSocketClose: vi.fn((_id: number) => undefined),
    liveDrafts: vi.fn(async () => ({ ok: true as const, value: [{ name: 'Ada', open: true, changedAt: '2026-12-02T16:00:00.000Z', nodes: 12 }] })),
    liveDraft: vi.fn(async (_name: string) => ({ ok: true as const, value: '{"format":"argument-atlas"}' })),
  } satisfies WindowServices;
}

const event = (url: string | null, options: { id?: number; subframe?: boolean } = {}): SenderEvent => ({
  sender: { id: options.id ?? 7 },
  senderFrame: url === null ? null : { url, parent: options.subframe ? {} : null },
});

function setup() {
  const s = services();
  const lookup = (id: number) => (id === 7 ? s : null);
  const refused: unknown[] = [];
  return { s, invoke: createInvokeHandlers(lookup), send: createSendHandlers(lookup, (e) => refused.push(e)), refused };
}

const goodState = { name: 'a.argmap.json', dirty: true, ref: TOKEN, canRevert: true, panes: { sources: true, inspector: false } };
/** A well-formed message on each send channel. */
const GOOD_SEND = { 'doc:state': [goodState], 'host:save-result': [1, true], 'theme:set': ['dark'], 'live:socket-send': [3, new Uint8Array([0, 0, 1, 0])], 'live:socket-close': [3] } satisfies Record<SendChannel, unknown[]>;

describe('the sender check', () => {
  it('trusts only the top frame of the app origin', () => {
    expect(isTrustedSender(event(APP))).toBe(true);
    expect(isTrustedSender(event('app://argument-atlas/'))).toBe(true);
    expect(isTrustedSender(event('https://evil.example/'))).toBe(false);
    expect(isTrustedSender(event('app://evil/index.html'))).toBe(false);
    expect(isTrustedSender(event('file:///index.html'))).toBe(false);
    expect(isTrustedSender(event('http://localhost:5173/'))).toBe(false);
    expect(isTrustedSender(event(APP, { subframe: true }))).toBe(false);
    expect(isTrustedSender(event(null))).toBe(false);
  });

  it.each(INVOKE_CHANNELS)('%s: a foreign origin is rejected and nothing runs', async (channel) => {
    const { s, invoke } = setup();
    await expect(invoke[channel](event('https://evil.example/'))).rejects.toBeInstanceOf(IpcRefusal);
    await expect(invoke[channel](event(APP, { subframe: true }))).rejects.toThrow(/refused/);
    await expect(invoke[channel](event(null))).rejects.toThrow(/refused/);
    for (const fn of Object.values(s)) expect(fn).not.toHaveBeenCalled();
  });

  it('refuses an app page in a web contents that is not an app window', async () => {
    const { invoke } = setup();
    await expect(invoke['backup:read'](event(APP, { id: 99 }))).rejects.toThrow(/not an app window/);
  });

  it.each(SEND_CHANNELS)('%s: a foreign origin is dropped (the same message from the app is taken)', (channel) => {
    const { s, send, refused } = setup();
    send[channel](event('https://evil.example/'), ...GOOD_SEND[channel]);
    send[channel](event(APP, { subframe: true }), ...GOOD_SEND[channel]);
    for (const fn of Object.values(s)) expect(fn).not.toHaveBeenCalled();
    expect(refused).toHaveLength(2);
    send[channel](event(APP), ...GOOD_SEND[channel]);
    expect(refused).toHaveLength(2);
    expect(Object.values(s).filter((fn) => fn.mock.calls.length > 0)).toHaveLength(1);
  });
});

describe('argument validation', () => {
  it('passes well-formed calls through', async () => {
    const { s, invoke, send } = setup();
    await invoke['file:open'](event(APP));
    expect(s.openFile).toHaveBeenCalled();
    await invoke['file:save'](event(APP), '{}\n', 'a.argmap.json', null);
    await invoke['file:save'](event(APP), '{}\n', 'a.argmap.json', TOKEN);
    expect(s.saveFile).toHaveBeenLastCalledWith('{}\n', 'a.argmap.json', TOKEN);
    await invoke['file:reread'](event(APP), TOKEN);
    expect(s.reread).toHaveBeenCalledWith(TOKEN);
    const figure = new Uint8Array([0x25, 0x50, 0x44, 0x46]);
    await expect(invoke['file:save-binary'](event(APP), figure, 'stalins-letter-1950.print.pdf', 'application/pdf')).resolves.toEqual({ ok: true, value: { name: 'stalins-letter-1950.print.pdf' } });
    expect(s.saveBinary).toHaveBeenCalledWith(figure, 'stalins-letter-1950.print.pdf', 'application/pdf');
    await invoke['backup:write'](event(APP), { text: 'x', name: 'a', savedAt: '2026-01-01T00:00:00.000Z' });
    expect(s.writeBackup).toHaveBeenCalledWith({ text: 'x', name: 'a', savedAt: '2026-01-01T00:00:00.000Z' });
    send['doc:state'](event(APP), goodState);
    expect(s.setDocumentState).toHaveBeenCalledWith(goodState);
    send['host:save-result'](event(APP), 3, true);
    expect(s.saveResult).toHaveBeenCalledWith(3, true);
    for (const choice of ['system', 'light', 'dark']) {
      send['theme:set'](event(APP), choice);
      expect(s.setTheme).toHaveBeenLastCalledWith(choice);
    }
  });

  it('never takes a path where a file token belongs', async () => {
    const { s, invoke } = setup();
    for (const bad of ['/etc/passwd', 'C:\\Windows\\win.ini', '../x.argmap.json', 'f_123', TOKEN + '/../x', 42, {}, undefined]) {
      await expect(invoke['file:save'](event(APP), '{}', 'a.argmap.json', bad), String(bad)).rejects.toThrow(/not a file token/);
      await expect(invoke['file:reread'](event(APP), bad), String(bad)).rejects.toThrow(/not a file token|argument/);
    }
    await expect(invoke['file:reread'](event(APP), null)).rejects.toThrow(/not a file token/);
    expect(s.saveFile).not.toHaveBeenCalled();
    expect(s.reread).not.toHaveBeenCalled();
  });

  it('checks arity, types and sizes', async () => {
    const { invoke } = setup();
    await expect(invoke['file:open'](event(APP), '/etc/passwd')).rejects.toThrow(/expected 0 argument/);
    await expect(invoke['file:save'](event(APP), 42, 'a', null)).rejects.toThrow(/text must be a string/);
    await expect(invoke['file:save'](event(APP), '{}', '', null)).rejects.toThrow(/suggested name/);
    await expect(invoke['file:save'](event(APP), '{}', 'x'.repeat(300), null)).rejects.toThrow(/suggested name/);
    await expect(invoke['file:save'](event(APP), '{}', 'a')).rejects.toThrow(/expected 3 argument/);
    await expect(invoke['file:save'](event(APP), 'é'.repeat(MAX_FILE_BYTES / 2 + 1), 'a', null)).rejects.toThrow(/larger than the largest map/);
    await expect(invoke['backup:write'](event(APP), { text: 'x', name: 'a', savedAt: 'now', path: '/etc/passwd' })).rejects.toThrow(/unexpected fields: path/);
    await expect(invoke['backup:write'](event(APP), ['x', 'a', 'now'])).rejects.toThrow(/must be an object/);
    await expect(invoke['backup:write'](event(APP), Object.assign(Object.create({ evil: 1 }) as object, { text: 'x', name: 'a', savedAt: 'n' }))).rejects.toThrow(/plain object/);
    await expect(invoke['backup:clear'](event(APP), 'w_0000000000000000')).rejects.toThrow(/expected 0/);
  });

  it('drops a theme that is not one of the choices', () => {
    const { s, send, refused } = setup();
    for (const bad of ['Dark', 'sepia', '', 'system ', 1, null, { choice: 'dark' }]) send['theme:set'](event(APP), bad);
    send['theme:set'](event(APP));
    send['theme:set'](event(APP), 'dark', 'light');
    expect(s.setTheme).not.toHaveBeenCalled();
    expect(refused).toHaveLength(9);
    expect(String(refused[0])).toMatch(/theme:set: theme must be one of system, light, dark/);
  });

  it('drops malformed document states and save results', () => {
    const { s, send, refused } = setup();
    send['doc:state'](event(APP), { ...goodState, ref: '/etc/passwd' });
    send['doc:state'](event(APP), { ...goodState, dirty: 'yes' });
    send['doc:state'](event(APP), { ...goodState, extra: 1 });
    send['doc:state'](event(APP), { ...goodState, panes: { sources: true } });
    send['host:save-result'](event(APP), -1, true);
    send['host:save-result'](event(APP), 1.5, true);
    send['host:save-result'](event(APP), 1, 'true');
    expect(s.setDocumentState).not.toHaveBeenCalled();
    expect(s.saveResult).not.toHaveBeenCalled();
    expect(refused).toHaveLength(7);
  });

  it('has a validator for every channel of the contract', () => {
    expect(Object.keys(validateInvoke).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(validateSend).sort()).toEqual([...SEND_CHANNELS].sort());
  });
});

describe('file:save-binary (figures)', () => {
  const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47]);

  it('refuses a foreign sender with good arguments, and runs nothing', async () => {
    const { s, invoke } = setup();
    await expect(invoke['file:save-binary'](event('https://evil.example/'), PNG, 'map.png', 'image/png')).rejects.toBeInstanceOf(IpcRefusal);
    await expect(invoke['file:save-binary'](event(APP, { subframe: true }), PNG, 'map.png', 'image/png')).rejects.toThrow(/refused/);
    await expect(invoke['file:save-binary'](event('app://evil/index.html'), PNG, 'map.png', 'image/png')).rejects.toThrow(/refused/);
    await expect(invoke['file:save-binary'](event(APP, { id: 99 }), PNG, 'map.png', 'image/png')).rejects.toThrow(/not an app window/);
    expect(s.saveBinary).not.toHaveBeenCalled();
  });

  it('accepts each format with its own extension, in any case', async () => {
    const { s, invoke } = setup();
    await invoke['file:save-binary'](event(APP), PNG, 'map.svg', 'image/svg+xml');
    await invoke['file:save-binary'](event(APP), PNG, 'Map.PNG', 'image/png');
    await invoke['file:save-binary'](event(APP), PNG, 'карта.compact.pdf', 'application/pdf');
    expect(s.saveBinary.mock.calls.map((c) => [c[1], c[2]])).toEqual([
      ['map.svg', 'image/svg+xml'],
      ['Map.PNG', 'image/png'],
      ['карта.compact.pdf', 'application/pdf'],
    ]);
  });

  it('passes on what the export is, one of the named purposes only', async () => {
    const { s, invoke } = setup();
    await invoke['file:save-binary'](event(APP), PNG, 'letter.handout.pdf', 'application/pdf', 'handout');
    expect(s.saveBinary).toHaveBeenLastCalledWith(PNG, 'letter.handout.pdf', 'application/pdf', 'handout');
    for (const bad of ['Export Anything', 'page', 42, null]) {
      await expect(invoke['file:save-binary'](event(APP), PNG, 'letter.pdf', 'application/pdf', bad), String(bad)).rejects.toThrow(/purpose must be one of figure, bibliography, outline, handout, report/);
    }
    await expect(invoke['file:save-binary'](event(APP), PNG, 'letter.pdf', 'application/pdf', 'figure', 'more')).rejects.toThrow(/expected 3 or 4 argument/);
    expect(s.saveBinary).toHaveBeenCalledTimes(1);
  });

  it('refuses a path in the suggested name', async () => {
    const { s, invoke } = setup();
    for (const bad of ['../map.pdf', '/tmp/map.pdf', 'figures/map.pdf', '..\\map.pdf', 'C:\\Users\\a\\map.pdf', 'C:map.pdf', '\\\\server\\share\\map.pdf']) {
      await expect(invoke['file:save-binary'](event(APP), PNG, bad, 'application/pdf'), bad).rejects.toThrow(/must be a file name, not a path/);
    }
    await expect(invoke['file:save-binary'](event(APP), PNG, 'map\u0000.pdf', 'application/pdf')).rejects.toThrow(/control characters/);
    await expect(invoke['file:save-binary'](event(APP), PNG, '', 'application/pdf')).rejects.toThrow(/suggested name/);
    await expect(invoke['file:save-binary'](event(APP), PNG, 'x'.repeat(300) + '.pdf', 'application/pdf')).rejects.toThrow(/suggested name/);
    await expect(invoke['file:save-binary'](event(APP), PNG, 42, 'application/pdf')).rejects.toThrow(/suggested name/);
    expect(s.saveBinary).not.toHaveBeenCalled();
  });

  it('refuses an extension that is not the format’s, and any other type', async () => {
    const { s, invoke } = setup();
    const wrong: [string, string][] = [
      ['map.png', 'application/pdf'],
      ['map.pdf', 'image/png'],
      ['map.svg', 'image/png'],
      ['map.pdf.exe', 'application/pdf'],
      ['map.argmap.json', 'application/pdf'],
      ['map', 'image/svg+xml'],
      ['.pdf', 'application/pdf'],
      ['map.svgz', 'image/svg+xml'],
    ];
    for (const [name, mime] of wrong) await expect(invoke['file:save-binary'](event(APP), PNG, name, mime), `${name} ${mime}`).rejects.toThrow(/must end in \./);
    for (const mime of ['text/javascript', 'image/svg', 'application/octet-stream', 'application/x-msdownload', 'IMAGE/PNG', 'toString', '__proto__', '', null, 1]) {
      await expect(invoke['file:save-binary'](event(APP), PNG, 'map.png', mime), String(mime)).rejects.toThrow(/mime must be one of/);
    }
    expect(s.saveBinary).not.toHaveBeenCalled();
  });

  it('takes only a Uint8Array of 1 byte to the largest figure', async () => {
    const { s, invoke } = setup();
    const notBytes: unknown[] = ['%PDF-1.7', [0x25, 0x50], { 0: 0x25, length: 1 }, new ArrayBuffer(4), new Int8Array(4), new Uint16Array(4), new Uint8ClampedArray(4), new DataView(new ArrayBuffer(4)), null, undefined];
    for (const bad of notBytes) await expect(invoke['file:save-binary'](event(APP), bad, 'map.pdf', 'application/pdf'), String(bad)).rejects.toThrow(/bytes must be a Uint8Array/);
    await expect(invoke['file:save-binary'](event(APP), new Uint8Array(0), 'map.pdf', 'application/pdf')).rejects.toThrow(/must not be empty/);
    // Zero-filled typed arrays are allocated lazily: these cost no real memory.
    await expect(invoke['file:save-binary'](event(APP), new Uint8Array(MAX_FIGURE_BYTES + 1), 'map.pdf', 'application/pdf')).rejects.toThrow(/larger than the largest export/);
    expect(s.saveBinary).not.toHaveBeenCalled();
    await invoke['file:save-binary'](event(APP), new Uint8Array(MAX_FIGURE_BYTES), 'map.pdf', 'application/pdf');
    expect(s.saveBinary).toHaveBeenCalledTimes(1);
    // One limit: a figure the desktop app saves, the CLI can read again.
    expect(MAX_FIGURE_BYTES).toBe(200 * 1024 * 1024);
    expect(FIGURE_FILE.limit).toBe(MAX_FIGURE_BYTES);
  });

  it('checks arity', async () => {
    const { s, invoke } = setup();
    await expect(invoke['file:save-binary'](event(APP), PNG, 'map.png')).rejects.toThrow(/expected 3 or 4 argument/);
    // A fourth argument is only ever what the export is, never a path.
    await expect(invoke['file:save-binary'](event(APP), PNG, 'map.png', 'image/png', '/tmp/map.png')).rejects.toThrow(/purpose must be one of/);
    expect(s.saveBinary).not.toHaveBeenCalled();
  });
});

describe('file:open-document (sources and bibliographies)', () => {
  it('passes each purpose through and answers with the service’s outcome', async () => {
    const { s, invoke } = setup();
    await expect(invoke['file:open-document'](event(APP), 'source')).resolves.toEqual({ ok: true, value: { name: 'letter.txt', bytes: new Uint8Array([0x4c]) } });
    await invoke['file:open-document'](event(APP), 'bibliography');
    expect(s.openDocument.mock.calls).toEqual([['source'], ['bibliography']]);
  });

  it('refuses a foreign sender, a subframe and a web contents that is not an app window, and shows no dialog', async () => {
    const { s, invoke } = setup();
    await expect(invoke['file:open-document'](event('https://evil.example/'), 'source')).rejects.toBeInstanceOf(IpcRefusal);
    await expect(invoke['file:open-document'](event('app://evil/index.html'), 'source')).rejects.toThrow(/refused/);
    await expect(invoke['file:open-document'](event(APP, { subframe: true }), 'source')).rejects.toThrow(/refused/);
    await expect(invoke['file:open-document'](event(null), 'source')).rejects.toThrow(/refused/);
    await expect(invoke['file:open-document'](event(APP, { id: 99 }), 'source')).rejects.toThrow(/not an app window/);
    expect(s.openDocument).not.toHaveBeenCalled();
  });

  it('refuses any other purpose, and a path where the purpose belongs', async () => {
    const { s, invoke } = setup();
    for (const bad of ['map', 'Source', 'SOURCE', 'sources', '', 'toString', '__proto__', 'constructor', '/etc/passwd', 'C:\\Users\\a\\letter.txt', null, undefined, 1, {}, ['source']]) {
      await expect(invoke['file:open-document'](event(APP), bad), String(bad)).rejects.toThrow(/purpose must be one of source, bibliography/);
    }
    expect(s.openDocument).not.toHaveBeenCalled();
  });

  it('checks arity: no path or folder can ride along', async () => {
    const { s, invoke } = setup();
    await expect(invoke['file:open-document'](event(APP))).rejects.toThrow(/expected 1 argument/);
    await expect(invoke['file:open-document'](event(APP), 'source', '/home/historian/letters')).rejects.toThrow(/expected 1 argument/);
    expect(s.openDocument).not.toHaveBeenCalled();
  });
});

describe('file:save-binary (bibliographies)', () => {
  const JSON_BYTES = new TextEncoder().encode('[]');

  it('accepts CSL-JSON as .json and BibTeX as .bib', async () => {
    const { s, invoke } = setup();
    await invoke['file:save-binary'](event(APP), JSON_BYTES, 'sources.json', 'application/vnd.citationstyles.csl+json');
    await invoke['file:save-binary'](event(APP), JSON_BYTES, 'Sources.BIB', 'application/x-bibtex');
    expect(s.saveBinary.mock.calls.map((c) => [c[1], c[2]])).toEqual([
      ['sources.json', 'application/vnd.citationstyles.csl+json'],
      ['Sources.BIB', 'application/x-bibtex'],
    ]);
  });

  it('refuses another extension for them, and a bibliography type by a near name', async () => {
    const { s, invoke } = setup();
    for (const [name, mime] of [
      ['sources.bib', 'application/vnd.citationstyles.csl+json'],
      ['sources.csl.json.exe', 'application/vnd.citationstyles.csl+json'],
      ['sources.json', 'application/x-bibtex'],
      ['sources.bibtex', 'application/x-bibtex'],
      ['.bib', 'application/x-bibtex'],
    ]) {
      await expect(invoke['file:save-binary'](event(APP), JSON_BYTES, name, mime), `${name} ${mime}`).rejects.toThrow(/must end in \./);
    }
    for (const mime of ['application/json', 'application/x-biblatex', 'text/x-bibtex', 'application/vnd.citationstyles.csl+JSON']) {
      await expect(invoke['file:save-binary'](event(APP), JSON_BYTES, 'sources.json', mime), mime).rejects.toThrow(/mime must be one of/);
    }
    expect(s.saveBinary).not.toHaveBeenCalled();
  });
});

describe('the live relay (the instructor’s window in its own room)', () => {
  it('takes a name, a socket id and frames; refuses anything else before main sees it', async () => {
    const { s, invoke, send, refused } = setup();
    await expect(invoke['live:socket-open'](event(APP), 'Instructor')).resolves.toEqual({ ok: true, value: 1 });
    expect(s.liveSocketOpen).toHaveBeenCalledWith('Instructor');
    await invoke['live:room-info'](event(APP), 'Instructor');
    expect(s.liveRoomInfo).toHaveBeenCalledWith('Instructor');
    // The name as the host reads it (readStudentName), normalised; a name the host would refuse is refused here.
    await invoke['live:room-info'](event(APP), '  Ana   María ');
    expect(s.liveRoomInfo).toHaveBeenLastCalledWith('Ana María');
    for (const bad of [[], [''], ['x'.repeat(41)], ['<script>'], ['-dash first'], ['Ada\nLovelace'.repeat(30)], [7], ['Instructor', 'key']]) {
      await expect(invoke['live:socket-open'](event(APP), ...bad), JSON.stringify(bad)).rejects.toBeInstanceOf(IpcRefusal);
      await expect(invoke['live:room-info'](event(APP), ...bad), JSON.stringify(bad)).rejects.toBeInstanceOf(IpcRefusal);
    }
    expect(s.liveSocketOpen).toHaveBeenCalledTimes(1);

    const frame = new Uint8Array([0, 0, 1, 0]);
    send['live:socket-send'](event(APP), 3, frame);
    expect(s.liveSocketSend).toHaveBeenCalledWith(3, frame);
    for (const bad of [[0, frame], [-1, frame], [1.5, frame], ['3', frame], [3, new Uint8Array(0)], [3, [1, 2]], [3, 'bytes'], [3]]) send['live:socket-send'](event(APP), ...bad);
    expect(s.liveSocketSend).toHaveBeenCalledTimes(1);
    send['live:socket-close'](event(APP), 3);
    send['live:socket-close'](event(APP), 0);
    send['live:socket-close'](event(APP), 3, 'why');
    expect(s.liveSocketClose).toHaveBeenCalledTimes(1);
    expect(refused).toHaveLength(10);
  });

  it('lists the drafts and reads one by a student’s name; refuses anything else before main sees it', async () => {
    const { s, invoke } = setup();
    await expect(invoke['live:drafts'](event(APP))).resolves.toEqual({ ok: true, value: [expect.objectContaining({ name: 'Ada', nodes: 12 })] });
    await expect(invoke['live:draft'](event(APP), ' Ada ')).resolves.toEqual({ ok: true, value: '{"format":"argument-atlas"}' });
    expect(s.liveDraft).toHaveBeenCalledWith('Ada');
    await expect(invoke['live:drafts'](event(APP), 'Ada')).rejects.toBeInstanceOf(IpcRefusal);
    // A path, a room name or markup is not a student's name.
    for (const bad of [[], [''], ['../class.ylog'], ['<b>Ada</b>'], ['x'.repeat(41)], [{ name: 'Ada' }], ['Ada', 'Bea']]) await expect(invoke['live:draft'](event(APP), ...bad), JSON.stringify(bad)).rejects.toBeInstanceOf(IpcRefusal);
    expect(s.liveDrafts).toHaveBeenCalledTimes(1);
    expect(s.liveDraft).toHaveBeenCalledTimes(1);
  });

  it('refuses a frame larger than the host takes', () => {
    expect(() => validateSend['live:socket-send']([3, new Uint8Array(MAX_LIVE_MESSAGE_BYTES + 1)])).toThrow(/larger than the host takes/);
    expect(validateSend['live:socket-send']([3, new Uint8Array(16)])[1]).toHaveLength(16);
  });
});

describe('live:start, live:addresses, live:stop, live:current', () => {
  const good = { address: '127.0.0.1', port: 4780, mode: 'students-read-only' };

  it('live:start passes the window’s file token and a checked request to the window’s service', async () => {
    const { s, invoke } = setup();
    await invoke['live:start'](event(APP), TOKEN, good);
    expect(s.liveStart).toHaveBeenCalledExactlyOnceWith(TOKEN, good);
  });

  it('live:start refuses a path where the token belongs, a bad port or mode, extra fields, and a foreign page', async () => {
    const { s, invoke } = setup();
    await expect(invoke['live:start'](event(APP), '/home/me/a.argmap.json', good)).rejects.toThrow(/not a file token/);
    await expect(invoke['live:start'](event(APP), TOKEN, { ...good, port: 22 })).rejects.toThrow(/between 1024 and 65535/);
    await expect(invoke['live:start'](event(APP), TOKEN, { ...good, mode: 'anarchy' })).rejects.toThrow(/room mode/);
    await expect(invoke['live:start'](event(APP), TOKEN, { ...good, webRoot: '/' })).rejects.toThrow(/unexpected fields: webRoot/);
    await expect(invoke['live:start'](event(APP), TOKEN, { ...good, address: '0.0.0.0' })).rejects.toThrow(/not on every address/);
    await expect(invoke['live:start'](event(APP), TOKEN)).rejects.toThrow(/expected 2 argument/);
    await expect(invoke['live:start'](event('http://192.168.1.20:4780/'), TOKEN, good)).rejects.toBeInstanceOf(IpcRefusal);
    await expect(invoke['live:start'](event(APP, { id: 99 }), TOKEN, good)).rejects.toThrow(/not an app window/);
    expect(s.liveStart).not.toHaveBeenCalled();
  });

  it('the others take no arguments and answer from the window’s service', async () => {
    const { s, invoke } = setup();
    const loopback = { address: '127.0.0.1', family: 'IPv4' as const, interface: 'loopback', label: '127.0.0.1', loopback: true };
    s.liveAddresses.mockResolvedValueOnce([loopback] as never);
    await expect(invoke['live:addresses'](event(APP))).resolves.toEqual([loopback]);
    await expect(invoke['live:stop'](event(APP))).resolves.toEqual({ ok: true, value: null });
    await expect(invoke['live:current'](event(APP))).resolves.toBeNull();
    await expect(invoke['live:stop'](event(APP), 'everyone')).rejects.toThrow(/expected 0 argument/);
    await expect(invoke['live:current'](event('https://evil.example/'))).rejects.toThrow(/refused/);
    expect(s.liveStop).toHaveBeenCalledTimes(1);
  });
});

describe('the contract', () => {
  it('main registers exactly the contract’s channels', () => {
    const handled: string[] = [];
    const listened: string[] = [];
    registerIpc({ handle: (c) => void handled.push(c), on: (c) => void listened.push(c) }, () => null);
    expect(handled.sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(listened.sort()).toEqual([...SEND_CHANNELS].sort());
  });

  it('the preload and main use no channel name outside the contract', () => {
    const all = new Set<string>([...INVOKE_CHANNELS, ...SEND_CHANNELS, ...EVENT_CHANNELS]);
    for (const file of ['../../../electron/preload.ts', '../../../electron/main/windows.ts']) {
      const src = readFileSync(new URL(file, import.meta.url), 'utf8');
      const used = [...src.matchAll(/(?:invoke|send|listen)\(\s*'([^']+)'/g)].map((m) => m[1]!);
      expect(used.length, file).toBeGreaterThan(0);
      for (const c of used) expect(all.has(c), `${file}: ${c}`).toBe(true);
      expect(src, file).not.toMatch(/ipcRenderer\.(?:sendSync|sendTo|postMessage)/);
    }
  });
});
