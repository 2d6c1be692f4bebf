// Line breaking by measured width.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { measure } from '../../../arguments/export/metrics';
import { wrapText } from '../../../arguments/export/wrap';

describe('wrapText', () => {
  it('keeps every line within the width, and every word, in order', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), fc.integer({ min: 20, max: 400 }), (text, max) => {
        const lines = wrapText(text, 'regular', 12, max);
        for (const l of lines) {
          expect(l.width).toBeCloseTo(measure(l.text, 'regular', 12), 6);
          // Only a single character may be wider than the line.
          if ([...l.text].length > 1) expect(l.width).toBeLessThanOrEqual(max + 1e-9);
        }
        const drawn = text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\ufffe\uffff\u202a-\u202e\u2066-\u2069]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '');
        expect(lines.map((l) => l.text).join('').replace(/\s+/g, '')).toBe(drawn.replace(/\s+/g, ''));
      }),
    );
  });

  it('breaks at spaces, after hyphens and dashes, and inside words only when it must', () => {
    const w = measure('Soviet absence from the', 'regular', 12) + 1;
    expect(wrapText('Soviet absence from the Security Council', 'regular', 12, w).map((l) => l.text)).toEqual(['Soviet absence from the', 'Security Council']);
    const narrow = measure('American', 'regular', 12) + 1;
    expect(wrapText('Sino-American', 'regular', 12, narrow).map((l) => l.text)).toEqual(['Sino-', 'American']);
    const long = wrapText('x'.repeat(5000), 'regular', 12, 100);
    expect(long.length).toBeGreaterThan(50);
    expect(long.every((l) => l.width <= 100)).toBe(true);
  });

  it('keeps line feeds as paragraph breaks and collapses runs of spaces as SVG does', () => {
    expect(wrapText('one\n\ntwo   three\r\nfour\t5', 'regular', 12, 1000).map((l) => l.text)).toEqual(['one', '', 'two three', 'four 5']);
  });

  it('never splits a surrogate pair or separates a combining mark from its letter', () => {
    const lines = wrapText('e\u0301'.repeat(40) + '😀'.repeat(20), 'regular', 12, 30);
    for (const l of lines) {
      expect(l.text).not.toMatch(/^\u0301|[\ud800-\udbff]$|^[\udc00-\udfff]/);
    }
  });
});
