// Printing the map (Ctrl+P in the browser, File > Print… in the desktop app): the whole map
// on one page, black on white, without the toolbar or the panes (print.css). A page is laid out
// and captured right after the `beforeprint` event, so the view is fitted synchronously then
// (not through the store's fit request, which waits a frame and animates) and put back after.
//
// The fit itself needs React Flow and the canvas box: the canvas hands in a PrintFitter
// (PrintFit.tsx, which also listens for printing); the geometry is the pure printLayout()
// below. No DOM types: the Node tests import it.

export interface Box {
  width: number;
  height: number;
}

export interface Rect extends Box {
  x: number;
  y: number;
}

export type Orientation = 'landscape' | 'portrait';

/**
 * The printable area in CSS px (96 per inch) of an A4 and a US Letter page alike, landscape,
 * within print.css's 10 mm margins (259 × 190 mm), a few px short so it never spills onto a
 * second page.
 */
export const PRINT_AREA: Readonly<Box> = { width: 976, height: 714 };

/** The most a card is enlarged on paper (a map of one node is not printed a page wide). */
const MAX_PRINT_SCALE = 1.5;
const PADDING = 0.03;

export interface PrintLayout {
  orientation: Orientation;
  /** The canvas box the map is fitted into: the page's shape, within the box on screen. */
  box: Box;
  /** How much print.css enlarges that box to fill the page (CSS zoom). */
  zoom: number;
  /** The largest canvas zoom the fit may use, so that on paper no card is larger than MAX_PRINT_SCALE. */
  maxZoom: number;
  padding: number;
}

/**
 * Where the map goes on paper: the orientation that prints it largest, and a box of the page's
 * shape inside the canvas as it is on screen (the canvas draws what is inside its own box only,
 * so the fitted map is drawn whole), scaled up to the page by `zoom`.
 */
export function printLayout(map: Box, screen: Box): PrintLayout {
  const landscape = PRINT_AREA;
  const portrait = { width: PRINT_AREA.height, height: PRINT_AREA.width };
  const fit = (page: Box) => Math.min(page.width / Math.max(map.width, 1), page.height / Math.max(map.height, 1));
  const orientation: Orientation = fit(portrait) > fit(landscape) ? 'portrait' : 'landscape';
  const page = orientation === 'portrait' ? portrait : landscape;
  const k = Math.min(Math.max(screen.width, 1) / page.width, Math.max(screen.height, 1) / page.height);
  const box = { width: Math.floor(page.width * k), height: Math.floor(page.height * k) };
  const zoom = Math.min(page.width / box.width, page.height / box.height);
  return { orientation, box, zoom, maxZoom: MAX_PRINT_SCALE / zoom, padding: PADDING };
}

/** Fits the whole map for printing; returns what puts the view back. */
export interface PrintFitter {
  fitForPrint(): () => void;
}

let fitter: PrintFitter | null = null;

/** The canvas registers itself (and null when it goes). */
export function setPrintFitter(next: PrintFitter | null): void {
  fitter = next;
}

let restore: (() => void) | null = null;

export function beforePrint(): void {
  restore?.();
  try {
    restore = fitter?.fitForPrint() ?? null;
  } catch (err) {
    // Printing goes on with the view as it is.
    console.warn('Argument Atlas could not fit the map to the page:', err);
    restore = null;
  }
}

export function afterPrint(): void {
  const undo = restore;
  restore = null;
  undo?.();
}
