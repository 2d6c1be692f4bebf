// `argmap export FILE --out PATH …`: the map drawn as an SVG, PNG or PDF figure that carries the
// map; written atomically. The PNG and PDF backends (resvg, PDFKit) load only when needed.
import { DEFAULT_DPI, DEFAULT_FIGURE_OPTIONS, FIGURE_FORMATS, isFigureFormat, isPageSize, MAX_DPI, MIN_DPI, PAGE_SIZES, pixelSize, rasterTooLarge, renderFigure, type Figure, type FigureFormat, type FigureOptions, type PageSize } from '../../export/figure';
import { pdfPlacement } from '../../export/pdf';
import { parseScope, ScopeError } from '../../export/scope';
import { isThemeName, THEME_NAMES } from '../../export/themes';
import { CliError, say, type Io } from '../io';
import { readMap } from '../maps';
import { parseOptions, positional } from '../options';
import { quote, shown } from '../quote';
import { checkTarget, writeFileAtomic } from '../write';
import { COMMAND_USAGE } from './usage';

const SPEC = {
  command: 'export',
  valued: ['out', 'format', 'theme', 'scope', 'caption', 'dpi', 'page'],
  flags: ['no-counters', 'no-voices', 'counters', 'voices', 'legend', 'no-legend', 'comments'],
  usage: COMMAND_USAGE.export,
} as const;

export async function run(rest: string[], io: Io): Promise<number> {
  const { args, values, flags } = parseOptions(rest, SPEC);
  const [file] = positional({ args }, ['FILE'], SPEC) as [string];
  const out = values.get('out');
  if (!out) throw new CliError('argmap export: say where to write the figure with --out PATH (e.g. --out figure.pdf).');
  const ext = /\.([A-Za-z]+)$/.exec(out)?.[1]?.toLowerCase() ?? '';
  const format = values.get('format') ?? ext;
  if (!isFigureFormat(format))
    throw new CliError(values.has('format') ? `argmap export: --format must be one of ${FIGURE_FORMATS.join(', ')} (got ${quote(format)}).` : `argmap export: cannot tell the format from ${quote(out)}; add --format ${FIGURE_FORMATS.join('|')}.`);
  const theme = values.get('theme') ?? DEFAULT_FIGURE_OPTIONS.theme;
  if (!isThemeName(theme)) throw new CliError(`argmap export: --theme must be one of ${THEME_NAMES.join(', ')} (got ${quote(theme)}).`);
  const page = values.get('page') ?? 'fit';
  if (!isPageSize(page)) throw new CliError(`argmap export: --page must be one of ${PAGE_SIZES.join(', ')} (got ${quote(page)}).`);
  const dpiText = values.get('dpi');
  const dpi = dpiText === undefined ? DEFAULT_DPI : Number(dpiText);
  if (!Number.isFinite(dpi) || dpi < MIN_DPI || dpi > MAX_DPI) throw new CliError(`argmap export: --dpi must be a number from ${MIN_DPI} to ${MAX_DPI} (got ${quote(dpiText ?? '')}).`);
  if (dpiText !== undefined && format !== 'png') throw new CliError('argmap export: --dpi applies to PNG figures only (SVG and PDF are vectors).');
  if (values.has('page') && format !== 'pdf') throw new CliError('argmap export: --page applies to PDF figures only.');
  let scope: FigureOptions['scope'];
  try {
    scope = parseScope(values.get('scope') ?? 'all');
  } catch (err) {
    throw new CliError(`argmap export: ${(err as Error).message}`);
  }
  const options: FigureOptions = {
    theme,
    scope,
    counters: !flags.has('no-counters'),
    voices: !flags.has('no-voices'),
    legend: flags.has('legend') && !flags.has('no-legend'),
    caption: values.get('caption'),
    comments: flags.has('comments'),
  };
  checkTarget(out, { overwrite: true });

  const map = readMap(file);
  let figure: Figure;
  try {
    figure = renderFigure(map, options);
  } catch (err) {
    if (err instanceof ScopeError) throw new CliError(`argmap export: ${err.message}`);
    throw err;
  }
  return writeFigure(figure, format, { dpi, page, date: map.meta.modified, out, io, options });
}

async function writeFigure(
  figure: Figure,
  format: FigureFormat,
  o: { dpi: number; page: PageSize; date: string; out: string; io: Io; options: FigureOptions },
): Promise<number> {
  const size = `${figure.width} × ${figure.height} px`;
  const count = `${figure.layout.nodes.length} nodes, ${figure.layout.edges.length} relations`;
  const write = (data: string | Uint8Array) => writeFileAtomic(o.out, data, { overwrite: true });
  if (format === 'svg') {
    write(figure.svg);
    say(o.io.out, `${shown(o.out)}: SVG figure, ${size} (${count}, ${o.options.theme} theme)`);
    return 0;
  }
  // The backends (a native renderer, PDFKit) load only now.
  const backends = await import('../figures');
  if (format === 'png') {
    const tooLarge = rasterTooLarge(figure, o.dpi);
    if (tooLarge) throw new CliError(`argmap export: ${tooLarge}`);
    write(await backends.renderPng(figure, o.dpi));
    const px = pixelSize(figure, o.dpi);
    say(o.io.out, `${shown(o.out)}: PNG figure, ${px.width} × ${px.height} pixels at ${o.dpi} DPI (${count}, ${o.options.theme} theme)`);
    return 0;
  }
  write(await backends.renderPdf(figure, figure.variant({ embedMap: false }), o.page, o.date));
  const place = pdfPlacement(figure.width, figure.height, o.page);
  const mm = (pt: number) => Math.round((pt / 72) * 25.4);
  say(o.io.out, `${shown(o.out)}: PDF figure, page ${mm(place.page[0])} × ${mm(place.page[1])} mm (${count}, ${o.options.theme} theme)`);
  return 0;
}
