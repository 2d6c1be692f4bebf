// The figure geometry checks shared by the edge tests: the segments a path draws, and whether
// any crosses a card other than its relation's own ends.
import type { Rect } from '../../../arguments/geometry';
import type { FigureLayout } from '../../../arguments/export/layout';
import type { ArgumentMap, Point } from '../../../arguments/model';
import { segmentHitsRect } from '../../../arguments/layout/routing';

/** The straight segments of a path d (M, L, H, V; a Q curve by its control polygon, which holds it). */
export function segmentsOf(d: string): [Point, Point][] {
  const out: [Point, Point][] = [];
  let at: Point = { x: 0, y: 0 };
  for (const m of d.matchAll(/([MLQHV])\s*([-\d.,\s]+)/g)) {
    const nums = m[2]!.trim().split(/[\s,]+/).map(Number);
    const to = (p: Point) => {
      out.push([at, p]);
      at = p;
    };
    if (m[1] === 'M') at = { x: nums[0]!, y: nums[1]! };
    else if (m[1] === 'L') to({ x: nums[0]!, y: nums[1]! });
    else if (m[1] === 'H') to({ x: nums[0]!, y: at.y });
    else if (m[1] === 'V') to({ x: at.x, y: nums[0]! });
    else {
      to({ x: nums[0]!, y: nums[1]! });
      to({ x: nums[2]!, y: nums[3]! });
    }
  }
  return out;
}

const inset = (r: Rect, by: number): Rect => ({ x: r.x + by, y: r.y + by, w: r.w - 2 * by, h: r.h - 2 * by });
export const overlap = (a: Rect, b: Rect) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;

/** "relation r crosses card N" for every segment of a drawn arrow through a card that is not one of its ends. */
export function crossingsIn(layout: FigureLayout, map: ArgumentMap): string[] {
  const problems: string[] = [];
  for (const e of layout.edges) {
    const r = map.relations[e.id]!;
    // An undercut's own card is its attacker only: it ends on a point, and passes the attacked inference's cards like any other.
    const own = new Set(r.kind === 'undercuts' ? r.from : [...r.from, r.to]);
    for (const d of e.paths)
      for (const [a, b] of segmentsOf(d))
        for (const n of layout.nodes) if (!own.has(n.id) && segmentHitsRect(a, b, inset(n, 2))) problems.push(`${e.id} crosses ${n.id} between ${a.x},${a.y} and ${b.x},${b.y}`);
  }
  return problems;
}

/** Every word on an arrow: inside the figure, over no card and no other word. */
export function labelProblems(layout: FigureLayout): string[] {
  const problems: string[] = [];
  const labels = layout.edges.filter((e) => e.label).map((e) => ({ id: e.id, box: e.label!.box }));
  for (const { id, box } of labels) {
    const x = box.x + layout.offset.x;
    const y = box.y + layout.offset.y;
    if (x < 0 || y < 0 || x + box.w > layout.width || y + box.h > layout.height) problems.push(`${id}'s word is outside the figure`);
    for (const n of layout.nodes) if (overlap(box, n)) problems.push(`${id}'s word covers ${n.id}`);
  }
  for (let i = 0; i < labels.length; i++) for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i]!.box, labels[j]!.box)) problems.push(`${labels[i]!.id}'s word covers ${labels[j]!.id}'s`);
  return problems;
}
