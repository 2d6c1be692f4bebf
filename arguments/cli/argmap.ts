// The `argmap` command line: the file-system edge of the argument domain.
// Every failure is one plain line and a non-zero exit, never a stack trace.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { auditMap, type AuditFinding } from '../analysis/audit';
import { importFigure } from '../export/embed';
import { DEFAULT_DPI, DEFAULT_FIGURE_OPTIONS, FIGURE_FORMATS, isFigureFormat, isPageSize, MAX_DPI, MIN_DPI, PAGE_SIZES, pixelSize, rasterTooLarge, renderFigure, type Figure, type FigureFormat, type FigureOptions, type PageSize } from '../export/figure';
import { pdfPlacement } from '../export/pdf';
import { parseScope, ScopeError } from '../export/scope';
import { isThemeName, THEME_NAMES } from '../export/themes';
import { describeIssue, formatBytes } from '../format/errors';
import { loadMap, MAX_FILE_BYTES } from '../format/load';
import { serializeMap } from '../format/serialize';
import { emptyMap, type ArgumentMap } from '../model';
import { STATUS_USAGE, statusCommand } from './status';

const USAGE = `Usage: argmap <command> [options]

Commands:
  validate FILE           check a map; exit 0 if valid, 1 with one line per problem
  audit FILE [--json]     check every quotation against its source
  new FILE [--title T]    write a blank map (refuses to overwrite without --force)
  export FILE --out PATH [--format svg|png|pdf] [--theme screen|print|compact]
         [--scope all|claim:ID|selection:ID,ID] [--no-counters] [--no-voices]
         [--caption TEXT] [--legend] [--dpi N] [--page fit|a4|letter]
                          draw the map as a figure; the figure carries the map
                          (format from --out's extension unless given; theme print;
                          PNG at 300 DPI; PDF page fitted to the figure)
  import FIGURE [--out MAP.argmap.json] [--force]
                          the map a figure exported by Argument Atlas carries
                          (written to --out, refusing to overwrite without --force;
                          to standard output without --out)
${STATUS_USAGE}
  help                    show this text

Exit codes: 0 ok, 1 the map has problems (or an evidence quote is not in its source,
or a figure carries no map), 2 the command line is wrong or a file cannot be read or written.`;

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
  now: () => string;
}

class CliError extends Error {
  constructor(message: string, readonly code = 2) {
    super(message);
  }
}

function readMap(file: string): ArgumentMap {
  let size: number;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new CliError(`${file} is a folder, not a map file.`);
    size = st.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${file}: no such file.` : `${file}: cannot be read (${code ?? 'unknown error'}).`);
  }
  if (size > MAX_FILE_BYTES)
    throw new CliError(`${file}: this file is ${formatBytes(size)}; Argument Atlas opens maps of up to ${formatBytes(MAX_FILE_BYTES)}.`, 1);
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new CliError(`${file}: cannot be read (${(err as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
  const result = loadMap(bytes);
  if (!result.ok) throw new CliError(result.errors.map((e) => `${file}: ${describeIssue(e)}`).join('\n'), 1);
  return result.map;
}

/** Options of export and import: `--name value`, `--name=value` or a bare `--flag`. */
function parseOptions(command: string, rest: string[], valued: readonly string[], flags: readonly string[]): { args: string[]; values: Map<string, string>; flags: Set<string> } {
  const args: string[] = [];
  const values = new Map<string, string>();
  const set = new Set<string>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--') || a === '--') {
      args.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const name = eq < 0 ? a.slice(2) : a.slice(2, eq);
    if (valued.includes(name)) {
      const value = eq < 0 ? rest[++i] : a.slice(eq + 1);
      if (value === undefined) throw new CliError(`argmap ${command}: --${name} needs a value.`);
      values.set(name, value);
    } else if (flags.includes(name) && eq < 0) set.add(name);
    else throw new CliError(`argmap ${command}: unknown option ${a}.\n\n${USAGE}`);
  }
  return { args, values, flags: set };
}

function writeOut(path: string, data: string | Uint8Array): void {
  try {
    writeFileSync(path, data);
  } catch (err) {
    throw new CliError(`${path}: cannot be written (${(err as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
  }
}

const EXPORT_VALUED = ['out', 'format', 'theme', 'scope', 'caption', 'dpi', 'page'] as const;
const EXPORT_FLAGS = ['no-counters', 'no-voices', 'counters', 'voices', 'legend', 'no-legend'] as const;

async function exportCommand(rest: string[], io: Io): Promise<number> {
  const { args, values, flags } = parseOptions('export', rest, EXPORT_VALUED, EXPORT_FLAGS);
  if (args.length !== 1) throw new CliError(`argmap export: give exactly one FILE.\n\n${USAGE}`);
  const file = args[0]!;
  const out = values.get('out');
  if (!out) throw new CliError('argmap export: say where to write the figure with --out PATH (e.g. --out figure.pdf).');
  const ext = /\.([A-Za-z]+)$/.exec(out)?.[1]?.toLowerCase() ?? '';
  const format = values.get('format') ?? ext;
  if (!isFigureFormat(format))
    throw new CliError(values.has('format') ? `argmap export: --format must be one of ${FIGURE_FORMATS.join(', ')} (got "${format}").` : `argmap export: cannot tell the format from "${out}"; add --format ${FIGURE_FORMATS.join('|')}.`);
  const theme = values.get('theme') ?? DEFAULT_FIGURE_OPTIONS.theme;
  if (!isThemeName(theme)) throw new CliError(`argmap export: --theme must be one of ${THEME_NAMES.join(', ')} (got "${theme}").`);
  const page = values.get('page') ?? 'fit';
  if (!isPageSize(page)) throw new CliError(`argmap export: --page must be one of ${PAGE_SIZES.join(', ')} (got "${page}").`);
  const dpiText = values.get('dpi');
  const dpi = dpiText === undefined ? DEFAULT_DPI : Number(dpiText);
  if (!Number.isFinite(dpi) || dpi < MIN_DPI || dpi > MAX_DPI) throw new CliError(`argmap export: --dpi must be a number from ${MIN_DPI} to ${MAX_DPI} (got "${dpiText}").`);
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
  };

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
  if (format === 'svg') {
    writeOut(o.out, figure.svg);
    o.io.out(`${o.out}: SVG figure, ${size} (${count}, ${o.options.theme} theme)`);
    return 0;
  }
  // The backends (a native renderer, PDFKit) load only now.
  const backends = await import('./figures');
  if (format === 'png') {
    const tooLarge = rasterTooLarge(figure, o.dpi);
    if (tooLarge) throw new CliError(`argmap export: ${tooLarge}`);
    const png = await backends.renderPng(figure, o.dpi);
    writeOut(o.out, png);
    const px = pixelSize(figure, o.dpi);
    o.io.out(`${o.out}: PNG figure, ${px.width} × ${px.height} pixels at ${o.dpi} DPI (${count}, ${o.options.theme} theme)`);
    return 0;
  }
  const pdf = await backends.renderPdf(figure, figure.variant({ embedMap: false }), o.page, o.date);
  writeOut(o.out, pdf);
  const place = pdfPlacement(figure.width, figure.height, o.page);
  const mm = (pt: number) => Math.round((pt / 72) * 25.4);
  o.io.out(`${o.out}: PDF figure, page ${mm(place.page[0])} × ${mm(place.page[1])} mm (${count}, ${o.options.theme} theme)`);
  return 0;
}

/** Figures can be larger than maps: a PNG at a high DPI. */
const MAX_FIGURE_BYTES = 512 * 1024 * 1024;

async function importCommand(rest: string[], io: Io): Promise<number> {
  const { args, values, flags } = parseOptions('import', rest, ['out'], ['force']);
  if (args.length !== 1) throw new CliError(`argmap import: give exactly one FIGURE.\n\n${USAGE}`);
  const file = args[0]!;
  const out = values.get('out');
  if (out !== undefined && !out.endsWith('.json')) throw new CliError(`argmap import: name the map *.argmap.json (got ${out}).`);
  if (out !== undefined && existsSync(out) && !flags.has('force')) throw new CliError(`${out} already exists; add --force to overwrite it.`);
  let bytes: Uint8Array;
  try {
    const st = statSync(file);
    if (st.isDirectory()) throw new CliError(`${file} is a folder, not a figure.`);
    if (st.size > MAX_FIGURE_BYTES) throw new CliError(`${file}: this file is ${formatBytes(st.size)}, too large to be a figure.`, 1);
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${file}: no such file.` : `${file}: cannot be read (${code ?? 'unknown error'}).`);
  }
  const result = await importFigure(bytes);
  if (!result.ok) throw new CliError(result.errors.map((e) => `${file}: ${describeIssue(e)}`).join('\n'), 1);
  const text = serializeMap(result.map);
  if (out === undefined) {
    io.out(text.trimEnd());
    return 0;
  }
  writeOut(out, text);
  io.out(`${out}: map "${result.map.meta.title}" from ${file} (${Object.keys(result.map.nodes).length} nodes, ${Object.keys(result.map.relations).length} relations, ${Object.keys(result.map.sources).length} sources)`);
  return 0;
}

function fail(err: unknown, io: Io): number {
  if (err instanceof CliError) {
    io.err(err.message);
    return err.code;
  }
  io.err(`argmap: unexpected error: ${err instanceof Error ? err.message : String(err)}`);
  return 2;
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > max ? flat.slice(0, max - 1) + '…' : flat;
}

function table(findings: AuditFinding[]): string[] {
  const lines: string[] = [];
  const rows = findings.map((f) => [f.status, f.kind === 'evidence' ? `node ${f.node}` : `in ${f.quotedIn?.source}`, f.source, clip(f.quote, 70)]);
  const head = ['STATUS', 'WHERE', 'SOURCE', 'QUOTE'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const fmt = (r: string[]) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join('  ');
  lines.push(fmt(head));
  findings.forEach((f, i) => {
    lines.push(fmt(rows[i]!));
    if (f.status !== 'verbatim') lines.push(`${' '.repeat(widths[0]! + 2)}${f.message}`);
  });
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.status, (counts.get(f.status) ?? 0) + 1);
  lines.push('', `${findings.length} quotations: ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ') || 'none'}`);
  return lines;
}

/** Runs one command; export and import are asynchronous (they compress and draw), the others not. */
export function run(argv: string[], io: Io): number | Promise<number> {
  try {
    const [command, ...rest] = argv;
    if (command === 'export') return exportCommand(rest, io).catch((err: unknown) => fail(err, io));
    if (command === 'import') return importCommand(rest, io).catch((err: unknown) => fail(err, io));
    if (command === 'status') return statusCommand(rest, io);
    const flags = new Set(rest.filter((a) => a.startsWith('--')));
    const args = rest.filter((a, i) => !a.startsWith('--') && rest[i - 1] !== '--title');
    const needFile = () => {
      if (args.length !== 1) throw new CliError(`argmap ${command}: give exactly one FILE.\n\n${USAGE}`);
      return args[0]!;
    };
    switch (command) {
      case 'validate': {
        const file = needFile();
        const map = readMap(file);
        io.out(`${file}: valid map "${map.meta.title}" (${Object.keys(map.nodes).length} nodes, ${Object.keys(map.relations).length} relations, ${Object.keys(map.sources).length} sources)`);
        return 0;
      }
      case 'audit': {
        const file = needFile();
        const findings = auditMap(readMap(file));
        if (flags.has('--json')) io.out(JSON.stringify(findings, null, 2));
        else table(findings).forEach((l) => io.out(l));
        return findings.some((f) => f.kind === 'evidence' && f.status === 'not-found') ? 1 : 0;
      }
      case 'new': {
        const file = needFile();
        if (!file.endsWith('.json')) throw new CliError(`argmap new: name the file *.argmap.json (got ${file}).`);
        if (existsSync(file) && !flags.has('--force')) throw new CliError(`${file} already exists; add --force to overwrite it.`);
        const titleAt = rest.indexOf('--title');
        const map = emptyMap(io.now(), titleAt >= 0 ? rest[titleAt + 1] : undefined);
        try {
          writeFileSync(file, serializeMap(map));
        } catch (err) {
          throw new CliError(`${file}: cannot be written (${(err as NodeJS.ErrnoException).code ?? 'unknown error'}).`);
        }
        io.out(`${file}: blank map written`);
        return 0;
      }
      case undefined:
      case 'help':
      case '--help':
      case '-h':
        io.out(USAGE);
        return command === undefined ? 2 : 0;
      default:
        throw new CliError(`argmap: unknown command "${command}".\n\n${USAGE}`);
    }
  } catch (err) {
    return fail(err, io);
  }
}
