// `argmap export FILE --out PATH …`: the map drawn as an SVG, PNG or PDF figure that carries the
// map, written atomically; or as an outline or an exchange file (export-text.ts). The PNG and PDF backends (resvg, PDFKit) load only when needed.
import { DEFAULT_DPI, DEFAULT_FIGURE_OPTIONS, FIGURE_FORMATS, isFigureFormat, isPageSize, MAX_DPI, MIN_DPI, PAGE_SIZES, rasterTooLarge, renderFigure, type Figure, type FigureFormat, type FigureOptions, type PageSize } from '../../export/figure';
import { missingGlyphs, missingGlyphWarnings } from '../../export/glyphs';
import { pdfPlacement } from '../../export/pdf';
import { parseScope, ScopeError } from '../../export/scope';
import { isThemeName, THEME_NAMES } from '../../export/themes';
import { figureSizeProblem } from '../../limits';
import { existsSync } from 'node:fs';
import { startFigureRouting } from '../avoid';
import { CliError, say, type Io } from '../io';
import { readMap } from '../maps';
import { parseOptions, positional } from '../options';
import { quote, shown } from '../quote';
import { checkTarget, writeFileAtomic, writeFileAtomicFrom } from '../write';
import { exportText, isTextFormat, textFormatOf, TEXT_FORMATS } from './export-text';
import { COMMAND_USAGE } from './usage';
import { exportPage } from './export-page';
import { DETAILS, isDetail } from '../../export/detail';

const SPEC = {
  command: 'export',
  valued: ['out', 'format', 'worksheet', 'per', 'theme', 'scope', 'caption', 'dpi', 'page', 'width', 'min-type', 'max-height', 'detail', 'pages', 'figure-number'],
  flags: ['no-counters', 'no-voices', 'counters', 'voices', 'legend', 'no-legend', 'status', 'comments', 'status-badges', 'citations', 'strict-glyphs', 'set', 'force'],
  usage: COMMAND_USAGE.export,
} as const;

/**
 * `--voices LIST` (or `--voices=LIST`) after `--status-badges` names the voices the badges count;
 * a bare `--voices` stays the flag that shows voice badges (on by default). A word after it that
 * is a file, or another option, is not a list.
 */
function takeStatusVoices(rest: string[]): { rest: string[]; voices: string[] | null } {
  const out: string[] = [];
  let voices: string[] | null = null;
  const badges = rest.includes('--status-badges');
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (a === '--') {
      out.push(...rest.slice(i));
      break;
    }
    let list: string | undefined;
    if (a.startsWith('--voices=')) list = a.slice('--voices='.length);
    else if (a === '--voices' && badges && i + 1 < rest.length && !rest[i + 1]!.startsWith('--') && !existsSync(rest[i + 1]!)) list = rest[++i];
    if (list === undefined) {
      out.push(a);
      continue;
    }
    if (!badges) throw new CliError('argmap export: --voices=LIST names the voices the status badges count; add --status-badges (a bare --voices shows voice badges).');
    if (voices) throw new CliError('argmap export: --voices is given twice; give it once.');
    voices = list.split(',').map((v) => v.trim()).filter((v) => v !== '');
    if (voices.length === 0) throw new CliError('argmap export: --voices needs a list of voices, e.g. --voices analyst,critic.');
  }
  return { rest: out, voices };
}

export async function run(given: string[], io: Io): Promise<number> {
  const { rest, voices: statusVoices } = takeStatusVoices(given);
  const { args, values, flags } = parseOptions(rest, SPEC);
  const [file] = positional({ args }, ['FILE'], SPEC) as [string];
  if ((values.get('format') ?? (/\.html?$/i.test(values.get('out') ?? '') ? 'html' : '')) === 'html') return handout(file, values, flags, io);
  if (values.get('format') === 'handout-pdf') return handoutPdf(file, values, flags, io);
  if (values.has('worksheet')) throw new CliError('argmap export: --worksheet applies to handouts only (--format html or handout-pdf).');
  if (values.has('per')) throw new CliError('argmap export: --per applies to the PDF handout only (--format handout-pdf).');
  const out = values.get('out');
  if (!out) throw new CliError('argmap export: say where to write the figure with --out PATH (e.g. --out figure.pdf).');
  const ext = /\.([A-Za-z]+)$/.exec(out)?.[1]?.toLowerCase() ?? '';
  const format = values.get('format') ?? textFormatOf(out) ?? ext;
  const formats = [...FIGURE_FORMATS, ...TEXT_FORMATS, 'html', 'handout-pdf'];
  if (isTextFormat(format)) {
    const figureOnly: string[] = [...[...values.keys()].filter((k) => k !== 'out' && k !== 'format'), ...[...flags].filter((f) => f !== 'status')];
    if (figureOnly.length > 0) throw new CliError(`argmap export: --${figureOnly[0]} applies to figures (svg, png, pdf) only.`);
    return exportText(readMap(file), format, { out, status: flags.has('status') }, io);
  }
  if (flags.has('status')) throw new CliError('argmap export: --status applies to outlines (docx, md, tex) only.');
  const pageOnly = (['min-type', 'max-height', 'pages', 'figure-number'] as const).filter((k) => values.has(k)).map((k) => `--${k}`).concat((['set', 'force'] as const).filter((k) => flags.has(k)).map((k) => `--${k}`));
  if (!values.has('width') && pageOnly.length > 0) throw new CliError(`argmap export: ${pageOnly[0]} applies to page-ready figures; give the printed width with --width (e.g. --width 175mm or --width column).`);
  if (values.has('width') && values.has('page')) throw new CliError('argmap export: --page puts a figure on a sheet of paper; --width already sets its printed size (the A4 and Letter text blocks are widths: --width a4).');
  if (!isFigureFormat(format))
    throw new CliError(values.has('format') ? `argmap export: --format must be one of ${formats.join(', ')} (got ${quote(format)}).` : `argmap export: cannot tell the format from ${quote(out)}; add --format ${formats.join('|')}.`);
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
    statusBadges: flags.has('status-badges'),
    statusVoices,
    citations: flags.has('citations'),
  };
  if (values.has('width')) {
    const map = readMap(file);
    return exportPage(map, {
      file,
      out,
      format,
      options,
      width: values.get('width')!,
      minType: values.get('min-type'),
      maxHeight: values.get('max-height'),
      detail: values.get('detail'),
      dpi: dpiText === undefined ? undefined : dpi,
      set: flags.has('set'),
      pages: values.get('pages'),
      figureNumber: values.get('figure-number'),
      force: flags.has('force'),
      io,
    });
  }
  if (values.has('detail')) {
    const d = values.get('detail')!;
    if (!isDetail(d)) throw new CliError(`argmap export: --detail must be one of ${DETAILS.join(', ')} (got ${quote(d)}).`);
    options.detail = d;
  }
  checkTarget(out, { overwrite: true });

  const map = readMap(file);
  // One figure: at most the map's relations are routed, once.
  await startFigureRouting(Object.keys(map.relations).length);
  let figure: Figure;
  // The CSL processor (WebAssembly) loads only when the list of sources is asked for.
  const cite = options.citations ? await (await import('../citeproc-node')).nodeCiteProcessor() : undefined;
  try {
    figure = renderFigure(map, options, { citeProcessor: cite });
  } catch (err) {
    if (err instanceof ScopeError) throw new CliError(`argmap export: ${err.message}`);
    throw err;
  } finally {
    cite?.dispose();
  }
  if (figure.layout.unrouted) say(io.err, `argmap export: ${figure.layout.unrouted}`);
  // Said before anything is written: a character no bundled font has prints as an empty box.
  const missing = missingGlyphWarnings(missingGlyphs(figure.layout, map));
  if (missing.length > 0 && flags.has('strict-glyphs')) throw new CliError(missing.map((w) => `argmap export: ${w}`).concat('argmap export: nothing written (--strict-glyphs); change the text or leave out --strict-glyphs.'));
  for (const w of missing) say(io.err, `argmap export: warning: ${w}`);
  return writeFigure(figure, format, { dpi, page, date: map.meta.modified, out, io, options });
}

/** The HTML handout takes --out and --worksheet only (export-handout.ts). */
async function handout(file: string, values: ReadonlyMap<string, string>, flags: ReadonlySet<string>, io: Io): Promise<number> {
  const other = [...[...values.keys()].filter((k) => !['out', 'format', 'worksheet'].includes(k)), ...flags];
  if (other.length > 0) throw new CliError(`argmap export: --${other[0]} does not apply to the HTML handout (it takes --out and --worksheet${values.has('per') ? '; --per is for --format handout-pdf' : ''}).`);
  const { exportHandout, handoutPathFor } = await import('./export-handout');
  const map = readMap(file);
  // The handout draws the whole map once (liftoff-only libavoid is for one small figure: loadAvoid).
  await startFigureRouting(undefined, Object.keys(map.relations).length);
  return exportHandout(map, { out: values.get('out') ?? handoutPathFor(file), worksheet: values.get('worksheet') }, io);
}

/** The PDF handout takes --out, --worksheet and --per (export-handout.ts). */
async function handoutPdf(file: string, values: ReadonlyMap<string, string>, flags: ReadonlySet<string>, io: Io): Promise<number> {
  const other = [...[...values.keys()].filter((k) => !['out', 'format', 'worksheet', 'per'].includes(k)), ...flags];
  if (other.length > 0) throw new CliError(`argmap export: --${other[0]} does not apply to the PDF handout (it takes --out, --per and --worksheet).`);
  const { exportHandoutPdf, handoutPdfPathFor } = await import('./export-handout');
  const { DEFAULT_HANDOUT_PAGING, HANDOUT_PAGINGS, isHandoutPaging } = await import('../../export/handout/paging');
  const per = values.get('per') ?? DEFAULT_HANDOUT_PAGING;
  if (!isHandoutPaging(per)) throw new CliError(`argmap export: --per must be one of ${HANDOUT_PAGINGS.join(', ')} (got ${quote(per)}).`);
  await startFigureRouting();
  return exportHandoutPdf(readMap(file), { out: values.get('out') ?? handoutPdfPathFor(file), worksheet: values.get('worksheet'), paging: per }, io);
}

interface Written {
  /** A PNG comes as pieces drawn as they are written, so it is never in memory whole. */
  data: string | Uint8Array | AsyncIterable<Uint8Array>;
  /** What the summary line says of the figure, after its name: "SVG figure, 1200 × 800 px". */
  what: string;
}

type Writer = (figure: Figure, o: { dpi: number; page: PageSize; date: string }) => Promise<Written>;

// The backends (a native renderer, PDFKit) load only when their format is asked for.
const WRITERS = {
  svg: async (figure) => ({ data: figure.svg, what: `SVG figure, ${figure.width} × ${figure.height} px` }),
  png: async (figure, o) => {
    const tooLarge = rasterTooLarge(figure, o.dpi);
    if (tooLarge) throw new CliError(`argmap export: ${tooLarge} Nothing was written.`);
    const png = await (await import('../raster')).pngStream(figure, o.dpi);
    return { data: png.bytes, what: `PNG figure, ${png.width} × ${png.height} pixels at ${o.dpi} DPI` };
  },
  pdf: async (figure, o) => {
    const place = pdfPlacement(figure.width, figure.height, o.page);
    const mm = (pt: number) => Math.round((pt / 72) * 25.4);
    return { data: await (await import('../figures')).renderPdf(figure, figure.variant({ embedMap: false }), o.page, o.date), what: `PDF figure, page ${mm(place.page[0])} × ${mm(place.page[1])} mm` };
  },
} satisfies Record<FigureFormat, Writer>;

async function writeFigure(
  figure: Figure,
  format: FigureFormat,
  o: { dpi: number; page: PageSize; date: string; out: string; io: Io; options: FigureOptions },
): Promise<number> {
  // A format arrives checked (isFigureFormat); a table lookup, not a fallback, still refuses any other.
  if (!Object.hasOwn(WRITERS, format)) throw new CliError(`argmap export: cannot write a figure as ${quote(String(format))}; the formats are ${FIGURE_FORMATS.join(', ')}.`);
  const written = await WRITERS[format](figure, o);
  // Nothing is written that Argument Atlas could not open again (pieces are counted as they come).
  const refuse = (size: number) => {
    const tooLarge = figureSizeProblem(size, format);
    if (tooLarge) throw new CliError(`argmap export: ${tooLarge}`);
  };
  const { data } = written;
  if (typeof data === 'string' || data instanceof Uint8Array) {
    refuse(typeof data === 'string' ? Buffer.byteLength(data, 'utf8') : data.length);
    writeFileAtomic(o.out, data, { overwrite: true });
  } else await writeFileAtomicFrom(o.out, counted(data, refuse), { overwrite: true });
  say(o.io.out, `${shown(o.out)}: ${written.what} (${figure.layout.nodes.length} nodes, ${figure.layout.edges.length} relations, ${o.options.theme} theme)`);
  return 0;
}

/** The pieces, with `check` told the running total after each (it throws to stop the write). */
async function* counted(pieces: AsyncIterable<Uint8Array>, check: (total: number) => void): AsyncGenerator<Uint8Array> {
  let total = 0;
  for await (const p of pieces) {
    total += p.length;
    check(total);
    yield p;
  }
}
