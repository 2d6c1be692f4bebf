// Joining a live seminar: the room's info from the host, the shared Y.Doc with its offline copy in
// IndexedDB (a dropped connection resyncs; a reload keeps edits not yet sent), the y-websocket
// provider, the awareness record, and the store bound to the document. The one entry point for the
// join screen and for the desktop app (app16's IPC calls `joinLiveSeminar`).
// A student's private draft (the host's room CODE.draft.NAME, forked from the class map) opens
// beside the class room, never instead of it (the host requires the student to be in the class
// room): a second provider, offline copy and binding, and the store shows one of the two maps.
// Going back to the class map keeps the draft connected behind it, so either way is instant.
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { IndexeddbPersistence } from 'y-indexeddb';
import { draftRoom, presenceColor, type RoomInfo } from '../../arguments/live/protocol';
import { editRight } from '../../arguments/live/roles';
import { LiveSession } from '../../arguments/live/session';
import { isPresenting, notify } from '../store/store';
import { stopPresentation } from '../present/presentState';
import { bindLiveDocument, type LiveBinding } from './binding';
import { fetchDraftInfo, fetchRoomInfo, liveSocketBase, readRoomInfo } from './roomInfo';
import { keepToken, tokenFor } from './nameToken';
import { draftRefusedWords, draftsOffered, live } from './liveState';
import { firstSync, watchLink } from './link';
import { publishPresence, watchPeers, type RoomPart } from './presenceSync';
import { opensOnlyTheClassRoom, type IpcWebSocketClass } from './ipcSocket';

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

/** One room this page is in: its document's offline copy, its provider, its binding to the store. */
interface RoomLink {
  provider: WebsocketProvider;
  offline: IndexeddbPersistence;
  binding: LiveBinding | null;
  stops: (() => void)[];
}

interface Connection extends RoomLink {
  request: JoinRequest;
  info: RoomInfo;
  draft: Draft | null;
}

/** A student's draft open beside the class room. */
interface Draft extends RoomLink {
  of: string;
}

let current: Connection | null = null;

/**
 * The IndexedDB copy of a room in this browser: per room, epoch and name (a second name in the
 * same browser is another person), and for a draft per whose draft it is. Names hold no ':'
 * (protocol.ts NAME_PATTERN), so the class copy's name is never a draft's.
 */
export function offlineCopyName(info: Pick<RoomInfo, 'code' | 'epoch' | 'name'>, draftOf?: string): string {
  const copy = `argument-atlas-live:${info.code}:${info.epoch ?? ''}:${info.name}`;
  return draftOf === undefined ? copy : `${copy}:draft:${draftOf}`;
}

/** The provider of room `room` for the peer `info` names, with its proof (the key, or the name's token) on every connection. */
function connect(request: JoinRequest, info: RoomInfo, room: string, doc: Y.Doc): WebsocketProvider {
  const params: Record<string, string> = { name: info.name };
  if (request.key !== undefined) params.key = request.key;
  else {
    // The name's proof on every connection (a reconnect too: the provider keeps its params).
    const token = tokenFor(info.code, info.name);
    if (token !== undefined) params.token = token;
  }
  return new WebsocketProvider(liveSocketBase(request.url), room, doc, {
    params,
    disableBc: true,
    ...(request.WebSocketPolyfill ? { WebSocketPolyfill: request.WebSocketPolyfill as unknown as typeof WebSocket } : {}),
  });
}

/** Starts the session of `doc` and what keeps its room's state in the bar and the presence current. */
function attach(link: RoomLink, doc: Y.Doc, info: RoomInfo, part: RoomPart, refused: () => void, bind: (session: LiveSession) => LiveBinding): void {
  const session = new LiveSession(doc, { onRepair: (repairs) => console.info('Argument Atlas repaired the shared map after a change:', repairs) });
  link.stops.push(() => session.destroy());
  link.binding = bind(session);
  link.stops.push(watchLink(link.provider, part, refused), watchPeers(link.provider.awareness, part), publishPresence(link.provider.awareness, { name: info.name, role: info.role, color: presenceColor(info.name) }, part));
}

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
  // A copy of an earlier epoch (the host started the room anew from its file) would duplicate
  // the map's records if merged: it is deleted instead (its drafts' copies with it).
  const prefix = `argument-atlas-live:${info.code}:`;
  await dropOtherEpochs(prefix, info.epoch ?? '');
  const offline = new IndexeddbPersistence(offlineCopyName(info), doc);
  await offline.whenSynced;
  const provider = connect(request, info, info.code, doc);
  const conn: Connection = { request, info, provider, offline, binding: null, stops: [], draft: null };
  current = conn;
  live.setState({ room: info, link: 'connecting', peers: [], selectedBy: new Map(), follow: info.role === 'student', join: null, draft: null, draftOpening: null, draftProblem: null, draftsOpenHere: !opensOnlyTheClassRoom(request.WebSocketPolyfill) });
  try {
    await firstSync(provider, doc);
  } catch (e) {
    if (current === conn) dispose(conn);
    live.setState({ room: null });
    throw e;
  }
  attach(conn, doc, info, 'class', () => void restart(conn, request), (session) =>
    bindLiveDocument(session, info, () => {
      conn.binding = null;
      leaveLiveSeminar();
    }),
  );
  return info;
}

/**
 * Shows the private draft of student `of` (this page's own name when not given; the instructor
 * names a student's), opening it beside the class room first. Never throws: what goes wrong is
 * said in the bar (live.draftProblem), and the class map stays shown, nothing lost.
 */
export async function openLiveDraft(of?: string): Promise<void> {
  const conn = current;
  if (!conn || live.getState().draftOpening !== null) return;
  const whose = of ?? conn.info.name;
  if (conn.draft?.of === whose && conn.draft.binding) return showMap(conn, 'draft');
  live.setState({ draftOpening: whose, draftProblem: null });
  const mine = whose === conn.info.name;
  let draft: Draft | null = null;
  try {
    if (!draftsOffered(conn.info)) throw new Error('This seminar is a display (no one edits in it), so it has no drafts.');
    if (opensOnlyTheClassRoom(conn.request.WebSocketPolyfill)) throw new Error('The desktop app does not open a student’s draft yet (its connection to the host opens only the class room). Open the instructor link in a browser to look at a draft.');
    // The host's answer for the draft's room: who may open it, and what this peer may edit there.
    // The desktop app's page cannot ask the host itself: the draft's rule is the host's (mode 'open').
    const info = conn.request.info ? { ...conn.info, mode: 'open' as const, mayEdit: editRight('open', conn.info.role) } : await fetchDraftInfo(conn.request.url, conn.info, whose, conn.request.key);
    if (current !== conn) return;
    // Another student's draft open (the instructor's): closed first, one draft at a time.
    closeDraft(conn);
    const doc = new Y.Doc();
    const offline = new IndexeddbPersistence(offlineCopyName(conn.info, whose), doc);
    await offline.whenSynced;
    if (current !== conn) {
      void offline.destroy();
      return;
    }
    const opened: Draft = { of: whose, provider: connect(conn.request, conn.info, draftRoom(conn.info.code, whose), doc), offline, binding: null, stops: [] };
    draft = opened;
    conn.draft = opened;
    live.setState({ draft: { of: whose, link: 'connecting', shown: false, peers: [] } });
    await firstSync(opened.provider, doc, () => draftRefusedWords(whose, mine, live.getState().link === 'live'));
    if (conn.draft !== opened) return;
    attach(opened, doc, info, 'draft', () => void restartDraft(conn, opened), (session) =>
      bindLiveDocument(
        session,
        info,
        () => {
          opened.binding = null;
          leaveLiveSeminar();
        },
        { draftOf: whose, beside: true },
      ),
    );
    showMap(conn, 'draft');
  } catch (e) {
    if (draft && conn.draft === draft) closeDraft(conn);
    if (current === conn) live.setState({ draftProblem: e instanceof Error ? e.message : String(e) });
  } finally {
    if (current === conn) live.setState({ draftOpening: null });
  }
}

/** Shows the class map again; the draft stays open behind it (showing it again is instant). */
export function showClassMap(): void {
  if (current) showMap(current, 'class');
}

function showMap(conn: Connection, part: RoomPart): void {
  const link = part === 'class' ? conn : conn.draft;
  const draft = live.getState().draft;
  if (!link?.binding || !draft) return;
  // A presentation shows part of the map it started on; following the instructor starts it again on the map now shown.
  if (isPresenting()) stopPresentation();
  link.binding.show();
  live.setState({ draft: { ...draft, shown: part === 'draft' }, draftProblem: null });
}

/** Closes the draft open beside the class room (showing the class map first when it was shown). */
function closeDraft(conn: Connection): void {
  const draft = conn.draft;
  if (!draft) return;
  if (draft.binding?.shown()) showMap(conn, 'class');
  conn.draft = null;
  draft.binding?.unbind();
  dispose(draft);
  live.setState({ draft: null });
}

/** The host refused a change in the draft (or it was too large): its copy is dropped and the draft taken again from the host. */
async function restartDraft(conn: Connection, draft: Draft): Promise<void> {
  if (conn.draft !== draft) return;
  const shown = draft.binding?.shown() ?? false;
  const problem = live.getState().draftProblem;
  await draft.offline.clearData().catch(() => undefined);
  if (conn.draft !== draft) return;
  closeDraft(conn);
  if (current !== conn || !shown) return;
  await openLiveDraft(draft.of);
  // The refusal stays said beside the draft taken again.
  if (live.getState().draftProblem === null) live.setState({ draftProblem: problem });
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

function dispose(link: RoomLink): void {
  for (const stop of link.stops.splice(0)) stop();
  link.provider.destroy();
  void link.offline.destroy();
  if (current === link) current = null;
}

/** Leaves the seminar: the live map shown (the class map, or a draft) stays open as an unsaved document (it can be saved as a file). */
export function leaveLiveSeminar(): void {
  leave(false);
}

function leave(rejoining: boolean): void {
  const conn = current;
  if (!conn) return;
  current = null;
  const draft = conn.draft;
  conn.draft = null;
  // Only the one shown keeps its map open in the store.
  draft?.binding?.unbind();
  if (draft) dispose(draft);
  conn.binding?.unbind();
  dispose(conn);
  live.setState({ room: null, peers: [], selectedBy: new Map(), link: 'connecting', draft: null, draftOpening: null, draftProblem: null });
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
