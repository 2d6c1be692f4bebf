// The limits every map keeps (arguments/limits.ts): one sentence each, and the walk that checks
// what every value keeps whatever its field.
import { describe, expect, it } from 'vitest';
import * as intake from '../../arguments/intake/limits';
import { FIGURE_FILE } from '../../arguments/cli/read';
import {
  coordinateProblem,
  countProblem,
  figureSizeProblem,
  MAX_FIGURE_BYTES,
  lengthProblem,
  MAX_COORDINATE,
  MAX_NESTING_DEPTH,
  MAX_PDF_PAGES,
  MAX_SOURCE_FILE_BYTES,
  MAX_SOURCE_TEXT_LENGTH,
  STRING_LIMITS,
  valueProblem,
} from '../../arguments/limits';

describe('the limits', () => {
  it('are the intake\u2019s own constants (re-exported there)', () => {
    expect(intake.MAX_SOURCE_TEXT_LENGTH).toBe(MAX_SOURCE_TEXT_LENGTH);
    expect(intake.MAX_SOURCE_FILE_BYTES).toBe(MAX_SOURCE_FILE_BYTES);
    expect(intake.MAX_PDF_PAGES).toBe(MAX_PDF_PAGES);
    expect(STRING_LIMITS.sourceText.max).toBe(MAX_SOURCE_TEXT_LENGTH);
  });

  it('word each refusal with the limit and the value', () => {
    expect(lengthProblem(STRING_LIMITS.nodeText, 'x'.repeat(100_000))).toBeNull();
    expect(lengthProblem(STRING_LIMITS.nodeText, 'x'.repeat(100_001))).toBe("A node's text can be at most 100,000 characters long, and this one has 100,001. Shorten it, or split it.");
    expect(coordinateProblem(MAX_COORDINATE)).toBeNull();
    expect(coordinateProblem(-MAX_COORDINATE)).toBeNull();
    expect(coordinateProblem(-10_000_000.5)).toBe('A position must be within 10,000,000 px of the origin either way, and this one is -10,000,000.5. Move the node nearer the rest of the map.');
    expect(coordinateProblem(2e18)).toMatch(/this one is 2000000000000000000\./);
    expect(coordinateProblem(Number.NaN)).toMatch(/this one is NaN\./);
    expect(coordinateProblem(Infinity)).toMatch(/this one is Infinity\./);
    expect(countProblem('relations', 40_000)).toBeNull();
    expect(countProblem('relations', 40_001)).toBe('A map can have at most 40,000 relations, and this one would have 40,001. Split the map into several.');
  });
});

describe('the figure limit', () => {
  it('is one: what the app saves and the CLI writes, the CLI reads', () => {
    expect(FIGURE_FILE.limit).toBe(MAX_FIGURE_BYTES);
    expect(figureSizeProblem(MAX_FIGURE_BYTES, 'svg')).toBeNull();
    expect(figureSizeProblem(MAX_FIGURE_BYTES + 1, 'png')).toBe('This figure would be 200.0 MB, larger than the 200.0 MB Argument Atlas can open again; choose a lower DPI, or export SVG or PDF.');
    expect(figureSizeProblem(300 * 1024 * 1024, 'svg')).toMatch(/^This figure would be 300\.0 MB, .*; export a part of the map \(a claim and what bears on it\), or PDF\.$/);
    expect(figureSizeProblem(300 * 1024 * 1024, 'pdf')).toMatch(/; export a part of the map \(a claim and what bears on it\)\.$/);
  });
});

describe('valueProblem', () => {
  const deep = (n: number) => {
    let v: unknown = 1;
    for (let i = 0; i < n; i++) v = i % 2 ? { k: v } : [v];
    return v;
  };

  it('counts depth from the file: the file is 1, a node 3', () => {
    expect(valueProblem(deep(MAX_NESTING_DEPTH))).toBeNull();
    expect(valueProblem(deep(MAX_NESTING_DEPTH + 1))).toMatchObject({ kind: 'too-deep' });
    expect(valueProblem(deep(MAX_NESTING_DEPTH - 2), ['nodes', 0])).toBeNull();
    expect(valueProblem(deep(MAX_NESTING_DEPTH - 1), ['nodes', 0])).toMatchObject({ kind: 'too-deep', path: expect.arrayContaining(['nodes', 0]) });
  });

  it('reports a million levels without overflowing the stack', () => {
    expect(valueProblem(deep(1_000_000))).toMatchObject({ kind: 'too-deep' });
  });

  it('finds a "__proto__" key as JSON.parse makes it, with its path', () => {
    expect(valueProblem(JSON.parse('{"a":[{"b":{"__proto__":{"x":1}}}]}'))).toEqual({
      kind: 'reserved-key',
      path: ['a', 0, 'b', '__proto__'],
      message: 'A field cannot be named "__proto__": JavaScript objects cannot keep it as data, so it would be lost. Rename the field.',
    });
    expect(valueProblem({ constructor: { prototype: { toString: 1 } } })).toBeNull();
  });

  it('reports the first problem in document order', () => {
    const v = { a: deep(MAX_NESTING_DEPTH), b: JSON.parse('{"__proto__":1}') };
    expect(valueProblem(v)).toMatchObject({ kind: 'too-deep', path: expect.arrayContaining(['a']) });
  });
});
