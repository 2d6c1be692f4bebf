// The PDF handout (`argmap export MAP --format handout-pdf`, File > Export Handout…): the pages
// handout/pages.ts plans, drawn with PDFKit on A4: each page's figure (the exporter's own SVG,
// print theme, as vectors through svg-to-pdfkit, as pdf.ts draws figures), the quoted passages
// with their Chicago notes under it, and the bibliography last. PDFKit and the fonts are handed
// in (its Node build in the CLI, its browser build in the app), so both run this code.
//
// A page per step draws the map laid out (and its arrows routed) once, as the presentation
// does: each step's figure is that layout with only what is revealed so far, framed on it, so
// the cards keep their places from page to page and a map of hundreds of steps is laid out once,
// not once a step. Its cards and arrows are drawn once each too, as PDF forms that every page
// showing them places (pdfParts.ts): the drawing grows with the map, not with steps × cards. A page per claim lays out the claim's section afresh as a page-ready figure
// (fit.ts: the detail, direction and card width whose type stays legible across the text block):
// the screen's arrangement of one claim, scaled into the page, printed its cards at 3-4 pt.
import { renderFigure, type Figure } from './figure';
import { fitFigure, renderAttempt, type LayoutEngine } from './fit';
import { DEFAULT_MIN_TYPE_PT, MM_PER_PT, type PageTarget } from './page';
import type { FigureLayout } from './layout';
import { writeSvg } from './svg';
import { figuresFaces, uniqueFaces, type FontFaceUse } from './glyphs';
import type { HandoutPlan } from './handout/pages';
import { textRuns, type FontStyle } from './metrics';
import { FONT_NAMES, pdfBytes, pdfFontName, registerPdfFonts, type FallbackFontBytes, type FontBytes } from './pdf';
import { PT_PER_PX, type PdfLibraries } from './pdfKit';
import { FigureParts, mapBoxOf, placements, type PartsDocument, type PartsFigure } from './pdfParts';

/** The parts of PDFKit's text API the handout uses, beside what figures use. */
interface HandoutDocument extends PartsDocument {
  font(name: string): HandoutDocument;
  fontSize(size: number): HandoutDocument;
  fillColor(color: string): HandoutDocument;
  text(text: string, x?: number, y?: number, options?: Record<string, unknown>): unknown;
  text(text: string, options?: Record<string, unknown>): unknown;
  heightOfString(text: string, options?: Record<string, unknown>): number;
  moveDown(lines?: number): unknown;
  y: number;
}

const A4: [number, number] = [595.28, 841.89];
const MARGIN = 50;
const TEXT_WIDTH = A4[0] - 2 * MARGIN;
/** The figure gets at least this much height; quotes that leave less flow on to a next sheet. */
const MIN_FIGURE_PT = 200;
/** A claim's figure: the text block's width, and the page's height below the heading (its quotes flow on). */
const CLAIM_FIGURE_MAX_PT = A4[1] - 2 * MARGIN - 52;
export const CLAIM_FIGURE_TARGET: PageTarget = { widthMm: TEXT_WIDTH * MM_PER_PT, maxHeightMm: CLAIM_FIGURE_MAX_PT * MM_PER_PT, minTypePt: DEFAULT_MIN_TYPE_PT };
/** Cards with title and statement: the quoted passages are set in full under the figure. */
const CLAIM_FIGURE_DETAIL = 'statements' as const;
const GREY = '#555555';
const INK = '#111111';

/** A piece of text the handout sets: its style and size, for measuring and for finding its faces. */
interface Piece {
  text: string;
  style: FontStyle;
  size: number;
  color?: string;
  gap?: number;
  indent?: number;
}

/** A page's figure: its SVG (no map inside: the handout is not a figure to reopen), size in px, and layout. */
export interface PageFigure extends PartsFigure {
  /** Written when read: the PDF draws the figure's parts (pdfParts.ts), not this. */
  readonly svg: string;
  width: number;
  height: number;
  layout: FigureLayout;
  /**
   * A claim's figure laid out for the page: 'fits' the text block at legible type, or the
   * 'closest' arrangement (drawn the text block's width, larger than 1 px = 1 px if need be).
   */
  pageReady?: 'fits' | 'closest';
}

export interface PreparedHandoutPdf {
  plan: HandoutPlan;
  /** One figure per page of `plan.pages`. */
  figures: PageFigure[];
  /** The faces to load and pass to writeHandoutPdf (Source Serif 4 is always needed). */
  faces: FontFaceUse[];
}

const quotePieces = (plan: HandoutPlan, page: HandoutPlan['pages'][number]): Piece[] =>
  page.quotes.length === 0
    ? []
    : [
        { text: 'Quoted in the sources', style: 'bold', size: 10.5, gap: 4 },
        ...page.quotes.flatMap((q): Piece[] => [
          { text: q.label, style: 'bold', size: 8.5, color: GREY },
          { text: `“${q.passage}”`, style: 'italic', size: 9.5, gap: q.note ? 1 : 6 },
          ...(q.note ? [{ text: `${q.note}. ${plan.notes[q.note - 1] ?? ''}`, style: 'regular' as const, size: 8.5, gap: 6 }] : []),
        ]),
      ];

const headerPieces = (plan: HandoutPlan, page: HandoutPlan['pages'][number]): Piece[] => [
  { text: `${plan.title}${plan.blanked.length > 0 ? ' (worksheet: fill in the blanks)' : ''} · ${page.kicker}`, style: 'regular', size: 9, color: GREY, gap: 2 },
  { text: page.heading, style: 'bold', size: 15, gap: 8 },
];

const bibliographyPieces = (plan: HandoutPlan): Piece[] => [
  { text: 'Bibliography', style: 'bold', size: 15, gap: 10 },
  ...(plan.bibliography.length > 0 ? plan.bibliography.map((e): Piece => ({ text: e, style: 'regular', size: 10, gap: 6, indent: 18 })) : [{ text: 'This map has no sources.', style: 'italic', size: 10 } satisfies Piece]),
];

function piecesFaces(pieces: readonly Piece[]): FontFaceUse[] {
  const out: FontFaceUse[] = [];
  for (const p of pieces) for (const r of textRuns(p.text, p.style)) if (r.font !== null && r.text.trim() !== '') out.push({ font: r.font, face: p.style });
  return out;
}

const FIGURE_OPTIONS = { theme: 'print', scope: { kind: 'all' }, counters: true, voices: true, legend: false } as const;
/** Room left around what a step's figure frames, px (arrows may bend out beyond the cards). */
const FRAME_PX = 24;

type Shown = { nodes: Readonly<Record<string, unknown>>; relations: Readonly<Record<string, { from: readonly string[]; to: string }>> };

/**
 * The whole map's figure with only the nodes and relations of `shown`, framed on its cards, or
 * with `focus` (a step's nodes) on those and the cards they are connected to: a late step of a
 * large map is then its own region at a readable size, as the presentation's camera shows it,
 * not the whole revealed map shrunk into the page. Cards outside the frame are left out, and
 * arrows with them; the cards keep their places from page to page either way.
 */
export function revealedFigure(whole: Figure, shown: Shown, focus?: readonly string[]): PageFigure {
  const revealed = whole.layout.nodes.filter((n) => Object.hasOwn(shown.nodes, n.id));
  const framed = new Set<string>(focus?.filter((id) => Object.hasOwn(shown.nodes, id)) ?? []);
  if (framed.size > 0) {
    const step = new Set(framed);
    // An undercut's far end is the arrow it attacks: framed are that arrow's cards (and, for an
    // undercut of an undercut, those of the arrow that one attacks), so the undercut is drawn.
    const cardsOf = (end: string): string[] => {
      const cards: string[] = [];
      const seen = new Set<string>();
      for (const todo = [end]; todo.length > 0; ) {
        const id = todo.pop()!;
        if (seen.has(id)) continue;
        seen.add(id);
        if (Object.hasOwn(shown.nodes, id)) cards.push(id);
        else if (Object.hasOwn(shown.relations, id)) todo.push(...shown.relations[id]!.from, shown.relations[id]!.to);
      }
      return cards;
    };
    for (const r of Object.values(shown.relations))
      if (r.from.some((id) => step.has(id)) || step.has(r.to)) for (const id of [...r.from.filter((id) => Object.hasOwn(shown.nodes, id)), ...cardsOf(r.to)]) framed.add(id);
  }
  const box = (ns: readonly { x: number; y: number; w: number; h: number }[]) => ({
    left: Math.min(...ns.map((n) => n.x)),
    top: Math.min(...ns.map((n) => n.y)),
    right: Math.max(...ns.map((n) => n.x + n.w)),
    bottom: Math.max(...ns.map((n) => n.y + n.h)),
  });
  const f = box(framed.size > 0 ? revealed.filter((n) => framed.has(n.id)) : revealed);
  // The cards the frame cuts into are drawn whole: the frame grows to them (once, not again for what it then reaches).
  const nodes = revealed.filter((n) => n.x < f.right + FRAME_PX && n.x + n.w > f.left - FRAME_PX && n.y < f.bottom + FRAME_PX && n.y + n.h > f.top - FRAME_PX);
  const { left, top, right, bottom } = box(nodes);
  const kept = new Set(nodes.map((n) => n.id));
  // An arrow is drawn when both its ends are (an undercut's end is the arrow it attacks): those
  // ending on a card at once, then undercuts level by level, so an undercut of an undercut is
  // kept whichever of the two the map records first.
  const keptRelations = new Set<string>();
  let undercuts: [string, { from: readonly string[]; to: string }][] = [];
  for (const id in shown.relations) {
    const r = shown.relations[id]!;
    if (!r.from.every((f) => kept.has(f))) continue;
    if (kept.has(r.to)) keptRelations.add(id);
    else if (Object.hasOwn(shown.relations, r.to)) undercuts.push([id, r]);
  }
  for (let grew = true; grew && undercuts.length > 0; ) {
    const before = keptRelations.size;
    undercuts = undercuts.filter(([id, r]) => !(keptRelations.has(r.to) && keptRelations.add(id)));
    grew = keptRelations.size > before;
  }
  const edges = whole.layout.edges.filter((e) => keptRelations.has(e.id));
  const layout: FigureLayout = {
    width: Math.ceil(right - left + 2 * FRAME_PX),
    height: Math.ceil(bottom - top + 2 * FRAME_PX),
    offset: { x: FRAME_PX - left, y: FRAME_PX - top },
    nodes,
    edges,
    ...(whole.layout.unrouted ? { unrouted: whole.layout.unrouted } : {}),
  };
  let svg: string | undefined;
  return {
    get svg() {
      return (svg ??= writeSvg(layout, whole.theme, { title: whole.title }));
    },
    width: layout.width,
    height: layout.height,
    layout,
    theme: whole.theme,
    // Every step's parts are the whole map's, where the whole figure draws them.
    recurs: true,
    mapBox: mapBoxOf(whole.layout),
  };
}


/**
 * A claim's page-ready figure: the first arrangement that fits the text block at legible type,
 * else the closest one (the largest type among those short enough), else the map's own.
 */
async function claimFigure(shown: HandoutPlan['pages'][number]['shown'], engine: LayoutEngine): Promise<PageFigure> {
  const outcome = await fitFigure(shown, FIGURE_OPTIONS, CLAIM_FIGURE_TARGET, engine, { detail: CLAIM_FIGURE_DETAIL });
  const page = (figure: Figure, pageReady?: PageFigure['pageReady']): PageFigure => {
    let svg: string | undefined;
    return {
      get svg() {
        return (svg ??= figure.variant({ embedMap: false }));
      },
      width: figure.width,
      height: figure.height,
      layout: figure.layout,
      theme: figure.theme,
      recurs: false,
      mapBox: mapBoxOf(figure.layout),
      ...(pageReady ? { pageReady } : {}),
    };
  };
  if (outcome.fits) return page(outcome.fitted.figure, 'fits');
  if (outcome.closest) return page(renderAttempt(shown, FIGURE_OPTIONS, CLAIM_FIGURE_TARGET, outcome.closest).figure, 'closest');
  return page(renderFigure(shown, FIGURE_OPTIONS, { embedMap: false }));
}

/**
 * How many claims' figures are fitted at once. A fitting waits for ELK at each attempt; where ELK
 * runs in another thread (the app's layout worker, the CLI's ELK thread for a large handout),
 * the others meanwhile draw and route what ELK already laid out, so both threads keep busy. The
 * figures do not depend on it: each claim's fitting is its own, and each is drawn whole between
 * two of its waits.
 */
const CLAIMS_IN_FLIGHT = 4;

/** `make` of each item, at most `limit` unsettled at a time, the results in the items' order. */
async function inPageOrder<T, R>(items: readonly T[], limit: number, make: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  let failed = false;
  const lane = async () => {
    try {
      for (let k = next++; k < items.length && !failed; k = next++) out[k] = await make(items[k]!);
    } catch (err) {
      failed = true; // the others take no more: the handout is not made
      throw err;
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/**
 * Draws each page's figure and finds the faces the handout needs (the caller loads them).
 * `engine` runs ELK for the claims' page-ready figures (elkjs in the CLI, the layout worker in the app).
 */
export async function prepareHandoutPdf(plan: HandoutPlan, engine: LayoutEngine): Promise<PreparedHandoutPdf> {
  const figures: PageFigure[] = [];
  if (plan.paging === 'step') {
    // The last step shows the whole map: its layout holds every card and arrow of every step.
    const whole = renderFigure(plan.pages.at(-1)!.shown, FIGURE_OPTIONS, { embedMap: false });
    figures.push(...plan.pages.map((p) => revealedFigure(whole, p.shown, p.focus)));
  } else figures.push(...(await inPageOrder(plan.pages, CLAIMS_IN_FLIGHT, (p) => claimFigure(p.shown, engine))));
  const text = [...plan.pages.flatMap((p) => [...headerPieces(plan, p), ...quotePieces(plan, p)]), ...bibliographyPieces(plan)];
  const faces = uniqueFaces([{ font: 'Source Serif 4', face: 'regular' }, { font: 'Source Serif 4', face: 'italic' }, { font: 'Source Serif 4', face: 'bold' }, ...figuresFaces(figures.map((f) => f.layout)), ...piecesFaces(text)]);
  return { plan, figures, faces };
}

export interface HandoutPdf {
  bytes: Uint8Array;
  /** Sheets written: one per page of the plan, more where quotes ran over, and the bibliography. */
  sheets: number;
  /** Cards, arrows and labels of the steps' figures: each drawn once (a form), placed on every page that shows it; those on one page only, drawn there (inline). */
  parts: { drawn: number; placed: number; inline: number; byLibrary: number };
}

export async function writeHandoutPdf(libs: PdfLibraries, fonts: FontBytes, fallbacks: FallbackFontBytes, prepared: PreparedHandoutPdf, o: { date?: string; description?: string } = {}): Promise<HandoutPdf> {
  const { plan, figures } = prepared;
  const date = o.date && !Number.isNaN(Date.parse(o.date)) ? new Date(o.date) : new Date(0);
  const doc = new libs.PDFDocument({
    size: A4,
    margin: MARGIN,
    font: null,
    compress: true,
    displayTitle: true,
    autoFirstPage: false,
    info: {
      Title: `${plan.title}: handout${plan.blanked.length > 0 ? ' (worksheet)' : ''}`,
      ...(o.description ? { Subject: o.description } : {}),
      Creator: 'Argument Atlas',
      Producer: 'Argument Atlas (PDFKit, svg-to-pdfkit)',
      CreationDate: date,
      ModDate: date,
    },
  }) as HandoutDocument;
  let sheets = 0;
  (doc as unknown as { on(e: 'pageAdded', f: () => void): void }).on('pageAdded', () => sheets++);
  const written = pdfBytes(doc);
  const registered = registerPdfFonts(doc, fonts, fallbacks);
  const fontOf = (font: string | null, style: FontStyle) => pdfFontName(font ?? FONT_NAMES.regular, style === 'bold', style === 'italic', registered);
  // Each card and arrow drawn once, placed on every page that shows it.
  const parts = new FigureParts(doc, libs, (family: string, bold: boolean, italic: boolean) => pdfFontName(family ?? '', bold, italic, registered), placements(figures));

  const options = (p: Piece) => ({ width: TEXT_WIDTH - (p.indent ?? 0), lineGap: 1, ...(p.indent ? { indent: -p.indent } : {}) });
  const measure = (pieces: readonly Piece[]) =>
    pieces.reduce((h, p) => {
      doc.font(FONT_NAMES[p.style]).fontSize(p.size);
      return h + doc.heightOfString(p.text, options(p)) + (p.gap ?? 0);
    }, 0);
  // Each run in the face that has its characters (textRuns: the figures' rule), continued on one paragraph.
  const write = (p: Piece) => {
    const runs = textRuns(p.text, p.style).filter((r) => r.text !== '');
    doc.fillColor(p.color ?? INK).fontSize(p.size);
    if (runs.length === 0) runs.push({ text: ' ', font: null, em: 0 });
    runs.forEach((r, i) => {
      doc.font(fontOf(r.font, p.style));
      const last = i === runs.length - 1;
      if (i === 0) doc.text(r.text, MARGIN + (p.indent ?? 0), undefined, { ...options(p), continued: !last });
      else doc.text(r.text, { ...options(p), continued: !last });
    });
    doc.y += p.gap ?? 0;
  };

  plan.pages.forEach((page, k) => {
    doc.addPage({ size: A4, margin: MARGIN });
    doc.y = MARGIN;
    const header = headerPieces(plan, page);
    header.forEach(write);
    const quotes = quotePieces(plan, page);
    const room = A4[1] - MARGIN - doc.y - 10 - measure(quotes);
    const figure = figures[k]!;
    const [w, h] = [figure.width * PT_PER_PX, figure.height * PT_PER_PX];
    // A page-ready figure keeps the size its type was fitted for (its quotes flow on); a step's
    // shrinks to leave its quotes room, down to MIN_FIGURE_PT, and never grows past 1 px = 1 px.
    const scale = figure.pageReady ? Math.min(TEXT_WIDTH / w, (A4[1] - MARGIN - doc.y - 10) / h) : Math.min(1, TEXT_WIDTH / w, Math.max(MIN_FIGURE_PT, room) / h);
    const top = doc.y;
    doc.save();
    doc.translate(MARGIN + (TEXT_WIDTH - w * scale) / 2, top);
    doc.scale(scale);
    parts.draw(figure);
    doc.restore();
    doc.y = top + h * scale + 10;
    quotes.forEach(write);
  });

  doc.addPage({ size: A4, margin: MARGIN });
  doc.y = MARGIN;
  bibliographyPieces(plan).forEach(write);

  doc.end();
  return { bytes: await written, sheets, parts: { ...parts.counts } };
}
