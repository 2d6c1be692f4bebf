// Cards by grid cell, for the router (routing.ts): the cards near a relation's ends, and those a
// routed line crosses, found without a scan of the map.
import type { Rect } from '../geometry';
import type { Id, Point } from '../model';

export const inflate = (r: Rect, by: number): Rect => ({ x: r.x - by, y: r.y - by, w: r.w + 2 * by, h: r.h + 2 * by });

/** The area to search for cards near a segment: its box widened by `by`. */
export function segmentBox(a: Point, b: Point, by: number): Rect {
  return { x: Math.min(a.x, b.x) - by, y: Math.min(a.y, b.y) - by, w: Math.abs(a.x - b.x) + 2 * by, h: Math.abs(a.y - b.y) + 2 * by };
}

/** Cards by grid cell, to find those near a relation or along a segment without a scan of the map. */
export class CardGrid {
  private cells = new Map<string, [Id, Rect][]>();
  private list: [Id, Rect][] = [];
  private order = new Map<[Id, Rect], number>();
  private byId = new Map<Id, Rect>();
  private static readonly CELL = 400;
  add(id: Id, r: Rect): void {
    const entry: [Id, Rect] = [id, r];
    this.byId.set(id, r);
    this.order.set(entry, this.list.length);
    this.list.push(entry);
    const c = CardGrid.CELL;
    const span = (Math.floor((r.x + r.w) / c) - Math.floor(r.x / c) + 1) * (Math.floor((r.y + r.h) / c) - Math.floor(r.y / c) + 1);
    if (span > 4096) return void this.cells.set('*', [...(this.cells.get('*') ?? []), entry]);
    for (let i = Math.floor(r.x / c); i <= Math.floor((r.x + r.w) / c); i++)
      for (let j = Math.floor(r.y / c); j <= Math.floor((r.y + r.h) / c); j++) {
        const k = `${i},${j}`;
        const l = this.cells.get(k);
        if (l) l.push(entry);
        else this.cells.set(k, [entry]);
      }
  }
  all(): readonly [Id, Rect][] {
    return this.list;
  }
  /** The rectangle added for a card. */
  rect(id: Id): Rect | undefined {
    return this.byId.get(id);
  }
  /** How many cards overlap `area`, counted up to a little past `limit`. */
  count(area: Rect, limit: number): number {
    const n = this.within(area).length;
    return n > limit ? limit + 1 : n;
  }
  /** The cards overlapping any of `areas`, each once, in the order added. */
  withinAll(areas: readonly Rect[]): [Id, Rect][] {
    if (areas.length === 1) return this.within(areas[0]!);
    const found = new Set<[Id, Rect]>();
    for (const a of areas) for (const e of this.within(a)) found.add(e);
    return this.inOrder(found);
  }
  /** The cards overlapping `area`, each once, in the order added. */
  within(area: Rect): [Id, Rect][] {
    const c = CardGrid.CELL;
    const cols = Math.floor((area.x + area.w) / c) - Math.floor(area.x / c) + 1;
    const rows = Math.floor((area.y + area.h) / c) - Math.floor(area.y / c) + 1;
    const overlaps = ([, r]: [Id, Rect]) => r.x < area.x + area.w && area.x < r.x + r.w && r.y < area.y + area.h && area.y < r.y + r.h;
    if (!(cols * rows <= this.cells.size)) return this.list.filter(overlaps);
    const found = new Set<[Id, Rect]>(this.cells.get('*') ?? []);
    for (let i = Math.floor(area.x / c), n = 0; n < cols; i++, n++)
      for (let j = Math.floor(area.y / c), m = 0; m < rows; j++, m++) for (const e of this.cells.get(`${i},${j}`) ?? []) found.add(e);
    return this.inOrder([...found].filter(overlaps));
  }
  private inOrder(entries: Iterable<[Id, Rect]>): [Id, Rect][] {
    return [...entries].sort((a, b) => this.order.get(a)! - this.order.get(b)!);
  }
}

/** The cards (not the relation's own, shrunk by a pixel for the touch at its ends) that a line crosses. */
export function crossings(line: readonly Point[], grid: CardGrid, own: ReadonlySet<Id>, buffer: number): Rect[] {
  const out: Rect[] = [];
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    for (const [id, r] of grid.within(segmentBox(a, b, buffer))) if (!own.has(id) && segmentHitsRect(a, b, inflate(r, -1))) out.push(r);
  }
  return out;
}

/** Whether segment a-b passes through the inside of r (Liang-Barsky clipping). */
export function segmentHitsRect(a: Point, b: Point, r: Rect): boolean {
  if (r.w <= 0 || r.h <= 0) return false;
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  let t0 = 0;
  let t1 = 1;
  for (const [p, q] of [
    [-dx, a.x - r.x],
    [dx, r.x + r.w - a.x],
    [-dy, a.y - r.y],
    [dy, r.y + r.h - a.y],
  ] as const) {
    if (p === 0) {
      if (q <= 0) return false;
      continue;
    }
    const t = q / p;
    if (p < 0) t0 = Math.max(t0, t);
    else t1 = Math.min(t1, t);
    if (t0 >= t1) return false;
  }
  return t0 < t1;
}
