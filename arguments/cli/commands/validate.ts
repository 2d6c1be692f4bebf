// `argmap validate FILE`: is this a map Argument Atlas opens? A figure it exported (SVG, PNG,
// PDF, told by its content, not its name) is checked for the map it carries.
import { figureKind, importFigure } from '../../export/embed';
import { describeIssue } from '../../format/errors';
import { loadMap } from '../../format/load';
import { CURRENT_VERSION } from '../../format/schema';
import { say, type Io } from '../io';
import { describeMap, loadProblems } from '../maps';
import { parseOptions, positional } from '../options';
import { shown } from '../quote';
import { FIGURE_FILE, MAP_FILE, readBytes, type SniffedKind } from '../read';
import { COMMAND_USAGE } from './usage';

/** A figure may be larger than a map: the limit is chosen by what the file starts with. */
const MAP_OR_FIGURE: SniffedKind = { noun: 'a map file or a figure', choose: (head) => (figureKind(head) ? FIGURE_FILE : MAP_FILE) };

const KIND_NAMES = { svg: 'SVG', png: 'PNG', pdf: 'PDF' } as const;

export async function run(rest: string[], io: Io): Promise<number> {
  const spec = { command: 'validate', valued: [], flags: [], usage: COMMAND_USAGE.validate } as const;
  const [file] = positional(parseOptions(rest, spec), ['FILE'], spec) as [string];
  const bytes = readBytes(file, MAP_OR_FIGURE);
  const kind = figureKind(bytes);
  // What the exporter says is wrong with a figure (no map in it, a damaged chunk) or with the map it carries.
  const result = kind ? await importFigure(bytes) : loadMap(bytes);
  if (!result.ok) throw loadProblems(file, result.errors);
  // An older file is valid: it opens, migrated in memory; saving it writes the current version.
  const older = result.fromVersion < CURRENT_VERSION ? `, file format version ${result.fromVersion} (saved as version ${CURRENT_VERSION} once changed)` : '';
  say(io.out, kind ? `${shown(file)}: ${KIND_NAMES[kind]} figure carrying a valid map ${describeMap(result.map)}${older}` : `${shown(file)}: valid map ${describeMap(result.map)}${older}`);
  // What opening it would say: fields moved aside, evaluations or threads that do not fit (kept).
  for (const w of result.warnings) say(io.err, `${shown(file)}: note: ${describeIssue(w)}`);
  return 0;
}
