// Text measurement for figures, from a precomputed table of the bundled fonts' advance widths
// (fonts/source-serif-4.metrics.json, written by scripts/font-metrics.ts from the TTFs). No
// canvas, no DOM, no font files: the app and the CLI get the same widths, so the same lines.
// Kerning and ligatures are ignored (they only ever narrow Latin and Cyrillic text slightly).
//
// Fallback is per character: Source Serif 4 first, then Noto Serif (polytonic Greek, old
// Cyrillic), then Noto Serif SC (CJK). Each character is measured in the font that will draw
// it, and textRuns() tells the SVG writer which font that is, so no renderer has to choose.
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

/** The bundled fonts, in the order a character is looked for. */
export const FIGURE_FONTS = ['Source Serif 4', 'Noto Serif', 'Noto Serif SC'] as const;
export type FigureFont = (typeof FIGURE_FONTS)[number];

/** The SVG font-family of a run set in a fallback font (the primary family is the text element's). */
export const FALLBACK_FAMILY_CSS = {
  'Source Serif 4': FONT_FAMILY_CSS,
  'Noto Serif': `'Noto Serif', serif`,
  'Noto Serif SC': `'Noto Serif SC', 'Noto Serif CJK SC', serif`,
} as const satisfies Record<FigureFont, string>;

interface Fallback {
  font: FigureFont;
  em: number;
  styles: Record<FontStyle, FontStyle>;
  /** Per face: [first code point, count, width in font units], sorted. */
  faces: Partial<Record<FontStyle, [number, number, number][]>>;
}

const FALLBACKS: Fallback[] = (table.fallbacks as { font: string; unitsPerEm: number; styles: Record<FontStyle, FontStyle>; faces: Partial<Record<FontStyle, number[][]>> }[]).map((fb) => {
  if (!(FIGURE_FONTS as readonly string[]).includes(fb.font)) throw new Error(`The font table names a font the exporter does not know (${fb.font}).`);
  return { font: fb.font as FigureFont, em: fb.unitsPerEm, styles: fb.styles, faces: fb.faces as Fallback['faces'] };
});

/** The face of `font` that draws `style` (Noto Serif SC has no italic: its regular draws italic CJK). */
export function faceOf(font: FigureFont, style: FontStyle): FontStyle {
  const fb = FALLBACKS.find((f) => f.font === font);
  return fb ? fb.styles[style] : style;
}

/** The advance in em of `cp` in a fallback's face, or undefined when the face lacks it. */
function fallbackAdvance(fb: Fallback, style: FontStyle, cp: number): number | undefined {
  const runs = fb.faces[fb.styles[style]];
  if (!runs) return undefined;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo <= hi) {
    const m = (lo + hi) >> 1;
    const [first, count, width] = runs[m]!;
    if (cp < first) hi = m - 1;
    else if (cp >= first + count) lo = m + 1;
    else return width / fb.em;
  }
  return undefined;
}

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

/** The advance of `cp` in `font`, in em; undefined when the font lacks it. */
function advanceIn(font: FigureFont, cp: number, style: FontStyle): number | undefined {
  if (font === FONT_FAMILY) return widthTable(style).get(cp);
  const fb = FALLBACKS.find((f) => f.font === font)!;
  return fallbackAdvance(fb, style, cp);
}

/** The first bundled font with a glyph for `cp` in `style`; null when none has one. */
export function fontFor(cp: number, style: FontStyle): FigureFont | null {
  for (const font of FIGURE_FONTS) if (advanceIn(font, cp, style) !== undefined) return font;
  return null;
}

/** Does some bundled font draw `cp`? Zero-width controls and spaces count as drawn. */
export function hasGlyph(cp: number, style: FontStyle = 'regular'): boolean {
  return single(cp, style).font !== null || zeroWidth(cp) || cp === 0x0a || cp === 0x0d || cp === 0x09;
}

/** The width of a character no bundled font has (the viewer draws it as it can, often an empty box). */
const missingEm = (cp: number) => (zeroWidth(cp) ? 0 : wide(cp) ? table.fallbackEm.wide : table.fallbackEm.narrow);

/** The advance of one code point, in em, in the font that draws it on its own. */
export function advanceEm(cp: number, style: FontStyle): number {
  const font = fontFor(cp, style);
  return font === null ? missingEm(cp) : advanceIn(font, cp, style)!;
}

/** Is this code point in the primary font, Source Serif 4 (rather than a fallback or none)? */
export function inFont(cp: number, style: FontStyle = 'regular'): boolean {
  return widthTable(style).has(cp);
}

/** Marks and joiners: they belong to the character before them and are drawn in its font. */
const JOINS_BEFORE = /^[\p{M}\u200c\u200d]$/u;

/** A character with its marks, set in one font. */
export interface Cluster {
  text: string;
  /** The font that draws it; null when no bundled font has its base character. */
  font: FigureFont | null;
  /** Its advance, in em. */
  em: number;
}

/** What one code point is on its own, per style: its font and advance (computed once; figures measure every character of every line). */
interface Single {
  font: FigureFont | null;
  em: number;
  joins: boolean;
}
const singles = new Map<FontStyle, Map<number, Single>>();

function single(cp: number, style: FontStyle): Single {
  let table = singles.get(style);
  if (!table) singles.set(style, (table = new Map()));
  let s = table.get(cp);
  if (!s) {
    const font = fontFor(cp, style);
    s = { font, em: font === null ? missingEm(cp) : advanceIn(font, cp, style)!, joins: JOINS_BEFORE.test(String.fromCodePoint(cp)) };
    table.set(cp, s);
  }
  return s;
}

/** A cluster of more than one code point: the first font that has all of them, else its base character's. */
function clusterOf(cps: readonly number[], style: FontStyle): { font: FigureFont | null; em: number } {
  const font = FIGURE_FONTS.find((f) => cps.every((cp) => advanceIn(f, cp, style) !== undefined || zeroWidth(cp))) ?? fontFor(cps[0]!, style);
  let em = 0;
  for (const cp of cps) em += font === null ? missingEm(cp) : (advanceIn(font, cp, style) ?? missingEm(cp));
  return { font, em };
}

/** Calls `each` with every cluster of `text` (a character and the marks after it): its start, end (UTF-16 offsets) and, when it is one code point, what that is. */
function eachCluster(text: string, style: FontStyle, each: (start: number, end: number, one: Single | null, cps: number[] | null) => void): void {
  const n = text.length;
  for (let i = 0; i < n; ) {
    const cp = text.codePointAt(i)!;
    let end = i + (cp > 0xffff ? 2 : 1);
    let cps: number[] | null = null;
    while (end < n) {
      const next = text.codePointAt(end)!;
      if (!single(next, style).joins) break;
      (cps ??= [cp]).push(next);
      end += next > 0xffff ? 2 : 1;
    }
    each(i, end, cps ? null : single(cp, style), cps);
    i = end;
  }
}

/**
 * The text as clusters (a character and the marks after it), each in the first font that has
 * all of its characters, else in its base character's font. Context-free, so a word measured
 * alone and the same word in a line get the same fonts and widths.
 */
export function clusters(text: string, style: FontStyle): Cluster[] {
  const out: Cluster[] = [];
  eachCluster(text, style, (start, end, one, cps) => {
    const c = one ?? clusterOf(cps!, style);
    out.push({ text: text.slice(start, end), font: c.font, em: c.em });
  });
  return out;
}

/** A stretch of text set in one font. */
export interface TextRun {
  text: string;
  font: FigureFont | null;
  /** Width in em. */
  em: number;
}

/**
 * Is every character of `text` below U+0300 (so none joins the one before it) and in the primary
 * font? Then each is a cluster of its own set in Source Serif 4: one run, every glyph there.
 * Most lines of a figure are; the callers below take this way round the cluster-by-cluster walk.
 */
export function inPrimaryFont(text: string, style: FontStyle): boolean {
  const table = widthTable(style);
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    if (cp >= 0x300 || !table.has(cp)) return false;
  }
  return true;
}

/** The text split where its font changes: what the SVG writer writes as one tspan each. */
export function textRuns(text: string, style: FontStyle): TextRun[] {
  if (inPrimaryFont(text, style)) {
    if (text === '') return [];
    const table = widthTable(style);
    let em = table.get(text.charCodeAt(0))!;
    for (let i = 1; i < text.length; i++) em += table.get(text.charCodeAt(i))!;
    return [{ text, font: FONT_FAMILY, em }];
  }
  const runs: TextRun[] = [];
  let last: TextRun | undefined;
  eachCluster(text, style, (start, end, one, cps) => {
    const c = one ?? clusterOf(cps!, style);
    if (last && last.font === c.font) {
      last.text += text.slice(start, end);
      last.em += c.em;
    } else runs.push((last = { text: text.slice(start, end), font: c.font, em: c.em }));
  });
  return runs;
}

/** The width of `text` set in `style` at `size` px, the way an SVG renderer lays it out (no kerning). */
export function measure(text: string, style: FontStyle, size: number): number {
  // Fast path, same result: while no character joins the one before it (marks start at U+0300)
  // and none is half of a surrogate pair, each is its own cluster, drawn in the primary font when
  // it has it. Cards' estimates measure every word of a 10,000-node map; building clusters for
  // each was most of that time.
  const table = widthTable(style);
  let fast = 0;
  for (let i = 0; i < text.length; i++) {
    const cp = text.charCodeAt(i);
    const alone = cp < 0x300 || (!(cp >= 0xd800 && cp <= 0xdfff) && !JOINS_BEFORE.test(text[i]!));
    const w = alone ? table.get(cp) : undefined;
    if (w === undefined) return measureClusters(text, style, size);
    fast += w;
  }
  return fast * size;
}

function measureClusters(text: string, style: FontStyle, size: number): number {
  let em = 0;
  eachCluster(text, style, (_start, _end, one, cps) => {
    em += one ? one.em : clusterOf(cps!, style).em;
  });
  return em * size;
}
