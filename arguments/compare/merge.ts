// Three-way merge of two maps edited from one base: merge(base, ours, theirs). Per record
// (nodes, relations, sources, evaluations, comment threads, view positions) and per field: what
// one side changed and the other did not is taken; what both changed alike is taken once; what
// both changed differently is NEVER resolved silently. A node, relation, source or evaluation
// changed both ways is kept twice (ours under its id, theirs as a copy under a fresh id) and
// flagged; a record one side deleted and the other changed is kept, changed, and flagged; a field
// that cannot be kept twice (a position, the map's title, a thread's resolved flag) keeps ours in
// the map and both versions in the conflict. Messages of a thread merge by id. The merged map
// then passes the loader's checks (normalize.ts says what it had to mend). merge(base, X, base)
// and merge(base, base, X) are X exactly. `meta.modified` (when the map was last saved) is the
// later of the two, not a conflict.
import type { ArgumentMap, CommentMessage, CommentThread, Id } from '../model';
import { normalizeMerged, type MergeRepair } from './normalize';

export type { MergeRepair } from './normalize';

export const MERGE_RECORDS = ['node', 'relation', 'source', 'evaluation', 'comment', 'position', 'collapsed', 'meta', 'view', 'map'] as const;
export type MergeRecord = (typeof MERGE_RECORDS)[number];

export interface MergeConflict {
  record: MergeRecord;
  /** The record's id (a node's, a thread's); for the map's details, views and fields: the field. */
  id: Id;
  kind: 'both-changed' | 'both-added' | 'changed-and-deleted';
  /** The fields both sides changed differently ([] when one side deleted the record). */
  fields: string[];
  base: unknown;
  ours: unknown;
  theirs: unknown;
  /** What the merged map holds: both (theirs as `copy`), ours (theirs only here), or the side that changed what the other deleted. */
  kept: 'both' | 'ours' | 'theirs';
  copy?: Id;
  message: string;
}

export interface MergeResult {
  map: ArgumentMap;
  conflicts: MergeConflict[];
  repairs: MergeRepair[];
}

const byString = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** Canonical JSON (keys sorted): two values are the same when it is. */
function canon(v: unknown): string {
  return JSON.stringify(v, (_k, x: unknown) => (x !== null && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => byString(a, b))) : x));
}
const same = (a: unknown, b: unknown) => a === b || canon(a) === canon(b);

type Fieldwise = { merged: Record<string, unknown>; theirsVersion: Record<string, unknown>; fields: string[] };

/** Field by field; the fields both changed differently are listed (the merged value is ours). */
function fields(b: Record<string, unknown> | undefined, o: Record<string, unknown>, t: Record<string, unknown>): Fieldwise {
  const merged: Record<string, unknown> = {};
  const theirsVersion: Record<string, unknown> = {};
  const conflicts: string[] = [];
  const keys = [...new Set([...Object.keys(o), ...Object.keys(t), ...Object.keys(b ?? {})])];
  const put = (r: Record<string, unknown>, k: string, v: unknown) => {
    if (v !== undefined) r[k] = v;
  };
  for (const k of keys) {
    const bv = b && Object.hasOwn(b, k) ? b[k] : undefined;
    const ov = Object.hasOwn(o, k) ? o[k] : undefined;
    const tv = Object.hasOwn(t, k) ? t[k] : undefined;
    let v: unknown;
    if (same(ov, tv) || same(bv, tv)) v = ov;
    else if (same(bv, ov)) v = tv;
    else {
      conflicts.push(k);
      put(merged, k, ov);
      put(theirsVersion, k, tv);
      continue;
    }
    put(merged, k, v);
    put(theirsVersion, k, v);
  }
  return { merged, theirsVersion, fields: conflicts };
}

interface Sides<T> {
  base: Readonly<Record<Id, T>>;
  ours: Readonly<Record<Id, T>>;
  theirs: Readonly<Record<Id, T>>;
}

const get = <T>(r: Readonly<Record<Id, T>>, id: Id): T | undefined => (Object.hasOwn(r, id) ? r[id] : undefined);

export function mergeMaps(base: ArgumentMap, ours: ArgumentMap, theirs: ArgumentMap): MergeResult {
  const conflicts: MergeConflict[] = [];
  const every = [base, ours, theirs];
  const used = new Set<Id>(every.flatMap((m) => [...Object.keys(m.nodes), ...Object.keys(m.relations), ...Object.keys(m.sources), ...Object.keys(m.evaluations ?? {}), ...Object.keys(m.comments ?? {})]));
  for (const m of every) for (const x of [...Object.values(m.evaluations ?? {}), ...Object.values(m.comments ?? {})]) used.add(x.target);
  const copyId = (id: Id): Id => {
    const stem = id.length <= 110 ? `${id}.theirs` : 'theirs';
    for (let n = 1; ; n++) {
      const c = n === 1 && stem !== 'theirs' ? stem : `${stem}${n}`;
      if (!used.has(c)) {
        used.add(c);
        return c;
      }
    }
  };
  const flag = (c: Omit<MergeConflict, 'message'>, what: string) => {
    const how =
      c.kind === 'changed-and-deleted'
        ? `one side deleted it and the other changed it; it is kept as ${c.kept === 'ours' ? 'ours' : 'theirs'} changed it`
        : c.kept === 'both'
          ? `both sides changed ${c.fields.length > 0 ? c.fields.join(', ') : 'it'} differently; both versions are kept (theirs as ${c.copy})`
          : `both sides changed ${c.fields.join(', ')} differently; the map keeps ours, and this conflict keeps theirs`;
    conflicts.push({ ...c, message: `${what} ${c.id}: ${how}.` });
  };

  /** One keyed collection; `twice`: a record changed both ways is kept twice, else ours plus the conflict. */
  function collection<T extends object>(record: MergeRecord, what: string, s: Sides<T>, twice: boolean, sub?: (b: T | undefined, o: T, t: T) => T | null): Record<Id, T> {
    if (same(s.base, s.ours)) return { ...s.theirs };
    if (same(s.base, s.theirs) || same(s.ours, s.theirs)) return { ...s.ours };
    const out: Record<Id, T> = {};
    const ids = [...new Set([...Object.keys(s.ours), ...Object.keys(s.theirs), ...Object.keys(s.base)])].sort(byString);
    for (const id of ids) {
      const b = get(s.base, id);
      const o = get(s.ours, id);
      const t = get(s.theirs, id);
      if (same(o, t) || same(b, t)) {
        if (o !== undefined) out[id] = o;
        continue;
      }
      if (same(b, o)) {
        if (t !== undefined) out[id] = t;
        continue;
      }
      if (o === undefined || t === undefined) {
        const kept = (o ?? t)!;
        out[id] = kept;
        flag({ record, id, kind: 'changed-and-deleted', fields: [], base: b, ours: o, theirs: t, kept: o === undefined ? 'theirs' : 'ours' }, what);
        continue;
      }
      const special = sub?.(b, o, t);
      if (special) {
        out[id] = special;
        continue;
      }
      const f = fields(b as Record<string, unknown> | undefined, o as Record<string, unknown>, t as Record<string, unknown>);
      if (f.fields.length === 0) {
        out[id] = f.merged as T;
        continue;
      }
      out[id] = f.merged as T;
      if (twice) {
        const copy = copyId(id);
        out[copy] = { ...f.theirsVersion, id: copy } as T;
        flag({ record, id, kind: b === undefined ? 'both-added' : 'both-changed', fields: f.fields, base: b, ours: o, theirs: t, kept: 'both', copy }, what);
      } else flag({ record, id, kind: b === undefined ? 'both-added' : 'both-changed', fields: f.fields, base: b, ours: o, theirs: t, kept: 'ours' }, what);
    }
    return out;
  }

  // A thread both sides changed: messages by id (a message changed both ways is kept twice), other fields as usual.
  const thread = (b: CommentThread | undefined, o: CommentThread, t: CommentThread): CommentThread | null => {
    const key = (m: readonly CommentMessage[]) => Object.fromEntries(m.map((x) => [x.id, x]));
    const { messages: bm, ...bRest } = b ?? { messages: [] as CommentMessage[] };
    const { messages: om, ...oRest } = o;
    const { messages: tm, ...tRest } = t;
    const f = fields(b ? (bRest as Record<string, unknown>) : undefined, oRest as Record<string, unknown>, tRest as Record<string, unknown>);
    if (f.fields.length > 0) flag({ record: 'comment', id: o.id, kind: b ? 'both-changed' : 'both-added', fields: f.fields, base: b, ours: o, theirs: t, kept: 'ours' }, 'Comment thread');
    const merged = collection<CommentMessage>('comment', `Message of thread ${o.id}:`, { base: key(bm), ours: key(om), theirs: key(tm) }, true);
    const order = new Map([...om, ...tm].map((m, i) => [m.id, i]));
    const messages = Object.values(merged).sort((x, y) => byString(x.at, y.at) || (order.get(x.id) ?? Infinity) - (order.get(y.id) ?? Infinity) || byString(x.id, y.id));
    return { ...(f.merged as Omit<CommentThread, 'messages'>), messages } as CommentThread;
  };

  const nodes = collection('node', 'Node', { base: base.nodes, ours: ours.nodes, theirs: theirs.nodes }, true);
  const relations = collection('relation', 'Relation', { base: base.relations, ours: ours.relations, theirs: theirs.relations }, true);
  const sources = collection('source', 'Source', { base: base.sources, ours: ours.sources, theirs: theirs.sources }, true);
  const evaluations = collection('evaluation', 'Evaluation', { base: base.evaluations ?? {}, ours: ours.evaluations ?? {}, theirs: theirs.evaluations ?? {} }, true);
  const comments = collection('comment', 'Comment thread', { base: base.comments ?? {}, ours: ours.comments ?? {}, theirs: theirs.comments ?? {} }, false, thread);
  const positions = collection('position', 'Position of', { base: base.view.positions, ours: ours.view.positions, theirs: theirs.view.positions }, false);
  // A copy of a node stands beside it.
  for (const c of conflicts) if (c.record === 'node' && c.copy) {
    const p = get(theirs.view.positions, c.id) ?? get(positions, c.id);
    if (p) positions[c.copy] = { x: p.x + 40, y: p.y + 40 };
  }

  // The collapsed list as a set: in when both keep it in, or the side that changed it says so.
  let collapsed: Id[];
  if (same(base.view.collapsed, ours.view.collapsed)) collapsed = [...theirs.view.collapsed];
  else if (same(base.view.collapsed, theirs.view.collapsed)) collapsed = [...ours.view.collapsed];
  else {
    const b = new Set(base.view.collapsed);
    const t = new Set(theirs.view.collapsed);
    const o = new Set(ours.view.collapsed);
    collapsed = [...ours.view.collapsed.filter((id) => t.has(id) || !b.has(id)), ...theirs.view.collapsed.filter((id) => !o.has(id) && !b.has(id))];
  }

  // The map's details, the view's other fields and the file's unknown fields: field by field, ours kept on a conflict.
  const single = (record: MergeRecord, what: string, b: Record<string, unknown>, o: Record<string, unknown>, t: Record<string, unknown>, later?: string) => {
    if (same(b, o)) return { ...t };
    if (same(b, t)) return { ...o };
    const f = fields(b, o, t);
    const merged = { ...f.merged };
    for (const k of f.fields) {
      if (k === later && typeof o[k] === 'string' && typeof t[k] === 'string') {
        merged[k] = byString(o[k] as string, t[k] as string) >= 0 ? o[k] : t[k];
        continue;
      }
      flag({ record, id: k, kind: 'both-changed', fields: [k], base: b[k], ours: o[k], theirs: t[k], kept: 'ours' }, what);
    }
    return merged;
  };
  const meta = single('meta', 'The map’s', base.meta as unknown as Record<string, unknown>, ours.meta as unknown as Record<string, unknown>, theirs.meta as unknown as Record<string, unknown>, 'modified') as unknown as ArgumentMap['meta'];
  const viewRest = (m: ArgumentMap) => {
    const { positions: _p, collapsed: _c, ...rest } = m.view;
    return rest as Record<string, unknown>;
  };
  const view = single('view', 'The view’s', viewRest(base), viewRest(ours), viewRest(theirs));
  const unknown = single('map', 'The file’s field', base.unknown ?? {}, ours.unknown ?? {}, theirs.unknown ?? {});

  const merged: ArgumentMap = { meta, sources, nodes, relations, evaluations, comments, view: { ...view, positions, collapsed } };
  if (Object.keys(unknown).length > 0) merged.unknown = unknown;
  const { map, repairs } = normalizeMerged(merged, every);
  return { map, conflicts, repairs };
}
