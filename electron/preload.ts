// The preload bridge: window.argumentAtlas, the renderer's Platform (renderer/platform/types.ts)
// in the desktop shell. It runs sandboxed in an isolated world and exposes named functions
// only: never ipcRenderer, never an IPC event, never a path. Built by esbuild into one
// CommonJS file (a sandboxed preload can require nothing but 'electron').
import { contextBridge, ipcRenderer } from 'electron';
import type { DocumentPurpose, DocumentState, DroppedFile, FileRef, HostCommand, OpenedDocument, OpenedFile, Platform, SavedFile } from '../renderer/platform/types';
import type { EventChannel, EventChannels, ExportMime, ExportPurpose, InvokeChannel, InvokeChannels, Outcome, SendChannel, SendChannels, WireFile } from './ipc-contract';
import { HOST_COMMANDS } from '../renderer/platform/types';
import { TOKEN_PATTERN } from './ipc-contract';
import type { ThemeChoice } from '../renderer/theme/choices';
import type { LivePeer, LiveSeminar, LiveSocketEvent, LiveStartRequest } from '../renderer/platform/live';
import type { DraftSummary } from '../arguments/live/protocol';

function invoke<C extends InvokeChannel>(channel: C, ...args: InvokeChannels[C]['args']): Promise<InvokeChannels[C]['result']> {
  return ipcRenderer.invoke(channel, ...args) as Promise<InvokeChannels[C]['result']>;
}

function send<C extends SendChannel>(channel: C, ...args: SendChannels[C]['args']): void {
  ipcRenderer.send(channel, ...args);
}

/** Listens to a main -> renderer event, handing the listener the payload only (never the IPC event). */
function listen<C extends EventChannel>(channel: C, listener: (payload: EventChannels[C]) => void): void {
  ipcRenderer.on(channel, (_event, payload: EventChannels[C]) => listener(payload));
}

/** A failed file operation becomes an Error whose message is the sentence main wrote for the user. */
function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw new Error(outcome.message);
}

const opened = (f: WireFile): OpenedFile => ({ name: f.name, bytes: f.bytes, ref: f.token });
/** The renderer's FileRef is the token main gave it; anything else is treated as "no file". */
const tokenOf = (ref: FileRef | null): string | null => (typeof ref === 'string' && TOKEN_PATTERN.test(ref) ? ref : null);

// Files main asks this window to open (the OS, Open Recent) can arrive before the renderer
// listens: they wait here until it does.
let openListener: ((file: OpenedFile) => void) | null = null;
const waitingFiles: OpenedFile[] = [];
listen('host:open-file', (file) => {
  const f = opened(file);
  if (openListener) openListener(f);
  else waitingFiles.push(f);
});

let commandListener: ((command: HostCommand) => void) | null = null;
listen('host:command', (command) => {
  if ((HOST_COMMANDS as readonly string[]).includes(command)) commandListener?.(command);
});

let saveListener: (() => Promise<boolean>) | null = null;
listen('host:save-request', (requestId) => {
  const answer = (saved: boolean) => send('host:save-result', requestId, saved);
  if (!saveListener) return answer(false);
  saveListener().then(
    (saved) => answer(saved === true),
    () => answer(false),
  );
});

// A live seminar's news for this window (electron/main/live.ts); a reloaded page asks live:current for who is connected.
let peersListener: ((peers: LivePeer[]) => void) | null = null;
let endedListener: ((reason: string | null, saved: boolean) => void) | null = null;
let problemListener: ((message: string) => void) | null = null;
const peersOf = (peers: unknown): LivePeer[] => (Array.isArray(peers) ? peers.map((p: LivePeer) => ({ name: String(p.name), role: p.role === 'instructor' ? 'instructor' : 'student', connected: p.connected === true })) : []);
/** The seminar's named fields only: whatever else main's answer held (a key) stays out of the page. */
const seminarOf = (s: LiveSeminar): LiveSeminar => ({
  code: String(s.code),
  joinUrl: String(s.joinUrl),
  address: String(s.address),
  port: Number(s.port),
  mode: String(s.mode) as LiveSeminar['mode'],
  mapName: String(s.mapName),
  ...(typeof s.notice === 'string' ? { notice: s.notice } : {}),
});
/** The drafts' named fields only, each of its type. */
const draftsOf = (drafts: unknown): DraftSummary[] =>
  Array.isArray(drafts) ? drafts.map((d: DraftSummary) => ({ name: String(d.name), open: d.open === true, changedAt: String(d.changedAt), nodes: typeof d.nodes === 'number' ? d.nodes : null })) : [];
listen('host:live-peers', (peers) => peersListener?.(peersOf(peers)));
listen('host:live-ended', (ended) => {
  const e = (typeof ended === 'object' && ended !== null ? ended : {}) as { reason?: unknown; saved?: unknown };
  // Unsaved only when main says so: the window then keeps its copy instead of reading the file.
  endedListener?.(typeof e.reason === 'string' ? e.reason : null, e.saved !== false);
});
listen('host:live-problem', (message) => problemListener?.(String(message)));

// The window's relayed socket to its own room (electron/main/liveRelay.ts): ids and frames only.
let socketListener: ((event: LiveSocketEvent) => void) | null = null;
const socketIdOf = (payload: unknown): number | null => (Array.isArray(payload) && Number.isSafeInteger(payload[0]) ? (payload[0] as number) : null);
listen('host:live-socket-open', (payload) => {
  const id = socketIdOf(payload);
  if (id !== null) socketListener?.({ kind: 'open', id });
});
listen('host:live-socket-message', (payload) => {
  const id = socketIdOf(payload);
  if (id !== null && payload[1] instanceof Uint8Array) socketListener?.({ kind: 'message', id, bytes: payload[1] });
});
listen('host:live-socket-close', (payload) => {
  const id = socketIdOf(payload);
  if (id !== null) socketListener?.({ kind: 'close', id, code: Number(payload[1]) || 1006, reason: String(payload[2] ?? '') });
});

const api = {
  kind: 'electron' as const,

  async openFile(): Promise<OpenedFile | null> {
    const file = unwrap(await invoke('file:open'));
    return file ? opened(file) : null;
  },

  async saveFile(text: string, suggestedName: string, ref: FileRef | null): Promise<SavedFile | null> {
    const saved = unwrap(await invoke('file:save', String(text), String(suggestedName), tokenOf(ref)));
    return saved ? { name: saved.name, ref: saved.token } : null;
  },

  async reread(ref: FileRef): Promise<OpenedFile> {
    const token = tokenOf(ref);
    if (!token) throw new Error('This map was not opened from a file, so it cannot be read again.');
    return opened(unwrap(await invoke('file:reread', token)));
  },

  /**
   * An export (a figure: SVG, PNG or PDF; a bibliography: CSL-JSON or BibTeX) written where
   * the user says in the Save dialog; main checks the bytes, the name and the type
   * (renderer/export/save.ts's BinarySaver).
   */
  async saveBinary(bytes: Uint8Array, suggestedName: string, mime: string, purpose?: string): Promise<{ name: string } | null> {
    const saved = unwrap(
      purpose === undefined
        ? await invoke('file:save-binary', bytes, String(suggestedName), String(mime) as ExportMime)
        : await invoke('file:save-binary', bytes, String(suggestedName), String(mime) as ExportMime, String(purpose) as ExportPurpose),
    );
    return saved ? { name: saved.name } : null;
  },

  /** A document chosen in main's Open dialog and read there: its name and bytes, never its path. */
  async openDocument(purpose: DocumentPurpose): Promise<OpenedDocument | null> {
    const doc = unwrap(await invoke('file:open-document', String(purpose) as DocumentPurpose));
    return doc ? { name: doc.name, bytes: doc.bytes } : null;
  },

  /**
   * A dropped file is read here, as in the browser; its path is not taken from the page, so
   * Save asks where (with the file's name suggested). Files opened from the OS keep theirs.
   */
  async openDropped(file: DroppedFile): Promise<OpenedFile> {
    return { name: String(file.name), bytes: new Uint8Array(await file.arrayBuffer()), ref: null };
  },

  onOpenRequest(open: (file: OpenedFile) => void): void {
    openListener = open;
    for (const f of waitingFiles.splice(0)) open(f);
  },

  onMenuCommand(run: (command: HostCommand) => void): void {
    commandListener = run;
  },

  onSaveRequest(save: () => Promise<boolean>): void {
    saveListener = save;
  },

  setTheme(choice: ThemeChoice): void {
    send('theme:set', String(choice) as ThemeChoice);
  },

  setDocumentState(state: DocumentState): void {
    send('doc:state', {
      name: String(state.name),
      dirty: state.dirty === true,
      ref: tokenOf(state.ref),
      canRevert: state.canRevert === true,
      panes: { sources: state.panes.sources !== false, inspector: state.panes.inspector !== false },
    });
  },

  live: {
    addresses: () => invoke('live:addresses'),
    async start(ref: FileRef, request: LiveStartRequest) {
      const token = tokenOf(ref);
      if (!token) throw new Error('Save the map first: a live seminar hosts a map saved on this computer.');
      return seminarOf(unwrap(await invoke('live:start', token, { address: String(request.address), port: Number(request.port), mode: String(request.mode) as LiveStartRequest['mode'] })));
    },
    async stop() {
      unwrap(await invoke('live:stop'));
    },
    async current() {
      const now = await invoke('live:current');
      const ref = now ? tokenOf(now.token) : null;
      return now && ref ? { seminar: seminarOf(now.seminar), peers: peersOf(now.peers), ref } : null;
    },
    onPeers(listener: (peers: LivePeer[]) => void) {
      peersListener = listener;
    },
    onEnded(listener: (reason: string | null, saved: boolean) => void) {
      endedListener = listener;
    },
    onProblem(listener: (message: string) => void) {
      problemListener = listener;
    },
    drafts: async () => draftsOf(unwrap(await invoke('live:drafts'))),
    draft: async (name: string) => String(unwrap(await invoke('live:draft', String(name)))),
    socket: {
      roomInfo: async (name: string) => unwrap(await invoke('live:room-info', String(name))),
      open: async (name: string) => unwrap(await invoke('live:socket-open', String(name))),
      send: (id: number, bytes: Uint8Array) => send('live:socket-send', Number(id), bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)),
      close: (id: number) => send('live:socket-close', Number(id)),
      onEvent(listener: (event: LiveSocketEvent) => void) {
        socketListener = listener;
      },
    },
  },

  backups: {
    write: (backup: { text: string; name: string; savedAt: string }) => invoke('backup:write', { text: String(backup.text), name: String(backup.name), savedAt: String(backup.savedAt) }),
    read: () => invoke('backup:read'),
    clear: () => invoke('backup:clear'),
  },
} satisfies Platform;

export type Api = typeof api;

contextBridge.exposeInMainWorld('argumentAtlas', api);
