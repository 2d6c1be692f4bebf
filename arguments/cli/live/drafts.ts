// The students' private drafts on a live host: one room per student (`CODE.draft.NAME`), forked
// from the class map when first opened (the same structs, so the instructor can merge it back),
// with its own update log in the store. Design:
// - A draft is open while someone is in it: when its last peer leaves, its room is closed and only
//   its log kept (a seminar of many students does not hold every draft's Y.Doc all session).
// - At most MAX_DRAFTS (an option) are forked per run of the host: a script choosing a new name per
//   connection cannot fill the store (each fork is a copy of the class map).
// - A log of an earlier epoch (the class map was started from its file again) is set aside, never
//   overwritten: the student's earlier draft stays on disk.
import { join } from 'node:path';
import * as Y from 'yjs';
import { draftRoom } from '../../live/protocol';
import { Room } from './room';
import { readLog, setAside, UpdateLog } from './store';

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
    const path = join(storeDir, `draft-${Buffer.from(name).toString('hex')}.ylog`);
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
