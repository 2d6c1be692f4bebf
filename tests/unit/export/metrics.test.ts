// The width table the exporter measures with is what the bundled fonts say, and cannot drift:
// it is rebuilt from the TTFs with fontkit and compared with the committed file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASCENT_EM, DESCENT_EM, inFont, measure, type FontStyle } from '../../../arguments/export/metrics';
import { buildMetrics, formatMetrics, FONT_STYLES, METRICS_FILE, openFont } from '../../../scripts/font-metrics';

const SAMPLES = [
  'The letter explains the 1950 Soviet absence from the Security Council.',
  'Сталин: «Мы ушли из Совета безопасности по четырём мотивам». Ёё Ъъ Щщ',
  'lager’ demokratii — “camp of democracy”… (1950–1953) § 4, № 62; ‰ € £ ¥',
  'ÀÉÎÕÜ àéîõü ŁłŚśŻż ČčŠšŽž ŐőŰű ß ÆæØøÅå Œœ ŠĐđ ȘșȚț',
  'Αθήναι αβγδεζηθικλμνξοπρστυφχψω ΑΒΓΔ',
  'ﬁ ﬂ ‐ ‒ – — ‘ ’ ‚ “ ” „ † ‡ • … ‹ › ⁄ ← ↑ → ↓ ◆ ■',
];

describe('font metrics', () => {
  it('the committed table is exactly what the bundled TTFs give (regenerate with `npx tsx scripts/font-metrics.ts`)', () => {
    expect(readFileSync(METRICS_FILE, 'utf8')).toBe(formatMetrics(buildMetrics()));
  });

  for (const style of FONT_STYLES)
    it(`measures ${style} text as fontkit's advance widths add up`, () => {
      const font = openFont(style);
      for (const sample of SAMPLES) {
        let units = 0;
        for (const ch of sample) units += font.glyphForCodePoint(ch.codePointAt(0)!).advanceWidth;
        expect(measure(sample, style as FontStyle, 13)).toBeCloseTo((units / font.unitsPerEm) * 13, 6);
      }
    });

  it('covers Latin, Cyrillic and Greek, and the punctuation historians quote with', () => {
    for (const sample of SAMPLES) for (const ch of sample.replace(/\s/g, '')) expect(inFont(ch.codePointAt(0)!), ch).toBe(true);
  });

  it('gives characters outside the font a fallback width: wide for CJK and emoji, none for combining marks', () => {
    expect(measure('\ufffd', 'regular', 10)).toBeCloseTo(6.2, 6);
    expect(measure('漢', 'regular', 10)).toBeCloseTo(11, 6);
    expect(measure('😀', 'regular', 10)).toBeCloseTo(11, 6);
    expect(measure('\u20dd', 'regular', 10)).toBe(0);
    expect(measure('', 'bold', 10)).toBe(0);
  });

  it('knows the font\u2019s vertical metrics', () => {
    expect(ASCENT_EM).toBeCloseTo(1.036, 3);
    expect(DESCENT_EM).toBeCloseTo(0.335, 3);
  });
});
