// Producing a figure's bytes in the renderer (web build and Electron alike): the shared
// exporter draws the SVG; PNG is that SVG drawn on a canvas with the bundled fonts inside it,
// a band of rows at a time;
// PDF goes through the same code as the CLI (arguments/export/pdf.ts) with PDFKit's browser
// build, loaded only when a PDF is first made.
import { pngMetadataChunks, type PngMetadata } from '../../arguments/export/embed';
import { FIGURE_FORMATS, pixelSize, rasterTooLarge, RasterTooLargeError, renderFigure, type Figure, type FigureFormat, type FigureOptions, type PageSize } from '../../arguments/export/figure';
import { writePdf } from '../../arguments/export/pdf';
import type { PdfLibraries } from '../../arguments/export/pdfKit';
import { bandRows, CANVAS_BAND_BYTES, encodePng, joinBytes } from '../../arguments/export/pngStream';
import { resizeSvg } from '../../arguments/export/svg';
import { figureSizeProblem } from '../../arguments/limits';
import type { ArgumentMap } from '../../arguments/model';
import { facesUsed } from '../../arguments/export/glyphs';
import type { CiteProcessor } from '../../arguments/cite/processor';
import { fallbackFontBytes, fontBytes, inlineFontFaceCss } from './fonts';

export interface ProduceOptions extends FigureOptions {
  format: FigureFormat;
  dpi: number;
  page: PageSize;
}

export type Progress = (step: string) => void;

/** Lets the page paint a progress message before a long synchronous step. */
const nextFrame = () => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));

async function loadImage(svg: string): Promise<HTMLImageElement> {
  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
  try {
    const img = new Image();
    img.src = url;
    await img.decode();
    return img;
  } finally {
    // The decoded image keeps its pixels; the URL is not needed once it has loaded.
    setTimeout(() => URL.revokeObjectURL(url), 0);
  }
}

/**
 * The figure drawn at `dpi` as a PNG file carrying `meta` (resolution, title, the map): the SVG
 * is drawn on a small canvas a band of rows at a time, each band moved up by whole pixels, and
 * the rows compressed as they come (arguments/export/pngStream.ts). Throws RasterTooLargeError
 * naming the size for a raster larger than MAX_PIXELS or MAX_PIXEL_SIDE.
 */
export async function rasterise(figure: Figure, dpi: number, meta: PngMetadata = {}, bandBytes = CANVAS_BAND_BYTES): Promise<Uint8Array> {
  const tooLarge = rasterTooLarge(figure, dpi);
  if (tooLarge) throw new RasterTooLargeError(tooLarge, pixelSize(figure, dpi));
  const px = pixelSize(figure, dpi);
  // The fallback faces only when the figure's text uses them (the CJK ones are 14.8 MB each).
  const withFonts = figure.variant({ embedMap: false, fontFaceCss: await inlineFontFaceCss(facesUsed(figure.layout)) });
  const img = await loadImage(resizeSvg(withFonts, px.width, px.height));
  const rows = bandRows(px.width, px.height, bandBytes);
  const canvas = document.createElement('canvas');
  canvas.width = px.width;
  canvas.height = rows;
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('The figure could not be drawn (no canvas).');
  async function* bands(): AsyncGenerator<Uint8Array> {
    for (let y = 0; y < px.height; y += rows) {
      const h = Math.min(rows, px.height - y);
      ctx!.clearRect(0, 0, px.width, rows);
      ctx!.drawImage(img, 0, -y, px.width, px.height);
      const data = ctx!.getImageData(0, 0, px.width, h).data;
      yield new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
      await new Promise((resolve) => setTimeout(resolve, 0)); // the page stays responsive between bands
    }
  }
  const pieces: Uint8Array[] = [];
  try {
    for await (const piece of encodePng({ width: px.width, height: px.height, chunks: await pngMetadataChunks(meta) }, bands())) pieces.push(piece);
  } finally {
    canvas.width = canvas.height = 0; // frees the pixels now
  }
  return joinBytes(pieces);
}

let libraries: Promise<PdfLibraries> | null = null;

export function pdfLibraries(): Promise<PdfLibraries> {
  libraries ??= Promise.all([import('pdfkit'), import('svg-to-pdfkit')]).then(([pdfkit, svgToPdf]) => ({
    PDFDocument: (pdfkit as unknown as { default: PdfLibraries['PDFDocument'] }).default,
    SVGtoPDF: (svgToPdf as unknown as { default: PdfLibraries['SVGtoPDF'] }).default,
  }));
  libraries.catch(() => (libraries = null));
  return libraries;
}

type Producer = (map: ArgumentMap, figure: Figure, options: ProduceOptions, progress: Progress) => Promise<Uint8Array>;

const PRODUCERS = {
  svg: async (_map, figure) => new TextEncoder().encode(figure.svg),
  png: async (_map, figure, options, progress) => {
    const px = pixelSize(figure, options.dpi);
    progress(`Drawing ${px.width.toLocaleString('en')} × ${px.height.toLocaleString('en')} pixels at ${options.dpi} DPI…`);
    await nextFrame();
    return rasterise(figure, options.dpi, { dpi: options.dpi, title: figure.title, mapJson: figure.mapJson });
  },
  pdf: async (map, figure, options, progress) => {
    progress('Loading the PDF writer and fonts…');
    const [libs, fonts, fallbacks] = await Promise.all([pdfLibraries(), fontBytes(), fallbackFontBytes(facesUsed(figure.layout))]);
    progress(`Writing the PDF (${figure.layout.nodes.length.toLocaleString('en')} nodes)…`);
    await nextFrame();
    return writePdf(libs, fonts, { svg: figure.variant({ embedMap: false }), width: figure.width, height: figure.height, mapJson: figure.mapJson, title: figure.title, description: map.meta.description, date: map.meta.modified, drawing: figure }, options.page, fallbacks);
  },
} satisfies Record<FigureFormat, Producer>;

/**
 * The bytes of the figure in the chosen format, telling `progress` what it is doing. Throws an
 * Error worded for the user for a format it does not write (never a PDF instead) and for a
 * figure larger than Argument Atlas opens again.
 */
export async function produceFigure(map: ArgumentMap, options: ProduceOptions, progress: Progress, services: { citeProcessor?: Pick<CiteProcessor, 'bibliography'> } = {}): Promise<{ bytes: Uint8Array; figure: Figure }> {
  const format: string = options.format;
  if (!Object.hasOwn(PRODUCERS, format)) throw new Error(`Argument Atlas cannot export a figure as “${format}”; choose ${FIGURE_FORMATS.map((f) => f.toUpperCase()).join(', ')}.`);
  const count = Object.keys(map.nodes).length;
  progress(`Laying out ${count.toLocaleString('en')} nodes…`);
  await nextFrame();
  const figure = renderFigure(map, options, { citeProcessor: services.citeProcessor });
  const bytes = await PRODUCERS[options.format](map, figure, options, progress);
  const tooLarge = figureSizeProblem(bytes.length, options.format);
  if (tooLarge) throw new Error(tooLarge);
  return { bytes, figure };
}
