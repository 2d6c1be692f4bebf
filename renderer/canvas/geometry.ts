// Where arrows start and end. An inference has a point of its own — the midpoint of a
// single-premise arrow, or the join where linked co-premises meet — and an undercut
// ends there, on the arrow it attacks; an undercut of an undercut ends on the middle of
// the undercut's own line.
import type { InternalNode, XYPosition } from '@xyflow/react';
import { centre, union, type Rect } from '../../arguments/geometry';
import { gaps, type FlowDirection } from '../../arguments/layout/direction';
import { DEFAULT_NODE_SIZE } from '../../arguments/layout/layered';

export { union, type Rect };

export function rectOf(n: InternalNode | undefined): Rect | null {
  if (!n) return null;
  const { x, y } = n.internals.positionAbsolute;
  return { x, y, w: n.measured.width ?? n.width ?? DEFAULT_NODE_SIZE.width, h: n.measured.height ?? n.height ?? DEFAULT_NODE_SIZE.height };
}

export type Axis = 'x' | 'y';

/**
 * From a premise to what it bears on: leave by the side facing the target. Side by side boxes
 * join side to side, stacked ones top to bottom; diagonal ones along the map's reading direction.
 */
export function anchors(from: Rect, to: Rect, direction: FlowDirection): { s: XYPosition; t: XYPosition; axis: Axis } {
  const { dx, dy } = gaps(from, to);
  const axis: Axis = dy < 0 ? 'x' : dx < 0 ? 'y' : direction === 'right' ? 'x' : 'y';
  const a = centre(from);
  const b = centre(to);
  if (axis === 'x')
    return a.x >= b.x
      ? { s: { x: from.x, y: a.y }, t: { x: to.x + to.w, y: b.y }, axis }
      : { s: { x: from.x + from.w, y: a.y }, t: { x: to.x, y: b.y }, axis };
  return a.y >= b.y
    ? { s: { x: a.x, y: from.y }, t: { x: b.x, y: to.y + to.h }, axis }
    : { s: { x: a.x, y: from.y + from.h }, t: { x: b.x, y: to.y }, axis };
}

/** Where the premises' arrows join before one arrow goes on to the target. */
export function joinPoint(premises: readonly Rect[], target: Rect, direction: FlowDirection): XYPosition {
  const { s, t } = anchors(union(premises), target, direction);
  return { x: s.x + (t.x - s.x) * 0.4, y: s.y + (t.y - s.y) * 0.4 };
}

/** The point an undercut attacks: the join of a linked inference, or the arrow's midpoint. */
export function inferencePoint(premises: readonly Rect[], target: Rect, direction: FlowDirection): XYPosition {
  if (premises.length > 1) return joinPoint(premises, target, direction);
  const { s, t } = anchors(premises[0]!, target, direction);
  return { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
}

/** A gentle S-curve from a to b, leaving and arriving along `axis`. */
export function curve(a: XYPosition, b: XYPosition, axis: Axis): string {
  if (axis === 'x') {
    const dx = (b.x - a.x) / 2;
    return `M${a.x},${a.y} C${a.x + dx},${a.y} ${b.x - dx},${b.y} ${b.x},${b.y}`;
  }
  const dy = (b.y - a.y) / 2;
  return `M${a.x},${a.y} C${a.x},${a.y + dy} ${b.x},${b.y - dy} ${b.x},${b.y}`;
}

/** The point at u (0 to 1) of `curve(a, b, axis)`. */
export function curveAt(a: XYPosition, b: XYPosition, axis: Axis, u: number): XYPosition {
  const c1 = axis === 'y' ? { x: a.x, y: (a.y + b.y) / 2 } : { x: (a.x + b.x) / 2, y: a.y };
  const c2 = axis === 'y' ? { x: b.x, y: (a.y + b.y) / 2 } : { x: (a.x + b.x) / 2, y: b.y };
  const v = 1 - u;
  return {
    x: v * v * v * a.x + 3 * v * v * u * c1.x + 3 * v * u * u * c2.x + u * u * u * b.x,
    y: v * v * v * a.y + 3 * v * v * u * c1.y + 3 * v * u * u * c2.y + u * u * u * b.y,
  };
}

/** An undercut's line: from the side of its attacker facing the attacked point, bending into it. */
export interface UndercutLine {
  start: XYPosition;
  control: XYPosition;
  end: XYPosition;
}

export function undercutLine(from: Rect, point: XYPosition): UndercutLine {
  const side = point.x < from.x ? 0 : point.x > from.x + from.w ? from.w : from.w / 2;
  const start = { x: from.x + side, y: from.y + from.h / 2 };
  if (side === from.w / 2) start.y = point.y < from.y ? from.y : from.y + from.h;
  return { start, control: { x: (start.x + point.x) / 2, y: start.y }, end: point };
}

export const undercutPath = (l: UndercutLine): string => `M${l.start.x},${l.start.y} Q${l.control.x},${l.control.y} ${l.end.x},${l.end.y}`;

/** The point at u of an undercut's line; at 0.5 it is where an undercut of this undercut ends. */
export function undercutAt(l: UndercutLine, u: number): XYPosition {
  const v = 1 - u;
  return { x: v * v * l.start.x + 2 * v * u * l.control.x + u * u * l.end.x, y: v * v * l.start.y + 2 * v * u * l.control.y + u * u * l.end.y };
}

/**
 * The point an undercut attacks, for a chain: the base inference's point, then, for each
 * undercut in between (innermost first), the middle of that undercut's line.
 */
export function attackPoint(premises: readonly Rect[], target: Rect, undercutters: readonly Rect[], direction: FlowDirection): XYPosition {
  let point = inferencePoint(premises, target, direction);
  for (const u of undercutters) point = undercutAt(undercutLine(u, point), 0.5);
  return point;
}
