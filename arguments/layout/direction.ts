// Which way a map reads: its reasons to the right of what they bear on (the auto-layout's
// columns), or below it (maps arranged in rows, as the layout did before). Read from the map's
// own arrangement, so arrows leave by the sides that face along the argument and a new reason
// goes where its siblings are, whichever way the historian arranged the map.
import type { Rect } from '../geometry';
import type { ArgumentMap, Id } from '../model';
import { DEFAULT_NODE_SIZE, type Size } from './layered';

export type FlowDirection = 'right' | 'down';

/** The auto-layout's direction (layered.ts lays columns out left to right). */
export const LAYOUT_DIRECTION: FlowDirection = 'right';

export type SizeOf = (id: Id) => Size | undefined;

/** The box of a placed node (DEFAULT_NODE_SIZE where it was never measured); undefined if unplaced. */
export function rectOfNode(map: ArgumentMap, id: Id, sizeOf: SizeOf): Rect | undefined {
  if (!Object.hasOwn(map.view.positions, id)) return undefined;
  const p = map.view.positions[id]!;
  const s = sizeOf(id) ?? DEFAULT_NODE_SIZE;
  return { x: p.x, y: p.y, w: s.width, h: s.height };
}

/** Gaps between two boxes along x and along y (negative: they overlap along that axis). */
export function gaps(a: Rect, b: Rect): { dx: number; dy: number } {
  return { dx: Math.max(a.x, b.x) - Math.min(a.x + a.w, b.x + b.w), dy: Math.max(a.y, b.y) - Math.min(a.y + a.h, b.y + b.h) };
}

/**
 * How the map reads, by a vote of its inferences: a premise beside what it bears on (side by side,
 * overlapping in height) votes for 'right', one straight below or above it for 'down'; diagonal
 * ones abstain (a claim's far reasons fan out either way). No votes, or a tie: LAYOUT_DIRECTION.
 */
export function readingDirection(map: ArgumentMap, sizeOf: SizeOf = () => undefined): FlowDirection {
  let beside = 0;
  let below = 0;
  for (const r of Object.values(map.relations)) {
    if (r.kind === 'undercuts' || !Object.hasOwn(map.nodes, r.to)) continue;
    const to = rectOfNode(map, r.to, sizeOf);
    if (!to) continue;
    for (const f of r.from) {
      const from = rectOfNode(map, f, sizeOf);
      if (!from) continue;
      const { dx, dy } = gaps(from, to);
      if (dx > 0 && dy < 0) beside++;
      else if (dy > 0 && dx < 0) below++;
    }
  }
  return below > beside ? 'down' : beside > below ? 'right' : LAYOUT_DIRECTION;
}
