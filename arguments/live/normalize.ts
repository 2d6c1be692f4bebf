// After a remote update (or an undo) the merged document may hold what no single edit could: a
// relation from a node a peer deleted at the same time, a linked inference whose premises were all
// unlinked, a quote of a deleted source. The repairs are those of a merge (compare/normalize.ts,
// on the loader's rules in format/references.ts): one set of rules, not a third. Design:
// - It runs on the plain snapshot and writes only the records the repair changed (compared by
//   identity: the repair copies only what it mends), in one transaction with NORMALIZE_ORIGIN, which
//   no undo manager tracks: a repair is not anyone's step, and undoing one's own edit must not
//   undo it either.
// - Every peer repairs the same merged state the same way (ids in sorted order, the loader's
//   rules), so concurrent repairs write the same values and the peers still converge.
// - `sides` are maps the repair may take a deleted record back from (a quoted source a peer
//   deleted): the snapshot from before the update.
import type * as Y from 'yjs';
import { normalizeMerged, type MergeRepair } from '../compare/normalize';
import type { ArgumentMap, Id } from '../model';
import { COLLECTIONS, writeEntry, writePosition, writeViewRest } from './mirror';
import { snapshotOf } from './snapshot';

/** The origin of the normaliser's transactions. */
export const NORMALIZE_ORIGIN = Symbol('argument-atlas/live normalize');

const own = <T>(r: Readonly<Record<Id, T>> | undefined, id: Id): T | undefined => (r && Object.hasOwn(r, id) ? r[id] : undefined);

/** Restores the loader's invariants in `doc`; returns what it mended (nothing: no transaction). */
export function normalize(doc: Y.Doc, sides: readonly ArgumentMap[] = []): MergeRepair[] {
  const snapshot = snapshotOf(doc);
  const map = snapshot.current;
  const { map: fixed, repairs } = normalizeMerged(map, [map, ...sides]);
  const changedView = fixed.view.collapsed !== map.view.collapsed;
  const positionsGone = Object.keys(map.view.positions).filter((id) => !Object.hasOwn(fixed.view.positions, id));
  const records = COLLECTIONS.flatMap((name) => {
    const before = (map[name] ?? {}) as Record<Id, object>;
    const after = (fixed[name] ?? {}) as Record<Id, object>;
    if (before === after) return [];
    const ids = new Set([...Object.keys(before), ...Object.keys(after)]);
    return [...ids].filter((id) => own(before, id) !== own(after, id)).map((id) => [name, id, own(after, id)] as const);
  });
  if (records.length === 0 && !changedView && positionsGone.length === 0) return repairs;
  const next: ArgumentMap = { ...fixed, view: { ...fixed.view } };
  snapshot.commit(next, NORMALIZE_ORIGIN, () => {
    for (const [name, id, value] of records) writeEntry(doc, name, id, value as Record<string, unknown> | undefined);
    for (const id of positionsGone) writePosition(doc, id, undefined);
    if (changedView) writeViewRest(doc, fixed.view);
  });
  return repairs;
}
