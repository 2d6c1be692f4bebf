// The plain map of a live document, kept up to date from its transactions instead of read whole
// (fromYDoc) per step: operations check and apply on plain maps, and at 10,000 nodes a full read
// per keystroke would cost more than the edit. Design:
// - After each transaction, Yjs lists the types it changed (`transaction.changed`); walking each up
//   to its top-level map names the records touched (a node's id, a position's node), in
//   O(depth) per change. Those are marked dirty, nothing is read yet.
// - The next read of the map re-reads only the dirty records, into a shallow copy of each touched
//   collection (a new object, so immer, React and the WeakMap caches of the operations see a
//   change; untouched collections keep their identity). A burst of remote updates costs one copy.
// - A write made through `commit` (our own operation, already applied to a plain map) replaces
//   the snapshot with that map: nothing is re-read.
import * as Y from 'yjs';
import type { ArgumentMap, Id } from '../model';
import { COLLECTIONS, SECTIONS, fromYDoc, readPosition, readPositions, readRecord, readSection, readViewRest, SPECS, type Collection, type Section } from './mirror';

/** Fields whose change can break a reference rule: a change of one calls for the normaliser. */
const STRUCTURAL = new Set(['from', 'to', 'kind', 'quote', 'quotes', 'target', 'detached']);

export interface Touched {
  /** Records of the collections added, removed or changed, by id. */
  records: Map<Collection, Set<Id>>;
  /** Positions added, removed or changed, by node id. */
  positions: Set<Id>;
  /** meta, unknown, or the view apart from positions. */
  whole: Set<'meta' | 'unknown' | 'view'>;
  /** A record came or went, or a field a reference rule reads changed. */
  structural: boolean;
  /** A type outside the map's parts (a top-level type no section names) changed: no map holds it, but every copy of the doc would. */
  foreign: boolean;
}

export const nothingTouched = (): Touched => ({ records: new Map(), positions: new Set(), whole: new Set(), structural: false, foreign: false });

/** What a transaction touched, from the types it changed. */
export function touchedBy(doc: Y.Doc, tr: Y.Transaction, into: Touched = nothingTouched()): Touched {
  const roots = new Map<Y.AbstractType<unknown>, Section>(SECTIONS.map((s) => [doc.getMap(s) as Y.AbstractType<unknown>, s]));
  const mark = (name: Collection, id: Id) => {
    let set = into.records.get(name);
    if (!set) into.records.set(name, (set = new Set()));
    set.add(id);
  };
  tr.changed.forEach((keys, type) => {
    const root = roots.get(type as Y.AbstractType<unknown>);
    if (root !== undefined) {
      if (root === 'meta' || root === 'unknown' || root === 'view') into.whole.add(root);
      else {
        for (const k of keys) if (k !== null) mark(root, k);
        into.structural = true;
      }
      return;
    }
    // Walk up to the child of a top-level map, remembering the field just under the record.
    const path: (string | null)[] = [];
    let t: Y.AbstractType<unknown> = type as Y.AbstractType<unknown>;
    for (;;) {
      const item = t._item;
      if (item === null) {
        // A top-level type that is none of the sections.
        into.foreign = true;
        return;
      }
      path.unshift(item.parentSub);
      const parent = item.parent as Y.AbstractType<unknown>;
      const top = roots.get(parent);
      if (top !== undefined) {
        const key = path[0]!;
        if (key === null) return;
        if (top === 'view') {
          if (key === 'positions' && path.length === 1) {
            for (const k of keys) if (k !== null) into.positions.add(k);
          } else into.whole.add('view');
        } else if (top === 'meta' || top === 'unknown') into.whole.add(top);
        else {
          mark(top, key);
          const field = path.length > 1 ? (path[1] ?? null) : null;
          if (path.length === 1 ? [...keys].some((k) => k !== null && STRUCTURAL.has(k)) : field !== null && STRUCTURAL.has(field)) into.structural = true;
        }
        return;
      }
      t = parent;
    }
  });
  return into;
}

export class Snapshot {
  private map: ArgumentMap;
  private dirty: Touched = nothingTouched();
  private pending = false;
  /** Set while `commit` writes a change the snapshot already holds. */
  private writing = false;
  private readonly onTransaction = (tr: Y.Transaction) => {
    if (this.writing) return;
    touchedBy(this.doc, tr, this.dirty);
    this.pending = this.dirty.records.size > 0 || this.dirty.positions.size > 0 || this.dirty.whole.size > 0;
  };

  constructor(readonly doc: Y.Doc) {
    this.map = fromYDoc(doc);
    const positions = doc.getMap('view').get('positions');
    this.positionsType = positions instanceof Y.Map ? positions : null;
    doc.on('afterTransaction', this.onTransaction);
  }

  destroy(): void {
    this.doc.off('afterTransaction', this.onTransaction);
  }

  /** The map as the document holds it now. */
  get current(): ArgumentMap {
    if (this.pending) this.refresh();
    return this.map;
  }

  /** The map as last read: before a refresh, the state before the transactions since. */
  get lastRead(): ArgumentMap {
    return this.map;
  }

  /** Runs `write` (which must make the doc hold `next`) in one transaction, and takes `next` as the snapshot. */
  commit(next: ArgumentMap, origin: unknown, write: () => void): void {
    if (this.pending) this.refresh();
    this.writing = true;
    try {
      this.doc.transact(write, origin);
    } finally {
      this.writing = false;
    }
    this.map = next;
  }

  private refresh(): void {
    const { doc } = this;
    const d = this.dirty;
    this.dirty = nothingTouched();
    this.pending = false;
    const next: ArgumentMap = { ...this.map };
    for (const name of COLLECTIONS) {
      const ids = d.records.get(name);
      if (!ids) continue;
      const col = doc.getMap(name);
      const copy: Record<Id, unknown> = { ...(this.map[name] ?? {}) };
      for (const id of ids) {
        const y = col.get(id);
        if (y instanceof Y.Map) copy[id] = readRecord(y, SPECS[name]);
        else delete copy[id];
      }
      (next as unknown as Record<Collection, unknown>)[name] = copy;
    }
    if (d.whole.has('meta')) next.meta = readSection(doc, 'meta') as unknown as ArgumentMap['meta'];
    if (d.whole.has('unknown')) {
      const unknown = readSection(doc, 'unknown');
      if (Object.keys(unknown).length > 0) next.unknown = unknown;
      else delete next.unknown;
    }
    if (d.whole.has('view') || d.positions.size > 0) {
      let positions = this.map.view.positions;
      const y = doc.getMap('view').get('positions');
      if (d.whole.has('view') && !(y instanceof Y.Map && this.positionsType === y)) positions = readPositions(doc);
      else if (d.positions.size > 0 && y instanceof Y.Map) {
        positions = { ...positions };
        for (const id of d.positions) {
          if (y.has(id)) positions[id] = readPosition(y, id);
          else delete positions[id];
        }
      }
      this.positionsType = y instanceof Y.Map ? y : null;
      next.view = d.whole.has('view') ? { ...readViewRest(doc), positions } : { ...this.map.view, positions };
    }
    this.map = next;
  }

  /** The positions map the snapshot's positions were read from: a new one (a peer's fresh doc) is read whole. */
  private positionsType: Y.Map<unknown> | null = null;
}

const snapshots = new WeakMap<Y.Doc, Snapshot>();

/** The one snapshot of a document (made on first use). */
export function snapshotOf(doc: Y.Doc): Snapshot {
  let s = snapshots.get(doc);
  if (!s) snapshots.set(doc, (s = new Snapshot(doc)));
  return s;
}
