// A PNG written a band of rows at a time, so no raster needs to be held whole: the CLI's resvg
// bands and the browser's canvas bands both feed it. Pure TypeScript; the deflate is passed in
// (Node's zlib in the CLI, fflate's streaming Deflate by default and in the browser).
import { Deflate } from 'fflate';
import { crc32, joinBytes, type PngChunk } from './embed';

const SIGNATURE = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
/** Rows are compressed in pieces of about this many bytes, so the IDAT chunks stay small. */
const PIECE_BYTES = 1 << 20;
/** zlib's stream header: deflate, 32 KB window, default level (RFC 1950). */
const ZLIB_HEADER = new Uint8Array([0x78, 0x9c]);

/** A band that does not fit the image it belongs to: a bug of the caller, worded. */
export class PngStreamError extends Error {
  override name = 'PngStreamError';
  constructor(
    readonly code: 'bad-size' | 'bad-band' | 'rows-missing' | 'rows-extra',
    message: string,
  ) {
    super(message);
  }
}

export interface PngStreamOptions {
  width: number;
  height: number;
  /** Chunks written right after the header (resolution, text). */
  chunks?: readonly PngChunk[];
  /** zlib level of the default deflater, 0–9 (6 unless given). */
  level?: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

function header(width: number, height: number): Uint8Array {
  const data = new Uint8Array(13);
  const view = new DataView(data.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  data.set([8, 6, 0, 0, 0], 8); // 8 bits, RGBA, deflate, adaptive filters, not interlaced
  return data;
}

/**
 * Raw deflate (RFC 1951) of the filtered rows, a piece at a time: the outputs, joined in order,
 * are one deflate stream, which the last piece finishes. The CLI passes Node's zlib (pieces
 * sync-flushed to byte boundaries); the default is fflate's streaming Deflate (the browser's).
 */
export type PieceDeflater = (piece: Uint8Array, last: boolean) => Uint8Array[];

/** fflate's streaming raw deflate, its dictionary kept across pieces. */
export function fflateDeflater(level: 0 | 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8 | 9 = 6): PieceDeflater {
  const out: Uint8Array[] = [];
  const deflate = new Deflate({ level }, (data) => {
    if (data.length > 0) out.push(data);
  });
  // One stream: its outputs join as they are (no flush; fflate 0.8.3's sync flush wrote a broken
  // stored block after incompressible data, found by the test of this function).
  return (piece, last) => {
    deflate.push(piece, last);
    return out.splice(0);
  };
}

/** Adler-32 (zlib's checksum of the uncompressed bytes), continued from `a`. */
export function adler32(bytes: Uint8Array, a = 1): number {
  let lo = a & 0xffff;
  let hi = a >>> 16;
  for (let i = 0; i < bytes.length; ) {
    // 5552 bytes is the most that can be summed before the 32-bit sums must be reduced.
    const end = Math.min(bytes.length, i + 5552);
    for (; i < end; i++) {
      lo += bytes[i]!;
      hi += lo;
    }
    lo %= 65521;
    hi %= 65521;
  }
  return ((hi << 16) | lo) >>> 0;
}

/**
 * The bytes of a PNG (8-bit RGBA, straight alpha) of `options.width` × `options.height`
 * pixels, from `bands` of whole rows top to bottom, yielded piece by piece as the bands
 * arrive. Holds one band and a piece of it filtered; never the whole image. Throws a
 * PngStreamError when the bands are not whole rows or do not add up to the height.
 */
export async function* encodePng(options: PngStreamOptions, bands: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, deflate: PieceDeflater = fflateDeflater(options.level)): AsyncGenerator<Uint8Array> {
  const { width, height } = options;
  if (!Number.isInteger(width) || !Number.isInteger(height) || width < 1 || height < 1 || width > 0x7fffffff || height > 0x7fffffff)
    throw new PngStreamError('bad-size', `A PNG is a whole number of pixels wide and high, at least 1 (got ${width} × ${height}).`);
  const stride = width * 4;
  yield SIGNATURE;
  yield chunk('IHDR', header(width, height));
  for (const c of options.chunks ?? []) yield chunk(c.type, c.data);
  yield chunk('IDAT', ZLIB_HEADER);
  // Rows are gathered into pieces of a fixed number of rows, whatever the bands: the same image
  // gives the same file however it was split.
  const rowsPerPiece = Math.min(height, Math.max(1, Math.floor(PIECE_BYTES / (stride + 1))));
  let piece = new Uint8Array(rowsPerPiece * (stride + 1));
  let filled = 0;
  let done = 0;
  let adler = 1;
  for await (const band of bands) {
    if (band.length % stride !== 0) throw new PngStreamError('bad-band', `A band of ${band.length} bytes is not whole rows of ${width} RGBA pixels (${stride} bytes a row).`);
    const rows = band.length / stride;
    if (done + rows > height) throw new PngStreamError('rows-extra', `The bands give more than the ${height} rows of the image.`);
    for (let r = 0; r < rows; r++) {
      // Filter None (a zero before each row): on a figure, mostly runs of its background,
      // zlib alone packs tighter than after Up or Sub (measured on the shipped map), and faster.
      piece.set(band.subarray(r * stride, (r + 1) * stride), filled * (stride + 1) + 1);
      filled++;
      done++;
      if (filled < rowsPerPiece && done < height) continue;
      const data = piece.subarray(0, filled * (stride + 1));
      adler = adler32(data, adler);
      for (const out of deflate(data, done === height)) yield chunk('IDAT', out);
      // The deflater may keep the piece (fflate's window): a fresh buffer for the next one.
      piece = new Uint8Array(rowsPerPiece * (stride + 1));
      filled = 0;
    }
  }
  if (done < height) throw new PngStreamError('rows-missing', `The bands gave ${done} of the image's ${height} rows.`);
  const sum = new Uint8Array(4);
  new DataView(sum.buffer).setUint32(0, adler);
  yield chunk('IDAT', sum);
  yield chunk('IEND', new Uint8Array(0));
}

/** All of encodePng's pieces as one PNG file (small images and tests). */
export async function encodePngWhole(options: PngStreamOptions, bands: Iterable<Uint8Array> | AsyncIterable<Uint8Array>, deflate?: PieceDeflater): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  for await (const p of encodePng(options, bands, deflate)) parts.push(p);
  return joinBytes(parts);
}

export { joinBytes };

/**
 * The rows of a band `bandBytes` of RGBA for an image `width` pixels wide, and at least
 * `minRows` (a 32,767-pixel row is 128 KB), never more than `height`.
 */
export function bandRows(width: number, height: number, bandBytes: number, minRows = 16): number {
  return Math.max(1, Math.min(height, Math.max(minRows, Math.floor(bandBytes / (width * 4)))));
}

/**
 * RGBA bytes of a band the app draws on a canvas (renderer/export/produce.ts; the canvas and
 * the copy getImageData makes): no canvas ever holds the whole raster.
 */
export const CANVAS_BAND_BYTES = 16 * 1024 * 1024;
