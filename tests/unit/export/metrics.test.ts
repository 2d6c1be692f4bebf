// The width table the exporter measures with is what the bundled fonts say, and cannot drift:
// it is rebuilt from the TTFs with fontkit and compared with the committed file.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import { ASCENT_EM, clusters, DESCENT_EM, fontFor, hasGlyph, inFont, measure, textRuns, type FigureFont, type FontStyle } from '../../../arguments/export/metrics';
import { buildMetrics, fallbackFontPath, formatMetrics, FALLBACK_FONTS, FONT_STYLES, METRICS_FILE, openFont } from '../../../scripts/font-metrics';

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

  it('gives characters no bundled font has an estimated width: wide for emoji, narrow for others, none for combining marks', () => {
    expect(measure('\u{1F9FF}', 'regular', 10)).toBeCloseTo(11, 6);
    expect(measure('\u{10000}', 'regular', 10)).toBeCloseTo(6.2, 6); // Linear B syllable A
    expect(measure('\u20dd', 'regular', 10)).toBe(0);
    expect(measure('', 'bold', 10)).toBe(0);
    expect(hasGlyph(0x1f9ff)).toBe(false);
    expect(hasGlyph(0x10000)).toBe(false);
  });

  // Mixed scripts: each character measured in the font that draws it (fontkit's advances, per font).
  const fallbackFont = (font: FigureFont, style: FontStyle) => {
    const i = FALLBACK_FONTS.findIndex((f) => f.font === font);
    return fontkit.openSync(fallbackFontPath(i, FALLBACK_FONTS[i]!.styles[style])) as fontkit.Font;
  };
  const MIXED = ['Mao Zedong (毛澤東) to Stalin, 1949', 'ἀρχὴ τῶν ὅλων — Ἀθῆναι', 'Ѣ and ѣ in the old orthography: хлѣбъ; Ѧ Ѫ ꙗ', 'Ά Έ Ή 中国 Сталин 「共産党」。'];
  for (const style of FONT_STYLES)
    it(`measures mixed-script ${style} text with the fallback fonts' advances (Noto Serif, Noto Serif SC)`, () => {
      const primary = openFont(style);
      for (const sample of MIXED) {
        let em = 0;
        for (const ch of sample) {
          const cp = ch.codePointAt(0)!;
          const font = fontFor(cp, style);
          expect(font, `${ch} has a font`).not.toBeNull();
          const f = font === 'Source Serif 4' ? primary : fallbackFont(font!, style);
          expect(f.hasGlyphForCodePoint(cp), `${font} has ${ch}`).toBe(true);
          em += f.glyphForCodePoint(cp).advanceWidth / f.unitsPerEm;
        }
        expect(measure(sample, style, 13)).toBeCloseTo(em * 13, 6);
      }
    });

  it('sends each character to the first font that has it: Source Serif 4, then Noto Serif, then Noto Serif SC', () => {
    expect(fontFor('a'.codePointAt(0)!, 'regular')).toBe('Source Serif 4');
    expect(fontFor('Я'.codePointAt(0)!, 'italic')).toBe('Source Serif 4');
    expect(fontFor('ῶ'.codePointAt(0)!, 'regular')).toBe('Noto Serif');
    expect(fontFor('Ѣ'.codePointAt(0)!, 'bold')).toBe('Source Serif 4');
    expect(fontFor('Ѧ'.codePointAt(0)!, 'bold')).toBe('Noto Serif'); // little yus: old Cyrillic Source Serif 4 lacks
    for (const ch of '中毛澤東') for (const style of FONT_STYLES) expect(fontFor(ch.codePointAt(0)!, style)).toBe('Noto Serif SC');
    // CJK ideographs are one em; the old estimate for them was 1.1.
    expect(measure('毛澤東', 'regular', 10)).toBeCloseTo(30, 6);
  });

  it('splits a line into runs where the font changes, a combining mark staying with its letter', () => {
    expect(textRuns('Mao 毛澤東 wrote', 'regular').map((r) => [r.text, r.font])).toEqual([
      ['Mao ', 'Source Serif 4'],
      ['毛澤東', 'Noto Serif SC'],
      [' wrote', 'Source Serif 4'],
    ]);
    expect(textRuns('τῶν', 'italic').map((r) => [r.text, r.font])).toEqual([
      ['τ', 'Source Serif 4'],
      ['ῶ', 'Noto Serif'],
      ['ν', 'Source Serif 4'],
    ]);
    expect(textRuns('x\u{1F9FF}y', 'regular').map((r) => r.font)).toEqual(['Source Serif 4', null, 'Source Serif 4']);
    const combined = textRuns('e\u0301', 'regular');
    expect(combined).toHaveLength(1);
    expect(combined[0]!.text).toBe('e\u0301');
  });

  it('measures any text as its clusters add up, and its runs give back the text, whatever it holds (marks, CJK, emoji, lone surrogates)', () => {
    // The SVG writer places each run at the width measured before it: the two must agree to the last bit.
    const pieces = fc.constantFrom('a', 'W', ' ', 'é', 'e\u0301', '\u0301', '\u200d', 'ῶ', '毛', '\u{1F9FF}', '\u{1F9FF}\u200d\u{1F9FF}', '\ud800', '\udc00', 'Ё', '—', '\t');
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 30 }), fc.constantFrom<FontStyle>('regular', 'italic', 'bold'), (parts, style) => {
        const text = parts.join('');
        let em = 0;
        for (const c of clusters(text, style)) em += c.em;
        expect(measure(text, style, 13)).toBe(em * 13);
        // Clusters as Unicode has them: a character and the marks and joiners after it.
        const expected: string[] = [];
        for (const ch of text) {
          if (expected.length > 0 && /^[\p{M}\u200c\u200d]$/u.test(ch)) expected[expected.length - 1] += ch;
          else expected.push(ch);
        }
        expect(clusters(text, style).map((c) => c.text)).toEqual(expected);
        expect(textRuns(text, style).map((r) => r.text).join('')).toBe(text);
        // A text measured a second time (from the cached per-character table) measures the same.
        expect(measure(text, style, 13)).toBe(em * 13);
      }),
    );
  });

  it('gives a line all in the primary font the runs its clusters give (the way round the cluster walk)', () => {
    // Runs merged from the clusters, as the walk makes them: the reference for the shortcut.
    const fromClusters = (text: string, style: FontStyle) => {
      const runs: { text: string; font: FigureFont | null; em: number }[] = [];
      for (const c of clusters(text, style)) {
        const last = runs[runs.length - 1];
        if (last && last.font === c.font) (last.text += c.text), (last.em += c.em);
        else runs.push({ ...c });
      }
      return runs;
    };
    const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x2ff }).map((c) => String.fromCharCode(c)), maxLength: 60 });
    fc.assert(
      fc.property(ascii, fc.constantFrom<FontStyle>('regular', 'italic', 'bold'), (text, style) => {
        expect(textRuns(text, style)).toEqual(fromClusters(text, style));
      }),
    );
    expect(textRuns('', 'bold')).toEqual([]);
    expect(textRuns('Stalin to Gottwald, 27 August 1950', 'italic')).toEqual(fromClusters('Stalin to Gottwald, 27 August 1950', 'italic'));
  });

  it('keeps the table small enough to ship (under 128 KB)', () => {
    expect(readFileSync(METRICS_FILE).length).toBeLessThan(128 * 1024);
  });

  it('knows the font\u2019s vertical metrics', () => {
    expect(ASCENT_EM).toBeCloseTo(1.036, 3);
    expect(DESCENT_EM).toBeCloseTo(0.335, 3);
  });
});

describe('measure', () => {
  it('gives the width of the text as its clusters add up, for plain Latin text and for text with marks, joiners, CJK and emoji', () => {
    const texts = ['Stalin to Gottwald, 27 Aug 1950', '“Quoted” — and… ‘so’', 'e\u0301te\u0301', 'a\u200db', '中文 text', 'emoji 😀 here', 'Ω≈ç√'];
    for (const style of ['regular', 'italic', 'bold'] as const)
      for (const text of texts) {
        const sum = clusters(text, style).reduce((em, c) => em + c.em, 0) * 13;
        expect(measure(text, style, 13)).toBeCloseTo(sum, 9);
      }
  });
});
