// Rasterises build/icon.svg into the icons packaging needs (commit the output):
//   build/icons/NxN.png  16…1024  Linux (electron-builder takes the folder) and the window icon
//   build/icon.png       1024     macOS (electron-builder makes the .icns from it)
//   build/icon.ico       16…256   Windows and the NSIS installer: 16–48 as 32-bit BMP entries
//                                 (what every Windows shell and NSIS read), 64–256 as PNG entries
// Uses @resvg/resvg-js (pure: no ImageMagick, no network).
import { Resvg } from '@resvg/resvg-js';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'build', 'icon.svg'));
export const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024];
const ICO_BMP = [16, 24, 32, 48];
const ICO_PNG = [64, 128, 256];

function render(size) {
  const image = new Resvg(svg, { fitTo: { mode: 'width', value: size }, background: 'rgba(0,0,0,0)' }).render();
  return { png: image.asPng(), rgba: image.pixels, width: image.width, height: image.height };
}

/** A 32-bit BGRA DIB as an .ico entry wants it: bottom-up rows, straight alpha, then a 1-bit AND mask. */
function dib({ rgba, width, height }) {
  const header = Buffer.alloc(40);
  header.writeUInt32LE(40, 0);
  header.writeInt32LE(width, 4);
  header.writeInt32LE(height * 2, 8); // colour rows + mask rows
  header.writeUInt16LE(1, 12);
  header.writeUInt16LE(32, 14);
  const pixels = Buffer.alloc(width * height * 4);
  const maskStride = Math.ceil(width / 32) * 4;
  const mask = Buffer.alloc(maskStride * height);
  for (let y = 0; y < height; y++) {
    const row = height - 1 - y;
    for (let x = 0; x < width; x++) {
      const s = (y * width + x) * 4;
      const a = rgba[s + 3];
      // resvg's pixels are premultiplied; the DIB wants straight colour.
      const un = (c) => (a === 0 ? 0 : Math.min(255, Math.round((c * 255) / a)));
      const d = (row * width + x) * 4;
      pixels[d] = un(rgba[s + 2]);
      pixels[d + 1] = un(rgba[s + 1]);
      pixels[d + 2] = un(rgba[s]);
      pixels[d + 3] = a;
      if (a === 0) mask[row * maskStride + (x >> 3)] |= 0x80 >> (x & 7);
    }
  }
  return Buffer.concat([header, pixels, mask]);
}

function ico(entries) {
  const head = Buffer.alloc(6);
  head.writeUInt16LE(0, 0);
  head.writeUInt16LE(1, 2);
  head.writeUInt16LE(entries.length, 4);
  const dir = Buffer.alloc(16 * entries.length);
  let offset = 6 + dir.length;
  entries.forEach(({ size, data }, i) => {
    const e = i * 16;
    dir.writeUInt8(size >= 256 ? 0 : size, e);
    dir.writeUInt8(size >= 256 ? 0 : size, e + 1);
    dir.writeUInt8(0, e + 2);
    dir.writeUInt8(0, e + 3);
    dir.writeUInt16LE(1, e + 4);
    dir.writeUInt16LE(32, e + 6);
    dir.writeUInt32LE(data.length, e + 8);
    dir.writeUInt32LE(offset, e + 12);
    offset += data.length;
  });
  return Buffer.concat([head, dir, ...entries.map((e) => e.data)]);
}

mkdirSync(join(root, 'build', 'icons'), { recursive: true });
const rendered = new Map(PNG_SIZES.map((s) => [s, render(s)]));
for (const [size, r] of rendered) writeFileSync(join(root, 'build', 'icons', `${size}x${size}.png`), r.png);
writeFileSync(join(root, 'build', 'icon.png'), rendered.get(1024).png);
writeFileSync(
  join(root, 'build', 'icon.ico'),
  ico([...ICO_BMP.map((size) => ({ size, data: dib(rendered.get(size)) })), ...ICO_PNG.map((size) => ({ size, data: rendered.get(size).png }))]),
);
console.log(`Wrote build/icons/{${PNG_SIZES.join(',')}}.png, build/icon.png and build/icon.ico`);
