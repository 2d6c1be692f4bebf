// A figure part's text set with PDFKit's own text API, not by svg-to-pdfkit. svg-to-pdfkit
// lays out and places a <text> glyph by glyph, which was most of the time a handout of a large
// map took to draw; PDFKit sets a whole line at once, in the same registered face and size, at
// the same baseline. The SVG writer (svg.ts) has already wrapped and placed every line (one
// tspan per line, or per run where the line changes font, each at its measured x), so there is
// nothing to lay out: each tspan is one call. The shapes stay with svg-to-pdfkit.
//
// This reads the writer's own <text> elements, not any SVG: presentation attributes only, no
// nested markup but tspans, every user string escaped by escapeXml.

/** One run of text as the SVG places it: at (x, y) = its baseline's start, middle or end. */
export interface PlacedRun {
  text: string;
  x: number;
  y: number;
  size: number;
  bold: boolean;
  italic: boolean;
  family: string;
  anchor: 'start' | 'middle' | 'end';
  fill: string;
}

/** The parts of PDFKit this uses. */
export interface TextDocument {
  font(name: string): unknown;
  fontSize(size: number): unknown;
  fillColor(color: string | number[], opacity?: number): unknown;
  widthOfString(text: string, options?: Record<string, unknown>): number;
  text(text: string, x: number, y: number, options: Record<string, unknown>): unknown;
  x: number;
  y: number;
}

const TEXT = /<text\b([^>]*)>([\s\S]*?)<\/text>/g;
const TSPAN = /<tspan\b([^>]*)>([^<]*)<\/tspan>/g;
const ATTR = /([\w:-]+)="([^"]*)"/g;

function attributes(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of s.matchAll(ATTR)) out[m[1]!] = unescapeXml(m[2]!);
  return out;
}

const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

export function unescapeXml(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : NAMED[e.toLowerCase()]!,
  );
}

/**
 * A part's SVG without its <text> elements, and the runs they held, in document order. Text
 * in the writer's output is always drawn above the shapes of its part but the badge's frame,
 * which it never overlaps, so setting the runs after the shapes draws the same picture.
 */
export function takeSvgText(svg: string): { shapes: string; runs: PlacedRun[] } {
  const runs: PlacedRun[] = [];
  const shapes = svg.replace(TEXT, (_, textAttrs: string, body: string) => {
    const t = attributes(textAttrs);
    for (const m of body.matchAll(TSPAN)) {
      const s = attributes(m[1]!);
      // SVG collapses white space (the writer's lines have none doubled, but a run may end in one).
      const text = unescapeXml(m[2]!).replace(/[\t\n\r ]+/g, ' ');
      if (text.trim() === '') continue;
      const anchor = (s['text-anchor'] ?? t['text-anchor'] ?? 'start') as PlacedRun['anchor'];
      runs.push({
        text,
        x: Number(s.x ?? t.x ?? 0),
        y: Number(s.y ?? t.y ?? 0),
        size: Number(s['font-size'] ?? t['font-size'] ?? 16),
        bold: (s['font-weight'] ?? t['font-weight']) === 'bold',
        italic: (s['font-style'] ?? t['font-style']) === 'italic',
        family: s['font-family'] ?? t['font-family'] ?? '',
        anchor,
        fill: s.fill ?? t.fill ?? '#000000',
      });
    }
    return '';
  });
  return { shapes, runs };
}

/**
 * Sets each run in the face `fontOf` names for it (as svg-to-pdfkit's fontCallback would), its
 * size and colour, on its baseline, in the current coordinates (1 unit = 1 px of the SVG).
 */
export function drawRuns(doc: TextDocument, runs: readonly PlacedRun[], fontOf: (family: string, bold: boolean, italic: boolean) => string): void {
  const [x0, y0] = [doc.x, doc.y];
  for (const r of runs) {
    doc.font(fontOf(r.family, r.bold, r.italic));
    doc.fontSize(r.size);
    doc.fillColor(r.fill);
    const w = r.anchor === 'start' ? 0 : doc.widthOfString(r.text);
    const x = r.anchor === 'middle' ? r.x - w / 2 : r.anchor === 'end' ? r.x - w : r.x;
    doc.text(r.text, x, r.y, { lineBreak: false, baseline: 'alphabetic' });
  }
  // PDFKit moves its cursor past what it set: the handout's own text flows from where it was.
  doc.x = x0;
  doc.y = y0;
}
