// The one list of IPC channels between the main process and the preload, with the arguments
// and result of each. Main (electron/main/ipc.ts) and the preload (electron/preload.ts) both
// import it, so a channel or a type cannot drift between them. No runtime Electron here.
//
// Paths never cross: the renderer's FileRef is an opaque token that only the main process
// can turn into a path (electron/main/tokens.ts), and every path comes from a native dialog
// or the operating system (argv, open-file, a second launch, the recent-files menu).
import type { Backup, DocumentPurpose, DocumentState, ExportPurpose, HostCommand } from '../renderer/platform/types';
import type { ThemeChoice } from '../renderer/theme/choices';
import type { LiveAddress, LivePeer, LiveSeminar, LiveStartRequest } from '../renderer/platform/live';
import type { DraftSummary, RoomInfo } from '../arguments/live/protocol';

/** The app's pages are served from app://argument-atlas/ (electron/main/protocol.ts), never file://. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'argument-atlas';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** A file's token: "f_" and 32 hex digits, random per file and window. */
export const TOKEN_PATTERN = /^f_[0-9a-f]{32}$/;
export type FileToken = string;

/** A file on the wire; the preload turns it into the renderer's OpenedFile (ref = token). */
export interface WireFile {
  name: string;
  bytes: Uint8Array;
  token: FileToken;
}

export interface WireSaved {
  name: string;
  token: FileToken;
}

/** What an export is: its Save dialog's title and the check of its bytes follow from it. */
export type ExportKind = 'figure' | 'bibliography' | 'outline' | 'page';
export { EXPORT_PURPOSES, type ExportPurpose } from '../renderer/platform/types';

/**
 * What file:save-binary writes, by MIME type: the one extension each must have, and its kind.
 * A new export (a handout, a paper) joins here; the compiler then asks for its write check
 * (main/writeChecks.ts) and its Save dialog's filter (main/windows.ts).
 */
export const EXPORT_TYPES = {
  'image/svg+xml': { extension: 'svg', kind: 'figure' },
  'image/png': { extension: 'png', kind: 'figure' },
  'application/pdf': { extension: 'pdf', kind: 'figure' },
  'application/vnd.citationstyles.csl+json': { extension: 'json', kind: 'bibliography' },
  'application/x-bibtex': { extension: 'bib', kind: 'bibliography' },
  // File > Export Outline… (renderer/export/outlineExport.ts: OUTLINE_KINDS).
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': { extension: 'docx', kind: 'outline' },
  'text/markdown': { extension: 'md', kind: 'outline' },
  'application/x-tex': { extension: 'tex', kind: 'outline' },
  'text/x-argdown': { extension: 'argdown', kind: 'outline' },
  'application/x-aif+json': { extension: 'json', kind: 'outline' },
  // A self-contained page: File > Export Handout… (renderer/handout/produceHandout.ts; its PDF is an
  // application/pdf above) and a comparison's report (renderer/compare/reportSave.ts).
  'text/html': { extension: 'html', kind: 'page' },
} as const satisfies Record<string, { extension: string; kind: ExportKind }>;
export type ExportMime = keyof typeof EXPORT_TYPES;
// Larger exports are refused before anything is shown or written (main/ipc.ts): the largest
// export is a figure, so the limit is the figures' own, arguments/limits.ts: MAX_FIGURE_BYTES,
// which the CLI keeps when it writes and reads figures.

/** A written export: its file's name without folders (never its path). */
export interface WireExportSaved {
  name: string;
}

/** A document read to be copied into the map: its name without folders and its bytes; no path, no token. */
export interface WireDocument {
  name: string;
  bytes: Uint8Array;
}

/**
 * File operations answer with a sentence instead of throwing: an Error thrown in a main
 * process handler reaches the renderer wrapped in "Error invoking remote method …".
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

/** A running seminar as a reloaded window picks it up: the renderer's LiveNow with its FileRef as a token. */
export interface WireLiveNow {
  seminar: LiveSeminar;
  peers: LivePeer[];
  token: FileToken;
}

/** The document state as sent: the renderer's DocumentState with its FileRef as a token. */
export interface WireDocumentState extends Omit<DocumentState, 'ref'> {
  ref: FileToken | null;
}

/** renderer -> main, answered (ipcRenderer.invoke / ipcMain.handle). */
export interface InvokeChannels {
  /** Shows the Open dialog; null when cancelled or when the file is already open in another window (which is focused). */
  'file:open': { args: []; result: Outcome<WireFile | null> };
  /** Writes the document to its file (token) or, with null, where the Save dialog says. Null when cancelled. */
  'file:save': { args: [text: string, suggestedName: string, token: FileToken | null]; result: Outcome<WireSaved | null> };
  /** Reads the document's file again (Revert). */
  'file:reread': { args: [token: FileToken]; result: Outcome<WireFile> };
  /**
   * Shows the Save dialog for an export (a figure or a bibliography: `suggestedName` is a file
   * name with the extension of `mime`) and writes `bytes` where the user says. Null when cancelled.
   */
  'file:save-binary': { args: [bytes: Uint8Array, suggestedName: string, mime: ExportMime, purpose?: ExportPurpose]; result: Outcome<WireExportSaved | null> };
  /**
   * Shows the Open dialog for a document to add as a source or to import records from, and
   * reads it (regular files within the intake size limit only). Null when cancelled.
   */
  'file:open-document': { args: [purpose: DocumentPurpose]; result: Outcome<WireDocument | null> };
  /** This window's crash backup slot in the app's data folder. */
  'backup:write': { args: [backup: Backup]; result: void };
  'backup:read': { args: []; result: Backup | null };
  'backup:clear': { args: []; result: void };
  /** File > Start Live Seminar…: this computer's addresses to listen on (127.0.0.1 first). */
  'live:addresses': { args: []; result: LiveAddress[] };
  /** Hosts the window's saved map (its token) on the address, port and mode chosen; the key comes back to this window only. */
  'live:start': { args: [token: FileToken, request: LiveStartRequest]; result: Outcome<LiveSeminar> };
  /** Saves the map and ends the window's seminar. */
  'live:stop': { args: []; result: Outcome<null> };
  /** The seminar this window hosts, if any, with who is connected now and the hosted file's token (a reloaded window rejoins with them). */
  'live:current': { args: []; result: WireLiveNow | null };
  /** The instructor's RoomInfo of the window's seminar, asked by main (which keeps the key). */
  'live:room-info': { args: [name: string]; result: Outcome<RoomInfo> };
  /** Opens the window's room as its instructor through main (electron/main/liveRelay.ts): the socket's id. */
  'live:socket-open': { args: [name: string]; result: Outcome<number> };
  /** The students' drafts of the window's seminar (the instructor pulls one into the class map). */
  'live:drafts': { args: []; result: Outcome<DraftSummary[]> };
  /** One student's draft as a map file's text (.argmap.json), read by the host in main's process. */
  'live:draft': { args: [name: string]; result: Outcome<string> };
}

/** renderer -> main, not answered (ipcRenderer.send / ipcMain.on). */
export interface SendChannels {
  /** The document's name, dirtiness and file, for the title, setDocumentEdited and the close prompt. */
  'doc:state': { args: [state: WireDocumentState] };
  /** The answer to a host:save-request. */
  'host:save-result': { args: [requestId: number, saved: boolean] };
  /** The theme chosen in the app (at start and at each change): the window frames and View > Theme follow it. */
  'theme:set': { args: [choice: ThemeChoice] };
  /** A frame for the window's relayed socket (y-websocket's send). */
  'live:socket-send': { args: [id: number, bytes: Uint8Array] };
  'live:socket-close': { args: [id: number] };
}

/** main -> renderer (webContents.send / ipcRenderer.on): the payload of each event. */
export interface EventChannels {
  /** A file the OS or the Open Recent menu asks this window to open. */
  'host:open-file': WireFile;
  /** A native menu command for this window's document. */
  'host:command': HostCommand;
  /** Save the document (Save in the close prompt); answer on host:save-result with this id. */
  'host:save-request': number;
  /** Who is connected to this window's seminar, at each change. */
  'host:live-peers': LivePeer[];
  /**
   * This window's seminar ended (Stop Live Seminar in the menu, or a Stop whose last save failed):
   * why, and whether the host's last save went to the file (when not, the window's copy is the newest).
   */
  'host:live-ended': { reason: string | null; saved: boolean };
  /** This window's seminar hit a problem and goes on. */
  'host:live-problem': string;
  /** The window's relayed socket opened, received a frame, closed (code and reason as the host sent them). */
  'host:live-socket-open': [id: number];
  'host:live-socket-message': [id: number, bytes: Uint8Array];
  'host:live-socket-close': [id: number, code: number, reason: string];
}

export type InvokeChannel = keyof InvokeChannels;
export type SendChannel = keyof SendChannels;
export type EventChannel = keyof EventChannels;

/** Every channel, once: main registers exactly these, and a test checks the preload uses no other. */
export const INVOKE_CHANNELS = ['file:open', 'file:save', 'file:reread', 'file:save-binary', 'file:open-document', 'backup:write', 'backup:read', 'backup:clear', 'live:addresses', 'live:start', 'live:stop', 'live:current', 'live:room-info', 'live:socket-open', 'live:drafts', 'live:draft'] as const satisfies readonly InvokeChannel[];
export const SEND_CHANNELS = ['doc:state', 'host:save-result', 'theme:set', 'live:socket-send', 'live:socket-close'] as const satisfies readonly SendChannel[];
export const EVENT_CHANNELS = ['host:open-file', 'host:command', 'host:save-request', 'host:live-peers', 'host:live-ended', 'host:live-problem', 'host:live-socket-open', 'host:live-socket-message', 'host:live-socket-close'] as const satisfies readonly EventChannel[];

// Compile-time: each list names every key of its interface (a missing one makes these `false`).
type Covers<L extends readonly string[], K extends string> = [K] extends [L[number]] ? true : false;
export const CHANNEL_LISTS_COMPLETE: [Covers<typeof INVOKE_CHANNELS, InvokeChannel>, Covers<typeof SEND_CHANNELS, SendChannel>, Covers<typeof EVENT_CHANNELS, EventChannel>] = [true, true, true];
