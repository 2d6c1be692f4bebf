// Where a figure's labels may not go: the nodes and the labels already placed, in a grid of
// cells, so placing the labels of a map of thousands of relations stays linear.
import type { Rect } from '../geometry';

/** Rectangles labels must not cover (nodes, labels already placed), in a grid of cells. */
export class Obstacles {
  private cells = new Map<string, Rect[]>();
  /** Rectangles over more cells than MAX_CELLS (numbers a grid cannot count: a map made in memory past the limits), checked one by one. */
  private large: Rect[] = [];
  private static readonly CELL = 200;
  private static readonly MAX_CELLS = 4096;
  add(r: Rect): void {
    const keys = this.keys(r);
    if (!keys) return void this.large.push(r);
    for (const key of keys) {
      const list = this.cells.get(key);
      if (list) list.push(r);
      else this.cells.set(key, [r]);
    }
  }
  hits(r: Rect): boolean {
    const overlaps = (o: Rect) => r.x < o.x + o.w && o.x < r.x + r.w && r.y < o.y + o.h && o.y < r.y + r.h;
    if (this.large.some(overlaps)) return true;
    const keys = this.keys(r);
    if (!keys) return [...this.cells.values()].some((list) => list.some(overlaps));
    return keys.some((key) => (this.cells.get(key) ?? []).some(overlaps));
  }
  /** The cells a rectangle covers; null when they are too many to list (or its numbers are not ones a grid can count). */
  private keys(r: Rect): string[] | null {
    const c = Obstacles.CELL;
    const [i0, i1, j0, j1] = [Math.floor(r.x / c), Math.floor((r.x + r.w) / c), Math.floor(r.y / c), Math.floor((r.y + r.h) / c)];
    if (![i0, i1, j0, j1].every(Number.isSafeInteger) || (i1 - i0 + 1) * (j1 - j0 + 1) > Obstacles.MAX_CELLS) return null;
    const out: string[] = [];
    for (let i = i0; i <= i1; i++) for (let j = j0; j <= j1; j++) out.push(`${i},${j}`);
    return out;
  }
}
