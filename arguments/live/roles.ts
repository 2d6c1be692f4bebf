// What a peer of a live seminar may change, enforced by the host on every update before it is
// applied (a page's locked editing is a courtesy; a hand-crafted update meets this). Design:
// - The key, not a name, makes the instructor; students' rights come from the room's mode.
// - An update is judged by what it does, not by what it says: it is applied to the host's scratch
//   replica of the room, and snapshot.ts's `touchedBy` (the same walk the pages use) names the
//   records it added, changed or removed; the plain maps before and after (the replica's snapshot)
//   say whose they were and are. One verdict for the whole update: a part refused refuses it all.
// - An update that leaves structs pending (it builds on something the host lacks) is refused in
//   own-voice rooms: its content would be judged only when integrated, under someone else's update.
// - A student's records must also load (the loader's schema, format/rules.ts): one bad value
//   would otherwise keep the map file from being written for the rest of the seminar.
// - The caller resets the replica after a refusal (Yjs cannot take an update back).
import * as Y from 'yjs';
import { normalizeMerged } from '../compare/normalize';
import { AT, recordProblem } from '../format/rules';
import { schemas } from '../format/schema';
import type { ArgumentMap, CommentMessage, Id } from '../model';
import { COLLECTIONS, type Collection } from './mirror';
import { ownsNode, studentVoice, type LiveRole, type RoomInfo, type RoomMode } from './protocol';
import { snapshotOf, touchedBy, type Touched } from './snapshot';

export interface LivePeer {
  name: string;
  role: LiveRole;
}

/** `touched`: what the accepted update changed (null when nothing), for the caller's normaliser. */
export type Verdict = { ok: true; changed: boolean; touched: Touched | null } | { ok: false; reason: string };

/** What a peer's updates may change in a room of `mode`. */
export function editRight(mode: RoomMode, role: LiveRole): RoomInfo['mayEdit'] {
  if (mode === 'read-only') return 'nothing';
  if (role === 'instructor' || mode === 'open') return 'everything';
  return mode === 'students-own-voice' ? 'own-voice' : 'nothing';
}

const own = <T>(r: Readonly<Record<Id, T>> | undefined, id: Id): T | undefined => (r && Object.hasOwn(r, id) ? r[id] : undefined);

const byId = (messages: readonly CommentMessage[]) => new Map(messages.map((m) => [m.id, m]));

const sameJson = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** Why a change of `touched` (from `before` to `after`) is not the student's to make; null when it is. */
export function ownVoiceRefusal(name: string, before: ArgumentMap, after: ArgumentMap, touched: Touched): string | null {
  const voice = studentVoice(name);
  if (touched.whole.size > 0) return `only the instructor changes the map's ${[...touched.whole].join(' and ')}`;
  const ownedIn = (map: ArgumentMap, id: Id) => ownsNode(own(map.nodes, id), name);
  for (const collection of COLLECTIONS) {
    const ids = touched.records.get(collection);
    if (!ids) continue;
    for (const id of ids) {
      const was = own(before[collection] as Record<Id, unknown> | undefined, id);
      const is = own(after[collection] as Record<Id, unknown> | undefined, id);
      if (was === undefined && is === undefined) continue;
      const refusal = recordRefusal(collection, id, was, is);
      if (refusal) return refusal;
    }
  }
  for (const id of touched.positions) {
    const p = (m: ArgumentMap) => (Object.hasOwn(m.view.positions, id) ? m.view.positions[id] : undefined);
    if (sameJson(p(before), p(after))) continue;
    if (!(ownedIn(after, id) || (!Object.hasOwn(after.nodes, id) && ownedIn(before, id)))) return `node ${id} is not in your voice (${voice}); you may move only your own nodes`;
  }
  return null;

  function recordRefusal(collection: Collection, id: Id, was: unknown, is: unknown): string | null {
    switch (collection) {
      case 'nodes':
        if (was !== undefined && !ownsNode(was as { voice?: string }, name)) return `node ${id} is not in your voice (${voice}); you may change only your own nodes`;
        if (is !== undefined && !ownsNode(is as { voice?: string }, name)) return `node ${id} must be in your voice (${voice})`;
        return null;
      case 'relations':
        for (const r of [was, is] as ({ from?: Id[] } | undefined)[]) {
          if (r === undefined) continue;
          const from = Array.isArray(r.from) ? r.from : [];
          const side = r === was ? before : after;
          if (from.length === 0 || !from.every((n) => ownedIn(side, n))) return `relation ${id} does not start from your own nodes; you may connect only from nodes in your voice (${voice})`;
        }
        return null;
      case 'comments':
        return threadRefusal(id, was as { messages?: CommentMessage[] } | undefined, is as { messages?: CommentMessage[] } | undefined);
      case 'sources':
        return 'only the instructor changes the sources';
      case 'evaluations':
        return 'only the instructor changes the evaluations';
    }
  }

  function threadRefusal(id: Id, was: { messages?: CommentMessage[] } | undefined, is: { messages?: CommentMessage[] } | undefined): string | null {
    if (was !== undefined && is !== undefined) {
      const { messages: m1, ...rest1 } = was;
      const { messages: m2, ...rest2 } = is;
      if (!sameJson(rest1, rest2)) return `only the instructor resolves, moves or detaches thread ${id}`;
    }
    if (was === undefined && is === undefined) return null;
    if (was !== undefined && is === undefined) return `only the instructor deletes thread ${id}`;
    const before = byId(was?.messages ?? []);
    const after = byId(is?.messages ?? []);
    for (const mid of new Set([...before.keys(), ...after.keys()])) {
      const a = before.get(mid);
      const b = after.get(mid);
      if (a !== undefined && b !== undefined && sameJson(a, b)) continue;
      for (const m of [a, b]) if (m !== undefined && m.author !== name) return `message ${mid} of thread ${id} is not yours; you may add and change only messages you write as ${name}`;
    }
    return null;
  }
}

const RECORD_SCHEMA = { sources: 'source', nodes: 'node', relations: 'relation', evaluations: 'evaluation', comments: 'thread' } as const satisfies Record<Collection, keyof typeof AT>;

/**
 * Why a record a student's update left would not load (the loader's schema and limits, format/
 * rules.ts: one rule); null when each would. An instructor's app checks its own operations; a
 * student's page may be anything, and one bad value must not keep the file from being written.
 * The record is judged as the room holds it once the normaliser has run: two students' edits
 * made at once can merge into what neither made and the normaliser mends (both premises of a
 * linked inference unlinked: the inference goes), and refusing the second would lose a fair edit.
 */
export function recordsRefusal(after: ArgumentMap, touched: Touched, before?: ArgumentMap): string | null {
  const problem = recordsProblem(after, touched);
  if (problem === null) return null;
  return recordsProblem(normalizeMerged(after, before ? [after, before] : [after]).map, touched);
}

function recordsProblem(after: ArgumentMap, touched: Touched): string | null {
  const all = schemas() as unknown as Record<string, Parameters<typeof recordProblem>[0]>;
  for (const collection of COLLECTIONS) {
    for (const id of touched.records.get(collection) ?? []) {
      const record = own(after[collection] as Record<Id, unknown> | undefined, id);
      if (record === undefined) continue;
      const kind = RECORD_SCHEMA[collection];
      const problem = recordProblem(all[kind]!, record, AT[kind]);
      if (problem) return `${kind} ${id} would not load: ${problem}`;
    }
  }
  for (const id of touched.positions) {
    if (!Object.hasOwn(after.view.positions, id)) continue;
    const problem = recordProblem(all.point!, after.view.positions[id], AT.position);
    if (problem) return `the position of ${id} would not load: ${problem}`;
  }
  if (touched.whole.has('meta')) {
    const problem = recordProblem(all.meta!, after.meta, AT.meta);
    if (problem) return `the map's details would not load: ${problem}`;
  }
  return null;
}

/**
 * Whether `update` holds nothing `doc` lacks: every struct is already there and every deletion
 * already made (a read-only peer's sync step 2, which carries its whole delete set). Decided on
 * the update's structs and the doc's struct store, without applying it anywhere.
 */
export function bringsNothingNew(doc: Y.Doc, update: Uint8Array): boolean {
  let decoded: ReturnType<typeof Y.decodeUpdate>;
  try {
    decoded = Y.decodeUpdate(update);
  } catch {
    return false;
  }
  for (const struct of decoded.structs) {
    if (struct instanceof Y.Skip) continue;
    if (struct.id.clock + struct.length > Y.getState(doc.store, struct.id.client)) return false;
  }
  for (const [client, ranges] of decoded.ds.clients) {
    const structs = doc.store.clients.get(client);
    for (const { clock, len } of ranges) {
      if (len === 0) continue;
      if (!structs || clock + len > Y.getState(doc.store, client)) return false;
      for (let i = Y.findIndexSS(structs, clock); i < structs.length && structs[i]!.id.clock < clock + len; i++) if (!structs[i]!.deleted) return false;
    }
  }
  return true;
}

/** What the replica could not integrate yet (structs or deletions building on what it lacks). */
const pendingOf = (doc: Y.Doc) => [doc.store.pendingStructs?.update, doc.store.pendingDs] as const;

/**
 * Applies `update` from `peer` to `scratch` (the host's replica of the room) and judges it.
 * `changed: false`: the update held nothing new (nothing to apply to the room's doc) (a sync step 2 of a peer that has nothing the host
 * lacks). After a refusal the replica holds the refused update: the caller must rebuild it.
 */
export function judgeUpdate(scratch: Y.Doc, update: Uint8Array, peer: LivePeer, mode: RoomMode): Verdict {
  const right = editRight(mode, peer.role);
  const snapshot = snapshotOf(scratch);
  // The map before is needed only to judge an own-voice change.
  const before = right === 'own-voice' ? snapshot.current : null;
  const [structs, ds] = pendingOf(scratch);
  const leavesPending = () => pendingOf(scratch)[0] !== structs || pendingOf(scratch)[1] !== ds;
  let touched: Touched | null = null;
  let changed = false;
  const origin = { judging: peer.name };
  const onUpdate = () => (changed = true);
  const onTransaction = (tr: Y.Transaction) => {
    if (tr.origin === origin) touched = touchedBy(scratch, tr, touched ?? undefined);
  };
  scratch.on('update', onUpdate);
  scratch.on('afterTransaction', onTransaction);
  try {
    Y.applyUpdate(scratch, update, origin);
  } catch {
    return { ok: false, reason: 'the update could not be read' };
  } finally {
    scratch.off('update', onUpdate);
    scratch.off('afterTransaction', onTransaction);
  }
  // `changed` counts structs left pending too: the room's doc must hold them as the replica does.
  if (right === 'everything' && peer.role === 'instructor') return { ok: true, changed: changed || leavesPending(), touched };
  if (!changed && !leavesPending()) return { ok: true, changed: false, touched: null };
  if (right === 'nothing') return { ok: false, reason: nothingRefusal(mode) };
  // A page's edit can reach the host before the sync step carrying what it builds on (y-websocket
  // sends edits as soon as the socket opens): Yjs keeps it pending, the room's doc must too, and it
  // is judged with the update that lands it, which only its author can send (no one else has it).
  if (!touched) return { ok: true, changed: changed || leavesPending(), touched };
  const t: Touched = touched;
  // Anything outside the map's parts would be stored, relayed and kept in every copy, but no map shows it.
  if (t.foreign) return { ok: false, reason: 'the update writes outside the map; only the instructor may' };
  const after = snapshot.current;
  const refusal = (before ? ownVoiceRefusal(peer.name, before, after, t) : null) ?? recordsRefusal(after, t, before ?? undefined);
  return refusal ? { ok: false, reason: refusal } : { ok: true, changed: changed || leavesPending(), touched: t };
}

/** Why a peer who may change nothing was refused. */
export const nothingRefusal = (mode: RoomMode): string => (mode === 'read-only' ? 'this room is read-only: no one edits it' : 'students read this room; only the instructor edits it');
