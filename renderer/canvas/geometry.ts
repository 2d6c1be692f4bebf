// Where arrows start and end. An inference has a point of its own — the midpoint of a
// single-premise arrow, or the join where linked co-premises meet — and an undercut
// ends there, on the arrow it attacks.
import type { InternalNode, XYPosition } from '@xyflow/react';
import { centre, union, type Rect } from '../../arguments/geometry';

export { union, type Rect };

export function rectOf(n: InternalNode | undefined): Rect | null {
  if (!n) return null;
  const { x, y } = n.internals.positionAbsolute;
  return { x, y, w: n.measured.width ?? n.width ?? 240, h: n.measured.height ?? n.height ?? 80 };
}


/** From a premise to what it bears on: leave by the side facing the target. */
export function anchors(from: Rect, to: Rect): { s: XYPosition; t: XYPosition; upward: boolean } {
  const upward = centre(from).y >= centre(to).y;
  return upward
    ? { s: { x: from.x + from.w / 2, y: from.y }, t: { x: to.x + to.w / 2, y: to.y + to.h }, upward }
    : { s: { x: from.x + from.w / 2, y: from.y + from.h }, t: { x: to.x + to.w / 2, y: to.y }, upward };
}

/** Where the premises' arrows join before one arrow goes on to the target. */
export function joinPoint(premises: readonly Rect[], target: Rect): XYPosition {
  const box = union(premises);
  const { s, t } = anchors(box, target);
  return { x: s.x + (t.x - s.x) * 0.4, y: s.y + (t.y - s.y) * 0.4 };
}

/** The point an undercut attacks: the join of a linked inference, or the arrow's midpoint. */
export function inferencePoint(premises: readonly Rect[], target: Rect): XYPosition {
  if (premises.length > 1) return joinPoint(premises, target);
  const { s, t } = anchors(premises[0]!, target);
  return { x: (s.x + t.x) / 2, y: (s.y + t.y) / 2 };
}

/** A gentle vertical S-curve from a to b. */
export function curve(a: XYPosition, b: XYPosition): string {
  const dy = (b.y - a.y) / 2;
  return `M${a.x},${a.y} C${a.x},${a.y + dy} ${b.x},${b.y - dy} ${b.x},${b.y}`;
}
