// Plain rectangles, shared by the canvas (screen) and the figure exporter (paper).
import type { Point } from './model';

export interface Rect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export const centre = (r: Rect): Point => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 });

/** The smallest rectangle holding all of `rects` (a linked inference's co-premises). */
export function union(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  const x2 = Math.max(...rects.map((r) => r.x + r.w));
  const y2 = Math.max(...rects.map((r) => r.y + r.h));
  return { x, y, w: x2 - x, h: y2 - y };
}
