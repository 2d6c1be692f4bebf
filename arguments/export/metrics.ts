// Text measurement for figures, from a precomputed table of the bundled font's advance widths
// (fonts/source-serif-4.metrics.json, written by scripts/font-metrics.ts from the TTFs). No
// canvas, no DOM, no font files: the app and the CLI get the same widths, so the same lines.
// Kerning and ligatures are ignored (they only ever narrow Latin and Cyrillic text slightly).
import table from './fonts/source-serif-4.metrics.json' with { type: 'json' };

export type FontStyle = 'regular' | 'italic' | 'bold';

/** The family the figures name; renderers are given the bundled TTFs under this name. */
export const FONT_FAMILY = 'Source Serif 4';
/** As an SVG font-family value, with a generic fallback for viewers without the font. */
export const FONT_FAMILY_CSS = `'${FONT_FAMILY}', 'Source Serif Pro', Georgia, serif`;

const EM = table.unitsPerEm;
/** Ascent and descent of the font, in em (descent positive, below the baseline). */
export const ASCENT_EM = table.ascent / EM;
export const DESCENT_EM = -table.descent / EM;

const widths = new Map<FontStyle, Map<number, number>>();

function widthTable(style: FontStyle): Map<number, number> {
  let m = widths.get(style);
  if (!m) {
    m = new Map();
    for (const [first, run] of table.styles[style] as [number, number[]][]) run.forEach((w, i) => m!.set(first + i, w / EM));
    widths.set(style, m);
  }
  return m;
}

/** Characters drawn with no advance: combining marks, joiners, variation selectors, BOM. */
function zeroWidth(cp: number): boolean {
  return (
    (cp >= 0x0300 && cp <= 0x036f) ||
    (cp >= 0x1ab0 && cp <= 0x1aff) ||
    (cp >= 0x1dc0 && cp <= 0x1dff) ||
    (cp >= 0x200b && cp <= 0x200f) ||
    (cp >= 0x2060 && cp <= 0x2064) ||
    (cp >= 0x20d0 && cp <= 0x20ff) ||
    (cp >= 0xfe00 && cp <= 0xfe0f) ||
    (cp >= 0xfe20 && cp <= 0xfe2f) ||
    cp === 0xfeff ||
    (cp >= 0xe0100 && cp <= 0xe01ef)
  );
}

/** East Asian wide characters and emoji, drawn about an em wide by a fallback font. */
function wide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    cp >= 0x1f000
  );
}

/** The advance of one code point, in em. */
export function advanceEm(cp: number, style: FontStyle): number {
  const w = widthTable(style).get(cp);
  if (w !== undefined) return w;
  if (zeroWidth(cp)) return 0;
  return wide(cp) ? table.fallbackEm.wide : table.fallbackEm.narrow;
}

/** Is this code point in the bundled font (as opposed to measured with a fallback width)? */
export function inFont(cp: number, style: FontStyle = 'regular'): boolean {
  return widthTable(style).has(cp);
}

/** The width of `text` set in `style` at `size` px, the way an SVG renderer lays it out (no kerning). */
export function measure(text: string, style: FontStyle, size: number): number {
  let em = 0;
  for (const ch of text) em += advanceEm(ch.codePointAt(0)!, style);
  return em * size;
}
