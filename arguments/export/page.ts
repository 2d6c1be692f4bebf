// The page a figure is made for: its printed width (a journal's column, one and a half
// columns, the full width, or the text block of an A4 or Letter page, or any width in mm),
// the tallest it may be, and the smallest type it may have once printed. A figure is
// scaled to exactly the target width, so a font of s px in a figure W px wide printed T mm
// wide comes out at s × (T / 25.4 × 72) / W pt.
import type { FigureLayout, Rect, TextBlock } from './layout';
import { ASCENT_EM, DESCENT_EM } from './metrics';

export const PAGE_PRESETS = ['column', 'column-and-half', 'full-width', 'a4', 'a4-landscape', 'letter', 'letter-landscape'] as const;
export type PagePreset = (typeof PAGE_PRESETS)[number];

/** The tallest a journal figure may be: a text block's height, with room left for its caption. */
export const JOURNAL_TEXT_HEIGHT_MM = 230;

export const PAGE_PRESET_SIZES = {
  column: { label: 'One column (85 mm)', widthMm: 85, maxHeightMm: JOURNAL_TEXT_HEIGHT_MM },
  'column-and-half': { label: '1.5 columns (120 mm)', widthMm: 120, maxHeightMm: JOURNAL_TEXT_HEIGHT_MM },
  'full-width': { label: 'Full width (175 mm)', widthMm: 175, maxHeightMm: JOURNAL_TEXT_HEIGHT_MM },
  // A4 with 25 mm margins; Letter with 1 in margins.
  a4: { label: 'A4 portrait text block (160 × 247 mm)', widthMm: 160, maxHeightMm: 247 },
  'a4-landscape': { label: 'A4 landscape text block (247 × 160 mm)', widthMm: 247, maxHeightMm: 160 },
  letter: { label: 'Letter portrait text block (165 × 229 mm)', widthMm: 165.1, maxHeightMm: 228.6 },
  'letter-landscape': { label: 'Letter landscape text block (229 × 165 mm)', widthMm: 228.6, maxHeightMm: 165.1 },
} as const satisfies Record<PagePreset, { label: string; widthMm: number; maxHeightMm: number }>;

/** Narrower than this, not one card with a legible line fits (a thumbnail is not a figure). */
export const MIN_WIDTH_MM = 40;
/** Wider than the largest paper a figure goes on (A0's long side). */
export const MAX_WIDTH_MM = 1189;
export const DEFAULT_MIN_TYPE_PT = 7;
/** Journals ask for 6-8 pt; below 4 pt no print is legible, above 24 pt is a poster's headline, not a figure's lettering. */
export const MIN_TYPE_RANGE_PT = [4, 24] as const;

export interface PageTarget {
  widthMm: number;
  /** The tallest the printed figure may be. */
  maxHeightMm: number;
  /** The smallest type once printed, in pt. */
  minTypePt: number;
  /** The preset it came from, if any. */
  preset?: PagePreset;
}

export type PageProblemCode = 'width-unreadable' | 'width-too-small' | 'width-too-large' | 'height-unreadable' | 'height-out-of-range' | 'min-type-unreadable' | 'min-type-out-of-range';

/** A target that cannot be: what is wrong and what to give instead. */
export class PageError extends Error {
  override name = 'PageError';
  constructor(
    readonly code: PageProblemCode,
    message: string,
  ) {
    super(message);
  }
}

const UNITS_MM = { mm: 1, cm: 10, in: 25.4 } as const;
const round = (n: number, digits = 1) => Math.round(n * 10 ** digits) / 10 ** digits;

function lengthMm(text: string): number | null {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(mm|cm|in)\s*$/i.exec(text);
  if (!m) return null;
  return Number(m[1]) * UNITS_MM[m[2]!.toLowerCase() as keyof typeof UNITS_MM];
}

export function isPagePreset(s: string): s is PagePreset {
  return (PAGE_PRESETS as readonly string[]).includes(s);
}

/** A width as given: a preset name, or a length in mm, cm or in ("175mm", "8.5cm", "3.5in"). */
export function parseWidth(text: string): { widthMm: number; maxHeightMm: number; preset?: PagePreset } {
  const name = text.trim().toLowerCase();
  if (isPagePreset(name)) {
    const p = PAGE_PRESET_SIZES[name];
    return { widthMm: p.widthMm, maxHeightMm: p.maxHeightMm, preset: name };
  }
  const mm = lengthMm(text);
  if (mm === null) throw new PageError('width-unreadable', `The width “${text}” is not a length: give it in mm, cm or in (e.g. 175mm), or name a preset: ${PAGE_PRESETS.join(', ')}.`);
  return { widthMm: checkWidth(mm), maxHeightMm: JOURNAL_TEXT_HEIGHT_MM };
}

export function checkWidth(mm: number): number {
  if (!Number.isFinite(mm) || mm < MIN_WIDTH_MM)
    throw new PageError('width-too-small', `A figure ${round(mm)} mm wide is too narrow to hold one legible card; give at least ${MIN_WIDTH_MM} mm (a journal column is about 85 mm).`);
  if (mm > MAX_WIDTH_MM) throw new PageError('width-too-large', `A figure ${round(mm)} mm wide is wider than any paper it could be printed on; give at most ${MAX_WIDTH_MM} mm.`);
  return mm;
}

/** The tallest the figure may be: a length ("230mm", "9in"). */
export function parseMaxHeight(text: string): number {
  const mm = lengthMm(text);
  if (mm === null) throw new PageError('height-unreadable', `The height “${text}” is not a length: give it in mm, cm or in (e.g. 230mm).`);
  if (mm < MIN_WIDTH_MM || mm > MAX_WIDTH_MM) throw new PageError('height-out-of-range', `A figure may be from ${MIN_WIDTH_MM} to ${MAX_WIDTH_MM} mm tall (got ${round(mm)} mm).`);
  return mm;
}

/** The smallest type: points ("7pt", or a bare number of points). */
export function parseMinType(text: string): number {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(pt)?\s*$/i.exec(text);
  if (!m) throw new PageError('min-type-unreadable', `The type size “${text}” is not a size in points; give it as e.g. 7pt.`);
  return checkMinType(Number(m[1]));
}

export function checkMinType(pt: number): number {
  const [lo, hi] = MIN_TYPE_RANGE_PT;
  if (!Number.isFinite(pt) || pt < lo || pt > hi)
    throw new PageError('min-type-out-of-range', `A smallest type of ${round(pt)} pt cannot be: give a size from ${lo} to ${hi} pt (journals ask for 6–8 pt; the default is ${DEFAULT_MIN_TYPE_PT} pt).`);
  return pt;
}

/** The target from what the user gave; the height limit is the preset's unless given. */
export function pageTarget(o: { width: string; minType?: string; maxHeight?: string }): PageTarget {
  const w = parseWidth(o.width);
  return {
    widthMm: w.widthMm,
    maxHeightMm: o.maxHeight !== undefined ? parseMaxHeight(o.maxHeight) : w.maxHeightMm,
    minTypePt: o.minType !== undefined ? parseMinType(o.minType) : DEFAULT_MIN_TYPE_PT,
    ...(w.preset ? { preset: w.preset } : {}),
  };
}

// ----- sizes once printed ------------------------------------------------------------------

export const MM_PER_PT = 25.4 / 72;

/** How many points one px of a figure `widthPx` wide becomes when printed `widthMm` wide. */
export function ptPerPx(widthPx: number, widthMm: number): number {
  return widthMm / MM_PER_PT / widthPx;
}

/** Every text block a figure draws (nodes, relation labels, linked-premise boxes, legend, caption), each with what it belongs to. */
export function textBlocks(layout: FigureLayout): { block: TextBlock; of: string }[] {
  const out: { block: TextBlock; of: string }[] = [];
  const add = (block: TextBlock | undefined, of: string) => {
    if (block && block.lines.some((l) => l.text !== '')) out.push({ block, of });
  };
  for (const n of layout.nodes) {
    add(n.kindLabel, n.id);
    add(n.voice?.text, n.id);
    add(n.title, n.id);
    add(n.text, n.id);
    add(n.quote?.text, n.id);
    add(n.attribution, n.id);
    add(n.status?.text, n.id);
  }
  for (const e of layout.edges) {
    add(e.label?.text, e.id);
    add(e.linkedBox?.label, e.id);
  }
  for (const l of layout.legend ?? []) add(l.label, 'legend');
  add(layout.caption, 'caption');
  return out;
}

/** The smallest font size (px) a figure draws, or null when it draws no text. */
export function smallestTextPx(layout: FigureLayout): number | null {
  let least: number | null = null;
  for (const { block } of textBlocks(layout)) if (least === null || block.size < least) least = block.size;
  return least;
}

/** The box a text block's lines cover, in the layout's coordinates (before its offset). */
export function textBox(b: TextBlock): Rect {
  const widest = Math.max(0, ...b.lines.map((l) => l.width));
  const left = b.anchor === 'start' ? b.x : b.anchor === 'middle' ? b.x - widest / 2 : b.x - widest;
  // The inverse of layout.ts's block(): the first line box around the first baseline.
  const top = b.y - (b.lineHeight - (ASCENT_EM + DESCENT_EM) * b.size) / 2 - ASCENT_EM * b.size;
  return { x: left, y: top, w: widest, h: b.lines.length * b.lineHeight };
}

export interface PrintedSize {
  widthMm: number;
  heightMm: number;
  /** The smallest type once printed, pt; null when the figure has no text. */
  smallestPt: number | null;
}

/** What a figure of `layout`'s size becomes printed at `widthMm`. */
export function printedSize(layout: FigureLayout, widthMm: number): PrintedSize {
  const k = ptPerPx(layout.width, widthMm);
  const least = smallestTextPx(layout);
  return { widthMm, heightMm: layout.height * k * MM_PER_PT, smallestPt: least === null ? null : least * k };
}

/** The SVG with its printed size in mm (its viewBox, in px, unchanged), so it is placed at the target width. */
export function printSizedSvg(svg: string, widthMm: number, heightMm: number): string {
  const mm = (n: number) => `${Math.round(n * 100) / 100}mm`;
  return svg.replace(/<svg\b[^>]*>/, (root) => root.replace(/ width="[^"]*"/, ` width="${mm(widthMm)}"`).replace(/ height="[^"]*"/, ` height="${mm(heightMm)}"`));
}
