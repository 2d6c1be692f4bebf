// The instructor's window in its own seminar (issue 16): the window may not reach the host itself
// (its CSP allows only 'self', the session's request filter cancels http: and ws:, and the host
// takes a WebSocket from another page's origin only with the key), so the main process asks the
// host in its own process for the room's info, opens the room's socket with Node's `ws`, with the
// key it keeps, and relays the frames over IPC. Each
// socket belongs to the window that opened it: another window's id is refused, and a window's
// sockets close when it closes, reloads or its seminar stops.
// No Electron import: windows.ts wires it to IPC; the tests drive it with the real host.
import WebSocket from 'ws';
import type { RoomInfoAnswer } from '../../arguments/cli/live/host';
import { hostOrigin, MAX_LIVE_MESSAGE_BYTES, type RoomInfo } from '../../arguments/live/protocol';
import type { EventChannels, Outcome } from '../ipc-contract';
/** y-websocket keeps one socket and closes it before the next: a few cover a reconnect in flight. */
export const MAX_RELAY_SOCKETS_PER_WINDOW = 4;

/** Where a window's seminar is reached, and its key (never sent to the window by the relay). */
export interface RelayTarget {
  address: string;
  port: number;
  code: string;
  key: string;
  /** The host's answer to the room's info for `name` with the key (host.ts: LiveHost.roomInfo, in this process). */
  roomInfo(name: string): RoomInfoAnswer;
}

export type RelayEvent = 'host:live-socket-open' | 'host:live-socket-message' | 'host:live-socket-close';

export interface RelayDeps {
  /** The seminar the window hosts, or null. */
  target(windowId: number): RelayTarget | null;
  /** Sends an event to that window only (a window that is gone is skipped). */
  emit<C extends RelayEvent>(windowId: number, channel: C, payload: EventChannels[C]): void;
}

export class RelayRefusal extends Error {
  override name = 'RelayRefusal';
}

interface Relayed {
  windowId: number;
  socket: WebSocket;
}

export class LiveRelay {
  private readonly sockets = new Map<number, Relayed>();
  private nextId = 1;

  constructor(private readonly deps: RelayDeps) {}

  /** The instructor's RoomInfo for the window's seminar, as the host answers it; a refusal in the instructor's terms. */
  roomInfo(windowId: number, name: string): Outcome<RoomInfo> {
    const t = this.deps.target(windowId);
    if (!t) return { ok: false, message: 'This window hosts no live seminar now.' };
    let answer: RoomInfoAnswer;
    try {
      answer = t.roomInfo(name);
    } catch (err) {
      return { ok: false, message: `the seminar’s host could not answer (${err instanceof Error ? err.message : String(err)})` };
    }
    return answer.ok ? { ok: true, value: answer.info } : { ok: false, message: refusalForInstructor(answer, name) };
  }

  /** Opens the window's room as the instructor named `name`; the id names the socket in every later message. */
  open(windowId: number, name: string): Outcome<number> {
    const t = this.deps.target(windowId);
    if (!t) return { ok: false, message: 'This window hosts no live seminar now.' };
    if (this.countOf(windowId) >= MAX_RELAY_SOCKETS_PER_WINDOW) return { ok: false, message: 'This window has too many connections to its seminar open; close one first.' };
    const url = new URL(`/live/${encodeURIComponent(t.code)}`, hostOrigin(t.address, t.port));
    url.protocol = 'ws:';
    url.searchParams.set('name', name);
    url.searchParams.set('key', t.key);
    const id = this.nextId++;
    // No Origin header: the host knows the instructor by the key.
    const socket = new WebSocket(url.href, { maxPayload: MAX_LIVE_MESSAGE_BYTES });
    socket.binaryType = 'arraybuffer';
    this.sockets.set(id, { windowId, socket });
    socket.on('open', () => this.deps.emit(windowId, 'host:live-socket-open', [id]));
    socket.on('message', (data: ArrayBuffer | Buffer | Buffer[]) => this.deps.emit(windowId, 'host:live-socket-message', [id, bytesOf(data)]));
    // A refused or failed connection emits 'error' and then 'close' (1006): the close tells the window.
    socket.on('error', () => undefined);
    socket.on('close', (code: number, reason: Buffer) => {
      if (this.sockets.get(id)?.socket !== socket) return;
      this.sockets.delete(id);
      this.deps.emit(windowId, 'host:live-socket-close', [id, code, reason.toString('utf8')]);
    });
    return { ok: true, value: id };
  }

  /** A frame from the window; refused for a socket that is not the window's, dropped when the socket is not open. */
  send(windowId: number, id: number, bytes: Uint8Array): void {
    if (bytes.byteLength > MAX_LIVE_MESSAGE_BYTES) throw new RelayRefusal(`live:socket-send: a frame is larger than the host takes (${MAX_LIVE_MESSAGE_BYTES} bytes)`);
    const s = this.sockets.get(id);
    // A socket the host closed a moment ago: its close event is on its way to the window.
    if (!s) return;
    if (s.windowId !== windowId) throw new RelayRefusal('live:socket-send: the socket is not this window’s');
    if (s.socket.readyState === WebSocket.OPEN) s.socket.send(bytes);
  }

  /** The window closes its socket; the close event follows as for any close. */
  close(windowId: number, id: number): void {
    const s = this.sockets.get(id);
    // A socket the host closed already is gone: closing it again is no error.
    if (!s) return;
    if (s.windowId !== windowId) throw new RelayRefusal('live:socket-close: the socket is not this window’s');
    s.socket.close(1000);
  }

  /** The window closed, reloaded or stopped its seminar: its sockets end now, without telling it. */
  closeWindow(windowId: number): void {
    for (const [id, s] of this.sockets) {
      if (s.windowId !== windowId) continue;
      this.sockets.delete(id);
      s.socket.terminate();
    }
  }

  /** How many relayed sockets the window has open or opening. */
  countOf(windowId: number): number {
    let n = 0;
    for (const s of this.sockets.values()) if (s.windowId === windowId) n++;
    return n;
  }
}

/**
 * Why the host would not let the instructor's window in, for the instructor: the host's own
 * sentences are written for a student at the join page ("choose another name").
 */
export function refusalForInstructor(answer: { status: number; message: string }, name: string): string {
  // The key replaces the instructor's own earlier connection (a reload, the instructor link) and the host keeps the
  // window's name (INSTRUCTOR_NAME) for the key holder: a 409 would be a student under a name the window was given otherwise.
  if (answer.status === 409) return `a student is in the room under the name “${name}”; once they join under their own name, stop and start the seminar again, or open the instructor link`;
  if (answer.status === 404) return 'the seminar’s room is gone from its host (it is stopping)';
  return `the seminar’s host refused this window: ${answer.message}`;
}

function bytesOf(data: ArrayBuffer | Buffer | Buffer[]): Uint8Array {
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  if (Array.isArray(data)) return new Uint8Array(Buffer.concat(data));
  return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
}
