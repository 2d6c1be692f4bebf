// The host of a live seminar, shared by the instructor's app (Electron main) and `argmap serve`:
// one HTTP server on the address the user chose, serving the web build, the rooms' info and
// their y-websocket connections (room.ts). Node only, no Electron. Design:
// - The class room's name is the join code; a student's private draft is `CODE.draft.NAME`,
//   forked from the class map when first joined, open to that student and the instructor only.
// - Who a peer is comes from the connection (`name`, and `key` for the instructor), checked at
//   the upgrade: a wrong code, a bad or taken name, a draft of someone else is refused there.
// - The store (store.ts) makes accepted updates durable before they are relayed; the map file is
//   written (atomically, write.ts) at most a second after a change, and the store compacted then.
// - On start, a store whose header names the file's hash is resumed (the same Yjs structs the
//   pages hold); a file changed since is the truth: the room starts from it in a new epoch.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { renameSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { basename, dirname, join } from 'node:path';
import { WebSocketServer } from 'ws';
import * as Y from 'yjs';
import { loadMap } from '../../format/load';
import { serializeMap } from '../../format/serialize';
import { describeIssue } from '../../format/errors';
import { toYDoc } from '../../live/mirror';
import { draftRoom, instructorUrl, joinUrl, LIVE_PATH, makeJoinCode, readJoinCode, readStudentName, type LiveRole, type RoomInfo, type RoomMode, type RoomPreview, ROOM_MODES } from '../../live/protocol';
import { editRight } from '../../live/roles';
import { snapshotOf } from '../../live/snapshot';
import { MAP_FILE, readFileBounded } from '../read';
import { writeFileAtomic } from '../write';
import { Room } from './room';
import { answer, SECURITY_HEADERS, serveStatic } from './static';
import { hashBytes, lockStore, readLog, UpdateLog, type StoreHeader } from './store';

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

const newEpoch = () => randomBytes(9).toString('base64url');

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
      log = UpdateLog.open(classLog, stored.header);
      startedFrom = 'store';
    } else {
      if (stored) {
        const aside = `${classLog}.replaced-${new Date().toISOString().replace(/[:.]/g, '-')}`;
        renameSync(classLog, aside);
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
  const scheduleSave = () => {
    saveTimer ??= setTimeout(() => {
      saveTimer = null;
      try {
        saveNow();
      } catch (err) {
        onError(err as Error);
      }
    }, SAVE_AFTER_MS);
  };
  const classRoom = new Room(code, doc, { mode, persist: (u) => log.append(u), onChange: scheduleSave, onPeers: peersChanged, onError });
  const rooms = new Map<string, Room>([[code, classRoom]]);
  const draftLogs = new Map<string, UpdateLog>();
  const dirtyDrafts = new Set<string>();

  function openDraft(name: string): Room {
    const roomName = draftRoom(code!, name);
    const existing = rooms.get(roomName);
    if (existing) return existing;
    const path = join(storeDir, `draft-${Buffer.from(name).toString('hex')}.ylog`);
    const prior = readLog(path);
    const draft = new Y.Doc();
    let draftLog: UpdateLog;
    if (prior && prior.header.epoch === log.header.epoch) {
      for (const u of prior.updates) Y.applyUpdate(draft, u);
      draftLog = UpdateLog.open(path, prior.header);
    } else {
      // A fork of the class map: the same structs, so the instructor can merge it back.
      Y.applyUpdate(draft, Y.encodeStateAsUpdate(doc));
      draftLog = UpdateLog.create(path, { version: 1, mapHash: '', epoch: log.header.epoch }, Y.encodeStateAsUpdate(draft));
    }
    draftLogs.set(roomName, draftLog);
    const room = new Room(roomName, draft, {
      mode: 'open',
      persist: (u) => draftLog.append(u),
      onChange: () => {
        dirtyDrafts.add(roomName);
        scheduleSave();
      },
      onPeers: peersChanged,
      onError,
    });
    rooms.set(roomName, room);
    return room;
  }

  let lastWritten = fileHash;
  function saveNow(compactNow = false): void {
    classRoom.flush();
    const bytes = new TextEncoder().encode(serializeMap(snapshotOf(doc).current));
    const hash = hashBytes(bytes);
    if (hash !== lastWritten) {
      // The file on disk always opens: a room holding what the loader refuses (a peer of an open
      // room can send any value) is kept in the store, and the file keeps its last good state.
      const check = loadMap(bytes);
      if (!check.ok) throw new LiveHostError('map-invalid', `The seminar's map has ${check.errors.length === 1 ? 'a problem' : 'problems'} the file may not hold (${check.errors.slice(0, 3).map(describeIssue).join('; ')}); ${basename(options.mapPath)} keeps its last good state, the live store all changes.`);
      // The store first, naming the file about to be written and the one before.
      const header: StoreHeader = { version: 1, mapHash: hash, previousHash: lastWritten, epoch: log.header.epoch };
      if (log.overgrown || compactNow) log.compact(header, Y.encodeStateAsUpdate(doc));
      else log.mark(header);
      writeFileAtomic(options.mapPath, bytes, { overwrite: true });
      lastWritten = hash;
    } else if (compactNow) log.compact(log.header, Y.encodeStateAsUpdate(doc));
    for (const name of dirtyDrafts) {
      const room = rooms.get(name);
      const draftLog = draftLogs.get(name);
      if (!room || !draftLog) continue;
      room.flush();
      if (draftLog.overgrown || compactNow) draftLog.compact(draftLog.header, Y.encodeStateAsUpdate(room.doc));
    }
    dirtyDrafts.clear();
  }

  // ----- who may join which room -----
  const isInstructor = (given: string | null) => {
    if (given === null) return false;
    const a = Buffer.from(given);
    const b = Buffer.from(key);
    return a.length === b.length && timingSafeEqual(a, b);
  };
  type Admission = { ok: true; room: Room | null; roomName: string; draftOf: string | null; name: string; role: LiveRole } | { ok: false; status: number; message: string };
  function admit(roomPart: string, params: URLSearchParams, forConnection: boolean): Admission {
    const dot = roomPart.indexOf('.draft.');
    const codePart = dot < 0 ? roomPart : roomPart.slice(0, dot);
    if (readJoinCode(codePart) !== code) return { ok: false, status: 404, message: 'There is no seminar with this code on this host; check the code the instructor shows.' };
    const name = readStudentName(params.get('name') ?? '');
    if (name === null) return { ok: false, status: 400, message: 'Give a name of 1 to 40 letters, digits, spaces, dots, hyphens or apostrophes, starting with a letter or digit.' };
    const givenKey = params.get('key');
    const role: LiveRole = isInstructor(givenKey) ? 'instructor' : 'student';
    if (givenKey !== null && role !== 'instructor') return { ok: false, status: 403, message: 'This instructor link is not the one of this seminar; open the link the host shows.' };
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
    const roomName = draftOf === null ? code! : draftRoom(code!, draftOf);
    const room = rooms.get(roomName) ?? null;
    const taken = room?.hasName(name) ?? false;
    if (taken) return { ok: false, status: 409, message: `Someone called ${name} is already in this room; choose another name.` };
    if (forConnection) {
      // A name belongs to one person: the instructor's name is not a student's, and back.
      const known = everyone.get(name);
      if (known && known.connected && known.role !== role) return { ok: false, status: 409, message: `Someone called ${name} is already in this seminar; choose another name.` };
    }
    return { ok: true, room, roomName, draftOf, name, role };
  }

  function infoOf(roomPart: string, params: URLSearchParams): RoomInfoAnswer {
    const a = admit(roomPart, params, false);
    if (!a.ok) return a;
    const roomMode = a.roomName === code ? mode : 'open';
    return { ok: true, info: { code: code!, mode: roomMode, role: a.role, name: a.name, title: snapshotOf(doc).current.meta.title, mayEdit: editRight(roomMode, a.role), epoch: log.header.epoch } };
  }

  // ----- HTTP -----
  const wss = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  const server: Server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') return answer(res, 405, 'Only GET and HEAD are answered here.\n');
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://host.invalid');
    } catch {
      return answer(res, 400, 'The address is not well formed.\n');
    }
    const info = new RegExp(`^${LIVE_PATH}/([^/]+)/info$`).exec(url.pathname);
    if (info) {
      // Who may join changes from moment to moment (a name is taken, a draft opens): never cached.
      res.setHeader('Cache-Control', 'no-store');
      res.setHeader('Access-Control-Allow-Origin', '*');
      if (!url.searchParams.has('name') && !url.searchParams.has('key')) {
        // Before a name is typed: the map's title for the join page, nothing about the peers.
        if (readJoinCode(info[1]!) !== code) return answer(res, 404, JSON.stringify({ error: 'There is no seminar with this code on this host; check the code the instructor shows.' }), 'application/json');
        const preview: RoomPreview = { code: code!, mode, title: snapshotOf(doc).current.meta.title };
        return answer(res, 200, JSON.stringify(preview), 'application/json');
      }
      const a = infoOf(info[1]!, url.searchParams);
      if (!a.ok) return answer(res, a.status, JSON.stringify({ error: a.message }), 'application/json');
      // Readable by the instructor's app (its window has another origin).
      return answer(res, 200, JSON.stringify(a.info), 'application/json');
    }
    if (url.pathname.startsWith(`${LIVE_PATH}/`)) return answer(res, 404, 'Not found.\n');
    serveStatic(options.webRoot, url.pathname, req, res);
  });
  server.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const refuse = (status: number, message: string) => {
      const body = `${message}\n`;
      socket.end(`HTTP/1.1 ${status} ${status === 404 ? 'Not Found' : status === 409 ? 'Conflict' : status === 403 ? 'Forbidden' : 'Bad Request'}\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nX-Content-Type-Options: ${SECURITY_HEADERS['X-Content-Type-Options']}\r\nConnection: close\r\n\r\n${body}`);
    };
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://host.invalid');
    } catch {
      return refuse(400, 'The address is not well formed.');
    }
    const m = new RegExp(`^${LIVE_PATH}/([^/]+)$`).exec(url.pathname);
    if (!m) return refuse(404, 'There is no seminar at this address.');
    const a = admit(m[1]!, url.searchParams, true);
    if (!a.ok) return refuse(a.status, a.message);
    // A page of another site in a student's browser may not join as them: a student's page must be
    // the host's. The instructor's app (another origin: its own window) is known by its key.
    const origin = req.headers.origin;
    if (a.role !== 'instructor' && origin !== undefined && origin !== `http://${req.headers.host ?? ''}`) return refuse(403, 'Only the host’s own page may join its seminar.');
    let room: Room;
    try {
      room = a.room ?? openDraft(a.draftOf!);
    } catch (err) {
      onError(err as Error);
      return refuse(400, 'The draft could not be opened on the host.');
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const known = everyone.get(a.name);
      if (!known) everyone.set(a.name, { name: a.name, role: a.role, connected: true });
      room.join(ws, { name: a.name, role: a.role });
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
    roomInfo: (name, givenKey) => infoOf(code, new URLSearchParams(givenKey === undefined ? { name } : { name, key: givenKey })),
    save: async () => {
      if (saveTimer) clearTimeout(saveTimer);
      saveTimer = null;
      saveNow();
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
          for (const l of draftLogs.values()) l.close();
          wss.close();
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
