// `argmap export MAP --width 175mm [--min-type 7pt] [--detail …] [--set]`: page-ready figures,
// laid out afresh to fit the printed width at a legible type size (export/fit.ts), or a figure
// set (an overview and a figure per claim, export/figureSet.ts). A scope that does not fit is
// refused with the ways out, nothing written, unless --force; a set is written only whole.
import { elkInThread } from '../../layout/elkInThread';
import { basename, dirname, join } from 'node:path';
import { DETAILS, isDetail, type Detail } from '../../export/detail';
import type { FigureFormat, FigureOptions } from '../../export/figure';
import { pixelSize, rasterTooLarge, renderFigure } from '../../export/figure';
import { DIRECTION_LABELS, renderAttempt, type FitOutcome, type FittedFigure, type LayoutEngine } from '../../export/fit';
import { FigureSetError, makeFigureSet, memoFitter, setFigureFileName, setRangeLabel, waysOut, waysOutWords } from '../../export/figureSet';
import { DETAIL_LABELS } from '../../export/detail';
import { MM_PER_PT, pageTarget, PageError, printedSize, printSizedSvg, type PageTarget } from '../../export/page';
import { ScopeError } from '../../export/scope';
import { figureSizeProblem } from '../../limits';
import type { ArgumentMap } from '../../model';
import { startFigureRouting } from '../avoid';
import { CliError, say, type Io } from '../io';
import { quote, shown } from '../quote';
import { checkTarget, writeFileAtomic } from '../write';

/** Line art: journals ask for 600-1200 DPI. */
export const PAGE_DEFAULT_DPI = 600;
export const PAGES = ['each', 'one'] as const;

export interface PageRequest {
  file: string;
  out: string;
  format: FigureFormat;
  options: FigureOptions;
  width: string;
  minType?: string;
  maxHeight?: string;
  detail?: string;
  dpi?: number;
  set: boolean;
  pages?: string;
  figureNumber?: string;
  force: boolean;
  io: Io;
}

/** ELK in this process (layout/elkInThread.ts: elkjs's engine without its timer hops), loaded only for the figures that lay out afresh. */
export async function elkEngine(): Promise<LayoutEngine> {
  return elkInThread();
}

const r1 = (n: number) => (Math.round(n * 10) / 10).toFixed(1);

function describe(f: FittedFigure): string {
  const c = f.choice;
  return `${Math.round(f.printed.widthMm)} × ${Math.round(f.printed.heightMm)} mm, smallest type ${r1(f.printed.smallestPt ?? 0)} pt (${DETAIL_LABELS[c.detail].toLowerCase()}, ${DIRECTION_LABELS[c.direction]}, ${c.compaction} spacing, cards ${c.cardWidth} px)`;
}

/** A page-ready file of one figure. */
async function figureBytes(f: FittedFigure, format: FigureFormat, dpi: number, target: PageTarget, date: string): Promise<string | Uint8Array> {
  const figure = f.figure;
  const heightMm = f.printed.heightMm;
  if (format === 'svg') return printSizedSvg(figure.svg, target.widthMm, heightMm);
  if (format === 'png') {
    // The raster of the printed size at `dpi`: the figure's own px scaled by what printing does to them.
    const scaleDpi = (dpi * target.widthMm) / 25.4 / (figure.width / 96);
    const tooLarge = rasterTooLarge(figure, scaleDpi);
    if (tooLarge) throw new CliError(`argmap export: at ${dpi} DPI the figure would be ${pixelSize(figure, scaleDpi).width} pixels wide; choose a lower --dpi.`);
    return (await import('../figures')).renderPng(figure, scaleDpi, dpi);
  }
  return (await import('../figures')).renderPdfPages([{ figure, printWidthPt: target.widthMm / MM_PER_PT }], date);
}

function drawAnyway(map: ArgumentMap, options: FigureOptions, target: PageTarget, outcome: FitOutcome): FittedFigure {
  if (outcome.fits) return outcome.fitted;
  if (outcome.closest) return renderAttempt(map, options, target, outcome.closest, outcome.attempts);
  // Nothing was laid out (the cards alone cover more than the page): the map's arrangement, titles only.
  const figure = renderFigure(map, { ...options, detail: 'titles' });
  return { figure, choice: { detail: 'titles', direction: 'right', compaction: 'normal', cardWidth: figure.theme.node.width }, printed: printedSize(figure.layout, target.widthMm), target, attempts: [] };
}

function checkSize(data: string | Uint8Array, format: FigureFormat) {
  const size = typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length;
  const tooLarge = figureSizeProblem(size, format);
  if (tooLarge) throw new CliError(`argmap export: ${tooLarge}`);
}

export async function exportPage(map: ArgumentMap, req: PageRequest): Promise<number> {
  let target: PageTarget;
  try {
    target = pageTarget({ width: req.width, minType: req.minType, maxHeight: req.maxHeight });
  } catch (err) {
    if (err instanceof PageError) throw new CliError(`argmap export: ${err.message}`);
    throw err;
  }
  // The list of sources is measured by the plain layout only; a fitted page figure does not draw it yet.
  if (req.options.citations) throw new CliError('argmap export: --citations cannot be combined with --width yet (the list of sources is not fitted to a page); export the page-ready figure without --citations, or the list without --width.');
  let detail: Detail | undefined;
  if (req.detail !== undefined) {
    if (!isDetail(req.detail)) throw new CliError(`argmap export: --detail must be one of ${DETAILS.join(', ')} (got ${quote(req.detail)}).`);
    detail = req.detail;
  }
  const pages = req.pages ?? 'each';
  if (!(PAGES as readonly string[]).includes(pages)) throw new CliError(`argmap export: --pages must be one of ${PAGES.join(', ')} (got ${quote(pages)}).`);
  if (req.pages !== undefined && !req.set) throw new CliError('argmap export: --pages applies to figure sets (--set) only.');
  if (pages === 'one' && req.format !== 'pdf') throw new CliError('argmap export: --pages one writes one PDF of all the figures; give --out DIR/NAME.pdf.');
  const base = req.figureNumber === undefined ? 1 : Number(req.figureNumber);
  if (req.figureNumber !== undefined && !req.set) throw new CliError('argmap export: --figure-number applies to figure sets (--set) only.');
  if (!Number.isSafeInteger(base) || base < 1 || base > 999) throw new CliError(`argmap export: --figure-number must be a whole number from 1 to 999 (got ${quote(req.figureNumber ?? '')}).`);
  const dpi = req.dpi ?? PAGE_DEFAULT_DPI;
  const engine = await elkEngine();
  // Every attempt's figure routes its arrows around the cards. Told the map's arrows (the most one
  // attempt routes), libavoid runs as baseline code for a map of a few hundred: optimising it cost
  // a page-ready PNG of claim C2 ~25 MB of peak memory (163 → ~140 MB) and no time (bench/raster.ts).
  await startFigureRouting(Object.keys(map.relations).length);
  const fitter = memoFitter(map, target, engine);
  const prefs = detail ? { detail } : {};

  try {
    if (!req.set) {
      const outcome = await fitter(req.options, prefs);
      if (!outcome.fits && !req.force) {
        const ways = waysOutWords(await waysOut(map, req.options, target, engine, { ...prefs, fitter }));
        throw new CliError([`argmap export: ${outcome.message}`, ...ways.map((w) => `  ${w}`), '  Or add --force to write it anyway, too small to read.'], 1);
      }
      const fitted = drawAnyway(map, req.options, target, outcome);
      checkTarget(req.out, { overwrite: true });
      const data = await figureBytes(fitted, req.format, dpi, target, map.meta.modified);
      checkSize(data, req.format);
      writeFileAtomic(req.out, data, { overwrite: true });
      say(req.io.out, `${shown(req.out)}: ${req.format.toUpperCase()} figure, ${describe(fitted)}${outcome.fits ? '' : ' — does not fit, written as asked (--force)'}`);
      return 0;
    }

    const set = await makeFigureSet(map, req.options, target, engine, { ...prefs, baseNumber: base, fitter });
    if (!set.fits && !req.force) {
      const lines = set.figures.filter((f) => !f.outcome.fits).map((f) => `  ${f.label}: ${f.outcome.fits ? '' : f.outcome.message}`);
      const fitting = set.figures.filter((f) => f.outcome.fits).map((f) => f.label);
      throw new CliError([`argmap export: the figure set does not fit: ${lines.length} of ${set.figures.length} figures are too large; nothing was written.`, ...lines, `  ${fitting.length > 0 ? `These fit: ${fitting.join(', ')}.` : 'None of them fits.'}`, '  Choose a wider target, a smaller --min-type or a lower --detail, or add --force to write them anyway.'], 1);
    }
    const fitted = set.figures.map((f) => ({ f, fitted: drawAnyway(map, { ...req.options, scope: f.scope }, target, f.outcome) }));
    const dir = dirname(req.out);
    if (pages === 'one') {
      checkTarget(req.out, { overwrite: true });
      const data = await (await import('../figures')).renderPdfPages(fitted.map((x) => ({ figure: x.fitted.figure, printWidthPt: target.widthMm / MM_PER_PT })), map.meta.modified);
      checkSize(data, 'pdf');
      writeFileAtomic(req.out, data, { overwrite: true });
      say(req.io.out, `${shown(req.out)}: PDF of ${fitted.length} pages, ${set.figures[0]!.label} and ${setRangeLabel(set)}`);
    } else {
      const files = fitted.map((x) => ({ ...x, path: join(dir, setFigureFileName(basename(req.file), map, x.f, req.options.theme, req.format)) }));
      for (const x of files) checkTarget(x.path, { overwrite: true });
      const written: { path: string; data: string | Uint8Array }[] = [];
      for (const x of files) {
        const data = await figureBytes(x.fitted, req.format, dpi, target, map.meta.modified);
        checkSize(data, req.format);
        written.push({ path: x.path, data });
      }
      for (const w of written) writeFileAtomic(w.path, w.data, { overwrite: true });
      for (const x of files) say(req.io.out, `${shown(x.path)}: ${x.f.label}, ${describe(x.fitted)}${x.f.outcome.fits ? '' : ' — does not fit (--force)'}`);
    }
    if (set.left.length > 0) say(req.io.err, `argmap export: in none of the figures (they bear on the thesis directly, not through a claim): ${set.left.join(', ')}.`);
    return 0;
  } catch (err) {
    if (err instanceof ScopeError || err instanceof FigureSetError) throw new CliError(`argmap export: ${err.message}`);
    throw err;
  }
}
