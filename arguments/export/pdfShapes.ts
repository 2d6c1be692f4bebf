// A figure part's shapes drawn straight into PDFKit, with the very calls svg-to-pdfkit would make
// for them: the same operators, numbers and graphics state, so the same bytes in the file
// (tests/unit/export/pdfShapes.test.ts compares the content streams). svg-to-pdfkit parses the
// SVG into a DOM, resolves every style property through its inheritance chain and measures
// every path segment's length; for the few elements the SVG writer (svg.ts) puts in a card, an
// arrow or a label that was most of the time a handout of a large map took to draw.
//
// Only what the writer writes is read: <g> with an id, <rect> and <path> with presentation
// attributes, absolute path commands, hex colours, unitless numbers. Anything else (a
// transform, a style, a unit, an element or attribute not listed) makes drawShapes return
// false before it has drawn anything, and the caller hands the SVG to svg-to-pdfkit.

/** The parts of PDFKit this uses (Node and browser builds). */
export interface ShapesDocument {
  save(): unknown;
  restore(): unknown;
  translate(x: number, y: number): unknown;
  scale(factor: number): unknown;
  moveTo(x: number, y: number): unknown;
  lineTo(x: number, y: number): unknown;
  bezierCurveTo(c1x: number, c1y: number, c2x: number, c2y: number, x: number, y: number): unknown;
  closePath(): unknown;
  fillColor(color: string | number[], opacity?: number): unknown;
  strokeColor(color: string | number[], opacity?: number): unknown;
  lineWidth(w: number): unknown;
  miterLimit(m: number): unknown;
  lineJoin(j: string): unknown;
  lineCap(c: string): unknown;
  dash(pattern: number[], options: { phase: number }): unknown;
  fill(rule?: string): unknown;
  stroke(): unknown;
  fillAndStroke(rule?: string): unknown;
  _fillColor?: unknown;
}

type Command = ['move', number, number] | ['line', number, number] | ['curve', number, number, number, number, number, number] | ['close'];

interface Shape {
  commands: Command[];
  fill: number[] | null;
  fillOpacity: number;
  stroke: number[] | null;
  strokeWidth: number;
  dash: number[];
  lineJoin: 'miter' | 'round' | 'bevel';
  lineCap: 'butt' | 'round' | 'square';
}

type Node = { kind: 'group'; children: Node[] } | { kind: 'shape'; shape: Shape };

/** svg-to-pdfkit's arcs: a quarter circle at most per curve (its default precision, 3). */
const PRECISION = 3;
const isEqual = (a: number, b: number) => Math.abs(a - b) < 1e-10;

const NUMBER = /^[-+]?(?:[0-9]+[.][0-9]+|[0-9]+[.]|[.][0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?$/;
const num = (s: string | undefined): number | null => (s !== undefined && NUMBER.test(s) ? Number(s) : null);

function color(value: string | undefined, initial: number[] | null): number[] | null | undefined {
  if (value === undefined) return initial;
  if (value === 'none' || value === 'transparent') return null;
  let m = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(value);
  if (m) return [parseInt(m[1]!, 16), parseInt(m[2]!, 16), parseInt(m[3]!, 16)];
  m = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(value);
  if (m) return [0x11 * parseInt(m[1]!, 16), 0x11 * parseInt(m[2]!, 16), 0x11 * parseInt(m[3]!, 16)];
  return undefined;
}

const PATH_TOKEN = /\s*(?:,\s*)?(?:([MLHVCQAZmlhvcqaz])|([-+]?(?:[0-9]+[.][0-9]+|[0-9]+[.]|[.][0-9]+|[0-9]+)(?:[eE][-+]?[0-9]+)?))/y;

/** The path as svg-to-pdfkit's SvgShape records it (relative commands made absolute the way it does, quadratics and arcs as cubic curves); null for what it is not sure of. */
export function pathCommands(d: string): Command[] | null {
  const out: Command[] = [];
  const arity: Record<string, number> = { M: 2, L: 2, H: 1, V: 1, C: 6, Q: 4, A: 7, Z: 0 };
  let [startX, startY, x, y] = [0, 0, 0, 0];
  // Commands and numbers, as the writer separates them (spaces, a comma); anything else: null.
  const items: (string | number)[] = [];
  let end = 0;
  PATH_TOKEN.lastIndex = 0;
  for (let m = PATH_TOKEN.exec(d); m; m = end === d.length ? null : PATH_TOKEN.exec(d)) {
    items.push(m[1] ?? Number(m[2]));
    end = PATH_TOKEN.lastIndex;
  }
  if (items.length === 0 || !/^\s*$/.test(d.slice(end))) return null;
  let i = 0;
  while (i < items.length) {
    const c = items[i++]!;
    if (typeof c !== 'string') return null;
    const args: number[] = [];
    while (i < items.length && typeof items[i] === 'number') args.push(items[i++] as number);
    const C = c.toUpperCase();
    // One set of arguments per command, as the writer writes them (no implicit repeats).
    if (args.length !== arity[C]) return null;
    if (C === 'A' && ![args[3], args[4]].every((f) => f === 0 || f === 1)) return null;
    const rel = c !== C;
    // svg-to-pdfkit's m, l, h, v, c, q, a: the absolute command at currX + dx, currY + dy.
    const ax = (v: number) => (rel ? x + v : v);
    const ay = (v: number) => (rel ? y + v : v);
    switch (C) {
      case 'M': {
        const [nx, ny] = [ax(args[0]!), ay(args[1]!)];
        out.push(['move', nx, ny]);
        [startX, startY, x, y] = [nx, ny, nx, ny];
        break;
      }
      case 'L':
      case 'H':
      case 'V': {
        const [nx, ny] = C === 'L' ? [ax(args[0]!), ay(args[1]!)] : C === 'H' ? [ax(args[0]!), y] : [x, ay(args[0]!)];
        out.push(['line', nx, ny]);
        [x, y] = [nx, ny];
        break;
      }
      case 'C': {
        const [ex, ey] = [ax(args[4]!), ay(args[5]!)];
        out.push(['curve', ax(args[0]!), ay(args[1]!), ax(args[2]!), ay(args[3]!), ex, ey]);
        [x, y] = [ex, ey];
        break;
      }
      case 'Q': {
        const [cx, cy, ex, ey] = [ax(args[0]!), ay(args[1]!), ax(args[2]!), ay(args[3]!)];
        out.push(['curve', x + (2 / 3) * (cx - x), y + (2 / 3) * (cy - y), ex + (2 / 3) * (cx - ex), ey + (2 / 3) * (cy - ey), ex, ey]);
        [x, y] = [ex, ey];
        break;
      }
      case 'A': {
        const [ex, ey] = [ax(args[5]!), ay(args[6]!)];
        arc(out, x, y, args[0]!, args[1]!, args[2]!, args[3]!, args[4]!, ex, ey);
        // svg-to-pdfkit goes on from where its last curve ended (computed), not from the arc's own end.
        const last = out.at(-1)!;
        [x, y] = [last[last.length - 2] as number, last[last.length - 1] as number];
        break;
      }
      case 'Z':
        out.push(['close']);
        [x, y] = [startX, startY];
        break;
    }
  }
  return out;
}

/** svg-to-pdfkit's SvgShape.A, operation for operation (the same floating-point results). */
function arc(out: Command[], currX: number, currY: number, rx: number, ry: number, fi: number, fa: number, fs: number, x: number, y: number): void {
  if (isEqual(rx, 0) || isEqual(ry, 0)) {
    out.push(['line', x, y]);
    return;
  }
  fi = fi * (Math.PI / 180);
  rx = Math.abs(rx);
  ry = Math.abs(ry);
  fa = 1 * Number(!!fa);
  fs = 1 * Number(!!fs);
  const x1 = (Math.cos(fi) * (currX - x)) / 2 + (Math.sin(fi) * (currY - y)) / 2,
    y1 = (Math.cos(fi) * (currY - y)) / 2 - (Math.sin(fi) * (currX - x)) / 2,
    lambda = (x1 * x1) / (rx * rx) + (y1 * y1) / (ry * ry);
  if (lambda > 1) {
    rx *= Math.sqrt(lambda);
    ry *= Math.sqrt(lambda);
  }
  const r = Math.sqrt(Math.max(0, rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1) / (rx * rx * y1 * y1 + ry * ry * x1 * x1)),
    x2 = ((fa === fs ? -1 : 1) * r * rx * y1) / ry,
    y2 = ((fa === fs ? 1 : -1) * r * ry * x1) / rx;
  const cx = Math.cos(fi) * x2 - Math.sin(fi) * y2 + (currX + x) / 2,
    cy = Math.sin(fi) * x2 + Math.cos(fi) * y2 + (currY + y) / 2,
    th1 = Math.atan2((y1 - y2) / ry, (x1 - x2) / rx);
  let th2 = Math.atan2((-y1 - y2) / ry, (-x1 - x2) / rx);
  if (fs === 0 && th2 - th1 > 0) th2 -= 2 * Math.PI;
  else if (fs === 1 && th2 - th1 < 0) th2 += 2 * Math.PI;
  const segms = Math.ceil(Math.abs(th2 - th1) / (Math.PI / PRECISION));
  for (let i = 0; i < segms; i++) {
    const th3 = th1 + (i * (th2 - th1)) / segms,
      th4 = th1 + ((i + 1) * (th2 - th1)) / segms,
      t = (4 / 3) * Math.tan((th4 - th3) / 4);
    const c1x = cx + Math.cos(fi) * rx * (Math.cos(th3) - t * Math.sin(th3)) - Math.sin(fi) * ry * (Math.sin(th3) + t * Math.cos(th3)),
      c1y = cy + Math.sin(fi) * rx * (Math.cos(th3) - t * Math.sin(th3)) + Math.cos(fi) * ry * (Math.sin(th3) + t * Math.cos(th3)),
      c2x = cx + Math.cos(fi) * rx * (Math.cos(th4) + t * Math.sin(th4)) - Math.sin(fi) * ry * (Math.sin(th4) - t * Math.cos(th4)),
      c2y = cy + Math.sin(fi) * rx * (Math.cos(th4) + t * Math.sin(th4)) + Math.cos(fi) * ry * (Math.sin(th4) - t * Math.cos(th4)),
      endX = cx + Math.cos(fi) * rx * Math.cos(th4) - Math.sin(fi) * ry * Math.sin(th4),
      endY = cy + Math.sin(fi) * rx * Math.cos(th4) + Math.cos(fi) * ry * Math.sin(th4);
    out.push(['curve', c1x, c1y, c2x, c2y, endX, endY]);
  }
}

/** svg-to-pdfkit's rect: a rounded one as lines and quarter arcs, from the top left corner's end. */
function rectCommands(x: number, y: number, w: number, h: number, rx: number | undefined, ry: number | undefined): Command[] {
  if (rx === undefined && ry === undefined) rx = ry = 0;
  else if (rx === undefined) rx = ry;
  else if (ry === undefined) ry = rx;
  if (!(rx && ry)) return [['move', x, y], ['line', x + w, y], ['line', x + w, y + h], ['line', x, y + h], ['close']];
  rx = Math.min(rx, 0.5 * w);
  ry = Math.min(ry!, 0.5 * h);
  const out: Command[] = [['move', x + rx, y], ['line', x + w - rx, y]];
  arc(out, x + w - rx, y, rx, ry, 0, 0, 1, x + w, y + ry);
  out.push(['line', x + w, y + h - ry]);
  arc(out, x + w, y + h - ry, rx, ry, 0, 0, 1, x + w - rx, y + h);
  out.push(['line', x + rx, y + h]);
  arc(out, x + rx, y + h, rx, ry, 0, 0, 1, x, y + h - ry);
  out.push(['line', x, y + ry]);
  arc(out, x, y + ry, rx, ry, 0, 0, 1, x + rx, y);
  out.push(['close']);
  return out;
}

const ATTR = /\s*([\w:-]+)="([^"<&]*)"/y;
const OPEN = /<(g|rect|path)\b/y;
const SHAPE_ATTRS = new Set(['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-linejoin', 'stroke-linecap']);
const JOINS = ['miter', 'round', 'bevel'] as const;
const CAPS = ['butt', 'round', 'square'] as const;
const oneOf = <T extends string>(values: readonly T[], v: string | undefined, initial: T): T | null => (v === undefined ? initial : (values as readonly string[]).includes(v) ? (v as T) : null);
const RECT_ATTRS = new Set([...SHAPE_ATTRS, 'x', 'y', 'width', 'height', 'rx', 'ry']);
const PATH_ATTRS = new Set([...SHAPE_ATTRS, 'd']);

function shapeOf(tag: 'rect' | 'path', a: Record<string, string>): Shape | null {
  const known = tag === 'rect' ? RECT_ATTRS : PATH_ATTRS;
  for (const k of Object.keys(a)) if (!known.has(k)) return null;
  const fill = color(a.fill, [0, 0, 0]);
  const stroke = color(a.stroke, null);
  if (fill === undefined || stroke === undefined) return null;
  const fillOpacity = a['fill-opacity'] === undefined ? 1 : num(a['fill-opacity']);
  const strokeWidth = a['stroke-width'] === undefined ? 1 : num(a['stroke-width']);
  if (fillOpacity === null || fillOpacity < 0 || fillOpacity > 1 || strokeWidth === null || strokeWidth < 0) return null;
  let dash: number[] = [];
  if (a['stroke-dasharray'] !== undefined && a['stroke-dasharray'] !== 'none') {
    const parts = a['stroke-dasharray'].trim().split(/\s*,\s*|\s+/).map(num);
    if (parts.some((p) => p === null || p < 0)) return null;
    dash = parts as number[];
    if (dash.length % 2 === 1) dash = dash.concat(dash);
    if (dash.reduce((s, p) => s + p, 0) === 0) dash = [];
  }
  let commands: Command[] | null;
  if (tag === 'path') commands = a.d === undefined ? null : pathCommands(a.d);
  else {
    const [x, y, w, h] = [num(a.x ?? '0'), num(a.y ?? '0'), num(a.width), num(a.height)];
    const [rx, ry] = [a.rx === undefined ? undefined : num(a.rx), a.ry === undefined ? undefined : num(a.ry)];
    commands = x === null || y === null || w === null || h === null || rx === null || ry === null || !(w > 0 && h > 0) ? null : rectCommands(x, y, w, h, rx, ry);
  }
  const lineJoin = oneOf(JOINS, a['stroke-linejoin'], 'miter');
  const lineCap = oneOf(CAPS, a['stroke-linecap'], 'butt');
  if (!commands || commands.length === 0 || !lineJoin || !lineCap) return null;
  // A round or square cap draws a dot where a stroked subpath has no length (svg-to-pdfkit's own
  // way, not copied here): such a shape is left to it.
  if (stroke && lineCap !== 'butt' && subpaths(commands).some((sub) => !hasLength(sub))) return null;
  return { commands, fill, fillOpacity, stroke, strokeWidth, dash, lineJoin, lineCap };
}

/** The writer's shapes (no text: pdfText.ts takes it out) as a tree; null for anything else. */
export function readShapes(svg: string): Node[] | null {
  const root: Node[] = [];
  const stack: Node[][] = [root];
  let i = 0;
  const n = svg.length;
  while (i < n) {
    // White space between elements is no child of theirs (svg-to-pdfkit draws no text nodes there).
    if (svg[i] === ' ' || svg[i] === '\n' || svg[i] === '\t' || svg[i] === '\r') {
      i++;
      continue;
    }
    if (svg.startsWith('</g>', i)) {
      if (stack.length === 1) return null;
      stack.pop();
      i += 4;
      continue;
    }
    OPEN.lastIndex = i;
    const m = OPEN.exec(svg);
    if (!m) return null;
    i = OPEN.lastIndex;
    const attrs: Record<string, string> = {};
    for (;;) {
      ATTR.lastIndex = i;
      const a = ATTR.exec(svg);
      if (!a) break;
      if (Object.hasOwn(attrs, a[1]!)) return null;
      attrs[a[1]!] = a[2]!;
      i = ATTR.lastIndex;
    }
    while (svg[i] === ' ') i++;
    const selfClosing = svg.startsWith('/>', i);
    if (!selfClosing && svg[i] !== '>') return null;
    i += selfClosing ? 2 : 1;
    if (m[1] === 'g') {
      if (Object.keys(attrs).some((k) => k !== 'id')) return null;
      const group: Node = { kind: 'group', children: [] };
      stack.at(-1)!.push(group);
      if (!selfClosing) stack.push(group.children);
      continue;
    }
    if (!selfClosing && !svg.startsWith(`</${m[1]}>`, i)) return null;
    if (!selfClosing) i += m[1]!.length + 3;
    const shape = shapeOf(m[1] as 'rect' | 'path', attrs);
    if (!shape) return null;
    stack.at(-1)!.push({ kind: 'shape', shape });
  }
  return stack.length === 1 ? root : null;
}

/** A subpath is drawn when it has length: some point of it is not where it starts. */
function subpaths(commands: readonly Command[]): Command[][] {
  const out: Command[][] = [];
  commands.forEach((c, k) => {
    if (c[0] === 'move' && k !== 0) out.push([]);
    if (out.length === 0) out.push([]);
    out.at(-1)!.push(c);
  });
  return out;
}

function hasLength(sub: readonly Command[]): boolean {
  let [sx, sy, x, y] = [0, 0, 0, 0];
  for (const c of sub) {
    if (c[0] === 'move') [sx, sy, x, y] = [c[1], c[2], c[1], c[2]];
    else if (c[0] === 'close') {
      if (x !== sx || y !== sy) return true;
      [x, y] = [sx, sy];
    } else {
      for (let j = 1; j < c.length; j += 2) if (c[j] !== x || c[j + 1] !== y) return true;
      [x, y] = [c[c.length - 2] as number, c[c.length - 1] as number];
    }
  }
  return false;
}

function drawShape(doc: ShapesDocument, s: Shape): void {
  doc.save();
  const fill = s.fill && s.fillOpacity ? s.fill : null;
  const stroke = s.stroke && !isEqual(s.strokeWidth, 0) ? s.stroke : null;
  if (fill || stroke) {
    if (fill) doc.fillColor(fill.slice(), 1 * s.fillOpacity);
    if (stroke) {
      doc.strokeColor(stroke.slice(), 1);
      doc.lineWidth(s.strokeWidth);
      doc.miterLimit(4);
      doc.lineJoin(s.lineJoin);
      doc.lineCap(s.lineCap);
      doc.dash(s.dash.slice(), { phase: 0 });
    }
    for (const sub of subpaths(s.commands))
      if (hasLength(sub))
        for (const c of sub) {
          if (c[0] === 'move') doc.moveTo(c[1], c[2]);
          else if (c[0] === 'line') doc.lineTo(c[1], c[2]);
          else if (c[0] === 'curve') doc.bezierCurveTo(c[1], c[2], c[3], c[4], c[5], c[6]);
          else doc.closePath();
        }
    if (fill && stroke) doc.fillAndStroke('nonzero');
    else if (fill) doc.fill('nonzero');
    else doc.stroke();
  }
  doc.restore();
}

function drawNodes(doc: ShapesDocument, nodes: readonly Node[]): void {
  for (const node of nodes) {
    if (node.kind === 'shape') drawShape(doc, node.shape);
    else {
      doc.save();
      drawNodes(doc, node.children);
      doc.restore();
    }
  }
}

/**
 * Draws `shapes` (the inside of a part's SVG, its text taken out) as svg-to-pdfkit draws
 * `<svg width viewBox="0 0 w h" overflow="visible">shapes</svg>` at (0, 0) with `assumePt`: the
 * same calls in the same order. False, and nothing drawn, when it holds anything else.
 */
export function drawShapes(doc: ShapesDocument, shapes: string): boolean {
  const nodes = readShapes(shapes);
  if (!nodes) return false;
  const saved = doc._fillColor;
  doc.save();
  doc.translate(0, 0);
  doc.scale(1);
  doc.save();
  drawNodes(doc, nodes);
  doc.restore();
  doc.restore();
  doc._fillColor = saved;
  return true;
}
