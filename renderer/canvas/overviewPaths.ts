// The overview's drawing (renderer/canvas/Overview.tsx), apart from React: each kind's cards as
// one SVG path, and the view box that holds the cards and the part of the map in view.
import type { Rect } from '../../arguments/geometry';
import type { ArgumentMap, Id, NodeKind } from '../../arguments/model';
import type { Size } from './toFlow';

/** The margin around the boxes, in overview pixels (React Flow's MiniMap keeps 5). */
const MARGIN = 5;

export const OVERVIEW_SIZE = { width: 150, height: 110 } as const;

/** Each kind's boxes as one SVG path, and the boxes' bounds (null: no box). */
export function overviewPaths(map: ArgumentMap, sizeOf: (id: Id) => Size | undefined, hidden: ReadonlySet<Id>): { paths: Partial<Record<NodeKind, string>>; bounds: Rect | null } {
  const parts = new Map<NodeKind, string[]>();
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  const positions = map.view.positions;
  for (const id of Object.keys(map.nodes)) {
    if (hidden.has(id) || !Object.hasOwn(positions, id)) continue;
    const p = positions[id]!;
    const s = sizeOf(id) ?? { width: 260, height: 110 };
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    const w = Math.round(s.width);
    const h = Math.round(s.height);
    const kind = map.nodes[id]!.kind;
    let list = parts.get(kind);
    if (!list) parts.set(kind, (list = []));
    list.push(`M${x} ${y}h${w}v${h}h${-w}z`);
    if (x < x0) x0 = x;
    if (y < y0) y0 = y;
    if (x + w > x1) x1 = x + w;
    if (y + h > y1) y1 = y + h;
  }
  const paths: Partial<Record<NodeKind, string>> = {};
  for (const [kind, list] of parts) paths[kind] = list.join('');
  return { paths, bounds: x0 === Infinity ? null : { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } };
}

/** The overview's view box (flow coordinates): the boxes and the view, centred, at the overview's aspect, MARGIN pixels clear of its edges. */
export function overviewBox(bounds: Rect | null, view: Rect, size: { width: number; height: number } = OVERVIEW_SIZE): { x: number; y: number; w: number; h: number } {
  const b = bounds ?? view;
  const x = Math.min(b.x, view.x);
  const y = Math.min(b.y, view.y);
  const w = Math.max(b.x + b.w, view.x + view.w) - x;
  const h = Math.max(b.y + b.h, view.y + view.h) - y;
  const scale = Math.max(w / (size.width - 2 * MARGIN), h / (size.height - 2 * MARGIN), 1e-6);
  const vw = scale * size.width;
  const vh = scale * size.height;
  return { x: x + w / 2 - vw / 2, y: y + h / 2 - vh / 2, w: vw, h: vh };
}
