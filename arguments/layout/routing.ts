// Arrows routed around the cards, on screen and in figures, by libavoid (Adaptagrams, as the
// WASM port libavoid-js): orthogonal routes that keep a buffer from every card but their own
// ends. ELK's edge routing only routes the layouts ELK itself computes (its layered algorithm
// places the nodes); a map's cards stay where the historian put them, and libavoid routes among
// fixed shapes. Each relation is routed among the cards near it, and kept until those change.
//
// Pure: the loaded library is handed in (the CLI loads the Node build, the renderer the browser
// build with the .wasm URL), so this module has no file system, DOM or network.
//
// What is routed, per relation:
//   - one premise: premise -> target, the inference point at the middle of the line (by length);
//   - linked premises: each premise -> one join (a fixed point in free space between the premises
//     and the target), then join -> target; the join is the inference point;
//   - an undercut: attacker -> the attacked relation's inference point (a point, not a card: the
//     attacked relation's own line arrives there; its cards may be passed only as any other card,
//     with the buffer). An undercut of an undercut ends on the middle of that undercut's line.
import type { Rect } from '../geometry';
import type { Id, Point, RelationKind } from '../model';
import { Obstacles } from '../export/obstacles';
import { CardGrid, crossings, inflate, segmentBox, segmentHitsRect } from './cardGrid';
import { facingSegment } from './straight';

export { segmentHitsRect };

/** The part of libavoid-js's API used here (its own typings do not resolve under "exports"). */
export interface AvoidLibrary {
  OrthogonalRouting: number;
  shapeBufferDistance: number;
  idealNudgingDistance: number;
  segmentPenalty: number;
  nudgeOrthogonalSegmentsConnectedToShapes: number;
  nudgeSharedPathsWithCommonEndPoint: number;
  ConnDirUp: number;
  ConnDirDown: number;
  ConnDirLeft: number;
  ConnDirRight: number;
  Router: new (flags: number) => AvoidRouter;
  Point: new (x: number, y: number) => AvoidObject & { x: number; y: number };
  Rectangle: new (topLeft: AvoidObject, bottomRight: AvoidObject) => AvoidObject;
  ShapeRef: new (router: AvoidRouter, polygon: AvoidObject) => AvoidObject;
  ShapeConnectionPin: new (shape: AvoidObject, classId: number, x: number, y: number, proportional: boolean, insideOffset: number, dirs: number) => AvoidObject;
  ConnEnd: { new (point: AvoidObject): AvoidObject; new (shape: AvoidObject, classId: number): AvoidObject };
  ConnRef: new (router: AvoidRouter, src: AvoidObject, dst: AvoidObject) => AvoidConnector;
  destroy(obj: AvoidObject): void;
}
export type AvoidObject = object;
export interface AvoidPin extends AvoidObject {
  setExclusive(exclusive: boolean): void;
}
export interface AvoidRouter extends AvoidObject {
  processTransaction(): void;
  deleteConnector(c: AvoidConnector): void;
  moveShape(shape: AvoidObject, polygon: AvoidObject): void;
  deleteShape(shape: AvoidObject): void;
  setRoutingParameter(parameter: number, value: number): void;
  setRoutingOption(option: number, value: boolean): void;
}
export interface AvoidConnector extends AvoidObject {
  displayRoute(): { size(): number; get_ps(i: number): { x: number; y: number } };
  setDestEndpoint(end: AvoidObject): void;
}

/** A relation as the router sees it: `to` is a node id, or for an undercut the relation it attacks. */
export interface RoutedRelation {
  kind: RelationKind;
  from: readonly Id[];
  to: Id;
}

export interface EdgeRoute {
  /** Linked premises: each premise's line to the join, in `from` order; empty for one premise. */
  branches: Point[][];
  /** The arrow's line: premise (or join) -> the target card's side; for an undercut -> the attacked point. */
  line: Point[];
  /** Where undercuts of this relation end: the join of linked premises, else the middle of `line`. */
  inference: Point;
}

export interface RoutingOptions {
  /** Clearance kept between a line and every card (px). */
  buffer?: number;
  /** Distance between parallel lines nudged apart (px). */
  nudging?: number;
  /** Draw lined-up arrows with nothing in the way without a router (straight.ts); on unless false (the tests compare both). */
  shortcut?: boolean;
  /**
   * Solves many routers' problems at once (the CLI's threads, arguments/cli/routerPool.ts), each
   * answer exactly what solveRouterJob gives; null for a problem it did not solve (solved here).
   */
  solveMany?: SolveMany;
}

/** One router's problem: the cards it sees and the lines it routes among them. */
export interface RouterJob {
  cards: readonly [Id, Rect][];
  lines: readonly { from: Id | Point; to: Id | Point }[];
}
export interface RouterParameters {
  buffer: number;
  nudging: number;
}
export type SolveMany = (jobs: readonly RouterJob[], parameters: RouterParameters) => readonly (Point[][] | null)[];
/** Fewer problems than this are solved here: handing them to threads costs more than it saves. */
const MIN_SHARED_JOBS = 64;

export class RoutingError extends Error {
  readonly code = 'routing-failed';
}

/** A relation's place in the routes while its problem is being solved. */
const PENDING: EdgeRoute = { branches: [], line: [], inference: { x: 0, y: 0 } };
/** The pins of a card: the middle of each side, leaving outwards. */
const PIN = 1;
const usable = (r: Rect) => [r.x, r.y, r.w, r.h].every(Number.isFinite) && r.w > 0 && r.h > 0;
/** Clearance around a relation's own ends within which its router sees the cards. */
const REGION_MARGIN = 120;
/** Widenings of a region when a route left it and crossed a card the router did not see. */
const MAX_WIDENINGS = 4;
/** Cards a relation's router sees around its ends before it sees only the corridors between them. */
const REGION_BUDGET = 60;

/** One relation's routing problem: its ends, the cards near them, and what it gave. */
interface Job {
  key: string;
  routes: Point[][];
}
/** One attempt at a relation's problem: the areas its router sees, the cards in them, and the key of the two. */
interface Attempt {
  areas: Rect[];
  seen: [Id, Rect][];
  key: string;
}

/**
 * Routes relations around cards. libavoid's orthogonal router slows down steeply with the
 * number of shapes and the length of the lines (one router over a 1,000-card map takes tens of
 * seconds), so each relation is routed by a router of its own that sees only the cards near its
 * ends; a route that leaves that region and crosses a card is routed again with the region
 * widened. Results are kept per relation, keyed by its ends and the cards its router saw, so a
 * later call after a move reroutes only the relations near the moved cards.
 */
export class EdgeRouter {
  private cache = new Map<Id, Job>();
  private readonly buffer: number;
  private readonly nudging: number;
  private readonly shortcut: boolean;
  private readonly solveMany: SolveMany | undefined;
  /** Routers built on the last call (for the benchmark and the tests of the cache). */
  lastRouted = 0;

  constructor(
    private readonly avoid: AvoidLibrary,
    options: RoutingOptions = {},
  ) {
    this.buffer = options.buffer ?? 10;
    this.nudging = options.nudging ?? 6;
    this.shortcut = options.shortcut !== false;
    this.solveMany = options.solveMany;
  }

  /**
   * Routes `relations` among `cards` (every card is an obstacle but a relation's own). A relation
   * with a premise or target that is not a card here (or an undercut of a relation not routed, or
   * a circle of undercuts) gets no route.
   */
  route(cards: ReadonlyMap<Id, Rect>, relations: ReadonlyMap<Id, RoutedRelation>): Map<Id, EdgeRoute> {
    try {
      return this.routeAll(cards, relations);
    } catch (err) {
      throw new RoutingError(`The arrows could not be routed around the cards (${err instanceof Error ? err.message : String(err)}).`);
    }
  }

  private routeAll(cards: ReadonlyMap<Id, Rect>, relations: ReadonlyMap<Id, RoutedRelation>): Map<Id, EdgeRoute> {
    this.lastRouted = 0;
    const grid = new CardGrid();
    for (const [id, r] of cards) if (usable(r)) grid.add(id, r);
    const card = (id: Id) => (cards.has(id) && usable(cards.get(id)!) ? cards.get(id)! : undefined);
    const free = new Obstacles();
    for (const [, r] of grid.all()) free.add(inflate(r, this.buffer));
    const out = new Map<Id, EdgeRoute>();
    const kept = new Map<Id, Job>();

    /** Where a relation's router first looks. */
    const firstAreas = (own: readonly Id[], ends: readonly Point[]): Rect[] => {
      const endRects = [...own.map((o) => card(o)!), ...ends.map((p) => ({ x: p.x, y: p.y, w: 0, h: 0 }))];
      const box = inflate(bounds(endRects), REGION_MARGIN);
      // A long relation (a cross-link over a branch) sees the cards along the two elbows between
      // its ends, not the whole rectangle they span: a router's cost grows steeply with its cards.
      return grid.count(box, REGION_BUDGET) <= REGION_BUDGET ? [box] : corridors(endRects);
    };
    const jobKey = (lines: RouterJob['lines'], seen: readonly [Id, Rect][]) =>
      `${lines.map((l) => `${endKey(l.from)}>${endKey(l.to)}`).join(';')}|${seen.map(([i, r]) => `${i}:${r.x},${r.y},${r.w},${r.h}`).join(';')}`;
    /** A relation's first attempt: where its router looks, the cards it sees there, and the key of that problem. */
    const firstAttempt = (own: readonly Id[], ends: readonly Point[], lines: RouterJob['lines']): Attempt => {
      const areas = firstAreas(own, ends);
      const seen = grid.withinAll(areas);
      return { areas, seen, key: jobKey(lines, seen) };
    };
    /** Routes solved ahead, by job key (the first attempts of the relations, shared among threads). */
    const ahead = new Map<string, Point[][]>();

    const solve = (id: Id, own: readonly Id[], lines: RouterJob['lines'], first: Attempt): Point[][] => {
      let { areas, seen, key } = first;
      for (let attempt = 0; ; attempt++) {
        const cached = this.cache.get(id);
        const routes = cached && cached.key === key ? cached.routes : (ahead.get(key) ?? solveRouterJob(this.avoid, { cards: seen, lines }, { buffer: this.buffer, nudging: this.nudging }));
        if (!(cached && cached.key === key)) this.lastRouted++;
        const crossed = routes.flatMap((line) => crossings(line, grid, new Set(own), this.buffer));
        if (crossed.length === 0 || attempt >= MAX_WIDENINGS) {
          kept.set(id, { key, routes });
          return routes;
        }
        areas = [...areas, ...crossed.map((r) => inflate(r, REGION_MARGIN))];
        seen = grid.withinAll(areas);
        key = jobKey(lines, seen);
      }
    };

    // Each premise relation's problem; the first attempts are independent of each other, so
    // they may be solved ahead, together (a widened region or an undercut is solved in turn).
    const problems: { id: Id; own: Id[]; ends: Point[]; lines: RouterJob['lines']; first: Attempt }[] = [];
    const problem = (id: Id, own: Id[], ends: Point[], lines: RouterJob['lines']) => problems.push({ id, own, ends, lines, first: firstAttempt(own, ends, lines) });
    for (const [id, r] of relations) {
      if (r.kind === 'undercuts' || !r.from.every(card) || !card(r.to) || r.from.includes(r.to)) continue;
      if (r.from.length === 1) {
        // Lined up with nothing in the way: libavoid's route is the straight segment, no router needed.
        const straight = this.straight(grid, r.from[0]!, r.to);
        if (straight) out.set(id, { branches: [], line: straight[0]!, inference: pointAlong(straight[0]!, 0.5) });
        else {
          // Its place in the order (undercuts come after what they attack): filled below.
          out.set(id, PENDING);
          problem(id, [r.from[0]!, r.to], [], [{ from: r.from[0]!, to: r.to }]);
        }
        continue;
      }
      const join = joinPoint(r.from.map((f) => card(f)!), card(r.to)!, free, this.buffer);
      out.set(id, PENDING);
      problem(id, [...r.from, r.to], [join], [...r.from.map((f) => ({ from: f, to: join })), { from: join, to: r.to }]);
    }
    if (this.solveMany) {
      const jobs = new Map<string, RouterJob>();
      for (const { id, lines, first } of problems) if (this.cache.get(id)?.key !== first.key) jobs.set(first.key, { cards: first.seen, lines });
      if (jobs.size >= MIN_SHARED_JOBS) {
        const answers = this.solveMany([...jobs.values()], { buffer: this.buffer, nudging: this.nudging });
        [...jobs.keys()].forEach((key, i) => answers[i] && ahead.set(key, answers[i]!));
      }
    }
    for (const p of problems) {
      const lines = solve(p.id, p.own, p.lines, p.first);
      if (p.ends.length === 0) out.set(p.id, { branches: [], line: lines[0]!, inference: pointAlong(lines[0]!, 0.5) });
      else out.set(p.id, { branches: lines.slice(0, -1), line: lines[lines.length - 1]!, inference: p.ends[0]! });
    }
    // Undercuts, level by level: each ends on the inference point of the line it attacks.
    let pending = [...relations].filter(([, r]) => r.kind === 'undercuts' && r.from.length >= 1 && card(r.from[0]!) && relations.has(r.to));
    while (pending.length > 0) {
      const ready = pending.filter(([, r]) => out.has(r.to));
      if (ready.length === 0) break; // a circle of undercuts: nothing to end on
      for (const [id, r] of ready) {
        const at = out.get(r.to)!.inference;
        const own = [r.from[0]!];
        const lines = [{ from: r.from[0]!, to: at }];
        const [line] = solve(id, own, lines, firstAttempt(own, [at], lines));
        out.set(id, { branches: [], line: line!, inference: pointAlong(line!, 0.5) });
      }
      pending = pending.filter(([id]) => !out.has(id));
    }
    this.cache = kept;
    return out;
  }

  /** The straight segment between two lined-up cards when no other card comes within the buffer of it (straight.ts); else null. */
  private straight(grid: CardGrid, from: Id, to: Id): Point[][] | null {
    const line = this.shortcut ? facingSegment(grid.rect(from)!, grid.rect(to)!, this.buffer) : null;
    if (!line) return null;
    // A pixel past the buffer: a line along a buffer's edge is left to libavoid.
    const by = this.buffer + 1;
    for (const [id, r] of grid.within(segmentBox(line[0], line[1], by))) if (id !== from && id !== to && segmentHitsRect(line[0], line[1], inflate(r, by))) return null;
    return [line];
  }

}

/** One router over the cards of a region, the lines routed, the router freed (here, or in a thread of routerPool.ts). */
export function solveRouterJob(A: AvoidLibrary, { cards, lines }: RouterJob, { buffer, nudging }: RouterParameters): Point[][] {
  const router = new A.Router(A.OrthogonalRouting);
  try {
    router.setRoutingParameter(A.shapeBufferDistance, buffer);
    router.setRoutingParameter(A.idealNudgingDistance, nudging);
    router.setRoutingParameter(A.segmentPenalty, 20);
    router.setRoutingOption(A.nudgeOrthogonalSegmentsConnectedToShapes, true);
    router.setRoutingOption(A.nudgeSharedPathsWithCommonEndPoint, true);
    const shapes = new Map<Id, AvoidObject>();
    for (const [id, r] of cards) {
      const a = new A.Point(r.x, r.y);
      const b = new A.Point(r.x + r.w, r.y + r.h);
      const poly = new A.Rectangle(a, b);
      const ref = new A.ShapeRef(router, poly);
      for (const o of [a, b, poly]) A.destroy(o);
      for (const [x, y, dir] of [[0.5, 0, A.ConnDirUp], [0.5, 1, A.ConnDirDown], [0, 0.5, A.ConnDirLeft], [1, 0.5, A.ConnDirRight]] as const)
        // Not exclusive: a claim takes many arrows at the middle of one side.
        (new A.ShapeConnectionPin(ref, PIN, x, y, true, 0, dir) as AvoidPin).setExclusive(false);
      shapes.set(id, ref);
    }
    const end = (e: Id | Point): AvoidObject => {
      if (typeof e === 'string') {
        // libavoid aborts (for good) on an end without its shape: never hand it one.
        const shape = shapes.get(e);
        if (!shape) throw new RoutingError(`card ${e} is not among the router's shapes`);
        return new A.ConnEnd(shape, PIN);
      }
      const p = new A.Point(e.x, e.y);
      const c = new A.ConnEnd(p);
      A.destroy(p);
      return c;
    };
    const connectors = lines.map((l) => {
      const [s, t] = [end(l.from), end(l.to)];
      const c = new A.ConnRef(router, s, t);
      A.destroy(s);
      A.destroy(t);
      return c;
    });
    router.processTransaction();
    return connectors.map(polyline);
  } finally {
    // The router deletes its shapes, pins and connectors with it.
    A.destroy(router);
  }
}

/** Routes once: what a figure needs. */
export function routeEdges(avoid: AvoidLibrary, cards: ReadonlyMap<Id, Rect>, relations: ReadonlyMap<Id, RoutedRelation>, options?: RoutingOptions): Map<Id, EdgeRoute> {
  return new EdgeRouter(avoid, options).route(cards, relations);
}

const endKey = (e: Id | Point) => (typeof e === 'string' ? `#${e}` : `${e.x},${e.y}`);

/** Bands along both elbows (horizontal then vertical, and vertical then horizontal) from the first end to the others. */
function corridors(ends: readonly Rect[]): Rect[] {
  const c = ends.map((r) => ({ x: r.x + r.w / 2, y: r.y + r.h / 2 }));
  const band = (a: Point, b: Point) => inflate(bounds([{ x: a.x, y: a.y, w: 0, h: 0 }, { x: b.x, y: b.y, w: 0, h: 0 }]), REGION_MARGIN + 40);
  const out = ends.map((r) => inflate(r, REGION_MARGIN));
  for (let i = 1; i < c.length; i++) {
    const [a, b] = [c[0]!, c[i]!];
    out.push(band(a, { x: b.x, y: a.y }), band({ x: b.x, y: a.y }, b), band(a, { x: a.x, y: b.y }), band({ x: a.x, y: b.y }, b));
  }
  return out;
}

function bounds(rects: readonly Rect[]): Rect {
  const x = Math.min(...rects.map((r) => r.x));
  const y = Math.min(...rects.map((r) => r.y));
  return { x, y, w: Math.max(...rects.map((r) => r.x + r.w)) - x, h: Math.max(...rects.map((r) => r.y + r.h)) - y };
}

const signature = (r: RoutedRelation) => `${r.kind} ${r.from.join('\u0000')} > ${r.to}`;

function polyline(c: AvoidConnector): Point[] {
  const route = c.displayRoute();
  const out: Point[] = [];
  for (let i = 0; i < route.size(); i++) {
    const p = route.get_ps(i);
    const last = out[out.length - 1];
    if (!last || last.x !== p.x || last.y !== p.y) out.push({ x: p.x, y: p.y });
  }
  return out;
}


/** The length of a polyline. */
export function lengthOf(line: readonly Point[]): number {
  let sum = 0;
  for (let i = 1; i < line.length; i++) sum += Math.hypot(line[i]!.x - line[i - 1]!.x, line[i]!.y - line[i - 1]!.y);
  return sum;
}

/** The point at fraction t (0 to 1) of a polyline's length. */
export function pointAlong(line: readonly Point[], t: number): Point {
  if (line.length === 0) return { x: 0, y: 0 };
  let left = lengthOf(line) * Math.max(0, Math.min(1, t));
  for (let i = 1; i < line.length; i++) {
    const a = line[i - 1]!;
    const b = line[i]!;
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (left <= len && len > 0) return { x: a.x + ((b.x - a.x) * left) / len, y: a.y + ((b.y - a.y) * left) / len };
    left -= len;
  }
  return { ...line[line.length - 1]! };
}

/**
 * Where linked premises meet: on the way from the side of their group facing the target to the
 * target, a little nearer the premises; moved to the nearest free spot when a card is there.
 */
export function joinPoint(premises: readonly Rect[], target: Rect, free: Obstacles, buffer: number): Point {
  const x1 = Math.min(...premises.map((r) => r.x));
  const y1 = Math.min(...premises.map((r) => r.y));
  const x2 = Math.max(...premises.map((r) => r.x + r.w));
  const y2 = Math.max(...premises.map((r) => r.y + r.h));
  const c = { x: (x1 + x2) / 2, y: (y1 + y2) / 2 };
  const t = { x: target.x + target.w / 2, y: target.y + target.h / 2 };
  const sideBySide = y1 < target.y + target.h && target.y < y2;
  const s = sideBySide ? { x: t.x >= c.x ? x2 : x1, y: c.y } : { x: c.x, y: t.y >= c.y ? y2 : y1 };
  const e = sideBySide ? { x: t.x >= c.x ? target.x : target.x + target.w, y: t.y } : { x: t.x, y: t.y >= c.y ? target.y : target.y + target.h };
  const ideal = { x: Math.round(s.x + (e.x - s.x) * 0.45), y: Math.round(s.y + (e.y - s.y) * 0.45) };
  const taken = (p: Point) => free.hits({ x: p.x - 1, y: p.y - 1, w: 2, h: 2 });
  if (!taken(ideal)) return ideal;
  // Rings of candidates around the ideal point, nearest first.
  const step = Math.max(4, buffer);
  for (let ring = 1; ring <= 60; ring++)
    for (let i = -ring; i <= ring; i++)
      for (const p of [
        { x: ideal.x + i * step, y: ideal.y - ring * step },
        { x: ideal.x + i * step, y: ideal.y + ring * step },
        { x: ideal.x - ring * step, y: ideal.y + i * step },
        { x: ideal.x + ring * step, y: ideal.y + i * step },
      ])
        if (!taken(p)) return p;
  return ideal;
}
