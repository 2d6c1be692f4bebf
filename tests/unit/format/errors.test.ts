// How messages quote what a user typed: never a line, a terminal control or a reading order of its own.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatPath, quote } from '../../../arguments/format/errors';

describe('quote', () => {
  it('is JSON for ordinary text, and reads back as the text', () => {
    expect(quote('Claim 1')).toBe('"Claim 1"');
    expect(quote('say "no"')).toBe('"say \\"no\\""');
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (s) => {
        expect(JSON.parse(quote(s))).toBe(s);
      }),
    );
  });

  it('writes line breaks, controls, bidi overrides and invisible characters as escapes', () => {
    expect(quote('a\nb\r\u0085c\u2028d')).toBe('"a\\nb\\r\\u0085c\\u2028d"');
    expect(quote('\u001b[31mred')).toBe('"\\u001b[31mred"');
    expect(quote('abc\u202edcba\u2066x\u2069\u200b')).toBe('"abc\\u202edcba\\u2066x\\u2069\\u200b"');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 100 }), (s) => {
        const q = quote(s);
        expect(q).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069\u200b-\u200f\ufeff]/);
        expect(q).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
    );
  });

  it('cuts long text, never inside a surrogate pair', () => {
    expect(quote('x'.repeat(300))).toBe(`"${'x'.repeat(200)}…"`);
    expect(quote('a'.repeat(199) + '😀' + 'b', 200)).toBe(`"${'a'.repeat(199)}…"`);
  });
});

describe('formatPath', () => {
  it('quotes keys that are not names, escaped', () => {
    expect(formatPath(['nodes', 3, 'kind'])).toBe('nodes[3].kind');
    expect(formatPath(['view', 'positions', 'a:b'])).toBe('view.positions["a:b"]');
    expect(formatPath(['x\ny'])).toBe('["x\\ny"]');
  });
});
