// Page-ready figures: the arrangement of a scope that fits a target width at a legible type
// size. The figure is laid out afresh (the map's own arrangement is made for a screen, not a
// page) with ELK's layered layout and the figure's own card sizes, then scaled to exactly the
// target width; it fits when its smallest type is at least the minimum and it is no taller
// than the page allows.
//
// The order of attempts (the first that fits is chosen, so the same map and target always
// give the same figure):
//   1. detail: full, then title + statement, then titles only (only the one asked for, if any);
//   2. direction: left to right (the app's reading direction), then top down;
//   3. compaction: the theme's spacing, then tight spacing;
//   4. card width (the wrap width): the widest of CARD_SCALES × the theme's card width whose
//      figure is narrow enough. One probe at the theme's width tells how many cards stand side
//      by side; the width that would fit is estimated from it, tried, and narrower ones tried
//      while the figure is still too wide. Narrower cards only make a figure taller, so a
//      figure too tall at the widest width that fits is not tried narrower (one wider width is
//      tried once, in case the estimate was cautious).
// Before any layout, a detail level whose cards alone, printed at the smallest legible scale,
// would cover more than the page is passed over: a map of very long texts never lays out in
// vain. Every fitting is bounded by MAX_LAYOUTS layouts.
import type { ElkNode } from 'elkjs/lib/elk-api';
import type { ArgumentMap, Id } from '../model';
import type { LayoutEngine } from '../layout/elkInThread';
import { buildLayoutGraph, positionsFromLayout, type Size } from '../layout/layered';
import { DETAILS, DETAIL_LABELS, type Detail } from './detail';
import { figureStatus, renderFigure, themeWithCardWidth, type Figure, type FigureOptions } from './figure';
import { figureNodeSizes, kindLabel, layoutFigure, type FigureLayout, type LayoutOptions, type Point } from './layout';
import { measure } from './metrics';
import { excerpt } from '../text/excerpt';
import { MM_PER_PT, printedSize, smallestTextPx, type PageTarget, type PrintedSize } from './page';
import { scopeMap, ScopeError, type Scoped } from './scope';
import { THEMES, type Theme } from './themes';

/** What runs ELK: elkjs in this thread in the CLI and tests (layout/elkInThread.ts), the layout worker in the app. */
export type { LayoutEngine } from '../layout/elkInThread';

export const DIRECTIONS = ['right', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];
export const DIRECTION_LABELS = { right: 'left to right', down: 'top down' } as const satisfies Record<Direction, string>;
export const COMPACTIONS = ['normal', 'tight'] as const;
export type Compaction = (typeof COMPACTIONS)[number];

/** Card widths tried, as multiples of the theme's; never narrower than MIN_CARD_EMS of its body text. */
export const CARD_SCALES = [1.6, 1.35, 1.15, 1, 0.86, 0.74, 0.64, 0.55, 0.48, 0.42] as const;
/** About 16 characters a line: narrower, a card is a column of single words. */
export const MIN_CARD_EMS = 8;
/** The most layouts one fitting runs (4 directions × compactions × a few widths × 3 details stays below it). */
export const MAX_LAYOUTS = 36;

const ELK_DIRECTION = { right: 'RIGHT', down: 'DOWN' } as const satisfies Record<Direction, string>;
/** Spacing in figure px: between cards of one layer, between layers (room for the arrows and their words), between islands. */
const SPACING = {
  right: { normal: [20, 64, 32], tight: [12, 44, 20] },
  down: { normal: [20, 52, 32], tight: [12, 36, 20] },
} as const satisfies Record<Direction, Record<Compaction, readonly [number, number, number]>>;

export interface FitChoice {
  detail: Detail;
  direction: Direction;
  compaction: Compaction;
  /** The wrap width: each card's width in figure px. */
  cardWidth: number;
}

export type FitProblem = 'type-too-small' | 'too-tall';

export interface FitAttempt extends FitChoice {
  widthPx: number;
  heightPx: number;
  printed: PrintedSize;
  /** Absent when it fits. */
  problem?: FitProblem;
  /** Where its nodes stood (to draw it anyway: renderAttempt). */
  positions: ReadonlyMap<Id, Point>;
}

export interface FittedFigure {
  figure: Figure;
  choice: FitChoice;
  printed: PrintedSize;
  target: PageTarget;
  attempts: FitAttempt[];
}

export type FitOutcome =
  | { fits: true; fitted: FittedFigure }
  | {
      fits: false;
      code: 'does-not-fit';
      /** What does not fit and by how much, in a sentence. */
      message: string;
      attempts: FitAttempt[];
      /** The attempt that came closest (largest type among those short enough, else the shortest). */
      closest: FitAttempt | null;
    };

export interface FitPreferences {
  /** Only this detail level; every level from full down when absent. */
  detail?: Detail;
}

/** The map with only the scope's nodes and relations: what a fresh layout arranges. */
export function scopedMapOf(map: ArgumentMap, scoped: Scoped): ArgumentMap {
  const keep = <T>(record: Record<Id, T>, ids: Set<Id>) => Object.fromEntries(Object.entries(record).filter(([id]) => ids.has(id)));
  return { ...map, nodes: keep(map.nodes, scoped.nodes), relations: keep(map.relations, scoped.relations) };
}

/** The ELK graph of a scope with the figure's card sizes, in `direction`, spaced by `compaction`. */
export function pageLayoutGraph(scopedMap: ArgumentMap, sizes: ReadonlyMap<Id, Size>, direction: Direction, compaction: Compaction, aspect: number): ElkNode {
  const graph = buildLayoutGraph(scopedMap, Object.fromEntries(sizes));
  const [node, layers, islands] = SPACING[direction][compaction];
  graph.layoutOptions = {
    ...graph.layoutOptions,
    'elk.direction': ELK_DIRECTION[direction],
    'elk.spacing.nodeNode': String(node),
    'elk.layered.spacing.nodeNodeBetweenLayers': String(layers),
    'elk.spacing.componentComponent': String(islands),
    'elk.padding': '[top=0,left=0,bottom=0,right=0]',
    'elk.aspectRatio': String(Math.round(aspect * 100) / 100),
  };
  return graph;
}

/** How many cards stand side by side across the figure's width (what narrower cards take off it). */
function cardsAcross(layout: FigureLayout, direction: Direction): number {
  if (direction === 'right') return new Set(layout.nodes.map((n) => Math.round(n.x))).size || 1;
  // Top down: the most cards any horizontal line crosses.
  const events = layout.nodes.flatMap((n) => [[n.y, 1] as const, [n.y + n.h, -1] as const]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let now = 0;
  let most = 1;
  for (const [, d] of events) most = Math.max(most, (now += d));
  return most;
}

/**
 * The layers of a left-to-right layout, as the cards in each (a layer's cards share its left
 * edge; cards of different layers never do). Top down, each is a row.
 */
export function layersOf(layout: FigureLayout): Id[][] {
  const by = new Map<number, Id[]>();
  for (const n of layout.nodes) {
    const x = Math.round(n.x);
    const l = by.get(x);
    if (l) l.push(n.id);
    else by.set(x, [n.id]);
  }
  return [...by.values()];
}

/** The card widths a fitting tries, widest first: CARD_SCALES × the theme's, never narrower than a card's header or MIN_CARD_EMS. */
export function cardWidths(map: ArgumentMap, scoped: Scoped, base: Theme): number[] {
  // Never narrower than a card's header: its kind label is one line (kindLabel is drawn unwrapped).
  const header = Math.max(0, ...[...scoped.nodes].filter((id) => Object.hasOwn(map.nodes, id)).map((id) => measure(kindLabel(map.nodes[id]!.kind), 'bold', base.size.kind)));
  const minCard = Math.ceil(Math.max(MIN_CARD_EMS * base.size.text, header + base.size.kind * 1.1 + 4 + 2 * base.node.padX + 8));
  return [...new Set(CARD_SCALES.map((k) => Math.max(minCard, Math.round(base.node.width * k))))].sort((a, b) => b - a);
}

/** The widest row of `rows` (a top-down layout's layers), its cards of `sizes` side by side `gap` apart: no top-down figure of them is narrower. */
export function widestRowPx(rows: readonly (readonly Id[])[], sizes: ReadonlyMap<Id, Size>, gap: number): number {
  return Math.max(0, ...rows.map((ids) => ids.reduce((w, id) => w + (sizes.get(id)?.width ?? 0), 0) + (ids.length - 1) * gap));
}

/** Spacing between cards of one layer, figure px. */
export const nodeGap = (direction: Direction, compaction: Compaction): number => SPACING[direction][compaction][0];

const round1 = (n: number) => Math.round(n * 10) / 10;

function scopeWords(options: FigureOptions, map: ArgumentMap): string {
  const s = options.scope;
  if (s.kind === 'all') return 'The whole map';
  if (s.kind === 'selection') return 'The selection';
  const root = Object.hasOwn(map.nodes, s.root) ? map.nodes[s.root]! : undefined;
  return `${excerpt(root?.title?.split(':')[0]?.trim() || s.root, 40)} with what bears on it`;
}

function notFitting(map: ArgumentMap, options: FigureOptions, target: PageTarget, attempts: FitAttempt[], prefs: FitPreferences): FitOutcome {
  const short = attempts.filter((a) => a.problem !== 'too-tall');
  const closest =
    short.length > 0
      ? short.reduce((a, b) => ((b.printed.smallestPt ?? 0) > (a.printed.smallestPt ?? 0) ? b : a))
      : attempts.length > 0
        ? attempts.reduce((a, b) => (b.printed.heightMm < a.printed.heightMm ? b : a))
        : null;
  const where = `${round1(target.widthMm)} mm wide, at most ${round1(target.maxHeightMm)} mm tall, with type of ${round1(target.minTypePt)} pt or more`;
  const levels = prefs.detail ? `at the level “${DETAIL_LABELS[prefs.detail]}”` : 'at any level of detail';
  let best = '';
  if (closest)
    best =
      closest.problem === 'too-tall'
        ? `: the shortest arrangement (${DETAIL_LABELS[closest.detail].toLowerCase()}, ${DIRECTION_LABELS[closest.direction]}) would be ${Math.round(closest.printed.heightMm)} mm tall`
        : `: the closest (${DETAIL_LABELS[closest.detail].toLowerCase()}, ${DIRECTION_LABELS[closest.direction]}) has type of ${round1(closest.printed.smallestPt ?? 0)} pt`;
  else best = ': even its cards alone would cover more than the page at that type size';
  return { fits: false, code: 'does-not-fit', message: `${scopeWords(options, map)} does not fit ${where}, ${levels}${best}.`, attempts, closest };
}

/**
 * The figure of `options.scope` fitted to `target`: the first arrangement, in the documented
 * order, whose smallest type once printed is at least `target.minTypePt` and whose printed
 * height is at most `target.maxHeightMm`; or why none is. Throws ScopeError for a scope that
 * names nothing, as renderFigure does.
 */
export async function fitFigure(map: ArgumentMap, options: FigureOptions, target: PageTarget, engine: LayoutEngine, prefs: FitPreferences = {}): Promise<FitOutcome> {
  const scoped = scopeMap(map, options.scope, { counters: options.counters });
  if (scoped.nodes.size === 0) throw new ScopeError('The scope selects no node, so there is nothing to draw: choose another scope (the whole map, a claim, or a selection of nodes).');
  const base = THEMES[options.theme];
  const status = options.statusBadges ? { labels: figureStatus(map, options.statusVoices), voices: options.statusVoices ? [...options.statusVoices] : null } : undefined;
  const scopedMap = scopedMapOf(map, scoped);
  const targetPt = target.widthMm / MM_PER_PT;
  const aspect = target.widthMm / target.maxHeightMm;
  const attempts: FitAttempt[] = [];
  let layouts = 0;
  const widths = cardWidths(map, scoped, base);

  const layoutOptions = (detail: Detail): LayoutOptions => ({ voices: options.voices, legend: options.legend, caption: options.caption, attribution: options.attribution, status, detail });
  const attempt = async (detail: Detail, direction: Direction, compaction: Compaction, cardWidth: number): Promise<{ a: FitAttempt; layout: FigureLayout; positions: Map<Id, Point> }> => {
    layouts++;
    const theme = themeWithCardWidth(base, cardWidth);
    const lo = layoutOptions(detail);
    const sizes = figureNodeSizes(map, scoped, theme, lo);
    // One card has nowhere to go: ELK places it at the origin too (the test compares), without the engine's round trip.
    const placed = sizes.size === 1 ? { [[...sizes.keys()][0]!]: { x: 0, y: 0 } } : positionsFromLayout(await engine.layout(pageLayoutGraph(scopedMap, sizes, direction, compaction, aspect)));
    const positions = new Map<Id, Point>([...sizes.keys()].map((id) => [id, Object.hasOwn(placed, id) ? placed[id]! : { x: 0, y: 0 }]));
    const layout = layoutFigure(map, scoped, theme, { ...lo, positions });
    const printed = printedSize(layout, target.widthMm);
    const problem: FitProblem | undefined = printed.smallestPt !== null && printed.smallestPt < target.minTypePt - 1e-9 ? 'type-too-small' : printed.heightMm > target.maxHeightMm + 1e-9 ? 'too-tall' : undefined;
    const a: FitAttempt = { detail, direction, compaction, cardWidth, widthPx: layout.width, heightPx: layout.height, printed, ...(problem ? { problem } : {}), positions };
    attempts.push(a);
    laidOut.set(a, { map, options, layout });
    return { a, layout, positions };
  };

  for (const detail of prefs.detail ? [prefs.detail] : DETAILS) {
    // The cards alone, at the largest scale the type allows, against the page's area.
    const narrowest = themeWithCardWidth(base, widths[widths.length - 1]!);
    const sizes = figureNodeSizes(map, scoped, narrowest, layoutOptions(detail));
    const probeLayout = layoutFigure(map, { nodes: new Set([...scoped.nodes].slice(0, 1)), relations: new Set() }, narrowest, layoutOptions(detail));
    const leastPx = smallestTextPx(probeLayout) ?? base.size.kind;
    const mmPerPx = (target.minTypePt * MM_PER_PT) / leastPx;
    let area = 0;
    for (const s of sizes.values()) area += s.width * s.height;
    if (area * mmPerPx * mmPerPx > target.widthMm * target.maxHeightMm) continue;

    // The layers of the first left-to-right layout of this level: the cards of one layer stand
    // in one row top down (ELK's layering does not depend on direction, card sizes or spacing).
    let layers: Id[][] | null = null;
    for (const direction of DIRECTIONS)
      for (const compaction of COMPACTIONS) {
        if (layouts >= MAX_LAYOUTS) return notFitting(map, options, target, attempts, prefs);
        if (direction === 'down' && layers && cannotFitOrBeClosest(layers, detail, compaction, leastPx)) continue;
        const w0 = base.node.width;
        const probe = await attempt(detail, direction, compaction, w0);
        if (direction === 'right' && !layers) layers = layersOf(probe.layout);
        if (!probe.a.problem) return done(probe.a);
        // The widest figure whose type is legible, and the card width estimated to give it.
        const least = smallestTextPx(probe.layout) ?? leastPx;
        const maxWidthPx = (targetPt * least) / target.minTypePt;
        const across = cardsAcross(probe.layout, direction);
        const estimate = (w: number) => probe.layout.width + across * (w - w0);
        let i = widths.findIndex((w) => estimate(w) <= maxWidthPx);
        if (i < 0) continue;
        const tried = new Map<number, Awaited<ReturnType<typeof attempt>>>([[w0, probe]]);
        const at = async (w: number) => tried.get(w) ?? tried.set(w, await attempt(detail, direction, compaction, w)).get(w)!;
        let widerTried = false;
        while (i < widths.length && layouts < MAX_LAYOUTS) {
          const w = widths[i]!;
          if (tried.has(w) && tried.get(w)!.a.problem === 'type-too-small') {
            i++;
            continue;
          }
          const t = await at(w);
          if (!t.a.problem) return done(t.a);
          if (t.a.problem === 'type-too-small') {
            i++;
            continue;
          }
          // Too tall: narrower only gets taller; one wider card, once, if not yet tried.
          if (!widerTried && i > 0 && !tried.has(widths[i - 1]!)) {
            widerTried = true;
            i--;
            continue;
          }
          break;
        }
      }
  }
  return notFitting(map, options, target, attempts, prefs);

  /**
   * Whether every top-down arrangement at `compaction`, at any card width, is sure to have type
   * too small and no larger than an attempt already made that is short enough: then none of
   * them fits or would be the closest, and none is laid out. Its figure is at least as wide as
   * its widest row (a layer's cards side by side, at the narrowest card width), and its smallest
   * type at most what one card's smallest text (`leastPx`: a figure's smallest is no larger)
   * would be at that width.
   */
  function cannotFitOrBeClosest(rows: Id[][], detail: Detail, compaction: Compaction, leastPx: number): boolean {
    const best = attempts.filter((a) => a.problem !== 'too-tall').reduce((m, a) => Math.max(m, a.printed.smallestPt ?? 0), -1);
    if (best < 0) return false;
    const sizes = figureNodeSizes(map, scoped, themeWithCardWidth(base, widths[widths.length - 1]!), layoutOptions(detail));
    const mostPt = (leastPx * targetPt) / widestRowPx(rows, sizes, SPACING.down[compaction][0]);
    return mostPt < target.minTypePt - 1e-9 && mostPt <= best;
  }

  function done(a: FitAttempt): FitOutcome {
    return { fits: true, fitted: renderAttempt(map, options, target, a, attempts) };
  }
}

/**
 * Each attempt's layout, for the figure drawn of it: the same map, options and arrangement give
 * the same layout, so its arrows are not routed again (routing is most of a small figure's time).
 */
const laidOut = new WeakMap<FitAttempt, { map: ArgumentMap; options: FigureOptions; layout: FigureLayout }>();

/** The figure of one attempt, fitting or not (what a forced export draws: the closest). */
export function renderAttempt(map: ArgumentMap, options: FigureOptions, target: PageTarget, a: FitAttempt, attempts: FitAttempt[] = [a]): FittedFigure {
  const choice: FitChoice = { detail: a.detail, direction: a.direction, compaction: a.compaction, cardWidth: a.cardWidth };
  // An attempt was laid out without the list of sources under the figure: one that has it is laid out again.
  const made = laidOut.get(a);
  const layout = made && made.map === map && made.options === options && !options.citations ? made.layout : undefined;
  const figure = renderFigure(map, { ...options, detail: a.detail, arrangement: { cardWidth: a.cardWidth, positions: a.positions } }, layout ? { layout } : {});
  return { figure, choice, printed: printedSize(figure.layout, target.widthMm), target, attempts };
}
