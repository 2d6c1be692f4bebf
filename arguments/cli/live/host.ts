// The host of a live seminar, shared by the instructor's app (Electron main) and `argmap serve`:
// one HTTP server on the address the user chose, serving the web build, the rooms' info and
// their y-websocket connections (room.ts). Node only, no Electron. Design:
// - The class room's name is the join code; a student's private draft is `CODE.draft.NAME`,
//   forked from the class map when first joined, open to that student (while in the class room)
//   and the instructor only (drafts.ts).
// - Who a peer is comes from the connection (`name`, and `key` for the instructor), checked at
//   the upgrade: a wrong code, a bad or taken name, a draft of someone else is refused there.
// - A name is one person's for the seminar: the first info answer under a student's name hands
//   out a token for it (RoomInfo.token), and every later admission under that name must bring it
//   (a peer that never asked, a stock y-websocket client, reserves nothing). The token (or, for
//   the instructor, the key) also lets its owner back in while its old connection lingers
//   half-open: the old one is ended.
// - The store (store.ts) makes accepted updates durable before they are relayed; the map file is
//   written (atomically, write.ts) at most a second after a change, and the store compacted then.
// - On start, a store whose header names the file's hash is resumed (the same Yjs structs the
//   pages hold); a file changed since is the truth: the room starts from it in a new epoch.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { basename, dirname, join } from 'node:path';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { loadMap } from '../../format/load';
import { serializeMap } from '../../format/serialize';
import { describeIssue } from '../../format/errors';
import { readSection, toYDoc } from '../../live/mirror';
import { draftRoom, type DraftSummary, instructorUrl, joinUrl, keptForInstructor, LIVE_PATH, type LiveRole, makeJoinCode, MAX_LIVE_MESSAGE_BYTES, readJoinCode, readStudentName, ROOM_MODES, type RoomInfo, type RoomMode, type RoomPreview } from '../../live/protocol';
import { editRight } from '../../live/roles';
import { snapshotOf } from '../../live/snapshot';
import { MAP_FILE, readFileBounded } from '../read';
import { writeFileAtomic } from '../write';
import { MAX_REFUSALS, Room } from './room';
import { answer, SECURITY_HEADERS, serveStatic } from './static';
import { type DraftAnswer, Drafts, MAX_DRAFTS } from './drafts';
import { answerDrafts, DRAFTS_PATH } from './draftsHttp';
import { hashBytes, lockStore, readLog, setAside, UpdateLog, type StoreHeader } from './store';

export interface LiveHostOptions {
  /** The .argmap.json the room edits; written atomically ≤ 1 s after changes. */
  mapPath: string;
  /** The address to listen on (only where the user chose; never a default 0.0.0.0). */
  host: string;
  /** 0 = any free port. */
  port: number;
  /** Join code (default: a new one). */
  code?: string;
  /** Default 'students-read-only'. */
  mode?: RoomMode;
  /** Folder of the web build to serve (default: none → only /live). */
  webRoot?: string;
  /** Where the Yjs update log lives (default: next to the map, hidden). */
  storeDir?: string;
  /** How many students' drafts the host forks per run, at most (default MAX_DRAFTS, 200). */
  maxDrafts?: number;
  onPeers?: (peers: PeerInfo[]) => void;
  onError?: (e: Error) => void;
}

export interface PeerInfo {
  name: string;
  role: LiveRole;
  connected: boolean;
}

export interface LiveHost {
  code: string;
  key: string;
  address: string;
  port: number;
  joinUrl: string;
  instructorUrl: string;
  /** Where the room began: its store (resumed), or the map file (a new store, a new epoch). */
  startedFrom: 'store' | 'file';
  /** Why it began from the file although a store was there (the file changed since), if so. */
  notice?: string;
  peers(): PeerInfo[];
  /**
   * What `GET /live/CODE/info?name=NAME[&key=KEY]` answers, asked in process (the instructor's
   * app hosts the room it joins): the same admission, no HTTP.
   */
  roomInfo(name: string, key?: string): RoomInfoAnswer;
  /**
   * The students' drafts of this seminar, for the instructor (drafts.ts): asked in process by the
   * instructor's app, and over HTTP with the key by a browser (draftsHttp.ts).
   */
  drafts(): DraftSummary[];
  /** One student's draft as a map file's text, read without opening its room (404: none in this seminar). */
  draft(name: string): DraftAnswer;
  /** Writes the map file now. */
  save(): Promise<void>;
  /** Saves, disconnects everyone, stops listening. */
  close(): Promise<void>;
}

export type RoomInfoAnswer = { ok: true; info: RoomInfo } | { ok: false; status: number; message: string };

export type LiveHostErrorCode = 'bad-option' | 'map-unreadable' | 'map-invalid' | 'listen-failed' | 'store-failed';

export class LiveHostError extends Error {
  constructor(
    readonly code: LiveHostErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/** How soon after a change the map file is written: its write (serialize, check, fsync: 50–150 ms at 1,000 nodes) then ends within the second. */
const SAVE_AFTER_MS = 750;

/**
 * A student's message is at most this large (the instructor's, who may load a whole map, up to
 * 64 MB): ws stops reading a larger one and closes with 1009, so a student's page cannot make the
 * host buffer and judge a huge update. Four times the largest ordinary change (a long source
 * text pasted whole, offline work sent on reconnecting).
 */
export const MAX_STUDENT_MESSAGE_BYTES = 4 * 1024 * 1024;

/** The names a seminar remembers (with their tokens), at most: far more than any class. */
export const MAX_NAMES = 5000;

const newEpoch = () => randomBytes(9).toString('base64url');
const INFO_PATH = new RegExp(`^${LIVE_PATH}/([^/]+)/info$`);
const SOCKET_PATH = new RegExp(`^${LIVE_PATH}/([^/]+)$`);

/** The map's title as the room holds it now: read from its meta part alone (a snapshot refreshed per info request would copy every record touched since). */
function titleOf(doc: Y.Doc): string {
  const title = readSection(doc, 'meta').title;
  return typeof title === 'string' ? title : '';
}

export async function startLiveHost(options: LiveHostOptions): Promise<LiveHost> {
  const mode = options.mode ?? 'students-read-only';
  if (!(ROOM_MODES as readonly string[]).includes(mode)) throw new LiveHostError('bad-option', `There is no room mode "${mode}"; choose one of ${ROOM_MODES.join(', ')}.`);
  const code = options.code === undefined ? makeJoinCode(randomBytes(6)) : readJoinCode(options.code);
  if (code === null) throw new LiveHostError('bad-option', 'A join code is six letters and digits (no 0, O, 1, I or L); choose another or let the host make one.');
  if (!Number.isInteger(options.port) || options.port < 0 || options.port > 65535) throw new LiveHostError('bad-option', `Port ${options.port} is not a port; give a number from 1 to 65535, or 0 for any free port.`);
  const key = randomBytes(24).toString('base64url');
  const onError = options.onError ?? (() => {});
  const storeDir = options.storeDir ?? join(dirname(options.mapPath), `.${basename(options.mapPath)}.live`);

  // ----- the class map: from the store, or from the file -----
  let bytes: Uint8Array;
  try {
    bytes = readFileBounded(options.mapPath, MAP_FILE).bytes;
  } catch (err) {
    throw new LiveHostError('map-unreadable', (err as Error).message);
  }
  const loaded = loadMap(bytes);
  if (!loaded.ok) throw new LiveHostError('map-invalid', `${options.mapPath} is not a map Argument Atlas opens: ${loaded.errors.map(describeIssue).join('; ')}`);
  const fileHash = hashBytes(bytes);
  const classLog = join(storeDir, 'class.ylog');
  let lock: ReturnType<typeof lockStore>;
  try {
    lock = lockStore(storeDir);
  } catch (err) {
    throw new LiveHostError('store-failed', `The live store in ${storeDir} cannot be written (${(err as Error).message}); choose a folder you may write to.`);
  }
  if ('heldBy' in lock) throw new LiveHostError('store-failed', `Another live seminar (process ${lock.heldBy}) is hosting ${basename(options.mapPath)}; stop it first, or join it.`);
  const { release } = lock;
  let stored: ReturnType<typeof readLog>;
  try {
    stored = readLog(classLog);
  } catch (err) {
    release();
    throw new LiveHostError('store-failed', `The live store ${classLog} cannot be read (${(err as Error).message}).`);
  }
  let doc: Y.Doc;
  let log: UpdateLog;
  let startedFrom: 'store' | 'file';
  let notice: string | undefined;
  try {
    if (stored && (stored.header.mapHash === fileHash || stored.header.previousHash === fileHash)) {
      doc = new Y.Doc();
      for (const u of stored.updates) Y.applyUpdate(doc, u);
      log = UpdateLog.open(classLog, stored);
      startedFrom = 'store';
    } else {
      if (stored) {
        const aside = setAside(classLog);
        notice = `${basename(options.mapPath)} was changed since the last live seminar on it; the seminar starts from the file (the earlier live store is kept as ${basename(aside)}).`;
      }
      doc = toYDoc(loaded.map);
      log = UpdateLog.create(classLog, { version: 1, mapHash: fileHash, epoch: newEpoch() }, Y.encodeStateAsUpdate(doc));
      startedFrom = 'file';
    }
  } catch (err) {
    release();
    throw new LiveHostError('store-failed', `The live store in ${storeDir} cannot be written (${(err as Error).message}); choose a folder you may write to.`);
  }

  // ----- rooms -----
  const everyone = new Map<string, PeerInfo>();
  const peers = () => [...everyone.values()].map((p) => ({ ...p }));
  const peersChanged = () => {
    const now = new Set<string>();
    for (const room of rooms.values()) for (const p of room.connected()) now.add(p.name);
    for (const p of everyone.values()) p.connected = now.has(p.name);
    options.onPeers?.(peers());
  };
  let saveTimer: ReturnType<typeof setTimeout> | null = null;
  /** Whether the class map changed since it was last serialized (a draft's change leaves it as it is). */
  let classDirty = false;
  /** What the timed save last told the app it could not do: said once, not after every later change. */
  let lastSaveError: string | null = null;
  const scheduleSave = () => {
    saveTimer ??= setTimeout(() => {
      saveTimer = null;
      try {
        saveNow();
      } catch (err) {
        if ((err as Error).message === lastSaveError) return;
        lastSaveError = (err as Error).message;
        onError(err as Error);
      }
    }, SAVE_AFTER_MS);
  };
  const classChanged = () => {
    classDirty = true;
    scheduleSave();
  };
  const classRoom = new Room(code, doc, { mode, persist: (u) => log.append(u), onChange: classChanged, onPeers: peersChanged, onError });
  const rooms = new Map<string, Room>([[code, classRoom]]);
  const drafts = new Drafts({ code, storeDir, max: options.maxDrafts ?? MAX_DRAFTS, classDoc: doc, epoch: log.header.epoch, rooms, onChange: scheduleSave, onPeers: peersChanged, onError });

  let lastWritten = fileHash;
  /** Writes what changed: the class map's file (always when `force`), the drafts' logs when overgrown (all logs compacted when `compactNow`). */
  function saveNow(compactNow = false, force = compactNow): void {
    try {
      if (classDirty || force) saveClass(compactNow);
    } finally {
      drafts.save(compactNow);
    }
  }

  function saveClass(compactNow: boolean): void {
    classDirty = false;
    classRoom.flush();
    const bytes = new TextEncoder().encode(serializeMap(snapshotOf(doc).current));
    const hash = hashBytes(bytes);
    if (hash === lastWritten) {
      lastSaveError = null;
      if (compactNow) log.compact(log.header, Y.encodeStateAsUpdate(doc));
      return;
    }
    // The file on disk always opens: a room holding what the loader refuses (a peer of an open
    // room can send any value) is kept in the store, and the file keeps its last good state.
    const check = loadMap(bytes);
    if (!check.ok) {
      if (log.overgrown || compactNow) log.compact(log.header, Y.encodeStateAsUpdate(doc));
      throw new LiveHostError('map-invalid', `The seminar's map has ${check.errors.length === 1 ? 'a problem' : 'problems'} the file may not hold (${check.errors.slice(0, 3).map(describeIssue).join('; ')}); ${basename(options.mapPath)} keeps its last good state, the live store all changes.`);
    }
    // The store first, naming the file about to be written and the one before.
    const header: StoreHeader = { version: 1, mapHash: hash, previousHash: lastWritten, epoch: log.header.epoch };
    if (log.overgrown || compactNow) log.compact(header, Y.encodeStateAsUpdate(doc));
    else log.mark(header);
    writeFileAtomic(options.mapPath, bytes, { overwrite: true });
    lastWritten = hash;
    lastSaveError = null;
  }

  // ----- who may join which room -----
  const sameSecret = (given: string | null, secret: string) => {
    if (given === null) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(secret);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  /** Whose each name is: the instructor's (the key proves it) or a student's, with the token handed out for it (null until one asked). */
  const names = new Map<string, { role: LiveRole; token: string | null }>();
  type Admission = { ok: true; room: Room | null; roomName: string; draftOf: string | null; name: string; role: LiveRole; token?: string; replaces: boolean } | { ok: false; status: number; message: string };
  function admit(roomPart: string, params: URLSearchParams, forConnection: boolean): Admission {
    const dot = roomPart.indexOf('.draft.');
    const codePart = dot < 0 ? roomPart : roomPart.slice(0, dot);
    if (readJoinCode(codePart) !== code) return { ok: false, status: 404, message: 'There is no seminar with this code on this host; check the code the instructor shows.' };
    const name = readStudentName(params.get('name') ?? '');
    if (name === null) return { ok: false, status: 400, message: 'Give a name of 1 to 40 letters, digits, spaces, dots, hyphens or apostrophes, starting with a letter or digit.' };
    const givenKey = params.get('key');
    const role: LiveRole = sameSecret(givenKey, key) ? 'instructor' : 'student';
    if (givenKey !== null && role !== 'instructor') return { ok: false, status: 403, message: 'This instructor link is not the one of this seminar; open the link the host shows.' };
    if (role === 'student' && keptForInstructor(name)) return { ok: false, status: 409, message: `The name ${name} is kept for the instructor in this seminar; choose another name.` };
    let draftOf: string | null = null;
    if (dot >= 0) {
      try {
        draftOf = readStudentName(decodeURIComponent(roomPart.slice(dot + '.draft.'.length)));
      } catch {
        draftOf = null;
      }
      if (draftOf === null) return { ok: false, status: 404, message: 'There is no such draft on this host.' };
      if (role !== 'instructor' && draftOf !== name) return { ok: false, status: 403, message: 'A draft is open only to its student and the instructor.' };
    }
    // A name belongs to one person: the instructor's name is not a student's, and back. The key
    // outranks a student's token: a student who only asked under the instructor's name loses it.
    let owner = names.get(name);
    if (owner && owner.role !== role) {
      if (role === 'student' || everyone.get(name)?.connected) return { ok: false, status: 409, message: `Someone called ${name} is already in this seminar; choose another name.` };
      names.delete(name);
      owner = undefined;
    }
    let proven = role === 'instructor';
    if (role === 'student' && owner?.token) {
      if (!sameSecret(params.get('token'), owner.token)) return { ok: false, status: 409, message: `Someone joined this seminar as ${name} before; choose another name. (If that was you, open the room again in the browser you joined with.)` };
      proven = true;
    }
    // A student's draft opens beside the class room, not instead of it: a script cannot make a
    // draft per name without holding a connection per name.
    if (forConnection && role === 'student' && draftOf !== null && !classRoom.hasName(name)) return { ok: false, status: 403, message: 'A draft opens beside the seminar: join its room first, then your draft.' };
    const roomName = draftOf === null ? code! : draftRoom(code!, draftOf);
    const room = rooms.get(roomName) ?? null;
    // A page refused again and again (a script resending) costs the host a judgement each time.
    if (role === 'student' && room?.refusedLately(name)) return { ok: false, status: 429, message: `The changes sent as ${name} were refused ${MAX_REFUSALS} times within a minute; wait a minute, then reload the page.` };
    const taken = room?.hasName(name) ?? false;
    if (taken && !proven) return { ok: false, status: 409, message: `Someone called ${name} is already in this room; choose another name.` };
    // Each name asked under is remembered for the seminar: a script asking under new names without end is stopped.
    if (!owner && names.size >= MAX_NAMES) return { ok: false, status: 503, message: `This seminar has as many names as the host keeps (${MAX_NAMES}); join under a name used before, or ask the instructor.` };
    let token = owner?.token ?? undefined;
    if (!forConnection && role === 'student' && token === undefined) token = randomBytes(18).toString('base64url');
    if (!owner || (token !== undefined && owner.token === null)) names.set(name, { role, token: token ?? null });
    const a: Admission = { ok: true, room, roomName, draftOf, name, role, replaces: taken };
    if (token !== undefined) a.token = token;
    return a;
  }

  function infoOf(roomPart: string, params: URLSearchParams): RoomInfoAnswer {
    const a = admit(roomPart, params, false);
    if (!a.ok) return a;
    const roomMode = a.roomName === code ? mode : 'open';
    const info: RoomInfo = { code: code!, mode: roomMode, role: a.role, name: a.name, title: titleOf(doc), mayEdit: editRight(roomMode, a.role), epoch: log.header.epoch };
    if (a.token !== undefined) info.token = a.token;
    return { ok: true, info };
  }

  // ----- HTTP -----
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_LIVE_MESSAGE_BYTES });
  const studentWss = new WebSocketServer({ noServer: true, maxPayload: MAX_STUDENT_MESSAGE_BYTES });
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'Only GET and HEAD are answered here.\n');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://host.invalid');
    } catch {
      return answer(res, 400, 'The address is not well formed.\n');
    }
    const info = INFO_PATH.exec(url.pathname);
    if (info) {
      // Who may join changes from moment to moment (a name is taken, a draft opens): never cached.
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Access-Control-Allow-Origin', '*');
      if (!url.searchParams.has('name') && !url.searchParams.has('key')) {
        // Before a name is typed: the map's title for the join page, nothing about the peers.
        if (readJoinCode(info[1]!) !== code) return answer(res, 404, JSON.stringify({ error: 'There is no seminar with this code on this host; check the code the instructor shows.' }), 'application/json');
        const preview: RoomPreview = { code: code!, mode, title: titleOf(doc) };
        return answer(res, 200, JSON.stringify(preview), 'application/json');
      }
      const a = infoOf(info[1]!, url.searchParams);
      if (!a.ok) return answer(res, a.status, JSON.stringify({ error: a.message }), 'application/json');
      // Readable by the instructor's app (its window has another origin).
      return answer(res, 200, JSON.stringify(a.info), 'application/json');
    }
    const draftsAsked = DRAFTS_PATH.exec(url.pathname);
    if (draftsAsked) return answerDrafts(draftsAsked, url.searchParams, res, { code: code!, isKey: (given) => sameSecret(given, key), list: () => drafts.list(), read: (name) => drafts.read(name) });
    if (url.pathname.startsWith(`${LIVE_PATH}/`)) return answer(res, 404, 'Not found.\n');
    serveStatic(options.webRoot, url.pathname, req, res);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number, message: string) => {
      const body = `${message}\n`;
      socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : status === 409 ? 'Conflict' : status === 403 ? 'Forbidden' : status === 429 ? 'Too Many Requests' : status === 503 ? 'Service Unavailable' : 'Bad Request'}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: ${SECURITY_HEADERS['X-Content-Type-Options']}\r\nConnection: close\r\n\r\n${body}`);
    };
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://host.invalid');
    } catch {
      return refuse(400, 'The address is not well formed.');
    }
    const m = SOCKET_PATH.exec(url.pathname);
    if (!m) return refuse(404, 'There is no seminar at this address.');
    const a = admit(m[1]!, url.searchParams, true);
    if (!a.ok) return refuse(a.status, a.message);
    // A page of another site in a student's browser may not join as them: a student's page must be
    // the host's. The instructor's app (another origin: its own window) is known by its key.
    const origin = req.headers.origin;
    if (a.role !== 'instructor' && origin !== undefined && origin !== `http://${req.headers.host ?? ''}`) return refuse(403, 'Only the host’s own page may join its seminar.');
    let room: Room | null;
    try {
      room = a.room ?? drafts.open(a.draftOf!);
    } catch (err) {
      onError(err as Error);
      return refuse(400, 'The draft could not be opened on the host.');
    }
    if (room === null) return refuse(503, `This seminar has as many drafts as the host keeps (${options.maxDrafts ?? MAX_DRAFTS}); ask the instructor.`);
    // Its owner is back: the connection it left (half-open, perhaps) is ended.
    if (a.replaces) room.evict(a.name);
    (a.role === 'instructor' ? wss : studentWss).handleUpgrade(req, socket, head, (ws) => {
      // A draft whose last peer left meanwhile was closed: it opens again from its log.
      let target: Room | null = rooms.get(a.roomName) ?? null;
      try {
        target ??= drafts.open(a.draftOf!);
      } catch (err) {
        onError(err as Error);
      }
      if (target === null) return ws.close(1011, 'the draft could not be opened on the host');
      const known = everyone.get(a.name);
      if (!known || known.role !== a.role) everyone.set(a.name, { name: a.name, role: a.role, connected: true });
      target.join(ws, { name: a.name, role: a.role });
    });
  });

  await new Promise<void>((resolveListen, reject) => {
    const fail = (err: NodeJS.ErrnoException) => {
      classRoom.close();
      log.close();
      release();
      reject(new LiveHostError('listen-failed', err.code === 'EADDRINUSE' ? `Port ${options.port} on ${options.host} is in use; choose another port, or 0 for any free one.` : err.code === 'EADDRNOTAVAIL' ? `${options.host} is not an address of this computer; choose one of its addresses.` : `The host cannot listen on ${options.host}:${options.port} (${err.message}).`, { cause: err }));
    };
    server.once('error', fail);
    server.listen(options.port, options.host, () => {
      server.off('error', fail);
      server.on('error', (err) => onError(err));
      resolveListen();
    });
  });
  const bound = server.address();
  const port = typeof bound === 'object' && bound !== null ? bound.port : options.port;
  const address = options.host;

  let closed: Promise<void> | null = null;
  const host: LiveHost = {
    code,
    key,
    address,
    port,
    joinUrl: joinUrl(address, port, code),
    instructorUrl: instructorUrl(address, port, code, key),
    startedFrom,
    peers,
    drafts: () => drafts.list(),
    draft: (typed) => {
      const name = readStudentName(typed);
      return name === null ? { ok: false, status: 404, message: 'There is no such draft on this host.' } : drafts.read(name);
    },
    roomInfo: (name, givenKey) => infoOf(code, new URLSearchParams(givenKey === undefined ? { name } : { name, key: givenKey })),
    save: async () => {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      saveNow(false, true);
    },
    close: () =>
      (closed ??= (async () => {
        if (saveTimer) clearTimeout(saveTimer);
        saveTimer = null;
        try {
          saveNow(true);
        } finally {
          for (const room of rooms.values()) room.close();
          log.close();
          drafts.closeLogs();
          wss.close();
          studentWss.close();
          await new Promise<void>((r) => {
            server.close(() => r());
            server.closeAllConnections();
          });
          release();
        }
      })()),
  };
  if (notice !== undefined) host.notice = notice;
  return host;
}
