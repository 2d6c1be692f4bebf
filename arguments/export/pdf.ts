// PDF figures: the figure's SVG drawn as vectors into a PDFKit document with svg-to-pdfkit,
// the bundled fonts embedded, the map attached as map.argmap.json. The libraries are handed
// in (PDFKit's Node build in the CLI, its browser build in the app), so both run this code.
import { PDF_ATTACHMENT_NAME } from './embed';
import type { PageSize } from './figure';
import type { FontStyle } from './metrics';

/** The parts of PDFKit this uses (its Node and browser builds both have them). */
export interface PdfDocumentLike {
  registerFont(name: string, src: Uint8Array | ArrayBuffer): unknown;
  font(name: string): unknown;
  save(): unknown;
  restore(): unknown;
  addPage(options: Record<string, unknown>): unknown;
  translate(x: number, y: number): unknown;
  scale(k: number): unknown;
  file(src: Uint8Array, options: Record<string, unknown>): unknown;
  on(event: 'data', listener: (chunk: Uint8Array) => void): unknown;
  on(event: 'end', listener: () => void): unknown;
  on(event: 'error', listener: (err: unknown) => void): unknown;
  end(): void;
}

export interface PdfLibraries {
  PDFDocument: new (options: Record<string, unknown>) => PdfDocumentLike;
  SVGtoPDF: (doc: PdfDocumentLike, svg: string, x: number, y: number, options: Record<string, unknown>) => void;
}

export type FontBytes = Record<FontStyle, Uint8Array>;

export interface PdfFigure {
  /** The figure's SVG; the copy without the map in <metadata> is enough (the PDF attaches it). */
  svg: string;
  width: number;
  height: number;
  mapJson: string;
  title: string;
  description?: string;
  /** ISO date for the PDF's dates (the map's modification time), so the same map gives the same bytes. */
  date?: string;
  /** A page-ready figure's printed width, pt: its page is exactly the figure at that width (with page 'fit'). */
  printWidthPt?: number;
}

const PT_PER_PX = 72 / 96;
/** The largest page PDF viewers accept (200 in). */
const MAX_PAGE_PT = 14400;
const PAPER: Record<Exclude<PageSize, 'fit'>, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };
const PAPER_MARGIN = 36;

const FONT_NAMES: Record<FontStyle, string> = { regular: 'SourceSerif4-Regular', italic: 'SourceSerif4-Italic', bold: 'SourceSerif4-Bold' };

/** Page size and where the figure goes on it, in points. */
export function pdfPlacement(width: number, height: number, page: PageSize, printWidthPt?: number): { page: [number, number]; x: number; y: number; scale: number } {
  const w = width * PT_PER_PX;
  const h = height * PT_PER_PX;
  if (page === 'fit' && printWidthPt !== undefined) {
    const k = printWidthPt / w;
    return { page: [printWidthPt, h * k], x: 0, y: 0, scale: k };
  }
  if (page === 'fit') {
    const k = Math.min(1, MAX_PAGE_PT / w, MAX_PAGE_PT / h);
    return { page: [w * k, h * k], x: 0, y: 0, scale: k };
  }
  const [pw, ph] = PAPER[page];
  const [W, H] = w > h ? [ph, pw] : [pw, ph]; // landscape for wide figures
  const k = Math.min((W - 2 * PAPER_MARGIN) / w, (H - 2 * PAPER_MARGIN) / h);
  return { page: [W, H], x: (W - w * k) / 2, y: (H - h * k) / 2, scale: k };
}

/** One figure a page; with several (a figure set), the map and title of the first. */
export async function writePdf(libs: PdfLibraries, fonts: FontBytes, figures: PdfFigure | readonly PdfFigure[], page: PageSize): Promise<Uint8Array> {
  const pages: readonly PdfFigure[] = Array.isArray(figures) ? figures : [figures as PdfFigure];
  const figure = pages[0]!;
  const place = pdfPlacement(figure.width, figure.height, page, figure.printWidthPt);
  const date = figure.date && !Number.isNaN(Date.parse(figure.date)) ? new Date(figure.date) : new Date(0);
  const doc = new libs.PDFDocument({
    size: place.page,
    margin: 0,
    font: null,
    compress: true,
    displayTitle: true,
    info: {
      Title: figure.title,
      ...(figure.description ? { Subject: figure.description } : {}),
      Creator: 'Argument Atlas',
      Producer: 'Argument Atlas (PDFKit, svg-to-pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  });
  const chunks: Uint8Array[] = [];
  const finished = new Promise<void>((resolve, reject) => {
    doc.on('data', (c) => chunks.push(c));
    doc.on('end', () => resolve());
    doc.on('error', reject);
  });
  for (const style of ['regular', 'italic', 'bold'] as const) doc.registerFont(FONT_NAMES[style], fonts[style]);
  doc.font(FONT_NAMES.regular);

  const warnings: string[] = [];
  pages.forEach((one, i) => {
    const at = i === 0 ? place : pdfPlacement(one.width, one.height, page, one.printWidthPt);
    if (i > 0) doc.addPage({ size: at.page, margin: 0 });
    doc.save();
    doc.translate(at.x, at.y);
    doc.scale(at.scale);
    libs.SVGtoPDF(doc, one.svg, 0, 0, {
      width: one.width * PT_PER_PX,
      height: one.height * PT_PER_PX,
      // Every text is in the bundled family: pick the style by weight and slant.
      fontCallback: (_family: string, bold: boolean, italic: boolean) => FONT_NAMES[bold ? 'bold' : italic ? 'italic' : 'regular'],
      warningCallback: (w: string) => warnings.push(w),
    });
    doc.restore();
  });

  doc.file(new TextEncoder().encode(figure.mapJson), {
    name: PDF_ATTACHMENT_NAME,
    type: 'application/json',
    description: 'The argument map this figure was drawn from (Argument Atlas, .argmap.json); open the PDF in Argument Atlas to edit it.',
    creationDate: date,
    modifiedDate: date,
    relationship: 'Source',
  });
  doc.end();
  await finished;
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
