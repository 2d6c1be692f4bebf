// The join address's QR code as rectangles: exactly uqr's dark modules, inside a quiet zone.
import { encode } from 'uqr';
import { describe, expect, it } from 'vitest';
import { qrDrawing } from '../../../../renderer/seminar-host/qr';

function painted(size: number, runs: { x: number; y: number; width: number }[]): boolean[][] {
  const grid = Array.from({ length: size }, () => Array<boolean>(size).fill(false));
  for (const r of runs) for (let x = r.x; x < r.x + r.width; x++) grid[r.y]![x] = true;
  return grid;
}

describe('the QR code of a join address', () => {
  it.each(['http://127.0.0.1:4780/#ABC234', 'http://192.168.178.101:4780/#HK7M3Q', 'http://[fd12:3456:789a::20]:65535/#ZZZZZZ'])('paints every dark module of %s and no light one', (url) => {
    const { size, runs } = qrDrawing(url);
    const qr = encode(url, { ecc: 'M', border: 4 });
    expect(size).toBe(qr.size);
    expect(painted(size, runs)).toEqual(qr.data.map((row) => row.map(Boolean)));
    // Runs do not overlap and never touch: each is as long as it can be.
    const sorted = [...runs].sort((a, b) => a.y - b.y || a.x - b.x);
    for (let i = 1; i < sorted.length; i++) if (sorted[i]!.y === sorted[i - 1]!.y) expect(sorted[i]!.x).toBeGreaterThan(sorted[i - 1]!.x + sorted[i - 1]!.width);
  });

  it('keeps a four-module quiet zone and the finder pattern in the top-left corner', () => {
    const { size, runs } = qrDrawing('http://192.168.1.20:4780/#HK7M3Q');
    const grid = painted(size, runs);
    for (let i = 0; i < 4; i++) {
      expect(grid[i]!.some(Boolean)).toBe(false);
      expect(grid[size - 1 - i]!.some(Boolean)).toBe(false);
      expect(grid.some((row) => row[i] || row[size - 1 - i])).toBe(false);
    }
    // The finder: a 7×7 ring, a light ring, a 3×3 core.
    expect(grid[4]!.slice(4, 11).every(Boolean)).toBe(true);
    expect(grid[5]!.slice(5, 10).some(Boolean)).toBe(false);
    expect(grid[7]!.slice(6, 9).every(Boolean)).toBe(true);
  });
});
