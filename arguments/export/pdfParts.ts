// Figures drawn into a PDF part by part: each card, arrow, inference point and arrow label of a
// figure's map is drawn once (its shapes by svg-to-pdfkit, from the SVG writer's own elements,
// as pdf.ts draws a whole figure; its text by PDFKit's text API, pdfText.ts) into a PDF form XObject, and every page that shows the part places
// that form. A page per step of the handout shows most of the page before's cards again: so
// the file holds each card's drawing once, and drawing the handout takes time in proportion to
// the map, not to steps × cards. A page draws the same as the figure's SVG would: its frame
// clipped, the background, then the parts in the SVG's order, each in the map's coordinates.
//
// The same object of a layout (one NodeBox or EdgeGeometry) and the same kind of part is the
// same drawing: a step's figure keeps the whole map's objects (revealedFigure), so its forms
// serve every step; a claim's figure is laid out afresh, its objects are its own.
//
// PDFKit has no public API for forms of arbitrary content. svg-to-pdfkit makes its own groups
// the way this does: a form made with doc.ref(), and doc.page swapped, while the part is
// drawn, for one that writes into the form and collects the resources it names.
import type { FigureLayout, Rect } from './layout';
import { PT_PER_PX, type PdfDocumentLike, type PdfLibraries } from './pdfKit';
import { drawShapes, type ShapesDocument } from './pdfShapes';
import { drawRuns, takeSvgText, type TextDocument } from './pdfText';
import { figureFurniture, figureParts, svgRound, type FigurePart } from './svg';
import type { Theme } from './themes';

/** A PDF object PDFKit writes out when it is ended. */
interface PdfRef {
  data: Record<string, unknown>;
  write(chunk: string): void;
  end(): void;
}

/** What PDFKit's drawing reaches of the current page: where its content goes and the resources it names. */
interface PdfPage {
  width: number;
  height: number;
  write(chunk: string): void;
  fonts: Record<string, unknown>;
  xobjects: Record<string, unknown>;
  ext_gstates: Record<string, unknown>;
  patterns: Record<string, unknown>;
  colorSpaces: Record<string, unknown>;
  annotations: unknown[];
}

/** The parts of PDFKit (Node and browser builds) a figure drawn by parts uses. */
export interface PartsDocument extends PdfDocumentLike, TextDocument, ShapesDocument {
  page: PdfPage;
  ref(data?: Record<string, unknown>): PdfRef;
  addContent(data: string): unknown;
  rect(x: number, y: number, w: number, h: number): unknown;
  clip(): unknown;
  fill(color?: string): unknown;
  _fillColor?: unknown;
}

/** A figure as the handout draws it: its layout, the theme it was laid out with, and where its map's parts lie. */
export interface PartsFigure {
  layout: FigureLayout;
  theme: Theme;
  /** Its SVG: what svg-to-pdfkit draws of a figure drawn `bySvg`. */
  readonly svg: string;
  /**
   * Its parts recur on other pages (a step's figure: the whole map's parts): each is drawn once,
   * as a form. A figure of its own (a claim's) has its parts drawn straight into the page:
   * forms used once would only make the file larger.
   */
  recurs: boolean;
  /** Drawn from its SVG by svg-to-pdfkit in one go, as pdf.ts draws figures (what the tests compare the parts with). */
  bySvg?: boolean;
  /** A rectangle of the map's coordinates that holds every part (a step's: the whole map's figure, so its forms serve all steps). */
  mapBox: Rect;
}

const XMLNS = 'http://www.w3.org/2000/svg';

/** The map's coordinates a figure's frame shows. */
export const mapBoxOf = (layout: FigureLayout): Rect => ({ x: -layout.offset.x, y: -layout.offset.y, w: layout.width, h: layout.height });

/** How many times each part of `figures` will be placed: the parts of recurring figures drawn by parts, counted by object and kind. */
export function placements(figures: readonly PartsFigure[]): (part: FigurePart) => number {
  const counts = new WeakMap<object, Map<FigurePart['kind'], number>>();
  for (const f of figures)
    if (f.recurs && !f.bySvg && figureFurniture(f.layout, f.theme) === '')
      for (const part of figureParts(f.layout, f.theme)) {
        let byKind = counts.get(part.of);
        if (!byKind) counts.set(part.of, (byKind = new Map()));
        byKind.set(part.kind, (byKind.get(part.kind) ?? 0) + 1);
      }
  return (part) => counts.get(part.of)?.get(part.kind) ?? 0;
}

export class FigureParts {
  private readonly forms = new WeakMap<object, Map<FigurePart['kind'], { name: string; ref: PdfRef }>>();
  private count = 0;
  /**
   * Parts drawn once as forms, form placements, parts of recurring figures drawn straight into
   * their one page (a form placed once would only add an object), and parts whose shapes
   * svg-to-pdfkit drew (not pdfShapes.ts): for the tests and the bench's notes.
   */
  readonly counts = { drawn: 0, placed: 0, inline: 0, byLibrary: 0 };
  /** What svg-to-pdfkit said about what it drew (it would print it to the console otherwise). */
  readonly warnings: string[] = [];
  private readonly warn = (w: string) => void this.warnings.push(w);

  /** `placed`: how many times a part will be placed (placements()); a part placed once is drawn into its page, not as a form. */
  constructor(
    private readonly doc: PartsDocument,
    private readonly libs: PdfLibraries,
    private readonly fontCallback: (family: string, bold: boolean, italic: boolean) => string,
    private readonly placed: (part: FigurePart) => number = () => 2,
  ) {}

  /**
   * Draws `figure` at the current origin, 1 px of it = PT_PER_PX pt (as SVGtoPDF draws its SVG
   * at `width: figure.width * PT_PER_PX`): framed and clipped to its size, its background, its parts.
   */
  draw(figure: PartsFigure): void {
    const { doc } = this;
    const { layout, theme } = figure;
    // A figure with a legend, caption or list of sources (none in a handout) is drawn whole: those are its own.
    if (figure.bySvg || figureFurniture(layout, theme) !== '') {
      this.libs.SVGtoPDF(doc, figure.svg, 0, 0, { width: layout.width * PT_PER_PX, height: layout.height * PT_PER_PX, fontCallback: this.fontCallback, warningCallback: this.warn });
      return;
    }
    const fillColor = doc._fillColor;
    doc.save();
    doc.scale(PT_PER_PX);
    doc.rect(0, 0, layout.width, layout.height);
    doc.clip();
    doc.rect(0, 0, layout.width, layout.height);
    doc.fill(theme.background);
    doc.save();
    doc.translate(svgRound(layout.offset.x), svgRound(layout.offset.y));
    for (const part of figureParts(layout, theme))
      if (figure.recurs && this.placed(part) > 1) this.place(part, figure.mapBox);
      else {
        this.drawPart(part, figure.mapBox);
        if (figure.recurs) this.counts.inline++;
      }
    doc.restore();
    doc.restore();
    doc._fillColor = fillColor;
  }

  private place(part: FigurePart, box: Rect): void {
    let byKind = this.forms.get(part.of);
    if (!byKind) this.forms.set(part.of, (byKind = new Map()));
    let form = byKind.get(part.kind);
    if (!form) byKind.set(part.kind, (form = this.formOf(part, box)));
    this.doc.page.xobjects[form.name] = form.ref;
    this.doc.addContent(`/${form.name} Do`);
    this.counts.placed++;
  }

  /**
   * The part drawn where the page's coordinates are the map's: the shapes with svg-to-pdfkit's own
   * calls but without it (pdfShapes.ts; anything the writer does not usually write, by it), the
   * text by PDFKit's text API (pdfText.ts: much faster than svg-to-pdfkit's glyph by glyph, same
   * faces and baselines).
   */
  private drawPart(part: FigurePart, box: Rect): void {
    const { doc } = this;
    const { shapes, runs } = takeSvgText(part.svg());
    if (!drawShapes(doc, shapes)) {
      const svg = `<svg xmlns="${XMLNS}" width="${box.w}" height="${box.h}" viewBox="0 0 ${box.w} ${box.h}" overflow="visible">${shapes}</svg>`;
      this.libs.SVGtoPDF(doc, svg, 0, 0, { assumePt: true, width: box.w, height: box.h, fontCallback: this.fontCallback, warningCallback: this.warn });
      this.counts.byLibrary++;
    }
    if (runs.length > 0) drawRuns(doc, runs, this.fontCallback);
  }

  /** The part drawn into a form of its own, in the map's coordinates (those of `box`, which clips it as the figure's frame would). */
  private formOf(part: FigurePart, box: Rect): { name: string; ref: PdfRef } {
    const { doc } = this;
    const resources = doc.ref();
    const ref = doc.ref({ Type: 'XObject', Subtype: 'Form', FormType: 1, BBox: [box.x, box.y, box.x + box.w, box.y + box.h], Resources: resources });
    const page = doc.page;
    const into: PdfPage = { width: page.width, height: page.height, write: (chunk) => ref.write(chunk), fonts: {}, xobjects: {}, ext_gstates: {}, patterns: {}, colorSpaces: {}, annotations: [] };
    doc.page = into;
    try {
      // In the map's coordinates as they are (no viewBox shift, no clip of its own): the BBox clips it to the map.
      this.drawPart(part, box);
    } finally {
      doc.page = page;
    }
    const used: Record<string, unknown> = { ProcSet: ['PDF', 'Text'] };
    for (const [key, dict] of [['Font', into.fonts], ['XObject', into.xobjects], ['ExtGState', into.ext_gstates], ['Pattern', into.patterns], ['ColorSpace', into.colorSpaces]] as const) if (Object.keys(dict).length > 0) used[key] = dict;
    resources.data = used;
    resources.end();
    ref.end();
    this.counts.drawn++;
    return { name: `AaPart${++this.count}`, ref };
  }
}
