// Issue 10's promise as a property: every map the loader accepts can be saved, exported in
// every format and shown. Generated maps reach the limits of arguments/limits.ts: positions at
// the edge of the range, ids named after Object.prototype, fields nested as deep as allowed
// and (in the second group) strings as long as allowed. The raster and PDF exports cost a
// renderer run each, so they get fewer runs than saving and the SVG; the long strings fewer still.
import fc from 'fast-check';
import { describe, it } from 'vitest';
import { serializeMap } from '../../../arguments/format/serialize';
import { mapArbitrary } from '../arbitraries';
import { expectPngAndPdf, expectSavesAndReloads, expectShown, expectSvg, loaded } from './usable';

const runs = (n: number) => ({ numRuns: Math.min(n, Number(process.env.FC_RUNS ?? n)) });

describe('every map the loader accepts', () => {
  const maps = mapArbitrary().map((m) => loaded(serializeMap(m)));

  it('saves and reloads unchanged, and the canvas lays it out', () => {
    fc.assert(
      fc.property(maps, (map) => {
        expectSavesAndReloads(map);
        expectShown(map);
      }),
      runs(300),
    );
  });

  it('exports as SVG carrying itself', async () => {
    await fc.assert(fc.asyncProperty(maps, (map) => expectSvg(map)), runs(150));
  }, 120_000);

  it('exports as PNG and PDF carrying itself (20 runs: a renderer each)', async () => {
    await fc.assert(fc.asyncProperty(maps, (map) => expectPngAndPdf(map)), runs(20));
  }, 300_000);
});

describe('with strings as long as the limits allow', () => {
  const maps = mapArbitrary({ long: true }).map((m) => loaded(serializeMap(m)));

  it('saves, reloads, lays out and exports as SVG (6 runs: some carry 8 M characters)', async () => {
    await fc.assert(
      fc.asyncProperty(maps, async (map) => {
        expectSavesAndReloads(map);
        expectShown(map);
        await expectSvg(map);
      }),
      runs(6),
    );
  }, 300_000);

  it('exports as PNG and PDF (2 runs)', async () => {
    await fc.assert(fc.asyncProperty(maps, (map) => expectPngAndPdf(map)), runs(2));
  }, 300_000);
});
