// A WebSocket for y-websocket (its `WebSocketPolyfill`) whose frames go through the desktop app's
// main process (electron/main/liveRelay.ts): the instructor's window may not open a socket itself
// (its CSP and the session's request filter refuse it), and main keeps the instructor's key.
// What y-websocket 3.1 uses of a WebSocket, and no more: the constructor's URL, binaryType,
// readyState and its constants, onopen/onmessage/onclose/onerror, send and close.
import type { LiveSocketBridge, LiveSocketEvent } from '../platform/live';

const CONNECTING = 0;
const OPEN = 1;
const CLOSING = 2;
const CLOSED = 3;
/** A socket that could not be opened closes as a browser's does after a network failure. */
const ABNORMAL = 1006;
/** Events of a socket whose id has not come back yet (main's open event can overtake its answer). */
const MAX_EARLY_EVENTS = 256;

export interface SocketCloseEvent {
  type: 'close';
  code: number;
  reason: string;
  wasClean: boolean;
}

export interface SocketMessageEvent {
  type: 'message';
  data: ArrayBuffer;
}

/** The class y-websocket constructs, bound to one bridge. */
export interface IpcWebSocketClass {
  new (url: string, protocols?: string | string[]): IpcWebSocket;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSING: 2;
  readonly CLOSED: 3;
}

export interface IpcWebSocket {
  readonly url: string;
  readonly protocol: string;
  readonly extensions: string;
  readonly bufferedAmount: number;
  binaryType: 'arraybuffer' | 'blob';
  readonly readyState: number;
  readonly CONNECTING: 0;
  readonly OPEN: 1;
  readonly CLOSING: 2;
  readonly CLOSED: 3;
  onopen: ((event: { type: 'open' }) => void) | null;
  onmessage: ((event: SocketMessageEvent) => void) | null;
  onclose: ((event: SocketCloseEvent) => void) | null;
  onerror: ((event: { type: 'error'; message: string }) => void) | null;
  send(data: ArrayBuffer | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
}

const classes = new WeakMap<LiveSocketBridge, IpcWebSocketClass>();
const relayed = new WeakSet<object>();

/**
 * Whether `socketClass` is the desktop app's relay: main opens the window's class room whatever
 * the URL says (electron/main/liveRelay.ts), so no other room (a student's draft) may be opened
 * through it: its doc would be sent into the class room.
 */
export const opensOnlyTheClassRoom = (socketClass: object | undefined): boolean => socketClass !== undefined && relayed.has(socketClass);

/** The WebSocket class over `bridge` (one per bridge: it owns the bridge's event listener). */
export function ipcWebSocketClass(bridge: LiveSocketBridge): IpcWebSocketClass {
  const known = classes.get(bridge);
  if (known) return known;

  const open = new Map<number, Socket>();
  const early = new Map<number, LiveSocketEvent[]>();
  let earlyCount = 0;
  // Sockets this page is done with (main numbers its sockets and never reuses a number): their
  // late events (the close main reports, frames in flight) are dropped, not kept as early ones.
  const gone = new Set<number>();
  const forget = (id: number): LiveSocketEvent[] => {
    gone.add(id);
    const waiting = early.get(id) ?? [];
    early.delete(id);
    earlyCount -= waiting.length;
    return waiting;
  };
  bridge.onEvent((event) => {
    const socket = open.get(event.id);
    if (socket) return socket.receive(event);
    if (gone.has(event.id) || earlyCount >= MAX_EARLY_EVENTS) return;
    earlyCount++;
    const list = early.get(event.id) ?? [];
    list.push(event);
    early.set(event.id, list);
  });

  class Socket implements IpcWebSocket {
    static readonly CONNECTING = CONNECTING;
    static readonly OPEN = OPEN;
    static readonly CLOSING = CLOSING;
    static readonly CLOSED = CLOSED;
    readonly CONNECTING = CONNECTING;
    readonly OPEN = OPEN;
    readonly CLOSING = CLOSING;
    readonly CLOSED = CLOSED;
    readonly protocol = '';
    readonly extensions = '';
    readonly bufferedAmount = 0;
    binaryType: 'arraybuffer' | 'blob' = 'blob';
    readyState: number = CONNECTING;
    onopen: IpcWebSocket['onopen'] = null;
    onmessage: IpcWebSocket['onmessage'] = null;
    onclose: IpcWebSocket['onclose'] = null;
    onerror: IpcWebSocket['onerror'] = null;
    private id: number | null = null;

    constructor(readonly url: string, _protocols?: string | string[]) {
      // Main builds the room's address from the window's seminar; only the name is the page's.
      const name = new URL(url).searchParams.get('name') ?? '';
      bridge.open(name).then(
        (id) => {
          this.id = id;
          if (this.readyState !== CONNECTING) {
            forget(id);
            return bridge.close(id);
          }
          open.set(id, this);
          const waiting = early.get(id) ?? [];
          early.delete(id);
          earlyCount -= waiting.length;
          for (const e of waiting) this.receive(e);
        },
        (err: unknown) => {
          const message = err instanceof Error ? err.message : String(err);
          this.onerror?.({ type: 'error', message });
          this.closed(ABNORMAL, message);
        },
      );
    }

    receive(event: LiveSocketEvent): void {
      if (event.kind === 'open') {
        if (this.readyState !== CONNECTING) return;
        this.readyState = OPEN;
        this.onopen?.({ type: 'open' });
      } else if (event.kind === 'message') {
        if (this.readyState !== OPEN) return;
        this.onmessage?.({ type: 'message', data: arrayBufferOf(event.bytes) });
      } else this.closed(event.code, event.reason);
    }

    send(data: ArrayBuffer | ArrayBufferView): void {
      // As a browser's: sending before open is an error, after close a no-op.
      if (this.readyState === CONNECTING) throw new Error('The seminar’s connection is not open yet.');
      if (this.readyState !== OPEN || this.id === null) return;
      const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      bridge.send(this.id, bytes);
    }

    close(): void {
      if (this.readyState === CLOSING || this.readyState === CLOSED) return;
      const wasConnecting = this.readyState === CONNECTING;
      this.readyState = CLOSING;
      // Not opened yet: the id, when it comes, is closed at once (the constructor's answer).
      if (this.id !== null) bridge.close(this.id);
      if (wasConnecting && this.id === null) this.closed(ABNORMAL, '');
    }

    private closed(code: number, reason: string): void {
      if (this.readyState === CLOSED) return;
      this.readyState = CLOSED;
      if (this.id !== null) {
        open.delete(this.id);
        forget(this.id);
      }
      this.onclose?.({ type: 'close', code, reason, wasClean: code !== ABNORMAL });
    }
  }

  classes.set(bridge, Socket);
  relayed.add(Socket);
  return Socket;
}

function arrayBufferOf(bytes: Uint8Array): ArrayBuffer {
  if (bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer) return bytes.buffer;
  return bytes.slice().buffer as ArrayBuffer;
}
