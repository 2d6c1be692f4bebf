// The overview's drawing (renderer/canvas/Overview.tsx), apart from React: each kind's cards as
// SVG path per voice, and the view box that holds the cards and the part of the map in view.
import type { Rect } from '../../arguments/geometry';
import { NODE_KINDS, type ArgumentMap, type Id, type NodeKind } from '../../arguments/model';
import type { Visibility } from '../status/layersState';
import { visibilityOf } from './layers';
import type { Size } from './toFlow';

/** The margin around the boxes, in overview pixels (React Flow's MiniMap keeps 5). */
const MARGIN = 5;

export const OVERVIEW_SIZE = { width: 150, height: 110 } as const;

/** One kind's boxes in one voice: a path, and where its boxes reach. */
export interface OverviewGroup {
  kind: NodeKind;
  voice: string | undefined;
  d: string;
  bounds: Rect;
}

/**
 * The boxes of the cards not in `hidden` (collapsed away), one path for each kind and voice, in
 * NODE_KINDS order. Grouped by voice so hiding or showing a voice's layer picks groups
 * (shownGroups) and draws nothing anew: at 10,000 cards the redraw was most of a toggle.
 */
export function overviewGroups(map: ArgumentMap, sizeOf: (id: Id) => Size | undefined, hidden: ReadonlySet<Id>): OverviewGroup[] {
  const parts = new Map<NodeKind, Map<string | undefined, { list: string[]; x0: number; y0: number; x1: number; y1: number }>>();
  const positions = map.view.positions;
  for (const id of Object.keys(map.nodes)) {
    if (hidden.has(id) || !Object.hasOwn(positions, id)) continue;
    const p = positions[id]!;
    const s = sizeOf(id) ?? { width: 260, height: 110 };
    const x = Math.round(p.x);
    const y = Math.round(p.y);
    const w = Math.round(s.width);
    const h = Math.round(s.height);
    const node = map.nodes[id]!;
    let byVoice = parts.get(node.kind);
    if (!byVoice) parts.set(node.kind, (byVoice = new Map()));
    let g = byVoice.get(node.voice);
    if (!g) byVoice.set(node.voice, (g = { list: [], x0: Infinity, y0: Infinity, x1: -Infinity, y1: -Infinity }));
    g.list.push(`M${x} ${y}h${w}v${h}h${-w}z`);
    if (x < g.x0) g.x0 = x;
    if (y < g.y0) g.y0 = y;
    if (x + w > g.x1) g.x1 = x + w;
    if (y + h > g.y1) g.y1 = y + h;
  }
  const out: OverviewGroup[] = [];
  for (const kind of NODE_KINDS)
    for (const [voice, g] of parts.get(kind) ?? []) out.push({ kind, voice, d: g.list.join(''), bounds: { x: g.x0, y: g.y0, w: g.x1 - g.x0, h: g.y1 - g.y0 } });
  return out;
}

/** The groups of the voices not hidden, and the bounds of their boxes (null: no box). */
export function shownGroups(groups: readonly OverviewGroup[], visibility: Readonly<Record<string, Visibility>>): { groups: OverviewGroup[]; bounds: Rect | null } {
  const shown = groups.filter((g) => visibilityOf(visibility, g.voice) !== 'hidden');
  if (shown.length === 0) return { groups: shown, bounds: null };
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const { bounds: b } of shown) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.w);
    y1 = Math.max(y1, b.y + b.h);
  }
  return { groups: shown, bounds: { x: x0, y: y0, w: x1 - x0, h: y1 - y0 } };
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
