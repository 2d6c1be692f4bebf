// The SVG writer: a figure layout as a standalone SVG of rect, path, text and tspan (in g,
// with title, desc and metadata), styled with presentation attributes only. No foreignObject,
// no style sheet, no script, no event attributes, no links, no url() references: it opens the
// same in browsers, Inkscape, librsvg, resvg and svg-to-pdfkit. Every user string passes
// through escapeXml; every number is formatted here.
import type { NodeKind, RelationKind } from '../model';
import type { StatusLabel } from '../analysis/status';
import type { EdgeGeometry, FigureLayout, Head, LegendEntry, NodeBox, Point, Rect, StatusBadge, TextBlock } from './layout';
import { FALLBACK_FAMILY_CSS, FONT_FAMILY, FONT_FAMILY_CSS, textRuns, type FigureFont } from './metrics';
import type { Line } from './wrap';
import type { Theme } from './themes';
import { displayText, escapeXml, jsonAsXmlText, MAP_METADATA_NS } from './xml';

export { MAP_METADATA_NS };

export interface SvgOptions {
  /** The map document (serializeMap's text) to carry in <metadata>; none when omitted. */
  mapJson?: string;
  title?: string;
  description?: string;
  /**
   * @font-face rules placed in a <style> element: only for copies rasterised inside a browser
   * (an SVG image cannot load the page's fonts). Exported files never carry one.
   */
  fontFaceCss?: string;
  /**
   * Wrap each relation's linked-premise box, inference point and label in a
   * `<g data-relation="ID">` (its line is always `relation-ID`), so a page can show or hide
   * the whole relation: for the HTML handout's step-through. Off, the bytes are as before.
   */
  relationGroups?: boolean;
}

/** A number as the SVG writes it: to 1/100 px (a PDF drawn part by part moves its parts by the same amounts). */
export const svgRound = (n: number) => Math.round(n * 100) / 100;
const f = (n: number) => String(svgRound(n));

type Attrs = Record<string, string | number | undefined>;

function attrs(a: Attrs): string {
  let out = '';
  for (const k in a) {
    const v = a[k];
    if (v !== undefined) out += ` ${k}="${typeof v === 'number' ? f(v) : escapeXml(v)}"`;
  }
  return out;
}

const el = (name: string, a: Attrs, body?: string) => (body === undefined ? `<${name}${attrs(a)}/>` : `<${name}${attrs(a)}>${body}</${name}>`);

/**
 * One line as tspans, one per font it changes to, each placed at its measured x (so the
 * renderer draws what was measured): a run in a fallback font names its family, as
 * svg-to-pdfkit does not fall back by itself. Every run is its own text chunk, anchored at its
 * start: resvg sets a chunk's Latin in the regular face when the chunk also holds CJK.
 */
function lineSpans(line: Line, b: TextBlock, y: number): string {
  const runs = textRuns(line.text, b.style);
  if (runs.length <= 1) return el('tspan', { x: b.x, y, 'font-family': family(runs[0]?.font ?? null) }, escapeXml(line.text));
  let x = b.anchor === 'start' ? b.x : b.anchor === 'middle' ? b.x - line.width / 2 : b.x - line.width;
  return runs
    .map((r) => {
      const span = el('tspan', { x, y, 'text-anchor': b.anchor === 'start' ? undefined : 'start', 'font-family': family(r.font) }, escapeXml(r.text));
      x += r.em * b.size;
      return span;
    })
    .join('');
}

const family = (font: FigureFont | null) => (font === null || font === FONT_FAMILY ? undefined : FALLBACK_FAMILY_CSS[font]);

function text(b: TextBlock, fill: string, extra: Attrs = {}): string {
  const lines = b.lines
    .map((l, i) => (l.text === '' ? '' : lineSpans(l, b, b.y + i * b.lineHeight)))
    .join('');
  if (lines === '') return '';
  return el(
    'text',
    {
      'font-family': FONT_FAMILY_CSS,
      'font-size': b.size,
      'font-weight': b.style === 'bold' ? 'bold' : undefined,
      'font-style': b.style === 'italic' ? 'italic' : undefined,
      'text-anchor': b.anchor === 'start' ? undefined : b.anchor,
      fill,
      ...extra,
    },
    lines,
  );
}

const circle = (c: Point, r: number) => `M${f(c.x - r)},${f(c.y)} A${f(r)},${f(r)} 0 1,0 ${f(c.x + r)},${f(c.y)} A${f(r)},${f(r)} 0 1,0 ${f(c.x - r)},${f(c.y)} Z`;

// ----- nodes ----------------------------------------------------------------------------------

/** A node's border: the shape that tells its kind without colour. */
function nodeShape(kind: NodeKind, r: Rect, theme: Theme, scale = 1): string {
  const p = theme.kinds[kind];
  const { thin, normal } = theme.stroke;
  const radius = theme.node.radius * scale;
  const base = { x: r.x, y: r.y, width: r.w, height: r.h, fill: p.fill, stroke: p.stroke };
  switch (kind) {
    case 'thesis': {
      const w = Math.max(thin, normal * 0.7);
      const inset = 3 * scale;
      return (
        el('rect', { ...base, rx: radius, 'stroke-width': w }) +
        el('rect', { x: r.x + inset, y: r.y + inset, width: r.w - 2 * inset, height: r.h - 2 * inset, rx: Math.max(0, radius - inset / 2), fill: 'none', stroke: p.stroke, 'stroke-width': w })
      );
    }
    case 'claim':
      return el('rect', { ...base, rx: radius, 'stroke-width': normal });
    case 'premise':
      return el('rect', { ...base, rx: radius, 'stroke-width': thin });
    case 'evidence': {
      const bar = 4 * scale;
      return (
        el('rect', { ...base, rx: radius / 2, 'stroke-width': thin }) +
        el('path', { d: `M${f(r.x)},${f(r.y)} h${f(bar)} v${f(r.h)} h${f(-bar)} Z`, fill: p.ink })
      );
    }
    case 'counter':
      return el('rect', { ...base, rx: radius, 'stroke-width': normal, 'stroke-dasharray': `${f(normal * 3.5)} ${f(normal * 2.2)}` });
    case 'rebuttal':
      return el('rect', { ...base, rx: radius, 'stroke-width': normal, 'stroke-dasharray': `0.1 ${f(normal * 2)}`, 'stroke-linecap': 'round' });
    case 'note': {
      const c = Math.min(10 * scale, r.w / 3, r.h / 3);
      return (
        el('path', { d: `M${f(r.x)},${f(r.y)} H${f(r.x + r.w - c)} L${f(r.x + r.w)},${f(r.y + c)} V${f(r.y + r.h)} H${f(r.x)} Z`, fill: p.fill, stroke: p.stroke, 'stroke-width': thin, 'stroke-linejoin': 'round' }) +
        el('path', { d: `M${f(r.x + r.w - c)},${f(r.y)} V${f(r.y + c)} H${f(r.x + r.w)}`, fill: 'none', stroke: p.stroke, 'stroke-width': thin, 'stroke-linejoin': 'round' })
      );
    }
  }
}

/** The kind's icon in a square of side s at (x, y): diamond, square, open square, quotation marks, cross, turning arrow, pencil. */
export function kindIcon(kind: NodeKind, x: number, y: number, s: number, ink: string): string {
  const cx = x + s / 2;
  const cy = y + s / 2;
  const line = (d: string, w = s * 0.16) => el('path', { d, fill: 'none', stroke: ink, 'stroke-width': w, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' });
  switch (kind) {
    case 'thesis':
      return el('path', { d: `M${f(cx)},${f(y)} L${f(x + s)},${f(cy)} L${f(cx)},${f(y + s)} L${f(x)},${f(cy)} Z`, fill: ink });
    case 'claim':
      return el('rect', { x: x + s * 0.1, y: y + s * 0.1, width: s * 0.8, height: s * 0.8, fill: ink });
    case 'premise':
      return el('rect', { x: x + s * 0.18, y: y + s * 0.18, width: s * 0.64, height: s * 0.64, fill: 'none', stroke: ink, 'stroke-width': s * 0.14 });
    case 'evidence': {
      // Two "6"-shaped marks: a dot with a tail curling up to the right.
      const r = s * 0.15;
      const mark = (mx: number) =>
        el('path', { d: circle({ x: mx, y: cy + s * 0.12 }, r), fill: ink }) + line(`M${f(mx - r * 0.9)},${f(cy + s * 0.1)} Q${f(mx - r)},${f(y + s * 0.12)} ${f(mx + r * 1.4)},${f(y + s * 0.08)}`, s * 0.11);
      return mark(x + s * 0.28) + mark(x + s * 0.7);
    }
    case 'counter':
      return line(`M${f(x + s * 0.15)},${f(y + s * 0.15)} L${f(x + s * 0.85)},${f(y + s * 0.85)} M${f(x + s * 0.85)},${f(y + s * 0.15)} L${f(x + s * 0.15)},${f(y + s * 0.85)}`, s * 0.18);
    case 'rebuttal': {
      // Three quarters of a circle, anticlockwise, with a head at its end.
      const r = s * 0.34;
      const start = { x: cx + r, y: cy };
      const end = { x: cx, y: cy - r };
      return (
        line(`M${f(end.x)},${f(end.y)} A${f(r)},${f(r)} 0 1,0 ${f(start.x)},${f(start.y)}`, s * 0.13) +
        el('path', { d: `M${f(end.x + s * 0.2)},${f(end.y - s * 0.15)} L${f(end.x - s * 0.06)},${f(end.y)} L${f(end.x + s * 0.2)},${f(end.y + s * 0.15)} Z`, fill: ink })
      );
    }
    case 'note':
      // A pencil, from bottom left to top right.
      return (
        el('path', { d: `M${f(x + s * 0.08)},${f(y + s * 0.92)} L${f(x + s * 0.18)},${f(y + s * 0.62)} L${f(x + s * 0.7)},${f(y + s * 0.1)} L${f(x + s * 0.9)},${f(y + s * 0.3)} L${f(x + s * 0.38)},${f(y + s * 0.82)} Z`, fill: ink }) +
        line(`M${f(x + s * 0.18)},${f(y + s * 0.62)} L${f(x + s * 0.38)},${f(y + s * 0.82)}`, s * 0.06)
      );
  }
}

function node(n: NodeBox, theme: Theme): string {
  const p = theme.kinds[n.kind];
  let body = nodeShape(n.kind, n, theme);
  body += kindIcon(n.kind, n.icon.x, n.icon.y, n.icon.size, p.ink);
  body += text(n.kindLabel, p.ink);
  if (n.voice) {
    body += el('rect', { x: n.voice.box.x, y: n.voice.box.y, width: n.voice.box.w, height: n.voice.box.h, rx: Math.min(n.voice.box.h / 2, 8), fill: 'none', stroke: theme.voice, 'stroke-width': theme.stroke.thin });
    body += text(n.voice.text, theme.voice);
  }
  if (n.title) body += text(n.title, theme.ink);
  if (n.text) body += text(n.text, theme.ink);
  if (n.quote) {
    body += el('path', { d: `M${f(n.quote.bar.x)},${f(n.quote.bar.y1)} V${f(n.quote.bar.y2)}`, fill: 'none', stroke: theme.quoteBar, 'stroke-width': 2 });
    body += text(n.quote.text, theme.ink);
  }
  if (n.attribution) body += text(n.attribution, theme.muted);
  if (n.status) body += el('g', { id: `status-${n.id}` }, statusBadge(n.status, theme));
  return el('g', { id: `node-${n.id}` }, body);
}

// ----- status badges ----------------------------------------------------------------------------

/**
 * A status told without colour: a mark (a tick, a cross, a hollow ring), the word, and the
 * badge's border (solid and heavy for stands, dashed for falls, dotted for open).
 */
export function statusMark(label: StatusLabel, x: number, y: number, s: number, ink: string): string {
  const line = (d: string) => el('path', { d, fill: 'none', stroke: ink, 'stroke-width': s * 0.2, 'stroke-linecap': 'round', 'stroke-linejoin': 'round' });
  switch (label) {
    case 'stands':
      return line(`M${f(x + s * 0.1)},${f(y + s * 0.55)} L${f(x + s * 0.4)},${f(y + s * 0.85)} L${f(x + s * 0.9)},${f(y + s * 0.15)}`);
    case 'falls':
      return line(`M${f(x + s * 0.15)},${f(y + s * 0.15)} L${f(x + s * 0.85)},${f(y + s * 0.85)} M${f(x + s * 0.85)},${f(y + s * 0.15)} L${f(x + s * 0.15)},${f(y + s * 0.85)}`);
    case 'open':
      return el('path', { d: circle({ x: x + s / 2, y: y + s / 2 }, s * 0.36), fill: 'none', stroke: ink, 'stroke-width': s * 0.16 });
  }
}

const STATUS_BORDER = {
  stands: (w: number) => ({ 'stroke-width': w * 1.6 }),
  falls: (w: number) => ({ 'stroke-width': w, 'stroke-dasharray': `${f(w * 4)} ${f(w * 2.5)}` }),
  open: (w: number) => ({ 'stroke-width': w, 'stroke-dasharray': `0.1 ${f(w * 2.4)}`, 'stroke-linecap': 'round' }),
} as const satisfies Record<StatusLabel, (w: number) => Attrs>;

function statusBadge(b: StatusBadge, theme: Theme): string {
  const w = Math.max(theme.stroke.thin, 0.8);
  return (
    el('rect', { x: b.box.x, y: b.box.y, width: b.box.w, height: b.box.h, rx: 3, fill: theme.background, stroke: theme.ink, ...STATUS_BORDER[b.label](w) }) +
    statusMark(b.label, b.mark.x, b.mark.y, b.mark.size, theme.ink) +
    text(b.text, theme.ink)
  );
}

// ----- edges ----------------------------------------------------------------------------------

export function relationDash(kind: RelationKind, w: number): string | undefined {
  switch (kind) {
    case 'supports':
      return undefined;
    case 'opposes':
      return `${f(w * 5)} ${f(w * 3.2)}`;
    case 'qualifies':
      return `${f(w * 1.2)} ${f(w * 2.6)}`;
    case 'undercuts':
      return `${f(w * 6.5)} ${f(w * 2.6)} ${f(w * 1.3)} ${f(w * 2.6)}`;
  }
}

/** An arrowhead as paths: filled (supports), filled and barred (opposes), open (qualifies), a bar (undercuts). */
export function head(kind: Head, tip: Point, dir: Point, colour: string, w: number): string {
  const len = 9 * Math.max(0.75, w / 1.5);
  const half = len * 0.45;
  const n = { x: -dir.y, y: dir.x };
  const at = (along: number, across: number) => `${f(tip.x - dir.x * along + n.x * across)},${f(tip.y - dir.y * along + n.y * across)}`;
  switch (kind) {
    case 'supports':
      return el('path', { d: `M${at(0, 0)} L${at(len, half)} L${at(len, -half)} Z`, fill: colour });
    case 'opposes':
      return (
        el('path', { d: `M${at(len * 0.3, 0)} L${at(len, half)} L${at(len, -half)} Z`, fill: colour }) +
        el('path', { d: `M${at(0, half * 1.1)} L${at(0, -half * 1.1)}`, fill: 'none', stroke: colour, 'stroke-width': w * 1.3 })
      );
    case 'qualifies':
      return el('path', { d: `M${at(len, half)} L${at(0, 0)} L${at(len, -half)}`, fill: 'none', stroke: colour, 'stroke-width': w, 'stroke-linejoin': 'miter', 'stroke-linecap': 'butt' });
    case 'undercuts':
      return el('path', { d: `M${at(0, half * 1.4)} L${at(0, -half * 1.4)}`, fill: 'none', stroke: colour, 'stroke-width': w * 2 });
  }
}

function edge(e: EdgeGeometry, theme: Theme): string {
  const colour = theme.relations[e.kind];
  const w = theme.stroke.edge;
  let body = '';
  for (const d of e.paths) body += el('path', { d, fill: 'none', stroke: colour, 'stroke-width': w, 'stroke-dasharray': relationDash(e.kind, w) });
  body += head(e.head.kind, e.head.tip, e.head.dir, colour, w);
  return el('g', { id: `relation-${e.id}` }, body);
}

function linkedBox(e: EdgeGeometry, theme: Theme): string {
  if (!e.linkedBox) return '';
  const b = e.linkedBox.box;
  return (
    el('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: 12, fill: theme.linkedBox.fill, stroke: theme.linkedBox.stroke, 'stroke-width': theme.stroke.thin, 'stroke-dasharray': `${f(3)} ${f(3)}` }) +
    text(e.linkedBox.label, theme.muted)
  );
}

function inference(e: EdgeGeometry, attacked: boolean, theme: Theme): string {
  if (!e.inference || (!e.inference.joint && !attacked)) return '';
  const joint = e.inference.joint;
  return el('path', {
    d: circle(e.inference.at, joint ? 4.5 : 3.5),
    fill: joint ? theme.relations[e.kind] : theme.inference.fill,
    stroke: joint ? theme.relations[e.kind] : theme.inference.stroke,
    'stroke-width': theme.stroke.thin * 1.2,
  });
}

function label(e: EdgeGeometry, theme: Theme): string {
  if (!e.label) return '';
  const b = e.label.box;
  return el('rect', { x: b.x, y: b.y, width: b.w, height: b.h, rx: 2, fill: theme.background, 'fill-opacity': 0.85 }) + text(e.label.text, theme.ink);
}

// ----- legend -----------------------------------------------------------------------------------

function legendEntry(l: LegendEntry, theme: Theme): string {
  const s = l.sample;
  let sample: string;
  if (l.kind === 'status') {
    const label = l.of as StatusLabel;
    const markSize = l.label.size * 0.9;
    const badge: StatusBadge = { label, box: s, mark: { x: s.x + l.label.size * 0.5, y: s.y + (s.h - markSize) / 2, size: markSize }, text: l.label };
    return el('g', { id: `legend-status-${label}` }, statusBadge(badge, theme));
  }
  if (l.kind === 'counted') return el('g', { id: 'legend-status-counted' }, text(l.label, theme.ink));
  if (l.kind === 'node') {
    const kind = l.of as NodeKind;
    const icon = s.h * 0.6;
    sample = nodeShape(kind, s, theme, 0.5) + kindIcon(kind, s.x + (s.w - icon) / 2 + (kind === 'evidence' ? 1 : 0), s.y + (s.h - icon) / 2, icon, theme.kinds[kind].ink);
  } else if (l.kind === 'linked') {
    const y = s.y + s.h / 2;
    const colour = theme.relations.supports;
    sample =
      el('rect', { x: s.x, y: s.y, width: s.w * 0.45, height: s.h, rx: 3, fill: theme.linkedBox.fill, stroke: theme.linkedBox.stroke, 'stroke-width': theme.stroke.thin, 'stroke-dasharray': '2 2' }) +
      el('path', { d: `M${f(s.x + s.w * 0.12)},${f(s.y + s.h * 0.25)} L${f(s.x + s.w * 0.6)},${f(y)} M${f(s.x + s.w * 0.12)},${f(s.y + s.h * 0.75)} L${f(s.x + s.w * 0.6)},${f(y)} L${f(s.x + s.w - 8)},${f(y)}`, fill: 'none', stroke: colour, 'stroke-width': theme.stroke.edge }) +
      el('path', { d: circle({ x: s.x + s.w * 0.6, y }, 3), fill: colour }) +
      head('supports', { x: s.x + s.w, y }, { x: 1, y: 0 }, colour, theme.stroke.edge);
  } else {
    const kind = l.of as RelationKind;
    const colour = theme.relations[kind];
    const w = theme.stroke.edge;
    const y = s.y + s.h / 2;
    const end = kind === 'undercuts' ? s.x + s.w : s.x + s.w - 9 * Math.max(0.75, w / 1.5);
    sample = el('path', { d: `M${f(s.x)},${f(y)} L${f(end)},${f(y)}`, fill: 'none', stroke: colour, 'stroke-width': w, 'stroke-dasharray': relationDash(kind, w) }) + head(kind, { x: s.x + s.w, y }, { x: 1, y: 0 }, colour, w);
  }
  return sample + text(l.label, theme.ink);
}

// ----- the document -----------------------------------------------------------------------------

/** The same SVG drawn at another size (its viewBox unchanged): for rasterising at an exact pixel size. */
export function resizeSvg(svg: string, width: number, height: number): string {
  return svg.replace(/<svg\b[^>]*>/, (root) => root.replace(/ width="[^"]*"/, ` width="${width}"`).replace(/ height="[^"]*"/, ` height="${height}"`));
}

/** Whether an arrow's inference point is attacked in this layout: an undercut's head sits on it. */
function attackedInferences(layout: FigureLayout): (e: EdgeGeometry) => boolean {
  const targets = new Set<string>();
  for (const e of layout.edges) if (e.head.kind === 'undercuts') targets.add(`${f(e.head.tip.x)},${f(e.head.tip.y)}`);
  return (e) => !!e.inference && targets.has(`${f(e.inference.at.x)},${f(e.inference.at.y)}`);
}

/** One drawn part of a figure's map (a card, an arrow, an arrow's label…), in the map's coordinates. */
export interface FigurePart {
  /** The node or arrow the part is drawn from (its coordinates are the part's). */
  of: NodeBox | EdgeGeometry;
  /** Which of that object's parts, and how it is drawn: the same `of` and `kind` always draw the same. */
  kind: 'linked' | 'relation' | 'inference' | 'attacked-inference' | 'label' | 'node';
  /** Its SVG elements, written when asked (a part drawn before is not written again). */
  svg(): string;
}

/**
 * The map's parts in the order writeSvg draws them (linked boxes, arrows, inference points,
 * undercuts, labels, cards), each on its own: for a PDF that draws each part once and places
 * it on every page that shows it (handout/forms.ts). The empty ones are left out.
 */
export function figureParts(layout: FigureLayout, theme: Theme): FigurePart[] {
  const attacked = attackedInferences(layout);
  const out: FigurePart[] = [];
  for (const e of layout.edges) if (e.linkedBox) out.push({ of: e, kind: 'linked', svg: () => linkedBox(e, theme) });
  for (const e of layout.edges) if (e.kind !== 'undercuts') out.push({ of: e, kind: 'relation', svg: () => edge(e, theme) });
  for (const e of layout.edges) if (e.inference && (e.inference.joint || attacked(e))) out.push({ of: e, kind: attacked(e) ? 'attacked-inference' : 'inference', svg: () => inference(e, attacked(e), theme) });
  for (const e of layout.edges) if (e.kind === 'undercuts') out.push({ of: e, kind: 'relation', svg: () => edge(e, theme) });
  for (const e of layout.edges) if (e.label) out.push({ of: e, kind: 'label', svg: () => label(e, theme) });
  for (const n of layout.nodes) out.push({ of: n, kind: 'node', svg: () => node(n, theme) });
  return out;
}

/** The SVG elements a figure draws around its map: its legend, caption and list of sources (none for most figures). */
export function figureFurniture(layout: FigureLayout, theme: Theme): string {
  let out = '';
  if (layout.legend && layout.legend.length > 0) out += el('g', { id: 'legend' }, layout.legend.map((l) => legendEntry(l, theme)).join(''));
  if (layout.caption) out += el('g', { id: 'caption' }, text(layout.caption, theme.ink));
  if (layout.citations && layout.citations.length > 0) out += el('g', { id: 'citations' }, layout.citations.map((b) => text(b, theme.ink)).join(''));
  return out;
}

export function writeSvg(layout: FigureLayout, theme: Theme, options: SvgOptions = {}): string {
  const { width, height } = layout;
  const parts: string[] = [];
  parts.push('<?xml version="1.0" encoding="UTF-8"?>\n');
  parts.push(`<svg xmlns="http://www.w3.org/2000/svg" version="1.1"${attrs({ width, height, viewBox: `0 0 ${width} ${height}`, role: 'img', 'aria-labelledby': 'figure-title' })}>\n`);
  parts.push(el('title', { id: 'figure-title' }, escapeXml(displayText(options.title ?? 'Argument map'))) + '\n');
  if (options.description) parts.push(el('desc', {}, escapeXml(displayText(options.description))) + '\n');
  if (options.mapJson !== undefined)
    parts.push(`<metadata><aa:map xmlns:aa="${MAP_METADATA_NS}" format="argument-atlas/argmap" encoding="application/json">${jsonAsXmlText(options.mapJson)}</aa:map></metadata>\n`);
  // Only rasterising copies made in a browser carry this (see SvgOptions.fontFaceCss).
  if (options.fontFaceCss) parts.push(`<defs><style>${escapeXml(options.fontFaceCss)}</style></defs>\n`);
  parts.push(el('rect', { x: 0, y: 0, width, height, fill: theme.background }) + '\n');

  const attacked = attackedInferences(layout);

  // A relation's parts outside its own group, addressable when asked (SvgOptions.relationGroups).
  const of = (e: EdgeGeometry, body: string) => (options.relationGroups && body !== '' ? el('g', { 'data-relation': e.id }, body) : body);
  parts.push(`<g transform="translate(${f(layout.offset.x)} ${f(layout.offset.y)})">\n`);
  parts.push(el('g', { id: 'layer-linked' }, layout.edges.map((e) => of(e, linkedBox(e, theme))).join('')) + '\n');
  parts.push(el('g', { id: 'layer-relations' }, layout.edges.filter((e) => e.kind !== 'undercuts').map((e) => edge(e, theme)).join('\n')) + '\n');
  parts.push(el('g', { id: 'layer-inferences' }, layout.edges.map((e) => of(e, inference(e, attacked(e), theme))).join('')) + '\n');
  // Undercuts over the inference points, so their bar shows on the point it attacks.
  parts.push(el('g', { id: 'layer-undercuts' }, layout.edges.filter((e) => e.kind === 'undercuts').map((e) => edge(e, theme)).join('\n')) + '\n');
  parts.push(el('g', { id: 'layer-labels' }, layout.edges.map((e) => of(e, label(e, theme))).join('')) + '\n');
  parts.push(el('g', { id: 'layer-nodes' }, '\n' + layout.nodes.map((n) => node(n, theme)).join('\n') + '\n') + '\n');
  parts.push('</g>\n');
  if (layout.legend && layout.legend.length > 0) parts.push(el('g', { id: 'legend' }, layout.legend.map((l) => legendEntry(l, theme)).join('')) + '\n');
  if (layout.caption) parts.push(el('g', { id: 'caption' }, text(layout.caption, theme.ink)) + '\n');
  if (layout.citations && layout.citations.length > 0) parts.push(el('g', { id: 'citations' }, layout.citations.map((b) => text(b, theme.ink)).join('')) + '\n');
  parts.push('</svg>\n');
  return parts.join('');
}
