// Figures of a map: the one exporter the app and the CLI share. It draws from the model and
// its arrangement, never from the screen, so the same map and options give the same figure
// everywhere. SVG here; PNG and PDF are drawn from this SVG by each platform's edge
// (resvg in the CLI, a canvas in the browser; PDFKit + svg-to-pdfkit in both, see pdf.ts).
import { computeStatus, type StatusLabel } from '../analysis/status';
import { serializeMap } from '../format/serialize';
import type { ArgumentMap, Id } from '../model';
import type { CiteProcessor } from '../cite/processor';
import { fullCitations, quotedSources } from './citations';
import type { Detail } from './detail';
import { layoutFigure, type FigureLayout, type Point } from './layout';
import { scopeMap, type Scope } from './scope';
import { writeSvg } from './svg';
import { THEMES, type Theme, type ThemeName } from './themes';

export const FIGURE_FORMATS = ['svg', 'png', 'pdf'] as const;
export type FigureFormat = (typeof FIGURE_FORMATS)[number];

export const PAGE_SIZES = ['fit', 'a4', 'letter'] as const;
export type PageSize = (typeof PAGE_SIZES)[number];

export interface FigureOptions {
  theme: ThemeName;
  scope: Scope;
  /** Show counter-considerations (and what only answers them). */
  counters: boolean;
  /** Show who says what: the voice badge on each node. */
  voices: boolean;
  legend: boolean;
  caption?: string;
  /**
   * Under the figure, the full citation of every source quoted in it, first quoted first
   * (Chicago bibliography entries from the CSL processor: pass RenderExtras.citeProcessor).
   */
  citations?: boolean;
  /** Show the short citation of the quoted source under each quote; shown unless false. */
  attribution?: boolean;
  /**
   * Carry the comment threads in the map the figure embeds. Left out unless true: comments are
   * the working discussion of a map, not part of a figure one publishes (they are never drawn).
   */
  comments?: boolean;
  /**
   * Draw each node's dialectical status (stands / falls / open) as a badge, with the status
   * legend: computed from the whole map and the file's evaluations, whatever the scope.
   */
  statusBadges?: boolean;
  /** The voices the status counts (their nodes, relations and evaluations); absent or null: every voice. */
  statusVoices?: readonly string[] | null;
  /** How much of each node is drawn; full unless said. */
  detail?: Detail;
  /** A page-fit figure's own arrangement (fit.ts): the card width and where each node stands; the map's arrangement otherwise. */
  arrangement?: { cardWidth: number; positions: ReadonlyMap<Id, Point> };
}

/** The margin of a page-fit figure, px: the page around it is margin enough. */
export const PAGE_FIGURE_MARGIN = 6;

/** The theme of a page-fit figure: cards `cardWidth` px wide (the fitter's wrap width), a thin margin. Unchanged without a card width. */
export function themeWithCardWidth(theme: Theme, cardWidth: number | undefined): Theme {
  return cardWidth === undefined ? theme : { ...theme, margin: Math.min(theme.margin, PAGE_FIGURE_MARGIN), node: { ...theme.node, width: cardWidth } };
}

/** The status labels a figure draws: computed as the app and `argmap status` compute them. */
export function figureStatus(map: ArgumentMap, voices: readonly string[] | null | undefined): Map<Id, StatusLabel> {
  const status = computeStatus(map, Object.values(map.evaluations ?? {}), { voices: voices ? new Set(voices) : null });
  return new Map([...status.nodes].map(([id, s]) => [id, s.label]));
}

/** The map a figure carries: without its comment threads unless they were asked for. */
export function carriedMap(map: ArgumentMap, options: Pick<FigureOptions, 'comments'>): ArgumentMap {
  return options.comments || Object.keys(map.comments ?? {}).length === 0 ? map : { ...map, comments: {} };
}

export const DEFAULT_FIGURE_OPTIONS: Readonly<FigureOptions> = { theme: 'print', scope: { kind: 'all' }, counters: true, voices: true, legend: false };

export const DEFAULT_DPI = 300;
export const MIN_DPI = 36;
export const MAX_DPI = 2400;
/** The largest raster a figure is drawn at (browsers' canvas limits; memory in the CLI). */
export const MAX_PIXELS = 16384 * 16384;
export const MAX_PIXEL_SIDE = 32767;

export interface Figure {
  /** The standalone SVG file, carrying the whole map in its <metadata> unless embedMap was false. */
  svg: string;
  /** Size in CSS px (1/96 in). */
  width: number;
  height: number;
  layout: FigureLayout;
  theme: Theme;
  /** The map document it carries (serializeMap of the whole map, whatever the scope; comment threads only if asked). */
  mapJson: string;
  title: string;
  /** The same drawing written again with other extras (no map inside, fonts inside): no new layout. */
  variant(extras: RenderExtras): string;
}

export interface RenderExtras {
  /** Leave the map out of the SVG (a copy for svg-to-pdfkit, which carries it as an attachment instead). */
  embedMap?: boolean;
  /** See SvgOptions.fontFaceCss: only for copies rasterised in a browser. */
  fontFaceCss?: string;
  /** See SvgOptions.relationGroups: for the HTML handout's step-through. */
  relationGroups?: boolean;
  /** Formats the full citations of FigureOptions.citations (the app's CSL processor, already opened). */
  citeProcessor?: Pick<CiteProcessor, 'bibliography'>;
  /** The layout already made for exactly this map and these options (fit.ts's attempt), not made again. */
  layout?: FigureLayout;
}

/** A figure asked to list its sources without a citation processor to format them. */
export class FigureCitationError extends Error {
  readonly code = 'no-citation-processor';
  constructor() {
    super('The list of sources under the figure needs the citation processor; open it first (or turn the list off).');
    this.name = 'FigureCitationError';
  }
}

/** Draws the figure. Throws ScopeError when the scope names nothing in the map. */
export function renderFigure(map: ArgumentMap, options: FigureOptions, extras: RenderExtras = {}): Figure {
  const theme = themeWithCardWidth(THEMES[options.theme], options.arrangement?.cardWidth);
  const scoped = scopeMap(map, options.scope, { counters: options.counters });
  const status = options.statusBadges ? { labels: figureStatus(map, options.statusVoices), voices: options.statusVoices ? [...options.statusVoices] : null } : undefined;
  let citations: Map<Id, string> | undefined;
  if (options.citations) {
    if (!extras.citeProcessor) throw new FigureCitationError();
    citations = fullCitations(map, quotedSources(map, scoped.nodes), extras.citeProcessor);
  }
  const layout =
    extras.layout ?? layoutFigure(map, scoped, theme, { voices: options.voices, legend: options.legend, caption: options.caption, citations, attribution: options.attribution, status, detail: options.detail, positions: options.arrangement?.positions });
  const title = map.meta.title || 'Argument map';
  // The map's text and the SVG are made once, and only when something needs them (a preview
  // does not; the PDF handout draws a claim's figure from a copy without the map).
  const carried = carriedMap(map, options);
  let json: string | null = null;
  let svg: string | undefined;
  const write = (e: RenderExtras, mapJson: string | undefined) => writeSvg(layout, theme, { title, description: map.meta.description, mapJson, fontFaceCss: e.fontFaceCss, relationGroups: e.relationGroups });
  return {
    get svg() {
      return (svg ??= write(extras, extras.embedMap === false ? undefined : (json ??= serializeMap(carried))));
    },
    width: layout.width,
    height: layout.height,
    layout,
    theme,
    title,
    get mapJson() {
      return (json ??= serializeMap(carried));
    },
    variant(e: RenderExtras) {
      return write(e, e.embedMap === false ? undefined : (json ??= serializeMap(carried)));
    },
  };
}

/** The raster size of a figure at `dpi` (a CSS px is 1/96 in). */
export function pixelSize(size: { width: number; height: number }, dpi: number): { width: number; height: number; scale: number } {
  const scale = dpi / 96;
  return { width: Math.max(1, Math.round(size.width * scale)), height: Math.max(1, Math.round(size.height * scale)), scale };
}

/** Null when the raster fits; else a sentence saying what DPI would. */
export function rasterTooLarge(size: { width: number; height: number }, dpi: number): string | null {
  const px = pixelSize(size, dpi);
  if (px.width <= MAX_PIXEL_SIDE && px.height <= MAX_PIXEL_SIDE && px.width * px.height <= MAX_PIXELS) return null;
  const fit = Math.floor(96 * Math.min(MAX_PIXEL_SIDE / size.width, MAX_PIXEL_SIDE / size.height, Math.sqrt(MAX_PIXELS / (size.width * size.height))));
  const advice = fit >= MIN_DPI ? `choose ${fit} DPI or less, or export SVG or PDF` : `even at ${MIN_DPI} DPI it would be too large: export SVG or PDF, or a part of the map`;
  return `At ${dpi} DPI this figure would be ${px.width} × ${px.height} pixels, more than a PNG can be drawn at here; ${advice}.`;
}

/** A raster refused before anything is drawn or written: its size and what would fit, in `message`. */
export class RasterTooLargeError extends Error {
  override name = 'RasterTooLargeError';
  readonly code = 'raster-too-large';
  constructor(
    message: string,
    readonly pixels: { width: number; height: number },
  ) {
    super(message);
  }
}

/** "Stalin’s letter (1950)" + "pdf" -> "stalins-letter-1950.pdf". */

export function isFigureFormat(s: string): s is FigureFormat {
  return (FIGURE_FORMATS as readonly string[]).includes(s);
}
export function isPageSize(s: string): s is PageSize {
  return (PAGE_SIZES as readonly string[]).includes(s);
}
