// The band-by-band PNG writer: what goes in as rows comes out as the same pixels, however the
// rows are split into bands; the file is a valid PNG carrying its metadata; and bands that do
// not add up to the image are refused, worded.
import fc from 'fast-check';
import { constants, deflateRawSync, deflateSync, inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { mapJsonOfPng, pngDpi, pngMetadataChunks, pngSize, readPngChunks } from '../../../arguments/export/embed';
import { adler32, encodePng, encodePngWhole, fflateDeflater, PngStreamError, type PieceDeflater } from '../../../arguments/export/pngStream';
import { decodePng } from './helpers';

/** `rows` split into bands of the given heights (the last takes what is left). */
function* split(rgba: Uint8Array, width: number, heights: number[]): Generator<Uint8Array> {
  const stride = width * 4;
  let at = 0;
  for (const h of heights) {
    if (at >= rgba.length) return;
    yield rgba.subarray(at, Math.min(rgba.length, at + h * stride));
    at += h * stride;
  }
  if (at < rgba.length) yield rgba.subarray(at);
}

const nodeDeflate: PieceDeflater = (piece, last) => [deflateRawSync(piece, { finishFlush: last ? constants.Z_FINISH : constants.Z_SYNC_FLUSH })];

async function failure(work: () => Promise<unknown>): Promise<PngStreamError> {
  try {
    await work();
  } catch (err) {
    expect(err).toBeInstanceOf(PngStreamError);
    return err as PngStreamError;
  }
  throw new Error('expected a PngStreamError');
}

describe('encodePng', () => {
  it('gives back the very pixels it was given, whatever the bands and either deflater', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 30 }),
        fc.array(fc.integer({ min: 1, max: 12 }), { maxLength: 8 }),
        fc.boolean(),
        fc.integer(),
        async (width, height, heights, native, seed) => {
          const rgba = new Uint8Array(width * height * 4);
          let x = seed | 1;
          // Runs of one colour and noise, as a figure has: background, ink and anti-aliasing.
          for (let i = 0; i < rgba.length; i++) rgba[i] = (x = (x * 1103515245 + 12345) | 0) >>> 29 === 0 ? x >>> 24 : 255;
          const png = await encodePngWhole({ width, height }, split(rgba, width, heights), native ? nodeDeflate : fflateDeflater());
          const back = decodePng(png);
          expect([back.width, back.height]).toEqual([width, height]);
          expect(Buffer.from(back.rgba).equals(Buffer.from(rgba))).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('writes the same file for any split into bands (default deflater)', async () => {
    const width = 300;
    const height = 2000; // more than one 1 MB piece
    const rgba = new Uint8Array(width * height * 4).fill(255);
    for (let y = 0; y < height; y += 7) rgba.fill(0, (y * width + 10) * 4, (y * width + 200) * 4);
    const one = await encodePngWhole({ width, height }, [rgba]);
    const many = await encodePngWhole({ width, height }, split(rgba, width, [1, 333, 1, 900, 17]));
    expect(Buffer.from(many).equals(Buffer.from(one))).toBe(true);
    expect(Buffer.from(decodePng(one).rgba).equals(Buffer.from(rgba))).toBe(true);
    expect(one.length).toBeLessThan(rgba.length / 50); // it is compressed, not stored
  });

  it('gives one valid deflate stream over many pieces of incompressible and blank rows alike (either deflater)', () => {
    // Noise between blank runs is what a figure's anti-aliased text looks like to zlib; a sync
    // flush of fflate broke exactly this (found drawing the whole map in the browser).
    const pieces = Array.from({ length: 6 }, (_, p) => new Uint8Array(1 << 20).map((_, i) => (Math.floor((p * (1 << 20) + i) / 300_000) % 2 ? ((i * 2654435761) >>> 24) & 0xff : 255)));
    for (const deflate of [fflateDeflater(), nodeDeflate]) {
      const out = pieces.flatMap((piece, p) => deflate(piece, p === pieces.length - 1));
      const back = inflateRawSync(Buffer.concat(out));
      expect(back.equals(Buffer.concat(pieces))).toBe(true);
    }
  });

  it('puts the resolution, title and map right after the header, readable by the importer', async () => {
    const chunks = await pngMetadataChunks({ dpi: 300, title: 'Письмо', mapJson: '{"map":"ž"}' });
    const png = await encodePngWhole({ width: 3, height: 2, chunks }, [new Uint8Array(24).fill(200)]);
    expect(readPngChunks(png).map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'iTXt', 'iTXt', 'iTXt', 'IDAT', 'IDAT', 'IDAT', 'IEND']);
    expect(pngSize(png)).toEqual({ width: 3, height: 2 });
    expect(pngDpi(png)).toBeCloseTo(300, 0);
    expect(await mapJsonOfPng(png)).toBe('{"map":"ž"}');
  });

  it('yields the file piece by piece as the bands come, not all at the end', async () => {
    const width = 512;
    const drawn: number[] = [];
    const seen: number[] = [];
    async function* bands() {
      for (let b = 0; b < 4; b++) {
        drawn.push(b);
        yield new Uint8Array(width * 600 * 4).map((_, i) => (i * 7 + b) & 0xff);
      }
    }
    for await (const piece of encodePng({ width, height: 2400 }, bands())) if (piece.length > 12) seen.push(drawn.length);
    // Compressed data of the first band came out before the last band was drawn.
    expect(seen[0]).toBeLessThan(4);
  });

  it('refuses bands that are not whole rows, too few rows or too many, and a bad size', async () => {
    expect((await failure(() => encodePngWhole({ width: 2, height: 2 }, [new Uint8Array(12)]))).code).toBe('bad-band');
    const few = await failure(() => encodePngWhole({ width: 2, height: 3 }, [new Uint8Array(16)]));
    expect([few.code, few.message]).toEqual(['rows-missing', "The bands gave 2 of the image's 3 rows."]);
    expect((await failure(() => encodePngWhole({ width: 2, height: 1 }, [new Uint8Array(8), new Uint8Array(8)]))).code).toBe('rows-extra');
    expect((await failure(() => encodePngWhole({ width: 0, height: 1 }, []))).message).toMatch(/at least 1 \(got 0 × 1\)/);
    expect((await failure(() => encodePngWhole({ width: 1.5, height: 1 }, []))).code).toBe('bad-size');
  });

  it('computes Adler-32 as zlib does, also continued across pieces and past 5,552 bytes', () => {
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398);
    const big = new Uint8Array(100_000).map((_, i) => (i * 31) & 0xff);
    const whole = adler32(big);
    expect(adler32(big.subarray(40_001), adler32(big.subarray(0, 40_001)))).toBe(whole);
    // zlib's own, from the trailer of a zlib stream of the same bytes.
    const z = deflateSync(big);
    expect(whole).toBe(z.readUInt32BE(z.length - 4));
  });
});
