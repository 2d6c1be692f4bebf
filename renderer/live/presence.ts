// Who else is in the seminar, read from the y-protocols awareness states. Those states come from
// other browsers and are not trusted: a malformed one is left out, never shown half-read. The
// host overwrites each peer's `user` with the name and role of its connection (protocol.ts), so
// the name shown is the one the host gave. Pure: the provider's awareness is read by connection.ts.
import type { Id } from '../../arguments/model';
import { PRESENCE_COLORS, type LiveRole, type Presence } from '../../arguments/live/protocol';

export interface Peer {
  /** The awareness client id (one per open page). */
  client: number;
  name: string;
  role: LiveRole;
  color: string;
  selection: readonly Id[];
  step?: number;
}

const COLOR = /^#[0-9a-fA-F]{6}$/;

/** One awareness state as a peer, or null when it is not a presence record. */
export function readPresence(client: number, state: unknown): Peer | null {
  if (state === null || typeof state !== 'object') return null;
  const s = state as Partial<Presence>;
  const user = s.user;
  if (!user || typeof user !== 'object' || typeof user.name !== 'string' || user.name === '') return null;
  if (user.role !== 'instructor' && user.role !== 'student') return null;
  const color = typeof user.color === 'string' && COLOR.test(user.color) ? user.color : PRESENCE_COLORS[0];
  const selection = Array.isArray(s.selection) ? s.selection.filter((x): x is Id => typeof x === 'string').slice(0, 10_000) : [];
  const peer: Peer = { client, name: user.name.slice(0, 40), role: user.role, color, selection };
  if (typeof s.step === 'number' && Number.isInteger(s.step) && s.step >= 0) peer.step = s.step;
  return peer;
}

/** Everyone connected but this page, instructors first, then by name. */
export function readPeers(states: ReadonlyMap<number, unknown>, self: number): Peer[] {
  const peers: Peer[] = [];
  for (const [client, state] of states) {
    if (client === self) continue;
    const p = readPresence(client, state);
    if (p) peers.push(p);
  }
  return peers.sort((a, b) => (a.role === b.role ? a.name.localeCompare(b.name) || a.client - b.client : a.role === 'instructor' ? -1 : 1));
}

/** Node or relation id → the peers who have it selected (what the canvas outlines). */
export function selectedBy(peers: readonly Peer[]): Map<Id, Peer[]> {
  const out = new Map<Id, Peer[]>();
  for (const p of peers)
    for (const id of p.selection) {
      const list = out.get(id);
      if (list) list.push(p);
      else out.set(id, [p]);
    }
  return out;
}

const samePeers = (a: readonly Peer[] | undefined, b: readonly Peer[] | undefined) =>
  a !== undefined && b !== undefined && a.length === b.length && a.every((p, i) => p.client === b[i]!.client && p.name === b[i]!.name && p.color === b[i]!.color);

/**
 * The new slice, keeping the previous list object of every id whose peers did not change, so a
 * card subscribed to its own entry re-renders only when its outline changes (not on every
 * awareness tick of 30 peers).
 */
export function keepUnchanged(before: ReadonlyMap<Id, Peer[]>, next: Map<Id, Peer[]>): Map<Id, Peer[]> {
  for (const [id, list] of next) {
    const old = before.get(id);
    if (samePeers(old, list)) next.set(id, old!);
  }
  return next;
}

/** The instructor's presentation step, when an instructor is presenting. */
export function instructorStep(peers: readonly Peer[]): number | undefined {
  return peers.find((p) => p.role === 'instructor' && p.step !== undefined)?.step;
}

/** "Selected by Anna and Ben": the text equivalent of the outline. */
export function selectedByWords(peers: readonly Peer[]): string {
  const names = peers.map((p) => p.name);
  const listed = names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  return `Selected by ${listed}`;
}
