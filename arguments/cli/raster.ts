// PNG figures drawn by resvg in horizontal bands and written as they are drawn (pngStream.ts),
// so a large raster never sits in memory whole: the whole shipped map at 300 DPI went from
// 548 MB to a few bands' worth. resvg parses and lays out the figure's text once; each band is
// the same tree with its view box moved down by a whole number of pixels (cropByBBox).
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { constants, deflateRawSync } from 'node:zlib';
import { pngMetadataChunks } from '../export/embed';
import { pixelSize, rasterTooLarge, RasterTooLargeError, type Figure } from '../export/figure';
import { bandRows, encodePng, type PieceDeflater } from '../export/pngStream';
import { resvgFontOptions } from './figures';

/**
 * RGBA bytes a band is drawn in. resvg holds a band twice (its pixmap and the copy it hands
 * over), and the allocator keeps some freed bands; at 2 MB the whole CLI process stays under
 * 150 MB (measured, bench/raster.ts). Larger bands are faster (each band draws the whole tree,
 * clipped) but 4 MB already went over on the shipped map.
 */
export const BAND_BYTES = 2 * 1024 * 1024;
/**
 * Rows drawn above and below each band and thrown away: resvg clips the paths that cross a
 * pixmap's edge, and the clipped edges' anti-aliasing differs from the unclipped in the rows
 * next to the cut. With this margin the cut lies outside the rows kept.
 */
export const BAND_OVERLAP = 16;

interface BBoxLike {
  x: number;
  y: number;
  width: number;
  height: number;
}
interface ResvgInstance {
  render(): { pixels: Uint8Array; width: number; height: number; asPng(): Uint8Array };
  getBBox(): BBoxLike | undefined;
  cropByBBox(bbox: BBoxLike): void;
}
interface ResvgModule {
  Resvg: new (svg: string, options: Record<string, unknown>) => ResvgInstance;
}

/** Drawn at exactly the document's pixel size, geometric precision, the bundled fonts only. */
const resvgOptions = (figure: Figure) => ({ fitTo: { mode: 'original' }, font: resvgFontOptions(figure.layout), shapeRendering: 2, textRendering: 1, imageRendering: 0 });

/**
 * V8's collector, to free each band's pixmap as soon as it is drawn: resvg's images live outside
 * the JavaScript heap, which does not know their size and would let many pile up.
 */
let gc: ((options: { type: 'major' }) => void) | null | undefined;
function collectGarbage(): void {
  if (gc === undefined) {
    gc = (globalThis as { gc?: typeof gc }).gc ?? null;
    if (!gc)
      try {
        setFlagsFromString('--expose-gc');
        gc = runInNewContext('gc') as typeof gc;
      } catch {
        gc = null; // a runtime without it: the bands are freed later, at more memory
      }
  }
  // A full collection: a minor one left the whole shipped map at 300 DPI near 150 MB (measured).
  gc?.({ type: 'major' });
}

async function loadResvg(): Promise<ResvgModule['Resvg']> {
  const mod = (await import('@resvg/resvg-js')) as unknown as ResvgModule & { default?: ResvgModule };
  return mod.Resvg ?? mod.default!.Resvg;
}

/**
 * The figure's SVG in pixel units: an outer view box of exactly width × height pixels, the
 * drawing scaled into it with no offset, so moving the view box by whole pixels moves every
 * pixel by exactly that (a fractional centring offset would be rounded differently per band).
 */
export function pixelDocument(figure: Figure, dpi: number): { svg: string; width: number; height: number } {
  const px = pixelSize(figure, dpi);
  const svg = figure.variant({ embedMap: false });
  const open = /<svg\b[^>]*>/.exec(svg);
  const close = svg.lastIndexOf('</svg>');
  if (!open || close < open.index) throw new Error('The figure has no <svg> element to draw.');
  const inner = svg.slice(open.index + open[0].length, close);
  const sx = px.width / figure.width;
  const sy = px.height / figure.height;
  return {
    width: px.width,
    height: px.height,
    svg: `<svg xmlns="http://www.w3.org/2000/svg" version="1.1" width="${px.width}" height="${px.height}" viewBox="0 0 ${px.width} ${px.height}"><g transform="scale(${sx} ${sy})">${inner}</g></svg>`,
  };
}

/** tiny-skia's demultiply (what resvg's own PNG writer does): resvg's pixels are premultiplied. */
export function demultiply(rgba: Uint8Array): void {
  for (let i = 0; i < rgba.length; i += 4) {
    const a = rgba[i + 3]!;
    if (a === 255) continue;
    if (a === 0) {
      rgba[i] = rgba[i + 1] = rgba[i + 2] = 0;
      continue;
    }
    const f = a / 255;
    rgba[i] = Math.min(255, Math.floor(rgba[i]! / f + 0.5));
    rgba[i + 1] = Math.min(255, Math.floor(rgba[i + 1]! / f + 0.5));
    rgba[i + 2] = Math.min(255, Math.floor(rgba[i + 2]! / f + 0.5));
  }
}

export interface BandOptions {
  /** Rows per band (BAND_BYTES of rows unless given; tests use odd small bands). */
  rows?: number;
  /** Rows drawn beyond each band's edges and dropped (BAND_OVERLAP unless given). */
  overlap?: number;
}


/**
 * Node's zlib, each piece compressed on its own (sync-flushed, so they join): native speed,
 * about a tenth of the time of a JavaScript deflate; a piece is 1 MB, so little is lost by
 * starting each with an empty dictionary.
 */
export const nodeDeflater: PieceDeflater = (piece, last) => [deflateRawSync(piece, { level: 6, finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH })];

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The straight-alpha RGBA rows of `doc`, band by band, each drawn when it is asked for. Between
 * bands the event loop turns, so Node frees the band before (resvg's images are freed by
 * finalizers that run only then).
 */
export async function* drawBands(resvg: ResvgInstance, doc: { width: number; height: number }, options: BandOptions = {}): AsyncGenerator<Uint8Array> {
  const rows = Math.max(1, Math.floor(options.rows ?? bandRows(doc.width, doc.height, BAND_BYTES)));
  const overlap = options.overlap ?? BAND_OVERLAP;
  const stride = doc.width * 4;
  // resvg takes only its own BBox objects; one is made (by measuring the drawing) and reused.
  const box = resvg.getBBox() ?? { x: 0, y: 0, width: 0, height: 0 };
  for (let y = 0; y < doc.height; y += rows) {
    const h = Math.min(rows, doc.height - y);
    const top = Math.max(0, y - overlap);
    const bottom = Math.min(doc.height, y + h + overlap);
    box.x = 0;
    box.y = top;
    box.width = doc.width;
    box.height = bottom - top;
    resvg.cropByBBox(box);
    collectGarbage(); // the band before this one is written by now
    await turn();
    const image = resvg.render();
    if (image.width !== doc.width || image.height !== bottom - top) throw new Error(`resvg drew a band of ${image.width} × ${image.height} pixels where ${doc.width} × ${bottom - top} were asked for.`);
    const kept = image.pixels.subarray((y - top) * stride, (y - top + h) * stride);
    demultiply(kept);
    yield kept;
  }
}

export interface PngStream {
  width: number;
  height: number;
  /** The PNG file's bytes, piece by piece; the bands are drawn as this is read. */
  bytes: AsyncIterable<Uint8Array>;
}

/**
 * The figure as a PNG at `dpi` (recording `printDpi`, its title and the map), drawn band by
 * band as the returned bytes are read. Throws RasterTooLargeError, before drawing anything,
 * for a raster larger than MAX_PIXELS or MAX_PIXEL_SIDE.
 */
export async function pngStream(figure: Figure, dpi: number, printDpi: number = dpi, options: BandOptions = {}): Promise<PngStream> {
  const tooLarge = rasterTooLarge(figure, dpi);
  if (tooLarge) throw new RasterTooLargeError(tooLarge, pixelSize(figure, dpi));
  const doc = pixelDocument(figure, dpi);
  const chunks = await pngMetadataChunks({ dpi: printDpi, title: figure.title, mapJson: figure.mapJson });
  const Resvg = await loadResvg();
  const resvg = new Resvg(doc.svg, resvgOptions(figure));
  return { width: doc.width, height: doc.height, bytes: encodePng({ width: doc.width, height: doc.height, chunks }, drawBands(resvg, doc, options), nodeDeflater) };
}

/** The same document drawn by resvg in one piece, as its own PNG: the reference bands are tested against. */
export async function renderUntiled(figure: Figure, dpi: number): Promise<Uint8Array> {
  const doc = pixelDocument(figure, dpi);
  const Resvg = await loadResvg();
  return new Resvg(doc.svg, resvgOptions(figure)).render().asPng();
}
