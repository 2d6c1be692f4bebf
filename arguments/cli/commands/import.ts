// `argmap import FIGURE [--out MAP] [--force]`: the map a figure exported by Argument Atlas
// carries, to standard output or written atomically to a new map file.
import { importFigure } from '../../export/embed';
import { serializeMap } from '../../format/serialize';
import { CliError, say, type Io } from '../io';
import { describeMap, loadProblems } from '../maps';
import { parseOptions, positional } from '../options';
import { shown } from '../quote';
import { FIGURE_FILE, readBytes } from '../read';
import { checkTarget, writeFileAtomic } from '../write';
import { COMMAND_USAGE } from './usage';

export async function run(rest: string[], io: Io): Promise<number> {
  const spec = { command: 'import', valued: ['out'], flags: ['force'], usage: COMMAND_USAGE.import } as const;
  const parsed = parseOptions(rest, spec);
  const [file] = positional(parsed, ['FIGURE'], spec) as [string];
  const out = parsed.values.get('out');
  const target = { overwrite: parsed.flags.has('force') };
  if (out !== undefined) {
    if (!out.endsWith('.json')) throw new CliError(`argmap import: name the map *.argmap.json (got ${shown(out)}).`);
    checkTarget(out, target);
  }
  const result = await importFigure(readBytes(file, FIGURE_FILE));
  if (!result.ok) throw loadProblems(file, result.errors);
  const text = serializeMap(result.map);
  if (out === undefined) {
    io.out(text.trimEnd());
    return 0;
  }
  writeFileAtomic(out, text, target);
  say(io.out, `${shown(out)}: map ${describeMap(result.map)} from ${shown(file)}`);
  return 0;
}
