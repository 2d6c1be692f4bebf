// `argmap import FILE [--out MAP] [--force]`: a map from a figure exported by Argument Atlas (the
// map it carries), an Argdown file (.argdown) or an AIF file (JSON, told by its content), to
// standard output or written atomically to a new map file. What an Argdown or AIF file holds that a
// map cannot is named, one line each, on standard error; a file with any problem imports nothing.
import { importFigure } from '../../export/embed';
import { serializeMap } from '../../format/serialize';
import { describeProblem } from '../../interop/problems';
import { describeReport } from '../../interop/report';
import type { ArgumentMap } from '../../model';
import { importExchange, isArgdownName } from '../exchange';
import { CliError, say, type Io } from '../io';
import { describeMap, loadProblems } from '../maps';
import { parseOptions, positional } from '../options';
import { shown } from '../quote';
import { EXCHANGE_FILE, FIGURE_FILE, readBytes } from '../read';
import { checkTarget, writeFileAtomic } from '../write';
import { COMMAND_USAGE } from './usage';

const FORMAT_NAMES = { argdown: 'Argdown', aif: 'AIF' } as const;

export async function run(rest: string[], io: Io): Promise<number> {
  const spec = { command: 'import', valued: ['out'], flags: ['force'], usage: COMMAND_USAGE.import } as const;
  const parsed = parseOptions(rest, spec);
  const [file] = positional(parsed, ['FILE'], spec) as [string];
  const out = parsed.values.get('out');
  const target = { overwrite: parsed.flags.has('force') };
  if (out !== undefined) {
    if (!out.endsWith('.json')) throw new CliError(`argmap import: name the map *.argmap.json (got ${shown(out)}).`);
    checkTarget(out, target);
  }
  const bytes = readBytes(file, isArgdownName(file) ? EXCHANGE_FILE : FIGURE_FILE);
  let map: ArgumentMap;
  let from = shown(file);
  const exchange = importExchange(file, bytes, io.now());
  if (exchange) {
    const { result, format } = exchange;
    if (!result.ok) throw new CliError(result.problems.map((p) => `${shown(file)}: ${describeProblem(p)}`), 1);
    map = result.map;
    from = `${FORMAT_NAMES[format]} file ${shown(file)}`;
    for (const line of describeReport(result.report)) say(io.err, `not carried: ${line}`);
  } else {
    const result = await importFigure(bytes);
    if (!result.ok) throw loadProblems(file, result.errors);
    map = result.map;
  }
  const text = serializeMap(map);
  if (out === undefined) {
    io.out(text.trimEnd());
    return 0;
  }
  writeFileAtomic(out, text, target);
  say(io.out, `${shown(out)}: map ${describeMap(map)} from ${from}`);
  return 0;
}
