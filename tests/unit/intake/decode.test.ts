// Text files: strict UTF-8 or UTF-16 with a byte-order mark; everything else refused with advice.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeText } from '../../../arguments/intake';
import { utf16 } from './fixtures';

const LETTER = 'Товарищ Готвальд!\r\nМы получили ваше письмо — «спасибо».\n';
const utf8 = (s: string) => new TextEncoder().encode(s);

describe('decodeText', () => {
  it('reads UTF-8 exactly as written (line endings and all)', () => {
    expect(decodeText(utf8(LETTER))).toEqual({ ok: true, text: LETTER, encoding: 'utf-8' });
  });

  it('removes a UTF-8 byte-order mark, and only that', () => {
    const r = decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8(LETTER)]));
    expect(r).toEqual({ ok: true, text: LETTER, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE with their byte-order marks', () => {
    expect(decodeText(utf16(LETTER, 'le'))).toEqual({ ok: true, text: LETTER, encoding: 'utf-16le' });
    expect(decodeText(utf16(LETTER, 'be'))).toEqual({ ok: true, text: LETTER, encoding: 'utf-16be' });
  });

  it('refuses UTF-16 without a byte-order mark rather than guess', () => {
    const r = decodeText(utf16('Dear Comrade Gottwald, we have received your letter.', 'le', false), 'letter.txt');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('encoding');
    expect(r.error.message).toContain('“letter.txt”');
    expect(r.error.message).toMatch(/UTF-16.*byte-order mark/);
    expect(r.error.message).toMatch(/save it as UTF-8/);
  });

  it('refuses Windows-1251 and Latin-1 bytes, naming the file and saying to save as UTF-8', () => {
    // "Письмо Сталина" in Windows-1251; "Café de Flore, à Paris" in Latin-1.
    const cp1251 = new Uint8Array([0xcf, 0xe8, 0xf1, 0xfc, 0xec, 0xee, 0x20, 0xd1, 0xf2, 0xe0, 0xeb, 0xe8, 0xed, 0xe0]);
    const latin1 = new Uint8Array([...'Caf'].map((c) => c.charCodeAt(0)).concat([0xe9], [...' de Flore, '].map((c) => c.charCodeAt(0)), [0xe0], [...' Paris'].map((c) => c.charCodeAt(0))));
    for (const [bytes, name] of [[cp1251, 'pismo.txt'], [latin1, 'flore.md']] as const) {
      const r = decodeText(bytes, name);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      expect(r.error.code).toBe('encoding');
      expect(r.error.message).toContain(`“${name}”`);
      expect(r.error.message).toMatch(/not UTF-8/);
      expect(r.error.message).toMatch(/save it as UTF-8/);
    }
  });

  it('refuses binary data (NUL bytes) as binary', () => {
    const r = decodeText(new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 3, 0, 0x3e, 0]), 'a.out');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('binary');
    expect(r.error.message).toMatch(/“a.out” is not a text file/);
    expect(r.error.message).toMatch(/UTF-8/);
  });

  it('refuses a NUL character late in otherwise valid UTF-8, and in UTF-16', () => {
    const late = new Uint8Array([...utf8('x'.repeat(20_000)), 0, ...utf8('tail')]);
    expect(decodeText(late)).toMatchObject({ ok: false, error: { code: 'binary' } });
    expect(decodeText(utf16('a\0b', 'le'))).toMatchObject({ ok: false, error: { code: 'binary' } });
  });

  it('refuses UTF-32 and broken UTF-16 with a worded encoding error', () => {
    expect(decodeText(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toMatchObject({ ok: false, error: { code: 'encoding', message: expect.stringMatching(/UTF-32/) } });
    // A lone high surrogate, then an odd byte.
    const broken = new Uint8Array([0xff, 0xfe, 0x3d, 0xd8, 0x41, 0x00, 0x42]);
    expect(decodeText(broken)).toMatchObject({ ok: false, error: { code: 'encoding', message: expect.stringMatching(/not valid UTF-16/) } });
  });

  it('messages without a file name speak of the file', () => {
    const r = decodeText(new Uint8Array([0xe9]));
    expect(r).toMatchObject({ ok: false, error: { code: 'encoding' } });
    if (!r.ok) expect(r.error.message).toMatch(/^This file is not UTF-8 text/);
  });

  it('property: any text without NUL comes back exactly from UTF-8, UTF-16LE and UTF-16BE', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }).filter((t) => !t.includes('\0')), (text) => {
        expect(decodeText(utf8(text))).toEqual({ ok: true, text, encoding: 'utf-8' });
        expect(decodeText(utf16(text, 'le'))).toEqual({ ok: true, text, encoding: 'utf-16le' });
        expect(decodeText(utf16(text, 'be'))).toEqual({ ok: true, text, encoding: 'utf-16be' });
      }),
    );
  });

  it('property: never mojibake — whatever bytes it accepts as UTF-8 encode back to the same bytes', () => {
    // Random bytes, and UTF-8 text with one byte changed (mostly invalid, sometimes not).
    const mutated = fc.tuple(fc.string({ unit: 'binary', minLength: 1 }), fc.nat(), fc.integer({ min: 0, max: 255 })).map(([t, i, b]) => {
      const bytes = utf8(t);
      bytes[i % bytes.length] = b;
      return bytes;
    });
    fc.assert(
      fc.property(fc.oneof(fc.uint8Array({ maxLength: 64 }), mutated), (bytes) => {
        const r = decodeText(bytes);
        if (!r.ok || r.encoding !== 'utf-8') return;
        const bom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
        expect(utf8(r.text)).toEqual(bytes.subarray(bom));
      }),
    );
  });
});
