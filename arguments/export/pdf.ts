// PDF figures: the figure drawn as vectors into a PDFKit document (part by part, pdfParts.ts,
// when its layout is given; else its SVG through svg-to-pdfkit), the bundled fonts embedded,
// the map attached as map.argmap.json. The libraries are handed
// in (PDFKit's Node build in the CLI, its browser build in the app), so both run this code.
import { PDF_ATTACHMENT_NAME } from './embed';
import type { PageSize } from './figure';
import type { FontFaceUse } from './glyphs';
import type { FigureLayout } from './layout';
import type { FigureFont, FontStyle } from './metrics';
import { FigureParts, mapBoxOf, type PartsDocument } from './pdfParts';
import { PT_PER_PX, type PdfDocumentLike, type PdfLibraries } from './pdfKit';
import type { Theme } from './themes';

export type FontBytes = Record<FontStyle, Uint8Array>;

/** A fallback font's faces, by the face name (Noto Serif SC has regular and bold only). */
export type FallbackFontBytes = Partial<Record<Exclude<FigureFont, 'Source Serif 4'>, Partial<Record<FontStyle, Uint8Array>>>>;

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
  /**
   * The figure's layout and theme: then it is drawn part by part (pdfParts.ts: the shapes with
   * svg-to-pdfkit's own calls, the text by PDFKit's text API, which kerns), the page `svg` drawn
   * whole by svg-to-pdfkit gives but for a few glyphs a fraction of a pixel apart
   * (pdfDrawing.test.ts), in a fraction of the time; without them, `svg` is drawn whole.
   */
  drawing?: { layout: FigureLayout; theme: Theme };
}

/** The largest page PDF viewers accept (200 in). */
const MAX_PAGE_PT = 14400;
const PAPER: Record<Exclude<PageSize, 'fit'>, [number, number]> = { a4: [595.28, 841.89], letter: [612, 792] };
const PAPER_MARGIN = 36;

export const FONT_NAMES: Record<FontStyle, string> = { regular: 'SourceSerif4-Regular', italic: 'SourceSerif4-Italic', bold: 'SourceSerif4-Bold' };
/** The PDF names of the fallback faces (PDFKit subsets each one it is given and a figure uses). */
const FALLBACK_NAMES = {
  'Noto Serif': { regular: 'NotoSerif-Regular', italic: 'NotoSerif-Italic', bold: 'NotoSerif-Bold' },
  'Noto Serif SC': { regular: 'NotoSerifSC-Regular', italic: 'NotoSerifSC-Regular', bold: 'NotoSerifSC-Bold' },
} as const satisfies Record<keyof FallbackFontBytes, Record<FontStyle, string>>;

/** The faces a PDF needs beyond Source Serif 4: what the caller loads and passes to writePdf. */
export function fallbackFacesOf(used: readonly FontFaceUse[]): { font: keyof FallbackFontBytes; face: FontStyle }[] {
  return used.filter((u): u is { font: keyof FallbackFontBytes; face: FontStyle } => u.font !== 'Source Serif 4');
}

/** The registered face for an SVG font-family value (the writer names a fallback family first) and style. */
export function pdfFontName(family: string, bold: boolean, italic: boolean, registered: ReadonlySet<string>): string {
  const style: FontStyle = bold ? 'bold' : italic ? 'italic' : 'regular';
  const first = family.split(',')[0]!.trim().replace(/^['"]|['"]$/g, '');
  if (Object.hasOwn(FALLBACK_NAMES, first)) {
    const name = FALLBACK_NAMES[first as keyof typeof FALLBACK_NAMES][style];
    if (registered.has(name)) return name;
  }
  return FONT_NAMES[style];
}

/** Registers Source Serif 4 and the fallback faces given; the fallback names registered (for pdfFontName). */
export function registerPdfFonts(doc: Pick<PdfDocumentLike, 'registerFont'>, fonts: FontBytes, fallbacks: FallbackFontBytes): Set<string> {
  for (const style of ['regular', 'italic', 'bold'] as const) doc.registerFont(FONT_NAMES[style], fonts[style]);
  const registered = new Set<string>();
  for (const font of Object.keys(FALLBACK_NAMES) as (keyof FallbackFontBytes)[]) {
    const faces = Object.hasOwn(fallbacks, font) ? fallbacks[font]! : {};
    for (const face of ['regular', 'italic', 'bold'] as const)
      if (Object.hasOwn(faces, face) && !registered.has(FALLBACK_NAMES[font][face])) {
        doc.registerFont(FALLBACK_NAMES[font][face], faces[face]!);
        registered.add(FALLBACK_NAMES[font][face]);
      }
  }
  return registered;
}

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

/**
 * The PDF of a figure, or of a figure set (one figure a page; the map and title of the first).
 * `fallbacks` holds the fallback faces the figures use (fallbackFacesOf their facesUsed); only
 * those are registered, so a Latin-only figure embeds Source Serif alone.
 */
export async function writePdf(libs: PdfLibraries, fonts: FontBytes, figures: PdfFigure | readonly PdfFigure[], page: PageSize, fallbacks: FallbackFontBytes = {}): Promise<Uint8Array> {
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
  const bytes = pdfBytes(doc);
  const registered = registerPdfFonts(doc, fonts, fallbacks);
  doc.font(FONT_NAMES.regular);

  const warnings: string[] = [];
  pages.forEach((one, i) => {
    const at = i === 0 ? place : pdfPlacement(one.width, one.height, page, one.printWidthPt);
    if (i > 0) doc.addPage({ size: at.page, margin: 0 });
    doc.save();
    doc.translate(at.x, at.y);
    doc.scale(at.scale);
    // Every text is in a bundled family (the SVG names the fallback of each run): pick the face by family, weight and slant.
    const fontCallback = (family: string, bold: boolean, italic: boolean) => pdfFontName(family ?? '', bold, italic, registered);
    if (one.drawing) {
      const { layout, theme } = one.drawing;
      const parts = new FigureParts(doc as unknown as PartsDocument, libs, fontCallback);
      parts.draw({ layout, theme, svg: one.svg, recurs: false, mapBox: mapBoxOf(layout) });
      warnings.push(...parts.warnings);
    } else libs.SVGtoPDF(doc, one.svg, 0, 0, { width: one.width * PT_PER_PX, height: one.height * PT_PER_PX, fontCallback, warningCallback: (w: string) => warnings.push(w) });
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
  return bytes;
}

/**
 * The bytes PDFKit writes for `doc`, once `doc.end()` is called: its chunks, collected from the
 * start (listen before drawing anything), joined into one array.
 */
export function pdfBytes(doc: Pick<PdfDocumentLike, 'on'>): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  return new Promise<Uint8Array>((resolve, reject) => {
    doc.on('data', (c: Uint8Array) => chunks.push(c));
    doc.on('end', () => {
      const out = new Uint8Array(chunks.reduce((n, c) => n + c.byteLength, 0));
      let at = 0;
      for (const c of chunks) {
        out.set(c, at);
        at += c.byteLength;
      }
      resolve(out);
    });
    doc.on('error', reject);
  });
}
