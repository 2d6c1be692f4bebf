// `argmap new FILE [--title T] [--force]`: a blank map, written atomically.
import { serializeMap } from '../../format/serialize';
import { emptyMap } from '../../model';
import { CliError, say, type Io } from '../io';
import { parseOptions, positional } from '../options';
import { shown } from '../quote';
import { writeFileAtomic } from '../write';
import { COMMAND_USAGE } from './usage';

export function run(rest: string[], io: Io): number {
  const spec = { command: 'new', valued: ['title'], flags: ['force'], usage: COMMAND_USAGE.new } as const;
  const parsed = parseOptions(rest, spec);
  const [file] = positional(parsed, ['FILE'], spec) as [string];
  if (!file.endsWith('.json')) throw new CliError(`argmap new: name the file *.argmap.json (got ${shown(file)}).`);
  writeFileAtomic(file, serializeMap(emptyMap(io.now(), parsed.values.get('title'))), { overwrite: parsed.flags.has('force') });
  say(io.out, `${shown(file)}: blank map written`);
  return 0;
}
