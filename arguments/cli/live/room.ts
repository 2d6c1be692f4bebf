// One room of a live seminar on the host: its Y.Doc, the connections, and the y-websocket wire
// protocol (y-protocols sync + awareness, unchanged, so a stock WebsocketProvider joins). Modelled
// on @y/websocket-server's setupWSConnection, with what a seminar needs in between:
// - Every sync step 2 and update is judged first and applied only when accepted: a reader's (who
//   may change nothing) must bring nothing new (roles.ts bringsNothingNew, on the doc's store); in
//   a room where students edit, every update is judged on a scratch replica of the doc (roles.ts
//   judgeUpdate), made when first needed and again after a refusal. The instructor of a room no
//   one else edits is applied as sent. A refused update is never applied, relayed or stored, and its sender
//   is told (an auth "permission denied" with the reason, then the close code LIVE_CLOSE.refused:
//   a page cannot take back its own structs, so it starts over from the host's state).
// - Accepted updates go to the store (fsync'd) before anything is sent: every message out waits in
//   an outbox until the batch of updates before it is durable. Relaying an update (to its sender
//   too) is thus its acknowledgement.
// - After an accepted update that added, removed or re-aimed a record, the normaliser runs.
// - Awareness: each connection speaks for one client id; the host writes its name, role and
//   colour into `user`, and drops states for any other client id.
import * as Y from 'yjs';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as authProtocol from 'y-protocols/auth';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import type { WebSocket } from 'ws';
import { normalize } from '../../live/normalize';
import { LIVE_CLOSE, presenceColor, type RoomMode } from '../../live/protocol';
import { bringsNothingNew, editRight, judgeUpdate, nothingRefusal, type LivePeer } from '../../live/roles';
import { snapshotOf, touchedBy, type Touched } from '../../live/snapshot';

const MESSAGE_SYNC = 0;
const MESSAGE_AWARENESS = 1;
const MESSAGE_AUTH = 2;
const MESSAGE_QUERY_AWARENESS = 3;
const PING_MS = 15_000;
/** The updates kept after the encoded whole state before it is encoded anew. */
const MAX_SINCE = 256;
/** Refusals of one name within REFUSAL_WINDOW_MS after which the host turns that name away for a while. */
export const MAX_REFUSALS = 3;
export const REFUSAL_WINDOW_MS = 60_000;

interface Connection extends LivePeer {
  ws: WebSocket;
  /** The awareness client id this connection speaks for (its first one). */
  clientId: number | null;
  alive: boolean;
}

export interface RoomOptions {
  mode: RoomMode;
  /** Makes accepted updates durable (called with a batch before any of it is relayed). */
  persist: (updates: readonly Uint8Array[]) => void;
  /** After the doc changed (the host schedules its file write). */
  onChange: () => void;
  /** Someone joined or left. */
  onPeers: () => void;
  onError: (e: Error) => void;
}

export class Room {
  readonly awareness: awarenessProtocol.Awareness;
  /** The replica updates are judged on, in rooms where students edit; null until needed (and after a refusal). */
  private replica: Y.Doc | null = null;
  /** Whether some peer's updates are judged on the replica (students edit here). */
  private readonly judging: boolean;
  /** When each name's updates were last refused. */
  private readonly refusals = new Map<string, number[]>();
  private readonly conns = new Map<WebSocket, Connection>();
  private unstored: Uint8Array[] = [];
  private outbox: [WebSocket, Uint8Array][] = [];
  private flushing: ReturnType<typeof setImmediate> | ReturnType<typeof setTimeout> | null = null;
  private judged = false;
  /** The whole state as last encoded, and the updates since: what a page with nothing gets. */
  private fullState: Uint8Array | null = null;
  private since: Uint8Array[] = [];
  private readonly pinger: ReturnType<typeof setInterval>;

  constructor(
    readonly name: string,
    readonly doc: Y.Doc,
    private readonly options: RoomOptions,
  ) {
    this.judging = editRight(options.mode, 'student') !== 'nothing';
    this.awareness = new awarenessProtocol.Awareness(doc);
    this.awareness.setLocalState(null);
    doc.on('update', (update: Uint8Array) => {
      // The scratch replica already holds what it judged; anything else (a repair) it takes now.
      if (!this.judged && this.replica) Y.applyUpdate(this.replica, update);
      if (this.fullState) {
        this.since.push(update);
        // Past this many, a newcomer is better served by the state encoded anew (answerStep1).
        if (this.since.length > MAX_SINCE) {
          this.fullState = null;
          this.since = [];
        }
      }
      this.unstored.push(update);
      this.broadcast(syncMessage((e) => syncProtocol.writeUpdate(e, update)));
      options.onChange();
    });
    this.awareness.on('update', ({ added, updated, removed }: { added: number[]; updated: number[]; removed: number[] }) => {
      const changed = [...added, ...updated, ...removed];
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, MESSAGE_AWARENESS);
      encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
      this.broadcast(encoding.toUint8Array(e));
    });
    this.pinger = setInterval(() => {
      for (const c of this.conns.values()) {
        if (!c.alive) c.ws.terminate();
        else {
          c.alive = false;
          c.ws.ping();
        }
      }
    }, PING_MS);
    this.pinger.unref?.();
  }

  /** The names connected now. */
  connected(): LivePeer[] {
    return [...this.conns.values()].map(({ name, role }) => ({ name, role }));
  }

  hasName(name: string): boolean {
    for (const c of this.conns.values()) if (c.name === name) return true;
    return false;
  }

  /** Ends the connections under `name` now (its owner came back while they linger): nothing they send counts from here. */
  evict(name: string): void {
    for (const c of [...this.conns.values()]) {
      if (c.name !== name) continue;
      this.leave(c);
      c.ws.close(LIVE_CLOSE.replaced, 'you joined again under this name elsewhere');
      setTimeout(() => c.ws.terminate(), 1000).unref?.();
    }
  }

  /** Whether `name`'s updates were refused MAX_REFUSALS times within the last REFUSAL_WINDOW_MS. */
  refusedLately(name: string, now = Date.now()): boolean {
    const times = (this.refusals.get(name) ?? []).filter((t) => now - t < REFUSAL_WINDOW_MS);
    if (times.length === 0) this.refusals.delete(name);
    else this.refusals.set(name, times);
    return times.length >= MAX_REFUSALS;
  }

  join(ws: WebSocket, peer: LivePeer): void {
    const conn: Connection = { ...peer, ws, clientId: null, alive: true };
    this.conns.set(ws, conn);
    ws.binaryType = 'arraybuffer';
    ws.on('message', (data: ArrayBuffer) => this.receive(conn, new Uint8Array(data)));
    ws.on('pong', () => (conn.alive = true));
    ws.on('close', () => this.leave(conn));
    ws.on('error', () => ws.terminate());
    this.send(ws, syncMessage((e) => syncProtocol.writeSyncStep1(e, this.doc)));
    const states = [...this.awareness.getStates().keys()];
    if (states.length > 0) this.send(ws, awarenessMessage(this.awareness, states));
    this.options.onPeers();
  }

  /** Sends what is waiting, disconnects everyone and stops. */
  close(code: number = LIVE_CLOSE.stopped, reason = 'the host stopped the seminar'): void {
    clearInterval(this.pinger);
    this.flush();
    for (const c of this.conns.values()) {
      c.ws.close(code, reason);
      // A peer gone silent would hold the socket open for ws's 30 s closing handshake.
      setTimeout(() => c.ws.terminate(), 1000);
    }
    this.awareness.destroy();
  }

  /** Makes every accepted update durable and sends what waited for it; false when the store failed (all is kept, and tried again in a second). */
  flush(): boolean {
    if (this.flushing !== null) {
      clearImmediate(this.flushing as ReturnType<typeof setImmediate>);
      clearTimeout(this.flushing as ReturnType<typeof setTimeout>);
      this.flushing = null;
    }
    if (this.unstored.length > 0) {
      try {
        this.options.persist(this.unstored);
      } catch (err) {
        // Nothing is acknowledged that is not stored: keep it all, and try again in a second.
        this.options.onError(new Error(`The live seminar's store could not be written (${(err as Error).message}); changes are held until it can be.`));
        this.flushing = setTimeout(() => this.flush(), 1000);
        return false;
      }
      this.unstored = [];
    }
    const out = this.outbox;
    this.outbox = [];
    for (const [ws, message] of out) rawSend(ws, message);
    return true;
  }

  private leave(conn: Connection): void {
    if (!this.conns.delete(conn.ws)) return;
    if (conn.clientId !== null) awarenessProtocol.removeAwarenessStates(this.awareness, [conn.clientId], null);
    this.options.onPeers();
  }

  private send(ws: WebSocket, message: Uint8Array): void {
    this.outbox.push([ws, message]);
    if (this.flushing === null) this.flushing = setImmediate(() => void this.flush());
  }

  private broadcast(message: Uint8Array): void {
    for (const ws of this.conns.keys()) this.send(ws, message);
  }

  private receive(conn: Connection, message: Uint8Array): void {
    if (!this.conns.has(conn.ws)) return;
    try {
      const decoder = decoding.createDecoder(message);
      switch (decoding.readVarUint(decoder)) {
        case MESSAGE_SYNC: {
          const type = decoding.readVarUint(decoder);
          if (type === syncProtocol.messageYjsSyncStep1) this.answerStep1(conn.ws, decoding.readVarUint8Array(decoder)); else if (type === syncProtocol.messageYjsSyncStep2 || type === syncProtocol.messageYjsUpdate) this.update(conn, decoding.readVarUint8Array(decoder));
          break;
        }
        case MESSAGE_AWARENESS:
          this.presence(conn, decoding.readVarUint8Array(decoder));
          break;
        case MESSAGE_QUERY_AWARENESS:
          this.send(conn.ws, awarenessMessage(this.awareness, [...this.awareness.getStates().keys()]));
          break;
        default:
        // Other messages (auth from a peer) mean nothing to the host.
      }
    } catch (err) {
      this.options.onError(new Error(`A message from ${conn.name} could not be read (${(err as Error).message}); it was ignored.`));
    }
  }

  /**
   * Sync step 2: what the page lacks. A page with nothing (a student's first join) gets the state
   * encoded once for everyone plus the updates since: encoding a 1,000-node room takes ~130 ms,
   * which 30 students joining at once would pay 30 times.
   */
  private answerStep1(ws: WebSocket, sv: Uint8Array): void {
    const step2 = (update: Uint8Array) =>
      syncMessage((e) => {
        encoding.writeVarUint(e, syncProtocol.messageYjsSyncStep2);
        encoding.writeVarUint8Array(e, update);
      });
    if (Y.decodeStateVector(sv).size > 0) return this.send(ws, step2(Y.encodeStateAsUpdate(this.doc, sv)));
    if (this.fullState === null) {
      this.fullState = Y.encodeStateAsUpdate(this.doc);
      this.since = [];
    }
    this.send(ws, step2(this.fullState));
    for (const update of this.since) this.send(ws, syncMessage((e) => syncProtocol.writeUpdate(e, update)));
  }

  private update(conn: Connection, update: Uint8Array): void {
    const { mode } = this.options;
    if (editRight(mode, conn.role) === 'nothing') {
      if (!bringsNothingNew(this.doc, update)) this.refuse(conn, nothingRefusal(mode));
      return;
    }
    // The map as last read (some updates old, perhaps): where a repair takes back a deleted source.
    const before = snapshotOf(this.doc).lastRead;
    let touched: Touched | null = null;
    if (this.judging) {
      const verdict = judgeUpdate((this.replica ??= replicaOf(this.doc)), update, conn, mode);
      if (!verdict.ok) {
        // The replica holds the refused update (Yjs cannot take one back): made anew when next needed.
        this.replica = null;
        this.refuse(conn, verdict.reason);
        return;
      }
      if (!verdict.changed) return;
      touched = verdict.touched;
      this.judged = true;
      try {
        Y.applyUpdate(this.doc, update, conn);
      } finally {
        this.judged = false;
      }
    } else {
      // The instructor of a room no one else edits: nothing to judge, no replica to keep.
      const onTransaction = (tr: Y.Transaction) => {
        if (tr.origin === conn) touched = touchedBy(this.doc, tr, touched ?? undefined);
      };
      this.doc.on('afterTransaction', onTransaction);
      try {
        Y.applyUpdate(this.doc, update, conn);
      } catch {
        this.refuse(conn, 'the update could not be read');
        return;
      } finally {
        this.doc.off('afterTransaction', onTransaction);
      }
    }
    if ((touched as Touched | null)?.structural) normalize(this.doc, [before]);
  }

  private refuse(conn: Connection, reason: string): void {
    const times = this.refusals.get(conn.name) ?? [];
    times.push(Date.now());
    this.refusals.set(conn.name, times.slice(-MAX_REFUSALS));
    const e = encoding.createEncoder();
    encoding.writeVarUint(e, MESSAGE_AUTH);
    authProtocol.writePermissionDenied(e, `Your change was not accepted: ${reason}.`);
    this.send(conn.ws, encoding.toUint8Array(e));
    this.flush();
    conn.ws.close(LIVE_CLOSE.refused, 'change refused; reload the room from the host');
  }

  /** Applies the states this connection may speak for, with the host's `user`. */
  private presence(conn: Connection, update: Uint8Array): void {
    const decoder = decoding.createDecoder(update);
    const encoder = encoding.createEncoder();
    const count = decoding.readVarUint(decoder);
    const kept: [number, number, string][] = [];
    for (let i = 0; i < count; i++) {
      const clientId = decoding.readVarUint(decoder);
      const clock = decoding.readVarUint(decoder);
      const json = decoding.readVarString(decoder);
      if (conn.clientId === null && !this.controlled(clientId)) conn.clientId = clientId;
      if (clientId !== conn.clientId) continue;
      const state: unknown = JSON.parse(json);
      if (state === null) kept.push([clientId, clock, 'null']);
      else if (typeof state === 'object' && !Array.isArray(state)) {
        const user = { name: conn.name, role: conn.role, color: presenceColor(conn.name) };
        kept.push([clientId, clock, JSON.stringify({ ...state, user })]);
      }
    }
    if (kept.length === 0) return;
    encoding.writeVarUint(encoder, kept.length);
    for (const [id, clock, json] of kept) {
      encoding.writeVarUint(encoder, id);
      encoding.writeVarUint(encoder, clock);
      encoding.writeVarString(encoder, json);
    }
    awarenessProtocol.applyAwarenessUpdate(this.awareness, encoding.toUint8Array(encoder), conn.ws);
  }

  private controlled(clientId: number): boolean {
    for (const c of this.conns.values()) if (c.clientId === clientId) return true;
    return false;
  }
}

/** A replica of `doc` for judging updates on. */
function replicaOf(doc: Y.Doc): Y.Doc {
  const replica = new Y.Doc({ gc: doc.gc });
  Y.applyUpdate(replica, Y.encodeStateAsUpdate(doc));
  return replica;
}

function syncMessage(write: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_SYNC);
  write(e);
  return encoding.toUint8Array(e);
}

function awarenessMessage(awareness: awarenessProtocol.Awareness, clients: number[]): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, MESSAGE_AWARENESS);
  encoding.writeVarUint8Array(e, awarenessProtocol.encodeAwarenessUpdate(awareness, clients));
  return encoding.toUint8Array(e);
}

function rawSend(ws: WebSocket, message: Uint8Array): void {
  if (ws.readyState !== ws.OPEN) return;
  ws.send(message, (err) => {
    if (err) ws.terminate();
  });
}
