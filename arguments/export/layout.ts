// The geometry of a figure: where every node, line of text, arrow, label, caption and legend
// entry goes, from the map's own arrangement (map.view.positions) and the sizes of the
// wrapped texts. Pure arithmetic on the font table, so every platform gets the same figure.
//
// The canvas sizes a node by its rendered HTML (and clips long texts); a figure shows every
// word, so its nodes can be taller. Rows of the map's arrangement are therefore kept (nodes
// whose tops were within ROW_TOLERANCE of each other stay one row, in the same left-to-right
// order) and restacked with the theme's gap; columns keep their order, overlaps in a row are
// pushed apart and empty stretches wider than a gap (left by nodes outside the scope) closed.
import { shortAttribution } from '../cite/attribution';
import { locatorFor } from '../cite/locator';
import type { Rect } from '../geometry';
import { MAX_COORDINATE } from '../limits';
import { NODE_KIND_LABELS, NODE_KINDS, RELATION_KINDS, type ArgNode, type ArgumentMap, type Id, type NodeKind, type Relation, type RelationKind } from '../model';
import type { StatusLabel } from '../analysis/status';
import { ASCENT_EM, DESCENT_EM, measure, type FontStyle } from './metrics';
import { citationBlocks } from './citations';
import { shownParts, type Detail } from './detail';
import { layoutEdges } from './edges';
import { Obstacles } from './obstacles';
import type { Scoped } from './scope';
import type { Theme } from './themes';
import { wrapCitation, wrapText, type Line } from './wrap';
import { displayText } from './xml';

export interface Point {
  x: number;
  y: number;
}
export type { Rect };

export interface TextBlock {
  /** x of every line (its start, middle or end, by anchor) and the first line's baseline. */
  x: number;
  y: number;
  lines: Line[];
  style: FontStyle;
  size: number;
  lineHeight: number;
  anchor: 'start' | 'middle' | 'end';
}

export interface NodeBox extends Rect {
  id: Id;
  kind: NodeKind;
  icon: { x: number; y: number; size: number };
  kindLabel: TextBlock;
  voice?: { box: Rect; text: TextBlock };
  title?: TextBlock;
  text?: TextBlock;
  quote?: { bar: { x: number; y1: number; y2: number }; text: TextBlock };
  /** Under the quote: the short citation of the quoted source ("Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, l. 71"). */
  attribution?: TextBlock;
  /** The node's dialectical status, drawn when asked: a badge with a mark and the word. */
  status?: StatusBadge;
}

/** A status badge: its box (border patterned by the label), the mark's square and the word. */
export interface StatusBadge {
  label: StatusLabel;
  box: Rect;
  mark: { x: number; y: number; size: number };
  text: TextBlock;
}

export type Head = 'supports' | 'opposes' | 'qualifies' | 'undercuts';

export interface EdgeGeometry {
  id: Id;
  kind: RelationKind;
  /** Curves and lines, drawn with the relation's pattern. */
  paths: string[];
  /** The arrowhead: its tip and the unit direction it points in. */
  head: { tip: Point; dir: Point; kind: Head };
  /** The inference's point (where undercuts of this relation end); filled when it joins linked premises. */
  inference?: { at: Point; joint: boolean };
  label?: { text: TextBlock; box: Rect };
  linkedBox?: { box: Rect; label: TextBlock };
}

export interface LegendEntry {
  /** 'status': a badge (`of` its label); 'counted': the line saying whose voices the status counts (no sample). */
  kind: 'node' | 'relation' | 'linked' | 'status' | 'counted';
  of: NodeKind | RelationKind | 'linked' | StatusLabel | 'counted';
  /** The sample: a small node box, or a line with its head. */
  sample: Rect;
  label: TextBlock;
}

export interface FigureLayout {
  width: number;
  height: number;
  /** The map's drawing is shifted by this much (its own coordinates start wherever the nodes are). */
  offset: Point;
  nodes: NodeBox[];
  edges: EdgeGeometry[];
  legend?: LegendEntry[];
  caption?: TextBlock;
  /** Under the caption: "Sources quoted" and each quoted source's full citation (citations.ts). */
  citations?: TextBlock[];
  /** Set when the arrows could not be routed around the cards (libavoid failed to load): why. */
  unrouted?: string;
}

export interface LayoutOptions {
  voices: boolean;
  /** The short citation of the quoted source under each quote (default: shown). */
  attribution?: boolean;
  caption?: string;
  /** Source id -> full citation: listed under the caption for the sources the figure quotes, first quoted first. */
  citations?: ReadonlyMap<Id, string>;
  legend: boolean;
  /** Each node's status label, to draw as a badge (nodes without one get none), and whose voices it counts (null: every voice). */
  status?: { labels: ReadonlyMap<Id, StatusLabel>; voices: readonly string[] | null };
  /** How much of each node is drawn (detail.ts); full unless said. */
  detail?: Detail;
  /** Top-left corners of the nodes from a fresh arrangement (page-fit figures: fit.ts); the map's own arrangement otherwise. */
  positions?: ReadonlyMap<Id, Point>;
}

/** The words of the status badges and legend. */
export const STATUS_WORDS = { stands: 'stands', falls: 'falls', open: 'open' } as const satisfies Record<StatusLabel, string>;

/** The canvas's card width and ELK's spacing between cards: the pitch of the map's own arrangement. */
const CANVAS_PITCH = 260 + 40;
const ROW_TOLERANCE = 60;

export function block(lines: Line[], style: FontStyle, size: number, lineHeight: number, x: number, top: number, anchor: TextBlock['anchor'] = 'start'): TextBlock {
  const lh = size * lineHeight;
  // The line box centres the font's ascent + descent, as CSS does.
  const baseline = top + (lh - (ASCENT_EM + DESCENT_EM) * size) / 2 + ASCENT_EM * size;
  return { x, y: baseline, lines, style, size, lineHeight: lh, anchor };
}

export const blockHeight = (b: TextBlock) => b.lines.length * b.lineHeight;

export function kindLabel(kind: NodeKind): string {
  return NODE_KIND_LABELS[kind].toUpperCase();
}

/** The short citation a quote is drawn with: "— Stalin to Gottwald, 27 Aug 1950, RGASPI 558/11/62, l. 71". */
export function quoteAttribution(map: ArgumentMap, node: ArgNode): string | undefined {
  const quote = node.quote;
  if (!quote || !Object.hasOwn(map.sources, quote.source)) return undefined;
  const source = map.sources[quote.source]!;
  return `— ${shortAttribution(source, locatorFor(source, quote))}`;
}

/**
 * The texts a node's box wrapped, in the order it wrapped them: a node is boxed twice (for its
 * height, then where it stands) and its lines do not depend on where. A call reuses the lines
 * of the same call of the first box when it wrapped the same text at the same width.
 */
type Wraps = Map<Id, { how: typeof wrapText; text: string; style: FontStyle; size: number; max: number; lines: Line[] }[]>;

function wrapper(wraps: Wraps | undefined, id: Id): (how: typeof wrapText, text: string, style: FontStyle, size: number, max: number) => Line[] {
  if (!wraps) return (how, text, style, size, max) => how(text, style, size, max);
  let done = wraps.get(id);
  if (!done) wraps.set(id, (done = []));
  let call = 0;
  return (how, text, style, size, max) => {
    const i = call++;
    const d = done[i];
    if (d && d.how === how && d.text === text && d.style === style && d.size === size && d.max === max) return d.lines;
    const lines = how(text, style, size, max);
    done[i] = { how, text, style, size, max, lines };
    return lines;
  };
}

/** A node's box at (x, y): its texts wrapped to the theme's width, its height from them. */
function nodeBox(node: ArgNode, x: number, y: number, theme: Theme, voices: boolean, attributionText?: string, statusLabel?: StatusLabel, detail: Detail = 'full', wraps?: Wraps): NodeBox {
  const wrapped = wrapper(wraps, node.id);
  const wrap = (text: string, style: FontStyle, size: number, max: number) => wrapped(wrapText, text, style, size, max);
  const shown = shownParts(node, detail);
  const { width: w, padX, padY, gap } = theme.node;
  const lh = theme.lineHeight;
  const inset = node.kind === 'thesis' ? 3 : node.kind === 'evidence' ? 4 : 0;
  const left = x + padX + inset;
  const inner = w - 2 * padX - inset - (node.kind === 'thesis' ? 3 : 0);
  let top = y + padY + (node.kind === 'thesis' ? 3 : 0);

  // Header: icon and kind label; the voice in a badge at the right, or below when it does not fit.
  const iconSize = theme.size.kind * 1.1;
  const label = kindLabel(node.kind);
  const labelWidth = measure(label, 'bold', theme.size.kind);
  const headH = theme.size.kind * lh;
  const kindBlock = block([{ text: label, width: labelWidth }], 'bold', theme.size.kind, lh, left + iconSize + 4, top);
  const icon = { x: left, y: top + (headH - iconSize) / 2, size: iconSize };
  let voice: NodeBox['voice'];
  let headBottom = top + headH;
  const voiceText = voices && node.voice ? displayText(node.voice).replace(/\s+/g, ' ').trim() : '';
  if (voiceText) {
    const vs = theme.size.voice;
    const padV = vs * 0.5;
    const one = measure(voiceText, 'italic', vs);
    const fitsBeside = iconSize + 4 + labelWidth + 8 + one + 2 * padV <= inner;
    const lines = fitsBeside ? [{ text: voiceText, width: one }] : wrap(voiceText, 'italic', vs, inner - 2 * padV);
    const bw = most(lines.map((l) => l.width)) + 2 * padV;
    const bh = lines.length * vs * lh + 2;
    const bx = left + inner - bw;
    const by = fitsBeside ? top + (headH - bh) / 2 : headBottom + 2;
    voice = { box: { x: bx, y: by, w: bw, h: bh }, text: block(lines, 'italic', vs, lh, bx + bw / 2, by + 1, 'middle') };
    headBottom = Math.max(headBottom, by + bh);
  }
  top = headBottom + gap;

  let title: TextBlock | undefined;
  if (shown.title) {
    title = block(wrap(shown.title, 'bold', theme.size.title, inner), 'bold', theme.size.title, lh, left, top);
    top += blockHeight(title) + gap;
  }
  let text: TextBlock | undefined;
  if (shown.text.trim() !== '') {
    text = block(wrap(shown.text, 'regular', theme.size.text, inner), 'regular', theme.size.text, lh, left, top);
    top += blockHeight(text) + gap;
  }
  let quote: NodeBox['quote'];
  if (node.quote && shown.quote) {
    const indent = Math.max(6, theme.size.quote * 0.7);
    const q = block(wrap(`“${node.quote.exact}”`, 'italic', theme.size.quote, inner - indent), 'italic', theme.size.quote, lh, left + indent, top + 1);
    const y2 = top + 1 + blockHeight(q);
    quote = { bar: { x: left + 1, y1: top + 1, y2 }, text: q };
    top = y2 + 1 + gap;
  }
  let attribution: TextBlock | undefined;
  // Without its quotation (a lower detail), evidence still names its source.
  if (attributionText && (quote || !shown.quote)) {
    const indent = quote ? quote.text.x - left : 0;
    const size = theme.size.attribution;
    attribution = block(wrapped(wrapCitation, attributionText, 'regular', size, inner - indent), 'regular', size, lh, left + indent, top);
    top += blockHeight(attribution) + gap;
  }
  let status: StatusBadge | undefined;
  if (statusLabel) {
    status = statusBadge(statusLabel, left, top, theme);
    top += status.box.h + gap;
  }
  const h = Math.max(top - gap + padY + (node.kind === 'thesis' ? 3 : 0) - y, 2 * padY + headH);
  return { id: node.id, kind: node.kind, x, y, w, h, icon, kindLabel: kindBlock, voice, title, text, quote, attribution, status };
}

/** A status badge with its top left at (x, top): the mark, then the word, in a box. */
function statusBadge(label: StatusLabel, x: number, top: number, theme: Theme): StatusBadge {
  const size = theme.size.voice;
  const lh = theme.lineHeight;
  const word = STATUS_WORDS[label];
  const width = measure(word, 'bold', size);
  const pad = size * 0.5;
  const markSize = size * 0.9;
  const h = size * lh + 4;
  const box = { x, y: top, w: pad + markSize + size * 0.4 + width + pad, h };
  return { label, box, mark: { x: x + pad, y: top + (h - markSize) / 2, size: markSize }, text: block([{ text: word, width }], 'bold', size, lh, x + pad + markSize + size * 0.4, top + 2) };
}

// ----- arrangement --------------------------------------------------------------------------

/** A coordinate as the figure reads it: within the loader's range (a map made in memory may pass it), never NaN. */
const coordinate = (v: number) => (Number.isNaN(v) ? 0 : Math.max(-MAX_COORDINATE, Math.min(MAX_COORDINATE, v)));

const least = (values: Iterable<number>) => {
  let m = Infinity;
  for (const v of values) if (v < m) m = v;
  return m;
};
const most = (values: Iterable<number>) => {
  let m = -Infinity;
  for (const v of values) if (v > m) m = v;
  return m;
};

/**
 * Figure positions: the map's rows kept and restacked by the real heights, columns kept in
 * order. `heightOf` gives a node's height in the figure.
 */
function arrange(map: ArgumentMap, ids: Id[], theme: Theme, heightOf: (id: Id) => number): Map<Id, Point> {
  const w = theme.node.width;
  const sx = (w + theme.colGap) / CANVAS_PITCH;
  const placed = (id: Id) => Object.hasOwn(map.view.positions, id);
  const known = ids.filter(placed);
  const orig = new Map<Id, Point>(
    known.map((id) => {
      const p = map.view.positions[id]!;
      return [id, { x: coordinate(p.x), y: coordinate(p.y) }];
    }),
  );
  // Nodes the map never placed go in rows below the rest.
  const unplaced = ids.filter((id) => !placed(id));
  if (unplaced.length > 0) {
    const bottom = known.length > 0 ? most(known.map((id) => orig.get(id)!.y)) + CANVAS_PITCH : 0;
    const left = known.length > 0 ? least(known.map((id) => orig.get(id)!.x)) : 0;
    const cols = Math.max(1, Math.ceil(Math.sqrt(unplaced.length)));
    unplaced.forEach((id, i) => orig.set(id, { x: left + (i % cols) * CANVAS_PITCH, y: bottom + Math.floor(i / cols) * CANVAS_PITCH }));
  }

  // Rows: by the map's y, a node within ROW_TOLERANCE of the row's first node joins it.
  const byY = [...ids].sort((a, b) => orig.get(a)!.y - orig.get(b)!.y || orig.get(a)!.x - orig.get(b)!.x);
  const rows: Id[][] = [];
  let rowTop = -Infinity;
  for (const id of byY) {
    const y = orig.get(id)!.y;
    if (y - rowTop > ROW_TOLERANCE || rows.length === 0) {
      rows.push([id]);
      rowTop = y;
    } else rows[rows.length - 1]!.push(id);
  }

  // Columns: the map's x scaled to the theme's pitch, overlaps in a row pushed right.
  const x = new Map<Id, number>();
  for (const row of rows) {
    row.sort((a, b) => orig.get(a)!.x - orig.get(b)!.x || (a < b ? -1 : 1));
    let next = -Infinity;
    for (const id of row) {
      const at = Math.max(orig.get(id)!.x * sx, next);
      x.set(id, at);
      next = at + w + theme.colGap;
    }
  }
  // Close empty stretches: occupied spans across all rows, gaps between them at most colGap.
  const spans = ids.map((id) => [x.get(id)!, x.get(id)! + w] as const).sort((a, b) => a[0] - b[0]);
  const shiftAt: [number, number][] = []; // [from x, shift applied to nodes starting at or after it]
  let end = -Infinity;
  let shift = 0;
  for (const [a, b] of spans) {
    if (end !== -Infinity && a - end > theme.colGap) {
      shift += a - end - theme.colGap;
      shiftAt.push([a, shift]);
    }
    end = Math.max(end, b);
  }
  const shiftOf = (at: number) => {
    // The last gap closed at or before `at` (binary search: maps can have thousands of nodes).
    let lo = 0;
    let hi = shiftAt.length;
    while (lo < hi) {
      const m = (lo + hi) >> 1;
      if (shiftAt[m]![0] <= at) lo = m + 1;
      else hi = m;
    }
    return lo === 0 ? 0 : shiftAt[lo - 1]![1];
  };

  // Rows restacked: each starts a gap below the lowest node of the row above.
  const out = new Map<Id, Point>();
  let top = 0;
  for (const row of rows) {
    const first = least(row.map((id) => orig.get(id)!.y));
    let bottom = top;
    for (const id of row) {
      const y = top + (orig.get(id)!.y - first) * sx;
      const px = x.get(id)!;
      out.set(id, { x: px - shiftOf(px), y });
      bottom = Math.max(bottom, y + heightOf(id));
    }
    top = bottom + theme.rowGap;
  }
  return out;
}

// ----- edges: arguments/export/edges.ts ------------------------------------------------------

// ----- legend and caption --------------------------------------------------------------------


/** The legend's line on the status: whose voices it counts. */
export function countedWords(voices: readonly string[] | null): string {
  if (voices === null) return 'What stands counts every voice and evaluation in the map.';
  if (voices.length === 0) return 'What stands counts only what has no voice.';
  return `What stands counts the voices ${voices.map((v) => displayText(v)).join(', ')}.`;
}

function legendEntries(
  kinds: Set<NodeKind>,
  relations: Set<RelationKind>,
  linked: boolean,
  width: number,
  top: number,
  left: number,
  theme: Theme,
  statusVoices?: readonly string[] | null,
): { entries: LegendEntry[]; height: number } {
  const size = theme.size.legend;
  const lh = size * theme.lineHeight;
  const rowH = Math.max(lh, size * 1.9);
  const items: Omit<LegendEntry, 'sample' | 'label'>[] = [
    ...NODE_KINDS.filter((k) => kinds.has(k)).map((k) => ({ kind: 'node' as const, of: k })),
    ...RELATION_KINDS.filter((k) => relations.has(k)).map((k) => ({ kind: 'relation' as const, of: k })),
    ...(linked ? [{ kind: 'linked' as const, of: 'linked' as const }] : []),
    ...(statusVoices !== undefined ? (['stands', 'falls', 'open'] as const).map((k) => ({ kind: 'status' as const, of: k })) : []),
    ...(statusVoices !== undefined ? [{ kind: 'counted' as const, of: 'counted' as const }] : []),
  ];
  const entries: LegendEntry[] = [];
  let x = left;
  let y = top;
  for (const item of items) {
    if (item.kind === 'status') {
      // The badge itself is the sample; its word is the label.
      const badge = statusBadge(item.of as StatusLabel, x, y, theme);
      const entryW = badge.box.w;
      if (x > left && x + entryW > left + width) {
        x = left;
        y += rowH;
      }
      const placed = statusBadge(item.of as StatusLabel, x, y + (rowH - badge.box.h) / 2, theme);
      entries.push({ ...item, sample: placed.box, label: placed.text });
      x += entryW + size * 1.6;
      continue;
    }
    const text = item.kind === 'node' ? NODE_KIND_LABELS[item.of as NodeKind] : item.kind === 'linked' ? 'linked premises' : item.kind === 'counted' ? countedWords(statusVoices ?? null) : String(item.of);
    const sampleW = item.kind === 'node' ? size * 2.4 : item.kind === 'counted' ? 0 : size * 4;
    const sampleH = size * 1.5;
    const textW = measure(text, 'regular', size);
    const space = sampleW > 0 ? size * 0.6 : 0;
    const entryW = sampleW + space + textW;
    if (x > left && x + entryW > left + width) {
      x = left;
      y += rowH;
    }
    const sample = { x, y: y + (rowH - sampleH) / 2, w: sampleW, h: sampleH };
    entries.push({ ...item, sample, label: block([{ text, width: textW }], 'regular', size, theme.lineHeight, x + sampleW + space, y + (rowH - lh) / 2) });
    x += entryW + size * 1.6;
  }
  return { entries, height: entries.length > 0 ? y + rowH - top : 0 };
}

// ----- the figure -----------------------------------------------------------------------------

/** The size of each node `layoutFigure` draws with these options (where it stands does not change it): what a fresh arrangement is given. */
export function figureNodeSizes(map: ArgumentMap, scoped: Scoped, theme: Theme, options: LayoutOptions): Map<Id, { width: number; height: number }> {
  const out = new Map<Id, { width: number; height: number }>();
  for (const id of [...scoped.nodes].filter((id) => Object.hasOwn(map.nodes, id)).sort()) {
    const node = map.nodes[id]!;
    const attribution = options.attribution === false ? undefined : quoteAttribution(map, node);
    const box = nodeBox(node, 0, 0, theme, options.voices, attribution, options.status?.labels.get(id), options.detail);
    out.set(id, { width: box.w, height: box.h });
  }
  return out;
}

export function layoutFigure(map: ArgumentMap, scoped: Scoped, theme: Theme, options: LayoutOptions): FigureLayout {
  const ids = [...scoped.nodes].filter((id) => Object.hasOwn(map.nodes, id)).sort();
  const attributions = new Map<Id, string | undefined>(options.attribution === false ? [] : ids.map((id) => [id, quoteAttribution(map, map.nodes[id]!)]));
  // Sizes first (positions do not change a node's size), then the arrangement.
  const labelOf = (id: Id) => options.status?.labels.get(id);
  const wraps: Wraps = new Map();
  const boxAt = (id: Id, x: number, y: number) => nodeBox(map.nodes[id]!, x, y, theme, options.voices, attributions.get(id), labelOf(id), options.detail, wraps);
  const given = options.positions;
  const positions = given && ids.every((id) => given.has(id)) ? given : arrange(map, ids, theme, (id) => boxAt(id, 0, 0).h);
  const nodes = ids.map((id) => {
    const p = positions.get(id)!;
    return boxAt(id, p.x, p.y);
  });
  const rects = new Map<Id, Rect>(nodes.map((n) => [n.id, n]));

  // Sorted by id, so the same map gives the same figure; edges.ts orders attacked before undercuts.
  const relations = [...scoped.relations]
    .filter((id) => Object.hasOwn(map.relations, id))
    .map((id) => map.relations[id]!)
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const obstacles = new Obstacles();
  nodes.forEach((n) => obstacles.add(n));
  const { edges, unrouted } = layoutEdges(relations, rects, theme, obstacles);

  // The drawing's extent: nodes, curves (inside their control points), labels, linked boxes.
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  const grow = (r: Rect) => {
    minX = Math.min(minX, r.x);
    minY = Math.min(minY, r.y);
    maxX = Math.max(maxX, r.x + r.w);
    maxY = Math.max(maxY, r.y + r.h);
  };
  nodes.forEach(grow);
  for (const e of edges) {
    for (const d of e.paths) {
      const nums = d.match(/-?\d+(?:\.\d+)?/g)!.map(Number);
      for (let i = 0; i + 1 < nums.length; i += 2) grow({ x: nums[i]!, y: nums[i + 1]!, w: 0, h: 0 });
    }
    grow({ x: e.head.tip.x - 8, y: e.head.tip.y - 8, w: 16, h: 16 });
    if (e.label) grow(e.label.box);
    if (e.linkedBox) grow(e.linkedBox.box);
  }
  if (nodes.length === 0) {
    minX = minY = 0;
    maxX = theme.node.width;
    maxY = 0;
  }
  const m = theme.margin;
  const offset = { x: m - minX, y: m - minY };
  const contentW = maxX - minX;
  let width = contentW + 2 * m;
  let y = maxY - minY + m;

  let legend: LegendEntry[] | undefined;
  // Status badges always come with their key: a figure's reader cannot ask what they mean.
  if (options.legend || options.status) {
    const kinds = new Set(options.legend ? nodes.map((n) => n.kind) : []);
    const kindsOfRelations = new Set(options.legend ? relations.map((r) => r.kind) : []);
    const linked = !!options.legend && relations.some((r) => r.kind !== 'undercuts' && r.from.length > 1);
    const legendWidth = Math.max(contentW, theme.node.width * 2);
    const { entries, height } = legendEntries(kinds, kindsOfRelations, linked, legendWidth, y + theme.rowGap / 2, m, theme, options.status?.voices);
    legend = entries;
    width = Math.max(width, legendWidth + 2 * m);
    if (height > 0) y += theme.rowGap / 2 + height;
  }
  let caption: TextBlock | undefined;
  const captionText = options.caption?.trim();
  if (captionText) {
    const size = theme.size.caption;
    const lines = wrapText(captionText, 'regular', size, Math.max(width - 2 * m, theme.node.width));
    caption = block(lines, 'regular', size, theme.lineHeight, m, y + theme.rowGap / 3);
    width = Math.max(width, most(lines.map((l) => l.width)) + 2 * m);
    y += theme.rowGap / 3 + blockHeight(caption);
  }
  let citations: TextBlock[] | undefined;
  if (options.citations && options.citations.size > 0) {
    // Node boxes are in the drawing's coordinates; the list is placed in the figure's.
    const list = citationBlocks(map, nodes, options.citations, m, y + theme.rowGap / 3, Math.max(width - 2 * m, theme.node.width), theme);
    if (list.blocks.length > 0) {
      citations = list.blocks;
      width = Math.max(width, list.widest + 2 * m);
      y += theme.rowGap / 3 + list.height;
    }
  }
  return { width: Math.ceil(width), height: Math.ceil(y + m), offset, nodes, edges, legend, caption, citations, ...(unrouted ? { unrouted } : {}) };
}
