import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LOAD_ERROR_CODES } from '../../../arguments/format/errors';
import { jsonErrorOffset } from '../../../arguments/format/json-position';
import { loadMap } from '../../../arguments/format/load';
import { serializeMap } from '../../../arguments/format/serialize';
import { mapJsonOfSvg } from '../../../arguments/export/embed';
import { renderFigure } from '../../../arguments/export/figure';
import { mapArb } from '../arbitraries';
import { expectSavesAndReloads, expectShown, FIGURE } from './usable';

const ERROR_CODES = new Set<string>(LOAD_ERROR_CODES);

/**
 * The loader's contract: a map that saves, reloads, lays out and exports (the SVG here; the
 * property test of accepted.test.ts does PNG and PDF too), or a non-empty list of typed,
 * worded errors.
 */
function expectMapOrTypedErrors(input: string | Uint8Array) {
  const r = loadMap(input);
  if (r.ok) {
    expectSavesAndReloads(r.map);
    expectShown(r.map);
    const fig = renderFigure(r.map, FIGURE);
    expect(JSON.parse(mapJsonOfSvg(fig.svg)!)).toEqual(JSON.parse(serializeMap(r.map)));
    return;
  }
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(ERROR_CODES.has(e.code)).toBe(true);
    expect(e.message.length).toBeGreaterThan(5);
    expect(e.message).not.toMatch(/\n\s+at |ZodError|TypeError|undefined/);
  }
}

describe('the loader never throws', () => {
  it('on random text and random JSON', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ unit: 'binary' }), fc.json()), (s) => expectMapOrTypedErrors(s)));
  });

  it('on random bytes', () => {
    fc.assert(fc.property(fc.uint8Array({ maxLength: 300 }), (b) => expectMapOrTypedErrors(b)));
  });

  it('on truncated maps', () => {
    fc.assert(
      fc.property(mapArb, fc.double({ min: 0, max: 1, noNaN: true }), (map, cut) => {
        const text = serializeMap(map);
        const at = Math.floor(text.length * cut);
        const r = loadMap(text.slice(0, at));
        // Cutting anything but the final newline loses the closing brace at least.
        if (text.slice(at).trim() !== '' && text.slice(0, at).trim() !== '') expect(r.ok ? 'loaded' : r.errors[0]?.code).toBe('truncated');
        expectMapOrTypedErrors(text.slice(0, at));
      }),
    );
  });

  it('on maps with one character changed, inserted or deleted', () => {
    fc.assert(
      fc.property(mapArb, fc.nat(), fc.constantFrom('del', 'ins', 'set'), fc.string({ minLength: 1, maxLength: 1, unit: 'binary' }), (map, at, op, ch) => {
        const text = serializeMap(map);
        const i = at % text.length;
        const mutated = op === 'del' ? text.slice(0, i) + text.slice(i + 1) : op === 'ins' ? text.slice(0, i) + ch + text.slice(i) : text.slice(0, i) + ch + text.slice(i + 1);
        expectMapOrTypedErrors(mutated);
      }),
    );
  });

  it('on structurally mutated maps (a field replaced by random JSON)', () => {
    fc.assert(
      fc.property(mapArb, fc.nat(), fc.jsonValue({ maxDepth: 2 }), (map, pick, junk) => {
        const file = JSON.parse(serializeMap(map));
        const paths: (string | number)[][] = [];
        const walk = (v: unknown, path: (string | number)[]) => {
          paths.push(path);
          if (v && typeof v === 'object') for (const [k, c] of Object.entries(v)) walk(c, [...path, Array.isArray(v) ? Number(k) : k]);
        };
        walk(file, []);
        const path = paths[pick % paths.length]!;
        if (path.length === 0) return;
        let parent = file;
        for (const seg of path.slice(0, -1)) parent = parent[seg];
        parent[path[path.length - 1]!] = junk;
        expectMapOrTypedErrors(JSON.stringify(file));
      }),
    );
  });
});

describe('jsonErrorOffset', () => {
  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.oneof(fc.json(), fc.string(), fc.json().map((j) => j.slice(0, -1))), (s) => {
        let valid = true;
        try {
          JSON.parse(s);
        } catch {
          valid = false;
        }
        expect(jsonErrorOffset(s) === -1).toBe(valid);
      }),
    );
  });

  it('points at the offending character', () => {
    expect(jsonErrorOffset('{"a": tru}')).toBe(9);
    expect(jsonErrorOffset('[1, 2')).toBe(5);
    expect(jsonErrorOffset('{"a": 1} x')).toBe(9);
  });
});
