// The join address as a QR code (uqr): the dark modules as rectangles for an SVG drawn by React,
// never markup from a string. One rectangle per run of dark modules in a row keeps it small.
import { encode } from 'uqr';

export interface QrRun {
  x: number;
  y: number;
  width: number;
}

export interface QrDrawing {
  /** Modules per side, with the quiet zone. */
  size: number;
  runs: QrRun[];
}

/** ECC M (15 %): a projected or printed code still reads with a smudge; the quiet zone is the standard four modules. */
export function qrDrawing(text: string): QrDrawing {
  const { data, size } = encode(text, { ecc: 'M', border: 4 });
  const runs: QrRun[] = [];
  for (let y = 0; y < size; y++) {
    const row = data[y]!;
    let x = 0;
    while (x < size) {
      if (!row[x]) {
        x++;
        continue;
      }
      const start = x;
      while (x < size && row[x]) x++;
      runs.push({ x: start, y, width: x - start });
    }
  }
  return { size, runs };
}
