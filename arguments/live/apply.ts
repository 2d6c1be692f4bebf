// An Operation on a live document: the Operation {label, check, apply} stays the intent: it is
// checked and applied on the plain map (the document's snapshot, snapshot.ts), and only the
// difference is written into the Y.Doc, in one transaction with the caller's origin (the undo
// manager tracks the local user's origin). Design:
// - immer's patches say which records the recipe changed (path ["nodes", id, …]); only those are
//   compared with the document and written field by field (mirror.ts: writeRecord), typed text
//   as minimal edits (text.ts). So a step costs what the operation costs (immer copies the
//   record of the collection it changes), not a read or a diff of the whole map.
// - A recipe that replaces a whole collection or the positions (an auto-layout) is diffed by id,
//   comparing records by identity: immer keeps every unchanged record the same object.
// - A record added under an id another peer could make takes this peer's id (ids.ts).
import { enablePatches, Immer, type Patch } from 'immer';
import type * as Y from 'yjs';
import type { Operation } from '../history';
import type { ArgumentMap, Id } from '../model';
import { renameOnDraft, toRename } from './ids';
import { COLLECTIONS, writeEntry, writePosition, writeSection, writeViewRest, type Collection } from './mirror';
import { nothingTouched, snapshotOf, type Touched } from './snapshot';

enablePatches();
// No freezing: a frozen copy of 10,000 records per step is the cost this module avoids.
const immer = new Immer({ autoFreeze: false });

/**
 * A judge of a step before it is written: the map before, the map after and immer's patches
 * between them (the very produce that is written); a sentence refuses the step.
 */
export type Vet = (base: ArgumentMap, next: ArgumentMap, patches: readonly Patch[]) => string | null;

/** `renamed`: records the operation added under ids another peer could make, old id → this peer's id (ids.ts). */
export type ApplyResult = { ok: true; map: ArgumentMap; changed: boolean; renamed?: ReadonlyMap<Id, Id> } | { ok: false; reason: string };

const isCollection = (k: unknown): k is Collection => (COLLECTIONS as readonly unknown[]).includes(k);

/** What the patches changed, as the parts of the map to write. */
interface Changed {
  records: Map<Collection, Set<Id> | 'all'>;
  positions: Set<Id> | 'all' | null;
  meta: boolean;
  unknown: boolean;
  view: boolean;
}

function changedBy(patches: readonly Patch[]): Changed {
  const c: Changed = { records: new Map(), positions: null, meta: false, unknown: false, view: false };
  for (const { path } of patches) {
    const [head, second, third] = path;
    if (isCollection(head)) {
      const cur = c.records.get(head);
      if (cur === 'all') continue;
      if (path.length < 2) c.records.set(head, 'all');
      else c.records.set(head, (cur ?? new Set()).add(String(second)));
    } else if (head === 'meta') c.meta = true;
    else if (head === 'unknown' || path.length === 0) {
      c.unknown = true;
      if (path.length === 0) for (const k of COLLECTIONS) c.records.set(k, 'all');
      if (path.length === 0) c.meta = c.view = true;
      if (path.length === 0) c.positions = 'all';
    } else if (head === 'view') {
      if (second === 'positions') {
        if (path.length < 3) c.positions = 'all';
        else if (c.positions !== 'all') c.positions = (c.positions ?? new Set()).add(String(third));
      } else if (path.length < 2) {
        c.view = true;
        c.positions = 'all';
      } else c.view = true;
    }
  }
  return c;
}

/** The records a step's patches touch, as the host's walk of a Yjs transaction names them (roles.ts judges both). */
export function touchedByPatches(patches: readonly Patch[], base: ArgumentMap, next: ArgumentMap): Touched {
  const c = changedBy(patches);
  const t = nothingTouched();
  const both = (a: object | undefined, b: object | undefined) => new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})]);
  for (const [name, ids] of c.records) t.records.set(name, ids === 'all' ? both(base[name], next[name]) : new Set(ids));
  if (c.positions !== null) for (const id of c.positions === 'all' ? both(base.view.positions, next.view.positions) : c.positions) t.positions.add(id);
  if (c.meta) t.whole.add('meta');
  if (c.unknown) t.whole.add('unknown');
  if (c.view) t.whole.add('view');
  return t;
}

const own = <T>(r: Readonly<Record<Id, T>> | undefined, id: Id): T | undefined => (r && Object.hasOwn(r, id) ? r[id] : undefined);

/** Writes into `doc` what differs between `base` (what it holds) and `next`, where `patches` say. */
export function writeDifference(doc: Y.Doc, base: ArgumentMap, next: ArgumentMap, patches: readonly Patch[]): void {
  const c = changedBy(patches);
  for (const [name, ids] of c.records) {
    const before = base[name] as Record<Id, object> | undefined;
    const after = next[name] as Record<Id, object> | undefined;
    const list = ids === 'all' ? new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]) : ids;
    for (const id of list) {
      const b = own(before, id);
      const a = own(after, id);
      if (ids === 'all' && a === b) continue;
      writeEntry(doc, name, id, a as Record<string, unknown> | undefined);
    }
  }
  if (c.positions !== null) {
    const before = base.view.positions;
    const after = next.view.positions;
    const list = c.positions === 'all' ? new Set([...Object.keys(before), ...Object.keys(after)]) : c.positions;
    for (const id of list) {
      const a = own(after, id);
      if (c.positions === 'all' && a === own(before, id)) continue;
      writePosition(doc, id, a);
    }
  }
  if (c.meta) writeSection(doc, 'meta', next.meta as unknown as Record<string, unknown>);
  if (c.unknown) writeSection(doc, 'unknown', next.unknown ?? {});
  if (c.view) writeViewRest(doc, next.view);
}

/**
 * Checks `op` on the document's map and, when it can be done (and `vet` does not refuse what it
 * made), writes its difference in ONE transaction with `origin`. A refused operation changes
 * nothing and says why.
 */
export function applyOperation(doc: Y.Doc, op: Operation, origin: unknown, vet?: Vet): ApplyResult {
  const snapshot = snapshotOf(doc);
  const base = snapshot.current;
  const reason = op.check?.(base) ?? null;
  if (reason !== null) return { ok: false, reason };
  let [next, patches] = immer.produceWithPatches(base, op.apply);
  const renames = toRename(doc, patches);
  let renamed: Map<Id, Id> | undefined;
  if (renames)
    [next, patches] = immer.produceWithPatches(base, (d) => {
      op.apply(d);
      renamed = renameOnDraft(doc, d as ArgumentMap, renames);
    });
  if (patches.length === 0) return { ok: true, map: base, changed: false };
  const refused = vet?.(base, next, patches) ?? null;
  if (refused !== null) return { ok: false, reason: refused };
  snapshot.commit(next, origin, () => writeDifference(doc, base, next, patches));
  return { ok: true, map: next, changed: true, ...(renamed && renamed.size > 0 ? { renamed } : {}) };
}
