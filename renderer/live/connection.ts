// Joining a live seminar: the room's info from the host, the shared Y.Doc with its offline copy in
// IndexedDB (a dropped connection resyncs; a reload keeps edits not yet sent), the y-websocket
// provider, the awareness record, and the store bound to the document. The one entry point for the
// join screen and for the desktop app (app16's IPC calls `joinLiveSeminar`).
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { LIVE_CLOSE, presenceColor, type RoomInfo } from '../../arguments/live/protocol';
import { LiveSession } from '../../arguments/live/session';
import { notify } from '../store/store';
import { bindLiveDocument, type LiveBinding } from './binding';
import { fetchRoomInfo, LiveJoinError, liveSocketBase, readRoomInfo } from './roomInfo';
import { keepToken, tokenFor } from './nameToken';
import { live } from './liveState';
import { publishPresence, watchPeers } from './presenceSync';
import type { IpcWebSocketClass } from './ipcSocket';

export interface JoinRequest {
  /** The host's address, "http://HOST:PORT" (the page's own origin when it was served by the host). */
  url: string;
  code: string;
  name: string;
  /** The instructor's key (from `#CODE?key=…` or the app). */
  key?: string;
  /**
   * The room's info when the caller has it already (the desktop app, from its main process over
   * IPC: a page not served by the host would need the host to allow its origin for the fetch).
   */
  info?: RoomInfo;
  /**
   * The socket to use instead of the page's WebSocket: the desktop app's instructor window
   * relays its socket through the main process (renderer/live/ipcSocket.ts).
   */
  WebSocketPolyfill?: IpcWebSocketClass;
  /** Runs once when this page leaves the room (Leave, another document, another room); not on a rejoin after a refused change. */
  onLeave?: () => void;
}

/** WebSocket's close code for a message over the receiver's limit (the host's for students: 4 MB). */
const TOO_LARGE = 1009;
/** After a drop, "Reconnecting…" for this long, then "Offline". */
const RECONNECTING_MS = 4000;
/** The first sync of a page with no offline copy: longer than this and the host is unreachable. */
const FIRST_SYNC_MS = 15_000;

interface Connection {
  request: JoinRequest;
  provider: WebsocketProvider;
  offline: IndexeddbPersistence;
  binding: LiveBinding | null;
  stops: (() => void)[];
}

let current: Connection | null = null;

/**
 * Joins the room and makes its map the open document; resolves with the room's info once the map
 * is shown. Throws a LiveJoinError (code + sentence) when the host refuses or cannot be reached;
 * nothing has changed then. A page already in a seminar leaves it first.
 */
export async function joinLiveSeminar(request: JoinRequest): Promise<RoomInfo> {
  const info = request.info ? readRoomInfo(request.info, request.code) : await fetchRoomInfo(request.url, request.code, request.name, request.key);
  keepToken(info);
  // A rejoin after a refused change (the same request) is not a leave.
  leave(current?.request === request);
  const doc = new Y.Doc();
  // One offline copy per room, epoch and name: a second name in the same browser is another
  // person, and a copy of an earlier epoch (the host started the room anew from its file) would
  // duplicate the map's records if merged: it is deleted instead.
  const prefix = `argument-atlas-live:${info.code}:`;
  const dbName = `${prefix}${info.epoch ?? ''}:${info.name}`;
  await dropOtherEpochs(prefix, info.epoch ?? '');
  const offline = new IndexeddbPersistence(dbName, doc);
  await offline.whenSynced;
  const params: Record<string, string> = { name: info.name };
  if (request.key !== undefined) params.key = request.key;
  else {
    // The name's proof on every connection (a reconnect too: the provider keeps its params).
    const token = tokenFor(info.code, info.name);
    if (token !== undefined) params.token = token;
  }
  const provider = new WebsocketProvider(liveSocketBase(request.url), info.code, doc, {
    params,
    disableBc: true,
    ...(request.WebSocketPolyfill ? { WebSocketPolyfill: request.WebSocketPolyfill as unknown as typeof WebSocket } : {}),
  });
  const conn: Connection = { request, provider, offline, binding: null, stops: [] };
  current = conn;
  live.setState({ room: info, link: 'connecting', peers: [], selectedBy: new Map(), follow: info.role === 'student', join: null });
  try {
    await firstSync(provider, doc);
  } catch (e) {
    if (current === conn) dispose(conn);
    live.setState({ room: null });
    throw e;
  }
  const session = new LiveSession(doc, { onRepair: (repairs) => console.info('Argument Atlas repaired the shared map after a change:', repairs) });
  conn.stops.push(() => session.destroy());
  conn.binding = bindLiveDocument(session, info, () => {
    conn.binding = null;
    leaveLiveSeminar();
  });
  conn.stops.push(watchLink(provider, () => void restart(conn, request)), watchPeers(provider.awareness), publishPresence(provider.awareness, { name: info.name, role: info.role, color: presenceColor(info.name) }));
  return info;
}

/** Waits for the host's first sync; a page with an offline copy of the room may go on without it. */
function firstSync(provider: WebsocketProvider, doc: Y.Doc): Promise<void> {
  if (provider.synced) return Promise.resolve();
  const hasCopy = doc.getMap('nodes').size > 0 || doc.getMap('meta').size > 0;
  return new Promise((resolve, reject) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const done = (synced: boolean) => {
      if (!synced) return;
      clearTimeout(timer);
      provider.off('sync', done);
      provider.off('closed', closed);
      resolve();
    };
    const closed = (event: { code: number; reason: string }) => {
      clearTimeout(timer);
      provider.off('sync', done);
      provider.off('closed', closed);
      reject(new LiveJoinError('unreachable', `The host refused the connection${event.reason ? `: ${event.reason}` : ''}.`));
    };
    provider.on('sync', done);
    provider.on('closed', closed);
    if (hasCopy) return done(true);
    timer = setTimeout(() => {
      provider.off('sync', done);
      provider.off('closed', closed);
      reject(new LiveJoinError('unreachable', 'The seminar’s host accepted the name but sent no map. Check the network and try again.'));
    }, FIRST_SYNC_MS);
  });
}

/** Deletes this room's offline copies of other epochs (where the browser can list its databases). */
async function dropOtherEpochs(prefix: string, epoch: string): Promise<void> {
  try {
    const all = (await indexedDB.databases?.()) ?? [];
    for (const db of all) if (db.name?.startsWith(prefix) && !db.name.startsWith(`${prefix}${epoch}:`)) indexedDB.deleteDatabase(db.name);
  } catch {
    // Not listed: older copies stay (they are never opened again).
  }
}

/**
 * The host refused a change of this page (LIVE_CLOSE.refused): Yjs cannot take the page's own
 * structs back, so the page drops its copy and joins again from the host's state.
 */
async function restart(conn: Connection, request: JoinRequest): Promise<void> {
  if (current !== conn) return;
  await conn.offline.clearData().catch(() => undefined);
  try {
    await joinLiveSeminar(request);
  } catch (e) {
    notify({ kind: 'error', title: 'Could not join the seminar again', lines: [e instanceof Error ? e.message : String(e)] });
  }
}

/** The chip's state from the provider's: a drop shows "Reconnecting…", then "Offline". */
function watchLink(provider: WebsocketProvider, refused: () => void): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const onStatus = ({ status }: { status: 'connected' | 'disconnected' | 'connecting' }) => {
    if (status === 'connected') {
      clearTimeout(timer);
      timer = undefined;
      live.setState({ link: 'live' });
    } else if (live.getState().link === 'live' || live.getState().link === 'connecting') {
      live.setState({ link: 'reconnecting' });
      clearTimeout(timer);
      timer = setTimeout(() => live.setState({ link: 'offline' }), RECONNECTING_MS);
    }
  };
  const onClosed = (event: { code: number; reason: string }) => {
    live.setState({ link: 'offline' });
    if (event.code === LIVE_CLOSE.refused) {
      notify({ kind: 'error', title: 'The seminar’s host refused a change', lines: [event.reason || 'A change of yours was not yours to make in this seminar.', 'The page takes the seminar’s map again from the host; the refused change is not in it.'] });
      return refused();
    }
    if (event.code === LIVE_CLOSE.replaced) {
      notify({ kind: 'error', title: 'This seminar is open in another page', lines: ['You joined again under this name elsewhere (another tab or browser), so this page stopped following the seminar.', 'Your copy of the map stays open here; save a copy to keep it.'] });
      return;
    }
    notify({ kind: 'error', title: 'The seminar’s host closed the connection', lines: [event.reason || 'The host does not take this page back. Your copy of the map stays open; save a copy to keep it.'] });
  };
  // A message over the host's limit (1009): sent again on every reconnect, it would be refused for
  // ever; like a refused change, the page takes the host's map again without it.
  const onDrop = (event: { code: number } | null) => {
    if (event?.code !== TOO_LARGE) return;
    notify({ kind: 'error', title: 'A change was too large for the seminar', lines: ['The host takes changes of up to 4 MB from a student (a very long source text pasted whole is more).', 'The page takes the seminar’s map again from the host; that change is not in it.'] });
    refused();
  };
  provider.on('connection-close', onDrop);
  provider.on('status', onStatus);
  provider.on('closed', onClosed);
  if (provider.wsconnected) live.setState({ link: 'live' });
  return () => {
    clearTimeout(timer);
    provider.off('status', onStatus);
    provider.off('closed', onClosed);
    provider.off('connection-close', onDrop);
  };
}

function dispose(conn: Connection): void {
  for (const stop of conn.stops.splice(0)) stop();
  conn.provider.destroy();
  void conn.offline.destroy();
  if (current === conn) current = null;
}

/** Leaves the seminar: the live map stays open as an unsaved document (it can be saved as a file). */
export function leaveLiveSeminar(): void {
  leave(false);
}

function leave(rejoining: boolean): void {
  const conn = current;
  if (!conn) return;
  current = null;
  conn.binding?.unbind();
  dispose(conn);
  live.setState({ room: null, peers: [], selectedBy: new Map(), link: 'connecting' });
  if (!rejoining) conn.request.onLeave?.();
}

export const inLiveSeminar = (): boolean => current !== null;

/**
 * The host's address and the instructor's key of the room this page is in, when it joined with the
 * key (a browser opened at the instructor link): what reading the students' drafts over HTTP needs
 * (renderer/live/drafts/draftsSource.ts). Null otherwise: a student, or the desktop app's window,
 * whose key stays in its main process.
 */
export function instructorKeyAccess(): { url: string; key: string } | null {
  const r = current?.request;
  return r?.key !== undefined ? { url: r.url, key: r.key } : null;
}
