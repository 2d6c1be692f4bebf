// The map as a Yjs document, and back (issue 16). Design:
// - One top-level Y.Map per part of the file (`meta`, `sources`, `nodes`, `relations`,
//   `evaluations`, `comments`, `view`, and `unknown` for top-level fields a later version added),
//   each keyed collection keyed by id, each record a Y.Map of its fields: two people editing
//   different fields (or records) never overwrite each other.
// - The fields people type in (TEXT_FIELDS) are Y.Text, written as minimal edits (text.ts), so two
//   people typing in one node both keep their words. Ids, kinds, targets, dates and nested values
//   (a quote, a citation, a bibliographic record, a point) are plain values: last writer wins,
//   which is right for a choice (a kind) and keeps a quote's parts together.
// - Lists of ids (a relation's premises, a source's quoted sources, the collapsed nodes) are sets:
//   a Y.Map of id → rank, never an index-addressed array (two people adding a premise both keep
//   theirs). The order is restored by (rank, id): a file's order is kept exactly (ranks 0, 1, …),
//   an added id takes a rank between its neighbours, and two ids added at one place by two people
//   come in id order, the same on every peer. The file means nothing by the order of these sets
//   (relationKey sorts premises; collapsed is a set) but keeps it, so saving gives the same bytes.
// - A thread's messages are keyed by message id with their order as ranks, the same way.
// - The presentation's steps have no ids: the whole `presentation` value is one plain value.
// - Yjs sends strings as UTF-8, which cannot carry a lone surrogate (a primary source may hold
//   one, kept byte-exact): a string with one travels as its UTF-16 code units in a Uint8Array,
//   which no JSON value can be, so reading tells them apart.
import * as Y from 'yjs';
import type { ArgumentMap, Id } from '../model';
import { writeText } from './text';

export const COLLECTIONS = ['sources', 'nodes', 'relations', 'evaluations', 'comments'] as const;
export type Collection = (typeof COLLECTIONS)[number];
export type Section = Collection | 'meta' | 'view' | 'unknown';
export const SECTIONS: readonly Section[] = [...COLLECTIONS, 'meta', 'view', 'unknown'];

/** How each field of a record is kept: typed text, a set of ids, a keyed list of messages; any other field is a plain value. */
type FieldKind = 'text' | 'set' | 'messages';
type Spec = Readonly<Record<string, FieldKind>>;

const MESSAGE: Spec = { text: 'text' };
/** Every field a person types into, by record, and the lists kept as sets. */
export const SPECS = {
  sources: { title: 'text', text: 'text', author: 'text', recipient: 'text', place: 'text', quotes: 'set' },
  nodes: { text: 'text', title: 'text' },
  relations: { from: 'set' },
  evaluations: { reason: 'text' },
  comments: { messages: 'messages' },
  meta: { title: 'text', description: 'text' },
  view: { collapsed: 'set' },
  unknown: {},
} as const satisfies Record<Section, Spec>;

const has = (r: object, k: string) => Object.hasOwn(r, k);

const LONE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const hasLone = (s: string) => LONE.test(s);

function units(s: string): Uint8Array {
  const out = new Uint8Array(s.length * 2);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out[2 * i] = c & 0xff;
    out[2 * i + 1] = c >> 8;
  }
  return out;
}

function fromUnits(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i + 1 < b.length; i += 2) s += String.fromCharCode(b[i]! | (b[i + 1]! << 8));
  return s;
}

/** A plain value as it can travel: strings with a lone surrogate as code units. */
function toWire(v: unknown): unknown {
  if (typeof v === 'string') return hasLone(v) ? units(v) : v;
  if (Array.isArray(v)) return v.some((x) => typeof x !== 'number') ? v.map(toWire) : v;
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) define(out, k, toWire((v as Record<string, unknown>)[k]));
  return out;
}

function fromWire(v: unknown): unknown {
  if (v instanceof Uint8Array) return fromUnits(v);
  if (Array.isArray(v)) return v.some((x) => typeof x === 'object' && x !== null) ? v.map(fromWire) : v;
  if (v === null || typeof v !== 'object') return v;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(v)) define(out, k, fromWire((v as Record<string, unknown>)[k]));
  return out;
}

/** Sets a key, "__proto__" too (as data). */
function define(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__') Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

export function section(doc: Y.Doc, name: Section): Y.Map<unknown> {
  return doc.getMap(name);
}

// ----- reading ------------------------------------------------------------------------------

function readSet(set: Y.Map<unknown>): Id[] {
  const entries: [Id, number][] = [];
  set.forEach((rank, id) => entries.push([id, typeof rank === 'number' ? rank : 0]));
  entries.sort((a, b) => a[1] - b[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return entries.map((e) => e[0]);
}

function readMessages(list: Y.Map<unknown>): unknown[] {
  const items = list.get('items');
  const order = list.get('order');
  if (!(items instanceof Y.Map) || !(order instanceof Y.Map)) return [];
  return readSet(order).flatMap((id) => {
    const m = items.get(id);
    return m instanceof Y.Map ? [readRecord(m, MESSAGE)] : [];
  });
}

/** One record as a plain object; a null prototype keeps a "__proto__" field as data. */
export function readRecord(record: Y.Map<unknown>, spec: Spec): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  record.forEach((value, key) => {
    const kind = has(spec, key) ? spec[key] : undefined;
    let v: unknown;
    if (value instanceof Y.Text) v = value.toString();
    else if (value instanceof Y.Map) v = kind === 'messages' ? readMessages(value) : readSet(value);
    else v = fromWire(value);
    define(out, key, v);
  });
  return out;
}

export function readCollection(doc: Y.Doc, name: Collection): Record<Id, never> {
  const out: Record<Id, unknown> = {};
  section(doc, name).forEach((value, id) => {
    if (value instanceof Y.Map) out[id] = readRecord(value, SPECS[name]);
  });
  return out as Record<Id, never>;
}

/** One position as the positions map holds it. */
export const readPosition = (positions: Y.Map<unknown>, id: Id): ArgumentMap['view']['positions'][Id] => fromWire(positions.get(id)) as never;

export function readPositions(doc: Y.Doc): ArgumentMap['view']['positions'] {
  const positions = section(doc, 'view').get('positions');
  const out: ArgumentMap['view']['positions'] = {};
  if (positions instanceof Y.Map) positions.forEach((p, id) => (out[id] = fromWire(p) as never));
  return out;
}

/** The view without its positions (read apart: they are the one large part). */
export function readViewRest(doc: Y.Doc): Omit<ArgumentMap['view'], 'positions'> {
  const view = section(doc, 'view');
  const rest = readRecord(view, SPECS.view);
  delete rest.positions;
  if (!Array.isArray(rest.collapsed)) rest.collapsed = [];
  return rest as Omit<ArgumentMap['view'], 'positions'>;
}

export function readSection(doc: Y.Doc, name: 'meta' | 'unknown'): Record<string, unknown> {
  return readRecord(section(doc, name), SPECS[name]);
}

/** The map a Y.Doc holds (all of it: a live session keeps a snapshot instead, session.ts). */
export function fromYDoc(doc: Y.Doc): ArgumentMap {
  const unknown = readSection(doc, 'unknown');
  const map: ArgumentMap = {
    meta: readSection(doc, 'meta') as unknown as ArgumentMap['meta'],
    sources: readCollection(doc, 'sources'),
    nodes: readCollection(doc, 'nodes'),
    relations: readCollection(doc, 'relations'),
    evaluations: readCollection(doc, 'evaluations'),
    comments: readCollection(doc, 'comments'),
    view: { ...readViewRest(doc), positions: readPositions(doc) },
  };
  if (Object.keys(unknown).length > 0) map.unknown = unknown;
  return map;
}

// ----- writing ------------------------------------------------------------------------------

/** Plain JSON values equal (key order aside). */
export function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  return ka.every((k) => has(b, k) && sameValue((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** The set takes the ids of `next` in its order, changing as few ranks as it can. */
function writeSet(set: Y.Map<unknown>, next: readonly Id[]): void {
  const wanted = new Set(next);
  for (const id of [...set.keys()]) if (!wanted.has(id)) set.delete(id);
  const current = readSet(set);
  const kept = next.filter((id) => set.has(id));
  if (kept.length !== current.length || kept.some((id, i) => id !== current[i])) {
    // Reordered: rank them afresh (an operation never reorders; only a repair or a hand edit would).
    next.forEach((id, i) => set.get(id) !== i && set.set(id, i));
    return;
  }
  const rank = (id: Id) => set.get(id) as number;
  for (let i = 0; i < next.length; i++) {
    const id = next[i]!;
    if (set.has(id)) continue;
    const before = i > 0 ? rank(next[i - 1]!) : undefined;
    const after = next.slice(i + 1).find((x) => set.has(x));
    const a = after === undefined ? undefined : rank(after);
    set.set(id, before === undefined ? (a === undefined ? 0 : a - 1) : a === undefined ? before + 1 : (before + a) / 2);
  }
}

function newSet(ids: readonly Id[]): Y.Map<unknown> {
  return new Y.Map<unknown>(ids.map((id, i) => [id, i]));
}

function writeMessages(list: Y.Map<unknown>, next: readonly Record<string, unknown>[]): void {
  let items = list.get('items');
  let order = list.get('order');
  if (!(items instanceof Y.Map)) list.set('items', (items = new Y.Map()));
  if (!(order instanceof Y.Map)) list.set('order', (order = new Y.Map()));
  const ids = next.map((m) => String(m.id));
  for (const id of [...(items as Y.Map<unknown>).keys()]) if (!ids.includes(id)) (items as Y.Map<unknown>).delete(id);
  for (const m of next) {
    const existing = (items as Y.Map<unknown>).get(String(m.id));
    if (existing instanceof Y.Map) writeRecord(existing, m, MESSAGE);
    else (items as Y.Map<unknown>).set(String(m.id), newRecord(m, MESSAGE));
  }
  writeSet(order as Y.Map<unknown>, ids);
}

function newMessages(next: readonly Record<string, unknown>[]): Y.Map<unknown> {
  return new Y.Map<unknown>([
    ['items', new Y.Map<unknown>(next.map((m) => [String(m.id), newRecord(m, MESSAGE)]))],
    ['order', newSet(next.map((m) => String(m.id)))],
  ]);
}

function newField(kind: FieldKind | undefined, value: unknown): unknown {
  if (kind === 'text' && typeof value === 'string' && !hasLone(value)) return new Y.Text(value);
  if (kind === 'set' && Array.isArray(value)) return newSet(value as Id[]);
  if (kind === 'messages' && Array.isArray(value)) return newMessages(value as Record<string, unknown>[]);
  return toWire(value);
}

/** A record as a new (preliminary) Y.Map. */
export function newRecord(value: Record<string, unknown>, spec: Spec): Y.Map<unknown> {
  const entries: [string, unknown][] = [];
  for (const k of Object.keys(value)) if (value[k] !== undefined) entries.push([k, newField(has(spec, k) ? spec[k] : undefined, value[k])]);
  return new Y.Map<unknown>(entries);
}

/** Writes only what differs between the record and `next`: removed, added and changed fields. */
export function writeRecord(record: Y.Map<unknown>, next: Record<string, unknown>, spec: Spec, keep?: string): void {
  for (const k of [...record.keys()]) if (k !== keep && (!has(next, k) || next[k] === undefined)) record.delete(k);
  for (const k of Object.keys(next)) {
    const v = next[k];
    if (v === undefined || k === keep) continue;
    const kind = has(spec, k) ? spec[k] : undefined;
    const cur = record.get(k);
    if (kind === 'text' && typeof v === 'string' && cur instanceof Y.Text && !hasLone(v)) writeText(cur, v);
    else if (kind === 'set' && Array.isArray(v) && cur instanceof Y.Map) writeSet(cur, v as Id[]);
    else if (kind === 'messages' && Array.isArray(v) && cur instanceof Y.Map) writeMessages(cur, v as Record<string, unknown>[]);
    else if (cur instanceof Y.AbstractType || !record.has(k) || !sameValue(fromWire(cur), v)) record.set(k, newField(kind, v));
  }
}

/** Puts record `id` of a collection to `next` (undefined: removes it), writing only the difference. */
export function writeEntry(doc: Y.Doc, name: Collection, id: Id, next: Record<string, unknown> | undefined): void {
  const col = section(doc, name);
  const cur = col.get(id);
  if (next === undefined) {
    if (col.has(id)) col.delete(id);
  } else if (cur instanceof Y.Map) writeRecord(cur, next, SPECS[name]);
  else col.set(id, newRecord(next, SPECS[name]));
}

export function writePosition(doc: Y.Doc, id: Id, p: unknown): void {
  const view = section(doc, 'view');
  let positions = view.get('positions');
  if (!(positions instanceof Y.Map)) view.set('positions', (positions = new Y.Map()));
  const ps = positions as Y.Map<unknown>;
  if (p === undefined) {
    if (ps.has(id)) ps.delete(id);
  } else if (!ps.has(id) || !sameValue(fromWire(ps.get(id)), p)) ps.set(id, toWire(p));
}

/** The view's fields other than positions (collapsed, readOnly, presentation, …). */
export function writeViewRest(doc: Y.Doc, view: ArgumentMap['view']): void {
  const y = section(doc, 'view');
  const { positions: _positions, ...rest } = view;
  writeRecord(y, rest, SPECS.view, 'positions');
}

export function writeSection(doc: Y.Doc, name: 'meta' | 'unknown', value: Record<string, unknown>): void {
  writeRecord(section(doc, name), value, SPECS[name]);
}

/** Writes `map` into `doc` (a fresh one by default) as the difference from what it holds, in one transaction. */
export function toYDoc(map: ArgumentMap, doc: Y.Doc = new Y.Doc(), origin: unknown = null): Y.Doc {
  doc.transact(() => {
    writeSection(doc, 'meta', map.meta as unknown as Record<string, unknown>);
    writeSection(doc, 'unknown', map.unknown ?? {});
    for (const name of COLLECTIONS) {
      const records = (map[name] ?? {}) as unknown as Record<Id, Record<string, unknown>>;
      const col = section(doc, name);
      for (const id of [...col.keys()]) if (!has(records, id)) col.delete(id);
      for (const id of Object.keys(records)) writeEntry(doc, name, id, records[id]);
    }
    const view = section(doc, 'view');
    if (!(view.get('positions') instanceof Y.Map)) view.set('positions', new Y.Map());
    const positions = view.get('positions') as Y.Map<unknown>;
    for (const id of [...positions.keys()]) if (!has(map.view.positions, id)) positions.delete(id);
    for (const id of Object.keys(map.view.positions)) writePosition(doc, id, map.view.positions[id]);
    writeViewRest(doc, map.view);
  }, origin);
  return doc;
}
