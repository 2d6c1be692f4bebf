// The arrows libavoid would draw as one straight segment, found without building a router for
// them. A premise straight above, below or beside its target, with nothing within the buffer of
// the segment between their facing sides, has one best orthogonal route: that segment, between
// the middles of the two sides (every other pair of pins is farther apart and needs a bend).
// libavoid gives exactly it (checked on every such arrow of the bench's 1,000-node map and in
// tests/unit/layout/straight.test.ts); building a router for it costs about a millisecond each.
import type { Rect } from '../geometry';
import type { Point } from '../model';

/**
 * A card's pins as libavoid places them (ShapeConnectionPin with proportional offsets: the box's
 * minimum plus the offset times its width), so the numbers are libavoid's to the last bit.
 */
function pins(r: Rect): { up: Point; down: Point; left: Point; right: Point } {
  const [x2, y2] = [r.x + r.w, r.y + r.h];
  const cx = r.x + 0.5 * (x2 - r.x);
  const cy = r.y + 0.5 * (y2 - r.y);
  return { up: { x: cx, y: r.y }, down: { x: cx, y: y2 }, left: { x: r.x, y: cy }, right: { x: x2, y: cy } };
}

/**
 * The straight segment between the facing sides of `from` and `to` when their middles line up
 * exactly and they stand more than two buffers apart (neither end inside the other card's
 * buffer); null otherwise. Whether other cards are in the way is the caller's question.
 */
export function facingSegment(from: Rect, to: Rect, buffer: number): [Point, Point] | null {
  const a = pins(from);
  const b = pins(to);
  const gap = 2 * buffer + 2;
  if (a.up.x === b.up.x) {
    if (a.down.y + gap < b.up.y) return [a.down, b.up];
    if (b.down.y + gap < a.up.y) return [a.up, b.down];
  }
  if (a.left.y === b.left.y) {
    if (a.right.x + gap < b.left.x) return [a.right, b.left];
    if (b.right.x + gap < a.left.x) return [a.left, b.right];
  }
  return null;
}
