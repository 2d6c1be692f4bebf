// `argmap source remove MAP ID`: refused, with the operation's own sentence, while evidence
// quotes the source; written back atomically.
import { deleteSource } from '../../operations';
import { CliError, say, type Io } from '../io';
import { applyAll, openMap, saveMap } from '../maps';
import { parseOptions, positional } from '../options';
import { quote, shown } from '../quote';
import { SOURCE_USAGE } from './usage';

const MAX_NAMED = 10;

export function run(rest: string[], io: Io): number {
  const spec = { command: 'source remove', valued: [], flags: [], usage: SOURCE_USAGE.remove } as const;
  const [file, id] = positional(parseOptions(rest, spec), ['MAP', 'ID'], spec) as [string, string];
  const opened = openMap(file);
  const { sources } = opened.map;
  if (!Object.hasOwn(sources, id)) {
    const ids = Object.keys(sources);
    const known = ids.length === 0 ? 'it has no sources' : `its sources are ${ids.slice(0, MAX_NAMED).join(', ')}${ids.length > MAX_NAMED ? ` and ${ids.length - MAX_NAMED} more` : ''}`;
    throw new CliError(`argmap source remove: ${shown(file)} has no source ${quote(id)}; ${known}.`, 1);
  }
  const title = sources[id]!.title;
  saveMap(opened, applyAll(opened.map, [deleteSource(id)], 'source remove'), io.now());
  say(io.out, `${shown(file)}: removed the source ${quote(id)} (${quote(title)})`);
  return 0;
}
