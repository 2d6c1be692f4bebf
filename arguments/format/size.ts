// How large a map will be when saved, for the operations: the loader opens files of up to
// MAX_FILE_BYTES, so an edit that would make the saved map larger is refused (the map could be
// saved, but never opened again). Checking an edit costs a sum over the records, each measured
// once and remembered by identity (immer keeps unchanged records), not a serialisation of the map.
import { MAX_FILE_BYTES } from '../limits';
import type { ArgNode, ArgumentMap } from '../model';
import { formatBytes } from './errors';
import { serializeMap } from './serialize';

/** UTF-8 bytes of a string, without encoding it (JSON has escaped any lone surrogate). */
export function utf8Length(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      n += 4;
      i++;
    } else n += c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
  }
  return n;
}

const measured = new WeakMap<object, number>();

/**
 * At least the bytes `value` takes in the saved file at `depth` (a node is at 2): its JSON with
 * two spaces per level, each line indented 2 × depth more, and the comma and line feed after it.
 */
function bytesAt(value: object, depth: number): number {
  let n = measured.get(value);
  if (n === undefined) {
    const json = JSON.stringify(value, null, 2);
    let lines = 1;
    for (let i = json.indexOf('\n'); i !== -1; i = json.indexOf('\n', i + 1)) lines++;
    n = utf8Length(json) + 2 * depth * lines + 2;
    measured.set(value, n);
  }
  return n;
}

/**
 * Room every node keeps for what moving and collapsing it may add without a check of the size:
 * a position (its key, and x and y of the longest form a coordinate within the limit takes,
 * "-1.2345678901234567e-300") and an entry in the collapsed list, each with its indentation.
 */
const POSITION_ROOM = 2 + 6 + 4 + 2 * (8 + 5 + 24 + 2) + 8;
const COLLAPSED_ROOM = 6 + 2 + 2;
/** Changing a relation's kind may lengthen it by as much ("opposes" to "qualifies"). */
const KIND_ROOM = 2;

/**
 * An upper bound of utf8Length(serializeMap(map)) — and of any map that differs from it only by
 * moving or collapsing nodes or changing the kind of relations, the edits not checked for size.
 * Cheap for a map whose records were measured before.
 */
export function savedBytesBound(map: ArgumentMap): number {
  const frame = serializeMap({ ...map, sources: {}, nodes: {}, relations: {}, evaluations: {}, comments: {}, view: { ...map.view, positions: {}, collapsed: [] } });
  // The frame's empty lists "[]" open onto lines of their own once they hold records: a few bytes each.
  let n = utf8Length(frame) + 32;
  for (const r of Object.values(map.sources)) n += bytesAt(r, 2);
  for (const r of Object.values(map.evaluations ?? {})) n += bytesAt(r, 2);
  for (const r of Object.values(map.comments ?? {})) n += bytesAt(r, 2);
  for (const r of Object.values(map.relations)) n += bytesAt(r, 2) + KIND_ROOM;
  for (const node of Object.values(map.nodes)) n += nodeBytes(node);
  // A position takes the room its node keeps for it, or more (one with fields of a later version).
  for (const p of Object.values(map.view.positions)) n += Math.max(0, bytesAt(p, 3) + 2 - POSITION_ROOM);
  return n;
}

const nodeMeasured = new WeakMap<ArgNode, number>();

/** A node, and the room it keeps for its id as the key of a position (whatever its coordinates) and in the collapsed list. */
function nodeBytes(node: ArgNode): number {
  let n = nodeMeasured.get(node);
  if (n === undefined) {
    const id = utf8Length(JSON.stringify(node.id));
    n = bytesAt(node, 2) + id + POSITION_ROOM + id + COLLAPSED_ROOM;
    nodeMeasured.set(node, n);
  }
  return n;
}

/**
 * Null when `next` saves to a file the loader opens; else the sentence, with the size it would
 * have. `advice` says what to do instead.
 */
export function savedSizeProblem(next: ArgumentMap, advice = 'Shorten the longest texts, or split the map.'): string | null {
  if (savedBytesBound(next) <= MAX_FILE_BYTES) return null;
  const bytes = utf8Length(serializeMap(next));
  return bytes > MAX_FILE_BYTES
    ? `With this change the map would be ${formatBytes(bytes)} when saved, and Argument Atlas opens maps of up to ${formatBytes(MAX_FILE_BYTES)}. ${advice}`
    : null;
}
