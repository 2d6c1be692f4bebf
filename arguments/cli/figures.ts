// The CLI's figure backends: PNG with resvg (a native renderer, no browser; drawn in bands, raster.ts), PDF with PDFKit's
// Node build and svg-to-pdfkit, both with the bundled Source Serif 4 TTFs and no system fonts,
// plus the fallback faces (Noto Serif, Noto Serif SC) the figure's text uses, and only those:
// the CJK font is 14.8 MB a face.
// Loaded only when `argmap export` needs them, so the other commands start as fast as before.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { type Figure, type PageSize } from '../export/figure';
import type { FigureLayout } from '../export/layout';
import { facesUsed, uniqueFaces, type FontFaceUse } from '../export/glyphs';
import { FONT_FAMILY, type FontStyle } from '../export/metrics';
import { fallbackFacesOf, writePdf, type FallbackFontBytes, type FontBytes } from '../export/pdf';
import type { PdfLibraries } from '../export/pdfKit';
import { joinBytes } from '../export/pngStream';
import { pngStream } from './raster';

// Not named `require`: the bundle's banner defines one at its top level.
const resolver = createRequire(import.meta.url);

/** The TTFs the figure metrics were measured from (scripts/font-metrics.ts). */
const FONT_MODULES: Record<FontStyle, string> = {
  regular: '@expo-google-fonts/source-serif-4/400Regular/SourceSerif4_400Regular.ttf',
  italic: '@expo-google-fonts/source-serif-4/400Regular_Italic/SourceSerif4_400Regular_Italic.ttf',
  bold: '@expo-google-fonts/source-serif-4/700Bold/SourceSerif4_700Bold.ttf',
};

/** The TTFs of the fallback faces (the same files scripts/font-metrics.ts measured). */
const FALLBACK_MODULES = {
  'Noto Serif': {
    regular: '@expo-google-fonts/noto-serif/400Regular/NotoSerif_400Regular.ttf',
    italic: '@expo-google-fonts/noto-serif/400Regular_Italic/NotoSerif_400Regular_Italic.ttf',
    bold: '@expo-google-fonts/noto-serif/700Bold/NotoSerif_700Bold.ttf',
  },
  'Noto Serif SC': {
    regular: '@expo-google-fonts/noto-serif-sc/400Regular/NotoSerifSC_400Regular.ttf',
    bold: '@expo-google-fonts/noto-serif-sc/700Bold/NotoSerifSC_700Bold.ttf',
  },
} as const satisfies Record<keyof FallbackFontBytes, Partial<Record<FontStyle, string>>>;

/** The file of a fallback face the figure uses. */
export function fallbackFontFile(use: { font: keyof FallbackFontBytes; face: FontStyle }): string {
  const faces: Partial<Record<FontStyle, string>> = FALLBACK_MODULES[use.font];
  if (!Object.hasOwn(faces, use.face)) throw new Error(`${use.font} has no ${use.face} face.`);
  return resolver.resolve(faces[use.face]!);
}

/** The fallback faces `used` names, read from node_modules. */
export function fallbackFontBytes(used: readonly FontFaceUse[]): FallbackFontBytes {
  const out: FallbackFontBytes = {};
  for (const use of fallbackFacesOf(used)) (out[use.font] ??= {})[use.face] = readFileSync(fallbackFontFile(use));
  return out;
}

export function fontFile(style: FontStyle): string {
  return resolver.resolve(FONT_MODULES[style]);
}

export function fontBytes(): FontBytes {
  return { regular: readFileSync(fontFile('regular')), italic: readFileSync(fontFile('italic')), bold: readFileSync(fontFile('bold')) };
}

/** resvg's font options for a figure: the bundled faces its text uses, no system fonts. */
export function resvgFontOptions(layout: FigureLayout): Record<string, unknown> {
  return {
    loadSystemFonts: false,
    fontFiles: [...(['regular', 'italic', 'bold'] as const).map(fontFile), ...fallbackFacesOf(facesUsed(layout)).map(fallbackFontFile)],
    defaultFontFamily: FONT_FAMILY,
    serifFamily: FONT_FAMILY,
  };
}

/**
 * The figure as a PNG at `dpi`, with its resolution, title and the map in text chunks, drawn in
 * bands (raster.ts) and gathered into one file. A page-ready figure is drawn at `dpi` scaled to
 * its print size and records `printDpi`. Throws RasterTooLargeError for a raster too large.
 */
export async function renderPng(figure: Figure, dpi: number, printDpi: number = dpi): Promise<Uint8Array> {
  const pieces: Uint8Array[] = [];
  for await (const p of (await pngStream(figure, dpi, printDpi)).bytes) pieces.push(p);
  return joinBytes(pieces);
}

export async function pdfLibraries(): Promise<PdfLibraries> {
  const pdfkit = (await import('pdfkit')) as unknown as { default: PdfLibraries['PDFDocument'] };
  const svgToPdf = (await import('svg-to-pdfkit')) as unknown as { default: PdfLibraries['SVGtoPDF'] };
  // svg-to-pdfkit is CommonJS: its function is the default export.
  return { PDFDocument: pdfkit.default, SVGtoPDF: svgToPdf.default };
}

/** The figure as a vector PDF with the fonts embedded and the map attached. `svg` is the copy without metadata. */
export async function renderPdf(figure: Figure, svgWithoutMap: string, page: PageSize, date: string): Promise<Uint8Array> {
  const fallbacks = fallbackFontBytes(facesUsed(figure.layout));
  return writePdf(await pdfLibraries(), fontBytes(), { svg: svgWithoutMap, width: figure.width, height: figure.height, mapJson: figure.mapJson, title: figure.title, date, drawing: figure }, page, fallbacks);
}

/** Page-ready figures as one PDF, a page each, every page exactly its figure at `printWidthPt`. */
export async function renderPdfPages(figures: readonly { figure: Figure; printWidthPt: number }[], date: string): Promise<Uint8Array> {
  const pages = figures.map(({ figure, printWidthPt }) => ({ svg: figure.variant({ embedMap: false }), width: figure.width, height: figure.height, mapJson: figure.mapJson, title: figure.title, date, printWidthPt, drawing: figure }));
  const fallbacks = fallbackFontBytes(uniqueFaces(figures.flatMap(({ figure }) => facesUsed(figure.layout))));
  return writePdf(await pdfLibraries(), fontBytes(), pages, 'fit', fallbacks);
}
