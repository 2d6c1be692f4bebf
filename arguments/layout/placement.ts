// Where a new node goes: in free space next to what it relates to, never on another card, and
// without moving anything already placed. A reason for a node goes where that node's reasons
// are (after the last of them, in the map's reading direction: below it in a column, or beside
// it in a row), or, the first one, a layer beyond the node; a node with nothing to relate to
// goes as near the asked-for point (the view's centre, the point right-clicked) as is free.
// Pasted nodes move as one group, keeping their arrangement.
//
// The search is a sweep along lanes: a lane is one column (or row) of the map where the box may
// go; in each lane the box slides forward and back from its ideal spot past every card in the
// way, and the free spot nearest the ideal one wins. Linear in the number of cards per lane.
import type { Rect } from '../geometry';
import type { ArgumentMap, Id, Point } from '../model';
import { gaps, readingDirection, rectOfNode, type FlowDirection, type SizeOf } from './direction';
import { anchorOf, DEFAULT_NODE_SIZE, type Size } from './layered';

/** Room kept between a new card and its neighbours (the auto-layout's gap within a column). */
export const PLACEMENT_GAP = 24;
/** How far the first reason for a node stands from it (the auto-layout's gap between columns). */
export const LAYER_GAP = 120;

type Axis = 'x' | 'y';

/** Rects swapped across the diagonal, so one sweep serves columns and rows. */
const flip = (r: Rect): Rect => ({ x: r.y, y: r.x, w: r.h, h: r.w });

/**
 * In one lane (the box's x fixed), the free y nearest `y` going forward and going back: the box
 * keeps PLACEMENT_GAP from every card whose x range it shares.
 */
function sweepColumn(cards: readonly Rect[], box: Rect): number[] {
  const g = PLACEMENT_GAP;
  const lane = cards.filter((c) => c.x < box.x + box.w + g && box.x < c.x + c.w + g);
  let down = box.y;
  for (const c of [...lane].sort((a, b) => a.y - b.y)) {
    if (c.y + c.h + g <= down) continue;
    if (c.y >= down + box.h + g) break;
    down = Math.max(down, c.y + c.h + g);
  }
  let bottom = box.y + box.h;
  for (const c of [...lane].sort((a, b) => b.y + b.h - (a.y + a.h))) {
    if (c.y - g >= bottom) continue;
    if (c.y + c.h + g <= bottom - box.h) break;
    bottom = Math.min(bottom, c.y - g);
  }
  return [down, bottom - box.h];
}

/**
 * The free spot for a box of `size` nearest `ideal` (its top-left corner), among the lanes
 * `ideal` shifted across `stack` by each of `lanes` (in box widths plus a gap): along `stack`
 * the box slides past the cards in its way.
 */
export function nearestFree(cards: readonly Rect[], size: Size, ideal: Point, stack: Axis, lanes: readonly number[]): Point {
  const t = stack === 'y' ? (r: Rect) => r : flip;
  const box = t({ x: ideal.x, y: ideal.y, w: size.width, h: size.height });
  const flipped = stack === 'y' ? cards : cards.map(flip);
  let best: Point | null = null;
  let bestDistance = Infinity;
  for (const k of lanes) {
    const x = box.x + k * (box.w + LAYER_GAP);
    for (const y of sweepColumn(flipped, { ...box, x })) {
      const d = Math.hypot(x - box.x, y - box.y);
      if (d < bestDistance) {
        bestDistance = d;
        best = stack === 'y' ? { x, y } : { x: y, y: x };
      }
    }
  }
  return { x: Math.round(best!.x), y: Math.round(best!.y) };
}

/** Every card's box (a node the map never placed is drawn at the origin, so it stands there). */
function cardsOf(map: ArgumentMap, sizeOf: SizeOf): Rect[] {
  return Object.keys(map.nodes).map((id) => rectOfNode(map, id, sizeOf) ?? { x: 0, y: 0, w: (sizeOf(id) ?? DEFAULT_NODE_SIZE).width, h: (sizeOf(id) ?? DEFAULT_NODE_SIZE).height });
}

/** The nodes laid out as bearing on `id`: its premises, what qualifies or opposes it, and the undercutters of its inferences. */
export function reasonsFor(map: ArgumentMap, id: Id): Id[] {
  const out = new Set<Id>();
  for (const r of Object.values(map.relations)) if (anchorOf(map, r) === id) for (const f of r.from) if (f !== id && Object.hasOwn(map.nodes, f)) out.add(f);
  return [...out];
}

/**
 * A new node of `size` bearing on `parent` (a reason for it, or a node added while it is
 * selected): after the last of the parent's reasons, else one layer beyond the parent, in the
 * map's reading direction; the nearest free spot to that.
 */
export function placeNear(map: ArgumentMap, sizeOf: SizeOf, parent: Id, size: Size, direction: FlowDirection = readingDirection(map, sizeOf)): Point | null {
  const p = rectOfNode(map, parent, sizeOf);
  if (!p) return null;
  const cards = cardsOf(map, sizeOf);
  const stack: Axis = direction === 'right' ? 'y' : 'x';
  // Reasons on the far side of the parent (not ones the historian put elsewhere).
  const beyond = (r: Rect) => {
    const { dx, dy } = gaps(r, p);
    return direction === 'right' ? r.x > p.x && dx > 0 : r.y > p.y && dy > 0;
  };
  const siblings = reasonsFor(map, parent)
    .map((id) => rectOfNode(map, id, sizeOf))
    .filter((r): r is Rect => r !== undefined && beyond(r));
  let ideal: Point;
  if (siblings.length > 0) {
    const end = (r: Rect) => (stack === 'y' ? r.y + r.h : r.x + r.w);
    const last = siblings.reduce((a, b) => (end(b) > end(a) ? b : a));
    ideal = stack === 'y' ? { x: last.x, y: last.y + last.h + PLACEMENT_GAP } : { x: last.x + last.w + PLACEMENT_GAP, y: last.y };
  } else ideal = direction === 'right' ? { x: p.x + p.w + LAYER_GAP, y: p.y } : { x: p.x, y: p.y + p.h + LAYER_GAP };
  return nearestFree(cards, size, ideal, stack, [0, 1, 2]);
}

/** A new node of `size` that relates to nothing yet: the free spot nearest `at` (its top-left corner). */
export function placeFree(map: ArgumentMap, sizeOf: SizeOf, at: Point, size: Size, direction: FlowDirection = readingDirection(map, sizeOf)): Point {
  return nearestFree(cardsOf(map, sizeOf), size, at, direction === 'right' ? 'y' : 'x', [0, 1, -1, 2, -2]);
}

/**
 * Pasted nodes, at `positions` as copied (with their sizes): the offset that moves them, as one
 * group, to the free spot nearest a step beyond where they were copied from.
 */
export function placeGroup(map: ArgumentMap, sizeOf: SizeOf, group: readonly Rect[], direction: FlowDirection = readingDirection(map, sizeOf)): Point {
  if (group.length === 0) return { x: 0, y: 0 };
  const x = Math.min(...group.map((r) => r.x));
  const y = Math.min(...group.map((r) => r.y));
  const w = Math.max(...group.map((r) => r.x + r.w)) - x;
  const h = Math.max(...group.map((r) => r.y + r.h)) - y;
  const at = placeFree(map, sizeOf, { x: x + 40, y: y + 40 }, { width: w, height: h }, direction);
  return { x: at.x - x, y: at.y - y };
}
