// User strings in CLI lines: whatever an id, a title or a file name holds, it prints as one line
// that cannot pass for another, and reads back as JSON.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { oneLine, quote, shown } from '../../../arguments/cli/quote';

describe('quote', () => {
  it('quotes as JSON does, and escapes what JSON leaves raw but a terminal acts on', () => {
    expect(quote('E1')).toBe('"E1"');
    expect(quote('E1\nfake.json: valid map')).toBe('"E1\\nfake.json: valid map"');
    expect(quote('say "hi" \\ bye')).toBe('"say \\"hi\\" \\\\ bye"');
    expect(quote('red \u001b[31m')).toBe('"red \\u001b[31m"');
    expect(quote('line\u2028sep, next\u0085, evil\u202e')).toBe('"line\\u2028sep, next\\u0085, evil\\u202e"');
    expect(quote('Сталин — Готвальду')).toBe('"Сталин — Готвальду"');
  });

  it('prints any string as one line that JSON reads back as the string (lone surrogates aside)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme-composite' }), (s) => {
        const q = quote(s);
        expect(q).not.toMatch(/[\n\r\u2028\u2029\u0085\u001b]/);
        expect(JSON.parse(q)).toBe(s);
      }),
      { numRuns: 300 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(quote(s)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/);
      }),
      { numRuns: 300 },
    );
  });
});

describe('oneLine and shown', () => {
  it('oneLine escapes control characters inside a sentence and leaves the rest', () => {
    expect(oneLine('"a\nb" cannot be deleted')).toBe('"a\\nb" cannot be deleted');
    expect(oneLine('Stalin to Gottwald, 27 Aug 1950, l. 71')).toBe('Stalin to Gottwald, 27 Aug 1950, l. 71');
  });

  it('shown leaves a plain file name as it is and quotes any other', () => {
    expect(shown('/tmp/my map.argmap.json')).toBe('/tmp/my map.argmap.json');
    expect(shown('two\nlines.json')).toBe('"two\\nlines.json"');
    expect(shown(' leading.json')).toBe('" leading.json"');
    expect(shown('')).toBe('""');
    expect(shown('a"b.json')).toBe('"a\\"b.json"');
  });
});
