// The arrows of a figure: lines routed around the cards (arguments/layout/routing.ts, with the
// libavoid registered in routes.ts), their heads, the linked premises' boxes, and a word on
// every line whose kind its pattern alone would leave in doubt (opposes, qualifies, undercuts),
// placed on the line where it covers no card and no other word.
import { centre, union, type Rect } from '../geometry';
import { routeEdges, lengthOf, pointAlong, RoutingError, type EdgeRoute, type RoutedRelation } from '../layout/routing';
import type { Id, Relation, RelationKind } from '../model';
import type { EdgeGeometry, Point, TextBlock } from './layout';
import { block } from './layout';
import { measure } from './metrics';
import type { Obstacles } from './obstacles';
import { figureRouting, MAX_ROUTED_RELATIONS, type FigureRouting } from './routes';
import type { Theme } from './themes';

export { MAX_ROUTED_RELATIONS };

const HEAD_LENGTH = 9;
/** Clearance between a line and the cards it passes (px at the figure's scale). */
const CLEARANCE = 12;
const CORNER = 6;

const f = (n: number) => String(Math.round(n * 100) / 100);
const pt = (p: Point) => `${f(p.x)},${f(p.y)}`;

/** The word each kind of relation carries on its line; supports is the plain solid arrow. */
export const EDGE_WORDS = { supports: '', opposes: 'opposes', qualifies: 'qualifies', undercuts: 'undercuts' } as const satisfies Record<RelationKind, string>;

/** A polyline drawn with rounded corners (the corner's curve stays inside the bend). */
export function roundedPath(line: readonly Point[], radius = CORNER): string {
  if (line.length === 0) return '';
  let d = `M${pt(line[0]!)}`;
  for (let i = 1; i < line.length - 1; i++) {
    const [a, b, c] = [line[i - 1]!, line[i]!, line[i + 1]!];
    const l1 = Math.hypot(b.x - a.x, b.y - a.y);
    const l2 = Math.hypot(c.x - b.x, c.y - b.y);
    const r = Math.min(radius, l1 / 2, l2 / 2);
    if (r <= 0.5) {
      d += ` L${pt(b)}`;
      continue;
    }
    const p = { x: b.x - ((b.x - a.x) / l1) * r, y: b.y - ((b.y - a.y) / l1) * r };
    const q = { x: b.x + ((c.x - b.x) / l2) * r, y: b.y + ((c.y - b.y) / l2) * r };
    d += ` L${pt(p)} Q${pt(b)} ${pt(q)}`;
  }
  if (line.length > 1) d += ` L${pt(line[line.length - 1]!)}`;
  return d;
}

/** The line without its last `by` px (where the arrowhead is drawn). */
function shortened(line: readonly Point[], by: number): Point[] {
  const len = lengthOf(line);
  if (len <= by || line.length < 2) return [...line];
  const keep = (len - by) / len;
  const end = pointAlong(line, keep);
  const out: Point[] = [line[0]!];
  let walked = 0;
  for (let i = 1; i < line.length; i++) {
    walked += Math.hypot(line[i]!.x - line[i - 1]!.x, line[i]!.y - line[i - 1]!.y);
    if (walked >= len - by) break;
    out.push(line[i]!);
  }
  out.push(end);
  return out;
}

function arrival(line: readonly Point[]): Point {
  const b = line[line.length - 1]!;
  for (let i = line.length - 2; i >= 0; i--) {
    const a = line[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len > 0) return { x: (b.x - a.x) / len, y: (b.y - a.y) / len };
  }
  return { x: 1, y: 0 };
}

/** Where along a line (fraction of its length) a word is tried first: the middle, then either way. */
const LABEL_TRIES = [0.5, 0.62, 0.38, 0.74, 0.26, 0.86, 0.14];

/**
 * A word on a line at the first place along it where it covers no card and no other word: the
 * middle when free, else anywhere along the line (every few px), else just beside it.
 */
function edgeLabel(text: string, lines: readonly (readonly Point[])[], theme: Theme, obstacles: Obstacles): { text: TextBlock; box: Rect } | undefined {
  const size = theme.size.edgeLabel;
  const width = measure(text, 'italic', size);
  const lh = size * theme.lineHeight;
  const boxAt = (p: Point) => ({ x: p.x - width / 2 - 3, y: p.y - lh / 2, w: width + 6, h: lh });
  // Tried in order, each made only when the ones before it are taken (most words sit at the middle).
  function* along(): Generator<Point> {
    for (const line of lines) {
      const len = lengthOf(line);
      if (len === 0) continue;
      for (const t of LABEL_TRIES) yield pointAlong(line, t);
      const steps = Math.min(400, Math.ceil(len / 6));
      for (let i = 1; i < steps; i++) yield pointAlong(line, i / steps);
    }
  }
  function* spots(): Generator<Point> {
    yield* along();
    for (const p of along()) for (const s of [-1, 1]) yield* [{ x: p.x, y: p.y + s * (lh / 2 + 2) }, { x: p.x + s * (width / 2 + 5), y: p.y }];
    // A line too short for its word (two cards side by side): the nearest free spot around its middle, straight above or below first.
    const middle = lines[0] && lines[0].length > 0 ? pointAlong(lines[0], 0.5) : undefined;
    if (middle)
      for (let ring = 1; ring <= 24; ring++) {
        const r = ring * (lh / 2);
        yield* [{ x: middle.x, y: middle.y - r }, { x: middle.x, y: middle.y + r }];
        for (let k = 1; k < 8; k++) {
          const a = (k / 8) * Math.PI;
          yield* [{ x: middle.x + Math.cos(a) * r * 2, y: middle.y - Math.sin(a) * r }, { x: middle.x + Math.cos(a) * r * 2, y: middle.y + Math.sin(a) * r }];
        }
      }
  }
  let chosen: Point | undefined;
  for (const p of spots())
    if (!obstacles.hits(boxAt(p))) {
      chosen = p;
      break;
    }
  if (!chosen) return undefined;
  const box = boxAt(chosen);
  obstacles.add(box);
  return { text: block([{ text, width }], 'italic', size, theme.lineHeight, chosen.x, box.y, 'middle'), box };
}

/** From a premise to what it bears on, without a router: side facing the target to side facing back. */
function anchors(from: Rect, to: Rect): { s: Point; t: Point } {
  const a = centre(from);
  const b = centre(to);
  if (from.y < to.y + to.h && to.y < from.y + from.h)
    return b.x >= a.x ? { s: { x: from.x + from.w, y: a.y }, t: { x: to.x, y: b.y } } : { s: { x: from.x, y: a.y }, t: { x: to.x + to.w, y: b.y } };
  return a.y >= b.y ? { s: { x: a.x, y: from.y }, t: { x: b.x, y: to.y + to.h } } : { s: { x: a.x, y: from.y + from.h }, t: { x: b.x, y: to.y } };
}

/** Straight lines between the cards' sides: the figure's lines when libavoid could not be loaded. */
function unrouted(rects: ReadonlyMap<Id, Rect>, relations: readonly Relation[]): Map<Id, EdgeRoute> {
  const out = new Map<Id, EdgeRoute>();
  for (const r of relations) {
    if (r.kind === 'undercuts' || !r.from.every((id) => rects.has(id)) || !rects.has(r.to)) continue;
    const to = rects.get(r.to)!;
    const premises = r.from.map((id) => rects.get(id)!);
    const { s, t } = anchors(premises.length > 1 ? union(premises) : premises[0]!, to);
    if (premises.length === 1) out.set(r.id, { branches: [], line: [s, t], inference: pointAlong([s, t], 0.5) });
    else {
      const j = pointAlong([s, t], 0.45);
      out.set(r.id, { branches: premises.map((p) => [anchors(p, to).s, j]), line: [j, t], inference: j });
    }
  }
  for (let pending = relations.filter((r) => r.kind === 'undercuts'); pending.length > 0; ) {
    const ready = pending.filter((r) => out.has(r.to) && rects.has(r.from[0]!));
    if (ready.length === 0) break;
    for (const r of ready) {
      const at = out.get(r.to)!.inference;
      const c = centre(rects.get(r.from[0]!)!);
      const line = [c, at];
      out.set(r.id, { branches: [], line, inference: pointAlong(line, 0.5) });
    }
    pending = pending.filter((r) => !out.has(r.id));
  }
  return out;
}

/**
 * Every relation's arrow among the figure's cards, routed (or, when the router could not be
 * loaded, straight, with the reason in `unrouted`). `obstacles` holds the cards; each word placed
 * is added to it.
 */
export function layoutEdges(relations: readonly Relation[], rects: ReadonlyMap<Id, Rect>, theme: Theme, obstacles: Obstacles): { edges: EdgeGeometry[]; unrouted?: string } {
  const registered = figureRouting();
  // Routing grows faster than the map (bench/routing.ts: about 1 s at 300 arrows, minutes at 3,000): past the cap, straight lines, said.
  const routing: FigureRouting =
    registered.avoid && relations.length > MAX_ROUTED_RELATIONS
      ? { avoid: null, reason: `the figure has ${relations.length.toLocaleString('en-US')} arrows, more than the ${MAX_ROUTED_RELATIONS.toLocaleString('en-US')} routed in one figure; export a claim or a selection to have them routed` }
      : registered;
  const routed = new Map<Id, RoutedRelation>(relations.map((r) => [r.id, { kind: r.kind, from: r.from, to: r.to }]));
  let failed: string | null = null;
  let routes: Map<Id, EdgeRoute>;
  try {
    routes = routing.avoid ? routeEdges(routing.avoid, rects, routed, { buffer: CLEARANCE, solveMany: routing.solveMany }) : unrouted(rects, relations);
  } catch (err) {
    // A router that fails (libavoid's WebAssembly can abort) must not cost the figure: it is drawn, with straight lines, and says why.
    if (!(err instanceof RoutingError)) throw err;
    failed = err.message;
    routes = unrouted(rects, relations);
  }
  const headLen = HEAD_LENGTH * Math.max(0.75, theme.stroke.edge / 1.5);
  const edges: EdgeGeometry[] = [];
  // The linked boxes' words first: they are drawn inside the boxes, where no other word may go.
  const boxes = new Map<Id, EdgeGeometry['linkedBox']>();
  for (const r of relations) {
    if (r.kind === 'undercuts' || r.from.length < 2 || !routes.has(r.id)) continue;
    const box = union(r.from.map((id) => rects.get(id)!));
    const pad = 8;
    const size = theme.size.edgeLabel;
    const lh = size * theme.lineHeight;
    const boxRect = { x: box.x - pad, y: box.y - pad, w: box.w + 2 * pad, h: box.h + 2 * pad + lh };
    const text = 'linked premises';
    const width = measure(text, 'italic', size);
    const label = block([{ text, width }], 'italic', size, theme.lineHeight, boxRect.x + boxRect.w / 2, box.y + box.h + pad / 2, 'middle');
    obstacles.add({ x: label.x - width / 2, y: box.y + box.h + pad / 2, w: width, h: lh });
    boxes.set(r.id, { box: boxRect, label });
  }
  // In the router's order: what is attacked before its undercuts.
  const byId = new Map(relations.map((r) => [r.id, r]));
  for (const [id, route] of routes) {
    const r = byId.get(id)!;
    const word = EDGE_WORDS[r.kind];
    const tip = route.line[route.line.length - 1]!;
    const dir = arrival(route.line);
    const undercut = r.kind === 'undercuts';
    const linked = !undercut && r.from.length > 1;
    edges.push({
      id,
      kind: r.kind,
      paths: [...route.branches.map((b) => roundedPath(b)), roundedPath(undercut ? route.line : shortened(route.line, headLen))],
      head: { tip, dir, kind: r.kind },
      ...(undercut ? {} : { inference: { at: route.inference, joint: linked } }),
      label: word ? edgeLabel(word, [route.line, ...route.branches], theme, obstacles) : undefined,
      ...(linked ? { linkedBox: boxes.get(id) } : {}),
    });
  }
  if (failed !== null) return { edges, unrouted: `The arrows are drawn straight: ${failed}` };
  return routing.avoid ? { edges } : { edges, unrouted: `The arrows are drawn straight, not routed around the cards: ${routing.reason}.` };
}
