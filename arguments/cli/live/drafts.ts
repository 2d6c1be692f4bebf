// The students' private drafts on a live host: one room per student (`CODE.draft.NAME`), forked
// from the class map when first opened (the same structs, so the instructor can merge it back),
// with its own update log in the store. Design:
// - A draft is open while someone is in it: when its last peer leaves, its room is closed and only
//   its log kept (a seminar of many students does not hold every draft's Y.Doc all session).
// - At most MAX_DRAFTS (an option) are forked per run of the host: a script choosing a new name per
//   connection cannot fill the store (each fork is a copy of the class map).
// - A log of an earlier epoch (the class map was started from its file again) is set aside, never
//   overwritten: the student's earlier draft stays on disk.
// - The instructor lists the drafts and reads one as a map (to compare it with the class map and
//   bring its nodes in) without opening its room: an open draft is read from its doc, a closed one
//   from its log, into a doc of its own that no one joins (the student's next visit opens the log).
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import * as Y from 'yjs';
import { describeIssue } from '../../format/errors';
import { loadMap } from '../../format/load';
import { serializeMap } from '../../format/serialize';
import { draftRoom, readStudentName, type DraftSummary } from '../../live/protocol';
import { snapshotOf } from '../../live/snapshot';
import { Room } from './room';
import { readLog, setAside, UpdateLog } from './store';

/** A draft read for the instructor: its map file's text (the loader takes it), or why not, as an HTTP status and a sentence. */
export type DraftAnswer = { ok: true; name: string; text: string } | { ok: false; status: number; message: string };

const LOG_NAME = /^draft-((?:[0-9a-f]{2})+)\.ylog$/;
const logName = (name: string) => `draft-${Buffer.from(name).toString('hex')}.ylog`;

/** The drafts the host forks per run, at most. */
export const MAX_DRAFTS = 200;

export interface DraftsOptions {
  code: string;
  /** Drafts forked per run, at most (MAX_DRAFTS). */
  max: number;
  storeDir: string;
  /** The class map the drafts are forked from. */
  classDoc: Y.Doc;
  /** The class room's epoch: a draft log of another is an earlier seminar's. */
  epoch: string;
  /** Every open room by name (the class room's too): the host's, shared. */
  rooms: Map<string, Room>;
  /** A draft changed (the host schedules its save). */
  onChange: () => void;
  onPeers: () => void;
  onError: (e: Error) => void;
}

export class Drafts {
  private readonly logs = new Map<string, UpdateLog>();
  private readonly dirty = new Set<string>();
  private forks = 0;

  constructor(private readonly options: DraftsOptions) {}

  /** The open draft room of `name`, opened from its log or forked now; null when `max` were forked already. */
  open(name: string): Room | null {
    const { code, storeDir, classDoc, epoch, rooms } = this.options;
    const roomName = draftRoom(code, name);
    const existing = rooms.get(roomName);
    if (existing) return existing;
    const path = join(storeDir, logName(name));
    const prior = readLog(path);
    const draft = new Y.Doc();
    let log: UpdateLog;
    if (prior && prior.header.epoch === epoch) {
      for (const u of prior.updates) Y.applyUpdate(draft, u);
      log = UpdateLog.open(path, prior);
    } else {
      if (this.forks >= this.options.max) return null;
      if (prior) setAside(path);
      this.forks++;
      Y.applyUpdate(draft, Y.encodeStateAsUpdate(classDoc));
      log = UpdateLog.create(path, { version: 1, mapHash: '', epoch }, Y.encodeStateAsUpdate(draft));
    }
    this.logs.set(roomName, log);
    const room: Room = new Room(roomName, draft, {
      mode: 'open',
      persist: (u) => log.append(u),
      onChange: () => {
        this.dirty.add(roomName);
        this.options.onChange();
      },
      onPeers: () => {
        this.options.onPeers();
        // Later in this turn a peer coming back in its place (its owner, ending the old one) may join.
        if (room.connected().length === 0) setImmediate(() => this.closeIfEmpty(roomName, room));
      },
      onError: this.options.onError,
    });
    rooms.set(roomName, room);
    return room;
  }

  /**
   * This seminar's drafts (logs of its epoch; an earlier seminar's are not its students' drafts),
   * by name. A closed draft's node count is read from its log once per change of the file.
   */
  list(): DraftSummary[] {
    const { storeDir, code, rooms, epoch } = this.options;
    let files: string[];
    try {
      files = readdirSync(storeDir);
    } catch {
      return [];
    }
    const out: DraftSummary[] = [];
    for (const file of files) {
      const m = LOG_NAME.exec(file);
      const name = m ? Buffer.from(m[1]!, 'hex').toString('utf8') : null;
      if (name === null || readStudentName(name) !== name) continue;
      const path = join(storeDir, file);
      let stat: { mtimeMs: number; size: number; mtime: Date };
      try {
        stat = statSync(path);
      } catch {
        continue;
      }
      const room = rooms.get(draftRoom(code, name));
      let nodes: number | null;
      if (room) nodes = room.doc.getMap('nodes').size;
      else {
        const seen = this.counted.get(name);
        const stamp = `${stat.mtimeMs}:${stat.size}`;
        let counted = seen?.stamp === stamp ? seen : null;
        if (!counted) {
          counted = { stamp, ...this.countLog(path) };
          this.counted.set(name, counted);
        }
        if (counted.epoch !== epoch) continue;
        nodes = counted.nodes;
      }
      out.push({ name, open: room !== undefined, changedAt: stat.mtime.toISOString(), nodes });
    }
    return out.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** `name`'s draft as a map file's text: from its open room's doc, or from its log; 404 when this seminar has none. */
  read(name: string): DraftAnswer {
    const { storeDir, code, rooms, epoch } = this.options;
    const missing: DraftAnswer = { ok: false, status: 404, message: `${name} has no draft in this seminar (a draft is made when its student first opens it).` };
    const room = rooms.get(draftRoom(code, name));
    let doc: Y.Doc;
    if (room) doc = room.doc;
    else {
      let log: ReturnType<typeof readLog>;
      try {
        log = readLog(join(storeDir, logName(name)));
      } catch (err) {
        return { ok: false, status: 500, message: `${name}’s draft could not be read on the host (${(err as Error).message}).` };
      }
      if (!log || log.header.epoch !== epoch) return missing;
      doc = new Y.Doc();
      try {
        for (const u of log.updates) Y.applyUpdate(doc, u);
      } catch (err) {
        return { ok: false, status: 500, message: `${name}’s draft could not be read on the host: its log is damaged (${(err as Error).message}).` };
      }
    }
    // The same route as the class map's file: the doc's snapshot, serialised, and what the loader
    // refuses (a peer of an open room can send any value) is said instead of handed on.
    const text = serializeMap(snapshotOf(doc).current);
    const check = loadMap(new TextEncoder().encode(text));
    if (!check.ok) return { ok: false, status: 422, message: `${name}’s draft holds what a map may not (${check.errors.slice(0, 3).map(describeIssue).join('; ')}); it cannot be compared until that is put right in the draft.` };
    return { ok: true, name, text };
  }

  private readonly counted = new Map<string, { stamp: string; epoch: string | null; nodes: number | null }>();

  /** The epoch and node count a closed draft's log holds (null: it cannot be read). */
  private countLog(path: string): { epoch: string | null; nodes: number | null } {
    try {
      const log = readLog(path);
      if (!log) return { epoch: null, nodes: null };
      const doc = new Y.Doc();
      for (const u of log.updates) Y.applyUpdate(doc, u);
      const nodes = doc.getMap('nodes').size;
      doc.destroy();
      return { epoch: log.header.epoch, nodes };
    } catch {
      return { epoch: this.options.epoch, nodes: null };
    }
  }

  /** Makes the changed drafts' logs durable; compacts those grown well past their state (all of them when `compactNow`). */
  save(compactNow = false): void {
    for (const roomName of this.dirty) this.saveOne(roomName, compactNow);
    this.dirty.clear();
  }

  /** Closes every draft's log (the host closes the rooms). */
  closeLogs(): void {
    for (const log of this.logs.values()) log.close();
    this.logs.clear();
  }

  private saveOne(roomName: string, compactNow: boolean): void {
    const room = this.options.rooms.get(roomName);
    const log = this.logs.get(roomName);
    if (!room || !log) return;
    room.flush();
    if (log.overgrown || compactNow) log.compact(log.header, Y.encodeStateAsUpdate(room.doc));
  }

  private closeIfEmpty(roomName: string, room: Room): void {
    const { rooms, onError } = this.options;
    if (rooms.get(roomName) !== room || room.connected().length > 0) return;
    // What the store could not take yet stays in the open room (it tries again).
    if (!room.flush()) return;
    try {
      this.saveOne(roomName, false);
    } catch (err) {
      onError(err as Error);
    }
    this.dirty.delete(roomName);
    room.close();
    rooms.delete(roomName);
    this.logs.get(roomName)?.close();
    this.logs.delete(roomName);
  }
}
