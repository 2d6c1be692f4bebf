// The main process's IPC handlers, before any work: every message must come from the main
// frame of one of the app's windows showing app://argument-atlas/ (a foreign origin, a
// subframe or an unknown web contents is refused), and its arguments must have exactly the
// shape the contract (../ipc-contract.ts) gives them. The work itself is done by a
// WindowServices object (windows.ts), looked up for the sending window.
// Only `import type` from Electron: the tests drive these handlers with plain objects.
import type { IpcMainEvent, IpcMainInvokeEvent } from 'electron';
import { DOCUMENT_EXTENSIONS, type Backup, type DocumentPurpose } from '../../renderer/platform/types';
import { isThemeChoice, THEME_CHOICES, type ThemeChoice } from '../../renderer/theme/choices';
import {
  EXPORT_PURPOSES,
  EXPORT_TYPES,
  INVOKE_CHANNELS,
  SEND_CHANNELS,
  TOKEN_PATTERN,
  type ExportMime,
  type ExportPurpose,
  type FileToken,
  type InvokeChannel,
  type InvokeChannels,
  type SendChannel,
  type SendChannels,
  type WireDocumentState,
} from '../ipc-contract';
import { MAX_FIGURE_BYTES } from '../../arguments/limits';
import { MAX_LIVE_MESSAGE_BYTES, readStudentName } from '../../arguments/live/protocol';
import { MAX_FILE_BYTES } from './fileService';
import { isAppUrl } from './security';
import { LiveRequestError, readLiveStartRequest } from './liveChoices';

/** What the checks need of an IPC event: its sender's id and frame. Electron's events satisfy it. */
export interface SenderEvent {
  sender: { id: number };
  senderFrame: { url: string; parent: unknown } | null;
}

/** The work behind the channels, for one window. */
export interface WindowServices {
  openFile(): Promise<InvokeChannels['file:open']['result']>;
  saveFile(text: string, suggestedName: string, token: FileToken | null): Promise<InvokeChannels['file:save']['result']>;
  reread(token: FileToken): Promise<InvokeChannels['file:reread']['result']>;
  saveBinary(bytes: Uint8Array, suggestedName: string, mime: ExportMime, purpose?: ExportPurpose): Promise<InvokeChannels['file:save-binary']['result']>;
  openDocument(purpose: DocumentPurpose): Promise<InvokeChannels['file:open-document']['result']>;
  writeBackup(backup: Backup): Promise<void>;
  readBackup(): Promise<Backup | null>;
  clearBackup(): Promise<void>;
  setDocumentState(state: WireDocumentState): void;
  saveResult(requestId: number, saved: boolean): void;
  setTheme(choice: ThemeChoice): void;
  /** File > Start Live Seminar… (electron/main/live.ts). */
  liveAddresses(): Promise<InvokeChannels['live:addresses']['result']>;
  liveStart(token: FileToken, request: InvokeChannels['live:start']['args'][1]): Promise<InvokeChannels['live:start']['result']>;
  liveStop(): Promise<InvokeChannels['live:stop']['result']>;
  liveCurrent(): Promise<InvokeChannels['live:current']['result']>;
  /** The window in its own seminar, through main (electron/main/liveRelay.ts). */
  liveRoomInfo(name: string): Promise<InvokeChannels['live:room-info']['result']>;
  liveSocketOpen(name: string): Promise<InvokeChannels['live:socket-open']['result']>;
  liveSocketSend(id: number, bytes: Uint8Array): void;
  liveSocketClose(id: number): void;
  /** The students' drafts of the window's seminar, and one of them as a map (electron/main/live.ts). */
  liveDrafts(): Promise<InvokeChannels['live:drafts']['result']>;
  liveDraft(name: string): Promise<InvokeChannels['live:draft']['result']>;
}

export class IpcRefusal extends Error {
  override name = 'IpcRefusal';
}

/** The sender is trusted when its frame is the top frame and shows the app's own origin. */
export function isTrustedSender(event: SenderEvent): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAppUrl(frame.url);
}

// ----- argument validation --------------------------------------------------------------

const MAX_NAME = 255;
const MAX_TIMESTAMP = 64;

function fail(channel: string, what: string): never {
  throw new IpcRefusal(`${channel}: ${what}`);
}

function arity(channel: string, args: readonly unknown[], n: number): void {
  if (args.length !== n) fail(channel, `expected ${n} argument(s), got ${args.length}`);
}

/** UTF-8 size without encoding most strings: a string of n UTF-16 units is at most 3n bytes. */
function utf8Fits(text: string, max: number): boolean {
  return text.length * 3 <= max || Buffer.byteLength(text, 'utf8') <= max;
}

function text(channel: string, value: unknown, label: string): string {
  if (typeof value !== 'string') fail(channel, `${label} must be a string`);
  if (!utf8Fits(value, MAX_FILE_BYTES)) fail(channel, `${label} is larger than the largest map`);
  return value;
}

function shortString(channel: string, value: unknown, label: string, max: number, allowEmpty = false): string {
  if (typeof value !== 'string' || value.length > max || (!allowEmpty && value.length === 0)) fail(channel, `${label} must be a string of 1–${max} characters`);
  return value;
}

function token(channel: string, value: unknown, nullable: boolean): FileToken | null {
  if (value === null && nullable) return null;
  if (typeof value !== 'string' || !TOKEN_PATTERN.test(value)) fail(channel, 'not a file token');
  return value;
}

function exportBytes(channel: string, value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) fail(channel, 'bytes must be a Uint8Array');
  if (value.length === 0) fail(channel, 'bytes must not be empty');
  if (value.length > MAX_FIGURE_BYTES) fail(channel, `bytes are larger than the largest export (${MAX_FIGURE_BYTES} bytes)`);
  return value;
}

function exportPurpose(channel: string, value: unknown): ExportPurpose {
  if (typeof value !== 'string' || !(EXPORT_PURPOSES as readonly string[]).includes(value)) fail(channel, `purpose must be one of ${EXPORT_PURPOSES.join(', ')}`);
  return value as ExportPurpose;
}

function exportMime(channel: string, value: unknown): ExportMime {
  if (typeof value !== 'string' || !Object.hasOwn(EXPORT_TYPES, value)) fail(channel, `mime must be one of ${Object.keys(EXPORT_TYPES).join(', ')}`);
  return value as ExportMime;
}

/**
 * An export's suggested name: a file name only (no folder, drive or parent part, no control
 * characters) ending in the extension of its MIME type. It is only a suggestion for the
 * Save dialog; the path written is the one the user confirms there.
 */
function exportName(channel: string, value: unknown, mime: ExportMime): string {
  const name = shortString(channel, value, 'suggested name', MAX_NAME);
  if (/[/\\:]/.test(name) || name === '.' || name === '..') fail(channel, 'suggested name must be a file name, not a path');
  if (/[\u0000-\u001f\u007f]/.test(name)) fail(channel, 'suggested name must not contain control characters');
  const ext = EXPORT_TYPES[mime].extension;
  if (!name.toLowerCase().endsWith(`.${ext}`) || name.length === ext.length + 1) fail(channel, `suggested name must end in .${ext} for ${mime}`);
  return name;
}

function documentPurpose(channel: string, value: unknown): DocumentPurpose {
  if (typeof value !== 'string' || !Object.hasOwn(DOCUMENT_EXTENSIONS, value)) fail(channel, `purpose must be one of ${Object.keys(DOCUMENT_EXTENSIONS).join(', ')}`);
  return value as DocumentPurpose;
}

/** A peer's name, read as the host reads it (protocol.ts: readStudentName): the name normalised. */
function peerName(channel: string, value: unknown): string {
  // The length first: readStudentName normalises the whole string before it checks it.
  if (typeof value !== 'string' || value.length > 200) fail(channel, 'name must be a string');
  const name = readStudentName(value);
  if (name === null) fail(channel, `name must be 1–40 letters, digits, spaces and . ' - (starting with a letter or digit)`);
  return name;
}

function socketId(channel: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) fail(channel, 'socket id must be a positive integer');
  return value;
}

function frame(channel: string, value: unknown): Uint8Array {
  if (!(value instanceof Uint8Array)) fail(channel, 'bytes must be a Uint8Array');
  if (value.length === 0) fail(channel, 'bytes must not be empty');
  if (value.length > MAX_LIVE_MESSAGE_BYTES) fail(channel, `bytes are larger than the host takes (${MAX_LIVE_MESSAGE_BYTES} bytes)`);
  return value;
}

function bool(channel: string, value: unknown, label: string): boolean {
  if (typeof value !== 'boolean') fail(channel, `${label} must be true or false`);
  return value;
}

function plainObject(channel: string, value: unknown, keys: readonly string[], label: string): Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(channel, `${label} must be an object`);
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) fail(channel, `${label} must be a plain object`);
  const extra = Object.keys(value).filter((k) => !keys.includes(k));
  if (extra.length > 0) fail(channel, `${label} has unexpected fields: ${extra.join(', ')}`);
  return value as Record<string, unknown>;
}

type InvokeArgs = { [C in InvokeChannel]: InvokeChannels[C]['args'] };
type SendArgs = { [C in SendChannel]: SendChannels[C]['args'] };

/** Checks and narrows each channel's arguments; throws IpcRefusal on anything else. */
export const validateInvoke: { [C in InvokeChannel]: (args: readonly unknown[]) => InvokeArgs[C] } = {
  'file:open': (args) => {
    arity('file:open', args, 0);
    return [];
  },
  'file:save': (args) => {
    arity('file:save', args, 3);
    return [text('file:save', args[0], 'text'), shortString('file:save', args[1], 'suggested name', MAX_NAME), token('file:save', args[2], true)];
  },
  'file:reread': (args) => {
    arity('file:reread', args, 1);
    return [token('file:reread', args[0], false)!];
  },
  'file:save-binary': (args) => {
    if (args.length !== 3 && args.length !== 4) fail('file:save-binary', `expected 3 or 4 argument(s), got ${args.length}`);
    const bytes = exportBytes('file:save-binary', args[0]);
    const mime = exportMime('file:save-binary', args[2]);
    const name = exportName('file:save-binary', args[1], mime);
    return args.length === 4 ? [bytes, name, mime, exportPurpose('file:save-binary', args[3])] : [bytes, name, mime];
  },
  'file:open-document': (args) => {
    arity('file:open-document', args, 1);
    return [documentPurpose('file:open-document', args[0])];
  },
  'backup:write': (args) => {
    arity('backup:write', args, 1);
    const b = plainObject('backup:write', args[0], ['text', 'name', 'savedAt'], 'backup');
    return [{ text: text('backup:write', b.text, 'backup text'), name: shortString('backup:write', b.name, 'name', MAX_NAME), savedAt: shortString('backup:write', b.savedAt, 'savedAt', MAX_TIMESTAMP) }];
  },
  'backup:read': (args) => {
    arity('backup:read', args, 0);
    return [];
  },
  'backup:clear': (args) => {
    arity('backup:clear', args, 0);
    return [];
  },
  'live:addresses': (args) => {
    arity('live:addresses', args, 0);
    return [];
  },
  'live:start': (args) => {
    arity('live:start', args, 2);
    const tok = token('live:start', args[0], false)!;
    try {
      // The shape here; whether the address is one of this computer's, when it starts (live.ts).
      return [tok, readLiveStartRequest(args[1])];
    } catch (err) {
      if (err instanceof LiveRequestError) fail('live:start', err.message);
      throw err;
    }
  },
  'live:stop': (args) => {
    arity('live:stop', args, 0);
    return [];
  },
  'live:current': (args) => {
    arity('live:current', args, 0);
    return [];
  },
  'live:room-info': (args) => {
    arity('live:room-info', args, 1);
    return [peerName('live:room-info', args[0])];
  },
  'live:socket-open': (args) => {
    arity('live:socket-open', args, 1);
    return [peerName('live:socket-open', args[0])];
  },
  'live:drafts': (args) => {
    arity('live:drafts', args, 0);
    return [];
  },
  'live:draft': (args) => {
    arity('live:draft', args, 1);
    return [peerName('live:draft', args[0])];
  },
};

export const validateSend: { [C in SendChannel]: (args: readonly unknown[]) => SendArgs[C] } = {
  'doc:state': (args) => {
    arity('doc:state', args, 1);
    const s = plainObject('doc:state', args[0], ['name', 'dirty', 'ref', 'canRevert', 'panes'], 'state');
    const panes = plainObject('doc:state', s.panes, ['sources', 'inspector'], 'panes');
    return [
      {
        name: shortString('doc:state', s.name, 'name', MAX_NAME),
        dirty: bool('doc:state', s.dirty, 'dirty'),
        ref: token('doc:state', s.ref, true),
        canRevert: bool('doc:state', s.canRevert, 'canRevert'),
        panes: { sources: bool('doc:state', panes.sources, 'sources'), inspector: bool('doc:state', panes.inspector, 'inspector') },
      },
    ];
  },
  'host:save-result': (args) => {
    arity('host:save-result', args, 2);
    const id = args[0];
    if (typeof id !== 'number' || !Number.isSafeInteger(id) || id < 1) fail('host:save-result', 'request id must be a positive integer');
    return [id, bool('host:save-result', args[1], 'saved')];
  },
  'theme:set': (args) => {
    arity('theme:set', args, 1);
    if (!isThemeChoice(args[0])) fail('theme:set', `theme must be one of ${THEME_CHOICES.join(', ')}`);
    return [args[0]];
  },
  'live:socket-send': (args) => {
    arity('live:socket-send', args, 2);
    return [socketId('live:socket-send', args[0]), frame('live:socket-send', args[1])];
  },
  'live:socket-close': (args) => {
    arity('live:socket-close', args, 1);
    return [socketId('live:socket-close', args[0])];
  },
};

// ----- the handlers -----------------------------------------------------------------------

export type ServicesLookup = (webContentsId: number) => WindowServices | null;

function trustedServices(event: SenderEvent, lookup: ServicesLookup, channel: string): WindowServices {
  if (!isTrustedSender(event)) throw new IpcRefusal(`${channel}: refused a message from ${event.senderFrame?.url ?? 'a frame that is gone'}`);
  const services = lookup(event.sender.id);
  if (!services) throw new IpcRefusal(`${channel}: refused a message from a web contents that is not an app window`);
  return services;
}

export type InvokeHandler = (event: SenderEvent, ...args: unknown[]) => Promise<unknown>;
export type SendHandler = (event: SenderEvent, ...args: unknown[]) => void;

/** The handler of each invoke channel: sender check, argument check, then the window's service. */
export function createInvokeHandlers(lookup: ServicesLookup): Record<InvokeChannel, InvokeHandler> {
  return {
    'file:open': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'file:open');
      validateInvoke['file:open'](raw);
      return s.openFile();
    },
    'file:save': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'file:save');
      const [text, name, tok] = validateInvoke['file:save'](raw);
      return s.saveFile(text, name, tok);
    },
    'file:reread': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'file:reread');
      const [tok] = validateInvoke['file:reread'](raw);
      return s.reread(tok);
    },
    'file:save-binary': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'file:save-binary');
      const [bytes, name, mime, purpose] = validateInvoke['file:save-binary'](raw);
      return purpose === undefined ? s.saveBinary(bytes, name, mime) : s.saveBinary(bytes, name, mime, purpose);
    },
    'file:open-document': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'file:open-document');
      const [purpose] = validateInvoke['file:open-document'](raw);
      return s.openDocument(purpose);
    },
    'backup:write': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'backup:write');
      const [backup] = validateInvoke['backup:write'](raw);
      return s.writeBackup(backup);
    },
    'backup:read': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'backup:read');
      validateInvoke['backup:read'](raw);
      return s.readBackup();
    },
    'backup:clear': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'backup:clear');
      validateInvoke['backup:clear'](raw);
      return s.clearBackup();
    },
    'live:addresses': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'live:addresses');
      validateInvoke['live:addresses'](raw);
      return s.liveAddresses();
    },
    'live:start': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'live:start');
      const [tok, request] = validateInvoke['live:start'](raw);
      return s.liveStart(tok, request);
    },
    'live:stop': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'live:stop');
      validateInvoke['live:stop'](raw);
      return s.liveStop();
    },
    'live:current': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'live:current');
      validateInvoke['live:current'](raw);
      return s.liveCurrent();
    },
    'live:room-info': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'live:room-info');
      const [name] = validateInvoke['live:room-info'](raw);
      return s.liveRoomInfo(name);
    },
    'live:socket-open': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'live:socket-open');
      const [name] = validateInvoke['live:socket-open'](raw);
      return s.liveSocketOpen(name);
    },
    'live:drafts': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'live:drafts');
      validateInvoke['live:drafts'](raw);
      return s.liveDrafts();
    },
    'live:draft': async (event, ...raw) => {
      const s = trustedServices(event, lookup, 'live:draft');
      const [name] = validateInvoke['live:draft'](raw);
      return s.liveDraft(name);
    },
  };
}

/** Send channels have no answer: a refused message is logged and dropped. */
export function createSendHandlers(lookup: ServicesLookup, onRefused: (err: unknown) => void = (err) => console.warn(String(err))): Record<SendChannel, SendHandler> {
  const guard =
    (fn: SendHandler): SendHandler =>
    (event, ...raw) => {
      try {
        fn(event, ...raw);
      } catch (err) {
        onRefused(err);
      }
    };
  return {
    'doc:state': guard((event, ...raw) => {
      const s = trustedServices(event, lookup, 'doc:state');
      const [state] = validateSend['doc:state'](raw);
      s.setDocumentState(state);
    }),
    'host:save-result': guard((event, ...raw) => {
      const s = trustedServices(event, lookup, 'host:save-result');
      const [id, saved] = validateSend['host:save-result'](raw);
      s.saveResult(id, saved);
    }),
    'theme:set': guard((event, ...raw) => {
      const s = trustedServices(event, lookup, 'theme:set');
      const [choice] = validateSend['theme:set'](raw);
      s.setTheme(choice);
    }),
    'live:socket-send': guard((event, ...raw) => {
      const s = trustedServices(event, lookup, 'live:socket-send');
      const [id, bytes] = validateSend['live:socket-send'](raw);
      s.liveSocketSend(id, bytes);
    }),
    'live:socket-close': guard((event, ...raw) => {
      const s = trustedServices(event, lookup, 'live:socket-close');
      const [id] = validateSend['live:socket-close'](raw);
      s.liveSocketClose(id);
    }),
  };
}

/** Registers every channel of the contract, and nothing else. */
export function registerIpc(
  ipcMain: {
    handle(channel: string, listener: (event: IpcMainInvokeEvent, ...args: unknown[]) => Promise<unknown>): void;
    on(channel: string, listener: (event: IpcMainEvent, ...args: unknown[]) => void): unknown;
  },
  lookup: ServicesLookup,
): void {
  const invoke = createInvokeHandlers(lookup);
  const send = createSendHandlers(lookup);
  for (const channel of INVOKE_CHANNELS) ipcMain.handle(channel, (event, ...args) => invoke[channel](event, ...args));
  for (const channel of SEND_CHANNELS) ipcMain.on(channel, (event, ...args) => send[channel](event, ...args));
}
