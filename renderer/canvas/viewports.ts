// Where the view goes: the opening view of a document (its thesis and the claims that bear on
// it, legible), a set of nodes fitted into the window (the selection, or a claim and what bears
// on it). Pure arithmetic on the cards' boxes; the canvas applies the result.
import type { Viewport } from '@xyflow/react';
import type { Rect } from '../../arguments/geometry';
import { CARD } from '../../arguments/layout/cardSize';
import { rectOfNode, type SizeOf } from '../../arguments/layout/direction';
import { anchorOf, compareSiblings, type Sibling } from '../../arguments/layout/layered';
import type { ArgumentMap, Id } from '../../arguments/model';

/** Body text on screen at this size or more reads comfortably on a laptop. */
export const LEGIBLE_TEXT_PX = 11.5;
export const LEGIBLE_ZOOM = LEGIBLE_TEXT_PX / CARD.bodyPx;
/** Below this zoom body text would be under 8 px: cards show their kind and title in large type instead. */
export const SUMMARY_BELOW = 8 / CARD.bodyPx;
/** Below this zoom a card is under ~100 px wide on screen: its summary keeps the kind's glyph, drops its name. */
export const FAR_BELOW = 100 / CARD.width;
/** A single card zoomed to is shown a little larger than life, not filling the window. */
const MAX_FIT_ZOOM = 1.25;

export interface CanvasSize {
  width: number;
  height: number;
}

/** Room kept free around what is fitted: the zoom controls sit at the left, the overview at the right. */
export const FIT_MARGIN = { left: 56, right: 24, top: 20, bottom: 20 };

export function boundsOf(rects: readonly Rect[]): Rect | null {
  if (rects.length === 0) return null;
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return { x, y, w: Math.max(...rects.map((r) => r.x + r.w)) - x, h: Math.max(...rects.map((r) => r.y + r.h)) - y };
}

/** The zoom at which `b` fits the canvas inside FIT_MARGIN. */
export function zoomToFit(b: Rect, canvas: CanvasSize): number {
  const w = Math.max(1, canvas.width - FIT_MARGIN.left - FIT_MARGIN.right);
  const h = Math.max(1, canvas.height - FIT_MARGIN.top - FIT_MARGIN.bottom);
  return Math.min(w / Math.max(1, b.w), h / Math.max(1, b.h));
}

/** `b` centred in the canvas (inside FIT_MARGIN) at `zoom`. */
export function centredOn(b: Rect, canvas: CanvasSize, zoom: number): Viewport {
  const cx = FIT_MARGIN.left + (canvas.width - FIT_MARGIN.left - FIT_MARGIN.right) / 2;
  const cy = FIT_MARGIN.top + (canvas.height - FIT_MARGIN.top - FIT_MARGIN.bottom) / 2;
  return { x: cx - (b.x + b.w / 2) * zoom, y: cy - (b.y + b.h / 2) * zoom, zoom };
}

/** The view that fits `rects`, at most MAX_FIT_ZOOM and at least `minZoom`. */
export function fitRects(rects: readonly Rect[], canvas: CanvasSize, minZoom: number): Viewport | null {
  const b = boundsOf(rects);
  if (!b) return null;
  return centredOn(b, canvas, Math.max(minZoom, Math.min(MAX_FIT_ZOOM, zoomToFit(b, canvas))));
}

/** What bears directly on `id`, in the layout's order (claims in numbered order first). */
export function reasonsInOrder(map: ArgumentMap, id: Id): Id[] {
  const siblings = new Map<Id, Sibling>();
  for (const r of Object.values(map.relations)) {
    if (anchorOf(map, r) !== id) continue;
    for (const f of r.from) if (f !== id && Object.hasOwn(map.nodes, f) && !siblings.has(f)) siblings.set(f, { node: map.nodes[f]!, kind: r.kind });
  }
  return [...siblings.values()].sort(compareSiblings).map((s) => s.node.id);
}

/**
 * A document opens on its (first) thesis and what bears on it, in order, as many of them as fit
 * the window at a legible zoom (LEGIBLE_ZOOM or more), centred; at most life size. Null for a
 * map without a placed thesis (the canvas then fits the whole map).
 */
export function openingViewport(map: ArgumentMap, sizeOf: SizeOf, canvas: CanvasSize): Viewport | null {
  const theses = Object.values(map.nodes)
    .filter((n) => n.kind === 'thesis' && Object.hasOwn(map.view.positions, n.id))
    .sort((a, b) => compareSiblings({ node: a, kind: 'supports' }, { node: b, kind: 'supports' }));
  if (theses.length === 0) return null;
  const thesis = theses[0]!.id;
  const shown: Rect[] = [rectOfNode(map, thesis, sizeOf)!];
  for (const id of reasonsInOrder(map, thesis)) {
    const r = rectOfNode(map, id, sizeOf);
    if (!r) continue;
    if (zoomToFit(boundsOf([...shown, r])!, canvas) < LEGIBLE_ZOOM) break;
    shown.push(r);
  }
  const b = boundsOf(shown)!;
  return centredOn(b, canvas, Math.min(1, zoomToFit(b, canvas)));
}
